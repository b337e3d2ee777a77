//! The selected 功能分类 line, source by source: one row per income source of the document (and
//! any other source the line already carries), 基本支出 and 项目支出 to type, the total derived.
//! This is where a line gets money of a source no table shows on its own (事业收入, 其他收入,
//! 上年结转 …), and where a line with several sources is edited.

use egui::{Grid, Id, RichText, Ui};

use crate::document::{Document, Edit};
use crate::model::{AmountField, Column, IncomeSource};
use crate::ui::i18n::Tr;
use crate::ui::widgets::{cell_label, money_cell};
use crate::ui::{Action, ViewState};

/// Draws the sources of the line `code`. A parent is a sum of its sub-lines; money printed on it
/// and not itemised further (as some documents print it at 类 level) is typed in a section that
/// stays closed until opened or holding money.
pub fn show(
    ui: &mut Ui,
    doc: &Document,
    code: &str,
    view: &mut ViewState,
    actions: &mut Vec<Action>,
) {
    let lang = view.lang;
    let budget = doc.budget();
    let Some(line) = budget
        .function_line_index(code)
        .and_then(|i| budget.function_lines.get(i))
    else {
        return;
    };
    let has_children = doc
        .derived()
        .function
        .row_of(code)
        .and_then(|r| doc.derived().function.rows.get(r))
        .is_some_and(|r| r.has_children);
    if has_children {
        ui.label(RichText::new(Tr::ParentLineHint.get(lang)).weak());
    }
    let mut sources: Vec<IncomeSource> = budget.income_columns.clone();
    for s in line.amounts.keys() {
        if !sources.contains(s) {
            sources.push(*s);
        }
    }
    sources.sort();
    let heading = if has_children {
        Tr::NotItemisedSources.get(lang)
    } else {
        Tr::LineSources.get(lang)
    };
    egui::CollapsingHeader::new(format!("{heading} [{}] {}", line.code, line.name))
        .id_salt(("line-sources", has_children))
        .default_open(!has_children || !line.amounts.is_empty())
        .show(ui, |ui| {
            Grid::new(("line-sources-grid", code))
                .striped(true)
                .min_col_width(70.0)
                .show(ui, |ui| {
                    ui.strong(Tr::IncomeSourceHeading.get(lang));
                    for c in [Column::Basic, Column::Project, Column::Total] {
                        ui.strong(c.label(lang.zh()));
                    }
                    ui.end_row();
                    for source in sources {
                        let label = source.label(lang.zh());
                        ui.label(label);
                        let split = line.split(source);
                        for column in [Column::Basic, Column::Project] {
                            let name =
                                format!("[{}] {label} {}", line.code, column.label(lang.zh()));
                            let field = AmountField::Function {
                                code: line.code.clone(),
                                source,
                                column,
                            };
                            let id = Id::unique(("source-cell", &field));
                            let value = split.get(column);
                            let event =
                                money_cell(ui, &mut view.editing, id, value, budget.unit, &name);
                            let edit = |amount| Edit::set_amount(budget, &field, amount);
                            super::cell_actions(event, value, &name, edit, lang, actions);
                        }
                        let name =
                            format!("[{}] {label} {}", line.code, Column::Total.label(lang.zh()));
                        cell_label(ui, split.total(), 2, true, &name);
                        ui.end_row();
                    }
                });
            if has_children {
                ui.label(RichText::new(Tr::NotItemisedHint.get(lang)).weak());
            }
        });
}
