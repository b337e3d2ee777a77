//! The eframe app: owns the document, runs commands (from menus, buttons and keys), applies the
//! views' actions after each frame and draws the frame. Files, export, menus, dialogs and
//! presentation mode each have their own module.

mod catalogue;
mod checked_export;
mod dialogs;
mod export;
mod files;
mod help;
mod last_year;
mod menus;
mod pdf;
mod present;
mod recovery;
mod safety;
mod templates;
mod unit_export;
mod units;
mod workbook;

use std::path::PathBuf;
use std::time::Instant;

use anyhow::Result;
use egui::{Ui, ViewportCommand};

pub use dialogs::{Dialog, NewForm, Purpose};
pub use files::{Startup, Then};
pub use recovery::{Orphan, Recovery, RecoveryMeta};
pub use safety::SafetyDialog;

use crate::checks::Location;
use crate::document::Document;
use crate::sample::SAMPLE_NAME;
use crate::ui::commands::UiCommand;
use crate::ui::dialogs::{FileDialogs, NativeDialogs};
use crate::ui::i18n::Tr;
use crate::ui::theme::ThemeChoice;
use crate::ui::{self, Action, PerformanceSection, Tab, ViewState, fonts};
use checked_export::Publication;

/// The name eframe knows the app by: it picks the settings folder, and on Linux the window's
/// app id, which the desktop entry (budget-studio.desktop) has to match.
const APP_ID: &str = "budget-studio";
const STORAGE_VIEW: &str = "budget-studio/view";
const STORAGE_RECENT: &str = "budget-studio/recent";

