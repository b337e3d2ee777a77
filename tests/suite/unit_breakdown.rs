//! 部门支出分单位明细表 where a template prints it: a template file that adds the table to the
//! Shanghai 2024 set prints the department's expenditure unit by unit, in the PDF and the
//! workbook, its 合计 the department's total; the set without it prints no such table.

#![allow(clippy::unwrap_used)] // test helpers may panic on bad fixtures

use budget_studio::calc::derive;
use budget_studio::calc::tables::{RowKind, table};
use budget_studio::calc::units::published;
use budget_studio::model::TableId;

use crate::template_files::{pdf_text, run, sample, squeezed, workbook_cells};

/// The Shanghai 2024 set with the breakdown as its tenth table, written into `dir`.
fn with_breakdown(dir: &std::path::Path) -> std::path::PathBuf {
    let (code, shown, err) = run(&["template", "show", "ShanghaiDistrict2024"]);
    assert_eq!(code, Some(0), "{err}");
    let end = "        ),\n    ],\n    code_layout:";
    assert!(shown.contains(end), "{shown}");
    // Its own name: loading it in this process must not change the set other tests use.
    let shown = shown.replacen("id: ShanghaiDistrict2024,", "id: ShanghaiByUnit,", 1);
    let text = shown.replacen(
        end,
        "        ),\n        (\n            kind: UnitBreakdown,\n            title: (zh: \"{year}年部门支出分单位明细表\", en: \"Expenditure by unit {year}\"),\n        ),\n    ],\n    code_layout:",
        1,
    );
    let file = dir.join("by-unit.ron");
    std::fs::write(&file, text).unwrap();
    file
}

#[test]
fn a_template_that_prints_the_breakdown_by_unit_gets_it_in_the_pdf_and_the_workbook() {
    let dir = tempfile::tempdir().unwrap();
    let template = with_breakdown(dir.path());
    let file = sample("example-department-2024.ron");
    let by_unit = budget_studio::io::templates::load_file(&template).unwrap();
    let mut file_budget = budget_studio::io::load(std::path::Path::new(&file)).unwrap();
    file_budget.template = by_unit.id;
    let dept = published(&file_budget);
    let derived = derive(&dept);
    let t = table(&dept, &derived, TableId::UnitBreakdown, true);
    assert!(!t.empty);
    let rows = t.printed_rows();
    // Three units and the 合计, which is the department's total and their sum.
    assert_eq!(rows.len(), 4);
    let total_of = |kind: RowKind| -> Vec<budget_studio::model::Money> {
        rows.iter()
            .filter(|r| r.kind == kind)
            .filter_map(|r| r.cells[2].amount())
            .collect()
    };
    let units = total_of(RowKind::Item);
    assert_eq!(units.len(), 3);
    assert_eq!(total_of(RowKind::Total), [derived.summary.total]);
    assert_eq!(
        budget_studio::model::Money::saturating_sum(units.iter().copied()),
        derived.summary.total
    );

    let args = [&file[..], "--template-file", template.to_str().unwrap()];
    if let Some(text) = pdf_text(dir.path(), &args) {
        let text = squeezed(&text);
        assert!(text.contains("2024年部门支出分单位明细表"), "{text}");
        // Each row's code and amounts, in order (a long name wraps in its column).
        for r in &rows {
            let printed = |cells: &[budget_studio::calc::tables::Cell]| -> String {
                cells
                    .iter()
                    .map(|c| c.printed_text(r.kind, t.number_format))
                    .collect()
            };
            let code = printed(&r.cells[..1]);
            let amounts = printed(&r.cells[2..]);
            assert!(text.contains(&code), "{code}");
            assert!(text.contains(&squeezed(&amounts)), "{amounts}");
        }
        for name in ["示例区民政局（本部）", "示例区社会福利院"] {
            assert!(text.contains(name), "{name}");
        }
    }
    let xlsx = dir.path().join("dept.xlsx");
    let (code, _, err) = run(&[
        "export",
        "xlsx",
        &file,
        "--template-file",
        template.to_str().unwrap(),
        "--out",
        xlsx.to_str().unwrap(),
    ]);
    assert_eq!(code, Some(0), "{err}");
    assert!(!workbook_cells(&xlsx, "示例区社会救助事务管理中心").is_empty());
    assert!(!workbook_cells(&xlsx, "部门支出分单位明细表").is_empty());
    // The workbook reads back: the breakdown is recognised as derived and not read.
    let back = budget_studio::io::xlsx::import(&xlsx, &Default::default()).unwrap();
    assert!(
        back.sheets
            .iter()
            .any(|s| s.use_ == budget_studio::io::xlsx::SheetUse::ByUnit)
    );
    assert_eq!(derive(&back.budget).summary.total, derived.summary.total);
    // The set as shipped prints no breakdown.
    let plain = dir.path().join("plain.xlsx");
    let (code, _, err) = run(&["export", "xlsx", &file, "--out", plain.to_str().unwrap()]);
    assert_eq!(code, Some(0), "{err}");
    assert!(workbook_cells(&plain, "部门支出分单位明细表").is_empty());
}

#[test]
fn without_units_of_its_own_the_breakdown_is_printed_empty_with_its_note() {
    let budget = budget_studio::sample::sample_budget().unwrap();
    let derived = derive(&budget);
    let t = table(&budget, &derived, TableId::UnitBreakdown, true);
    assert!(t.empty);
    assert!(
        t.empty_note
            .as_deref()
            .is_some_and(|n| n.contains("无单独编制预算的下属单位")),
        "{:?}",
        t.empty_note
    );
}
