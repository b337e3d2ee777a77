//! Properties over generated budgets: save → load is the identity, and every total is the sum of
//! the leaves below it.

#![allow(clippy::unwrap_used)] // test helpers may panic on bad fixtures

use std::path::Path;

use budget_studio::calc::derive;
use budget_studio::io::{from_ron_str, to_ron_string};
use budget_studio::model::codes::Level;
use budget_studio::model::{Column, IncomeSource, Money, Split};
use budget_studio::synth::function_budget;
use proptest::prelude::*;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn save_then_load_is_identity(items in 0usize..400, seed in any::<u64>()) {
        let budget = function_budget(items, seed);
        let text = to_ron_string(&budget).unwrap();
        let back = from_ron_str(&text, Path::new("p.ron")).unwrap();
        prop_assert_eq!(&back, &budget);
        prop_assert_eq!(to_ron_string(&back).unwrap(), text);
    }

    #[test]
    fn every_total_is_the_sum_of_its_leaves(items in 1usize..400, seed in any::<u64>(), drop_every in 2usize..9) {
        let mut budget = function_budget(items, seed);
        // Remove some 类/款 lines so that derived parents are supplied too.
        let mut i = 0;
        budget.function_lines.retain(|l| {
            i += 1;
            l.code.len() == 7 || i % drop_every != 0
        });
        let derived = derive(&budget);
        let table = &derived.function;
        let mut grand = Split::default();
        for line in &budget.function_lines {
            for split in line.amounts.values() {
                grand = add(grand, *split);
            }
        }
        prop_assert_eq!(table.grand, grand);
        for (r, row) in table.rows.iter().enumerate() {
            let mut sum = Split::default();
            let mut gp = Money::ZERO;
            for line in budget.function_lines.iter().filter(|l| l.code.starts_with(row.code.as_str())) {
                for split in line.amounts.values() {
                    sum = add(sum, *split);
                }
                gp = gp.checked_add(line.split(IncomeSource::GeneralPublic).total()).unwrap();
            }
            prop_assert_eq!(row.total, sum, "row {}", row.code);
            prop_assert_eq!(table.cell(r, IncomeSource::GeneralPublic).total(), gp);
            if row.level == Level::Class {
                prop_assert_eq!(table.figure(&row.code, Column::Total), Some(sum.total()));
            }
        }
        let class_sum = Money::checked_sum(derived.summary.classes.iter().map(|c| c.amounts.total())).unwrap();
        prop_assert_eq!(class_sum, grand.total());
        let share_sum: rust_decimal::Decimal = derived.summary.classes.iter().map(|c| c.share).sum();
        if !grand.total().is_zero() {
            prop_assert_eq!(share_sum, rust_decimal::Decimal::ONE_HUNDRED);
        }
    }
}

/// The expected sum, computed independently of the roll-up; these amounts never come near the edge
/// of a decimal's range, so an overflow here is a failure of the test's own data.
fn add(a: Split, b: Split) -> Split {
    Split {
        basic: a.basic.checked_add(b.basic).unwrap(),
        project: a.project.checked_add(b.project).unwrap(),
    }
}
