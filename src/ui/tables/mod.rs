//! The Tables tab: the list of standard tables on the left, the selected table on the right. Each
//! table is the table model's value ([`crate::calc::tables`]) drawn by [`grid`]; a cell edit
//! becomes an [`Edit`] of the field the cell shows.

pub mod grid;
pub mod lines;
mod note;
mod sources;
pub mod story;

use egui::{RichText, Ui};

use crate::calc::tables;
use crate::document::{Document, Edit};
use crate::model::{Money, TableId};
use crate::ui::i18n::{Lang, Tr};
use crate::ui::widgets::CellEvent;
use crate::ui::{Action, ViewState};
use lines::{LineKind, line_bar};

/// Turns what happened to a money cell into actions: preview while typing, one undo step on
/// commit, a status message when the input is refused. `edit` builds the edit for an amount
/// (`None` when what the cell addressed is gone).
pub(crate) fn cell_actions<E: Into<Option<Edit>>>(
    event: CellEvent,
    current: Money,
    name: &str,
    edit: impl Fn(Money) -> E,
    lang: Lang,
    actions: &mut Vec<Action>,
) {
    let preview = |amount: Money, actions: &mut Vec<Action>| {
        if let Some(edit) = edit(amount).into() {
            actions.push(Action::Preview {
                label: name.to_owned(),
                edit,
            });
        }
    };
    match event {
        CellEvent::Idle => {}
        CellEvent::Changed(m) => preview(m, actions),
        CellEvent::Invalid | CellEvent::Cancelled => actions.push(Action::CancelPreview),
        CellEvent::Committed(m) => {
            if m != current {
                preview(m, actions);
            }
            actions.push(Action::CommitPreview);
        }
        CellEvent::Refused(reason) => {
            actions.push(Action::CancelPreview);
            let reason = reason.describe(lang.zh());
            actions.push(Action::Status(format!(
                "{}{colon}{name}{colon}{reason}",
                Tr::Refused.get(lang),
                colon = lang.colon()
            )));
        }
    }
}

/// Draws table `id` as one part of a page (the Assets tab shows tables 10 and 11 this way).
pub fn embedded(
    ui: &mut Ui,
    doc: &Document,
    id: TableId,
    view: &mut ViewState,
    actions: &mut Vec<Action>,
) {
    let table = tables::table(doc.budget(), doc.derived(), id, view.lang.zh());
    grid::caption(ui, &table, view.lang);
    ui.push_id(("embedded-table", id), |ui| {
        grid::show(ui, doc, &table, view, actions, false);
    });
    if id == TableId::Sangong {
        sangong_scope(ui, doc, view.lang, actions);
    }
}

/// Whether all 三公 money is basic expenditure (then each item must equal its economic line).
fn sangong_scope(ui: &mut Ui, doc: &Document, lang: Lang, actions: &mut Vec<Action>) {
    let s = &doc.budget().sangong;
    let mut all_basic = s.all_basic;
    let label = lang.pick(
        "三公经费全部为基本支出（须与经济科目一致）",
        "All of it is basic expenditure (must equal the economic lines)",
    );
    if ui.checkbox(&mut all_basic, label).changed() {
        let mut new = s.clone();
        new.all_basic = all_basic;
        actions.push(Action::Apply {
            label: lang.pick("三公口径", "三公 scope").to_owned(),
            edits: vec![Edit::Sangong(new)],
        });
    }
}

