//! Performance-target rules: each form's funds, the forms against the budget's project
//! expenditure and linked lines, required fields and indicator groups.

use std::collections::BTreeMap;

use super::facts::Span;
use super::{Facts, Finding, Location, ProjectField, Severity, severity_of};
use crate::calc::Derived;
use crate::model::template::ProjectDisclosure;
use crate::model::{
    Budget, Column, IndicatorGroup, Money, MoneyUnit, Project, ProjectText, TableId,
};

/// The texts a form must have.
const REQUIRED: [ProjectText; 6] = [
    ProjectText::Name,
    ProjectText::Overview,
    ProjectText::Basis,
    ProjectText::Necessity,
    ProjectText::GoalPeriod,
    ProjectText::GoalYear,
];

pub(super) fn check(budget: &Budget, derived: &Derived, out: &mut Vec<Finding>) {
    match budget.template().projects {
        // Every project has a form: together they must carry the whole 项目支出.
        ProjectDisclosure::FormPerProject => {
            totals(budget, derived, out);
            links(budget, derived, out);
        }
        // Only selected projects are described: check what can be checked.
        ProjectDisclosure::SelectedDescriptions => {
            descriptions(budget, out);
            statement(budget, derived, out);
        }
        // Nothing about projects is published: nothing to reconcile.
        ProjectDisclosure::NotDisclosed => {}
    }
}

/// A described project's quarterly plan adds up to its amount.
fn descriptions(budget: &Budget, out: &mut Vec<Finding>) {
    let unit = budget.template().text_unit;
    for (index, d) in budget.descriptions.iter().enumerate() {
        let (Some(amount), Some(quarters)) = (d.amount, d.quarters_total()) else {
            continue;
        };
        let difference = quarters.saturating_sub(amount);
        if let Some(severity) = severity_of(budget, difference, unit) {
            out.push(
                Finding::new(
                    severity,
                    Location::Description { index },
                    Facts::DescriptionQuarters {
                        project: d.name.clone(),
                        quarters,
                        amount,
                        unit,
                    },
                )
                .with_difference(difference, unit),
            );
        }
    }
}

/// The 绩效目标 statement's funds are at most the 项目支出; less is allowed but reported, since
/// every project is meant to have targets.
fn statement(budget: &Budget, derived: &Derived, out: &mut Vec<Finding>) {
    let Some(statement) = &budget.performance_statement else {
        return;
    };
    let unit = budget.template().text_unit;
    let expenditure = budget
        .unit
        .convert(derived.summary.project, unit)
        .round_dp(2);
    let difference = statement.funds.saturating_sub(expenditure);
    let severity = if difference > crate::checks::rounding_tolerance(budget, unit) {
        Severity::Error
    } else if difference.value().is_sign_negative() {
        Severity::Warning
    } else {
        return;
    };
    out.push(
        Finding::new(
            severity,
            Location::PerformanceStatement,
            Facts::PerformanceStatement {
                funds: statement.funds,
                expenditure,
                difference,
                unit,
            },
        )
        .with_difference(difference, unit),
    );
}

fn at(index: usize, field: ProjectField) -> Location {
    Location::Project { index, field }
}

/// Each form on its own: funds, texts, indicators. They depend on the forms only, so the open
/// document keeps these findings between keystrokes in the tables (a 100,000-line budget has
/// some 2,000 forms).
pub(super) fn forms(budget: &Budget, out: &mut Vec<Finding>) {
    for (index, project) in budget.projects.iter().enumerate() {
        form(budget, index, project, out);
    }
}

