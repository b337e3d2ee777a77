//! Template files on disk: the officer's templates folder (read when the app starts) and a file
//! named on the command line (`--template-file`). What a file holds is described in
//! [`crate::model::template::file`].

use std::path::{Path, PathBuf};

use crate::model::Template;
use crate::model::template::file::TemplateError;
use crate::model::template::registry;

/// Why a template file was not loaded.
#[derive(Debug, thiserror::Error)]
pub enum TemplateFileError {
    /// It could not be read.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// The reason.
        source: std::io::Error,
    },
    /// Not text.
    #[error("{}: 不是 UTF-8 文本 / not UTF-8 text", path.display())]
    NotText {
        /// The file.
        path: PathBuf,
    },
    /// Not a template (the message names the file, line and column).
    #[error(transparent)]
    Template(#[from] TemplateError),
}

impl TemplateFileError {
    /// The message in one language.
    #[must_use]
    pub fn describe(&self, zh: bool) -> String {
        match self {
            TemplateFileError::Io { path, source } => format!("{}: {source}", path.display()),
            TemplateFileError::NotText { path } => {
                let what = if zh {
                    "不是 UTF-8 文本"
                } else {
                    "not UTF-8 text"
                };
                format!("{}: {what}", path.display())
            }
            TemplateFileError::Template(e) => e.describe(zh),
        }
    }
}

/// Reads the template file at `path` and loads it (replacing a loaded template of its id).
///
/// # Errors
/// See [`TemplateFileError`]; nothing is loaded from a bad file.
pub fn load_file(path: &Path) -> Result<&'static Template, TemplateFileError> {
    let bytes = std::fs::read(path).map_err(|source| TemplateFileError::Io {
        path: path.to_owned(),
        source,
    })?;
    let text = String::from_utf8(bytes).map_err(|_| TemplateFileError::NotText {
        path: path.to_owned(),
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    Ok(registry::load(text, &path.display().to_string())?)
}

/// The folder of the officer's templates inside the app's settings folder `settings`.
#[must_use]
pub fn folder(settings: &Path) -> PathBuf {
    settings.join("templates")
}

/// Loads every `.ron` file of `dir` (a missing folder has none). A file that extends another of
/// the folder is loaded after it, whatever their names. Returns what was loaded and what was
/// refused, each with its file.
pub fn load_folder(dir: &Path) -> (Vec<(PathBuf, &'static Template)>, Vec<TemplateFileError>) {
    let mut pending: Vec<PathBuf> = match std::fs::read_dir(dir) {
        Ok(entries) => entries
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e.eq_ignore_ascii_case("ron")))
            .collect(),
        Err(_) => Vec::new(),
    };
    pending.sort();
    let mut loaded = Vec::new();
    loop {
        let mut failed = Vec::new();
        let before = pending.len();
        for path in pending {
            match load_file(&path) {
                Ok(t) => loaded.push((path, t)),
                Err(e) => failed.push((path, e)),
            }
        }
        let waiting_for_base = |e: &TemplateFileError| {
            matches!(
                e,
                TemplateFileError::Template(TemplateError::UnknownBase { .. })
            )
        };
        // Another pass only while it can help: something loaded, and a base may now be there.
        if failed.len() == before || !failed.iter().any(|(_, e)| waiting_for_base(e)) {
            return (loaded, failed.into_iter().map(|(_, e)| e).collect());
        }
        pending = failed.into_iter().map(|(p, _)| p).collect();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::TemplateId;

    #[test]
    fn a_folder_loads_a_template_after_the_one_it_extends() {
        let dir = tempfile::tempdir().unwrap();
        // "a" sorts first but extends "b".
        std::fs::write(
            dir.path().join("a.ron"),
            "(format: 1, id: FolderChild, version: 2, extends: FolderBase, unit: Yuan)",
        )
        .unwrap();
        std::fs::write(
            dir.path().join("b.ron"),
            "(format: 1, id: FolderBase, version: 1, extends: ShanghaiDistrict, unit: WanYuan)",
        )
        .unwrap();
        std::fs::write(
            dir.path().join("c.ron"),
            "(format: 1, id: FolderBad, version: 1,",
        )
        .unwrap();
        std::fs::write(dir.path().join("notes.txt"), "not a template").unwrap();
        let (loaded, failed) = load_folder(dir.path());
        let ids: Vec<TemplateId> = loaded.iter().map(|(_, t)| t.id).collect();
        assert_eq!(
            ids,
            [
                TemplateId::parse("FolderBase").unwrap(),
                TemplateId::parse("FolderChild").unwrap()
            ]
        );
        assert_eq!(failed.len(), 1);
        assert!(
            failed[0].describe(true).contains("c.ron:"),
            "{}",
            failed[0].describe(true)
        );
        let child = TemplateId::parse("FolderChild").unwrap().get();
        assert_eq!(child.unit, crate::model::MoneyUnit::Yuan);
        assert_eq!(
            child.code_layout,
            TemplateId::SHANGHAI_DISTRICT.get().code_layout
        );
        assert!(load_folder(&dir.path().join("missing")).0.is_empty());
    }
}
