//! File dialogs behind a trait, so tests and headless runs never block on one; the native dialog
//! (rfd) with an in-app browser as fallback where the desktop offers none.

use std::collections::VecDeque;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use egui::{RichText, Ui};

use super::i18n::{Lang, Tr};
use super::widgets::text_field;

/// What a file dialog returned.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DialogOutcome {
    /// The user chose a path.
    Chosen(PathBuf),
    /// The user cancelled.
    Cancelled,
    /// No dialog could be shown: use the in-app browser.
    Unavailable,
}

/// The kinds of file the app opens and writes, each with its extension and the filter a native
/// dialog shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    /// A budget (`.ron`).
    Budget,
    /// A chart image (`.png`).
    Png,
    /// An Excel workbook (`.xlsx`).
    Workbook,
    /// A PDF document (`.pdf`).
    Pdf,
    /// A 科目 catalogue: CSV or a workbook of two columns.
    Catalogue,
    /// A disclosure template (`.ron`).
    Template,
}

impl FileKind {
    /// The extension written and shown, without the dot.
    #[must_use]
    pub fn extension(self) -> &'static str {
        match self {
            FileKind::Budget => "ron",
            FileKind::Png => "png",
            FileKind::Workbook => "xlsx",
            FileKind::Pdf => "pdf",
            FileKind::Catalogue => "csv",
            FileKind::Template => "ron",
        }
    }

    /// Every extension a file of this kind may have (the first is the one written).
    #[must_use]
    pub fn extensions(self) -> &'static [&'static str] {
        match self {
            FileKind::Catalogue => &["csv", "xlsx", "xls", "ods"],
            FileKind::Workbook => &["xlsx", "xls", "ods"],
            FileKind::Budget | FileKind::Template => &["ron"],
            FileKind::Png => &["png"],
            FileKind::Pdf => &["pdf"],
        }
    }

    /// The name of the dialog's filter.
    #[must_use]
    pub fn filter_name(self) -> &'static str {
        match self {
            FileKind::Budget => "Budget (RON)",
            FileKind::Png => "PNG",
            FileKind::Workbook => "Excel (xlsx)",
            FileKind::Pdf => "PDF",
            FileKind::Catalogue => "科目 (CSV, Excel)",
            FileKind::Template => "Template (RON)",
        }
    }
}

/// Open and save dialogs.
pub trait FileDialogs {
    /// Asks for a file of `kind` to open.
    fn pick_open(&mut self, kind: FileKind, dir: Option<&Path>) -> DialogOutcome;
    /// Asks where to save a file of `kind`, suggesting `name`.
    fn pick_save(&mut self, kind: FileKind, dir: Option<&Path>, name: &str) -> DialogOutcome;
}

/// The system's dialogs through rfd.
///
/// On Linux rfd talks to xdg-desktop-portal or falls back to zenity; with neither it returns
/// `None` at once. A person cannot cancel a dialog in a fraction of a second, so an immediate
/// `None` is taken as "no dialog available" and the app opens its own browser instead.
#[derive(Debug, Default)]
pub struct NativeDialogs;

const TOO_FAST: Duration = Duration::from_millis(250);

fn outcome(started: Instant, picked: Option<PathBuf>) -> DialogOutcome {
    match picked {
        Some(p) => DialogOutcome::Chosen(p),
        None if started.elapsed() < TOO_FAST => DialogOutcome::Unavailable,
        None => DialogOutcome::Cancelled,
    }
}

fn native(kind: FileKind, dir: Option<&Path>) -> rfd::FileDialog {
    let dialog = rfd::FileDialog::new().add_filter(kind.filter_name(), kind.extensions());
    match dir {
        Some(dir) => dialog.set_directory(dir),
        None => dialog,
    }
}

impl FileDialogs for NativeDialogs {
    fn pick_open(&mut self, kind: FileKind, dir: Option<&Path>) -> DialogOutcome {
        let dialog = native(kind, dir);
        let started = Instant::now();
        outcome(started, dialog.pick_file())
    }

    fn pick_save(&mut self, kind: FileKind, dir: Option<&Path>, name: &str) -> DialogOutcome {
        let dialog = native(kind, dir).set_file_name(name);
        let started = Instant::now();
        outcome(started, dialog.save_file())
    }
}

/// Answers from a script, for tests: each call takes the next outcome (`Unavailable` when empty).
#[derive(Debug, Default)]
pub struct ScriptedDialogs {
    /// The outcomes to give, in order.
    pub outcomes: VecDeque<DialogOutcome>,
}

impl FileDialogs for ScriptedDialogs {
    fn pick_open(&mut self, _kind: FileKind, _dir: Option<&Path>) -> DialogOutcome {
        self.outcomes
            .pop_front()
            .unwrap_or(DialogOutcome::Unavailable)
    }

    fn pick_save(&mut self, _kind: FileKind, _dir: Option<&Path>, _name: &str) -> DialogOutcome {
        self.outcomes
            .pop_front()
            .unwrap_or(DialogOutcome::Unavailable)
    }
}

/// Open or save.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BrowseMode {
    /// Choose an existing file.
    Open,
    /// Choose a folder and a name.
    Save,
}

/// The in-app file browser.
#[derive(Clone, Debug)]
pub struct FileBrowser {
    /// Open or save.
    pub mode: BrowseMode,
    /// The folder shown.
    pub dir: PathBuf,
    /// The typed or clicked file name.
    pub file_name: String,
    /// The kind of file shown and written.
    pub kind: FileKind,
    /// A heading of its own (`附加上年预算`), where the mode and kind do not say what the file is for.
    pub title: Option<Tr>,
    entries: Vec<(String, bool)>,
    error: Option<String>,
}

