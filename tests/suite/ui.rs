//! The real UI, driven headless through its accessible labels: open the sample, edit a cell, see
//! the totals follow, undo, the unsaved-changes guard, findings that lead to their row.

#![allow(clippy::unwrap_used)] // test helpers may panic on bad fixtures

use std::path::PathBuf;
use std::str::FromStr;

use crate::common;

use budget_studio::app::BudgetApp;
use budget_studio::model::{Column, Money, TableId};
use budget_studio::ui::Tab;
use budget_studio::ui::dialogs::DialogOutcome;
use common::{harness, sample_app, type_into_cell};
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

fn m(s: &str) -> Money {
    Money(rust_decimal::Decimal::from_str(s).unwrap())
}

fn cell_value(h: &Harness<'_, BudgetApp>, label: &str) -> String {
    h.get_by_role_and_label(Role::Cell, label)
        .value()
        .unwrap_or_default()
}

fn type_into_field(h: &mut Harness<'_, BudgetApp>, label: &str, text: &str) {
    h.get_by_role_and_label(Role::TextInput, label).focus();
    h.run_steps(1);
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_role_and_label(Role::TextInput, label)
        .type_text(text);
    h.run_steps(1);
}

fn open_tables(h: &mut Harness<'_, BudgetApp>) {
    h.get_by_label("报表").click();
    h.run_steps(2);
}

#[test]
fn editing_an_item_updates_its_section_class_total_and_the_overview() {
    let mut h = harness(sample_app(vec![]));
    h.run_steps(2);
    open_tables(&mut h);
    assert_eq!(cell_value(&h, "[21505] 合计"), "751.54");
    type_into_cell(&mut h, "[2150501] 基本支出", "685.94");
    // Before the cell is committed, every total already shows the typed figure.
    assert_eq!(cell_value(&h, "[2150501] 合计"), "686.66");
    assert_eq!(cell_value(&h, "[21505] 合计"), "761.54");
    assert_eq!(cell_value(&h, "[215] 合计"), "1,024.42");
    assert_eq!(cell_value(&h, "[215] 基本支出"), "962.10");
    assert_eq!(cell_value(&h, "合计 合计"), "10,451.41");
    h.key_press(Key::Enter);
    h.run_steps(2);
    let doc = h.state().document();
    assert_eq!(doc.derived().summary.total, m("10451.41"));
    assert_eq!(
        doc.derived().function.figure("2150501", Column::Basic),
        Some(m("685.94"))
    );
    assert!(doc.is_modified());
    assert!(doc.undo_label().is_some(), "one undo step for the gesture");
    // The Overview follows.
    h.get_by_label("概览").click();
    h.run_steps(2);
    assert_eq!(cell_value(&h, "支出合计"), "10,451.41");
    assert_eq!(cell_value(&h, "基本支出"), "1,178.84");
}

#[test]
fn an_invalid_amount_is_refused_and_the_old_value_kept() {
    for bad in ["12a", "1.234", "-5"] {
        let mut h = harness(sample_app(vec![]));
        h.run_steps(2);
        open_tables(&mut h);
        type_into_cell(&mut h, "[2150501] 基本支出", bad);
        // While the text is invalid, nothing is previewed.
        assert_eq!(cell_value(&h, "合计 合计"), "10,441.41", "{bad}");
        h.key_press(Key::Enter);
        h.run_steps(2);
        let app = h.state();
        assert_eq!(app.document().derived().summary.total, m("10441.41"));
        assert!(app.document().undo_label().is_none());
        assert!(!app.document().is_modified());
        let status = app.status().unwrap_or_default().to_owned();
        assert!(status.contains("输入无效"), "{bad}: {status}");
        assert_eq!(
            h.get_by_role_and_label(Role::Button, "[2150501] 基本支出")
                .value()
                .as_deref(),
            Some("675.94")
        );
    }
}

