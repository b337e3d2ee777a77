//! The 情况说明 tab as the officer uses it: the text follows the tables while a figure is typed,
//! a figure leads to its row, and a reason is written in place and undone in one step.

#![allow(clippy::unwrap_used)]

use crate::common;

use budget_studio::model::TableId;
use budget_studio::ui::Tab;
use common::{harness, harness_sized, sample_app, type_into_cell};
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable as _;

fn shows(h: &egui_kittest::Harness<'_, budget_studio::app::BudgetApp>, text: &str) -> bool {
    h.query_all_by_label_contains(text).next().is_some()
}

#[test]
fn typing_an_amount_in_the_tables_rewrites_the_narrative_at_once() {
    let mut h = harness(sample_app(vec![]));
    h.run_steps(2);
    h.get_by_label("报表").click();
    h.run_steps(2);
    // Typed, not yet committed: the document already derives from the typed figure.
    type_into_cell(&mut h, "[2150501] 基本支出", "685.94");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Num5);
    h.run();
    assert_eq!(h.state().view.tab, Tab::Narrative);
    // 10441.41 + 10.00 in 一 and 三; basic expenditure 1168.84 + 10.00 with its new share.
    assert!(shows(&h, "10451.41 万元"));
    assert!(!shows(&h, "10441.41 万元"));
    assert!(shows(&h, "1178.84 万元"));
    assert!(shows(&h, "11.28%"));
}

/// A window tall enough to show the whole text: a click lands only on what is on screen.
fn tall(
    app: budget_studio::app::BudgetApp,
) -> egui_kittest::Harness<'static, budget_studio::app::BudgetApp> {
    harness_sized(app, egui::Vec2::new(1400.0, 3200.0))
}

#[test]
fn a_figure_leads_to_its_table_row() {
    let mut h = tall(sample_app(vec![]));
    h.run_steps(2);
    h.get_by_label("情况说明").click();
    h.run();
    h.get_by_label_contains("88.99%").click();
    h.run();
    let view = &h.state().view;
    assert_eq!(view.tab, Tab::Tables);
    assert_eq!(view.table, Some(TableId::GeneralPublic));
    assert_eq!(view.selected_code.as_deref(), Some("208"));
}

