//! The long tables, built on the derived roll-ups: the 功能分类 tables (收入总表 2, 支出总表 3,
//! 一般公共预算支出表 5, 政府性基金收入/支出表 7 and 8, 国有资本经营预算表 9) and the economic table (6).
//! Row 0 is the 合计 row; row `i + 1` shows roll-up row `i`. Rows are built on demand.

use super::{
    Cell, ColumnKind, ColumnSpec, HeaderCell, Row, RowKind, code_cells, coded_header, column, t,
};
use crate::calc::{Derived, FunctionRow};
use crate::model::codes::{Level, class_name_zh};
use crate::model::economic::{CostKind, standard_cost_kind};
use crate::model::template::CodeLayout;
use crate::model::{AmountField, Budget, Column, IncomeSource, Money, Split, TableId};

/// What a 功能分类 table shows in its amount columns.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Shape {
    /// Total, then one column per income source of the document (table 2); with `fiscal`, the
    /// three fund types of 财政拨款 as one column.
    BySource {
        /// 财政拨款收入 as one column.
        fiscal: bool,
    },
    /// Total, basic, project over these sources (tables 3, 5, 8, 9).
    Split(&'static [IncomeSource]),
    /// One column: the total of these sources (table 7).
    Single(&'static [IncomeSource]),
}

const ALL: &[IncomeSource] = &IncomeSource::ALL;
const GP: &[IncomeSource] = &[IncomeSource::GeneralPublic];
const GF: &[IncomeSource] = &[IncomeSource::GovernmentFund];
const SC: &[IncomeSource] = &[IncomeSource::StateCapital];

fn level_kind(level: Level) -> RowKind {
    match level {
        Level::Class => RowKind::Class,
        Level::Section => RowKind::Section,
        Level::Item => RowKind::Item,
    }
}

/// The rows of a 功能分类 table.
#[derive(Clone, Debug)]
pub(super) struct FunctionBody<'a> {
    budget: &'a Budget,
    derived: &'a Derived,
    id: TableId,
    shape: Shape,
    layout: CodeLayout,
    zh: bool,
    /// The roll-up rows shown, in order; `None` shows every one.
    kept: Option<Vec<usize>>,
    /// As published: a table whose sources carry no money prints only its 合计 row. On screen
    /// every line stays, so that a new budget's lines have cells to type their first amounts in.
    printed: bool,
}

/// One amount column of the income table: its label and the sources it sums.
enum IncomeColumn {
    /// Every source.
    Total,
    /// The three fund types of 财政拨款.
    Fiscal,
    /// One source.
    Source(IncomeSource),
}

impl<'a> FunctionBody<'a> {
    pub(super) fn new(budget: &'a Budget, derived: &'a Derived, id: TableId, zh: bool) -> Self {
        let template = budget.template();
        let shape = match id {
            TableId::Income => Shape::BySource {
                fiscal: template.fiscal_income_column,
            },
            TableId::GeneralPublic => Shape::Split(GP),
            TableId::GovFundIncome => Shape::Single(GF),
            TableId::GovFundExpenditure => Shape::Split(GF),
            TableId::StateCapital => Shape::Split(SC),
            _ => Shape::Split(ALL),
        };
        FunctionBody {
            budget,
            derived,
            id,
            shape,
            layout: template.code_layout,
            zh,
            kept: None,
            printed: false,
        }
    }

    /// The body as printed: a table of some fund types only lists the lines that carry money of
    /// them (the 政府性基金 table lists the lines the fund pays for, not every line of the budget
    /// with blanks). The screen keeps every line, so that any line can be given that money.
    pub(super) fn printed(mut self) -> Self {
        self.printed = true;
        let sources = self.sources();
        if sources.len() == ALL.len() || self.is_empty_table() {
            return self;
        }
        let f = &self.derived.function;
        self.kept = Some(
            (0..f.rows.len())
                .filter(|&r| {
                    let split = f.cell_sum(r, sources);
                    !split.basic.is_zero() || !split.project.is_zero()
                })
                .collect(),
        );
        self
    }

    /// The roll-up row body row `i + 1` shows.
    fn data_row(&self, i: usize) -> Option<usize> {
        match &self.kept {
            Some(kept) => kept.get(i).copied(),
            None => (i < self.derived.function.rows.len()).then_some(i),
        }
    }

