//! Last year's totals written in the budget: the base of every 增加/减少 sentence when no
//! last-year file is attached, and what 以此为基础新建下一年度 fills in from this year's figures.

use egui::{Grid, Id, RichText, Ui};

use super::i18n::Tr;
use super::widgets::{money_cell, text_field};
use super::{Action, ViewState};
use crate::document::{Document, Edit};
use crate::model::{AmountField, LastYearFigure};

/// Draws the editor.
pub fn show(ui: &mut Ui, doc: &Document, view: &mut ViewState, actions: &mut Vec<Action>) {
    let lang = view.lang;
    let budget = doc.budget();
    ui.label(RichText::new(Tr::BaseFiguresHint.get(lang)).weak());
    ui.add_space(4.0);
    Grid::new("last-year-figures")
        .num_columns(3)
        .striped(true)
        .min_col_width(140.0)
        .show(ui, |ui| {
            for figure in LastYearFigure::ALL {
                let label = figure.label(lang.zh());
                ui.label(label);
                let field = AmountField::LastYear(figure);
                let value = figure.get(&budget.last_year);
                let id = Id::unique(("last-year-figure", figure));
                let event = money_cell(
                    ui,
                    &mut view.editing,
                    id,
                    value.unwrap_or_default(),
                    budget.unit,
                    label,
                );
                let edit = |amount| Edit::set_amount(budget, &field, amount);
                super::tables::cell_actions(
                    event,
                    value.unwrap_or_default(),
                    label,
                    edit,
                    lang,
                    actions,
                );
                ui.horizontal(|ui| {
                    ui.label(budget.unit.label(lang.zh()));
                    if value.is_some()
                        && ui
                            .small_button(Tr::ClearFigure.get(lang))
                            .on_hover_text(Tr::ClearFigureHint.get(lang))
                            .clicked()
                    {
                        let mut last = budget.last_year.clone();
                        *figure.slot(&mut last) = None;
                        actions.push(Action::Apply {
                            label: label.to_owned(),
                            edits: vec![Edit::LastYear(last)],
                        });
                    }
                });
                ui.end_row();
            }
        });
    ui.add_space(6.0);
    let note_label = Tr::BaseFiguresNote.get(lang);
    let draft = view
        .base_note_draft
        .get_or_insert_with(|| budget.last_year.note.clone());
    let response = text_field(ui, draft, note_label, 480.0);
    if response.lost_focus() {
        if *draft != budget.last_year.note {
            let mut last = budget.last_year.clone();
            last.note.clone_from(draft);
            actions.push(Action::Apply {
                label: note_label.to_owned(),
                edits: vec![Edit::LastYear(last)],
            });
        }
        view.base_note_draft = None;
    } else if !response.has_focus() && *draft != budget.last_year.note {
        // Undo or another change moved the note under the field: show the document's.
        view.base_note_draft = None;
    }
    ui.label(RichText::new(Tr::BaseFiguresElsewhere.get(lang)).weak());
}
