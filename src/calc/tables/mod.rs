//! The table model: every disclosure table as rows and cells computed from the budget and its
//! derived figures, outside any UI. The screen, the workbook and the printed document all render
//! this one value, so a figure is laid out and computed in exactly one place.
//!
//! A [`Table`] carries its title, unit, the official header (cells with row and column spans, so a
//! two- or three-row header can be drawn or exported) and its rows. Rows of the long tables (the
//! 功能分类 and economic tables, up to 100,000 lines) are produced on demand from the derived
//! roll-ups, so drawing the visible part of a big table costs only the rows drawn.

mod by_unit;
mod fixed;
mod lines;
mod notes;
pub use notes::{empty_note, notes_with, template_empty_note};

use rust_decimal::Decimal;

use crate::calc::compare::{Classification, Comparison};
use crate::calc::{Change, Derived};
use crate::model::template::CodeLayout;
use crate::model::{AmountField, Budget, Money, MoneyUnit, TableId};

/// What kind of row: how it is emphasised and whether a zero prints as `0.00` or blank.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RowKind {
    /// The table's 合计 row: bold, zeros printed.
    Total,
    /// A subtotal inside a small table (公务用车购置及运行费): bold, zeros printed.
    Subtotal,
    /// A 类 row.
    Class,
    /// A 款 row.
    Section,
    /// A 项 row (or a line of a table without levels).
    Item,
}

impl RowKind {
    /// True for rows printed in bold.
    #[must_use]
    pub fn is_strong(self) -> bool {
        matches!(self, RowKind::Total | RowKind::Subtotal | RowKind::Class)
    }

    /// Indentation depth of the name: 0 for 类 and totals, 1 for 款, 2 for 项.
    #[must_use]
    pub fn depth(self) -> u8 {
        match self {
            RowKind::Section => 1,
            RowKind::Item => 2,
            _ => 0,
        }
    }
}

/// One cell of a table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Cell {
    /// Nothing printed.
    Blank,
    /// Text: a code, a name, a label.
    Text(String),
    /// A derived amount.
    Amount(Money),
    /// An entered amount this cell edits.
    Input {
        /// The amount.
        value: Money,
        /// Which field of the budget it is.
        field: AmountField,
    },
    /// An entered amount that is edited elsewhere (a line with several income sources is edited
    /// in the matching appropriation table).
    Locked(Money),
    /// A year-on-year change: amount, and percent where last year was not zero.
    Change(Change),
    /// A percentage with two decimals.
    Percent(Decimal),
}

impl Cell {
    /// The text as the printed table writes it: amounts in `format` (the template's), other
    /// cells as [`Cell::text`].
    #[must_use]
    pub fn printed_text(
        &self,
        kind: RowKind,
        format: crate::model::template::NumberFormat,
    ) -> String {
        match self {
            Cell::Amount(m) | Cell::Locked(m) | Cell::Input { value: m, .. } => format.text(*m),
            _ => self.text(kind),
        }
    }

    /// The amount of an amount cell.
    #[must_use]
    pub fn amount(&self) -> Option<Money> {
        match self {
            Cell::Amount(m) | Cell::Locked(m) | Cell::Input { value: m, .. } => Some(*m),
            Cell::Change(c) => Some(c.amount),
            _ => None,
        }
    }

    /// The text as printed: amounts with thousands separators and two decimals, and a zero
    /// amount blank, in totals too (official tables print no zeros). `kind` is the row's.
    #[must_use]
    pub fn text(&self, kind: RowKind) -> String {
        let _ = kind; // every kind prints alike today; the row stays part of the contract
        match self {
            Cell::Blank => String::new(),
            Cell::Text(t) => t.clone(),
            Cell::Amount(m) | Cell::Locked(m) | Cell::Input { value: m, .. } => {
                if m.is_zero() {
                    String::new()
                } else {
                    m.format_grouped(2)
                }
            }
            Cell::Change(c) => {
                let pct = c.percent.map_or_else(String::new, |p| format!(" ({p}%)"));
                format!("{}{pct}", c.amount.format_grouped(2))
            }
            Cell::Percent(p) => format!("{p:.2}%"),
        }
    }
}

/// One row of a table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    /// What names the row for selection and screen readers: `[2150501]` for a coded line, the
    /// item name otherwise (`合计`, `公务接待费`).
    pub label: String,
    /// The code of the line the row shows, if any (for selecting and jumping to it).
    pub code: Option<String>,
    /// Emphasis and level.
    pub kind: RowKind,
    /// True for a 类/款 the budget lacks, supplied to carry its lines' subtotal.
    pub supplied: bool,
    /// A remark on the line (where a figure comes from).
    pub note: Option<String>,
    /// One cell per column.
    pub cells: Vec<Cell>,
}