    fn sources(&self) -> &'static [IncomeSource] {
        match self.shape {
            Shape::Split(s) | Shape::Single(s) => s,
            Shape::BySource { .. } => ALL,
        }
    }

    /// The income table's amount columns.
    fn income_columns(&self, fiscal: bool) -> Vec<IncomeColumn> {
        let mut columns = vec![IncomeColumn::Total];
        if fiscal {
            columns.push(IncomeColumn::Fiscal);
        }
        columns.extend(
            self.budget
                .income_columns
                .iter()
                .filter(|s| !(fiscal && s.is_fiscal()))
                .map(|s| IncomeColumn::Source(*s)),
        );
        columns
    }

    fn income_label(&self, c: &IncomeColumn) -> String {
        let zh = self.zh;
        match c {
            IncomeColumn::Total if self.layout == CodeLayout::ThreeColumns => {
                t(zh, "合计", "Total").to_owned()
            }
            IncomeColumn::Total => t(zh, "本年收入合计", "Total income").to_owned(),
            IncomeColumn::Fiscal => t(zh, "财政拨款收入", "Fiscal appropriations").to_owned(),
            IncomeColumn::Source(s) => s.label(zh).to_owned(),
        }
    }

    /// The amount of an income column on row `r` (`None`: the grand total).
    fn income_amount(&self, c: &IncomeColumn, r: Option<usize>) -> Money {
        let f = &self.derived.function;
        let of = |sources: &[IncomeSource]| match r {
            Some(r) => f.cell_sum(r, sources).total(),
            None => Money::saturating_sum(sources.iter().map(|s| f.grand_of(*s).total())),
        };
        match c {
            IncomeColumn::Total => of(ALL),
            IncomeColumn::Fiscal => of(&IncomeSource::FISCAL),
            IncomeColumn::Source(s) => of(std::slice::from_ref(s)),
        }
    }

    /// The columns and the header: 项目 over the code and name columns, the amounts under the
    /// template's heading (or the year's budget).
    pub(super) fn columns(&self) -> (Vec<ColumnSpec>, Vec<HeaderCell>, usize) {
        let zh = self.zh;
        let amounts: Vec<String> = match self.shape {
            Shape::BySource { fiscal } => self
                .income_columns(fiscal)
                .iter()
                .map(|c| self.income_label(c))
                .collect(),
            Shape::Split(_) => [Column::Total, Column::Basic, Column::Project]
                .iter()
                .map(|c| c.label(zh).to_owned())
                .collect(),
            Shape::Single(_) => vec![t(zh, "政府性基金收入", "Government fund income").to_owned()],
        };
        let (code, name) = match self.layout {
            CodeLayout::OneColumn => (t(zh, "科目编码", "Code"), t(zh, "科目名称", "Name")),
            CodeLayout::ThreeColumns => (
                t(zh, "功能分类科目编码", "Function code"),
                t(zh, "功能分类科目名称", "Function name"),
            ),
        };
        let heading = super::amounts_heading(self.budget, self.id, zh);
        coded_header(self.layout, 3, code, name, heading, &amounts, zh)
    }

    /// True when the table's sources carry no money at all.
    pub(super) fn is_empty_table(&self) -> bool {
        self.total().total().is_zero()
    }

    fn total(&self) -> Split {
        let f = &self.derived.function;
        let mut sum = Split::default();
        for s in self.sources() {
            sum.saturating_add_assign(f.grand_of(*s));
        }
        sum
    }

    /// True when only the 合计 row is shown: a printed table whose sources carry no money.
    fn collapsed(&self) -> bool {
        self.printed && self.is_empty_table()
    }

    /// The 合计 row and a row per line; a printed table whose sources carry no money prints only
    /// its 合计 row (and the note that it is empty), not every line of the budget with blanks.
    pub(super) fn len(&self) -> usize {
        if self.collapsed() {
            1
        } else {
            self.kept
                .as_ref()
                .map_or(self.derived.function.rows.len(), Vec::len)
                + 1
        }
    }

    pub(super) fn position(&self, code: &str) -> Option<usize> {
        if self.collapsed() {
            return None;
        }
        let r = self.derived.function.row_of(code)?;
        match &self.kept {
            Some(kept) => kept.binary_search(&r).ok().map(|i| i + 1),
            None => Some(r + 1),
        }
    }

    pub(super) fn row(&self, i: usize) -> Option<Row> {
        let f = &self.derived.function;
        let zh = self.zh;
        if i == 0 {
            let total = self.total();
            let mut cells = vec![Cell::Text(t(zh, "合计", "Total").to_owned())];
            cells.resize(super::code_width(self.layout, 3) + 1, Cell::Blank);
            match self.shape {
                Shape::BySource { fiscal } => cells.extend(
                    self.income_columns(fiscal)
                        .iter()
                        .map(|c| Cell::Amount(self.income_amount(c, None))),
                ),
                Shape::Split(_) => {
                    for c in [Column::Total, Column::Basic, Column::Project] {
                        cells.push(Cell::Amount(total.get(c)));
                    }
                }
                Shape::Single(_) => cells.push(Cell::Amount(total.total())),
            }
            return Some(Row {
                label: t(zh, "合计", "Total").to_owned(),
                code: None,
                kind: RowKind::Total,
                supplied: false,
                note: None,
                cells,
            });
        }
        if i >= self.len() {
            return None;
        }
        let r = self.data_row(i - 1)?;
        let data = f.rows.get(r)?;
        let line = data.line.and_then(|l| self.budget.function_lines.get(l));
        let name = line
            .map(|l| l.name.clone())
            .or_else(|| class_name_zh(&data.code).map(str::to_owned))
            .unwrap_or_default();
        let mut cells = code_cells(self.layout, &data.code, 3);
        cells.push(Cell::Text(name));
        match self.shape {
            Shape::BySource { fiscal } => cells.extend(
                self.income_columns(fiscal)
                    .iter()
                    .map(|c| Cell::Amount(self.income_amount(c, Some(r)))),
            ),
            Shape::Single(sources) => cells.push(Cell::Amount(f.cell_sum(r, sources).total())),
            Shape::Split(sources) => {
                let split = f.cell_sum(r, sources);
                cells.push(Cell::Amount(split.total()));
                let source = self.edit_source(data, sources);
                for column in [Column::Basic, Column::Project] {
                    cells.push(match (source, line) {
                        (Some(source), Some(line)) => Cell::Input {
                            value: line.split(source).get(column),
                            field: AmountField::Function {
                                code: line.code.clone(),
                                source,
                                column,
                            },
                        },
                        _ if !data.has_children && line.is_some() => {
                            Cell::Locked(split.get(column))
                        }
                        _ => Cell::Amount(split.get(column)),
                    });
                }
            }
        }
        Some(Row {
            label: format!("[{}]", data.code),
            code: Some(data.code.clone()),
            kind: level_kind(data.level),
            supplied: data.line.is_none(),
            note: line.map(|l| l.note.clone()).filter(|n| !n.is_empty()),
            cells,
        })
    }

    /// Which source an edit of a leaf's basic/project writes to, or `None` when the cell is not
    /// editable here (a parent, or a line with several sources in the all-sources table).
    fn edit_source(&self, row: &FunctionRow, sources: &[IncomeSource]) -> Option<IncomeSource> {
        if row.has_children {
            return None;
        }
        let line = self.budget.function_lines.get(row.line?)?;
        if let [only] = sources {
            return Some(*only);
        }
        let mut used = line.amounts.keys();
        match (used.next(), used.next()) {
            (None, _) => Some(
                self.budget
                    .income_columns
                    .first()
                    .copied()
                    .unwrap_or(IncomeSource::GeneralPublic),
            ),
            (Some(s), None) => Some(*s),
            _ => None,
        }
    }
}

