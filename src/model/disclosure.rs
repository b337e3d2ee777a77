//! What templates without a form per project publish instead: 项目经费情况说明 for selected
//! projects, and the department-level 绩效目标设置情况 statement (Shanghai district template).

use serde::{Deserialize, Serialize};

use super::money::Money;

/// A 项目经费情况说明: one selected project described in prose, with its amount and, where
/// printed, a quarterly plan. Amounts are in the text's unit (the template's `text_unit`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ProjectDescription {
    /// 项目名称.
    pub name: String,
    /// The project's budget for the year, where printed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub amount: Option<Money>,
    /// 项目概况 / 项目概述.
    pub overview: String,
    /// 立项依据.
    pub basis: String,
    /// 实施主体.
    pub implementer: String,
    /// 实施方案.
    pub plan: String,
    /// 实施周期.
    pub period: String,
    /// 年度预算安排, as written.
    pub annual_plan: String,
    /// The year's budget by quarter, where printed (it must add up to `amount`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quarters: Option<[Money; 4]>,
    /// 绩效目标, as written.
    pub goals: String,
    /// A remark (where a figure comes from).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub note: String,
}

impl ProjectDescription {
    /// The quarters' sum, when a quarterly plan is printed.
    #[must_use]
    pub fn quarters_total(&self) -> Option<Money> {
        self.quarters.map(Money::saturating_sum)
    }
}

/// The text fields of a project description, for editors and checks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DescriptionText {
    /// 项目概况.
    Overview,
    /// 立项依据.
    Basis,
    /// 实施主体.
    Implementer,
    /// 实施方案.
    Plan,
    /// 实施周期.
    Period,
    /// 年度预算安排.
    AnnualPlan,
    /// 绩效目标.
    Goals,
}

impl DescriptionText {
    /// Every field, in the published order.
    pub const ALL: [DescriptionText; 7] = [
        DescriptionText::Overview,
        DescriptionText::Basis,
        DescriptionText::Implementer,
        DescriptionText::Plan,
        DescriptionText::Period,
        DescriptionText::AnnualPlan,
        DescriptionText::Goals,
    ];

    /// The heading as printed (一、项目概述 …, without the numeral).
    #[must_use]
    pub fn label_zh(self) -> &'static str {
        match self {
            DescriptionText::Overview => "项目概述",
            DescriptionText::Basis => "立项依据",
            DescriptionText::Implementer => "实施主体",
            DescriptionText::Plan => "实施方案",
            DescriptionText::Period => "实施周期",
            DescriptionText::AnnualPlan => "年度预算安排",
            DescriptionText::Goals => "绩效目标",
        }
    }

    /// English heading.
    #[must_use]
    pub fn label_en(self) -> &'static str {
        match self {
            DescriptionText::Overview => "Overview",
            DescriptionText::Basis => "Basis",
            DescriptionText::Implementer => "Implementer",
            DescriptionText::Plan => "Plan",
            DescriptionText::Period => "Period",
            DescriptionText::AnnualPlan => "Annual budget plan",
            DescriptionText::Goals => "Performance goals",
        }
    }

    /// The field's text.
    #[must_use]
    pub fn get(self, d: &ProjectDescription) -> &str {
        match self {
            DescriptionText::Overview => &d.overview,
            DescriptionText::Basis => &d.basis,
            DescriptionText::Implementer => &d.implementer,
            DescriptionText::Plan => &d.plan,
            DescriptionText::Period => &d.period,
            DescriptionText::AnnualPlan => &d.annual_plan,
            DescriptionText::Goals => &d.goals,
        }
    }

    /// The field's text, to edit.
    pub fn get_mut(self, d: &mut ProjectDescription) -> &mut String {
        match self {
            DescriptionText::Overview => &mut d.overview,
            DescriptionText::Basis => &mut d.basis,
            DescriptionText::Implementer => &mut d.implementer,
            DescriptionText::Plan => &mut d.plan,
            DescriptionText::Period => &mut d.period,
            DescriptionText::AnnualPlan => &mut d.annual_plan,
            DescriptionText::Goals => &mut d.goals,
        }
    }
}

/// 绩效目标设置情况: "N 个预算单位…编报绩效目标的项目 M 个，涉及项目预算资金 X 万元".
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct PerformanceStatement {
    /// How many budget units reported performance targets.
    pub units: u32,
    /// How many projects have performance targets.
    pub projects: u32,
    /// The projects' funds, in the text's unit.
    pub funds: Money,
}
