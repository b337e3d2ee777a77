//! The editors for what a template adds: New with a template, budget units, descriptions, the
//! statement, procurement reservations, planned purchases and empty-table notes.

#![allow(clippy::unwrap_used)] // test helpers may panic on bad fixtures

use crate::common;

use std::path::Path;

use budget_studio::app::{BudgetApp, Startup};
use budget_studio::checks::{Location, Rule};
use budget_studio::model::{TableId, TemplateId, UnitKind};
use budget_studio::ui::dialogs::ScriptedDialogs;
use common::{enter_into_cell, harness_sized, sample_app};
use egui::accesskit::Role;
use egui::{Key, Modifiers, Vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

fn harness() -> Harness<'static, BudgetApp> {
    let mut h = harness_sized(sample_app(vec![]), Vec2::new(1600.0, 2600.0));
    h.run_steps(2);
    h
}

fn type_into_field(h: &mut Harness<'_, BudgetApp>, label: &str, text: &str) {
    h.get_by_role_and_label(Role::TextInput, label).focus();
    h.run_steps(1);
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_role_and_label(Role::TextInput, label)
        .type_text(text);
    h.run_steps(1);
}

/// A fresh budget in the Shanghai district template, made through the New dialog.
fn new_shanghai_budget(h: &mut Harness<'_, BudgetApp>) {
    h.key_press_modifiers(Modifiers::COMMAND, Key::N);
    h.run_steps(2);
    h.get_by_label("上海市区级部门预算（表1–表9）").click();
    h.run_steps(1);
    type_into_field(h, "部门名称", "上海市普陀区人民政府办公室");
    h.get_by_label("创建").click();
    h.run_steps(3);
}

#[test]
fn new_asks_for_a_template_and_uses_it() {
    let mut h = harness();
    new_shanghai_budget(&mut h);
    let budget = h.state().document().budget();
    assert_eq!(budget.template, TemplateId::SHANGHAI_DISTRICT);
    assert_eq!(budget.profile.department_name, "上海市普陀区人民政府办公室");
    assert_eq!(budget.unit, TemplateId::SHANGHAI_DISTRICT.get().unit);
}

fn undo(h: &mut Harness<'_, BudgetApp>) {
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run_steps(2);
}

fn open_tab(h: &mut Harness<'_, BudgetApp>, tab: &str) {
    h.get_by_label(tab).click();
    h.run_steps(3);
}

#[test]
fn a_unit_becomes_civil_service_managed_and_merged_then_undone() {
    let mut h = harness();
    open_tab(&mut h, "资产");
    // The second unit's kind.
    h.get_all_by_label("参公").nth(1).unwrap().click();
    h.run_steps(3);
    let unit = |h: &Harness<'_, BudgetApp>| h.state().document().budget().profile.units[1].clone();
    assert_eq!(unit(&h).kind, UnitKind::CivilServiceManaged);
    // The second unit's tick.
    h.get_all_by_label("不单列").nth(1).unwrap().click();
    h.run_steps(3);
    assert!(unit(&h).merged);
    undo(&mut h);
    assert!(!unit(&h).merged);
    assert_eq!(unit(&h).kind, UnitKind::CivilServiceManaged);
    undo(&mut h);
    assert_eq!(unit(&h).kind, UnitKind::Institution);
}

#[test]
fn procurement_reservations_are_typed_and_undone() {
    let mut h = harness();
    open_tab(&mut h, "资产");
    enter_into_cell(&mut h, "政府采购 面向中小企业预留", "20");
    let reserved =
        |h: &Harness<'_, BudgetApp>| h.state().document().budget().procurement.sme_reserved;
    assert_eq!(
        reserved(&h).map(|m| m.to_string()),
        Some("20.00".to_owned())
    );
    undo(&mut h);
    assert_eq!(reserved(&h), None);
}

#[test]
fn planned_vehicles_start_with_an_official_kind_and_undo() {
    let mut h = harness();
    open_tab(&mut h, "资产");
    h.get_by_label("添加拟购车辆").click();
    h.run_steps(3);
    let assets = |h: &Harness<'_, BudgetApp>| h.state().document().budget().assets.clone();
    assert_eq!(assets(&h).planned_vehicles.len(), 1);
    assert_eq!(assets(&h).planned_vehicles[0].kind, "其他用车");
    undo(&mut h);
    assert!(assets(&h).planned_vehicles.is_empty());
}

/// The app on the Shanghai sample (上海市普陀区人民政府办公室 2025).
fn putuo_harness() -> Harness<'static, BudgetApp> {
    let file = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("sample_budgets")
        .join("putuo-government-office-2025.ron");
    let dialogs = ScriptedDialogs {
        outcomes: Vec::new().into(),
    };
    let app = BudgetApp::new(Startup::load(Some(&file)), Box::new(dialogs));
    assert_eq!(
        app.document().budget().template,
        TemplateId::SHANGHAI_DISTRICT
    );
    let mut h = harness_sized(app, Vec2::new(1600.0, 1400.0));
    h.run_steps(2);
    h
}