#[test]
fn a_missing_reason_is_written_in_place_and_undone_in_one_step() {
    let mut h = tall(sample_app(vec![]));
    h.run_steps(2);
    h.get_by_label("情况说明").click();
    h.run();
    // The seed gives no reason for the 0.95 万元 increase of 机关运行经费: the text asks for one.
    h.get_by_label_contains("［机关运行经费说明：请写明原因］")
        .click();
    h.run();
    h.get_by_role_and_label(Role::TextInput, "机关运行经费说明：")
        .type_text("主要原因是人员调整。");
    h.run();
    h.key_press(Key::Enter);
    h.run();
    let doc = h.state().document();
    assert_eq!(
        doc.budget().narrative.operating_reason,
        "主要原因是人员调整。"
    );
    assert!(doc.is_modified());
    assert!(shows(&h, "主要原因是人员调整。"));
    assert!(
        !doc.findings()
            .iter()
            .any(|f| f.rule == budget_studio::checks::Rule::ReasonMissing)
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    let doc = h.state().document();
    assert_eq!(doc.budget().narrative.operating_reason, "");
    assert!(!doc.is_modified(), "one undo step undid the whole edit");
    assert!(shows(&h, "［机关运行经费说明：请写明原因］"));
}

#[test]
fn attaching_last_years_budget_lists_the_changes_and_draws_the_chart() {
    use budget_studio::model::{Column, IncomeSource, Money};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("2021.ron");
    let mut last = budget_studio::sample::sample_budget().unwrap();
    last.profile.year = 2021;
    let i = last.function_line_index("2080505").unwrap();
    last.function_lines[i].set(
        IncomeSource::GeneralPublic,
        Column::Basic,
        Money(rust_decimal::Decimal::new(100, 0)),
    );
    budget_studio::io::save(&last, &path).unwrap();
    let mut app = sample_app(vec![]);
    app.attach_last_year_from(&path);
    let mut h = harness(app);
    h.run_steps(2);
    h.get_by_label("情况说明").click();
    h.run();
    assert!(shows(&h, "2021.ron"));
    assert!(shows(&h, "本年与上年预算对比（按类）"));
    h.get_by_label("与上年预算逐行比较").click();
    h.run();
    assert!(shows(&h, "[2080505]"));
    assert!(shows(&h, "[20805]"));
    assert!(!shows(&h, "[2101101]"));
    let base = h.state().view.base.as_ref().unwrap();
    assert_eq!(base.comparison.differing().count(), 3);
    // The narrative's changes now come from last year's file, not the file's own figures.
    assert!(
        base.summary
            .income_change
            .is_some_and(|c| c.last_year != c.this_year)
    );
}

#[test]
fn the_tables_show_last_years_columns_once_a_base_is_attached() {
    use budget_studio::model::{Column, IncomeSource, Money};
    let hundred = Money(rust_decimal::Decimal::new(100, 0));
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("2021.ron");
    let mut last = budget_studio::sample::sample_budget().unwrap();
    last.profile.year = 2021;
    let i = last.function_line_index("2080505").unwrap();
    last.function_lines[i].set(IncomeSource::GeneralPublic, Column::Basic, hundred);
    budget_studio::io::save(&last, &path).unwrap();

    let mut app = sample_app(vec![]);
    app.view.tab = Tab::Tables;
    app.view.table = Some(TableId::Expenditure);
    let mut h = harness(app);
    h.run_steps(2);
    // No base yet: the tab says how to get one, and shows no such column.
    assert!(shows(&h, "附加上年预算后可显示上年对比列"));
    assert!(
        h.query_by_role_and_label(Role::Cell, "[2080505] 上年预算数")
            .is_none()
    );
    h.state_mut().attach_last_year_from(&path);
    h.run_steps(2);
    h.get_by_label("显示上年对比列").click();
    h.run_steps(2);
    let value = |h: &egui_kittest::Harness<'_, budget_studio::app::BudgetApp>, label: &str| {
        h.get_by_role_and_label(Role::Cell, label)
            .value()
            .unwrap_or_default()
    };
    let this_year = h
        .state()
        .document()
        .derived()
        .function
        .figure("2080505", Column::Total)
        .unwrap();
    let change = this_year.checked_sub(hundred).unwrap();
    assert_eq!(value(&h, "[2080505] 上年预算数"), "100.00");
    assert_eq!(value(&h, "[2080505] 增减额"), change.format_grouped(2));
    assert!(value(&h, "[2080505] 增减%").ends_with('%'));
    // An unchanged line: last year's figure equals this year's, and no change is printed.
    assert_eq!(
        value(&h, "[2150501] 上年预算数"),
        value(&h, "[2150501] 合计")
    );
    assert_eq!(value(&h, "[2150501] 增减额"), "");
    assert_eq!(value(&h, "[2150501] 增减%"), "0.00%");

    // The economic table takes them too; a table of one source's share does not.
    h.state_mut().view.table = Some(TableId::BasicByEconomic);
    h.run_steps(2);
    assert_eq!(value(&h, "[50101] 增减额"), "");
    assert!(!value(&h, "[50101] 上年预算数").is_empty());
    h.state_mut().view.table = Some(TableId::GeneralPublic);
    h.run_steps(2);
    assert!(
        h.query_by_role_and_label(Role::Cell, "[2080505] 上年预算数")
            .is_none()
    );
}

