//! Workbooks as departments keep them, written here cell by cell with the workbook library —
//! not by the app's exporter: three code columns (类/款/项), a 元 unit row, printed subtotals as
//! plain values, one of them wrong by 1 元. And workbooks the import must refuse, each with the
//! file, the sheet and the cell, leaving nothing written.

#![allow(clippy::unwrap_used, clippy::expect_used)] // test fixtures may panic

use std::io::{Cursor, Write as _};
use std::path::Path;
use std::process::Command;

use budget_studio::calc::derive;
use budget_studio::checks;
use budget_studio::io::xlsx::{ImportError, ImportOptions, Imported, import_bytes};
use budget_studio::model::{Column, Figure, Money, MoneyUnit, TemplateId};
use rust_decimal::Decimal;
use rust_xlsxwriter::{Workbook, Worksheet};

/// One data row: 类, 款, 项, name, then 合计 / 基本支出 / 项目支出 (blank when `None`).
type Row = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    [Option<f64>; 3],
);

/// The 支出总表 of a small department, as its finance office types it.
const ROWS: [Row; 8] = [
    (
        "201",
        "",
        "",
        "一般公共服务支出",
        [Some(700.0), Some(400.0), Some(300.0)],
    ),
    (
        "201",
        "03",
        "",
        "政府办公厅（室）及相关机构事务",
        [Some(700.0), Some(400.0), Some(300.0)],
    ),
    (
        "201",
        "03",
        "01",
        "行政运行",
        [Some(400.0), Some(400.0), None],
    ),
    (
        "201",
        "03",
        "02",
        "一般行政管理事务",
        [Some(300.0), None, Some(300.0)],
    ),
    // Wrong by 1 元: its lines add up to 300 and 100.
    (
        "208",
        "",
        "",
        "社会保障和就业支出",
        [Some(301.0), Some(200.0), Some(101.0)],
    ),
    (
        "208",
        "05",
        "",
        "行政事业单位养老支出",
        [Some(300.0), Some(200.0), Some(100.0)],
    ),
    (
        "208",
        "05",
        "05",
        "机关事业单位基本养老保险缴费支出",
        [Some(200.0), Some(200.0), None],
    ),
    (
        "208",
        "05",
        "06",
        "机关事业单位职业年金缴费支出",
        [Some(100.0), None, Some(100.0)],
    ),
];

fn expenditure_sheet(rows: &[Row]) -> Worksheet {
    let mut ws = Worksheet::new();
    ws.set_name("支出总表").unwrap();
    ws.merge_range(0, 0, 0, 6, "2025年部门支出预算总表", &Default::default())
        .unwrap();
    ws.write_string(1, 0, "编制部门：上海市某区某局").unwrap();
    ws.write_string(1, 6, "单位：元").unwrap();
    ws.merge_range(2, 0, 2, 2, "功能分类科目编码", &Default::default())
        .unwrap();
    ws.merge_range(2, 3, 3, 3, "功能分类科目名称", &Default::default())
        .unwrap();
    for (c, label) in [(4, "合计"), (5, "基本支出"), (6, "项目支出")] {
        ws.merge_range(2, c, 3, c, label, &Default::default())
            .unwrap();
    }
    for (c, label) in ["类", "款", "项"].iter().enumerate() {
        ws.write_string(3, c as u16, *label).unwrap();
    }
    ws.write_string(4, 0, "合计").unwrap();
    for (c, v) in [(4, 1000.0), (5, 600.0), (6, 400.0)] {
        ws.write_number(4, c, v).unwrap();
    }
    for (i, (class, section, item, name, amounts)) in rows.iter().enumerate() {
        let r = 5 + i as u32;
        // Codes typed as text, as 款 and 项 keep their leading zero only that way.
        for (c, part) in [class, section, item].iter().enumerate() {
            if !part.is_empty() {
                ws.write_string(r, c as u16, **part).unwrap();
            }
        }
        ws.write_string(r, 3, *name).unwrap();
        for (k, amount) in amounts.iter().enumerate() {
            if let Some(v) = amount {
                ws.write_number(r, 4 + k as u16, *v).unwrap();
            }
        }
    }
    ws
}

fn workbook(sheet: Worksheet) -> Vec<u8> {
    let mut book = Workbook::new();
    book.push_worksheet(sheet);
    book.save_to_buffer().unwrap()
}

