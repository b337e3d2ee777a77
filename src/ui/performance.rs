//! The Performance targets tab: the list of projects (filter by unit, sort by name or funds, totals
//! per unit) and the selected project's 项目支出绩效目标申报表, every field editable, with the
//! checks that concern it beside the form.

use egui::{ComboBox, Grid, Id, RichText, Ui};
use egui_extras::{Column as TableColumn, TableBuilder};

use crate::checks::Location;
use crate::document::{Document, Edit};
use crate::model::performance::{FundSource, parse_target};
use crate::model::{
    Funds, Indicator, IndicatorKind, Money, MoneyUnit, Project, ProjectKind, ProjectText,
};
use crate::ui::i18n::{Lang, Tr};
use crate::ui::tables::cell_actions;
use crate::ui::widgets::{amount_label, findings_list, money_cell, text_area, text_field};
use crate::ui::{Action, ProjectDraft, ProjectSort, ViewState};

/// Draws the Performance targets tab.
pub fn show(ui: &mut Ui, doc: &Document, view: &mut ViewState, actions: &mut Vec<Action>) {
    egui::Panel::left("project-list")
        .resizable(true)
        .default_size(430.0)
        .show(ui, |ui| list(ui, doc, view, actions));
    sync_draft(doc, view);
    if view.project_draft.is_none() {
        ui.label(Tr::EmptyTable.get(view.lang));
        return;
    }
    egui::ScrollArea::vertical().show(ui, |ui| form(ui, doc, view, actions));
}

fn display_name(p: &Project, lang: Lang) -> String {
    if p.name.trim().is_empty() {
        lang.pick("（未命名）", "(unnamed)").to_owned()
    } else {
        p.name.clone()
    }
}

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

