//! The dialogs over the window: the unsaved-changes guard, messages, the New form, the in-app
//! file browser and the Help menu's two (drawn in `help`), and what happens once one is answered.

use std::path::PathBuf;

use egui::Id;

use super::BudgetApp;
use super::files::Then;
use super::help;
use super::workbook::{self, ImportPreview};
use crate::document::Document;
use crate::model::{Budget, TemplateId};
use crate::ui;
use crate::ui::dialogs::{BrowseMode, DialogOutcome, FileBrowser, FileKind};
use crate::ui::i18n::{Lang, Tr};

/// The form of the New dialog.
#[derive(Clone, Debug, Default)]
pub struct NewForm {
    code: String,
    name: String,
    year: String,
    template: TemplateId,
    error: Option<String>,
}

impl NewForm {
    /// An empty form proposing `year`.
    #[must_use]
    pub fn for_year(year: i32) -> Self {
        NewForm {
            year: year.to_string(),
            ..NewForm::default()
        }
    }
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
    /// Help → 快捷键: every command and its shortcuts.
    Shortcuts,
    /// Help → 关于: version, licence, the font's notice.
    About,
    /// File → 导入 Excel…: what the workbook gave, before anything changes.
    Import(Box<ImportPreview>),
    /// Next year's budget would replace this existing file: replace or cancel.
    ReplaceNewYear(PathBuf),
    /// The budget still has errors: export anyway, look at the checks, or cancel.
    ExportWithErrors {
        /// How many errors.
        errors: usize,
        /// What was asked for.
        publication: super::checked_export::Publication,
    },
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
    /// Export the tables as a workbook.
    ExportWorkbook,
    /// Import a workbook.
    ImportWorkbook,
    /// Attach last year's budget.
    AttachLastYear,
    /// Write next year's budget.
    NewYear,
    /// Load a 科目 catalogue.
    LoadCatalogue,
    /// Load a template file.
    LoadTemplate,
    /// Export the disclosure as PDF.
    ExportPdf,
    /// Export every unit's disclosure (and the department's) into the chosen file's folder.
    ExportUnits,
}

impl Purpose {
    /// Whether the file is read or written.
    fn mode(&self) -> BrowseMode {
        match self {
            Purpose::Open
            | Purpose::ImportWorkbook
            | Purpose::AttachLastYear
            | Purpose::LoadCatalogue
            | Purpose::LoadTemplate => BrowseMode::Open,
            Purpose::Save(_)
            | Purpose::ExportChart
            | Purpose::ExportAll
            | Purpose::ExportWorkbook
            | Purpose::NewYear
            | Purpose::ExportPdf
            | Purpose::ExportUnits => BrowseMode::Save,
        }
    }
}

/// What the user answered this frame; applied once the modal is drawn.
#[derive(Default)]
struct Answer {
    keep: bool,
    then_after: Option<Then>,
    save_then: Option<Then>,
    browsed: Option<(PathBuf, Purpose)>,
    new_budget: Option<Budget>,
    import: Option<workbook::ImportChoice>,
    replace_new_year: Option<PathBuf>,
    export_anyway: Option<super::checked_export::Publication>,
    show_checks: bool,
}

impl BudgetApp {
    /// Asks for a file of `kind` (to open when `purpose` opens or imports, else to write, named
    /// `name`). The native dialog's choice is returned at once; where the desktop has no dialog
    /// the in-app browser opens instead and its answer comes back through `purpose`.
    pub(super) fn ask_path(
        &mut self,
        kind: FileKind,
        name: String,
        purpose: Purpose,
    ) -> Option<PathBuf> {
        let dir = self.start_dir();
        let mode = purpose.mode();
        let outcome = match mode {
            BrowseMode::Open => self.dialogs.pick_open(kind, dir.as_deref()),
            BrowseMode::Save => self.dialogs.pick_save(kind, dir.as_deref(), &name),
        };
        match outcome {
            DialogOutcome::Chosen(path) => Some(path),
            DialogOutcome::Cancelled => None,
            DialogOutcome::Unavailable => {
                let dir = dir.unwrap_or_else(|| PathBuf::from("."));
                let mut browser = FileBrowser::new(mode, dir, name, kind);
                if matches!(purpose, Purpose::AttachLastYear) {
                    browser.title = Some(Tr::AttachLastYearTitle);
                }
                self.dialog = Some(Dialog::Browser(Box::new(browser), purpose));
                None
            }
        }
    }

