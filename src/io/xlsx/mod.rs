//! Excel workbooks in and out: the disclosure tables written as an `.xlsx` workbook in the official
//! layout, and budgets read back from workbooks — the app's own, or the official table layouts as
//! departments keep them.
//!
//! Export renders the table model ([`crate::calc::tables`]) and nothing else: every figure in the
//! workbook is a cell of that model. Subtotals and totals become live `SUM` formulas with the
//! model's figure as the cached result, so a viewer that does not recalculate shows the app's
//! figure and one that does shows the same figure.
//!
//! Amounts pass through `f64` because that is what a spreadsheet stores: an amount is written as
//! the double nearest to its exact decimal, which prints back as that same decimal while the
//! amount has at most 15 significant digits (up to 9,999,999,999,999.99 with two decimals). Past
//! that a spreadsheet cannot hold the amount exactly, whatever writes it.

mod assemble;
mod carry;
mod descriptions;
mod export;
mod formats;
mod forms;
mod grid;
mod import;
mod imported;
mod line_rows;
mod parts;
mod read_forms;
mod recognise;
mod rollup;
mod small;
mod stated;

use std::path::PathBuf;
use std::str::FromStr;

use rust_decimal::Decimal;

use crate::model::Money;

pub use export::{ExportOptions, export, workbook_bytes};
pub use import::{ImportOptions, import, import_bytes};
pub use imported::{Imported, Parts, SheetReport, SheetUse, TableKind};

/// The cells of a workbook's first sheet as text, row by row (a whole number as its digits): a
/// list someone keeps in a spreadsheet, such as the 科目 their platform exports.
///
/// # Errors
/// [`ImportError`] naming the file when it is not a readable workbook.
pub fn first_sheet_rows(
    bytes: Vec<u8>,
    path: &std::path::Path,
) -> Result<Vec<Vec<String>>, ImportError> {
    let mut book = grid::Book::open(bytes.into(), path)?;
    let Some(first) = book.sheet_names().into_iter().next() else {
        return Ok(Vec::new());
    };
    let sheet = book.read(&first, None, path)?;
    Ok((0..sheet.height()).map(|r| sheet.row_texts(r)).collect())
}

/// How many threads a workbook is built or read on: one per core.
fn cores() -> usize {
    std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get)
}

/// Why a workbook could not be written.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// The workbook library refused something (a sheet name, a cell position).
    #[error("无法生成工作簿 / cannot build the workbook: {0}")]
    Workbook(#[from] rust_xlsxwriter::XlsxError),
    /// The workbook library broke off (its temporary files could not be written, say).
    #[error("工作簿生成中断 / building the workbook broke off: {0}")]
    BrokeOff(String),
    /// Writing the file failed.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// What the OS said.
        source: std::io::Error,
    },
}

/// Where in a workbook something is: a sheet and, where known, a cell (`D12`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CellRef {
    /// The sheet's name.
    pub sheet: String,
    /// The cell in A1 notation, or empty for the sheet as a whole.
    pub cell: String,
}

impl std::fmt::Display for CellRef {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.cell.is_empty() {
            write!(f, "“{}”", self.sheet)
        } else {
            write!(f, "“{}”!{}", self.sheet, self.cell)
        }
    }
}

/// One reason a workbook was refused, in both languages, at a place.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// Where.
    pub at: CellRef,
    /// What is wrong, in Chinese.
    pub zh: String,
    /// What is wrong, in English.
    pub en: String,
}

impl Problem {
    /// The problem in one language, with its place.
    #[must_use]
    pub fn describe(&self, zh: bool) -> String {
        format!("{}: {}", self.at, if zh { &self.zh } else { &self.en })
    }
}

/// Why a workbook could not be imported. Nothing is changed when this is returned.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// The file cannot be read at all.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// What the OS said.
        source: std::io::Error,
    },
    /// Not a workbook, or a damaged one.
    #[error("{path}: 不是可读取的 Excel 工作簿 / not a readable workbook ({detail})")]
    NotAWorkbook {
        /// The file.
        path: PathBuf,
        /// What the reader said.
        detail: String,
    },
    /// The workbook is protected by a password.
    #[error(
        "{path}: 工作簿已加密，请先在 Excel 中取消密码 / the workbook is encrypted; remove its password first"
    )]
    Encrypted {
        /// The file.
        path: PathBuf,
    },
    /// No sheet looks like a disclosure table.
    #[error("{path}: 没有可识别的预算表 / no sheet is a recognisable budget table")]
    NothingRecognised {
        /// The file.
        path: PathBuf,
    },
    /// Cells that cannot be taken (text in an amount, too many decimals, duplicate codes …).
    #[error("{path}:\n{}", describe_all(.problems))]
    Cells {
        /// The file.
        path: PathBuf,
        /// Every problem found, in sheet order (at most [`MAX_PROBLEMS`]).
        problems: Vec<Problem>,
    },
}