fn import(bytes: Vec<u8>) -> Result<Imported, ImportError> {
    import_bytes(bytes, Path::new("部门预算.xlsx"), &ImportOptions::default())
}

fn yuan(v: i64) -> Money {
    Money(Decimal::from(v))
}

#[test]
fn an_official_layout_gives_its_figures_and_keeps_the_wrong_subtotal_for_the_checks() {
    let imported = import(workbook(expenditure_sheet(&ROWS))).unwrap();
    let budget = &imported.budget;
    assert_eq!(budget.unit, MoneyUnit::Yuan);
    assert_eq!(budget.template, TemplateId::SHANGHAI_DISTRICT);
    let derived = derive(budget);
    let figure = |code: &str, column| {
        derived
            .figure(&Figure::Function {
                code: code.to_owned(),
                column,
            })
            .unwrap()
    };
    // The money sits on the 项; every parent is their sum.
    assert_eq!(figure("2010301", Column::Basic), yuan(400));
    assert_eq!(figure("2010302", Column::Project), yuan(300));
    assert_eq!(figure("2080505", Column::Basic), yuan(200));
    assert_eq!(figure("2080506", Column::Project), yuan(100));
    assert_eq!(figure("208", Column::Total), yuan(300));
    assert_eq!(derived.summary.total, yuan(1000));
    // The printed 301 and 101 are kept as printed, not corrected …
    let stated: Vec<_> = budget
        .stated
        .iter()
        .map(|s| (s.figure.clone(), s.value))
        .collect();
    assert!(stated.contains(&(
        Figure::Function {
            code: "208".into(),
            column: Column::Total
        },
        yuan(301)
    )));
    assert!(stated.contains(&(
        Figure::Function {
            code: "208".into(),
            column: Column::Project
        },
        yuan(101)
    )));
    assert_eq!(budget.stated.len(), 2, "{stated:?}");
    // … and the checks report them, with the difference.
    let findings = checks::run(budget, &derived);
    let on_208: Vec<_> = findings
        .iter()
        .filter(|f| f.rule.id() == "figure.stated")
        .map(|f| f.message(true))
        .collect();
    assert_eq!(on_208.len(), 2, "{on_208:?}");
    assert!(on_208.iter().all(|m| m.contains("208")), "{on_208:?}");
    // The preview says what was read, in which unit, and how many printed figures differ.
    let report = imported.report(true).join("\n");
    assert!(report.contains("读取 9 行，单位 元"), "{report}");
    assert!(report.contains("2 个与明细不符"), "{report}");
}

/// The import's error for a workbook of `sheet`.
fn refused(sheet: Worksheet) -> String {
    match import(workbook(sheet)) {
        Err(e) => e.describe(true),
        Ok(_) => panic!("imported a workbook that should be refused"),
    }
}

#[test]
fn text_in_an_amount_cell_is_refused_with_its_sheet_and_cell() {
    let mut rows = ROWS;
    rows[2].4 = [Some(400.0), Some(400.0), None];
    let mut ws = expenditure_sheet(&rows);
    ws.write_string(7, 5, "约400").unwrap();
    let message = refused(ws);
    assert!(message.contains("部门预算.xlsx"), "{message}");
    assert!(message.contains("“支出总表”!F8"), "{message}");
    assert!(message.contains("约400"), "{message}");
}

#[test]
fn a_code_twice_is_refused() {
    let mut rows = ROWS;
    rows[3] = (
        "201",
        "03",
        "01",
        "行政运行",
        [Some(300.0), None, Some(300.0)],
    );
    let message = refused(expenditure_sheet(&rows));
    assert!(message.contains("“支出总表”!A9"), "{message}");
    assert!(message.contains("2010301"), "{message}");
}

#[test]
fn more_decimals_than_the_unit_allows_are_refused() {
    let mut ws = expenditure_sheet(&ROWS);
    ws.write_number(7, 5, 400.005).unwrap();
    let message = refused(ws);
    assert!(message.contains("“支出总表”!F8"), "{message}");
}

