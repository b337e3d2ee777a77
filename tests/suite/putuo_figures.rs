//! The second real sample, the 2025 部门预算 of 上海市普陀区人民政府办公室 in the Shanghai district
//! template: every figure the document prints comes out of the calc layer and its tables, laid out
//! as the template prints them, and `check` reports the document's one inconsistency and nothing
//! else.

#![allow(clippy::unwrap_used)] // test helpers may panic on bad fixtures

use std::path::Path;
use std::str::FromStr;

use budget_studio::calc::tables::{Table, disclosure_tables, table};
use budget_studio::calc::{Derived, derive};
use budget_studio::checks::{self, Facts, Location, Rule, Severity};
use budget_studio::cli;
use budget_studio::io::{from_ron_str, to_ron_string};
use budget_studio::model::assets::OFFICIAL_VEHICLE_KINDS;
use budget_studio::model::{
    Budget, Column, IncomeSource, Money, MoneyUnit, TableId, TemplateId, UnitKind,
};
use rust_decimal::Decimal;

const NAME: &str = "putuo-government-office-2025.ron";
const PUTUO_RON: &str = include_str!("../../sample_budgets/putuo-government-office-2025.ron");
const PATH: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/sample_budgets/putuo-government-office-2025.ron"
);

fn m(s: &str) -> Money {
    Money(Decimal::from_str(s).unwrap())
}

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

fn putuo() -> (Budget, Derived) {
    let budget = from_ron_str(PUTUO_RON, Path::new(NAME)).unwrap();
    let derived = derive(&budget);
    (budget, derived)
}

/// A 元 figure of the tables as the text prints it: in 万元, rounded to `decimals`.
fn wan(yuan: Money, decimals: u32) -> Money {
    MoneyUnit::Yuan
        .convert(yuan, MoneyUnit::WanYuan)
        .round_dp(decimals)
}

/// Rows written as printed, cells between `|` (blank cells empty).
fn printed(rows: &[&str]) -> Vec<Vec<String>> {
    rows.iter()
        .map(|r| r.split('|').map(|c| c.trim().to_owned()).collect())
        .collect()
}

/// The printed text of every cell of every row of a table, in the app's row order.
fn all_texts(t: &Table<'_>) -> Vec<Vec<String>> {
    t.rows()
        .map(|r| r.cells.iter().map(|c| c.text(r.kind)).collect())
        .collect()
}

#[test]
fn the_file_is_the_shanghai_template_in_yuan_and_canonical() {
    let (budget, _) = putuo();
    assert_eq!(budget.template, TemplateId::SHANGHAI_DISTRICT);
    assert_eq!(budget.unit, MoneyUnit::Yuan);
    assert_eq!(budget.profile.year, 2025);
    assert_eq!(budget.profile.department_name, "上海市普陀区人民政府办公室");
    // No code is printed for the department or its units, and none is invented.
    assert_eq!(budget.profile.department_code, "");
    let units: Vec<(&str, &str, UnitKind, bool)> = budget
        .profile
        .units
        .iter()
        .map(|u| (u.code.as_str(), u.name.as_str(), u.kind, u.merged))
        .collect();
    assert_eq!(
        units,
        [
            (
                "",
                "上海市普陀区人民政府办公室本部",
                UnitKind::Administrative,
                false
            ),
            ("", "上海市普陀区交流服务中心", UnitKind::Institution, true),
        ]
    );
    assert_eq!(budget.profile.responsibilities.len(), 14);
    assert_eq!(
        budget.profile.responsibilities[13],
        "完成区委、区政府交办的其他任务。"
    );
    let terms: Vec<&str> = budget
        .profile
        .glossary
        .iter()
        .map(|g| g.term.as_str())
        .collect();
    assert_eq!(
        terms,
        [
            "财政拨款收入",
            "事业收入",
            "事业单位经营收入",
            "其他收入",
            "基本支出预算",
            "项目支出预算",
            "“三公”经费",
            "机关运行经费"
        ]
    );
    assert_eq!(to_ron_string(&budget).unwrap(), PUTUO_RON);
}

