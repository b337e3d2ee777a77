//! Document hygiene: placeholder text left behind, years that do not belong to the budget,
//! required sections missing.

use super::{Finding, Location, ProjectField, Rule, Severity};
use crate::calc::Derived;
use crate::model::{Budget, IncomeSource, TableId};

/// Text that marks an unfinished template.
const PLACEHOLDERS: [&str; 10] = [
    "XX",
    "xx",
    "××",
    "待填写",
    "请填写",
    "此处填写",
    "{单位}",
    "{部门}",
    "(略)",
    "（略）",
];

/// Placeholder text anywhere: depends on texts and names only.
pub(super) fn structure(budget: &Budget, out: &mut Vec<Finding>) {
    placeholders(budget, out);
}

/// Years in texts and required sections.
pub(super) fn check(budget: &Budget, derived: &Derived, out: &mut Vec<Finding>) {
    years(budget, out);
    sections(budget, derived, out);
}

fn project_texts(p: &crate::model::Project) -> [(&'static str, &'static str, &str); 10] {
    [
        ("name", "项目名称", &p.name),
        ("overview", "项目概况", &p.overview),
        ("basis", "立项依据", &p.basis),
        ("necessity", "项目设立必要性", &p.necessity),
        ("safeguards", "保障措施", &p.safeguards),
        ("plan", "项目实施计划", &p.plan),
        ("goal_period", "实施期目标", &p.goal_period),
        ("goal_year", "年度目标", &p.goal_year),
        ("leader", "负责人", &p.leader),
        ("handler", "经办人", &p.handler),
    ]
}

/// The placeholder in `text`, if any. One pass over the characters first: a 100,000-line budget
/// has 100,000 names to look at, nearly all of them clean.
fn placeholder_in(text: &str) -> Option<&'static str> {
    if !text.contains(['X', 'x', '×', '待', '请', '此', '{', '略']) {
        return None;
    }
    PLACEHOLDERS.iter().find(|m| text.contains(*m)).copied()
}

fn placeholders(budget: &Budget, out: &mut Vec<Finding>) {
    // Labels are only built for texts that hold a placeholder: a 100,000-line budget has that
    // many names to look at, nearly all clean.
    let mut check = |location: &dyn Fn() -> Location, label: &dyn Fn() -> String, text: &str| {
        if let Some(mark) = placeholder_in(text) {
            let label = label();
            out.push(Finding {
                severity: Severity::Error,
                rule: Rule::Placeholder,
                location: location(),
                difference: None,
                message_zh: format!("{label}中留有占位文字“{mark}”"),
                message_en: format!("{label} still contains the placeholder “{mark}”"),
            });
        }
    };
    let p = &budget.profile;
    check(
        &|| Location::Profile,
        &|| "部门名称".into(),
        &p.department_name,
    );
    for (i, r) in p.responsibilities.iter().enumerate() {
        check(&|| Location::Profile, &|| format!("职责第{}条", i + 1), r);
    }
    check(
        &|| Location::Profile,
        &|| "机构设置".into(),
        &p.organisation,
    );
    check(&|| Location::Profile, &|| "概况说明".into(), &p.notes);
    for g in &p.glossary {
        check(
            &|| Location::Profile,
            &|| format!("名词解释“{}”", g.term),
            &g.definition,
        );
    }
    for u in &p.units {
        check(
            &|| Location::Profile,
            &|| format!("预算单位 {}", u.code),
            &u.name,
        );
    }
    let n = &budget.narrative;
    for (label, text) in [
        ("变动原因", &n.change_reason),
        ("三公说明", &n.sangong_reason),
        ("机关运行经费说明", &n.operating_reason),
        ("其他说明", &n.other),
    ] {
        check(&|| Location::Narrative, &|| label.into(), text);
    }
    for (table, lines) in [
        (
            TableId::Expenditure,
            budget
                .function_lines
                .iter()
                .map(|l| (l.code.as_str(), l.name.as_str()))
                .collect::<Vec<_>>(),
        ),
        (
            TableId::BasicByEconomic,
            budget
                .economic
                .lines
                .iter()
                .map(|l| (l.code.as_str(), l.name.as_str()))
                .collect(),
        ),
    ] {
        for (code, name) in lines {
            check(
                &|| Location::Table {
                    table,
                    code: Some(code.to_owned()),
                },
                &|| format!("[{code}] 名称"),
                name,
            );
        }
    }
    for (index, pr) in budget.projects.iter().enumerate() {
        for (field, label, text) in project_texts(pr) {
            check(
                &|| Location::Project {
                    index,
                    field: ProjectField::Text(field),
                },
                &|| format!("“{}”{label}", pr.name),
                text,
            );
        }
        for ind in pr.indicators_period.iter().chain(&pr.indicators_year) {
            for (label, text) in [("指标", &ind.name), ("指标值", &ind.target)] {
                check(
                    &|| Location::Project {
                        index,
                        field: ProjectField::Indicators,
                    },
                    &|| format!("“{}”{label}", pr.name),
                    text,
                );
            }
        }
    }
    check(
        &|| Location::Assets,
        &|| "资产说明".into(),
        &budget.assets.notes,
    );
}

