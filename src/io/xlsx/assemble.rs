//! Building the budget a workbook describes from the rows its sheets gave. Amounts land on the
//! deepest printed lines: a line's money is its own figure where nothing is printed below it, and
//! only the constant of the app's own `SUM(…)+x` on a parent (its unitemised money). Each line's
//! money is split by source from the tables of one fund type, the 收入总表's source columns and
//! the 支出总表's basic/project columns. The workbook's printed subtotals and totals are then
//! compared with what the lines give, and those that differ are kept as printed figures, for the
//! checks to report — never silently corrected.

use std::collections::{BTreeMap, HashSet};

use rust_decimal::Decimal;

use super::carry;
use super::import::Content;
use super::imported::{Parts, SheetReport};
use super::read_forms::ContentsRead;
use super::recognise::{Field, Frame, Kind, Line, Lines, Scope};
use super::small::{OperatingRead, Printed, SangongRead};
use super::stated::stated_figures;
use crate::calc::derive;
use crate::model::economic::standard_cost_kind;
use crate::model::{
    Budget, BudgetUnit, Column, CostKind, EconLine, EconScheme, FunctionLine, IncomeSource, Money,
    MoneyUnit, Project, TemplateId, UnitKind,
};

use super::imported::Imported;

/// A classification table read, with its sheet and unit.
#[derive(Debug)]
pub(super) struct TableRead {
    pub kind: Kind,
    pub sheet: String,
    pub unit: MoneyUnit,
    pub lines: Lines,
}

/// Everything the sheets gave, before the budget is built.
#[derive(Debug, Default)]
pub(super) struct Collected {
    pub sheets: Vec<SheetReport>,
    pub tables: Vec<TableRead>,
    pub summary: Vec<(String, MoneyUnit, Vec<Printed>)>,
    pub sangong: Option<(MoneyUnit, SangongRead)>,
    pub operating: Option<(MoneyUnit, OperatingRead)>,
    pub projects: Vec<Project>,
    pub contents: Option<ContentsRead>,
    /// The app's own workbook: the budget's rest, or why it could not be read.
    pub carried: Option<Result<Budget, String>>,
    year: Option<i32>,
    department: Option<String>,
}

impl Collected {
    /// Remembers the year and department a table's frame names.
    pub(super) fn note_frame(&mut self, frame: &Frame) {
        self.year = self.year.or(frame.year);
        if self.department.is_none() {
            self.department.clone_from(&frame.department);
        }
    }

    /// Keeps what the sheet named `sheet` holds.
    pub(super) fn add(&mut self, sheet: &str, content: Content) {
        match content {
            Content::Lines(kind, unit, lines) => self.tables.push(TableRead {
                kind,
                sheet: sheet.to_owned(),
                unit,
                lines,
            }),
            Content::Summary(unit, printed) => {
                self.summary.push((sheet.to_owned(), unit, printed));
            }
            Content::Sangong(unit, read) => self.sangong = Some((unit, read)),
            Content::Operating(unit, read) => self.operating = Some((unit, read)),
            Content::Form(project) => self.projects.push(*project),
            Content::Nothing => {}
        }
    }
}

/// Codes with a line printed below them in `lines`.
pub(super) fn parents(lines: &[Line]) -> HashSet<&str> {
    let mut set = HashSet::new();
    for line in lines {
        for len in [3, 5] {
            if line.code.len() > len
                && let Some(prefix) = line.code.get(..len)
            {
                set.insert(prefix);
            }
        }
    }
    set
}

/// A line's own figure in one column: the printed figure of a leaf; the constant of a parent's
/// `SUM(…)+x`, else nothing.
fn own(line: &Line, field: Field, is_parent: bool) -> Decimal {
    line.get(field).map_or(Decimal::ZERO, |a| {
        if is_parent {
            if a.is_derived() {
                a.own()
            } else {
                Decimal::ZERO
            }
        } else {
            a.value
        }
    })
}

