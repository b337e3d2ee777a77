//! What both templates' texts share: links to the tables, the officer's reasons, item lists,
//! procurement, vehicles and office space.

use super::{Link, Para, Value};
use crate::calc::{Change, Derived, Summary};
use crate::model::sections::NarrativeText;
use crate::model::{Budget, MoneyUnit, TableId, UnitKind, VehicleGroup};

/// A department's units counted by kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct UnitCounts {
    /// 行政单位 (机关).
    pub administrative: u64,
    /// 参照公务员法管理的事业单位.
    pub civil_service: u64,
    /// Other 事业单位.
    pub institutions: u64,
}

/// The budget, its figures and what the text needs often.
pub(super) struct Ctx<'a> {
    pub budget: &'a Budget,
    pub derived: &'a Derived,
    /// The headline figures (against the file's last-year figures or last year's budget).
    pub summary: &'a Summary,
    pub year: i32,
    /// The tables' unit.
    pub unit: MoneyUnit,
    /// Whole amounts lose their decimals (Shanghai's text).
    pub trim: bool,
    /// Write the lists that grow with the budget's lines (Shanghai's one paragraph per 项). Off
    /// where only the officer's texts matter, which those lists never hold.
    pub line_lists: bool,
    /// The template's own words for some paragraphs.
    pub wordings: super::wording::Wordings,
    /// Each worded paragraph written, with its figures' names in order (checked against the
    /// outline's list of paragraphs).
    #[cfg(test)]
    pub seen: std::cell::RefCell<Vec<Written>>,
}

/// A worded paragraph as written: its id, its figures' names in order, and its own wording in
/// Chinese and English.
#[cfg(test)]
pub(super) type Written = (&'static str, Vec<&'static str>, (String, String));

