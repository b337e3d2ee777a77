//! Two budgets line by line: per 功能分类 类/款/项 and per economic line, last year / this year /
//! change / %. Lines are matched by code only; a line whose code is new, or gone, is listed as
//! added or removed, and a removed and an added line with the same name are reported as a
//! possible code change — never matched silently.

use std::collections::HashMap;

use serde::Serialize;

use super::{Change, Derived};
use crate::model::codes::{Level, class_name_zh};
use crate::model::{Budget, Money, MoneyUnit};

/// Which classification a line belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum Classification {
    /// 功能分类.
    Function,
    /// 经济分类 (basic expenditure).
    Economic,
}

/// How a line differs between the years.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum LineStatus {
    /// Same code, same amount.
    Unchanged,
    /// Same code, another amount.
    Changed,
    /// Only this year has the code.
    Added,
    /// Only last year had the code.
    Removed,
}

/// One line of the comparison, amounts in this year's unit.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LineComparison {
    /// Its classification.
    pub classification: Classification,
    /// The code.
    pub code: String,
    /// 类, 款 or 项.
    pub level: Level,
    /// This year's name (last year's for a removed line).
    pub name: String,
    /// Last year's name, where it differs (a renamed line).
    pub last_name: Option<String>,
    /// Last year, this year, the change and its percent.
    pub change: Change,
    /// Added, removed, changed or not.
    pub status: LineStatus,
}

impl LineComparison {
    /// True when the line is worth listing: its amount or its name changed, or it is new or gone.
    #[must_use]
    pub fn differs(&self) -> bool {
        self.status != LineStatus::Unchanged || self.last_name.is_some()
    }
}

/// A removed and an added line of the same level and name: perhaps the same line renumbered.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CodeChange {
    /// Its classification.
    pub classification: Classification,
    /// The name both carry.
    pub name: String,
    /// Last year's code.
    pub old_code: String,
    /// This year's code.
    pub new_code: String,
}

/// Two budgets compared.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Comparison {
    /// The unit of every amount (this year's tables').
    pub unit: MoneyUnit,
    /// Every line of either year, 功能分类 first, each in code order.
    pub lines: Vec<LineComparison>,
    /// Possible renumberings, reported for the officer to judge.
    pub code_changes: Vec<CodeChange>,
    /// The total.
    pub total: Option<Change>,
    /// The economic table's total (basic expenditure).
    pub economic_total: Option<Change>,
}

impl Comparison {
    /// The lines that differ.
    pub fn differing(&self) -> impl Iterator<Item = &LineComparison> {
        self.lines.iter().filter(|l| l.differs())
    }

    /// The line of `classification` with `code`, if either year has it. Lines are kept in code
    /// order within each classification, so this is a binary search, cheap enough for every
    /// visible row of a 100,000-line table on every frame.
    #[must_use]
    pub fn line(&self, classification: Classification, code: &str) -> Option<&LineComparison> {
        let split = self
            .lines
            .partition_point(|l| l.classification == Classification::Function);
        let part = match classification {
            Classification::Function => &self.lines[..split],
            Classification::Economic => &self.lines[split..],
        };
        part.binary_search_by(|l| l.code.as_str().cmp(code))
            .ok()
            .and_then(|i| part.get(i))
    }

    /// The 类 of the 功能分类, for the comparison chart.
    pub fn classes(&self) -> impl Iterator<Item = &LineComparison> {
        self.lines
            .iter()
            .filter(|l| l.classification == Classification::Function && l.level == Level::Class)
    }
}

/// One side of the comparison: a row's code, level, name and amount.
struct Row<'a> {
    code: &'a str,
    level: Level,
    name: &'a str,
    amount: Money,
}

fn function_rows<'a>(budget: &'a Budget, derived: &'a Derived) -> Vec<Row<'a>> {
    derived
        .function
        .rows
        .iter()
        .map(|r| Row {
            code: &r.code,
            level: r.level,
            name: r
                .line
                .and_then(|l| budget.function_lines.get(l))
                .map(|l| l.name.as_str())
                .or_else(|| class_name_zh(&r.code))
                .unwrap_or(""),
            amount: r.total.total(),
        })
        .collect()
}

fn economic_rows<'a>(budget: &'a Budget, derived: &'a Derived) -> Vec<Row<'a>> {
    derived
        .economic
        .rows
        .iter()
        .map(|r| Row {
            code: &r.code,
            level: r.level,
            name: r
                .line
                .and_then(|l| budget.economic.lines.get(l))
                .map_or("", |l| l.name.as_str()),
            amount: r.total,
        })
        .collect()
}

