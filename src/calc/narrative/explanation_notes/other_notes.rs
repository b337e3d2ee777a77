//! 其他相关情况说明: 三公 with each item's change and reason, 机关运行经费, 政府采购 with the
//! SME reservation, 绩效目标 and 国有资产.

use crate::calc::Change;
use crate::calc::narrative::{ChangeWords, Link, Para, Paragraph, Value, common::Ctx};
use crate::model::assets::OFFICIAL_VEHICLE_KINDS;
use crate::model::sections::NarrativeText;
use crate::model::{Money, TableId};

pub(super) fn sangong(c: &Ctx, out: &mut Vec<Paragraph>) {
    let s = &c.summary.sangong;
    let unit = c.budget.sangong.unit;
    let link = c.link(TableId::Sangong, None);
    let last = c.year.saturating_sub(1);
    let words = ChangeWords {
        than_zh: format!("比{last}年预算"),
        same_zh: format!("与{last}年预算持平"),
        than_en: format!("on {last}'s budget"),
        percent: false,
    };
    let year = c.year;
    let mut p = Para::named("sangong_heading");
    p.subheading = true;
    p.t("一、", "1. \"Three public\" costs in ");
    p.slot("year", |p| {
        p.year(year);
    });
    p.t("“三公”经费预算情况说明", "");
    out.push(c.done(&mut p));
    let amount = |p: &mut Para, amount: Money| {
        p.fig(Value::Money(amount, unit), link.clone(), true);
    };
    let change = |p: &mut Para, change: Option<Change>| {
        if let Some(change) = change {
            p.t("，", ", ");
            c.change(p, change, unit, &words, link.as_ref(), true);
        }
    };
    let ch = s.item_changes;
    let mut p = Para::named("sangong_total");
    p.slot("year", |p| {
        p.year(year);
    });
    p.t("“三公”经费预算数为", " \"three public\" costs: ");
    p.slot("total", |p| amount(p, s.this_year.total()));
    p.slot("change", |p| change(p, s.change));
    p.t("。其中：", ". Of these:");
    out.push(c.done(&mut p));
    // Each item's reason, where the officer gives one or the item changed (万里街道 2024: 比2023年
    // 预算增加25万元，主要原因是购置公务用车).
    let item_change = |pick: fn(&crate::calc::SangongChanges) -> Change| ch.as_ref().map(pick);
    let mut p = Para::named("sangong_abroad");
    p.t("（一）因公出国（境）费", "(1) travel abroad ");
    p.slot("abroad", |p| amount(p, s.this_year.abroad));
    p.slot("abroad_change", |p| change(p, item_change(|x| x.abroad)));
    p.t("。", ".");
    p.slot("reason", |p| {
        c.reason_after(
            p,
            NarrativeText::SangongAbroadReason,
            item_change(|x| x.abroad),
        );
    });
    out.push(c.done(&mut p));
    let mut p = Para::named("sangong_vehicles");
    p.t("（二）公务用车购置及运行费", "(2) vehicles ");
    p.slot("vehicles", |p| amount(p, s.this_year.vehicles()));
    p.slot("vehicles_change", |p| {
        change(p, item_change(|x| x.vehicles))
    });
    p.slot("vehicles_reason", |p| {
        c.reason(
            p,
            NarrativeText::SangongVehiclesReason,
            item_change(|x| x.vehicles),
        );
    });
    p.t("。其中：公务用车购置费", ". Of which purchase ");
    p.slot("purchase", |p| amount(p, s.this_year.vehicle_purchase));
    p.slot("purchase_change", |p| {
        change(p, item_change(|x| x.vehicle_purchase));
    });
    p.slot("purchase_reason", |p| {
        let changed = item_change(|x| x.vehicle_purchase);
        c.reason(p, NarrativeText::SangongPurchaseReason, changed);
    });
    p.t("；公务用车运行费", "; running ");
    p.slot("running", |p| amount(p, s.this_year.vehicle_running));
    p.slot("running_change", |p| {
        change(p, item_change(|x| x.vehicle_running));
    });
    p.slot("running_reason", |p| {
        let changed = item_change(|x| x.vehicle_running);
        c.reason(p, NarrativeText::SangongRunningReason, changed);
    });
    p.t("。", ".");
    out.push(c.done(&mut p));
    let mut p = Para::named("sangong_reception");
    p.t("（三）公务接待费", "(3) receptions ");
    p.slot("reception", |p| amount(p, s.this_year.reception));
    p.slot("reception_change", |p| {
        change(p, item_change(|x| x.reception))
    });
    p.t("。", ".");
    p.slot("reception_reason", |p| {
        let changed = item_change(|x| x.reception);
        c.reason_after(p, NarrativeText::SangongReceptionReason, changed);
    });
    p.slot("reason", |p| {
        c.reason_after(p, NarrativeText::SangongReason, s.change);
    });
    out.push(c.done(&mut p));
}

