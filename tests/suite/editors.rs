//! The performance-target and assets editors, driven through the real UI.

#![allow(clippy::unwrap_used)] // test helpers may panic on bad fixtures

use crate::common;

use budget_studio::app::BudgetApp;
use budget_studio::checks::Rule;
use common::{enter_into_cell, harness_sized, sample_app};
use egui::accesskit::Role;
use egui::{Key, Modifiers, Vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

fn harness() -> Harness<'static, BudgetApp> {
    // Tall enough that a whole form fits without scrolling.
    let mut h = harness_sized(sample_app(vec![]), Vec2::new(1600.0, 2600.0));
    h.run_steps(2);
    h
}

fn rules(h: &Harness<'_, BudgetApp>) -> Vec<Rule> {
    h.state()
        .document()
        .findings()
        .iter()
        .map(|f| f.rule)
        .collect()
}

fn open_project(h: &mut Harness<'_, BudgetApp>, name: &str) {
    h.get_by_label("绩效目标").click();
    h.run_steps(2);
    h.get_all_by_label(name).next().unwrap().click();
    h.run_steps(3);
}

#[test]
fn year_funds_update_the_unit_total_and_the_checks() {
    let mut h = harness();
    open_project(&mut h, "忻州市铁路道口安全管理专项资金");
    assert!(rules(&h).contains(&Rule::ProjectsVsProjectExpenditure));
    assert_eq!(
        h.get_by_role_and_label(Role::Cell, "忻州市工业和信息化局 年度资金")
            .value()
            .as_deref(),
        Some("92,691,700")
    );
    enter_into_cell(&mut h, "年度资金 市县(区)财政资金", "0");
    assert_eq!(
        h.get_by_role_and_label(Role::Cell, "忻州市工业和信息化局 年度资金")
            .value()
            .as_deref(),
        Some("92,601,700")
    );
    let now = rules(&h);
    // The forms now add up to the project expenditure; the printed 90,000 no longer matches.
    assert!(
        !now.contains(&Rule::ProjectsVsProjectExpenditure),
        "{now:?}"
    );
    assert!(now.contains(&Rule::ProjectFundsSum), "{now:?}");
    // One undo step restores it.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run_steps(2);
    assert!(rules(&h).contains(&Rule::ProjectsVsProjectExpenditure));
}

#[test]
fn an_invalid_fund_amount_is_refused() {
    let mut h = harness();
    open_project(&mut h, "云视频会议系统互联网接入服务费");
    enter_into_cell(&mut h, "年度资金 中央财政资金", "7千");
    let app = h.state();
    assert!(app.status().unwrap_or_default().contains("输入无效"));
    assert!(!app.document().is_modified());
}

#[test]
fn adding_an_indicator_row_and_undoing_it() {
    let mut h = harness();
    open_project(&mut h, "云视频会议系统互联网接入服务费");
    let index = h.state().view.project;
    let before = h.state().document().budget().projects[index]
        .indicators_year
        .len();
    h.get_by_label("添加指标 · 年度目标").scroll_to_me();
    h.run_steps(2);
    h.get_by_label("添加指标 · 年度目标").click();
    h.run_steps(2);
    assert_eq!(
        h.state().document().budget().projects[index]
            .indicators_year
            .len(),
        before + 1
    );
    // Type the new row's third-level name and target; the target is understood.
    let row = before + 1;
    for (label, text) in [
        (format!("年度目标 三级指标 {row}"), "视频会议次数"),
        (format!("年度目标 指标值 {row}"), "≥12次"),
    ] {
        h.get_by_role_and_label(Role::TextInput, &label)
            .scroll_to_me();
        h.run_steps(1);
        h.get_by_role_and_label(Role::TextInput, &label).focus();
        h.run_steps(1);
        h.get_by_role_and_label(Role::TextInput, &label)
            .type_text(text);
        h.run_steps(1);
    }
    h.key_press(Key::Tab);
    h.run_steps(2);
    let p = &h.state().document().budget().projects[index];
    assert_eq!(
        p.indicators_year.last().map(|i| i.target.as_str()),
        Some("≥12次")
    );
    assert!(
        h.query_by_label("≥ 12 次").is_some(),
        "the parsed form is shown"
    );
    // Three steps: the row, its name, its target — each one gesture.
    for _ in 0..3 {
        h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
        h.run_steps(2);
    }
    assert_eq!(
        h.state().document().budget().projects[index]
            .indicators_year
            .len(),
        before
    );
    assert!(!h.state().document().is_modified());
}

#[test]
fn linking_a_project_to_a_line_brings_its_check() {
    let mut h = harness();
    open_project(&mut h, "工业项目建设领导小组办公室工作经费");
    assert!(!rules(&h).contains(&Rule::ProjectVsLine));
    h.get_by_label("未关联").click();
    h.run_steps(2);
    h.get_by_role_and_label(Role::TextInput, "搜索科目").focus();
    h.run_steps(1);
    h.get_by_role_and_label(Role::TextInput, "搜索科目")
        .type_text("2150502");
    h.run_steps(2);
    h.get_by_label("[2150502] 一般行政管理事务").click();
    h.run_steps(3);
    let index = h.state().view.project;
    assert_eq!(
        h.state().document().budget().projects[index]
            .function_code
            .as_deref(),
        Some("2150502")
    );
    // 30.00 万元 of forms against the line's 40.00 万元 of project expenditure.
    let finding = h
        .state()
        .document()
        .findings()
        .iter()
        .find(|f| f.rule == Rule::ProjectVsLine)
        .cloned()
        .unwrap();
    assert!(
        finding.message(true).contains("相差 -10.00 万元"),
        "{}",
        finding.message(true)
    );
    assert!(
        h.query_by_label_contains("相差 -10.00 万元").is_some(),
        "shown beside the form"
    );
}

#[test]
fn assets_procurement_and_vehicles_are_editable_with_checks() {
    let mut h = harness();
    h.get_by_label("资产").click();
    h.run_steps(2);
    enter_into_cell(&mut h, "政府采购 货物", "30.78");
    assert_eq!(
        h.get_by_role_and_label(Role::Cell, "政府采购 合计")
            .value()
            .as_deref(),
        Some("52.78")
    );
    enter_into_cell(&mut h, "办公用房面积 忻州市工业和信息化服务中心", "500");
    assert_eq!(
        h.state()
            .document()
            .budget()
            .assets
            .total_area()
            .to_string(),
        "8150"
    );
    assert!(
        rules(&h).contains(&Rule::OfficeAreaTotal),
        "printed 8145 no longer matches"
    );
    assert!(!rules(&h).contains(&Rule::VehiclesVsCosts));
    h.get_all_by_label("×").next().unwrap().click();
    h.run_steps(3);
    assert_eq!(h.state().document().budget().assets.vehicle_count(), 0);
    assert!(
        rules(&h).contains(&Rule::VehiclesVsCosts),
        "running costs without vehicles"
    );
}
