//! The bundled sample reproduces every figure the 2022 disclosure of 忻州市工业和信息化局 publishes,
//! and `check` reports the document's own inconsistencies.

#![allow(clippy::unwrap_used)] // test helpers may panic on bad fixtures

use std::str::FromStr;

use budget_studio::calc::derive;
use budget_studio::checks::{self, Facts, Location, Rule, Severity};
use budget_studio::io::to_ron_string;
use budget_studio::model::{Column, Figure, IncomeSource, Money, TableId};
use budget_studio::sample::{SAMPLE_RON, sample_budget};
use rust_decimal::Decimal;

fn m(s: &str) -> Money {
    Money(Decimal::from_str(s).unwrap())
}

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

#[test]
fn headline_figures_match_the_publication() {
    let budget = sample_budget().unwrap();
    let s = derive(&budget).summary;
    assert_eq!(s.total, m("10441.41"));
    assert_eq!(s.basic, m("1168.84"));
    assert_eq!(s.project, m("9272.57"));
    assert_eq!((s.basic_share, s.project_share), (d("11.19"), d("88.81")));
    assert_eq!(s.fiscal, m("10441.41"));
    assert_eq!(s.general_public.total(), m("10441.41"));
    // 二、收入预算情况说明: 一般公共预算 100.00%, the others 0.00%.
    let income: Vec<(IncomeSource, Money, Decimal)> = s
        .income
        .iter()
        .map(|i| (i.source, i.amount, i.share))
        .collect();
    assert_eq!(
        income[0],
        (IncomeSource::GeneralPublic, m("10441.41"), d("100.00"))
    );
    assert!(
        income[1..]
            .iter()
            .all(|(_, a, sh)| a.is_zero() && sh.is_zero())
    );
}

#[test]
fn class_figures_and_shares_match_the_narrative() {
    let budget = sample_budget().unwrap();
    let s = derive(&budget).summary;
    let got: Vec<(&str, Money, Money, Money, Decimal)> = s
        .classes
        .iter()
        .map(|c| {
            (
                c.code.as_str(),
                c.amounts.total(),
                c.amounts.basic,
                c.amounts.project,
                c.share,
            )
        })
        .collect();
    let want = vec![
        ("208", m("9292.71"), m("90.71"), m("9202.00"), d("88.99")),
        ("210", m("39.68"), m("39.68"), m("0"), d("0.38")),
        ("213", m("8.25"), m("0"), m("8.25"), d("0.08")),
        ("215", m("1014.42"), m("952.10"), m("62.32"), d("9.72")),
        ("221", m("86.35"), m("86.35"), m("0"), d("0.83")),
    ];
    assert_eq!(got, want);
    let gp: Vec<Decimal> = s.general_public_classes.iter().map(|c| c.share).collect();
    assert_eq!(
        gp,
        vec![d("88.99"), d("0.38"), d("0.08"), d("9.72"), d("0.83")]
    );
}

#[test]
fn every_published_expenditure_row_is_reproduced() {
    let budget = sample_budget().unwrap();
    let derived = derive(&budget);
    let f = &derived.function;
    // 预算支出总表: code, total, basic, project as printed.
    let rows = [
        ("208", "9292.71", "90.71", "9202.00"),
        ("20805", "90.71", "90.71", "0"),
        ("2080505", "90.71", "90.71", "0"),
        ("20806", "9000.00", "0", "9000.00"),
        ("2080699", "9000.00", "0", "9000.00"),
        ("20899", "202.00", "0", "202.00"),
        ("2089999", "202.00", "0", "202.00"),
        ("210", "39.68", "39.68", "0"),
        ("21011", "39.68", "39.68", "0"),
        ("2101101", "37.82", "37.82", "0"),
        ("2101102", "1.86", "1.86", "0"),
        ("213", "8.25", "0", "8.25"),
        ("21305", "8.25", "0", "8.25"),
        ("2130599", "8.25", "0", "8.25"),
        ("215", "1014.42", "952.10", "62.32"),
        ("21505", "751.54", "705.82", "45.72"),
        ("2150501", "676.66", "675.94", "0.72"),
        ("2150502", "40.00", "0", "40.00"),
        ("2150550", "29.88", "29.88", "0"),
        ("2150599", "5.00", "0", "5.00"),
        ("21508", "246.28", "246.28", "0"),
        ("221", "86.35", "86.35", "0"),
    ];
    for (code, total, basic, project) in rows {
        assert_eq!(
            f.figure(code, Column::Total),
            Some(m(total)),
            "{code} total"
        );
        assert_eq!(
            f.figure(code, Column::Basic),
            Some(m(basic)),
            "{code} basic"
        );
        assert_eq!(
            f.figure(code, Column::Project),
            Some(m(project)),
            "{code} project"
        );
        // 预算收入总表: everything is 一般公共预算.
        let row = f.row_of(code).unwrap();
        assert_eq!(
            f.cell(row, IncomeSource::GeneralPublic).total(),
            m(total),
            "{code} income"
        );
    }
}

#[test]
fn economic_table_staff_and_running_costs() {
    let budget = sample_budget().unwrap();
    let derived = derive(&budget);
    let e = &derived.economic;
    for (code, amount) in [
        ("501", "778.45"),
        ("50101", "573.48"),
        ("50102", "124.26"),
        ("50103", "80.71"),
        ("502", "187.69"),
        ("50201", "146.09"),
        ("50206", "2.00"),
        ("50208", "3.00"),
        ("503", "12.17"),
        ("50306", "12.17"),
        ("50501", "40.13"),
        ("50502", "1.51"),
        ("509", "148.88"),
    ] {
        assert_eq!(e.amount(code), m(amount), "{code}");
    }
    // The table's own lines add up to 1,168.83, one cent short of its printed 合计 (a finding).
    assert_eq!(e.total, m("1168.83"));
    // 人员经费 as printed; 公用经费 is 201.37 by the table, printed 201.38 (a finding).
    assert_eq!(derived.summary.staff, m("967.46"));
    assert_eq!(derived.summary.running, m("201.37"));
}

