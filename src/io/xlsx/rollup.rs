//! Which cells of an exported table are live sums, and of which cells: worked out from the rows'
//! kinds and codes in order, never from the figures. A 类 sums its 款, a 款 its 项, a subtotal the
//! items printed under it, the 合计 row every top-level row; a column headed 合计/小计 sums the
//! amount columns beside it. The figure itself always comes from the table model; where a parent
//! also carries money of its own (a 类 line with an unitemised amount), the formula adds that
//! amount as a constant so it still equals the model's figure exactly.

use rust_decimal::Decimal;

use super::{a1, column_name};
use crate::calc::tables::{Cell, ColumnKind, ColumnSpec, Row, RowKind};
use crate::model::AmountField;
use crate::model::codes;

/// Excel accepts at most 255 arguments per function and 8,192 characters per formula.
const MAX_ARGS: usize = 250;
const MAX_FORMULA_LEN: usize = 8_000;

/// How a cell takes part in sums.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Role {
    /// An amount of the year the table is about.
    Amount(Decimal),
    /// Last year's entered figure.
    LastYear(Decimal),
    /// A change, a percentage, text or nothing: never summed.
    Other,
}

fn role(cell: &Cell) -> Role {
    match cell {
        Cell::Input {
            value,
            field:
                AmountField::OperatingCostsLastYear
                | AmountField::Sangong {
                    last_year: true, ..
                },
        } => Role::LastYear(value.value()),
        Cell::Amount(m) | Cell::Locked(m) | Cell::Input { value: m, .. } => Role::Amount(m.value()),
        _ => Role::Other,
    }
}

fn amount_of(cell: &Cell) -> Option<Decimal> {
    match role(cell) {
        Role::Amount(v) | Role::LastYear(v) => Some(v),
        Role::Other => None,
    }
}

/// A row that only compares with last year (上年, 增减): it has no amount of this year.
fn is_comparison(row: &Row) -> bool {
    !row.cells.iter().any(|c| matches!(role(c), Role::Amount(_)))
        && row
            .cells
            .iter()
            .any(|c| matches!(role(c), Role::LastYear(_)) || matches!(c, Cell::Change(_)))
}

/// A column headed with a total (合计, 小计, 本年收入合计) sums the amount columns after it.
fn is_total_label(label: &str) -> bool {
    label.ends_with("合计")
        || label.ends_with("小计")
        || label.starts_with("Total")
        || label.starts_with("Subtotal")
}

/// The sums of one table: for each row the rows it adds up, and the row-total columns.
#[derive(Debug)]
pub(super) struct Plan {
    children: Vec<Vec<usize>>,
    /// (total column, first and last column it adds), in model columns.
    row_totals: Vec<(usize, usize, usize)>,
}

/// A formula and the figure it must show.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct Sum {
    /// The formula text, without `=`.
    pub formula: String,
    /// The amount the parent carries beyond its parts (a 类's own money), zero mostly.
    pub own: Decimal,
}

impl Plan {
    /// Works out the sums of `rows` under `columns`.
    pub(super) fn new(columns: &[ColumnSpec], rows: &[Row]) -> Self {
        let mut parent: Vec<Option<usize>> = vec![None; rows.len()];
        let mut children: Vec<Vec<usize>> = vec![Vec::new(); rows.len()];
        let mut open: Vec<(&str, usize)> = Vec::new();
        let mut subtotal: Option<usize> = None;
        for (i, row) in rows.iter().enumerate() {
            match (row.kind, row.code.as_deref()) {
                (RowKind::Total, _) => subtotal = None,
                (RowKind::Subtotal, _) => subtotal = Some(i),
                (_, Some(code)) if codes::validate_form(code).is_ok() => {
                    subtotal = None;
                    while let Some((top, _)) = open.last() {
                        if code.len() > top.len() && code.starts_with(top) {
                            break;
                        }
                        open.pop();
                    }
                    parent[i] = open.last().map(|(_, p)| *p);
                    open.push((code, i));
                }
                (_, Some(_)) => subtotal = None,
                (_, None) => parent[i] = subtotal,
            }
        }
        for (i, p) in parent.iter().enumerate() {
            if let Some(p) = p {
                children[*p].push(i);
            }
        }
        let top: Vec<usize> = (0..rows.len())
            .filter(|&i| {
                parent[i].is_none() && rows[i].kind != RowKind::Total && !is_comparison(&rows[i])
            })
            .collect();
        for (i, row) in rows.iter().enumerate() {
            if row.kind == RowKind::Total {
                children[i].clone_from(&top);
            }
        }
        let mut row_totals = Vec::new();
        let mut c = 0;
        while c < columns.len() {
            let run_end = (c..columns.len())
                .take_while(|&k| columns[k].kind == ColumnKind::Amount)
                .last();
            match run_end {
                Some(end) if end > c && is_total_label(&columns[c].label) => {
                    row_totals.push((c, c + 1, end));
                    c = end + 1;
                }
                Some(end) => c = end + 1,
                None => c += 1,
            }
        }
        Plan {
            children,
            row_totals,
        }
    }

