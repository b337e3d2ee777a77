//! 类/款/项 roll-ups of the 功能分类 lines (every income source, basic and project) and of the
//! economic lines. Lines are kept sorted by code, so parents come before their children and one
//! linear pass builds every subtotal; a missing 类 or 款 is supplied as a derived row.

use crate::model::codes::{self, Level};
use crate::model::economic::{CostKind, standard_cost_kind};
use crate::model::{Budget, Column, EconScheme, IncomeSource, Money, Split};

/// One row of the derived 功能分类 table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FunctionRow {
    /// The code.
    pub code: String,
    /// Depth; a malformed code counts as an item so its money is still shown and totalled.
    pub level: Level,
    /// Index of the entered line, or `None` for a 类/款 the budget lacks, supplied here.
    pub line: Option<usize>,
    /// Position of the parent row, if it has one.
    pub parent: Option<usize>,
    /// True when some other row sits below this one.
    pub has_children: bool,
    /// Rolled-up total over all sources.
    pub total: Split,
}

/// The derived 功能分类 table: rows in code order with rolled-up amounts per income source.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FunctionTable {
    /// The rows.
    pub rows: Vec<FunctionRow>,
    /// Sources that carry money somewhere in the budget, in [`IncomeSource::ALL`] order.
    pub sources: Vec<IncomeSource>,
    /// `rows.len() × sources.len()` rolled-up cells, row-major.
    cells: Vec<Split>,
    /// Grand total per source (aligned with `sources`).
    pub grand_by_source: Vec<Split>,
    /// Grand total over all sources.
    pub grand: Split,
}

impl FunctionTable {
    /// Rolled-up amounts of `row` for `source` (zero for a source no line uses).
    #[must_use]
    pub fn cell(&self, row: usize, source: IncomeSource) -> Split {
        match self.sources.iter().position(|s| *s == source) {
            Some(k) => self
                .cells
                .get(row * self.sources.len() + k)
                .copied()
                .unwrap_or_default(),
            None => Split::default(),
        }
    }

    /// The grand total of one source.
    #[must_use]
    pub fn grand_of(&self, source: IncomeSource) -> Split {
        self.sources
            .iter()
            .position(|s| *s == source)
            .and_then(|k| self.grand_by_source.get(k).copied())
            .unwrap_or_default()
    }

    /// The sum over `sources` of one row.
    #[must_use]
    pub fn cell_sum(&self, row: usize, sources: &[IncomeSource]) -> Split {
        let mut sum = Split::default();
        for s in sources {
            sum += self.cell(row, *s);
        }
        sum
    }

    /// Position of the first row with `code`.
    #[must_use]
    pub fn row_of(&self, code: &str) -> Option<usize> {
        let i = self.rows.partition_point(|r| r.code.as_str() < code);
        (self.rows.get(i)?.code == code).then_some(i)
    }

    /// A figure of one row: column over all sources.
    #[must_use]
    pub fn figure(&self, code: &str, column: Column) -> Option<Money> {
        self.row_of(code)
            .and_then(|i| self.rows.get(i))
            .map(|r| r.total.get(column))
    }

    /// Moves the figures of `row` (and every row above it, and the grand totals) from `old` to
    /// `new` amounts of that line — what an edit of one line's amounts changes. Returns false when
    /// a source appears that the table has no column for (then derive again from scratch).
    pub fn apply_line_change(
        &mut self,
        row: usize,
        old: &crate::model::Amounts,
        new: &crate::model::Amounts,
    ) -> bool {
        let width = self.sources.len();
        for source in old.keys().chain(new.keys()) {
            if !self.sources.contains(source) {
                return false;
            }
        }
        for (k, source) in self.sources.clone().into_iter().enumerate() {
            let before = old.get(&source).copied().unwrap_or_default();
            let after = new.get(&source).copied().unwrap_or_default();
            if before == after {
                continue;
            }
            let delta = Split {
                basic: after.basic - before.basic,
                project: after.project - before.project,
            };
            let mut at = Some(row);
            while let Some(r) = at {
                if let Some(cell) = self.cells.get_mut(r * width + k) {
                    *cell += delta;
                }
                let Some(data) = self.rows.get_mut(r) else {
                    break;
                };
                data.total += delta;
                at = data.parent;
            }
            if let Some(g) = self.grand_by_source.get_mut(k) {
                *g += delta;
            }
            self.grand += delta;
        }
        true
    }

