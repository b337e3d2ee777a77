//! Which cells of an exported table are live sums, and of which cells: worked out from the rows'
//! kinds and codes in order, never from the figures. A 类 sums its 款, a 款 its 项, a subtotal the
//! items printed under it, the 合计 row every top-level row; a column headed 合计/小计 sums the
//! amount columns under the header that spans it (a nested 小计 standing for its own columns),
//! or, with no such header, the amount columns after it; in a side-by-side table (表1) a row
//! numbered 一、 sums the rows numbered 1. 2. under it, which the 总计 then leaves out. The figure
//! itself always comes from the table model; where a parent
//! also carries money of its own (a 类 line with an unitemised amount), the formula adds that
//! amount as a constant so it still equals the model's figure exactly.

use rust_decimal::Decimal;

use super::{a1, column_name};
use crate::calc::tables::{Cell, ColumnKind, ColumnSpec, HeaderCell, Row, RowKind};
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
    /// In one column: a row that sums the rows printed under it as its parts (`一、财政拨款收入`
    /// over `1. 一般公共预算资金` …), and those parts, which the 总计 then leaves out.
    side_parts: Vec<(usize, usize, Vec<usize>)>,
    /// (total column, the columns it adds), in model columns.
    row_totals: Vec<(usize, Vec<usize>)>,
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
    /// Works out the sums of `rows` under `columns` and `header`.
    pub(super) fn new(columns: &[ColumnSpec], header: &[HeaderCell], rows: &[Row]) -> Self {
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
        Plan {
            children,
            side_parts: side_parts(columns, rows),
            row_totals: row_totals(columns, header),
        }
    }
}

/// The numbered parts of a side-by-side table (表1: `一、财政拨款收入` then `1. 一般公共预算资金`,
/// `2. 政府性基金` …): for each amount column, the row above whose label is numbered 一、二、…
/// and the rows under it numbered 1. 2. …, read from the label column to its left.
fn side_parts(columns: &[ColumnSpec], rows: &[Row]) -> Vec<(usize, usize, Vec<usize>)> {
    let chinese = |t: &str| {
        t.split_once('、').is_some_and(|(n, _)| {
            !n.is_empty() && n.chars().all(|c| "一二三四五六七八九十".contains(c))
        })
    };
    let arabic = |t: &str| {
        t.split_once('.')
            .is_some_and(|(n, _)| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()))
    };
    let mut out = Vec::new();
    let mut label_col = None;
    for (c, spec) in columns.iter().enumerate() {
        match spec.kind {
            ColumnKind::Text | ColumnKind::Name => label_col = Some(c),
            ColumnKind::Amount => {
                let Some(l) = label_col else { continue };
                let mut head: Option<(usize, Vec<usize>)> = None;
                for (i, row) in rows.iter().enumerate() {
                    let label = match row.cells.get(l) {
                        Some(Cell::Text(t)) => t.trim(),
                        _ => "",
                    };
                    if chinese(label) {
                        if let Some((h, parts)) = head.take().filter(|(_, p)| !p.is_empty()) {
                            out.push((h, c, parts));
                        }
                        head = Some((i, Vec::new()));
                    } else if arabic(label) {
                        if let Some((_, parts)) = head.as_mut() {
                            parts.push(i);
                        }
                    } else if let Some((h, parts)) = head.take().filter(|(_, p)| !p.is_empty()) {
                        out.push((h, c, parts));
                    }
                }
                if let Some((h, parts)) = head.filter(|(_, p)| !p.is_empty()) {
                    out.push((h, c, parts));
                }
            }
            ColumnKind::Code => {}
        }
    }
    out
}

/// The columns each total column adds: those under the header that spans it, less those of a
/// total nested under it (which stands for them); with no spanning header, the run of amount
/// columns after it.
fn row_totals(columns: &[ColumnSpec], header: &[HeaderCell]) -> Vec<(usize, Vec<usize>)> {
    let amount = |k: usize| columns.get(k).is_some_and(|c| c.kind == ColumnKind::Amount);
    let totals: Vec<usize> = (0..columns.len())
        .filter(|&c| amount(c) && is_total_label(&columns[c].label))
        .collect();
    let scope = |c: usize| -> (usize, usize) {
        let own_row = header
            .iter()
            .filter(|h| h.col == c && h.cols <= 1)
            .map(|h| h.row)
            .max();
        let spanning = own_row.and_then(|row| {
            header
                .iter()
                .filter(|h| h.row < row && h.cols > 1 && h.col <= c && c < h.col + h.cols)
                .max_by_key(|h| h.row)
        });
        match spanning {
            Some(h) => (h.col, h.col + h.cols - 1),
            None => {
                let end = (c + 1..columns.len()).take_while(|&k| amount(k)).last();
                (c, end.unwrap_or(c))
            }
        }
    };
    let scopes: Vec<(usize, (usize, usize))> = totals.iter().map(|&c| (c, scope(c))).collect();
    let mut out = Vec::new();
    for &(c, (first, last)) in &scopes {
        let nested: Vec<(usize, (usize, usize))> = scopes
            .iter()
            .copied()
            .filter(|&(o, (f, l))| o != c && first <= f && l <= last && (f, l) != (first, last))
            .collect();
        let parts: Vec<usize> = (first..=last)
            .filter(|&k| k != c && amount(k))
            .filter(|&k| nested.iter().all(|&(o, (f, l))| k == o || k < f || l < k))
            .collect();
        if !parts.is_empty() {
            out.push((c, parts));
        }
    }
    out
}

