//! The budget file: RON, human-readable, exact (amounts are decimal strings), and reproduced byte
//! for byte when a file this program wrote is saved again unchanged.
//!
//! Reading is strict: an unknown field, a field or income source written twice, an amount in
//! anything but plain decimal notation or beyond its limit are errors with file, line:column and,
//! for a misspelt name, the nearest valid one. A typo never silently drops money. Saving is in
//! [`super::save`].

use std::path::{Path, PathBuf};

use crate::model::{Budget, FORMAT_VERSION};

use super::decode::{Encoding, decode};
use super::save::{SaveError, WriteOptions, write_file};
use super::stamp::{FileStamp, read_with_stamp};
use super::version::{OLDER, Plan, plan};
use super::{diagnose, limits, os_reason_zh};

/// Why a budget file could not be opened.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// The file could not be read at all.
    #[error(
        "无法读取 {path}（{}）/ cannot read {path}: {error}",
        os_reason_zh(error)
    )]
    Io {
        /// The file.
        path: PathBuf,
        /// What the OS said. Not a `source`: the message already shows it, and printing an
        /// error with its chain would repeat it.
        error: std::io::Error,
    },
    /// The bytes are not text in any encoding this program reads.
    #[error(
        "{path}:{line}:{column}: 无法识别文件的文字编码（已尝试 UTF-8、带字节顺序标记的 UTF-16、GBK/GB18030）/ the file is in no known text encoding (tried UTF-8, UTF-16 with a byte-order mark, GBK/GB18030)"
    )]
    Encoding {
        /// The file.
        path: PathBuf,
        /// 1-based line of the first byte that is not UTF-8.
        line: usize,
        /// 1-based column of that byte.
        column: usize,
    },
    /// The text is not a valid budget.
    #[error("{path}:{line}:{column}: {message}")]
    Parse {
        /// The file (or `<text>`).
        path: PathBuf,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What was expected or found, in English.
        message: String,
        /// The same in Chinese.
        message_zh: String,
    },
    /// A format version this build cannot read: newer, or older than any it can migrate.
    #[error("{path}: {}", version_message(*found, *supported))]
    Version {
        /// The file.
        path: PathBuf,
        /// Version in the file.
        found: u32,
        /// Newest version this build reads.
        supported: u32,
    },
}

fn version_message(found: u32, supported: u32) -> String {
    let (zh, en) = version_texts(found, supported);
    format!("{zh} / {en}")
}

/// Why a format version cannot be read, in Chinese and in English.
fn version_texts(found: u32, supported: u32) -> (String, String) {
    if found > supported {
        (
            format!("文件格式版本 {found} 高于本程序支持的 {supported}，请使用更新的版本打开"),
            format!(
                "format version {found} is newer than the supported {supported}; open it with a newer release"
            ),
        )
    } else {
        (
            format!("文件格式版本 {found} 无法识别（本程序读取版本 {supported}）"),
            format!(
                "format version {found} is not one this program can read (it reads {supported})"
            ),
        )
    }
}

impl LoadError {
    /// The error as a user reads it, in one language: path, line:column and what was expected.
    /// (`Display` carries both languages for logs; a dialog or a terminal wants one, and the OS
    /// error only once.)
    #[must_use]
    pub fn describe(&self, zh: bool) -> String {
        match self {
            LoadError::Io { path, error } => {
                let path = path.display();
                if zh {
                    format!("无法读取 {path}：{}", os_reason_zh(error))
                } else {
                    format!("cannot read {path}: {error}")
                }
            }
            LoadError::Encoding { path, line, column } => {
                let path = path.display();
                if zh {
                    format!(
                        "{path}:{line}:{column}: 无法识别文件的文字编码（已尝试 UTF-8、带字节顺序标记的 UTF-16、GBK/GB18030）"
                    )
                } else {
                    format!(
                        "{path}:{line}:{column}: the file is in no known text encoding (tried UTF-8, UTF-16 with a byte-order mark, GBK/GB18030)"
                    )
                }
            }
            LoadError::Parse {
                path,
                line,
                column,
                message,
                message_zh,
            } => {
                let path = path.display();
                if zh {
                    format!("{path}:{line}:{column}: 无法解析预算文件：{message_zh}")
                } else {
                    format!("{path}:{line}:{column}: not a valid budget file: {message}")
                }
            }
            LoadError::Version {
                path,
                found,
                supported,
            } => {
                let (zh_text, en_text) = version_texts(*found, *supported);
                format!("{}: {}", path.display(), if zh { zh_text } else { en_text })
            }
        }
    }

