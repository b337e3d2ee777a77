//! A department and its units in one file: each unit holds its own budget, the department's
//! figures are their sum, every disclosure exports on its own, edits go into the unit seen and
//! undo restores both levels.

#![allow(clippy::unwrap_used)] // test helpers may panic on bad fixtures

use std::path::Path;

use budget_studio::calc::derive;
use budget_studio::calc::units::{consolidated, unit_budgets, unit_disclosure};
use budget_studio::checks::{self, Facts, Severity};
use budget_studio::document::{Document, Edit, EditError};
use budget_studio::model::{Budget, Column, IncomeSource, Money, UnitKind};
use rust_decimal::Decimal;

use crate::template_files::{run, sample};

fn department() -> Budget {
    budget_studio::io::load(Path::new(&sample("example-department-2024.ron"))).unwrap()
}

fn yuan(v: i64) -> Money {
    Money(Decimal::from(v))
}

#[test]
fn the_department_is_the_sum_of_its_units() {
    let file = department();
    let units: Vec<_> = unit_budgets(&file).collect();
    assert_eq!(units.len(), 3);
    let kinds: Vec<UnitKind> = units.iter().map(|(_, u, _)| u.kind).collect();
    assert!(kinds.contains(&UnitKind::CivilServiceManaged));
    assert!(kinds.contains(&UnitKind::Institution));
    // Its own lists stay empty: its figures are never typed.
    assert!(file.function_lines.is_empty());
    let dept = consolidated(&file).unwrap();
    let d = derive(&dept);
    let sum = |f: &dyn Fn(&budget_studio::calc::Derived) -> Money| {
        Money::saturating_sum(units.iter().map(|(_, _, b)| f(&derive(b))))
    };
    assert_eq!(d.summary.total, sum(&|x| x.summary.total));
    assert_eq!(d.summary.total, yuan(16_250_000));
    assert_eq!(d.summary.basic, sum(&|x| x.summary.basic));
    assert_eq!(d.summary.project, sum(&|x| x.summary.project));
    assert_eq!(d.summary.staff, sum(&|x| x.summary.staff));
    assert_eq!(d.summary.running, sum(&|x| x.summary.running));
    assert_eq!(d.economic.total, sum(&|x| x.economic.total));
    // Line by line: 行政运行 appears in two units and adds up.
    let row = d.function.figure("2080201", Column::Total);
    assert_eq!(row, Some(yuan(5_000_000)));
    // 机关运行经费 counts the 行政 and 参公 units only.
    assert_eq!(dept.operating_costs.entries.len(), 2);
    assert_eq!(d.summary.operating, Money(Decimal::new(145, 0)));
    // Each disclosure reconciles on its own, the department's too.
    for b in std::iter::once(dept.clone())
        .chain(units.iter().map(|(_, u, b)| unit_disclosure(&file, u, b)))
    {
        let findings = checks::run(&b, &derive(&b));
        assert!(
            findings.iter().all(|f| f.severity != Severity::Error),
            "{}: {findings:#?}",
            b.profile.department_name
        );
    }
}

#[test]
fn every_disclosure_exports_in_one_go_named_by_code_and_name() {
    let dir = tempfile::tempdir().unwrap();
    let file = sample("example-department-2024.ron");
    for kind in ["pdf", "xlsx"] {
        let out = dir.path().join(kind);
        let (code, printed, err) =
            run(&["export", kind, &file, "--all-units", out.to_str().unwrap()]);
        assert_eq!(code, Some(0), "{err}");
        let mut names: Vec<String> = std::fs::read_dir(&out)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        assert_eq!(
            names,
            [
                format!("101-示例区民政局.{kind}"),
                format!("101001-示例区民政局（本部）.{kind}"),
                format!("101002-示例区社会救助事务管理中心.{kind}"),
                format!("101003-示例区社会福利院.{kind}"),
            ],
            "{printed}"
        );
    }
    // A unit's disclosure is in the 单位预算 template, in its own name.
    let (code, text, err) = run(&["narrative", &file]);
    assert_eq!(code, Some(0), "{err}");
    assert!(text.contains("收入预算1625.00万元"), "{text}");
    let xlsx = dir.path().join("xlsx").join("101003-示例区社会福利院.xlsx");
    let back = budget_studio::io::xlsx::import(&xlsx, &Default::default()).unwrap();
    assert_eq!(back.budget.profile.department_name, "示例区社会福利院");
    assert_eq!(
        back.budget.template,
        budget_studio::model::TemplateId::parse("ShanghaiDistrictUnit").unwrap()
    );
    assert_eq!(derive(&back.budget).summary.total, yuan(7_900_000));
    // One unit alone, and one that is not there.
    let one = dir.path().join("one.pdf");
    let (code, _, err) = run(&[
        "export",
        "pdf",
        &file,
        "--unit",
        "101002",
        "--out",
        one.to_str().unwrap(),
    ]);
    assert_eq!(code, Some(0), "{err}");
    assert!(one.is_file());
    let (code, _, err) = run(&[
        "export",
        "pdf",
        &file,
        "--unit",
        "999999",
        "--out",
        one.to_str().unwrap(),
    ]);
    assert_eq!(code, Some(2));
    assert!(err.contains("101001-示例区民政局（本部）"), "{err}");
}