/// The rows of the economic table (6): code, name, amount, 人员/公用 grouping, note.
/// Rows of the Shanxi layout: code, name, amount, 人员/公用 grouping, note. Rows of the Shanghai
/// layout (`cost_columns`): 类, 款, name, 合计, 人员经费, 公用经费.
#[derive(Clone, Debug)]
pub(super) struct EconBody<'a> {
    budget: &'a Budget,
    derived: &'a Derived,
    layout: CodeLayout,
    cost_columns: bool,
    zh: bool,
}

impl<'a> EconBody<'a> {
    pub(super) fn new(budget: &'a Budget, derived: &'a Derived, zh: bool) -> Self {
        let template = budget.template();
        EconBody {
            budget,
            derived,
            layout: template.code_layout,
            cost_columns: template.economic_cost_columns,
            zh,
        }
    }

    pub(super) fn columns(&self) -> (Vec<ColumnSpec>, Vec<HeaderCell>, usize) {
        let zh = self.zh;
        if self.cost_columns {
            let amounts = [
                t(zh, "合计", "Total").to_owned(),
                t(zh, "人员经费", "Staff costs").to_owned(),
                t(zh, "公用经费", "Running costs").to_owned(),
            ];
            let heading = super::amounts_heading(self.budget, TableId::BasicByEconomic, zh);
            return coded_header(
                self.layout,
                2,
                t(zh, "部门预算经济分类科目编码", "Economic code"),
                t(zh, "经济分类科目名称", "Economic class"),
                heading,
                &amounts,
                zh,
            );
        }
        let columns = vec![
            column(ColumnKind::Code, t(zh, "科目编码", "Code")),
            column(ColumnKind::Name, t(zh, "科目名称", "Name")),
            column(ColumnKind::Amount, t(zh, "金额", "Amount")),
            column(ColumnKind::Text, t(zh, "人员/公用", "Staff/running")),
            column(ColumnKind::Text, t(zh, "备注", "Note")),
        ];
        let header = super::single_header(&columns);
        (columns, header, 1)
    }

