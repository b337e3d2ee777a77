//! The list of 项目支出绩效目标申报表: filter by unit, sort by name or funds, totals per unit; add,
//! duplicate and delete forms.

use egui::{ComboBox, Grid, RichText, Ui};
use egui_extras::{Column as TableColumn, TableBuilder};

use super::display_name;
use crate::document::{Document, Edit};
use crate::model::Project;
use crate::ui::i18n::Tr;
use crate::ui::widgets::amount_label;
use crate::ui::{Action, ProjectSort, ViewState};

/// Project positions in list order (filtered and sorted; the document order is never changed).
fn ordered(doc: &Document, view: &ViewState) -> Vec<usize> {
    let projects = &doc.budget().projects;
    let mut order: Vec<usize> = (0..projects.len())
        .filter(|i| {
            view.project_unit_filter
                .as_deref()
                .is_none_or(|u| projects[*i].unit_code == u)
        })
        .collect();
    match view.project_sort {
        ProjectSort::Document => {}
        ProjectSort::Name => order.sort_by(|a, b| projects[*a].name.cmp(&projects[*b].name)),
        ProjectSort::Funds => {
            order.sort_by_key(|i| std::cmp::Reverse(projects[*i].funds_year.total()));
        }
    }
    order
}

pub(super) fn show(ui: &mut Ui, doc: &Document, view: &mut ViewState, actions: &mut Vec<Action>) {
    let lang = view.lang;
    let budget = doc.budget();
    let s = &doc.derived().summary;
    ui.horizontal_wrapped(|ui| {
        ui.strong(format!(
            "{} ({})",
            Tr::Projects.get(lang),
            budget.projects.len()
        ));
        let filter_text = view.project_unit_filter.as_deref().map_or_else(
            || lang.pick("全部单位", "All units").to_owned(),
            |u| budget.unit_name(u).to_owned(),
        );
        ComboBox::from_id_salt("project-unit-filter")
            .selected_text(filter_text)
            .show_ui(ui, |ui| {
                ui.selectable_value(
                    &mut view.project_unit_filter,
                    None,
                    lang.pick("全部单位", "All units"),
                );
                for u in &budget.profile.units {
                    ui.selectable_value(
                        &mut view.project_unit_filter,
                        Some(u.code.clone()),
                        &u.name,
                    );
                }
            });
        let sort_label = |s: ProjectSort| match s {
            ProjectSort::Document => lang.pick("原顺序", "Document order"),
            ProjectSort::Name => lang.pick("按名称", "By name"),
            ProjectSort::Funds => lang.pick("按金额", "By funds"),
        };
        ComboBox::from_id_salt("project-sort")
            .selected_text(sort_label(view.project_sort))
            .show_ui(ui, |ui| {
                for s in [ProjectSort::Document, ProjectSort::Name, ProjectSort::Funds] {
                    ui.selectable_value(&mut view.project_sort, s, sort_label(s));
                }
            });
    });
    ui.horizontal(|ui| {
        if ui.button(lang.pick("新增项目", "Add project")).clicked() {
            let unit = view
                .project_unit_filter
                .clone()
                .or_else(|| budget.profile.units.first().map(|u| u.code.clone()))
                .unwrap_or_default();
            let project = Project {
                department: if budget.profile.department_code.is_empty() {
                    budget.profile.department_name.clone()
                } else {
                    format!(
                        "{}-{}",
                        budget.profile.department_code, budget.profile.department_name
                    )
                },
                unit_code: unit,
                period: lang.pick("1 年", "1 year").to_owned(),
                ..Project::default()
            };
            let index = budget.projects.len();
            insert_project(
                view,
                actions,
                index,
                project,
                lang.pick("新增项目", "Add project"),
            );
        }
        let selected = budget.projects.get(view.project);
        if ui
            .add_enabled(
                selected.is_some(),
                egui::Button::new(lang.pick("复制项目", "Duplicate")),
            )
            .clicked()
            && let Some(p) = selected
        {
            let mut copy = p.clone();
            copy.name = format!("{}{}", p.name, lang.pick("（副本）", " (copy)"));
            let index = view.project + 1;
            insert_project(
                view,
                actions,
                index,
                copy,
                lang.pick("复制项目", "Duplicate project"),
            );
        }
        if ui
            .add_enabled(
                selected.is_some(),
                egui::Button::new(lang.pick("删除项目", "Delete")),
            )
            .clicked()
        {
            actions.push(Action::Apply {
                label: lang.pick("删除项目", "Delete project").to_owned(),
                edits: vec![Edit::RemoveProject {
                    index: view.project,
                }],
            });
            view.project = view.project.saturating_sub(1);
        }
    });
    ui.separator();
    // Totals per implementing unit and in all.
    let unit = s.unit.label(lang.zh());
    Grid::new("project-totals").striped(true).show(ui, |ui| {
        for u in &s.project_funds {
            ui.label(&u.unit_name);
            ui.label(format!("{} {}", u.count, lang.pick("个", "")));
            amount_label(
                ui,
                u.yuan,
                0,
                false,
                &format!("{} {}", u.unit_name, Tr::YearFunds.get(lang)),
            );
            ui.label(format!("{} {unit}", u.in_table_unit.format_grouped(2)));
            ui.end_row();
        }
        ui.strong(Tr::Total.get(lang));
        ui.label(format!("{} {}", budget.projects.len(), lang.pick("个", "")));
        amount_label(
            ui,
            s.project_funds_total_yuan,
            0,
            true,
            &format!("{} {}", Tr::Total.get(lang), Tr::YearFunds.get(lang)),
        );
        ui.label(format!(
            "{} {unit}",
            s.project_funds_total.format_grouped(2)
        ));
        ui.end_row();
    });
    ui.separator();
    let order = ordered(doc, view);
    TableBuilder::new(ui)
        .id_salt("project-list-table")
        .striped(true)
        .resizable(true)
        .sense(egui::Sense::click())
        .column(TableColumn::initial(250.0).at_least(120.0).clip(true))
        .column(TableColumn::initial(110.0).at_least(80.0))
        .column(TableColumn::initial(80.0).at_least(60.0))
        .header(24.0, |mut h| {
            h.col(|ui| {
                ui.strong(lang.pick("项目 / 实施单位", "Project / unit"));
            });
            h.col(|ui| {
                ui.strong(lang.pick("年度资金（元）", "Year funds (yuan)"));
            });
            h.col(|ui| {
                ui.strong(Tr::LinkedLine.get(lang));
            });
        })
        .body(|body| {
            body.rows(44.0, order.len(), |mut row| {
                let Some(&i) = order.get(row.index()) else {
                    return;
                };
                let Some(p) = budget.projects.get(i) else {
                    return;
                };
                row.set_selected(view.project == i);
                row.col(|ui| {
                    // Not selectable text: a click anywhere on the row selects the project.
                    ui.vertical(|ui| {
                        ui.add(
                            egui::Label::new(RichText::new(display_name(&p.name, lang)).strong())
                                .selectable(false),
                        );
                        ui.add(
                            egui::Label::new(RichText::new(budget.unit_name(&p.unit_code)).weak())
                                .selectable(false),
                        );
                    });
                });
                row.col(|ui| {
                    amount_label(
                        ui,
                        p.funds_year.total(),
                        0,
                        false,
                        &format!(
                            "{} {}",
                            display_name(&p.name, lang),
                            Tr::YearFunds.get(lang)
                        ),
                    );
                });
                row.col(|ui| {
                    ui.add(
                        egui::Label::new(p.function_code.clone().unwrap_or_else(|| "—".into()))
                            .selectable(false),
                    );
                });
                if row.response().clicked() {
                    view.project = i;
                    view.link_search = None;
                }
            });
        });
}

/// Inserts `project` at `index` as one undo step and selects it.
fn insert_project(
    view: &mut ViewState,
    actions: &mut Vec<Action>,
    index: usize,
    project: Project,
    label: &str,
) {
    actions.push(Action::Apply {
        label: label.to_owned(),
        edits: vec![Edit::InsertProject {
            index,
            project: Box::new(project),
        }],
    });
    view.project = index;
}
