//! Excel in and out as an officer meets it: the sample exported and read back unchanged, every
//! amount cell equal to the app's figure to the last digit, live sums, a department's own
//! workbook in the official layout (three code columns, 元, one wrong printed subtotal), and bad
//! workbooks refused with the file, sheet and cell.

#![allow(clippy::unwrap_used, clippy::expect_used)] // test helpers may panic on bad fixtures

use std::io::Cursor;
use std::path::Path;

use budget_studio::calc::derive;
use budget_studio::calc::tables::{Cell, RowKind, disclosure_tables, table};
use budget_studio::checks;
use budget_studio::io::xlsx::{
    ExportOptions, ImportError, ImportOptions, Imported, SheetUse, cell_decimal, cell_number,
    import_bytes, workbook_bytes,
};
use budget_studio::model::template::CodeLayout;
use budget_studio::model::{Budget, IncomeSource, Money, MoneyUnit, TableId, TemplateId};
use budget_studio::sample::sample_budget;
use budget_studio::synth::generate;
use calamine::{Data, Reader, Xlsx};
use proptest::prelude::*;

fn putuo() -> Budget {
    budget_studio::io::load(Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/sample_budgets/putuo-government-office-2025.ron"
    )))
    .unwrap()
}

fn export(budget: &Budget, options: &ExportOptions) -> Vec<u8> {
    let derived = derive(budget);
    let findings = checks::run(budget, &derived);
    workbook_bytes(budget, &derived, &findings, options).unwrap()
}

fn import(bytes: Vec<u8>) -> Result<Imported, ImportError> {
    import_bytes(bytes, Path::new("in.xlsx"), &ImportOptions::default())
}

/// The workbook as published: only what the sheets show.
fn tables_only() -> ExportOptions {
    ExportOptions {
        tables_only: true,
        ..ExportOptions::default()
    }
}

/// The parts of a budget a workbook carries are the same.
fn assert_same_tables(back: &Budget, budget: &Budget) {
    assert_eq!(back.profile.department_code, budget.profile.department_code);
    assert_eq!(back.profile.department_name, budget.profile.department_name);
    assert_eq!(back.profile.year, budget.profile.year);
    assert_eq!(back.profile.units, budget.profile.units);
    assert_eq!(back.unit, budget.unit);
    assert_eq!(back.function_lines.len(), budget.function_lines.len());
    for (a, b) in back.function_lines.iter().zip(&budget.function_lines) {
        assert_eq!(
            (&a.code, &a.name, &a.amounts),
            (&b.code, &b.name, &b.amounts)
        );
    }
    // Notes are the officer's, not printed: compare the economic lines without them.
    let lines = |b: &Budget| -> Vec<_> {
        b.economic
            .lines
            .iter()
            .map(|l| (l.code.clone(), l.name.clone(), l.amount, l.cost_kind))
            .collect()
    };
    assert_eq!(back.economic.scheme, budget.economic.scheme);
    assert_eq!(lines(back), lines(budget));
    assert_eq!(back.sangong.unit, budget.sangong.unit);
    assert_eq!(back.sangong.this_year, budget.sangong.this_year);
    assert_eq!(back.sangong.last_year, budget.sangong.last_year);
    assert_eq!(back.operating_costs.unit, budget.operating_costs.unit);
    assert_eq!(
        back.operating_costs.last_year,
        budget.operating_costs.last_year
    );
    let entries = |b: &Budget| -> Vec<_> {
        b.operating_costs
            .entries
            .iter()
            .map(|e| (e.unit_code.clone(), e.amount))
            .collect()
    };
    assert_eq!(entries(back), entries(budget));
    assert_eq!(back.projects.len(), budget.projects.len());
    for (a, b) in back.projects.iter().zip(&budget.projects) {
        assert_eq!(a, b, "form {}", b.name);
    }
}

/// A sample of `sample_budgets/` by file name.
fn sample(name: &str) -> Budget {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("sample_budgets")
        .join(name);
    budget_studio::io::load(&path).unwrap()
}

