//! The Help menu: 快捷键 lists every command with its shortcuts, as the menus and keys have them;
//! 关于 shows the version, the licence and the bundled font's licence notice.

#![allow(clippy::unwrap_used)] // test helpers may panic on bad fixtures

use crate::common;

use budget_studio::ui::commands::UiCommand;
use budget_studio::ui::i18n::Lang;
use common::sample_harness;
use egui::Key;
use egui_kittest::kittest::Queryable as _;

#[test]
fn the_shortcut_list_names_every_command_and_every_key() {
    let mut h = sample_harness();
    h.run_steps(2);
    // Tab names are on screen already; the list adds one more of each label.
    let before: Vec<usize> = UiCommand::ALL
        .iter()
        .map(|c| h.query_all_by_label(c.label(Lang::Zh)).count())
        .collect();
    h.get_by_label("帮助").click();
    h.run_steps(2);
    h.get_by_label_contains("快捷键").click();
    h.run_steps(2);
    for (command, was) in UiCommand::ALL.iter().zip(before) {
        let label = command.label(Lang::Zh);
        assert_eq!(h.query_all_by_label(label).count(), was + 1, "{label}");
        let keys = command.all_shortcuts_text(&h.ctx);
        if !keys.is_empty() {
            assert!(h.query_by_label(&keys).is_some(), "{label}: {keys}");
        }
    }
    // Both ways to redo are listed, not only the one the menu shows.
    let redo = UiCommand::Redo.all_shortcuts_text(&h.ctx);
    assert_eq!(redo.split(" / ").count(), 2, "{redo}");
    h.get_by_label("确定").click();
    h.run_steps(2);
    assert!(h.query_by_label(&redo).is_none(), "closed");
}

#[test]
fn f1_opens_the_shortcut_list() {
    let mut h = sample_harness();
    h.run_steps(2);
    h.key_press(Key::F1);
    h.run_steps(2);
    assert!(h.query_by_label("快捷键一览").is_some());
}

#[test]
fn about_shows_the_version_the_licence_and_the_font_notice() {
    let mut h = sample_harness();
    h.run_steps(2);
    h.get_by_label("帮助").click();
    h.run_steps(2);
    h.get_by_label_contains("关于").click();
    h.run_steps(2);
    assert!(
        h.query_by_label(&format!("版本 {}", env!("CARGO_PKG_VERSION")))
            .is_some()
    );
    assert!(h.query_by_label_contains("MIT OR Apache-2.0").is_some());
    assert!(
        h.query_by_label_contains("SIL Open Font License 1.1")
            .is_some()
    );
    // The licence text itself is one click away.
    h.get_by_label("字体许可证全文").click();
    h.run_steps(2);
    assert!(
        h.query_by_label_contains("PERMISSION & CONDITIONS")
            .is_some()
    );
    h.get_by_label("确定").click();
    h.run_steps(2);
    assert!(h.query_by_label_contains("SIL Open Font License").is_none());
}
