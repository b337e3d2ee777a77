//! The eframe app: owns the document, routes menu commands and keyboard shortcuts, applies the
//! views' actions after each frame, and guards unsaved changes on New, Open and close.

use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::Result;
use egui::{Id, RichText, Ui, ViewportCommand};

use crate::checks::Location;
use crate::cli::describe_load_error;
use crate::document::Document;
use crate::io;
use crate::model::Budget;
use crate::sample::{SAMPLE_NAME, sample_budget};
use crate::ui::commands::UiCommand;
use crate::ui::dialogs::{BrowseMode, DialogOutcome, FileBrowser, FileDialogs, NativeDialogs};
use crate::ui::i18n::{Lang, Tr};
use crate::ui::theme::ThemeChoice;
use crate::ui::{self, Action, Tab, ViewState, fonts};

const STORAGE_VIEW: &str = "budget-studio/view";
const STORAGE_RECENT: &str = "budget-studio/recent";
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
}

/// The form of the New dialog.
#[derive(Clone, Debug, Default)]
pub struct NewForm {
    code: String,
    name: String,
    year: String,
    error: Option<String>,
}

/// A dialog over the window.
#[derive(Debug)]
pub enum Dialog {
    /// Save / Discard / Cancel, then `Then`.
    Unsaved(Then),
    /// A message: title and body.
    Message(String, String),
    /// New budget form.
    New(NewForm),
    /// The in-app file browser, for a purpose.
    Browser(Box<FileBrowser>, Purpose),
}

/// What the in-app file browser was opened for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Purpose {
    /// Open a budget.
    Open,
    /// Save the budget, then do `Then`.
    Save(Then),
    /// Export the chart on screen.
    ExportChart,
    /// Export every chart.
    ExportAll,
}

/// How the app starts.
pub struct Startup {
    /// The document to show.
    pub document: Document,
    /// A message to show first (a file from the command line that could not be read).
    pub error: Option<(String, String)>,
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
            },
            Some(path) => match io::load(path) {
                Ok(budget) => Startup {
                    document: Document::new(budget, Some(path.to_owned()), file_name(path)),
                    error: None,
                },
                Err(e) => Startup {
                    document: sample(),
                    error: Some((
                        Tr::OpenFailed.get(Lang::Zh).to_owned(),
                        format!(
                            "{}\n\n{}",
                            describe_load_error(&e, true),
                            Tr::CurrentKept.get(Lang::Zh)
                        ),
                    )),
                },
            },
        }
    }
}

fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

/// The application.
pub struct BudgetApp {
    doc: Document,
    /// View state (tab, table, language …); public for tests.
    pub view: ViewState,
    dialogs: Box<dyn FileDialogs>,
    recent: Vec<PathBuf>,
    dialog: Option<Dialog>,
    status: Option<String>,
    close_confirmed: bool,
    shown_title: String,
    applied_theme: Option<ThemeChoice>,
    started: Option<Instant>,
    was_presenting: bool,
}

impl BudgetApp {
    /// An app showing `startup`, using `dialogs` for files.
    #[must_use]
    pub fn new(startup: Startup, dialogs: Box<dyn FileDialogs>) -> Self {
        BudgetApp {
            doc: startup.document,
            view: ViewState::default(),
            dialogs,
            recent: Vec::new(),
            dialog: startup.error.map(|(t, b)| Dialog::Message(t, b)),
            status: None,
            close_confirmed: false,
            shown_title: String::new(),
            applied_theme: None,
            started: None,
            was_presenting: false,
        }
    }

    /// The open document.
    #[must_use]
    pub fn document(&self) -> &Document {
        &self.doc
    }

    /// True once the user agreed to close (nothing unsaved, or saved/discarded).
    #[must_use]
    pub fn close_confirmed(&self) -> bool {
        self.close_confirmed
    }

    /// The status-bar message.
    #[must_use]
    pub fn status(&self) -> Option<&str> {
        self.status.as_deref()
    }

    /// The window title for the current state.
    #[must_use]
    pub fn title(&self) -> String {
        let lang = self.view.lang;
        let marker = if self.doc.is_modified() { " ●" } else { "" };
        let sample = if self.doc.path().is_none() && self.doc.name() == SAMPLE_NAME {
            format!(" ({})", Tr::Sample.get(lang))
        } else {
            String::new()
        };
        format!(
            "{}{sample}{marker} — {}",
            self.doc.name(),
            Tr::AppName.get(lang)
        )
    }

