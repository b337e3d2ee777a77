//! The figures each chart of the expenditure structure shows, taken from the derived tables, with
//! shares computed the narrative's way (they sum to exactly 100.00%). No drawing here.

use rust_decimal::Decimal;

use super::{Derived, percent_shares};
use crate::model::codes::class_name_zh;
use crate::model::{Budget, Money, MoneyUnit};

/// The charts of the Overview and of presentation mode, in slide order.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize,
)]
pub enum ChartKind {
    /// Expenditure by 功能分类 类 (drills down to 款 and 项): a donut.
    #[default]
    Classes,
    /// Basic against project expenditure: a donut.
    BasicProject,
    /// Each 类 split into basic and project: stacked bars.
    ClassSplit,
    /// Basic expenditure by economic class, with staff and running costs: bars.
    Economic,
    /// 三公经费 this year against last year: grouped bars.
    Sangong,
    /// Performance-target projects by the year's funds, largest first: bars.
    Projects,
}

impl ChartKind {
    /// All charts, in slide order.
    pub const ALL: [ChartKind; 6] = [
        ChartKind::Classes,
        ChartKind::BasicProject,
        ChartKind::ClassSplit,
        ChartKind::Economic,
        ChartKind::Sangong,
        ChartKind::Projects,
    ];

    /// True for the donuts.
    #[must_use]
    pub fn is_pie(self) -> bool {
        matches!(self, ChartKind::Classes | ChartKind::BasicProject)
    }

    /// Short name, used in file names.
    #[must_use]
    pub fn slug(self) -> &'static str {
        match self {
            ChartKind::Classes => "classes",
            ChartKind::BasicProject => "basic-project",
            ChartKind::ClassSplit => "class-split",
            ChartKind::Economic => "economic",
            ChartKind::Sangong => "sangong",
            ChartKind::Projects => "projects",
        }
    }

    /// Title.
    #[must_use]
    pub fn title(self, zh: bool) -> &'static str {
        match (self, zh) {
            (ChartKind::Classes, true) => "支出功能分类结构",
            (ChartKind::Classes, false) => "Expenditure by function",
            (ChartKind::BasicProject, true) => "基本支出与项目支出",
            (ChartKind::BasicProject, false) => "Basic and project expenditure",
            (ChartKind::ClassSplit, true) => "各类支出的基本与项目构成",
            (ChartKind::ClassSplit, false) => "Basic and project by class",
            (ChartKind::Economic, true) => "基本支出经济分类",
            (ChartKind::Economic, false) => "Basic expenditure by economic class",
            (ChartKind::Sangong, true) => "“三公”经费本年与上年",
            (ChartKind::Sangong, false) => "\"Three public\" costs, this year and last",
            (ChartKind::Projects, true) => "绩效目标项目年度资金",
            (ChartKind::Projects, false) => "Performance projects by year funds",
        }
    }
}

/// One slice or bar.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Datum {
    /// Code (类/款/项, economic class) or position, for drill-down and hover.
    pub code: String,
    /// Name shown.
    pub label: String,
    /// Value (the sum of `parts` for stacked and grouped bars).
    pub value: Money,
    /// Share of the chart's total, percent, two decimals.
    pub share: Decimal,
    /// Colour slot (the same 类 always has the same slot).
    pub colour: usize,
    /// True when clicking it drills down.
    pub drillable: bool,
    /// The stacked or grouped parts, aligned with [`Chart::series`].
    pub parts: Vec<Money>,
}

/// A chart's figures.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Chart {
    /// Which chart.
    pub kind: ChartKind,
    /// Title (with the drill path).
    pub title: String,
    /// A line under the title (e.g. 人员经费 and 公用经费).
    pub note: String,
    /// The unit of the values.
    pub unit: MoneyUnit,
    /// The slices or bars.
    pub data: Vec<Datum>,
    /// Names of the parts of stacked or grouped bars (empty for single series).
    pub series: Vec<String>,
    /// Total of the values.
    pub total: Money,
}

fn with_shares(mut data: Vec<Datum>) -> Vec<Datum> {
    let values: Vec<Money> = data.iter().map(|d| d.value).collect();
    for (d, s) in data.iter_mut().zip(percent_shares(&values)) {
        d.share = s;
    }
    data
}

fn datum(code: String, label: String, value: Money, colour: usize) -> Datum {
    Datum {
        code,
        label,
        value,
        share: Decimal::ZERO,
        colour,
        drillable: false,
        parts: Vec::new(),
    }
}

