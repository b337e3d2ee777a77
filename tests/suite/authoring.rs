//! Building a budget from nothing in the app: a new budget's lines take amounts on every table
//! and in every income source.

#![allow(clippy::unwrap_used)] // test helpers may panic on bad fixtures

use std::str::FromStr;

use crate::common::{self, enter_into_cell, type_into_field};

use budget_studio::app::BudgetApp;
use budget_studio::model::{Column, IncomeSource, Money};
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

fn m(s: &str) -> Money {
    Money(rust_decimal::Decimal::from_str(s).unwrap())
}

/// 文件 → 新建, the form filled in, 创建.
pub fn new_budget(h: &mut Harness<'_, BudgetApp>, code: &str, name: &str, year: &str) {
    h.key_press_modifiers(Modifiers::COMMAND, Key::N);
    h.run_steps(2);
    type_into_field(h, "部门编码", code);
    type_into_field(h, "部门名称", name);
    type_into_field(h, "年度", year);
    h.get_by_label("创建").click();
    h.run_steps(2);
}

fn add_line(h: &mut Harness<'_, BudgetApp>, code: &str, name: &str) {
    if h.query_by_role_and_label(Role::TextInput, "编码").is_none() {
        h.get_by_label("新增科目").click();
        h.run_steps(2);
    }
    type_into_field(h, "编码", code);
    type_into_field(h, "名称", name);
    h.get_by_label("添加").click();
    h.run_steps(2);
}

fn open_table(h: &mut Harness<'_, BudgetApp>, title_part: &str) {
    h.get_by_label_contains(title_part).click();
    h.run_steps(2);
}

#[test]
fn a_new_budgets_lines_take_amounts_in_every_fund_table_and_every_source() {
    let mut h = common::harness(common::sample_app(vec![]));
    h.run_steps(2);
    new_budget(&mut h, "402", "测试局", "2022");
    assert!(h.state().document().budget().function_lines.is_empty());
    h.get_by_label("报表").click();
    h.run_steps(2);
    add_line(&mut h, "201", "一般公共服务支出");
    add_line(&mut h, "20113", "商贸事务");
    add_line(&mut h, "2011301", "行政运行");
    // The new line has cells before it has any money.
    enter_into_cell(&mut h, "[2011301] 基本支出", "12.5");

    // The 政府性基金 table has no money yet: on screen it still lists the line, with cells.
    open_table(&mut h, "政府性基金预算支出");
    enter_into_cell(&mut h, "[2011301] 项目支出", "3");

    // A source no table shows on its own: the line's sources, under the selected line.
    h.get_by_label("2011301").click();
    h.run_steps(2);
    assert_eq!(h.state().view.selected_code.as_deref(), Some("2011301"));
    enter_into_cell(&mut h, "[2011301] 单位资金 项目支出", "4.25");

    let doc = h.state().document();
    let b = doc.budget();
    let line = &b.function_lines[b.function_line_index("2011301").unwrap()];
    assert_eq!(
        line.split(IncomeSource::GeneralPublic).get(Column::Basic),
        m("12.5")
    );
    assert_eq!(
        line.split(IncomeSource::GovernmentFund)
            .get(Column::Project),
        m("3")
    );
    assert_eq!(
        line.split(IncomeSource::UnitFunds).get(Column::Project),
        m("4.25")
    );
    assert_eq!(doc.derived().summary.total, m("19.75"));
    // Each entry was one undo step.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run_steps(2);
    assert_eq!(h.state().document().derived().summary.total, m("15.5"));
}

/// Leaves the focused field, as clicking elsewhere does.
fn leave_field(h: &mut Harness<'_, BudgetApp>) {
    h.key_press(Key::Tab);
    h.run_steps(2);
}

