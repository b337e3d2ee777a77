//! Strict loading, one test per problem a hostile reading of the file format turned up: typos that
//! silently dropped money, duplicate entries, lenient and huge numbers, Windows encodings, format
//! versions, and OS errors repeated in one message.

#![allow(clippy::unwrap_used)] // test helpers may panic on bad fixtures

use std::path::Path;

use budget_studio::io::decode::Encoding;
use budget_studio::io::{LoadError, Notice, from_ron_str, load, load_file};
use budget_studio::sample::{SAMPLE_RON, sample_budget};

/// The sample with `from` (which must occur) replaced once by `to`.
fn sample_with(from: &str, to: &str) -> String {
    assert!(SAMPLE_RON.contains(from), "{from}");
    SAMPLE_RON.replacen(from, to, 1)
}

/// 1-based line of the first occurrence of `needle` in the sample.
fn line_of(needle: &str) -> usize {
    SAMPLE_RON.lines().position(|l| l.contains(needle)).unwrap() + 1
}

/// Parses `text`; returns the error's line and both messages.
fn error_of(text: &str) -> (usize, String, String) {
    match from_ron_str(text, Path::new("t.ron")) {
        Ok(_) => panic!("loaded without an error"),
        Err(LoadError::Parse {
            line,
            message,
            message_zh,
            ..
        }) => (line, message, message_zh),
        Err(other) => panic!("not a parse error: {other}"),
    }
}

#[test]
fn typo_projcet_is_an_error_naming_project() {
    let split = "(basic: \"675.94\", project: \"0.72\")";
    let text = sample_with(
        split,
        "(basic: \"675.94\", projcet: \"999.00\", project: \"0.72\")",
    );
    let (line, en, zh) = error_of(&text);
    assert_eq!(line, line_of(split));
    assert!(
        en.contains("unknown field `projcet`") && en.contains("did you mean `project`?"),
        "{en}"
    );
    assert!(
        zh.contains("未知字段 `projcet`") && zh.contains("`project`"),
        "{zh}"
    );
    let shown = from_ron_str(&text, Path::new("t.ron"))
        .unwrap_err()
        .describe(true);
    assert!(shown.starts_with(&format!("t.ron:{line}:")), "{shown}");
}

#[test]
fn typo_amout_on_an_economic_line_is_an_error() {
    let (line, en, _) = error_of(&sample_with("amount: \"573.48\"", "amout: \"573.48\""));
    assert_eq!(line, line_of("amount: \"573.48\""));
    assert!(en.contains("did you mean `amount`?"), "{en}");
}

#[test]
fn typo_income_totl_in_last_year_is_an_error() {
    let (line, en, _) = error_of(&sample_with("income_total:", "income_totl:"));
    assert_eq!(line, line_of("income_total:"));
    assert!(en.contains("did you mean `income_total`?"), "{en}");
}

#[test]
fn unknown_fields_are_errors_everywhere() {
    // One record of every kind the file holds: (text that finds it, field to insert before).
    let places = [
        ("format_version: 2,", "format_version"),
        ("department_code: \"402\",", "department_code"),
        ("(code: \"402001\",", "code"),
        ("(term:", "term"),
        ("(code: \"2150501\",", "code"),
        ("(basic: \"675.94\"", "basic"),
        ("scheme: Government", "scheme"),
        ("(code: \"50101\",", "code"),
        ("all_basic: true", "all_basic"),
        ("reception:", "reception"),
        ("(unit_code: \"\", amount:", "unit_code"),
        ("goods:", "goods"),
        ("income_total:", "income_total"),
        ("department: \"402", "department"),
        ("central:", "central"),
        ("(kind: Quantity,", "kind"),
        (
            "(unit_code: \"402001\", kind: \"一般公务用车\",",
            "unit_code",
        ),
        ("(unit_code: \"402001\", area:", "unit_code"),
        ("change_reason:", "change_reason"),
        ("(figure:", "figure"),
    ];
    for (anchor, field) in places {
        let at = SAMPLE_RON
            .find(anchor)
            .unwrap_or_else(|| panic!("{anchor}"))
            + anchor.find(field).unwrap();
        let mut text = SAMPLE_RON.to_owned();
        text.insert_str(at, "surplus: \"1\", ");
        let (_, en, _) = error_of(&text);
        assert!(en.contains("unknown field `surplus`"), "{anchor}: {en}");
    }
    // A struct variant of a figure, too.
    let (_, en, _) = error_of(&sample_with(
        "Function(code: \"215\", column: Project)",
        "Function(code: \"215\", colum: Project)",
    ));
    assert!(en.contains("did you mean `column`?"), "{en}");
}

