//! Reading a workbook: each sheet is recognised from its first rows, read whole when it is a
//! table the import uses, and its rows collected; nothing is built until every sheet has been
//! read without a problem, so a bad workbook changes nothing.

use std::path::Path;

use super::assemble::{self, Collected};
use super::forms::CONTENTS;
use super::grid::{Book, Grid};
use super::imported::{Imported, SheetReport, SheetUse};
use super::recognise::{Col, Frame, Kind, column_of, frame, read_lines, squeeze};
use super::{CellRef, ImportError, MAX_PROBLEMS, Problem, a1, read_forms, small};
use crate::model::{EconScheme, IncomeSource, MoneyUnit};

/// The disclosure template a workbook follows, for what it does not state itself.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Template {
    /// Shanxi / Xinzhou (the seed): tables in 万元, the five income sources of the seed, the 50x
    /// economic codes.
    #[default]
    Shanxi,
    /// Shanghai district: tables in 元, 事业收入 and the like, the 30x economic codes.
    Shanghai,
}

impl Template {
    /// The tables' unit when a sheet does not state one.
    #[must_use]
    pub fn unit(self) -> MoneyUnit {
        match self {
            Template::Shanxi => MoneyUnit::WanYuan,
            Template::Shanghai => MoneyUnit::Yuan,
        }
    }

    /// The income columns of a new budget.
    #[must_use]
    pub fn income_columns(self) -> Vec<IncomeSource> {
        match self {
            Template::Shanxi => IncomeSource::SEED_TEMPLATE.to_vec(),
            Template::Shanghai => vec![
                IncomeSource::GeneralPublic,
                IncomeSource::GovernmentFund,
                IncomeSource::StateCapital,
                IncomeSource::ServiceIncome,
                IncomeSource::BusinessIncome,
                IncomeSource::Other,
            ],
        }
    }

    /// The economic code set when no line says.
    #[must_use]
    pub fn scheme(self) -> EconScheme {
        match self {
            Template::Shanxi => EconScheme::Government,
            Template::Shanghai => EconScheme::Department,
        }
    }
}

/// Choices of an import.
#[derive(Clone, Copy, Debug, Default)]
pub struct ImportOptions {
    /// The template for what the workbook leaves unsaid.
    pub template: Template,
}

/// How many rows are enough to recognise a sheet: title, 编制部门 and 单位, up to three header
/// rows and a few rows of data.
const PEEK_ROWS: u32 = 16;

/// Reads the workbook at `path`.
///
/// # Errors
/// An [`ImportError`] naming the file, and the sheet and cell where there is one.
pub fn import(path: &Path, options: &ImportOptions) -> Result<Imported, ImportError> {
    let bytes = std::fs::read(path).map_err(|source| ImportError::Io {
        path: path.to_owned(),
        source,
    })?;
    import_bytes(bytes, path, options)
}

/// Reads a workbook from its bytes; `path` names it in messages.
///
/// # Errors
/// An [`ImportError`] naming the file, and the sheet and cell where there is one.
pub fn import_bytes(
    bytes: Vec<u8>,
    path: &Path,
    options: &ImportOptions,
) -> Result<Imported, ImportError> {
    let mut book = Book::open(bytes, path)?;
    let mut collected = Collected::default();
    let mut problems: Vec<Problem> = Vec::new();
    for name in book.sheet_names() {
        let peek = book.read(&name, Some(PEEK_ROWS), path)?;
        let report = if name == CONTENTS {
            let grid = book.read(&name, None, path)?;
            collected.contents = Some(read_forms::contents(&grid));
            SheetReport::new(&name, SheetUse::Contents)
        } else {
            match frame(&peek) {
                None => SheetReport::new(&name, SheetUse::Ignored),
                Some(f) if f.kind == Kind::Findings => SheetReport::new(&name, SheetUse::Findings),
                Some(f) => {
                    let grid = book.read(&name, None, path)?;
                    // The frame again on the whole sheet: the peek may have cut a long header.
                    let f = frame(&grid).unwrap_or(f);
                    read_sheet(&grid, &f, options, &mut collected, &mut problems)
                }
            }
        };
        collected.sheets.push(report);
        if problems.len() >= MAX_PROBLEMS {
            break;
        }
    }
    if !problems.is_empty() {
        problems.truncate(MAX_PROBLEMS);
        return Err(ImportError::Cells {
            path: path.to_owned(),
            problems,
        });
    }
    if !collected.sheets.iter().any(|s| s.use_.is_data()) {
        return Err(ImportError::NothingRecognised {
            path: path.to_owned(),
        });
    }
    Ok(assemble::build(collected, options))
}

