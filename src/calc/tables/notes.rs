//! The note printed under a table with no data: the officer's wording, or the template's
//! sentence.

use crate::model::{Budget, TableId, TableNote};

/// The note printed under an empty table: the officer's wording where the budget has one, else
/// the template's sentence (`注:本部门2025年无政府性基金预算财政拨款安排的预算，故本表为空表。`).
#[must_use]
pub fn empty_note(budget: &Budget, id: TableId, zh: bool) -> String {
    if let Some(note) = budget.table_notes.iter().find(|n| n.table == id) {
        return note.text.clone();
    }
    template_empty_note(budget, id, zh)
}

/// The officer's notes with table `id`'s set to `text`. An empty text, or the template's own
/// wording, leaves no note of the officer's for the table: the template's sentence is printed.
#[must_use]
pub fn notes_with(budget: &Budget, id: TableId, text: &str) -> Vec<TableNote> {
    let text = text.trim();
    let mut notes: Vec<TableNote> = budget
        .table_notes
        .iter()
        .filter(|n| n.table != id)
        .cloned()
        .collect();
    if !text.is_empty() && text != template_empty_note(budget, id, true) {
        notes.push(TableNote {
            table: id,
            text: text.to_owned(),
        });
        notes.sort_by_key(|n| n.table);
    }
    notes
}

/// The template's sentence under an empty table, whatever the officer wrote.
#[must_use]
pub fn template_empty_note(budget: &Budget, id: TableId, zh: bool) -> String {
    let year = budget.profile.year;
    let (what_zh, what_en) = match id {
        TableId::GovFundIncome | TableId::GovFundExpenditure => (
            "政府性基金预算财政拨款安排的预算",
            "government fund budget appropriations",
        ),
        TableId::StateCapital => (
            "国有资本经营预算财政拨款安排的预算",
            "state capital operations budget appropriations",
        ),
        TableId::UnitBreakdown => ("单独编制预算的下属单位", "units budgeted separately"),
        _ => ("相关预算", "budget of this kind"),
    };
    if zh {
        format!("注:本部门{year}年无{what_zh}，故本表为空表。")
    } else {
        format!("Note: the department has no {what_en} in {year}; this table is empty.")
    }
}