#[test]
fn sangong_operating_procurement_projects_assets() {
    let budget = sample_budget().unwrap();
    let s = derive(&budget).summary;
    assert_eq!(s.sangong.this_year.total(), m("5.00"));
    assert_eq!(s.sangong.this_year.vehicles(), m("3.00"));
    let change = s.sangong.change.unwrap();
    assert_eq!((change.last_year, change.amount), (m("7"), m("-2.00")));
    assert_eq!(s.operating, m("152.52"));
    assert_eq!(s.operating_change.unwrap().amount, m("0.95"));
    assert_eq!(s.procurement, m("51.78"));
    let units: Vec<(&str, usize, Money)> = s
        .project_funds
        .iter()
        .map(|u| (u.unit_code.as_str(), u.count, u.in_table_unit))
        .collect();
    assert_eq!(
        units,
        vec![("402001", 8, m("9269.17")), ("402002", 3, m("12.40"))]
    );
    let yoy = s.income_change.unwrap();
    assert_eq!((yoy.amount, yoy.percent), (m("8866.64"), Some(d("563.04"))));
    assert_eq!(s.general_public_change.unwrap().percent, Some(d("563.04")));
    assert_eq!(budget.assets.total_area(), d("8145"));
    assert_eq!(budget.assets.vehicle_count(), 1);
}

#[test]
fn the_publications_own_inconsistencies_are_reported() {
    let budget = sample_budget().unwrap();
    let derived = derive(&budget);
    let findings = checks::run(&budget, &derived);
    let has = |rule: Rule, severity: Severity, location: &Location, diff: Option<&str>| {
        findings.iter().any(|f| {
            f.rule == rule
                && f.severity == severity
                && &f.location == location
                && diff.is_none_or(|d| f.difference.map(|(m, _)| m) == Some(m(d)))
        })
    };
    let econ = |code: Option<&str>| Location::Table {
        table: TableId::BasicByEconomic,
        code: code.map(str::to_owned),
    };
    // Every finding about one printed figure: severity, rule, where, printed, derived, difference.
    let stated = |figure: Figure| -> Vec<_> {
        findings
            .iter()
            .filter_map(|f| match &f.facts {
                Facts::StatedFigure {
                    figure: about,
                    printed,
                    derived,
                    ..
                } if *about == figure => Some((
                    f.severity,
                    f.rule,
                    f.location.clone(),
                    *printed,
                    *derived,
                    f.difference.map(|(d, _)| d),
                )),
                _ => None,
            })
            .collect()
    };
    let printed_warning = |location: Location, printed: &str, derived: &str, diff: &str| {
        vec![(
            Severity::Warning,
            Rule::StatedFigure,
            location,
            m(printed),
            m(derived),
            Some(m(diff)),
        )]
    };
    // Table 6 prints 合计 1,168.84 while its lines add to 1,168.83.
    assert_eq!(
        stated(Figure::Economic(None)),
        printed_warning(econ(None), "1168.84", "1168.83", "0.01")
    );
    // …and so does not match 一般公共预算 basic expenditure 1,168.84.
    assert!(has(
        Rule::EconomicVsBasic,
        Severity::Warning,
        &econ(None),
        Some("-0.01")
    ));
    // Table 6 prints [505] 40.13 beside its sub-lines 40.13 + 1.51.
    assert_eq!(
        stated(Figure::Economic(Some("505".into()))),
        printed_warning(econ(Some("505")), "40.13", "41.64", "-1.51")
    );
    // 公用经费 printed 201.38, the table gives 201.37.
    assert_eq!(
        stated(Figure::RunningCosts),
        printed_warning(econ(None), "201.38", "201.37", "0.01")
    );
    let running = findings
        .iter()
        .find(|f| matches!(&f.facts, Facts::StatedFigure { figure, .. } if *figure == Figure::RunningCosts))
        .unwrap();
    assert_eq!(
        running.message(true),
        "公用经费：印发数 201.38 万元（情况说明六），按明细计算为 201.37 万元，相差 0.01 万元"
    );
    // Eleven forms' year funds 9,281.57 against project expenditure 9,272.57.
    let total_location = Location::Table {
        table: TableId::Expenditure,
        code: None,
    };
    assert!(has(
        Rule::ProjectsVsProjectExpenditure,
        Severity::Error,
        &total_location,
        Some("9.00")
    ));
    // 16.60 of [215]'s project expenditure is not itemised in the published tables.
    let l215 = Location::Table {
        table: TableId::Expenditure,
        code: Some("215".into()),
    };
    assert!(has(
        Rule::NotItemised,
        Severity::Warning,
        &l215,
        Some("16.60")
    ));
    // Consistent figures raise nothing: staff costs, per-unit project funds, 三公 vs economic lines.
    assert!(!findings.iter().any(|f| f.rule == Rule::SangongVsEconomic));
    assert!(!findings.iter().any(|f| f.rule == Rule::OfficeAreaTotal));
    assert_eq!(stated(Figure::StaffCosts), vec![]);
}

#[test]
fn the_sample_file_is_canonical() {
    let budget = sample_budget().unwrap();
    assert_eq!(to_ron_string(&budget).unwrap(), SAMPLE_RON);
}