/// The problem of a sheet whose header cannot be read.
fn no_header(grid: &Grid, frame: &Frame, zh: &str, en: &str) -> Problem {
    let col = (0..grid.width())
        .find(|&c| !grid.text(frame.title_row, c).is_empty())
        .unwrap_or(0);
    Problem {
        at: CellRef {
            sheet: grid.name.clone(),
            cell: a1(frame.title_row, u16::try_from(col).unwrap_or(0)),
        },
        zh: format!("“{}”的表头无法识别：{zh}", squeeze(&frame.title)),
        en: format!(
            "the header of “{}” is not recognisable: {en}",
            squeeze(&frame.title)
        ),
    }
}

fn read_sheet(
    grid: &Grid,
    frame: &Frame,
    options: &ImportOptions,
    collected: &mut Collected,
    problems: &mut Vec<Problem>,
) -> SheetReport {
    let unit = frame.unit.unwrap_or_else(|| options.template.unit());
    collected.note_frame(frame);
    let mut report = SheetReport::new(
        &grid.name,
        SheetUse::from_kind(frame.kind, squeeze(&frame.title)),
    );
    report.unit = Some(unit);
    report.unit_stated = frame.unit.is_some();
    match frame.kind {
        Kind::Expenditure(_) | Kind::Income(_) | Kind::Economic => {
            let columns: Vec<Col> = frame
                .labels
                .iter()
                .map(|l| column_of(l, frame.kind))
                .collect();
            let has_code = columns
                .iter()
                .any(|c| matches!(c, Col::Code | Col::CodePart(_) | Col::Name));
            let has_amount = columns.iter().any(|c| matches!(c, Col::Amount(_)));
            if !has_code || !has_amount {
                problems.push(no_header(
                    grid,
                    frame,
                    "找不到科目编码、名称或金额列",
                    "no code, name or amount column",
                ));
                return report;
            }
            let lines = read_lines(grid, frame, &columns, unit, problems);
            report.rows = lines.lines.len() + usize::from(lines.total.is_some());
            report.skipped.clone_from(&lines.skipped);
            collected.add_lines(frame.kind, &grid.name, unit, lines);
        }
        Kind::Summary { .. } => {
            let (printed, rows) = small::summary(grid, frame, unit, problems);
            report.rows = rows;
            if let Kind::Summary { fiscal: false } = frame.kind {
                collected.summary.push((grid.name.clone(), unit, printed));
            }
        }
        Kind::Sangong => {
            let read = small::sangong(grid, frame, unit, problems);
            if read.rows == 0 {
                problems.push(no_header(
                    grid,
                    frame,
                    "找不到三公经费的项目或金额",
                    "no 三公 items or amounts",
                ));
            }
            report.rows = read.rows;
            collected.sangong = Some((unit, read));
        }
        Kind::Operating => {
            let read = small::operating(grid, frame, unit, problems);
            report.rows = read.rows;
            collected.operating = Some((unit, read));
        }
        Kind::Form => {
            let project = read_forms::project(grid, problems);
            report.use_ = SheetUse::Form(project.name.clone());
            report.rows = 1;
            collected.projects.push(project);
        }
        Kind::Findings => {}
    }
    report
}