#[test]
fn an_amount_changed_in_a_unit_changes_both_levels_and_undo_restores_both() {
    let mut doc = Document::new(department(), None, "dept");
    assert_eq!(doc.derived().summary.total, yuan(16_250_000));
    // The department's figures are its units': they are edited in a unit.
    let line =
        doc.budget().function_lines[doc.budget().function_line_index("2080201").unwrap()].clone();
    let mut raised = line.clone();
    raised.set(IncomeSource::GeneralPublic, Column::Basic, yuan(5_100_000));
    let refused = doc.apply(
        "edit",
        vec![Edit::FunctionLine {
            code: "2080201".into(),
            line: Some(raised),
        }],
    );
    assert_eq!(refused, Err(EditError::DerivedFromUnits));
    assert!(!doc.is_modified(), "nothing changed");
    // In the 参公 unit: its 行政运行 1,800,000 → 1,900,000.
    doc.set_scope(Some(1));
    assert_eq!(doc.derived().summary.total, yuan(3_650_000));
    let i = doc.budget().function_line_index("2080201").unwrap();
    let mut line = doc.budget().function_lines[i].clone();
    line.set(IncomeSource::GeneralPublic, Column::Basic, yuan(1_900_000));
    doc.preview(
        "typing",
        Edit::FunctionLine {
            code: "2080201".into(),
            line: Some(line),
        },
    )
    .unwrap();
    assert_eq!(doc.derived().summary.total, yuan(3_750_000), "at once");
    doc.commit_pending();
    doc.set_scope(None);
    assert_eq!(doc.derived().summary.total, yuan(16_350_000));
    assert_eq!(
        doc.derived().function.figure("2080201", Column::Total),
        Some(yuan(5_100_000))
    );
    doc.undo();
    assert_eq!(doc.derived().summary.total, yuan(16_250_000));
    doc.set_scope(Some(1));
    assert_eq!(doc.derived().summary.total, yuan(3_650_000));
    // The file keeps the units; the department's lists stay empty.
    assert!(doc.file().function_lines.is_empty());
    assert_eq!(
        doc.budget().profile.department_name,
        "示例区社会救助事务管理中心"
    );
}

#[test]
fn a_unit_code_used_twice_and_a_unit_without_a_budget_are_findings() {
    let mut file = department();
    file.profile.units[2].code = "101002".into();
    let mut extra = file.profile.units[0].clone();
    extra.name = "示例区新设中心".into();
    extra.code = "101004".into();
    extra.budget = None;
    file.profile.units.push(extra);
    let findings = checks::across_units(&file);
    assert!(findings.iter().any(|f| f.severity == Severity::Error
        && matches!(&f.facts, Facts::UnitCodeTwice { code, .. } if code == "101002")));
    assert!(findings.iter().any(|f| matches!(
        &f.facts,
        Facts::UnitWithoutBudget { unit_name } if unit_name == "示例区新设中心"
    )));
    // The document of the department shows them.
    let doc = Document::new(file, None, "dept");
    assert!(
        doc.findings()
            .iter()
            .any(|f| matches!(f.facts, Facts::UnitCodeTwice { .. }))
    );
}

#[test]
fn next_year_carries_the_units_and_their_structure() {
    let file = department();
    let next = budget_studio::calc::roll::next_year(&file, &derive(&file));
    assert_eq!(next.profile.year, 2025);
    let units: Vec<_> = unit_budgets(&next).collect();
    assert_eq!(units.len(), 3);
    for (_, _, b) in &units {
        assert_eq!(b.profile.year, 2025);
        assert!(!b.function_lines.is_empty());
        assert!(derive(b).summary.total.is_zero());
    }
    // Last year's totals of the department are this year's sum.
    assert_eq!(next.last_year.income_total, Some(yuan(16_250_000)));
}

