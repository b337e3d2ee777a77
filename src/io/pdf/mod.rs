//! The publishable disclosure as a PDF: cover, 目录 with page numbers, the profile, the template's
//! tables in their official layout (header rows repeated on every page), the 情况说明 with the
//! performance-target forms (or the project descriptions), the glossary and, on an appendix, the
//! charts of the expenditure structure as vector drawings.
//!
//! Typeset with typst, used as a library: the layout is a typst template embedded in the binary
//! (`disclosure.typ`), the content is the table model and the budget's texts passed in as a JSON
//! file, and the only fonts are the embedded Noto Sans SC faces — no installed fonts, no network,
//! no package downloads, no file read besides what is passed in. Every amount is formatted before
//! it reaches the template (the table model's `Cell::text`, `Money`), so the PDF prints the
//! figures the screen, the checks and the workbook show.

mod data;
mod forms;
mod narrative;
mod one_line;
mod pieces;
mod svg;
mod world;

use std::path::Path;

use typst::diag::{Severity, SourceDiagnostic};
use typst::foundations::Smart;
use typst_layout::PagedDocument;

pub use narrative::{Paragraph, Run, Section, Topic, narrative_sections};
pub use svg::scene_svg;

use crate::calc::Derived;
use crate::calc::charts::{ChartKind, chart};
use crate::chart::{Style, header, layout};
use crate::io::save::{SaveError, WriteOptions, write_file};
use crate::model::Budget;

/// Choices of the export.
#[derive(Clone, Debug)]
pub struct PdfOptions {
    /// Chinese (the published language) or English.
    pub zh: bool,
    /// Print the charts of the expenditure structure on an appendix: `None` as the template
    /// says (Shanghai's documents have none), `Some` as the officer asks.
    pub charts: Option<bool>,
    /// The headline figures against an attached last year's budget, so that the document
    /// states the changes the app shows; `None` compares with the last-year figures the budget
    /// itself states.
    pub against: Option<crate::calc::Summary>,
}

impl Default for PdfOptions {
    fn default() -> Self {
        PdfOptions {
            zh: true,
            charts: None,
            against: None,
        }
    }
}

/// Why the PDF could not be made. Nothing is written when this is returned.
#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    /// The typesetter refused the document (a defect of the template, not of the budget).
    #[error("无法排版 PDF / cannot typeset the PDF: {0}")]
    Typeset(String),
    /// Writing the file failed; the target keeps its previous content.
    #[error(transparent)]
    Write(#[from] SaveError),
}

/// Width and height of the charts drawn for the appendix (a 16:9 scene, scaled to the page).
const CHART_SIZE: [f32; 2] = [1600.0, 900.0];

/// The appendix's charts: every chart with data, as SVG, with its title.
fn chart_files(budget: &Budget, derived: &Derived, zh: bool) -> Vec<(String, String, Vec<u8>)> {
    let mut out = Vec::new();
    for kind in ChartKind::ALL {
        let c = chart(budget, derived, kind, None, zh);
        let has_data = c
            .data
            .iter()
            .any(|d| !d.value.is_zero() || d.parts.iter().any(|p| !p.is_zero()));
        if !has_data {
            continue;
        }
        let style = Style::slide(
            CHART_SIZE[0],
            CHART_SIZE[1],
            false,
            zh,
            header(budget, &c, zh),
        );
        let svg = scene_svg(&layout(&c, &style));
        let file = format!("/chart-{}.svg", kind.slug());
        out.push((c.title, file, svg.into_bytes()));
    }
    out
}

/// The typesetter's errors as one message.
fn describe(diagnostics: &[SourceDiagnostic]) -> String {
    diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| d.message.to_string())
        .collect::<Vec<_>>()
        .join("; ")
}

/// The laid-out document (pages), before it is written as PDF.
///
/// # Errors
/// [`PdfError::Typeset`] when the template cannot be typeset.
fn typeset(
    budget: &Budget,
    derived: &Derived,
    options: &PdfOptions,
) -> Result<pieces::Laid, PdfError> {
    typeset_in(budget, derived, options, pieces::PIECE_ROWS)
}