/// The figures of `kind`. For [`ChartKind::Classes`], `drill` is the 类 or 款 code whose
/// children are shown (`None`: the 类 themselves).
#[must_use]
pub fn chart(
    budget: &Budget,
    derived: &Derived,
    kind: ChartKind,
    drill: Option<&str>,
    zh: bool,
) -> Chart {
    let unit = budget.unit;
    let s = &derived.summary;
    let f = &derived.function;
    let mut note = String::new();
    let mut title = kind.title(zh).to_owned();
    let mut series = Vec::new();
    let data: Vec<Datum> = match kind {
        ChartKind::Classes => {
            let class_rank = |code: &str| {
                s.classes
                    .iter()
                    .position(|c| code.starts_with(c.code.as_str()))
                    .unwrap_or(0)
            };
            match drill.and_then(|code| f.row_of(code).map(|r| (code, r))) {
                None => s
                    .classes
                    .iter()
                    .enumerate()
                    .map(|(rank, c)| {
                        let mut d = datum(c.code.clone(), c.name.clone(), c.amounts.total(), rank);
                        d.drillable = f
                            .row_of(&c.code)
                            .and_then(|r| f.rows.get(r))
                            .is_some_and(|r| r.has_children);
                        d
                    })
                    .collect(),
                Some((code, parent)) => {
                    let parent_name = f
                        .rows
                        .get(parent)
                        .and_then(|r| r.line)
                        .and_then(|l| budget.function_lines.get(l))
                        .map(|l| l.name.clone())
                        .or_else(|| class_name_zh(code).map(str::to_owned))
                        .unwrap_or_default();
                    title = format!("{title} · [{code}] {parent_name}");
                    let base = class_rank(code);
                    let mut children: Vec<Datum> = f
                        .rows
                        .iter()
                        .enumerate()
                        .filter(|(_, r)| r.parent == Some(parent) && !r.total.total().is_zero())
                        .enumerate()
                        .map(|(k, (_, r))| {
                            let name = r
                                .line
                                .and_then(|l| budget.function_lines.get(l))
                                .map(|l| l.name.clone())
                                .unwrap_or_default();
                            let mut d = datum(r.code.clone(), name, r.total.total(), base + k);
                            d.drillable = r.has_children;
                            d
                        })
                        .collect();
                    // Money entered on the parent itself, not itemised further.
                    let own = f
                        .rows
                        .get(parent)
                        .map_or(Money::ZERO, |r| r.total.total())
                        .saturating_sub(Money::saturating_sum(children.iter().map(|d| d.value)));
                    if !own.is_zero() {
                        let label = if zh { "未细化" } else { "not itemised" };
                        let k = children.len();
                        children.push(datum(code.to_owned(), label.to_owned(), own, base + k));
                    }
                    children
                }
            }
        }
        ChartKind::BasicProject => vec![
            datum(
                "basic".into(),
                (if zh { "基本支出" } else { "Basic" }).into(),
                s.basic,
                0,
            ),
            datum(
                "project".into(),
                (if zh { "项目支出" } else { "Project" }).into(),
                s.project,
                1,
            ),
        ],
        ChartKind::ClassSplit => {
            series = vec![
                (if zh { "基本支出" } else { "Basic" }).to_owned(),
                (if zh { "项目支出" } else { "Project" }).to_owned(),
            ];
            s.classes
                .iter()
                .enumerate()
                .map(|(rank, c)| {
                    let mut d = datum(c.code.clone(), c.name.clone(), c.amounts.total(), rank);
                    d.parts = vec![c.amounts.basic, c.amounts.project];
                    d
                })
                .collect()
        }
        ChartKind::Economic => {
            note = if zh {
                format!(
                    "人员经费 {} · 公用经费 {}",
                    s.staff.format_grouped(2),
                    s.running.format_grouped(2)
                )
            } else {
                format!(
                    "Staff {} · running {}",
                    s.staff.format_grouped(2),
                    s.running.format_grouped(2)
                )
            };
            derived
                .economic
                .rows
                .iter()
                .filter(|r| r.level == crate::model::codes::Level::Class && !r.total.is_zero())
                .enumerate()
                .map(|(k, r)| {
                    let name = r
                        .line
                        .and_then(|l| budget.economic.lines.get(l))
                        .map(|l| l.name.clone())
                        .unwrap_or_default();
                    datum(r.code.clone(), name, r.total, k)
                })
                .collect()
        }
        ChartKind::Sangong => {
            series = vec![
                (if zh { "本年" } else { "This year" }).to_owned(),
                (if zh { "上年" } else { "Last year" }).to_owned(),
            ];
            let this = budget.sangong.this_year;
            let last = budget.sangong.last_year.unwrap_or_default();
            let to_table = |m: Money| budget.sangong.unit.convert(m, unit);
            let mut rows: Vec<Datum> = this
                .items()
                .into_iter()
                .zip(last.items())
                .enumerate()
                .map(|(k, ((item, a), (_, b)))| {
                    let label = item.label(zh);
                    let mut d = datum(format!("{item:?}"), label.to_owned(), to_table(a), k);
                    d.parts = vec![to_table(a), to_table(b)];
                    d
                })
                .collect();
            let mut total = datum(
                "total".into(),
                (if zh { "合计" } else { "Total" }).into(),
                to_table(this.total()),
                4,
            );
            total.parts = vec![to_table(this.total()), to_table(last.total())];
            rows.push(total);
            // Shares are not meaningful across this and last year; keep the value only.
            return Chart {
                kind,
                title,
                note,
                unit,
                data: rows,
                series,
                total: to_table(this.total()),
            };
        }
        ChartKind::Projects => {
            let mut projects: Vec<Datum> = budget
                .projects
                .iter()
                .enumerate()
                .map(|(i, p)| {
                    let value = MoneyUnit::Yuan.convert(p.funds_year.total(), unit);
                    let rank = s
                        .project_funds
                        .iter()
                        .position(|u| u.unit_code == p.unit_code)
                        .unwrap_or(0);
                    datum(i.to_string(), p.name.clone(), value, rank)
                })
                .collect();
            projects.sort_by_key(|d| std::cmp::Reverse(d.value));
            let per_unit: Vec<String> = s
                .project_funds
                .iter()
                .map(|u| format!("{} {}", u.unit_name, u.in_table_unit.format_grouped(2)))
                .collect();
            note = per_unit.join(" · ");
            projects
        }
    };
    let data = with_shares(data);
    let total = Money::saturating_sum(data.iter().map(|d| d.value));
    Chart {
        kind,
        title,
        note,
        unit,
        data,
        series,
        total,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calc::derive;
    use crate::model::money::m;
    use std::str::FromStr;

    fn sample() -> (Budget, Derived) {
        let b = crate::sample::sample_budget().unwrap();
        let d = derive(&b);
        (b, d)
    }

    #[test]
    fn class_shares_are_the_narratives() {
        let (b, d) = sample();
        let c = chart(&b, &d, ChartKind::Classes, None, true);
        let shares: Vec<String> = c.data.iter().map(|d| d.share.to_string()).collect();
        assert_eq!(shares, ["88.99", "0.38", "0.08", "9.72", "0.83"]);
        assert_eq!(c.total, m("10441.41"));
        // [221] is published at class level only: nothing to drill into.
        let drillable: Vec<bool> = c.data.iter().map(|d| d.drillable).collect();
        assert_eq!(drillable, [true, true, true, true, false]);
    }

    #[test]
    fn drilling_into_215_shows_its_sections_and_the_unitemised_rest() {
        let (b, d) = sample();
        let c = chart(&b, &d, ChartKind::Classes, Some("215"), true);
        let got: Vec<(&str, Money)> = c.data.iter().map(|d| (d.code.as_str(), d.value)).collect();
        assert_eq!(
            got,
            vec![
                ("21505", m("751.54")),
                ("21508", m("246.28")),
                ("215", m("16.60"))
            ]
        );
        assert_eq!(
            c.data.iter().map(|d| d.share).sum::<Decimal>(),
            Decimal::from_str("100").unwrap()
        );
        let deeper = chart(&b, &d, ChartKind::Classes, Some("21505"), true);
        assert_eq!(deeper.data.len(), 4);
        assert!(deeper.data.iter().all(|d| !d.drillable));
    }

    #[test]
    fn projects_are_sorted_and_sangong_has_both_years() {
        let (b, d) = sample();
        let p = chart(&b, &d, ChartKind::Projects, None, true);
        assert_eq!(p.data.len(), 11);
        assert_eq!(p.data[0].value, m("9000"));
        assert!(p.data.windows(2).all(|w| w[0].value >= w[1].value));
        let s = chart(&b, &d, ChartKind::Sangong, None, true);
        let total = s.data.last().unwrap();
        assert_eq!(total.parts, vec![m("5.00"), m("7")]);
        let e = chart(&b, &d, ChartKind::Economic, None, true);
        assert_eq!(e.data.len(), 5);
        assert!(e.note.contains("967.46"));
    }
}
