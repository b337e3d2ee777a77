//! Parse errors as an officer reads them: in Chinese and English, with the nearest valid name for a
//! misspelt field or value (`projcet` → `project`), so a typo is found at once instead of being
//! read as a different document.

use ron::error::Error as RonError;

use crate::model::strict::MESSAGE_SEPARATOR;

/// The Chinese and English text of a parse error.
#[must_use]
pub fn messages(code: &RonError) -> (String, String) {
    match code {
        RonError::NoSuchStructField {
            expected,
            found,
            outer,
        } => unknown("字段", "field", found, expected, outer.as_deref()),
        RonError::NoSuchEnumVariant {
            expected,
            found,
            outer,
        } => unknown("取值", "variant", found, expected, outer.as_deref()),
        RonError::DuplicateStructField { field, outer } => (
            format!("字段 `{field}`{} 重复出现", in_zh(outer.as_deref())),
            format!("duplicate field `{field}`{}", in_en(outer.as_deref())),
        ),
        RonError::MissingStructField { field, outer } => (
            format!("缺少字段 `{field}`{}", in_zh(outer.as_deref())),
            format!("missing field `{field}`{}", in_en(outer.as_deref())),
        ),
        RonError::InvalidValueForType { expected, found } => (
            format!("应为{expected}，实为 {found}"),
            format!("expected {expected}, found {found}"),
        ),
        RonError::Message(text) => match text.split_once(MESSAGE_SEPARATOR) {
            Some((zh, en)) => (zh.to_owned(), en.to_owned()),
            None => (text.clone(), text.clone()),
        },
        RonError::ExpectedString => (
            "应为带引号的字符串（金额写作 \"676.66\"）".to_owned(),
            "expected a quoted string (amounts are written as \"676.66\")".to_owned(),
        ),
        other => (format!("语法错误：{other}"), other.to_string()),
    }
}

fn in_zh(outer: Option<&str>) -> String {
    outer.map_or_else(String::new, |o| format!("（{o} 中）"))
}

fn in_en(outer: Option<&str>) -> String {
    outer.map_or_else(String::new, |o| format!(" in `{o}`"))
}

/// "unknown field `projcet`, did you mean `project`?", or the list of valid names when none is
/// close.
fn unknown(
    zh_kind: &str,
    en_kind: &str,
    found: &str,
    expected: &[&str],
    outer: Option<&str>,
) -> (String, String) {
    let head_zh = format!("未知{zh_kind} `{found}`{}", in_zh(outer));
    let head_en = format!("unknown {en_kind} `{found}`{}", in_en(outer));
    match nearest(found, expected) {
        Some(name) => (
            format!("{head_zh}，是否应为 `{name}`？"),
            format!("{head_en}, did you mean `{name}`?"),
        ),
        None if expected.is_empty() => (head_zh, head_en),
        None => {
            let list = expected
                .iter()
                .map(|e| format!("`{e}`"))
                .collect::<Vec<_>>();
            (
                format!("{head_zh}，可用：{}", list.join("、")),
                format!("{head_en}, expected one of {}", list.join(", ")),
            )
        }
    }
}

/// The valid name closest to `found` by edit distance, if it is close enough to be a typo:
/// at most a third of the name's length (and at least one edit) away.
#[must_use]
pub fn nearest<'a>(found: &str, expected: &[&'a str]) -> Option<&'a str> {
    let found_lower = found.to_lowercase();
    let allowed = (found.chars().count() / 3).max(1);
    expected
        .iter()
        .map(|name| (edit_distance(&found_lower, &name.to_lowercase()), *name))
        .filter(|(d, _)| *d <= allowed)
        .min_by_key(|(d, _)| *d)
        .map(|(_, name)| name)
}

/// Edit distance where swapping two neighbouring letters counts as one edit (the commonest typo:
/// `projcet`), besides inserting, deleting or replacing one.
fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    // Three rows of the dynamic-programming table: two back, one back, current.
    let mut two_back: Vec<usize> = vec![0; b.len() + 1];
    let mut one_back: Vec<usize> = (0..=b.len()).collect();
    let mut current: Vec<usize> = vec![0; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        current[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let substitution = one_back[j] + usize::from(ca != cb);
            let mut best = substitution.min(one_back[j + 1] + 1).min(current[j] + 1);
            if i > 0 && j > 0 && a.get(i - 1) == Some(cb) && b.get(j - 1) == Some(ca) {
                best = best.min(two_back[j - 1] + 1);
            }
            current[j + 1] = best;
        }
        std::mem::swap(&mut two_back, &mut one_back);
        std::mem::swap(&mut one_back, &mut current);
    }
    one_back[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typos_find_their_field() {
        let split = ["basic", "project"];
        assert_eq!(nearest("projcet", &split), Some("project"));
        assert_eq!(nearest("basci", &split), Some("basic"));
        assert_eq!(
            nearest("amout", &["code", "name", "amount"]),
            Some("amount")
        );
        assert_eq!(
            nearest(
                "income_totl",
                &["income_total", "expenditure_total", "general_public"]
            ),
            Some("income_total")
        );
        assert_eq!(nearest("colour", &split), None);
    }

    #[test]
    fn distances() {
        assert_eq!(edit_distance("projcet", "project"), 1);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("same", "same"), 0);
    }

    #[test]
    fn unknown_field_messages_in_both_languages() {
        let (zh, en) = messages(&RonError::NoSuchStructField {
            expected: &["basic", "project"],
            found: "projcet".to_owned(),
            outer: Some("Split".to_owned()),
        });
        assert_eq!(
            en,
            "unknown field `projcet` in `Split`, did you mean `project`?"
        );
        assert!(zh.contains("是否应为 `project`"), "{zh}");
    }
}