/// What a read-only amount cell shows.
fn shown(h: &Harness<'_, BudgetApp>, label: &str) -> String {
    h.get_by_role_and_label(Role::Cell, label)
        .value()
        .unwrap_or_default()
}

fn findings_at(h: &Harness<'_, BudgetApp>, location: &Location) -> Vec<Rule> {
    h.state()
        .document()
        .findings()
        .iter()
        .filter(|f| f.location == *location)
        .map(|f| f.rule)
        .collect()
}

#[test]
fn shanghai_shows_descriptions_and_the_statement_and_no_forms() {
    let mut h = putuo_harness();
    open_tab(&mut h, "绩效目标");
    assert!(h.query_by_label("绩效目标设置情况").is_some());
    assert!(h.query_by_label("项目经费情况说明 (1)").is_some());
    assert!(h.query_by_label("新增说明").is_some());
    // No empty list of forms beside them.
    assert!(h.query_by_label("新增项目").is_none());
}

#[test]
fn shanxi_shows_forms_and_no_empty_descriptions() {
    let mut h = harness();
    open_tab(&mut h, "绩效目标");
    assert!(h.query_by_label("新增项目").is_some());
    assert!(h.query_by_label("新增说明").is_none());
    assert!(h.query_by_label("绩效目标设置情况").is_none());
}

#[test]
fn a_description_amount_and_quarters_give_the_total_and_the_finding_then_undo() {
    let mut h = putuo_harness();
    open_tab(&mut h, "绩效目标");
    let here = Location::Description { index: 0 };
    let description =
        |h: &Harness<'_, BudgetApp>| h.state().document().budget().descriptions[0].clone();
    enter_into_cell(&mut h, "项目金额（万元）", "20");
    assert_eq!(
        description(&h).amount.map(|m| m.to_string()),
        Some("20.00".into())
    );
    // A refused amount keeps the old one and says why.
    enter_into_cell(&mut h, "项目金额（万元）", "2O");
    assert_eq!(
        description(&h).amount.map(|m| m.to_string()),
        Some("20.00".into())
    );
    assert!(h.query_by_label_contains("输入无效，已保留原值").is_some());

    h.get_by_label("分季度安排").click();
    h.run_steps(3);
    assert!(description(&h).quarters.is_some());
    assert_eq!(shown(&h, "各季度合计（万元）"), "0.00");
    assert_eq!(findings_at(&h, &here), vec![Rule::DescriptionQuarters]);

    enter_into_cell(&mut h, "分季度安排 第一季度（万元）", "5");
    assert_eq!(shown(&h, "各季度合计（万元）"), "5.00");
    enter_into_cell(&mut h, "分季度安排 第二季度（万元）", "15");
    assert_eq!(shown(&h, "各季度合计（万元）"), "20.00");
    // The quarters now add up to the amount: the finding is gone, on screen too.
    assert!(findings_at(&h, &here).is_empty());

    undo(&mut h);
    assert_eq!(shown(&h, "各季度合计（万元）"), "5.00");
    assert_eq!(findings_at(&h, &here), vec![Rule::DescriptionQuarters]);
    undo(&mut h);
    assert_eq!(shown(&h, "各季度合计（万元）"), "0.00");
    undo(&mut h);
    assert!(description(&h).quarters.is_none());
    undo(&mut h);
    assert_eq!(description(&h).amount, None);
}

#[test]
fn descriptions_are_added_renamed_and_deleted_one_step_each() {
    let mut h = putuo_harness();
    open_tab(&mut h, "绩效目标");
    let count = |h: &Harness<'_, BudgetApp>| h.state().document().budget().descriptions.len();
    h.get_by_label("复制").click();
    h.run_steps(3);
    assert_eq!(count(&h), 2);
    assert_eq!(
        h.state().document().budget().descriptions[1].name,
        "区政府督查及建议提案工作业务经费（副本）"
    );
    type_into_field(&mut h, "项目名称", "区政务公开工作经费");
    h.key_press(Key::Enter);
    h.run_steps(3);
    assert_eq!(
        h.state().document().budget().descriptions[1].name,
        "区政务公开工作经费"
    );
    h.get_by_label("删除").click();
    h.run_steps(3);
    assert_eq!(count(&h), 1);
    undo(&mut h);
    assert_eq!(count(&h), 2);
    undo(&mut h);
    assert_eq!(
        h.state().document().budget().descriptions[1].name,
        "区政府督查及建议提案工作业务经费（副本）"
    );
    undo(&mut h);
    assert_eq!(count(&h), 1);
}

