//! `narrative` and `compare`: the 情况说明 as the budget's figures write it, and two years' budgets
//! line by line.

use std::io::{self, Write};
use std::path::Path;

use serde_json::{Value, json};

use super::{EXIT_OK, EXIT_UNREADABLE, load_published};
use crate::calc::compare::{Comparison, LineComparison, LineStatus, compare as compare_budgets};
use crate::calc::narrative::narrative_with;
use crate::calc::{Change, LastFigures, derive, summarise_against};
use crate::model::Money;

/// `narrative FILE [--last-year LAST]`: prints the 情况说明 in Chinese (`zh`) or English, compared
/// with the last-year figures in FILE or, when given, with last year's budget LAST; returns the
/// exit code.
///
/// # Errors
/// Only when writing to `out` or `err` fails.
pub fn narrative(
    path: &Path,
    last_year: Option<&Path>,
    zh: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<i32> {
    let Some(budget) = load_published(path, zh, err)? else {
        return Ok(EXIT_UNREADABLE);
    };
    let derived = derive(&budget);
    let base = match last_year {
        Some(last_path) => {
            let Some(last) = load_published(last_path, zh, err)? else {
                return Ok(EXIT_UNREADABLE);
            };
            LastFigures::of_budget(&budget, &last, &derive(&last))
        }
        None => LastFigures::stated(&budget),
    };
    let summary = summarise_against(&budget, &derived.function, &derived.economic, &base);
    let doc = narrative_with(&budget, &derived, &summary);
    out.write_all(doc.to_text(zh).as_bytes())?;
    Ok(EXIT_OK)
}

/// `compare OLD NEW [--json]`: every line whose amount or name differs, lines added or removed,
/// and possible code changes; returns the exit code.
///
/// # Errors
/// Only when writing fails.
pub fn compare(
    old: &Path,
    new: &Path,
    as_json: bool,
    zh: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<i32> {
    let Some(last) = load_published(old, zh, err)? else {
        return Ok(EXIT_UNREADABLE);
    };
    let Some(this) = load_published(new, zh, err)? else {
        return Ok(EXIT_UNREADABLE);
    };
    let comparison = compare_budgets(&last, &derive(&last), &this, &derive(&this));
    if as_json {
        let text = serde_json::to_string_pretty(&comparison_json(&comparison))
            .map_err(io::Error::other)?;
        writeln!(out, "{text}")?;
    } else {
        write_comparison(&comparison, zh, out)?;
    }
    Ok(EXIT_OK)
}

fn status_text(line: &LineComparison, zh: bool) -> &'static str {
    match (line.status, line.last_name.is_some(), zh) {
        (LineStatus::Added, _, true) => "新增",
        (LineStatus::Added, _, false) => "added",
        (LineStatus::Removed, _, true) => "删除",
        (LineStatus::Removed, _, false) => "removed",
        (LineStatus::Changed, true, true) => "变动、更名",
        (LineStatus::Changed, true, false) => "changed, renamed",
        (LineStatus::Unchanged, true, true) => "更名",
        (LineStatus::Unchanged, true, false) => "renamed",
        (_, false, true) => "变动",
        (_, false, false) => "changed",
    }
}

fn pct(c: &Change) -> String {
    c.percent
        .map_or_else(|| "—".to_owned(), |p| format!("{p:.2}%"))
}

fn write_comparison(c: &Comparison, zh: bool, out: &mut dyn Write) -> io::Result<()> {
    let amt = |m: Money| m.format_grouped(2);
    let t = |a: &'static str, b: &'static str| if zh { a } else { b };
    writeln!(out, "{}: {}", t("单位", "Unit"), c.unit.label(zh))?;
    if let Some(total) = &c.total {
        writeln!(
            out,
            "{}\t{}\t{}\t{}\t{}",
            t("合计", "Total"),
            amt(total.last_year),
            amt(total.this_year),
            amt(total.amount),
            pct(total)
        )?;
    }
    writeln!(
        out,
        "{}",
        t(
            "分类\t编码\t名称\t上年\t本年\t增减\t增减率\t状态",
            "Class\tCode\tName\tLast year\tThis year\tChange\t%\tStatus"
        )
    )?;
    let mut n = 0_usize;
    for line in c.differing() {
        n += 1;
        let class = match line.classification {
            crate::calc::compare::Classification::Function => t("功能分类", "function"),
            crate::calc::compare::Classification::Economic => t("经济分类", "economic"),
        };
        let name = match &line.last_name {
            Some(old) => format!("{old} → {}", line.name),
            None => line.name.clone(),
        };
        writeln!(
            out,
            "{class}\t[{}]\t{name}\t{}\t{}\t{}\t{}\t{}",
            line.code,
            amt(line.change.last_year),
            amt(line.change.this_year),
            amt(line.change.amount),
            pct(&line.change),
            status_text(line, zh)
        )?;
    }
    for cc in &c.code_changes {
        writeln!(
            out,
            "{}: [{}] → [{}] {}",
            t(
                "可能的编码变更（按编码比较，未合并）",
                "possible code change (compared by code, not merged)"
            ),
            cc.old_code,
            cc.new_code,
            cc.name
        )?;
    }
    if zh {
        writeln!(out, "共 {n} 行有变动")
    } else {
        writeln!(out, "{n} lines differ")
    }
}

fn change_json(c: &Change) -> Value {
    json!({
        "last_year": c.last_year.value().to_string(),
        "this_year": c.this_year.value().to_string(),
        "change": c.amount.value().to_string(),
        "percent": c.percent.map(|p| format!("{p:.2}")),
    })
}

/// The comparison as JSON, amounts as exact decimal strings.
#[must_use]
pub fn comparison_json(c: &Comparison) -> Value {
    let lines: Vec<Value> = c
        .differing()
        .map(|l| {
            json!({
                "classification": l.classification,
                "code": l.code,
                "name": l.name,
                "last_name": l.last_name,
                "status": l.status,
                "amounts": change_json(&l.change),
            })
        })
        .collect();
    let code_changes: Vec<Value> = c
        .code_changes
        .iter()
        .map(|cc| {
            json!({
                "classification": cc.classification,
                "name": cc.name,
                "old_code": cc.old_code,
                "new_code": cc.new_code,
            })
        })
        .collect();
    json!({
        "unit": c.unit.label_zh(),
        "total": c.total.as_ref().map(change_json),
        "lines": lines,
        "code_changes": code_changes,
    })
}
