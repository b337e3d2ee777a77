//! The note printed under an empty table: the template's sentence or the officer's wording,
//! editable; clearing it (or writing the template's own sentence) brings the template's back.

use egui::{RichText, Ui};

use crate::calc::tables::{empty_note, notes_with, template_empty_note};
use crate::document::{Document, Edit};
use crate::model::TableId;
use crate::ui::i18n::Tr;
use crate::ui::widgets::text_area;
use crate::ui::{Action, Draft, ViewState};

/// Draws the note editor for table `id` (an empty table). The note is printed in the Chinese
/// disclosure, so it is edited in Chinese whatever the interface language.
pub(super) fn show(
    ui: &mut Ui,
    doc: &Document,
    id: TableId,
    view: &mut ViewState,
    actions: &mut Vec<Action>,
) {
    let lang = view.lang;
    let budget = doc.budget();
    let printed = empty_note(budget, id, true);
    Draft::sync(&mut view.note_draft, id, &printed);
    let Some(draft) = view.note_draft.as_mut() else {
        return;
    };
    let label = Tr::EmptyTableNote.get(lang);
    ui.strong(label);
    let left = text_area(ui, &mut draft.value, label, 2).lost_focus();
    let custom = budget.table_notes.iter().any(|n| n.table == id);
    let mut reset = false;
    ui.horizontal(|ui| {
        ui.label(RichText::new(Tr::EmptyTableNoteHint.get(lang)).weak());
        if custom && ui.small_button(Tr::TemplateWording.get(lang)).clicked() {
            reset = true;
        }
    });
    if reset {
        draft.value.clear();
    }
    if (left || reset)
        && let Some(text) = draft.take_change()
    {
        let notes = notes_with(budget, id, &text);
        if notes != budget.table_notes {
            actions.push(Action::Apply {
                label: Tr::EditNoteStep.get(lang).to_owned(),
                edits: vec![Edit::TableNotes(notes)],
            });
        }
        // An emptied box shows the template's sentence again.
        if text.trim().is_empty() {
            draft.value = template_empty_note(budget, id, true);
            draft.base = draft.value.clone();
        }
    }
}
