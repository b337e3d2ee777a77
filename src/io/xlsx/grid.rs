//! A workbook's sheets as grids of plain values, read with calamine: numbers, text or nothing,
//! each with what its formula says where that matters (a `SUM` and the constant added to it),
//! and the merged ranges. A sheet can be read in part (its first rows, to recognise it) or whole.

use std::collections::HashMap;
use std::io::Cursor;
use std::path::Path;
use std::str::FromStr;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use calamine::{Data, DataRef, Ods, Reader, Xls, XlsError, Xlsx, XlsxError};
use rust_decimal::Decimal;

use super::ImportError;
use super::parts::Parts;

/// A cell's value.
#[derive(Clone, Debug, Default, PartialEq)]
pub(super) enum Value {
    /// Nothing.
    #[default]
    Empty,
    /// A number (a date counts as its serial number).
    Number(f64),
    /// Text (also a boolean or an error value, as written).
    Text(String),
}

/// What a cell's formula says.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Formula {
    /// `SUM(…)` plus a constant (zero when there is none): a derived figure, and the money of
    /// its own a parent line carries beside its parts.
    Sum {
        /// The constant.
        own: Decimal,
    },
    /// Any other formula: a derived figure.
    Other,
}

/// One sheet.
#[derive(Debug, Default)]
pub(super) struct Grid {
    /// The sheet's name.
    pub name: String,
    rows: Vec<Vec<Value>>,
    formulas: HashMap<(u32, u32), Formula>,
    merges: Vec<(u32, u32, u32, u32)>,
    /// How many cells a new row makes room for: the sheet's stated width, within reason.
    row_room: usize,
}

static EMPTY: Value = Value::Empty;

impl Grid {
    /// Number of rows read.
    pub(super) fn height(&self) -> u32 {
        u32::try_from(self.rows.len()).unwrap_or(u32::MAX)
    }

    /// Number of columns of the widest row.
    pub(super) fn width(&self) -> u32 {
        let w = self.rows.iter().map(Vec::len).max().unwrap_or(0);
        u32::try_from(w).unwrap_or(u32::MAX)
    }

    /// The value at (`row`, `col`).
    pub(super) fn value(&self, row: u32, col: u32) -> &Value {
        self.rows
            .get(row as usize)
            .and_then(|r| r.get(col as usize))
            .unwrap_or(&EMPTY)
    }

    /// The text of a cell, trimmed (full-width spaces too); a whole number as its digits.
    pub(super) fn text(&self, row: u32, col: u32) -> String {
        match self.value(row, col) {
            Value::Empty => String::new(),
            Value::Text(t) => t.trim_matches(|c: char| c.is_whitespace()).to_owned(),
            Value::Number(n) => number_text(*n),
        }
    }

    /// The texts of a row, columns 0‥width.
    pub(super) fn row_texts(&self, row: u32) -> Vec<String> {
        (0..self.width()).map(|c| self.text(row, c)).collect()
    }

    /// True when the row holds nothing.
    pub(super) fn is_blank(&self, row: u32) -> bool {
        self.rows.get(row as usize).is_none_or(|r| {
            r.iter().all(|v| match v {
                Value::Empty => true,
                Value::Text(t) => t.trim().is_empty(),
                Value::Number(_) => false,
            })
        })
    }

    /// What the formula of a cell says, if it has one.
    pub(super) fn formula(&self, row: u32, col: u32) -> Option<Formula> {
        self.formulas.get(&(row, col)).copied()
    }

    /// The merged range starting at (`row`, `col`): its last row and column (the cell itself when
    /// it is not merged).
    pub(super) fn merged_end(&self, row: u32, col: u32) -> (u32, u32) {
        self.merges
            .iter()
            .find(|(r0, c0, _, _)| *r0 == row && *c0 == col)
            .map_or((row, col), |(_, _, r1, c1)| (*r1, *c1))
    }

    /// The merged range covering (`row`, `col`), if any: first row and column.
    pub(super) fn merged_start(&self, row: u32, col: u32) -> Option<(u32, u32)> {
        self.merges
            .iter()
            .find(|(r0, c0, r1, c1)| (*r0..=*r1).contains(&row) && (*c0..=*c1).contains(&col))
            .map(|(r0, c0, _, _)| (*r0, *c0))
    }