/// What a column holds, for alignment and typeface.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ColumnKind {
    /// Classification codes (monospace).
    Code,
    /// Names, indented by level.
    Name,
    /// Other text.
    Text,
    /// Amounts, right-aligned.
    Amount,
}

/// One column of a table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ColumnSpec {
    /// What it holds.
    pub kind: ColumnKind,
    /// A short name (`基本支出`), which with the row's label names a cell: `[2150501] 基本支出`.
    pub label: String,
}

/// A cell of the printed header, placed on the header grid with its spans.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HeaderCell {
    /// The text.
    pub text: String,
    /// Header row (0-based).
    pub row: usize,
    /// First column.
    pub col: usize,
    /// Rows spanned (≥ 1).
    pub rows: usize,
    /// Columns spanned (≥ 1).
    pub cols: usize,
}

/// A disclosure table: title, unit, header and rows.
#[derive(Clone, Debug)]
pub struct Table<'a> {
    /// Which table.
    pub id: TableId,
    /// The numbered title (`预算公开表3 预算支出总表`).
    pub title: String,
    /// The unit its amounts are in.
    pub unit: MoneyUnit,
    /// The columns.
    pub columns: Vec<ColumnSpec>,
    /// The printed header: cells with spans on a grid of `header_rows` rows × the columns.
    pub header: Vec<HeaderCell>,
    /// How many header rows.
    pub header_rows: usize,
    /// True when the table has no data (it is printed all the same, with a note).
    pub empty: bool,
    /// What is printed under a table with no data (`注:本部门…故本表为空表。`).
    pub empty_note: Option<String>,
    /// How the printed table (PDF, workbook) writes amounts: the template's.
    pub number_format: crate::model::template::NumberFormat,
    /// Where the printed table puts its 合计 row: the template's.
    pub total_row: crate::model::template::TotalRow,
    body: Body<'a>,
    /// Last year's figures appended to each row, where asked for ([`Table::with_comparison`]).
    comparison: Option<&'a Comparison>,
}

/// Where the rows come from.
#[derive(Clone, Debug)]
enum Body<'a> {
    /// A short table, built whole.
    Rows(Vec<Row>),
    /// A 功能分类 table, rows built on demand.
    Function(lines::FunctionBody<'a>),
    /// The economic table, rows built on demand.
    Economic(lines::EconBody<'a>),
}

impl<'a> Table<'a> {
    /// Number of body rows (the 合计 row included).
    #[must_use]
    pub fn len(&self) -> usize {
        match &self.body {
            Body::Rows(rows) => rows.len(),
            Body::Function(f) => f.len(),
            Body::Economic(e) => e.len(),
        }
    }

    /// True when the table has no body rows.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Body row `i`.
    #[must_use]
    pub fn row(&self, i: usize) -> Option<Row> {
        let mut row = match &self.body {
            Body::Rows(rows) => rows.get(i).cloned(),
            Body::Function(f) => f.row(i),
            Body::Economic(e) => e.row(i),
        }?;
        if let (Some(c), Some(class)) = (self.comparison, self.compared_as()) {
            let change = match (&row.code, row.kind) {
                (_, RowKind::Total) => match class {
                    Classification::Function => c.total,
                    Classification::Economic => c.economic_total,
                },
                (Some(code), _) => c.line(class, code).map(|l| l.change),
                (None, _) => None,
            };
            match change {
                Some(change) => row.cells.extend([
                    Cell::Amount(change.last_year),
                    Cell::Amount(change.amount),
                    change.percent.map_or(Cell::Blank, Cell::Percent),
                ]),
                None => row.cells.extend([Cell::Blank, Cell::Blank, Cell::Blank]),
            }
        }
        Some(row)
    }

    /// Which classification the table's rows are whole lines of, so that last year's figure of
    /// a line can stand beside them: the 支出总表 (every source) and the economic table. The other
    /// 功能分类 tables show one source's share of a line, which last year's line total is not.
    #[must_use]
    pub fn compared_as(&self) -> Option<Classification> {
        match (&self.body, self.id) {
            (Body::Function(_), TableId::Expenditure) => Some(Classification::Function),
            (Body::Economic(_), _) => Some(Classification::Economic),
            _ => None,
        }
    }

    /// The table with three more columns from `comparison`: last year's figure, the change and
    /// the change in percent, for each row whose line either year has (blank otherwise). Only the
    /// tables of [`Table::compared_as`] take them; any other is returned as it was.
    #[must_use]
    pub fn with_comparison(mut self, comparison: &'a Comparison, zh: bool) -> Self {
        if self.compared_as().is_none() || self.comparison.is_some() {
            return self;
        }
        let rows = self.header_rows.max(1);
        let labels: [&str; 3] = if zh {
            ["上年预算数", "增减额", "增减%"]
        } else {
            ["Last year", "Change", "Change %"]
        };
        for label in labels {
            self.header.push(HeaderCell {
                text: label.to_owned(),
                row: 0,
                col: self.columns.len(),
                rows,
                cols: 1,
            });
            self.columns.push(ColumnSpec {
                kind: ColumnKind::Amount,
                label: label.to_owned(),
            });
        }
        self.comparison = Some(comparison);
        self
    }

    /// The table as the published document (workbook, PDF) prints it: a table of one fund type
    /// lists only the lines with money of that fund, where the screen lists every line so that
    /// any can be given it. Other tables print as they show.
    #[must_use]
    pub fn printed(mut self) -> Self {
        self.body = match self.body {
            Body::Function(f) => Body::Function(f.printed()),
            other => other,
        };
        self
    }

    /// Every body row in order.
    pub fn rows(&self) -> impl Iterator<Item = Row> + '_ {
        (0..self.len()).filter_map(|i| self.row(i))
    }

    /// The rows as the printed table (PDF, workbook) lists them: with the 合计 row where the
    /// template puts it. The screen lists [`Table::rows`], 合计 first.
    #[must_use]
    pub fn printed_rows(&self) -> Vec<Row> {
        let mut rows: Vec<Row> = self.rows().collect();
        if self.total_row == crate::model::template::TotalRow::Bottom {
            let leading = rows.iter().take_while(|r| r.kind == RowKind::Total).count();
            // Only a 合计 that heads the lines moves; a table that ends in its totals keeps them.
            if leading > 0 && leading < rows.len() {
                rows.rotate_left(leading);
            }
        }
        rows
    }

    /// Position of the first row showing the line `code`.
    #[must_use]
    pub fn position(&self, code: &str) -> Option<usize> {
        match &self.body {
            Body::Rows(rows) => rows.iter().position(|r| r.code.as_deref() == Some(code)),
            Body::Function(f) => f.position(code),
            Body::Economic(e) => e.position(code),
        }
    }

    /// The name of a cell for screen readers and tests: the row's label and the column's.
    #[must_use]
    pub fn cell_name(&self, row: &Row, col: usize) -> String {
        let column = self.columns.get(col).map_or("", |c| c.label.as_str());
        format!("{} {column}", row.label)
    }
}