    /// Draws the open dialog, if any, and acts on the answer.
    pub(super) fn dialogs_ui(&mut self, ctx: &egui::Context) {
        let Some(mut dialog) = self.dialog.take() else {
            return;
        };
        let mut answer = Answer {
            keep: true,
            ..Answer::default()
        };
        let lang = self.view.lang;
        let modal = egui::Modal::new(Id::unique("budget-studio-dialog")).show(ctx, |ui| {
            ui.set_max_width(640.0);
            match &mut dialog {
                Dialog::Unsaved(then) => {
                    ui.heading(Tr::UnsavedTitle.get(lang));
                    ui.label(Tr::UnsavedBody.get(lang));
                    ui.horizontal(|ui| {
                        if ui.button(Tr::SaveChanges.get(lang)).clicked() {
                            answer.save_then = Some(then.clone());
                            answer.keep = false;
                        }
                        if ui.button(Tr::Discard.get(lang)).clicked() {
                            answer.then_after = Some(then.clone());
                            answer.keep = false;
                        }
                        if ui.button(Tr::Cancel.get(lang)).clicked() {
                            answer.keep = false;
                        }
                    });
                }
                Dialog::Message(title, body) => {
                    ui.heading(title.as_str());
                    ui.add(egui::Label::new(body.as_str()).wrap());
                    if ui.button(Tr::Ok.get(lang)).clicked() {
                        answer.keep = false;
                    }
                }
                Dialog::New(form) => new_form(ui, form, lang, &mut answer),
                Dialog::Browser(browser, purpose) => {
                    if let Some(outcome) = browser.ui(ui, lang) {
                        answer.keep = false;
                        if let DialogOutcome::Chosen(path) = outcome {
                            answer.browsed = Some((path, purpose.clone()));
                        }
                    }
                }
                Dialog::Shortcuts => answer.keep = help::shortcuts(ui, lang),
                Dialog::About => answer.keep = help::about(ui, lang),
                Dialog::Import(preview) => {
                    if let Some(choice) = workbook::preview_ui(ui, preview, self.doc.budget(), lang)
                    {
                        answer.keep = false;
                        answer.import = choice;
                    }
                }
                Dialog::ExportWithErrors {
                    errors,
                    publication,
                } => {
                    ui.heading(Tr::ExportWithErrorsTitle.get(lang));
                    ui.label(if lang.zh() {
                        format!("预算还有 {errors} 个错误，导出的文件会带着这些错误。")
                    } else {
                        format!(
                            "The budget still has {errors} error{}; the exported file would carry them.",
                            if *errors == 1 { "" } else { "s" }
                        )
                    });
                    ui.horizontal(|ui| {
                        if ui.button(Tr::ShowChecks.get(lang)).clicked() {
                            answer.show_checks = true;
                            answer.keep = false;
                        }
                        if ui.button(Tr::ExportAnyway.get(lang)).clicked() {
                            answer.export_anyway = Some(*publication);
                            answer.keep = false;
                        }
                        if ui.button(Tr::Cancel.get(lang)).clicked() {
                            answer.keep = false;
                        }
                    });
                }
                Dialog::ReplaceNewYear(path) => {
                    ui.heading(Tr::FileExistsTitle.get(lang));
                    ui.label(format!(
                        "{}{}{}",
                        path.display(),
                        lang.colon(),
                        Tr::FileExistsBody.get(lang)
                    ));
                    ui.horizontal(|ui| {
                        if ui.button(Tr::Replace.get(lang)).clicked() {
                            answer.replace_new_year = Some(path.clone());
                            answer.keep = false;
                        }
                        if ui.button(Tr::Cancel.get(lang)).clicked() {
                            answer.keep = false;
                        }
                    });
                }
            }
        });
        // Clicking outside closes any dialog but the guard, which needs an answer.
        if modal.should_close() && !matches!(dialog, Dialog::Unsaved(_)) {
            answer.keep = false;
        }
        if answer.keep {
            self.dialog = Some(dialog);
        } else if let (Dialog::Import(preview), Some(choice)) = (dialog, answer.import.take()) {
            self.decide_import(ctx, *preview, choice);
        }
        self.act_on(ctx, answer);
    }

