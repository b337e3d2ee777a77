//! The workbook: a contents sheet, one sheet per disclosure table in the order the disclosure
//! prints them, one per performance-target form and one with the findings. Each table sheet has
//! the official look — title, 编制部门 and 单位 row, the header with its merged cells, codes and
//! names, amounts in `#,##0.00` (万元) or `#,##0` (元), column widths that fit Chinese text, a
//! frozen header, and an A4 landscape print setup one page wide with the header repeated and
//! "第 N 页 共 M 页" at the foot.

use std::path::Path;

use rust_xlsxwriter::{Format, Formula, Note, Worksheet};

pub(super) use super::formats::{Formats, print_setup};
use super::rollup::Plan;
use super::{ExportError, carry, cell_number, descriptions, display_width, forms};
use crate::calc::Derived;
use crate::calc::tables::{
    Cell, ColumnKind, HeaderCell, Row, RowKind, Table, disclosure_tables, table,
};
use crate::checks::Finding;
use crate::model::template::CodeLayout;
use crate::model::{Budget, Money, MoneyUnit, Project};

/// Choices of the export.
#[derive(Clone, Copy, Debug, Default)]
pub struct ExportOptions {
    /// How codes are printed, where it should differ from the budget's template.
    pub codes: Option<CodeLayout>,
    /// Only what is published: without the findings sheet and without the hidden sheet that
    /// carries the rest of the budget (texts, notes, assets …) for the way back.
    pub tables_only: bool,
    /// Write the formulas without their results (zero in their place), so that a figure shown
    /// proves the spreadsheet recalculated it — for testing spreadsheet programs, not for use.
    pub without_results: bool,
}

/// Writes `text` over a range, merging when it is more than one cell.
pub(super) fn put(
    ws: &mut Worksheet,
    (r0, c0, r1, c1): (u32, u16, u32, u16),
    text: &str,
    format: &Format,
) -> Result<(), ExportError> {
    if r0 == r1 && c0 == c1 {
        ws.write_string_with_format(r0, c0, text, format)?;
    } else {
        ws.merge_range(r0, c0, r1, c1, text, format)?;
    }
    Ok(())
}

/// Makes each one-row header cell tall enough for its wrapped text: a merged cell's text wraps
/// but the row does not grow by itself, so a long heading over narrow code columns would
/// overflow into the row below.
fn fit_header_heights(
    ws: &mut Worksheet,
    header: &[Placed],
    widths: &Widths,
    top: u32,
    bounds: (usize, usize),
) -> Result<(), ExportError> {
    let mut lines: std::collections::BTreeMap<u32, usize> = std::collections::BTreeMap::new();
    for (r0, c0, r1, c1, text) in header {
        if r0 == r1 {
            let room = widths.span(*c0, *c1, bounds).saturating_sub(1).max(1);
            let needed = display_width(text).div_ceil(room).max(1);
            let at = lines.entry(*r0).or_insert(1);
            *at = (*at).max(needed);
        }
    }
    for (r, n) in lines {
        if n > 1 {
            ws.set_row_height(top + r, 15.0 * n as f64 + 3.0)?;
        }
    }
    Ok(())
}

/// Column widths from the widest text, kept between `min` and `max` units.
pub(super) struct Widths(Vec<usize>);

impl Widths {
    pub(super) fn new(columns: usize) -> Self {
        Widths(vec![0; columns])
    }

    pub(super) fn fit(&mut self, col: u16, text: &str) {
        self.fit_width(col, display_width(text));
    }

    /// Makes column `col` at least `width` units wide.
    fn fit_width(&mut self, col: u16, width: usize) {
        if let Some(w) = self.0.get_mut(usize::from(col)) {
            *w = (*w).max(width);
        }
    }

    /// The width of columns `c0..=c1` as [`Widths::apply`] sets them.
    fn span(&self, c0: u16, c1: u16, (min, max): (usize, usize)) -> usize {
        (c0..=c1)
            .map(|c| {
                self.0
                    .get(usize::from(c))
                    .map_or(min, |w| (w + 2).clamp(min, max))
            })
            .sum()
    }

    pub(super) fn apply(
        &self,
        ws: &mut Worksheet,
        min: usize,
        max: usize,
    ) -> Result<(), ExportError> {
        for (c, w) in self.0.iter().enumerate() {
            let width = (w + 2).clamp(min, max);
            ws.set_column_width(u16::try_from(c).unwrap_or(u16::MAX), width as f64)?;
        }
        Ok(())
    }
}

