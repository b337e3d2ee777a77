//! Each reconciliation rule: one budget where it fires, one where it does not.

#![allow(clippy::unwrap_used)] // test helpers may panic on bad fixtures

use std::str::FromStr;

use budget_studio::calc::derive;
use budget_studio::checks::{self, Finding, Rule, Severity};
use budget_studio::model::{
    Budget, BudgetUnit, Column, EconLine, Figure, FunctionLine, IncomeSource, Indicator,
    IndicatorKind, Money, OfficeArea, Project, StatedFigure, UnitAmount, VehicleGroup,
};
use rust_decimal::Decimal;

fn m(s: &str) -> Money {
    Money(Decimal::from_str(s).unwrap())
}

fn line(code: &str, basic: &str, project: &str) -> FunctionLine {
    let mut l = FunctionLine::new(code, format!("科目{code}"));
    l.set(IncomeSource::GeneralPublic, Column::Basic, m(basic));
    l.set(IncomeSource::GeneralPublic, Column::Project, m(project));
    l
}

fn complete_project(unit: &str, yuan: &str) -> Project {
    let ind = |kind, name: &str| Indicator {
        kind,
        name: name.into(),
        target: "≥90%".into(),
    };
    let indicators = vec![
        ind(IndicatorKind::Quantity, "数量"),
        ind(IndicatorKind::Social, "效益"),
        ind(IndicatorKind::ServiceSatisfaction, "满意度"),
    ];
    let mut p = Project {
        name: "项目".into(),
        unit_code: unit.into(),
        overview: "概况".into(),
        basis: "依据".into(),
        necessity: "必要性".into(),
        goal_period: "目标".into(),
        goal_year: "目标".into(),
        indicators_period: indicators.clone(),
        indicators_year: indicators,
        ..Project::default()
    };
    p.funds_period.local = m(yuan);
    p.funds_year.local = m(yuan);
    p
}

/// A small budget that passes every rule.
fn clean() -> Budget {
    let mut b = Budget::new("999", "测试局", 2022);
    b.profile.units = vec![BudgetUnit {
        code: "999001".into(),
        name: "测试局".into(),
        ..BudgetUnit::default()
    }];
    b.profile.responsibilities = vec!["职责".into()];
    b.profile.organisation = "办公室".into();
    b.function_lines = vec![
        FunctionLine::new("201", "一般公共服务支出"),
        FunctionLine::new("20101", "人大事务"),
        line("2010101", "10.00", "5.00"),
    ];
    b.economic.lines = vec![
        EconLine::new("501", "机关工资福利支出"),
        EconLine {
            amount: m("8.00"),
            ..EconLine::new("50101", "工资奖金津补贴")
        },
        EconLine::new("502", "机关商品和服务支出"),
        EconLine {
            amount: m("2.00"),
            ..EconLine::new("50201", "办公经费")
        },
    ];
    b.projects = vec![complete_project("999001", "50000")];
    b.operating_costs.entries = vec![UnitAmount {
        unit_code: "999001".into(),
        amount: m("2.00"),
        note: String::new(),
    }];
    b.assets.office_areas = vec![OfficeArea {
        unit_code: "999001".into(),
        area: Decimal::from(100),
    }];
    b
}

fn findings(b: &Budget) -> Vec<Finding> {
    checks::run(b, &derive(b))
}

fn fired(b: &Budget, rule: Rule) -> Vec<Finding> {
    findings(b).into_iter().filter(|f| f.rule == rule).collect()
}

#[test]
fn the_clean_budget_has_no_findings() {
    assert_eq!(findings(&clean()), vec![]);
}

#[test]
fn code_rules() {
    let mut b = clean();
    b.function_lines.push(line("20a", "1", "0"));
    b.function_lines.push(line("2019", "1", "0"));
    b.function_lines.push(line("2020101", "1", "0"));
    b.function_lines.push(line("2010101", "1", "0"));
    b.function_lines.push(line("218", "1", "0"));
    b.function_lines.push(FunctionLine::new("20102", " "));
    b.sort_lines();
    assert_eq!(fired(&b, Rule::CodeFormat).len(), 2);
    let parents: Vec<String> = fired(&b, Rule::CodeParent)
        .iter()
        .map(|f| f.message(false))
        .collect();
    assert_eq!(parents.len(), 1, "{parents:?}");
    assert!(parents[0].contains("[20201]"));
    assert_eq!(fired(&b, Rule::CodeDuplicate).len(), 1);
    assert_eq!(fired(&b, Rule::CodeUnknownClass).len(), 1);
    assert_eq!(fired(&b, Rule::NameEmpty).len(), 1);
    assert!(
        fired(&b, Rule::CodeFormat)
            .iter()
            .all(|f| f.severity == Severity::Error)
    );
}