#[test]
fn the_profile_is_written_in_the_app_one_undo_step_a_field() {
    let mut h = common::harness(common::sample_app(vec![]));
    h.run_steps(2);
    new_budget(&mut h, "402", "测试局", "2022");
    h.get_by_label("情况说明").click();
    h.run_steps(2);
    h.get_by_label("部门概况").click();
    h.run_steps(2);
    type_into_field(&mut h, "职能引言", "本部门的主要职能是：");
    leave_field(&mut h);
    h.get_by_label("添加职责").click();
    h.run_steps(2);
    type_into_field(&mut h, "职责 1", "拟订并组织实施工业发展规划。");
    leave_field(&mut h);
    h.get_by_label("添加预算单位").click();
    h.run_steps(2);
    type_into_field(&mut h, "单位编码 1", "402001");
    type_into_field(&mut h, "单位名称 1", "测试局本级");
    leave_field(&mut h);
    h.get_by_label("添加名词").click();
    h.run_steps(2);
    type_into_field(&mut h, "名词 1", "财政拨款收入");
    type_into_field(&mut h, "解释 1", "指本级财政当年拨付的资金。");
    leave_field(&mut h);
    // A year that is not a year is refused and changes nothing.
    type_into_field(&mut h, "年度", "20x3");
    leave_field(&mut h);
    assert!(h.query_by_label_contains("年度须为").is_some());
    type_into_field(&mut h, "年度", "2023");
    leave_field(&mut h);

    let p = h.state().document().budget().profile.clone();
    assert_eq!(p.responsibilities_lead, "本部门的主要职能是：");
    assert_eq!(p.responsibilities, ["拟订并组织实施工业发展规划。"]);
    assert_eq!(p.units.len(), 1);
    assert_eq!(p.units[0].code, "402001");
    assert_eq!(p.units[0].name, "测试局本级");
    assert_eq!(p.glossary[0].term, "财政拨款收入");
    assert_eq!(p.glossary[0].definition, "指本级财政当年拨付的资金。");
    assert_eq!(p.year, 2023);
    // The template changes in place, and back with undo.
    h.get_by_label("上海市区级部门预算（表1–表9）").click();
    h.run_steps(2);
    assert_eq!(
        h.state().document().budget().template,
        budget_studio::model::TemplateId::SHANGHAI_DISTRICT
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run_steps(2);
    assert_eq!(
        h.state().document().budget().template,
        budget_studio::model::TemplateId::SHANXI
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run_steps(2);
    assert_eq!(h.state().document().budget().profile.year, 2022);
}

#[test]
fn last_years_totals_are_typed_on_the_narrative_tab() {
    let mut h = common::harness(common::sample_app(vec![]));
    h.run_steps(2);
    new_budget(&mut h, "402", "测试局", "2022");
    h.get_by_label("情况说明").click();
    h.run_steps(2);
    h.get_by_label("上年数").click();
    h.run_steps(2);
    enter_into_cell(&mut h, "上年支出合计", "1234.56");
    let last = &h.state().document().budget().last_year;
    assert_eq!(last.expenditure_total, Some(m("1234.56")));
    assert_eq!(last.income_total, None);
}

#[test]
fn next_year_is_written_from_this_year_and_opened_with_this_year_as_its_base() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("next.ron");
    let mut h = common::harness(common::sample_app(vec![
        budget_studio::ui::dialogs::DialogOutcome::Chosen(target.clone()),
    ]));
    h.run_steps(2);
    h.get_by_label("文件").click();
    h.run_steps(2);
    h.get_by_label_contains("以此为基础新建下一年度").click();
    h.run_steps(3);
    assert!(target.exists());
    let app = h.state();
    let b = app.document().budget();
    assert_eq!(b.profile.year, 2023);
    assert_eq!(app.document().path(), Some(target.as_path()));
    assert!(app.document().derived().summary.total.is_zero());
    // This year's lines are the base line by line, without attaching a file.
    let base = app.view.base.as_ref().expect("the recorded base");
    assert!(base.recorded);
    let line = base
        .comparison
        .line(
            budget_studio::calc::compare::Classification::Function,
            "2080505",
        )
        .unwrap();
    assert!(line.change.this_year.is_zero());
    assert!(!line.change.last_year.is_zero());
}

#[test]
fn a_line_is_picked_from_the_catalogue_with_its_parents_in_one_step() {
    let mut h = common::harness(common::sample_app(vec![]));
    h.run_steps(2);
    new_budget(&mut h, "402", "测试局", "2022");
    h.get_by_label("报表").click();
    h.run_steps(2);
    h.get_by_label("新增科目").click();
    h.run_steps(2);
    type_into_field(&mut h, "检索科目", "2080505");
    h.get_by_label_contains("[2080505] 机关事业单位基本养老保险缴费支出")
        .click();
    h.run_steps(2);
    let codes: Vec<String> = h
        .state()
        .document()
        .budget()
        .function_lines
        .iter()
        .map(|l| l.code.clone())
        .collect();
    assert_eq!(codes, ["208", "20805", "2080505"]);
    let b = h.state().document().budget();
    assert_eq!(b.function_lines[0].name, "社会保障和就业支出");
    // By name, too; a name that differs from the catalogue's is a finding.
    type_into_field(&mut h, "检索科目", "行政运行");
    assert!(h.query_all_by_label_contains("] 行政运行").count() >= 1);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run_steps(2);
    assert!(h.state().document().budget().function_lines.is_empty());
    add_line(&mut h, "201", "一般公共服务");
    let findings = &h.state().document().findings();
    assert!(
        findings
            .iter()
            .any(|f| f.message(true).contains("科目目录为“一般公共服务支出”")),
        "{findings:?}"
    );
}

#[test]
fn a_catalogue_is_loaded_from_a_platforms_csv_and_a_bad_one_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("科目.csv");
    std::fs::write(
        &good,
        "科目编码,科目名称\n2240106,安全监管\n22401,应急管理事务\n",
    )
    .unwrap();
    let bad = dir.path().join("坏.csv");
    std::fs::write(&bad, "2240106,安全监管\n22401x,应急管理事务\n").unwrap();
    let mut h = common::harness(common::sample_app(vec![
        budget_studio::ui::dialogs::DialogOutcome::Chosen(good),
        budget_studio::ui::dialogs::DialogOutcome::Chosen(bad),
    ]));
    h.run_steps(2);
    let load = |h: &mut Harness<'_, BudgetApp>| {
        h.get_by_label("文件").click();
        h.run_steps(2);
        // The menu's entry (the status bar may name the catalogue already loaded).
        h.get_by(|n| {
            n.role() == Role::Button && n.label().is_some_and(|l| l.contains("载入科目目录"))
        })
        .click();
        h.run_steps(3);
    };
    load(&mut h);
    assert!(
        h.state().status().unwrap_or_default().contains("2 个科目"),
        "{:?}",
        h.state().status()
    );
    h.get_by_label("报表").click();
    h.run_steps(2);
    h.get_by_label("预算公开表3 预算支出总表").click();
    h.run_steps(2);
    h.get_by_label("新增科目").click();
    h.run_steps(2);
    type_into_field(&mut h, "检索科目", "安全监管");
    assert!(h.query_by_label_contains("[2240106] 安全监管").is_some());

    // The second file has a bad row: a message names it and the loaded catalogue stays.
    load(&mut h);
    assert!(h.query_by_label_contains("第 2 行").is_some());
    assert_eq!(h.state().view.catalogue.as_ref().map(|c| c.len()), Some(2));
}
