//! Rules about what a document may contain at all: economic codes of the table's own code set,
//! the codes a template prints, money only in income sources the tables show, and totals within
//! the range exact arithmetic covers.

use super::{Facts, Finding, Location, Severity};
use crate::calc::Derived;
use crate::model::economic::EconScheme;
use crate::model::{Budget, Money, MoneyUnit, TableId};

/// Rules that change only when codes, units or the profile change.
pub(super) fn structure(budget: &Budget, out: &mut Vec<Finding>) {
    economic_scheme(budget, out);
    codes_printed(budget, out);
}

/// Rules over amounts and derived totals, rerun after every edit.
pub(super) fn check(budget: &Budget, derived: &Derived, out: &mut Vec<Finding>) {
    totals_in_range(budget, derived, out);
}

/// The first digit of the class codes of each scheme: 5xx for the government set, 3xx for the
/// departmental one. A line of the other set would be summed as if it were comparable, and its
/// staff/running grouping would be guessed from the wrong list.
fn scheme_digit(scheme: EconScheme) -> char {
    match scheme {
        EconScheme::Government => '5',
        EconScheme::Department => '3',
    }
}

fn economic_scheme(budget: &Budget, out: &mut Vec<Finding>) {
    let scheme = budget.economic.scheme;
    let digit = scheme_digit(scheme);
    for line in &budget.economic.lines {
        // Malformed codes are the code rules' business; only a well-formed code of the other
        // set is reported here.
        let Some(first) = line.code.chars().next() else {
            continue;
        };
        if !line.code.chars().all(|c| c.is_ascii_digit()) || first == digit {
            continue;
        }
        out.push(Finding::new(
            Severity::Error,
            Location::Table {
                table: TableId::BasicByEconomic,
                code: Some(line.code.clone()),
            },
            Facts::EconomicScheme {
                code: line.code.clone(),
                scheme,
            },
        ));
    }
}

fn codes_printed(budget: &Budget, out: &mut Vec<Finding>) {
    if !budget.template().unit_codes {
        return;
    }
    let profile = &budget.profile;
    if profile.department_code.trim().is_empty() {
        out.push(Finding::new(
            Severity::Error,
            Location::Profile,
            Facts::DepartmentCodeEmpty,
        ));
    }
    for unit in &profile.units {
        if unit.code.trim().is_empty() {
            out.push(Finding::new(
                Severity::Error,
                Location::Profile,
                Facts::UnitCodeEmpty {
                    name: unit.name.clone(),
                },
            ));
        }
    }
}

/// Money of 功能分类 line `index` in an income source the tables show no column for. One line at
/// a time: it is one of the amount rules rerun for the edited line only (a keystroke must not
/// look at 100,000 lines).
pub(super) fn income_columns(budget: &Budget, index: usize, out: &mut Vec<Finding>) {
    if let Some(line) = budget.function_lines.get(index) {
        for (source, split) in line.amounts.iter() {
            let amount = split.total();
            if amount.is_zero() || budget.income_columns.contains(source) {
                continue;
            }
            out.push(
                Finding::new(
                    Severity::Error,
                    Location::Table {
                        table: TableId::Income,
                        code: Some(line.code.clone()),
                    },
                    Facts::IncomeOutsideColumns {
                        code: line.code.clone(),
                        source: *source,
                        amount,
                        unit: budget.unit,
                    },
                )
                .with_difference(amount, budget.unit),
            );
        }
    }
}

fn totals_in_range(budget: &Budget, derived: &Derived, out: &mut Vec<Finding>) {
    let totals: [(TableId, Money, MoneyUnit); 4] = [
        (
            TableId::Expenditure,
            derived.function.grand.total(),
            budget.unit,
        ),
        (
            TableId::BasicByEconomic,
            derived.economic.total,
            budget.unit,
        ),
        (
            TableId::Sangong,
            budget.sangong.this_year.total(),
            budget.sangong.unit,
        ),
        (
            TableId::OperatingCosts,
            derived.summary.operating,
            budget.operating_costs.unit,
        ),
    ];
    for (table, amount, unit) in totals {
        if amount.reaches_limit(unit) {
            out.push(Finding::new(
                Severity::Error,
                Location::Table { table, code: None },
                Facts::TotalOutOfRange {
                    table,
                    amount,
                    unit,
                },
            ));
        }
    }
}
