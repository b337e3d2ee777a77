//! The Performance targets tab: what the budget's template publishes about projects — a
//! 项目支出绩效目标申报表 for every project (the list and the selected form), or 项目经费情况说明
//! for selected projects beside the department's 绩效目标设置情况 statement.

mod descriptions;
mod form;
mod indicators;
mod list;
mod statement;

use egui::Ui;

use crate::document::Document;
use crate::model::Budget;
use crate::model::template::ProjectDisclosure;
use crate::ui::i18n::{Lang, Tr};
use crate::ui::{Action, PerformanceSection, ViewState};

/// Which halves the tab shows: forms, descriptions (with the statement). Each is shown where the
/// template publishes it, or where the budget holds some anyway (an imported budget), so nothing
/// the file holds is hidden; a template without a kind gets no empty editor for it.
#[must_use]
pub fn sections(budget: &Budget) -> (bool, bool) {
    let template = budget.template().projects;
    let forms = template == ProjectDisclosure::FormPerProject || !budget.projects.is_empty();
    let descriptions = template == ProjectDisclosure::SelectedDescriptions
        || !budget.descriptions.is_empty()
        || budget.performance_statement.is_some();
    (forms, descriptions)
}

/// Draws the Performance targets tab.
pub fn show(ui: &mut Ui, doc: &Document, view: &mut ViewState, actions: &mut Vec<Action>) {
    let lang = view.lang;
    let budget = doc.budget();
    match sections(budget) {
        (true, true) => {
            egui::Panel::top("performance-sections").show(ui, |ui| {
                ui.horizontal(|ui| {
                    let forms = format!("{} ({})", Tr::Forms.get(lang), budget.projects.len());
                    let descriptions = format!(
                        "{} ({})",
                        Tr::Descriptions.get(lang),
                        budget.descriptions.len()
                    );
                    ui.selectable_value(
                        &mut view.performance_section,
                        PerformanceSection::Forms,
                        forms,
                    );
                    ui.selectable_value(
                        &mut view.performance_section,
                        PerformanceSection::Descriptions,
                        descriptions,
                    );
                });
            });
        }
        (false, _) => view.performance_section = PerformanceSection::Descriptions,
        (true, false) => view.performance_section = PerformanceSection::Forms,
    }
    match view.performance_section {
        PerformanceSection::Forms => forms(ui, doc, view, actions),
        PerformanceSection::Descriptions => descriptions::show(ui, doc, view, actions),
    }
}

/// The forms: their list on the left, the selected one on the right.
fn forms(ui: &mut Ui, doc: &Document, view: &mut ViewState, actions: &mut Vec<Action>) {
    // Clamped before the list runs: an undo may have removed the selected form.
    let count = doc.budget().projects.len();
    view.project = view.project.min(count.saturating_sub(1));
    egui::Panel::left("project-list")
        .resizable(true)
        .default_size(430.0)
        .show(ui, |ui| list::show(ui, doc, view, actions));
    if doc.budget().projects.is_empty() {
        view.project_draft = None;
        ui.label(Tr::EmptyTable.get(view.lang));
        return;
    }
    form::sync_draft(doc, view);
    egui::ScrollArea::vertical().show(ui, |ui| form::show(ui, doc, view, actions));
}

/// A name for lists and headings; an empty name reads "unnamed".
fn display_name(name: &str, lang: Lang) -> String {
    if name.trim().is_empty() {
        Tr::Unnamed.get(lang).to_owned()
    } else {
        name.to_owned()
    }
}
