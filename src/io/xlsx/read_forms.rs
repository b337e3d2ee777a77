//! Reading a performance-target form and the contents sheet by their labels: each value is the
//! cell just right of its label (after the label's merged range), so the app's own layout and the
//! printed form's, with period and year side by side, both read.

use super::Problem;
use super::forms::{
    CONTACTS, DEPARTMENT, DEPARTMENT_CODE, DEPARTMENT_NAME, FUNCTION_CODE, GOALS, KIND, NOTE,
    PERIOD, PERIOD_TOTAL, PROJECT_NAME, TEXTS, UNIT, UNIT_CODE, YEAR, YEAR_TOTAL,
};
use super::grid::Grid;
use super::recognise::{amount, squeeze};
use crate::model::performance::FundSource;
use crate::model::{
    BudgetUnit, Funds, Indicator, IndicatorKind, Money, MoneyUnit, Project, ProjectKind, UnitKind,
};

/// A label as compared: no spaces, no trailing colon, ASCII parentheses.
fn key(text: &str) -> String {
    squeeze(text)
        .trim_end_matches([':', '：'])
        .replace('（', "(")
        .replace('）', ")")
}

/// Every label cell of a sheet with its key, in reading order.
fn labels(grid: &Grid) -> Vec<(u32, u32, String)> {
    let mut out = Vec::new();
    for r in 0..grid.height() {
        for c in 0..grid.width() {
            let text = grid.text(r, c);
            if !text.is_empty() {
                out.push((r, c, key(&text)));
            }
        }
    }
    out
}

/// The first cell whose key is `want`.
fn find(all: &[(u32, u32, String)], want: &str) -> Option<(u32, u32)> {
    all.iter()
        .find(|(_, _, k)| k == want)
        .map(|(r, c, _)| (*r, *c))
}

/// The cell right of (`r`, `c`) once its merged range ends.
fn right_of(grid: &Grid, (r, c): (u32, u32)) -> (u32, u32) {
    let (_, end) = grid.merged_end(r, c);
    (r, end + 1)
}

fn text_right(grid: &Grid, all: &[(u32, u32, String)], label: &str) -> String {
    find(all, label).map_or_else(String::new, |at| {
        let (r, c) = right_of(grid, at);
        grid.text(r, c)
    })
}

/// Reads one form; the implementing unit is returned by name for the caller to resolve.
pub(super) fn project(grid: &Grid, problems: &mut Vec<Problem>) -> Project {
    let all = labels(grid);
    let mut project = Project {
        name: text_right(grid, &all, PROJECT_NAME),
        department: text_right(grid, &all, DEPARTMENT),
        unit_code: text_right(grid, &all, UNIT),
        kind: if text_right(grid, &all, KIND).contains("经常") {
            ProjectKind::Recurring
        } else {
            ProjectKind::OneOff
        },
        period: text_right(grid, &all, PERIOD),
        ..Project::default()
    };
    let texts: Vec<String> = TEXTS
        .iter()
        .map(|l| text_right(grid, &all, &key(l)))
        .collect();
    if let [overview, basis, necessity, safeguards, plan] = &texts[..] {
        project.overview.clone_from(overview);
        project.basis.clone_from(basis);
        project.necessity.clone_from(necessity);
        project.safeguards.clone_from(safeguards);
        project.plan.clone_from(plan);
    }
    project.funds_period = funds(grid, &all, PERIOD_TOTAL, 0, problems);
    project.funds_year = funds(grid, &all, YEAR_TOTAL, 1, problems);
    if let (Some(p), Some(y)) = (find(&all, "实施期目标"), find(&all, "年度目标")) {
        project.goal_period = grid.text(p.0 + 1, p.1);
        project.goal_year = grid.text(y.0 + 1, y.1);
    } else if let Some(at) = find(&all, GOALS) {
        project.goal_year = grid.text(right_of(grid, at).0, right_of(grid, at).1);
    }
    let (period, year) = indicators(grid, &all);
    project.indicators_period = period;
    project.indicators_year = year;
    let contacts: Vec<String> = CONTACTS.iter().map(|l| text_right(grid, &all, l)).collect();
    if let [leader, handler, phone, date] = &contacts[..] {
        project.leader.clone_from(leader);
        project.handler.clone_from(handler);
        project.phone.clone_from(phone);
        project.date.clone_from(date);
    }
    let code = text_right(grid, &all, FUNCTION_CODE);
    project.function_code = (!code.is_empty()).then_some(code);
    project.note = text_right(grid, &all, NOTE);
    project
}