pub(super) fn operating(c: &Ctx, out: &mut Vec<Paragraph>) {
    let s = &c.summary;
    let unit = c.budget.operating_costs.unit;
    let link = c.link(TableId::OperatingCosts, None);
    out.push(Para::sub(
        "二、机关运行经费预算",
        "2. Agency operating costs",
    ));
    let dept = &c.budget.profile.department_name;
    let units = c.unit_kinds();
    // No 行政 or 参公 unit and no money: nothing runs on 机关运行经费 (社会福利院 2024:
    // 2024年上海市普陀区社会福利院无机关运行经费。).
    if units.administrative == 0 && units.civil_service == 0 && s.operating.is_zero() {
        let mut p = Para::named("operating_none");
        p.slot("year", |p| {
            p.year(c.year);
        });
        p.t("", ", ");
        p.slot("department", |p| {
            p.s(dept.clone(), dept.clone());
        });
        p.t("无机关运行经费。", " has no agency operating costs.");
        out.push(c.done(&mut p));
        return;
    }
    let mut p = Para::named("operating_costs");
    p.slot("year", |p| {
        p.year(c.year);
    });
    p.t("", ", ");
    p.slot("department", |p| {
        p.s(dept.clone(), dept.clone());
    });
    p.t("下属", ": ");
    p.slot("agencies", |p| {
        let n = units.administrative;
        p.fig(Value::Count(n, &("家机关", "agencies")), None, false);
    });
    p.t("和", " and ");
    // The units beside the 机关: the 参公 ones where there are any (万里街道 2024: 下属1家机关和1家
    // 参公事业单位), else the 事业单位 (普陀区政府办公室 2025: 下属1家机关和1家事业单位).
    p.slot("institutions", |p| {
        let value = if units.civil_service > 0 {
            Value::Count(
                units.civil_service,
                &("家参公事业单位", "civil-service-managed institutions"),
            )
        } else {
            Value::Count(units.institutions, &("家事业单位", "institutions"))
        };
        p.fig(value, None, false);
    });
    p.t(
        "财政拨款的机关运行经费预算为",
        ", operating costs from fiscal appropriations ",
    );
    p.slot("operating", |p| {
        p.fig(Value::Money(s.operating, unit), link.clone(), true);
    });
    p.slot("change", |p| c.operating_change(p, false, true));
    p.t("。", ".");
    p.slot("reason", |p| {
        c.reason_after(p, NarrativeText::OperatingReason, s.operating_change);
    });
    out.push(c.done(&mut p));
}

pub(super) fn procurement(c: &Ctx, out: &mut Vec<Paragraph>) {
    let pr = &c.budget.procurement;
    out.push(Para::sub(
        "三、政府采购预算情况",
        "3. Government procurement",
    ));
    let mut p = Para::named("procurement_total");
    p.slot("year", |p| {
        p.year(c.year);
    });
    p.t("本部门政府采购预算", " procurement budget ");
    p.slot("procurement", |p| c.procurement_parts(p));
    out.push(c.done(&mut p));
    if let Some(sme) = pr.sme_reserved {
        let link = Some(Link::Procurement);
        let mut p = Para::named("procurement_sme");
        p.slot("year", |p| {
            p.year(c.year);
        });
        p.t(
            "本部门面向中小企业预留政府采购项目预算金额",
            " reserved for small and medium enterprises ",
        );
        p.slot("reserved", |p| {
            p.fig(Value::Money(sme, pr.unit), link.clone(), true);
        });
        p.slot("small_micro", |p| {
            if let Some(small) = pr.small_micro_reserved {
                p.t(
                    "，其中，预留给小型和微型企业的政府采购项目预算为",
                    ", of which for small and micro enterprises ",
                );
                p.fig(Value::Money(small, pr.unit), link.clone(), true);
            }
        });
        p.t("。", ".");
        out.push(c.done(&mut p));
    }
}

