//! 类/款/项 roll-ups of the 功能分类 lines (every income source, basic and project) and of the
//! economic lines. Both use one tree builder: lines are kept sorted by code, so parents come before
//! their children and one linear pass links every row to its parent, supplying a missing 类 or 款
//! as a derived row; a second pass moves each line's money up its path.

use crate::model::codes::{self, Level};
use crate::model::economic::{CostKind, standard_cost_kind};
use crate::model::{Budget, Column, EconScheme, IncomeSource, Money, Split};

/// One row of a derived code tree: an entered line or a supplied 类/款, with its rolled-up money.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TreeRow<T> {
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
    /// Rolled-up amount.
    pub total: T,
}

/// One row of the derived 功能分类 table, with its total over all sources.
pub type FunctionRow = TreeRow<Split>;

/// One row of the derived economic table.
pub type EconRow = TreeRow<Money>;

/// Links sorted `codes` into a tree: one row per code, in order, plus a supplied row for each
/// missing 类 (3 digits) or 款 (5 digits) ancestor, placed just before its first descendant.
/// A malformed code becomes a parentless item and leaves the open ancestors as they were.
fn build_tree<'a, T: Default>(codes: impl Iterator<Item = &'a str>) -> Vec<TreeRow<T>> {
    let (low, _) = codes.size_hint();
    let mut rows: Vec<TreeRow<T>> = Vec::with_capacity(low + 16);
    let mut stack: Vec<usize> = Vec::new();
    let push = |rows: &mut Vec<TreeRow<T>>, code: &str, level, line, parent: Option<usize>| {
        if let Some(p) = parent.and_then(|p| rows.get_mut(p)) {
            p.has_children = true;
        }
        rows.push(TreeRow {
            code: code.to_owned(),
            level,
            line,
            parent,
            has_children: false,
            total: T::default(),
        });
        rows.len() - 1
    };
    for (index, code) in codes.enumerate() {
        let Ok(level) = codes::validate_form(code) else {
            push(&mut rows, code, Level::Item, Some(index), None);
            continue;
        };
        // Close the rows that are not ancestors of this code.
        while let Some(&top) = stack.last() {
            let ancestor = rows
                .get(top)
                .is_some_and(|r| code.len() > r.code.len() && code.starts_with(r.code.as_str()));
            if ancestor {
                break;
            }
            stack.pop();
        }
        for len in [3, 5] {
            let Some(prefix) = code.get(..len).filter(|_| code.len() > len) else {
                continue;
            };
            let open = stack
                .iter()
                .any(|&r| rows.get(r).is_some_and(|r| r.code == prefix));
            if !open {
                let level = Level::of(prefix).unwrap_or(Level::Item);
                let r = push(&mut rows, prefix, level, None, stack.last().copied());
                stack.push(r);
            }
        }
        let r = push(&mut rows, code, level, Some(index), stack.last().copied());
        stack.push(r);
    }
    rows
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
            sum.saturating_add_assign(self.cell(row, *s));
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
                basic: after.basic.saturating_sub(before.basic),
                project: after.project.saturating_sub(before.project),
            };
            let mut at = Some(row);
            while let Some(r) = at {
                if let Some(cell) = self.cells.get_mut(r * width + k) {
                    cell.saturating_add_assign(delta);
                }
                let Some(data) = self.rows.get_mut(r) else {
                    break;
                };
                data.total.saturating_add_assign(delta);
                at = data.parent;
            }
            if let Some(g) = self.grand_by_source.get_mut(k) {
                g.saturating_add_assign(delta);
            }
            self.grand.saturating_add_assign(delta);
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

    let rows = build_tree(budget.function_lines.iter().map(|l| l.code.as_str()));
    let mut table = FunctionTable {
        cells: vec![Split::default(); rows.len() * width],
        rows,
        grand_by_source: vec![Split::default(); width],
        sources,
        grand: Split::default(),
    };
    // Each entered line's money moves up its path to the root.
    for r in 0..table.rows.len() {
        let Some(line) = table.rows[r]
            .line
            .and_then(|l| budget.function_lines.get(l))
        else {
            continue;
        };
        for (source, split) in line.amounts.iter() {
            let k = slot[source.index()];
            let mut at = Some(r);
            while let Some(a) = at {
                table.cells[a * width + k].saturating_add_assign(*split);
                table.rows[a].total.saturating_add_assign(*split);
                at = table.rows[a].parent;
            }
            table.grand_by_source[k].saturating_add_assign(*split);
            table.grand.saturating_add_assign(*split);
        }
    }
    table
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
    /// Each row's 人员经费 and 公用经费 (aligned with `rows`).
    pub costs: Vec<CostSplit>,
}

/// An amount split into 人员经费 and 公用经费.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CostSplit {
    /// 人员经费.
    pub staff: Money,
    /// 公用经费.
    pub running: Money,
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
    let rows: Vec<EconRow> = build_tree(budget.economic.lines.iter().map(|l| l.code.as_str()));
    let mut table = EconTable {
        costs: vec![CostSplit::default(); rows.len()],
        rows,
        ..EconTable::default()
    };
    for r in 0..table.rows.len() {
        let Some(index) = table.rows[r].line else {
            continue;
        };
        let Some(line) = budget.economic.lines.get(index) else {
            continue;
        };
        let amount = line.amount;
        if amount.is_zero() {
            continue;
        }
        let kind = line
            .cost_kind
            .or_else(|| standard_cost_kind(scheme, &line.code));
        let mut at = Some(r);
        while let Some(a) = at {
            let row = &mut table.rows[a].total;
            *row = row.saturating_add(amount);
            if let Some(split) = table.costs.get_mut(a) {
                match kind {
                    Some(CostKind::Staff) => split.staff = split.staff.saturating_add(amount),
                    Some(CostKind::Running) => {
                        split.running = split.running.saturating_add(amount);
                    }
                    None => {}
                }
            }
            at = table.rows[a].parent;
        }
        table.total = table.total.saturating_add(amount);
        match kind {
            Some(CostKind::Staff) => table.staff = table.staff.saturating_add(amount),
            Some(CostKind::Running) => table.running = table.running.saturating_add(amount),
            None => table.unclassified.push((index, amount)),
        }
    }
    table
}