#[test]
fn both_samples_come_back_the_same() {
    // The 2024 samples carry each 项's 用途, execution and reason, which no printed table shows.
    for budget in [
        sample_budget().unwrap(),
        putuo(),
        sample("putuo-wanli-2024.ron"),
        sample("putuo-welfare-home-2024.ron"),
    ] {
        let imported = import(export(&budget, &ExportOptions::default())).unwrap();
        assert_eq!(
            imported.budget, budget,
            "{}",
            budget.profile.department_name
        );
        let derived = derive(&budget);
        assert_eq!(
            checks::run(&imported.budget, &derive(&imported.budget)),
            checks::run(&budget, &derived)
        );
    }
}

/// Two exports of one budget are the same bytes: a file an officer publishes twice does not
/// change (the workbook is dated 1 January of the budget year, its strings numbered in order).
#[test]
fn two_exports_are_byte_identical() {
    for budget in [sample("putuo-wanli-2024.ron"), generate(2_000, 5)] {
        for options in [ExportOptions::default(), tables_only()] {
            let first = export(&budget, &options);
            assert!(first == export(&budget, &options));
        }
    }
}

#[test]
fn the_published_workbook_gives_back_its_tables() {
    let budget = sample_budget().unwrap();
    let imported = import(export(&budget, &tables_only())).unwrap();
    assert_same_tables(&imported.budget, &budget);
    assert!(
        imported.budget.stated.is_empty(),
        "{:?}",
        imported.budget.stated
    );
    // [215]'s unitemised 16.60 came back through its formula, on the 类 line itself.
    let class =
        &imported.budget.function_lines[imported.budget.function_line_index("215").unwrap()];
    assert_eq!(
        class.amounts,
        budget.function_lines[budget.function_line_index("215").unwrap()].amounts
    );
    // The preview names every sheet.
    let report = imported.report(true).join("\n");
    assert!(
        report.contains("表3 → 预算公开表3预算支出总表，读取 23 行，单位 万元"),
        "{report}"
    );
    assert!(
        report.contains("绩效1 → 绩效目标申报表：工业项目建设领导小组办公室工作经费"),
        "{report}"
    );
    // A workbook for publishing carries no findings.
    assert!(!report.contains("审核结果"), "{report}");
    let full = import(export(&budget, &ExportOptions::default())).unwrap();
    let report = full.report(true).join("\n");
    assert!(
        report.contains("审核结果 → 审核结果（导入后重新审核，不读取）"),
        "{report}"
    );
}

#[test]
fn the_template_is_read_from_the_titles_of_a_published_workbook() {
    let budget = putuo();
    let imported = import(export(&budget, &tables_only())).unwrap();
    assert_eq!(imported.budget.template, TemplateId::SHANGHAI_DISTRICT);
    // 表9 prints this year's 三公 only; last year's figures are in the text, not the tables.
    let mut printed = budget.clone();
    printed.sangong.last_year = None;
    printed.operating_costs.last_year = None;
    assert_same_tables(&imported.budget, &printed);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 8, ..ProptestConfig::default() })]
    #[test]
    fn generated_budgets_come_back_the_same(lines in 20_usize..400, seed in any::<u64>()) {
        let budget = generate(lines, seed);
        let imported = import(export(&budget, &ExportOptions::default())).unwrap();
        prop_assert_eq!(&imported.budget, &budget);
        let published = import(export(&budget, &tables_only())).unwrap();
        assert_same_tables(&published.budget, &budget);
        prop_assert!(published.budget.stated.is_empty());
    }
}

#[test]
fn a_thousand_lines_come_back_the_same() {
    let budget = generate(1_000, 3);
    let imported = import(export(&budget, &ExportOptions::default())).unwrap();
    assert_eq!(imported.budget, budget);
}

#[test]
fn three_code_columns_read_back_too() {
    let budget = sample_budget().unwrap();
    let options = ExportOptions {
        codes: Some(CodeLayout::ThreeColumns),
        ..ExportOptions::default()
    };
    let imported = import(export(&budget, &options)).unwrap();
    assert_eq!(imported.budget, budget);
}

/// Every amount cell of every table sheet, read by calamine, is the app's figure exactly: a
/// number whose shortest decimal is the model's decimal (a zero in the body may be blank).
fn assert_cells_exact(budget: &Budget) {
    assert_workbook_exact(export(budget, &ExportOptions::default()), budget);
}