pub(super) fn performance(c: &Ctx, out: &mut Vec<Paragraph>) {
    let Some(st) = &c.budget.performance_statement else {
        return;
    };
    out.push(Para::sub("四、绩效目标设置情况", "4. Performance targets"));
    let link = Some(Link::Projects);
    let mut p = Para::named("performance_units");
    p.t(
        "按照本区预算绩效管理工作的总体要求，本部门",
        "As the district's performance management requires, ",
    );
    p.slot("units", |p| {
        p.fig(
            Value::Count(u64::from(st.units), &("个预算单位", "budget units")),
            link.clone(),
            false,
        );
    });
    p.t("开展了", " reported the ");
    p.slot("year", |p| {
        p.year(c.year);
    });
    p.t(
        "项目预算绩效目标编报工作，编报绩效目标的项目",
        " performance targets: ",
    );
    p.slot("projects", |p| {
        p.fig(
            Value::Count(u64::from(st.projects), &("个", "projects")),
            link.clone(),
            false,
        );
    });
    p.t("，涉及项目预算资金", ", with project funds of ");
    let unit = c.text_unit();
    p.slot("funds", |p| {
        p.fig(Value::Money(st.funds, unit), link.clone(), c.trim);
    });
    p.t("。", ".");
    out.push(c.done(&mut p));
}

fn kinds_list(p: &mut Para, groups: &[crate::model::VehicleGroup]) {
    let link = Some(Link::Assets);
    let kinds = Ctx::vehicles_by_kind(groups);
    for (i, kind) in OFFICIAL_VEHICLE_KINDS.iter().enumerate() {
        let n = kinds.iter().find(|(k, _)| k == kind).map_or(0, |(_, n)| *n);
        if i > 0 {
            p.t("、", ", ");
        }
        p.s(*kind, format!("{kind} "));
        p.fig(Value::Count(n, &("辆", "vehicles")), link.clone(), false);
    }
}

pub(super) fn assets(c: &Ctx, out: &mut Vec<Paragraph>) {
    let a = &c.budget.assets;
    let dept = &c.budget.profile.department_name;
    let link = Some(Link::Assets);
    out.push(Para::sub(
        "五、国有资产占有使用情况",
        "5. State-owned assets",
    ));
    let mut p = Para::named("vehicles_held");
    p.slot("as_of", |p| {
        if !a.as_of.is_empty() {
            p.s(format!("截至{}，", a.as_of), format!("As of {}, ", a.as_of));
        }
    });
    p.slot("department", |p| {
        p.s(dept.clone(), dept.clone());
    });
    p.t("共有车辆", " holds ");
    p.slot("vehicles", |p| {
        p.fig(
            Value::Count(a.vehicle_count(), &("辆", "vehicles")),
            link.clone(),
            false,
        );
    });
    p.t("，其中：", ", of which ");
    p.slot("kinds", |p| kinds_list(p, &a.vehicles));
    p.slot("equipment", |p| {
        equipment(
            p,
            a.large_equipment,
            "；单价100万元（含）以上设备（不含车辆）",
        )
    });
    p.t("。", ".");
    out.push(c.done(&mut p));
    let planned: u64 = a
        .planned_vehicles
        .iter()
        .fold(0, |s, v| s.saturating_add(u64::from(v.count)));
    let mut p = Para::named("vehicles_planned");
    p.slot("year", |p| {
        p.year(c.year);
    });
    p.t("部门预算安排购置车辆", " the budget buys ");
    p.slot("vehicles", |p| {
        p.fig(
            Value::Count(planned, &("辆", "vehicles")),
            link.clone(),
            false,
        );
    });
    p.t("，其中：", ", of which ");
    p.slot("kinds", |p| kinds_list(p, &a.planned_vehicles));
    p.slot("equipment", |p| {
        equipment(
            p,
            a.planned_large_equipment,
            "；部门预算安排购置单价100万元（含）以上设备（不含车辆）",
        )
    });
    p.t("。", ".");
    out.push(c.done(&mut p));
}

/// `；单价100万元（含）以上设备（不含车辆）N台（套）` after `words`, where the count is known.
fn equipment(p: &mut Para, count: Option<u32>, words: &'static str) {
    if let Some(n) = count {
        p.t(words, "; equipment of 1 million yuan or more each ");
        p.fig(
            Value::Count(u64::from(n), &("台（套）", "pieces")),
            Some(Link::Assets),
            false,
        );
    }
}
