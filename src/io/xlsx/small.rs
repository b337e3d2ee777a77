//! Reading the short tables: 三公经费 (item rows, or the one-row layout where the items are
//! columns and 机关运行经费 sits beside them), 机关运行经费 per unit, and the 收支总表's printed
//! totals.

use rust_decimal::Decimal;

use super::Problem;
use super::grid::{Grid, Value};
use super::recognise::{Frame, amount, is_total_word, source_named, squeeze};
use crate::model::codes::EXPENDITURE_CLASSES;
use crate::model::sections::SangongFigures;
use crate::model::{Figure, Money, MoneyUnit, UnitAmount};

/// A 三公 table read.
#[derive(Debug, Default)]
pub(super) struct SangongRead {
    /// This year's items.
    pub this_year: SangongFigures,
    /// Last year's, when the table has that column.
    pub last_year: Option<SangongFigures>,
    /// 机关运行经费 printed in the same table.
    pub operating: Option<Decimal>,
    /// Rows taken.
    pub rows: usize,
}

/// Which 三公 item a label names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Item {
    Abroad,
    Reception,
    Purchase,
    Running,
    Operating,
    Sum,
}

fn item_of(label: &str) -> Option<Item> {
    let s = squeeze(label);
    Some(if s.contains("机关运行经费") {
        Item::Operating
    } else if s.contains("出国") {
        Item::Abroad
    } else if s.contains("接待") {
        Item::Reception
    } else if s.ends_with("购置费") {
        // A column's label is its header cells joined: 公务用车购置及运行费 then 购置费 or 运行费
        // under it. The last words name the column; 运行费 under 购置及运行费 is not 购置.
        Item::Purchase
    } else if s.ends_with("运行费") && !s.ends_with("购置及运行费") {
        Item::Running
    } else if s.contains("购置及运行") || s.ends_with("小计") || s.ends_with("合计") {
        Item::Sum
    } else if s.contains("购置") {
        Item::Purchase
    } else if s.contains("运行") {
        Item::Running
    } else {
        return None;
    })
}

/// True for a label naming a 三公 item, a subtotal or the total.
pub(super) fn is_item(label: &str) -> bool {
    item_of(label).is_some()
}

fn set(figures: &mut SangongFigures, item: Item, value: Decimal) {
    let slot = match item {
        Item::Abroad => &mut figures.abroad,
        Item::Reception => &mut figures.reception,
        Item::Purchase => &mut figures.vehicle_purchase,
        Item::Running => &mut figures.vehicle_running,
        Item::Operating | Item::Sum => return,
    };
    *slot = Money(value);
}

/// Reads a 三公 table in either layout.
pub(super) fn sangong(
    grid: &Grid,
    frame: &Frame,
    unit: MoneyUnit,
    problems: &mut Vec<Problem>,
) -> SangongRead {
    let mut out = SangongRead::default();
    let columns: Vec<Option<Item>> = frame.labels.iter().map(|l| item_of(l)).collect();
    let across = columns
        .iter()
        .any(|c| matches!(c, Some(Item::Abroad | Item::Reception)));
    let mut take = |r: u32, c: u32| match amount(grid, r, c, unit) {
        Ok(a) => a.map_or(Decimal::ZERO, |a| a.value),
        Err(p) => {
            problems.push(p);
            Decimal::ZERO
        }
    };
    if across {
        // One data row, the items as columns (Shanghai's 三公 and 机关运行经费 table).
        let Some(r) = (frame.body..grid.height())
            .find(|&r| (0..grid.width()).any(|c| matches!(grid.value(r, c), Value::Number(_))))
        else {
            return out;
        };
        for (c, item) in columns.iter().enumerate() {
            let c = c as u32;
            match item {
                Some(Item::Operating) => out.operating = Some(take(r, c)),
                Some(item) => set(&mut out.this_year, *item, take(r, c)),
                None => {}
            }
        }
        out.rows = 1;
        return out;
    }
    let label_col = 0;
    let mut this_col = None;
    let mut last_col = None;
    let mut change_col = None;
    for (c, label) in frame.labels.iter().enumerate().skip(1) {
        let c = c as u32;
        if label.contains("上年") {
            last_col = last_col.or(Some(c));
        } else if label.contains("增减") || label.contains("变动") || label.contains('%') {
            change_col = change_col.or(Some(c));
        } else if !label.is_empty() {
            this_col = this_col.or(Some(c));
        }
    }
    let Some(this_col) = this_col else {
        return out;
    };
    let mut last = SangongFigures::default();
    for r in frame.body..grid.height() {
        let Some(item) = item_of(&grid.text(r, label_col)) else {
            continue;
        };
        set(&mut out.this_year, item, take(r, this_col));
        if let Some(c) = last_col {
            set(&mut last, item, take(r, c));
        }
        if item == Item::Operating {
            out.operating = Some(take(r, this_col));
        }
        out.rows += 1;
    }
    // Where last year is not stated the app prints its column empty of changes.
    let changes_blank = change_col.is_some_and(|c| {
        (frame.body..grid.height()).all(|r| matches!(grid.value(r, c), Value::Empty))
    });
    out.last_year = last_col.filter(|_| !changes_blank).map(|_| last);
    out
}