/// Draws the Tables tab.
pub fn show(ui: &mut Ui, doc: &Document, view: &mut ViewState, actions: &mut Vec<Action>) {
    let lang = view.lang;
    let listed = tables::disclosure_tables(doc.budget());
    if !listed.contains(&view.table()) {
        view.table = None;
    }
    egui::Panel::left("table-list")
        .resizable(true)
        .default_size(250.0)
        .show(ui, |ui| {
            egui::ScrollArea::vertical().show(ui, |ui| {
                for &table in &listed {
                    let selected = view.table() == table;
                    let budget = doc.budget();
                    let text =
                        budget
                            .template()
                            .numbered_title(table, lang.zh(), budget.profile.year);
                    if ui.selectable_label(selected, text).clicked() && !selected {
                        view.table = Some(table);
                        view.selected_code = None;
                        view.new_line = Default::default();
                    }
                }
            });
        });
    let id = view.table();
    let budget = doc.budget();
    // The selected line's sources stand beside the table, the window's full height, so the
    // table keeps its rows.
    let function_table = matches!(
        id,
        TableId::Income
            | TableId::Expenditure
            | TableId::GeneralPublic
            | TableId::GovFundIncome
            | TableId::GovFundExpenditure
            | TableId::StateCapital
    );
    let summed = doc.is_summed();
    if function_table
        && let Some(code) = view.selected_code.clone()
        && budget.function_line_index(&code).is_some()
    {
        egui::Panel::right("line-sources-panel")
            .resizable(true)
            .default_size(330.0)
            .show(ui, |ui| {
                egui::ScrollArea::vertical()
                    .id_salt("line-sources-scroll")
                    .show(ui, |ui| {
                        if summed {
                            // The department's line: which units it comes from.
                            crate::ui::units::line_by_unit(ui, doc, &code, lang, actions);
                        } else {
                            sources::show(ui, doc, &code, view, actions);
                        }
                    });
            });
    }
    // The base is lent to the table for this frame and given back below: the grid needs the
    // view mutably while the table borrows the comparison.
    let base = view.base.take();
    let mut table = tables::table(budget, doc.derived(), id, lang.zh());
    if view.compare_columns
        && let Some(base) = &base
    {
        table = table.with_comparison(&base.comparison, lang.zh());
    }
    // The year before the title, unless the template's title carries it already.
    let year = budget.profile.year.to_string();
    if table.title.contains(&year) {
        ui.heading(&table.title);
    } else {
        ui.heading(format!("{year} {}", table.title));
    }
    ui.horizontal_wrapped(|ui| {
        // As the printed table words it (编制部门：…, a unit's 编制单位：…).
        ui.label(
            budget
                .template()
                .outline
                .department_line
                .fill_for(budget, lang.zh()),
        );
        ui.separator();
        grid::caption(ui, &table, lang);
    });
    if id.is_editable() && !summed {
        ui.label(RichText::new(Tr::EditHint.get(lang)).weak());
    } else if !summed {
        ui.label(RichText::new(Tr::ReadOnlyTable.get(lang)).weak());
    }
    match id {
        // The department summed from its units has no lines of its own to add or rename.
        _ if summed => {}
        TableId::BasicByEconomic => {
            line_bar(ui, budget, LineKind::Economic, view, actions);
            economic_caption(ui, doc, lang);
        }
        TableId::Income
        | TableId::Expenditure
        | TableId::GeneralPublic
        | TableId::GovFundIncome
        | TableId::GovFundExpenditure
        | TableId::StateCapital => {
            line_bar(ui, budget, LineKind::Function, view, actions);
        }
        TableId::Sangong | TableId::SangongAndOperating => {
            sangong_scope(ui, doc, lang, actions);
        }
        _ => {}
    }
    if table.compared_as().is_some() {
        compare_toggle(ui, base.is_some(), view);
    }
    if table.empty {
        note::show(ui, doc, id, view, actions);
    }
    ui.separator();
    // Wide tables (the economic table's cost columns, last year's columns) scroll sideways
    // rather than lose their right-hand columns off the window.
    egui::ScrollArea::horizontal()
        .id_salt(("table-sideways", id))
        .show(ui, |ui| grid::show(ui, doc, &table, view, actions, true));
    drop(table);
    view.base = base;
}

/// The switch for last year's columns; without a base it says how to get one.
fn compare_toggle(ui: &mut Ui, attached: bool, view: &mut ViewState) {
    let lang = view.lang;
    if attached {
        ui.checkbox(&mut view.compare_columns, Tr::CompareColumns.get(lang))
            .on_hover_text(Tr::CompareColumnsHint.get(lang));
    } else {
        ui.label(RichText::new(Tr::CompareColumnsNeedBase.get(lang)).weak());
    }
}

/// Which economic code set the table uses, and its 人员经费 / 公用经费.
fn economic_caption(ui: &mut Ui, doc: &Document, lang: Lang) {
    let e = &doc.derived().economic;
    ui.horizontal(|ui| {
        ui.label(format!(
            "{}: {}",
            lang.pick("经济分类", "Classification"),
            doc.budget().economic.scheme.label(lang.zh())
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
}