    fn set_status(&mut self, text: impl Into<String>) {
        self.status = Some(text.into());
    }

    /// Runs a command as if chosen from the menu.
    pub fn command(&mut self, ctx: &egui::Context, command: UiCommand) {
        let lang = self.view.lang;
        match command {
            UiCommand::New => self.request(ctx, Then::New),
            UiCommand::Open => self.request(ctx, Then::Open(None)),
            UiCommand::Save => {
                self.save(ctx, Then::Stay);
            }
            UiCommand::SaveAs => {
                self.save_as(ctx, Then::Stay);
            }
            UiCommand::Quit => self.request(ctx, Then::Quit),
            UiCommand::Undo => {
                self.view.editing = None;
                let message = match self.doc.undo() {
                    Some(label) => format!("{}：{label}", Tr::Undone.get(lang)),
                    None => Tr::NothingToUndo.get(lang).to_owned(),
                };
                self.set_status(message);
            }
            UiCommand::Redo => {
                self.view.editing = None;
                let message = match self.doc.redo() {
                    Some(label) => format!("{}：{label}", Tr::Redone.get(lang)),
                    None => Tr::NothingToRedo.get(lang).to_owned(),
                };
                self.set_status(message);
            }
            UiCommand::ToggleTheme => {
                self.view.theme = if self.view.theme.is_dark() {
                    ThemeChoice::Light
                } else {
                    ThemeChoice::Dark
                };
            }
        }
    }

    /// Asks about unsaved changes when there are any, then does `then`.
    fn request(&mut self, ctx: &egui::Context, then: Then) {
        self.doc.commit_pending();
        self.view.editing = None;
        if self.doc.is_modified() {
            self.dialog = Some(Dialog::Unsaved(then));
        } else {
            self.perform(ctx, then);
        }
    }

    fn perform(&mut self, ctx: &egui::Context, then: Then) {
        match then {
            Then::Stay => {}
            Then::Quit => {
                self.close_confirmed = true;
                ctx.send_viewport_cmd(ViewportCommand::Close);
            }
            Then::New => {
                self.dialog = Some(Dialog::New(NewForm {
                    year: self.doc.budget().profile.year.to_string(),
                    ..NewForm::default()
                }));
            }
            Then::Open(Some(path)) => self.open_path(&path),
            Then::Open(None) => {
                let dir = self.start_dir();
                match self.dialogs.pick_open(dir.as_deref()) {
                    DialogOutcome::Chosen(path) => self.open_path(&path),
                    DialogOutcome::Cancelled => {}
                    DialogOutcome::Unavailable => {
                        let dir = dir.unwrap_or_else(|| PathBuf::from("."));
                        self.dialog = Some(Dialog::Browser(
                            Box::new(FileBrowser::new(
                                BrowseMode::Open,
                                dir,
                                String::new(),
                                "ron",
                            )),
                            Purpose::Open,
                        ));
                    }
                }
            }
        }
    }