    /// Rows of 类 level, in code order.
    pub fn classes(&self) -> impl Iterator<Item = (usize, &FunctionRow)> {
        self.rows
            .iter()
            .enumerate()
            .filter(|(_, r)| r.level == Level::Class)
    }
}

/// Builds the rolled-up 功能分类 table. Expects `budget.function_lines` sorted by code
/// ([`Budget::sort_lines`]); unsorted input still totals correctly but may repeat derived parents.
#[must_use]
pub fn function_table(budget: &Budget) -> FunctionTable {
    let mut used = [false; IncomeSource::ALL.len()];
    for line in &budget.function_lines {
        for source in line.amounts.keys() {
            used[source.index()] = true;
        }
    }
    let sources: Vec<IncomeSource> = IncomeSource::ALL
        .into_iter()
        .filter(|s| used[s.index()])
        .collect();
    let width = sources.len();
    let mut slot = [usize::MAX; IncomeSource::ALL.len()];
    for (k, s) in sources.iter().enumerate() {
        slot[s.index()] = k;
    }

    let mut table = FunctionTable {
        rows: Vec::with_capacity(budget.function_lines.len() + 16),
        cells: Vec::with_capacity((budget.function_lines.len() + 16) * width),
        grand_by_source: vec![Split::default(); width],
        sources,
        grand: Split::default(),
    };
    let mut class: Option<usize> = None;
    let mut section: Option<usize> = None;

    for (index, line) in budget.function_lines.iter().enumerate() {
        let level = codes::validate_form(&line.code).ok();
        let row = match level {
            Some(Level::Class) => {
                let r = push_row(&mut table, &line.code, Level::Class, Some(index), None);
                class = Some(r);
                section = None;
                r
            }
            Some(Level::Section) => {
                let c = ensure_parent(
                    &mut table,
                    &mut class,
                    codes::class_of(&line.code),
                    Level::Class,
                    None,
                );
                let r = push_row(&mut table, &line.code, Level::Section, Some(index), Some(c));
                section = Some(r);
                r
            }
            Some(Level::Item) => {
                let class_code = codes::class_of(&line.code);
                let c = ensure_parent(&mut table, &mut class, class_code, Level::Class, None);
                if section.is_some_and(|s| codes::class_of(&table.rows[s].code) != class_code) {
                    section = None;
                }
                let section_code = codes::parent(&line.code).unwrap_or_default();
                let s = ensure_parent(
                    &mut table,
                    &mut section,
                    section_code,
                    Level::Section,
                    Some(c),
                );
                push_row(&mut table, &line.code, Level::Item, Some(index), Some(s))
            }
            // A malformed code: shown and totalled, attached to nothing (a check reports it).
            None => push_row(&mut table, &line.code, Level::Item, Some(index), None),
        };
        for (source, split) in line.amounts.iter() {
            let k = slot[source.index()];
            let mut at = Some(row);
            while let Some(r) = at {
                table.cells[r * width + k] += *split;
                table.rows[r].total += *split;
                at = table.rows[r].parent;
            }
            table.grand_by_source[k] += *split;
            table.grand += *split;
        }
    }
    table
}

fn push_row(
    table: &mut FunctionTable,
    code: &str,
    level: Level,
    line: Option<usize>,
    parent: Option<usize>,
) -> usize {
    if let Some(p) = parent {
        table.rows[p].has_children = true;
    }
    table.rows.push(FunctionRow {
        code: code.to_owned(),
        level,
        line,
        parent,
        has_children: false,
        total: Split::default(),
    });
    table
        .cells
        .extend(std::iter::repeat_n(Split::default(), table.sources.len()));
    table.rows.len() - 1
}