/// Every amount cell of the workbook `bytes` is `budget`'s figure exactly.
fn assert_workbook_exact(bytes: Vec<u8>, budget: &Budget) {
    let derived = derive(budget);
    let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).unwrap();
    let mut checked = 0;
    for (n, id) in disclosure_tables(budget).into_iter().enumerate() {
        let t = table(budget, &derived, id, true).printed();
        if t.empty {
            continue;
        }
        let range = book.worksheet_range(&format!("表{}", n + 1)).unwrap();
        let body = 2 + t.header_rows as u32;
        // In the printed order: a template may put the 合计 at the foot.
        for (i, row) in t.printed_rows().into_iter().enumerate() {
            for (c, cell) in row.cells.iter().enumerate() {
                let want = match cell {
                    Cell::Amount(m) | Cell::Locked(m) | Cell::Input { value: m, .. } => *m,
                    Cell::Change(change) => change.amount,
                    _ => continue,
                };
                let at = (body + i as u32, c as u32);
                match range.get_value(at) {
                    Some(Data::Float(f)) => {
                        assert_eq!(*f, cell_number(want), "{} {at:?}", t.title);
                        assert_eq!(cell_decimal(*f), Some(want.value()), "{} {at:?}", t.title);
                    }
                    None | Some(Data::Empty) => {
                        assert!(
                            want.is_zero()
                                && !matches!(row.kind, RowKind::Total | RowKind::Subtotal)
                        );
                    }
                    other => panic!("{} {at:?}: {other:?}", t.title),
                }
                checked += 1;
            }
        }
    }
    assert!(checked > 0);
}

#[test]
fn a_fund_sheet_lists_only_the_lines_with_money_of_that_fund() {
    let budget = generate(1_000, 5);
    let derived = derive(&budget);
    let ids = disclosure_tables(&budget);
    let n = ids
        .iter()
        .position(|id| *id == TableId::GovFundExpenditure)
        .unwrap();
    let mut book: Xlsx<_> =
        Xlsx::new(Cursor::new(export(&budget, &ExportOptions::default()))).unwrap();
    let range = book.worksheet_range(&format!("表{}", n + 1)).unwrap();
    let screen = table(&budget, &derived, TableId::GovFundExpenditure, true);
    let body = 2 + screen.header_rows;
    // Every line of the budget is on the screen; the sheet has the 合计 row and the lines the
    // fund pays for, with their 类 and 款.
    let listed: Vec<String> = (body..range.height())
        .filter_map(|r| range.get_value((r as u32, 0)))
        .map(ToString::to_string)
        .filter(|c| !c.is_empty() && c != "合计")
        .collect();
    let funded = derived
        .function
        .rows
        .iter()
        .enumerate()
        .filter(|(r, _)| {
            !derived
                .function
                .cell_sum(*r, &[IncomeSource::GovernmentFund])
                .total()
                .is_zero()
        })
        .count();
    assert!(funded > 0 && funded < derived.function.rows.len());
    assert_eq!(listed.len(), funded);
    assert_eq!(screen.len(), derived.function.rows.len() + 1);
    // And the lines read back: a line the sheet leaves out has no fund money.
    assert_eq!(
        import(export(&budget, &ExportOptions::default()))
            .unwrap()
            .budget,
        budget
    );
}

#[test]
fn every_amount_cell_reads_back_as_the_apps_figure() {
    assert_cells_exact(&sample_budget().unwrap());
    assert_cells_exact(&generate(1_000, 5));
}

#[test]
fn totals_are_live_sums_with_their_figures_cached() {
    let budget = sample_budget().unwrap();
    let bytes = export(&budget, &ExportOptions::default());
    let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).unwrap();
    let formulas = book.worksheet_formula("表3").unwrap();
    let values = book.worksheet_range("表3").unwrap();
    // Row 5 (0-based 4) is 合计: its 基本支出 adds the 类 rows, its 合计 its own row.
    let total_basic = formulas.get_value((4, 3)).unwrap();
    assert!(total_basic.starts_with("SUM(D6,"), "{total_basic}");
    assert_eq!(formulas.get_value((4, 2)).unwrap(), "SUM(D5:E5)");
    assert_eq!(values.get_value((4, 3)), Some(&Data::Float(1168.84)));
    // [215] adds its 款 and its own unitemised 16.60.
    let row_215 = (0..values.height() as u32)
        .find(|&r| values.get_value((r, 0)) == Some(&Data::String("215".into())))
        .unwrap();
    let f = formulas.get_value((row_215, 4)).unwrap();
    assert!(f.ends_with("+16.6"), "{f}");
    assert_eq!(values.get_value((row_215, 4)), Some(&Data::Float(62.32)));
}

