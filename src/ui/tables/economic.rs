//! Table 6: basic expenditure by economic classification, with 人员经费 and 公用经费.

use egui::{Id, RichText, Ui};
use egui_extras::{Column as TableColumn, TableBuilder};

use crate::document::{Document, Edit};
use crate::model::Money;
use crate::model::codes::Level;
use crate::model::economic::{CostKind, standard_cost_kind};
use crate::ui::i18n::Tr;
use crate::ui::theme::ROW_HEIGHT;
use crate::ui::widgets::{amount_label, cell_label, money_cell};
use crate::ui::{Action, ViewState};

/// Draws the economic table.
pub fn show(ui: &mut Ui, doc: &Document, view: &mut ViewState, actions: &mut Vec<Action>) {
    let lang = view.lang;
    let e = &doc.derived().economic;
    let budget = doc.budget();
    let unit = budget.unit;
    ui.horizontal(|ui| {
        ui.label(format!(
            "{}: {}",
            lang.pick("经济分类", "Classification"),
            budget.economic.scheme.label(lang.zh())
        ));
        ui.separator();
        ui.label(format!(
            "{} {}",
            Tr::StaffCosts.get(lang),
            e.staff.format_grouped(2)
        ));
        ui.separator();
        ui.label(format!(
            "{} {}",
            Tr::RunningCosts.get(lang),
            e.running.format_grouped(2)
        ));
    });
    if e.total.is_zero() && budget.economic.lines.is_empty() {
        ui.label(RichText::new(Tr::EmptyTable.get(lang)).italics());
    }
    let scroll_row = view
        .scroll_to_code
        .take()
        .and_then(|code| e.row_of(&code))
        .map(|r| r + 1);
    let mut builder = TableBuilder::new(ui)
        .id_salt("economic-table")
        .striped(true)
        .resizable(true)
        .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
        .column(TableColumn::initial(90.0).at_least(70.0))
        .column(TableColumn::initial(300.0).at_least(160.0).clip(true))
        .column(TableColumn::initial(120.0).at_least(90.0))
        .column(TableColumn::initial(100.0).at_least(80.0))
        .column(TableColumn::remainder().at_least(120.0).clip(true));
    if let Some(r) = scroll_row {
        builder = builder.scroll_to_row(r, Some(egui::Align::Center));
    }
    builder
        .header(ROW_HEIGHT + 6.0, |mut header| {
            for label in [Tr::Code, Tr::Name] {
                header.col(|ui| {
                    ui.strong(label.get(lang));
                });
            }
            header.col(|ui| {
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    ui.strong(Tr::Amount.get(lang));
                });
            });
            header.col(|ui| {
                ui.strong(lang.pick("人员/公用", "Staff/running"));
            });
            header.col(|ui| {
                ui.strong(Tr::Note.get(lang));
            });
        })
        .body(|body| {
            body.rows(ROW_HEIGHT, e.rows.len() + 1, |mut row| {
                let index = row.index();
                if index == 0 {
                    row.col(|ui| super::total_cell(ui, Tr::Total.get(lang)));
                    row.col(|_| {});
                    row.col(|ui| {
                        amount_label(
                            ui,
                            e.total,
                            2,
                            true,
                            &format!("{} {}", Tr::Total.get(lang), Tr::Amount.get(lang)),
                        )
                    });
                    row.col(|_| {});
                    row.col(|_| {});
                    return;
                }
                let r = index - 1;
                let Some(data) = e.rows.get(r) else { return };
                row.set_selected(view.selected_code.as_deref() == Some(data.code.as_str()));
                let line = data.line.and_then(|l| budget.economic.lines.get(l));
                let strong = data.level == Level::Class;
                let code_response = row
                    .col(|ui| {
                        let t = RichText::new(&data.code).monospace();
                        ui.label(if strong { t.strong() } else { t });
                    })
                    .1;
                let name_response = row
                    .col(|ui| {
                        ui.add_space(match data.level {
                            Level::Class => 0.0,
                            Level::Section => 12.0,
                            Level::Item => 24.0,
                        });
                        let name = line.map_or("", |l| l.name.as_str());
                        ui.label(if strong {
                            RichText::new(name).strong()
                        } else {
                            RichText::new(name)
                        });
                    })
                    .1;
                if code_response.clicked() || name_response.clicked() {
                    view.selected_code = Some(data.code.clone());
                }
                let name = format!("[{}] {}", data.code, Tr::Amount.get(lang));
                row.col(|ui| match line {
                    Some(line) if !data.has_children => {
                        let id = Id::unique(("ecell", &data.code));
                        let event = money_cell(ui, &mut view.editing, id, line.amount, unit, &name);
                        let edit = |amount: Money| {
                            let mut new = line.clone();
                            new.amount = amount;
                            Edit::EconLine {
                                code: line.code.clone(),
                                line: Some(new),
                            }
                        };
                        super::cell_actions(event, line.amount, &name, edit, lang, actions);
                    }
                    _ => cell_label(ui, data.total, 2, strong, &name),
                });
                row.col(|ui| {
                    if data.has_children {
                        return;
                    }
                    let kind = line
                        .and_then(|l| l.cost_kind)
                        .or_else(|| standard_cost_kind(budget.economic.scheme, &data.code));
                    let text = match kind {
                        Some(CostKind::Staff) => Tr::StaffCosts.get(lang),
                        Some(CostKind::Running) => Tr::RunningCosts.get(lang),
                        None => "—",
                    };
                    ui.label(text);
                });
                row.col(|ui| {
                    if let Some(note) = line.map(|l| l.note.as_str()).filter(|n| !n.is_empty()) {
                        ui.label(RichText::new(note).weak()).on_hover_text(note);
                    }
                });
            });
        });
}
