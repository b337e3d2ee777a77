//! The short tables with fixed rows: the two-sided 预算收支总表 (1) and 财政拨款收支总表 (4), which
//! set income by source against expenditure by every 类 of the standard list, and the 三公 (10) and
//! 机关运行经费 (11) tables.

use super::{Cell, ColumnKind, Parts, Row, RowKind, column, head, single_header, t};
use crate::calc::{Change, Derived};
use crate::model::codes::EXPENDITURE_CLASSES;
use crate::model::sections::SangongItem;
use crate::model::{AmountField, Budget, IncomeSource, Money, TableId};

const NUMERALS: [&str; 11] = [
    "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一",
];

fn row(label: impl Into<String>, code: Option<&str>, kind: RowKind, cells: Vec<Cell>) -> Row {
    Row {
        label: label.into(),
        code: code.map(str::to_owned),
        kind,
        supplied: false,
        note: None,
        cells,
    }
}

/// Tables 1 and 4: income by source (numbered 一、二、…) beside expenditure by 类. Table 1 takes
/// the document's income columns and every source's expenditure; table 4 the three fund types of
/// 财政拨款, with a 小计 and one column per fund type on the expenditure side.
pub(super) fn two_sided(budget: &Budget, derived: &Derived, id: TableId, zh: bool) -> Parts {
    let f = &derived.function;
    let fiscal = id == TableId::Fiscal;
    let income: &[IncomeSource] = if fiscal {
        &IncomeSource::FISCAL
    } else {
        &budget.income_columns
    };
    // Each expenditure column sums these sources.
    let spend: Vec<(String, &[IncomeSource])> = if fiscal {
        let mut v: Vec<(String, &[IncomeSource])> =
            vec![(t(zh, "小计", "Subtotal").to_owned(), &IncomeSource::FISCAL)];
        v.extend(
            IncomeSource::FISCAL
                .iter()
                .map(|s| (s.label(zh).to_owned(), std::slice::from_ref(s))),
        );
        v
    } else {
        vec![(t(zh, "金额", "Amount").to_owned(), &IncomeSource::ALL)]
    };
    let class_sum = |code: &str, sources: &[IncomeSource]| -> Money {
        f.row_of(code)
            .map_or(Money::ZERO, |r| f.cell_sum(r, sources).total())
    };
    let grand_sum = |sources: &[IncomeSource]| -> Money {
        sources.iter().map(|s| f.grand_of(*s).total()).sum()
    };

    let mut columns = vec![
        column(ColumnKind::Text, t(zh, "收入项目", "Income")),
        column(ColumnKind::Amount, t(zh, "收入金额", "Income amount")),
        column(ColumnKind::Text, t(zh, "支出项目", "Expenditure")),
    ];
    for (label, _) in &spend {
        let name = if fiscal {
            label.clone()
        } else {
            t(zh, "支出金额", "Expenditure amount").to_owned()
        };
        columns.push(column(ColumnKind::Amount, name));
    }
    let year = budget.profile.year;
    let amount_head = if fiscal {
        t(zh, "金额", "Amount").to_owned()
    } else if zh {
        format!("{year}年")
    } else {
        year.to_string()
    };
    let mut header = vec![
        head(t(zh, "收入", "Income"), 0, 0, 1, 2),
        head(t(zh, "支出", "Expenditure"), 0, 2, 1, 1 + spend.len()),
    ];
    let header_rows = if fiscal { 3 } else { 2 };
    let span = header_rows - 1;
    header.push(head(t(zh, "项目", "Item"), 1, 0, span, 1));
    header.push(head(amount_head.clone(), 1, 1, span, 1));
    header.push(head(t(zh, "项目", "Item"), 1, 2, span, 1));
    if fiscal {
        header.push(head(amount_head, 1, 3, 1, spend.len()));
        for (k, (label, _)) in spend.iter().enumerate() {
            header.push(head(label.clone(), 2, 3 + k, 1, 1));
        }
    } else {
        header.push(head(amount_head, 1, 3, 1, 1));
    }

    let mut rows = Vec::with_capacity(EXPENDITURE_CLASSES.len() + 1);
    for (i, (code, class_zh, class_en)) in EXPENDITURE_CLASSES.iter().enumerate() {
        let mut cells = match income.get(i) {
            Some(source) => {
                let label = source.label(zh);
                let numbered = match (zh, NUMERALS.get(i)) {
                    (true, Some(n)) => format!("{n}、{label}"),
                    _ => label.to_owned(),
                };
                vec![
                    Cell::Text(numbered),
                    Cell::Amount(grand_sum(std::slice::from_ref(source))),
                ]
            }
            None => vec![Cell::Blank, Cell::Blank],
        };
        let name = if zh { *class_zh } else { *class_en };
        cells.push(Cell::Text(name.to_owned()));
        for (_, sources) in &spend {
            cells.push(Cell::Amount(class_sum(code, sources)));
        }
        rows.push(row(format!("[{code}]"), Some(code), RowKind::Item, cells));
    }
    let income_total = grand_sum(income);
    let mut cells = vec![
        Cell::Text(t(zh, "本年收入合计", "Total income").to_owned()),
        Cell::Amount(income_total),
        Cell::Text(t(zh, "本年支出合计", "Total expenditure").to_owned()),
    ];
    for (_, sources) in &spend {
        cells.push(Cell::Amount(grand_sum(sources)));
    }
    rows.push(row(t(zh, "合计", "Total"), None, RowKind::Total, cells));
    Parts {
        columns,
        header,
        header_rows,
        rows,
    }
}