/// The tables `budget`'s disclosure prints, in published order. Every listing of tables (the
/// Tables tab, the workbook's sheets, the printed document) goes through here.
#[must_use]
pub fn disclosure_tables(budget: &Budget) -> Vec<TableId> {
    budget.template().tables.iter().map(|t| t.kind).collect()
}

/// Builds table `id` of `budget`, with labels in Chinese (`zh`) or English.
#[must_use]
pub fn table<'a>(budget: &'a Budget, derived: &'a Derived, id: TableId, zh: bool) -> Table<'a> {
    let short = match id {
        TableId::IncomeExpenditure | TableId::Fiscal => {
            Some((budget.unit, fixed::two_sided(budget, derived, id, zh)))
        }
        TableId::Sangong => Some((budget.sangong.unit, fixed::sangong(budget, derived, zh))),
        TableId::OperatingCosts => Some((
            budget.operating_costs.unit,
            fixed::operating(budget, derived, zh),
        )),
        TableId::SangongAndOperating => Some((
            budget.sangong.unit,
            fixed::sangong_and_operating(budget, derived, zh),
        )),
        _ => None,
    };
    let (unit, body, columns, header, header_rows, empty) = match (id, short) {
        (TableId::UnitBreakdown, None) => {
            let (t, empty) = by_unit::unit_breakdown(budget, zh);
            (
                budget.unit,
                Body::Rows(t.rows),
                t.columns,
                t.header,
                t.header_rows,
                empty,
            )
        }
        (_, Some((unit, t))) => (
            unit,
            Body::Rows(t.rows),
            t.columns,
            t.header,
            t.header_rows,
            false,
        ),
        (TableId::BasicByEconomic, None) => {
            let e = lines::EconBody::new(budget, derived, zh);
            let (columns, header, rows) = e.columns();
            let empty = e.is_empty_table();
            (budget.unit, Body::Economic(e), columns, header, rows, empty)
        }
        _ => {
            let f = lines::FunctionBody::new(budget, derived, id, zh);
            let (columns, header, rows) = f.columns();
            let empty = f.is_empty_table();
            (budget.unit, Body::Function(f), columns, header, rows, empty)
        }
    };
    Table {
        id,
        title: budget
            .template()
            .numbered_title(id, zh, budget.profile.year),
        unit,
        columns,
        header,
        header_rows,
        empty,
        empty_note: empty.then(|| empty_note(budget, id, zh)),
        number_format: budget.template().number_format(id),
        total_row: budget.template().total_row(id),
        body,
        comparison: None,
    }
}

