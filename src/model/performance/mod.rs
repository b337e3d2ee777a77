//! Performance-target forms (项目支出绩效目标申报表): one per project, with funds in 元 per source,
//! the form's texts, and the indicator rows for the whole period and for the year.

use serde::{Deserialize, Serialize};

use super::money::Money;

/// One project's performance-target form.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
#[serde(deny_unknown_fields)]
pub struct Project {
    /// 项目名称.
    pub name: String,
    /// 主管部门及代码 as printed, e.g. `402-忻州市工业和信息化局`.
    pub department: String,
    /// Code of the implementing unit (实施单位), one of the profile's budget units.
    pub unit_code: String,
    /// 项目属性.
    pub kind: ProjectKind,
    /// 项目期 as printed, e.g. `1 年`.
    pub period: String,
    /// Funds for the whole period, in 元.
    pub funds_period: Funds,
    /// Funds for the budget year, in 元.
    pub funds_year: Funds,
    /// 项目概况.
    pub overview: String,
    /// 立项依据.
    pub basis: String,
    /// 项目设立必要性.
    pub necessity: String,
    /// 保证项目实施的制度、措施.
    pub safeguards: String,
    /// 项目实施计划.
    pub plan: String,
    /// 总体目标, whole period.
    pub goal_period: String,
    /// 总体目标, the year.
    pub goal_year: String,
    /// Indicator rows for the whole period.
    pub indicators_period: Vec<Indicator>,
    /// Indicator rows for the year.
    pub indicators_year: Vec<Indicator>,
    /// 负责人.
    pub leader: String,
    /// 经办人.
    pub handler: String,
    /// 联系电话.
    pub phone: String,
    /// 填报日期 as printed.
    pub date: String,
    /// The 功能分类 line whose 项目支出 this project funds, if linked.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub function_code: Option<String>,
    /// A remark on the form (where a figure came from, what the printed form got wrong).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub note: String,
}

/// 项目属性.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum ProjectKind {
    /// 一次性项目.
    #[default]
    OneOff,
    /// 经常性项目.
    Recurring,
}

impl ProjectKind {
    /// Label on the form.
    #[must_use]
    pub fn label_zh(self) -> &'static str {
        match self {
            ProjectKind::OneOff => "一次性项目",
            ProjectKind::Recurring => "经常性项目",
        }
    }
    /// English label.
    #[must_use]
    pub fn label_en(self) -> &'static str {
        match self {
            ProjectKind::OneOff => "One-off",
            ProjectKind::Recurring => "Recurring",
        }
    }
}

/// A form's funds, in 元, by source. The total is derived; `stated_total` is the figure the form
/// prints, kept so a check can compare it with the sources.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
#[serde(deny_unknown_fields)]
pub struct Funds {
    /// 资金总额 as printed on the form, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stated_total: Option<Money>,
    /// 中央财政资金.
    pub central: Money,
    /// 省级财政资金.
    pub provincial: Money,
    /// 市县(区)财政资金.
    pub local: Money,
    /// 单位自筹.
    pub self_raised: Money,
    /// 其他资金.
    pub other: Money,
}

impl Funds {
    /// Sum of the sources.
    #[must_use]
    pub fn total(&self) -> Money {
        Money::saturating_sum([
            self.central,
            self.provincial,
            self.local,
            self.self_raised,
            self.other,
        ])
    }

    /// The sources with their labels, in form order.
    #[must_use]
    pub fn sources(&self) -> [(FundSource, Money); 5] {
        [
            (FundSource::Central, self.central),
            (FundSource::Provincial, self.provincial),
            (FundSource::Local, self.local),
            (FundSource::SelfRaised, self.self_raised),
            (FundSource::Other, self.other),
        ]
    }

    /// Mutable access to one source.
    pub fn source_mut(&mut self, source: FundSource) -> &mut Money {
        match source {
            FundSource::Central => &mut self.central,
            FundSource::Provincial => &mut self.provincial,
            FundSource::Local => &mut self.local,
            FundSource::SelfRaised => &mut self.self_raised,
            FundSource::Other => &mut self.other,
        }
    }
}