#[test]
fn the_statements_funds_are_edited_and_its_finding_follows_then_undo() {
    let mut h = putuo_harness();
    open_tab(&mut h, "绩效目标");
    let here = Location::PerformanceStatement;
    let funds = |h: &Harness<'_, BudgetApp>| {
        h.state()
            .document()
            .budget()
            .performance_statement
            .clone()
            .map(|s| s.funds.to_string())
    };
    assert_eq!(findings_at(&h, &here), vec![Rule::PerformanceStatement]);
    // Every project with targets: the funds reach the whole project expenditure.
    enter_into_cell(&mut h, "涉及项目预算资金（万元）", "6641");
    assert_eq!(funds(&h).as_deref(), Some("6641.00"));
    assert!(findings_at(&h, &here).is_empty());
    assert!(
        h.query_by_label_contains("涉及项目预算资金 6,641.00 万元")
            .is_some()
    );
    undo(&mut h);
    assert_eq!(funds(&h).as_deref(), Some("6626"));
    assert_eq!(findings_at(&h, &here), vec![Rule::PerformanceStatement]);
}

#[test]
fn the_statements_project_count_is_typed_and_undone_in_one_step() {
    let mut h = putuo_harness();
    open_tab(&mut h, "绩效目标");
    let label = "编报绩效目标的项目（个）";
    let projects = |h: &Harness<'_, BudgetApp>| {
        h.state()
            .document()
            .budget()
            .performance_statement
            .as_ref()
            .map(|s| s.projects)
    };
    h.get_by_role_and_label(Role::SpinButton, label).click();
    h.run_steps(2);
    // Focused, the count is a text field: the first keystroke replaces the selected figure.
    h.get_by_role_and_label(Role::SpinButton, label)
        .type_text("12");
    h.key_press(Key::Enter);
    h.run_steps(3);
    assert_eq!(projects(&h), Some(12));
    assert!(
        h.query_by_label_contains("编报绩效目标的项目 12 个")
            .is_some()
    );
    undo(&mut h);
    assert_eq!(projects(&h), Some(11));
}

#[test]
fn a_new_shanghai_budget_creates_its_statement_from_the_tab() {
    let mut h = harness();
    new_shanghai_budget(&mut h);
    open_tab(&mut h, "绩效目标");
    assert!(h.query_by_label("尚未填写绩效目标设置情况。").is_some());
    h.get_by_label("填写绩效目标设置情况").click();
    h.run_steps(3);
    let statement = h.state().document().budget().performance_statement.clone();
    assert_eq!(statement.map(|s| (s.units, s.projects)), Some((1, 0)));
    undo(&mut h);
    assert!(
        h.state()
            .document()
            .budget()
            .performance_statement
            .is_none()
    );
}

#[test]
fn an_empty_tables_note_is_edited_and_undone() {
    let mut h = putuo_harness();
    open_tab(&mut h, "报表");
    h.get_by_label("6. 2025年部门政府性基金预算支出功能分类预算表")
        .click();
    h.run_steps(3);
    let default = "注:本部门2025年无政府性基金预算财政拨款安排的预算，故本表为空表。";
    let notes = |h: &Harness<'_, BudgetApp>| h.state().document().budget().table_notes.clone();
    assert_eq!(
        h.get_by_role_and_label(Role::MultilineTextInput, "空表说明")
            .value()
            .as_deref(),
        Some(default)
    );
    let wording = "注：本部门2025年没有使用政府性基金预算拨款安排的支出。";
    type_into_multiline(&mut h, "空表说明", wording);
    h.key_press(Key::Escape);
    h.run_steps(3);
    assert_eq!(notes(&h).len(), 1);
    assert_eq!(notes(&h)[0].table, TableId::GovFundExpenditure);
    assert_eq!(notes(&h)[0].text, wording);
    // The caption under the title prints it.
    assert!(h.query_by_label(wording).is_some());
    undo(&mut h);
    assert!(notes(&h).is_empty());
    assert_eq!(
        h.get_by_role_and_label(Role::MultilineTextInput, "空表说明")
            .value()
            .as_deref(),
        Some(default)
    );
}

#[test]
fn clearing_an_empty_tables_note_brings_the_templates_wording_back() {
    let mut h = putuo_harness();
    open_tab(&mut h, "报表");
    h.get_by_label("7. 2025年部门国有资本经营预算支出功能分类预算表")
        .click();
    h.run_steps(3);
    type_into_multiline(&mut h, "空表说明", "注：无国有资本经营预算。");
    h.key_press(Key::Escape);
    h.run_steps(3);
    assert_eq!(h.state().document().budget().table_notes.len(), 1);
    type_into_multiline(&mut h, "空表说明", "");
    h.key_press(Key::Escape);
    h.run_steps(3);
    assert!(h.state().document().budget().table_notes.is_empty());
    assert!(
        h.query_by_label("注:本部门2025年无国有资本经营预算财政拨款安排的预算，故本表为空表。")
            .is_some()
    );
}

/// Replaces the text of the multi-line field `label` with `text`.
fn type_into_multiline(h: &mut Harness<'_, BudgetApp>, label: &str, text: &str) {
    h.get_by_role_and_label(Role::MultilineTextInput, label)
        .focus();
    h.run_steps(1);
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.key_press(Key::Delete);
    h.run_steps(1);
    if !text.is_empty() {
        h.get_by_role_and_label(Role::MultilineTextInput, label)
            .type_text(text);
    }
    h.run_steps(1);
}