#[test]
fn undo_restores_the_old_figures_and_redo_repeats() {
    let mut h = harness(sample_app(vec![]));
    h.run_steps(2);
    open_tables(&mut h);
    type_into_cell(&mut h, "[2080699] 项目支出", "8000");
    h.key_press(Key::Enter);
    h.run_steps(2);
    assert_eq!(cell_value(&h, "[208] 合计"), "8,292.71");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run_steps(2);
    assert_eq!(cell_value(&h, "[208] 合计"), "9,292.71");
    assert!(!h.state().document().is_modified());
    h.key_press_modifiers(Modifiers::COMMAND, Key::Y);
    h.run_steps(2);
    assert_eq!(cell_value(&h, "[208] 合计"), "8,292.71");
}

fn request_close(h: &mut Harness<'_, BudgetApp>) {
    h.input_mut()
        .viewports
        .entry(egui::ViewportId::ROOT)
        .or_default()
        .events
        .push(egui::ViewportEvent::Close);
    h.run_steps(2);
}

#[test]
fn closing_with_unsaved_changes_asks_first() {
    let dir = tempfile::tempdir().unwrap();
    let target: PathBuf = dir.path().join("saved.ron");
    let mut h = harness(sample_app(vec![DialogOutcome::Chosen(target.clone())]));
    h.run_steps(2);
    open_tables(&mut h);
    type_into_cell(&mut h, "[2150550] 基本支出", "30");
    h.key_press(Key::Enter);
    h.run_steps(2);

    request_close(&mut h);
    assert!(h.query_by_label("有未保存的修改").is_some());
    assert!(!h.state().close_confirmed());
    h.get_by_label("取消").click();
    h.run_steps(2);
    assert!(h.query_by_label("有未保存的修改").is_none());
    assert!(!h.state().close_confirmed());

    // Save from the guard: the sample has no path, so Save As asks (scripted) and writes.
    request_close(&mut h);
    h.get_by_role_and_label(Role::Button, "保存").click();
    h.run_steps(2);
    assert!(h.state().close_confirmed());
    let saved = budget_studio::io::load(&target).unwrap();
    assert_eq!(
        saved.function_lines[saved.function_line_index("2150550").unwrap()]
            .split(budget_studio::model::IncomeSource::GeneralPublic)
            .basic,
        m("30")
    );
}

#[test]
fn discarding_closes_without_saving() {
    let mut h = harness(sample_app(vec![]));
    h.run_steps(2);
    open_tables(&mut h);
    type_into_cell(&mut h, "[2150550] 基本支出", "31");
    h.key_press(Key::Enter);
    h.run_steps(2);
    request_close(&mut h);
    h.get_by_label("不保存").click();
    h.run_steps(2);
    assert!(h.state().close_confirmed());
}

#[test]
fn a_finding_leads_to_its_row() {
    let mut h = harness(sample_app(vec![]));
    h.run_steps(2);
    h.get_by_label_contains("未细化到下级科目").click();
    h.run_steps(3);
    let app = h.state();
    assert_eq!(app.view.tab, Tab::Tables);
    assert_eq!(app.view.table(), TableId::Expenditure);
    assert_eq!(app.view.selected_code.as_deref(), Some("215"));
    // The economic-table finding leads to table 6.
    h.get_by_label("概览").click();
    h.run_steps(2);
    h.get_by_label_contains("印发数 40.13").click();
    h.run_steps(3);
    assert_eq!(h.state().view.table(), TableId::BasicByEconomic);
    assert_eq!(h.state().view.selected_code.as_deref(), Some("505"));
    assert!(
        h.query_by_role_and_label(Role::Cell, "[505] 金额")
            .is_some()
    );
}

#[test]
fn a_file_that_cannot_be_read_shows_where_and_keeps_the_document() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.ron");
    std::fs::write(&bad, "(\n  format_version: 1,\n  profile: 42,\n)").unwrap();
    let mut h = harness(sample_app(vec![DialogOutcome::Chosen(bad)]));
    h.run_steps(2);
    h.key_press_modifiers(Modifiers::COMMAND, Key::O);
    h.run_steps(2);
    assert!(h.query_by_label("无法打开文件").is_some());
    assert!(h.query_by_label_contains("bad.ron:3:").is_some());
    assert_eq!(h.state().document().derived().summary.total, m("10441.41"));
    h.get_by_label("确定").click();
    h.run_steps(2);
    assert!(h.query_by_label("无法打开文件").is_none());
}