/// The same, in pieces of about `piece_rows` rows.
fn typeset_in(
    budget: &Budget,
    derived: &Derived,
    options: &PdfOptions,
    piece_rows: usize,
) -> Result<pieces::Laid, PdfError> {
    let charts = if options
        .charts
        .unwrap_or(budget.template().outline.chart_appendix)
    {
        chart_files(budget, derived, options.zh)
    } else {
        Vec::new()
    };
    let mut files = Vec::with_capacity(charts.len() + 1);
    let mut refs = Vec::with_capacity(charts.len());
    for (title, file, bytes) in charts {
        refs.push((title, file.clone()));
        files.push((file, bytes));
    }
    let summary = options.against.as_ref().unwrap_or(&derived.summary);
    let doc = data::document(budget, derived, summary, options.zh, refs);
    pieces::typeset_in_pieces(doc, piece_rows, |piece| {
        let json = serde_json::to_vec(piece).map_err(|e| PdfError::Typeset(e.to_string()))?;
        let mut files = files.clone();
        files.push(("/data.json".to_owned(), json));
        let world = world::DisclosureWorld::new(files)
            .ok_or_else(|| PdfError::Typeset("invalid virtual path".to_owned()))?;
        typst::compile::<PagedDocument>(&world)
            .output
            .map_err(|errors| PdfError::Typeset(describe(&errors)))
    })
}

/// The PDF's bytes.
///
/// # Errors
/// [`PdfError::Typeset`] when the template cannot be typeset or written as PDF.
pub fn pdf_bytes(
    budget: &Budget,
    derived: &Derived,
    options: &PdfOptions,
) -> Result<Vec<u8>, PdfError> {
    let _typesetting = Typesetting::start();
    write_pdf(typeset(budget, derived, options))
}

/// How many documents are being typeset at once (导出全部单位 writes them side by side).
static TYPESETTING: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

/// Counts one document being typeset for as long as it lives.
struct Typesetting;

impl Typesetting {
    fn start() -> Self {
        TYPESETTING.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        Typesetting
    }
}

impl Drop for Typesetting {
    fn drop(&mut self) {
        TYPESETTING.fetch_sub(1, std::sync::atomic::Ordering::SeqCst);
    }
}

/// The laid-out `document` as PDF bytes.
fn write_pdf(laid: Result<pieces::Laid, PdfError>) -> Result<Vec<u8>, PdfError> {
    let bytes = laid.and_then(|laid| {
        let pdf_options = typst_pdf::PdfOptions {
            creator: Smart::Custom(Some(format!("Budget Studio {}", env!("CARGO_PKG_VERSION")))),
            tagged: laid.tagged,
            ..typst_pdf::PdfOptions::default()
        };
        typst_pdf::pdf(&laid.document, &pdf_options)
            .map(without_false_suspects)
            .map_err(|errors| PdfError::Typeset(describe(&errors)))
    });
    forget_layouts();
    bytes
}

/// Blanks `/Suspects false` out of the catalogue's `/MarkInfo`. It is valid PDF and the
/// default anyway, but poppler (pdftotext, pdfinfo, Evince and the other viewers built on it)
/// reports every such file with "Syntax Error: Suspects object is wrong type (boolean)". The
/// entry is overwritten with spaces of the same length, so every object keeps its offset and
/// the cross-reference table stays right.
fn without_false_suspects(mut bytes: Vec<u8>) -> Vec<u8> {
    const ENTRY: &[u8] = b"/Suspects false";
    let catalog = b"/Type/Catalog";
    // The catalogue is written last; look from its start only.
    let from = bytes
        .windows(catalog.len())
        .rposition(|w| w == catalog)
        .unwrap_or(bytes.len());
    if let Some(at) = bytes
        .get(from..)
        .and_then(|rest| rest.windows(ENTRY.len()).position(|w| w == ENTRY))
        && let Some(entry) = bytes.get_mut(from + at..from + at + ENTRY.len())
    {
        entry.fill(b' ');
    }
    bytes
}

/// Drops what the typesetter memoised while laying out a document. It keeps every layout it
/// made for reuse by the next run, which for a long budget is gigabytes the app would go on
/// holding after the export; an export is rare enough to start afresh each time. While another
/// document is being typeset beside this one, only what neither has used lately goes: dropping
/// all would take the other's layouts from under it (101 PDFs on two cores took 96 s so).
fn forget_layouts() {
    let others = TYPESETTING.load(std::sync::atomic::Ordering::SeqCst) > 1;
    typst::comemo::evict(if others { 3 } else { 0 });
}

/// How many pages the document has (for tests and the status line).
///
/// # Errors
/// See [`pdf_bytes`].
pub fn page_count(
    budget: &Budget,
    derived: &Derived,
    options: &PdfOptions,
) -> Result<usize, PdfError> {
    let _typesetting = Typesetting::start();
    let pages = typeset(budget, derived, options).map(|l| l.document.pages().len());
    forget_layouts();
    pages
}