impl Plan {
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
        if let Some((_, cols)) = self.row_totals.iter().find(|(t, _)| *t == col) {
            let parts: Decimal = cols
                .iter()
                .filter_map(|&k| cells.get(k).and_then(amount_of))
                .sum();
            let r = sheet_row(row);
            // Adjacent columns as one range: `B6:C6,D6` reads as the header groups them.
            let mut groups = Vec::new();
            let mut k = 0;
            while k < cols.len() {
                let start = cols[k];
                let mut end = start;
                while k + 1 < cols.len() && cols[k + 1] == end + 1 {
                    k += 1;
                    end = cols[k];
                }
                groups.push(if start == end {
                    a1(r, sheet_col(start))
                } else {
                    format!("{}:{}", a1(r, sheet_col(start)), a1(r, sheet_col(end)))
                });
                k += 1;
            }
            return finish(groups, value - parts);
        }
        let own_parts = self
            .side_parts
            .iter()
            .find(|(h, c, _)| *h == row && *c == col)
            .map(|(_, _, parts)| parts.clone());
        let kids: Vec<usize> = match own_parts {
            Some(parts) => parts,
            // A row counted in its head is not counted again.
            None => self
                .children
                .get(row)?
                .iter()
                .copied()
                .filter(|k| {
                    !self
                        .side_parts
                        .iter()
                        .any(|(_, c, parts)| *c == col && parts.contains(k))
                })
                .collect(),
        };
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
        sums_of(&sample_budget().unwrap(), id)
    }

    fn sums_of(budget: &crate::model::Budget, id: TableId) -> Vec<(String, usize, Sum)> {
        let budget = budget.clone();
        let derived = derive(&budget);
        let t = table(&budget, &derived, id, true);
        let rows: Vec<Row> = t.rows().collect();
        let plan = Plan::new(&t.columns, &t.header, &rows);
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

    /// Shanghai's 表1 prints 一、财政拨款收入 over its parts 1. 一般公共预算资金 … : the head sums
    /// its parts and the 收入总计 the heads, with no constant (it once subtracted the parts it
    /// had counted twice).
    #[test]
    fn a_head_sums_its_numbered_parts_and_the_total_the_heads() {
        let text = include_str!("../../../sample_budgets/putuo-government-office-2025.ron");
        let budget =
            crate::io::ron_file::parse_current(text, std::path::Path::new("p.ron")).unwrap();
        let s = sums_of(&budget, TableId::IncomeExpenditure);
        assert!(s.iter().all(|(_, _, sum)| sum.own.is_zero()), "{s:?}");
        let total = s
            .iter()
            .find(|(_, c, sum)| *c == 1 && sum.formula.starts_with("SUM(B5,"))
            .map(|(_, _, sum)| sum.formula.clone());
        // Row 5 is 一、财政拨款收入; 1.–3. (rows 6–8) are its parts, summed there.
        assert_eq!(total.as_deref(), Some("SUM(B5,B9:B11)"), "{s:?}");
        assert!(
            s.iter()
                .any(|(_, c, sum)| *c == 1 && sum.formula == "SUM(B6:B8)"),
            "{s:?}"
        );
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

    /// Putuo's 表9: one row, 合计 | 出国 | 接待 | 小计 | 购置 | 运行 | 机关运行经费. The 合计 adds
    /// what the “三公”经费 header spans, the vehicles by their 小计; 机关运行经费 stands apart.
    #[test]
    fn a_total_column_adds_the_columns_its_header_spans() {
        let text = include_str!("../../../sample_budgets/putuo-government-office-2025.ron");
        let budget =
            crate::io::ron_file::parse_current(text, std::path::Path::new("p.ron")).unwrap();
        let derived = derive(&budget);
        let t = table(&budget, &derived, TableId::SangongAndOperating, true);
        let rows: Vec<Row> = t.rows().collect();
        let plan = Plan::new(&t.columns, &t.header, &rows);
        let formula = |c| {
            plan.sum(&rows, 0, c, &|_| 5, &|c| c as u16)
                .map(|s| s.formula)
        };
        assert_eq!(formula(0).as_deref(), Some("SUM(B6:D6)"));
        assert_eq!(formula(3).as_deref(), Some("SUM(E6:F6)"));
        assert_eq!(formula(6), None);
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