#[test]
fn the_pdf_states_the_changes_the_narrative_tab_shows_against_an_attached_file() {
    use budget_studio::model::{Column, IncomeSource, Money};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("2021.ron");
    let mut last = budget_studio::sample::sample_budget().unwrap();
    last.profile.year = 2021;
    let i = last.function_line_index("2080505").unwrap();
    // 90.71 last year was 100.00: this year's total is 9.29 万元 less than last year's file.
    last.function_lines[i].set(
        IncomeSource::GeneralPublic,
        Column::Basic,
        Money(rust_decimal::Decimal::new(100, 0)),
    );
    budget_studio::io::save(&last, &path).unwrap();
    let mut app = sample_app(vec![]);
    app.attach_last_year_from(&path);
    let mut h = harness(app);
    h.run_steps(2);
    h.get_by_label("情况说明").click();
    h.run();
    assert!(
        shows(&h, "9.29"),
        "the tab states the change against the file"
    );
    let Some(pdftotext) = crate::pdf::tool("pdftotext") else {
        return;
    };
    let pdf = dir.path().join("out.pdf");
    h.state_mut().export_pdf_to(&pdf);
    let out = std::process::Command::new(pdftotext)
        .arg(&pdf)
        .arg("-")
        .output()
        .unwrap();
    let text: String = String::from_utf8(out.stdout)
        .unwrap()
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    assert!(text.contains("比上年减少9.29万元"), "{text}");
    assert!(
        !text.contains("8866.64"),
        "not the file's own last-year figure"
    );
}

#[test]
fn a_finding_that_a_reason_is_missing_opens_its_box_in_view() {
    // The usual window, not a tall one: the paragraph is far down the text.
    let mut h = harness(sample_app(vec![]));
    h.run_steps(2);
    h.get_by_label_contains("“机关运行经费说明”的变动").click();
    // The text scrolls to the paragraph (the scroll settles over a few frames).
    h.run_steps(40);
    assert_eq!(h.state().view.tab, budget_studio::ui::Tab::Narrative);
    h.get_by_role_and_label(Role::TextInput, "机关运行经费说明：")
        .type_text("主要原因是人员调整。");
    h.run_steps(4);
    h.key_press(Key::Enter);
    h.run_steps(4);
    assert_eq!(
        h.state().document().budget().narrative.operating_reason,
        "主要原因是人员调整。"
    );
}

/// The Narrative tab heads the text as the publication prints it: the Shanghai template's parts
/// 四、 and 六、 with their numbers, and no heading repeated under a part of the same title.
#[test]
fn the_narrative_tab_heads_the_text_with_the_publications_numbered_parts() {
    let putuo = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("sample_budgets/putuo-government-office-2025.ron");
    let app = crate::common::app_on(putuo.as_path());
    let mut h = tall(app);
    h.run_steps(2);
    h.get_by_label("情况说明").click();
    h.run_steps(2);
    assert!(h.query_by_label("四、2025年部门预算编制说明").is_some());
    assert!(h.query_by_label("六、其他相关情况说明").is_some());
    assert!(h.query_by_label("2025年部门预算编制说明").is_none());
    assert!(
        h.query_by_label("一、2025年“三公”经费预算情况说明")
            .is_some()
    );
}

/// No two pieces of a paragraph are drawn over each other: a run with nothing to print in the
/// language (an English-only space) once set the rest of a wrapped paragraph over its first row.
#[test]
fn the_pieces_of_a_wrapped_paragraph_never_overlap() {
    let putuo = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("sample_budgets/putuo-government-office-2025.ron");
    let app = crate::common::app_on(putuo.as_path());
    let mut h = budget_studio_tests_narrow(app);
    h.run_steps(2);
    h.get_by_label("情况说明").click();
    h.run_steps(3);
    // The income paragraph: the department's name starts its first row, 事业单位经营收入 comes
    // after it, on that row or below.
    let start = h
        .get_all_by_label("上海市普陀区人民政府办公室")
        .next()
        .unwrap()
        .rect();
    let first = h.get_by_label("；事业单位经营收入").rect();
    assert!(
        first.min.y >= start.max.y - 1.0 || first.min.x >= start.max.x - 1.0,
        "{first:?} over {start:?}"
    );
}

