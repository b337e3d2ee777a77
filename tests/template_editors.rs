//! The editors for what a template adds: New with a template, budget units, descriptions, the
//! statement, procurement reservations, planned purchases and empty-table notes.

#![allow(clippy::unwrap_used)] // test helpers may panic on bad fixtures

mod common;

use budget_studio::app::BudgetApp;
use budget_studio::model::TemplateId;
use common::{harness_sized, sample_app};
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