#[test]
fn unknown_variant_names_the_nearest() {
    let (_, en, zh) = error_of(&sample_with(
        "{GeneralPublic: (basic: \"675.94\"",
        "{GeneralPubilc: (basic: \"675.94\"",
    ));
    assert!(en.contains("did you mean `GeneralPublic`?"), "{en}");
    assert!(zh.contains("`GeneralPublic`"), "{zh}");
}

#[test]
fn duplicate_income_source_is_an_error() {
    let split = "{GeneralPublic: (basic: \"675.94\", project: \"0.72\")}";
    let text = sample_with(
        split,
        "{GeneralPublic: (basic: \"675.94\", project: \"0.72\"), GeneralPublic: (basic: \"1.00\")}",
    );
    let (line, en, zh) = error_of(&text);
    assert_eq!(line, line_of(split));
    assert!(
        en.contains("duplicate income source `GeneralPublic`"),
        "{en}"
    );
    assert!(zh.contains("重复"), "{zh}");
}

#[test]
fn duplicate_struct_field_is_an_error() {
    let (line, en, _) = error_of(&sample_with(
        "(basic: \"675.94\", project: \"0.72\")",
        "(basic: \"675.94\", project: \"0.72\", basic: \"1.00\")",
    ));
    assert_eq!(line, line_of("(basic: \"675.94\", project: \"0.72\")"));
    assert!(en.contains("duplicate field `basic`"), "{en}");
}

#[test]
fn exponent_amount_is_refused() {
    for written in [
        "1e3", "1E3", "1_000", ".5", "5.", "+5", "0x10", " 5", "5,000",
    ] {
        let (line, en, _) = error_of(&sample_with("\"573.48\"", &format!("\"{written}\"")));
        assert_eq!(line, line_of("\"573.48\""), "{written}");
        assert!(en.contains("plain decimal notation"), "{written}: {en}");
    }
}

#[test]
fn more_than_two_decimals_are_refused() {
    for written in ["573.481", "0.0000000000000000000000000000001"] {
        let (_, en, _) = error_of(&sample_with("\"573.48\"", &format!("\"{written}\"")));
        assert!(en.contains("more than 2 decimals"), "{written}: {en}");
    }
    // Trailing zeros are not precision.
    let budget = from_ron_str(
        &sample_with("\"573.48\"", "\"573.4800\""),
        Path::new("t.ron"),
    )
    .unwrap();
    assert_eq!(budget, sample_budget().unwrap());
}

#[test]
fn largest_decimal_amount_is_refused_where_it_is() {
    let (line, en, _) = error_of(&sample_with(
        "\"573.48\"",
        "\"79228162514264337593543950335\"",
    ));
    assert_eq!(line, line_of("\"573.48\""));
    assert!(en.contains("magnitude"), "{en}");
}

#[test]
fn wan_yuan_amount_from_10_to_the_11_is_refused() {
    // Below 10^15 (so it passes the reading of any amount), but 10^11 万元 is 10^15 元.
    let (line, en, zh) = error_of(&sample_with("\"0.72\"", "\"100000000000.00\""));
    assert_eq!(line, line_of("\"0.72\""));
    assert!(
        en.contains("function_lines[2150501].GeneralPublic.project"),
        "{en}"
    );
    assert!(zh.contains("万元"), "{zh}");
    // Just below is fine, and so is the same figure in 元 (a form's funds).
    assert!(
        from_ron_str(
            &sample_with("\"0.72\"", "\"99999999999.99\""),
            Path::new("t")
        )
        .is_ok()
    );
    let funds = "local: \"300000\"";
    assert!(
        from_ron_str(
            &sample_with(funds, "local: \"100000000000\""),
            Path::new("t")
        )
        .is_ok()
    );
}