/// The whole workbook as bytes.
///
/// # Errors
/// When the workbook library refuses a sheet (it should not for any budget), or cannot write
/// its temporary files.
pub fn workbook_bytes(
    budget: &Budget,
    derived: &Derived,
    findings: &[Finding],
    options: &ExportOptions,
) -> Result<Vec<u8>, ExportError> {
    guarded(|| build_workbook(budget, derived, findings, options))
}

/// `build`, with a panic in it turned into an error. The long tables are written through
/// temporary files whose writes the workbook library does not check (a full disk panics in it);
/// the app, with the officer's open budget, must carry on and say so.
fn guarded<T>(build: impl FnOnce() -> Result<T, ExportError>) -> Result<T, ExportError> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(build)).unwrap_or_else(|panic| {
        let why = panic
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_default();
        Err(ExportError::BrokeOff(why))
    })
}

fn build_workbook(
    budget: &Budget,
    derived: &Derived,
    findings: &[Finding],
    options: &ExportOptions,
) -> Result<Vec<u8>, ExportError> {
    let formats = Formats::new();
    let mut workbook = super::dated_workbook(budget.profile.year);
    let ids = disclosure_tables(budget);
    let mut names = Vec::with_capacity(ids.len());
    let mut tables = Vec::with_capacity(ids.len());
    for (n, id) in ids.iter().enumerate() {
        names.push(format!("表{}", n + 1));
        tables.push(table(budget, derived, *id, true).printed());
    }
    let titles: Vec<(String, String)> = names
        .iter()
        .zip(&tables)
        .map(|(n, t)| (n.clone(), t.title.clone()))
        .collect();
    workbook.push_worksheet(forms::contents_sheet(budget, &titles, &formats)?);
    // The table sheets are the library's "low memory" sheets, which write their rows out as they
    // go instead of keeping a map of millions of cells until the workbook is saved. Their texts
    // go to the shared string table as they are written (inline strings made the file larger
    // and reading it back slower), so they are written one after another: built side by side,
    // the strings took their numbers in whichever order the threads met them, and two exports
    // of one budget differed (100,000 lines: 3.6 s one by one, 2.7 s side by side).
    formats.register(&mut workbook.new_worksheet_with_low_memory()?)?;
    let mut jobs = Vec::with_capacity(tables.len());
    for (name, t) in names.iter().zip(&tables) {
        jobs.push((name, t, workbook.new_worksheet_with_low_memory()?));
    }
    for (name, t, ws) in jobs {
        workbook.push_worksheet(table_sheet(budget, t, name, &formats, options, ws)?);
    }
    let projects: Vec<(usize, &Project)> = budget.projects.iter().enumerate().collect();
    let per_thread = projects.len().div_ceil(super::cores()).max(1);
    for sheet in in_parallel(projects, per_thread, |(n, project)| {
        forms::project_sheet(budget, project, &format!("绩效{}", n + 1), &formats)
    })? {
        workbook.push_worksheet(sheet);
    }
    for (n, d) in budget.descriptions.iter().enumerate() {
        let name = format!("说明{}", n + 1);
        workbook.push_worksheet(descriptions::description_sheet(budget, d, &name, &formats)?);
    }
    // The findings are the officer's, not the public's: a workbook for publishing has none.
    if !options.tables_only {
        workbook.push_worksheet(forms::findings_sheet(budget, findings, &formats)?);
        workbook.push_worksheet(carry::sheet(budget)?);
    }
    // Excel's own level: most of a big workbook's time is deflating its sheets, and level 3 takes
    // about two thirds of the default 6's time for a file a few percent larger.
    workbook.set_zip_compression_level(3);
    Ok(workbook.save_to_buffer()?)
}

/// `build` applied to each of `items`, `chunk` items to a thread, the sheets in the items' order.
fn in_parallel<T: Send>(
    items: Vec<T>,
    chunk: usize,
    build: impl Fn(T) -> Result<Worksheet, ExportError> + Sync,
) -> Result<Vec<Worksheet>, ExportError> {
    let count = items.len();
    let mut parts: Vec<Vec<T>> = Vec::new();
    for item in items {
        match parts.last_mut() {
            Some(part) if part.len() < chunk.max(1) => part.push(item),
            _ => parts.push(vec![item]),
        }
    }
    std::thread::scope(|scope| {
        let build = &build;
        let handles: Vec<_> = parts
            .into_iter()
            .map(|part| scope.spawn(move || part.into_iter().map(build).collect::<Vec<_>>()))
            .collect();
        let mut sheets = Vec::with_capacity(count);
        for handle in handles {
            let part = handle
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            for sheet in part {
                sheets.push(sheet?);
            }
        }
        Ok(sheets)
    })
}