/// A 机关运行经费 table read.
#[derive(Debug, Default)]
pub(super) struct OperatingRead {
    /// One entry per unit (or one for the whole department).
    pub entries: Vec<UnitAmount>,
    /// Last year's total, when printed.
    pub last_year: Option<Money>,
    /// The units named, code and name.
    pub names: Vec<(String, String)>,
    /// The printed total.
    pub total: Option<Decimal>,
    /// Rows taken.
    pub rows: usize,
}

/// Reads a 机关运行经费 table: unit code, unit name, amount; 合计, 上年 and 增减 rows.
pub(super) fn operating(
    grid: &Grid,
    frame: &Frame,
    unit: MoneyUnit,
    problems: &mut Vec<Problem>,
) -> OperatingRead {
    let mut out = OperatingRead::default();
    let find = |w: &str| {
        frame
            .labels
            .iter()
            .position(|l| l.contains(w))
            .map(|c| c as u32)
    };
    let code_col = find("编码").or(find("代码"));
    let name_col = find("名称");
    let amount_col = frame
        .labels
        .iter()
        .enumerate()
        .rev()
        .find(|(c, l)| !l.is_empty() && Some(*c as u32) != code_col && Some(*c as u32) != name_col)
        .map(|(c, _)| c as u32);
    let Some(amount_col) = amount_col else {
        return out;
    };
    for r in frame.body..grid.height() {
        if grid.is_blank(r) {
            continue;
        }
        let code = code_col.map(|c| grid.text(r, c)).unwrap_or_default();
        let name = name_col.map(|c| grid.text(r, c)).unwrap_or_default();
        let value = match amount(grid, r, amount_col, unit) {
            Ok(a) => a.map(|a| a.value),
            Err(p) => {
                problems.push(p);
                continue;
            }
        };
        let label = if name.is_empty() {
            code.clone()
        } else {
            name.clone()
        };
        let s = squeeze(&label);
        if is_total_word(&code) || is_total_word(&s) {
            out.total = value;
        } else if s == "上年" || s.starts_with("上年") {
            out.last_year = value.map(Money);
        } else if s.contains("增减") || s.starts_with('注') {
            continue;
        } else {
            let unit_code = if s == "全部门" {
                String::new()
            } else {
                squeeze(&code)
            };
            if !unit_code.is_empty() {
                out.names.push((unit_code.clone(), name.clone()));
            }
            out.entries.push(UnitAmount {
                unit_code,
                amount: Money(value.unwrap_or_default()),
                note: String::new(),
            });
        }
        out.rows += 1;
    }
    if out.entries.is_empty()
        && let Some(total) = out.total
    {
        // Only the total is printed: it is the whole department's.
        out.entries.push(UnitAmount {
            unit_code: String::new(),
            amount: Money(total),
            note: String::new(),
        });
    }
    out
}

/// A figure a 收支总表 prints, and where.
#[derive(Clone, Debug)]
pub(super) struct Printed {
    /// Which figure.
    pub figure: Figure,
    /// Its printed value in the sheet's unit.
    pub value: Decimal,
    /// Its sheet row and column.
    pub at: (u32, u32),
}

/// Reads the printed figures of a 预算收支总表: income by source and in total, expenditure by 类
/// and in total.
pub(super) fn summary(
    grid: &Grid,
    frame: &Frame,
    unit: MoneyUnit,
    problems: &mut Vec<Problem>,
) -> (Vec<Printed>, usize) {
    let mut printed = Vec::new();
    let mut rows = 0;
    let items: Vec<u32> = frame
        .labels
        .iter()
        .enumerate()
        .filter(|(_, l)| l.ends_with("项目"))
        .map(|(c, _)| c as u32)
        .collect();
    let sides: Vec<(u32, u32, bool)> = items
        .iter()
        .enumerate()
        .map(|(k, c)| (*c, c + 1, k == 0))
        .collect();
    for r in frame.body..grid.height() {
        let mut used = false;
        for (label_col, amount_col, income) in &sides {
            let label = squeeze(&grid.text(r, *label_col));
            if label.is_empty() {
                continue;
            }
            let value = match amount(grid, r, *amount_col, unit) {
                Ok(a) => a.map_or(Decimal::ZERO, |a| a.value),
                Err(p) => {
                    problems.push(p);
                    continue;
                }
            };
            let figure = if *income {
                if is_total_word(&label) || label.contains("收入合计") {
                    Some(Figure::IncomeTotal)
                } else {
                    source_named(&label).map(Figure::Income)
                }
            } else if is_total_word(&label) || label.contains("支出合计") {
                Some(Figure::ExpenditureTotal)
            } else {
                let name = strip_numbering(&label);
                EXPENDITURE_CLASSES
                    .iter()
                    .find(|(_, zh, _)| *zh == name)
                    .map(|(code, _, _)| Figure::Function {
                        code: (*code).to_owned(),
                        column: crate::model::Column::Total,
                    })
            };
            if let Some(figure) = figure {
                printed.push(Printed {
                    figure,
                    value,
                    at: (r, *amount_col),
                });
                used = true;
            }
        }
        rows += usize::from(used);
    }
    (printed, rows)
}

/// A label without its numbering: `一、一般公共服务支出` and `1. 教育支出` name the class alone.
pub(super) fn strip_numbering(label: &str) -> &str {
    let head: String = label.chars().take(5).collect();
    if let Some(at) = head.find('、') {
        return &label[at + '、'.len_utf8()..];
    }
    let digits = label.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0 && label[digits..].starts_with('.') {
        return label[digits + 1..].trim_start();
    }
    label
}