/// One side of the funds block: its total (`total` label) and the sources, the `side`-th
/// occurrence of each source label on its row (0 the period's, 1 the year's).
fn funds(
    grid: &Grid,
    all: &[(u32, u32, String)],
    total: &str,
    side: usize,
    problems: &mut Vec<Problem>,
) -> Funds {
    let mut funds = Funds::default();
    let mut read = |at: (u32, u32)| -> Option<(Money, bool)> {
        let (r, c) = right_of(grid, at);
        match amount(grid, r, c, MoneyUnit::Yuan) {
            Ok(a) => a.map(|a| (Money(a.value), a.is_derived())),
            Err(p) => {
                problems.push(p);
                None
            }
        }
    };
    if let Some(at) = find(all, total) {
        // A printed total is the form's statement; the app's own sum of the sources is not.
        funds.stated_total = match read(at) {
            Some((value, false)) => Some(value),
            _ => None,
        };
    }
    for source in [
        FundSource::Central,
        FundSource::Provincial,
        FundSource::Local,
        FundSource::SelfRaised,
        FundSource::Other,
    ] {
        let want = key(source.label_zh());
        let hit = all
            .iter()
            .filter(|(_, _, k)| {
                k.trim_start_matches("其中").trim_start_matches([':', '：']) == want
            })
            .nth(side);
        if let Some((r, c, _)) = hit
            && let Some((value, _)) = read((*r, *c))
        {
            *funds.source_mut(source) = value;
        }
    }
    funds
}

/// The indicator rows: under each header row (一级指标, 二级指标, 三级指标, 指标值) one or two
/// sets of columns; a header with two sets is the period's then the year's, a single set belongs
/// to the year when the block's title says 年度.
fn indicators(grid: &Grid, all: &[(u32, u32, String)]) -> (Vec<Indicator>, Vec<Indicator>) {
    let mut period = Vec::new();
    let mut year = Vec::new();
    let heads: Vec<u32> = all
        .iter()
        .filter(|(_, _, k)| k == "二级指标")
        .map(|(r, _, _)| *r)
        .fold(Vec::new(), |mut v, r| {
            if v.last() != Some(&r) {
                v.push(r);
            }
            v
        });
    for (blocks, head) in heads.into_iter().enumerate() {
        let sets: Vec<(u32, u32, u32)> = all
            .iter()
            .filter(|(r, _, k)| *r == head && k == "二级指标")
            .filter_map(|(_, c2, _)| {
                let c3 = all
                    .iter()
                    .find(|(r, c, k)| *r == head && c > c2 && k == "三级指标")?
                    .1;
                let c4 = all
                    .iter()
                    .find(|(r, c, k)| *r == head && *c > c3 && k == "指标值")?
                    .1;
                Some((*c2, c3, c4))
            })
            .collect();
        let titled_year = head > 0 && key(&grid.text(head - 1, 0)).contains("年度");
        for (k, (c2, c3, c4)) in sets.iter().enumerate() {
            let to_year = if sets.len() > 1 {
                k == 1
            } else {
                titled_year || blocks == 1
            };
            let mut rows = Vec::new();
            for r in head + 1..grid.height() {
                let Some(kind) = kind_named(&grid.text(r, *c2)) else {
                    break;
                };
                rows.push(Indicator {
                    kind,
                    name: grid.text(r, *c3),
                    target: grid.text(r, *c4),
                });
            }
            if to_year { year = rows } else { period = rows }
        }
    }
    (period, year)
}

fn kind_named(text: &str) -> Option<IndicatorKind> {
    let k = key(text);
    IndicatorKind::ALL
        .into_iter()
        .find(|kind| key(kind.label_zh()) == k)
}

/// What the contents sheet says of the department.
#[derive(Debug, Default)]
pub(super) struct ContentsRead {
    /// 部门编码.
    pub code: String,
    /// 部门名称.
    pub name: String,
    /// 预算年度.
    pub year: Option<i32>,
    /// The budget units.
    pub units: Vec<BudgetUnit>,
}

/// Reads the app's contents sheet.
pub(super) fn contents(grid: &Grid) -> ContentsRead {
    let all = labels(grid);
    let mut out = ContentsRead {
        code: text_right(grid, &all, DEPARTMENT_CODE),
        name: text_right(grid, &all, DEPARTMENT_NAME),
        year: text_right(grid, &all, YEAR).parse().ok(),
        units: Vec::new(),
    };
    if let Some((r0, c)) = find(&all, UNIT_CODE) {
        // A unit may have no code (a document that prints none); the list ends at a blank row.
        for r in r0 + 1..grid.height() {
            let (code, name) = (grid.text(r, c), grid.text(r, c + 1));
            if code.is_empty() && name.is_empty() {
                break;
            }
            let kind_text = grid.text(r, c + 2);
            let kind = UnitKind::ALL
                .into_iter()
                .find(|k| k.label_zh() == kind_text)
                .unwrap_or(if kind_text.contains("事业") {
                    UnitKind::Institution
                } else {
                    UnitKind::Administrative
                });
            out.units.push(BudgetUnit {
                merged: grid.text(r, c + 3) == "是",
                code,
                name,
                kind,
                budget: None,
            });
        }
    }
    out
}
