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

/// Open and save dialogs.
pub trait FileDialogs {
    /// Asks for a budget file to open.
    fn pick_open(&mut self, dir: Option<&Path>) -> DialogOutcome;
    /// Asks where to save, suggesting `name`.
    fn pick_save(&mut self, dir: Option<&Path>, name: &str) -> DialogOutcome;
    /// Asks where to save a PNG image, suggesting `name`.
    fn pick_png(&mut self, dir: Option<&Path>, name: &str) -> DialogOutcome {
        self.pick_save(dir, name)
    }
    /// Asks where to save a PDF, suggesting `name`.
    fn pick_pdf(&mut self, dir: Option<&Path>, name: &str) -> DialogOutcome {
        self.pick_save(dir, name)
    }
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

impl FileDialogs for NativeDialogs {
    fn pick_open(&mut self, dir: Option<&Path>) -> DialogOutcome {
        let mut dialog = rfd::FileDialog::new().add_filter("Budget (RON)", &["ron"]);
        if let Some(dir) = dir {
            dialog = dialog.set_directory(dir);
        }
        let started = Instant::now();
        outcome(started, dialog.pick_file())
    }

    fn pick_save(&mut self, dir: Option<&Path>, name: &str) -> DialogOutcome {
        let mut dialog = rfd::FileDialog::new()
            .add_filter("Budget (RON)", &["ron"])
            .set_file_name(name);
        if let Some(dir) = dir {
            dialog = dialog.set_directory(dir);
        }
        let started = Instant::now();
        outcome(started, dialog.save_file())
    }

    fn pick_png(&mut self, dir: Option<&Path>, name: &str) -> DialogOutcome {
        let mut dialog = rfd::FileDialog::new()
            .add_filter("PNG", &["png"])
            .set_file_name(name);
        if let Some(dir) = dir {
            dialog = dialog.set_directory(dir);
        }
        let started = Instant::now();
        outcome(started, dialog.save_file())
    }

    fn pick_pdf(&mut self, dir: Option<&Path>, name: &str) -> DialogOutcome {
        let mut dialog = rfd::FileDialog::new()
            .add_filter("PDF", &["pdf"])
            .set_file_name(name);
        if let Some(dir) = dir {
            dialog = dialog.set_directory(dir);
        }
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
    fn pick_open(&mut self, _dir: Option<&Path>) -> DialogOutcome {
        self.outcomes
            .pop_front()
            .unwrap_or(DialogOutcome::Unavailable)
    }

    fn pick_save(&mut self, _dir: Option<&Path>, _name: &str) -> DialogOutcome {
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
    /// The extension of the files shown and written (`ron`, `png`).
    pub extension: &'static str,
    entries: Vec<(String, bool)>,
    error: Option<String>,
}

impl FileBrowser {
    /// A browser in `dir`.
    #[must_use]
    pub fn new(mode: BrowseMode, dir: PathBuf, file_name: String, extension: &'static str) -> Self {
        let mut browser = FileBrowser {
            mode,
            dir,
            file_name,
            extension,
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
                    if is_dir || name.ends_with(&format!(".{}", self.extension)) {
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
        let title = match self.mode {
            BrowseMode::Open => Tr::FileBrowserOpen,
            BrowseMode::Save => Tr::FileBrowserSave,
        };
        ui.heading(title.get(lang));
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
        ui.horizontal(|ui| {
            ui.label(Tr::FileName.get(lang));
            text_field(ui, &mut self.file_name, Tr::FileName.get(lang), 300.0);
        });
        ui.horizontal(|ui| {
            let label = match self.mode {
                BrowseMode::Open => Tr::Open,
                BrowseMode::Save => Tr::Save,
            };
            let name = self.file_name.trim();
            if ui
                .add_enabled(!name.is_empty(), egui::Button::new(label.get(lang)))
                .clicked()
            {
                let mut name = name.to_owned();
                let ext = format!(".{}", self.extension);
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
