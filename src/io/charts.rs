//! PNG export of the charts, 1920×1080, with title, department, year, unit and legend — from the
//! app or from the command line, without a window.

use std::path::{Path, PathBuf};

use crate::calc::Derived;
use crate::calc::charts::{ChartKind, chart};
use crate::chart::{Style, header, layout, png};
use crate::model::Budget;

use super::save::{SaveError, WriteOptions, write_file};

/// Width of exported charts.
pub const EXPORT_WIDTH: f32 = 1920.0;
/// Height of exported charts.
pub const EXPORT_HEIGHT: f32 = 1080.0;

/// Why an export failed.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// Rendering failed.
    #[error(transparent)]
    Render(#[from] png::RenderError),
    /// Writing failed (or the file is read-only).
    #[error(transparent)]
    Write(#[from] SaveError),
}

/// The PNG bytes of one chart at 1920×1080.
///
/// # Errors
/// When rendering fails.
pub fn chart_png(
    budget: &Budget,
    derived: &Derived,
    kind: ChartKind,
    drill: Option<&str>,
    zh: bool,
    dark: bool,
) -> Result<Vec<u8>, ExportError> {
    let c = chart(budget, derived, kind, drill, zh);
    let style = Style::slide(
        EXPORT_WIDTH,
        EXPORT_HEIGHT,
        dark,
        zh,
        header(budget, &c, zh),
    );
    Ok(png::png_bytes(&layout(&c, &style))?)
}

/// Writes one chart to `path` (through a temporary file).
///
/// # Errors
/// Rendering or writing failed; the target is then untouched.
pub fn export_chart(
    budget: &Budget,
    derived: &Derived,
    kind: ChartKind,
    drill: Option<&str>,
    path: &Path,
    zh: bool,
    dark: bool,
) -> Result<(), ExportError> {
    let bytes = chart_png(budget, derived, kind, drill, zh, dark)?;
    // A chart is made again in a second, so it gets no backup.
    write_file(path, &bytes, &WriteOptions::default())?;
    Ok(())
}

/// Writes every chart as `{stem}-{n}-{slug}.png` beside `first` (whose stem names the set).
/// Returns the files written.
///
/// # Errors
/// The first failure; files written before it stay.
pub fn export_all(
    budget: &Budget,
    derived: &Derived,
    first: &Path,
    zh: bool,
    dark: bool,
) -> Result<Vec<PathBuf>, ExportError> {
    let dir = first
        .parent()
        .map_or_else(|| PathBuf::from("."), Path::to_owned);
    let stem = first
        .file_stem()
        .map_or_else(|| "charts".to_owned(), |s| s.to_string_lossy().into_owned());
    let mut written = Vec::new();
    for (n, kind) in ChartKind::ALL.into_iter().enumerate() {
        let path = dir.join(format!("{stem}-{}-{}.png", n + 1, kind.slug()));
        export_chart(budget, derived, kind, None, &path, zh, dark)?;
        written.push(path);
    }
    Ok(written)
}
