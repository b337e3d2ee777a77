//! The standard disclosure tables (预算公开表 1–11): their identity and titles, and the address of
//! an amount a table cell edits. What each table shows is derived by [`crate::calc::tables`].

use serde::{Deserialize, Serialize};

use super::income::IncomeSource;
use super::sections::{Column, SangongItem};

/// One of the standard tables.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum TableId {
    /// 1 预算收支总表.
    IncomeExpenditure,
    /// 2 预算收入总表.
    Income,
    /// 3 预算支出总表.
    Expenditure,
    /// 4 财政拨款收支总表.
    Fiscal,
    /// 5 一般公共预算支出预算表.
    GeneralPublic,
    /// 6 一般公共预算安排基本支出分经济科目表.
    BasicByEconomic,
    /// 7 政府性基金预算收入表.
    GovFundIncome,
    /// 8 政府性基金预算支出表.
    GovFundExpenditure,
    /// 9 国有资本经营预算收支预算表.
    StateCapital,
    /// 10 一般公共预算"三公"经费支出情况统计表.
    Sangong,
    /// 11 机关运行经费预算财政拨款情况统计表.
    OperatingCosts,
    /// 三公经费 and 机关运行经费 in one table (Shanghai's 表9).
    SangongAndOperating,
    /// 部门支出分单位明细: a department's expenditure unit by unit, basic and project by income
    /// source, where its units hold budgets of their own.
    UnitBreakdown,
}

impl TableId {
    /// Every kind of table, in the Shanxi template's order then the others. Which tables a
    /// disclosure prints, numbered and titled, is its template's business
    /// ([`crate::model::template::Template`]).
    pub const ALL: [TableId; 13] = [
        TableId::IncomeExpenditure,
        TableId::Income,
        TableId::Expenditure,
        TableId::Fiscal,
        TableId::GeneralPublic,
        TableId::BasicByEconomic,
        TableId::GovFundIncome,
        TableId::GovFundExpenditure,
        TableId::StateCapital,
        TableId::Sangong,
        TableId::OperatingCosts,
        TableId::SangongAndOperating,
        TableId::UnitBreakdown,
    ];

    /// The kind's own name, without the year (a template titles its tables its own way).
    #[must_use]
    pub fn title_zh(self) -> &'static str {
        match self {
            TableId::IncomeExpenditure => "预算收支总表",
            TableId::Income => "预算收入总表",
            TableId::Expenditure => "预算支出总表",
            TableId::Fiscal => "财政拨款收支总表",
            TableId::GeneralPublic => "一般公共预算支出预算表",
            TableId::BasicByEconomic => "一般公共预算安排基本支出分经济科目表",
            TableId::GovFundIncome => "政府性基金预算收入表",
            TableId::GovFundExpenditure => "政府性基金预算支出表",
            TableId::StateCapital => "国有资本经营预算收支预算表",
            TableId::Sangong => "一般公共预算“三公”经费支出情况统计表",
            TableId::OperatingCosts => "机关运行经费预算财政拨款情况统计表",
            TableId::SangongAndOperating => "“三公”经费和机关运行经费预算表",
            TableId::UnitBreakdown => "部门支出分单位明细表",
        }
    }

    /// English title.
    #[must_use]
    pub fn title_en(self) -> &'static str {
        match self {
            TableId::IncomeExpenditure => "Budget income and expenditure",
            TableId::Income => "Budget income",
            TableId::Expenditure => "Budget expenditure",
            TableId::Fiscal => "Fiscal appropriations",
            TableId::GeneralPublic => "General public budget expenditure",
            TableId::BasicByEconomic => "Basic expenditure by economic class",
            TableId::GovFundIncome => "Government fund income",
            TableId::GovFundExpenditure => "Government fund expenditure",
            TableId::StateCapital => "State capital operations",
            TableId::Sangong => "\"Three public\" costs",
            TableId::OperatingCosts => "Agency operating costs",
            TableId::SangongAndOperating => "\"Three public\" costs and agency operating costs",
            TableId::UnitBreakdown => "Expenditure by budget unit",
        }
    }

    /// Tables whose amounts are entered here (the others only derive and are read-only views).
    #[must_use]
    pub fn is_editable(self) -> bool {
        matches!(
            self,
            TableId::Expenditure
                | TableId::GeneralPublic
                | TableId::BasicByEconomic
                | TableId::GovFundExpenditure
                | TableId::StateCapital
                | TableId::Sangong
                | TableId::OperatingCosts
                | TableId::SangongAndOperating
        )
    }
}

