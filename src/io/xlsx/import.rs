//! Reading a workbook: each sheet is recognised from its first rows, read whole when it is a
//! table the import uses, and its rows collected; nothing is built until every sheet has been
//! read without a problem, so a bad workbook changes nothing.

use std::collections::HashMap;
use std::path::Path;

use super::assemble::{self, Collected};
use super::forms::CONTENTS;
use super::grid::{Book, Grid};
use super::imported::{Imported, SheetReport, SheetUse};
use super::recognise::{Col, Frame, Kind, Lines, column_of, frame, read_lines, squeeze};
use super::small::{OperatingRead, Printed, SangongRead};
use super::{
    CellRef, ImportError, MAX_PROBLEMS, Problem, a1, carry, descriptions, read_forms, small,
};
use crate::model::{MoneyUnit, Project, TemplateId};

/// Choices of an import.
#[derive(Clone, Copy, Debug, Default)]
pub struct ImportOptions {
    /// The template the workbook follows, for what it does not state itself; `None` takes the
    /// one the app's own workbook names, or the one whose table titles the sheets print.
    pub template: Option<TemplateId>,
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
    let mut book = Book::open(bytes.into(), path)?;
    let mut collected = Collected::default();
    let mut problems: Vec<Problem> = Vec::new();
    let names = book.sheet_names();
    if names.iter().any(|n| n == carry::SHEET) {
        let grid = book.read(carry::SHEET, None, path)?;
        collected.carried = Some(carry::read(&grid));
    }
    // Each sheet's first rows, to recognise it: side by side, as there are thousands of forms.
    let all: Vec<&str> = names.iter().map(String::as_str).collect();
    let (peeks, described): (Vec<Option<Frame>>, Vec<Option<String>>) = book
        .read_all(&all, Some(PEEK_ROWS), path, |peek| {
            let described = (peek.text(0, 0) == descriptions::TITLE).then(|| peek.text(2, 1));
            (frame(&peek), described)
        })?
        .into_iter()
        .unzip();
    let template = options
        .template
        .or_else(|| {
            collected
                .carried
                .as_ref()?
                .as_ref()
                .ok()
                .map(|b| b.template)
        })
        .unwrap_or_else(|| template_of(peeks.iter().flatten().map(|f| f.title.as_str())));
    // The sheets read whole, all at once: the contents and every sheet recognised as a table.
    let whole: Vec<&str> = names
        .iter()
        .zip(&peeks)
        .zip(&described)
        .filter(|((name, peeked), described)| {
            *name == CONTENTS
                || (*name != carry::SHEET
                    && described.is_none()
                    && peeked.as_ref().is_some_and(|f| !f.kind.is_derived_sheet()))
        })
        .map(|((name, _), _)| name.as_str())
        .collect();
    // Each sheet is recognised on the thread that read it, and its grid dropped there; what it
    // holds is then collected in the workbook's order.
    let peeked: HashMap<&str, &Frame> = names
        .iter()
        .zip(&peeks)
        .filter_map(|(name, peek)| Some((name.as_str(), peek.as_ref()?)))
        .collect();
    let mut read = book
        .read_all(&whole, None, path, |grid| {
            if grid.name == CONTENTS {
                return Sheet::Contents(read_forms::contents(&grid));
            }
            // The frame again on the whole sheet: the peek may have cut a long header.
            let own = frame(&grid);
            let Some(f) = own
                .as_ref()
                .or_else(|| peeked.get(grid.name.as_str()).copied())
            else {
                return Sheet::Unframed;
            };
            let mut problems = Vec::new();
            let (report, content) = read_sheet(&grid, f, template, &mut problems);
            Sheet::Table(Box::new(TableSheet {
                frame: own,
                report,
                content,
                problems,
            }))
        })?
        .into_iter()
        .zip(&whole);
    let mut next_read = |name: &str| {
        read.next()
            .filter(|(_, n)| **n == name)
            .map(|(sheet, _)| sheet)
            .ok_or_else(|| ImportError::NotAWorkbook {
                path: path.to_owned(),
                detail: format!("{name}: not read"),
            })
    };
    for ((name, peeked), described) in names.iter().zip(peeks).zip(described) {
        let report = if name == CONTENTS {
            if let Sheet::Contents(contents) = next_read(name)? {
                collected.contents = Some(contents);
            }
            SheetReport::new(name, SheetUse::Contents)
        } else if name == carry::SHEET {
            SheetReport::new(name, SheetUse::Carried)
        } else if let Some(project) = described {
            SheetReport::new(name, SheetUse::Description(project))
        } else {
            match peeked {
                None => SheetReport::new(name, SheetUse::Ignored),
                Some(f) if f.kind.is_derived_sheet() => {
                    SheetReport::new(name, SheetUse::from_kind(f.kind, squeeze(&f.title)))
                }
                Some(peek) => match next_read(name)? {
                    Sheet::Table(sheet) => {
                        let TableSheet {
                            frame,
                            report,
                            content,
                            problems: found,
                        } = *sheet;
                        collected.note_frame(frame.as_ref().unwrap_or(&peek));
                        collected.add(name, content);
                        problems.extend(found);
                        report
                    }
                    // Every sheet read whole was framed by its peek, so this does not happen.
                    Sheet::Unframed | Sheet::Contents(_) => {
                        collected.note_frame(&peek);
                        SheetReport::new(name, SheetUse::from_kind(peek.kind, squeeze(&peek.title)))
                    }
                },
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
    Ok(assemble::build(collected, template))
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

/// The cell of column `c`'s header (its last row).
fn header_cell(frame: &Frame, c: usize) -> String {
    a1(
        frame.body.saturating_sub(1),
        u16::try_from(c).unwrap_or(u16::MAX),
    )
}

/// Two columns read as the same figure: the import cannot know which is meant, so it asks,
/// naming both header cells.
fn ambiguous(grid: &Grid, frame: &Frame, columns: &[Col]) -> Option<Problem> {
    for (c, col) in columns.iter().enumerate() {
        if matches!(col, Col::Other | Col::Note | Col::Grouping) {
            continue;
        }
        if let Some(first) = columns[..c].iter().position(|x| x == col) {
            let label = |i: usize| frame.labels.get(i).map_or("", |l| l.trim());
            return Some(Problem {
                at: CellRef {
                    sheet: grid.name.clone(),
                    cell: header_cell(frame, c),
                },
                zh: format!(
                    "列“{}”与 {} 的列“{}”读作同一栏，无法确定该用哪一列；请删去或改正其中一列的表头",
                    label(c),
                    header_cell(frame, first),
                    label(first)
                ),
                en: format!(
                    "column “{}” reads as the same figure as column “{}” at {}; it cannot be told \
                     which is meant: remove one or correct its header",
                    label(c),
                    label(first),
                    header_cell(frame, first)
                ),
            });
        }
    }
    None
}

/// Header cells with words the import does not know (a column of its own, not an amount it
/// reads): said in the report, never silently dropped.
fn unread(frame: &Frame, columns: &[Col]) -> Vec<(String, String)> {
    columns
        .iter()
        .enumerate()
        .filter(|(_, col)| **col == Col::Other)
        .filter_map(|(c, _)| {
            let label = frame.labels.get(c)?.trim();
            (!label.is_empty()).then(|| (header_cell(frame, c), label.to_owned()))
        })
        .collect()
}

/// A sheet read whole, as its reader recognised it.
enum Sheet {
    Contents(read_forms::ContentsRead),
    Table(Box<TableSheet>),
    Unframed,
}

/// A table sheet read whole: its frame (`None` where only its first rows could be framed), its
/// report, what it holds and what was wrong in it.
struct TableSheet {
    frame: Option<Frame>,
    report: SheetReport,
    content: Content,
    problems: Vec<Problem>,
}

/// What a table sheet holds for the budget.
pub(super) enum Content {
    Lines(Kind, MoneyUnit, Lines),
    Summary(MoneyUnit, Vec<Printed>),
    Sangong(MoneyUnit, SangongRead),
    Operating(MoneyUnit, OperatingRead),
    Form(Box<Project>),
    Nothing,
}

/// Recognises a table sheet's rows; touches nothing shared, so sheets are read side by side.
fn read_sheet(
    grid: &Grid,
    frame: &Frame,
    template: TemplateId,
    problems: &mut Vec<Problem>,
) -> (SheetReport, Content) {
    let unit = frame.unit.unwrap_or(template.get().unit);
    let mut report = SheetReport::new(
        &grid.name,
        SheetUse::from_kind(frame.kind, squeeze(&frame.title)),
    );
    report.unit = Some(unit);
    report.unit_stated = frame.unit.is_some();
    let content = match frame.kind {
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
                return (report, Content::Nothing);
            }
            if let Some(p) = ambiguous(grid, frame, &columns) {
                problems.push(p);
                return (report, Content::Nothing);
            }
            report.unread = unread(frame, &columns);
            let lines = read_lines(grid, frame, &columns, unit, problems);
            report.rows = lines.lines.len() + usize::from(lines.total.is_some());
            report.skipped.clone_from(&lines.skipped);
            Content::Lines(frame.kind, unit, lines)
        }
        Kind::Summary { fiscal } => {
            let (printed, rows) = small::summary(grid, frame, unit, problems);
            report.rows = rows;
            if fiscal {
                Content::Nothing
            } else {
                Content::Summary(unit, printed)
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
            Content::Sangong(unit, read)
        }
        Kind::Operating => {
            let read = small::operating(grid, frame, unit, problems);
            report.rows = read.rows;
            Content::Operating(unit, read)
        }
        Kind::Form => {
            let project = read_forms::project(grid, problems);
            report.use_ = SheetUse::Form(project.name.clone());
            report.rows = 1;
            Content::Form(Box::new(project))
        }
        Kind::Findings | Kind::ByUnit => Content::Nothing,
    };
    (report, content)
}

/// The template whose table titles the sheets print most: each title votes for the template
/// with the longest title it contains (a Shanghai title contains shorter Shanxi ones). No vote
/// leaves the default.
fn template_of<'a>(titles: impl Iterator<Item = &'a str>) -> TemplateId {
    let templates = crate::model::template::registry::all();
    let mut votes = vec![0_usize; templates.len()];
    for title in titles {
        let title = squeeze(title);
        // The longest title contained wins; of equal ones, the template listed first.
        let best = templates
            .iter()
            .enumerate()
            .flat_map(|(i, t)| t.tables.iter().map(move |s| (i, t.title(s.kind, true))))
            .filter(|(_, t)| title.contains(&squeeze(t)))
            .max_by_key(|(i, t)| (t.chars().count(), std::cmp::Reverse(*i)));
        if let Some((i, _)) = best
            && let Some(v) = votes.get_mut(i)
        {
            *v += 1;
        }
    }
    let mut best = (TemplateId::default(), 0);
    for (id, n) in templates.iter().map(|t| t.id).zip(votes) {
        if n > best.1 {
            best = (id, n);
        }
    }
    best.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_name_their_template() {
        assert_eq!(
            template_of(["2025年部门财务收支预算总表", "部门 收入预算总表"].into_iter()),
            TemplateId::SHANGHAI_DISTRICT
        );
        assert_eq!(
            template_of(["忻州市工业和信息化局2022年预算收支总表"].into_iter()),
            TemplateId::SHANXI
        );
        assert_eq!(template_of(std::iter::empty()), TemplateId::SHANXI);
    }
}