fn form(budget: &Budget, index: usize, p: &Project, out: &mut Vec<Finding>) {
    let name = || p.name.clone();
    for (funds, field, span) in [
        (&p.funds_period, ProjectField::FundsPeriod, Span::Period),
        (&p.funds_year, ProjectField::FundsYear, Span::Year),
    ] {
        if let Some(stated) = funds.stated_total {
            let difference = stated.saturating_sub(funds.total());
            if !difference.is_zero() {
                out.push(
                    Finding::new(
                        Severity::Error,
                        at(index, field),
                        Facts::ProjectFundsSum {
                            project: name(),
                            span,
                            stated,
                            sources: funds.total(),
                            difference,
                        },
                    )
                    .with_difference(difference, MoneyUnit::Yuan),
                );
            }
        }
    }
    if p.funds_year.total() > p.funds_period.total() {
        out.push(
            Finding::new(
                Severity::Warning,
                at(index, ProjectField::FundsYear),
                Facts::ProjectYearExceedsPeriod { project: name() },
            )
            .with_difference(
                p.funds_year.total().saturating_sub(p.funds_period.total()),
                MoneyUnit::Yuan,
            ),
        );
    }
    if !budget.profile.units.iter().any(|u| u.code == p.unit_code) {
        out.push(Finding::new(
            Severity::Error,
            at(index, ProjectField::Unit),
            Facts::ProjectUnitUnknown {
                project: name(),
                unit_code: p.unit_code.clone(),
            },
        ));
    }
    for field in REQUIRED {
        if field.get(p).trim().is_empty() {
            out.push(Finding::new(
                Severity::Warning,
                at(index, ProjectField::Text(field)),
                Facts::ProjectFieldEmpty {
                    project: name(),
                    field,
                },
            ));
        }
    }
    for (rows, span) in [
        (&p.indicators_period, Span::Period),
        (&p.indicators_year, Span::Year),
    ] {
        let missing: Vec<IndicatorGroup> = IndicatorGroup::ALL
            .into_iter()
            .filter(|g| {
                !rows
                    .iter()
                    .any(|r| r.kind.group() == *g && !r.name.trim().is_empty())
            })
            .collect();
        if !missing.is_empty() {
            out.push(Finding::new(
                Severity::Warning,
                at(index, ProjectField::Indicators),
                Facts::ProjectIndicatorGroups {
                    project: name(),
                    span,
                    missing,
                },
            ));
        }
    }
}

fn totals(budget: &Budget, derived: &Derived, out: &mut Vec<Finding>) {
    if budget.projects.is_empty() {
        return;
    }
    let unit = budget.unit;
    let s = &derived.summary;
    let funds = MoneyUnit::Yuan.convert(s.project_funds_total_yuan, unit);
    let difference = funds.saturating_sub(s.project);
    if let Some(severity) = severity_of(budget, difference, unit) {
        let per_unit = s
            .project_funds
            .iter()
            .map(|u| (u.unit_name.clone(), u.in_table_unit))
            .collect();
        out.push(
            Finding::new(
                severity,
                Location::Table {
                    table: TableId::Expenditure,
                    code: None,
                },
                Facts::ProjectsVsProjectExpenditure {
                    funds,
                    per_unit,
                    expenditure: s.project,
                    difference,
                    unit,
                },
            )
            .with_difference(difference, unit),
        );
    }
}

fn links(budget: &Budget, derived: &Derived, out: &mut Vec<Finding>) {
    let unit = budget.unit;
    let mut by_line: BTreeMap<&str, (Money, usize)> = BTreeMap::new();
    for (index, p) in budget.projects.iter().enumerate() {
        let Some(code) = p.function_code.as_deref().filter(|c| !c.is_empty()) else {
            continue;
        };
        if derived.function.row_of(code).is_none() {
            out.push(Finding::new(
                Severity::Error,
                at(index, ProjectField::Link),
                Facts::ProjectLinkMissing {
                    project: p.name.clone(),
                    code: code.to_owned(),
                },
            ));
            continue;
        }
        let entry = by_line.entry(code).or_insert((Money::ZERO, index));
        entry.0 = entry.0.saturating_add(p.funds_year.total());
    }
    for (code, (yuan, first)) in by_line {
        let funds = MoneyUnit::Yuan.convert(yuan, unit);
        let line = derived
            .function
            .figure(code, Column::Project)
            .unwrap_or(Money::ZERO);
        let difference = funds.saturating_sub(line);
        if let Some(severity) = severity_of(budget, difference, unit) {
            out.push(
                Finding::new(
                    severity,
                    at(first, ProjectField::Link),
                    Facts::ProjectVsLine {
                        code: code.to_owned(),
                        funds,
                        line,
                        difference,
                        unit,
                    },
                )
                .with_difference(difference, unit),
            );
        }
    }
}