/// In the app: the department's line shows which units it comes from; 转到该单位 leads to the
/// unit with the line selected, where an amount typed changes the unit and the department, and
/// undo restores both.
#[test]
fn the_app_leads_from_a_departments_line_to_its_unit_and_back() {
    use egui_kittest::kittest::Queryable as _;
    let path = std::path::PathBuf::from(sample("example-department-2024.ron"));
    let mut h = crate::common::harness(crate::common::app_on(&path));
    h.run_steps(2);
    h.get_by_label("报表").click();
    h.run_steps(2);
    assert!(
        h.query_by_label_contains("部门的数字由各单位汇总")
            .is_some(),
        "the department's figures are not edited here"
    );
    h.state_mut().view.selected_code = Some("2080201".into());
    h.run_steps(2);
    assert!(h.query_by_label_contains("本科目来自各单位").is_some());
    h.get_all_by_label("转到该单位").nth(1).unwrap().click();
    h.run_steps(2);
    assert_eq!(h.state().document().scope(), Some(1));
    assert_eq!(h.state().view.selected_code.as_deref(), Some("2080201"));
    crate::common::enter_into_cell(&mut h, "[2080201] 一般公共预算 基本支出", "1900000");
    assert_eq!(
        h.state().document().derived().summary.total,
        yuan(3_750_000)
    );
    // Back to the department: its total moved with the unit's.
    h.state_mut().see_unit(None);
    h.run_steps(2);
    assert_eq!(
        h.state().document().derived().summary.total,
        yuan(16_350_000)
    );
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run_steps(2);
    assert_eq!(
        h.state().document().derived().summary.total,
        yuan(16_250_000)
    );
}

/// 建立单位预算… on a department whose figures are its own: the first unit's budget takes them
/// all, nothing lost, as one undo step.
#[test]
fn the_first_units_budget_takes_the_departments_figures() {
    let putuo = std::path::PathBuf::from(sample("putuo-wanli-2024.ron"));
    let mut h = crate::common::harness(crate::common::app_on(&putuo));
    h.run_steps(2);
    let before = h.state().document().derived().summary.clone();
    h.state_mut().start_unit_budget(0);
    h.run_steps(2);
    let doc = h.state().document();
    assert_eq!(doc.scope(), Some(0));
    assert!(doc.file().function_lines.is_empty());
    assert_eq!(doc.derived().summary.total, before.total);
    h.state_mut().see_unit(None);
    h.run_steps(2);
    assert_eq!(h.state().document().derived().summary, before);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run_steps(2);
    let doc = h.state().document();
    assert!(!doc.file().function_lines.is_empty());
    assert!(!budget_studio::calc::units::has_unit_budgets(doc.file()));
}

/// The units' exported workbooks, read back as a folder, make a new department with the same
/// figures: each unit's lines, economic table, 三公 and 机关运行经费 exactly; a workbook of the
/// same unit twice is skipped and said.
#[test]
fn a_folder_of_unit_workbooks_makes_the_department_again() {
    let dir = tempfile::tempdir().unwrap();
    let file = sample("example-department-2024.ron");
    let all = dir.path().join("all");
    let (code, _, err) = run(&[
        "export",
        "xlsx",
        &file,
        "--all-units",
        all.to_str().unwrap(),
    ]);
    assert_eq!(code, Some(0), "{err}");
    let folder = dir.path().join("示例区民政局");
    std::fs::create_dir(&folder).unwrap();
    for entry in std::fs::read_dir(&all).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        // Units only: the department's own workbook stays out.
        if name.starts_with("1010") {
            std::fs::copy(&path, folder.join(&name)).unwrap();
        }
    }
    // The same unit twice.
    std::fs::copy(
        all.join("101002-示例区社会救助事务管理中心.xlsx"),
        folder.join("救助中心（副本）.xlsx"),
    )
    .unwrap();
    let ron = dir.path().join("dept.ron");
    let (code, report, err) = run(&[
        "import",
        "xlsx",
        folder.to_str().unwrap(),
        "--out",
        ron.to_str().unwrap(),
    ]);
    assert_eq!(code, Some(0), "{err}");
    assert!(report.contains("跳过 救助中心（副本）.xlsx"), "{report}");
    assert!(report.contains("3 个单位"), "{report}");
    let back = budget_studio::io::load(&ron).unwrap();
    let original = department();
    let ours: Vec<_> = unit_budgets(&original).collect();
    let theirs: Vec<_> = unit_budgets(&back).collect();
    assert_eq!(ours.len(), theirs.len());
    for ((_, a, x), (_, b, y)) in ours.iter().zip(&theirs) {
        assert_eq!((&a.code, &a.name, a.kind), (&b.code, &b.name, b.kind));
        assert_eq!(x.function_lines, y.function_lines, "{}", a.name);
        assert_eq!(x.economic, y.economic, "{}", a.name);
        assert_eq!(x.sangong, y.sangong, "{}", a.name);
        assert_eq!(x.operating_costs, y.operating_costs, "{}", a.name);
    }
    let (d1, d2) = (
        consolidated(&original).unwrap(),
        consolidated(&back).unwrap(),
    );
    assert_eq!(derive(&d1).summary.total, derive(&d2).summary.total);
    assert_eq!(d1.function_lines, d2.function_lines);
    assert_eq!(back.template, original.template);
}