impl FileBrowser {
    /// A browser in `dir`.
    #[must_use]
    pub fn new(mode: BrowseMode, dir: PathBuf, file_name: String, kind: FileKind) -> Self {
        let mut browser = FileBrowser {
            mode,
            dir,
            file_name,
            kind,
            title: None,
            entries: Vec::new(),
            error: None,
        };
        browser.refresh();
        browser
    }

    fn refresh(&mut self) {
        self.entries.clear();
        self.error = None;
        match std::fs::read_dir(&self.dir) {
            Ok(read) => {
                for entry in read.flatten() {
                    let name = entry.file_name().to_string_lossy().into_owned();
                    if name.starts_with('.') {
                        continue;
                    }
                    let is_dir = entry.file_type().is_ok_and(|t| t.is_dir());
                    let wanted = self
                        .kind
                        .extensions()
                        .iter()
                        .any(|e| name.to_ascii_lowercase().ends_with(&format!(".{e}")));
                    if is_dir || wanted {
                        self.entries.push((name, is_dir));
                    }
                }
                self.entries
                    .sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
            }
            Err(e) => self.error = Some(e.to_string()),
        }
    }

    /// Draws the browser; returns the outcome once the user decides.
    pub fn ui(&mut self, ui: &mut Ui, lang: Lang) -> Option<DialogOutcome> {
        let title = match (self.mode, self.kind) {
            _ if let Some(title) = self.title => title.get(lang),
            (BrowseMode::Open, FileKind::Budget) => Tr::FileBrowserOpen.get(lang),
            (BrowseMode::Save, FileKind::Budget) => Tr::FileBrowserSave.get(lang),
            (BrowseMode::Open, FileKind::Workbook) => {
                lang.pick("打开 Excel 工作簿", "Open an Excel workbook")
            }
            (BrowseMode::Open, FileKind::Catalogue) => lang.pick(
                "载入科目目录（CSV 或 Excel）",
                "Load a 科目 catalogue (CSV or Excel)",
            ),
            (BrowseMode::Open, FileKind::Template) => {
                lang.pick("载入公开模板", "Load a disclosure template")
            }
            (BrowseMode::Open, FileKind::Png | FileKind::Pdf)
            | (BrowseMode::Save, FileKind::Catalogue | FileKind::Template) => {
                lang.pick("打开文件", "Open a file")
            }
            (BrowseMode::Save, FileKind::Pdf) => lang.pick("保存 PDF", "Save the PDF"),
            (BrowseMode::Save, FileKind::Png) => lang.pick("保存图片", "Save the image"),
            (BrowseMode::Save, FileKind::Workbook) => {
                lang.pick("保存 Excel 工作簿", "Save the Excel workbook")
            }
        };
        ui.heading(title);
        ui.label(RichText::new(Tr::NoDialog.get(lang)).weak());
        let mut result = None;
        ui.horizontal(|ui| {
            if ui.button(Tr::Up.get(lang)).clicked()
                && let Some(parent) = self.dir.parent()
            {
                self.dir = parent.to_owned();
                self.refresh();
            }
            let mut dir_text = self.dir.display().to_string();
            let response = text_field(ui, &mut dir_text, Tr::Folder.get(lang), 420.0);
            if response.changed() {
                self.dir = PathBuf::from(&dir_text);
            }
            if response.lost_focus() {
                self.refresh();
            }
        });
        if let Some(error) = &self.error {
            ui.colored_label(super::theme::error_colour(ui.visuals().dark_mode), error);
        }
        egui::ScrollArea::vertical()
            .max_height(300.0)
            .show(ui, |ui| {
                let mut go_into = None;
                for (name, is_dir) in &self.entries {
                    let label = if *is_dir {
                        format!("▶ {name}/")
                    } else {
                        name.clone()
                    };
                    let response = ui.selectable_label(self.file_name == *name, label);
                    if response.clicked() {
                        if *is_dir {
                            go_into = Some(name.clone());
                        } else {
                            self.file_name = name.clone();
                        }
                    }
                    if response.double_clicked() && !*is_dir {
                        result = Some(DialogOutcome::Chosen(self.dir.join(name)));
                    }
                }
                if let Some(name) = go_into {
                    self.dir = self.dir.join(name);
                    self.refresh();
                }
            });
        let mut entered = false;
        ui.horizontal(|ui| {
            ui.label(Tr::FileName.get(lang));
            let field = text_field(ui, &mut self.file_name, Tr::FileName.get(lang), 300.0);
            // Enter in the name field chooses, as in the system's own dialogs.
            entered = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        });
        ui.horizontal(|ui| {
            let label = match self.mode {
                BrowseMode::Open => Tr::Open,
                BrowseMode::Save => Tr::Save,
            };
            let name = self.file_name.trim();
            let clicked = ui
                .add_enabled(!name.is_empty(), egui::Button::new(label.get(lang)))
                .clicked();
            if (clicked || entered) && !name.is_empty() {
                let mut name = name.to_owned();
                let ext = format!(".{}", self.kind.extension());
                if self.mode == BrowseMode::Save && !name.ends_with(&ext) {
                    name.push_str(&ext);
                }
                result = Some(DialogOutcome::Chosen(self.dir.join(name)));
            }
            if ui.button(Tr::Cancel.get(lang)).clicked() {
                result = Some(DialogOutcome::Cancelled);
            }
        });
        result
    }
}
