//! A department and its units. Once a unit of the department holds a budget of its own
//! (`BudgetUnit::budget`), the department's figures are no longer typed: they are the sum of its
//! units' — lines by code, the economic table, 三公, 机关运行经费 per unit, 政府采购, the forms
//! and descriptions, vehicles — while the department keeps its own texts (profile, narrative,
//! printed figures, last year's totals). A unit marked 不单列预算 has no budget: its money is in
//! the 本部's lines, as the documents print it.

use std::collections::BTreeMap;

use crate::model::template::TemplateId;
use crate::model::{Budget, BudgetUnit, EconLine, FunctionLine, Money, SangongFigures};

/// True when the department's figures come from its units.
#[must_use]
pub fn has_unit_budgets(budget: &Budget) -> bool {
    budget.profile.units.iter().any(|u| u.budget.is_some())
}

/// The units that hold a budget, with their position in the profile's list.
pub fn unit_budgets(budget: &Budget) -> impl Iterator<Item = (usize, &BudgetUnit, &Budget)> {
    budget
        .profile
        .units
        .iter()
        .enumerate()
        .filter_map(|(i, u)| u.budget.as_deref().map(|b| (i, u, b)))
}

/// The department as seen: its own budget when no unit holds one, else its texts with the sum
/// of its units' figures, the units still holding theirs. Amounts saturate like every roll-up (the checks report a
/// saturated total); units counted in another unit are converted to the department's.
#[must_use]
pub fn consolidated(dept: &Budget) -> Option<Budget> {
    if !has_unit_budgets(dept) {
        return None;
    }
    // The units keep their budgets here (the department's profile is edited on this view and
    // must carry them); [`published`] leaves them out.
    let mut out = dept.clone();
    let mut lines: BTreeMap<String, FunctionLine> = BTreeMap::new();
    let mut economic: BTreeMap<String, EconLine> = BTreeMap::new();
    let mut sangong_this = SangongFigures::default();
    let mut sangong_last: Option<SangongFigures> = None;
    out.operating_costs.entries.clear();
    out.projects.clear();
    out.descriptions.clear();
    out.assets.vehicles.clear();
    out.assets.planned_vehicles.clear();
    out.assets.office_areas.clear();
    let mut large = None::<u32>;
    let mut planned_large = None::<u32>;
    let (mut goods, mut works, mut services) = (Money::ZERO, Money::ZERO, Money::ZERO);
    let mut sme: Option<Money> = None;
    let mut small: Option<Money> = None;
    // The 绩效目标 statement: the department's own where it wrote one, else its units' together.
    let mut statement = dept.performance_statement.clone();
    let summed_statement = statement.is_none();
    for (_, unit, b) in unit_budgets(dept) {
        let conv = |m: Money| b.unit.convert(m, dept.unit);
        for l in &b.function_lines {
            let entry = lines
                .entry(l.code.clone())
                .or_insert_with(|| FunctionLine::new(l.code.clone(), l.name.clone()));
            for (source, split) in l.amounts.iter() {
                let mut sum = entry.split(*source);
                sum.basic = sum.basic.saturating_add(conv(split.basic));
                sum.project = sum.project.saturating_add(conv(split.project));
                entry.amounts.insert(*source, sum);
            }
            if let Some(e) = l.executed_last_year {
                let before = entry.executed_last_year.unwrap_or(Money::ZERO);
                entry.executed_last_year = Some(before.saturating_add(conv(e)));
            }
            if entry.purpose.is_empty() {
                entry.purpose.clone_from(&l.purpose);
            }
            // Each unit's reason, once, in the units' order.
            let reason = l.reason.trim();
            if !reason.is_empty() && !entry.reason.split('；').any(|r| r == reason) {
                if !entry.reason.is_empty() {
                    entry.reason.push('；');
                }
                entry.reason.push_str(reason);
            }
        }
        for l in &b.economic.lines {
            let entry = economic.entry(l.code.clone()).or_insert_with(|| EconLine {
                amount: Money::ZERO,
                note: String::new(),
                ..l.clone()
            });
            entry.amount = entry.amount.saturating_add(conv(l.amount));
        }
        let s = &b.sangong;
        let to = |f: &SangongFigures| SangongFigures {
            abroad: s.unit.convert(f.abroad, dept.sangong.unit),
            reception: s.unit.convert(f.reception, dept.sangong.unit),
            vehicle_purchase: s.unit.convert(f.vehicle_purchase, dept.sangong.unit),
            vehicle_running: s.unit.convert(f.vehicle_running, dept.sangong.unit),
        };
        add_sangong(&mut sangong_this, &to(&s.this_year));
        if let Some(last) = &s.last_year {
            add_sangong(sangong_last.get_or_insert_with(Default::default), &to(last));
        }
        let o = &b.operating_costs;
        for e in &o.entries {
            let mut e = e.clone();
            e.amount = o.unit.convert(e.amount, dept.operating_costs.unit);
            if e.unit_code.is_empty() {
                e.unit_code.clone_from(&unit.code);
            }
            out.operating_costs.entries.push(e);
        }
        let p = &b.procurement;
        let pc = |m: Money| p.unit.convert(m, dept.procurement.unit);
        goods = goods.saturating_add(pc(p.goods));
        works = works.saturating_add(pc(p.works));
        services = services.saturating_add(pc(p.services));
        if let Some(r) = p.sme_reserved {
            sme = Some(sme.unwrap_or(Money::ZERO).saturating_add(pc(r)));
        }
        if let Some(r) = p.small_micro_reserved {
            small = Some(small.unwrap_or(Money::ZERO).saturating_add(pc(r)));
        }
        if summed_statement && let Some(st) = &b.performance_statement {
            let sum = statement.get_or_insert_with(Default::default);
            sum.units = sum.units.saturating_add(st.units);
            sum.projects = sum.projects.saturating_add(st.projects);
            sum.funds = sum.funds.saturating_add(st.funds);
        }
        out.projects.extend(b.projects.iter().cloned());
        out.descriptions.extend(b.descriptions.iter().cloned());
        out.assets
            .vehicles
            .extend(b.assets.vehicles.iter().cloned());
        out.assets
            .planned_vehicles
            .extend(b.assets.planned_vehicles.iter().cloned());
        out.assets
            .office_areas
            .extend(b.assets.office_areas.iter().cloned());
        if let Some(n) = b.assets.large_equipment {
            large = Some(large.unwrap_or(0).saturating_add(n));
        }
        if let Some(n) = b.assets.planned_large_equipment {
            planned_large = Some(planned_large.unwrap_or(0).saturating_add(n));
        }
    }
    out.function_lines = lines.into_values().collect();
    out.economic.lines = economic.into_values().collect();
    out.sangong.this_year = sangong_this;
    if sangong_last.is_some() {
        out.sangong.last_year = sangong_last;
    }
    out.procurement.goods = goods;
    out.procurement.works = works;
    out.procurement.services = services;
    out.procurement.sme_reserved = sme;
    out.procurement.small_micro_reserved = small;
    out.performance_statement = statement;
    out.assets.large_equipment = large;
    out.assets.planned_large_equipment = planned_large;
    Some(out)
}