#[test]
fn amounts_negative_and_precision() {
    let mut b = clean();
    b.function_lines[2].set(IncomeSource::GeneralPublic, Column::Basic, m("-1.00"));
    b.economic.lines[1].amount = m("8.001");
    assert_eq!(fired(&b, Rule::AmountNegative).len(), 1);
    assert_eq!(fired(&b, Rule::AmountPrecision).len(), 1);
}

#[test]
fn money_on_a_parent_is_not_itemised() {
    let mut b = clean();
    b.function_lines[1] = line("20101", "0", "1.00");
    let f = fired(&b, Rule::NotItemised);
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].difference.map(|d| d.0), Some(m("1.00")));
    // A leaf at 款 level (no children) is fine.
    let mut b = clean();
    b.function_lines.push(line("20102", "0", "0"));
    b.function_lines[3] = line("20102", "1.00", "0");
    assert!(fired(&b, Rule::NotItemised).is_empty());
}

#[test]
fn stated_figures_are_compared_with_derived_ones() {
    let mut b = clean();
    b.stated = vec![
        StatedFigure {
            figure: Figure::ExpenditureTotal,
            value: m("15.00"),
            source: String::new(),
            unit: None,
            decimals: None,
        },
        StatedFigure {
            figure: Figure::Function {
                code: "201".into(),
                column: Column::Basic,
            },
            value: m("10.01"),
            source: "表3".into(),
            unit: None,
            decimals: None,
        },
        StatedFigure {
            figure: Figure::Economic(Some("599".into())),
            value: m("1"),
            source: String::new(),
            unit: None,
            decimals: None,
        },
    ];
    let f = fired(&b, Rule::StatedFigure);
    assert_eq!(f.len(), 2, "{f:?}");
    assert_eq!(f.iter().filter(|x| x.difference.is_some()).count(), 1);
    assert!(f.iter().any(|x| x.message(true).contains("相差 0.01 万元")));
}

#[test]
fn economic_total_against_basic_expenditure() {
    let mut b = clean();
    b.economic.lines[3].amount = m("2.01");
    let f = fired(&b, Rule::EconomicVsBasic);
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].severity, Severity::Warning);
    b.economic.lines[3].amount = m("3.00");
    assert_eq!(
        fired(&b, Rule::EconomicVsBasic)[0].severity,
        Severity::Error
    );
}

#[test]
fn unclassified_economic_lines() {
    let mut b = clean();
    b.economic.lines[3] = EconLine {
        amount: m("2.00"),
        ..EconLine::new("599", "其他支出")
    };
    b.sort_lines();
    assert_eq!(fired(&b, Rule::EconomicUnclassified).len(), 1);
    b.economic.lines.iter_mut().for_each(|l| {
        if l.code == "599" {
            l.cost_kind = Some(budget_studio::model::CostKind::Running);
        }
    });
    assert!(fired(&b, Rule::EconomicUnclassified).is_empty());
}

#[test]
fn sangong_against_economic_lines() {
    let mut b = clean();
    b.sangong.all_basic = true;
    b.sangong.this_year.reception = m("1.00");
    b.assets.vehicles.push(VehicleGroup {
        unit_code: "999001".into(),
        kind: "一般公务用车".into(),
        count: 1,
    });
    assert_eq!(fired(&b, Rule::SangongVsEconomic).len(), 1);
    b.economic.lines.push(EconLine {
        amount: m("1.00"),
        ..EconLine::new("50206", "公务接待费")
    });
    b.economic.lines[3].amount = m("1.00");
    b.sort_lines();
    assert!(fired(&b, Rule::SangongVsEconomic).is_empty());
    // When not all is basic, the 三公 item may exceed its economic line but not fall below it.
    b.sangong.all_basic = false;
    b.sangong.this_year.reception = m("3.00");
    assert!(fired(&b, Rule::SangongVsEconomic).is_empty());
    b.sangong.this_year.reception = m("0.50");
    assert_eq!(fired(&b, Rule::SangongVsEconomic).len(), 1);
}

