//! The command line as a user runs it: exit codes and what is printed.

#![allow(clippy::unwrap_used)] // test helpers may panic on bad fixtures

use std::process::Command;

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_budget-studio"))
}

const SAMPLE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/sample_budgets/xinzhou-industry-2022.ron"
);

#[test]
fn check_lists_the_seed_findings_and_exits_1() {
    let out = bin().args(["check", SAMPLE]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("project.total"), "{text}");
    assert!(text.contains("相差 9.00 万元"), "{text}");
    assert!(text.contains("[505]"), "{text}");
    assert!(text.contains("共 1 个错误，6 个警告"), "{text}");
}

#[test]
fn check_in_english() {
    let out = bin()
        .args(["check", SAMPLE, "--lang", "en"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("1 error, 6 warnings"), "{text}");
    assert!(
        text.contains("differ from the budget's project expenditure"),
        "{text}"
    );
}

#[test]
fn check_exits_0_without_errors() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ok.ron");
    let mut budget = budget_studio::sample::sample_budget().unwrap();
    // The Xinzhou forms carry 9.00 万元 more than the tables: drop the railway-crossing form
    // (90,000 元) to reconcile them.
    budget.projects.retain(|p| !p.name.contains("铁路道口"));
    budget_studio::io::save(&budget, &path).unwrap();
    let out = bin().arg("check").arg(&path).output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
}

#[test]
fn an_unreadable_file_exits_2_with_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.ron");
    std::fs::write(&path, "(\n  format_version: 1,\n  profile: 42,\n)").unwrap();
    for cmd in ["check", "summary"] {
        let out = bin().arg(cmd).arg(&path).output().unwrap();
        assert_eq!(out.status.code(), Some(2));
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(err.contains("bad.ron:3:"), "{err}");
    }
}

#[test]
fn summary_shows_the_published_figures() {
    let out = bin().args(["summary", SAMPLE]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    for expected in [
        "收入合计: 10,441.41",
        "基本支出: 1,168.84 (11.19%)",
        "项目支出: 9,272.57 (88.81%)",
        "[208] 社会保障和就业支出: 9,292.71 (88.99%)",
        "[213] 农林水支出: 8.25 (0.08%)",
        "增加 8,866.64（563.04%）",
        "人员经费: 967.46",
        "三公经费 (万元): 5.00",
        "机关运行经费 (万元): 152.52",
        "政府采购 (万元): 51.78",
        "402001 忻州市工业和信息化局: 8 个，9,269.17 万元",
        "402002 忻州市工业和信息化服务中心: 3 个，12.40 万元",
        "办公用房: 8145 m²",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in\n{text}");
    }
}

#[test]
fn summary_json_has_exact_amounts() {
    let out = bin().args(["summary", SAMPLE, "--json"]).output().unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["total_expenditure"], "10441.41");
    assert_eq!(v["basic"]["share"], "11.19");
    assert_eq!(v["classes"][0]["share"], "88.99");
    assert_eq!(v["income_change"]["percent"], "563.04");
    assert_eq!(v["performance_projects"][0]["in_table_unit"], "9269.17");
}

#[test]
fn charts_are_exported_without_a_window() {
    let dir = tempfile::tempdir().unwrap();
    let out = bin()
        .args(["charts", SAMPLE, "--out"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let listed = String::from_utf8(out.stdout).unwrap();
    assert_eq!(listed.lines().count(), 6);
    for line in listed.lines() {
        let pixmap = tiny_skia::Pixmap::load_png(line).unwrap();
        assert_eq!((pixmap.width(), pixmap.height()), (1920, 1080), "{line}");
    }
}

#[test]
fn an_output_that_cannot_be_written_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    // A file where the output folder should go: the folder cannot be made.
    let blocker = dir.path().join("not-a-folder");
    std::fs::write(&blocker, "x").unwrap();
    let out = bin()
        .args(["charts", SAMPLE, "--out"])
        .arg(blocker.join("charts"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("not-a-folder"), "{err}");
    // The same for a missing input, for every command.
    for cmd in ["check", "summary", "charts"] {
        let out = bin()
            .arg(cmd)
            .arg(dir.path().join("missing.ron"))
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{cmd}");
    }
}

#[test]
fn a_gbk_file_is_checked_with_a_notice() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("gbk.ron");
    let (gbk, _, _) = encoding_rs::GBK.encode(budget_studio::sample::SAMPLE_RON);
    std::fs::write(&path, &gbk).unwrap();
    let out = bin().arg("check").arg(&path).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "the sample's own error");
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("GBK/GB18030"), "{err}");
}

