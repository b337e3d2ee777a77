//! Files: the document the app starts with, New / Open / Save / Save As with the unsaved-changes
//! guard, recent files, dropped files and the window's close request.

use std::path::{Path, PathBuf};

use egui::ViewportCommand;

use super::BudgetApp;
use super::dialogs::{Dialog, NewForm, Purpose};
use crate::document::Document;
use crate::io;
use crate::model::Budget;
use crate::sample::{SAMPLE_NAME, sample_budget};
use crate::ui::dialogs::FileKind;
use crate::ui::i18n::{Lang, Tr};

const RECENT_MAX: usize = 10;

/// What to do once unsaved changes are dealt with.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Then {
    /// Start a new budget.
    New,
    /// Open a file (`None`: ask which).
    Open(Option<PathBuf>),
    /// Close the window.
    Quit,
    /// Nothing further.
    Stay,
    /// Put this budget in the window as a new, unsaved document with this name (an imported
    /// workbook).
    Adopt(Box<Budget>, String),
}

/// How the app starts.
pub struct Startup {
    /// The document to show.
    pub document: Document,
    /// A message to show first (a file from the command line that could not be read).
    pub error: Option<(String, String)>,
    /// The file as it was read, to notice changes by other programs.
    pub stamp: Option<io::FileStamp>,
}

impl Startup {
    /// Opens `file`, or the bundled sample; an unreadable file starts on the sample with a dialog.
    #[must_use]
    pub fn load(file: Option<&Path>) -> Self {
        let sample = || {
            let budget = sample_budget().unwrap_or_else(|_| Budget::new("", "", 2022));
            Document::new(budget, None, SAMPLE_NAME)
        };
        match file {
            None => Startup {
                document: sample(),
                error: None,
                stamp: None,
            },
            Some(path) => match io::load_file(path) {
                Ok(loaded) => Startup {
                    document: Document::new(loaded.budget, Some(path.to_owned()), file_name(path)),
                    error: None,
                    stamp: Some(loaded.stamp),
                },
                Err(e) => Startup {
                    document: sample(),
                    error: Some(open_failed(&e, Lang::Zh)),
                    stamp: None,
                },
            },
        }
    }
}

/// The dialog's title and body for a file that could not be opened.
fn open_failed(e: &io::LoadError, lang: Lang) -> (String, String) {
    (
        Tr::OpenFailed.get(lang).to_owned(),
        format!("{}\n\n{}", e.describe(lang.zh()), Tr::CurrentKept.get(lang)),
    )
}

fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

impl BudgetApp {
    /// Asks about unsaved changes when there are any, then does `then`.
    pub(super) fn request(&mut self, ctx: &egui::Context, then: Then) {
        self.doc.commit_pending();
        self.view.editing = None;
        if self.doc.is_modified() {
            self.dialog = Some(Dialog::Unsaved(then));
        } else {
            self.perform(ctx, then);
        }
    }

    /// Does `then` without asking (the changes are saved or discarded).
    pub(super) fn perform(&mut self, ctx: &egui::Context, then: Then) {
        match then {
            Then::Stay => {}
            Then::Adopt(budget, name) => self.adopt(*budget, name),
            Then::Quit => {
                // Saved, or discarded on purpose: no copy to recover.
                self.drop_recovery_copy();
                self.close_confirmed = true;
                ctx.send_viewport_cmd(ViewportCommand::Close);
            }
            Then::New => {
                self.dialog = Some(Dialog::New(NewForm::for_year(
                    self.doc.budget().profile.year,
                )));
            }
            Then::Open(Some(path)) => self.open_path(&path),
            Then::Open(None) => {
                if let Some(path) = self.ask_path(FileKind::Budget, String::new(), Purpose::Open) {
                    self.open_path(&path);
                }
            }
        }
    }

    /// Where file dialogs start: beside the open file, else the last recent one, else here.
    pub(super) fn start_dir(&self) -> Option<PathBuf> {
        self.doc
            .path()
            .and_then(Path::parent)
            .map(Path::to_owned)
            .or_else(|| {
                self.recent
                    .first()
                    .and_then(|p| p.parent())
                    .map(Path::to_owned)
            })
            .or_else(|| std::env::current_dir().ok())
    }

