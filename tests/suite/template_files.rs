//! Templates as files, from the command line as an officer or a template's author uses them:
//! list and show the built-in ones, publish a budget in a changed copy, refuse a bad file.

#![allow(clippy::unwrap_used)] // test helpers may panic on bad fixtures

use std::path::Path;
use std::process::Command;

pub(crate) fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_budget-studio"))
}

pub(crate) fn sample(name: &str) -> String {
    format!("{}/sample_budgets/{name}", env!("CARGO_MANIFEST_DIR"))
}

pub(crate) fn run(args: &[&str]) -> (Option<i32>, String, String) {
    let out = bin().args(args).output().unwrap();
    (
        out.status.code(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

/// The Putuo sample with `from` replaced by `to`, written as `dir/name`.
fn putuo_with(dir: &Path, name: &str, from: &str, to: &str) -> std::path::PathBuf {
    let text = std::fs::read_to_string(sample("putuo-government-office-2025.ron")).unwrap();
    assert!(text.contains(from), "{from}");
    let file = dir.join(name);
    std::fs::write(&file, text.replacen(from, to, 1)).unwrap();
    file
}

/// The text of the PDF `export pdf ARGS` writes (charts left out), as `pdftotext -layout` reads
/// it; `None` where poppler is not installed (outside CI).
pub(crate) fn pdf_text(dir: &Path, args: &[&str]) -> Option<String> {
    let pdftotext = crate::pdf::tool("pdftotext")?;
    let pdf = dir.join("exported.pdf");
    let mut all = vec![
        "export",
        "pdf",
        "--no-charts",
        "--out",
        pdf.to_str().unwrap(),
    ];
    all.extend_from_slice(args);
    let (code, _, err) = run(&all);
    assert_eq!(code, Some(0), "{err}");
    let out = Command::new(pdftotext)
        .args(["-layout", "-enc", "UTF-8"])
        .arg(&pdf)
        .arg("-")
        .output()
        .unwrap();
    Some(String::from_utf8(out.stdout).unwrap())
}

/// `text` without white space, as a layout extraction spaces it.
pub(crate) fn squeezed(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// The first sheet's cells of workbook `path` whose text contains `part`.
pub(crate) fn workbook_cells(path: &Path, part: &str) -> Vec<String> {
    use calamine::{Reader, open_workbook_auto};
    let mut book = open_workbook_auto(path).unwrap();
    let mut found = Vec::new();
    for name in book.sheet_names() {
        let range = book.worksheet_range(&name).unwrap();
        for cell in range.cells() {
            let text = cell.2.to_string();
            if text.contains(part) {
                found.push(text);
            }
        }
    }
    found
}

#[test]
fn the_built_in_templates_are_listed_and_shown_as_files() {
    let (code, out, _) = run(&["template", "list"]);
    assert_eq!(code, Some(0));
    let ids: Vec<&str> = out.lines().filter_map(|l| l.split('\t').next()).collect();
    assert_eq!(
        ids,
        [
            "Shanxi",
            "ShanghaiDistrict",
            "MofReference",
            "ShanghaiDistrict2024",
            "ShanghaiDistrictUnit"
        ],
        "{out}"
    );
    let (code, shown, _) = run(&["template", "show", "MofReference"]);
    assert_eq!(code, Some(0));
    assert!(shown.contains("一般公共预算“三公”经费支出表"), "{shown}");
    let (code, _, err) = run(&["template", "show", "Nowhere"]);
    assert_eq!(code, Some(2));
    assert!(
        err.contains(
            "Shanxi, ShanghaiDistrict, MofReference, ShanghaiDistrict2024, ShanghaiDistrictUnit"
        ),
        "{err}"
    );
}

#[test]
fn a_bad_template_file_exits_2_with_its_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("bad.ron");
    std::fs::write(
        &file,
        "(\n    format: 1,\n    id: Bad,\n    version: 1,\n    colour: Red,\n)",
    )
    .unwrap();
    let (code, out, err) = run(&[
        "check",
        &sample("xinzhou-industry-2022.ron"),
        "--template-file",
        file.to_str().unwrap(),
    ]);
    assert_eq!(code, Some(2));
    assert!(out.is_empty(), "nothing is checked: {out}");
    assert!(err.contains("bad.ron:5:"), "{err}");
}

#[test]
fn the_mof_reference_set_publishes_the_xinzhou_figures_in_eight_tables_that_reconcile() {
    let dir = tempfile::tempdir().unwrap();
    let mof = dir.path().join("mof.ron");
    let (_, shown, _) = run(&["template", "show", "MofReference"]);
    std::fs::write(&mof, shown).unwrap();
    let xinzhou = sample("xinzhou-industry-2022.ron");
    let (code, out, err) = run(&["check", &xinzhou, "--template-file", mof.to_str().unwrap()]);
    // The Shanxi template's one error is its forms against the tables; this set has no forms.
    assert_eq!(code, Some(0), "{out}{err}");
    assert!(out.contains("共 0 个错误"), "{out}");
    let xlsx = dir.path().join("mof.xlsx");
    let (code, _, err) = run(&[
        "export",
        "xlsx",
        &xinzhou,
        "--out",
        xlsx.to_str().unwrap(),
        "--tables-only",
        "--template-file",
        mof.to_str().unwrap(),
    ]);
    assert_eq!(code, Some(0), "{err}");
    use calamine::Reader;
    let book = calamine::open_workbook_auto(&xlsx).unwrap();
    let tables: Vec<String> = book
        .sheet_names()
        .into_iter()
        .filter(|n| n.starts_with('表'))
        .collect();
    assert_eq!(tables.len(), 8, "{tables:?}");
    assert!(
        workbook_cells(&xlsx, "一般公共预算“三公”经费支出表")
            .iter()
            .any(|c| c.contains("表7 一般公共预算“三公”经费支出表")),
    );
}

#[test]
fn a_template_loaded_in_the_app_is_kept_offered_and_lays_the_budget_out() {
    use budget_studio::ui::dialogs::DialogOutcome;
    use egui_kittest::kittest::Queryable as _;
    let dir = tempfile::tempdir().unwrap();
    let (_, shown, _) = run(&["template", "show", "Shanxi"]);
    let changed = shown
        .replace("id: Shanxi,", "id: ShanxiAppTest,")
        .replace(
            "山西省部门预算公开（预算公开表1–11）",
            "山西省部门预算公开（试用）",
        )
        .replace("预算支出总表\"", "预算支出总表（试用）\"")
        .replace(
            "{year}度预算收入{total}，主要包括",
            "{year}度预算收入共计{total}，主要包括",
        );
    assert!(changed.contains("预算收入共计"));
    let file = dir.path().join("试用模板.ron");
    std::fs::write(&file, changed).unwrap();
    let bad = dir.path().join("坏模板.ron");
    std::fs::write(
        &bad,
        "(\n  format: 1,\n  id: AppBad,\n  version: 1,\n  tables: 3,\n)",
    )
    .unwrap();
    let kept = dir.path().join("templates");
    let mut app = crate::common::sample_app(vec![
        DialogOutcome::Chosen(file.clone()),
        DialogOutcome::Chosen(bad),
    ]);
    app.set_templates_dir(&kept);
    let mut h = crate::common::harness_sized(app, egui::Vec2::new(1400.0, 3200.0));
    h.run_steps(2);
    let load = |h: &mut egui_kittest::Harness<'_, budget_studio::app::BudgetApp>| {
        h.get_by_label("文件").click();
        h.run_steps(2);
        h.get_by(|n| {
            n.role() == egui::accesskit::Role::Button
                && n.label().is_some_and(|l| l.contains("载入模板"))
        })
        .click();
        h.run_steps(3);
    };
    load(&mut h);
    assert!(kept.join("ShanxiAppTest.ron").exists(), "a copy is kept");
    assert!(
        h.state()
            .status()
            .unwrap_or_default()
            .contains("已载入模板"),
        "{:?}",
        h.state().status()
    );
    // 部门概况 offers it; choosing it lays the tables out in it.
    h.get_by_label("情况说明").click();
    h.run_steps(2);
    h.get_by_label("部门概况").click();
    h.run_steps(2);
    h.get_by_label("山西省部门预算公开（试用）").click();
    h.run_steps(2);
    assert_eq!(
        h.state().document().budget().template.as_str(),
        "ShanxiAppTest"
    );
    h.get_by_label("报表").click();
    h.run_steps(2);
    assert!(
        h.query_by_label("预算公开表3 预算支出总表（试用）")
            .is_some()
    );
    // The narrative in the template's words (the tab, then its text rather than the profile).
    h.get_by_label("情况说明").click();
    h.run_steps(2);
    h.get_all_by_label("情况说明").last().unwrap().click();
    h.run_steps(3);
    assert!(h.query_by_label_contains("度预算收入共计").is_some());
    // A bad file: its line, and nothing loaded.
    load(&mut h);
    assert!(h.query_by_label_contains("坏模板.ron:5:").is_some());
    assert!(
        budget_studio::model::TemplateId::parse("AppBad")
            .unwrap()
            .find()
            .is_none()
    );
}

#[test]
fn a_budget_whose_template_is_not_loaded_opens_in_the_nearest_built_in_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let file = putuo_with(
        dir.path(),
        "elsewhere.ron",
        "template: ShanghaiDistrict,",
        "template: ShanghaiDistrict2031,",
    );
    let (code, out, err) = run(&["check", file.to_str().unwrap()]);
    assert_eq!(code, Some(0), "{out}{err}");
    assert!(
        err.contains("本预算的模板 ShanghaiDistrict2031 未载入"),
        "{err}"
    );
    assert!(
        err.contains("上海市区级部门预算"),
        "the built-in used: {err}"
    );
    // The budget keeps naming its own template.
    let loaded = budget_studio::io::load(&file).unwrap();
    assert_eq!(loaded.template.as_str(), "ShanghaiDistrict2031");
    assert_eq!(loaded.template().id.as_str(), "ShanghaiDistrict");
}

#[test]
fn the_outline_of_a_template_file_lays_out_the_pdf_cover_parts_and_numbering() {
    let dir = tempfile::tempdir().unwrap();
    let (_, shown, _) = run(&["template", "show", "ShanghaiDistrict"]);
    let changed = shown
        .replacen(
            "lines: [",
            "lines: [(text: (zh: \"上海市普陀区{year}年区级部门预算\", en: \"Putuo {year}\"), size: Medium),",
            1,
        )
        .replace("part_numbering: Numerals", "part_numbering: Chapters")
        .replace("zh: \"部门预算表\"", "zh: \"{year}年部门预算表\"");
    assert!(
        changed.contains("上海市普陀区{year}年区级部门预算"),
        "{changed}"
    );
    let file = dir.path().join("outline.ron");
    std::fs::write(&file, &changed).unwrap();
    let putuo = sample("putuo-government-office-2025.ron");
    let Some(text) = pdf_text(
        dir.path(),
        &[&putuo, "--template-file", file.to_str().unwrap()],
    ) else {
        return;
    };
    let text = squeezed(&text);
    assert!(
        text.contains("上海市普陀区2025年区级部门预算"),
        "the cover's first line"
    );
    assert!(
        text.contains("第五部分2025年部门预算表"),
        "numbered as chapters: {text}"
    );
    assert!(!text.contains("五、部门预算表"), "{text}");

    // A title naming a value that does not exist is refused, naming the ones that do.
    let bad = dir.path().join("bad-outline.ron");
    std::fs::write(
        &bad,
        changed.replace("{year}年部门预算表", "{yaer}年部门预算表"),
    )
    .unwrap();
    let (code, _, err) = run(&[
        "check",
        &sample("putuo-government-office-2025.ron"),
        "--template-file",
        bad.to_str().unwrap(),
    ]);
    assert_eq!(code, Some(2));
    assert!(
        err.contains("yaer") && err.contains("year, department"),
        "{err}"
    );
}

#[test]
fn a_template_sets_how_its_tables_print_amounts_and_zeros() {
    let dir = tempfile::tempdir().unwrap();
    let (_, shown, _) = run(&["template", "show", "ShanghaiDistrict"]);
    // The template-wide format is the last field the file shows.
    let at = shown.rfind("number_format").unwrap();
    let (head, tail) = shown.split_at(at);
    let tail = tail
        .replacen("grouped: true", "grouped: false", 1)
        .replacen("zeros: Blank", "zeros: Decimals", 1);
    let file = dir.path().join("formats.ron");
    std::fs::write(&file, format!("{head}{tail}")).unwrap();
    let putuo = sample("putuo-government-office-2025.ron");
    let Some(before) = pdf_text(dir.path(), &[&putuo]) else {
        return;
    };
    let after = pdf_text(
        dir.path(),
        &[&putuo, "--template-file", file.to_str().unwrap()],
    )
    .unwrap_or_default();
    let zeros = |t: &str| t.split_whitespace().filter(|w| *w == "0.00").count();
    assert!(before.contains("11,919,501.84") && !before.contains("11919501.84"));
    assert!(after.contains("11919501.84") && !after.contains("11,919,501.84"));
    assert!(zeros(&after) > zeros(&before) + 20, "zeros print as 0.00");
}

#[test]
fn a_template_prints_every_page_on_its_side() {
    let dir = tempfile::tempdir().unwrap();
    // The district prints every page landscape; a copy turned upright prints its text pages
    // upright and its wide tables still on their side.
    let (_, shown, _) = run(&["template", "show", "ShanghaiDistrict"]);
    let changed = shown.replacen("pages: Landscape", "pages: Portrait", 1);
    assert_ne!(changed, shown);
    let file = dir.path().join("upright.ron");
    std::fs::write(&file, changed).unwrap();
    let Some(pdfinfo) = crate::pdf::tool("pdfinfo") else {
        return;
    };
    let sizes = |args: &[&str]| {
        let pdf = dir.path().join("p.pdf");
        let mut all = vec![
            "export",
            "pdf",
            "--no-charts",
            "--out",
            pdf.to_str().unwrap(),
        ];
        all.extend_from_slice(args);
        let (code, _, err) = run(&all);
        assert_eq!(code, Some(0), "{err}");
        let out = Command::new(&pdfinfo)
            .args(["-f", "1", "-l", "999"])
            .arg(&pdf)
            .output()
            .unwrap();
        let info = String::from_utf8(out.stdout).unwrap();
        info.lines()
            .filter(|l| l.starts_with("Page") && l.contains("size:"))
            .map(|l| l.contains("841.89 x 595.2"))
            .collect::<Vec<bool>>()
    };
    let putuo = sample("putuo-government-office-2025.ron");
    let wide = sizes(&[&putuo]);
    assert!(!wide.is_empty() && wide.iter().all(|w| *w), "{wide:?}");
    let upright = sizes(&[&putuo, "--template-file", file.to_str().unwrap()]);
    assert!(
        upright.iter().any(|wide| !wide) && upright.iter().any(|wide| *wide),
        "the copy prints upright text pages and wide tables on their side: {upright:?}"
    );
}

#[test]
fn a_template_prints_the_total_under_the_lines_and_the_workbook_still_sums_them() {
    use calamine::{Data, Reader};
    let dir = tempfile::tempdir().unwrap();
    // Shanxi prints 合计 above the lines; a copy puts it under them.
    let (_, shown, _) = run(&["template", "show", "Shanxi"]);
    let changed = shown.replacen("total_row: Top", "total_row: Bottom", 1);
    assert_ne!(changed, shown);
    let file = dir.path().join("bottom.ron");
    std::fs::write(&file, changed).unwrap();
    let xlsx = dir.path().join("bottom.xlsx");
    let (code, _, err) = run(&[
        "export",
        "xlsx",
        &sample("xinzhou-industry-2022.ron"),
        "--out",
        xlsx.to_str().unwrap(),
        "--template-file",
        file.to_str().unwrap(),
    ]);
    assert_eq!(code, Some(0), "{err}");
    let mut book = calamine::open_workbook_auto(&xlsx).unwrap();
    let sheet = book.worksheet_range("表3").unwrap();
    let formulas = book.worksheet_formula("表3").unwrap();
    let label_rows: Vec<(usize, String)> = sheet
        .rows()
        .enumerate()
        .filter_map(|(i, r)| {
            r.iter()
                .find(|c| matches!(c, Data::String(s) if s == "合计" || s.starts_with("行政运行")))
                .map(|c| (i, c.to_string()))
        })
        .collect();
    // The last 合计 is the body's (the header has a 合计 column).
    let total = label_rows.iter().rfind(|(_, l)| l == "合计").unwrap().0;
    let line = label_rows.iter().find(|(_, l)| l != "合计").unwrap().0;
    assert!(total > line, "合计 under the lines: {label_rows:?}");
    // Its amount is a formula over the lines above it.
    let absolute = total + sheet.start().unwrap().0 as usize;
    let first = formulas.start().unwrap().0 as usize;
    let row_formulas: Vec<String> = formulas
        .cells()
        .filter(|(r, _, f)| r + first == absolute && !f.is_empty())
        .map(|(_, _, f)| f.clone())
        .collect();
    assert!(
        row_formulas.iter().any(|f| f.contains("SUM")),
        "{row_formulas:?}"
    );
}

#[test]
fn a_template_words_the_narratives_headings_its_own_way() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("headings.ron");
    std::fs::write(
        &file,
        r#"(
            format: 1,
            id: ShanxiHeadings,
            version: 2023,
            extends: Shanxi,
            narrative: (
                outline: TwelveSections,
                spaced_figures: true,
                grouped_figures: false,
                trim_zeros: false,
                headings: [
                    (topic: Sangong, title: (zh: "{year}年“三公”经费预算情况说明", en: "\"Three public\" costs in {year}")),
                ],
                section_numbering: ChineseParen,
            ),
        )"#,
    )
    .unwrap();
    let xinzhou = sample("xinzhou-industry-2022.ron");
    let (code, out, err) = run(&[
        "narrative",
        &xinzhou,
        "--template-file",
        file.to_str().unwrap(),
    ]);
    assert_eq!(code, Some(0), "{err}");
    assert!(out.contains("（七）2022年“三公”经费预算情况说明"), "{out}");
    assert!(
        out.contains("（一）单位预算收支数据变动情况及原因"),
        "{out}"
    );
    assert!(!out.contains("“三公”经费增减变动原因说明"), "{out}");
    let (_, plain, _) = run(&["narrative", &xinzhou]);
    assert!(plain.contains("七、“三公”经费增减变动原因说明"), "{plain}");
}

#[test]
fn a_budget_made_with_another_version_of_its_template_says_so_on_opening() {
    let dir = tempfile::tempdir().unwrap();
    let file = putuo_with(
        dir.path(),
        "older.ron",
        "template: ShanghaiDistrict,",
        "template: ShanghaiDistrict,\n    template_version: Some(2024),",
    );
    let (code, _, err) = run(&["check", file.to_str().unwrap()]);
    assert_eq!(code, Some(0), "{err}");
    assert!(
        err.contains("本预算按模板 ShanghaiDistrict 的版本 2024 编制，现按已载入的版本 2025 排版"),
        "{err}"
    );
    // A new budget records the version it is made with, and saves it.
    let budget = budget_studio::model::Budget::in_template(
        budget_studio::model::TemplateId::SHANGHAI_DISTRICT,
        "",
        "某局",
        2026,
    );
    assert_eq!(budget.template_version, Some(2025));
    let saved = budget_studio::io::to_ron_string(&budget).unwrap();
    assert!(saved.contains("template_version: Some(2025)"), "{saved}");
}
