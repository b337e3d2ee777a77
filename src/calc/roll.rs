//! 以此为基础新建下一年度: next year's budget from this year's. What lasts is carried over — the
//! profile and its units and texts, the template, the line structure, the projects and their
//! texts, the assets, the officer's notes; what is budgeted anew starts empty; this year's
//! figures become next year's "last year" (the totals, 三公, 机关运行经费, 政府采购 and every
//! line's amount), so the comparisons work without attaching this year's file.

use crate::calc::Derived;
use crate::model::{
    Budget, EconLine, FunctionLine, IncomeSource, LastLine, LastYear, Money, Narrative,
    OperatingCosts, Procurement, Sangong, SangongFigures, UnitAmount,
};

/// The budget for the year after `budget`'s (derived as `derived`). `budget` is not changed. A
/// department whose units hold budgets carries each unit's budget forward the same way, and
/// takes last year's figures from their sum.
#[must_use]
pub fn next_year(budget: &Budget, derived: &Derived) -> Budget {
    let consolidated = crate::calc::units::consolidated(budget);
    let summed;
    let (source, derived) = match &consolidated {
        Some(c) => {
            summed = crate::calc::derive(c);
            (c, &summed)
        }
        None => (budget, derived),
    };
    let s = &derived.summary;
    let grand = |source: IncomeSource| derived.function.grand_of(source).total();
    let mut profile = budget.profile.clone();
    profile.year = budget.profile.year.saturating_add(1);
    for unit in &mut profile.units {
        if let Some(b) = unit.budget.as_deref_mut() {
            *b = next_year(b, &crate::calc::derive(b));
        }
    }
    let last_year = LastYear {
        income_total: Some(s.total),
        expenditure_total: Some(s.total),
        general_public: Some(grand(IncomeSource::GeneralPublic)),
        fiscal: Some(s.fiscal),
        government_fund: Some(grand(IncomeSource::GovernmentFund)),
        state_capital: Some(grand(IncomeSource::StateCapital)),
        note: format!("{}年预算（由上年文件结转）", budget.profile.year),
        function_lines: source
            .function_lines
            .iter()
            .map(|l| LastLine {
                code: l.code.clone(),
                name: l.name.clone(),
                amount: Money::saturating_sum(l.amounts.values().map(|split| split.total())),
            })
            .collect(),
        economic_lines: source
            .economic
            .lines
            .iter()
            .map(|l| LastLine {
                code: l.code.clone(),
                name: l.name.clone(),
                amount: l.amount,
            })
            .collect(),
    };
    let mut economic = budget.economic.clone();
    economic.lines = budget
        .economic
        .lines
        .iter()
        .map(|l| EconLine {
            amount: Money::ZERO,
            ..l.clone()
        })
        .collect();
    let mut projects = budget.projects.clone();
    for p in &mut projects {
        p.funds_year = Default::default();
    }
    let mut descriptions = budget.descriptions.clone();
    for d in &mut descriptions {
        d.amount = None;
        d.quarters = None;
    }
    Budget {
        format_version: budget.format_version,
        template: budget.template,
        template_version: budget.template_version,
        profile,
        unit: budget.unit,
        income_columns: budget.income_columns.clone(),
        function_lines: budget
            .function_lines
            .iter()
            .map(|l| FunctionLine {
                amounts: Default::default(),
                // This year's execution is not known yet, nor why it will differ.
                executed_last_year: None,
                reason: String::new(),
                ..l.clone()
            })
            .collect(),
        economic,
        sangong: Sangong {
            unit: budget.sangong.unit,
            this_year: SangongFigures::default(),
            last_year: Some(source.sangong.this_year),
            all_basic: budget.sangong.all_basic,
        },
        operating_costs: OperatingCosts {
            unit: budget.operating_costs.unit,
            entries: budget
                .operating_costs
                .entries
                .iter()
                .map(|e| UnitAmount {
                    amount: Money::ZERO,
                    ..e.clone()
                })
                .collect(),
            last_year: Some(s.operating),
        },
        procurement: Procurement {
            unit: budget.procurement.unit,
            last_year: Some(source.procurement.total()),
            ..Procurement::default()
        },
        last_year,
        projects,
        descriptions,
        performance_statement: budget.performance_statement.clone().map(|mut p| {
            p.funds = Money::ZERO;
            p
        }),
        assets: budget.assets.clone(),
        // The reasons explain this year's changes; next year's are written anew. The officer's
        // lists of items and other remarks stay.
        narrative: Narrative {
            change_reason: String::new(),
            expenditure_reason: String::new(),
            sangong_reason: String::new(),
            sangong_items: crate::model::sections::SangongReasons::default(),
            operating_reason: String::new(),
            ..budget.narrative.clone()
        },
        // Figures as last year's document printed them do not describe next year's.
        stated: Vec::new(),
        table_notes: budget.table_notes.clone(),
    }
}