    /// Opens `path`; on failure the current document stays and a dialog says why.
    pub fn open_path(&mut self, path: &Path) {
        let lang = self.view.lang;
        match io::load_file(path) {
            Ok(loaded) => {
                self.doc = Document::new(loaded.budget, Some(path.to_owned()), file_name(path));
                self.stamp = Some(loaded.stamp);
                self.dismissed = None;
                self.view.editing = None;
                self.view.selected_code = None;
                self.view.project = 0;
                self.remember(path);
                let mut status = format!("{} {}", Tr::Opened.get(lang), path.display());
                // A GBK file or an older format: say that saving will change how it is written.
                for notice in &loaded.notices {
                    status.push_str(" · ");
                    status.push_str(&notice.text(lang.zh()));
                }
                self.set_status(status);
            }
            Err(e) => {
                let (title, body) = open_failed(&e, lang);
                self.dialog = Some(Dialog::Message(title, body));
            }
        }
    }

    fn remember(&mut self, path: &Path) {
        let path = path.to_owned();
        self.recent.retain(|p| *p != path);
        self.recent.insert(0, path);
        self.recent.truncate(RECENT_MAX);
    }

    /// Saves to the document's path, or asks for one. Returns true when saved.
    pub(super) fn save(&mut self, ctx: &egui::Context, then: Then) -> bool {
        self.doc.commit_pending();
        self.view.editing = None;
        match self.doc.path().map(Path::to_owned) {
            Some(path) => self.write(ctx, &path, then),
            None => self.save_as(ctx, then),
        }
    }

    /// Asks where to save, then saves. Returns true when saved.
    pub(super) fn save_as(&mut self, ctx: &egui::Context, then: Then) -> bool {
        self.doc.commit_pending();
        let name = self.doc.name().to_owned();
        match self.ask_path(FileKind::Budget, name, Purpose::Save(then.clone())) {
            Some(path) => self.write(ctx, &path, then),
            None => false,
        }
    }

    /// Writes the budget to `path`, then does `then`. Returns true when saved. Saving over the
    /// open file first checks that no other program changed it since it was read or written;
    /// if one did, the officer is asked instead.
    pub(super) fn write(&mut self, ctx: &egui::Context, path: &Path, then: Then) -> bool {
        let own_file = self.doc.path() == Some(path);
        let expected = if own_file { self.stamp.clone() } else { None };
        self.write_expecting(ctx, path, then, expected.as_ref())
    }

    /// Writes the budget to `path` whatever is there now (the officer chose to overwrite).
    pub(super) fn write_unchecked(&mut self, ctx: &egui::Context, path: &Path, then: Then) -> bool {
        self.write_expecting(ctx, path, then, None)
    }

    fn write_expecting(
        &mut self,
        ctx: &egui::Context,
        path: &Path,
        then: Then,
        expected: Option<&io::FileStamp>,
    ) -> bool {
        let lang = self.view.lang;
        match io::save_checked(self.doc.file(), path, expected) {
            Ok(stamp) => {
                self.doc.mark_saved(path.to_owned());
                self.stamp = Some(stamp);
                self.dismissed = None;
                self.drop_recovery_copy();
                self.remember(path);
                self.set_status(format!("{} {}", Tr::Saved.get(lang), path.display()));
                self.perform(ctx, then);
                true
            }
            Err(io::SaveError::ChangedOnDisk { .. }) => {
                self.safety = Some(super::SafetyDialog::ChangedOnDisk {
                    path: path.to_owned(),
                    saving: true,
                    then,
                });
                false
            }
            Err(e) => {
                self.report_failure(Tr::SaveFailed.get(lang), &e);
                false
            }
        }
    }

    /// Closing the window asks about unsaved changes first.
    pub(super) fn handle_close_request(&mut self, ctx: &egui::Context) {
        if ctx.input(|i| i.viewport().close_requested()) && !self.close_confirmed {
            self.doc.commit_pending();
            if self.doc.is_modified() {
                ctx.send_viewport_cmd(ViewportCommand::CancelClose);
                self.dialog = Some(Dialog::Unsaved(Then::Quit));
            } else {
                self.close_confirmed = true;
            }
        }
    }

    /// A file dropped on the window is opened (after the unsaved-changes guard).
    pub(super) fn handle_dropped_files(&mut self, ctx: &egui::Context) {
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_owned())
                .filter(|p| !p.as_os_str().is_empty())
                .collect()
        });
        if let Some(path) = dropped.into_iter().next() {
            self.request(ctx, Then::Open(Some(path)));
        }
    }
}
