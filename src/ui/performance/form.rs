//! The selected project's 项目支出绩效目标申报表, every field editable, with the checks that
//! concern it above the form.

use egui::{ComboBox, Grid, Id, Ui};

use super::display_name;
use super::indicators::{indicator_table, link_picker};
use crate::checks::Location;
use crate::document::{Document, Edit};
use crate::model::performance::FundSource;
use crate::model::{Funds, Money, MoneyUnit, Project, ProjectKind, ProjectText};
use crate::ui::i18n::{Lang, Tr};
use crate::ui::tables::cell_actions;
use crate::ui::widgets::{amount_label, findings_list, money_cell, text_area, text_field};
use crate::ui::{Action, Draft, ViewState};

/// Keeps the draft in step with the document: a new selection, an undo or any outside change
/// replaces it; typing only changes the draft until the field is left. A form the list added this
/// frame is only in the document next frame: no draft until then.
pub(super) fn sync_draft(doc: &Document, view: &mut ViewState) {
    match doc.budget().projects.get(view.project) {
        Some(current) => Draft::sync(&mut view.project_draft, view.project, current),
        None => view.project_draft = None,
    }
}

pub(super) fn show(ui: &mut Ui, doc: &Document, view: &mut ViewState, actions: &mut Vec<Action>) {
    let lang = view.lang;
    let budget = doc.budget();
    let index = view.project;
    let Some(doc_project) = budget.projects.get(index).cloned() else {
        return;
    };
    let mut commit = false;
    // Checks about this form, beside it.
    let findings: Vec<_> = doc
        .findings()
        .iter()
        .filter(|f| matches!(f.location, Location::Project { index: i, .. } if i == index))
        .collect();
    let Some(draft) = view.project_draft.as_mut().filter(|d| d.key == index) else {
        return;
    };
    let p = &mut draft.value;
    ui.heading(display_name(&p.name, lang));
    findings_list(ui, findings.iter().copied(), lang.zh());
    ui.add_space(4.0);
    Grid::new("project-header")
        .num_columns(2)
        .spacing([12.0, 6.0])
        .show(ui, |ui| {
            for field in [ProjectText::Name, ProjectText::Department] {
                commit |= text_row(ui, p, field, lang, 420.0);
            }
            ui.label(Tr::ImplementingUnit.get(lang));
            let before = p.unit_code.clone();
            ComboBox::from_id_salt("project-unit")
                .selected_text(budget.unit_name(&p.unit_code).to_owned())
                .show_ui(ui, |ui| {
                    for u in &budget.profile.units {
                        ui.selectable_value(&mut p.unit_code, u.code.clone(), &u.name);
                    }
                });
            commit |= before != p.unit_code;
            ui.end_row();
            ui.label(lang.pick("项目属性", "Kind"));
            let before = p.kind;
            ComboBox::from_id_salt("project-kind")
                .selected_text(p.kind.label(lang.zh()))
                .show_ui(ui, |ui| {
                    for k in [ProjectKind::OneOff, ProjectKind::Recurring] {
                        ui.selectable_value(&mut p.kind, k, k.label(lang.zh()));
                    }
                });
            commit |= before != p.kind;
            ui.end_row();
            commit |= text_row(ui, p, ProjectText::Period, lang, 120.0);
            ui.label(Tr::LinkedLine.get(lang));
            commit |= link_picker(ui, doc, &mut p.function_code, &mut view.link_search, lang);
            ui.end_row();
        });
    ui.add_space(6.0);
    funds(ui, &doc_project, index, lang, &mut view.editing, actions);
    ui.add_space(6.0);
    for field in ProjectText::DESCRIPTIONS {
        let label = field.label(lang.zh());
        ui.strong(label);
        commit |= text_area(ui, field.get_mut(p), label, 2).lost_focus();
        ui.add_space(4.0);
    }
    for (year, label) in [(false, Tr::PeriodGoal), (true, Tr::YearGoal)] {
        ui.horizontal(|ui| {
            ui.strong(format!(
                "{} · {}",
                Tr::Indicators.get(lang),
                label.get(lang)
            ));
            if year
                && ui
                    .button(lang.pick("复制实施期指标到年度", "Copy period indicators to the year"))
                    .clicked()
            {
                p.indicators_year = p.indicators_period.clone();
                commit = true;
            }
        });
        let rows = if year {
            &mut p.indicators_year
        } else {
            &mut p.indicators_period
        };
        commit |= indicator_table(ui, rows, lang, label.get(lang));
        ui.add_space(6.0);
    }
    Grid::new("project-contacts")
        .num_columns(2)
        .spacing([12.0, 6.0])
        .show(ui, |ui| {
            for field in ProjectText::CONTACTS {
                commit |= text_row(ui, p, field, lang, 240.0);
            }
        });
    let note = ProjectText::Note.label(lang.zh());
    ui.strong(note);
    commit |= text_area(ui, ProjectText::Note.get_mut(p), note, 1).lost_focus();
    if commit && let Some(project) = draft.take_change() {
        actions.push(Action::Apply {
            label: format!(
                "{}“{}”",
                lang.pick("修改绩效目标表", "Edit form "),
                display_name(&project.name, lang)
            ),
            edits: vec![Edit::ReplaceProject {
                index,
                project: Box::new(project),
            }],
        });
    }
}

