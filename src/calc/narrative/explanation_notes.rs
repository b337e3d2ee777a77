//! The 情况说明 as a 编制说明 (totals, changes, each 项 of the 财政拨款 with its amount) and 其他相关
//! 情况说明 (三公, 机关运行经费, 政府采购 with the SME reservation, 绩效目标, 国有资产), in the
//! wording of the 2025 Putuo disclosure. A template chooses it with
//! `narrative: (outline: ExplanationAndOtherNotes, …)`.

use super::{ChangeWords, Link, Para, Paragraph, Section, Topic, Value, Words, common::Ctx};
use crate::calc::Change;
use crate::model::assets::OFFICIAL_VEHICLE_KINDS;
use crate::model::codes::Level;
use crate::model::sections::NarrativeText;
use crate::model::{IncomeSource, Money, MoneyUnit, TableId};

/// Title and sections.
pub(super) fn outline(c: &Ctx) -> (Words, Vec<Section>) {
    let year = c.year;
    let dept = &c.budget.profile.department_name;
    let title = Words {
        zh: format!("{dept}{year}年部门预算情况说明").into(),
        en: format!("{dept}: notes on the {year} budget").into(),
    };
    (title, vec![preparation(c), others(c)])
}

impl Ctx<'_> {
    /// The text's unit (万元), which the 编制说明 uses beside tables in 元.
    fn text_unit(&self) -> MoneyUnit {
        self.budget.template().text_unit
    }

    /// A money figure of the tables, in the text's unit, whole amounts without decimals.
    fn text_money(&self, p: &mut Para, amount: Money, link: Option<Link>) {
        let unit = self.text_unit();
        p.fig(
            Value::Money(self.unit.convert(amount, unit), unit),
            link,
            true,
        );
    }

    fn text_change(&self, p: &mut Para, change: Option<Change>, link: Option<&Link>) {
        let Some(change) = change else { return };
        let last = self.year.saturating_sub(1);
        let words = ChangeWords {
            than_zh: format!("比{last}年预算"),
            same_zh: format!("比{last}年预算持平"),
            than_en: format!("on {last}'s budget"),
            percent: false,
        };
        let unit = self.text_unit();
        p.t("，", ", ");
        self.change(
            p,
            super::change_in(change, self.unit, unit),
            unit,
            &words,
            link,
            true,
        );
    }
}

fn preparation(c: &Ctx) -> Section {
    let s = &c.summary;
    let dept = &c.budget.profile.department_name;
    let income_link = c.link(TableId::Income, None);
    let mut p = Para::named("income_plan");
    p.slot("year", |p| {
        p.year(c.year);
    });
    p.t("，", ", ");
    p.slot("department", |p| {
        p.s(dept.clone(), dept.clone());
    });
    p.t("收入预算", ": income ");
    p.slot("total", |p| c.text_money(p, s.total, income_link.clone()));
    p.t("，其中：财政拨款收入", ", of which fiscal appropriations ");
    p.slot("fiscal", |p| c.text_money(p, s.fiscal, income_link.clone()));
    p.slot("fiscal_change", |p| {
        c.text_change(p, s.fiscal_change, income_link.as_ref());
    });
    p.slot("others", |p| {
        for f in s.income.iter().filter(|f| !f.source.is_fiscal()) {
            p.s(
                format!("；{}", f.source.label_zh()),
                format!("; {} ", f.source.label_en().to_lowercase()),
            );
            c.text_money(p, f.amount, income_link.clone());
        }
    });
    p.t("。", ".");
    let first = c.done(&mut p);

    let fiscal_link = c.link(TableId::Fiscal, None);
    let mut p = Para::named("expenditure_plan");
    p.t("支出预算", "Expenditure ");
    p.slot("total", |p| {
        c.text_money(p, s.total, c.link(TableId::Expenditure, None));
    });
    p.t(
        "，其中：财政拨款支出预算",
        ", of which fiscal appropriations ",
    );
    p.slot("fiscal", |p| c.text_money(p, s.fiscal, fiscal_link.clone()));
    p.slot("fiscal_change", |p| {
        c.text_change(p, s.fiscal_change, fiscal_link.as_ref());
    });
    p.t("。财政拨款支出预算中，", ". Within fiscal appropriations, ");
    p.slot("funds", |p| funds(c, p));
    p.t("。", ".");
    let second = c.done(&mut p);
    let mut paragraphs = vec![first, second];
    let changed = [s.fiscal_change, s.income_change, s.expenditure_change]
        .iter()
        .flatten()
        .any(|c| !c.amount.is_zero());
    let mut p = Para::new();
    c.reason_after(
        &mut p,
        NarrativeText::ChangeReason,
        s.fiscal_change.or(s.income_change).filter(|_| changed),
    );
    if !p.runs.is_empty() {
        paragraphs.push(p.done());
    }
    let mut p = Para::named("items_intro");
    p.t(
        "财政拨款支出主要内容如下：",
        "Fiscal expenditure goes mainly to:",
    );
    paragraphs.push(c.done(&mut p));
    items(c, &mut paragraphs);
    Section {
        topic: Topic::Totals,
        number: None,
        heading: Words {
            zh: format!("{}年部门预算编制说明", c.year).into(),
            en: format!("Notes on the preparation of the {} budget", c.year).into(),
        },
        paragraphs,
    }
}