#[test]
fn vehicle_count_beyond_the_limit_is_refused() {
    for count in ["4294967295", "4294967297", "100001"] {
        let (line, en, _) = error_of(&sample_with("count: 1", &format!("count: {count}")));
        assert_eq!(line, line_of("count: 1"), "{count}");
        assert!(!en.is_empty());
    }
    assert!(from_ron_str(&sample_with("count: 1", "count: 100000"), Path::new("t")).is_ok());
}

#[test]
fn an_older_unknown_format_version_is_refused() {
    let text = sample_with("format_version: 2,", "format_version: 0,");
    let err = from_ron_str(&text, Path::new("o.ron")).unwrap_err();
    assert!(matches!(err, LoadError::Version { found: 0, .. }), "{err}");
}

#[test]
fn a_newer_version_with_new_fields_is_a_version_error_not_a_typo() {
    let text = sample_with(
        "format_version: 2,",
        "format_version: 3,\n    attachments: [],",
    );
    let err = from_ron_str(&text, Path::new("n.ron")).unwrap_err();
    assert!(matches!(err, LoadError::Version { found: 3, .. }), "{err}");
    assert!(err.to_string().contains("newer"), "{err}");
}

fn write(dir: &tempfile::TempDir, name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

#[test]
fn bom_file_loads() {
    let dir = tempfile::tempdir().unwrap();
    let mut bytes = vec![0xEF, 0xBB, 0xBF];
    bytes.extend(SAMPLE_RON.as_bytes());
    let loaded = load_file(&write(&dir, "bom.ron", &bytes)).unwrap();
    assert_eq!(loaded.budget, sample_budget().unwrap());
    assert!(loaded.notices.is_empty());
}

#[test]
fn gbk_file_loads_with_notice() {
    let dir = tempfile::tempdir().unwrap();
    let (gbk, _, unmappable) = encoding_rs::GBK.encode(SAMPLE_RON);
    assert!(!unmappable);
    let loaded = load_file(&write(&dir, "gbk.ron", &gbk)).unwrap();
    assert_eq!(loaded.budget, sample_budget().unwrap());
    assert_eq!(loaded.notices, vec![Notice::Reencoded(Encoding::Gb18030)]);
    assert!(loaded.notices[0].text(true).contains("UTF-8"));
    assert!(loaded.notices[0].text(false).contains("saved as UTF-8"));
}

#[test]
fn utf16_file_loads() {
    let dir = tempfile::tempdir().unwrap();
    let mut le = vec![0xFF, 0xFE];
    let mut be = vec![0xFE, 0xFF];
    for unit in SAMPLE_RON.encode_utf16() {
        le.extend(unit.to_le_bytes());
        be.extend(unit.to_be_bytes());
    }
    for (name, bytes, encoding) in [
        ("le.ron", le, Encoding::Utf16Le),
        ("be.ron", be, Encoding::Utf16Be),
    ] {
        let loaded = load_file(&write(&dir, name, &bytes)).unwrap();
        assert_eq!(loaded.budget, sample_budget().unwrap());
        assert_eq!(loaded.notices, vec![Notice::Reencoded(encoding)]);
    }
}

#[test]
fn unknown_encoding_names_what_was_tried() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(&dir, "bin.ron", b"(\n  format_version: 1,\n  \xFF\xFF\xFF");
    let err = load(&path).unwrap_err();
    assert!(matches!(err, LoadError::Encoding { line: 3, .. }), "{err}");
    let text = err.to_string();
    for tried in ["UTF-8", "UTF-16", "GBK/GB18030"] {
        assert!(text.contains(tried), "{text}");
    }
}

#[test]
fn os_error_is_printed_once() {
    let missing = Path::new("/nonexistent/budget.ron");
    let err = load(missing).unwrap_err();
    let os = std::fs::read(missing).unwrap_err().to_string();
    for text in [
        err.to_string(),
        err.describe(false),
        format!("{:#}", anyhow::Error::from(err)),
    ] {
        assert_eq!(text.matches(&os).count(), 1, "{text}");
        assert!(text.contains("/nonexistent/budget.ron"), "{text}");
    }
}
