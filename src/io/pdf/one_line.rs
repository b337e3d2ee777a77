//! Which rows of a printed table surely fit on one line, so the typesetter can give them their
//! height at once.

use super::data::{RowData, display_width};
use crate::calc::tables::{ColumnKind, Table};

/// Marks the rows whose every cell surely fits on one line. The template gives such a row the
/// height of one line of text at once: typst otherwise lays out every cell of an `auto` row twice,
/// once to measure the row and once to place it, which was a third of a long table's time.
///
/// Amounts and codes cannot break (digits, commas and points hold together); text can, so a
/// name must fit its column with a tenth to spare, the column's width being its share of the
/// page as typst divides it (`1fr` columns in proportion to `widths`).
pub(super) fn mark_one_line_rows(
    rows: &mut [RowData],
    widths: &[usize],
    t: &Table<'_>,
    landscape: bool,
) {
    // The text width of an A4 page with the template's 2.2 cm side margins, the size of half an
    // em of the tables' 10.5 pt text, and a cell's horizontal inset with its rules.
    const PORTRAIT_PT: f32 = 470.0;
    const LANDSCAPE_PT: f32 = 717.0;
    const HALF_EM_PT: f32 = 5.25;
    const INSET_PT: f32 = 9.0;
    let total: usize = widths.iter().sum();
    if total == 0 {
        return;
    }
    let page = if landscape { LANDSCAPE_PT } else { PORTRAIT_PT };
    #[allow(clippy::cast_precision_loss)] // widths are small counts
    let room: Vec<f32> = widths
        .iter()
        .map(|w| page * *w as f32 / total as f32 - INSET_PT)
        .collect();
    let breakable: Vec<bool> = t
        .columns
        .iter()
        .map(|c| matches!(c.kind, ColumnKind::Name | ColumnKind::Text))
        .collect();
    for row in rows {
        // A name's text carries its indentation.
        row.o = row.c.iter().enumerate().all(|(c, text)| {
            let can_break = breakable.get(c).copied().unwrap_or(true) || text.contains(' ');
            #[allow(clippy::cast_precision_loss)] // text widths are small counts
            let needed = display_width(text) as f32 * HALF_EM_PT * 1.1;
            !can_break || room.get(c).is_some_and(|r| needed <= *r)
        });
    }
}