#[test]
fn narrative_prints_the_text_written_from_the_figures() {
    let out = bin().args(["narrative", SAMPLE]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.starts_with("第三部分 2022 年度单位预算情况说明\n"),
        "{text}"
    );
    assert!(
        text.contains("比上年增加 8866.64 万元，增加 563.04%，主要原因是"),
        "{text}"
    );
    assert!(text.contains("十二、其他说明\n无其他说明。\n"), "{text}");
}

#[test]
fn narrative_in_english_and_on_an_unreadable_file() {
    let out = bin()
        .args(["narrative", SAMPLE, "--lang", "en"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.starts_with("Part 3 Notes on the 2022 budget\n"),
        "{text}"
    );
    assert!(
        text.contains("up 8866.64 10k yuan on last year, or 563.04%"),
        "{text}"
    );
    let out = bin()
        .args(["narrative", "/nonexistent/budget.ron"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    assert!(!out.stderr.is_empty());
}

#[test]
fn a_workbook_without_room_for_its_temporary_files_fails_cleanly() {
    // The long tables are written through temporary files: where none can be made, the export
    // says so, exits 2 and leaves no file.
    let dir = tempfile::tempdir().unwrap();
    let out_path = dir.path().join("out.xlsx");
    let out = bin()
        .env("TMPDIR", dir.path().join("missing"))
        .args(["export", "xlsx", SAMPLE, "--out"])
        .arg(&out_path)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let text = String::from_utf8(out.stderr).unwrap();
    assert!(text.contains("missing"), "{text}");
    assert!(!out_path.exists());
}

#[test]
fn new_year_writes_next_years_budget_and_never_overwrites_without_force() {
    let dir = tempfile::tempdir().unwrap();
    let source = dir.path().join("this.ron");
    std::fs::copy(SAMPLE, &source).unwrap();
    let before = std::fs::read(&source).unwrap();
    let next = dir.path().join("next.ron");
    let out = bin()
        .args([
            "new-year",
            source.to_str().unwrap(),
            "--out",
            next.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("2023年预算"), "{text}");
    // This year's file is untouched; next year's opens and compares with it line by line.
    assert_eq!(std::fs::read(&source).unwrap(), before);
    let written = budget_studio::io::load_file(&next).unwrap().budget;
    assert_eq!(written.profile.year, 2023);
    let summary = bin()
        .args(["summary", next.to_str().unwrap(), "--json"])
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&summary.stdout).unwrap();
    assert_eq!(json["total_expenditure"], "0", "{json}");
    // This year's total is next year's base, without attaching this year's file.
    assert_eq!(
        json["expenditure_change"]["last_year"], "10441.41",
        "{json}"
    );
    assert_eq!(json["sangong"]["last_year"]["total"], "5.00", "{json}");
    assert!(!written.last_year.function_lines.is_empty());

    // A second run asks for --force and leaves the file as it was.
    std::fs::write(&next, "kept").unwrap();
    let again = bin()
        .args([
            "new-year",
            source.to_str().unwrap(),
            "--out",
            next.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert_eq!(again.status.code(), Some(2));
    assert!(String::from_utf8(again.stderr).unwrap().contains("--force"));
    assert_eq!(std::fs::read_to_string(&next).unwrap(), "kept");
    // Writing over the source itself is refused, even with --force.
    let onto = bin()
        .args([
            "new-year",
            source.to_str().unwrap(),
            "--out",
            source.to_str().unwrap(),
            "--force",
        ])
        .output()
        .unwrap();
    assert_eq!(onto.status.code(), Some(2));
    assert_eq!(std::fs::read(&source).unwrap(), before);
}
