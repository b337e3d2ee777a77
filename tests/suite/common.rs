//! The harness helpers the UI tests share.

#![allow(clippy::unwrap_used, dead_code)] // test helpers; not every test file uses every helper

use budget_studio::app::{BudgetApp, Startup};
use budget_studio::ui::dialogs::{DialogOutcome, ScriptedDialogs};
use budget_studio::ui::fonts;
use egui::accesskit::Role;
use egui::{Key, Vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

/// The app on the bundled sample; its file dialogs answer with `outcomes`, in turn.
pub fn sample_app(outcomes: Vec<DialogOutcome>) -> BudgetApp {
    let dialogs = ScriptedDialogs {
        outcomes: outcomes.into(),
    };
    BudgetApp::new(Startup::load(None), Box::new(dialogs))
}

/// The app on the budget file `path`, with no dialog answered.
pub fn app_on(path: &std::path::Path) -> BudgetApp {
    BudgetApp::new(
        Startup::load(Some(path)),
        Box::new(ScriptedDialogs {
            outcomes: Vec::new().into(),
        }),
    )
}

/// A headless window of the usual size around `app`.
pub fn harness(app: BudgetApp) -> Harness<'static, BudgetApp> {
    harness_sized(app, Vec2::new(1400.0, 900.0))
}

/// A headless window of `size` around `app`. The bundled font is installed first: the harness
/// panics on a glyph no font has, and the UI is Chinese.
pub fn harness_sized(app: BudgetApp, size: Vec2) -> Harness<'static, BudgetApp> {
    Harness::builder()
        .with_size(size)
        .with_context_setup(fonts::install)
        .build_ui_state(|ui, app: &mut BudgetApp| app.frame(ui), app)
}

/// Clicks the amount cell named `label`, types `text` into it (replacing the old figure). A
/// frame is drawn first, as the officer sees one before clicking: a layout that just changed
/// (a grid that grew a row, a bar that wrapped) settles in the frame after.
pub fn type_into_cell(h: &mut Harness<'_, BudgetApp>, label: &str, text: &str) {
    h.run_steps(1);
    h.get_by_role_and_label(Role::Button, label).click();
    h.run_steps(2);
    h.get_by_role_and_label(Role::TextInput, label)
        .type_text(text);
    h.run_steps(2);
}

/// Focuses the text field `label` (one line or several) and replaces what it holds with `text`.
pub fn type_into_field(h: &mut Harness<'_, BudgetApp>, label: &str, text: &str) {
    let role = if h.query_by_role_and_label(Role::TextInput, label).is_some() {
        Role::TextInput
    } else {
        Role::MultilineTextInput
    };
    h.get_by_role_and_label(role, label).focus();
    h.run_steps(1);
    h.key_press_modifiers(egui::Modifiers::COMMAND, Key::A);
    h.get_by_role_and_label(role, label).type_text(text);
    h.run_steps(1);
}

/// Types into the cell and presses Enter.
pub fn enter_into_cell(h: &mut Harness<'_, BudgetApp>, label: &str, text: &str) {
    type_into_cell(h, label, text);
    h.key_press(Key::Enter);
    h.run_steps(2);
}

/// The app on the bundled sample in a 1400×900 harness, with no file dialogs scripted.
pub fn sample_harness() -> Harness<'static, BudgetApp> {
    let dialogs = budget_studio::ui::dialogs::ScriptedDialogs {
        outcomes: Vec::new().into(),
    };
    let app = BudgetApp::new(budget_studio::app::Startup::load(None), Box::new(dialogs));
    Harness::builder()
        .with_size(egui::Vec2::new(1400.0, 900.0))
        .with_context_setup(budget_studio::ui::fonts::install)
        .build_ui_state(|ui, app: &mut BudgetApp| app.frame(ui), app)
}