/// Writes the PDF to `path` through a temporary file beside it, so a failure leaves no
/// half-written PDF and the previous file, if any, untouched. Findings of the checks are not
/// printed: the disclosure publishes the budget, not the review.
///
/// # Errors
/// Typesetting or writing failed.
pub fn export(
    budget: &Budget,
    derived: &Derived,
    path: &Path,
    options: &PdfOptions,
) -> Result<(), PdfError> {
    let bytes = pdf_bytes(budget, derived, options)?;
    write_file(path, &bytes, &WriteOptions::default())?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A generated budget typeset in one piece and in pieces of 40 rows (its long tables cut
    /// several times each) prints the same table rows in the same order: no row lost or
    /// repeated. (A page where a piece ends may hold a row fewer, so the
    /// page numbers may move by one after it; they are left out of the comparison.)
    #[test]
    fn a_document_typeset_in_pieces_prints_what_the_whole_prints() {
        let Ok(pdftotext) = which_pdftotext() else {
            return;
        };
        let budget = crate::synth::generate(240, 3);
        let derived = crate::calc::derive(&budget);
        let options = PdfOptions {
            charts: Some(false),
            ..PdfOptions::default()
        };
        let text = |rows: usize| {
            let bytes = write_pdf(typeset_in(&budget, &derived, &options, rows)).unwrap();
            let dir = tempfile::tempdir().unwrap();
            let file = dir.path().join("p.pdf");
            std::fs::write(&file, bytes).unwrap();
            let out = std::process::Command::new(&pdftotext)
                .args(["-layout", "-enc", "UTF-8"])
                .arg(&file)
                .arg("-")
                .output()
                .unwrap();
            String::from_utf8(out.stdout).unwrap()
        };
        // The tables' rows (a code, then names and amounts), spaces squeezed: columns are as
        // wide as each page's cells need.
        let rows = |t: &str| -> Vec<String> {
            t.lines()
                .filter(|l| {
                    l.split_whitespace()
                        .next()
                        .is_some_and(|w| w.len() >= 3 && w.chars().all(|c| c.is_ascii_digit()))
                })
                .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
                .collect()
        };
        let whole = text(usize::MAX);
        let cut = text(40);
        // One piece keeps the structure of a tagged PDF; many pieces keep only the headings'.
        let tagged = |rows| {
            typeset_in(&budget, &derived, &options, rows)
                .unwrap()
                .tagged
        };
        assert!(tagged(usize::MAX));
        assert!(!tagged(40));
        let pages = |t: &str| t.matches('\u{c}').count();
        assert!(pages(&whole) > 10, "{}", pages(&whole));
        assert!(
            pages(&cut) <= pages(&whole) + 2,
            "{} / {}",
            pages(&cut),
            pages(&whole)
        );
        assert!(rows(&whole).len() > 200, "{}", rows(&whole).len());
        assert_eq!(rows(&cut), rows(&whole));
        // Every body page is numbered from 1 at its foot, whether the page printed its number
        // itself (one piece) or had it put on afterwards (many), and the front pages are not.
        let numbers = |t: &str| -> Vec<Option<usize>> {
            t.split('\u{c}')
                .filter(|p| !p.trim().is_empty())
                .map(|p| {
                    let last = p.lines().rev().find(|l| !l.trim().is_empty())?;
                    // `— 12 —`, read as `—12—` on some pages.
                    let last: String = last.split_whitespace().collect();
                    last.strip_prefix('—')?.strip_suffix('—')?.parse().ok()
                })
                .collect()
        };
        for t in [&whole, &cut] {
            let n = numbers(t);
            assert_eq!(n[..2], [None, None], "cover and contents");
            let body: Vec<usize> = (1..=n.len() - 2).collect();
            assert_eq!(n[2..], body.iter().map(|b| Some(*b)).collect::<Vec<_>>());
        }
    }

    /// poppler's pdftotext; missing, the test is skipped, except in CI, which installs it.
    fn which_pdftotext() -> Result<std::path::PathBuf, ()> {
        let found = std::env::var_os("PATH").and_then(|path| {
            std::env::split_paths(&path)
                .map(|d| d.join("pdftotext"))
                .find(|p| p.is_file())
        });
        if found.is_none() {
            assert!(
                std::env::var("CI").as_deref() != Ok("true"),
                "pdftotext is missing; CI installs poppler-utils (see .ci/run)"
            );
            eprintln!("skipped: pdftotext is not installed (apt-get install poppler-utils)");
        }
        found.ok_or(())
    }

    #[test]
    fn false_suspects_are_blanked_in_the_catalogue_only_and_offsets_kept() {
        let pdf = b"1 0 obj (/Suspects false) endobj\n2 0 obj <</Type/Catalog/MarkInfo<</Marked true/Suspects false>>>> endobj".to_vec();
        let out = without_false_suspects(pdf.clone());
        assert_eq!(out.len(), pdf.len());
        let text = String::from_utf8(out).unwrap();
        assert!(text.starts_with("1 0 obj (/Suspects false)"), "{text}");
        assert!(
            text.contains("/MarkInfo<</Marked true               >>"),
            "{text}"
        );
    }
}
