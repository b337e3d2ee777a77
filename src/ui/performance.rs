//! The Performance targets tab: the list of projects and the selected project's form
//! (read-only in this version; the editor comes with its own issue).

use egui::{Grid, RichText, Ui};

use crate::document::Document;
use crate::model::performance::parse_target;
use crate::model::{Funds, Indicator};
use crate::ui::ViewState;
use crate::ui::i18n::{Lang, Tr};
use crate::ui::widgets::amount_label;

/// Draws the Performance targets tab.
pub fn show(ui: &mut Ui, doc: &Document, view: &mut ViewState) {
    let lang = view.lang;
    let budget = doc.budget();
    let s = &doc.derived().summary;
    egui::Panel::left("project-list")
        .resizable(true)
        .default_size(360.0)
        .show(ui, |ui| {
            ui.strong(format!(
                "{} ({})",
                Tr::Projects.get(lang),
                budget.projects.len()
            ));
            for u in &s.project_funds {
                ui.label(format!(
                    "{} · {} · {} {}",
                    u.unit_name,
                    u.count,
                    u.in_table_unit.format_grouped(2),
                    if lang.zh() {
                        s.unit.label_zh()
                    } else {
                        s.unit.label_en()
                    }
                ));
            }
            ui.separator();
            egui::ScrollArea::vertical().show(ui, |ui| {
                for (i, p) in budget.projects.iter().enumerate() {
                    let text = format!(
                        "{}\n{} · {} 元",
                        p.name,
                        budget.unit_name(&p.unit_code),
                        p.funds_year.total().format_grouped(0)
                    );
                    if ui.selectable_label(view.project == i, text).clicked() {
                        view.project = i;
                    }
                }
            });
        });
    let Some(p) = budget.projects.get(view.project) else {
        ui.label(Tr::EmptyTable.get(lang));
        return;
    };
    egui::ScrollArea::vertical().show(ui, |ui| {
        ui.heading(&p.name);
        ui.label(RichText::new(Tr::ReadOnlyNow.get(lang)).weak());
        Grid::new("project-header")
            .num_columns(2)
            .striped(true)
            .show(ui, |ui| {
                let rows: [(&str, String); 5] = [
                    (
                        lang.pick("主管部门及代码", "Department"),
                        p.department.clone(),
                    ),
                    (
                        Tr::ImplementingUnit.get(lang),
                        budget.unit_name(&p.unit_code).to_owned(),
                    ),
                    (
                        lang.pick("项目属性", "Kind"),
                        if lang.zh() {
                            p.kind.label_zh()
                        } else {
                            p.kind.label_en()
                        }
                        .to_owned(),
                    ),
                    (lang.pick("项目期", "Period"), p.period.clone()),
                    (
                        Tr::LinkedLine.get(lang),
                        p.function_code.clone().unwrap_or_else(|| "—".into()),
                    ),
                ];
                for (k, v) in rows {
                    ui.label(k);
                    ui.label(v);
                    ui.end_row();
                }
            });
        ui.add_space(6.0);
        funds_grid(ui, &p.funds_period, &p.funds_year, lang);
        ui.add_space(6.0);
        for (label, text) in [
            (lang.pick("项目概况", "Overview"), &p.overview),
            (lang.pick("立项依据", "Basis"), &p.basis),
            (lang.pick("项目设立必要性", "Necessity"), &p.necessity),
            (
                lang.pick("保证项目实施的制度、措施", "Safeguards"),
                &p.safeguards,
            ),
            (lang.pick("项目实施计划", "Plan"), &p.plan),
            (Tr::PeriodGoal.get(lang), &p.goal_period),
            (Tr::YearGoal.get(lang), &p.goal_year),
        ] {
            ui.strong(label);
            ui.add(egui::Label::new(text.as_str()).wrap());
            ui.add_space(4.0);
        }
        for (label, rows) in [
            (Tr::PeriodGoal, &p.indicators_period),
            (Tr::YearGoal, &p.indicators_year),
        ] {
            ui.strong(format!(
                "{} · {}",
                Tr::Indicators.get(lang),
                label.get(lang)
            ));
            indicator_grid(ui, rows, lang, label.get(lang));
            ui.add_space(6.0);
        }
        ui.label(format!(
            "{}: {} · {}: {} · {}: {} · {}: {}",
            lang.pick("负责人", "Responsible"),
            p.leader,
            lang.pick("经办人", "Handled by"),
            p.handler,
            lang.pick("联系电话", "Phone"),
            p.phone,
            lang.pick("填报日期", "Date"),
            p.date
        ));
        if !p.note.is_empty() {
            ui.label(RichText::new(&p.note).weak());
        }
    });
}

fn funds_grid(ui: &mut Ui, period: &Funds, year: &Funds, lang: Lang) {
    Grid::new("funds")
        .striped(true)
        .min_col_width(120.0)
        .show(ui, |ui| {
            ui.strong(lang.pick("项目资金（元）", "Funds (yuan)"));
            ui.strong(Tr::PeriodFunds.get(lang));
            ui.strong(Tr::YearFunds.get(lang));
            ui.end_row();
            ui.label(Tr::Total.get(lang));
            amount_label(
                ui,
                period.total(),
                0,
                true,
                &format!("{} {}", Tr::PeriodFunds.get(lang), Tr::Total.get(lang)),
            );
            amount_label(
                ui,
                year.total(),
                0,
                true,
                &format!("{} {}", Tr::YearFunds.get(lang), Tr::Total.get(lang)),
            );
            ui.end_row();
            for ((source, a), (_, b)) in period.sources().into_iter().zip(year.sources()) {
                let label = if lang.zh() {
                    source.label_zh()
                } else {
                    source.label_en()
                };
                ui.label(label);
                amount_label(
                    ui,
                    a,
                    0,
                    false,
                    &format!("{} {label}", Tr::PeriodFunds.get(lang)),
                );
                amount_label(
                    ui,
                    b,
                    0,
                    false,
                    &format!("{} {label}", Tr::YearFunds.get(lang)),
                );
                ui.end_row();
            }
        });
}

fn indicator_grid(ui: &mut Ui, rows: &[Indicator], lang: Lang, salt: &str) {
    Grid::new(("indicators", salt))
        .striped(true)
        .min_col_width(90.0)
        .show(ui, |ui| {
            for h in [Tr::Level1, Tr::Level2, Tr::Level3, Tr::Target, Tr::ParsedAs] {
                ui.strong(h.get(lang));
            }
            ui.end_row();
            for row in rows {
                let group = row.kind.group();
                ui.label(if lang.zh() {
                    group.label_zh()
                } else {
                    group.label_en()
                });
                ui.label(if lang.zh() {
                    row.kind.label_zh()
                } else {
                    row.kind.label_en()
                });
                ui.add(egui::Label::new(row.name.as_str()).wrap());
                ui.label(&row.target);
                match parse_target(&row.target) {
                    Some(t) => ui.label(format!(
                        "{} {} {}",
                        t.comparison.map(String::from).unwrap_or_default(),
                        t.number,
                        t.unit
                    )),
                    None => ui.label(RichText::new(lang.pick("定性", "qualitative")).weak()),
                };
                ui.end_row();
            }
        });
}
