//! The publication as the template words and lays it out: a changed copy of a built-in
//! template changes the narrative, the workbook and the PDF exactly where it was changed; a
//! wording with an unknown figure is refused; and no source line outside the registry names a
//! template.

#![allow(clippy::unwrap_used)] // test helpers may panic on bad fixtures

use std::path::Path;

use crate::template_files::{pdf_text, run, sample, workbook_cells};

/// The built-in Shanghai template as `template show` prints it, with one table's title, the
/// parts' numbering, one paragraph's wording and one table's zeros changed.
fn changed_shanghai(dir: &Path) -> std::path::PathBuf {
    let (_, shown, _) = run(&["template", "show", "ShanghaiDistrict"]);
    let mut changed = shown.clone();
    for (from, to) in [
        (
            "zh: \"{year}年部门支出预算总表\",",
            "zh: \"{year}年部门支出预算总表（试行）\",",
        ),
        ("part_numbering: Numerals", "part_numbering: Chapters"),
        (
            "zh: \"{year}本部门政府采购预算{procurement}\"",
            "zh: \"{year}，本部门安排政府采购预算{procurement}\"",
        ),
        (
            "en: \"Financial income and expenditure {year}\",\n            ),",
            "en: \"Financial income and expenditure {year}\",\n            ),\n            number_format: (grouped: true, zeros: Decimals),",
        ),
    ] {
        assert_eq!(changed.matches(from).count(), 1, "{from}");
        changed = changed.replacen(from, to, 1);
    }
    let file = dir.join("changed.ron");
    std::fs::write(&file, changed).unwrap();
    file
}

#[test]
fn a_changed_copy_of_a_template_changes_the_pdf_the_workbook_and_the_narrative_exactly_there() {
    let dir = tempfile::tempdir().unwrap();
    let file = changed_shanghai(dir.path());
    let file = file.to_str().unwrap();
    let putuo = sample("putuo-government-office-2025.ron");

    let (code, text, err) = run(&["narrative", &putuo, "--template-file", file]);
    assert_eq!(code, Some(0), "{err}");
    let (_, plain, _) = run(&["narrative", &putuo]);
    let new_words = "2025年，本部门安排政府采购预算34万元，其中：政府采购货物预算0万元";
    assert!(text.contains(new_words), "{text}");
    assert!(!plain.contains(new_words), "{plain}");
    assert_eq!(
        text.replace("2025年，本部门安排政府采购预算", "2025年本部门政府采购预算"),
        plain,
        "the narrative changes in that paragraph only"
    );

    let xlsx = dir.path().join("out.xlsx");
    let (code, _, err) = run(&[
        "export",
        "xlsx",
        &putuo,
        "--out",
        xlsx.to_str().unwrap(),
        "--template-file",
        file,
    ]);
    assert_eq!(code, Some(0), "{err}");
    assert!(
        workbook_cells(&xlsx, "部门支出预算总表（试行）")
            .iter()
            .any(|c| c.contains("3. 2025年部门支出预算总表（试行）")),
        "the table's title in the workbook"
    );
    // Without the file, the built-in title.
    let plain = dir.path().join("plain.xlsx");
    run(&["export", "xlsx", &putuo, "--out", plain.to_str().unwrap()]);
    assert!(workbook_cells(&plain, "（试行）").is_empty());

    let Some(before) = pdf_text(dir.path(), &[&putuo]) else {
        return;
    };
    let after = pdf_text(dir.path(), &[&putuo, "--template-file", file]).unwrap();
    // Table 1's zeros print as 0.00 (5 cells); nothing else prints a new 0.00.
    let zeros = |t: &str| t.split_whitespace().filter(|w| *w == "0.00").count();
    assert_eq!(zeros(&after), zeros(&before) + 5);
    // The 目录's dot leaders change length with their titles.
    let without_zeros = |t: &str| {
        t.split_whitespace()
            .filter(|w| *w != "0.00" && !w.chars().all(|c| c == '.'))
            .collect::<String>()
    };
    // Everything else is the same but for the changes asked for.
    let mut expected = without_zeros(&before)
        .replace("部门支出预算总表", "部门支出预算总表（试行）")
        .replace("2025年本部门政府采购预算", "2025年，本部门安排政府采购预算");
    for (numeral, chapter) in [
        ("一、部门主要职能", "第一部分部门主要职能"),
        ("二、部门机构设置", "第二部分部门机构设置"),
        ("三、名词解释", "第三部分名词解释"),
        (
            "四、2025年部门预算编制说明",
            "第四部分2025年部门预算编制说明",
        ),
        ("五、部门预算表", "第五部分部门预算表"),
        ("六、其他相关情况说明", "第六部分其他相关情况说明"),
        ("七、项目经费情况说明", "第七部分项目经费情况说明"),
    ] {
        assert_eq!(
            expected.matches(numeral).count(),
            2,
            "{numeral}: 目录 and heading"
        );
        expected = expected.replace(numeral, chapter);
    }
    let after = without_zeros(&after);
    let same = after
        .chars()
        .zip(expected.chars())
        .take_while(|(a, b)| a == b)
        .count();
    let near = |t: &str| {
        t.chars()
            .skip(same.saturating_sub(20))
            .take(60)
            .collect::<String>()
    };
    assert!(
        after == expected,
        "differs at {same}: {} / expected {}",
        near(&after),
        near(&expected)
    );
}