/// 文件 → 导出全部单位…: every disclosure, PDF and workbook, written beside the file chosen, with
/// a progress window while it runs and what was written at the end.
#[test]
fn the_app_exports_every_unit_in_the_background() {
    use budget_studio::app::{BudgetApp, Startup};
    use budget_studio::ui::dialogs::{DialogOutcome, ScriptedDialogs};
    use egui_kittest::kittest::Queryable as _;
    let dir = tempfile::tempdir().unwrap();
    let path = std::path::PathBuf::from(sample("example-department-2024.ron"));
    let app = BudgetApp::new(
        Startup::load(Some(&path)),
        Box::new(ScriptedDialogs {
            outcomes: vec![DialogOutcome::Chosen(dir.path().join("部门.pdf"))].into(),
        }),
    );
    let mut h = crate::common::harness(app);
    h.run_steps(2);
    h.get_by_label("文件").click();
    h.run_steps(2);
    h.get_by_label_contains("导出全部单位").click();
    let mut waited = 0;
    while h.query_by_label_contains("已写入").is_none() && waited < 600 {
        std::thread::sleep(std::time::Duration::from_millis(100));
        h.run_steps(1);
        waited += 1;
    }
    assert!(h.query_by_label_contains("已写入 8 / 8 个文件").is_some());
    let mut names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names.len(), 8, "{names:?}");
    assert!(names.contains(&"101002-示例区社会救助事务管理中心.pdf".to_owned()));
    assert!(names.contains(&"101-示例区民政局.xlsx".to_owned()));
}

/// The department's profile is edited on the department's view: a rename keeps every unit's
/// budget; removing a unit that holds money asks first, and undo brings it back.
#[test]
fn a_unit_holding_money_is_removed_only_when_confirmed() {
    use egui_kittest::kittest::Queryable as _;
    let path = std::path::PathBuf::from(sample("example-department-2024.ron"));
    let mut h = crate::common::harness_sized(
        crate::common::app_on(&path),
        egui::Vec2::new(1400.0, 2400.0),
    );
    h.run_steps(2);
    h.get_by_label("情况说明").click();
    h.run_steps(2);
    h.get_by_label("部门概况").click();
    h.run_steps(2);
    // The second unit's ×: after the department's three duties.
    h.get_all_by_label("×").nth(4).unwrap().click();
    h.run_steps(2);
    assert!(h.query_by_label_contains("有本单位的预算和金额").is_some());
    assert_eq!(
        h.state().document().file().profile.units.len(),
        3,
        "not yet"
    );
    h.get_by_label("仍然删除").click();
    h.run_steps(2);
    let doc = h.state().document();
    assert_eq!(doc.file().profile.units.len(), 2);
    assert_eq!(doc.derived().summary.total, yuan(12_600_000));
    assert!(budget_studio::calc::units::has_unit_budgets(doc.file()));
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run_steps(2);
    assert_eq!(h.state().document().file().profile.units.len(), 3);
    assert_eq!(
        h.state().document().derived().summary.total,
        yuan(16_250_000)
    );
}

/// 部门支出分单位明细: each unit's basic and project by source, the last row their sum, which is
/// the department's.
#[test]
fn the_breakdown_by_unit_adds_up_to_the_department() {
    let file = department();
    let rows = budget_studio::calc::units::breakdown(&file);
    assert_eq!(rows.len(), 4);
    assert_eq!(rows[2].name, "示例区社会福利院");
    assert_eq!(rows[2].total, yuan(7_900_000));
    let service = rows[2]
        .by_source
        .iter()
        .find(|(s, _)| *s == IncomeSource::ServiceIncome)
        .map(|(_, split)| split.project);
    assert_eq!(service, Some(yuan(2_000_000)));
    let total = rows.last().unwrap();
    assert_eq!(
        total.total,
        derive(&consolidated(&file).unwrap()).summary.total
    );
    assert_eq!(
        total.total,
        Money::saturating_sum(rows[..3].iter().map(|r| r.total))
    );
}

