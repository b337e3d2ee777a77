//! 项目经费情况说明 for selected projects: on the left the 绩效目标设置情况 statement and the list
//! (add, duplicate, delete); on the right the selected description — name, amount, the seven
//! printed texts and the optional quarterly plan (its total derived) — with its checks above it.

use egui::{Grid, Id, RichText, Ui};

use super::{display_name, statement};
use crate::checks::Location;
use crate::document::{Document, Edit};
use crate::model::{DescriptionText, Money, MoneyUnit, ProjectDescription};
use crate::ui::i18n::{Lang, Tr, with_unit};
use crate::ui::tables::cell_actions;
use crate::ui::widgets::{
    CellEditing, amount_label, findings_list, money_cell, text_area, text_field,
};
use crate::ui::{Action, Draft, ViewState};

/// Quarter labels, in order.
const QUARTERS: [Tr; 4] = [Tr::Quarter1, Tr::Quarter2, Tr::Quarter3, Tr::Quarter4];

/// Draws the descriptions half of the Performance tab.
pub(super) fn show(ui: &mut Ui, doc: &Document, view: &mut ViewState, actions: &mut Vec<Action>) {
    // Clamped before the list runs: an undo may have removed the selected one; one the list
    // adds this frame is only in the document next frame.
    let count = doc.budget().descriptions.len();
    view.description = view.description.min(count.saturating_sub(1));
    egui::Panel::left("description-list")
        .resizable(true)
        .default_size(380.0)
        .show(ui, |ui| {
            egui::ScrollArea::vertical().show(ui, |ui| {
                statement::show(ui, doc, view, actions);
                ui.separator();
                list(ui, doc, view, actions);
            });
        });
    let descriptions = &doc.budget().descriptions;
    if descriptions.is_empty() {
        view.description_draft = None;
        ui.label(Tr::NoDescriptions.get(view.lang));
        return;
    }
    let Some(current) = descriptions.get(view.description) else {
        return;
    };
    Draft::sync(&mut view.description_draft, view.description, current);
    egui::ScrollArea::vertical()
        .id_salt("description-editor")
        .show(ui, |ui| editor(ui, doc, view, actions));
}

/// The list with its buttons. Adding, duplicating and deleting are one undo step each.
fn list(ui: &mut Ui, doc: &Document, view: &mut ViewState, actions: &mut Vec<Action>) {
    let lang = view.lang;
    let budget = doc.budget();
    let unit = budget.template().text_unit.label(lang.zh());
    ui.strong(format!(
        "{} ({})",
        Tr::Descriptions.get(lang),
        budget.descriptions.len()
    ));
    let selected = budget.descriptions.get(view.description);
    let mut replace = |descriptions: Vec<ProjectDescription>, step: Tr| {
        actions.push(Action::Apply {
            label: step.get(lang).to_owned(),
            edits: vec![Edit::Descriptions(descriptions)],
        });
    };
    ui.horizontal_wrapped(|ui| {
        if ui.button(Tr::AddDescription.get(lang)).clicked() {
            let mut all = budget.descriptions.clone();
            all.push(ProjectDescription::default());
            view.description = all.len() - 1;
            replace(all, Tr::AddDescriptionStep);
        }
        let button = |text: Tr| egui::Button::new(text.get(lang));
        if ui
            .add_enabled(selected.is_some(), button(Tr::DuplicateItem))
            .clicked()
            && let Some(d) = selected
        {
            let mut copy = d.clone();
            copy.name = format!("{}{}", d.name, Tr::CopySuffix.get(lang));
            let mut all = budget.descriptions.clone();
            let at = (view.description + 1).min(all.len());
            all.insert(at, copy);
            view.description = at;
            replace(all, Tr::DuplicateDescriptionStep);
        }
        if ui
            .add_enabled(selected.is_some(), button(Tr::DeleteItem))
            .clicked()
            && selected.is_some()
        {
            let mut all = budget.descriptions.clone();
            all.remove(view.description);
            view.description = view.description.saturating_sub(1);
            replace(all, Tr::DeleteDescriptionStep);
        }
    });
    // A handful per budget: a plain list is enough.
    for (i, d) in budget.descriptions.iter().enumerate() {
        let amount = d.amount.map_or_else(
            || "—".to_owned(),
            |m| format!("{} {unit}", m.format_grouped(2)),
        );
        let text = format!("{}\n{amount}", display_name(&d.name, lang));
        if ui.selectable_label(view.description == i, text).clicked() {
            view.description = i;
        }
    }
}