    fn set(&mut self, row: u32, col: u32, value: Value) {
        let (r, c) = (row as usize, col as usize);
        if self.rows.len() <= r {
            self.rows.resize_with(r + 1, Vec::new);
        }
        let line = &mut self.rows[r];
        if line.len() <= c {
            // A row's first cell makes room for the whole row.
            if line.capacity() == 0 {
                line.reserve(self.row_room.max(c + 1));
            }
            line.resize(c + 1, Value::Empty);
        }
        line[c] = value;
    }

    /// A grid from rows of values, for tests and readers that have them already.
    #[cfg(test)]
    pub(super) fn from_rows(name: &str, rows: Vec<Vec<Value>>) -> Self {
        Grid {
            name: name.to_owned(),
            rows,
            ..Grid::default()
        }
    }
}

/// A whole number as its digits (`2080505`), anything else as its shortest decimal.
pub(super) fn number_text(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{n:.0}")
    } else {
        format!("{n}")
    }
}

/// Reads what a formula says: `SUM(…)`, optionally `+` or `-` a number, is a sum with money of
/// its own; anything else is just a derived figure.
fn read_formula(text: &str) -> Formula {
    let text = text.trim().trim_start_matches('=');
    let Some(inner) = text.strip_prefix("SUM(") else {
        return Formula::Other;
    };
    let mut depth = 1usize;
    let mut end = None;
    for (i, ch) in inner.char_indices() {
        match ch {
            '(' => depth += 1,
            ')' => {
                depth -= 1;
                if depth == 0 {
                    end = Some(i);
                    break;
                }
            }
            _ => {}
        }
    }
    let Some(end) = end else {
        return Formula::Other;
    };
    let rest = inner[end + 1..].trim();
    if rest.is_empty() {
        return Formula::Sum { own: Decimal::ZERO };
    }
    let number = rest.strip_prefix('+').unwrap_or(rest);
    Decimal::from_str(number.trim()).map_or(Formula::Other, |own| Formula::Sum {
        own: super::money_scale(own),
    })
}

fn value_of(data: DataRef<'_>) -> Value {
    match data {
        DataRef::Empty => Value::Empty,
        DataRef::Float(f) => Value::Number(f),
        #[allow(clippy::cast_precision_loss)] // cell integers are far below 2^53
        DataRef::Int(i) => Value::Number(i as f64),
        DataRef::String(s) => Value::Text(s),
        DataRef::SharedString(s) => Value::Text(s.to_owned()),
        DataRef::Bool(b) => Value::Text(if b { "TRUE" } else { "FALSE" }.to_owned()),
        DataRef::DateTime(d) => Value::Number(d.as_f64()),
        DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => Value::Text(s),
        DataRef::Error(e) => Value::Text(format!("{e}")),
    }
}

fn data_value(data: &Data) -> Value {
    match data {
        Data::Empty => Value::Empty,
        Data::Float(f) => Value::Number(*f),
        #[allow(clippy::cast_precision_loss)] // cell integers are far below 2^53
        Data::Int(i) => Value::Number(*i as f64),
        Data::String(s) => Value::Text(s.clone()),
        Data::Bool(b) => Value::Text(if *b { "TRUE" } else { "FALSE" }.to_owned()),
        Data::DateTime(d) => Value::Number(d.as_f64()),
        Data::DateTimeIso(s) | Data::DurationIso(s) => Value::Text(s.clone()),
        Data::Error(e) => Value::Text(format!("{e}")),
    }
}

/// The bytes of a workbook, shared by the readers of its sheets.
type Bytes = Cursor<Arc<[u8]>>;

/// An `.xlsx` workbook: calamine's reader, the bytes it reads, the package for merged ranges,
/// and the readers of other threads once opened.
pub(super) struct XlsxBook {
    reader: Xlsx<Bytes>,
    bytes: Arc<[u8]>,
    parts: Option<Parts>,
    helpers: Vec<Book>,
}

