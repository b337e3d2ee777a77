//! Last year as the comparison base: the figures the narrative compares against, taken either
//! from the `last_year` figures written in the budget file or, when the officer attaches it, from
//! last year's budget file itself; and the line-by-line comparison of two budgets, matched by
//! code only (a renumbered line is reported, never silently matched by its name).

use crate::calc::Derived;
use crate::model::{Budget, IncomeSource, Money, SangongFigures};

/// Last year's figures, each in this year's unit for its section.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LastFigures {
    /// Total income.
    pub income_total: Option<Money>,
    /// Total expenditure.
    pub expenditure_total: Option<Money>,
    /// 一般公共预算.
    pub general_public: Option<Money>,
    /// 财政拨款.
    pub fiscal: Option<Money>,
    /// 政府性基金预算.
    pub government_fund: Option<Money>,
    /// 国有资本经营预算.
    pub state_capital: Option<Money>,
    /// 三公, in this year's 三公 unit.
    pub sangong: Option<SangongFigures>,
    /// 机关运行经费, in this year's unit for it.
    pub operating: Option<Money>,
    /// 政府采购, in this year's unit for it.
    pub procurement: Option<Money>,
}

impl LastFigures {
    /// The last-year figures written in `budget` itself.
    #[must_use]
    pub fn stated(budget: &Budget) -> LastFigures {
        let l = &budget.last_year;
        LastFigures {
            income_total: l.income_total,
            expenditure_total: l.expenditure_total,
            general_public: l.general_public,
            fiscal: l.fiscal,
            government_fund: l.government_fund,
            state_capital: l.state_capital,
            sangong: budget.sangong.last_year,
            operating: budget.operating_costs.last_year,
            procurement: budget.procurement.last_year,
        }
    }

    /// Last year's figures taken from last year's budget (`last`, derived as `last_derived`),
    /// converted into the units `this` year's budget uses.
    #[must_use]
    pub fn of_budget(this: &Budget, last: &Budget, last_derived: &Derived) -> LastFigures {
        let s = &last_derived.summary;
        let tables = |m: Money| last.unit.convert(m, this.unit);
        let source = |src: IncomeSource| tables(last_derived.function.grand_of(src).total());
        let convert_sangong = |f: SangongFigures| {
            let c = |m: Money| last.sangong.unit.convert(m, this.sangong.unit);
            SangongFigures {
                abroad: c(f.abroad),
                reception: c(f.reception),
                vehicle_purchase: c(f.vehicle_purchase),
                vehicle_running: c(f.vehicle_running),
            }
        };
        LastFigures {
            income_total: Some(tables(s.total)),
            expenditure_total: Some(tables(s.total)),
            general_public: Some(source(IncomeSource::GeneralPublic)),
            fiscal: Some(tables(s.fiscal)),
            government_fund: Some(source(IncomeSource::GovernmentFund)),
            state_capital: Some(source(IncomeSource::StateCapital)),
            sangong: Some(convert_sangong(last.sangong.this_year)),
            // A file without the section has no figure to compare with: the change is not
            // 新增, it is unknown.
            operating: (!last.operating_costs.entries.is_empty()).then(|| {
                last.operating_costs
                    .unit
                    .convert(s.operating, this.operating_costs.unit)
            }),
            procurement: Some(
                last.procurement
                    .unit
                    .convert(s.procurement, this.procurement.unit),
            ),
        }
    }
}
