//! The Tables tab: the list of standard tables on the left, the selected table on the right.

mod economic;
mod function;
pub mod lines;
pub(crate) mod small;
mod summary;

use egui::{RichText, Ui};

use crate::document::{Document, Edit};
use crate::model::{Money, TableId};
use crate::ui::i18n::{Lang, Tr};
use crate::ui::widgets::CellEvent;
use crate::ui::{Action, ViewState};
use lines::{LineKind, line_bar};

/// Turns what happened to a money cell into actions: preview while typing, one undo step on
/// commit, a status message when the input is refused.
pub(crate) fn cell_actions(
    event: CellEvent,
    current: Money,
    name: &str,
    edit: impl Fn(Money) -> Edit,
    lang: Lang,
    actions: &mut Vec<Action>,
) {
    match event {
        CellEvent::Idle => {}
        CellEvent::Changed(m) => actions.push(Action::Preview {
            label: name.to_owned(),
            edit: edit(m),
        }),
        CellEvent::Invalid | CellEvent::Cancelled => actions.push(Action::CancelPreview),
        CellEvent::Committed(m) => {
            if m != current {
                actions.push(Action::Preview {
                    label: name.to_owned(),
                    edit: edit(m),
                });
            }
            actions.push(Action::CommitPreview);
        }
        CellEvent::Refused(reason) => {
            actions.push(Action::CancelPreview);
            actions.push(Action::Status(format!(
                "{}：{name}：{reason}",
                Tr::Refused.get(lang)
            )));
        }
    }
}

/// A cell of a table's 合计 row: shaded, with `text` in bold.
pub(crate) fn total_cell(ui: &mut Ui, text: &str) {
    let fill = crate::ui::theme::total_row_fill(ui.visuals().dark_mode);
    ui.painter().rect_filled(ui.max_rect(), 0.0, fill);
    if !text.is_empty() {
        ui.strong(text);
    }
}

fn title(table: TableId, lang: Lang) -> String {
    let name = if lang.zh() {
        table.title_zh()
    } else {
        table.title_en()
    };
    if lang.zh() {
        format!("预算公开表{} {name}", table.number())
    } else {
        format!("Table {} {name}", table.number())
    }
}

/// Draws the Tables tab.
pub fn show(ui: &mut Ui, doc: &Document, view: &mut ViewState, actions: &mut Vec<Action>) {
    let lang = view.lang;
    egui::Panel::left("table-list")
        .resizable(true)
        .default_size(250.0)
        .show(ui, |ui| {
            egui::ScrollArea::vertical().show(ui, |ui| {
                for table in TableId::ALL {
                    let selected = view.table() == table;
                    let text = title(table, lang);
                    if ui.selectable_label(selected, text).clicked() && !selected {
                        view.table = Some(table);
                        view.selected_code = None;
                        view.new_line = Default::default();
                    }
                }
            });
        });
    let table = view.table();
    let budget = doc.budget();
    ui.horizontal(|ui| {
        ui.heading(format!("{} {}", budget.profile.year, title(table, lang)));
    });
    ui.horizontal(|ui| {
        ui.label(format!(
            "{}: {}",
            Tr::Department.get(lang),
            budget.profile.department_name
        ));
        ui.separator();
        let unit = match table {
            TableId::Sangong => budget.sangong.unit,
            TableId::OperatingCosts => budget.operating_costs.unit,
            _ => budget.unit,
        };
        ui.label(format!("{}: {}", Tr::Unit.get(lang), unit.label(lang.zh())));
    });
    if table.is_editable() {
        ui.label(RichText::new(Tr::EditHint.get(lang)).weak());
    }
    ui.separator();
    match table {
        TableId::IncomeExpenditure => summary::income_expenditure(ui, doc, view),
        TableId::Fiscal => summary::fiscal(ui, doc, view),
        TableId::BasicByEconomic => {
            line_bar(ui, budget, LineKind::Economic, view, actions);
            economic::show(ui, doc, view, actions);
        }
        TableId::Sangong => small::sangong(ui, doc, view, actions),
        TableId::OperatingCosts => small::operating(ui, doc, view, actions),
        TableId::Income | TableId::GovFundIncome => function::show(ui, doc, table, view, actions),
        TableId::Expenditure
        | TableId::GeneralPublic
        | TableId::GovFundExpenditure
        | TableId::StateCapital => {
            line_bar(ui, budget, LineKind::Function, view, actions);
            function::show(ui, doc, table, view, actions);
        }
    }
}