    fn start_dir(&self) -> Option<PathBuf> {
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
        match io::load(path) {
            Ok(budget) => {
                self.doc = Document::new(budget, Some(path.to_owned()), file_name(path));
                self.view.editing = None;
                self.view.selected_code = None;
                self.view.project = 0;
                self.remember(path);
                self.set_status(format!("{} {}", Tr::Opened.get(lang), path.display()));
            }
            Err(e) => {
                self.dialog = Some(Dialog::Message(
                    Tr::OpenFailed.get(lang).to_owned(),
                    format!(
                        "{}\n\n{}",
                        describe_load_error(&e, lang.zh()),
                        Tr::CurrentKept.get(lang)
                    ),
                ));
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
    fn save(&mut self, ctx: &egui::Context, then: Then) -> bool {
        self.doc.commit_pending();
        self.view.editing = None;
        match self.doc.path().map(Path::to_owned) {
            Some(path) => self.write(ctx, &path, then),
            None => self.save_as(ctx, then),
        }
    }

    fn save_as(&mut self, ctx: &egui::Context, then: Then) -> bool {
        self.doc.commit_pending();
        let dir = self.start_dir();
        let name = self.doc.name().to_owned();
        match self.dialogs.pick_save(dir.as_deref(), &name) {
            DialogOutcome::Chosen(path) => self.write(ctx, &path, then),
            DialogOutcome::Cancelled => false,
            DialogOutcome::Unavailable => {
                let dir = dir.unwrap_or_else(|| PathBuf::from("."));
                self.dialog = Some(Dialog::Browser(
                    Box::new(FileBrowser::new(BrowseMode::Save, dir, name, "ron")),
                    Purpose::Save(then),
                ));
                false
            }
        }
    }

    fn write(&mut self, ctx: &egui::Context, path: &Path, then: Then) -> bool {
        let lang = self.view.lang;
        match io::save(self.doc.budget(), path) {
            Ok(_stamp) => {
                self.doc.mark_saved(path.to_owned());
                self.remember(path);
                self.set_status(format!("{} {}", Tr::Saved.get(lang), path.display()));
                self.perform(ctx, then);
                true
            }
            Err(e) => {
                self.report_failure(Tr::SaveFailed.get(lang), &e);
                false
            }
        }
    }

    fn apply_actions(&mut self, actions: Vec<Action>) {
        for action in actions {
            match action {
                Action::Preview { label, edit } => {
                    if let Err(e) = self.doc.preview(label, edit) {
                        self.set_status(e.to_string());
                    }
                }
                Action::CancelPreview => self.doc.cancel_pending(),
                Action::CommitPreview => self.doc.commit_pending(),
                Action::Apply { label, edits } => {
                    if let Err(e) = self.doc.apply(label, edits) {
                        self.set_status(e.to_string());
                    }
                }
                Action::Status(text) => self.set_status(text),
                Action::Jump(location) => self.jump(&location),
                Action::Present => self.view.presenting = true,
                Action::ExportChart => self.export(Purpose::ExportChart),
                Action::ExportAllCharts => self.export(Purpose::ExportAll),
            }
        }
    }

    /// Logs a failure once and shows it in a dialog.
    fn report_failure(&mut self, title: &str, error: &dyn std::fmt::Display) {
        log::error!("{title}: {error}");
        self.dialog = Some(Dialog::Message(title.to_owned(), error.to_string()));
    }

    fn export(&mut self, purpose: Purpose) {
        let stem = Path::new(self.doc.name())
            .file_stem()
            .map_or_else(|| "budget".to_owned(), |s| s.to_string_lossy().into_owned());
        let name = match purpose {
            Purpose::ExportChart => format!("{stem}-{}.png", self.view.chart.slug()),
            _ => format!("{stem}.png"),
        };
        let dir = self.start_dir();
        match self.dialogs.pick_png(dir.as_deref(), &name) {
            DialogOutcome::Chosen(path) => match purpose {
                Purpose::ExportAll => self.export_all_to(&path),
                _ => self.export_chart_to(&path),
            },
            DialogOutcome::Cancelled => {}
            DialogOutcome::Unavailable => {
                let dir = dir.unwrap_or_else(|| PathBuf::from("."));
                self.dialog = Some(Dialog::Browser(
                    Box::new(FileBrowser::new(BrowseMode::Save, dir, name, "png")),
                    purpose,
                ));
            }
        }
    }

    /// Writes the chart on screen (with its drill-down) as a 1920×1080 PNG.
    pub fn export_chart_to(&mut self, path: &Path) {
        let lang = self.view.lang;
        let drill = self.view.drill.last().map(String::as_str);
        let result = io::charts::export_chart(
            self.doc.budget(),
            self.doc.derived(),
            self.view.chart,
            drill,
            path,
            lang.zh(),
            self.view.theme.is_dark(),
        );
        match result {
            Ok(()) => self.set_status(format!(
                "{} {}",
                lang.pick("已导出", "Exported"),
                path.display()
            )),
            Err(e) => self.report_failure(lang.pick("导出失败", "Export failed"), &e),
        }
    }

    /// Writes every chart as PNG files named after `path`.
    pub fn export_all_to(&mut self, path: &Path) {
        let lang = self.view.lang;
        match io::charts::export_all(
            self.doc.budget(),
            self.doc.derived(),
            path,
            lang.zh(),
            self.view.theme.is_dark(),
        ) {
            Ok(files) => self.set_status(format!(
                "{} {} × PNG ({})",
                lang.pick("已导出", "Exported"),
                files.len(),
                path.parent()
                    .map(|p| p.display().to_string())
                    .unwrap_or_default()
            )),
            Err(e) => self.report_failure(lang.pick("导出失败", "Export failed"), &e),
        }
    }

    /// Goes to where a finding is.
    pub fn jump(&mut self, location: &Location) {
        self.view.editing = None;
        match location {
            Location::Table { table, code } => {
                self.view.tab = Tab::Tables;
                self.view.table = Some(*table);
                self.view.selected_code.clone_from(code);
                self.view.scroll_to_code.clone_from(code);
            }
            Location::Project { index, .. } => {
                self.view.tab = Tab::Performance;
                self.view.project = *index;
            }
            Location::Procurement | Location::Assets => self.view.tab = Tab::Assets,
            Location::Profile | Location::Narrative => self.view.tab = Tab::Overview,
        }
    }

    /// One frame: shortcuts, menus, the tab, dialogs; then the views' actions are applied.
    pub fn frame(&mut self, ui: &mut Ui) {
        let ctx = ui.ctx().clone();
        if self.applied_theme != Some(self.view.theme) {
            ctx.set_visuals(self.view.theme.visuals());
            self.applied_theme = Some(self.view.theme);
        }
        self.handle_close_request(&ctx);
        self.handle_dropped_files(&ctx);
        if self.dialog.is_none() {
            for command in UiCommand::pressed(&ctx) {
                let typing = self.view.editing.is_some();
                if typing && matches!(command, UiCommand::Undo | UiCommand::Redo) {
                    continue; // the text field's own undo handles it
                }
                self.command(&ctx, command);
            }
        }
        let mut actions = Vec::new();
        if ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::F5))
            && self.dialog.is_none()
        {
            self.view.presenting = !self.view.presenting;
        }
        if self.view.presenting {
            self.present(ui);
            return;
        }
        if self.was_presenting {
            self.was_presenting = false;
            ctx.send_viewport_cmd(ViewportCommand::Fullscreen(false));
        }
        self.menu_bar(ui);
        self.status_bar(ui);
        egui::CentralPanel::default().show(ui, |ui| match self.view.tab {
            Tab::Overview => ui::overview::show(ui, &self.doc, &mut self.view, &mut actions),
            Tab::Tables => ui::tables::show(ui, &self.doc, &mut self.view, &mut actions),
            Tab::Performance => ui::performance::show(ui, &self.doc, &mut self.view, &mut actions),
            Tab::Assets => ui::assets::show(ui, &self.doc, &mut self.view, &mut actions),
        });
        self.apply_actions(actions);
        self.dialogs_ui(&ctx);
        let title = self.title();
        if title != self.shown_title {
            ctx.send_viewport_cmd(ViewportCommand::Title(title.clone()));
            self.shown_title = title;
        }
    }

    /// Presentation mode: one chart per slide, full screen, large type; ←/→ or PgUp/PgDn move,
    /// Backspace goes up a drill level, Esc leaves.
    fn present(&mut self, ui: &mut Ui) {
        let ctx = ui.ctx().clone();
        if !self.was_presenting {
            self.was_presenting = true;
            self.doc.commit_pending();
            self.view.editing = None;
            ctx.send_viewport_cmd(ViewportCommand::Fullscreen(true));
        }
        let (next, prev, up, leave) = ctx.input_mut(|i| {
            let next = i.consume_key(egui::Modifiers::NONE, egui::Key::ArrowRight)
                || i.consume_key(egui::Modifiers::NONE, egui::Key::PageDown)
                || i.consume_key(egui::Modifiers::NONE, egui::Key::Space);
            let prev = i.consume_key(egui::Modifiers::NONE, egui::Key::ArrowLeft)
                || i.consume_key(egui::Modifiers::NONE, egui::Key::PageUp);
            let up = i.consume_key(egui::Modifiers::NONE, egui::Key::Backspace);
            let leave = i.consume_key(egui::Modifiers::NONE, egui::Key::Escape);
            (next, prev, up, leave)
        });
        let kinds = crate::calc::charts::ChartKind::ALL;
        let at = kinds
            .iter()
            .position(|k| *k == self.view.chart)
            .unwrap_or(0);
        if next {
            self.view.chart = kinds[(at + 1) % kinds.len()];
            self.view.drill.clear();
        }
        if prev {
            self.view.chart = kinds[(at + kinds.len() - 1) % kinds.len()];
            self.view.drill.clear();
        }
        if up {
            self.view.drill.pop();
        }
        if leave {
            self.view.presenting = false;
        }
        egui::CentralPanel::default()
            .frame(egui::Frame::NONE)
            .show(ui, |ui| ui::charts::slide(ui, &self.doc, &mut self.view));
    }

    fn handle_close_request(&mut self, ctx: &egui::Context) {
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

    fn handle_dropped_files(&mut self, ctx: &egui::Context) {
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

    fn menu_bar(&mut self, ui: &mut Ui) {
        let lang = self.view.lang;
        let ctx = ui.ctx().clone();
        let mut chosen: Option<UiCommand> = None;
        let mut open_recent: Option<PathBuf> = None;
        let mut export: Option<Purpose> = None;
        egui::Panel::top("menu").show(ui, |ui| {
            egui::MenuBar::new().ui(ui, |ui| {
                ui.menu_button(Tr::MenuFile.get(lang), |ui| {
                    for command in [UiCommand::New, UiCommand::Open] {
                        menu_item(ui, &ctx, command, lang, &mut chosen);
                    }
                    ui.menu_button(Tr::OpenRecent.get(lang), |ui| {
                        if self.recent.is_empty() {
                            ui.label(Tr::NoRecent.get(lang));
                        }
                        for path in &self.recent {
                            if ui.button(path.display().to_string()).clicked() {
                                open_recent = Some(path.clone());
                            }
                        }
                    });
                    ui.separator();
                    for command in [UiCommand::Save, UiCommand::SaveAs] {
                        menu_item(ui, &ctx, command, lang, &mut chosen);
                    }
                    ui.separator();
                    if ui
                        .button(lang.pick("导出当前图表 PNG…", "Export chart as PNG…"))
                        .clicked()
                    {
                        export = Some(Purpose::ExportChart);
                    }
                    if ui
                        .button(lang.pick("导出全部图表 PNG…", "Export all charts as PNG…"))
                        .clicked()
                    {
                        export = Some(Purpose::ExportAll);
                    }
                    ui.separator();
                    menu_item(ui, &ctx, UiCommand::Quit, lang, &mut chosen);
                });
                ui.menu_button(Tr::MenuEdit.get(lang), |ui| {
                    let undo = self
                        .doc
                        .undo_label()
                        .map(|l| format!("{} {l}", Tr::Undo.get(lang)));
                    let redo = self
                        .doc
                        .redo_label()
                        .map(|l| format!("{} {l}", Tr::Redo.get(lang)));
                    let shortcut = |c: UiCommand| {
                        c.shortcut()
                            .map(|s| ctx.format_shortcut(&s))
                            .unwrap_or_default()
                    };
                    if ui
                        .add_enabled(
                            undo.is_some(),
                            egui::Button::new(
                                undo.unwrap_or_else(|| Tr::Undo.get(lang).to_owned()),
                            )
                            .shortcut_text(shortcut(UiCommand::Undo)),
                        )
                        .clicked()
                    {
                        chosen = Some(UiCommand::Undo);
                    }
                    if ui
                        .add_enabled(
                            redo.is_some(),
                            egui::Button::new(
                                redo.unwrap_or_else(|| Tr::Redo.get(lang).to_owned()),
                            )
                            .shortcut_text(shortcut(UiCommand::Redo)),
                        )
                        .clicked()
                    {
                        chosen = Some(UiCommand::Redo);
                    }
                });
                ui.menu_button(Tr::MenuView.get(lang), |ui| {
                    ui.label(Tr::Language.get(lang));
                    ui.radio_value(&mut self.view.lang, Lang::Zh, "简体中文");
                    ui.radio_value(&mut self.view.lang, Lang::En, "English");
                    ui.separator();
                    ui.radio_value(
                        &mut self.view.theme,
                        ThemeChoice::Light,
                        Tr::ThemeLight.get(lang),
                    );
                    ui.radio_value(
                        &mut self.view.theme,
                        ThemeChoice::Dark,
                        Tr::ThemeDark.get(lang),
                    );
                });
            });
            ui.horizontal(|ui| {
                for tab in Tab::ALL {
                    if ui
                        .selectable_label(
                            self.view.tab == tab,
                            RichText::new(tab.label(lang)).size(16.0),
                        )
                        .clicked()
                    {
                        self.view.tab = tab;
                        self.view.editing = None;
                        self.doc.commit_pending();
                    }
                }
            });
        });
        if let Some(path) = open_recent {
            self.request(&ctx, Then::Open(Some(path)));
        }
        if let Some(purpose) = export {
            self.export(purpose);
        }
        if let Some(command) = chosen {
            self.command(&ctx, command);
        }
    }

    fn status_bar(&mut self, ui: &mut Ui) {
        let lang = self.view.lang;
        egui::Panel::bottom("status").show(ui, |ui| {
            ui.horizontal(|ui| {
                let (errors, warnings) = crate::checks::counts(self.doc.findings());
                let dark = ui.visuals().dark_mode;
                ui.colored_label(
                    ui::theme::error_colour(dark),
                    format!("{errors} {}", Tr::Errors.get(lang)),
                );
                ui.colored_label(
                    ui::theme::warning_colour(dark),
                    format!("{warnings} {}", Tr::Warnings.get(lang)),
                );
                ui.separator();
                if self.doc.is_modified() {
                    ui.label(RichText::new(Tr::Modified.get(lang)).italics());
                    ui.separator();
                }
                if let Some(status) = &self.status {
                    ui.label(status);
                }
            });
        });
    }

    fn dialogs_ui(&mut self, ctx: &egui::Context) {
        let lang = self.view.lang;
        let Some(dialog) = self.dialog.take() else {
            return;
        };
        let mut keep = true;
        let mut then_after: Option<Then> = None;
        let mut save_then: Option<Then> = None;
        let mut browsed: Option<(PathBuf, Purpose)> = None;
        let mut new_budget: Option<Budget> = None;
        let mut dialog = dialog;
        let modal = egui::Modal::new(Id::unique("budget-studio-dialog")).show(ctx, |ui| {
            ui.set_max_width(640.0);
            match &mut dialog {
                Dialog::Unsaved(then) => {
                    ui.heading(Tr::UnsavedTitle.get(lang));
                    ui.label(Tr::UnsavedBody.get(lang));
                    ui.horizontal(|ui| {
                        if ui.button(Tr::SaveChanges.get(lang)).clicked() {
                            save_then = Some(then.clone());
                            keep = false;
                        }
                        if ui.button(Tr::Discard.get(lang)).clicked() {
                            then_after = Some(then.clone());
                            keep = false;
                        }
                        if ui.button(Tr::Cancel.get(lang)).clicked() {
                            keep = false;
                        }
                    });
                }
                Dialog::Message(title, body) => {
                    ui.heading(title.as_str());
                    ui.add(egui::Label::new(body.as_str()).wrap());
                    if ui.button(Tr::Ok.get(lang)).clicked() {
                        keep = false;
                    }
                }
                Dialog::New(form) => {
                    ui.heading(Tr::NewBudgetTitle.get(lang));
                    egui::Grid::new("new-form").num_columns(2).show(ui, |ui| {
                        ui.label(Tr::DepartmentCode.get(lang));
                        ui::widgets::text_field(
                            ui,
                            &mut form.code,
                            Tr::DepartmentCode.get(lang),
                            120.0,
                        );
                        ui.end_row();
                        ui.label(Tr::DepartmentName.get(lang));
                        ui::widgets::text_field(
                            ui,
                            &mut form.name,
                            Tr::DepartmentName.get(lang),
                            300.0,
                        );
                        ui.end_row();
                        ui.label(Tr::Year.get(lang));
                        ui::widgets::text_field(ui, &mut form.year, Tr::Year.get(lang), 80.0);
                        ui.end_row();
                    });
                    if let Some(e) = &form.error {
                        ui.colored_label(ui::theme::error_colour(ui.visuals().dark_mode), e);
                    }
                    ui.horizontal(|ui| {
                        if ui.button(Tr::Create.get(lang)).clicked() {
                            match form.year.trim().parse::<i32>() {
                                Ok(year)
                                    if (1990..=2200).contains(&year)
                                        && !form.name.trim().is_empty() =>
                                {
                                    new_budget =
                                        Some(Budget::new(form.code.trim(), form.name.trim(), year));
                                    keep = false;
                                }
                                _ => {
                                    form.error = Some(
                                        lang.pick(
                                            "请填写部门名称和有效年度",
                                            "Enter a department name and a valid year",
                                        )
                                        .to_owned(),
                                    );
                                }
                            }
                        }
                        if ui.button(Tr::Cancel.get(lang)).clicked() {
                            keep = false;
                        }
                    });
                }
                Dialog::Browser(browser, purpose) => {
                    if let Some(outcome) = browser.ui(ui, lang) {
                        keep = false;
                        if let DialogOutcome::Chosen(path) = outcome {
                            browsed = Some((path, purpose.clone()));
                        }
                    }
                }
            }
        });
        if modal.should_close() && !matches!(dialog, Dialog::Unsaved(_)) {
            keep = false;
        }
        if keep {
            self.dialog = Some(dialog);
        }
        if let Some(budget) = new_budget {
            let name = Tr::Untitled.get(lang).to_owned();
            self.doc = Document::new(budget, None, format!("{name}.ron"));
            self.view.selected_code = None;
            self.view.project = 0;
        }
        if let Some(then) = then_after {
            // Discard: drop the changes by performing directly.
            self.perform(ctx, then);
        }
        if let Some(then) = save_then {
            self.save(ctx, then);
        }
        if let Some((path, purpose)) = browsed {
            match purpose {
                Purpose::Open => self.open_path(&path),
                Purpose::Save(then) => {
                    self.write(ctx, &path, then);
                }
                Purpose::ExportChart => self.export_chart_to(&path),
                Purpose::ExportAll => self.export_all_to(&path),
            }
        }
    }

    /// Restores persisted view state and recent files.
    pub fn restore(&mut self, storage: &dyn eframe::Storage) {
        if let Some(view) = eframe::get_value::<ViewState>(storage, STORAGE_VIEW) {
            self.view = view;
        }
        if let Some(recent) = eframe::get_value::<Vec<PathBuf>>(storage, STORAGE_RECENT) {
            self.recent = recent;
        }
    }
}

fn menu_item(
    ui: &mut Ui,
    ctx: &egui::Context,
    command: UiCommand,
    lang: Lang,
    chosen: &mut Option<UiCommand>,
) {
    let shortcut = command
        .shortcut()
        .map(|s| ctx.format_shortcut(&s))
        .unwrap_or_default();
    if ui
        .add(egui::Button::new(command.label(lang)).shortcut_text(shortcut))
        .clicked()
    {
        *chosen = Some(command);
    }
}

impl eframe::App for BudgetApp {
    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        let frame_started = Instant::now();
        self.frame(ui);
        let took = frame_started.elapsed();
        if took.as_millis() > 50 {
            log::warn!(
                "slow frame: {:.0} ms on {:?}",
                took.as_secs_f64() * 1000.0,
                self.view.tab
            );
        }
        if let Some(started) = self.started.take() {
            log::info!(
                "first frame after {:.0} ms",
                started.elapsed().as_secs_f64() * 1000.0
            );
        }
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, STORAGE_VIEW, &self.view);
        eframe::set_value(storage, STORAGE_RECENT, &self.recent);
    }
}

/// Starts the desktop app, opening `file` or the bundled sample.
///
/// # Errors
/// When the window cannot be created.
pub fn run(file: Option<PathBuf>, started: Instant) -> Result<()> {
    let startup = Startup::load(file.as_deref());
    let options = eframe::NativeOptions {
        renderer: eframe::Renderer::Glow,
        viewport: egui::ViewportBuilder::default()
            .with_title("Budget Studio")
            .with_inner_size([1280.0, 800.0])
            .with_min_inner_size([800.0, 500.0])
            .with_drag_and_drop(true),
        persist_window: true,
        ..Default::default()
    };
    eframe::run_native(
        "budget-studio",
        options,
        Box::new(move |cc| {
            fonts::install(&cc.egui_ctx);
            let mut app = BudgetApp::new(startup, Box::new(NativeDialogs));
            if let Some(storage) = cc.storage {
                app.restore(storage);
            }
            app.started = Some(started);
            Ok(Box::new(app))
        }),
    )
    .map_err(|e| anyhow::anyhow!("{e}"))
}
