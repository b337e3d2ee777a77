//! The department-level 绩效目标设置情况 statement: how many budget units and projects report
//! performance targets, and the projects' funds — created when absent, with its checks above it.

use egui::{Grid, Id, RichText, Ui};

use crate::checks::Location;
use crate::document::{Document, Edit};
use crate::model::{Money, PerformanceStatement};
use crate::ui::i18n::{Tr, statement_sentence, with_unit};
use crate::ui::tables::cell_actions;
use crate::ui::widgets::{count_field, findings_list, money_cell};
use crate::ui::{Action, ViewState};

/// Draws the statement, or the button that creates it.
pub(super) fn show(ui: &mut Ui, doc: &Document, view: &mut ViewState, actions: &mut Vec<Action>) {
    let lang = view.lang;
    let budget = doc.budget();
    let label = Tr::EditStatementStep.get(lang);
    let set = |s: Option<PerformanceStatement>| Action::Apply {
        label: label.to_owned(),
        edits: vec![Edit::PerformanceStatement(s)],
    };
    ui.strong(Tr::Statement.get(lang));
    findings_list(
        ui,
        doc.findings()
            .iter()
            .filter(|f| f.location == Location::PerformanceStatement),
        lang.zh(),
    );
    let Some(statement) = &budget.performance_statement else {
        ui.weak(Tr::NoStatement.get(lang));
        if ui.button(Tr::AddStatement.get(lang)).clicked() {
            // The units are known; the projects and funds are the officer's to give.
            let units = budget.profile.units.iter().filter(|u| !u.merged).count();
            actions.push(set(Some(PerformanceStatement {
                units: u32::try_from(units.max(1)).unwrap_or(u32::MAX),
                ..PerformanceStatement::default()
            })));
        }
        return;
    };
    let unit = budget.template().text_unit;
    Grid::new("performance-statement")
        .num_columns(2)
        .spacing([12.0, 6.0])
        .show(ui, |ui| {
            type Count = fn(&mut PerformanceStatement) -> &mut u32;
            let counts: [(Tr, Count); 2] = [
                (Tr::StatementUnits, |s| &mut s.units),
                (Tr::StatementProjects, |s| &mut s.projects),
            ];
            for (text, field) in counts {
                let name = text.get(lang);
                ui.label(name);
                let mut new = statement.clone();
                let (changed, finished) = count_field(ui, field(&mut new), 100_000, name);
                if changed {
                    actions.push(Action::Preview {
                        label: label.to_owned(),
                        edit: Edit::PerformanceStatement(Some(new)),
                    });
                }
                if finished {
                    actions.push(Action::CommitPreview);
                }
                ui.end_row();
            }
            let name = with_unit(Tr::StatementFunds.get(lang), unit.label(lang.zh()), lang);
            ui.label(&name);
            let event = money_cell(
                ui,
                &mut view.editing,
                Id::unique("statement-funds"),
                statement.funds,
                unit,
                &name,
            );
            let edit = |funds: Money| {
                Edit::PerformanceStatement(Some(PerformanceStatement {
                    funds,
                    ..statement.clone()
                }))
            };
            cell_actions(event, statement.funds, &name, edit, lang, actions);
            ui.end_row();
        });
    ui.label(
        RichText::new(statement_sentence(
            statement.units,
            statement.projects,
            &statement.funds.format_grouped(2),
            unit.label(lang.zh()),
            lang,
        ))
        .weak(),
    );
    if ui.small_button(Tr::RemoveStatement.get(lang)).clicked() {
        actions.push(set(None));
    }
}
