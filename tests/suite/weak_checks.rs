//! The weak checks of the robustness issue: each reproduced problem is now a finding.

#![allow(clippy::unwrap_used)] // fixtures

use budget_studio::calc::derive;
use budget_studio::checks::{self, Finding, Severity};
use budget_studio::model::economic::EconScheme;
use budget_studio::model::{Budget, IncomeSource, Money, Split, TemplateId};
use budget_studio::sample::sample_budget;

fn findings(budget: &Budget) -> Vec<Finding> {
    checks::run(budget, &derive(budget))
}

fn errors_of<'a>(all: &'a [Finding], rule: &str) -> Vec<&'a Finding> {
    all.iter()
        .filter(|f| f.rule.id() == rule && f.severity == Severity::Error)
        .collect()
}

#[test]
fn thirty_x_code_under_fifty_x_scheme_is_an_error_naming_the_scheme() {
    let mut budget = sample_budget().unwrap();
    assert_eq!(budget.economic.scheme, EconScheme::Government);
    budget.economic.lines[0].code = "30101".into();
    let all = findings(&budget);
    let found = errors_of(&all, "economic.scheme");
    assert_eq!(found.len(), 1, "{all:?}");
    assert!(found[0].message(true).contains("政府预算支出经济分类"));
    assert!(found[0].message(false).contains("(50x)"));
}

#[test]
fn fifty_x_code_under_thirty_x_scheme_is_an_error_naming_the_scheme() {
    let mut budget = sample_budget().unwrap();
    budget.economic.scheme = EconScheme::Department;
    let all = findings(&budget);
    let found = errors_of(&all, "economic.scheme");
    assert_eq!(found.len(), budget.economic.lines.len());
    assert!(found[0].message(true).contains("部门预算支出经济分类"));
}

#[test]
fn empty_unit_code_is_an_error_where_the_template_prints_codes() {
    let mut budget = sample_budget().unwrap();
    budget.profile.units[0].code.clear();
    let all = findings(&budget);
    let found = errors_of(&all, "profile.code");
    assert_eq!(found.len(), 1, "{all:?}");
    assert!(
        found[0]
            .message(true)
            .contains(&budget.profile.units[0].name)
    );
    // The Shanghai template prints no unit codes: nothing is missing there.
    budget.template = TemplateId::SHANGHAI_DISTRICT;
    assert!(errors_of(&findings(&budget), "profile.code").is_empty());
}

#[test]
fn empty_department_code_is_an_error_where_the_template_prints_it() {
    let mut budget = sample_budget().unwrap();
    budget.profile.department_code.clear();
    assert_eq!(errors_of(&findings(&budget), "profile.code").len(), 1);
    budget.template = TemplateId::SHANGHAI_DISTRICT;
    assert!(errors_of(&findings(&budget), "profile.code").is_empty());
}

#[test]
fn amounts_in_a_source_outside_income_columns_are_an_error() {
    let mut budget = sample_budget().unwrap();
    assert!(errors_of(&findings(&budget), "income.column").is_empty());
    let source = *IncomeSource::ALL
        .iter()
        .find(|s| !budget.income_columns.contains(s))
        .unwrap();
    let line = budget
        .function_lines
        .iter_mut()
        .find(|l| l.code.len() == 7)
        .unwrap();
    let code = line.code.clone();
    line.amounts.insert(
        source,
        Split {
            basic: Money(5.into()),
            project: Money::ZERO,
        },
    );
    let all = findings(&budget);
    let found = errors_of(&all, "income.column");
    assert_eq!(found.len(), 1, "{all:?}");
    assert!(found[0].message(true).contains(&code));
    assert!(found[0].message(true).contains(source.label_zh()));
}