/// `一般公共预算拨款支出预算 X 万元，比… ；政府性基金…；国有资本经营…`.
fn funds(c: &Ctx, p: &mut Para) {
    let s = &c.summary;
    let fiscal_link = c.link(TableId::Fiscal, None);
    let funds = [
        (
            IncomeSource::GeneralPublic,
            "一般公共预算拨款支出预算",
            "general public budget ",
        ),
        (
            IncomeSource::GovernmentFund,
            "政府性基金拨款支出预算",
            "government funds ",
        ),
        (
            IncomeSource::StateCapital,
            "国有资本经营预算拨款支出预算",
            "state capital operations ",
        ),
    ];
    for (i, (source, zh, en)) in funds.into_iter().enumerate() {
        if i > 0 {
            p.t("；", "; ");
        }
        p.t(zh, en);
        let figure = s.income.iter().find(|f| f.source == source);
        c.text_money(
            p,
            figure.map_or(Money::ZERO, |f| f.amount),
            fiscal_link.clone(),
        );
        c.text_change(p, figure.and_then(|f| f.change), fiscal_link.as_ref());
    }
}

/// One paragraph per 项 with 财政拨款 money: `1. “类-款-项”科目1,202.95万元。`
fn items(c: &Ctx, paragraphs: &mut Vec<Paragraph>) {
    if !c.line_lists {
        return;
    }
    let table = &c.derived.function;
    let mut n = 0_usize;
    // One builder for every 项: its figure marks are kept from one to the next.
    let mut p = Para::named("item");
    for (i, row) in table.rows.iter().enumerate() {
        if row.has_children || row.level != Level::Item {
            continue;
        }
        let amount = table.cell_sum(i, &IncomeSource::FISCAL).total();
        if amount.is_zero() {
            continue;
        }
        n += 1;
        // 项, 款, 类 names up the tree, then joined 类-款-项 (three levels at most).
        let mut path: [&str; 3] = [""; 3];
        let mut depth = 0;
        let mut at = Some(i);
        while let (Some(k), true) = (at, depth < path.len()) {
            let Some(r) = table.rows.get(k) else { break };
            path[depth] = r
                .line
                .and_then(|l| c.budget.function_lines.get(l))
                .map_or("", |l| l.name.as_str());
            depth += 1;
            at = r.parent;
        }
        // Both languages' texts built in one pass each, sized up front: with 100,000 项 the
        // reallocations of `format!` were a third of the time.
        let names: usize = path[..depth].iter().map(|s| s.len() + 1).sum();
        let mut zh = String::with_capacity(names);
        let mut en = String::with_capacity(names + row.code.len() + 3);
        // Writing to a String cannot fail.
        en.push('[');
        en.push_str(&row.code);
        en.push_str("] ");
        for (k, name) in path[..depth].iter().rev().enumerate() {
            if k > 0 {
                zh.push('-');
                en.push('-');
            }
            zh.push_str(name);
            en.push_str(name);
        }
        p.slot("number", |p| {
            p.fig(Value::Number(n as u64), None, false);
        });
        p.t(". “", ". ");
        p.slot("name", |p| {
            p.s(zh, en);
        });
        p.t("”科目", ": ");
        p.slot("amount", |p| {
            c.text_money(p, amount, c.link(TableId::Fiscal, Some(&row.code)));
        });
        p.t("。", ".");
        paragraphs.push(c.done(&mut p));
    }
}