#[test]
fn adding_a_line_validates_its_code() {
    let mut h = harness(sample_app(vec![]));
    h.run_steps(2);
    open_tables(&mut h);
    h.get_by_label("新增科目").click();
    h.run_steps(2);
    type_into_field(&mut h, "编码", "2150");
    type_into_field(&mut h, "名称", "机关服务");
    h.get_by_label("添加").click();
    h.run_steps(2);
    assert!(h.query_by_label_contains("3、5或7位").is_some());
    assert!(
        h.state()
            .document()
            .budget()
            .function_line_index("2150")
            .is_none()
    );

    type_into_field(&mut h, "编码", "2150503");
    h.get_by_label("添加").click();
    h.run_steps(2);
    let doc = h.state().document();
    let i = doc.budget().function_line_index("2150503").unwrap();
    assert_eq!(doc.budget().function_lines[i].name, "机关服务");
    assert!(
        h.query_by_role_and_label(Role::Button, "[2150503] 基本支出")
            .is_some()
    );
}

#[test]
fn english_is_one_menu_click_away() {
    let mut h = harness(sample_app(vec![]));
    h.run_steps(2);
    h.get_by_label("视图").click();
    h.run_steps(2);
    h.get_by_label("English").click();
    h.run_steps(2);
    assert!(h.query_by_label("Tables").is_some());
    assert!(h.query_by_label("Checks").is_some());
}

#[test]
fn editing_an_item_changes_the_chart_shares() {
    let mut h = harness(sample_app(vec![]));
    h.run_steps(2);
    let before = h.state().view.shown_chart.clone().unwrap();
    assert_eq!(before.data[2].share.to_string(), "0.08");
    open_tables(&mut h);
    type_into_cell(&mut h, "[2130599] 项目支出", "1008.25");
    h.key_press(Key::Enter);
    h.run_steps(2);
    h.get_by_label("概览").click();
    h.run_steps(2);
    let after = h.state().view.shown_chart.clone().unwrap();
    let shares: Vec<String> = after.data.iter().map(|d| d.share.to_string()).collect();
    // 213 now 1,008.25 of 11,441.41.
    assert_eq!(shares, ["81.22", "0.35", "8.81", "8.87", "0.75"]);
    assert_eq!(after.total, m("11441.41"));
    assert_eq!(
        h.get_by_role_and_label(Role::Button, "[213] 农林水支出")
            .value()
            .as_deref(),
        Some("1,008.25 8.81%")
    );
}

#[test]
fn drilling_down_a_class_and_back() {
    let mut h = harness(sample_app(vec![]));
    h.run_steps(2);
    h.get_by_role_and_label(Role::Button, "[215] 资源勘探工业信息等支出")
        .click();
    h.run_steps(2);
    assert_eq!(h.state().view.drill, vec!["215".to_owned()]);
    let codes: Vec<String> = h
        .state()
        .view
        .shown_chart
        .as_ref()
        .unwrap()
        .data
        .iter()
        .map(|d| d.code.clone())
        .collect();
    assert_eq!(codes, ["21505", "21508", "215"]);
    h.get_by_role_and_label(Role::Button, "[21505] 工业和信息产业监管")
        .click();
    h.run_steps(2);
    assert_eq!(
        h.state().view.drill,
        vec!["215".to_owned(), "21505".to_owned()]
    );
    assert_eq!(h.state().view.shown_chart.as_ref().unwrap().data.len(), 4);
    h.get_by_label("[215]").click();
    h.run_steps(2);
    assert_eq!(h.state().view.drill, vec!["215".to_owned()]);
    h.get_by_label("全部类").click();
    h.run_steps(2);
    assert!(h.state().view.drill.is_empty());
    assert_eq!(h.state().view.shown_chart.as_ref().unwrap().data.len(), 5);
}

