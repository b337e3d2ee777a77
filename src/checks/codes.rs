//! Code and amount hygiene of the 功能分类 and 经济分类 lines.

use super::{Facts, Finding, Location, Rule, Severity};
use crate::model::catalogue::{Catalogue, Kind};
use crate::model::codes::{self, class_name_zh};
use crate::model::{Budget, Money, MoneyUnit, TableId};

struct LineView<'a> {
    code: &'a str,
    amounts: Vec<Money>,
    has_children: bool,
}

fn function_view(budget: &Budget, i: usize) -> Option<LineView<'_>> {
    let l = budget.function_lines.get(i)?;
    Some(LineView {
        code: &l.code,
        amounts: l
            .amounts
            .values()
            .flat_map(|s| [s.basic, s.project])
            .collect(),
        has_children: budget.function_lines.get(i + 1).is_some_and(|next| {
            next.code.len() > l.code.len() && next.code.starts_with(l.code.as_str())
        }),
    })
}

fn economic_view(budget: &Budget, i: usize) -> Option<LineView<'_>> {
    let l = budget.economic.lines.get(i)?;
    Some(LineView {
        code: &l.code,
        amounts: vec![l.amount],
        has_children: budget.economic.lines.get(i + 1).is_some_and(|next| {
            next.code.len() > l.code.len() && next.code.starts_with(l.code.as_str())
        }),
    })
}

/// Rules about codes and names: they change only when lines are added, removed or renamed.
pub(super) fn structure(budget: &Budget, out: &mut Vec<Finding>) {
    let function: Vec<(&str, &str)> = budget
        .function_lines
        .iter()
        .map(|l| (l.code.as_str(), l.name.as_str()))
        .collect();
    check_codes(&function, TableId::Expenditure, true, out);
    let economic: Vec<(&str, &str)> = budget
        .economic
        .lines
        .iter()
        .map(|l| (l.code.as_str(), l.name.as_str()))
        .collect();
    check_codes(&economic, TableId::BasicByEconomic, false, out);
    catalogue_names(&function, TableId::Expenditure, Kind::Function, out);
    catalogue_names(&economic, TableId::BasicByEconomic, Kind::Economic, out);
}

/// A name that differs from the built-in catalogue's for its code (brackets compared full-width,
/// as half-width ones are a typing variant, not another name).
fn catalogue_names(lines: &[(&str, &str)], table: TableId, kind: Kind, out: &mut Vec<Finding>) {
    let catalogue = Catalogue::built_in();
    let normal = |s: &str| s.trim().replace('(', "（").replace(')', "）");
    for &(code, name) in lines {
        let Some(entry) = catalogue.get(kind, code) else {
            continue;
        };
        if !name.trim().is_empty() && normal(name) != normal(&entry.name) {
            out.push(Finding::new(
                Severity::Warning,
                at(table, code),
                Facts::CodeNameDiffers {
                    table,
                    code: code.to_owned(),
                    name: name.to_owned(),
                    catalogue: entry.name.clone(),
                },
            ));
        }
    }
}

/// Rules about the amounts on every line.
pub(super) fn amounts(budget: &Budget, out: &mut Vec<Finding>) {
    for i in 0..budget.function_lines.len() {
        function_line_amounts(budget, i, out);
    }
    for i in 0..budget.economic.lines.len() {
        if let Some(view) = economic_view(budget, i) {
            check_amounts(&view, TableId::BasicByEconomic, budget.unit, out);
        }
    }
}

/// Rules about the amounts of one 功能分类 line.
pub(super) fn function_line_amounts(budget: &Budget, index: usize, out: &mut Vec<Finding>) {
    if let Some(view) = function_view(budget, index) {
        check_amounts(&view, TableId::Expenditure, budget.unit, out);
    }
    super::scope::income_columns(budget, index, out);
}

/// The rules [`function_line_amounts`] applies.
pub(super) const AMOUNT_RULES: [Rule; 4] = [
    Rule::AmountNegative,
    Rule::AmountPrecision,
    Rule::NotItemised,
    Rule::IncomeColumn,
];

fn at(table: TableId, code: &str) -> Location {
    Location::Table {
        table,
        code: Some(code.to_owned()),
    }
}

/// Code rules over lines sorted by code: a parent, when present, is the last 类 or 款 seen before
/// its children, and a duplicate sits next to its twin — one pass, no lookups.
fn check_codes(lines: &[(&str, &str)], table: TableId, is_function: bool, out: &mut Vec<Finding>) {
    let error = |code: &str, facts| Finding::new(Severity::Error, at(table, code), facts);
    let sorted = lines.windows(2).all(|w| w[0].0 <= w[1].0);
    let mut last_class = "";
    let mut last_section = "";
    for (i, &(code, name)) in lines.iter().enumerate() {
        let exists = |parent: &str| {
            if sorted {
                (parent.len() == 3 && last_class == parent)
                    || (parent.len() == 5 && last_section == parent)
            } else {
                lines.iter().any(|(c, _)| *c == parent)
            }
        };
        match codes::validate_form(code) {
            Err(e) => out.push(error(
                code,
                Facts::CodeFormat {
                    table,
                    code: code.to_owned(),
                    error: e,
                },
            )),
            Ok(_) => {
                if let Some(parent) = codes::parent(code)
                    && !exists(parent)
                {
                    out.push(error(
                        code,
                        Facts::CodeParent {
                            table,
                            code: code.to_owned(),
                            parent: parent.to_owned(),
                        },
                    ));
                }
                if is_function && code.len() == 3 && class_name_zh(code).is_none() {
                    out.push(Finding::new(
                        Severity::Warning,
                        at(table, code),
                        Facts::CodeUnknownClass {
                            table,
                            code: code.to_owned(),
                        },
                    ));
                }
            }
        }
        let duplicate = if sorted {
            i > 0 && lines[i - 1].0 == code
        } else {
            lines[..i].iter().any(|(c, _)| *c == code)
        };
        if duplicate {
            out.push(error(
                code,
                Facts::CodeDuplicate {
                    table,
                    code: code.to_owned(),
                },
            ));
        }
        if name.trim().is_empty() {
            out.push(error(
                code,
                Facts::NameEmpty {
                    table,
                    code: code.to_owned(),
                },
            ));
        }
        match code.len() {
            3 => last_class = code,
            5 => last_section = code,
            _ => {}
        }
    }
}

fn check_amounts(line: &LineView<'_>, table: TableId, unit: MoneyUnit, out: &mut Vec<Finding>) {
    let code = line.code;
    if line
        .amounts
        .iter()
        .any(|a| a.value().is_sign_negative() && !a.is_zero())
    {
        out.push(Finding::new(
            Severity::Error,
            at(table, code),
            Facts::AmountNegative {
                table,
                code: code.to_owned(),
            },
        ));
    }
    if line
        .amounts
        .iter()
        .any(|a| a.value().normalize().scale() > unit.decimals())
    {
        out.push(Finding::new(
            Severity::Warning,
            at(table, code),
            Facts::AmountPrecision {
                table,
                code: code.to_owned(),
                unit,
            },
        ));
    }
    let own = Money::saturating_sum(line.amounts.iter().copied());
    if line.has_children && !own.is_zero() {
        out.push(
            Finding::new(
                Severity::Warning,
                at(table, code),
                Facts::NotItemised {
                    table,
                    code: code.to_owned(),
                    amount: own,
                    unit,
                },
            )
            .with_difference(own, unit),
        );
    }
}
