//! Sections 七 … 十二 of the twelve: 三公, 机关运行经费, 政府采购, performance, assets and other
//! notes.

use std::fmt::Write as _;

use super::heading;
use crate::calc::narrative::{ChangeWords, Link, Para, Section, Topic, Value, common};
use crate::model::TableId;
use crate::model::sections::NarrativeText;

pub(super) fn sangong(c: &common::Ctx) -> Section {
    let s = &c.summary.sangong;
    let unit = c.budget.sangong.unit;
    let link = c.link(TableId::Sangong, None);
    let last = c.year.saturating_sub(1);
    let mut p = Para::named("sangong");
    let who = c.department_and_units();
    p.slot("department", |p| {
        p.s(who.clone(), format!("{who}: "));
    });
    p.t("的", "");
    p.slot("year", |p| {
        p.year(c.year);
    });
    p.t("“三公”经费预算共", " \"three public\" costs total ");
    p.slot("total", |p| {
        p.fig(Value::Money(s.this_year.total(), unit), link.clone(), true);
    });
    p.slot("change", |p| {
        if let Some(change) = s.change {
            let mut than = String::new();
            let _ = write!(than, "较 {last} 年");
            let words = ChangeWords {
                than_zh: than,
                same_zh: format!("与 {last} 年相同"),
                than_en: format!("on {last}"),
                percent: false,
            };
            p.t("，", ", ");
            c.change(p, change, unit, &words, link.as_ref(), true);
        }
    });
    p.t("。其中：", ". Of these: ");
    let items = [
        (
            "因公出国（境）费",
            "travel abroad",
            s.this_year.abroad,
            s.item_changes.map(|x| x.abroad),
        ),
        (
            "公务接待费",
            "receptions",
            s.this_year.reception,
            s.item_changes.map(|x| x.reception),
        ),
        (
            "公务用车运行维护费",
            "vehicle running",
            s.this_year.vehicle_running,
            s.item_changes.map(|x| x.vehicle_running),
        ),
        (
            "公务用车购置费",
            "vehicle purchase",
            s.this_year.vehicle_purchase,
            s.item_changes.map(|x| x.vehicle_purchase),
        ),
    ];
    let words = ChangeWords {
        than_zh: "较上年".into(),
        same_zh: "与上年相同".into(),
        than_en: "on last year".into(),
        percent: false,
    };
    p.slot("items", |p| {
        for (i, (zh, en, amount, change)) in items.into_iter().enumerate() {
            if i > 0 {
                p.t("；", "; ");
            }
            p.t(zh, en).t("", " ");
            p.fig(Value::Money(amount, unit), link.clone(), true);
            if let Some(change) = change {
                p.t("，", ", ");
                c.change(p, change, unit, &words, link.as_ref(), true);
            }
        }
    });
    p.t("。", ".");
    p.slot("reason", |p| {
        c.reason_after(p, NarrativeText::SangongReason, s.change);
    });
    Section {
        topic: Topic::Sangong,
        number: None,
        heading: heading(
            "七、“三公”经费增减变动原因说明",
            "7. \"Three public\" costs: changes and why",
        ),
        paragraphs: vec![c.done(&mut p)],
    }
}

pub(super) fn operating(c: &common::Ctx) -> Section {
    let s = &c.summary;
    let unit = c.budget.operating_costs.unit;
    let link = c.link(TableId::OperatingCosts, None);
    let mut p = Para::named("operating");
    p.slot("year", |p| {
        p.year(c.year);
    });
    p.slot("agencies", |p| c.agencies(p));
    p.t(
        "机关运行经费财政拨款预算为",
        " agency operating costs from fiscal appropriations ",
    );
    p.slot("operating", |p| {
        p.money(s.operating, unit, link.clone());
    });
    p.slot("change", |p| c.operating_change(p, true, false));
    p.t("。", ".");
    p.slot("reason", |p| {
        c.reason_after(p, NarrativeText::OperatingReason, s.operating_change);
    });
    Section {
        topic: Topic::Operating,
        number: None,
        heading: heading(
            "八、机关运行经费增减变动原因说明",
            "8. Agency operating costs: changes and why",
        ),
        paragraphs: vec![c.done(&mut p)],
    }
}

pub(super) fn procurement(c: &common::Ctx) -> Section {
    let mut p = Para::named("procurement");
    let dept = &c.budget.profile.department_name;
    p.slot("year", |p| {
        p.year(c.year);
    });
    p.slot("department", |p| {
        p.s(dept.clone(), format!(", {dept}:"));
    });
    p.t("政府采购预算总额", " government procurement totals ");
    p.slot("procurement", |p| c.procurement_parts(p));
    Section {
        topic: Topic::Procurement,
        number: None,
        heading: heading("九、政府采购情况", "9. Government procurement"),
        paragraphs: vec![c.done(&mut p)],
    }
}

pub(super) fn performance(c: &common::Ctx) -> Section {
    let s = &c.summary;
    let mut paragraphs = vec![Para::sub("1、绩效管理情况", "(1) Performance management")];
    for u in &s.project_funds {
        let mut p = Para::named("project_unit");
        p.slot("year", |p| {
            p.year(c.year);
        });
        p.slot("unit", |p| {
            p.s(u.unit_name.clone(), format!(" {}", u.unit_name));
        });
        p.t("实行绩效目标管理的项目", " manages the targets of ");
        p.slot("projects", |p| {
            p.fig(
                Value::Count(u.count as u64, &("个", "projects")),
                Some(Link::Projects),
                false,
            );
        });
        p.t(
            "，涉及一般公共预算当年拨款",
            ", with general public budget appropriations of ",
        );
        p.slot("funds", |p| {
            p.money(u.in_table_unit, c.unit, Some(Link::Projects));
        });
        p.t("。", ".");
        paragraphs.push(c.done(&mut p));
    }
    paragraphs.push(Para::sub(
        "2、绩效目标情况（详见附件）",
        "(2) Performance targets (see the forms)",
    ));
    Section {
        topic: Topic::Performance,
        number: None,
        heading: heading("十、绩效管理情况", "10. Performance management"),
        paragraphs,
    }
}

pub(super) fn assets(c: &common::Ctx) -> Section {
    let mut paragraphs = vec![Para::sub("1、车辆情况", "(1) Vehicles")];
    let mut p = Para::named("vehicles");
    p.slot("vehicles", |p| c.vehicles(p));
    paragraphs.push(c.done(&mut p));
    paragraphs.push(Para::sub("2、房屋情况", "(2) Buildings"));
    let mut p = Para::named("office_area");
    p.slot("office_area", |p| c.office_area(p));
    paragraphs.push(c.done(&mut p));
    Section {
        topic: Topic::Assets,
        number: None,
        heading: heading("十一、国有资产占有使用情况", "11. State-owned assets"),
        paragraphs,
    }
}

pub(super) fn other(c: &common::Ctx) -> Section {
    let text = &c.budget.narrative.other;
    let p = if text.trim().is_empty() {
        let mut p = Para::named("no_other");
        p.t("无其他说明。", "No other notes.");
        c.done(&mut p)
    } else {
        let mut p = Para::new();
        p.officer(NarrativeText::Other, text);
        p.done()
    };
    Section {
        topic: Topic::Other,
        number: None,
        heading: heading("十二、其他说明", "12. Other notes"),
        paragraphs: vec![p],
    }
}