/// The header over a table's amount columns: the template's wording, else `{year}年预算数`.
fn amounts_heading(budget: &Budget, id: TableId, zh: bool) -> String {
    match budget
        .template()
        .table(id)
        .and_then(|t| t.amounts_heading.as_ref())
    {
        Some(heading) => heading.get(zh).to_owned(),
        None if zh => format!("{}年预算数", budget.profile.year),
        None => format!("Budget {}", budget.profile.year),
    }
}

/// How many columns a code takes: one, or one per part (类/款/项 or 类/款).
fn code_width(layout: CodeLayout, parts: usize) -> usize {
    match layout {
        CodeLayout::OneColumn => 1,
        CodeLayout::ThreeColumns => parts,
    }
}

/// The code cells of a row: the whole code, or its parts (`201 | 03 | 01`). A code that is not
/// 3/5/7 digits long stays whole in the first column.
fn code_cells(layout: CodeLayout, code: &str, parts: usize) -> Vec<Cell> {
    if layout == CodeLayout::OneColumn {
        return vec![Cell::Text(code.to_owned())];
    }
    let mut cells = vec![Cell::Blank; parts];
    let well_formed = code.is_ascii() && matches!(code.len(), 3 | 5 | 7);
    if !well_formed {
        cells[0] = Cell::Text(code.to_owned());
        return cells;
    }
    let bounds = [(0, 3), (3, 5), (5, code.len())];
    for (k, (from, to)) in bounds.into_iter().enumerate().take(parts) {
        // The last part takes the rest (a 7-digit economic code's 款 column shows `0299`).
        let to = if k + 1 == parts { code.len() } else { to };
        if let Some(part) = code.get(from..to).filter(|p| !p.is_empty()) {
            cells[k] = Cell::Text(part.to_owned());
        }
    }
    cells
}

/// Columns and header of a coded table: 项目 over the code and name columns and `heading` over
/// the amounts; the codes in one column, or under `code_title` split into 类/款(/项).
fn coded_header(
    layout: CodeLayout,
    parts: usize,
    code_title: &str,
    name_title: &str,
    heading: String,
    amounts: &[String],
    zh: bool,
) -> (Vec<ColumnSpec>, Vec<HeaderCell>, usize) {
    let width = code_width(layout, parts);
    let mut columns = Vec::with_capacity(width + 1 + amounts.len());
    let mut header = vec![
        head(t(zh, "项目", "Item"), 0, 0, 1, width + 1),
        head(heading, 0, width + 1, 1, amounts.len()),
    ];
    let rows = match layout {
        CodeLayout::OneColumn => {
            columns.push(column(ColumnKind::Code, code_title));
            header.push(head(code_title, 1, 0, 1, 1));
            2
        }
        CodeLayout::ThreeColumns => {
            let names = [
                t(zh, "类", "Class"),
                t(zh, "款", "Section"),
                t(zh, "项", "Item"),
            ];
            header.push(head(code_title, 1, 0, 1, parts));
            for (k, name) in names.iter().take(parts).enumerate() {
                columns.push(column(ColumnKind::Code, *name));
                header.push(head(*name, 2, k, 1, 1));
            }
            3
        }
    };
    columns.push(column(ColumnKind::Name, name_title));
    header.push(head(name_title, 1, width, rows - 1, 1));
    for (k, label) in amounts.iter().enumerate() {
        columns.push(column(ColumnKind::Amount, label.clone()));
        header.push(head(label.clone(), 1, width + 1 + k, rows - 1, 1));
    }
    (columns, header, rows)
}

/// The parts of a short table.
struct Parts {
    columns: Vec<ColumnSpec>,
    header: Vec<HeaderCell>,
    header_rows: usize,
    rows: Vec<Row>,
}

/// Chinese or English.
fn t(zh: bool, chinese: &'static str, english: &'static str) -> &'static str {
    if zh { chinese } else { english }
}

/// A column.
fn column(kind: ColumnKind, label: impl Into<String>) -> ColumnSpec {
    ColumnSpec {
        kind,
        label: label.into(),
    }
}

/// A header cell.
fn head(text: impl Into<String>, row: usize, col: usize, rows: usize, cols: usize) -> HeaderCell {
    HeaderCell {
        text: text.into(),
        row,
        col,
        rows,
        cols,
    }
}

/// A one-row header naming each column as its label does.
fn single_header(columns: &[ColumnSpec]) -> Vec<HeaderCell> {
    columns
        .iter()
        .enumerate()
        .map(|(i, c)| head(c.label.clone(), 0, i, 1, 1))
        .collect()
}

#[cfg(test)]
mod tests;