/// What the tables say of one code, in the budget's unit.
#[derive(Debug, Default)]
struct Facts {
    name: String,
    /// Basic and project over all sources (支出总表).
    all: Option<(Decimal, Decimal)>,
    /// Basic and project of one fund type.
    fund: BTreeMap<IncomeSource, (Decimal, Decimal)>,
    /// Totals by source (收入总表).
    income: BTreeMap<IncomeSource, Decimal>,
    /// 财政拨款 as one column.
    fiscal: Decimal,
    /// 用途, last year's execution (in the budget's unit) and the reason, where a table gives them.
    purpose: String,
    executed: Option<Decimal>,
    reason: String,
}

impl Facts {
    /// Takes the line's paragraph fields from a table row that has them.
    fn story(&mut self, line: &super::line_rows::Line, conv: impl Fn(Decimal) -> Decimal) {
        if self.purpose.is_empty() {
            self.purpose.clone_from(&line.purpose);
        }
        if self.reason.is_empty() {
            self.reason.clone_from(&line.reason);
        }
        if self.executed.is_none() {
            self.executed = line.executed.as_ref().map(|a| conv(a.value));
        }
    }
}

fn function_lines(
    collected: &Collected,
    unit: MoneyUnit,
    income_columns: &[IncomeSource],
    notes: &mut Vec<(String, String)>,
) -> Option<Vec<FunctionLine>> {
    let mut facts: BTreeMap<String, Facts> = BTreeMap::new();
    let mut fund_tables: HashSet<IncomeSource> = HashSet::new();
    let mut any = false;
    for t in &collected.tables {
        let conv = |d: Decimal| t.unit.convert(Money(d), unit).value();
        let is_parent = parents(&t.lines.lines);
        match t.kind {
            Kind::Expenditure(scope) => {
                any = true;
                if let Scope::Only(s) = scope {
                    fund_tables.insert(s);
                }
                for line in &t.lines.lines {
                    let p = is_parent.contains(line.code.as_str());
                    let mut basic = conv(own(line, Field::Basic, p));
                    let project = conv(own(line, Field::Project, p));
                    if line.get(Field::Basic).is_none() && line.get(Field::Project).is_none() {
                        // A table with one amount column: the total, taken as basic.
                        basic = conv(own(line, Field::Total, p));
                    }
                    let f = facts.entry(line.code.clone()).or_default();
                    if f.name.is_empty() {
                        f.name.clone_from(&line.name);
                    }
                    f.story(line, conv);
                    match scope {
                        Scope::All => f.all = Some((basic, project)),
                        Scope::Only(s) => {
                            f.fund.insert(s, (basic, project));
                        }
                    }
                }
            }
            Kind::Income(scope) => {
                any = true;
                for line in &t.lines.lines {
                    let p = is_parent.contains(line.code.as_str());
                    let f = facts.entry(line.code.clone()).or_default();
                    if f.name.is_empty() {
                        f.name.clone_from(&line.name);
                    }
                    f.story(line, conv);
                    for (field, _, _) in &line.amounts {
                        let value = conv(own(line, *field, p));
                        match (field, scope) {
                            (Field::Source(s), _) => {
                                f.income.insert(*s, value);
                            }
                            (Field::Fiscal, _) => f.fiscal = value,
                            (Field::Total, Scope::Only(s)) => {
                                f.income.insert(s, value);
                            }
                            _ => {}
                        }
                    }
                }
            }
            _ => {}
        }
    }
    if !any {
        return None;
    }
    let default_source = income_columns
        .iter()
        .copied()
        .find(|s| !fund_tables.contains(s))
        .unwrap_or(IncomeSource::GeneralPublic);
    let mut assumed = 0usize;
    let mut lines = Vec::with_capacity(facts.len());
    for (code, f) in facts {
        let mut line = FunctionLine::new(code, f.name);
        line.purpose = f.purpose;
        line.reason = f.reason;
        line.executed_last_year = f.executed.map(Money);
        let mut put = |s: IncomeSource, b: Decimal, p: Decimal| {
            let old = line.split(s);
            line.set(s, Column::Basic, old.basic.saturating_add(Money(b)));
            line.set(s, Column::Project, old.project.saturating_add(Money(p)));
        };
        let (mut rb, mut rp) = f.all.unwrap_or_default();
        for (s, (b, p)) in &f.fund {
            put(*s, *b, *p);
            rb -= *b;
            rp -= *p;
        }
        let mut unknown: Vec<(IncomeSource, Decimal)> = f
            .income
            .iter()
            .filter(|(s, t)| !fund_tables.contains(s) && !t.is_zero())
            .map(|(s, t)| (*s, *t))
            .collect();
        if !f.fiscal.is_zero() && !IncomeSource::FISCAL.iter().any(|s| fund_tables.contains(s)) {
            unknown.push((IncomeSource::GeneralPublic, f.fiscal));
        }
        if f.all.is_none() {
            // Without the 支出总表, a source's money is taken as basic expenditure.
            for (s, t) in unknown {
                put(s, t, Decimal::ZERO);
                assumed += 1;
            }
        } else if unknown.is_empty() {
            if !rb.is_zero() || !rp.is_zero() {
                put(default_source, rb, rp);
            }
        } else {
            let n = unknown.len();
            if n > 1 {
                assumed += 1;
            }
            for (k, (s, t)) in unknown.into_iter().enumerate() {
                if k + 1 == n {
                    put(s, rb, rp);
                } else {
                    let b = t.min(rb).max(Decimal::ZERO);
                    put(s, b, t - b);
                    rb -= b;
                    rp -= t - b;
                }
            }
        }
        lines.push(line);
    }
    if assumed > 0 {
        notes.push((
            format!("{assumed} 个科目的基本支出与项目支出按收入来源的划分表中未列明，已按顺序分配"),
            format!("{assumed} lines: how basic and project expenditure divide between sources is not printed; assigned in order"),
        ));
    }
    Some(lines)
}

