//! The Overview tab: who and when, headline figures with shares and changes, and the checks panel
//! whose findings lead to the row they are about.

use egui::{Grid, RichText, Ui};

use crate::calc::Change;
use crate::checks::Severity;
use crate::document::Document;
use crate::ui::i18n::{Lang, Tr};
use crate::ui::theme;
use crate::ui::widgets::amount_label;
use crate::ui::{Action, ViewState};

fn change_text(c: &Change, lang: Lang) -> String {
    let pct = c
        .percent
        .map_or_else(|| "—".to_owned(), |p| format!("{p}%"));
    format!(
        "{} {} · {} {} ({pct})",
        Tr::LastYear.get(lang),
        c.last_year.format_grouped(2),
        Tr::Change.get(lang),
        c.amount.format_grouped(2)
    )
}

/// Draws the Overview tab.
pub fn show(ui: &mut Ui, doc: &Document, view: &mut ViewState, actions: &mut Vec<Action>) {
    let lang = view.lang;
    let budget = doc.budget();
    let s = &doc.derived().summary;
    let unit = s.unit.label(lang.zh());

    egui::Panel::right("checks")
        .resizable(true)
        .default_size(ui.available_width() * 0.42)
        .show(ui, |ui| checks_panel(ui, doc, view, actions));

    egui::ScrollArea::vertical().show(ui, |ui| {
        ui.heading(format!(
            "{} · {}",
            budget.profile.department_name, budget.profile.year
        ));
        // With no department code the label starts with the year, not a dangling "部门 ·".
        let code = &budget.profile.department_code;
        let department = if code.is_empty() {
            String::new()
        } else {
            format!("{} {code} · ", Tr::Department.get(lang))
        };
        ui.label(format!(
            "{department}{} {} · {}: {unit}",
            Tr::Year.get(lang),
            budget.profile.year,
            Tr::Unit.get(lang),
        ));
        ui.add_space(6.0);
        crate::ui::charts::overview_block(ui, doc, view, actions);
        ui.add_space(8.0);
        ui.strong(Tr::KeyFigures.get(lang));
        Grid::new("key-figures")
            .striped(true)
            .min_col_width(120.0)
            .show(ui, |ui| {
                // Nothing budgeted yet: no shares to state (not 100 % of nothing).
                let share = |text: String| {
                    if s.total.is_zero() {
                        "—".to_owned()
                    } else {
                        text
                    }
                };
                ui.label(Tr::TotalExpenditure.get(lang));
                amount_label(ui, s.total, 2, true, Tr::TotalExpenditure.get(lang));
                ui.label(share("100.00%".to_owned()));
                ui.end_row();
                ui.label(Tr::Basic.get(lang));
                amount_label(ui, s.basic, 2, false, Tr::Basic.get(lang));
                ui.label(share(format!("{}%", s.basic_share)));
                ui.end_row();
                ui.label(Tr::Project.get(lang));
                amount_label(ui, s.project, 2, false, Tr::Project.get(lang));
                ui.label(share(format!("{}%", s.project_share)));
                ui.end_row();
            });
        if let Some(c) = &s.expenditure_change {
            ui.label(change_text(c, lang));
        }
        // A department with its units: where its money is.
        ui.add_space(8.0);
        crate::ui::units::breakdown(ui, doc, lang);
        ui.add_space(8.0);
        ui.strong(Tr::ByClass.get(lang));
        Grid::new("by-class")
            .striped(true)
            .min_col_width(80.0)
            .show(ui, |ui| {
                ui.label("");
                ui.label(Tr::Name.get(lang));
                ui.label(Tr::Amount.get(lang));
                ui.label(Tr::Share.get(lang));
                ui.end_row();
                for (rank, c) in s.classes.iter().enumerate() {
                    let (rect, _) =
                        ui.allocate_exact_size(egui::vec2(10.0, 10.0), egui::Sense::hover());
                    ui.painter()
                        .rect_filled(rect, 2.0, theme::class_colour(rank));
                    ui.label(format!("[{}] {}", c.code, c.name));
                    amount_label(
                        ui,
                        c.amounts.total(),
                        2,
                        false,
                        &format!("{} [{}]", Tr::TabOverview.get(lang), c.code),
                    );
                    ui.label(format!("{}%", c.share));
                    ui.end_row();
                }
            });
        ui.add_space(8.0);
        ui.strong(Tr::IncomeBySource.get(lang));
        Grid::new("income")
            .striped(true)
            .min_col_width(120.0)
            .show(ui, |ui| {
                for i in &s.income {
                    ui.label(i.source.label(lang.zh()));
                    amount_label(ui, i.amount, 2, false, i.source.label_zh());
                    ui.label(format!("{}%", i.share));
                    ui.end_row();
                }
            });
        ui.add_space(8.0);
        Grid::new("other-figures")
            .striped(true)
            .min_col_width(120.0)
            .show(ui, |ui| {
                let rows = [
                    (Tr::StaffCosts, s.staff),
                    (Tr::RunningCosts, s.running),
                    (Tr::Sangong, s.sangong.this_year.total()),
                    (Tr::OperatingCosts, s.operating),
                    (Tr::Procurement, s.procurement),
                ];
                for (label, value) in rows {
                    ui.label(label.get(lang));
                    amount_label(ui, value, 2, false, label.get(lang));
                    ui.end_row();
                }
            });
    });
}

fn checks_panel(ui: &mut Ui, doc: &Document, view: &ViewState, actions: &mut Vec<Action>) {
    let lang = view.lang;
    let findings = doc.findings();
    let (errors, warnings) = crate::checks::counts(findings);
    let dark = ui.visuals().dark_mode;
    ui.horizontal(|ui| {
        ui.heading(Tr::Checks.get(lang));
        ui.colored_label(
            theme::error_colour(dark),
            crate::ui::i18n::error_count(errors, lang),
        );
        ui.colored_label(
            theme::warning_colour(dark),
            crate::ui::i18n::warning_count(warnings, lang),
        );
    });
    ui.separator();
    if findings.is_empty() {
        ui.label(Tr::NoFindings.get(lang));
        return;
    }
    egui::ScrollArea::vertical().show(ui, |ui| {
        for (i, f) in findings.iter().enumerate() {
            let colour = match f.severity {
                Severity::Error => theme::error_colour(dark),
                Severity::Warning => theme::warning_colour(dark),
            };
            ui.push_id(("finding", i), |ui| {
                let text = format!(
                    "{}  {}\n{}",
                    f.severity.label(lang.zh()),
                    f.location.describe(doc.budget(), lang.zh()),
                    f.message(lang.zh())
                );
                let response = ui
                    .add(
                        egui::Button::new(RichText::new(text).color(colour))
                            .wrap()
                            .frame(false),
                    )
                    .on_hover_text(format!("{} · {}", f.rule.id(), Tr::ClickToJump.get(lang)));
                if response.clicked() {
                    // A missing text opens its box; every other finding its place.
                    match f.facts {
                        crate::checks::Facts::ReasonMissing(field) => {
                            actions.push(Action::WriteText(field));
                        }
                        _ => actions.push(Action::Jump(f.location.clone())),
                    }
                }
            });
            ui.separator();
        }
    });
}