impl<'a> Ctx<'a> {
    pub fn new(budget: &'a Budget, derived: &'a Derived, summary: &'a Summary) -> Ctx<'a> {
        Ctx {
            budget,
            derived,
            summary,
            year: budget.profile.year,
            unit: derived.summary.unit,
            trim: budget.template().narrative.trim_zeros,
            line_lists: true,
            wordings: super::wording::Wordings::of(budget.template()),
            #[cfg(test)]
            seen: std::cell::RefCell::default(),
        }
    }

    /// A link to a row of `kind`, or to the template's table that shows its figures.
    pub fn link(&self, kind: TableId, code: Option<&str>) -> Option<Link> {
        let table = self.budget.template().table_showing(kind).map(|t| t.kind)?;
        Some(Link::Table {
            table,
            code: code.map(str::to_owned),
        })
    }

    /// The officer's reason after a change: `，主要原因是……`. Shown (empty, to be written) where
    /// the figure changed, and wherever the officer wrote something.
    pub fn reason(&self, p: &mut Para, field: NarrativeText, change: Option<Change>) {
        let text = field.get(&self.budget.narrative);
        let needed = change.is_some_and(|c| !c.amount.is_zero());
        if !text.trim().is_empty() {
            p.t("，", ", ");
            p.officer(field, text);
        } else if needed {
            p.officer(field, text);
        }
    }

    /// The officer's reason as a sentence of its own after the generated ones.
    pub fn reason_after(&self, p: &mut Para, field: NarrativeText, change: Option<Change>) {
        let text = field.get(&self.budget.narrative);
        let needed = change.is_some_and(|c| !c.amount.is_zero());
        if needed || !text.trim().is_empty() {
            p.officer(field, text);
        }
    }

    /// The main items of 人员经费 or 公用经费: the officer's wording, or the names of the
    /// economic lines that carry such costs.
    pub fn items(&self, p: &mut Para, field: NarrativeText) {
        let text = field.get(&self.budget.narrative);
        if !text.trim().is_empty() {
            p.officer(field, text);
            return;
        }
        let econ = &self.derived.economic;
        let staff = field == NarrativeText::StaffItems;
        let mut names = String::new();
        for (row, cost) in econ.rows.iter().zip(&econ.costs) {
            let amount = if staff { cost.staff } else { cost.running };
            if row.has_children || amount.is_zero() {
                continue;
            }
            let Some(line) = row.line.and_then(|l| self.budget.economic.lines.get(l)) else {
                continue;
            };
            if !names.is_empty() {
                names.push('、');
            }
            names.push_str(&line.name);
        }
        p.s(names.clone(), names);
    }

    /// `忻州市工业和信息化局及下属单位` where the department has more than one unit.
    pub fn department_and_units(&self) -> String {
        let dept = &self.budget.profile.department_name;
        if self.budget.profile.units.len() > 1 {
            format!("{dept}及下属单位")
        } else {
            dept.clone()
        }
    }

    /// The units counted by kind: 行政 (机关), 参公 and other 事业单位. A 参公 unit is counted as
    /// 参公, never as a 机关 or an 事业单位.
    pub fn unit_kinds(&self) -> UnitCounts {
        let units = &self.budget.profile.units;
        let count = |kind: UnitKind| units.iter().filter(|u| u.kind == kind).count() as u64;
        UnitCounts {
            administrative: count(UnitKind::Administrative),
            civil_service: count(UnitKind::CivilServiceManaged),
            institutions: count(UnitKind::Institution),
        }
    }

    /// `，比2024年预算增加 X 万元` (no percent): the change of 机关运行经费, the year set off by
    /// spaces where the template spaces its figures (`比 2021 年预算`), whole amounts without
    /// decimals where it trims them.
    pub fn operating_change(&self, p: &mut Para, spaced: bool, trim_whole: bool) {
        let Some(change) = self.summary.operating_change else {
            return;
        };
        let unit = self.budget.operating_costs.unit;
        let link = self.link(TableId::OperatingCosts, None);
        let last = self.year.saturating_sub(1);
        let gap = if spaced { " " } else { "" };
        let words = super::ChangeWords {
            than_zh: format!("比{gap}{last}{gap}年预算"),
            same_zh: format!("与{gap}{last}{gap}年预算持平"),
            than_en: format!("on {last}'s budget"),
            percent: false,
        };
        p.t("，", ", ");
        self.change(p, change, unit, &words, link.as_ref(), trim_whole);
    }

    /// `局机关及 1 个所属事业单位` (Shanxi's 机关运行经费 sentence).
    pub fn agencies(&self, p: &mut Para) {
        let dept = &self.budget.profile.department_name;
        p.s(format!("{dept}机关"), format!(", {dept}"));
        let others = self.unit_kinds().institutions;
        if others > 0 {
            p.t("及", " and ");
            p.fig(
                Value::Count(others, &("个所属事业单位", "institutions")),
                None,
                false,
            );
        }
    }

    /// `51.78 万元，其中：政府采购货物预算 29.78 万元、…。`
    pub fn procurement_parts(&self, p: &mut Para) {
        let pr = &self.budget.procurement;
        let link = Some(Link::Procurement);
        p.fig(Value::Money(pr.total(), pr.unit), link.clone(), self.trim);
        p.t("，其中：政府采购货物预算", ", of which goods ");
        p.fig(Value::Money(pr.goods, pr.unit), link.clone(), self.trim);
        p.t("、政府采购工程预算", ", works ");
        p.fig(Value::Money(pr.works, pr.unit), link.clone(), self.trim);
        p.t("、政府采购服务预算", ", services ");
        p.fig(Value::Money(pr.services, pr.unit), link, self.trim);
        p.t("。", ".");
    }

    /// Vehicles by kind, in the order the file lists them, counts summed over units.
    pub fn vehicles_by_kind(groups: &[VehicleGroup]) -> Vec<(&str, u64)> {
        let mut kinds: Vec<(&str, u64)> = Vec::new();
        for g in groups {
            match kinds.iter_mut().find(|(k, _)| *k == g.kind) {
                Some((_, n)) => *n = n.saturating_add(u64::from(g.count)),
                None => kinds.push((&g.kind, u64::from(g.count))),
            }
        }
        kinds
    }

    /// `截止 2021年12月31日，…及下属单位共有车辆 1 辆，为一般公务用车。`
    pub fn vehicles(&self, p: &mut Para) {
        let assets = &self.budget.assets;
        let link = Some(Link::Assets);
        if !assets.as_of.is_empty() {
            p.t("截止", "As of ")
                .s(assets.as_of.clone(), assets.as_of.clone())
                .t("，", ", ");
        }
        let who = self.department_and_units();
        p.s(format!("{who}共有车辆"), format!("{who} holds "));
        p.fig(
            Value::Count(assets.vehicle_count(), &("辆", "vehicles")),
            link.clone(),
            false,
        );
        let kinds = Self::vehicles_by_kind(&assets.vehicles);
        match kinds.as_slice() {
            [] => {}
            [(kind, _)] => {
                p.s(format!("，为{kind}"), format!(": {kind}"));
            }
            _ => {
                p.t("，其中：", ", of which ");
                for (i, (kind, n)) in kinds.iter().enumerate() {
                    if i > 0 {
                        p.t("、", ", ");
                    }
                    p.s((*kind).to_owned(), format!("{kind} "));
                    p.fig(Value::Count(*n, &("辆", "vehicles")), link.clone(), false);
                }
            }
        }
        p.t("。", ".");
    }

    /// `…办公用房面积为 8145 平方米。其中…办公用房面积 7650 平方米，… 495 平方米。`
    pub fn office_area(&self, p: &mut Para) {
        let assets = &self.budget.assets;
        let link = Some(Link::Assets);
        let who = self.department_and_units();
        p.s(
            format!("{who}办公用房面积为"),
            format!("{who}: office floor area "),
        );
        p.fig(Value::Area(assets.total_area()), link.clone(), true);
        p.t("。", ".");
        for (i, a) in assets.office_areas.iter().enumerate() {
            let name = self.budget.unit_name(&a.unit_code).to_owned();
            if i == 0 {
                p.s(format!("其中{name}办公用房面积"), format!(" {name} "));
            } else {
                p.s(format!("，{name}"), format!(", {name} "));
            }
            p.fig(Value::Area(a.area), link.clone(), true);
        }
        if !assets.office_areas.is_empty() {
            p.t("。", ".");
        }
    }
}