#[test]
fn tables_are_numbered_and_titled_as_the_template_prints_them() {
    let (budget, derived) = putuo();
    // Titles as printed above each table, in order.
    let want = [
        (TableId::IncomeExpenditure, "2025年部门财务收支预算总表"),
        (TableId::Income, "2025年部门收入预算总表"),
        (TableId::Expenditure, "2025年部门支出预算总表"),
        (TableId::Fiscal, "2025年部门财政拨款收支预算总表"),
        (
            TableId::GeneralPublic,
            "2025年部门一般公共预算支出功能分类预算表",
        ),
        (
            TableId::GovFundExpenditure,
            "2025年部门政府性基金预算支出功能分类预算表",
        ),
        (
            TableId::StateCapital,
            "2025年部门国有资本经营预算支出功能分类预算表",
        ),
        (
            TableId::BasicByEconomic,
            "2025年部门一般公共预算基本支出部门预算经济分类预算表",
        ),
        (
            TableId::SangongAndOperating,
            "2025年部门“三公”经费和机关运行经费预算表",
        ),
    ];
    assert_eq!(
        disclosure_tables(&budget),
        want.iter().map(|(id, _)| *id).collect::<Vec<_>>()
    );
    for (n, (id, printed)) in want.iter().enumerate() {
        // The template's title is the printed one with the year, numbered 1. … 9. as the 目录
        // prints them.
        let spec = budget.template().table(*id).unwrap();
        assert_eq!(
            spec.title
                .zh
                .replace("{year}", &budget.profile.year.to_string()),
            *printed
        );
        let t = table(&budget, &derived, *id, true);
        assert_eq!(t.title, format!("{}. {printed}", n + 1));
        // Tables 1–8 are in 元, table 9 in 万元.
        let unit = if *id == TableId::SangongAndOperating {
            MoneyUnit::WanYuan
        } else {
            MoneyUnit::Yuan
        };
        assert_eq!(t.unit, unit, "{printed}");
    }
}

#[test]
fn table_1_sets_income_against_the_four_classes() {
    let (budget, derived) = putuo();
    let t = table(&budget, &derived, TableId::IncomeExpenditure, true);
    assert_eq!(
        all_texts(&t),
        printed(&[
            "一、财政拨款收入    | 91,016,775.35 | 一、一般公共服务支出   | 82,096,797.42",
            "1. 一般公共预算资金 | 91,016,775.35 | 二、社会保障和就业支出 | 4,213,779.28",
            "2. 政府性基金       |               | 三、卫生健康支出       | 1,097,073.43",
            "3. 国有资本经营预算 |               | 四、住房保障支出       | 3,609,125.22",
            "二、事业收入        |               |                        |",
            "三、事业单位经营收入|               |                        |",
            "四、其他收入        |               |                        |",
            "收入总计            | 91,016,775.35 | 支出总计               | 91,016,775.35",
        ])
    );
}

