//! Tables built on the 功能分类 lines: 收入总表 (2), 支出总表 (3), 一般公共预算支出表 (5),
//! 政府性基金收入/支出表 (7, 8), 国有资本经营预算表 (9). Leaf amounts are edited in place; every
//! subtotal comes from the calc layer.

use egui::{Id, RichText, Ui};
use egui_extras::{Column as TableColumn, TableBuilder};

use crate::calc::FunctionRow;
use crate::document::{Document, Edit};
use crate::model::codes::{Level, class_name_zh};
use crate::model::{Column, IncomeSource, Money, TableId};
use crate::ui::i18n::Tr;
use crate::ui::theme::ROW_HEIGHT;
use crate::ui::widgets::{amount_label, cell_label, money_cell};
use crate::ui::{Action, ViewState};

/// What a function table shows in its amount columns.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Shape {
    /// Total, then one column per income source (table 2).
    BySource,
    /// Total, basic, project over the sources in `sources` (tables 3, 5, 8, 9).
    Split(&'static [IncomeSource]),
    /// One column: the total of the sources (table 7).
    Single(&'static [IncomeSource]),
}

const ALL: &[IncomeSource] = &IncomeSource::ALL;
const GP: &[IncomeSource] = &[IncomeSource::GeneralPublic];
const GF: &[IncomeSource] = &[IncomeSource::GovernmentFund];
const SC: &[IncomeSource] = &[IncomeSource::StateCapital];

fn shape(table: TableId) -> Shape {
    match table {
        TableId::Income => Shape::BySource,
        TableId::GeneralPublic => Shape::Split(GP),
        TableId::GovFundIncome => Shape::Single(GF),
        TableId::GovFundExpenditure => Shape::Split(GF),
        TableId::StateCapital => Shape::Split(SC),
        _ => Shape::Split(ALL),
    }
}

/// Which source an edit of a leaf's basic/project writes to, or `None` when the cell is not
/// editable here (a line with several sources in the all-sources table).
fn edit_source(
    doc: &Document,
    row: &FunctionRow,
    sources: &[IncomeSource],
) -> Option<IncomeSource> {
    if row.has_children {
        return None;
    }
    let line = doc.budget().function_lines.get(row.line?)?;
    if let [only] = sources {
        return Some(*only);
    }
    let mut used = line.amounts.keys();
    match (used.next(), used.next()) {
        (None, _) => doc
            .budget()
            .income_columns
            .first()
            .copied()
            .or(Some(IncomeSource::GeneralPublic)),
        (Some(s), None) => Some(*s),
        _ => None,
    }
}

fn row_name(doc: &Document, row: &FunctionRow) -> String {
    row.line
        .and_then(|l| doc.budget().function_lines.get(l))
        .map(|l| l.name.clone())
        .or_else(|| class_name_zh(&row.code).map(str::to_owned))
        .unwrap_or_default()
}

/// Draws one of the function-line tables.
pub fn show(
    ui: &mut Ui,
    doc: &Document,
    table: TableId,
    view: &mut ViewState,
    actions: &mut Vec<Action>,
) {
    let lang = view.lang;
    let derived = doc.derived();
    let f = &derived.function;
    let shape = shape(table);
    let unit = doc.budget().unit;
    let editable = !matches!(shape, Shape::BySource | Shape::Single(_));

    // Which sources are "empty" for the 'no data' statement.
    let sources: &[IncomeSource] = match shape {
        Shape::Split(s) | Shape::Single(s) => s,
        Shape::BySource => ALL,
    };
    let total_of = |r: Option<usize>| -> crate::model::Split {
        match r {
            Some(i) => f.cell_sum(i, sources),
            None => {
                let mut s = crate::model::Split::default();
                for src in sources {
                    s += f.grand_of(*src);
                }
                s
            }
        }
    };
    if total_of(None).total().is_zero() {
        ui.label(RichText::new(Tr::EmptyTable.get(lang)).italics());
    }
    if !editable {
        ui.label(RichText::new(Tr::ReadOnlyTable.get(lang)).weak());
    }

    let columns: Vec<String> = match shape {
        Shape::BySource => {
            let mut c = vec![lang.pick("本年收入合计", "Total income").to_owned()];
            c.extend(
                doc.budget()
                    .income_columns
                    .iter()
                    .map(|s| s.label(lang.zh()).to_owned()),
            );
            c
        }
        Shape::Split(_) => vec![
            Tr::Total.get(lang).to_owned(),
            Tr::Basic.get(lang).to_owned(),
            Tr::Project.get(lang).to_owned(),
        ],
        Shape::Single(_) => vec![
            lang.pick("政府性基金收入", "Government fund income")
                .to_owned(),
        ],
    };

    let scroll_row = view
        .scroll_to_code
        .take()
        .and_then(|code| f.row_of(&code))
        .map(|r| r + 1);
    let mut builder = TableBuilder::new(ui)
        .id_salt(("function-table", table))
        .striped(true)
        .resizable(true)
        .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
        .column(TableColumn::initial(90.0).at_least(70.0))
        .column(TableColumn::initial(320.0).at_least(160.0).clip(true));
    for _ in &columns {
        builder = builder.column(TableColumn::initial(120.0).at_least(90.0));
    }
    if let Some(r) = scroll_row {
        builder = builder.scroll_to_row(r, Some(egui::Align::Center));
    }
    let income_columns = doc.budget().income_columns.clone();
    builder
        .header(ROW_HEIGHT + 6.0, |mut header| {
            header.col(|ui| {
                ui.strong(Tr::Code.get(lang));
            });
            header.col(|ui| {
                ui.strong(Tr::Name.get(lang));
            });
            for c in &columns {
                header.col(|ui| {
                    ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                        ui.strong(c);
                    });
                });
            }
        })
        .body(|body| {
            body.rows(ROW_HEIGHT, f.rows.len() + 1, |mut row| {
                let index = row.index();
                if index == 0 {
                    row.col(|ui| super::total_cell(ui, Tr::Total.get(lang)));
                    row.col(|ui| super::total_cell(ui, ""));
                    let total = total_of(None);
                    match shape {
                        Shape::BySource => {
                            let all: Money = IncomeSource::ALL
                                .iter()
                                .map(|s| f.grand_of(*s).total())
                                .sum();
                            row.col(|ui| {
                                amount_label(
                                    ui,
                                    all,
                                    2,
                                    true,
                                    &format!("{} {}", Tr::Total.get(lang), Tr::Total.get(lang)),
                                )
                            });
                            for s in &income_columns {
                                row.col(|ui| {
                                    amount_label(
                                        ui,
                                        f.grand_of(*s).total(),
                                        2,
                                        true,
                                        &format!("{} {}", Tr::Total.get(lang), s.label_zh()),
                                    )
                                });
                            }
                        }
                        Shape::Split(_) => {
                            for (col, label) in [
                                (Column::Total, Tr::Total),
                                (Column::Basic, Tr::Basic),
                                (Column::Project, Tr::Project),
                            ] {
                                row.col(|ui| {
                                    amount_label(
                                        ui,
                                        total.get(col),
                                        2,
                                        true,
                                        &format!("{} {}", Tr::Total.get(lang), label.get(lang)),
                                    )
                                });
                            }
                        }
                        Shape::Single(_) => {
                            row.col(|ui| {
                                amount_label(
                                    ui,
                                    total.total(),
                                    2,
                                    true,
                                    &format!("{} {}", Tr::Total.get(lang), Tr::Total.get(lang)),
                                )
                            });
                        }
                    }
                    return;
                }
                let r = index - 1;
                let Some(data) = f.rows.get(r) else { return };
                let selected = view.selected_code.as_deref() == Some(data.code.as_str());
                row.set_selected(selected);
                let strong = data.level == Level::Class;
                let indent = match data.level {
                    Level::Class => 0.0,
                    Level::Section => 12.0,
                    Level::Item => 24.0,
                };
                let code_response = row
                    .col(|ui| {
                        let text = RichText::new(&data.code).monospace();
                        ui.label(if strong { text.strong() } else { text });
                    })
                    .1;
                let name = row_name(doc, data);
                let note = data
                    .line
                    .and_then(|l| doc.budget().function_lines.get(l))
                    .map(|l| l.note.as_str())
                    .filter(|n| !n.is_empty());
                let name_response = row
                    .col(|ui| {
                        ui.add_space(indent);
                        let text = if data.line.is_none() {
                            RichText::new(&name).italics()
                        } else if strong {
                            RichText::new(&name).strong()
                        } else {
                            RichText::new(&name)
                        };
                        let response = ui.label(text);
                        if let Some(note) = note {
                            ui.label(RichText::new("ⓘ").weak()).on_hover_text(note);
                        }
                        if data.line.is_none() {
                            response.on_hover_text(lang.pick(
                                "本科目未录入，由下级科目汇总。",
                                "Not entered; summed from its sub-lines.",
                            ));
                        }
                    })
                    .1;
                if code_response.clicked() || name_response.clicked() {
                    view.selected_code = Some(data.code.clone());
                }
                let a11y = |col: &str| format!("[{}] {col}", data.code);
                match shape {
                    Shape::BySource => {
                        row.col(|ui| {
                            cell_label(
                                ui,
                                data.total.total(),
                                2,
                                strong,
                                &a11y(Tr::Total.get(lang)),
                            )
                        });
                        for s in &income_columns {
                            row.col(|ui| {
                                cell_label(
                                    ui,
                                    f.cell(r, *s).total(),
                                    2,
                                    strong,
                                    &a11y(s.label_zh()),
                                )
                            });
                        }
                    }
                    Shape::Single(srcs) => {
                        row.col(|ui| {
                            cell_label(
                                ui,
                                f.cell_sum(r, srcs).total(),
                                2,
                                strong,
                                &a11y(Tr::Total.get(lang)),
                            )
                        });
                    }
                    Shape::Split(srcs) => {
                        let split = f.cell_sum(r, srcs);
                        row.col(|ui| {
                            cell_label(ui, split.total(), 2, strong, &a11y(Tr::Total.get(lang)))
                        });
                        let source = edit_source(doc, data, srcs);
                        for (col, label) in
                            [(Column::Basic, Tr::Basic), (Column::Project, Tr::Project)]
                        {
                            let name = a11y(label.get(lang));
                            row.col(|ui| match source {
                                Some(source) => {
                                    let id = Id::unique(("fcell", &data.code, source, col));
                                    let line =
                                        data.line.and_then(|l| doc.budget().function_lines.get(l));
                                    let current =
                                        line.map_or(Money::ZERO, |l| l.split(source).get(col));
                                    let event =
                                        money_cell(ui, &mut view.editing, id, current, unit, &name);
                                    if let Some(line) = line {
                                        let edit = |amount: Money| {
                                            let mut new = line.clone();
                                            new.set(source, col, amount);
                                            Edit::FunctionLine {
                                                code: line.code.clone(),
                                                line: Some(new),
                                            }
                                        };
                                        super::cell_actions(
                                            event, current, &name, edit, lang, actions,
                                        );
                                    }
                                }
                                None => {
                                    cell_label(ui, split.get(col), 2, strong, &name);
                                    if !data.has_children {
                                        ui.label(RichText::new("·").weak())
                                            .on_hover_text(Tr::MultiSourceHint.get(lang));
                                    }
                                }
                            });
                        }
                    }
                }
            });
        });
}