/// The row of the parent `code`: the current one when it matches, else a derived row.
fn ensure_parent(
    table: &mut FunctionTable,
    current: &mut Option<usize>,
    code: &str,
    level: Level,
    parent: Option<usize>,
) -> usize {
    if let Some(r) = *current
        && table.rows[r].code == code
    {
        return r;
    }
    let r = push_row(table, code, level, None, parent);
    *current = Some(r);
    r
}

/// One row of the derived economic table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EconRow {
    /// The code.
    pub code: String,
    /// Depth (3, 5 or 7 digits); a malformed code counts as an item.
    pub level: Level,
    /// Index of the entered line, or `None` for a supplied parent.
    pub line: Option<usize>,
    /// Position of the parent row.
    pub parent: Option<usize>,
    /// True when another row sits below this one.
    pub has_children: bool,
    /// Rolled-up amount.
    pub total: Money,
}

/// The derived economic table with 人员经费 / 公用经费.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EconTable {
    /// Rows in code order.
    pub rows: Vec<EconRow>,
    /// 合计.
    pub total: Money,
    /// 人员经费.
    pub staff: Money,
    /// 公用经费.
    pub running: Money,
    /// Amounts whose code has no staff/running grouping (entered line indexes).
    pub unclassified: Vec<(usize, Money)>,
}

impl EconTable {
    /// Position of the first row with `code`.
    #[must_use]
    pub fn row_of(&self, code: &str) -> Option<usize> {
        let i = self.rows.partition_point(|r| r.code.as_str() < code);
        (self.rows.get(i)?.code == code).then_some(i)
    }

    /// Rolled-up amount of `code` (zero when absent).
    #[must_use]
    pub fn amount(&self, code: &str) -> Money {
        self.row_of(code)
            .and_then(|i| self.rows.get(i))
            .map_or(Money::ZERO, |r| r.total)
    }
}

/// Builds the economic table's roll-ups and the staff/running split.
#[must_use]
pub fn econ_table(budget: &Budget) -> EconTable {
    let scheme: EconScheme = budget.economic.scheme;
    let mut table = EconTable::default();
    let mut stack: Vec<usize> = Vec::new();
    for (index, line) in budget.economic.lines.iter().enumerate() {
        let level = codes::validate_form(&line.code).ok();
        // Pop rows that are not ancestors of this code.
        while let Some(&top) = stack.last() {
            if level.is_some()
                && line.code.starts_with(table.rows[top].code.as_str())
                && line.code != table.rows[top].code
            {
                break;
            }
            stack.pop();
        }
        if let Some(level) = level {
            // Supply missing ancestors (类, 款).
            for len in [3, 5] {
                if line.code.len() > len {
                    let code = &line.code[..len];
                    let present = stack.iter().any(|&r| table.rows[r].code == code);
                    if !present {
                        let parent = stack.last().copied();
                        let r = push_econ(
                            &mut table,
                            code,
                            Level::of(code).unwrap_or(Level::Item),
                            None,
                            parent,
                        );
                        stack.push(r);
                    }
                }
            }
            let parent = stack.last().copied();
            let r = push_econ(&mut table, &line.code, level, Some(index), parent);
            stack.push(r);
        } else {
            push_econ(&mut table, &line.code, Level::Item, Some(index), None);
        }
        let row = table.rows.len() - 1;
        let amount = line.amount;
        if amount.is_zero() {
            continue;
        }
        let mut at = Some(row);
        while let Some(r) = at {
            table.rows[r].total += amount;
            at = table.rows[r].parent;
        }
        table.total += amount;
        match line
            .cost_kind
            .or_else(|| standard_cost_kind(scheme, &line.code))
        {
            Some(CostKind::Staff) => table.staff += amount,
            Some(CostKind::Running) => table.running += amount,
            None => table.unclassified.push((index, amount)),
        }
    }
    table
}

fn push_econ(
    table: &mut EconTable,
    code: &str,
    level: Level,
    line: Option<usize>,
    parent: Option<usize>,
) -> usize {
    if let Some(p) = parent {
        table.rows[p].has_children = true;
    }
    table.rows.push(EconRow {
        code: code.to_owned(),
        level,
        line,
        parent,
        has_children: false,
        total: Money::ZERO,
    });
    table.rows.len() - 1
}
