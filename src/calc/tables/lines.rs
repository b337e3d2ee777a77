//! The long tables, built on the derived roll-ups: the 功能分类 tables (收入总表 2, 支出总表 3,
//! 一般公共预算支出表 5, 政府性基金收入/支出表 7 and 8, 国有资本经营预算表 9) and the economic table (6).
//! Row 0 is the 合计 row; row `i + 1` shows roll-up row `i`. Rows are built on demand.

use super::{Cell, ColumnKind, ColumnSpec, HeaderCell, Row, RowKind, column, head, t};
use crate::calc::{Derived, FunctionRow};
use crate::model::codes::{Level, class_name_zh};
use crate::model::economic::{CostKind, standard_cost_kind};
use crate::model::{AmountField, Budget, Column, IncomeSource, Split, TableId};

/// What a 功能分类 table shows in its amount columns.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Shape {
    /// Total, then one column per income source of the document (table 2).
    BySource,
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
    shape: Shape,
    zh: bool,
}

impl<'a> FunctionBody<'a> {
    pub(super) fn new(budget: &'a Budget, derived: &'a Derived, id: TableId, zh: bool) -> Self {
        let shape = match id {
            TableId::Income => Shape::BySource,
            TableId::GeneralPublic => Shape::Split(GP),
            TableId::GovFundIncome => Shape::Single(GF),
            TableId::GovFundExpenditure => Shape::Split(GF),
            TableId::StateCapital => Shape::Split(SC),
            _ => Shape::Split(ALL),
        };
        FunctionBody {
            budget,
            derived,
            shape,
            zh,
        }
    }

    fn sources(&self) -> &'static [IncomeSource] {
        match self.shape {
            Shape::Split(s) | Shape::Single(s) => s,
            Shape::BySource => ALL,
        }
    }

    /// The columns and the two-row header (项目 over code and name, the year's budget over the
    /// amounts).
    pub(super) fn columns(&self) -> (Vec<ColumnSpec>, Vec<HeaderCell>) {
        let zh = self.zh;
        let mut columns = vec![
            column(ColumnKind::Code, t(zh, "科目编码", "Code")),
            column(ColumnKind::Name, t(zh, "科目名称", "Name")),
        ];
        match self.shape {
            Shape::BySource => {
                columns.push(column(
                    ColumnKind::Amount,
                    t(zh, "本年收入合计", "Total income"),
                ));
                columns.extend(
                    self.budget
                        .income_columns
                        .iter()
                        .map(|s| column(ColumnKind::Amount, s.label(zh))),
                );
            }
            Shape::Split(_) => {
                for c in [Column::Total, Column::Basic, Column::Project] {
                    columns.push(column(ColumnKind::Amount, c.label(zh)));
                }
            }
            Shape::Single(_) => columns.push(column(
                ColumnKind::Amount,
                t(zh, "政府性基金收入", "Government fund income"),
            )),
        }
        let year = self.budget.profile.year;
        let over = if zh {
            format!("{year}年预算数")
        } else {
            format!("Budget {year}")
        };
        let mut header = vec![
            head(t(zh, "项目", "Item"), 0, 0, 1, 2),
            head(over, 0, 2, 1, columns.len() - 2),
        ];
        header.extend(
            columns
                .iter()
                .enumerate()
                .map(|(i, c)| head(c.label.clone(), 1, i, 1, 1)),
        );
        (columns, header)
    }

    /// True when the table's sources carry no money at all.
    pub(super) fn is_empty_table(&self) -> bool {
        self.total().total().is_zero()
    }

    fn total(&self) -> Split {
        let f = &self.derived.function;
        let mut sum = Split::default();
        for s in self.sources() {
            sum += f.grand_of(*s);
        }
        sum
    }

    pub(super) fn len(&self) -> usize {
        self.derived.function.rows.len() + 1
    }

    pub(super) fn position(&self, code: &str) -> Option<usize> {
        self.derived.function.row_of(code).map(|r| r + 1)
    }

    pub(super) fn row(&self, i: usize) -> Option<Row> {
        let f = &self.derived.function;
        let zh = self.zh;
        if i == 0 {
            let total = self.total();
            let mut cells = vec![Cell::Text(t(zh, "合计", "Total").to_owned()), Cell::Blank];
            match self.shape {
                Shape::BySource => {
                    cells.push(Cell::Amount(f.grand.total()));
                    cells.extend(
                        self.budget
                            .income_columns
                            .iter()
                            .map(|s| Cell::Amount(f.grand_of(*s).total())),
                    );
                }
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
        let r = i - 1;
        let data = f.rows.get(r)?;
        let line = data.line.and_then(|l| self.budget.function_lines.get(l));
        let name = line
            .map(|l| l.name.clone())
            .or_else(|| class_name_zh(&data.code).map(str::to_owned))
            .unwrap_or_default();
        let mut cells = vec![Cell::Text(data.code.clone()), Cell::Text(name)];
        match self.shape {
            Shape::BySource => {
                cells.push(Cell::Amount(data.total.total()));
                cells.extend(
                    self.budget
                        .income_columns
                        .iter()
                        .map(|s| Cell::Amount(f.cell(r, *s).total())),
                );
            }
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
#[derive(Clone, Debug)]
pub(super) struct EconBody<'a> {
    budget: &'a Budget,
    derived: &'a Derived,
    zh: bool,
}

impl<'a> EconBody<'a> {
    pub(super) fn new(budget: &'a Budget, derived: &'a Derived, zh: bool) -> Self {
        EconBody {
            budget,
            derived,
            zh,
        }
    }

    pub(super) fn columns(&self) -> (Vec<ColumnSpec>, Vec<HeaderCell>) {
        let zh = self.zh;
        let columns = vec![
            column(ColumnKind::Code, t(zh, "科目编码", "Code")),
            column(ColumnKind::Name, t(zh, "科目名称", "Name")),
            column(ColumnKind::Amount, t(zh, "金额", "Amount")),
            column(ColumnKind::Text, t(zh, "人员/公用", "Staff/running")),
            column(ColumnKind::Text, t(zh, "备注", "Note")),
        ];
        let header = super::single_header(&columns);
        (columns, header)
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
            return Some(Row {
                label: t(zh, "合计", "Total").to_owned(),
                code: None,
                kind: RowKind::Total,
                supplied: false,
                note: None,
                cells: vec![
                    Cell::Text(t(zh, "合计", "Total").to_owned()),
                    Cell::Blank,
                    Cell::Amount(e.total),
                    Cell::Blank,
                    Cell::Blank,
                ],
            });
        }
        let data = e.rows.get(i - 1)?;
        let line = data.line.and_then(|l| self.budget.economic.lines.get(l));
        let amount = match line {
            Some(line) if !data.has_children => Cell::Input {
                value: line.amount,
                field: AmountField::Economic {
                    code: line.code.clone(),
                },
            },
            _ => Cell::Amount(data.total),
        };
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
        Some(Row {
            label: format!("[{}]", data.code),
            code: Some(data.code.clone()),
            kind: level_kind(data.level),
            supplied: data.line.is_none(),
            note: None,
            cells: vec![
                Cell::Text(data.code.clone()),
                Cell::Text(line.map(|l| l.name.clone()).unwrap_or_default()),
                amount,
                grouping,
                note,
            ],
        })
    }
}
