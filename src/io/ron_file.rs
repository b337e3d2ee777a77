//! The budget file: RON, human-readable, exact (amounts are decimal strings), and reproduced byte
//! for byte when a file this program wrote is saved again unchanged. Reading is strict: an
//! unknown field, a field or income source written twice, an amount in anything but plain decimal
//! notation or beyond its limit are errors with line:column and, for a misspelt name, the nearest
//! valid one. Saving writes a temporary file beside the target, flushes it to disk and renames it
//! over the target, so an interrupted save never leaves a half-written budget.

use std::fs::{self, File};
use std::io::Write as _;
use std::path::{Path, PathBuf};

use crate::model::{Budget, FORMAT_VERSION};

/// Why a budget file could not be opened.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// The file could not be read at all.
    #[error("无法读取 {path}: {source} / cannot read {path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// What the OS said.
        source: std::io::Error,
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
    /// A file from a newer version of the program.
    #[error(
        "{path}: 文件格式版本 {found} 高于本程序支持的 {supported} / format version {found} is newer than the supported {supported}"
    )]
    Version {
        /// The file.
        path: PathBuf,
        /// Version in the file.
        found: u32,
        /// Newest version this build reads.
        supported: u32,
    },
}

impl LoadError {
    /// Line and column of a parse error.
    #[must_use]
    pub fn position(&self) -> Option<(usize, usize)> {
        match self {
            LoadError::Parse { line, column, .. } => Some((*line, *column)),
            _ => None,
        }
    }
}

/// Why a budget could not be saved.
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    /// Serialising failed (should not happen for a valid budget).
    #[error("无法生成文件内容: {0} / cannot serialise: {0}")]
    Serialise(String),
    /// Writing or renaming failed; the target file is untouched.
    #[error("无法保存 {path}: {source} / cannot save {path}: {source}")]
    Io {
        /// The target.
        path: PathBuf,
        /// What the OS said.
        source: std::io::Error,
    },
}

/// Parses a budget from RON text. `path` names the source in error messages.
///
/// # Errors
/// [`LoadError::Parse`] with line and column, or [`LoadError::Version`].
pub fn from_ron_str(text: &str, path: &Path) -> Result<Budget, LoadError> {
    let mut budget: Budget = ron::from_str(text).map_err(|e| {
        let (message_zh, message) = super::diagnose::messages(&e.code);
        LoadError::Parse {
            path: path.to_owned(),
            line: e.span.start.line,
            column: e.span.start.col,
            message,
            message_zh,
        }
    })?;
    if budget.format_version > FORMAT_VERSION {
        return Err(LoadError::Version {
            path: path.to_owned(),
            found: budget.format_version,
            supported: FORMAT_VERSION,
        });
    }
    if let Some(excess) = super::limits::first_excess(&budget) {
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
    Ok(budget)
}

/// Reads a budget file.
///
/// # Errors
/// See [`LoadError`].
pub fn load(path: &Path) -> Result<Budget, LoadError> {
    let text = fs::read_to_string(path).map_err(|source| LoadError::Io {
        path: path.to_owned(),
        source,
    })?;
    from_ron_str(&text, path)
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

/// Saves a budget safely: temporary file beside the target, flushed, then renamed over it.
///
/// # Errors
/// [`SaveError`]; on error the target keeps its previous content.
pub fn save(budget: &Budget, path: &Path) -> Result<(), SaveError> {
    let text = to_ron_string(budget)?;
    write_atomically(path, text.as_bytes()).map_err(|source| SaveError::Io {
        path: path.to_owned(),
        source,
    })
}

/// Writes `bytes` to `path` through a temporary sibling file and a rename.
///
/// # Errors
/// Any I/O error; the temporary file is removed on failure.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_owned(),
        _ => PathBuf::from("."),
    };
    let name = path
        .file_name()
        .map_or_else(|| "budget".into(), |n| n.to_string_lossy().into_owned());
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = (|| {
        let mut file = File::create(&tmp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        drop(file);
        fs::rename(&tmp, path)?;
        // Make the rename itself durable where the platform allows syncing a directory.
        if let Ok(d) = File::open(&dir) {
            let _ = d.sync_all();
        }
        Ok(())
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result
}