/// Removed and added lines sharing a level and a name: how many of each, and the last of each.
#[derive(Default)]
struct Twins {
    removed: usize,
    added: usize,
    old: Option<usize>,
    new: Option<usize>,
}

/// Merges two code-sorted row lists.
fn merge(
    classification: Classification,
    last: &[Row<'_>],
    this: &[Row<'_>],
    convert: impl Fn(Money) -> Money,
    out: &mut Comparison,
) {
    let (mut i, mut j) = (0, 0);
    let mut removed: Vec<usize> = Vec::new();
    let mut added: Vec<usize> = Vec::new();
    while i < last.len() || j < this.len() {
        let order = match (last.get(i), this.get(j)) {
            (Some(a), Some(b)) => a.code.cmp(b.code),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, _) => std::cmp::Ordering::Greater,
        };
        let line = match order {
            std::cmp::Ordering::Equal => {
                let (a, b) = (&last[i], &this[j]);
                i += 1;
                j += 1;
                let change = Change::new(b.amount, convert(a.amount));
                LineComparison {
                    classification,
                    code: b.code.to_owned(),
                    level: b.level,
                    name: b.name.to_owned(),
                    last_name: (a.name != b.name).then(|| a.name.to_owned()),
                    status: if change.amount.is_zero() {
                        LineStatus::Unchanged
                    } else {
                        LineStatus::Changed
                    },
                    change,
                }
            }
            std::cmp::Ordering::Less => {
                let a = &last[i];
                i += 1;
                removed.push(out.lines.len());
                LineComparison {
                    classification,
                    code: a.code.to_owned(),
                    level: a.level,
                    name: a.name.to_owned(),
                    last_name: None,
                    change: Change::new(Money::ZERO, convert(a.amount)),
                    status: LineStatus::Removed,
                }
            }
            std::cmp::Ordering::Greater => {
                let b = &this[j];
                j += 1;
                added.push(out.lines.len());
                LineComparison {
                    classification,
                    code: b.code.to_owned(),
                    level: b.level,
                    name: b.name.to_owned(),
                    last_name: None,
                    change: Change::new(b.amount, Money::ZERO),
                    status: LineStatus::Added,
                }
            }
        };
        out.lines.push(line);
    }
    // Report same-named removed/added pairs of one level; a name shared by several lines of
    // either side is ambiguous and not reported (and nothing is ever matched by name).
    let mut by_name: HashMap<(Level, &str), Twins> = HashMap::new();
    for &r in &removed {
        let l = &out.lines[r];
        let e = by_name.entry((l.level, l.name.as_str())).or_default();
        e.removed += 1;
        e.old = Some(r);
    }
    for &a in &added {
        let l = &out.lines[a];
        if let Some(e) = by_name.get_mut(&(l.level, l.name.as_str())) {
            e.added += 1;
            e.new = Some(a);
        }
    }
    let mut found: Vec<CodeChange> = by_name
        .into_iter()
        .filter_map(|((_, name), t)| match (t.removed, t.added, t.old, t.new) {
            (1, 1, Some(r), Some(a)) if !name.is_empty() => Some(CodeChange {
                classification,
                name: name.to_owned(),
                old_code: out.lines[r].code.clone(),
                new_code: out.lines[a].code.clone(),
            }),
            _ => None,
        })
        .collect();
    found.sort_by(|a, b| a.old_code.cmp(&b.old_code));
    out.code_changes.extend(found);
}

/// Compares `this` year's budget with `last` year's, line by line, in this year's unit.
#[must_use]
pub fn compare(
    last: &Budget,
    last_derived: &Derived,
    this: &Budget,
    this_derived: &Derived,
) -> Comparison {
    let convert = |m: Money| last.unit.convert(m, this.unit);
    let mut out = Comparison {
        unit: this.unit,
        ..Comparison::default()
    };
    merge(
        Classification::Function,
        &function_rows(last, last_derived),
        &function_rows(this, this_derived),
        convert,
        &mut out,
    );
    merge(
        Classification::Economic,
        &economic_rows(last, last_derived),
        &economic_rows(this, this_derived),
        convert,
        &mut out,
    );
    out.total = Some(Change::new(
        this_derived.summary.total,
        convert(last_derived.summary.total),
    ));
    out.economic_total = Some(Change::new(
        this_derived.economic.total,
        convert(last_derived.economic.total),
    ));
    out
}
