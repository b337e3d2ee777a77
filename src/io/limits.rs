//! The magnitude limit that depends on a section's unit. Every amount is checked against 10^15
//! while it is read; an amount in a 万元 section must also stay below 10^11 万元 (the same 10^15 元),
//! which can only be checked once the file's units are known. The offending amount is then found
//! again in the text, after the line or section it belongs to, to report its position.

use crate::model::strict::amount_limit;
use crate::model::{Budget, Money, MoneyUnit};

/// An amount above its section's limit: where it sits in the document and its value.
#[derive(Debug, PartialEq, Eq)]
pub struct Excess {
    /// Where the amount sits, e.g. `function_lines[2080505].GeneralPublic.basic`.
    pub field: String,
    /// The amount as written.
    pub value: Money,
    /// The unit of its section.
    pub unit: MoneyUnit,
    /// Text to look for, in order, before the amount itself (section name, line code).
    anchors: Vec<String>,
}

impl Excess {
    /// 1-based line and column of the amount in `text` (best effort: the first occurrence of the
    /// written amount after the anchors; the field name in the message says exactly which).
    #[must_use]
    pub fn position(&self, text: &str) -> (usize, usize) {
        let mut from = 0;
        for anchor in &self.anchors {
            if let Some(at) = text.get(from..).and_then(|t| t.find(anchor.as_str())) {
                from += at + anchor.len();
            }
        }
        let literal = format!("\"{}\"", self.value);
        let at = text
            .get(from..)
            .and_then(|t| t.find(&literal))
            .map(|at| from + at)
            .or_else(|| text.find(&literal))
            .unwrap_or(0);
        let before = text.get(..at).unwrap_or("");
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        (line, column)
    }

    /// The message, in Chinese and English.
    #[must_use]
    pub fn messages(&self) -> (String, String) {
        let limit = amount_limit(self.unit).normalize();
        (
            format!(
                "{} 的金额 \"{}\" 过大：{}表的金额须小于 {limit} {}（即 10^15 元）",
                self.field,
                self.value,
                self.unit.label_zh(),
                self.unit.label_zh()
            ),
            format!(
                "amount \"{}\" of {} is too large: amounts in {} must be below {limit} {} (10^15 yuan)",
                self.value,
                self.field,
                self.unit.label_en(),
                self.unit.label_en()
            ),
        )
    }
}

/// Field name and anchors of an amount, built only for the one that is reported: checking every
/// amount of a 100,000-line file must not allocate.
type Describe<'a> = &'a dyn Fn() -> (String, Vec<String>);

/// The first amount that is not below its section's limit, if any.
#[must_use]
pub fn first_excess(budget: &Budget) -> Option<Excess> {
    let mut found = None;
    let (yuan, wan) = (
        amount_limit(MoneyUnit::Yuan),
        amount_limit(MoneyUnit::WanYuan),
    );
    let mut check = |unit: MoneyUnit, value: Money, describe: Describe<'_>| {
        let limit = match unit {
            MoneyUnit::Yuan => yuan,
            MoneyUnit::WanYuan => wan,
        };
        if found.is_none() && value.value().abs() >= limit {
            let (field, anchors) = describe();
            found = Some(Excess {
                field,
                value,
                unit,
                anchors,
            });
        }
    };
    let anchors = |list: &[&str]| list.iter().map(|a| (*a).to_owned()).collect::<Vec<_>>();
    let unit = budget.unit;
    for line in &budget.function_lines {
        let code = || format!("\"{}\"", line.code);
        for (source, split) in line.amounts.iter() {
            for (column, value) in [("basic", split.basic), ("project", split.project)] {
                check(unit, value, &|| {
                    let field = format!("function_lines[{}].{source:?}.{column}", line.code);
                    (field, anchors(&["function_lines", &code()]))
                });
            }
        }
    }
    for line in &budget.economic.lines {
        check(unit, line.amount, &|| {
            let field = format!("economic.lines[{}].amount", line.code);
            let code = format!("\"{}\"", line.code);
            (field, anchors(&["economic", &code]))
        });
    }
    for (i, stated) in budget.stated.iter().enumerate() {
        check(unit, stated.value, &|| {
            (format!("stated[{i}].value"), anchors(&["stated"]))
        });
    }
    let ly = &budget.last_year;
    for (name, value) in [
        ("income_total", ly.income_total),
        ("expenditure_total", ly.expenditure_total),
        ("general_public", ly.general_public),
    ] {
        if let Some(value) = value {
            check(unit, value, &|| {
                (format!("last_year.{name}"), anchors(&[name]))
            });
        }
    }
    let sg = &budget.sangong;
    let years = [
        ("this_year", Some(sg.this_year)),
        ("last_year", sg.last_year),
    ];
    for (year, figures) in years {
        for (item, value) in figures.iter().flat_map(|f| f.items()) {
            check(sg.unit, value, &|| {
                let field = format!("sangong.{year}.{item:?}");
                (field, anchors(&["sangong", year]))
            });
        }
    }
    let oc = &budget.operating_costs;
    for (i, entry) in oc.entries.iter().enumerate() {
        check(oc.unit, entry.amount, &|| {
            let field = format!("operating_costs.entries[{i}].amount");
            (field, anchors(&["operating_costs"]))
        });
    }
    if let Some(value) = oc.last_year {
        check(oc.unit, value, &|| {
            let field = "operating_costs.last_year".to_owned();
            (field, anchors(&["operating_costs", "last_year"]))
        });
    }
    let pr = &budget.procurement;
    for (name, value) in [
        ("goods", Some(pr.goods)),
        ("works", Some(pr.works)),
        ("services", Some(pr.services)),
        ("last_year", pr.last_year),
    ] {
        if let Some(value) = value {
            check(pr.unit, value, &|| {
                (
                    format!("procurement.{name}"),
                    anchors(&["procurement", name]),
                )
            });
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Column, FunctionLine, IncomeSource};

    #[test]
    fn a_wan_yuan_amount_above_the_limit_is_found_where_it_is() {
        let mut budget = Budget::new("402", "test", 2022);
        let mut line = FunctionLine::new("2080505", "test");
        let huge = Money("100000000000.00".parse().unwrap());
        line.set(IncomeSource::GeneralPublic, Column::Basic, huge);
        budget.function_lines.push(line);
        let excess = first_excess(&budget).unwrap();
        assert_eq!(excess.field, "function_lines[2080505].GeneralPublic.basic");
        let text = "(\n  function_lines: [\n    (code: \"2080505\", amounts: {GeneralPublic: (basic: \"100000000000.00\")}),\n  ],\n)";
        assert_eq!(excess.position(text), (3, 56));
        // The same figure is fine in 元.
        budget.unit = MoneyUnit::Yuan;
        assert_eq!(first_excess(&budget), None);
    }
}