/// An open workbook.
pub(super) enum Book {
    Xlsx(Box<XlsxBook>),
    Xls(Box<Xls<Bytes>>),
    Ods(Box<Ods<Bytes>>),
}

impl Book {
    /// Opens the workbook in `bytes` (read from `path`, which names it in messages).
    pub(super) fn open(bytes: Arc<[u8]>, path: &Path) -> Result<Self, ImportError> {
        let encrypted = || ImportError::Encrypted {
            path: path.to_owned(),
        };
        let xlsx_error = match Xlsx::new(Cursor::new(Arc::clone(&bytes))) {
            Ok(book) => {
                let parts = Parts::open(Arc::clone(&bytes));
                return Ok(Book::Xlsx(Box::new(XlsxBook {
                    reader: book,
                    bytes,
                    parts,
                    helpers: Vec::new(),
                })));
            }
            Err(XlsxError::Password) => return Err(encrypted()),
            Err(e) => e.to_string(),
        };
        if let Ok(book) = Ods::new(Cursor::new(Arc::clone(&bytes))) {
            return Ok(Book::Ods(Box::new(book)));
        }
        match Xls::new(Cursor::new(bytes)) {
            Ok(book) => Ok(Book::Xls(Box::new(book))),
            Err(XlsError::Password) => Err(encrypted()),
            Err(_) => Err(ImportError::NotAWorkbook {
                path: path.to_owned(),
                detail: xlsx_error,
            }),
        }
    }

    /// The sheets' names, in workbook order.
    pub(super) fn sheet_names(&self) -> Vec<String> {
        match self {
            Book::Xlsx(b) => b.reader.sheet_names(),
            Book::Xls(b) => b.sheet_names(),
            Book::Ods(b) => b.sheet_names(),
        }
    }

    /// Reads sheet `name`, its first `rows` rows only when given (without the merged ranges, in
    /// an `.xlsx` workbook: see [`read_xlsx`]).
    pub(super) fn read(
        &mut self,
        name: &str,
        rows: Option<u32>,
        path: &Path,
    ) -> Result<Grid, ImportError> {
        let broken = |detail: String| ImportError::NotAWorkbook {
            path: path.to_owned(),
            detail: format!("{name}: {detail}"),
        };
        let mut grid = Grid {
            name: name.to_owned(),
            ..Grid::default()
        };
        let limit = rows.unwrap_or(u32::MAX);
        match self {
            Book::Xlsx(book) => {
                let XlsxBook { reader, parts, .. } = &mut **book;
                read_xlsx(reader, parts.as_mut(), &mut grid, limit).map_err(broken)?;
            }
            Book::Xls(book) => {
                let range = book
                    .worksheet_range(name)
                    .map_err(|e| broken(e.to_string()))?;
                fill(&mut grid, &range, limit);
            }
            Book::Ods(book) => {
                let range = book
                    .worksheet_range(name)
                    .map_err(|e| broken(e.to_string()))?;
                fill(&mut grid, &range, limit);
            }
        }
        Ok(grid)
    }

