//! Synthetic budgets of any size, deterministic for a seed: for benchmarks, property tests and
//! the scale proof. Codes follow the real 类/款/项 structure; amounts are whole 万元 cents.

use rust_decimal::Decimal;

use crate::model::codes::EXPENDITURE_CLASSES;
use crate::model::{
    Budget, BudgetUnit, Column, EconLine, FunctionLine, IncomeSource, Money, UnitKind,
};

/// A small deterministic pseudo-random generator (SplitMix64), so budgets need no dependency
/// and are identical on every platform.
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    /// Seeded generator.
    #[must_use]
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }

    /// Next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number below `n` (n > 0).
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n.max(1)
    }
}

/// A budget with about `items` 项 lines (plus their 类 and 款), amounts on the 项 lines split
/// between 一般公共预算 and, for one line in ten, 政府性基金.
#[must_use]
pub fn function_budget(items: usize, seed: u64) -> Budget {
    let mut rng = Rng::new(seed);
    let mut budget = Budget::new("999", "合成测试部门", 2022);
    budget.profile.units = vec![BudgetUnit {
        code: "999001".into(),
        name: "合成测试部门".into(),
        kind: UnitKind::Administrative,
    }];
    let classes = EXPENDITURE_CLASSES.len();
    // Spread items over classes × 99 sections × 99 items.
    let per_class = items.div_ceil(classes).max(1);
    let sections_per_class = per_class.div_ceil(99).clamp(1, 99);
    let mut made = 0;
    for (class_code, class_name, _) in EXPENDITURE_CLASSES {
        if made >= items {
            break;
        }
        budget
            .function_lines
            .push(FunctionLine::new(class_code, class_name));
        for s in 1..=sections_per_class {
            if made >= items {
                break;
            }
            let section = format!("{class_code}{s:02}");
            budget.function_lines.push(FunctionLine::new(
                section.clone(),
                format!("{class_name}第{s}款"),
            ));
            let in_section = (per_class / sections_per_class).clamp(1, 99);
            for i in 1..=in_section {
                if made >= items {
                    break;
                }
                let mut line = FunctionLine::new(
                    format!("{section}{i:02}"),
                    format!("{class_name}第{s}款第{i}项"),
                );
                let source = if rng.below(10) == 0 {
                    IncomeSource::GovernmentFund
                } else {
                    IncomeSource::GeneralPublic
                };
                line.set(source, Column::Basic, cents(&mut rng));
                if rng.below(3) == 0 {
                    line.set(source, Column::Project, cents(&mut rng));
                }
                budget.function_lines.push(line);
                made += 1;
            }
        }
    }
    budget.economic.lines = vec![
        EconLine::new("501", "机关工资福利支出"),
        EconLine {
            amount: cents(&mut rng),
            ..EconLine::new("50101", "工资奖金津补贴")
        },
    ];
    budget.sort_lines();
    budget
}

/// An amount between 0.01 and 10,000.00 万元.
fn cents(rng: &mut Rng) -> Money {
    let value = i64::try_from(rng.below(1_000_000) + 1).unwrap_or(1);
    Money(Decimal::new(value, 2))
}
