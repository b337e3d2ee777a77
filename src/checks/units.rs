//! Rules across a department and its units, read from the department's file (the published
//! department, summed from its units, no longer says which unit holds a budget).

use std::collections::BTreeMap;

use super::{Facts, Finding, Location, Severity};
use crate::calc::units::has_unit_budgets;
use crate::model::Budget;

/// The findings about the units themselves: a code used twice; a unit left without a budget in
/// a department whose figures are its units'.
#[must_use]
pub fn across_units(file: &Budget) -> Vec<Finding> {
    let mut out = Vec::new();
    let mut by_code: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    for u in &file.profile.units {
        if !u.code.trim().is_empty() {
            by_code
                .entry(u.code.trim())
                .or_default()
                .push(u.name.clone());
        }
    }
    for (code, names) in by_code {
        if names.len() > 1 {
            out.push(Finding::new(
                Severity::Error,
                Location::Profile,
                Facts::UnitCodeTwice {
                    code: code.to_owned(),
                    names,
                },
            ));
        }
    }
    if has_unit_budgets(file) {
        for u in &file.profile.units {
            if u.budget.is_none() && !u.merged {
                out.push(Finding::new(
                    Severity::Warning,
                    Location::Profile,
                    Facts::UnitWithoutBudget {
                        unit_name: u.name.clone(),
                    },
                ));
            }
        }
    }
    out
}