    pub(super) fn is_empty_table(&self) -> bool {
        self.derived.economic.total.is_zero() && self.budget.economic.lines.is_empty()
    }

    pub(super) fn len(&self) -> usize {
        self.derived.economic.rows.len() + 1
    }

    pub(super) fn position(&self, code: &str) -> Option<usize> {
        self.derived.economic.row_of(code).map(|r| r + 1)
    }

    pub(super) fn row(&self, i: usize) -> Option<Row> {
        let e = &self.derived.economic;
        let zh = self.zh;
        if i == 0 {
            let mut cells = vec![Cell::Text(t(zh, "合计", "Total").to_owned())];
            if self.cost_columns {
                cells.resize(super::code_width(self.layout, 2) + 1, Cell::Blank);
                cells.extend([
                    Cell::Amount(e.total),
                    Cell::Amount(e.staff),
                    Cell::Amount(e.running),
                ]);
            } else {
                cells.extend([Cell::Blank, Cell::Amount(e.total), Cell::Blank, Cell::Blank]);
            }
            return Some(Row {
                label: t(zh, "合计", "Total").to_owned(),
                code: None,
                kind: RowKind::Total,
                supplied: false,
                note: None,
                cells,
            });
        }
        let data = e.rows.get(i - 1)?;
        let line = data.line.and_then(|l| self.budget.economic.lines.get(l));
        let name = Cell::Text(line.map(|l| l.name.clone()).unwrap_or_default());
        let amount = match line {
            Some(line) if !data.has_children => Cell::Input {
                value: line.amount,
                field: AmountField::Economic {
                    code: line.code.clone(),
                },
            },
            _ => Cell::Amount(data.total),
        };
        let row = |cells| Row {
            label: format!("[{}]", data.code),
            code: Some(data.code.clone()),
            kind: level_kind(data.level),
            supplied: data.line.is_none(),
            note: None,
            cells,
        };
        if self.cost_columns {
            let split = e.costs.get(i - 1).copied().unwrap_or_default();
            let mut cells = code_cells(self.layout, &data.code, 2);
            cells.extend([
                name,
                amount,
                Cell::Amount(split.staff),
                Cell::Amount(split.running),
            ]);
            return Some(row(cells));
        }
        let grouping = if data.has_children {
            Cell::Blank
        } else {
            let kind = line
                .and_then(|l| l.cost_kind)
                .or_else(|| standard_cost_kind(self.budget.economic.scheme, &data.code));
            Cell::Text(
                match kind {
                    Some(CostKind::Staff) => t(zh, "人员经费", "Staff costs"),
                    Some(CostKind::Running) => t(zh, "公用经费", "Running costs"),
                    None => "—",
                }
                .to_owned(),
            )
        };
        let note = line.map_or(Cell::Blank, |l| {
            if l.note.is_empty() {
                Cell::Blank
            } else {
                Cell::Text(l.note.clone())
            }
        });
        Some(row(vec![
            Cell::Text(data.code.clone()),
            name,
            amount,
            grouping,
            note,
        ]))
    }
}