/// The selected description. Texts edit the draft and are committed when a field is left;
/// amounts are cells that preview while typing.
fn editor(ui: &mut Ui, doc: &Document, view: &mut ViewState, actions: &mut Vec<Action>) {
    let lang = view.lang;
    let budget = doc.budget();
    let index = view.description;
    let Some(current) = budget.descriptions.get(index) else {
        return;
    };
    let Some(draft) = view.description_draft.as_mut().filter(|d| d.key == index) else {
        return;
    };
    let d = &mut draft.value;
    let unit = budget.template().text_unit;
    ui.heading(display_name(&d.name, lang));
    findings_list(
        ui,
        doc.findings()
            .iter()
            .filter(|f| f.location == Location::Description { index }),
        lang.zh(),
    );
    ui.add_space(4.0);
    let mut commit = false;
    let amounts = Amounts {
        all: &budget.descriptions,
        index,
        unit,
        lang,
    };
    Grid::new("description-header")
        .num_columns(2)
        .spacing([12.0, 6.0])
        .show(ui, |ui| {
            let label = Tr::ProjectName.get(lang);
            ui.label(label);
            commit |= text_field(ui, &mut d.name, label, 420.0).lost_focus();
            ui.end_row();
            amounts.amount(ui, current, &mut view.editing, actions);
        });
    ui.add_space(6.0);
    let mut planned = d.quarters.is_some();
    if ui
        .checkbox(&mut planned, Tr::QuarterlyPlan.get(lang))
        .changed()
    {
        d.quarters = planned.then_some([Money::ZERO; 4]);
        commit = true;
    }
    if current.quarters.is_some() {
        amounts.quarters(ui, current, &mut view.editing, actions);
    }
    ui.add_space(6.0);
    for field in DescriptionText::ALL {
        let label = if lang.zh() {
            field.label_zh()
        } else {
            field.label_en()
        };
        ui.strong(label);
        commit |= text_area(ui, field.get_mut(d), label, 2).lost_focus();
        ui.add_space(4.0);
    }
    let note = Tr::Note.get(lang);
    ui.strong(note);
    commit |= text_area(ui, &mut d.note, note, 1).lost_focus();
    if commit && let Some(new) = draft.take_change() {
        let label = format!(
            "{}“{}”",
            Tr::EditDescriptionStep.get(lang),
            display_name(&new.name, lang)
        );
        let mut all = budget.descriptions.clone();
        if let Some(slot) = all.get_mut(index) {
            *slot = new;
        }
        actions.push(Action::Apply {
            label,
            edits: vec![Edit::Descriptions(all)],
        });
    }
}

/// The amount cells of one description, built on the document's descriptions.
struct Amounts<'a> {
    all: &'a [ProjectDescription],
    index: usize,
    unit: MoneyUnit,
    lang: Lang,
}

impl Amounts<'_> {
    /// The edit that gives the description what `change` does to it.
    fn edit(&self, change: impl Fn(&mut ProjectDescription)) -> Edit {
        let mut all = self.all.to_vec();
        if let Some(d) = all.get_mut(self.index) {
            change(d);
        }
        Edit::Descriptions(all)
    }

    /// The project's amount as a grid row; blank means no amount is printed.
    fn amount(
        &self,
        ui: &mut Ui,
        d: &ProjectDescription,
        editing: &mut Option<CellEditing>,
        actions: &mut Vec<Action>,
    ) {
        let lang = self.lang;
        let name = with_unit(
            Tr::ProjectAmount.get(lang),
            self.unit.label(lang.zh()),
            lang,
        );
        ui.label(&name);
        ui.horizontal(|ui| {
            let value = d.amount.unwrap_or(Money::ZERO);
            ui.allocate_ui(egui::vec2(160.0, ui.spacing().interact_size.y), |ui| {
                let id = Id::unique(("description-amount", self.index));
                let event = money_cell(ui, editing, id, value, self.unit, &name);
                let edit = |m: Money| self.edit(|d| d.amount = (!m.is_zero()).then_some(m));
                cell_actions(event, value, &name, edit, lang, actions);
            });
            ui.weak(Tr::AmountNotPrinted.get(lang));
        });
        ui.end_row();
    }

    /// The four quarters and their total (derived), beside the amount.
    fn quarters(
        &self,
        ui: &mut Ui,
        d: &ProjectDescription,
        editing: &mut Option<CellEditing>,
        actions: &mut Vec<Action>,
    ) {
        let lang = self.lang;
        let Some(quarters) = d.quarters else {
            return;
        };
        let unit = self.unit.label(lang.zh());
        Grid::new(("description-quarters", self.index))
            .striped(true)
            .min_col_width(110.0)
            .show(ui, |ui| {
                for q in QUARTERS {
                    ui.strong(q.get(lang));
                }
                ui.strong(Tr::QuartersTotal.get(lang));
                ui.strong(Tr::ProjectAmount.get(lang));
                ui.end_row();
                for (k, (q, value)) in QUARTERS.iter().zip(quarters).enumerate() {
                    let quarter = format!("{} {}", Tr::QuarterlyPlan.get(lang), q.get(lang));
                    let name = with_unit(&quarter, unit, lang);
                    let id = Id::unique(("description-quarter", self.index, k));
                    let event = money_cell(ui, editing, id, value, self.unit, &name);
                    let edit = |m: Money| {
                        self.edit(|d| {
                            if let Some(slot) = d.quarters.as_mut().and_then(|qs| qs.get_mut(k)) {
                                *slot = m;
                            }
                        })
                    };
                    cell_actions(event, value, &name, edit, lang, actions);
                }
                let total = d.quarters_total().unwrap_or(Money::ZERO);
                amount_label(
                    ui,
                    total,
                    2,
                    true,
                    &with_unit(Tr::QuartersTotal.get(lang), unit, lang),
                );
                match d.amount {
                    Some(amount) => ui.label(amount.format_grouped(2)),
                    None => ui.label(RichText::new("—").weak()),
                };
                ui.end_row();
            });
    }
}
