//! Format versions: which version a file says it follows, read before the file is parsed (a newer
//! file may hold fields this build does not know, and those must be reported as "newer version",
//! not as typos), and the readers that bring an older version up to the current model.

use std::path::Path;

use serde::Deserialize;

use crate::model::{Budget, FORMAT_VERSION};

use super::ron_file::LoadError;

/// Reads a file of one older format version into the current model.
pub type Reader = fn(&str, &Path) -> Result<Budget, LoadError>;

/// The readers of older versions, oldest first; the version that changes the format adds the
/// reader of the one before it here.
pub const OLDER: &[(u32, Reader)] = &[(1, read_version_1)];

/// Version 1 had no templates: every file was the Shanxi template's, and version 2 only added
/// fields (the template, project descriptions, the 绩效 statement, SME reservations, planned
/// vehicles, printed units of stated figures, empty-table notes), all optional. So a version-1
/// file reads as version 2 with those left empty and the Shanxi template.
fn read_version_1(text: &str, path: &Path) -> Result<Budget, LoadError> {
    let mut budget = super::ron_file::parse_current(text, path)?;
    budget.template = crate::model::TemplateId::SHANXI;
    Ok(budget)
}

/// What the version check decided.
pub enum Plan {
    /// The current version (or a file without a readable version, left to the strict parser
    /// to explain).
    Current,
    /// An older version with a reader.
    Migrate(u32, Reader),
}

/// Decides how to read `text` given the readers of older versions.
///
/// # Errors
/// [`LoadError::Version`] for a newer version, or an older one no reader exists for.
pub fn plan(text: &str, path: &Path, older: &[(u32, Reader)]) -> Result<Plan, LoadError> {
    let Some(found) = peek(text) else {
        return Ok(Plan::Current);
    };
    if found == FORMAT_VERSION {
        return Ok(Plan::Current);
    }
    match older.iter().find(|(v, _)| *v == found) {
        Some((v, reader)) if found < FORMAT_VERSION => Ok(Plan::Migrate(*v, *reader)),
        _ => Err(LoadError::Version {
            path: path.to_owned(),
            found,
            supported: FORMAT_VERSION,
        }),
    }
}

/// The file's `format_version`. Files the app wrote start with it, so a few bytes are enough;
/// for a hand-written file that puts it elsewhere, one lenient pass over the whole text finds it.
/// `None` when the text has no readable version (the strict parse then says why).
#[must_use]
pub fn peek(text: &str) -> Option<u32> {
    leading_version(text).or_else(|| {
        #[derive(Deserialize)]
        struct VersionOnly {
            // Written as a bare number, not `Some(…)`; absent is `None`.
            #[serde(default, deserialize_with = "number")]
            format_version: Option<u32>,
        }
        fn number<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<u32>, D::Error> {
            u32::deserialize(d).map(Some)
        }
        ron::from_str::<VersionOnly>(text)
            .ok()
            .and_then(|v| v.format_version)
    })
}

/// `format_version: N` as the first field of the top-level struct, past blanks and comments.
fn leading_version(text: &str) -> Option<u32> {
    let rest = skip_blanks(text);
    let rest = rest.strip_prefix("Budget").unwrap_or(rest);
    let rest = skip_blanks(rest).strip_prefix('(')?;
    let rest = skip_blanks(rest).strip_prefix("format_version")?;
    let rest = skip_blanks(rest).strip_prefix(':')?;
    let rest = skip_blanks(rest);
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    let after = rest.get(digits..)?;
    // `format_version: 1x` is not a version; leave it to the parser.
    if after
        .chars()
        .next()
        .is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '.')
    {
        return None;
    }
    rest.get(..digits)?.parse().ok()
}

/// Skips whitespace, `// …` and `/* … */` comments.
fn skip_blanks(mut text: &str) -> &str {
    loop {
        let trimmed = text.trim_start();
        if let Some(rest) = trimmed.strip_prefix("//") {
            text = rest.split_once('\n').map_or("", |(_, after)| after);
        } else if let Some(rest) = trimmed.strip_prefix("/*") {
            text = rest.split_once("*/").map_or("", |(_, after)| after);
        } else {
            return trimmed;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_version_is_found_first_or_anywhere() {
        assert_eq!(peek("(\n    format_version: 1,\n    profile: ()"), Some(1));
        assert_eq!(
            peek("// budget\n/* 2022 */ Budget( format_version : 7 )"),
            Some(7)
        );
        assert_eq!(peek("(unit: WanYuan, format_version: 3)"), Some(3));
        assert_eq!(peek("(unit: WanYuan)"), None);
        assert_eq!(peek("(format_version: 1x)"), None);
        assert_eq!(peek("not ron at all"), None);
    }

    #[test]
    fn an_older_version_with_a_reader_is_migrated() {
        fn from_zero(_: &str, _: &Path) -> Result<Budget, LoadError> {
            Ok(Budget::new("402", "test", 2022))
        }
        let older: &[(u32, Reader)] = &[(0, from_zero)];
        let path = Path::new("old.ron");
        assert!(matches!(
            plan("(format_version: 0)", path, older),
            Ok(Plan::Migrate(0, _))
        ));
        assert!(matches!(
            plan("(format_version: 0)", path, &[]),
            Err(LoadError::Version { found: 0, .. })
        ));
        let newer = format!("(format_version: {})", FORMAT_VERSION + 1);
        assert!(matches!(
            plan(&newer, path, older),
            Err(LoadError::Version { found, .. }) if found == FORMAT_VERSION + 1
        ));
        let current = format!("(format_version: {FORMAT_VERSION})");
        assert!(matches!(plan(&current, path, older), Ok(Plan::Current)));
        // Version 1 (before templates) has its reader.
        assert!(matches!(
            plan("(format_version: 1)", path, OLDER),
            Ok(Plan::Migrate(1, _))
        ));
    }
}
