//! The command-line side: `check` and `summary` print what the calc and checks layers derive.
//! Functions write to any `Write` so tests can read what a user would see.

use std::io::{self, Write};
use std::path::Path;

use rust_decimal::Decimal;
use serde_json::{Value, json};

use crate::calc::{Change, Derived, derive};
use crate::checks::{self, Finding};
use crate::io::load_file;
use crate::model::{Budget, Money, MoneyUnit, codes};

mod narrative;
pub use narrative::{compare, comparison_json, narrative};
mod pdf;
pub use pdf::export_pdf;
mod templates;
pub use templates::{template_list, template_show, use_template_file};

/// Exit code: no errors.
pub const EXIT_OK: i32 = 0;
/// Exit code: the budget has errors.
pub const EXIT_FINDINGS: i32 = 1;
/// Exit code: a file cannot be read or parsed, or an output cannot be written.
pub const EXIT_UNREADABLE: i32 = 2;

/// `check FILE`: one finding per line; returns the exit code.
///
/// # Errors
/// Only when writing to `out` or `err` fails.
pub fn check(path: &Path, zh: bool, out: &mut dyn Write, err: &mut dyn Write) -> io::Result<i32> {
    let Some(budget) = load_or_report(path, zh, err)? else {
        return Ok(EXIT_UNREADABLE);
    };
    let derived = derive(&budget);
    let findings = checks::run(&budget, &derived);
    for f in &findings {
        writeln!(out, "{}", finding_line(&budget, f, zh))?;
    }
    let (errors, warnings) = checks::counts(&findings);
    if zh {
        writeln!(out, "共 {errors} 个错误，{warnings} 个警告")?;
    } else {
        writeln!(
            out,
            "{}, {}",
            plural(errors, "error", "errors"),
            plural(warnings, "warning", "warnings")
        )?;
    }
    Ok(if errors > 0 { EXIT_FINDINGS } else { EXIT_OK })
}

/// Loads `path` (telling `err` how it was read when that matters, e.g. a GBK file), or writes
/// why it cannot be read to `err` and returns `None`.
fn load_or_report(path: &Path, zh: bool, err: &mut dyn Write) -> io::Result<Option<Budget>> {
    match load_file(path) {
        Ok(mut loaded) => {
            for notice in &loaded.notices {
                // A budget published in another template this run need not hear of its own.
                if templates::overridden()
                    && matches!(notice, crate::io::Notice::TemplateMissing { .. })
                {
                    continue;
                }
                writeln!(err, "{}: {}", path.display(), notice.text(zh))?;
            }
            templates::apply_override(&mut loaded.budget);
            Ok(Some(loaded.budget))
        }
        Err(e) => {
            writeln!(err, "{}", e.describe(zh))?;
            Ok(None)
        }
    }
}

