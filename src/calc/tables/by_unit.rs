//! 部门支出分单位明细表: a department's expenditure unit by unit — each unit's total, then its
//! basic and project expenditure by income source — with the department's 合计 first. The rows
//! come from [`crate::calc::units::breakdown`], the figures the Overview shows.

use super::{Cell, ColumnKind, Parts, Row, RowKind, column, head, t};
use crate::calc::units::breakdown;
use crate::model::Budget;

/// The table's parts, and whether it is empty (no unit holds a budget of its own).
pub(super) fn unit_breakdown(budget: &Budget, zh: bool) -> (Parts, bool) {
    let mut units = breakdown(budget);
    // The last row is the department's: its sources are every unit's, in the columns' order.
    let all = units.pop();
    let sources: Vec<crate::model::IncomeSource> = all
        .as_ref()
        .map(|a| a.by_source.iter().map(|(s, _)| *s).collect())
        .unwrap_or_default();
    let basic = t(zh, "基本支出", "Basic");
    let project = t(zh, "项目支出", "Projects");
    let mut columns = vec![
        column(ColumnKind::Code, t(zh, "单位编码", "Unit code")),
        column(ColumnKind::Name, t(zh, "单位名称", "Unit")),
        column(ColumnKind::Amount, t(zh, "合计", "Total")),
    ];
    // Code, name and total stand over both header rows.
    let mut header: Vec<_> = columns
        .iter()
        .enumerate()
        .map(|(i, c)| head(c.label.clone(), 0, i, 2, 1))
        .collect();
    for (i, s) in sources.iter().enumerate() {
        let at = 3 + 2 * i;
        header.push(head(s.label(zh), 0, at, 1, 2));
        header.push(head(basic, 1, at, 1, 1));
        header.push(head(project, 1, at + 1, 1, 1));
        columns.push(column(
            ColumnKind::Amount,
            format!("{} {basic}", s.label(zh)),
        ));
        columns.push(column(
            ColumnKind::Amount,
            format!("{} {project}", s.label(zh)),
        ));
    }
    let row_of = |u: &crate::calc::units::UnitExpenditure, kind: RowKind, label: String| {
        let mut cells = vec![
            Cell::Text(u.code.clone()),
            Cell::Text(label.clone()),
            Cell::Amount(u.total),
        ];
        for s in &sources {
            let split = u
                .by_source
                .iter()
                .find(|(source, _)| source == s)
                .map(|(_, split)| *split)
                .unwrap_or_default();
            cells.push(Cell::Amount(split.basic));
            cells.push(Cell::Amount(split.project));
        }
        Row {
            label,
            code: None,
            kind,
            supplied: false,
            note: None,
            cells,
        }
    };
    let empty = units.is_empty();
    let mut rows = Vec::with_capacity(units.len() + 1);
    if let Some(all) = &all {
        rows.push(row_of(
            all,
            RowKind::Total,
            t(zh, "合计", "Total").to_owned(),
        ));
    }
    rows.extend(
        units
            .iter()
            .map(|u| row_of(u, RowKind::Item, u.name.clone())),
    );
    (
        Parts {
            columns,
            header,
            header_rows: 2,
            rows,
        },
        empty,
    )
}
