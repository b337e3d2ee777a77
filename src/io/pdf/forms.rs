//! The ruled forms of the printed document: the 项目支出绩效目标申报表 in the official grid (funds
//! for the period and the year side by side, the texts, the goals, and the indicator table with the
//! period's and the year's rows side by side under the fixed 一级/二级 tree), and the 项目经费情况说明
//! of templates that describe selected projects instead.

use serde::Serialize;

use super::data::{Block, numbered, paragraphs, plain, t};
use crate::model::{
    Budget, Funds, Indicator, IndicatorGroup, IndicatorKind, Money, Project, ProjectDescription,
    ProjectText,
};

/// A ruled grid: columns and cells placed left to right, top to bottom (spans skip covered
/// places), as typst's table places them.
#[derive(Debug, Serialize)]
pub(in crate::io::pdf) struct Grid {
    /// Bold, centred above the grid (not listed in the contents).
    pub title: String,
    /// Under the title (`（2022年度）`).
    pub subtitle: String,
    /// Relative column widths.
    pub columns: Vec<f32>,
    /// The cells.
    pub cells: Vec<GridCell>,
}

/// A cell of a grid.
#[derive(Debug, Serialize)]
pub(in crate::io::pdf) struct GridCell {
    /// Text.
    pub t: String,
    /// Columns spanned.
    pub cs: usize,
    /// Rows spanned.
    pub rs: usize,
    /// A label: bold and centred.
    pub b: bool,
    /// Right-aligned (amounts).
    pub r: bool,
}

fn label(text: impl Into<String>) -> GridCell {
    GridCell {
        t: text.into(),
        cs: 1,
        rs: 1,
        b: true,
        r: false,
    }
}

fn value(text: impl Into<String>) -> GridCell {
    GridCell {
        t: text.into(),
        cs: 1,
        rs: 1,
        b: false,
        r: false,
    }
}

impl GridCell {
    fn span(mut self, cols: usize) -> Self {
        self.cs = cols;
        self
    }

    fn down(mut self, rows: usize) -> Self {
        self.rs = rows;
        self
    }

    fn right(mut self) -> Self {
        self.r = true;
        self
    }
}

/// An amount in 元 as a form prints it: whole yuan, or two decimals where there are cents.
fn yuan(amount: Money) -> String {
    let dp = if amount.value().fract().is_zero() {
        0
    } else {
        2
    };
    amount.format_grouped(dp)
}

/// The total a form prints: the figure it states, else the sum of its sources.
fn funds_total(funds: &Funds) -> Money {
    funds.stated_total.unwrap_or_else(|| funds.total())
}

/// The title of the form. The seed prefixes its city's wording (`忻州市市级预算部门（单位）`),
/// which the budget does not record, so the form's own name is printed.
fn form_title(zh: bool) -> String {
    t(
        zh,
        "项目支出绩效目标申报表",
        "Project performance-target form",
    )
}

/// The rows of the indicator table: per 二级 kind in the fixed order, as many rows as the longer
/// of the period's and the year's lists (at least one, so every kind of the tree is printed).
fn indicator_cells(project: &Project, zh: bool) -> (Vec<GridCell>, usize) {
    let mut cells = Vec::new();
    let mut rows = 0;
    for group in IndicatorGroup::ALL {
        let kinds: Vec<IndicatorKind> = IndicatorKind::ALL
            .into_iter()
            .filter(|k| k.group() == group)
            .collect();
        let of = |list: &[Indicator], k: IndicatorKind| -> Vec<(String, String)> {
            list.iter()
                .filter(|i| i.kind == k)
                .map(|i| (i.name.clone(), i.target.clone()))
                .collect()
        };
        let heights: Vec<usize> = kinds
            .iter()
            .map(|k| {
                of(&project.indicators_period, *k)
                    .len()
                    .max(of(&project.indicators_year, *k).len())
                    .max(1)
            })
            .collect();
        let group_rows: usize = heights.iter().sum();
        rows += group_rows;
        cells.push(label(group.label(zh)).down(group_rows));
        for (k, height) in kinds.iter().zip(&heights) {
            let period = of(&project.indicators_period, *k);
            let year = of(&project.indicators_year, *k);
            for r in 0..*height {
                for list in [&period, &year] {
                    if r == 0 {
                        cells.push(value(k.label(zh)).down(*height));
                    }
                    let (name, target) = list.get(r).cloned().unwrap_or_default();
                    cells.push(value(name));
                    cells.push(value(target));
                }
            }
        }
    }
    (cells, rows)
}