/// Last year's budget as far as `budget` records it (its `last_year` lines and totals), to
/// compare the lines with when last year's file is not attached. `None` when the budget records
/// no lines of last year.
#[must_use]
pub fn recorded_last_year(budget: &Budget) -> Option<Budget> {
    let l = &budget.last_year;
    if l.function_lines.is_empty() && l.economic_lines.is_empty() {
        return None;
    }
    let mut last = Budget::in_template(
        budget.template,
        &budget.profile.department_code,
        &budget.profile.department_name,
        budget.profile.year.saturating_sub(1),
    );
    last.unit = budget.unit;
    last.economic.scheme = budget.economic.scheme;
    // Line totals are what the comparison sets side by side; the source is not recorded.
    last.function_lines = l
        .function_lines
        .iter()
        .map(|line| {
            let mut f = FunctionLine::new(line.code.clone(), line.name.clone());
            f.set(
                IncomeSource::GeneralPublic,
                crate::model::Column::Basic,
                line.amount,
            );
            f
        })
        .collect();
    last.economic.lines = l
        .economic_lines
        .iter()
        .map(|line| {
            let mut e = EconLine::new(line.code.clone(), line.name.clone());
            e.amount = line.amount;
            e
        })
        .collect();
    last.sort_lines();
    Some(last)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calc::compare::{Classification, compare};
    use crate::calc::derive;
    use crate::sample::sample_budget;

    #[test]
    fn next_year_carries_the_structure_and_makes_this_years_figures_last_years() {
        let this = sample_budget().expect("the bundled sample");
        let derived = derive(&this);
        let next = next_year(&this, &derived);
        assert_eq!(next.profile.year, this.profile.year + 1);
        assert_eq!(next.profile.responsibilities, this.profile.responsibilities);
        assert_eq!(next.function_lines.len(), this.function_lines.len());
        assert!(next.function_lines.iter().all(|l| l.amounts.is_empty()));
        assert!(next.economic.lines.iter().all(|l| l.amount.is_zero()));
        let next_derived = derive(&next);
        assert!(next_derived.summary.total.is_zero());
        assert_eq!(
            next.last_year.expenditure_total,
            Some(derived.summary.total)
        );
        assert_eq!(next.last_year.fiscal, Some(derived.summary.fiscal));
        assert_eq!(next.sangong.last_year, Some(this.sangong.this_year));
        assert_eq!(
            next.operating_costs.last_year,
            Some(derived.summary.operating)
        );
        assert_eq!(next.procurement.last_year, Some(this.procurement.total()));
        assert!(next.stated.is_empty());
        assert!(next.narrative.change_reason.is_empty());
        // The recorded lines give back this year's figures line by line.
        let recorded = recorded_last_year(&next).expect("lines recorded");
        let recorded_derived = derive(&recorded);
        assert_eq!(recorded_derived.summary.total, derived.summary.total);
        let cmp = compare(&recorded, &recorded_derived, &this, &derived);
        assert!(
            cmp.differing().next().is_none(),
            "{:?}",
            cmp.differing().next()
        );
        let line = cmp
            .line(Classification::Function, "2080505")
            .expect("a line of the sample");
        assert_eq!(line.change.last_year, line.change.this_year);
    }
}