fn add_sangong(to: &mut SangongFigures, f: &SangongFigures) {
    to.abroad = to.abroad.saturating_add(f.abroad);
    to.reception = to.reception.saturating_add(f.reception);
    to.vehicle_purchase = to.vehicle_purchase.saturating_add(f.vehicle_purchase);
    to.vehicle_running = to.vehicle_running.saturating_add(f.vehicle_running);
}

/// A budget for unit `unit` of `dept`, empty, in the department's 单位预算 template where it
/// has one: what 新增单位预算 starts from.
#[must_use]
pub fn new_unit_budget(dept: &Budget, unit: &BudgetUnit) -> Budget {
    let template = dept.template().unit_template.unwrap_or(dept.template);
    let mut b = Budget::in_template(template, &unit.code, &unit.name, dept.profile.year);
    b.unit = dept.unit;
    b.income_columns.clone_from(&dept.income_columns);
    b.economic.scheme = dept.economic.scheme;
    b.profile.units = vec![BudgetUnit::new(
        unit.code.clone(),
        unit.name.clone(),
        unit.kind,
    )];
    b.profile.glossary.clone_from(&dept.profile.glossary);
    b
}

/// A unit's budget as its own disclosure prints it: named and dated as the department says, in
/// the department's 单位预算 template.
#[must_use]
pub fn unit_disclosure(dept: &Budget, unit: &BudgetUnit, budget: &Budget) -> Budget {
    let mut b = budget.clone();
    b.template = dept
        .template()
        .unit_template
        .filter(|_| b.template == dept.template)
        .unwrap_or(b.template);
    b.profile.year = dept.profile.year;
    unit.name.clone_into(&mut b.profile.department_name);
    unit.code.clone_into(&mut b.profile.department_code);
    b
}

/// The template id a 单位预算 of `dept` is published in.
#[must_use]
pub fn unit_template(dept: &Budget) -> TemplateId {
    dept.template().unit_template.unwrap_or(dept.template)
}