/// A source of a form's funds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum FundSource {
    /// 中央财政资金.
    Central,
    /// 省级财政资金.
    Provincial,
    /// 市县(区)财政资金.
    Local,
    /// 单位自筹.
    SelfRaised,
    /// 其他资金.
    Other,
}

impl FundSource {
    /// Label on the form.
    #[must_use]
    pub fn label_zh(self) -> &'static str {
        match self {
            FundSource::Central => "中央财政资金",
            FundSource::Provincial => "省级财政资金",
            FundSource::Local => "市县(区)财政资金",
            FundSource::SelfRaised => "单位自筹",
            FundSource::Other => "其他资金",
        }
    }
    /// English label.
    #[must_use]
    pub fn label_en(self) -> &'static str {
        match self {
            FundSource::Central => "Central government",
            FundSource::Provincial => "Provincial government",
            FundSource::Local => "City/county government",
            FundSource::SelfRaised => "Self-raised",
            FundSource::Other => "Other",
        }
    }
}

/// A free-text field of the form. Checks name a field by it, and the form editor, the
/// required-field rule and the text-hygiene rules all list fields through it, so a field has one
/// label everywhere.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ProjectText {
    /// 项目名称.
    Name,
    /// 主管部门及代码.
    Department,
    /// 项目期.
    Period,
    /// 项目概况.
    Overview,
    /// 立项依据.
    Basis,
    /// 项目设立必要性.
    Necessity,
    /// 保证项目实施的制度、措施.
    Safeguards,
    /// 项目实施计划.
    Plan,
    /// 总体目标, whole period.
    GoalPeriod,
    /// 总体目标, the year.
    GoalYear,
    /// 负责人.
    Leader,
    /// 经办人.
    Handler,
    /// 联系电话.
    Phone,
    /// 填报日期.
    Date,
    /// The remark on the form.
    Note,
}

impl ProjectText {
    /// Every text field, in form order.
    pub const ALL: [ProjectText; 15] = [
        ProjectText::Name,
        ProjectText::Department,
        ProjectText::Period,
        ProjectText::Overview,
        ProjectText::Basis,
        ProjectText::Necessity,
        ProjectText::Safeguards,
        ProjectText::Plan,
        ProjectText::GoalPeriod,
        ProjectText::GoalYear,
        ProjectText::Leader,
        ProjectText::Handler,
        ProjectText::Phone,
        ProjectText::Date,
        ProjectText::Note,
    ];

    /// The form's descriptive texts, between the funds and the indicator tables.
    pub const DESCRIPTIONS: [ProjectText; 7] = [
        ProjectText::Overview,
        ProjectText::Basis,
        ProjectText::Necessity,
        ProjectText::Safeguards,
        ProjectText::Plan,
        ProjectText::GoalPeriod,
        ProjectText::GoalYear,
    ];

    /// The contact block at the foot of the form.
    pub const CONTACTS: [ProjectText; 4] = [
        ProjectText::Leader,
        ProjectText::Handler,
        ProjectText::Phone,
        ProjectText::Date,
    ];

