//! Income sources (收入来源): the columns of the 预算收入总表, for the national set of templates.

use serde::{Deserialize, Serialize};

/// Where a budget's money comes from. The seed's template uses the first five; other provinces'
/// templates use 事业收入 and the rest. 财政拨款 (fiscal appropriation) is the sum of the first three.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum IncomeSource {
    /// 一般公共预算 (general public budget appropriation).
    GeneralPublic,
    /// 政府性基金预算 (government fund budget).
    GovernmentFund,
    /// 国有资本经营预算 (state capital operations budget).
    StateCapital,
    /// 财政专户管理资金 (funds managed in fiscal special accounts).
    FiscalSpecialAccount,
    /// 单位资金 (the unit's own funds).
    UnitFunds,
    /// 事业收入 (income from public-service activities).
    ServiceIncome,
    /// 事业单位经营收入 (business income of public institutions).
    BusinessIncome,
    /// 上级补助收入 (subsidies from the level above).
    SuperiorSubsidy,
    /// 附属单位上缴收入 (remittances from subordinate units).
    SubordinateRemittance,
    /// 其他收入 (other income).
    Other,
    /// 上年结转结余 (carried over from last year).
    CarryOver,
}

impl IncomeSource {
    /// Every source, in the order tables print them.
    pub const ALL: [IncomeSource; 11] = [
        IncomeSource::GeneralPublic,
        IncomeSource::GovernmentFund,
        IncomeSource::StateCapital,
        IncomeSource::FiscalSpecialAccount,
        IncomeSource::UnitFunds,
        IncomeSource::ServiceIncome,
        IncomeSource::BusinessIncome,
        IncomeSource::SuperiorSubsidy,
        IncomeSource::SubordinateRemittance,
        IncomeSource::Other,
        IncomeSource::CarryOver,
    ];

    /// The three fund types that make up 财政拨款.
    pub const FISCAL: [IncomeSource; 3] = [
        IncomeSource::GeneralPublic,
        IncomeSource::GovernmentFund,
        IncomeSource::StateCapital,
    ];

    /// The columns of the seed's template (忻州 2022).
    pub const SEED_TEMPLATE: [IncomeSource; 5] = [
        IncomeSource::GeneralPublic,
        IncomeSource::GovernmentFund,
        IncomeSource::StateCapital,
        IncomeSource::FiscalSpecialAccount,
        IncomeSource::UnitFunds,
    ];

    /// True for the fund types of 财政拨款.
    #[must_use]
    pub fn is_fiscal(self) -> bool {
        Self::FISCAL.contains(&self)
    }

    /// Position in [`IncomeSource::ALL`], for array-indexed sums.
    #[must_use]
    pub fn index(self) -> usize {
        self as usize
    }

    /// The column heading used in tables.
    #[must_use]
    pub fn label_zh(self) -> &'static str {
        match self {
            IncomeSource::GeneralPublic => "一般公共预算",
            IncomeSource::GovernmentFund => "政府性基金预算",
            IncomeSource::StateCapital => "国有资本经营预算",
            IncomeSource::FiscalSpecialAccount => "财政专户管理资金",
            IncomeSource::UnitFunds => "单位资金",
            IncomeSource::ServiceIncome => "事业收入",
            IncomeSource::BusinessIncome => "事业单位经营收入",
            IncomeSource::SuperiorSubsidy => "上级补助收入",
            IncomeSource::SubordinateRemittance => "附属单位上缴收入",
            IncomeSource::Other => "其他收入",
            IncomeSource::CarryOver => "上年结转结余",
        }
    }

    /// English column heading.
    #[must_use]
    pub fn label_en(self) -> &'static str {
        match self {
            IncomeSource::GeneralPublic => "General public budget",
            IncomeSource::GovernmentFund => "Government funds",
            IncomeSource::StateCapital => "State capital operations",
            IncomeSource::FiscalSpecialAccount => "Fiscal special accounts",
            IncomeSource::UnitFunds => "Unit funds",
            IncomeSource::ServiceIncome => "Service income",
            IncomeSource::BusinessIncome => "Business income",
            IncomeSource::SuperiorSubsidy => "Subsidy from above",
            IncomeSource::SubordinateRemittance => "Remittance from subordinates",
            IncomeSource::Other => "Other income",
            IncomeSource::CarryOver => "Carried over",
        }
    }
}