/// The application.
pub struct BudgetApp {
    doc: Document,
    /// View state (tab, table, language …); public for tests.
    pub view: ViewState,
    dialogs: Box<dyn FileDialogs>,
    recent: Vec<PathBuf>,
    dialog: Option<Dialog>,
    status: Option<String>,
    /// The document's generation and the language when the status was set: a status is about
    /// the budget as it stood, in the language it was written in, and goes when either changes.
    status_key: (u64, ui::i18n::Lang),
    close_confirmed: bool,
    shown_title: String,
    applied_theme: Option<ThemeChoice>,
    started: Option<Instant>,
    was_presenting: bool,
    /// The autosave copy, when the app keeps one.
    recovery: Option<Recovery>,
    /// The officer's templates folder, where 载入模板… keeps a copy (none in tests).
    templates_dir: Option<PathBuf>,
    /// A question about the file's safety (changed on disk, a copy to recover).
    safety: Option<SafetyDialog>,
    /// The open file as last read or written.
    stamp: Option<crate::io::FileStamp>,
    /// A change on disk the officer chose to keep their own content over.
    dismissed: Option<crate::io::FileStamp>,
    was_focused: bool,
    /// 导出全部单位… under way.
    unit_export: Option<unit_export::UnitExport>,
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
            status_key: (0, ui::i18n::Lang::Zh),
            close_confirmed: false,
            shown_title: String::new(),
            applied_theme: None,
            started: None,
            was_presenting: false,
            recovery: None,
            templates_dir: None,
            safety: None,
            stamp: startup.stamp,
            dismissed: None,
            was_focused: true,
            unit_export: None,
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
        self.status_key = (self.doc.generation(), self.view.lang);
    }

    /// Drops a status that no longer holds: the budget changed, or the language did.
    fn expire_status(&mut self) {
        if self.status.is_some() && self.status_key != (self.doc.generation(), self.view.lang) {
            self.status = None;
        }
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
                    Some(label) => format!("{}{}{label}", Tr::Undone.get(lang), lang.colon()),
                    None => Tr::NothingToUndo.get(lang).to_owned(),
                };
                self.set_status(message);
            }
            UiCommand::Redo => {
                self.view.editing = None;
                let message = match self.doc.redo() {
                    Some(label) => format!("{}{}{label}", Tr::Redone.get(lang), lang.colon()),
                    None => Tr::NothingToRedo.get(lang).to_owned(),
                };
                self.set_status(message);
            }
            // F5 both starts and ends a presentation, as in slide software.
            UiCommand::Present => self.view.presenting = !self.view.presenting,
            UiCommand::ExportChart => self.export(Purpose::ExportChart),
            UiCommand::ExportAllCharts => self.export(Purpose::ExportAll),
            UiCommand::ExportWorkbook => self.export_checked(Publication::Workbook),
            UiCommand::ImportWorkbook => self.import_workbook(),
            UiCommand::AttachLastYear => self.attach_last_year(),
            UiCommand::LoadCatalogue => self.load_catalogue(),
            UiCommand::LoadTemplate => self.load_template(),
            UiCommand::NewYear => self.new_year(ctx),
            UiCommand::ExportPdf => self.export_checked(Publication::Pdf),
            UiCommand::Print => self.export_checked(Publication::Print),
            UiCommand::PdfCharts => self.view.pdf_charts = Some(!self.pdf_charts()),
            UiCommand::WorkbookTablesOnly => {
                self.view.workbook_tables_only = !self.view.workbook_tables_only;
            }
            UiCommand::ExportUnits => self.export_units(),
            UiCommand::Theme(theme) => self.view.theme = theme,
            UiCommand::Language(lang) => self.view.lang = lang,
            UiCommand::Tab(tab) => {
                self.view.tab = tab;
                self.view.editing = None;
                self.doc.commit_pending();
            }
            UiCommand::Shortcuts => self.dialog = Some(Dialog::Shortcuts),
            UiCommand::About => self.dialog = Some(Dialog::About),
        }
    }

    fn apply_actions(&mut self, ctx: &egui::Context, actions: Vec<Action>) {
        for action in actions {
            match action {
                Action::Preview { label, edit } => {
                    if let Err(e) = self.doc.preview(label, edit) {
                        self.set_status(ui::i18n::one_language(&e.to_string(), self.view.lang));
                    }
                }
                Action::CancelPreview => self.doc.cancel_pending(),
                Action::CommitPreview => self.doc.commit_pending(),
                Action::Apply { label, edits } => {
                    if let Err(e) = self.doc.apply(label, edits) {
                        self.set_status(ui::i18n::one_language(&e.to_string(), self.view.lang));
                    }
                }
                Action::Status(text) => self.set_status(text),
                Action::Jump(location) => self.jump(&location),
                Action::WriteText(field) => {
                    self.jump(&Location::Narrative);
                    self.view.narrative_draft = Some(ui::narrative::NarrativeDraft {
                        field: crate::calc::narrative::OfficerField::Narrative(field),
                        text: field.get(&self.doc.budget().narrative).to_owned(),
                        focused: false,
                    });
                    self.view.narrative_focus = Some(field);
                }
                Action::Command(command) => self.command(ctx, command),
                Action::Scope(unit) => self.see_unit(unit),
                Action::StartUnitBudget(unit) => self.start_unit_budget(unit),
                Action::Select(code) => {
                    self.view.tab = Tab::Tables;
                    self.view.scroll_to_code = Some(code.clone());
                    self.view.selected_code = Some(code);
                }
            }
        }
    }

    /// Logs a failure once and shows it in a dialog.
    fn report_failure(&mut self, title: &str, error: &dyn std::fmt::Display) {
        log::error!("{title}: {error}");
        self.dialog = Some(Dialog::Message(title.to_owned(), error.to_string()));
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
                self.view.performance_section = PerformanceSection::Forms;
                self.view.project = *index;
            }
            Location::Description { index } => {
                self.view.tab = Tab::Performance;
                self.view.performance_section = PerformanceSection::Descriptions;
                self.view.description = *index;
            }
            Location::Projects => {
                self.view.tab = Tab::Performance;
                self.view.performance_section = PerformanceSection::Forms;
            }
            Location::PerformanceStatement => {
                self.view.tab = Tab::Performance;
                self.view.performance_section = PerformanceSection::Descriptions;
            }
            Location::Procurement | Location::Assets => self.view.tab = Tab::Assets,
            Location::Profile => {
                self.view.tab = Tab::Narrative;
                self.view.narrative_section = ui::NarrativeSection::Profile;
            }
            Location::Narrative => {
                self.view.tab = Tab::Narrative;
                self.view.narrative_section = ui::NarrativeSection::Text;
            }
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
        self.check_on_focus(&ctx);
        self.handle_dropped_files(&ctx);
        self.handle_shortcuts(&ctx);
        if self.view.presenting {
            self.present(ui);
            return;
        }
        self.leave_presentation(&ctx);
        // Without an attached file, the last-year lines the budget records are the base.
        let budget = self.doc.budget();
        match &self.view.base {
            Some(base) if base.recorded && !base.records(budget) => {
                self.view.base = ui::last_year::LastYearBase::recorded(budget).map(Box::new);
            }
            None => self.view.base = ui::last_year::LastYearBase::recorded(budget).map(Box::new),
            Some(_) => {}
        }
        if let Some(base) = self.view.base.as_mut() {
            base.refresh(&self.doc);
        }
        self.expire_status();
        self.view.lang.set(&ctx);
        let mut actions = Vec::new();
        self.menu_bar(ui);
        self.status_bar(ui);
        egui::CentralPanel::default().show(ui, |ui| {
            if self.view.tab != Tab::Overview {
                ui::units::bar(ui, &self.doc, &self.view, &mut actions);
            }
            match self.view.tab {
                Tab::Overview => ui::overview::show(ui, &self.doc, &mut self.view, &mut actions),
                Tab::Tables => ui::tables::show(ui, &self.doc, &mut self.view, &mut actions),
                Tab::Performance => {
                    ui::performance::show(ui, &self.doc, &mut self.view, &mut actions);
                }
                Tab::Assets => ui::assets::show(ui, &self.doc, &mut self.view, &mut actions),
                Tab::Narrative => ui::narrative::show(ui, &self.doc, &mut self.view, &mut actions),
            }
        });
        self.apply_actions(&ctx, actions);
        self.dialogs_ui(&ctx);
        self.unit_export_ui(&ctx);
        self.safety_ui(&ctx);
        self.autosave(&ctx);
        let title = self.title();
        if title != self.shown_title {
            ctx.send_viewport_cmd(ViewportCommand::Title(title.clone()));
            self.shown_title = title;
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
    // The officer's templates first: the budget opened next may name one of them.
    let templates_dir = eframe::storage_dir(APP_ID).map(|d| crate::io::templates::folder(&d));
    let template_errors = templates_dir
        .as_deref()
        .map(|d| crate::io::templates::load_folder(d).1)
        .unwrap_or_default();
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
        APP_ID,
        options,
        Box::new(move |cc| {
            fonts::install(&cc.egui_ctx);
            let mut app = BudgetApp::new(startup, Box::new(NativeDialogs));
            if let Some(storage) = cc.storage {
                app.restore(storage);
            }
            // Recovery copies live in the app's own data folder, never beside the budget.
            if let Some(dir) = eframe::storage_dir("budget-studio") {
                app.enable_recovery(&dir.join("recovery"), std::time::Duration::from_secs(2));
            }
            app.started = Some(started);
            app.templates_dir = templates_dir;
            app.report_template_errors(&template_errors);
            Ok(Box::new(app))
        }),
    )
    .map_err(|e| anyhow::anyhow!("{e}"))
}