    /// Label on the form.
    #[must_use]
    pub fn label_zh(self) -> &'static str {
        match self {
            ProjectText::Name => "项目名称",
            ProjectText::Department => "主管部门及代码",
            ProjectText::Period => "项目期",
            ProjectText::Overview => "项目概况",
            ProjectText::Basis => "立项依据",
            ProjectText::Necessity => "项目设立必要性",
            ProjectText::Safeguards => "保证项目实施的制度、措施",
            ProjectText::Plan => "项目实施计划",
            ProjectText::GoalPeriod => "总体目标（实施期）",
            ProjectText::GoalYear => "总体目标（年度）",
            ProjectText::Leader => "负责人",
            ProjectText::Handler => "经办人",
            ProjectText::Phone => "联系电话",
            ProjectText::Date => "填报日期",
            ProjectText::Note => "备注",
        }
    }

    /// English label.
    #[must_use]
    pub fn label_en(self) -> &'static str {
        match self {
            ProjectText::Name => "Project name",
            ProjectText::Department => "Department",
            ProjectText::Period => "Period",
            ProjectText::Overview => "Overview",
            ProjectText::Basis => "Basis",
            ProjectText::Necessity => "Necessity",
            ProjectText::Safeguards => "Safeguards",
            ProjectText::Plan => "Plan",
            ProjectText::GoalPeriod => "Goal for the period",
            ProjectText::GoalYear => "Goal for the year",
            ProjectText::Leader => "Responsible",
            ProjectText::Handler => "Handled by",
            ProjectText::Phone => "Phone",
            ProjectText::Date => "Date",
            ProjectText::Note => "Note",
        }
    }

    /// The field's text in `project`.
    #[must_use]
    pub fn get(self, project: &Project) -> &str {
        match self {
            ProjectText::Name => &project.name,
            ProjectText::Department => &project.department,
            ProjectText::Period => &project.period,
            ProjectText::Overview => &project.overview,
            ProjectText::Basis => &project.basis,
            ProjectText::Necessity => &project.necessity,
            ProjectText::Safeguards => &project.safeguards,
            ProjectText::Plan => &project.plan,
            ProjectText::GoalPeriod => &project.goal_period,
            ProjectText::GoalYear => &project.goal_year,
            ProjectText::Leader => &project.leader,
            ProjectText::Handler => &project.handler,
            ProjectText::Phone => &project.phone,
            ProjectText::Date => &project.date,
            ProjectText::Note => &project.note,
        }
    }

    /// Mutable access to the field's text in `project`.
    pub fn get_mut(self, project: &mut Project) -> &mut String {
        match self {
            ProjectText::Name => &mut project.name,
            ProjectText::Department => &mut project.department,
            ProjectText::Period => &mut project.period,
            ProjectText::Overview => &mut project.overview,
            ProjectText::Basis => &mut project.basis,
            ProjectText::Necessity => &mut project.necessity,
            ProjectText::Safeguards => &mut project.safeguards,
            ProjectText::Plan => &mut project.plan,
            ProjectText::GoalPeriod => &mut project.goal_period,
            ProjectText::GoalYear => &mut project.goal_year,
            ProjectText::Leader => &mut project.leader,
            ProjectText::Handler => &mut project.handler,
            ProjectText::Phone => &mut project.phone,
            ProjectText::Date => &mut project.date,
            ProjectText::Note => &mut project.note,
        }
    }
}

/// One third-level indicator row: its second-level group (which fixes the first level), a name
/// and a target value as written (`>500 个`, `≥85%`, `显著提高`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
#[serde(deny_unknown_fields)]
pub struct Indicator {
    /// 二级指标; the 一级 follows from it.
    pub kind: IndicatorKind,
    /// 三级指标.
    pub name: String,
    /// 指标值, as written.
    pub target: String,
}

/// 一级指标.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum IndicatorGroup {
    /// 产出指标.
    Output,
    /// 效益指标.
    Benefit,
    /// 满意度指标.
    Satisfaction,
}

impl IndicatorGroup {
    /// All groups, in form order.
    pub const ALL: [IndicatorGroup; 3] = [
        IndicatorGroup::Output,
        IndicatorGroup::Benefit,
        IndicatorGroup::Satisfaction,
    ];
    /// Label on the form.
    #[must_use]
    pub fn label_zh(self) -> &'static str {
        match self {
            IndicatorGroup::Output => "产出指标",
            IndicatorGroup::Benefit => "效益指标",
            IndicatorGroup::Satisfaction => "满意度指标",
        }
    }
    /// English label.
    #[must_use]
    pub fn label_en(self) -> &'static str {
        match self {
            IndicatorGroup::Output => "Output",
            IndicatorGroup::Benefit => "Benefit",
            IndicatorGroup::Satisfaction => "Satisfaction",
        }
    }
}

/// 二级指标: the fixed second level of the indicator tree.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub enum IndicatorKind {
    /// 数量指标.
    #[default]
    Quantity,
    /// 质量指标.
    Quality,
    /// 时效指标.
    Timeliness,
    /// 成本指标.
    Cost,
    /// 经济效益指标.
    Economic,
    /// 社会效益指标.
    Social,
    /// 生态效益指标.
    Ecological,
    /// 可持续影响指标.
    Sustainability,
    /// 服务对象满意度指标.
    ServiceSatisfaction,
}

