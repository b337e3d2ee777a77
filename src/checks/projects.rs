//! Performance-target rules: each form's funds, the forms against the budget's project
//! expenditure and linked lines, required fields and indicator groups.

use std::collections::BTreeMap;

use super::{Finding, Location, ProjectField, Rule, Severity, amount_with_unit, severity_of};
use crate::calc::Derived;
use crate::model::{Budget, Column, IndicatorGroup, Money, MoneyUnit, Project, TableId};

pub(super) fn check(budget: &Budget, derived: &Derived, out: &mut Vec<Finding>) {
    for (index, project) in budget.projects.iter().enumerate() {
        form(budget, index, project, out);
    }
    totals(budget, derived, out);
    links(budget, derived, out);
}

fn at(index: usize, field: ProjectField) -> Location {
    Location::Project { index, field }
}

fn form(budget: &Budget, index: usize, p: &Project, out: &mut Vec<Finding>) {
    let name = if p.name.is_empty() {
        "（未命名）"
    } else {
        p.name.as_str()
    };
    for (funds, field, zh, en) in [
        (
            &p.funds_period,
            ProjectField::FundsPeriod,
            "实施期资金总额",
            "period funds",
        ),
        (
            &p.funds_year,
            ProjectField::FundsYear,
            "年度资金总额",
            "year funds",
        ),
    ] {
        if let Some(stated) = funds.stated_total {
            let difference = stated - funds.total();
            if !difference.is_zero() {
                out.push(Finding {
                    severity: Severity::Error,
                    rule: Rule::ProjectFundsSum,
                    location: at(index, field),
                    difference: Some((difference, MoneyUnit::Yuan)),
                    message_zh: format!(
                        "“{name}”{zh} {} 与各来源之和 {} 相差 {}",
                        amount_with_unit(stated, MoneyUnit::Yuan, true),
                        amount_with_unit(funds.total(), MoneyUnit::Yuan, true),
                        amount_with_unit(difference, MoneyUnit::Yuan, true)
                    ),
                    message_en: format!(
                        "“{name}” {en} {} differ from the sum of sources {} by {}",
                        amount_with_unit(stated, MoneyUnit::Yuan, false),
                        amount_with_unit(funds.total(), MoneyUnit::Yuan, false),
                        amount_with_unit(difference, MoneyUnit::Yuan, false)
                    ),
                });
            }
        }
    }
    if p.funds_year.total() > p.funds_period.total() {
        out.push(Finding {
            severity: Severity::Warning,
            rule: Rule::ProjectYearExceedsPeriod,
            location: at(index, ProjectField::FundsYear),
            difference: Some((
                p.funds_year.total() - p.funds_period.total(),
                MoneyUnit::Yuan,
            )),
            message_zh: format!("“{name}”年度资金超过实施期资金总额"),
            message_en: format!("“{name}”: the year's funds exceed the whole period's"),
        });
    }
    if !budget.profile.units.iter().any(|u| u.code == p.unit_code) {
        out.push(Finding {
            severity: Severity::Error,
            rule: Rule::ProjectUnitUnknown,
            location: at(index, ProjectField::Unit),
            difference: None,
            message_zh: format!("“{name}”的实施单位“{}”不是本部门的预算单位", p.unit_code),
            message_en: format!(
                "“{name}”: implementing unit “{}” is not a budget unit of the department",
                p.unit_code
            ),
        });
    }
    let required: [(&str, &str, &'static str, &str); 6] = [
        (&p.name, "项目名称", "name", "project name"),
        (&p.overview, "项目概况", "overview", "overview"),
        (&p.basis, "立项依据", "basis", "legal basis"),
        (&p.necessity, "项目设立必要性", "necessity", "necessity"),
        (
            &p.goal_period,
            "实施期总体目标",
            "goal_period",
            "goal for the period",
        ),
        (
            &p.goal_year,
            "年度总体目标",
            "goal_year",
            "goal for the year",
        ),
    ];
    for (value, zh, field, en) in required {
        if value.trim().is_empty() {
            out.push(Finding {
                severity: Severity::Warning,
                rule: Rule::ProjectFieldEmpty,
                location: at(index, ProjectField::Text(field)),
                difference: None,
                message_zh: format!("“{name}”未填写{zh}"),
                message_en: format!("“{name}”: {en} is empty"),
            });
        }
    }
    for (rows, zh, en) in [
        (&p.indicators_period, "实施期", "period"),
        (&p.indicators_year, "年度", "year"),
    ] {
        let missing: Vec<IndicatorGroup> = IndicatorGroup::ALL
            .into_iter()
            .filter(|g| {
                !rows
                    .iter()
                    .any(|r| r.kind.group() == *g && !r.name.trim().is_empty())
            })
            .collect();
        if !missing.is_empty() {
            let list_zh: Vec<&str> = missing.iter().map(|g| g.label_zh()).collect();
            let list_en: Vec<&str> = missing.iter().map(|g| g.label_en()).collect();
            out.push(Finding {
                severity: Severity::Warning,
                rule: Rule::ProjectIndicatorGroups,
                location: at(index, ProjectField::Indicators),
                difference: None,
                message_zh: format!("“{name}”{zh}绩效指标缺少：{}", list_zh.join("、")),
                message_en: format!("“{name}”: {en} indicators lack {}", list_en.join(", ")),
            });
        }
    }
}

fn totals(budget: &Budget, derived: &Derived, out: &mut Vec<Finding>) {
    if budget.projects.is_empty() {
        return;
    }
    let unit = budget.unit;
    let s = &derived.summary;
    let funds = MoneyUnit::Yuan.convert(s.project_funds_total_yuan, unit);
    let difference = funds - s.project;
    if let Some(severity) = severity_of(difference, unit) {
        let per_unit_zh: Vec<String> = s
            .project_funds
            .iter()
            .map(|u| {
                format!(
                    "{} {}",
                    u.unit_name,
                    amount_with_unit(u.in_table_unit, unit, true)
                )
            })
            .collect();
        let per_unit_en: Vec<String> = s
            .project_funds
            .iter()
            .map(|u| {
                format!(
                    "{} {}",
                    u.unit_name,
                    amount_with_unit(u.in_table_unit, unit, false)
                )
            })
            .collect();
        out.push(Finding {
            severity,
            rule: Rule::ProjectsVsProjectExpenditure,
            location: Location::Table {
                table: TableId::Expenditure,
                code: None,
            },
            difference: Some((difference, unit)),
            message_zh: format!(
                "绩效目标表年度资金合计 {}（{}）与预算项目支出 {} 相差 {}",
                amount_with_unit(funds, unit, true),
                per_unit_zh.join("，"),
                amount_with_unit(s.project, unit, true),
                amount_with_unit(difference, unit, true)
            ),
            message_en: format!(
                "performance forms' year funds total {} ({}) differ from the budget's project expenditure {} by {}",
                amount_with_unit(funds, unit, false),
                per_unit_en.join(", "),
                amount_with_unit(s.project, unit, false),
                amount_with_unit(difference, unit, false)
            ),
        });
    }
}

fn links(budget: &Budget, derived: &Derived, out: &mut Vec<Finding>) {
    let unit = budget.unit;
    let mut by_line: BTreeMap<&str, (Money, usize)> = BTreeMap::new();
    for (index, p) in budget.projects.iter().enumerate() {
        let Some(code) = p.function_code.as_deref().filter(|c| !c.is_empty()) else {
            continue;
        };
        if derived.function.row_of(code).is_none() {
            out.push(Finding {
                severity: Severity::Error,
                rule: Rule::ProjectLinkMissing,
                location: at(index, ProjectField::Link),
                difference: None,
                message_zh: format!("“{}”关联的功能科目 [{code}] 不存在", p.name),
                message_en: format!("“{}” is linked to [{code}], which does not exist", p.name),
            });
            continue;
        }
        let entry = by_line.entry(code).or_insert((Money::ZERO, index));
        entry.0 += p.funds_year.total();
    }
    for (code, (yuan, first)) in by_line {
        let funds = MoneyUnit::Yuan.convert(yuan, unit);
        let line = derived
            .function
            .figure(code, Column::Project)
            .unwrap_or(Money::ZERO);
        let difference = funds - line;
        if let Some(severity) = severity_of(difference, unit) {
            out.push(Finding {
                severity,
                rule: Rule::ProjectVsLine,
                location: at(first, ProjectField::Link),
                difference: Some((difference, unit)),
                message_zh: format!(
                    "关联 [{code}] 的绩效项目年度资金 {} 与该科目项目支出 {} 相差 {}",
                    amount_with_unit(funds, unit, true),
                    amount_with_unit(line, unit, true),
                    amount_with_unit(difference, unit, true)
                ),
                message_en: format!(
                    "year funds of projects linked to [{code}] {} differ from its project expenditure {} by {}",
                    amount_with_unit(funds, unit, false),
                    amount_with_unit(line, unit, false),
                    amount_with_unit(difference, unit, false)
                ),
            });
        }
    }
}
