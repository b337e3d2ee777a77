//! The publishable disclosure as a PDF: read back with poppler's tools, the seed's PDF carries
//! every table's title, the figures the seed publishes and the unit on every table page, embeds
//! only subset fonts and has about the seed's number of pages; the Shanghai sample prints its own
//! nine tables and units; charts are vector drawings; a bad output path fails clearly and leaves
//! nothing behind. The poppler tools are installed by `.ci/run` in CI, where these tests must not
//! skip; elsewhere a missing tool makes a test say "skipped" and pass.

#![allow(clippy::unwrap_used, clippy::expect_used)] // test helpers may panic on bad fixtures

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use budget_studio::calc::derive;
use budget_studio::calc::tables::{disclosure_tables, table};
use budget_studio::checks::{self, Severity};
use budget_studio::cli;
use budget_studio::io::from_ron_str;
use budget_studio::io::pdf::{PdfError, PdfOptions, export, page_count, pdf_bytes};
use budget_studio::model::{Budget, Money};
use budget_studio::sample::sample_budget;
use rust_decimal::Decimal;

const PUTUO_RON: &str = include_str!("../../sample_budgets/putuo-government-office-2025.ron");

fn putuo() -> Budget {
    from_ron_str(PUTUO_RON, Path::new("putuo-government-office-2025.ron")).unwrap()
}

/// The program `name` from PATH; `None` with a note when it is absent (a failure in CI).
pub(crate) fn tool(name: &str) -> Option<PathBuf> {
    let found = std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|dir| dir.join(name))
            .find(|path| path.is_file())
    });
    if found.is_none() {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "{name} is missing; CI installs poppler-utils (see .ci/run)"
        );
        let _ = writeln!(
            std::io::stderr(),
            "skipped: {name} is not installed (apt-get install poppler-utils)"
        );
    }
    found
}

/// A scratch folder for this test binary.
fn scratch() -> &'static Path {
    static DIR: OnceLock<tempfile::TempDir> = OnceLock::new();
    DIR.get_or_init(|| tempfile::tempdir().unwrap()).path()
}

/// The seed's PDF, exported once through the command line as a user would.
fn seed_pdf() -> &'static Path {
    static PDF: OnceLock<PathBuf> = OnceLock::new();
    PDF.get_or_init(|| {
        let source = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("sample_budgets")
            .join("xinzhou-industry-2022.ron");
        let out = scratch().join("seed.pdf");
        let (mut o, mut e) = (Vec::new(), Vec::new());
        let code = cli::export_pdf(&source, &one(&out), true, Some(true), &mut o, &mut e).unwrap();
        assert_eq!(code, 0, "{}", String::from_utf8_lossy(&e));
        out
    })
}

fn putuo_pdf() -> &'static Path {
    static PDF: OnceLock<PathBuf> = OnceLock::new();
    PDF.get_or_init(|| {
        let budget = putuo();
        let out = scratch().join("putuo.pdf");
        export(&budget, &derive(&budget), &out, &PdfOptions::default()).unwrap();
        out
    })
}

/// `pdftotext -layout`, pages separated by form feeds.
fn text_of(pdf: &Path) -> Option<String> {
    let exe = tool("pdftotext")?;
    let out = Command::new(exe)
        .args(["-layout", "-enc", "UTF-8"])
        .arg(pdf)
        .arg("-")
        .output()
        .unwrap();
    assert!(out.status.success());
    Some(String::from_utf8(out.stdout).unwrap())
}