/// The number format of a cell of sheet `sheet`.
fn number_format(bytes: &[u8], sheet: &str, at: (u32, u32)) -> String {
    let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes.to_vec())).unwrap();
    let styles = book.worksheet_style(sheet).unwrap();
    styles
        .get(at)
        .and_then(|s| s.number_format.as_ref())
        .map(|f| f.format_code.clone())
        .unwrap_or_default()
}

#[test]
fn a_tables_number_format_follows_its_unit() {
    let mut budget = sample_budget().unwrap();
    let bytes = export(&budget, &ExportOptions::default());
    // 合计 of 表3 (row 5): 万元 with two decimals; a 项 row prints a zero as blank.
    assert_eq!(number_format(&bytes, "表3", (4, 2)), "#,##0.00");
    assert_eq!(number_format(&bytes, "表3", (7, 3)), "#,##0.00;-#,##0.00;");
    // A 元 table with cents shows them, as the Shanghai documents print 元 …
    budget.unit = MoneyUnit::Yuan;
    let bytes = export(&budget, &ExportOptions::default());
    assert_eq!(number_format(&bytes, "表3", (4, 2)), "#,##0.00");
    // … and one of whole yuan shows whole yuan.
    for line in &mut budget.function_lines {
        let whole: Vec<_> = line
            .amounts
            .iter()
            .map(|(source, split)| {
                let mut split = *split;
                split.basic = Money(split.basic.value().trunc());
                split.project = Money(split.project.value().trunc());
                (*source, split)
            })
            .collect();
        for (source, split) in whole {
            line.amounts.insert(source, split);
        }
    }
    let bytes = export(&budget, &ExportOptions::default());
    assert_eq!(number_format(&bytes, "表3", (4, 2)), "#,##0");
}

#[test]
fn sheets_are_named_short_and_in_the_disclosures_order() {
    let budget = sample_budget().unwrap();
    let bytes = export(&budget, &ExportOptions::default());
    let book: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).unwrap();
    let names = book.sheet_names();
    assert_eq!(names[0], "目录");
    assert_eq!(
        names[1..12].join(","),
        "表1,表2,表3,表4,表5,表6,表7,表8,表9,表10,表11"
    );
    // The forms, the findings, and the hidden sheet that carries the rest of the budget.
    assert_eq!(names.len(), 1 + 11 + budget.projects.len() + 2);
    assert_eq!(names[names.len() - 2], "审核结果");
    assert_eq!(names.last().map(String::as_str), Some("预算数据"));
    // The Shanghai sample for publishing: its nine tables and its one project description, and
    // neither the officer's findings nor the carried budget.
    let putuo = putuo();
    let bytes = export(&putuo, &tables_only());
    let book: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).unwrap();
    assert_eq!(
        book.sheet_names().join(","),
        "目录,表1,表2,表3,表4,表5,表6,表7,表8,表9,说明1"
    );
}

#[test]
fn an_empty_table_keeps_its_header_and_says_it_is_empty() {
    let budget = sample_budget().unwrap();
    let bytes = export(&budget, &ExportOptions::default());
    let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).unwrap();
    let range = book.worksheet_range("表8").unwrap();
    let texts: Vec<String> = range.rows().flatten().map(ToString::to_string).collect();
    assert!(texts.iter().any(|t| t == "基本支出"), "{texts:?}");
    assert!(texts.iter().any(|t| t.contains("本表为空表")), "{texts:?}");
    let imported = import(export(&budget, &ExportOptions::default())).unwrap();
    let sheet = imported.sheets.iter().find(|s| s.name == "表8").unwrap();
    assert_eq!(sheet.rows, 0);
    assert!(matches!(sheet.use_, SheetUse::Table(..)));
}

/// LibreOffice, when this machine has it (CI installs it; elsewhere the test says it skipped).
fn soffice() -> Option<std::path::PathBuf> {
    let found = ["soffice", "libreoffice"].into_iter().find(|name| {
        std::process::Command::new(name)
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success())
    });
    match found {
        Some(name) => Some(name.into()),
        None if std::env::var("CI").as_deref() == Ok("true") => {
            panic!("LibreOffice is missing: .ci/run installs it in CI")
        }
        None => {
            eprintln!("skipped: LibreOffice (soffice) is not installed here");
            None
        }
    }
}

