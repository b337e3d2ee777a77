//! Excel in and out from the app: File → 导出 Excel… writes the workbook; File → 导入 Excel…
//! reads one and shows what was read where before anything changes. The officer then merges its
//! tables into the open budget (one undo step) or opens it as a new budget.

use std::path::{Path, PathBuf};

use egui::{RichText, ScrollArea, Ui};

use super::BudgetApp;
use super::dialogs::{Dialog, Purpose};
use super::files::Then;
use crate::io::xlsx::{self, ExportOptions, ImportOptions, Imported};
use crate::model::{Budget, TemplateId};
use crate::ui::dialogs::FileKind;
use crate::ui::i18n::{Lang, Tr};

/// A workbook read and waiting for the officer's decision.
#[derive(Debug)]
pub struct ImportPreview {
    /// The workbook.
    pub path: PathBuf,
    /// What it gave.
    pub imported: Imported,
    /// True when the officer chose the template rather than the import finding it.
    pub template_chosen: bool,
}

/// What the officer decided in the preview.
pub(super) enum ImportChoice {
    /// Put the workbook's tables into the open budget.
    Merge,
    /// Open the workbook's budget as a new document.
    New,
    /// Read the workbook again in another template.
    Template(TemplateId),
}

impl BudgetApp {
    /// File → 导出 Excel…: asks where, then writes.
    pub(super) fn export_workbook(&mut self) {
        self.doc.commit_pending();
        let stem = Path::new(self.doc.name())
            .file_stem()
            .map_or_else(|| "budget".to_owned(), |s| s.to_string_lossy().into_owned());
        let name = format!("{stem}.xlsx");
        if let Some(path) = self.ask_path(FileKind::Workbook, name, Purpose::ExportWorkbook) {
            self.export_workbook_to(&path);
        }
    }