fn list(ui: &mut Ui, doc: &Document, view: &mut ViewState, actions: &mut Vec<Action>) {
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
                            egui::Label::new(RichText::new(display_name(p, lang)).strong())
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
                        &format!("{} {}", display_name(p, lang), Tr::YearFunds.get(lang)),
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

/// Keeps the draft in step with the document: a new selection, an undo or any outside change
/// replaces it; typing only changes the draft until the field is left.
fn sync_draft(doc: &Document, view: &mut ViewState) {
    let projects = &doc.budget().projects;
    if projects.is_empty() {
        view.project_draft = None;
        return;
    }
    if view.project >= projects.len() {
        view.project = projects.len() - 1;
    }
    let current = &projects[view.project];
    let stale = view
        .project_draft
        .as_ref()
        .is_none_or(|d| d.index != view.project || d.base != *current);
    if stale {
        view.project_draft = Some(ProjectDraft {
            index: view.project,
            base: current.clone(),
            project: current.clone(),
        });
    }
}

fn form(ui: &mut Ui, doc: &Document, view: &mut ViewState, actions: &mut Vec<Action>) {
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
    let Some(draft) = view.project_draft.as_mut() else {
        return;
    };
    let p = &mut draft.project;
    ui.heading(display_name(p, lang));
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
    if commit && draft.project != draft.base {
        actions.push(Action::Apply {
            label: format!(
                "{}“{}”",
                lang.pick("修改绩效目标表", "Edit form "),
                display_name(&draft.project, lang)
            ),
            edits: vec![Edit::ReplaceProject {
                index,
                project: Box::new(draft.project.clone()),
            }],
        });
        draft.base = draft.project.clone();
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

/// The indicator rows; returns true when something was committed (a field left, a row added,
/// removed, moved, or its level changed).
fn indicator_table(ui: &mut Ui, rows: &mut Vec<Indicator>, lang: Lang, salt: &str) -> bool {
    let mut commit = false;
    let mut remove = None;
    let mut swap = None;
    Grid::new(("indicators", salt))
        .striped(true)
        .spacing([8.0, 4.0])
        .show(ui, |ui| {
            for h in [Tr::Level1, Tr::Level2, Tr::Level3, Tr::Target, Tr::ParsedAs] {
                ui.strong(h.get(lang));
            }
            ui.label("");
            ui.end_row();
            let n = rows.len();
            for (k, row) in rows.iter_mut().enumerate() {
                let group = row.kind.group();
                ui.label(group.label(lang.zh()));
                let before = row.kind;
                ComboBox::from_id_salt((salt, "kind", k))
                    .selected_text(row.kind.label(lang.zh()))
                    .show_ui(ui, |ui| {
                        for kind in IndicatorKind::ALL {
                            let text = format!(
                                "{} · {}",
                                kind.group().label(lang.zh()),
                                kind.label(lang.zh())
                            );
                            ui.selectable_value(&mut row.kind, kind, text);
                        }
                    });
                commit |= before != row.kind;
                let name_label = format!("{salt} {} {}", Tr::Level3.get(lang), k + 1);
                commit |= text_field(ui, &mut row.name, &name_label, 260.0).lost_focus();
                let target_label = format!("{salt} {} {}", Tr::Target.get(lang), k + 1);
                commit |= text_field(ui, &mut row.target, &target_label, 150.0).lost_focus();
                match parse_target(&row.target) {
                    Some(t) => ui.label(format!(
                        "{} {} {}",
                        t.comparison.map(String::from).unwrap_or_default(),
                        t.number,
                        t.unit
                    )),
                    None => ui.label(RichText::new(lang.pick("定性", "qualitative")).weak()),
                };
                ui.horizontal(|ui| {
                    if ui
                        .add_enabled(k > 0, egui::Button::new("↑").small())
                        .clicked()
                    {
                        swap = Some((k - 1, k));
                    }
                    if ui
                        .add_enabled(k + 1 < n, egui::Button::new("↓").small())
                        .clicked()
                    {
                        swap = Some((k, k + 1));
                    }
                    if ui
                        .button("×")
                        .on_hover_text(lang.pick("删除本行", "Remove row"))
                        .clicked()
                    {
                        remove = Some(k);
                    }
                });
                ui.end_row();
            }
        });
    if let Some((a, b)) = swap {
        rows.swap(a, b);
        commit = true;
    }
    if let Some(k) = remove {
        rows.remove(k);
        commit = true;
    }
    if ui
        .button(format!(
            "{} · {salt}",
            lang.pick("添加指标", "Add indicator")
        ))
        .clicked()
    {
        let kind = rows.last().map_or(IndicatorKind::Quantity, |r| r.kind);
        rows.push(Indicator {
            kind,
            ..Indicator::default()
        });
        commit = true;
    }
    commit
}

/// The 功能分类 link: a button showing the link, and a search list to choose another.
fn link_picker(
    ui: &mut Ui,
    doc: &Document,
    link: &mut Option<String>,
    search: &mut Option<String>,
    lang: Lang,
) -> bool {
    let budget = doc.budget();
    let mut commit = false;
    ui.vertical(|ui| {
        let current = link.as_deref().map_or_else(
            || lang.pick("未关联", "Not linked").to_owned(),
            |code| {
                let name = budget
                    .function_line_index(code)
                    .and_then(|i| budget.function_lines.get(i))
                    .map_or("", |l| l.name.as_str());
                format!("[{code}] {name}")
            },
        );
        ui.horizontal(|ui| {
            if ui.button(current).clicked() {
                *search = if search.is_some() {
                    None
                } else {
                    Some(String::new())
                };
            }
            if link.is_some() && ui.small_button(lang.pick("取消关联", "Unlink")).clicked() {
                *link = None;
                commit = true;
            }
        });
        if let Some(query) = search.as_mut() {
            text_field(ui, query, lang.pick("搜索科目", "Search lines"), 240.0);
            let q = query.trim().to_owned();
            egui::ScrollArea::vertical()
                .id_salt("link-picker")
                .max_height(180.0)
                .show(ui, |ui| {
                    for line in budget
                        .function_lines
                        .iter()
                        .filter(|l| q.is_empty() || l.code.contains(&q) || l.name.contains(&q))
                        .take(200)
                    {
                        if ui
                            .selectable_label(false, format!("[{}] {}", line.code, line.name))
                            .clicked()
                        {
                            *link = Some(line.code.clone());
                            commit = true;
                        }
                    }
                });
        }
    });
    if commit {
        *search = None;
    }
    commit
}