/// The text without the spaces a layout extraction puts between columns and characters.
fn squeezed(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

#[test]
fn the_seed_prints_every_table_title_and_the_figures_it_publishes() {
    let Some(text) = text_of(seed_pdf()) else {
        return;
    };
    let all = squeezed(&text);
    let budget = sample_budget().unwrap();
    let derived = derive(&budget);
    for id in disclosure_tables(&budget) {
        let title = table(&budget, &derived, id, true).title;
        assert!(all.contains(&squeezed(&title)), "missing title {title}");
    }
    for part in [
        "2022年度部门预算公开",
        "目录",
        "第一部分概况",
        "本单位职责",
        "机构设置情况",
        "第二部分2022年度单位预算报表",
        "第三部分2022年度单位预算情况说明",
        "第四部分名词解释",
        "项目支出绩效目标申报表",
        "附：支出结构图",
    ] {
        assert!(all.contains(part), "missing {part}");
    }
    // Figures of the tables (grouped, as the tables print them) and of the 情况说明 (plain).
    for figure in [
        "10,441.41",
        "1,168.84",
        "9,272.57",
        "9,292.71",
        "1,014.42",
        "751.54",
        "676.66",
        "246.28",
        "9,000.00",
        "86.35",
        "39.68",
        "8.25",
        "152.52",
        "5.00",
        "3.00",
        "2.00",
        "10441.41",
        "1168.84",
        "9272.57",
        "967.46",
        "201.37",
        "51.78",
        "29.78",
        "21.00",
        "88.99%",
        "0.38%",
        "0.08%",
        "9.72%",
        "0.83%",
        "11.19%",
        "88.81%",
        "100.00%",
        // The forms, in 元.
        "300,000",
        "166,000",
        "≥85%",
        ">15%",
    ] {
        assert!(all.contains(figure), "missing figure {figure}");
    }
}

#[test]
fn every_table_page_names_the_department_and_the_unit() {
    let Some(text) = text_of(seed_pdf()) else {
        return;
    };
    let pages: Vec<String> = text.split('\u{c}').map(squeezed).collect();
    let first = pages
        .iter()
        .rposition(|p| p.starts_with("第二部分") || p.contains("第二部分2022年度单位预算报表"))
        .expect("the tables part");
    let after = pages
        .iter()
        .rposition(|p| p.contains("第三部分2022年度单位预算情况说明"))
        .expect("the narrative part");
    assert!(after > first + 5, "tables on pages {first}..{after}");
    for (n, page) in pages.iter().enumerate().take(after).skip(first) {
        assert!(
            page.contains("编制部门：") && page.contains("单位：万元"),
            "page {} of the tables lacks the department or the unit",
            n + 1
        );
    }
}

#[test]
fn a_long_table_repeats_its_header_on_every_page() {
    // 1,000 功能分类 lines run over many pages; each page has the header again.
    let budget = budget_studio::synth::function_budget(1000, 7);
    let out = scratch().join("long.pdf");
    let options = PdfOptions {
        zh: true,
        charts: Some(false),
        against: None,
    };
    export(&budget, &derive(&budget), &out, &options).unwrap();
    let Some(text) = text_of(&out) else {
        return;
    };
    let pages: Vec<String> = text.split('\u{c}').map(squeezed).collect();
    let with_lines = pages
        .iter()
        .filter(|p| p.contains("功能分类科目编码") || p.contains("科目编码"))
        .count();
    let expenditure = pages
        .iter()
        .filter(|p| p.contains("基本支出") && p.contains("项目支出") && p.contains("单位：万元"))
        .count();
    assert!(with_lines > 10, "{with_lines} pages with a code header");
    assert!(
        expenditure > 5,
        "{expenditure} pages of the expenditure table"
    );
}

#[test]
fn only_embedded_subset_fonts_are_used() {
    let Some(exe) = tool("pdffonts") else {
        return;
    };
    let out = Command::new(exe).arg(seed_pdf()).output().unwrap();
    assert!(out.status.success());
    let listing = String::from_utf8(out.stdout).unwrap();
    let fonts: Vec<&str> = listing.lines().skip(2).collect();
    assert!(!fonts.is_empty(), "{listing}");
    for line in &fonts {
        let cols: Vec<&str> = line.split_whitespace().collect();
        // name type [encoding …] emb sub uni object ID: emb and sub are the 5th and 4th from
        // the end.
        let n = cols.len();
        assert!(n >= 7, "{line}");
        assert_eq!((cols[n - 5], cols[n - 4]), ("yes", "yes"), "{line}");
        assert!(cols[0].contains("NotoSansCJK"), "{line}");
    }
}

#[test]
fn poppler_reads_both_samples_without_a_syntax_error() {
    for tool_name in ["pdfinfo", "pdftotext", "pdffonts"] {
        let Some(exe) = tool(tool_name) else {
            return;
        };
        for pdf in [seed_pdf(), putuo_pdf()] {
            let mut command = Command::new(&exe);
            command.arg(pdf);
            if tool_name == "pdftotext" {
                command.arg("-");
            }
            let out = command.output().unwrap();
            assert!(out.status.success(), "{tool_name} {}", pdf.display());
            let err = String::from_utf8_lossy(&out.stderr);
            assert!(
                !err.contains("Error"),
                "{tool_name} {}: {err}",
                pdf.display()
            );
        }
    }
}

#[test]
fn the_seed_has_about_as_many_pages_as_the_published_one() {
    let budget = sample_budget().unwrap();
    let derived = derive(&budget);
    let pages = page_count(&budget, &derived, &PdfOptions::default()).unwrap();
    // The published PDF has 48 numbered pages after its cover and contents.
    assert!((40..=62).contains(&pages), "{pages} pages");
    let without = PdfOptions {
        zh: true,
        charts: Some(false),
        against: None,
    };
    assert!(page_count(&budget, &derived, &without).unwrap() < pages);
}

#[test]
fn charts_are_vector_drawings() {
    let Some(exe) = tool("pdfimages") else {
        return;
    };
    let out = Command::new(exe)
        .arg("-list")
        .arg(seed_pdf())
        .output()
        .unwrap();
    let listing = String::from_utf8(out.stdout).unwrap();
    // The header and its rule only: no raster image anywhere.
    assert_eq!(listing.lines().count(), 2, "{listing}");
    let Some(text) = text_of(seed_pdf()) else {
        return;
    };
    let pages: Vec<&str> = text.split('\u{c}').collect();
    let appendix = pages
        .iter()
        .rposition(|p| squeezed(p).contains("附：支出结构图"))
        .expect("appendix");
    assert!(
        appendix + 1 >= pages.len() - 4,
        "the appendix is at the end"
    );
}

#[test]
fn the_shanghai_sample_prints_its_own_nine_tables_and_units() {
    let Some(text) = text_of(putuo_pdf()) else {
        return;
    };
    let all = squeezed(&text);
    let budget = putuo();
    let derived = derive(&budget);
    let ids = disclosure_tables(&budget);
    assert_eq!(ids.len(), 9);
    for id in ids {
        let title = table(&budget, &derived, id, true).title;
        assert!(all.contains(&squeezed(&title)), "missing title {title}");
    }
    assert!(all.contains("单位：元"));
    assert!(all.contains("单位：万元"));
    for part in [
        "部门主要职能",
        "部门机构设置",
        "名词解释",
        "部门预算编制说明",
        "部门预算表",
        "其他相关情况说明",
        "项目经费情况说明",
    ] {
        assert!(all.contains(part), "missing {part}");
    }
    // 表1's total in 元 and the text's 万元.
    assert!(all.contains("91,016,775"), "the total in 元");
    assert!(all.contains("9,101.68"), "the total in 万元");
}

#[test]
fn an_unwritable_path_fails_clearly_and_leaves_no_file() {
    let budget = sample_budget().unwrap();
    let derived = derive(&budget);
    // A folder of its own: the other tests' exports leave temporaries in the shared one while
    // they write.
    let own = tempfile::tempdir().unwrap();
    let scratch = || own.path();
    // A path below a regular file cannot be created, even by root.
    let blocker = scratch().join("not-a-folder");
    std::fs::write(&blocker, b"x").unwrap();
    let target = blocker.join("out.pdf");
    let err = export(&budget, &derived, &target, &PdfOptions::default()).unwrap_err();
    assert!(matches!(err, PdfError::Write(_)), "{err:?}");
    let message = err.to_string();
    assert!(message.contains("out.pdf"), "{message}");
    assert!(message.contains("无法保存"), "{message}");
    assert!(!target.exists());
    let leftovers: Vec<_> = std::fs::read_dir(scratch())
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().contains(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");

    // Through the command line: exit 2 and the message on stderr.
    let source = scratch().join("seed.ron");
    std::fs::write(&source, budget_studio::sample::SAMPLE_RON).unwrap();
    let (mut o, mut e) = (Vec::new(), Vec::new());
    let code = cli::export_pdf(&source, &one(&target), true, Some(false), &mut o, &mut e).unwrap();
    assert_eq!(code, 2);
    assert!(String::from_utf8(e).unwrap().contains("out.pdf"));
    assert!(!target.exists());
}

#[test]
fn a_budget_with_findings_still_exports() {
    let mut budget = sample_budget().unwrap();
    // Break an identity beyond the seed's own: 三公 no longer matches its economic lines.
    budget.sangong.this_year.reception = Money("99.00".parse::<Decimal>().unwrap());
    let derived = derive(&budget);
    let findings = checks::run(&budget, &derived);
    assert!(findings.iter().any(|f| f.severity == Severity::Error));
    let bytes = pdf_bytes(&budget, &derived, &PdfOptions::default()).unwrap();
    assert!(bytes.starts_with(b"%PDF-"));
}

#[test]
fn the_english_document_is_labelled_in_english() {
    let budget = sample_budget().unwrap();
    let out = scratch().join("en.pdf");
    let options = PdfOptions {
        zh: false,
        charts: Some(true),
        against: None,
    };
    export(&budget, &derive(&budget), &out, &options).unwrap();
    let Some(text) = text_of(&out) else {
        return;
    };
    for label in ["Contents", "Part 1 Profile", "Unit: 10k yuan", "Glossary"] {
        assert!(text.contains(label), "missing {label}");
    }
    // Each section numbered once, in the contents and above the text.
    assert!(
        text.contains("1. Changes in income and expenditure"),
        "{text}"
    );
    assert!(!text.contains("1. 1."), "{text}");
}

#[test]
fn no_heading_is_repeated_under_a_heading_of_the_same_text() {
    let Some(text) = text_of(putuo_pdf()) else {
        return;
    };
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    let bare = |l: &str| {
        l.split_once('、')
            .map_or(l, |(_, rest)| rest)
            .split(" . ")
            .next()
            .unwrap_or("")
            .trim()
            .to_owned()
    };
    for pair in lines.windows(2) {
        let (a, b) = (bare(pair[0]), bare(pair[1]));
        assert!(
            a.is_empty() || a != b || !pair[0].contains('、'),
            "{} / {}",
            pair[0],
            pair[1]
        );
    }
    assert_eq!(
        text.matches("2025年部门预算编制说明").count(),
        2,
        "contents and heading"
    );
}

/// Each built-in template's golden sample (`tests/fixtures/golden/ID.txt`): a budget, and lines
/// its PDF must print in that order (a line starting with `!` must not be printed at all). A change to a template shows here what moved.
#[test]
fn every_built_in_template_prints_its_golden_sample() {
    use budget_studio::model::template::registry::BUILT_IN;
    let golden = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/golden");
    for (file, _) in BUILT_IN {
        let id = file.trim_end_matches(".ron");
        let text = std::fs::read_to_string(golden.join(format!("{id}.txt")))
            .unwrap_or_else(|_| panic!("template {id} has no golden sample"));
        let mut lines = text
            .lines()
            .filter(|l| !l.starts_with('#') && !l.is_empty());
        let budget_name = lines
            .next()
            .and_then(|l| l.strip_prefix("budget: "))
            .unwrap();
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("sample_budgets")
            .join(budget_name);
        let mut budget = budget_studio::io::load(&path).unwrap();
        budget.template = budget_studio::model::TemplateId::parse(id).unwrap();
        let out = scratch().join(format!("golden-{id}.pdf"));
        let options = PdfOptions {
            zh: true,
            charts: Some(false),
            against: None,
        };
        export(&budget, &derive(&budget), &out, &options).unwrap();
        let Some(printed) = text_of(&out) else {
            return;
        };
        let printed = squeezed(&printed);
        let mut from = 0;
        for line in lines {
            if let Some(absent) = line.strip_prefix('!') {
                assert!(
                    !printed.contains(&squeezed(absent)),
                    "{id}: “{absent}” is printed"
                );
                continue;
            }
            let want = squeezed(line);
            match printed[from..].find(&want) {
                Some(at) => from += at + want.len(),
                None => panic!("{id}: “{line}” is not printed after what came before"),
            }
        }
    }
}

/// Text extracted from the PDF reads as the official document's: no gap of the typesetter's own
/// between Chinese and digits (`预算数为867.50万元`, as the Putuo document prints it), and the
/// spaces the Shanxi style writes kept (`第三部分 2022 年度单位预算情况说明`).
#[test]
fn extracted_text_reads_as_the_official_documents() {
    let dir = tempfile::tempdir().unwrap();
    let putuo = format!(
        "{}/sample_budgets/putuo-government-office-2025.ron",
        env!("CARGO_MANIFEST_DIR")
    );
    let Some(text) = crate::template_files::pdf_text(dir.path(), &[&putuo]) else {
        return;
    };
    for official in [
        "2025年“三公”经费预算数为867.50万元，与2024年预算持平。其中：",
        "机关运行经费预算为213.28万元。",
        "四、2025年部门预算编制说明",
    ] {
        assert!(text.contains(official), "{official}");
    }
    // The profile's remarks are the officer's, not the document's.
    assert!(!text.contains("公开文本未印发部门代码"), "{text}");
    let xinzhou = format!(
        "{}/sample_budgets/xinzhou-industry-2022.ron",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = crate::template_files::pdf_text(dir.path(), &[&xinzhou]).unwrap();
    for official in [
        "第三部分 2022 年度单位预算情况说明",
        "2022 年度预算收入总计 10441.41 万元",
    ] {
        assert!(text.contains(official), "{official}");
    }
}

/// Every figure of the 情况说明 is printed whole, its number and unit on one line
/// (`9,101.68万元`, not `9,101.` and `68万元`), in both samples.
#[test]
fn no_figure_of_the_text_is_broken_across_lines() {
    let dir = tempfile::tempdir().unwrap();
    for name in [
        "putuo-government-office-2025.ron",
        "xinzhou-industry-2022.ron",
    ] {
        let path = format!("{}/sample_budgets/{name}", env!("CARGO_MANIFEST_DIR"));
        let Some(text) = crate::template_files::pdf_text(dir.path(), &[&path]) else {
            return;
        };
        let budget = budget_studio::io::ron_file::load(std::path::Path::new(&path)).unwrap();
        let derived = derive(&budget);
        let doc = budget_studio::calc::narrative::narrative(&budget, &derived);
        let mut checked = 0;
        for f in doc.figures() {
            let printed = budget_studio::calc::narrative::figure_text(f, doc.style, true);
            // The number and its unit, as the layout extraction spaces them.
            let printed = printed.trim();
            assert!(
                text.contains(printed),
                "{name}: {printed} is broken or missing"
            );
            checked += 1;
        }
        assert!(checked > 20, "{name}: {checked}");
    }
}

/// An export to one file, the department's disclosure.
fn one(out: &std::path::Path) -> cli::units::Target {
    cli::units::Target::One {
        out: out.to_owned(),
        unit: None,
    }
}