fn economic(
    collected: &Collected,
    unit: MoneyUnit,
    template: EconScheme,
) -> Option<crate::model::EconomicTable> {
    let t = collected.tables.iter().find(|t| t.kind == Kind::Economic)?;
    let is_parent = parents(&t.lines.lines);
    let scheme = match t.lines.lines.first().map(|l| l.code.as_bytes().first()) {
        Some(Some(b'3')) => EconScheme::Department,
        Some(Some(b'5')) => EconScheme::Government,
        _ => template,
    };
    let lines = t
        .lines
        .lines
        .iter()
        .map(|l| {
            let p = is_parent.contains(l.code.as_str());
            let amount = own(l, Field::Total, p);
            let amount = if l.get(Field::Total).is_none() {
                own(l, Field::Staff, p) + own(l, Field::Running, p)
            } else {
                amount
            };
            let written = if l.grouping.contains("人员") {
                Some(CostKind::Staff)
            } else if l.grouping.contains("公用") {
                Some(CostKind::Running)
            } else if !p && l.get(Field::Staff).is_some_and(|a| !a.value.is_zero()) {
                Some(CostKind::Staff)
            } else if !p && l.get(Field::Running).is_some_and(|a| !a.value.is_zero()) {
                Some(CostKind::Running)
            } else {
                None
            };
            let standard = standard_cost_kind(scheme, &l.code);
            EconLine {
                code: l.code.clone(),
                name: l.name.clone(),
                amount: t.unit.convert(Money(amount), unit),
                cost_kind: written.filter(|k| Some(*k) != standard),
                note: l.note.clone(),
            }
        })
        .collect();
    Some(crate::model::EconomicTable { scheme, lines })
}