#[test]
fn a_table_without_a_readable_header_is_refused() {
    let mut ws = Worksheet::new();
    ws.set_name("表3").unwrap();
    ws.write_string(0, 0, "2025年部门支出预算总表").unwrap();
    ws.write_string(1, 0, "单位：元").unwrap();
    ws.write_string(2, 0, "说明").unwrap();
    ws.write_string(3, 0, "见附件").unwrap();
    let message = refused(ws);
    assert!(message.contains("表3"), "{message}");
    assert!(message.contains("表头无法识别"), "{message}");
}

#[test]
fn a_workbook_with_no_table_is_refused() {
    let mut ws = Worksheet::new();
    ws.write_string(0, 0, "会议纪要").unwrap();
    let message = refused(ws);
    assert!(
        message.contains("没有一张工作表能识别为预算公开表"),
        "{message}"
    );
}

#[test]
fn not_a_workbook_a_damaged_one_and_an_encrypted_one_are_told_apart() {
    let not = import(b"just text, no workbook".to_vec()).unwrap_err();
    assert!(matches!(not, ImportError::NotAWorkbook { .. }), "{not:?}");
    assert!(not.describe(true).contains("不是可读取的 Excel 工作簿"));

    let mut damaged = workbook(expenditure_sheet(&ROWS));
    damaged.truncate(damaged.len() / 2);
    let damaged = import(damaged).unwrap_err();
    assert!(
        matches!(damaged, ImportError::NotAWorkbook { .. }),
        "{damaged:?}"
    );

    // Excel saves a password-protected workbook as a compound file holding the encrypted package.
    let mut file = cfb::CompoundFile::create(Cursor::new(Vec::new())).unwrap();
    file.create_stream("EncryptionInfo")
        .unwrap()
        .write_all(&[4, 0, 4, 0, 0x40, 0, 0, 0])
        .unwrap();
    file.create_stream("EncryptedPackage")
        .unwrap()
        .write_all(&[0; 64])
        .unwrap();
    let bytes = file.into_inner().into_inner();
    let encrypted = import(bytes).unwrap_err();
    assert!(
        matches!(encrypted, ImportError::Encrypted { .. }),
        "{encrypted:?}"
    );
    assert!(encrypted.describe(true).contains("已加密"));
}

#[test]
fn the_command_line_exits_2_and_writes_nothing_for_a_refused_workbook() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("坏表.xlsx");
    let mut ws = expenditure_sheet(&ROWS);
    ws.write_string(7, 5, "约400").unwrap();
    std::fs::write(&input, workbook(ws)).unwrap();
    let out = dir.path().join("out.ron");
    let run = Command::new(env!("CARGO_BIN_EXE_budget-studio"))
        .args(["import", "xlsx"])
        .arg(&input)
        .arg("--out")
        .arg(&out)
        .output()
        .unwrap();
    assert_eq!(run.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(stderr.contains("“支出总表”!F8"), "{stderr}");
    assert!(!out.exists());

    // The good workbook goes through, and says what it read.
    std::fs::write(&input, workbook(expenditure_sheet(&ROWS))).unwrap();
    let run = Command::new(env!("CARGO_BIN_EXE_budget-studio"))
        .args(["import", "xlsx"])
        .arg(&input)
        .arg("--out")
        .arg(&out)
        .output()
        .unwrap();
    assert_eq!(run.status.code(), Some(0), "{run:?}");
    let budget = budget_studio::io::load(&out).unwrap();
    assert_eq!(derive(&budget).summary.total, yuan(1000));
}

