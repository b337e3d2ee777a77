//! `export pdf`: the publishable disclosure as a PDF, from the command line.

use std::io::{self, Write};
use std::path::Path;
use std::time::Instant;

use super::units::{Target, disclosures, make_folder, write_all};
use super::{EXIT_OK, EXIT_UNREADABLE, load_or_report};
use crate::calc::derive;
use crate::io::pdf::{PdfOptions, export};

/// `export pdf FILE --out OUT.pdf`: the disclosure (cover, contents, profile, tables, narrative,
/// forms, glossary and, unless `charts` is false, the charts appendix); returns the exit code
/// (2 when FILE cannot be read or OUT cannot be written; nothing is written then). Findings of
/// the checks do not stop the export: they are not part of the published document.
///
/// # Errors
/// Only when writing to `out` or `err` fails.
pub fn export_pdf(
    path: &Path,
    target: &Target,
    zh: bool,
    charts: Option<bool>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<i32> {
    let Some(file) = load_or_report(path, zh, err)? else {
        return Ok(EXIT_UNREADABLE);
    };
    let Some(list) = disclosures(file, target, "pdf", zh, err)? else {
        return Ok(EXIT_UNREADABLE);
    };
    if !make_folder(target, err)? {
        return Ok(EXIT_UNREADABLE);
    }
    let written = write_all(list, |to, budget| {
        let started = Instant::now();
        let derived = derive(budget);
        let options = PdfOptions {
            zh,
            charts,
            against: None,
        };
        let result = export(budget, &derived, to, &options);
        log::info!("PDF written in {:.2} s", started.elapsed().as_secs_f64());
        result
    });
    let mut failed = false;
    for (to, result) in written {
        match result {
            Ok(()) => writeln!(out, "{}", to.display())?,
            Err(e) => {
                writeln!(err, "{e}")?;
                failed = true;
            }
        }
    }
    if failed {
        return Ok(EXIT_UNREADABLE);
    }
    Ok(EXIT_OK)
}
