//! The editors for what a template adds: New with a template, budget units, descriptions, the
//! statement, procurement reservations, planned purchases and empty-table notes.

#![allow(clippy::unwrap_used)] // test helpers may panic on bad fixtures

mod common;

use budget_studio::app::BudgetApp;
use budget_studio::model::{TemplateId, UnitKind};
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
    assert_eq!(budget.template, TemplateId::ShanghaiDistrict);
    assert_eq!(budget.profile.department_name, "上海市普陀区人民政府办公室");
    assert_eq!(budget.unit, TemplateId::ShanghaiDistrict.get().unit);
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
