//! Nothing lost: the recovery copy survives a crash and restores the edit; a file another program
//! changed is never overwritten without asking.

#![allow(clippy::unwrap_used)]

use crate::common;

use std::time::Duration;

use budget_studio::app::{BudgetApp, Startup};
use budget_studio::ui::dialogs::{DialogOutcome, ScriptedDialogs};
use common::{enter_into_cell, harness, sample_app};
use egui::accesskit::Role;
use egui_kittest::kittest::Queryable as _;

fn cell(h: &egui_kittest::Harness<'_, BudgetApp>, label: &str) -> String {
    h.get_by_role_and_label(Role::Cell, label)
        .value()
        .unwrap_or_default()
}

#[test]
fn an_edit_survives_a_crash_and_is_restored_at_the_next_start() {
    let data = tempfile::tempdir().unwrap();
    {
        let mut app = sample_app(vec![]);
        app.enable_recovery(data.path(), Duration::ZERO);
        let mut h = harness(app);
        h.run_steps(2);
        h.get_by_label("报表").click();
        h.run_steps(2);
        enter_into_cell(&mut h, "[2150501] 基本支出", "685.94");
        h.run_steps(2);
        assert_eq!(cell(&h, "合计 合计"), "10,451.41");
        // The app goes away without saving, as in a crash or a kill.
    }
    let copies = std::fs::read_dir(data.path()).unwrap().count();
    assert!(
        copies >= 2,
        "a copy and its description were left ({copies} files)"
    );

    let saved = data.path().join("saved").join("b.ron");
    std::fs::create_dir_all(saved.parent().unwrap()).unwrap();
    let mut app = sample_app(vec![DialogOutcome::Chosen(saved.clone())]);
    app.enable_recovery(data.path(), Duration::ZERO);
    let mut h = harness(app);
    h.run_steps(2);
    assert!(h.query_by_label("发现未保存的修改").is_some());
    h.get_by_label("恢复").click();
    h.run_steps(2);
    assert!(h.query_by_label("发现未保存的修改").is_none());
    assert!(
        h.state().document().is_modified(),
        "restored changes are unsaved"
    );
    h.get_by_label("报表").click();
    h.run_steps(2);
    assert_eq!(cell(&h, "合计 合计"), "10,451.41");
    // Saved: the copies are gone, and a third start finds nothing to restore.
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    h.run_steps(2);
    assert!(!h.state().document().is_modified());
    assert!(saved.exists());
    drop(h);
    let mut again = sample_app(vec![]);
    again.enable_recovery(data.path(), Duration::ZERO);
    let mut h = harness(again);
    h.run_steps(2);
    assert!(h.query_by_label("发现未保存的修改").is_none());
}

#[test]
fn saving_over_a_file_another_program_changed_asks_and_cancel_keeps_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("b.ron");
    budget_studio::io::save(&budget_studio::sample::sample_budget().unwrap(), &path).unwrap();
    let dialogs = ScriptedDialogs {
        outcomes: Vec::<DialogOutcome>::new().into(),
    };
    let mut h = harness(BudgetApp::new(
        Startup::load(Some(&path)),
        Box::new(dialogs),
    ));
    h.run_steps(2);
    h.get_by_label("报表").click();
    h.run_steps(2);
    enter_into_cell(&mut h, "[2150501] 基本支出", "685.94");
    // Another program rewrites the file meanwhile.
    let theirs = std::fs::read_to_string(&path)
        .unwrap()
        .replace("忻州市工业和信息化局", "忻州市工信局");
    std::fs::write(&path, &theirs).unwrap();

    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    h.run_steps(2);
    assert!(h.query_by_label("文件已被其他程序修改").is_some());
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        theirs,
        "not overwritten"
    );
    h.get_by_label("取消").click();
    h.run_steps(2);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), theirs);
    assert!(h.state().document().is_modified());

    // Asked again, the officer overwrites on purpose.
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    h.run_steps(2);
    h.get_by_label("覆盖").click();
    h.run_steps(2);
    assert!(!h.state().document().is_modified());
    let saved = budget_studio::io::load(&path).unwrap();
    assert_eq!(saved.profile.department_name, "忻州市工业和信息化局");
}

#[test]
fn reload_takes_the_other_programs_version() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("b.ron");
    budget_studio::io::save(&budget_studio::sample::sample_budget().unwrap(), &path).unwrap();
    let mut h = harness(BudgetApp::new(
        Startup::load(Some(&path)),
        Box::new(ScriptedDialogs {
            outcomes: Vec::<DialogOutcome>::new().into(),
        }),
    ));
    h.run_steps(2);
    let theirs = std::fs::read_to_string(&path)
        .unwrap()
        .replace("忻州市工业和信息化局", "忻州市工信局");
    std::fs::write(&path, &theirs).unwrap();
    // The window gets the focus back.
    h.state_mut().check_external_change();
    h.run_steps(2);
    h.get_by_label("重新载入（放弃本地修改）").click();
    h.run_steps(2);
    assert_eq!(
        h.state().document().budget().profile.department_name,
        "忻州市工信局"
    );
}