#[test]
fn presentation_mode_keys() {
    use budget_studio::calc::charts::ChartKind;
    let mut h = harness(sample_app(vec![]));
    h.run_steps(2);
    h.key_press(Key::F5);
    h.run_steps(2);
    assert!(h.state().view.presenting);
    assert!(
        h.query_by_label("概览").is_none(),
        "menus are hidden while presenting"
    );
    h.key_press(Key::ArrowRight);
    h.run_steps(2);
    assert_eq!(h.state().view.chart, ChartKind::BasicProject);
    h.key_press(Key::PageDown);
    h.run_steps(2);
    assert_eq!(h.state().view.chart, ChartKind::ClassSplit);
    h.key_press(Key::PageUp);
    h.key_press(Key::ArrowLeft);
    h.run_steps(2);
    assert_eq!(h.state().view.chart, ChartKind::Classes);
    // Drill-down works on a slide too.
    h.get_by_role_and_label(Role::Button, "[208] 社会保障和就业支出")
        .click();
    h.run_steps(2);
    assert_eq!(h.state().view.drill, vec!["208".to_owned()]);
    h.key_press(Key::Backspace);
    h.run_steps(2);
    assert!(h.state().view.drill.is_empty());
    h.key_press(Key::Escape);
    h.run_steps(2);
    assert!(!h.state().view.presenting);
    assert!(h.query_by_label("概览").is_some());
}

#[test]
fn exporting_the_chart_writes_a_1920_by_1080_png() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("chart.png");
    let mut h = harness(sample_app(vec![DialogOutcome::Chosen(target.clone())]));
    h.run_steps(2);
    h.get_by_label("导出 PNG…").click();
    h.run_steps(2);
    let pixmap = tiny_skia::Pixmap::load_png(&target).unwrap();
    assert_eq!((pixmap.width(), pixmap.height()), (1920, 1080));
    // Not a blank image: the donut's first colour is there.
    let [r, g, b, _] = budget_studio::chart::palette::PALETTE[0];
    let blue = pixmap
        .pixels()
        .iter()
        .filter(|p| (p.red(), p.green(), p.blue()) == (r, g, b))
        .count();
    assert!(blue > 10_000, "{blue} pixels of the first slice");
}

#[test]
fn the_edit_menu_names_the_step_to_undo_and_greys_out_when_there_is_none() {
    use egui_kittest::kittest::NodeT as _;
    let mut h = harness(sample_app(vec![]));
    h.run_steps(2);
    h.get_by_label("编辑").click();
    h.run_steps(2);
    assert!(
        h.get_by_label_contains("撤销")
            .accesskit_node()
            .is_disabled(),
        "nothing to undo yet"
    );
    h.key_press(Key::Escape);
    h.run_steps(2);
    open_tables(&mut h);
    type_into_cell(&mut h, "[2150501] 基本支出", "685.94");
    h.key_press(Key::Enter);
    h.run_steps(2);
    let step = h.state().document().undo_label().unwrap().to_owned();
    h.get_by_label("编辑").click();
    h.run_steps(2);
    let label = format!("撤销 {step}");
    let undo = h.get_by_label_contains(&label);
    assert!(!undo.accesskit_node().is_disabled());
    undo.click();
    h.run_steps(2);
    assert!(!h.state().document().is_modified());
    assert_eq!(cell_value(&h, "合计 合计"), "10,441.41");
}

#[test]
fn ctrl_and_a_digit_open_a_tab_and_the_present_button_presents() {
    let mut h = harness(sample_app(vec![]));
    h.run_steps(2);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Num3);
    h.run_steps(2);
    assert_eq!(h.state().view.tab, Tab::Performance);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Num1);
    h.run_steps(2);
    assert_eq!(h.state().view.tab, Tab::Overview);
    h.get_by_label("▶ 演示").click();
    h.run_steps(2);
    assert!(h.state().view.presenting);
    h.key_press(Key::F5);
    h.run_steps(2);
    assert!(!h.state().view.presenting, "F5 also ends the presentation");
}

#[test]
fn a_huge_amount_typed_into_a_cell_is_refused_and_the_document_unchanged() {
    for huge in ["79228162514264337593543950335", "100000000000"] {
        let mut h = harness(sample_app(vec![]));
        h.run_steps(2);
        open_tables(&mut h);
        let before = h.state().document().budget().clone();
        type_into_cell(&mut h, "[2150501] 基本支出", huge);
        assert_eq!(cell_value(&h, "合计 合计"), "10,441.41", "{huge}");
        h.key_press(Key::Enter);
        h.run_steps(2);
        let app = h.state();
        assert_eq!(app.document().budget(), &before, "{huge}");
        assert!(!app.document().is_modified());
        assert!(app.document().undo_label().is_none());
    }
}
