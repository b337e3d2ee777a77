//! Document hygiene: placeholder text left behind, years that do not belong to the budget,
//! required sections missing.

use super::facts::{NarrativeText, Section, TextPlace};
use super::{Facts, Finding, Location, ProjectField, Severity};
use crate::calc::Derived;
use crate::model::template::ProjectDisclosure;
use crate::model::{Budget, IncomeSource, ProjectText, TableId};

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
    reasons(budget, derived, out);
}

/// The form texts searched for placeholders: the ones a template leaves to be filled in.
const PLACEHOLDER_TEXTS: [ProjectText; 10] = [
    ProjectText::Name,
    ProjectText::Overview,
    ProjectText::Basis,
    ProjectText::Necessity,
    ProjectText::Safeguards,
    ProjectText::Plan,
    ProjectText::GoalPeriod,
    ProjectText::GoalYear,
    ProjectText::Leader,
    ProjectText::Handler,
];

/// The form texts searched for stray years: the ones that speak about when things happen.
const YEAR_TEXTS: [ProjectText; 3] = [
    ProjectText::Plan,
    ProjectText::GoalPeriod,
    ProjectText::GoalYear,
];

/// The narrative texts searched for stray years (the catch-all 其他说明 may cite any year).
const YEAR_NARRATIVE: [NarrativeText; 4] = [
    NarrativeText::ChangeReason,
    NarrativeText::ExpenditureReason,
    NarrativeText::SangongReason,
    NarrativeText::OperatingReason,
];

/// The placeholder in `text`, if any. One pass over the characters first: a 100,000-line budget
/// has 100,000 names to look at, nearly all of them clean.
fn placeholder_in(text: &str) -> Option<&'static str> {
    if !text.contains(['X', 'x', '×', '待', '请', '此', '{', '略']) {
        return None;
    }
    PLACEHOLDERS.iter().find(|m| text.contains(*m)).copied()
}

fn placeholders(budget: &Budget, out: &mut Vec<Finding>) {
    // Places are only built for texts that hold a placeholder: a 100,000-line budget has that
    // many names to look at, nearly all clean.
    let mut check = |location: &dyn Fn() -> Location, place: &dyn Fn() -> TextPlace, text: &str| {
        if let Some(mark) = placeholder_in(text) {
            out.push(Finding::new(
                Severity::Error,
                location(),
                Facts::Placeholder {
                    place: place(),
                    mark,
                },
            ));
        }
    };
    let p = &budget.profile;
    check(
        &|| Location::Profile,
        &|| TextPlace::DepartmentName,
        &p.department_name,
    );
    check(
        &|| Location::Profile,
        &|| TextPlace::ResponsibilitiesLead,
        &p.responsibilities_lead,
    );
    for (i, r) in p.responsibilities.iter().enumerate() {
        check(
            &|| Location::Profile,
            &|| TextPlace::Responsibility(i + 1),
            r,
        );
    }
    check(
        &|| Location::Profile,
        &|| TextPlace::Organisation,
        &p.organisation,
    );
    check(&|| Location::Profile, &|| TextPlace::ProfileNotes, &p.notes);
    for g in &p.glossary {
        check(
            &|| Location::Profile,
            &|| TextPlace::Glossary(g.term.clone()),
            &g.definition,
        );
    }
    for u in &p.units {
        check(
            &|| Location::Profile,
            &|| TextPlace::UnitName(u.code.clone()),
            &u.name,
        );
    }
    for text in NarrativeText::ALL {
        check(
            &|| Location::Narrative,
            &|| TextPlace::Narrative(text),
            text.get(&budget.narrative),
        );
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
                &|| TextPlace::LineName(code.to_owned()),
                name,
            );
        }
    }
    for (index, pr) in budget.projects.iter().enumerate() {
        for field in PLACEHOLDER_TEXTS {
            check(
                &|| Location::Project {
                    index,
                    field: ProjectField::Text(field),
                },
                &|| TextPlace::Project {
                    project: pr.name.clone(),
                    field,
                },
                field.get(pr),
            );
        }
        for ind in pr.indicators_period.iter().chain(&pr.indicators_year) {
            for (target, text) in [(false, &ind.name), (true, &ind.target)] {
                check(
                    &|| Location::Project {
                        index,
                        field: ProjectField::Indicators,
                    },
                    &|| TextPlace::Indicator {
                        project: pr.name.clone(),
                        target,
                    },
                    text,
                );
            }
        }
    }
    check(
        &|| Location::Assets,
        &|| TextPlace::AssetNotes,
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
    let mut scanned: Vec<(Location, TextPlace, &str)> = YEAR_NARRATIVE
        .into_iter()
        .map(|text| {
            (
                Location::Narrative,
                TextPlace::Narrative(text),
                text.get(&budget.narrative),
            )
        })
        .collect();
    for (index, p) in budget.projects.iter().enumerate() {
        for field in YEAR_TEXTS {
            scanned.push((
                Location::Project {
                    index,
                    field: ProjectField::Text(field),
                },
                TextPlace::Project {
                    project: p.name.clone(),
                    field,
                },
                field.get(p),
            ));
        }
    }
    for (location, place, text) in scanned {
        for y in years_in(text) {
            if y != year && y != year - 1 {
                out.push(Finding::new(
                    Severity::Warning,
                    location.clone(),
                    Facts::YearInText {
                        place: place.clone(),
                        year: y,
                        budget_year: year,
                    },
                ));
            }
        }
    }
}

