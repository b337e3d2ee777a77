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
}

impl TableId {
    /// Every kind of table, in the Shanxi template's order then the others. Which tables a
    /// disclosure prints, numbered and titled, is its template's business
    /// ([`crate::model::template::Template`]).
    pub const ALL: [TableId; 12] = [
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