    /// The formula of model cell (`row`, `col`), if it is a sum. `sheet_row` gives the sheet row
    /// of a model row, `sheet_col` the sheet column of a model column.
    pub(super) fn sum(
        &self,
        rows: &[Row],
        row: usize,
        col: usize,
        sheet_row: &dyn Fn(usize) -> u32,
        sheet_col: &dyn Fn(usize) -> u16,
    ) -> Option<Sum> {
        let value = rows.get(row)?.cells.get(col).and_then(amount_of)?;
        let cells = &rows.get(row)?.cells;
        if let Some(&(_, first, last)) = self.row_totals.iter().find(|(t, _, _)| *t == col) {
            let parts: Decimal = (first..=last)
                .filter_map(|k| cells.get(k).and_then(amount_of))
                .sum();
            let r = sheet_row(row);
            let range = format!("{}:{}", a1(r, sheet_col(first)), a1(r, sheet_col(last)));
            return finish(vec![range], value - parts);
        }
        let kids = self.children.get(row)?;
        if kids.is_empty() {
            return None;
        }
        let with_amount: Vec<usize> = kids
            .iter()
            .copied()
            .filter(|&k| {
                rows.get(k)
                    .and_then(|r| r.cells.get(col))
                    .and_then(amount_of)
                    .is_some()
            })
            .collect();
        let parts: Decimal = with_amount
            .iter()
            .filter_map(|&k| {
                rows.get(k)
                    .and_then(|r| r.cells.get(col))
                    .and_then(amount_of)
            })
            .sum();
        let column = column_name(sheet_col(col));
        let mut groups = Vec::new();
        let mut k = 0;
        while k < with_amount.len() {
            let start = with_amount[k];
            let mut end = start;
            while k + 1 < with_amount.len() && with_amount[k + 1] == end + 1 {
                k += 1;
                end = with_amount[k];
            }
            let (a, b) = (sheet_row(start) + 1, sheet_row(end) + 1);
            groups.push(if a == b {
                format!("{column}{a}")
            } else {
                format!("{column}{a}:{column}{b}")
            });
            k += 1;
        }
        finish(groups, value - parts)
    }
}