/// Builds the budget and the report from what the sheets gave.
pub(super) fn build(mut collected: Collected, template: TemplateId) -> Imported {
    let mut notes = Vec::new();
    let carried = match collected.carried.take() {
        Some(Ok(budget)) => Some(budget),
        Some(Err(why)) => {
            notes.push((
                format!("“{}”表无法读取，只取各表的数字：{why}", carry::SHEET),
                format!(
                    "the sheet “{}” cannot be read, so only the tables' figures are taken: {why}",
                    carry::SHEET
                ),
            ));
            None
        }
        None => None,
    };
    let t = template.get();
    let contents = collected.contents.as_ref();
    let year = contents
        .and_then(|c| c.year)
        .or(collected.year)
        .unwrap_or_else(this_year);
    let name = contents
        .map(|c| c.name.clone())
        .filter(|n| !n.is_empty())
        .or_else(|| collected.department.clone())
        .unwrap_or_default();
    let code = contents.map(|c| c.code.clone()).unwrap_or_default();
    let mut budget = Budget::in_template(template, &code, &name, year);
    budget.unit = collected.tables.first().map_or(t.unit, |t| t.unit);
    let mut units: Vec<BudgetUnit> = contents.map(|c| c.units.clone()).unwrap_or_default();
    let mut parts = Parts::default();
    if let Some(cols) = income_columns(&collected) {
        budget.income_columns = cols;
    }
    if let Some(lines) = function_lines(
        &collected,
        budget.unit,
        &budget.income_columns.clone(),
        &mut notes,
    ) {
        budget.function_lines = lines;
        parts.function = true;
    }
    if let Some(table) = economic(&collected, budget.unit, t.econ_scheme) {
        budget.economic = table;
        parts.economic = true;
    }
    if let Some((unit, s)) = &collected.sangong {
        budget.sangong.unit = *unit;
        budget.sangong.this_year = s.this_year;
        budget.sangong.last_year = s.last_year;
        parts.sangong = true;
    }
    if let Some((unit, o)) = &collected.operating {
        budget.operating_costs.unit = *unit;
        budget.operating_costs.entries.clone_from(&o.entries);
        budget.operating_costs.last_year = o.last_year;
        parts.operating = true;
    } else if let Some((
        unit,
        SangongRead {
            operating: Some(total),
            ..
        },
    )) = &collected.sangong
    {
        budget.operating_costs.unit = *unit;
        budget.operating_costs.entries = vec![crate::model::UnitAmount {
            amount: Money(*total),
            ..crate::model::UnitAmount::default()
        }];
        parts.operating = true;
    }
    if let Some((_, o)) = &collected.operating
        && units.is_empty()
    {
        units = o
            .names
            .iter()
            .map(|(code, name)| BudgetUnit {
                code: code.clone(),
                name: name.clone(),
                kind: UnitKind::Administrative,
                merged: false,
                budget: None,
            })
            .collect();
    }
    if !collected.projects.is_empty() {
        budget.projects = collected
            .projects
            .iter()
            .map(|p| {
                let mut p = p.clone();
                if let Some(u) = units.iter().find(|u| u.name == p.unit_code) {
                    p.unit_code.clone_from(&u.code);
                }
                p
            })
            .collect();
        parts.projects = true;
    }
    budget.profile.units = units;
    budget.sort_lines();
    if let Some(base) = carried {
        budget = carry::overlay(base, budget, parts);
    }
    let derived = derive(&budget);
    let mut compared = 0;
    let stated = stated_figures(&collected, &budget, &derived, &mut compared, &mut notes);
    // What the workbook prints that differs replaces what the carried rest says of that figure.
    let differing = stated.len();
    budget
        .stated
        .retain(|s| !stated.iter().any(|n| n.figure == s.figure));
    budget.stated.extend(stated);
    Imported {
        budget,
        sheets: collected.sheets,
        parts,
        notes,
        compared,
        differing,
    }
}

/// The income columns the 收入总表 prints, in its order (a 财政拨款 column standing for the three
/// fund types).
fn income_columns(collected: &Collected) -> Option<Vec<IncomeSource>> {
    let t = collected
        .tables
        .iter()
        .find(|t| t.kind == Kind::Income(Scope::All))?;
    let mut cols: Vec<IncomeSource> = Vec::new();
    let mut push = |s: IncomeSource| {
        if !cols.contains(&s) {
            cols.push(s);
        }
    };
    let fields: Vec<Field> = t
        .lines
        .lines
        .iter()
        .chain(t.lines.total.iter())
        .flat_map(|l| l.amounts.iter().map(|(f, c, _)| (*c, *f)))
        .collect::<BTreeMap<u32, Field>>()
        .into_values()
        .collect();
    for field in fields {
        match field {
            Field::Source(s) => push(s),
            Field::Fiscal => IncomeSource::FISCAL.iter().for_each(|s| push(*s)),
            _ => {}
        }
    }
    (!cols.is_empty()).then_some(cols)
}

/// Today's year, for a workbook that names none.
fn this_year() -> i32 {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    i32::try_from(1970 + secs / 31_556_952).unwrap_or(2022)
}