#[test]
fn a_wording_with_a_figure_that_does_not_exist_is_refused_with_the_names_there_are() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("worded.ron");
    std::fs::write(
        &file,
        r#"(
            format: 1,
            id: ShanghaiWorded,
            version: 2026,
            extends: ShanghaiDistrict,
            reword: [(paragraph: "procurement_total", zh: "{year}采购{procurment}")],
        )"#,
    )
    .unwrap();
    let (code, out, err) = run(&[
        "narrative",
        &sample("putuo-government-office-2025.ron"),
        "--template-file",
        file.to_str().unwrap(),
    ]);
    assert_eq!(code, Some(2), "{out}");
    assert!(out.is_empty(), "nothing is written: {out}");
    assert!(err.contains("worded.ron"), "{err}");
    assert!(err.contains("{procurment} 不存在"), "{err}");
    assert!(err.contains("year, procurement"), "{err}");

    // Spelled right, the one paragraph changes and the rest keep the base's words.
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(&file, text.replace("procurment", "procurement")).unwrap();
    let (code, out, err) = run(&[
        "narrative",
        &sample("putuo-government-office-2025.ron"),
        "--template-file",
        file.to_str().unwrap(),
    ]);
    assert_eq!(code, Some(0), "{err}");
    assert!(
        out.contains("2025年采购34万元，其中：政府采购货物预算0万元"),
        "{out}"
    );
    assert!(out.contains("2025年“三公”经费预算数为867.50万元"), "{out}");
}

/// Outside the registry that embeds the built-in templates and the reader of version-1 files,
/// no line of the program names a province or a template (tests and comments aside): what a
/// template does is in its file.
#[test]
fn only_the_registry_and_the_migration_name_a_template() {
    fn walk(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    walk(&src, &mut files);
    let allowed = ["model/template/registry.rs", "io/version.rs"];
    let names = [
        "Shanxi",
        "SHANXI",
        "Shanghai",
        "SHANGHAI",
        "MofReference",
        "MOF_REFERENCE",
        "山西",
        "上海",
        "忻州",
        "普陀",
    ];
    let mut found = Vec::new();
    for file in &files {
        let rel = file
            .strip_prefix(&src)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        if allowed.contains(&rel.as_str()) || rel.ends_with("tests.rs") || rel.contains("/tests/") {
            continue;
        }
        let text = std::fs::read_to_string(file).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        for (i, line) in lines.iter().enumerate() {
            // A file's test module closes it.
            let next = lines.get(i + 1).map_or("", |l| l.trim_start());
            if line.trim_start() == "#[cfg(test)]" && next.starts_with("mod ") {
                break;
            }
            let code = line.split("//").next().unwrap_or("");
            if names.iter().any(|n| code.contains(n)) {
                found.push(format!("{rel}:{}: {}", i + 1, line.trim()));
            }
        }
    }
    assert!(found.is_empty(), "{}", found.join("\n"));
}

#[test]
fn a_template_phrases_a_paragraphs_change_its_own_way() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("phrased.ron");
    std::fs::write(
        &file,
        r#"(
            format: 1,
            id: ShanghaiPhrased,
            version: 2026,
            extends: ShanghaiDistrict,
            reword: [(
                paragraph: "sangong_total",
                zh: "{year}“三公”经费预算数为{total}{change}。其中：",
                changes: [(figure: "change", than: "较{last}年", same: "与{last}年相同", percent: false)],
            )],
        )"#,
    )
    .unwrap();
    let putuo = sample("putuo-government-office-2025.ron");
    let (code, out, err) = run(&[
        "narrative",
        &putuo,
        "--template-file",
        file.to_str().unwrap(),
    ]);
    assert_eq!(code, Some(0), "{err}");
    assert!(
        out.contains("2025年“三公”经费预算数为867.50万元，与2024年相同。"),
        "{out}"
    );
    // The other changes keep the outline's phrasing.
    assert!(
        out.contains("因公出国（境）费839万元，与2024年预算持平"),
        "{out}"
    );
    let (_, plain, _) = run(&["narrative", &putuo]);
    assert!(
        plain.contains("867.50万元，与2024年预算持平。其中："),
        "{plain}"
    );
}