/// Years written as `2019年` outside brackets (document numbers such as 〔2019〕 are citations).
fn years_in(text: &str) -> Vec<i32> {
    let chars: Vec<char> = text.chars().collect();
    let mut depth = 0i32;
    let mut found = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        match c {
            '〔' | '[' | '（' | '(' | '《' | '【' => depth += 1,
            '〕' | ']' | '）' | ')' | '》' | '】' => depth = (depth - 1).max(0),
            _ => {}
        }
        if depth == 0
            && c.is_ascii_digit()
            && (i == 0 || !chars[i - 1].is_ascii_digit())
            && i + 4 <= chars.len()
            && chars[i..i + 4].iter().all(char::is_ascii_digit)
            && chars.get(i + 4).is_none_or(|n| !n.is_ascii_digit())
        {
            let mut j = i + 4;
            while chars.get(j) == Some(&' ') {
                j += 1;
            }
            if chars.get(j) == Some(&'年') {
                let year: String = chars[i..i + 4].iter().collect();
                if let Ok(y) = year.parse::<i32>()
                    && (1900..=2199).contains(&y)
                {
                    found.push(y);
                }
            }
            i += 4;
            continue;
        }
        i += 1;
    }
    found
}

fn years(budget: &Budget, out: &mut Vec<Finding>) {
    let year = budget.profile.year;
    let n = &budget.narrative;
    let mut scanned: Vec<(Location, String, &str)> = vec![
        (Location::Narrative, "变动原因".into(), &n.change_reason),
        (Location::Narrative, "三公说明".into(), &n.sangong_reason),
        (
            Location::Narrative,
            "机关运行经费说明".into(),
            &n.operating_reason,
        ),
    ];
    for (index, p) in budget.projects.iter().enumerate() {
        for (field, label, text) in [
            ("plan", "项目实施计划", &p.plan),
            ("goal_period", "实施期目标", &p.goal_period),
            ("goal_year", "年度目标", &p.goal_year),
        ] {
            scanned.push((
                Location::Project {
                    index,
                    field: ProjectField::Text(field),
                },
                format!("“{}”{label}", p.name),
                text,
            ));
        }
    }
    for (location, label, text) in scanned {
        for y in years_in(text) {
            if y != year && y != year - 1 {
                out.push(Finding {
                    severity: Severity::Warning,
                    rule: Rule::YearInText,
                    location: location.clone(),
                    difference: None,
                    message_zh: format!("{label}提到{y}年，预算年度是{year}年"),
                    message_en: format!("{label} mentions {y}; the budget year is {year}"),
                });
            }
        }
    }
}

fn sections(budget: &Budget, derived: &Derived, out: &mut Vec<Finding>) {
    let mut missing = |location: Location, zh: &str, en: &str| {
        out.push(Finding {
            severity: Severity::Warning,
            rule: Rule::SectionMissing,
            location,
            difference: None,
            message_zh: format!("缺少{zh}"),
            message_en: format!("{en} is missing"),
        });
    };
    let p = &budget.profile;
    if p.units.is_empty() {
        missing(
            Location::Profile,
            "预算单位构成",
            "the list of budget units",
        );
    }
    if p.responsibilities.is_empty() {
        missing(Location::Profile, "本单位职责", "the responsibilities");
    }
    if p.organisation.trim().is_empty() {
        missing(
            Location::Profile,
            "机构设置情况",
            "the internal organisation",
        );
    }
    if budget.function_lines.is_empty() {
        missing(
            Location::Table {
                table: TableId::Expenditure,
                code: None,
            },
            "支出功能分类明细",
            "expenditure detail",
        );
    }
    let basic = derived.function.grand_of(IncomeSource::GeneralPublic).basic;
    if budget.economic.lines.is_empty() && !basic.is_zero() {
        missing(
            Location::Table {
                table: TableId::BasicByEconomic,
                code: None,
            },
            "基本支出分经济科目表",
            "the basic expenditure by economic class",
        );
    }
    if budget.projects.is_empty() && !derived.summary.project.is_zero() {
        missing(
            Location::Narrative,
            "项目支出绩效目标表",
            "the performance-target forms",
        );
    }
    if budget.operating_costs.entries.is_empty() {
        missing(
            Location::Table {
                table: TableId::OperatingCosts,
                code: None,
            },
            "机关运行经费",
            "agency operating costs",
        );
    }
    if budget.assets.office_areas.is_empty() && budget.assets.vehicles.is_empty() {
        missing(
            Location::Assets,
            "国有资产占有使用情况",
            "the state assets section",
        );
    }
}

#[cfg(test)]
mod tests {
    use super::years_in;

    #[test]
    fn years_outside_citations() {
        assert_eq!(years_in("2021年2月，完成设计"), vec![2021]);
        assert_eq!(years_in("（忻政办发〔2019〕217 号）"), Vec::<i32>::new());
        assert_eq!(years_in("从2022年1月起至2022年底"), vec![2022, 2022]);
        assert_eq!(years_in("2021 年国资国企"), vec![2021]);
        assert_eq!(years_in("20211207104157"), Vec::<i32>::new());
        assert_eq!(years_in("费用约 12 万元"), Vec::<i32>::new());
    }
}