/// One labelled single-line text of the form as a grid row; true when the field was left.
fn text_row(ui: &mut Ui, p: &mut Project, field: ProjectText, lang: Lang, width: f32) -> bool {
    let label = field.label(lang.zh());
    ui.label(label);
    let left = text_field(ui, field.get_mut(p), label, width).lost_focus();
    ui.end_row();
    left
}

/// The funds grid: each source editable for the period and the year, totals derived.
fn funds(
    ui: &mut Ui,
    project: &Project,
    index: usize,
    lang: Lang,
    editing: &mut Option<crate::ui::widgets::CellEditing>,
    actions: &mut Vec<Action>,
) {
    Grid::new("funds")
        .striped(true)
        .min_col_width(130.0)
        .show(ui, |ui| {
            ui.strong(lang.pick("项目资金（元）", "Funds (yuan)"));
            ui.strong(Tr::PeriodFunds.get(lang));
            ui.strong(Tr::YearFunds.get(lang));
            ui.end_row();
            ui.label(Tr::Total.get(lang));
            amount_label(
                ui,
                project.funds_period.total(),
                2,
                true,
                &format!("{} {}", Tr::PeriodFunds.get(lang), Tr::Total.get(lang)),
            );
            amount_label(
                ui,
                project.funds_year.total(),
                2,
                true,
                &format!("{} {}", Tr::YearFunds.get(lang), Tr::Total.get(lang)),
            );
            ui.end_row();
            let stated = |f: &Funds| {
                f.stated_total
                    .map_or_else(|| "—".to_owned(), |m| m.format_grouped(2))
            };
            ui.label(lang.pick("印发总额", "Printed total"));
            ui.label(stated(&project.funds_period));
            ui.label(stated(&project.funds_year));
            ui.end_row();
            for source in [
                FundSource::Central,
                FundSource::Provincial,
                FundSource::Local,
                FundSource::SelfRaised,
                FundSource::Other,
            ] {
                let label = source.label(lang.zh());
                ui.label(label);
                for year in [false, true] {
                    let funds = if year {
                        &project.funds_year
                    } else {
                        &project.funds_period
                    };
                    let value = funds
                        .sources()
                        .iter()
                        .find(|(s, _)| *s == source)
                        .map_or(Money::ZERO, |(_, m)| *m);
                    let name = format!(
                        "{} {label}",
                        if year {
                            Tr::YearFunds.get(lang)
                        } else {
                            Tr::PeriodFunds.get(lang)
                        }
                    );
                    let id = Id::unique(("project-funds", index, source, year));
                    let event = money_cell(ui, editing, id, value, MoneyUnit::Yuan, &name);
                    let edit = |amount: Money| {
                        let mut new = project.clone();
                        let target = if year {
                            &mut new.funds_year
                        } else {
                            &mut new.funds_period
                        };
                        *target.source_mut(source) = amount;
                        Edit::ReplaceProject {
                            index,
                            project: Box::new(new),
                        }
                    };
                    cell_actions(event, value, &name, edit, lang, actions);
                }
                ui.end_row();
            }
        });
}