/// A window narrow enough for the first paragraphs to wrap.
fn budget_studio_tests_narrow(
    app: budget_studio::app::BudgetApp,
) -> egui_kittest::Harness<'static, budget_studio::app::BudgetApp> {
    crate::common::harness_sized(app, egui::Vec2::new(1100.0, 1600.0))
}

/// A 三公 item that changed asks for its own reason in the text (万里街道 2024: 公务用车购置费25万元，
/// 比2023年预算增加25万元，主要原因是购置公务用车), written in place and kept with the budget.
#[test]
fn a_sangong_item_that_changed_asks_for_its_own_reason() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("sample_budgets/putuo-government-office-2025.ron"),
    )
    .unwrap();
    let from = "this_year: (abroad: \"839.00\", reception: \"28.50\", vehicle_purchase: \"0\"";
    assert!(text.contains(from));
    let file = dir.path().join("putuo.ron");
    std::fs::write(
        &file,
        text.replacen(
            from,
            "this_year: (abroad: \"839.00\", reception: \"28.50\", vehicle_purchase: \"25\"",
            1,
        ),
    )
    .unwrap();
    let app = crate::common::app_on(file.as_path());
    let mut h = tall(app);
    h.run_steps(2);
    h.get_by_label("情况说明").click();
    h.run_steps(2);
    assert!(
        h.state()
            .document()
            .findings()
            .iter()
            .any(|f| f.rule == budget_studio::checks::Rule::ReasonMissing)
    );
    h.get_by_label_contains("［公务用车购置费说明：请写明原因］")
        .click();
    h.run();
    h.get_by_role_and_label(Role::TextInput, "公务用车购置费说明：")
        .type_text("主要原因是购置公务用车");
    h.run();
    h.key_press(Key::Enter);
    h.run_steps(2);
    let doc = h.state().document();
    assert_eq!(
        doc.budget().narrative.sangong_items.purchase,
        "主要原因是购置公务用车"
    );
    assert!(shows(&h, "主要原因是购置公务用车"));
    // Written beside its figure: 公务用车购置费25万元，比2024年预算新增25万元，主要原因是…
    let text = budget_studio::calc::narrative::narrative(doc.budget(), doc.derived()).to_text(true);
    assert!(
        text.contains("公务用车购置费25万元，比2024年预算新增25万元，主要原因是购置公务用车；"),
        "{text}"
    );
    // Saved and read again, the reason stays with its item.
    let saved = budget_studio::io::ron_file::to_ron_string(doc.budget()).unwrap();
    assert!(
        saved.contains("purchase: \"主要原因是购置公务用车\""),
        "{saved}"
    );
    let back = budget_studio::io::ron_file::parse_current(&saved, &file).unwrap();
    assert_eq!(back.narrative, doc.budget().narrative);
}

/// What a 项's money is mainly for (用途) is typed beside the selected line on the Tables tab and
/// printed in its paragraph of the 编制说明 (万里街道 2024: “…”25.77万元，主要用于专项普查活动。).
#[test]
fn a_lines_purpose_is_typed_on_the_tables_tab_and_printed_in_its_paragraph() {
    let putuo = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("sample_budgets/putuo-government-office-2025.ron");
    let mut h = tall(crate::common::app_on(&putuo));
    h.run_steps(2);
    h.get_by_label("报表").click();
    h.run_steps(2);
    // Putuo prints codes in three columns; the line is selected as a click on its row does.
    h.state_mut().view.selected_code = Some("2010301".into());
    h.run_steps(2);
    crate::common::type_into_field(&mut h, "用途", "机关日常运转");
    h.key_press(Key::Tab);
    h.run_steps(2);
    let doc = h.state().document();
    let line = &doc.budget().function_lines[doc.budget().function_line_index("2010301").unwrap()];
    assert_eq!(line.purpose, "机关日常运转");
    assert!(doc.is_modified());
    let text = budget_studio::calc::narrative::narrative(doc.budget(), doc.derived()).to_text(true);
    assert!(
        text.contains("行政运行”科目1,202.95万元，主要用于机关日常运转。"),
        "{text}"
    );
    // One step undoes it.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run_steps(2);
    let doc = h.state().document();
    let line = &doc.budget().function_lines[doc.budget().function_line_index("2010301").unwrap()];
    assert_eq!(line.purpose, "行政单位的基本支出", "as printed");
}