impl IndicatorKind {
    /// All kinds, in form order.
    pub const ALL: [IndicatorKind; 9] = [
        IndicatorKind::Quantity,
        IndicatorKind::Quality,
        IndicatorKind::Timeliness,
        IndicatorKind::Cost,
        IndicatorKind::Economic,
        IndicatorKind::Social,
        IndicatorKind::Ecological,
        IndicatorKind::Sustainability,
        IndicatorKind::ServiceSatisfaction,
    ];

    /// The first-level group this kind belongs to.
    #[must_use]
    pub fn group(self) -> IndicatorGroup {
        match self {
            IndicatorKind::Quantity
            | IndicatorKind::Quality
            | IndicatorKind::Timeliness
            | IndicatorKind::Cost => IndicatorGroup::Output,
            IndicatorKind::Economic
            | IndicatorKind::Social
            | IndicatorKind::Ecological
            | IndicatorKind::Sustainability => IndicatorGroup::Benefit,
            IndicatorKind::ServiceSatisfaction => IndicatorGroup::Satisfaction,
        }
    }

    /// Label on the form.
    #[must_use]
    pub fn label_zh(self) -> &'static str {
        match self {
            IndicatorKind::Quantity => "数量指标",
            IndicatorKind::Quality => "质量指标",
            IndicatorKind::Timeliness => "时效指标",
            IndicatorKind::Cost => "成本指标",
            IndicatorKind::Economic => "经济效益指标",
            IndicatorKind::Social => "社会效益指标",
            IndicatorKind::Ecological => "生态效益指标",
            IndicatorKind::Sustainability => "可持续影响指标",
            IndicatorKind::ServiceSatisfaction => "服务对象满意度指标",
        }
    }

    /// English label.
    #[must_use]
    pub fn label_en(self) -> &'static str {
        match self {
            IndicatorKind::Quantity => "Quantity",
            IndicatorKind::Quality => "Quality",
            IndicatorKind::Timeliness => "Timeliness",
            IndicatorKind::Cost => "Cost",
            IndicatorKind::Economic => "Economic benefit",
            IndicatorKind::Social => "Social benefit",
            IndicatorKind::Ecological => "Ecological benefit",
            IndicatorKind::Sustainability => "Sustainable impact",
            IndicatorKind::ServiceSatisfaction => "Beneficiary satisfaction",
        }
    }
}

/// A target value understood as a comparison, a number and a unit (`≥85%` → ≥, 85, %).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParsedTarget {
    /// The comparison, if any: one of `>`, `≥`, `<`, `≤`, `=`.
    pub comparison: Option<char>,
    /// The number as written.
    pub number: String,
    /// What follows the number (`%`, `个`, `万元`, `个月/次`), trimmed.
    pub unit: String,
}

/// Understands a target value when it is a comparison + number + unit; `None` for qualitative
/// values (`显著提高`, `完成`), which are valid as they are.
#[must_use]
pub fn parse_target(text: &str) -> Option<ParsedTarget> {
    let text = text.trim();
    let mut chars = text.chars().peekable();
    let comparison = match chars.peek().copied() {
        Some(c @ ('>' | '<' | '=' | '≥' | '≤' | '＞' | '＜')) => {
            chars.next();
            let mut c = match c {
                '＞' => '>',
                '＜' => '<',
                other => other,
            };
            if chars.peek() == Some(&'=') {
                chars.next();
                c = match c {
                    '>' => '≥',
                    '<' => '≤',
                    other => other,
                };
            }
            Some(c)
        }
        _ => None,
    };
    let rest: String = chars.collect();
    let rest = rest.trim_start();
    let number_len = rest
        .char_indices()
        .take_while(|(_, c)| c.is_ascii_digit() || *c == '.' || *c == ',')
        .map(|(i, c)| i + c.len_utf8())
        .last()?;
    let number = rest.get(..number_len)?.replace(',', "");
    if number.is_empty() || number.starts_with('.') || number.parse::<f64>().is_err() {
        return None;
    }
    let unit = rest.get(number_len..)?.trim().to_owned();
    // `12月31日前` is a date, not a number with a unit.
    if unit.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    Some(ParsedTarget {
        comparison,
        number,
        unit,
    })
}

#[cfg(test)]
mod tests;