/// Table 10: the 三公 items this year and last, each editable, with the vehicle subtotal, the
/// total and the changes.
pub(super) fn sangong(budget: &Budget, derived: &Derived, zh: bool) -> Parts {
    let s = &budget.sangong;
    let summary = &derived.summary.sangong;
    let columns = vec![
        column(ColumnKind::Text, t(zh, "项目", "Item")),
        column(ColumnKind::Amount, t(zh, "本年", "This year")),
        column(ColumnKind::Amount, t(zh, "上年", "Last year")),
        column(ColumnKind::Amount, t(zh, "增减", "Change")),
    ];
    let header = single_header(&columns);
    let last = s.last_year.unwrap_or_default();
    let item_row = |item: SangongItem, label: &str| {
        let this_year = s.this_year.items()[item.index()].1;
        let last_year = last.items()[item.index()].1;
        let change = s.last_year.map_or(Cell::Blank, |_| {
            Cell::Change(Change::new(this_year, last_year))
        });
        let input = |value: Money, last_year: bool| Cell::Input {
            value,
            field: AmountField::Sangong { item, last_year },
        };
        row(
            label,
            None,
            RowKind::Item,
            vec![
                Cell::Text(label.to_owned()),
                input(this_year, false),
                input(last_year, true),
                change,
            ],
        )
    };
    let sum_row =
        |label: &str, this_year: Money, last_year: Option<Money>, change: Option<Change>, kind| {
            row(
                label,
                None,
                kind,
                vec![
                    Cell::Text(label.to_owned()),
                    Cell::Amount(this_year),
                    Cell::Amount(last_year.unwrap_or_default()),
                    change.map_or(Cell::Blank, Cell::Change),
                ],
            )
        };
    let vehicles = t(zh, "公务用车购置及运行费", "Official vehicles");
    let total = t(zh, "合计", "Total");
    let last_vehicles = s.last_year.map(|l| l.vehicles());
    let total_row = sum_row(
        total,
        summary.this_year.total(),
        summary.last_year.map(|l| l.total()),
        summary.change,
        RowKind::Total,
    );
    let rows = vec![
        item_row(
            SangongItem::Abroad,
            t(zh, "因公出国（境）费", "Official travel abroad"),
        ),
        item_row(
            SangongItem::Reception,
            t(zh, "公务接待费", "Official receptions"),
        ),
        sum_row(
            vehicles,
            s.this_year.vehicles(),
            last_vehicles,
            last_vehicles.map(|l| Change::new(s.this_year.vehicles(), l)),
            RowKind::Subtotal,
        ),
        item_row(
            SangongItem::VehiclePurchase,
            t(zh, "①公务用车购置费", "① vehicle purchase"),
        ),
        item_row(
            SangongItem::VehicleRunning,
            t(zh, "②公务用车运行维护费", "② vehicle running costs"),
        ),
        total_row,
    ];
    Parts {
        columns,
        header,
        header_rows: 1,
        rows,
    }
}

/// Table 11: 机关运行经费 per unit (or for the whole department), with last year and the change.
pub(super) fn operating(budget: &Budget, derived: &Derived, zh: bool) -> Parts {
    let o = &budget.operating_costs;
    let summary = &derived.summary;
    let columns = vec![
        column(ColumnKind::Code, t(zh, "单位编码", "Unit code")),
        column(ColumnKind::Text, t(zh, "单位名称", "Unit name")),
        column(ColumnKind::Amount, t(zh, "金额", "Amount")),
    ];
    let header = single_header(&columns);
    let total = t(zh, "合计", "Total");
    let mut rows = vec![row(
        total,
        None,
        RowKind::Total,
        vec![
            Cell::Text(total.to_owned()),
            Cell::Blank,
            Cell::Amount(summary.operating),
        ],
    )];
    for (entry, e) in o.entries.iter().enumerate() {
        let name = if e.unit_code.is_empty() {
            t(zh, "全部门", "Whole department")
        } else {
            budget.unit_name(&e.unit_code)
        };
        let mut r = row(
            name,
            None,
            RowKind::Item,
            vec![
                Cell::Text(e.unit_code.clone()),
                Cell::Text(name.to_owned()),
                Cell::Input {
                    value: e.amount,
                    field: AmountField::OperatingCosts { entry },
                },
            ],
        );
        r.note = Some(e.note.clone()).filter(|n| !n.is_empty());
        rows.push(r);
    }
    let last = t(zh, "上年", "Last year");
    rows.push(row(
        last,
        None,
        RowKind::Item,
        vec![
            Cell::Blank,
            Cell::Text(last.to_owned()),
            Cell::Input {
                value: o.last_year.unwrap_or_default(),
                field: AmountField::OperatingCostsLastYear,
            },
        ],
    ));
    let change = t(zh, "增减", "Change");
    rows.push(row(
        change,
        None,
        RowKind::Item,
        vec![
            Cell::Blank,
            Cell::Text(change.to_owned()),
            summary.operating_change.map_or(Cell::Blank, Cell::Change),
        ],
    ));
    Parts {
        columns,
        header,
        header_rows: 1,
        rows,
    }
}