#[test]
fn a_template_numbers_its_glossary_its_own_way() {
    let dir = tempfile::tempdir().unwrap();
    // The district numbers its 名词解释 （一）…; a copy goes back to the default 一、, which is
    // then not written at all.
    let (_, shown, _) = run(&["template", "show", "ShanghaiDistrict"]);
    let changed = shown.replacen("        glossary_numbering: ChineseParen,\n", "", 1);
    assert_ne!(changed, shown);
    let file = dir.path().join("glossary.ron");
    std::fs::write(&file, changed).unwrap();
    let putuo = sample("putuo-government-office-2025.ron");
    let Some(plain) = pdf_text(dir.path(), &[&putuo]) else {
        return;
    };
    let text = pdf_text(
        dir.path(),
        &[&putuo, "--template-file", file.to_str().unwrap()],
    )
    .unwrap();
    assert!(text.contains("一、财政拨款收入："), "{text}");
    assert!(plain.contains("（一）财政拨款收入："), "{plain}");
    assert!(plain.contains("（八）机关运行经费："), "{plain}");
    assert!(!text.contains("（一）财政拨款收入："), "{text}");
}

/// Shanghai's documents print no charts: its templates leave the appendix out unless the officer
/// asks for it (`--charts`); the Shanxi template prints it unless asked not to.
#[test]
fn the_chart_appendix_follows_the_template_unless_asked() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("out.pdf");
    let pages = |args: &[&str]| -> Option<String> {
        let mut all = vec!["export", "pdf", "--out", pdf.to_str().unwrap()];
        all.extend_from_slice(args);
        let (code, _, err) = run(&all);
        assert_eq!(code, Some(0), "{err}");
        let pdftotext = crate::pdf::tool("pdftotext")?;
        let out = std::process::Command::new(pdftotext)
            .args(["-enc", "UTF-8"])
            .arg(&pdf)
            .arg("-")
            .output()
            .unwrap();
        Some(String::from_utf8(out.stdout).unwrap())
    };
    let putuo = sample("putuo-government-office-2025.ron");
    let xinzhou = sample("xinzhou-industry-2022.ron");
    let Some(plain) = pages(&[&putuo]) else {
        return;
    };
    assert!(!plain.contains("支出结构图"), "no appendix by default");
    assert!(
        pages(&[&putuo, "--charts"])
            .unwrap()
            .contains("附：支出结构图")
    );
    assert!(pages(&[&xinzhou]).unwrap().contains("附：支出结构图"));
    assert!(
        !pages(&[&xinzhou, "--no-charts"])
            .unwrap()
            .contains("支出结构图")
    );
}

/// In the app the File menu says whether the PDF gets the charts appendix: as the template
/// prints by default (Shanxi yes, Shanghai no), the officer's choice once made.
#[test]
fn the_file_menu_offers_the_chart_appendix_as_the_template_prints() {
    use egui_kittest::kittest::Queryable as _;
    let putuo = sample("putuo-government-office-2025.ron");
    let app = crate::common::app_on(Path::new(&putuo));
    let mut h = crate::common::harness(app);
    h.run_steps(2);
    assert_eq!(h.state().view.pdf_charts, None);
    h.get_by_label("文件").click();
    h.run_steps(2);
    // Unchecked for Shanghai: the node of a checked item is toggled.
    assert!(
        h.query_by(
            |n| n.label().is_some_and(|l| l.contains("PDF 附支出结构图"))
                && n.toggled() == Some(egui::accesskit::Toggled::False)
        )
        .is_some()
    );
    h.get_by(|n| n.label().is_some_and(|l| l.contains("PDF 附支出结构图")))
        .click();
    h.run_steps(2);
    assert_eq!(h.state().view.pdf_charts, Some(true));
}