fn others(c: &Ctx) -> Section {
    let mut paragraphs = Vec::new();
    sangong(c, &mut paragraphs);
    operating(c, &mut paragraphs);
    procurement(c, &mut paragraphs);
    performance(c, &mut paragraphs);
    assets(c, &mut paragraphs);
    let other = &c.budget.narrative.other;
    if !other.trim().is_empty() {
        paragraphs.push(Para::sub("六、其他说明", "6. Other notes"));
        let mut p = Para::new();
        p.officer(NarrativeText::Other, other);
        paragraphs.push(p.done());
    }
    Section {
        topic: Topic::Other,
        number: None,
        heading: Words::fixed("其他相关情况说明", "Other notes"),
        paragraphs,
    }
}

fn sangong(c: &Ctx, out: &mut Vec<Paragraph>) {
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

fn operating(c: &Ctx, out: &mut Vec<Paragraph>) {
    let s = &c.summary;
    let unit = c.budget.operating_costs.unit;
    let link = c.link(TableId::OperatingCosts, None);
    out.push(Para::sub(
        "二、机关运行经费预算",
        "2. Agency operating costs",
    ));
    let dept = &c.budget.profile.department_name;
    let units = c.unit_kinds();
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
    p.slot("change", |p| operating_change(c, p));
    p.t("。", ".");
    p.slot("reason", |p| {
        c.reason_after(p, NarrativeText::OperatingReason, s.operating_change);
    });
    out.push(c.done(&mut p));
}

/// `，比2024年预算增加 X 万元` (no percent).
fn operating_change(c: &Ctx, p: &mut Para) {
    let s = &c.summary;
    let unit = c.budget.operating_costs.unit;
    let link = c.link(TableId::OperatingCosts, None);
    if let Some(change) = s.operating_change {
        let last = c.year.saturating_sub(1);
        let words = ChangeWords {
            than_zh: format!("比{last}年预算"),
            same_zh: format!("与{last}年预算持平"),
            than_en: format!("on {last}'s budget"),
            percent: false,
        };
        p.t("，", ", ");
        c.change(p, change, unit, &words, link.as_ref(), true);
    }
}

fn procurement(c: &Ctx, out: &mut Vec<Paragraph>) {
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

fn performance(c: &Ctx, out: &mut Vec<Paragraph>) {
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
        p.fig(Value::Money(st.funds, unit), link.clone(), true);
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

fn assets(c: &Ctx, out: &mut Vec<Paragraph>) {
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
        if let Some(n) = a.large_equipment {
            p.t(
                "；单价100万元（含）以上设备（不含车辆）",
                "; equipment of 1 million yuan or more each ",
            );
            p.fig(
                Value::Count(u64::from(n), &("台（套）", "pieces")),
                link.clone(),
                false,
            );
        }
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
        if let Some(n) = a.planned_large_equipment {
            p.t(
                "；部门预算安排购置单价100万元（含）以上设备（不含车辆）",
                "; equipment of 1 million yuan or more each ",
            );
            p.fig(
                Value::Count(u64::from(n), &("台（套）", "pieces")),
                link.clone(),
                false,
            );
        }
    });
    p.t("。", ".");
    out.push(c.done(&mut p));
}
