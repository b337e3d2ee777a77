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

/// Tables 1 and 4: income by source beside expenditure by 类. Table 1 takes the document's
/// income columns and every source's expenditure; table 4 the three fund types of 财政拨款, with a
/// total and one column per fund type on the expenditure side. Shanxi lists every 类 of the
/// standard list; Shanghai only those with money, numbered, and groups 财政拨款收入 in table 1.
pub(super) fn two_sided(budget: &Budget, derived: &Derived, id: TableId, zh: bool) -> Parts {
    let f = &derived.function;
    let template = budget.template();
    // Only the 类 with money, numbered 一、二…, under the wording that layout prints with them
    // (合计 rather than 小计, one header row fewer); otherwise every 类 of the standard list.
    let numbered_classes = !template.all_classes_in_summaries;
    let fiscal = id == TableId::Fiscal;
    let grand_sum = |sources: &[IncomeSource]| -> Money {
        Money::saturating_sum(sources.iter().map(|s| f.grand_of(*s).total()))
    };
    let class_sum = |code: &str, sources: &[IncomeSource]| -> Money {
        f.row_of(code)
            .map_or(Money::ZERO, |r| f.cell_sum(r, sources).total())
    };
    let numbered = |i: usize, label: &str| match (zh, NUMERALS.get(i)) {
        (true, Some(n)) => format!("{n}、{label}"),
        _ => label.to_owned(),
    };

    // The income side: labels and amounts.
    let fund_label = |s: IncomeSource| -> String {
        match (numbered_classes && zh, s) {
            (true, IncomeSource::GeneralPublic) => "一般公共预算资金".to_owned(),
            (true, IncomeSource::GovernmentFund) => "政府性基金".to_owned(),
            _ => s.label(zh).to_owned(),
        }
    };
    let mut income: Vec<(String, Money)> = Vec::new();
    if fiscal {
        for (i, s) in IncomeSource::FISCAL.iter().enumerate() {
            income.push((
                numbered(i, &fund_label(*s)),
                grand_sum(std::slice::from_ref(s)),
            ));
        }
    } else if numbered_classes {
        let fiscal_label = t(zh, "财政拨款收入", "Fiscal appropriations");
        income.push((numbered(0, fiscal_label), grand_sum(&IncomeSource::FISCAL)));
        for (k, s) in IncomeSource::FISCAL.iter().enumerate() {
            let label = format!("{}. {}", k + 1, fund_label(*s));
            income.push((label, grand_sum(std::slice::from_ref(s))));
        }
        let others = budget.income_columns.iter().filter(|s| !s.is_fiscal());
        for (k, s) in others.enumerate() {
            income.push((
                numbered(k + 1, s.label(zh)),
                grand_sum(std::slice::from_ref(s)),
            ));
        }
    } else {
        for (i, s) in budget.income_columns.iter().enumerate() {
            income.push((numbered(i, s.label(zh)), grand_sum(std::slice::from_ref(s))));
        }
    }
    let income_sources: &[IncomeSource] = if fiscal || numbered_classes {
        &IncomeSource::FISCAL
    } else {
        &budget.income_columns
    };
    let income_total = if fiscal || !numbered_classes {
        grand_sum(income_sources)
    } else {
        grand_sum(&IncomeSource::ALL)
    };

    // The expenditure side: each column sums these sources.
    let spend: Vec<(String, &[IncomeSource])> = if fiscal {
        let total = t(
            zh,
            if numbered_classes { "合计" } else { "小计" },
            "Subtotal",
        );
        let mut v: Vec<(String, &[IncomeSource])> = vec![(total.to_owned(), &IncomeSource::FISCAL)];
        v.extend(
            IncomeSource::FISCAL
                .iter()
                .map(|s| (s.label(zh).to_owned(), std::slice::from_ref(s))),
        );
        v
    } else {
        vec![(
            t(zh, "支出金额", "Expenditure amount").to_owned(),
            &IncomeSource::ALL,
        )]
    };
    let mut classes: Vec<(&str, &str)> = Vec::new();
    for (code, class_zh, class_en) in &EXPENDITURE_CLASSES {
        let money = spend.iter().any(|(_, s)| !class_sum(code, s).is_zero());
        if !numbered_classes || money {
            classes.push((code, if zh { class_zh } else { class_en }));
        }
    }

    let mut columns = vec![
        column(ColumnKind::Text, t(zh, "收入项目", "Income")),
        column(ColumnKind::Amount, t(zh, "收入金额", "Income amount")),
        column(ColumnKind::Text, t(zh, "支出项目", "Expenditure")),
    ];
    for (label, _) in &spend {
        columns.push(column(ColumnKind::Amount, label.clone()));
    }
    let header_rows = if fiscal && !numbered_classes { 3 } else { 2 };
    let (income_head, spend_head) = match (fiscal, numbered_classes) {
        (true, true) => ("财政拨款收入", "财政拨款支出"),
        (false, true) => ("本年收入", "本年支出"),
        _ => ("收入", "支出"),
    };
    let mut header = vec![
        head(t(zh, income_head, "Income"), 0, 0, 1, 2),
        head(t(zh, spend_head, "Expenditure"), 0, 2, 1, 1 + spend.len()),
    ];
    let year = budget.profile.year;
    let amount_head = match (fiscal, numbered_classes, zh) {
        (_, true, true) => "预算数".to_owned(),
        (true, false, true) => "金额".to_owned(),
        (false, false, true) => format!("{year}年"),
        (_, _, false) => "Amount".to_owned(),
    };
    let span = header_rows - 1;
    header.push(head(t(zh, "项目", "Item"), 1, 0, span, 1));
    header.push(head(amount_head.clone(), 1, 1, span, 1));
    header.push(head(t(zh, "项目", "Item"), 1, 2, span, 1));
    if header_rows == 3 {
        header.push(head(amount_head, 1, 3, 1, spend.len()));
        for (k, (label, _)) in spend.iter().enumerate() {
            header.push(head(label.clone(), 2, 3 + k, 1, 1));
        }
    } else if fiscal {
        for (k, (label, _)) in spend.iter().enumerate() {
            header.push(head(label.clone(), 1, 3 + k, 1, 1));
        }
    } else {
        header.push(head(amount_head, 1, 3, 1, 1));
    }

    let height = income.len().max(classes.len());
    let mut rows = Vec::with_capacity(height + 1);
    for i in 0..height {
        let mut cells = match income.get(i) {
            Some((label, amount)) => vec![Cell::Text(label.clone()), Cell::Amount(*amount)],
            None => vec![Cell::Blank, Cell::Blank],
        };
        let code = classes.get(i).map(|(code, name)| {
            let name = if numbered_classes {
                numbered(i, name)
            } else {
                (*name).to_owned()
            };
            cells.push(Cell::Text(name));
            for (_, sources) in &spend {
                cells.push(Cell::Amount(class_sum(code, sources)));
            }
            *code
        });
        if code.is_none() {
            cells.resize(3 + spend.len(), Cell::Blank);
        }
        let label = match (code, income.get(i)) {
            (Some(code), _) => format!("[{code}]"),
            (None, Some((label, _))) => label.clone(),
            (None, None) => String::new(),
        };
        rows.push(row(label, code, RowKind::Item, cells));
    }
    let (income_total_label, spend_total_label) = if numbered_classes {
        (
            t(zh, "收入总计", "Total income"),
            t(zh, "支出总计", "Total expenditure"),
        )
    } else {
        (
            t(zh, "本年收入合计", "Total income"),
            t(zh, "本年支出合计", "Total expenditure"),
        )
    };
    let mut cells = vec![
        Cell::Text(income_total_label.to_owned()),
        Cell::Amount(income_total),
        Cell::Text(spend_total_label.to_owned()),
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
    if o.entries.is_empty() {
        // A new budget: one department-wide row to type the figure in (typing makes the entry).
        let name = t(zh, "全部门", "Whole department");
        rows.push(row(
            name,
            None,
            RowKind::Item,
            vec![
                Cell::Blank,
                Cell::Text(name.to_owned()),
                Cell::Input {
                    value: Money::ZERO,
                    field: AmountField::OperatingCosts { entry: 0 },
                },
            ],
        ));
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

/// Shanghai's table 9: 三公经费 (total, 出国, 接待, vehicles with 购置 and 运行) and 机关运行经费 in one
/// row, in the 三公 section's unit.
pub(super) fn sangong_and_operating(budget: &Budget, derived: &Derived, zh: bool) -> Parts {
    let s = &budget.sangong;
    let o = &budget.operating_costs;
    let figures = &derived.summary.sangong.this_year;
    let labels = [
        t(zh, "合计", "Total"),
        t(zh, "因公出国(境)费", "Travel abroad"),
        t(zh, "公务接待费", "Receptions"),
        t(zh, "小计", "Vehicles"),
        t(zh, "购置费", "Vehicle purchase"),
        t(zh, "运行费", "Vehicle running"),
        t(zh, "机关运行经费预算数", "Agency operating costs"),
    ];
    let columns = labels
        .iter()
        .map(|l| column(ColumnKind::Amount, *l))
        .collect();
    let header = vec![
        head(
            t(zh, "“三公”经费预算数", "\"Three public\" costs"),
            0,
            0,
            1,
            6,
        ),
        head(labels[6], 0, 6, 3, 1),
        head(labels[0], 1, 0, 2, 1),
        head(labels[1], 1, 1, 2, 1),
        head(labels[2], 1, 2, 2, 1),
        head(
            t(zh, "公务用车购置及运行费", "Official vehicles"),
            1,
            3,
            1,
            3,
        ),
        head(labels[3], 2, 3, 1, 1),
        head(labels[4], 2, 4, 1, 1),
        head(labels[5], 2, 5, 1, 1),
    ];
    let input = |item: SangongItem| Cell::Input {
        value: s.this_year.items()[item.index()].1,
        field: AmountField::Sangong {
            item,
            last_year: false,
        },
    };
    // 机关运行经费 is edited here when it is one entry in the same unit; otherwise it is the
    // derived total, converted into this table's unit.
    let operating = match o.entries.as_slice() {
        // A new budget has no entry yet: typing here makes the department-wide one.
        [] | [_] if o.unit == s.unit => Cell::Input {
            value: derived.summary.operating,
            field: AmountField::OperatingCosts { entry: 0 },
        },
        _ => Cell::Amount(o.unit.convert(derived.summary.operating, s.unit)),
    };
    let cells = vec![
        Cell::Amount(figures.total()),
        input(SangongItem::Abroad),
        input(SangongItem::Reception),
        Cell::Amount(figures.vehicles()),
        input(SangongItem::VehiclePurchase),
        input(SangongItem::VehicleRunning),
        operating,
    ];
    let label = t(zh, "预算数", "Budget");
    Parts {
        columns,
        header,
        header_rows: 3,
        rows: vec![row(label, None, RowKind::Item, cells)],
    }
}