#[test]
fn tables_2_3_and_5_print_every_function_row() {
    let (budget, derived) = putuo();
    let income = table(&budget, &derived, TableId::Income, true);
    let expenditure = table(&budget, &derived, TableId::Expenditure, true);
    let general = table(&budget, &derived, TableId::GeneralPublic, true);
    // Tables 3 and 5 as printed: 类 | 款 | 项 | name | 合计 | 基本支出 | 项目支出 (the 合计 row
    // first, as every table of the app shows it).
    let want = printed(&[
        "合计 |    |    |                                      | 91,016,775.35 | 24,606,775.35 | 66,410,000.00",
        "201  |    |    | 一般公共服务支出                     | 82,096,797.42 | 15,686,797.42 | 66,410,000.00",
        "201  | 03 |    | 政府办公厅（室）及相关机构事务       | 82,096,797.42 | 15,686,797.42 | 66,410,000.00",
        "201  | 03 | 01 | 行政运行                             | 12,029,501.84 | 11,919,501.84 | 110,000.00",
        "201  | 03 | 02 | 一般行政管理事务                     | 46,140,000.00 |               | 46,140,000.00",
        "201  | 03 | 50 | 事业运行                             | 3,807,295.58  | 3,767,295.58  | 40,000.00",
        "201  | 03 | 99 | 其他政府办公厅（室）及相关机构事务支出 | 20,120,000.00 |               | 20,120,000.00",
        "208  |    |    | 社会保障和就业支出                   | 4,213,779.28  | 4,213,779.28  |",
        "208  | 05 |    | 行政事业单位养老支出                 | 4,213,779.28  | 4,213,779.28  |",
        "208  | 05 | 01 | 行政单位离退休                       | 1,554,220.00  | 1,554,220.00  |",
        "208  | 05 | 05 | 机关事业单位基本养老保险缴费支出     | 1,763,159.52  | 1,763,159.52  |",
        "208  | 05 | 06 | 机关事业单位职业年金缴费支出         | 881,579.76    | 881,579.76    |",
        "208  | 05 | 99 | 其他行政事业单位养老支出             | 14,820.00     | 14,820.00     |",
        "210  |    |    | 卫生健康支出                         | 1,097,073.43  | 1,097,073.43  |",
        "210  | 11 |    | 行政事业单位医疗                     | 1,097,073.43  | 1,097,073.43  |",
        "210  | 11 | 01 | 行政单位医疗                         | 782,855.28    | 782,855.28    |",
        "210  | 11 | 02 | 事业单位医疗                         | 314,218.15    | 314,218.15    |",
        "221  |    |    | 住房保障支出                         | 3,609,125.22  | 3,609,125.22  |",
        "221  | 02 |    | 住房改革支出                         | 3,609,125.22  | 3,609,125.22  |",
        "221  | 02 | 01 | 住房公积金                           | 1,741,445.22  | 1,741,445.22  |",
        "221  | 02 | 03 | 购房补贴                             | 1,867,680.00  | 1,867,680.00  |",
    ]);
    assert_eq!(all_texts(&expenditure), want);
    assert_eq!(all_texts(&general), want);
    // Table 2: the same rows; 合计 = 财政拨款收入 on each, 事业收入, 事业单位经营收入 and 其他收入
    // blank.
    let got = all_texts(&income);
    assert_eq!(got.len(), want.len());
    for (row, printed) in got.iter().skip(1).zip(want.iter().skip(1)) {
        let total = &printed[4];
        assert_eq!(row[..4], printed[..4]);
        assert_eq!(row[4..], [total, total, "", "", ""], "{}", printed[3]);
    }
    assert_eq!(got[0][4..6], ["91,016,775.35", "91,016,775.35"]);
}

#[test]
fn table_4_splits_fiscal_appropriations_by_fund() {
    let (budget, derived) = putuo();
    let t = table(&budget, &derived, TableId::Fiscal, true);
    // 收入项目 | 预算数 | 支出项目 | 合计 | 一般公共预算 (政府性基金预算 and 国有资本经营预算 follow).
    let got: Vec<Vec<String>> = all_texts(&t)
        .into_iter()
        .map(|r| r.into_iter().take(5).collect())
        .collect();
    assert_eq!(
        got,
        printed(&[
            "一、一般公共预算资金 | 91,016,775.35 | 一、一般公共服务支出   | 82,096,797.42 | 82,096,797.42",
            "二、政府性基金       |               | 二、社会保障和就业支出 | 4,213,779.28  | 4,213,779.28",
            "三、国有资本经营预算 |               | 三、卫生健康支出       | 1,097,073.43  | 1,097,073.43",
            "                     |               | 四、住房保障支出       | 3,609,125.22  | 3,609,125.22",
            "收入总计             | 91,016,775.35 | 支出总计               | 91,016,775.35 | 91,016,775.35",
        ])
    );
    // 政府性基金预算 and 国有资本经营预算 carry nothing on any row.
    for r in t.rows() {
        assert!(
            r.cells[5..]
                .iter()
                .all(|c| c.amount().is_none_or(|a| a.is_zero()))
        );
    }
}

