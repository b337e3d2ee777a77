//! `template list`, `template show ID` and `--template-file FILE`.

use std::io::{self, Write};
use std::path::Path;
use std::sync::OnceLock;

use super::EXIT_UNREADABLE;
use crate::model::template::{file, registry};
use crate::model::{Budget, TemplateId};

/// The template `--template-file` loaded: every budget of this run is published in it.
static OVERRIDE: OnceLock<TemplateId> = OnceLock::new();

/// Loads the template file `path` for this run. On failure the message is written to `err`
/// and the exit code returned.
///
/// # Errors
/// [`EXIT_UNREADABLE`] when the file cannot be read or is not a template.
pub fn use_template_file(path: &Path, zh: bool, err: &mut dyn Write) -> Result<(), i32> {
    match crate::io::templates::load_file(path) {
        Ok(t) => {
            let _ = OVERRIDE.set(t.id);
            Ok(())
        }
        Err(e) => {
            let _ = writeln!(err, "{}", e.describe(zh));
            Err(EXIT_UNREADABLE)
        }
    }
}

/// Puts `budget` in the template `--template-file` loaded, if one was.
pub(super) fn apply_override(budget: &mut Budget) {
    if let Some(id) = OVERRIDE.get() {
        budget.template = *id;
    }
}

/// The template `--template-file` loaded, if any.
#[must_use]
pub(super) fn overridden() -> bool {
    OVERRIDE.get().is_some()
}

/// `template list`: id, version, name and origin, one line each.
///
/// # Errors
/// Only when writing fails.
pub fn template_list(zh: bool, out: &mut dyn Write) -> io::Result<i32> {
    for e in registry::entries() {
        let t = e.template;
        let origin = match (e.origin, zh) {
            ("built-in", true) => "内置",
            (o, _) => o,
        };
        writeln!(out, "{}\t{}\t{}\t{origin}", t.id, t.version, t.name.get(zh))?;
    }
    Ok(0)
}

/// `template show ID`: the template as a whole file.
///
/// # Errors
/// Only when writing fails.
pub fn template_show(
    id: &str,
    zh: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<i32> {
    let Some(t) = TemplateId::parse(id).and_then(TemplateId::find) else {
        let known: Vec<String> = TemplateId::all().iter().map(ToString::to_string).collect();
        if zh {
            writeln!(err, "没有模板 {id}；已有：{}", known.join(", "))?;
        } else {
            writeln!(err, "no template {id}; there are: {}", known.join(", "))?;
        }
        return Ok(EXIT_UNREADABLE);
    };
    writeln!(out, "{}", file::to_text(t))?;
    Ok(0)
}
