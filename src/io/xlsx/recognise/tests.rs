//! Recognising titles, units, codes and amounts as workbooks print them.

use super::*;
use crate::io::xlsx::line_rows::code_part;

#[test]
fn titles_name_their_tables() {
    use IncomeSource::*;
    let cases = [
        (
            "预算公开表3 预算支出总表",
            Some(Kind::Expenditure(Scope::All)),
        ),
        (
            "2025年部门支出预算总表",
            Some(Kind::Expenditure(Scope::All)),
        ),
        ("2022 年预算收入总表", Some(Kind::Income(Scope::All))),
        (
            "一般公共预算支出预算表",
            Some(Kind::Expenditure(Scope::Only(GeneralPublic))),
        ),
        (
            "2025年部门一般公共预算支出功能分类预算表",
            Some(Kind::Expenditure(Scope::Only(GeneralPublic))),
        ),
        (
            "政府性基金预算收入表",
            Some(Kind::Income(Scope::Only(GovernmentFund))),
        ),
        (
            "国有资本经营预算收支预算表",
            Some(Kind::Expenditure(Scope::Only(StateCapital))),
        ),
        ("一般公共预算安排基本支出分经济科目表", Some(Kind::Economic)),
        (
            "2025年部门财务收支预算总表",
            Some(Kind::Summary { fiscal: false }),
        ),
        ("财政拨款收支总表", Some(Kind::Summary { fiscal: true })),
        ("部门“三公”经费和机关运行经费预算表", Some(Kind::Sangong)),
        ("机关运行经费预算财政拨款情况统计表", Some(Kind::Operating)),
        ("项目支出绩效目标申报表", Some(Kind::Form)),
        ("编制说明", None),
    ];
    for (title, want) in cases {
        assert_eq!(kind_of(title), want, "{title}");
    }
}

#[test]
fn units_years_and_codes_as_printed() {
    assert_eq!(unit_in("单位：万元"), Some(MoneyUnit::WanYuan));
    assert_eq!(unit_in("单位: 万 元"), Some(MoneyUnit::WanYuan));
    assert_eq!(unit_in("金额单位:元"), Some(MoneyUnit::Yuan));
    assert_eq!(unit_in("编制单位：某局"), None);
    assert_eq!(year_in("2022 年预算支出总表"), Some(2022));
    assert_eq!(year_in("预算公开表3"), None);
    assert_eq!(
        bracketed("[2080505]机关事业单位基本养老保险缴费支出"),
        Some(("2080505".into(), "机关事业单位基本养老保险缴费支出".into()))
    );
    assert_eq!(bracketed("[208]"), Some(("208".into(), String::new())));
    assert_eq!(bracketed("行政运行"), None);
    assert_eq!(code_part("5", 1), "05");
    assert_eq!(code_part("201", 0), "201");
}

#[test]
fn amounts_as_numbers_or_text() {
    let grid = Grid::from_rows(
        "表3",
        vec![vec![
            Value::Number(1014.42),
            Value::Text("1,234.50".into()),
            Value::Text("—".into()),
            Value::Text("约100".into()),
            Value::Number(1.234),
            Value::Number(0.1 + 0.2),
            Value::Text("１２.５".into()),
        ]],
    );
    let get = |c| amount(&grid, 0, c, MoneyUnit::WanYuan).map(|a| a.map(|a| a.value.to_string()));
    assert_eq!(get(0), Ok(Some("1014.42".into())));
    assert_eq!(get(1), Ok(Some("1234.50".into())));
    assert_eq!(get(2), Ok(None));
    let text = get(3).unwrap_err();
    assert_eq!(text.at.cell, "D1");
    assert!(text.zh.contains("约100"), "{}", text.zh);
    let decimals = get(4).unwrap_err();
    assert_eq!(decimals.at.cell, "E1");
    assert!(
        decimals.en.contains("more than 2 decimals"),
        "{}",
        decimals.en
    );
    assert_eq!(get(5), Ok(Some("0.30".into())));
    assert_eq!(get(6), Ok(Some("12.50".into())));
}

#[test]
fn a_code_is_cut_from_its_name_only_where_it_is_one() {
    let cut = |t: &str, joined| code_prefixed(t, joined);
    let pair = |c: &str, n: &str| Some((c.to_owned(), n.to_owned()));
    assert_eq!(
        cut("201 一般公共服务支出", false),
        pair("201", "一般公共服务支出")
    );
    assert_eq!(cut("20103-政府办公厅", false), pair("20103", "政府办公厅"));
    assert_eq!(cut("[2010301]行政运行", false), pair("2010301", "行政运行"));
    assert_eq!(cut("2010350、事业运行", false), pair("2010350", "事业运行"));
    // Joined without a separator only in a column of codes.
    assert_eq!(
        cut("201一般公共服务支出", true),
        pair("201", "一般公共服务支出")
    );
    assert_eq!(cut("110千伏变电站", false), None);
    // Not a 类, 款 or 项 code, or no name after it.
    assert_eq!(cut("2022年预算数", true), None);
    assert_eq!(cut("201", true), None);
    assert_eq!(cut("201 2022", false), None);
}