    /// Line and column of a parse or encoding error.
    #[must_use]
    pub fn position(&self) -> Option<(usize, usize)> {
        match self {
            LoadError::Parse { line, column, .. } | LoadError::Encoding { line, column, .. } => {
                Some((*line, *column))
            }
            _ => None,
        }
    }
}

/// Something the user should know about a file that was read: it loaded, but saving will
/// change more than the user's edits.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notice {
    /// The file was not UTF-8; it will be saved as UTF-8.
    Reencoded(Encoding),
    /// The file was in an older format version; it will be saved in the current one.
    Migrated {
        /// The file's version.
        from: u32,
        /// The version it will be saved in.
        to: u32,
    },
    /// The budget was made with another version of its template than the one loaded.
    TemplateVersion {
        /// The template.
        id: crate::model::TemplateId,
        /// The version the budget was made with.
        made: u32,
        /// The version loaded.
        loaded: u32,
    },
    /// The budget names a template that is not loaded: it is shown in the nearest built-in one
    /// (and keeps naming its own).
    TemplateMissing {
        /// The template the budget names.
        id: crate::model::TemplateId,
        /// The one used instead.
        used: crate::model::TemplateId,
    },
}

impl Notice {
    /// The notice in Chinese (`zh`) or English.
    #[must_use]
    pub fn text(&self, zh: bool) -> String {
        match (self, zh) {
            (Notice::Reencoded(e), true) => {
                format!("文件按 {} 编码读取，保存时将改为 UTF-8", e.name())
            }
            (Notice::Reencoded(e), false) => {
                format!(
                    "the file was read as {}; it will be saved as UTF-8",
                    e.name()
                )
            }
            (Notice::Migrated { from, to }, true) => {
                format!("文件格式版本 {from} 已升级，保存时将写为版本 {to}")
            }
            (Notice::Migrated { from, to }, false) => {
                format!("format version {from} was upgraded; it will be saved as version {to}")
            }
            (Notice::TemplateVersion { id, made, loaded }, true) => {
                format!("本预算按模板 {id} 的版本 {made} 编制，现按已载入的版本 {loaded} 排版")
            }
            (Notice::TemplateVersion { id, made, loaded }, false) => format!(
                "the budget was made with version {made} of template {id}; it is laid out in the loaded version {loaded}"
            ),
            (Notice::TemplateMissing { id, used }, true) => format!(
                "本预算的模板 {id} 未载入，暂按内置模板“{}”显示；载入该模板文件后即按其排版",
                used.label_zh()
            ),
            (Notice::TemplateMissing { id, used }, false) => format!(
                "the budget's template {id} is not loaded; it is shown in the built-in “{}” until that template file is loaded",
                used.label_en()
            ),
        }
    }
}

/// A budget read from a file, with what the user should be told and the file's stamp.
#[derive(Debug)]
pub struct Loaded {
    /// The budget.
    pub budget: Budget,
    /// Notices about the reading (encoding, format version); empty for a file the app wrote.
    pub notices: Vec<Notice>,
    /// The file as it was read, to detect changes by other programs before saving.
    pub stamp: FileStamp,
}

/// Parses a budget from RON text. `path` names the source in error messages.
///
/// # Errors
/// [`LoadError::Parse`] with line and column, or [`LoadError::Version`].
pub fn from_ron_str(text: &str, path: &Path) -> Result<Budget, LoadError> {
    parse(text, path).map(|(budget, _)| budget)
}

/// Parses RON text, migrating an older format version; returns the budget and the notices.
///
/// # Errors
/// As [`from_ron_str`].
pub fn parse(text: &str, path: &Path) -> Result<(Budget, Vec<Notice>), LoadError> {
    let (mut budget, notices) = match plan(text, path, OLDER)? {
        Plan::Current => (parse_current(text, path)?, Vec::new()),
        Plan::Migrate(from, reader) => (
            reader(text, path)?,
            vec![Notice::Migrated {
                from,
                to: FORMAT_VERSION,
            }],
        ),
    };
    if budget.format_version > FORMAT_VERSION {
        return Err(LoadError::Version {
            path: path.to_owned(),
            found: budget.format_version,
            supported: FORMAT_VERSION,
        });
    }
    if let Some(excess) = limits::first_excess(&budget) {
        let (line, column) = excess.position(text);
        let (message_zh, message) = excess.messages();
        return Err(LoadError::Parse {
            path: path.to_owned(),
            line,
            column,
            message,
            message_zh,
        });
    }
    budget.format_version = FORMAT_VERSION;
    budget.sort_lines();
    Ok((budget, notices))
}