    /// Writes the workbook to `path` (atomically: a failure leaves any file there untouched).
    pub fn export_workbook_to(&mut self, path: &Path) {
        let lang = self.view.lang;
        let result = xlsx::export(
            self.doc.budget(),
            self.doc.derived(),
            self.doc.findings(),
            path,
            &ExportOptions {
                tables_only: self.view.workbook_tables_only,
                ..ExportOptions::default()
            },
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

    /// File → 导入 Excel…: asks which workbook, then previews it.
    pub(super) fn import_workbook(&mut self) {
        self.doc.commit_pending();
        self.view.editing = None;
        if let Some(path) =
            self.ask_path(FileKind::Workbook, String::new(), Purpose::ImportWorkbook)
        {
            self.import_workbook_from(&path);
        }
    }

    /// Reads the workbook at `path` and shows the preview; a workbook that cannot be taken is
    /// explained (file, sheet, cell) and nothing changes.
    pub fn import_workbook_from(&mut self, path: &Path) {
        self.read_workbook(path, None);
    }

    fn read_workbook(&mut self, path: &Path, template: Option<TemplateId>) {
        let lang = self.view.lang;
        match xlsx::import(path, &ImportOptions { template }) {
            Ok(imported) => {
                self.dialog = Some(Dialog::Import(Box::new(ImportPreview {
                    path: path.to_owned(),
                    imported,
                    template_chosen: template.is_some(),
                })));
            }
            Err(e) => {
                let body = format!("{}\n\n{}", e.describe(lang.zh()), Tr::CurrentKept.get(lang));
                log::error!("{e}");
                self.dialog = Some(Dialog::Message(
                    lang.pick("无法导入工作簿", "Cannot import the workbook")
                        .to_owned(),
                    body,
                ));
            }
        }
    }

    /// Carries out the officer's decision.
    pub(super) fn decide_import(
        &mut self,
        ctx: &egui::Context,
        preview: ImportPreview,
        choice: ImportChoice,
    ) {
        let lang = self.view.lang;
        match choice {
            ImportChoice::Merge => {
                let edits = preview.imported.merge_edits(self.doc.budget());
                if edits.is_empty() {
                    self.set_status(lang.pick(
                        "工作簿与当前预算相同，没有修改",
                        "The workbook matches the open budget: nothing changed",
                    ));
                    return;
                }
                let label = lang.pick("导入 Excel", "Import Excel");
                match self.doc.apply(label, edits) {
                    Ok(()) => self.set_status(format!(
                        "{} {}（{}）",
                        lang.pick("已导入", "Imported"),
                        preview.path.display(),
                        lang.pick("Ctrl+Z 可撤销", "Ctrl+Z undoes it")
                    )),
                    Err(e) => self.report_failure(lang.pick("导入失败", "Import failed"), &e),
                }
            }
            ImportChoice::New => {
                let name = preview.path.file_stem().map_or_else(
                    || Tr::Untitled.get(lang).to_owned(),
                    |s| s.to_string_lossy().into_owned(),
                );
                let then = Then::Adopt(Box::new(preview.imported.budget), format!("{name}.ron"));
                self.request(ctx, then);
            }
            ImportChoice::Template(template) => self.read_workbook(&preview.path, Some(template)),
        }
    }
}

/// The preview: what each sheet was read as, rows taken and skipped, the unit, what a merge
/// would replace. Returns the officer's choice, `Some(None)` for cancel.
pub(super) fn preview_ui(
    ui: &mut Ui,
    preview: &ImportPreview,
    open: &Budget,
    lang: Lang,
) -> Option<Option<ImportChoice>> {
    let imported = &preview.imported;
    let budget = &imported.budget;
    ui.heading(lang.pick("导入 Excel：预览", "Import Excel: preview"));
    ui.label(RichText::new(preview.path.display().to_string()).weak());
    let mut choice = None;
    ui.horizontal(|ui| {
        ui.label(Tr::Template.get(lang));
        let label = |id: TemplateId| {
            if lang.zh() {
                id.label_zh()
            } else {
                id.label_en()
            }
        };
        egui::ComboBox::from_id_salt("import-template")
            .selected_text(label(budget.template))
            .show_ui(ui, |ui| {
                for id in TemplateId::all() {
                    if ui
                        .selectable_label(id == budget.template, label(id))
                        .clicked()
                        && id != budget.template
                    {
                        choice = Some(Some(ImportChoice::Template(id)));
                    }
                }
            });
        if !preview.template_chosen {
            ui.label(
                RichText::new(lang.pick("（按工作簿识别）", "(as the workbook shows)")).weak(),
            );
        }
    });
    ui.label(format!(
        "{} {} · {} {} · {}",
        budget.profile.department_name,
        budget.profile.year,
        lang.pick("单位", "unit"),
        budget.unit.label(lang.zh()),
        if lang.zh() {
            format!("{} 个科目", budget.function_lines.len())
        } else {
            format!("{} lines", budget.function_lines.len())
        },
    ));
    ui.separator();
    ScrollArea::vertical()
        .max_height(280.0)
        .auto_shrink([false, true])
        .show(ui, |ui| {
            for line in imported.report(lang.zh()) {
                ui.label(line);
            }
        });
    ui.separator();
    let replaced = replaced_parts(imported, lang);
    if replaced.is_empty() {
        ui.label(lang.pick(
            "工作簿中没有可合并的表。",
            "The workbook has no table to merge.",
        ));
    } else {
        ui.label(format!(
            "{}{}",
            lang.pick(
                "合并将替换当前预算的：",
                "Merging replaces the open budget's: "
            ),
            replaced.join(lang.pick("、", ", "))
        ));
        if budget.template != open.template {
            ui.label(format!(
                "{}{}",
                lang.pick(
                    "注意：工作簿的模板与当前预算不同，当前预算为",
                    "Note: the workbook's template differs from the open budget's, which is "
                ),
                if lang.zh() {
                    open.template.label_zh()
                } else {
                    open.template.label_en()
                }
            ));
        }
        if budget.unit != open.unit {
            ui.label(format!(
                "{} {} → {}",
                lang.pick("金额将换算：", "Amounts are converted:"),
                budget.unit.label(lang.zh()),
                open.unit.label(lang.zh())
            ));
        }
    }
    ui.horizontal(|ui| {
        if ui
            .add_enabled(
                !replaced.is_empty(),
                egui::Button::new(lang.pick("合并到当前预算", "Merge into the open budget")),
            )
            .on_hover_text(lang.pick("一步完成，可撤销", "One step; undo takes it back"))
            .clicked()
        {
            choice = Some(Some(ImportChoice::Merge));
        }
        if ui
            .button(lang.pick("作为新预算打开", "Open as a new budget"))
            .clicked()
        {
            choice = Some(Some(ImportChoice::New));
        }
        if ui.button(Tr::Cancel.get(lang)).clicked() {
            choice = Some(None);
        }
    });
    choice
}

/// The names of the parts a merge replaces.
fn replaced_parts(imported: &Imported, lang: Lang) -> Vec<&'static str> {
    let p = imported.parts;
    [
        (
            p.function,
            lang.pick("功能分类各表", "the function-class tables"),
        ),
        (p.economic, lang.pick("经济分类表", "the economic table")),
        (p.sangong, lang.pick("三公经费", "\"three public\" costs")),
        (
            p.operating,
            lang.pick("机关运行经费", "agency operating costs"),
        ),
        (p.projects, lang.pick("绩效目标表", "the performance forms")),
    ]
    .into_iter()
    .filter_map(|(yes, name)| yes.then_some(name))
    .collect()
}
