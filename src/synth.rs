//! Synthetic budgets of any size, deterministic for a seed: for the scale proof, benchmarks and
//! property tests. Codes follow the real 类/款/项 structure, money is split between 一般公共预算 and
//! 政府性基金 and between basic and project expenditure, the economic table matches basic
//! expenditure, and performance projects (one per ~50 lines) carry exactly the project expenditure —
//! so a generated budget passes every check, and any finding in it is news.

use rust_decimal::Decimal;

use crate::model::codes::EXPENDITURE_CLASSES;
use crate::model::{
    Budget, BudgetUnit, Column, EconLine, FunctionLine, IncomeSource, Indicator, IndicatorKind,
    Money, MoneyUnit, OfficeArea, Project, UnitAmount, UnitKind,
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

const SECTIONS: [&str; 8] = [
    "行政事业单位支出",
    "管理事务",
    "专项业务",
    "发展与改革",
    "监督管理",
    "补助支出",
    "服务保障",
    "其他支出",
];

const ITEMS: [&str; 8] = [
    "行政运行",
    "一般行政管理事务",
    "机关服务",
    "专项业务活动",
    "信息化建设",
    "监测与评估",
    "事业运行",
    "其他支出",
];

/// An amount between 0.01 and 10,000.00 万元.
fn cents(rng: &mut Rng) -> Money {
    let value = i64::try_from(rng.below(1_000_000) + 1).unwrap_or(1);
    Money(Decimal::new(value, 2))
}

/// A budget with `items` 项 lines (plus their 类 and 款 lines), amounts on the 项 lines.
#[must_use]
pub fn function_budget(items: usize, seed: u64) -> Budget {
    let mut rng = Rng::new(seed);
    let mut budget = Budget::new("999", "合成测试部门", 2022);
    budget.profile.units = vec![
        BudgetUnit {
            code: "999001".into(),
            name: "合成测试部门本级".into(),
            kind: UnitKind::Administrative,
            merged: false,
            budget: None,
        },
        BudgetUnit {
            code: "999002".into(),
            name: "合成测试部门服务中心".into(),
            kind: UnitKind::Institution,
            merged: false,
            budget: None,
        },
    ];
    let classes = EXPENDITURE_CLASSES.len();
    let per_class = items.div_ceil(classes).max(1);
    let sections_per_class = per_class.div_ceil(99).clamp(1, 99);
    let in_section = per_class.div_ceil(sections_per_class).clamp(1, 99);
    let mut made = 0;
    'classes: for (class_code, class_name, _) in EXPENDITURE_CLASSES {
        if made >= items {
            break;
        }
        budget
            .function_lines
            .push(FunctionLine::new(class_code, class_name));
        for s in 1..=sections_per_class {
            if made >= items {
                break 'classes;
            }
            let section = format!("{class_code}{s:02}");
            // A code the 科目 catalogue knows carries its name there, as a real budget's would.
            let catalogue = crate::model::catalogue::Catalogue::built_in();
            let kind = crate::model::catalogue::Kind::Function;
            let section_name = catalogue.get(kind, &section).map_or_else(
                || format!("{}（{s}）", SECTIONS[(s - 1) % SECTIONS.len()]),
                |e| e.name.clone(),
            );
            budget
                .function_lines
                .push(FunctionLine::new(section.clone(), section_name));
            for i in 1..=in_section {
                if made >= items {
                    break 'classes;
                }
                let code = format!("{section}{i:02}");
                let name = catalogue.get(kind, &code).map_or_else(
                    || format!("{}（{i}）", ITEMS[(i - 1) % ITEMS.len()]),
                    |e| e.name.clone(),
                );
                let mut line = FunctionLine::new(code, name);
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
    budget.sort_lines();
    budget
}

/// A complete synthetic budget of about `lines` 功能分类 lines: economic table equal to the
/// 一般公共预算 basic expenditure, performance projects carrying the project expenditure, and
/// the other sections filled, so that it passes every check.
#[must_use]
pub fn generate(lines: usize, seed: u64) -> Budget {
    let items = lines.saturating_sub(lines / 40).max(1);
    let mut budget = function_budget(items, seed);
    let mut rng = Rng::new(seed ^ 0x5EED);
    let gp_basic = Money::saturating_sum(
        budget
            .function_lines
            .iter()
            .map(|l| l.split(IncomeSource::GeneralPublic).basic),
    );
    // Economic table: shares of basic expenditure, the last line taking the rest exactly.
    let parts = [
        ("50101", "工资奖金津补贴", 55),
        ("50102", "社会保障缴费", 15),
        ("50103", "住房公积金", 6),
        ("50201", "办公经费", 14),
        ("50206", "公务接待费", 0),
        ("50299", "其他商品和服务支出", 10),
    ];
    let mut lines_econ = vec![
        EconLine::new("501", "机关工资福利支出"),
        EconLine::new("502", "机关商品和服务支出"),
    ];
    let mut given = Money::ZERO;
    for (k, (code, name, pct)) in parts.iter().enumerate() {
        let amount = if k + 1 == parts.len() {
            gp_basic.saturating_sub(given)
        } else {
            Money(gp_basic.value() * Decimal::from(*pct) / Decimal::ONE_HUNDRED).round_dp(2)
        };
        given = given.saturating_add(amount);
        lines_econ.push(EconLine {
            amount,
            ..EconLine::new(*code, *name)
        });
    }
    budget.economic.lines = lines_econ;
    budget.sort_lines();

    // Projects: one per ~50 lines, funds in 元 summing exactly to the project expenditure.
    let project_total = Money::saturating_sum(
        budget
            .function_lines
            .iter()
            .flat_map(|l| l.amounts.values().map(|s| s.project)),
    );
    let project_yuan = MoneyUnit::WanYuan.convert(project_total, MoneyUnit::Yuan);
    let count = (lines / 50).max(1);
    let mut remaining = project_yuan;
    let indicators = vec![
        Indicator {
            kind: IndicatorKind::Quantity,
            name: "完成事项数量".into(),
            target: "≥10 项".into(),
        },
        Indicator {
            kind: IndicatorKind::Social,
            name: "服务覆盖率".into(),
            target: "≥90%".into(),
        },
        Indicator {
            kind: IndicatorKind::ServiceSatisfaction,
            name: "服务对象满意度".into(),
            target: "≥85%".into(),
        },
    ];
    for n in 0..count {
        let share = if n + 1 == count {
            remaining
        } else {
            let even = project_yuan.value() / Decimal::from(count as u64);
            let wobble = Decimal::from(80 + rng.below(40)) / Decimal::ONE_HUNDRED;
            Money((even * wobble).round_dp(0)).min(remaining)
        };
        remaining = remaining.saturating_sub(share);
        let mut project = Project {
            name: format!("合成项目{:05}", n + 1),
            department: "999-合成测试部门".into(),
            unit_code: if n % 5 == 0 { "999002" } else { "999001" }.into(),
            period: "1 年".into(),
            overview: "合成数据：用于验证大规模预算的性能。".into(),
            basis: "合成数据生成规则".into(),
            necessity: "验证编辑、审核和保存在大规模预算下的速度。".into(),
            goal_period: "按期完成".into(),
            goal_year: "按期完成".into(),
            indicators_period: indicators.clone(),
            indicators_year: indicators.clone(),
            ..Project::default()
        };
        project.funds_period.local = share;
        project.funds_year.local = share;
        budget.projects.push(project);
    }
    budget.profile.responsibilities = vec!["合成数据：部门职责。".into()];
    budget.profile.organisation = "合成数据：内设机构。".into();
    budget.operating_costs.entries = vec![UnitAmount {
        unit_code: "999001".into(),
        amount: Money(Decimal::new(12_345, 2)),
        note: String::new(),
    }];
    budget.assets.office_areas = vec![OfficeArea {
        unit_code: "999001".into(),
        area: Decimal::from(1000 + rng.below(9000)),
    }];
    budget
}

/// A synthetic department of `units` units, each a complete budget of about `lines / units`
/// lines (every unit passes every check), its figures their sum.
#[must_use]
pub fn generate_department(units: usize, lines: usize, seed: u64) -> Budget {
    let units = units.max(1);
    let per_unit = (lines / units).max(1);
    let mut dept = generate(1, seed);
    dept.profile.department_name = "合成部门".to_owned();
    dept.profile.department_code = "900".to_owned();
    dept.function_lines.clear();
    dept.economic.lines.clear();
    dept.projects.clear();
    dept.descriptions.clear();
    dept.operating_costs.entries.clear();
    dept.performance_statement = None;
    dept.profile.units = (0..units)
        .map(|k| {
            let mut b = generate(per_unit, seed.wrapping_add(k as u64 + 1));
            let code = format!("900{:03}", k + 1);
            let name = format!("合成单位{}", k + 1);
            b.profile.department_code.clone_from(&code);
            b.profile.department_name.clone_from(&name);
            for u in &mut b.profile.units {
                u.code.clone_from(&code);
                u.name.clone_from(&name);
            }
            b.profile.units.truncate(1);
            for p in &mut b.projects {
                p.unit_code.clone_from(&code);
            }
            for e in &mut b.operating_costs.entries {
                e.unit_code.clone_from(&code);
            }
            let mut unit = BudgetUnit::new(code, name, crate::model::UnitKind::Administrative);
            unit.budget = Some(Box::new(b));
            unit
        })
        .collect();
    dept
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calc::derive;
    use crate::checks;

    #[test]
    fn generated_budgets_are_deterministic_and_pass_every_check() {
        for lines in [10, 1_000, 5_000] {
            let a = generate(lines, 7);
            assert_eq!(a, generate(lines, 7));
            assert_ne!(a, generate(lines, 8));
            let d = derive(&a);
            let findings = checks::run(&a, &d);
            assert!(findings.is_empty(), "{lines}: {:?}", findings.first());
            let n = a.function_lines.len();
            if lines >= 1_000 {
                assert!(n >= lines * 9 / 10 && n <= lines * 11 / 10, "{lines} → {n}");
            }
        }
    }
}