/// The entered amount a table cell shows and edits: which line or section, and which field.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum AmountField {
    /// Basic or project expenditure of one income source on a 功能分类 line.
    Function {
        /// The line's code.
        code: String,
        /// The income source.
        source: IncomeSource,
        /// [`Column::Basic`] or [`Column::Project`].
        column: Column,
    },
    /// The amount of an economic line.
    Economic {
        /// The line's code.
        code: String,
    },
    /// One 三公 item, this year's or last year's.
    Sangong {
        /// The item.
        item: SangongItem,
        /// True for last year's figure.
        last_year: bool,
    },
    /// One entry of 机关运行经费.
    OperatingCosts {
        /// Position of the entry.
        entry: usize,
    },
    /// Last year's 机关运行经费.
    OperatingCostsLastYear,
    /// One of last year's totals (the base of the changes when no last-year file is attached).
    LastYear(LastYearFigure),
}

/// A total of last year's budget the budget states.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum LastYearFigure {
    /// 收入合计.
    IncomeTotal,
    /// 支出合计.
    ExpenditureTotal,
    /// 财政拨款.
    Fiscal,
    /// 一般公共预算.
    GeneralPublic,
    /// 政府性基金预算.
    GovernmentFund,
    /// 国有资本经营预算.
    StateCapital,
}

impl LastYearFigure {
    /// Every figure, in the order the editor lists them.
    pub const ALL: [LastYearFigure; 6] = [
        LastYearFigure::IncomeTotal,
        LastYearFigure::ExpenditureTotal,
        LastYearFigure::Fiscal,
        LastYearFigure::GeneralPublic,
        LastYearFigure::GovernmentFund,
        LastYearFigure::StateCapital,
    ];

    /// Label.
    #[must_use]
    pub fn label(self, zh: bool) -> &'static str {
        match (self, zh) {
            (LastYearFigure::IncomeTotal, true) => "上年收入合计",
            (LastYearFigure::IncomeTotal, false) => "Last year's total income",
            (LastYearFigure::ExpenditureTotal, true) => "上年支出合计",
            (LastYearFigure::ExpenditureTotal, false) => "Last year's total expenditure",
            (LastYearFigure::Fiscal, true) => "上年财政拨款",
            (LastYearFigure::Fiscal, false) => "Last year's fiscal appropriations",
            (LastYearFigure::GeneralPublic, true) => "上年一般公共预算",
            (LastYearFigure::GeneralPublic, false) => "Last year's general public budget",
            (LastYearFigure::GovernmentFund, true) => "上年政府性基金预算",
            (LastYearFigure::GovernmentFund, false) => "Last year's government funds",
            (LastYearFigure::StateCapital, true) => "上年国有资本经营预算",
            (LastYearFigure::StateCapital, false) => "Last year's state capital budget",
        }
    }

    /// The figure in `last`.
    #[must_use]
    pub fn get(self, last: &crate::model::LastYear) -> Option<crate::model::Money> {
        *self.slot_of(last)
    }

    fn slot_of(self, last: &crate::model::LastYear) -> &Option<crate::model::Money> {
        match self {
            LastYearFigure::IncomeTotal => &last.income_total,
            LastYearFigure::ExpenditureTotal => &last.expenditure_total,
            LastYearFigure::Fiscal => &last.fiscal,
            LastYearFigure::GeneralPublic => &last.general_public,
            LastYearFigure::GovernmentFund => &last.government_fund,
            LastYearFigure::StateCapital => &last.state_capital,
        }
    }

    /// The figure in `last`, to change it.
    pub fn slot(self, last: &mut crate::model::LastYear) -> &mut Option<crate::model::Money> {
        match self {
            LastYearFigure::IncomeTotal => &mut last.income_total,
            LastYearFigure::ExpenditureTotal => &mut last.expenditure_total,
            LastYearFigure::Fiscal => &mut last.fiscal,
            LastYearFigure::GeneralPublic => &mut last.general_public,
            LastYearFigure::GovernmentFund => &mut last.government_fund,
            LastYearFigure::StateCapital => &mut last.state_capital,
        }
    }
}

/// The officer's own wording for what is printed under an empty table (replacing the template's
/// sentence).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TableNote {
    /// The table.
    pub table: TableId,
    /// The note.
    pub text: String,
}