/// Last year's execution and the reason of a 项's change are typed beside the line on the Tables
/// tab; a change without its reason asks for one in place on the Narrative tab, where it is
/// written and lands on the line (万里街道 2024: …比2023年预算执行数减少57.14%。主要原因是：项目调整。).
#[test]
fn a_lines_execution_and_reason_are_typed_and_written_in_place() {
    let putuo = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("sample_budgets/putuo-government-office-2025.ron");
    // The budget in the 2024 template, which prints each 项's execution.
    let mut budget = budget_studio::io::load(&putuo).unwrap();
    budget.template = budget_studio::model::TemplateId::parse("ShanghaiDistrict2024").unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("2025.ron");
    budget_studio::io::save(&budget, &path).unwrap();
    let mut h = tall(crate::common::app_on(&path));
    h.run_steps(2);
    h.get_by_label("报表").click();
    h.run_steps(2);
    h.state_mut().view.selected_code = Some("2010301".into());
    h.run_steps(2);
    // A word is not an amount: refused with the reason, the line unchanged.
    crate::common::type_into_field(&mut h, "上年执行数", "一千万");
    h.key_press(Key::Tab);
    h.run_steps(2);
    assert!(shows(&h, "“一千万”不是数字"));
    let line = |h: &egui_kittest::Harness<'_, budget_studio::app::BudgetApp>| {
        let b = h.state().document().budget();
        b.function_lines[b.function_line_index("2010301").unwrap()].clone()
    };
    assert_eq!(line(&h).executed_last_year, None);
    crate::common::type_into_field(&mut h, "上年执行数", "14,020,000");
    h.key_press(Key::Tab);
    h.run_steps(2);
    assert_eq!(
        line(&h).executed_last_year,
        Some(budget_studio::model::Money(rust_decimal::Decimal::new(
            14_020_000, 0
        )))
    );
    assert!(
        h.state()
            .document()
            .findings()
            .iter()
            .any(|f| matches!(&f.facts, budget_studio::checks::Facts::LineReasonMissing { code } if code == "2010301"))
    );
    h.get_by_label("情况说明").click();
    h.run_steps(2);
    h.get_by_label_contains("［[2010301] 变动原因：请写明原因］")
        .click();
    h.run();
    h.get_by_role_and_label(Role::TextInput, "[2010301] 变动原因：")
        .type_text("人员调整");
    h.run();
    h.key_press(Key::Enter);
    h.run_steps(2);
    assert_eq!(line(&h).reason, "人员调整");
    let doc = h.state().document();
    let text = budget_studio::calc::narrative::narrative(doc.budget(), doc.derived()).to_text(true);
    assert!(
        text.contains(
            "2024年当年预算执行数为1402.00万元，2025年预算安排1202.95万元，\
             比2024年预算执行数减少14.20%。主要原因是：人员调整。"
        ),
        "{text}"
    );
    assert!(doc.findings().iter().all(|f| !matches!(
        f.facts,
        budget_studio::checks::Facts::LineReasonMissing { .. }
    )));
    // Each was one step: undo takes the reason back, then the execution.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run_steps(2);
    assert_eq!(line(&h).reason, "");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run_steps(2);
    assert_eq!(line(&h).executed_last_year, None);
}