/// A 三公 item is compared in the unit it is printed in: 0.83 万元 is the 8,265 元 of its
/// economic line (rounded to two decimals of 万元), not 35 元 short of it.
#[test]
fn sangong_is_compared_with_its_economic_line_as_printed() {
    let mut b = clean();
    b.sangong.all_basic = true;
    b.assets.vehicles.push(VehicleGroup {
        unit_code: "999001".into(),
        kind: "一般公务用车".into(),
        count: 1,
    });
    b.economic.lines.push(EconLine {
        amount: m("0.8265"),
        ..EconLine::new("50206", "公务接待费")
    });
    b.economic.lines[3].amount = m("0.8265");
    b.sort_lines();
    b.sangong.this_year.reception = m("0.83");
    assert!(fired(&b, Rule::SangongVsEconomic).is_empty());
    b.sangong.this_year.reception = m("0.82");
    assert_eq!(fired(&b, Rule::SangongVsEconomic).len(), 1);
    // Where not all is basic, an item printed below its line's rounded amount is short.
    b.sangong.all_basic = false;
    assert_eq!(fired(&b, Rule::SangongVsEconomic).len(), 1);
    b.sangong.this_year.reception = m("0.83");
    assert!(fired(&b, Rule::SangongVsEconomic).is_empty());
}

#[test]
fn vehicle_costs_without_vehicles() {
    let mut b = clean();
    b.sangong.this_year.vehicle_running = m("3.00");
    assert_eq!(fired(&b, Rule::VehiclesVsCosts).len(), 1);
    b.assets.vehicles.push(VehicleGroup {
        unit_code: "999001".into(),
        kind: "一般公务用车".into(),
        count: 1,
    });
    assert!(fired(&b, Rule::VehiclesVsCosts).is_empty());
}

#[test]
fn project_rules() {
    let mut b = clean();
    b.projects[0].funds_year.stated_total = Some(m("60000"));
    assert_eq!(fired(&b, Rule::ProjectFundsSum).len(), 1);
    b.projects[0].funds_year.stated_total = Some(m("50000"));
    assert!(fired(&b, Rule::ProjectFundsSum).is_empty());

    b.projects[0].funds_year.local = m("60000");
    b.projects[0].funds_year.stated_total = None;
    assert_eq!(fired(&b, Rule::ProjectYearExceedsPeriod).len(), 1);
    let total = fired(&b, Rule::ProjectsVsProjectExpenditure);
    assert_eq!(total.len(), 1);
    assert_eq!(total[0].difference.map(|d| d.0), Some(m("1.00")));

    let mut b = clean();
    b.projects[0].unit_code = "123456".into();
    assert_eq!(fired(&b, Rule::ProjectUnitUnknown).len(), 1);

    let mut b = clean();
    b.projects[0].overview.clear();
    b.projects[0]
        .indicators_year
        .retain(|i| i.kind != IndicatorKind::ServiceSatisfaction);
    assert_eq!(fired(&b, Rule::ProjectFieldEmpty).len(), 1);
    let groups = fired(&b, Rule::ProjectIndicatorGroups);
    assert_eq!(groups.len(), 1);
    assert!(groups[0].message(true).contains("满意度指标"));
}

#[test]
fn linked_projects_against_their_line() {
    let mut b = clean();
    b.projects[0].function_code = Some("2010101".into());
    assert!(fired(&b, Rule::ProjectVsLine).is_empty());
    b.projects[0].funds_year.local = m("40000");
    b.projects[0].funds_period.local = m("40000");
    let f = fired(&b, Rule::ProjectVsLine);
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].difference.map(|d| d.0), Some(m("-1.00")));
    b.projects[0].function_code = Some("2019999".into());
    assert_eq!(fired(&b, Rule::ProjectLinkMissing).len(), 1);
}

#[test]
fn office_area_total() {
    let mut b = clean();
    b.assets.stated_total_area = Some(Decimal::from(100));
    assert!(fired(&b, Rule::OfficeAreaTotal).is_empty());
    b.assets.stated_total_area = Some(Decimal::from(120));
    assert_eq!(fired(&b, Rule::OfficeAreaTotal).len(), 1);
}

#[test]
fn placeholders_and_years() {
    let mut b = clean();
    b.profile.organisation = "内设XX科".into();
    b.projects[0].plan = "2019年完成，2021年验收，2022年底结算".into();
    b.projects[0].basis = "（忻政办发〔2019〕217 号）".into();
    assert_eq!(fired(&b, Rule::Placeholder).len(), 1);
    let years = fired(&b, Rule::YearInText);
    assert_eq!(years.len(), 1);
    assert!(years[0].message(true).contains("2019"));
}

#[test]
fn missing_sections() {
    let mut b = clean();
    b.profile.responsibilities.clear();
    b.projects.clear();
    b.operating_costs.entries.clear();
    let f = fired(&b, Rule::SectionMissing);
    assert_eq!(f.len(), 3, "{f:?}");
}

#[test]
fn errors_sort_before_warnings() {
    let mut b = clean();
    b.profile.responsibilities.clear();
    b.function_lines.push(line("20a", "1", "0"));
    let f = findings(&b);
    assert_eq!(f.first().map(|x| x.severity), Some(Severity::Error));
    assert_eq!(f.last().map(|x| x.severity), Some(Severity::Warning));
}