/// Codes and names in one cell, in every form officers write them, under a header such as
/// 功能分类科目: `201 一般公共服务支出`, `20103-…`, `[2010301]…`, `2010302　…` (an ideographic
/// space), `2010350、…`.
#[test]
fn codes_written_with_their_names_in_one_cell_are_read() {
    let mut ws = Worksheet::new();
    ws.set_name("支出总表").unwrap();
    ws.write_string(0, 0, "2025年部门支出预算总表").unwrap();
    ws.write_string(1, 0, "编制部门：上海市某区某局").unwrap();
    ws.write_string(1, 3, "单位：元").unwrap();
    for (c, label) in ["功能分类科目", "合计", "基本支出", "项目支出"]
        .iter()
        .enumerate()
    {
        ws.write_string(2, c as u16, *label).unwrap();
    }
    let rows: [(&str, [f64; 3]); 6] = [
        ("合计", [1000.0, 600.0, 400.0]),
        ("201 一般公共服务支出", [1000.0, 600.0, 400.0]),
        (
            "20103-政府办公厅（室）及相关机构事务",
            [1000.0, 600.0, 400.0],
        ),
        ("[2010301]行政运行", [500.0, 500.0, 0.0]),
        ("2010302\u{3000}一般行政管理事务", [400.0, 0.0, 400.0]),
        ("2010350、事业运行", [100.0, 100.0, 0.0]),
    ];
    for (i, (label, amounts)) in rows.iter().enumerate() {
        let r = 3 + i as u32;
        ws.write_string(r, 0, *label).unwrap();
        for (k, v) in amounts.iter().enumerate() {
            ws.write_number(r, 1 + k as u16, *v).unwrap();
        }
    }
    let imported = import(workbook(ws)).unwrap();
    let budget = &imported.budget;
    let line = |code: &str| {
        budget
            .function_lines
            .iter()
            .find(|l| l.code == code)
            .unwrap_or_else(|| panic!("{code} not read: {:?}", budget.function_lines))
    };
    assert_eq!(line("201").name, "一般公共服务支出");
    assert_eq!(line("20103").name, "政府办公厅（室）及相关机构事务");
    assert_eq!(line("2010301").name, "行政运行");
    assert_eq!(line("2010302").name, "一般行政管理事务");
    assert_eq!(line("2010350").name, "事业运行");
    let derived = derive(budget);
    assert_eq!(derived.summary.total, yuan(1000));
    assert!(budget.stated.is_empty(), "{:?}", budget.stated);
}

/// A 支出总表 with the columns an officer adds beside the amounts for the 编制说明 — last
/// year's execution, 用途, the reason — and one column the import does not know.
fn sheet_with_extra_columns(extra: &[&str]) -> Worksheet {
    let mut ws = Worksheet::new();
    ws.set_name("支出总表").unwrap();
    ws.write_string(0, 0, "2024年部门支出预算总表").unwrap();
    ws.write_string(1, 0, "编制部门：上海市某区某街道").unwrap();
    ws.write_string(1, 3, "单位：元").unwrap();
    let mut labels = vec!["功能分类科目", "合计", "基本支出", "项目支出"];
    labels.extend_from_slice(extra);
    for (c, label) in labels.iter().enumerate() {
        ws.write_string(2, c as u16, *label).unwrap();
    }
    let rows: [(&str, [f64; 3]); 3] = [
        ("201 一般公共服务支出", [257_700.0, 0.0, 257_700.0]),
        ("20105 统计信息事务", [257_700.0, 0.0, 257_700.0]),
        ("2010507 专项普查活动", [257_700.0, 0.0, 257_700.0]),
    ];
    for (i, (label, amounts)) in rows.iter().enumerate() {
        let r = 3 + i as u32;
        ws.write_string(r, 0, *label).unwrap();
        for (k, v) in amounts.iter().enumerate() {
            ws.write_number(r, 1 + k as u16, *v).unwrap();
        }
    }
    ws
}

#[test]
fn a_lines_execution_purpose_and_reason_are_read_from_their_columns() {
    let mut ws = sheet_with_extra_columns(&["2023年执行数", "用途", "变动原因", "经办人"]);
    ws.write_number(5, 4, 601_300.0).unwrap();
    ws.write_string(5, 5, "专项普查活动").unwrap();
    ws.write_string(5, 6, "项目调整").unwrap();
    ws.write_string(5, 7, "张三").unwrap();
    let imported = import(workbook(ws)).unwrap();
    let budget = &imported.budget;
    let line = &budget.function_lines[budget.function_line_index("2010507").unwrap()];
    assert_eq!(line.executed_last_year, Some(yuan(601_300)));
    assert_eq!(line.purpose, "专项普查活动");
    assert_eq!(line.reason, "项目调整");
    // The column it cannot place is said, with its cell: not read, not dropped silently.
    let report = imported.report(true).join("\n");
    assert!(
        report.contains("H3：列“经办人”无法识别，该列未读入"),
        "{report}"
    );
}

#[test]
fn two_columns_read_as_one_figure_are_refused_naming_both() {
    let message = refused(sheet_with_extra_columns(&["基本支出（调整后）"]));
    assert!(message.contains("E3"), "{message}");
    assert!(message.contains("C3"), "{message}");
    assert!(message.contains("读作同一栏"), "{message}");
}