/// Writes the workbook to `path` (through a temporary file, so a failure leaves it untouched).
///
/// # Errors
/// Building or writing failed.
pub fn export(
    budget: &Budget,
    derived: &Derived,
    findings: &[Finding],
    path: &Path,
    options: &ExportOptions,
) -> Result<(), ExportError> {
    let bytes = workbook_bytes(budget, derived, findings, options)?;
    let options = crate::io::save::WriteOptions {
        backup: false,
        expected: None,
    };
    crate::io::save::write_file(path, &bytes, &options)
        .map(|_| ())
        .map_err(|e| ExportError::Io {
            path: path.to_owned(),
            source: std::io::Error::other(e.to_string()),
        })
}

/// Where the model's columns land on the sheet; a code column may become three.
struct Layout {
    first: Vec<u16>,
    code: Option<usize>,
    width: u16,
}

impl Layout {
    fn new(t: &Table<'_>, codes: CodeLayout) -> Self {
        // Only a single code column is split (a model printing 类/款/项 apart has three).
        let code_columns = t
            .columns
            .iter()
            .filter(|c| c.kind == ColumnKind::Code)
            .count();
        let code = (codes == CodeLayout::ThreeColumns && code_columns == 1)
            .then(|| t.columns.iter().position(|c| c.kind == ColumnKind::Code))
            .flatten()
            // Only the classification tables have 类/款/项 codes; a unit code stays whole.
            .filter(|_| t.rows().any(|r| r.code.is_some()));
        let mut first = Vec::with_capacity(t.columns.len());
        let mut at: u16 = 0;
        for c in 0..t.columns.len() {
            first.push(at);
            at += if Some(c) == code { 3 } else { 1 };
        }
        Layout {
            first,
            code,
            width: at,
        }
    }

    fn col(&self, c: usize) -> u16 {
        self.first.get(c).copied().unwrap_or(0)
    }

    fn last(&self, c: usize) -> u16 {
        self.col(c) + if Some(c) == self.code { 2 } else { 0 }
    }
}

/// The header on the sheet: the model's cells moved to sheet columns, plus 类/款/项 under the
/// code heading when codes take three columns.
/// A header cell on the sheet: first row and column, last row and column, text.
type Placed = (u32, u16, u32, u16, String);

fn sheet_header(t: &Table<'_>, layout: &Layout) -> (Vec<Placed>, u32) {
    let rows = u32::try_from(t.header_rows).unwrap_or(1);
    let extra = u32::from(layout.code.is_some());
    let mut cells = Vec::with_capacity(t.header.len() + 3);
    for h in &t.header {
        let HeaderCell {
            text,
            row,
            col,
            rows: span_r,
            cols: span_c,
        } = h;
        let r0 = u32::try_from(*row).unwrap_or(0);
        let mut r1 = r0 + u32::try_from(*span_r).unwrap_or(1) - 1;
        let c0 = layout.col(*col);
        let c1 = layout.last(col + span_c - 1);
        let is_code = layout.code == Some(*col) && *span_c == 1;
        if r1 + 1 == rows && extra == 1 {
            if is_code {
                for (k, part) in ["类", "款", "项"].iter().enumerate() {
                    let c = c0 + u16::try_from(k).unwrap_or(0);
                    cells.push((rows, c, rows, c, (*part).to_owned()));
                }
            } else {
                r1 += 1;
            }
        }
        cells.push((r0, c0, r1, c1, text.clone()));
    }
    (cells, rows + extra)
}

fn split_code(code: &str) -> [&str; 3] {
    match code.len() {
        7 if code.is_ascii() => [&code[..3], &code[3..5], &code[5..]],
        5 if code.is_ascii() => [&code[..3], &code[3..], ""],
        _ => [code, "", ""],
    }
}