    /// Reads the sheets `names` (their first `rows`, or whole) and hands each grid to `then`, on
    /// the thread that read it; the results come back in the order of `names`. An `.xlsx`
    /// workbook's sheets are read on as many threads as there are cores, each with its own
    /// reader of the shared bytes.
    pub(super) fn read_all<T: Send>(
        &mut self,
        names: &[&str],
        rows: Option<u32>,
        path: &Path,
        then: impl Fn(Grid) -> T + Sync,
    ) -> Result<Vec<T>, ImportError> {
        let threads = super::cores();
        let (mut helpers, bytes) = match self {
            Book::Xlsx(book) if threads > 1 && names.len() > 1 => {
                (std::mem::take(&mut book.helpers), Arc::clone(&book.bytes))
            }
            _ => {
                return names
                    .iter()
                    .map(|n| self.read(n, rows, path).map(&then))
                    .collect();
            }
        };
        // One helper per other core, opened on its own thread the first time and kept for the
        // next call.
        let mut slots: Vec<Option<Book>> = helpers.drain(..).map(Some).collect();
        slots.resize_with(threads.min(names.len()) - 1, || None);
        // The readers take the next sheet not yet taken, so a reader that drew a long table
        // does not leave the others idle; this thread reads too, with the workbook's own reader.
        let next = AtomicUsize::new(0);
        let work = |book: &mut Book| {
            let mut read = Vec::new();
            loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(name) = names.get(i) else { break };
                read.push((i, book.read(name, rows, path).map(&then)));
            }
            read
        };
        let mut read: Vec<(usize, Result<T, ImportError>)> = std::thread::scope(|scope| {
            let running: Vec<_> = slots
                .into_iter()
                .map(|slot| {
                    let work = &work;
                    let bytes = Arc::clone(&bytes);
                    scope.spawn(move || {
                        // A helper that cannot open the workbook takes nothing; the rest read it.
                        let mut helper = match slot {
                            Some(helper) => helper,
                            None => Book::open(bytes, path).ok()?,
                        };
                        let read = work(&mut helper);
                        Some((helper, read))
                    })
                })
                .collect();
            let mut read = work(self);
            for helper in running {
                let done = helper
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
                if let Some((helper, done)) = done {
                    helpers.push(helper);
                    read.extend(done);
                }
            }
            read
        });
        if let Book::Xlsx(book) = self {
            book.helpers = helpers;
        }
        // Each index was drawn once, so with every sheet read they sort back into order.
        if read.len() < names.len() {
            return Err(ImportError::NotAWorkbook {
                path: path.to_owned(),
                detail: "a sheet was not read".to_owned(),
            });
        }
        read.sort_by_key(|(i, _)| *i);
        read.into_iter().map(|(_, sheet)| sheet).collect()
    }
}

/// Reads an `.xlsx` sheet's first `limit` rows into `grid`, with formulas, and its merged ranges
/// when it is read whole: they follow its cells, so for a peek at a long table's first rows they
/// would cost a whole read, and what a peek is for (the title, and so the kind of table) needs
/// none. They are taken from the package where it can be read, from calamine otherwise.
fn read_xlsx(
    book: &mut Xlsx<Bytes>,
    parts: Option<&mut Parts>,
    grid: &mut Grid,
    limit: u32,
) -> Result<(), String> {
    if limit == u32::MAX {
        let merges = parts.and_then(|p| p.merges(&grid.name)).or_else(|| {
            let merges = book.merge_cells_by_sheet_name(&grid.name).ok()?;
            Some(
                merges
                    .iter()
                    .map(|d| (d.start.0, d.start.1, d.end.0, d.end.1))
                    .collect(),
            )
        });
        grid.merges = merges.unwrap_or_default();
    }
    let mut reader = book
        .worksheet_cells_reader(&grid.name)
        .map_err(|e| e.to_string())?;
    // Room for the rows and columns the sheet says it has, so that a long table's grid is not
    // grown a cell at a time; a sheet can claim anything, so the claim is capped.
    let size = reader.dimensions();
    let height = size.end.0.saturating_add(1).min(limit).min(1 << 20);
    grid.rows.reserve(height as usize);
    grid.row_room = (size.end.1.saturating_add(1) as usize).min(32);
    while let Some(cell) = reader.next_cell_with_formula().map_err(|e| e.to_string())? {
        let (r, c) = cell.pos;
        if r >= limit {
            break;
        }
        if let Some(f) = &cell.formula {
            grid.formulas.insert((r, c), read_formula(f));
        }
        let value = value_of(cell.value);
        if value != Value::Empty {
            grid.set(r, c, value);
        }
    }
    Ok(())
}

