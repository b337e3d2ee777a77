//! The budget file: round trips, clear errors with line:column, safe saving.

#![allow(clippy::unwrap_used)] // test helpers may panic on bad fixtures

use std::path::Path;

use budget_studio::io::{LoadError, from_ron_str, load, save, to_ron_string};
use budget_studio::sample::{SAMPLE_RON, sample_budget};

#[test]
fn load_save_load_gives_the_same_document_and_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("b.ron");
    let budget = sample_budget().unwrap();
    save(&budget, &path).unwrap();
    let again = load(&path).unwrap();
    assert_eq!(again, budget);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), SAMPLE_RON);
    save(&again, &path).unwrap();
    assert_eq!(std::fs::read_to_string(&path).unwrap(), SAMPLE_RON);
}

#[test]
fn a_syntax_error_names_file_line_and_column() {
    let broken = SAMPLE_RON.replacen("format_version: 2,", "format_version: 2,\n    oops", 1);
    let err = from_ron_str(&broken, Path::new("broken.ron")).unwrap_err();
    let (line, column) = err.position().unwrap();
    assert_eq!(line, 3);
    assert!(column >= 5, "column {column}");
    let text = err.to_string();
    assert!(text.starts_with("broken.ron:3:"), "{text}");
}

#[test]
fn a_bad_amount_is_reported_where_it_is() {
    let broken = SAMPLE_RON.replacen("\"90.71\"", "\"90.7x\"", 1);
    let line_of_amount = SAMPLE_RON
        .lines()
        .position(|l| l.contains("\"90.71\""))
        .unwrap()
        + 1;
    let err = from_ron_str(&broken, Path::new("b.ron")).unwrap_err();
    assert!(matches!(err, LoadError::Parse { .. }), "{err}");
    assert_eq!(err.position().map(|p| p.0), Some(line_of_amount), "{err}");
}

#[test]
fn a_newer_format_is_refused() {
    let newer = SAMPLE_RON.replacen("format_version: 2,", "format_version: 99,", 1);
    let err = from_ron_str(&newer, Path::new("n.ron")).unwrap_err();
    assert!(matches!(err, LoadError::Version { found: 99, .. }));
}

#[test]
fn a_missing_file_is_an_io_error_naming_it() {
    let err = load(Path::new("/nonexistent/budget.ron")).unwrap_err();
    assert!(matches!(err, LoadError::Io { .. }));
    assert!(err.to_string().contains("/nonexistent/budget.ron"));
}

#[test]
fn saving_leaves_no_temporary_file_and_replaces_the_target() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("b.ron");
    std::fs::write(&path, "old").unwrap();
    let budget = sample_budget().unwrap();
    save(&budget, &path).unwrap();
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    // No temporary is left; the previous content is kept as the backup.
    let mut names = names;
    names.sort();
    assert_eq!(names, vec!["b.ron".to_owned(), "b.ron.bak".to_owned()]);
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        to_ron_string(&budget).unwrap()
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("b.ron.bak")).unwrap(),
        "old"
    );
}

#[test]
fn saving_into_a_missing_folder_fails_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("missing").join("b.ron");
    let budget = sample_budget().unwrap();
    assert!(save(&budget, &path).is_err());
    assert!(!path.exists());
}

#[test]
fn a_hand_written_file_with_unsorted_lines_loads_sorted() {
    let text = SAMPLE_RON.replacen(
        "        (code: \"208\", name: \"社会保障和就业支出\"),\n",
        "",
        1,
    );
    let text = text.replacen(
        "    ],\n    economic:",
        "        (code: \"208\", name: \"社会保障和就业支出\"),\n    ],\n    economic:",
        1,
    );
    assert_ne!(text, SAMPLE_RON);
    let budget = from_ron_str(&text, Path::new("u.ron")).unwrap();
    assert_eq!(budget, sample_budget().unwrap());
}

/// A file the previous version wrote (format 1, before templates) loads with the same meaning:
/// the Shanxi template and every figure as before, and a notice that it will be saved in the new
/// format.
#[test]
fn a_format_1_file_migrates_to_the_shanxi_template_unchanged_in_meaning() {
    let old = include_str!("../fixtures/xinzhou-industry-2022-format1.ron");
    assert!(old.contains("format_version: 1,") && !old.contains("template"));
    let (migrated, notices) =
        budget_studio::io::ron_file::parse(old, Path::new("old.ron")).unwrap();
    assert_eq!(notices.len(), 1, "{notices:?}");
    assert_eq!(migrated.template, budget_studio::model::TemplateId::SHANXI);
    assert_eq!(
        migrated.format_version,
        budget_studio::model::FORMAT_VERSION
    );
    let mut current = from_ron_str(SAMPLE_RON, Path::new("sample.ron")).unwrap();
    // The sample has since gained the officer's own wording of the 情况说明 (expenditure reason,
    // item lists); the old file, which has none, loads with them empty.
    assert!(migrated.narrative.staff_items.is_empty());
    current.narrative.expenditure_reason.clear();
    current.narrative.staff_items.clear();
    current.narrative.running_items.clear();
    assert_eq!(migrated, current);
}
