//! Reading the 科目 catalogue an officer's budget platform exported: a CSV (UTF-8, UTF-16 or
//! GBK, as Windows tools write them) or the first sheet of a workbook (`.xlsx`, `.xls`, `.ods`),
//! two columns, code and name. A file with one bad row gives nothing.

use std::path::{Path, PathBuf};

use super::decode;
use crate::model::catalogue::{Catalogue, CatalogueError};

/// Why a catalogue file was not taken.
#[derive(Debug, thiserror::Error)]
pub enum CatalogueFileError {
    /// The file could not be read.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// The reason.
        source: std::io::Error,
    },
    /// A CSV in no encoding the app reads.
    #[error(
        "{}: 第 {line} 行第 {column} 列起不是 UTF-8、UTF-16 或 GBK 文本 / not UTF-8, UTF-16 or GBK text from line {line}, column {column}",
        path.display()
    )]
    NotText {
        /// The file.
        path: PathBuf,
        /// Line of the first byte that is not text.
        line: usize,
        /// Its column.
        column: usize,
    },
    /// A workbook that could not be read (the message names the file).
    #[error(transparent)]
    Workbook(#[from] super::xlsx::ImportError),
    /// A row that is not code and name.
    #[error("{}: {source}", path.display())]
    Rows {
        /// The file.
        path: PathBuf,
        /// The row and what it should have been.
        source: CatalogueError,
    },
}

impl CatalogueFileError {
    /// The message in one language, naming the file.
    #[must_use]
    pub fn describe(&self, zh: bool) -> String {
        match self {
            CatalogueFileError::Io { path, source } => format!("{}: {source}", path.display()),
            CatalogueFileError::NotText { path, line, column } => {
                if zh {
                    format!(
                        "{}：第 {line} 行第 {column} 列起不是 UTF-8、UTF-16 或 GBK 文本",
                        path.display()
                    )
                } else {
                    format!(
                        "{}: not UTF-8, UTF-16 or GBK text from line {line}, column {column}",
                        path.display()
                    )
                }
            }
            CatalogueFileError::Workbook(e) => e.to_string(),
            CatalogueFileError::Rows { path, source } => {
                let colon = if zh { "：" } else { ": " };
                format!("{}{colon}{}", path.display(), source.describe(zh))
            }
        }
    }
}

/// Whether `path` names a workbook (by its extension) rather than a CSV.
fn is_workbook(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| matches!(e.to_ascii_lowercase().as_str(), "xlsx" | "xls" | "ods"))
}

/// Reads the catalogue at `path`; each entry's source is the file's name.
///
/// # Errors
/// [`CatalogueFileError`] naming the file and, for a bad row, its number and what was expected.
pub fn load(path: &Path) -> Result<Catalogue, CatalogueFileError> {
    let bytes = std::fs::read(path).map_err(|source| CatalogueFileError::Io {
        path: path.to_owned(),
        source,
    })?;
    let origin = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let rows = |source| CatalogueFileError::Rows {
        path: path.to_owned(),
        source,
    };
    if is_workbook(path) {
        let rows_of = super::xlsx::first_sheet_rows(bytes, path)?;
        let numbered = rows_of.into_iter().enumerate().map(|(i, r)| (i + 1, r));
        Catalogue::from_rows(numbered, &origin).map_err(rows)
    } else {
        let (text, _) = decode::decode(&bytes).map_err(|e| CatalogueFileError::NotText {
            path: path.to_owned(),
            line: e.line,
            column: e.column,
        })?;
        Catalogue::from_csv(&text, &origin).map_err(rows)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::catalogue::Kind;

    #[test]
    fn a_gbk_csv_is_read_and_a_bad_row_is_named() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("科目.csv");
        let (gbk, _, _) = encoding_rs::GB18030.encode("编码,名称\n2010101,行政运行\n");
        std::fs::write(&path, &*gbk).unwrap();
        let c = load(&path).unwrap();
        let entry = c.get(Kind::Function, "2010101").unwrap();
        assert_eq!(entry.name, "行政运行");
        assert_eq!(entry.source, "科目.csv");

        std::fs::write(&path, "2010101,行政运行\n20101x,人大事务\n").unwrap();
        let message = load(&path).unwrap_err().to_string();
        assert!(message.contains("科目.csv"), "{message}");
        assert!(message.contains("第 2 行"), "{message}");
    }

    #[test]
    fn a_workbooks_first_sheet_is_read() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("kemu.xlsx");
        let mut book = rust_xlsxwriter::Workbook::new();
        let sheet = book.add_worksheet();
        sheet.write(0, 0, "科目编码").unwrap();
        sheet.write(0, 1, "科目名称").unwrap();
        // Platforms write codes as numbers as often as text.
        sheet.write(1, 0, 2_080_505).unwrap();
        sheet
            .write(1, 1, "机关事业单位基本养老保险缴费支出")
            .unwrap();
        sheet.write(2, 0, "50101").unwrap();
        sheet.write(2, 1, "工资奖金津补贴").unwrap();
        book.save(&path).unwrap();
        let c = load(&path).unwrap();
        assert_eq!(c.len(), 2);
        assert!(c.get(Kind::Function, "2080505").is_some());
        assert_eq!(
            c.get(Kind::Economic, "50101").unwrap().name,
            "工资奖金津补贴"
        );

        std::fs::write(&path, b"not a workbook").unwrap();
        assert!(matches!(load(&path), Err(CatalogueFileError::Workbook(_))));
    }
}