/// The 社会福利院's disclosure with its 住房公积金 (and the economic line under it) 10,000 元 more.
fn welfare_home_raised(file: &Budget) -> Budget {
    let unit = &file.profile.units[2];
    let mut changed = unit_disclosure(file, unit, unit.budget.as_deref().unwrap());
    let i = changed.function_line_index("2210201").unwrap();
    changed.function_lines[i].set(IncomeSource::GeneralPublic, Column::Basic, yuan(310_000));
    changed
        .economic
        .lines
        .iter_mut()
        .find(|l| l.code == "30113")
        .unwrap()
        .amount = yuan(310_000);
    changed
}

/// `budget`'s own workbook at `path`.
fn write_workbook(budget: &Budget, path: &Path) {
    budget_studio::io::xlsx::export(
        budget,
        &derive(budget),
        &[],
        path,
        &budget_studio::io::xlsx::ExportOptions::default(),
    )
    .unwrap();
}

/// A unit's workbook merged while that unit is seen goes into the unit's budget, and the
/// department follows; merged while the department (its units' sum) is seen, it is refused.
#[test]
fn a_units_workbook_merges_into_that_unit() {
    let dir = tempfile::tempdir().unwrap();
    let file = department();
    let changed = welfare_home_raised(&file);
    let xlsx = dir.path().join("福利院.xlsx");
    write_workbook(&changed, &xlsx);
    let imported = budget_studio::io::xlsx::import(&xlsx, &Default::default()).unwrap();
    let mut doc = Document::new(file, None, "dept");
    assert_eq!(
        doc.apply("merge", imported.merge_edits(doc.budget())),
        Err(EditError::DerivedFromUnits)
    );
    doc.set_scope(Some(2));
    doc.apply("merge", imported.merge_edits(doc.budget()))
        .unwrap();
    assert_eq!(doc.derived().summary.total, yuan(7_910_000));
    doc.set_scope(None);
    assert_eq!(doc.derived().summary.total, yuan(16_260_000));
    assert!(doc.findings().iter().all(|f| f.severity != Severity::Error));
}

/// Unit workbooks read into an existing department go to the units with their code (else name);
/// one no unit matches is said and skipped, and the department file itself is not changed.
#[test]
fn unit_workbooks_go_into_the_departments_units_matched_by_code() {
    let dir = tempfile::tempdir().unwrap();
    let file = department();
    // The 福利院's budget, a little changed, and a unit the department does not have.
    let changed = welfare_home_raised(&file);
    let mut stranger = changed.clone();
    stranger.profile.department_code = "999999".into();
    stranger.profile.department_name = "别的局的单位".into();
    let folder = dir.path().join("units");
    std::fs::create_dir(&folder).unwrap();
    for (name, b) in [("a.xlsx", &changed), ("b.xlsx", &stranger)] {
        write_workbook(b, &folder.join(name));
    }
    let into = sample("example-department-2024.ron");
    let before = std::fs::read(&into).unwrap();
    let out = dir.path().join("dept.ron");
    let (code, report, err) = run(&[
        "import",
        "xlsx",
        folder.to_str().unwrap(),
        "--into",
        &into,
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, Some(0), "{err}");
    assert!(
        report.contains("跳过“别的局的单位”：部门中没有代码或名称相同的预算单位"),
        "{report}"
    );
    assert_eq!(
        std::fs::read(&into).unwrap(),
        before,
        "the department file is not changed"
    );
    let back = budget_studio::io::load(&out).unwrap();
    assert_eq!(back.profile.units.len(), 3);
    let d = derive(&consolidated(&back).unwrap());
    assert_eq!(d.summary.total, yuan(16_260_000));
    // The other units are as they were.
    assert_eq!(back.profile.units[0], file.profile.units[0]);
}

#[test]
fn a_generated_department_reports_its_units_lines() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("dept.ron");
    let (code, stdout, stderr) = run(&[
        "generate",
        "--units",
        "3",
        "--lines",
        "300",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, Some(0), "{stderr}");
    let dept = budget_studio::io::load(&out).unwrap();
    let units: Vec<&Budget> = unit_budgets(&dept).map(|(_, _, b)| b).collect();
    assert_eq!(units.len(), 3);
    let lines: usize = units.iter().map(|b| b.function_lines.len()).sum();
    assert!(lines >= 300, "{lines}");
    // The lines are the units': the department's own list is empty.
    assert!(dept.function_lines.is_empty());
    assert!(
        stdout.contains(&format!("3 units, {lines} lines")),
        "{stdout}"
    );
}