/// How many cell problems an import reports at most.
pub const MAX_PROBLEMS: usize = 30;

fn describe_all(problems: &[Problem]) -> String {
    problems
        .iter()
        .map(|p| format!("  {} / {}", p.describe(true), p.en))
        .collect::<Vec<_>>()
        .join("\n")
}

impl ImportError {
    /// The message in one language, naming the file, and the sheet and cell where known.
    #[must_use]
    pub fn describe(&self, zh: bool) -> String {
        let pick = |a: &str, b: &str| if zh { a.to_owned() } else { b.to_owned() };
        match self {
            ImportError::Io { path, source } => format!("{}: {source}", path.display()),
            ImportError::NotAWorkbook { path, detail } => format!(
                "{}: {} ({detail})",
                path.display(),
                pick("不是可读取的 Excel 工作簿", "not a readable Excel workbook")
            ),
            ImportError::Encrypted { path } => format!(
                "{}: {}",
                path.display(),
                pick(
                    "工作簿已加密，请先在 Excel 中取消密码再导入",
                    "the workbook is encrypted; remove its password in Excel first"
                )
            ),
            ImportError::NothingRecognised { path } => format!(
                "{}: {}",
                path.display(),
                pick(
                    "没有一张工作表能识别为预算公开表（需要标题行、单位行和表头）",
                    "no sheet is recognisable as a disclosure table (a title, a unit row and a header are needed)"
                )
            ),
            ImportError::Cells { path, problems } => {
                let mut text = format!("{}:", path.display());
                for p in problems {
                    text.push_str("\n  ");
                    text.push_str(&p.describe(zh));
                }
                text
            }
        }
    }
}

/// The double a spreadsheet stores for `amount`: the one nearest its exact decimal value, so
/// the shortest text of the double is the decimal again.
///
/// Every amount a budget holds takes the fast way: digits below 2^53 and at most 22 decimals
/// are each exactly a double, and one correctly rounded division of the two is the nearest
/// double to their quotient. Anything else is parsed from its text, which is also nearest.
#[must_use]
pub fn cell_number(amount: Money) -> f64 {
    const EXACT: i128 = 1 << 53;
    const TENS: [f64; 23] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
        1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ];
    let value = amount.value();
    let mantissa = value.mantissa();
    let scale = value.scale();
    if let Some(divisor) = TENS.get(scale as usize)
        && mantissa.abs() <= EXACT
    {
        #[allow(clippy::cast_precision_loss)] // exact: checked above
        return mantissa as f64 / divisor;
    }
    f64::from_str(&value.to_string()).unwrap_or(0.0)
}

/// The decimal a spreadsheet number stands for: the shortest decimal that reads back as the same
/// double — the inverse of [`cell_number`] for amounts of up to 15 significant digits.
#[must_use]
pub fn cell_decimal(number: f64) -> Option<Decimal> {
    if !number.is_finite() {
        return None;
    }
    // The fast way for amounts in cents below 10^12, which is every amount a budget prints: the
    // double's neighbours are then less than a ten-thousandth apart, so a whole number of cents
    // that reads back as the double is the only decimal of two places or fewer that does, and
    // the shortest. Anything else is printed shortest and parsed.
    if number != 0.0 && number.abs() < 1e12 {
        #[allow(clippy::cast_possible_truncation)] // below 10^14: checked above
        let cents = Decimal::new((number * 100.0).round() as i64, 2);
        if cell_number(Money(cents)).to_bits() == number.to_bits() {
            return Some(cents.normalize());
        }
    }
    Decimal::from_str(&format!("{number}")).ok()
}

/// An amount read from a cell as the budget file writes money: with two decimals at least
/// (`110000.00`, not `110000`), so a budget read back is saved as it was. Adding zeros changes
/// no value.
fn money_scale(mut d: Decimal) -> Decimal {
    if d.scale() < 2 {
        d.rescale(2);
    }
    d
}

/// `A`, `B`, … `Z`, `AA` … for a 0-based column.
fn column_name(col: u16) -> String {
    let mut n = u32::from(col) + 1;
    let mut name = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        name.push(b'A' + u8::try_from(rem).unwrap_or(0));
        n = (n - 1) / 26;
    }
    name.reverse();
    String::from_utf8(name).unwrap_or_default()
}