/// One performance-target form as a grid of eight columns.
fn project_form(budget: &Budget, project: &Project, zh: bool) -> Grid {
    let l = |p: ProjectText| label(p.label(zh));
    let mut cells = vec![
        l(ProjectText::Name),
        value(&project.name).span(7),
        l(ProjectText::Department),
        value(&project.department).span(3),
        label(t(zh, "实施单位", "Implementing unit")),
        value(budget.unit_name(&project.unit_code)).span(3),
        label(t(zh, "项目属性", "Kind")),
        value(project.kind.label(zh)).span(3),
        l(ProjectText::Period),
        value(&project.period).span(3),
    ];
    let sources_p = project.funds_period.sources();
    let sources_y = project.funds_year.sources();
    cells.push(label(t(zh, "项目资金（元）", "Funds (yuan)")).down(1 + sources_p.len()));
    cells.push(value(t(zh, "实施期资金总额：", "Whole period:")).span(2));
    cells.push(value(yuan(funds_total(&project.funds_period))).right());
    cells.push(value(t(zh, "年度资金总额：", "The year:")).span(2));
    cells.push(
        value(yuan(funds_total(&project.funds_year)))
            .span(2)
            .right(),
    );
    for (k, ((source, period), (_, year))) in sources_p.iter().zip(&sources_y).enumerate() {
        let name = if k == 0 && zh {
            format!("其中：{}", source.label(zh))
        } else {
            source.label(zh).to_owned()
        };
        cells.push(value(name.clone()).span(2));
        cells.push(value(yuan(*period)).right());
        cells.push(value(name).span(2));
        cells.push(value(yuan(*year)).span(2).right());
    }
    for (p, text) in [
        (ProjectText::Overview, &project.overview),
        (ProjectText::Basis, &project.basis),
        (ProjectText::Necessity, &project.necessity),
        (ProjectText::Safeguards, &project.safeguards),
        (ProjectText::Plan, &project.plan),
    ] {
        cells.push(l(p));
        cells.push(value(text).span(7));
    }
    cells.push(label(t(zh, "总体目标", "Overall goals")).down(2));
    cells.push(label(t(zh, "实施期目标", "Whole period")).span(3));
    cells.push(label(t(zh, "年度目标", "The year")).span(4));
    cells.push(value(&project.goal_period).span(3));
    cells.push(value(&project.goal_year).span(4));
    let (indicators, rows) = indicator_cells(project, zh);
    cells.push(label(t(zh, "绩效指标", "Indicators")).down(rows + 1));
    for h in [
        t(zh, "一级指标", "Level 1"),
        t(zh, "二级指标", "Level 2"),
        t(zh, "三级指标", "Level 3"),
        t(zh, "指标值", "Target"),
        t(zh, "二级指标", "Level 2"),
        t(zh, "三级指标", "Level 3"),
        t(zh, "指标值", "Target"),
    ] {
        cells.push(label(h));
    }
    cells.extend(indicators);
    for (p, v) in [
        (ProjectText::Leader, &project.leader),
        (ProjectText::Handler, &project.handler),
        (ProjectText::Phone, &project.phone),
        (ProjectText::Date, &project.date),
    ] {
        cells.push(l(p));
        cells.push(value(v));
    }
    if !project.note.is_empty() {
        cells.push(l(ProjectText::Note));
        cells.push(value(&project.note).span(7));
    }
    let year = budget.profile.year;
    Grid {
        title: form_title(zh),
        subtitle: if zh {
            format!("（{year}年度）")
        } else {
            format!("({year})")
        },
        columns: vec![1.4, 1.3, 1.8, 1.8, 1.1, 1.8, 1.8, 1.1],
        cells,
    }
}

/// Every project's form, each on a new page.
pub(in crate::io::pdf) fn project_forms(budget: &Budget, zh: bool) -> Vec<Block> {
    let mut blocks = Vec::with_capacity(budget.projects.len() * 2);
    for project in &budget.projects {
        blocks.push(Block::PageBreak);
        blocks.push(Block::Grid(project_form(budget, project, zh)));
    }
    blocks
}

/// The 项目经费情况说明 of each selected project: its texts under numbered headings, its amount
/// and, where printed, the quarterly plan.
pub(in crate::io::pdf) fn descriptions(budget: &Budget, zh: bool) -> Vec<Block> {
    let unit = budget.template().text_unit;
    let mut blocks = Vec::new();
    for d in &budget.descriptions {
        blocks.push(Block::Heading {
            text: if zh {
                format!("{}项目经费情况说明", d.name)
            } else {
                format!("{}: project description", d.name)
            },
        });
        blocks.extend(description_blocks(d, unit, zh));
    }
    if blocks.is_empty() {
        blocks.push(Block::Paragraphs {
            paragraphs: vec![plain(&t(zh, "无。", "None."))],
        });
    }
    blocks
}

fn description_blocks(
    d: &ProjectDescription,
    unit: crate::model::MoneyUnit,
    zh: bool,
) -> Vec<Block> {
    let mut paras = Vec::new();
    for (i, field) in crate::model::DescriptionText::ALL.iter().enumerate() {
        let heading = if zh {
            field.label_zh()
        } else {
            field.label_en()
        };
        paras.push(plain(&numbered(i, heading, zh)));
        let mut text = paragraphs(field.get(d));
        if *field == crate::model::DescriptionText::AnnualPlan
            && let Some(amount) = d.amount
        {
            text.insert(
                0,
                plain(&format!(
                    "{}{} {}",
                    t(zh, "年度预算：", "Budget of the year: "),
                    amount.format_grouped(2),
                    unit.label(zh)
                )),
            );
        }
        paras.extend(text);
    }
    let mut blocks = vec![Block::Paragraphs { paragraphs: paras }];
    if let Some(q) = d.quarters {
        let mut cells: Vec<GridCell> = [
            t(zh, "第一季度", "Q1"),
            t(zh, "第二季度", "Q2"),
            t(zh, "第三季度", "Q3"),
            t(zh, "第四季度", "Q4"),
            t(zh, "合计", "Total"),
        ]
        .into_iter()
        .map(label)
        .collect();
        for m in q {
            cells.push(value(m.format_grouped(2)).right());
        }
        let total = d.quarters_total().unwrap_or(Money::ZERO);
        cells.push(value(total.format_grouped(2)).right());
        blocks.push(Block::Grid(Grid {
            title: String::new(),
            subtitle: format!("{}{}", t(zh, "单位：", "Unit: "), unit.label(zh)),
            columns: vec![1.0; 5],
            cells,
        }));
    }
    blocks
}
