//! A department with its units: which budget is seen (the department, the sum of its units', or
//! one unit), a unit's budget started, and on the department's tables which units a line's
//! money comes from.

use egui::{ComboBox, RichText, Ui};

use super::i18n::Lang;
use super::{Action, ViewState};
use crate::calc::units::{has_unit_budgets, unit_budgets};
use crate::document::Document;
use crate::model::Money;

/// The bar above the Tables, Performance, Assets and Narrative tabs of a department with more
/// than one unit: the budget seen, and a unit's budget to start.
pub fn bar(ui: &mut Ui, doc: &Document, view: &ViewState, actions: &mut Vec<Action>) {
    let file = doc.file();
    let units = &file.profile.units;
    if units.len() < 2 && !has_unit_budgets(file) {
        return;
    }
    let lang = view.lang;
    let summed = has_unit_budgets(file);
    let department = if summed {
        lang.pick("部门（各单位汇总）", "Department (sum of its units)")
    } else {
        lang.pick("部门", "Department")
    };
    let shown = match doc.scope().and_then(|i| units.get(i)) {
        Some(u) => u.name.clone(),
        None => department.to_owned(),
    };
    ui.horizontal_wrapped(|ui| {
        let label = ui.label(lang.pick("预算单位：", "Budget unit: "));
        ComboBox::from_id_salt("unit-scope")
            .selected_text(shown)
            .width(280.0)
            .show_ui(ui, |ui| {
                if ui
                    .selectable_label(doc.scope().is_none(), department)
                    .clicked()
                {
                    actions.push(Action::Scope(None));
                }
                for (i, _, _) in unit_budgets(file) {
                    let name = units.get(i).map_or("", |u| u.name.as_str());
                    if ui.selectable_label(doc.scope() == Some(i), name).clicked() {
                        actions.push(Action::Scope(Some(i)));
                    }
                }
            })
            .response
            .labelled_by(label.id);
        // Units without a budget of their own (merged ones have none to have).
        let without: Vec<(usize, &str)> = units
            .iter()
            .enumerate()
            .filter(|(_, u)| u.budget.is_none() && !u.merged)
            .map(|(i, u)| (i, u.name.as_str()))
            .collect();
        if !without.is_empty() {
            ui.menu_button(lang.pick("建立单位预算…", "Start a unit's budget…"), |ui| {
                if !summed {
                    ui.label(
                        RichText::new(lang.pick(
                            "第一个单位预算接过部门现有的全部数字；之后部门的数字由各单位汇总。",
                            "The first unit's budget takes the department's figures as they are; from then on the department's figures are its units' sum.",
                        ))
                        .weak(),
                    );
                }
                for (i, name) in without {
                    if ui.button(name).clicked() {
                        actions.push(Action::StartUnitBudget(i));
                        ui.close();
                    }
                }
            });
        }
        if doc.is_summed() {
            ui.label(
                RichText::new(lang.pick(
                    "部门的数字由各单位汇总，请在单位中修改。",
                    "The department's figures are its units' sum: edit them in a unit.",
                ))
                .weak(),
            );
        }
    });
    ui.separator();
}

/// On the department's tables: the money of line `code` (with its sub-lines) in each unit,
/// each leading to the unit with the line selected.
pub fn line_by_unit(
    ui: &mut Ui,
    doc: &Document,
    code: &str,
    lang: Lang,
    actions: &mut Vec<Action>,
) {
    ui.strong(format!(
        "{} [{code}]",
        lang.pick("本科目来自各单位", "This line by unit")
    ));
    egui::Grid::new("line-by-unit")
        .num_columns(3)
        .striped(true)
        .show(ui, |ui| {
            for (i, unit, b) in unit_budgets(doc.file()) {
                let amount = Money::saturating_sum(
                    b.function_lines
                        .iter()
                        .filter(|l| l.code.starts_with(code))
                        .flat_map(|l| l.amounts.values().map(|s| s.total())),
                );
                ui.label(&unit.name);
                ui.label(amount.format_grouped(2));
                if ui.button(lang.pick("转到该单位", "Go to unit")).clicked() {
                    actions.push(Action::Scope(Some(i)));
                    actions.push(Action::Select(code.to_owned()));
                }
                ui.end_row();
            }
        });
}

/// 部门支出分单位明细: each unit's expenditure, basic and project by source, and the 合计.
pub fn breakdown(ui: &mut Ui, doc: &Document, lang: Lang) {
    let file = doc.file();
    if !has_unit_budgets(file) {
        return;
    }
    let rows = crate::calc::units::breakdown(file);
    ui.strong(lang.pick("部门支出分单位明细", "Expenditure by unit"));
    let Some(first) = rows.first() else { return };
    egui::ScrollArea::horizontal()
        .id_salt("unit-breakdown")
        .show(ui, |ui| {
            egui::Grid::new("unit-breakdown-grid")
                .striped(true)
                .min_col_width(90.0)
                .show(ui, |ui| {
                    ui.strong(lang.pick("单位", "Unit"));
                    ui.strong(lang.pick("合计", "Total"));
                    for (source, _) in &first.by_source {
                        ui.strong(format!(
                            "{} {}",
                            source.label(lang.zh()),
                            lang.pick("基本", "basic")
                        ));
                        ui.strong(format!(
                            "{} {}",
                            source.label(lang.zh()),
                            lang.pick("项目", "project")
                        ));
                    }
                    ui.end_row();
                    for row in &rows {
                        let name = if row.code.is_empty() && row.name == "合计" {
                            lang.pick("合计", "Total").to_owned()
                        } else {
                            row.name.clone()
                        };
                        ui.label(name);
                        ui.label(row.total.format_grouped(2));
                        for (_, split) in &row.by_source {
                            ui.label(split.basic.format_grouped(2));
                            ui.label(split.project.format_grouped(2));
                        }
                        ui.end_row();
                    }
                });
        });
}
