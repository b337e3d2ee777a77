//! The in-app file browser (used where no system dialog answers): Enter in the name field
//! chooses, as in the system's own dialogs, and adds the file kind's extension when saving.

#![allow(clippy::unwrap_used)]

use budget_studio::ui::dialogs::{BrowseMode, DialogOutcome, FileBrowser, FileKind};
use budget_studio::ui::i18n::Lang;
use egui::Key;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

type State = (FileBrowser, Option<DialogOutcome>);

fn browser(mode: BrowseMode, dir: &std::path::Path) -> Harness<'static, State> {
    let state = (
        FileBrowser::new(mode, dir.to_owned(), String::new(), FileKind::Budget),
        None,
    );
    Harness::builder()
        .with_size(egui::Vec2::new(800.0, 600.0))
        .with_context_setup(budget_studio::ui::fonts::install)
        .build_ui_state(
            |ui, (browser, outcome): &mut State| {
                if let Some(o) = browser.ui(ui, Lang::Zh) {
                    *outcome = Some(o);
                }
            },
            state,
        )
}

#[test]
fn enter_in_the_name_field_saves_under_that_name_with_its_extension() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = browser(BrowseMode::Save, dir.path());
    h.run();
    h.get_by_role_and_label(Role::TextInput, "文件名").click();
    h.run();
    h.get_by_role_and_label(Role::TextInput, "文件名")
        .type_text("2023预算");
    h.run();
    assert!(h.state().1.is_none(), "typing alone chooses nothing");
    h.key_press(Key::Enter);
    h.run();
    match &h.state().1 {
        Some(DialogOutcome::Chosen(path)) => {
            assert_eq!(path, &dir.path().join("2023预算.ron"));
        }
        other => panic!("expected a chosen path, got {other:?}"),
    }
}

#[test]
fn enter_with_no_name_chooses_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = browser(BrowseMode::Open, dir.path());
    h.run();
    h.get_by_role_and_label(Role::TextInput, "文件名").click();
    h.run();
    h.key_press(Key::Enter);
    h.run();
    assert!(h.state().1.is_none());
}

#[test]
fn attaching_last_year_says_so_in_the_browser() {
    use budget_studio::ui::dialogs::DialogOutcome::Unavailable;
    let mut h = crate::common::harness(crate::common::sample_app(vec![Unavailable]));
    h.run_steps(2);
    h.get_by_label("文件").click();
    h.run_steps(2);
    h.get_by_label_contains("附加上年预算").click();
    h.run_steps(3);
    assert!(
        h.query_by_label("选择上年预算文件（作为对比基数）")
            .is_some()
    );
    assert!(h.query_by_label("打开预算文件").is_none());
}
