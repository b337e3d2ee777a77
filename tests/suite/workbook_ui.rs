//! Excel from the File menu, as an officer uses it: export the open budget, change a figure in
//! a workbook, import it — the preview says what was read before anything changes, a merge is
//! one undo step, a bad workbook changes nothing.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::common;

use budget_studio::calc::derive;
use budget_studio::checks;
use budget_studio::io::xlsx::{ExportOptions, workbook_bytes};
use budget_studio::model::{Column, Money};
use budget_studio::sample::sample_budget;
use budget_studio::ui::dialogs::DialogOutcome;
use common::{harness, sample_app};
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable as _;
use rust_decimal::Decimal;

/// A workbook of the sample whose [2080505] basic expenditure is 1.00 万元 more.
fn edited_workbook(path: &std::path::Path) -> Money {
    let mut budget = sample_budget().unwrap();
    let i = budget.function_line_index("2080505").unwrap();
    let line = &mut budget.function_lines[i];
    let source = *line.amounts.keys().next().unwrap();
    let basic = line
        .split(source)
        .basic
        .checked_add(Money(Decimal::ONE))
        .unwrap();
    line.set(source, Column::Basic, basic);
    let derived = derive(&budget);
    let findings = checks::run(&budget, &derived);
    let bytes = workbook_bytes(&budget, &derived, &findings, &ExportOptions::default()).unwrap();
    std::fs::write(path, bytes).unwrap();
    derived.summary.total
}

#[test]
fn an_imported_workbook_is_previewed_merged_in_one_step_and_undone() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("批复数.xlsx");
    let new_total = edited_workbook(&path);
    let mut h = harness(sample_app(vec![DialogOutcome::Chosen(path.clone())]));
    h.run_steps(2);
    let old_total = h.state().document().derived().summary.total;
    assert_ne!(old_total, new_total);

    h.key_press_modifiers(Modifiers::COMMAND, Key::I);
    h.run_steps(2);
    // The preview: what each sheet was read as; nothing has changed yet.
    assert!(h.query_by_label("导入 Excel：预览").is_some());
    assert!(
        h.query_by_label_contains("表3 → 预算公开表3预算支出总表")
            .is_some()
    );
    assert_eq!(h.state().document().derived().summary.total, old_total);
    assert!(!h.state().document().is_modified());

    h.get_by_label("合并到当前预算").click();
    h.run_steps(2);
    assert_eq!(h.state().document().derived().summary.total, new_total);
    assert!(h.state().document().is_modified());
    // The texts the workbook does not show are the open budget's still.
    assert_eq!(
        h.state().document().budget().profile.responsibilities,
        sample_budget().unwrap().profile.responsibilities
    );

    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run_steps(2);
    assert_eq!(h.state().document().derived().summary.total, old_total);
    assert!(!h.state().document().is_modified());
}

#[test]
fn a_workbook_opens_as_a_new_unsaved_budget() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("批复数.xlsx");
    let new_total = edited_workbook(&path);
    let mut h = harness(sample_app(vec![DialogOutcome::Chosen(path.clone())]));
    h.run_steps(2);
    h.key_press_modifiers(Modifiers::COMMAND, Key::I);
    h.run_steps(2);
    h.get_by_label("作为新预算打开").click();
    h.run_steps(2);
    assert_eq!(h.state().document().derived().summary.total, new_total);
    assert_eq!(h.state().document().name(), "批复数.ron");
    assert!(h.state().document().path().is_none());
}

#[test]
fn a_bad_workbook_is_explained_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("坏.xlsx");
    std::fs::write(&path, b"this is not a workbook").unwrap();
    let mut h = harness(sample_app(vec![DialogOutcome::Chosen(path.clone())]));
    h.run_steps(2);
    let before = h.state().document().budget().clone();
    h.key_press_modifiers(Modifiers::COMMAND, Key::I);
    h.run_steps(2);
    assert!(h.query_by_label("无法导入工作簿").is_some());
    assert!(
        h.query_by_label_contains("不是可读取的 Excel 工作簿")
            .is_some()
    );
    assert_eq!(h.state().document().budget(), &before);
    assert!(!h.state().document().is_modified());
}

#[test]
fn export_writes_the_workbook_where_the_officer_chose() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("公开表.xlsx");
    let mut h = harness(sample_app(vec![DialogOutcome::Chosen(path.clone())]));
    h.run_steps(2);
    h.key_press_modifiers(Modifiers::COMMAND, Key::E);
    h.run_steps(2);
    // The sample keeps the printed document's error: the export asks first.
    h.get_by_label("仍然导出").click();
    h.run_steps(2);
    let bytes = std::fs::read(&path).unwrap();
    let back = budget_studio::io::xlsx::import_bytes(bytes, &path, &Default::default()).unwrap();
    assert_eq!(&back.budget, h.state().document().budget());
    assert!(h.state().status().unwrap().contains("已导出"));
}

/// 文件 → Excel 只含公开表: the workbook to publish has the tables and nothing of the officer's.
#[test]
fn a_workbook_for_publishing_holds_the_tables_only() {
    use calamine::Reader as _;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("公开.xlsx");
    let mut h = harness(sample_app(vec![DialogOutcome::Chosen(path.clone())]));
    h.run_steps(2);
    h.get_by_label("文件").click();
    h.run_steps(2);
    h.get_by(|n| n.label().is_some_and(|l| l.contains("Excel 只含公开表")))
        .click();
    h.run_steps(2);
    assert!(h.state().view.workbook_tables_only);
    h.key_press_modifiers(Modifiers::COMMAND, Key::E);
    h.run_steps(2);
    h.get_by_label("仍然导出").click();
    h.run_steps(2);
    let book: calamine::Xlsx<_> = calamine::open_workbook(&path).unwrap();
    let names = book.sheet_names();
    assert!(names.iter().any(|n| n == "表1"), "{names:?}");
    assert!(
        !names.iter().any(|n| n == "审核结果" || n == "预算数据"),
        "{names:?}"
    );
}

#[test]
fn exporting_a_budget_with_errors_asks_first_and_can_show_the_checks() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("导出.xlsx");
    let mut h = harness(sample_app(vec![DialogOutcome::Chosen(out.clone())]));
    h.run_steps(2);
    let (errors, _) = checks::counts(h.state().document().findings());
    assert!(errors > 0, "the sample keeps the printed document's error");
    let export = |h: &mut egui_kittest::Harness<'_, budget_studio::app::BudgetApp>| {
        h.key_press_modifiers(Modifiers::COMMAND, Key::E);
        h.run_steps(3);
    };
    // Asked first, with the count; 查看审核结果 goes to the findings and writes nothing.
    h.get_by_label("报表").click();
    h.run_steps(2);
    export(&mut h);
    assert!(
        h.query_by_label_contains(&format!("预算还有 {errors} 个错误"))
            .is_some()
    );
    h.get_by_label("查看审核结果").click();
    h.run_steps(2);
    assert_eq!(h.state().view.tab, budget_studio::ui::Tab::Overview);
    assert!(!out.exists());
    // 仍然导出 goes on to the file dialog and writes the workbook.
    export(&mut h);
    h.get_by_label("仍然导出").click();
    h.run_steps(3);
    assert!(out.exists());
}