fn fill(grid: &mut Grid, range: &calamine::Range<Data>, limit: u32) {
    for (r, c, data) in range.used_cells() {
        let (row, col) = range.start().map_or((0, 0), |(r0, c0)| (r0, c0));
        let (r, c) = (
            row + u32::try_from(r).unwrap_or(0),
            col + u32::try_from(c).unwrap_or(0),
        );
        if r < limit {
            grid.set(r, c, data_value(data));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_say_whether_a_parent_has_money_of_its_own() {
        assert_eq!(
            read_formula("SUM(D6:D9)"),
            Formula::Sum { own: Decimal::ZERO }
        );
        assert_eq!(
            read_formula("=SUM(D6,D9:D12)+16.6"),
            Formula::Sum {
                own: Decimal::new(166, 1)
            }
        );
        assert_eq!(
            read_formula("SUM(SUM(D1,D3),SUM(D5))-0.5"),
            Formula::Sum {
                own: Decimal::new(-5, 1)
            }
        );
        assert_eq!(read_formula("D6+D7"), Formula::Other);
        assert_eq!(read_formula("SUM(D6:D9)*2"), Formula::Other);
    }

    type Merges = Vec<(u32, u32, u32, u32)>;

    /// Every sheet's merged ranges, as the package search and as calamine find them.
    fn both_merges(bytes: Vec<u8>) -> Vec<(String, Merges, Merges)> {
        let bytes: Arc<[u8]> = bytes.into();
        let mut parts = Parts::open(Arc::clone(&bytes)).unwrap();
        let mut book = Xlsx::new(Cursor::new(bytes)).unwrap();
        book.sheet_names()
            .into_iter()
            .map(|name| {
                let fast = parts.merges(&name).unwrap();
                let slow = book
                    .merge_cells_by_sheet_name(&name)
                    .unwrap()
                    .iter()
                    .map(|d| (d.start.0, d.start.1, d.end.0, d.end.1))
                    .collect();
                (name, fast, slow)
            })
            .collect()
    }

    #[test]
    fn merged_ranges_found_at_the_end_of_a_sheet_are_calamines() {
        let budget = crate::synth::generate(300, 3);
        let derived = crate::calc::derive(&budget);
        let findings = crate::checks::run(&budget, &derived);
        let options = super::super::ExportOptions::default();
        let bytes = super::super::workbook_bytes(&budget, &derived, &findings, &options).unwrap();
        let sheets = both_merges(bytes);
        assert!(sheets.len() > 10);
        assert!(
            sheets
                .iter()
                .filter(|(_, fast, _)| !fast.is_empty())
                .count()
                > 10
        );
        for (name, fast, slow) in sheets {
            assert_eq!(fast, slow, "{name}");
        }

        // A workbook of another writer's making: a name to escape, a sheet whose text mentions
        // the cell data, a sheet without merges.
        let mut workbook = rust_xlsxwriter::Workbook::new();
        let format = rust_xlsxwriter::Format::new();
        let ws = workbook.add_worksheet().set_name("收入&支出").unwrap();
        ws.merge_range(0, 0, 0, 5, "标题 </sheetData> sheetData", &format)
            .unwrap();
        ws.merge_range(2, 1, 4, 1, "科目", &format).unwrap();
        ws.write(3, 27, "sheetData").unwrap();
        ws.merge_range(30, 26, 31, 28, "AA31", &format).unwrap();
        workbook.add_worksheet().write(0, 0, "无合并").unwrap();
        let sheets = both_merges(workbook.save_to_buffer().unwrap());
        assert_eq!(sheets[0].0, "收入&支出");
        assert_eq!(
            sheets[0].1,
            vec![(0, 0, 0, 5), (2, 1, 4, 1), (30, 26, 31, 28)]
        );
        assert!(sheets[1].1.is_empty());
        for (name, fast, slow) in sheets {
            assert_eq!(fast, slow, "{name}");
        }
    }

    #[test]
    fn a_package_without_relationships_is_left_to_calamine() {
        let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
        zip.start_file("xl/workbook.xml", zip::write::SimpleFileOptions::default())
            .unwrap();
        std::io::Write::write_all(&mut zip, b"<workbook/>").unwrap();
        let bytes = zip.finish().unwrap().into_inner();
        assert!(Parts::open(bytes.into()).is_none());
    }

    #[test]
    fn whole_numbers_read_as_codes() {
        assert_eq!(number_text(2_080_505.0), "2080505");
        assert_eq!(number_text(3.0), "3");
        assert_eq!(number_text(1014.42), "1014.42");
    }
}