#[test]
fn tables_6_and_7_are_empty_with_the_printed_notes() {
    let (budget, derived) = putuo();
    for (id, note) in [
        (
            TableId::GovFundExpenditure,
            "注:本部门2025年无政府性基金预算财政拨款安排的预算，故本表为空表。",
        ),
        (
            TableId::StateCapital,
            "注:本部门2025年无国有资本经营预算财政拨款安排的预算，故本表为空表。",
        ),
    ] {
        let t = table(&budget, &derived, id, true);
        assert!(t.empty, "{}", t.title);
        assert_eq!(t.empty_note.as_deref(), Some(note));
        assert!(t.rows().all(|r| {
            r.cells
                .iter()
                .all(|c| c.amount().is_none_or(|a| a.is_zero()))
        }));
    }
}

#[test]
fn table_8_groups_the_30x_lines_into_staff_and_running_costs() {
    let (budget, derived) = putuo();
    let t = table(&budget, &derived, TableId::BasicByEconomic, true);
    // 类 | 款 | name | 合计 | 人员经费 | 公用经费, as printed.
    assert_eq!(
        all_texts(&t),
        printed(&[
            "合计 |    |                              | 24,606,775.35 | 22,473,997.81 | 2,132,777.54",
            "301  |    | 工资福利支出                 | 21,170,337.81 | 21,170,337.81 |",
            "301  | 01 | 基本工资                     | 2,540,192.00  | 2,540,192.00  |",
            "301  | 02 | 津贴补贴                     | 9,572,367.00  | 9,572,367.00  |",
            "301  | 07 | 绩效工资                     | 2,335,998.00  | 2,335,998.00  |",
            "301  | 08 | 机关事业单位基本养老保险缴费 | 1,763,159.52  | 1,763,159.52  |",
            "301  | 09 | 职业年金缴费                 | 881,579.76    | 881,579.76    |",
            "301  | 10 | 职工基本医疗保险缴费         | 1,097,073.43  | 1,097,073.43  |",
            "301  | 12 | 其他社会保障缴费             | 45,013.88     | 45,013.88     |",
            "301  | 13 | 住房公积金                   | 1,741,445.22  | 1,741,445.22  |",
            "301  | 99 | 其他工资福利支出             | 1,193,509.00  | 1,193,509.00  |",
            "302  |    | 商品和服务支出               | 1,932,777.54  |               | 1,932,777.54",
            "302  | 01 | 办公费                       | 259,400.00    |               | 259,400.00",
            "302  | 02 | 印刷费                       | 20,000.00     |               | 20,000.00",
            "302  | 04 | 手续费                       | 2,000.00      |               | 2,000.00",
            "302  | 07 | 邮电费                       | 30,000.00     |               | 30,000.00",
            "302  | 11 | 差旅费                       | 50,000.00     |               | 50,000.00",
            "302  | 15 | 会议费                       | 10,000.00     |               | 10,000.00",
            "302  | 16 | 培训费                       | 30,000.00     |               | 30,000.00",
            "302  | 17 | 公务接待费                   | 185,000.00    |               | 185,000.00",
            "302  | 26 | 劳务费                       | 30,000.00     |               | 30,000.00",
            "302  | 28 | 工会经费                     | 248,117.54    |               | 248,117.54",
            "302  | 29 | 福利费                       | 483,840.00    |               | 483,840.00",
            "302  | 39 | 其他交通费用                 | 379,600.00    |               | 379,600.00",
            "302  | 99 | 其他商品和服务支出           | 204,820.00    |               | 204,820.00",
            "303  |    | 对个人和家庭的补助           | 1,303,660.00  | 1,303,660.00  |",
            "303  | 01 | 离休费                       | 114,940.00    | 114,940.00    |",
            "303  | 02 | 退休费                       | 1,188,720.00  | 1,188,720.00  |",
            "310  |    | 资本性支出                   | 200,000.00    |               | 200,000.00",
            "310  | 02 | 办公设备购置                 | 200,000.00    |               | 200,000.00",
        ])
    );
    // 人员经费 + 公用经费 = 一般公共预算 basic expenditure.
    let s = &derived.summary;
    assert_eq!((s.staff, s.running), (m("22473997.81"), m("2132777.54")));
    assert_eq!(s.staff.checked_add(s.running), Some(s.general_public.basic));
}