/// One finding as a line: severity, rule id, location, message.
#[must_use]
pub fn finding_line(budget: &Budget, f: &Finding, zh: bool) -> String {
    format!(
        "{}\t{}\t{}\t{}",
        f.severity.label(zh),
        f.rule.id(),
        f.location.describe(budget, zh),
        f.message(zh)
    )
}

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
    let Some(budget) = load_or_report(path, zh, err)? else {
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

/// `1 error`, `2 errors`.
fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
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

/// `charts FILE --out DIR`: writes every chart as PNG; returns the exit code.
///
/// # Errors
/// Only when writing to `out` or `err` fails.
pub fn charts(
    path: &Path,
    dir: &Path,
    zh: bool,
    dark: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<i32> {
    let Some(budget) = load_or_report(path, zh, err)? else {
        return Ok(EXIT_UNREADABLE);
    };
    if let Err(e) = std::fs::create_dir_all(dir) {
        writeln!(
            err,
            "无法创建文件夹 {0}（{1}）/ cannot create folder {0}: {e}",
            dir.display(),
            crate::io::os_reason_zh(&e)
        )?;
        return Ok(EXIT_UNREADABLE);
    }
    let derived = derive(&budget);
    let stem = path
        .file_stem()
        .map_or_else(|| "charts".to_owned(), |s| s.to_string_lossy().into_owned());
    match crate::io::charts::export_all(&budget, &derived, &dir.join(stem), zh, dark) {
        Ok(files) => {
            for f in files {
                writeln!(out, "{}", f.display())?;
            }
            Ok(EXIT_OK)
        }
        Err(e) => {
            writeln!(err, "{e}")?;
            Ok(EXIT_UNREADABLE)
        }
    }
}

/// `new-year FILE --out NEW.ron [--force]`: next year's budget from this year's; returns the
/// exit code (2 when FILE cannot be read, OUT is FILE, OUT exists without `force`, or OUT cannot
/// be written). FILE is only read.
///
/// # Errors
/// Only when writing to `out` or `err` fails.
pub fn new_year(
    path: &Path,
    target: &Path,
    force: bool,
    zh: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<i32> {
    let same = match (path.canonicalize(), target.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    };
    if same {
        let message = if zh {
            "新年度文件不能写在本年度文件上：请另选文件名。"
        } else {
            "next year's file cannot replace this year's: choose another name."
        };
        writeln!(err, "{}: {message}", target.display())?;
        return Ok(EXIT_UNREADABLE);
    }
    let Some(budget) = load_or_report(path, zh, err)? else {
        return Ok(EXIT_UNREADABLE);
    };
    if target.exists() && !force {
        let message = if zh {
            "文件已存在，未覆盖（确需覆盖请加 --force）。"
        } else {
            "the file exists and was not replaced (add --force to replace it)."
        };
        writeln!(err, "{}: {message}", target.display())?;
        return Ok(EXIT_UNREADABLE);
    }
    let next = crate::calc::roll::next_year(&budget, &derive(&budget));
    if let Err(e) = crate::io::save(&next, target) {
        writeln!(err, "{e}")?;
        return Ok(EXIT_UNREADABLE);
    }
    if zh {
        writeln!(
            out,
            "{}：{}年预算，{} 个功能分类科目、{} 个经济分类科目已结转，金额待填；{}年数已作为上年数。",
            target.display(),
            next.profile.year,
            next.function_lines.len(),
            next.economic.lines.len(),
            budget.profile.year
        )?;
    } else {
        writeln!(
            out,
            "{}: the {} budget, {} function and {} economic lines carried over with empty amounts; {}'s figures are last year's.",
            target.display(),
            next.profile.year,
            next.function_lines.len(),
            next.economic.lines.len(),
            budget.profile.year
        )?;
    }
    Ok(EXIT_OK)
}

/// `export xlsx FILE --out OUT.xlsx`: the tables, forms and findings as a workbook; returns the
/// exit code (2 when FILE cannot be read).
///
/// # Errors
/// Only when writing to `out` or `err` fails.
pub fn export_xlsx(
    path: &Path,
    target: &Path,
    options: &crate::io::xlsx::ExportOptions,
    zh: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<i32> {
    let Some(budget) = load_or_report(path, zh, err)? else {
        return Ok(EXIT_UNREADABLE);
    };
    let derived = derive(&budget);
    let findings = checks::run(&budget, &derived);
    match crate::io::xlsx::export(&budget, &derived, &findings, target, options) {
        Ok(()) => {
            writeln!(out, "{}", target.display())?;
            Ok(EXIT_OK)
        }
        Err(e) => {
            writeln!(err, "{e}")?;
            Ok(EXIT_UNREADABLE)
        }
    }
}

/// `import xlsx IN.xlsx --out OUT.ron`: a budget from a workbook, with what was read from each
/// sheet; returns the exit code (2 when the workbook cannot be taken, with file, sheet and cell).
///
/// # Errors
/// Only when writing to `out` or `err` fails.
pub fn import_xlsx(
    path: &Path,
    target: &Path,
    template: Option<crate::model::TemplateId>,
    zh: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<i32> {
    let options = crate::io::xlsx::ImportOptions { template };
    let imported = match crate::io::xlsx::import(path, &options) {
        Ok(i) => i,
        Err(e) => {
            writeln!(err, "{}", e.describe(zh))?;
            return Ok(EXIT_UNREADABLE);
        }
    };
    for line in imported.report(zh) {
        writeln!(out, "{line}")?;
    }
    if let Err(e) = crate::io::save(&imported.budget, target) {
        writeln!(err, "{e}")?;
        return Ok(EXIT_UNREADABLE);
    }
    let derived = derive(&imported.budget);
    let findings = checks::run(&imported.budget, &derived);
    let (errors, warnings) = checks::counts(&findings);
    if zh {
        writeln!(
            out,
            "已写入 {}；审核：{errors} 个错误，{warnings} 个警告",
            target.display()
        )?;
    } else {
        writeln!(
            out,
            "wrote {}; checks: {errors} errors, {warnings} warnings",
            target.display()
        )?;
    }
    Ok(EXIT_OK)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::money::m;

    fn summary_of(budget: &Budget, zh: bool) -> String {
        let mut out = Vec::new();
        write_summary_text(budget, &derive(budget), zh, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    /// A budget with nothing in it, and last year's totals as given.
    fn empty_with_last_year(income: &str, expenditure: &str) -> Budget {
        let mut budget = Budget::new("", "某局", 2025);
        budget.last_year.income_total = Some(m(income));
        budget.last_year.expenditure_total = Some(m(expenditure));
        budget
    }

    #[test]
    fn each_change_sits_under_its_own_total() {
        let text = summary_of(&empty_with_last_year("0", "5"), true);
        let lines: Vec<&str> = text.lines().collect();
        let income = lines
            .iter()
            .position(|l| l.starts_with("收入合计"))
            .unwrap();
        let spending = lines
            .iter()
            .position(|l| l.starts_with("支出合计"))
            .unwrap();
        assert_eq!(lines[income + 1], "  上年 0.00，持平");
        assert_eq!(lines[spending + 1], "  上年 5.00，减少 5.00（-100.00%）");
    }

    #[test]
    fn a_zero_change_reads_unchanged() {
        let text = summary_of(&empty_with_last_year("0", "0"), false);
        assert!(text.contains("last year 0.00, unchanged"), "{text}");
        assert!(!text.contains("change 0.00"), "{text}");
    }

    #[test]
    fn an_empty_department_code_leaves_no_leading_space() {
        let text = summary_of(&empty_with_last_year("0", "0"), true);
        assert!(text.starts_with("某局 2025（"), "{text}");
        assert_eq!(codes::with_code("", "某局"), "某局");
        assert_eq!(codes::with_code("402", "某局"), "402 某局");
    }

    #[test]
    fn english_counts_are_plural_only_when_they_should_be() {
        assert_eq!(plural(1, "error", "errors"), "1 error");
        assert_eq!(plural(0, "error", "errors"), "0 errors");
        assert_eq!(plural(5, "warning", "warnings"), "5 warnings");
    }
}