    /// Shows `budget` as a new, unsaved document named `name`.
    pub(super) fn adopt(&mut self, budget: Budget, name: String) {
        self.doc = Document::new(budget, None, name);
        self.stamp = None;
        self.dismissed = None;
        self.view.selected_code = None;
        self.view.project = 0;
    }

    fn act_on(&mut self, ctx: &egui::Context, answer: Answer) {
        let lang = self.view.lang;
        if let Some(path) = answer.replace_new_year {
            self.new_year_to(ctx, &path, true);
        }
        if let Some(budget) = answer.new_budget {
            let name = Tr::Untitled.get(lang).to_owned();
            self.adopt(budget, format!("{name}.ron"));
        }
        if answer.show_checks {
            self.view.tab = crate::ui::Tab::Overview;
        }
        if let Some(publication) = answer.export_anyway {
            self.export_unchecked(publication);
        }
        if let Some(then) = answer.then_after {
            // Discard: drop the changes by performing directly.
            self.perform(ctx, then);
        }
        if let Some(then) = answer.save_then {
            self.save(ctx, then);
        }
        if let Some((path, purpose)) = answer.browsed {
            match purpose {
                Purpose::Open => self.open_path(&path),
                Purpose::Save(then) => {
                    self.write(ctx, &path, then);
                }
                Purpose::ExportChart => self.export_chart_to(&path),
                Purpose::ExportAll => self.export_all_to(&path),
                Purpose::ExportUnits => self.export_units_to(&path),
                Purpose::ExportWorkbook => self.export_workbook_to(&path),
                Purpose::ImportWorkbook => self.import_workbook_from(&path),
                Purpose::AttachLastYear => self.attach_last_year_from(&path),
                Purpose::NewYear => self.new_year_to(ctx, &path, false),
                Purpose::LoadCatalogue => self.load_catalogue_from(&path),
                Purpose::LoadTemplate => self.load_template_from(&path),
                Purpose::ExportPdf => self.export_pdf_to(&path),
            }
        }
    }
}

fn new_form(ui: &mut egui::Ui, form: &mut NewForm, lang: Lang, answer: &mut Answer) {
    // One size from the first frame to the last: the grid's columns and the error line would
    // otherwise move the dialog under the officer's cursor while they type.
    ui.set_width(560.0);
    ui.heading(Tr::NewBudgetTitle.get(lang));
    egui::Grid::new("new-form")
        .num_columns(2)
        .min_col_width(100.0)
        .show(ui, |ui| {
            ui.label(Tr::DepartmentCode.get(lang));
            ui::widgets::text_field(ui, &mut form.code, Tr::DepartmentCode.get(lang), 120.0);
            ui.end_row();
            ui.label(Tr::DepartmentName.get(lang));
            ui::widgets::text_field(ui, &mut form.name, Tr::DepartmentName.get(lang), 300.0);
            ui.end_row();
            ui.label(Tr::Year.get(lang));
            ui::widgets::text_field(ui, &mut form.year, Tr::Year.get(lang), 80.0);
            ui.end_row();
            ui.label(Tr::Template.get(lang));
            // Radio buttons rather than a combo: the templates loaded fit, each one click away.
            ui.vertical(|ui| {
                for id in TemplateId::all() {
                    let label = if lang.zh() {
                        id.label_zh()
                    } else {
                        id.label_en()
                    };
                    ui.radio_value(&mut form.template, id, label);
                }
            });
            ui.end_row();
        });
    // The error's line is kept even when empty, so the buttons stay where they are.
    ui.colored_label(
        ui::theme::error_colour(ui.visuals().dark_mode),
        form.error.as_deref().unwrap_or(" "),
    );
    ui.horizontal(|ui| {
        if ui.button(Tr::Create.get(lang)).clicked() {
            match form.year.trim().parse::<i32>() {
                Ok(year) if (1990..=2200).contains(&year) && !form.name.trim().is_empty() => {
                    answer.new_budget = Some(Budget::in_template(
                        form.template,
                        form.code.trim(),
                        form.name.trim(),
                        year,
                    ));
                    answer.keep = false;
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
            answer.keep = false;
        }
    });
}
