//! `summary FILE [--json]`: every derived figure, as text or JSON.

use std::io::{self, Write};
use std::path::Path;

use rust_decimal::Decimal;
use serde_json::{Value, json};

use super::{EXIT_OK, EXIT_UNREADABLE, load_published};
use crate::calc::{Change, Derived, derive};
use crate::model::{Budget, Money, MoneyUnit, codes};

/// `summary FILE [--json]`; returns the exit code.
///
/// # Errors
/// Only when writing fails.
pub fn summary(
    path: &Path,
    as_json: bool,
    zh: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<i32> {
    let Some(budget) = load_published(path, zh, err)? else {
        return Ok(EXIT_UNREADABLE);
    };
    let derived = derive(&budget);
    if as_json {
        let value = summary_json(&budget, &derived);
        let text = serde_json::to_string_pretty(&value).map_err(io::Error::other)?;
        writeln!(out, "{text}")?;
    } else {
        write_summary_text(&budget, &derived, zh, out)?;
    }
    Ok(EXIT_OK)
}

fn pct(d: Decimal) -> String {
    format!("{d:.2}%")
}

fn amt(m: Money) -> String {
    m.format_grouped(2)
}

fn change_text(c: &Change, zh: bool) -> String {
    let pct_text = c.percent.map_or_else(|| "—".to_owned(), pct);
    let zero = c.amount.value().is_zero();
    match (zh, zero) {
        // A change of nothing is 持平, not "增加 0.00".
        (true, true) => format!("上年 {}，持平", amt(c.last_year)),
        (false, true) => format!("last year {}, unchanged", amt(c.last_year)),
        (true, false) => {
            let word = if c.amount.value().is_sign_negative() {
                "减少"
            } else {
                "增加"
            };
            format!(
                "上年 {}，{word} {}（{pct_text}）",
                amt(c.last_year),
                amt(c.amount.abs())
            )
        }
        (false, false) => format!(
            "last year {}, change {} ({pct_text})",
            amt(c.last_year),
            amt(c.amount)
        ),
    }
}

/// The text form of `summary`.
///
/// # Errors
/// Only when writing fails.
pub fn write_summary_text(
    budget: &Budget,
    derived: &Derived,
    zh: bool,
    out: &mut dyn Write,
) -> io::Result<()> {
    let s = &derived.summary;
    let unit = s.unit.label(zh);
    let p = &budget.profile;
    let t = |zh_text: &'static str, en_text: &'static str| if zh { zh_text } else { en_text };
    writeln!(
        out,
        "{} {}（{}）",
        codes::with_code(&p.department_code, &p.department_name),
        p.year,
        t("年度部门预算", "budget")
    )?;
    writeln!(out, "{}: {unit}", t("单位", "Unit"))?;
    writeln!(out, "{}: {}", t("收入合计", "Total income"), amt(s.total))?;
    if let Some(c) = &s.income_change {
        writeln!(out, "  {}", change_text(c, zh))?;
    }
    writeln!(
        out,
        "{}: {}",
        t("支出合计", "Total expenditure"),
        amt(s.total)
    )?;
    if let Some(c) = &s.expenditure_change {
        writeln!(out, "  {}", change_text(c, zh))?;
    }
    writeln!(out, "{}:", t("收入来源", "Income by source"))?;
    for i in &s.income {
        let label = i.source.label(zh);
        writeln!(out, "  {label}: {} ({})", amt(i.amount), pct(i.share))?;
    }
    writeln!(
        out,
        "{}: {}",
        t("财政拨款", "Fiscal appropriations"),
        amt(s.fiscal)
    )?;
    writeln!(
        out,
        "{}: {} ({})",
        t("基本支出", "Basic expenditure"),
        amt(s.basic),
        pct(s.basic_share)
    )?;
    writeln!(
        out,
        "{}: {} ({})",
        t("项目支出", "Project expenditure"),
        amt(s.project),
        pct(s.project_share)
    )?;
    writeln!(out, "{}:", t("支出功能分类（类）", "Expenditure by class"))?;
    for c in &s.classes {
        writeln!(
            out,
            "  [{}] {}: {} ({}) {} {} / {} {}",
            c.code,
            c.name,
            amt(c.amounts.total()),
            pct(c.share),
            t("基本", "basic"),
            amt(c.amounts.basic),
            t("项目", "project"),
            amt(c.amounts.project)
        )?;
    }
    writeln!(
        out,
        "{}: {}",
        t("一般公共预算当年拨款", "General public budget"),
        amt(s.general_public.total())
    )?;
    if let Some(c) = &s.general_public_change {
        writeln!(out, "  {}", change_text(c, zh))?;
    }
    for c in &s.general_public_classes {
        writeln!(
            out,
            "  [{}] {}: {} ({})",
            c.code,
            c.name,
            amt(c.amounts.total()),
            pct(c.share)
        )?;
    }
    writeln!(
        out,
        "{}: {}",
        t(
            "基本支出经济分类合计",
            "Basic expenditure by economic class"
        ),
        amt(s.economic_total)
    )?;
    for row in derived
        .economic
        .rows
        .iter()
        .filter(|r| r.level == crate::model::codes::Level::Class)
    {
        let name = row
            .line
            .and_then(|l| budget.economic.lines.get(l))
            .map_or("", |l| l.name.as_str());
        writeln!(out, "  [{}] {name}: {}", row.code, amt(row.total))?;
    }
    writeln!(out, "{}: {}", t("人员经费", "Staff costs"), amt(s.staff))?;
    writeln!(
        out,
        "{}: {}",
        t("公用经费", "Running costs"),
        amt(s.running)
    )?;
    let sg = &s.sangong;
    let su = budget.sangong.unit.label(zh);
    writeln!(
        out,
        "{} ({su}): {}",
        t("三公经费", "\"Three public\" costs"),
        amt(sg.this_year.total())
    )?;
    for (item, value) in sg.this_year.items() {
        let label = item.label(zh);
        let last = sg
            .last_year
            .map(|l| l.items()[item.index()].1)
            .map(|l| format!(" ({} {})", t("上年", "last year"), amt(l)))
            .unwrap_or_default();
        writeln!(out, "  {label}: {}{last}", amt(value))?;
    }
    if let Some(c) = &sg.change {
        writeln!(out, "  {}", change_text(c, zh))?;
    }
    let ou = budget.operating_costs.unit.label(zh);
    writeln!(
        out,
        "{} ({ou}): {}",
        t("机关运行经费", "Agency operating costs"),
        amt(s.operating)
    )?;
    if let Some(c) = &s.operating_change {
        writeln!(out, "  {}", change_text(c, zh))?;
    }
    let pr = &budget.procurement;
    let pu = pr.unit.label(zh);
    writeln!(
        out,
        "{} ({pu}): {} — {} {} / {} {} / {} {}",
        t("政府采购", "Procurement"),
        amt(s.procurement),
        t("货物", "goods"),
        amt(pr.goods),
        t("工程", "works"),
        amt(pr.works),
        t("服务", "services"),
        amt(pr.services)
    )?;
    writeln!(
        out,
        "{}:",
        t(
            "绩效目标管理项目（年度资金）",
            "Performance projects (year funds)"
        )
    )?;
    for u in &s.project_funds {
        writeln!(
            out,
            "  {}: {} {}，{} {unit}（{} {}）",
            codes::with_code(&u.unit_code, &u.unit_name),
            u.count,
            t("个", "projects"),
            amt(u.in_table_unit),
            u.yuan.format_grouped(0),
            t("元", "yuan")
        )?;
    }
    let assets = &budget.assets;
    writeln!(
        out,
        "{}: {} / {}: {} m²",
        t("车辆", "Vehicles"),
        assets.vehicle_count(),
        t("办公用房", "Office area"),
        assets.total_area()
    )?;
    Ok(())
}

fn m(v: Money) -> Value {
    Value::String(v.value().to_string())
}

fn d(v: Decimal) -> Value {
    Value::String(v.to_string())
}

fn change_json(c: Option<&Change>) -> Value {
    c.map_or(Value::Null, |c| {
        json!({
            "this_year": m(c.this_year),
            "last_year": m(c.last_year),
            "amount": m(c.amount),
            "percent": c.percent.map_or(Value::Null, d),
        })
    })
}

/// The JSON form of `summary`: amounts as exact decimal strings.
#[must_use]
pub fn summary_json(budget: &Budget, derived: &Derived) -> Value {
    let s = &derived.summary;
    let unit_name = |u: MoneyUnit| match u {
        MoneyUnit::Yuan => "yuan",
        MoneyUnit::WanYuan => "wan_yuan",
    };
    let classes = |list: &[crate::calc::ClassFigure]| -> Vec<Value> {
        list.iter()
            .map(|c| {
                json!({
                    "code": c.code, "name": c.name,
                    "total": m(c.amounts.total()), "basic": m(c.amounts.basic),
                    "project": m(c.amounts.project), "share": d(c.share),
                })
            })
            .collect()
    };
    let economic: Vec<Value> = derived
        .economic
        .rows
        .iter()
        .map(|r| {
            let name = r
                .line
                .and_then(|l| budget.economic.lines.get(l))
                .map_or("", |l| l.name.as_str());
            json!({"code": r.code, "name": name, "amount": m(r.total)})
        })
        .collect();
    let sangong_figs = |f: &crate::model::SangongFigures| {
        json!({
            "abroad": m(f.abroad), "reception": m(f.reception),
            "vehicle_purchase": m(f.vehicle_purchase), "vehicle_running": m(f.vehicle_running),
            "vehicles": m(f.vehicles()), "total": m(f.total()),
        })
    };
    json!({
        "department": {"code": budget.profile.department_code, "name": budget.profile.department_name},
        "year": budget.profile.year,
        "unit": unit_name(s.unit),
        "total_income": m(s.total),
        "total_expenditure": m(s.total),
        "income": s.income.iter().map(|i| json!({
            "source": format!("{:?}", i.source), "label": i.source.label_zh(),
            "amount": m(i.amount), "share": d(i.share),
        })).collect::<Vec<_>>(),
        "fiscal_appropriation": m(s.fiscal),
        "basic": {"amount": m(s.basic), "share": d(s.basic_share)},
        "project": {"amount": m(s.project), "share": d(s.project_share)},
        "classes": classes(&s.classes),
        "general_public": {
            "total": m(s.general_public.total()), "basic": m(s.general_public.basic),
            "project": m(s.general_public.project),
            "classes": classes(&s.general_public_classes),
            "change": change_json(s.general_public_change.as_ref()),
        },
        "economic": {"total": m(s.economic_total), "rows": economic},
        "staff_costs": m(s.staff),
        "running_costs": m(s.running),
        "sangong": {
            "unit": unit_name(budget.sangong.unit),
            "this_year": sangong_figs(&s.sangong.this_year),
            "last_year": s.sangong.last_year.as_ref().map_or(Value::Null, sangong_figs),
            "change": change_json(s.sangong.change.as_ref()),
        },
        "operating_costs": {
            "unit": unit_name(budget.operating_costs.unit),
            "total": m(s.operating),
            "change": change_json(s.operating_change.as_ref()),
        },
        "procurement": {
            "unit": unit_name(budget.procurement.unit),
            "goods": m(budget.procurement.goods), "works": m(budget.procurement.works),
            "services": m(budget.procurement.services), "total": m(s.procurement),
        },
        "performance_projects": s.project_funds.iter().map(|u| json!({
            "unit_code": u.unit_code, "unit_name": u.unit_name, "count": u.count,
            "yuan": m(u.yuan), "in_table_unit": m(u.in_table_unit),
        })).collect::<Vec<_>>(),
        "income_change": change_json(s.income_change.as_ref()),
        "expenditure_change": change_json(s.expenditure_change.as_ref()),
        "assets": {
            "vehicles": budget.assets.vehicle_count(),
            "office_area": budget.assets.total_area().to_string(),
        },
    })
}