/// One table as a sheet named `name`, written row by row into `ws`.
///
/// `ws` may be a constant-memory sheet, which writes each row out as soon as the next begins:
/// so the column widths and the header's row heights are worked out from the whole table first,
/// and every cell is written in row order.
fn table_sheet(
    budget: &Budget,
    t: &Table<'_>,
    name: &str,
    f: &Formats,
    options: &ExportOptions,
    mut ws: Worksheet,
) -> Result<Worksheet, ExportError> {
    ws.set_name(name)?;
    let codes = options.codes.unwrap_or(budget.template().code_layout);
    let layout = Layout::new(t, codes);
    let last_col = layout.width.saturating_sub(1);
    let (mut header, header_rows) = sheet_header(t, &layout);
    // Row by row, left to right: a constant-memory sheet drops a write to a row it has passed.
    header.sort_by_key(|&(r0, c0, ..)| (r0, c0));
    let top = 2;
    let body = top + header_rows;
    let rows: Vec<Row> = if t.empty {
        Vec::new()
    } else {
        t.printed_rows()
    };

    let mut widths = Widths::new(usize::from(layout.width));
    for (_, c0, _, c1, text) in &header {
        if c0 == c1 {
            widths.fit(*c0, text);
        }
    }
    let bounds = if t.empty { (12, 40) } else { (6, 60) };
    if !t.empty {
        fit_body(t, &rows, &layout, &mut widths);
    }
    widths.apply(&mut ws, bounds.0, bounds.1)?;
    ws.set_row_height(0, 30)?;
    fit_header_heights(&mut ws, &header, &widths, top, bounds)?;
    ws.set_freeze_panes(body, 0)?;
    ws.set_repeat_rows(top, body - 1)?;
    print_setup(&mut ws);

    put(&mut ws, (0, 0, 0, last_col), &t.title, &f.title)?;
    let department = budget
        .template()
        .outline
        .department_line
        .fill_for(budget, true);
    let unit = format!("单位：{}", t.unit.label_zh());
    let year = format!("{}年度", budget.profile.year);
    if last_col >= 4 {
        // The department's name is the longest: it takes every column but the last two, which
        // hold the year and the unit (the code columns alone are too narrow for it).
        put(&mut ws, (1, 0, 1, last_col - 2), &department, &f.left)?;
        put(
            &mut ws,
            (1, last_col - 1, 1, last_col - 1),
            &year,
            &f.subtitle,
        )?;
        put(&mut ws, (1, last_col, 1, last_col), &unit, &f.right)?;
    } else if last_col >= 1 {
        let both = format!("{department}　{year}");
        put(&mut ws, (1, 0, 1, last_col - 1), &both, &f.left)?;
        put(&mut ws, (1, last_col, 1, last_col), &unit, &f.right)?;
    } else {
        put(
            &mut ws,
            (1, 0, 1, 0),
            &format!("{department} {year} {unit}"),
            &f.left,
        )?;
    }
    for (r0, c0, r1, c1, text) in &header {
        put(&mut ws, (top + r0, *c0, top + r1, *c1), text, &f.header)?;
    }

    if t.empty {
        let note = t.empty_note.as_deref().unwrap_or_default();
        put(&mut ws, (body, 0, body, last_col), note, &f.note)?;
        return Ok(ws);
    }

    let plan = Plan::new(&t.columns, &t.header, &rows);
    // A 元 table shows whole yuan, unless it holds cents — the Shanghai documents print 元
    // with two decimals — so no printed figure hides a fen the app counts.
    let cents = rows.iter().flat_map(|r| &r.cells).any(|c| match c {
        Cell::Amount(m) | Cell::Locked(m) | Cell::Input { value: m, .. } => {
            !m.value().fract().is_zero()
        }
        _ => false,
    });
    let shown = if cents { MoneyUnit::WanYuan } else { t.unit };
    let sheet_row = |i: usize| body + u32::try_from(i).unwrap_or(u32::MAX - body);
    let sheet_col = |c: usize| layout.col(c);
    let note_col = t
        .columns
        .iter()
        .position(|c| c.kind == ColumnKind::Name)
        .map_or(0, |c| layout.col(c));
    for (i, row) in rows.iter().enumerate() {
        let r = sheet_row(i);
        let strong = row.kind.is_strong();
        for (c, cell) in row.cells.iter().enumerate() {
            let col = layout.col(c);
            let kind = t.columns.get(c).map_or(ColumnKind::Text, |s| s.kind);
            match cell {
                Cell::Text(text) if Some(c) == layout.code => {
                    for (k, part) in split_code(text).iter().enumerate() {
                        let at = col + u16::try_from(k).unwrap_or(0);
                        ws.write_string_with_format(r, at, *part, &f.code)?;
                    }
                }
                Cell::Text(text) => {
                    let format = match kind {
                        ColumnKind::Name => f.name(row.kind),
                        ColumnKind::Code => &f.code,
                        _ if strong => f.name(RowKind::Total),
                        _ => &f.text,
                    };
                    ws.write_string_with_format(r, col, text, format)?;
                }
                Cell::Blank => blank(&mut ws, r, col, &layout, c, f)?,
                Cell::Percent(p) => {
                    let value = cell_number(crate::model::Money(*p)) / 100.0;
                    ws.write_number_with_format(r, col, value, &f.percent)?;
                }
                Cell::Change(change) => {
                    let format = f.amount(shown, RowKind::Total);
                    ws.write_number_with_format(r, col, cell_number(change.amount), format)?;
                }
                Cell::Amount(m) | Cell::Locked(m) | Cell::Input { value: m, .. } => {
                    let format = f.printed_amount(shown, row.kind, t.number_format);
                    let number = cell_number(*m);
                    if let Some(sum) = plan.sum(&rows, i, c, &sheet_row, &sheet_col) {
                        let result = if options.without_results { 0.0 } else { number };
                        let formula = Formula::new(&sum.formula).set_result(format!("{result}"));
                        ws.write_formula_with_format(r, col, formula, format)?;
                    } else if m.is_zero() && !matches!(row.kind, RowKind::Total | RowKind::Subtotal)
                    {
                        ws.write_blank(r, col, format)?;
                    } else {
                        ws.write_number_with_format(r, col, number, format)?;
                    }
                }
            }
        }
        if let Some(note) = &row.note {
            ws.insert_note(r, note_col, &Note::new(note).set_author("Budget Studio"))?;
        }
    }
    Ok(ws)
}