/// A cell in A1 notation from 0-based row and column.
fn a1(row: u32, col: u16) -> String {
    format!("{}{}", column_name(col), row + 1)
}

/// How wide text is in spreadsheet column units: a CJK or full-width character counts two.
fn display_width(text: &str) -> usize {
    text.chars()
        .map(|c| if u32::from(c) >= 0x2E80 { 2 } else { 1 })
        .sum()
}

/// A new workbook dated 1 January of `year`, not by the clock: two exports of one budget are the
/// same bytes.
fn dated_workbook(year: i32) -> rust_xlsxwriter::Workbook {
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let year = u16::try_from(year).unwrap_or(2000);
    if let Ok(date) = rust_xlsxwriter::ExcelDateTime::from_ymd(year, 1, 1) {
        workbook
            .set_properties(&rust_xlsxwriter::DocProperties::new().set_creation_datetime(&date));
    }
    workbook
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::money::m;

    #[test]
    fn amounts_survive_the_double_exactly_up_to_fifteen_digits() {
        for text in [
            "0.01",
            "0.1",
            "16.6",
            "1014.42",
            "10441.41",
            "91016775.35",
            "9999999999999.99",
            "123456789012.34",
        ] {
            let amount = m(text);
            let back = cell_decimal(cell_number(amount)).unwrap();
            assert_eq!(back, amount.value(), "{text}");
        }
        // Beyond 15 significant digits a double cannot hold the cents.
        let too_long = m("12345678901234567.89");
        assert_ne!(
            cell_decimal(cell_number(too_long)).unwrap(),
            too_long.value()
        );
    }

    #[test]
    fn the_fast_double_is_the_parsed_one() {
        // Digits on both sides of 2^53 and every scale a decimal can have: the division and the
        // parse must agree bit for bit.
        let mut digits: i64 = 1;
        for step in 0..4_000_i64 {
            digits = digits
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(step)
                >> 7;
            for scale in 0..=28 {
                for d in [
                    digits,
                    -digits,
                    (1 << 53) - 1 + step % 3,
                    9_007_199_254_740_993,
                ] {
                    let amount = crate::model::Money(Decimal::new(d, scale));
                    let parsed = f64::from_str(&amount.value().to_string()).unwrap();
                    assert_eq!(
                        cell_number(amount).to_bits(),
                        parsed.to_bits(),
                        "{d} e-{scale}"
                    );
                }
            }
        }
    }

    #[test]
    fn the_fast_decimal_is_the_shortest_one() {
        let slow = |n: f64| Decimal::from_str(&format!("{n}")).unwrap();
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = || {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x
        };
        for _ in 0..200_000 {
            let r = next();
            #[allow(clippy::cast_precision_loss, clippy::cast_possible_wrap)]
            let cents = (r % 2_000_000_000_000_000) as i64 - 1_000_000_000_000_000;
            let scale = u32::try_from(r % 5).unwrap();
            for n in [
                Decimal::new(cents / 100_000 * 100_000 / 10_i64.pow(scale), scale),
                Decimal::new(cents % 100_000_000, 2),
            ] {
                let number = cell_number(Money(n));
                let fast = cell_decimal(number).unwrap();
                assert_eq!(fast.to_string(), slow(number).to_string(), "{n}");
            }
            // Doubles with no short decimal, and the edges of the fast way.
            let raw = f64::from_bits(r);
            if raw.is_finite() {
                assert_eq!(
                    cell_decimal(raw).map(|d| d.to_string()),
                    Decimal::from_str(&format!("{raw}"))
                        .ok()
                        .map(|d| d.to_string())
                );
            }
        }
        for n in [
            0.0,
            -0.0,
            0.01,
            -0.01,
            0.1 + 0.2,
            999_999_999_999.99,
            1e12,
            1e12 + 0.5,
        ] {
            assert_eq!(
                cell_decimal(n).unwrap().to_string(),
                slow(n).to_string(),
                "{n}"
            );
        }
    }

    #[test]
    fn a1_names() {
        assert_eq!(a1(0, 0), "A1");
        assert_eq!(a1(11, 3), "D12");
        assert_eq!(column_name(25), "Z");
        assert_eq!(column_name(26), "AA");
        assert_eq!(column_name(701), "ZZ");
    }

    #[test]
    fn chinese_counts_double() {
        assert_eq!(display_width("合计"), 4);
        assert_eq!(display_width("2080505"), 7);
        assert_eq!(display_width("（1）"), 5);
    }
}