/// Parses text of the current format version.
///
/// # Errors
/// [`LoadError::Parse`] with line, column and a bilingual message.
pub fn parse_current(text: &str, path: &Path) -> Result<Budget, LoadError> {
    ron::from_str(text).map_err(|e| {
        let (message_zh, message) = diagnose::messages(&e.code);
        LoadError::Parse {
            path: path.to_owned(),
            line: e.span.start.line,
            column: e.span.start.col,
            message,
            message_zh,
        }
    })
}

/// Reads a budget file in any encoding this program knows.
///
/// # Errors
/// See [`LoadError`].
pub fn load(path: &Path) -> Result<Budget, LoadError> {
    load_file(path).map(|loaded| loaded.budget)
}

/// Reads a budget file, with the notices to show and the stamp to check before saving.
///
/// # Errors
/// See [`LoadError`].
pub fn load_file(path: &Path) -> Result<Loaded, LoadError> {
    let (bytes, stamp) = read_with_stamp(path).map_err(|error| LoadError::Io {
        path: path.to_owned(),
        error,
    })?;
    let (text, encoding) = decode(&bytes).map_err(|at| LoadError::Encoding {
        path: path.to_owned(),
        line: at.line,
        column: at.column,
    })?;
    let (budget, mut notices) = parse(&text, path)?;
    if encoding != Encoding::Utf8 {
        notices.insert(0, Notice::Reencoded(encoding));
    }
    match (budget.template.find(), budget.template_version) {
        (None, _) => notices.push(Notice::TemplateMissing {
            id: budget.template,
            used: budget.template.get().id,
        }),
        (Some(t), Some(made)) if t.version != made => notices.push(Notice::TemplateVersion {
            id: budget.template,
            made,
            loaded: t.version,
        }),
        _ => {}
    }
    Ok(Loaded {
        budget,
        notices,
        stamp,
    })
}

/// The RON text of a budget, as [`save`] writes it.
///
/// # Errors
/// [`SaveError::Serialise`] if the serializer fails.
pub fn to_ron_string(budget: &Budget) -> Result<String, SaveError> {
    let compact =
        super::writer::to_compact(budget).map_err(|e| SaveError::Serialise(e.to_string()))?;
    super::layout::layout(&compact)
        .ok_or_else(|| SaveError::Serialise("unexpected serializer output".to_owned()))
}

/// Saves a budget safely (see [`super::save`]), whatever the file holds now. Returns the stamp
/// of what was written.
///
/// # Errors
/// [`SaveError`]; on error the target keeps its previous content.
pub fn save(budget: &Budget, path: &Path) -> Result<FileStamp, SaveError> {
    save_checked(budget, path, None)
}

/// Saves a budget safely, but only if the file still has the content `expected` describes (what
/// was last read or written); a file that another program changed or removed since is left
/// alone and reported as [`SaveError::ChangedOnDisk`]. `None` saves unconditionally.
///
/// # Errors
/// [`SaveError`]; on error the target keeps its previous content.
pub fn save_checked(
    budget: &Budget,
    path: &Path,
    expected: Option<&FileStamp>,
) -> Result<FileStamp, SaveError> {
    let text = to_ron_string(budget)?;
    write_file(
        path,
        text.as_bytes(),
        &WriteOptions {
            backup: true,
            expected,
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_file_names_the_os_error_once_in_the_chosen_language() {
        let missing = Path::new("no-such-dir/missing.ron");
        let err = load(missing).unwrap_err();
        let (os, os_zh) = match &err {
            LoadError::Io { error, .. } => (error.to_string(), super::os_reason_zh(error)),
            other => panic!("expected an I/O error, got {other}"),
        };
        for (zh, lead, reason) in [
            (true, "无法读取", os_zh.to_owned()),
            (false, "cannot read", os.clone()),
        ] {
            let text = err.describe(zh);
            assert!(text.starts_with(lead), "{text}");
            assert!(text.contains("missing.ron"), "{text}");
            assert_eq!(text.matches(reason.as_str()).count(), 1, "{text}");
        }
    }

    #[test]
    fn a_parse_error_gives_path_line_and_column() {
        let err = from_ron_str(
            "(\n  format_version: 1,\n  profile: 42,\n)",
            Path::new("b.ron"),
        )
        .unwrap_err();
        assert!(err.describe(true).starts_with("b.ron:3:"), "{err}");
        assert!(err.describe(true).contains("无法解析预算文件"), "{err}");
        assert!(
            err.describe(false).contains("not a valid budget file"),
            "{err}"
        );
    }
}