/// `SUM(groups)` plus the parent's own amount; `None` when Excel could not take the formula.
fn finish(groups: Vec<String>, own: Decimal) -> Option<Sum> {
    let sum = if groups.is_empty() {
        "0".to_owned()
    } else if groups.len() <= MAX_ARGS {
        format!("SUM({})", groups.join(","))
    } else {
        let chunks: Vec<String> = groups
            .chunks(MAX_ARGS)
            .map(|c| format!("SUM({})", c.join(",")))
            .collect();
        if chunks.len() > MAX_ARGS {
            return None;
        }
        format!("SUM({})", chunks.join(","))
    };
    let own = own.normalize();
    let formula = if own.is_zero() {
        sum
    } else if own.is_sign_negative() {
        format!("{sum}{own}")
    } else {
        format!("{sum}+{own}")
    };
    (formula.len() <= MAX_FORMULA_LEN).then_some(Sum { formula, own })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calc::derive;
    use crate::calc::tables::table;
    use crate::model::TableId;
    use crate::sample::sample_budget;

    /// Sheet rows as model rows plus `offset`, sheet columns as model columns.
    fn sums(id: TableId) -> Vec<(String, usize, Sum)> {
        let budget = sample_budget().unwrap();
        let derived = derive(&budget);
        let t = table(&budget, &derived, id, true);
        let rows: Vec<Row> = t.rows().collect();
        let plan = Plan::new(&t.columns, &rows);
        let mut out = Vec::new();
        for r in 0..rows.len() {
            for c in 0..t.columns.len() {
                if let Some(s) = plan.sum(&rows, r, c, &|r| r as u32 + 4, &|c| c as u16) {
                    out.push((rows[r].label.clone(), c, s));
                }
            }
        }
        out
    }

    fn formula_of(list: &[(String, usize, Sum)], label: &str, col: usize) -> String {
        list.iter()
            .find(|(l, c, _)| l == label && *c == col)
            .map(|(_, _, s)| s.formula.clone())
            .unwrap_or_default()
    }

    #[test]
    fn parents_sum_their_children_and_totals_their_columns() {
        let s = sums(TableId::Expenditure);
        // 合计 is sheet row 5 (model row 0); its 基本支出 adds the 类 rows.
        let total = formula_of(&s, "合计", 3);
        assert!(total.starts_with("SUM(D6,"), "{total}");
        // A 款 adds its 项 rows, which follow it.
        let section = formula_of(&s, "[21505]", 3);
        assert!(section.starts_with("SUM(D"), "{section}");
        assert!(section.contains(':'), "{section}");
        // The 合计 column adds 基本支出 and 项目支出 of the same row (sheet row 22).
        assert_eq!(formula_of(&s, "[2150501]", 2), "SUM(D22:E22)");
    }

    #[test]
    fn only_the_class_with_its_own_money_gets_a_constant() {
        let s = sums(TableId::Expenditure);
        let with_own: Vec<_> = s.iter().filter(|(_, _, sum)| !sum.own.is_zero()).collect();
        assert_eq!(with_own.len(), 1, "{with_own:?}");
        let (label, col, sum) = with_own[0];
        assert_eq!((label.as_str(), *col), ("[215]", 4));
        assert_eq!(sum.own, Decimal::new(166, 1));
        assert!(sum.formula.ends_with("+16.6"), "{}", sum.formula);
    }

    #[test]
    fn sangong_subtotal_adds_the_vehicle_items_and_the_total_skips_them() {
        let s = sums(TableId::Sangong);
        // Rows: 出国 5, 接待 6, 用车 7, ①购置 8, ②运行 9, 合计 10 (sheet rows, 1-based).
        assert_eq!(formula_of(&s, "公务用车购置及运行费", 1), "SUM(B8:B9)");
        assert_eq!(formula_of(&s, "合计", 1), "SUM(B5:B7)");
        // Last year's column sums the same way; changes are never summed.
        assert_eq!(formula_of(&s, "合计", 2), "SUM(C5:C7)");
        assert_eq!(formula_of(&s, "合计", 3), "");
    }

    #[test]
    fn operating_costs_total_leaves_out_last_year_and_the_change() {
        let s = sums(TableId::OperatingCosts);
        let total = formula_of(&s, "合计", 2);
        assert!(total.starts_with("SUM(C6"), "{total}");
        assert!(s.iter().all(|(l, _, _)| l != "上年" && l != "增减"));
    }

    #[test]
    fn a_formula_too_long_for_excel_is_not_written() {
        let many: Vec<String> = (0..2000).map(|i| format!("D{}", i * 2 + 1)).collect();
        assert!(finish(many, Decimal::ZERO).is_none());
        let some: Vec<String> = (0..300).map(|i| format!("D{}", i * 2 + 1)).collect();
        let sum = finish(some, Decimal::ZERO).unwrap();
        assert!(sum.formula.starts_with("SUM(SUM(D1,"), "{}", sum.formula);
    }
}