/// A new department named `name` whose units are `units` (each a unit's own budget, as read
/// from its workbook): in the department template whose 单位预算 template the units are in, its
/// figures their sum.
#[must_use]
pub fn department_of(name: &str, units: Vec<Budget>) -> Option<Budget> {
    let first = units.first()?;
    let year = first.profile.year;
    let unit_template = first.template;
    // The department's template: the newest that publishes its units in theirs, not newer than
    // the year; else the units' own.
    let template = crate::model::template::registry::all()
        .into_iter()
        .filter(|t| t.unit_template == Some(unit_template) && t.id != unit_template)
        .filter(|t| i64::from(t.version) <= i64::from(year))
        .max_by_key(|t| t.version)
        .map_or(unit_template, |t| t.id);
    let mut dept = Budget::in_template(template, "", name, year);
    dept.unit = first.unit;
    dept.income_columns.clone_from(&first.income_columns);
    dept.economic.scheme = first.economic.scheme;
    dept.profile.glossary.clone_from(&first.profile.glossary);
    dept.profile.units = units
        .into_iter()
        .map(|b| {
            let kind = b
                .profile
                .units
                .first()
                .map_or(crate::model::UnitKind::Institution, |u| u.kind);
            BudgetUnit {
                code: b.profile.department_code.clone(),
                name: b.profile.department_name.clone(),
                kind,
                merged: false,
                budget: Some(Box::new(b)),
            }
        })
        .collect();
    Some(dept)
}

/// Every disclosure of a department, each with the name its files take (`CODE-NAME`, or the
/// name alone without a code): the department's first, then each unit's that holds a budget.
#[must_use]
pub fn all_disclosures(file: &Budget) -> Vec<(String, Budget)> {
    let mut out = vec![(
        file_stem(&file.profile.department_code, &file.profile.department_name),
        published(file),
    )];
    for (_, unit, b) in unit_budgets(file) {
        out.push((
            file_stem(&unit.code, &unit.name),
            unit_disclosure(file, unit, b),
        ));
    }
    out
}

/// `CODE-NAME`, or the name alone without a code, safe as a file name.
#[must_use]
pub fn file_stem(code: &str, name: &str) -> String {
    let raw = if code.is_empty() {
        name.to_owned()
    } else {
        format!("{code}-{name}")
    };
    raw.chars()
        .map(|c| match c {
            '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|' => '_',
            c if c.is_control() => '_',
            c => c,
        })
        .collect()
}

/// The department as published: [`consolidated`], its units' budgets left out (they are
/// published each on its own) unless its template prints the 部门支出分单位明细表, which is
/// built from them.
#[must_use]
pub fn published(dept: &Budget) -> Budget {
    let mut out = consolidated(dept).unwrap_or_else(|| dept.clone());
    let by_unit = out
        .template()
        .tables
        .iter()
        .any(|t| t.kind == crate::model::TableId::UnitBreakdown);
    if !by_unit {
        for u in &mut out.profile.units {
            u.budget = None;
        }
    }
    out
}

/// One unit's expenditure in the department's breakdown (部门支出分单位明细), in the
/// department's unit.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnitExpenditure {
    /// The unit's code.
    pub code: String,
    /// Its name.
    pub name: String,
    /// 基本支出 and 项目支出 by income source, the department's columns in order.
    pub by_source: Vec<(crate::model::IncomeSource, crate::model::Split)>,
    /// Its total.
    pub total: Money,
}

/// The department's expenditure unit by unit: basic and project by source, each unit that
/// holds a budget in the profile's order; the last row is the department's 合计.
#[must_use]
pub fn breakdown(dept: &Budget) -> Vec<UnitExpenditure> {
    let columns = &dept.income_columns;
    let row =
        |code: &str, name: &str, lines: &mut dyn Iterator<Item = (&Budget, &FunctionLine)>| {
            let mut by_source: Vec<(crate::model::IncomeSource, crate::model::Split)> = columns
                .iter()
                .map(|s| (*s, crate::model::Split::default()))
                .collect();
            for (b, l) in lines {
                for (source, split) in l.amounts.iter() {
                    let conv = crate::model::Split {
                        basic: b.unit.convert(split.basic, dept.unit),
                        project: b.unit.convert(split.project, dept.unit),
                    };
                    match by_source.iter_mut().find(|(s, _)| s == source) {
                        Some((_, sum)) => sum.saturating_add_assign(conv),
                        None => by_source.push((*source, conv)),
                    }
                }
            }
            let total = Money::saturating_sum(by_source.iter().map(|(_, s)| s.total()));
            UnitExpenditure {
                code: code.to_owned(),
                name: name.to_owned(),
                by_source,
                total,
            }
        };
    let mut out: Vec<UnitExpenditure> = unit_budgets(dept)
        .map(|(_, u, b)| {
            row(
                &u.code,
                &u.name,
                &mut b.function_lines.iter().map(|l| (b, l)),
            )
        })
        .collect();
    let all = row(
        "",
        "合计",
        &mut unit_budgets(dept).flat_map(|(_, _, b)| b.function_lines.iter().map(move |l| (b, l))),
    );
    out.push(all);
    out
}