#[test]
fn table_9_prints_sangong_and_operating_costs_in_wan_yuan() {
    let (budget, derived) = putuo();
    let t = table(&budget, &derived, TableId::SangongAndOperating, true);
    assert_eq!(t.len(), 1);
    // 合计, 因公出国(境)费, 公务接待费, 公务用车 小计 / 购置费 / 运行费 (blank), 机关运行经费.
    let row = t.row(0).unwrap();
    let cells: Vec<String> = row.cells.iter().map(|c| c.text(row.kind)).collect();
    assert_eq!(cells, ["867.50", "839.00", "28.50", "", "", "", "213.28"]);
    // The text: each 三公 item 与2024年预算持平.
    let sangong = &derived.summary.sangong;
    assert_eq!(sangong.last_year, Some(sangong.this_year));
    let change = sangong.change.unwrap();
    assert_eq!((change.amount, change.percent), (m("0"), Some(d("0"))));
    // 机关运行经费 213.28 万元 is table 8's 公用经费 2,132,777.54 元, rounded.
    assert_eq!(derived.summary.operating, wan(derived.summary.running, 2));
    assert_eq!(budget.operating_costs.last_year, None);
}

#[test]
fn the_texts_wan_yuan_figures_are_the_tables_rounded() {
    let (budget, derived) = putuo();
    let f = &derived.function;
    // 编制说明: each 项 with its amount as printed (whole amounts without decimals).
    let items = [
        ("2010301", "1202.95", 2),
        ("2010302", "4614", 0),
        ("2010350", "380.73", 2),
        ("2010399", "2012", 0),
        ("2080501", "155.42", 2),
        ("2080505", "176.32", 2),
        ("2080506", "88.16", 2),
        ("2080599", "1.48", 2),
        ("2101101", "78.29", 2),
        ("2101102", "31.42", 2),
        ("2210201", "174.14", 2),
        ("2210203", "186.77", 2),
    ];
    for (code, printed, decimals) in items {
        let yuan = f.figure(code, Column::Total).unwrap();
        assert_eq!(wan(yuan, decimals), m(printed), "{code}");
    }
    let s = &derived.summary;
    // 收入预算 = 支出预算 = 财政拨款 = 一般公共预算拨款 9,101.68 万元; the other sources 0.
    assert_eq!(wan(s.total, 2), m("9101.68"));
    assert_eq!(wan(s.fiscal, 2), m("9101.68"));
    assert_eq!(wan(s.general_public.total(), 2), m("9101.68"));
    for i in &s.income {
        let want = if i.source == IncomeSource::GeneralPublic {
            (m("91016775.35"), d("100.00"))
        } else {
            (m("0"), d("0"))
        };
        assert_eq!((i.amount, i.share), want, "{:?}", i.source);
    }
    // 比2024年预算减少2,389.52万元, for income, fiscal expenditure and 一般公共预算.
    for change in [
        s.income_change,
        s.expenditure_change,
        s.general_public_change,
    ] {
        assert_eq!(wan(change.unwrap().amount, 2), m("-2389.52"));
    }
    // 政府采购 34 = 货物 0 + 工程 0 + 服务 34; 34 reserved for SMEs, all of it for small and micro.
    let p = &budget.procurement;
    assert_eq!(p.unit, MoneyUnit::WanYuan);
    assert_eq!((s.procurement, p.services), (m("34"), m("34")));
    assert_eq!(
        (p.sme_reserved, p.small_micro_reserved),
        (Some(m("34")), Some(m("34")))
    );
    // 绩效目标: 1 unit, 11 projects, 6626 万元, against project expenditure 6,641 万元.
    let statement = budget.performance_statement.as_ref().unwrap();
    assert_eq!(
        (statement.units, statement.projects, statement.funds),
        (1, 11, m("6626"))
    );
    assert_eq!(wan(s.project, 2), m("6641"));
}