/// Widens the columns to the body's texts and its widest amounts.
fn fit_body(t: &Table<'_>, rows: &[Row], layout: &Layout, widths: &mut Widths) {
    let mut widest = Widest::new(usize::from(layout.width));
    for row in rows {
        for (c, cell) in row.cells.iter().enumerate() {
            let col = layout.col(c);
            let kind = t.columns.get(c).map_or(ColumnKind::Text, |s| s.kind);
            match cell {
                Cell::Text(text) if Some(c) == layout.code => {
                    for (k, part) in split_code(text).iter().enumerate() {
                        widths.fit(col + u16::try_from(k).unwrap_or(0), part);
                    }
                }
                Cell::Text(text) => {
                    let indent = if kind == ColumnKind::Name {
                        usize::from(row.kind.depth()) * 2
                    } else {
                        0
                    };
                    widths.fit_width(col, display_width(text) + indent);
                }
                Cell::Change(change) => widest.see(col, change.amount),
                Cell::Amount(m) | Cell::Locked(m) | Cell::Input { value: m, .. } => {
                    widest.see(col, *m);
                }
                Cell::Blank | Cell::Percent(_) => {}
            }
        }
    }
    widest.fit(widths);
}

/// The largest and the most negative amount of each column: the widest a column prints is one
/// of the two, so only they are formatted (a 100,000-line sheet need not format every amount to
/// size its columns).
struct Widest(Vec<(Money, Money)>);

impl Widest {
    fn new(columns: usize) -> Self {
        Widest(vec![(Money::ZERO, Money::ZERO); columns])
    }

    fn see(&mut self, col: u16, m: Money) {
        if let Some((high, low)) = self.0.get_mut(usize::from(col)) {
            if m.value() > high.value() {
                *high = m;
            } else if m.value() < low.value() {
                *low = m;
            }
        }
    }

    fn fit(&self, widths: &mut Widths) {
        for (c, (high, low)) in self.0.iter().enumerate() {
            let col = u16::try_from(c).unwrap_or(u16::MAX);
            for m in [high, low] {
                if !m.is_zero() {
                    widths.fit(col, &m.format_grouped(2));
                }
            }
        }
    }
}

fn blank(
    ws: &mut Worksheet,
    r: u32,
    col: u16,
    layout: &Layout,
    c: usize,
    f: &Formats,
) -> Result<(), ExportError> {
    for at in col..=layout.last(c) {
        ws.write_blank(r, at, &f.text)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_while_building_is_an_error() {
        let broke: Result<(), ExportError> = guarded(|| panic!("temporary file: no space left"));
        let Err(ExportError::BrokeOff(why)) = broke else {
            panic!("{broke:?}")
        };
        assert!(why.contains("no space left"), "{why}");
        assert_eq!(guarded(|| Ok(7)).ok(), Some(7));
    }
}