/// The workbook as LibreOffice leaves it after opening it headless, recalculating every formula
/// (a profile of its own says "always recalculate" for Excel files), and saving it again.
fn recalculated_by_libreoffice(soffice: &Path, bytes: &[u8]) -> Vec<u8> {
    let dir = tempfile::tempdir().unwrap();
    let profile = dir.path().join("profile");
    std::fs::create_dir_all(profile.join("user")).unwrap();
    std::fs::write(
        profile.join("user/registrymodifications.xcu"),
        r#"<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
"#,
    )
    .unwrap();
    let input = dir.path().join("in.xlsx");
    std::fs::write(&input, bytes).unwrap();
    let out = dir.path().join("out");
    let status = std::process::Command::new(soffice)
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.display()
        ))
        .args([
            "--headless",
            "--norestore",
            "--convert-to",
            "xlsx",
            "--outdir",
        ])
        .arg(&out)
        .arg(&input)
        .output()
        .unwrap();
    assert!(status.status.success(), "{status:?}");
    std::fs::read(out.join("in.xlsx")).unwrap()
}

#[test]
fn libreoffice_recalculates_every_total_to_the_apps_figure() {
    let Some(soffice) = soffice() else { return };
    // Putuo's 表9 puts 三公 and 机关运行经费 in one row: its 合计 adds 出国, 接待 and the vehicles'
    // 小计, which adds 购置 and 运行; 机关运行经费 stands apart (the 合计 once subtracted it as a
    // constant, and counted the vehicles twice).
    let mut putuo = budget_studio::io::ron_file::parse_current(
        include_str!("../../sample_budgets/putuo-government-office-2025.ron"),
        Path::new("putuo.ron"),
    )
    .unwrap();
    putuo.sangong.this_year.vehicle_purchase =
        budget_studio::model::Money(rust_decimal::Decimal::new(1200, 2));
    putuo.sangong.this_year.vehicle_running =
        budget_studio::model::Money(rust_decimal::Decimal::new(350, 2));
    for budget in [
        sample_budget().unwrap(),
        generate(300, 9),
        putuo,
        sample("putuo-wanli-2024.ron"),
        sample("putuo-welfare-home-2024.ron"),
    ] {
        // Formulas written without their results: every total LibreOffice shows, it computed.
        let options = ExportOptions {
            without_results: true,
            ..ExportOptions::default()
        };
        let bytes = export(&budget, &options);
        let recalculated = recalculated_by_libreoffice(&soffice, &bytes);
        assert_workbook_exact(recalculated.clone(), &budget);
        // A package of LibreOffice's making (its own parts, relationships and merged ranges)
        // reads back to the same budget.
        let back = import(recalculated).unwrap();
        assert_same_tables(&back.budget, &budget);
    }
}

/// Every total in an exported workbook is a formula of cells only: a constant term
/// (`=SUM(B6:G6)-227.81`) would give a wrong total once a figure is edited in Excel. The one
/// exception is money a document prints on a 类 without itemising it (忻州's [215] carries
/// 16.60 万元 of its own): its formula adds that amount to its lines.
#[test]
fn no_formula_has_a_constant_term() {
    use calamine::Reader as _;
    for budget in [
        sample_budget().unwrap(),
        putuo(),
        sample("putuo-wanli-2024.ron"),
        sample("putuo-welfare-home-2024.ron"),
    ] {
        let bytes = export(&budget, &ExportOptions::default());
        let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).unwrap();
        let mut formulas = 0;
        for name in book.sheet_names() {
            let Ok(range) = book.worksheet_formula(&name) else {
                continue;
            };
            for (_, _, f) in range.cells() {
                if f.is_empty() {
                    continue;
                }
                formulas += 1;
                // A number standing alone after an operator or a parenthesis.
                let constant = f.split(|c: char| "+-*/(,=".contains(c)).any(|term| {
                    let t = term.trim().trim_end_matches(')');
                    !t.is_empty() && t.parse::<f64>().is_ok()
                });
                let unitemised = budget.profile.department_name == "忻州市工业和信息化局"
                    && f.ends_with("+16.6");
                assert!(!constant || unitemised, "{name}: ={f}");
            }
        }
        assert!(formulas > 10, "{}", budget.profile.department_name);
    }
}