#[test]
fn assets_and_the_project_description_are_as_printed() {
    let (budget, _) = putuo();
    let a = &budget.assets;
    assert_eq!(a.as_of, "2024年8月31日");
    for groups in [&a.vehicles, &a.planned_vehicles] {
        let kinds: Vec<&str> = groups.iter().map(|v| v.kind.as_str()).collect();
        assert_eq!(kinds, OFFICIAL_VEHICLE_KINDS);
        assert!(groups.iter().all(|v| v.count == 0));
    }
    assert_eq!(
        (a.large_equipment, a.planned_large_equipment),
        (Some(0), Some(0))
    );
    // One 项目经费情况说明, printed without an amount or a quarterly plan.
    let [description] = budget.descriptions.as_slice() else {
        panic!("one description");
    };
    assert_eq!(description.name, "区政府督查及建议提案工作业务经费");
    assert_eq!((description.amount, description.quarters), (None, None));
    assert_eq!(description.goals, "详见单位的项目绩效目标表");
}

#[test]
fn check_reports_only_the_performance_statement() {
    let (budget, derived) = putuo();
    let findings = checks::run(&budget, &derived);
    let [finding] = findings.as_slice() else {
        panic!("one finding expected: {findings:#?}");
    };
    assert_eq!(
        (finding.severity, finding.rule, &finding.location),
        (
            Severity::Warning,
            Rule::PerformanceStatement,
            &Location::PerformanceStatement
        )
    );
    assert_eq!(finding.difference, Some((m("-15"), MoneyUnit::WanYuan)));
    assert_eq!(
        finding.facts,
        Facts::PerformanceStatement {
            funds: m("6626"),
            expenditure: m("6641"),
            difference: m("-15"),
            unit: MoneyUnit::WanYuan,
        }
    );
    assert_eq!(checks::counts(&findings), (0, 1));
}

#[test]
fn check_on_the_file_exits_clean_with_one_warning() {
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let code = cli::check(Path::new(PATH), true, &mut out, &mut err).unwrap();
    assert_eq!(code, cli::EXIT_OK);
    let text = String::from_utf8(out).unwrap();
    assert!(text.contains("project.statement"), "{text}");
    assert!(text.ends_with("共 0 个错误，1 个警告\n"), "{text}");
    assert!(err.is_empty());
}

/// What the table model still prints differently from the document: the Shanghai template prints
/// a zero 合计 cell blank (tables 2, 4, 6, 7: "no table cell anywhere contains a printed zero"),
/// and an empty table's body as blank rows without the budget's codes and names.
#[test]
fn zero_totals_and_empty_tables_print_as_the_document() {
    let (budget, derived) = putuo();
    let income = table(&budget, &derived, TableId::Income, true);
    assert_eq!(
        all_texts(&income)[0][4..],
        ["91,016,775.35", "91,016,775.35", "", "", ""]
    );
    let fiscal = table(&budget, &derived, TableId::Fiscal, true);
    let total = all_texts(&fiscal).pop().unwrap();
    assert_eq!(total[5..], ["", ""]);
    for id in [TableId::GovFundExpenditure, TableId::StateCapital] {
        let t = table(&budget, &derived, id, true).printed();
        assert_eq!(all_texts(&t), printed(&["合计 | | | | | |"]), "{}", t.title);
    }
}