/// A change the 情况说明 states needs the officer's reason (主要原因是……).
fn reasons(budget: &Budget, derived: &Derived, out: &mut Vec<Finding>) {
    for text in crate::calc::narrative::missing_officer_texts(budget, derived) {
        out.push(Finding::new(
            Severity::Warning,
            Location::Narrative,
            Facts::ReasonMissing(text),
        ));
    }
    // Each line whose paragraph compares it with last year's execution.
    for line in &budget.function_lines {
        if line.executed_last_year.is_none() || !line.reason.trim().is_empty() {
            continue;
        }
        let changed = derived
            .execution_change(budget, &line.code)
            .is_some_and(|c| !c.amount.is_zero());
        if changed {
            out.push(Finding::new(
                Severity::Warning,
                Location::Table {
                    table: TableId::Expenditure,
                    code: Some(line.code.clone()),
                },
                Facts::LineReasonMissing {
                    code: line.code.clone(),
                },
            ));
        }
    }
}

fn sections(budget: &Budget, derived: &Derived, out: &mut Vec<Finding>) {
    let mut missing = |location: Location, section: Section| {
        out.push(Finding::new(
            Severity::Warning,
            location,
            Facts::SectionMissing(section),
        ));
    };
    let table = |table: TableId| Location::Table { table, code: None };
    let p = &budget.profile;
    if p.units.is_empty() {
        missing(Location::Profile, Section::Units);
    }
    if p.responsibilities.is_empty() {
        missing(Location::Profile, Section::Responsibilities);
    }
    if p.organisation.trim().is_empty() {
        missing(Location::Profile, Section::Organisation);
    }
    if budget.function_lines.is_empty() {
        missing(table(TableId::Expenditure), Section::FunctionLines);
    }
    let basic = derived.function.grand_of(IncomeSource::GeneralPublic).basic;
    if budget.economic.lines.is_empty() && !basic.is_zero() {
        missing(table(TableId::BasicByEconomic), Section::EconomicTable);
    }
    if !derived.summary.project.is_zero() {
        match budget.template().projects {
            ProjectDisclosure::FormPerProject if budget.projects.is_empty() => {
                missing(Location::Projects, Section::PerformanceForms);
            }
            ProjectDisclosure::SelectedDescriptions if budget.performance_statement.is_none() => {
                missing(
                    Location::PerformanceStatement,
                    Section::PerformanceStatement,
                );
            }
            _ => {}
        }
    }
    // Only 行政 and 参公 units have 机关运行经费: a budget of 事业单位 alone has none to give.
    let agencies = p.units.is_empty() || p.units.iter().any(|u| u.kind.counts_as_agency());
    if budget.operating_costs.entries.is_empty() && agencies {
        missing(table(TableId::OperatingCosts), Section::OperatingCosts);
    }
    if budget.assets.office_areas.is_empty() && budget.assets.vehicles.is_empty() {
        missing(Location::Assets, Section::Assets);
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
