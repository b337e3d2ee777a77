//! The command-line side: `check` and `summary` print what the calc and checks layers derive.
//! Functions write to any `Write` so tests can read what a user would see.

use std::io::{self, Write};
use std::path::Path;

use crate::calc::derive;
use crate::checks::{self, Finding};
use crate::io::load_file;
use crate::model::Budget;

mod narrative;
pub use narrative::{compare, comparison_json, narrative};
mod pdf;
pub use pdf::export_pdf;
mod summary;
pub use summary::{summary, summary_json, write_summary_text};
mod templates;
pub mod units;
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
    let Some(file) = load_or_report(path, zh, err)? else {
        return Ok(EXIT_UNREADABLE);
    };
    // The department as published, with the rules about its units; then each unit that holds
    // a budget on its own, its lines headed by its name.
    let mut all = checks::across_units(&file);
    let budget = units::published(file.clone());
    let derived = derive(&budget);
    let mut findings = checks::run(&budget, &derived);
    findings.append(&mut all);
    for f in &findings {
        writeln!(out, "{}", finding_line(&budget, f, zh))?;
    }
    for (_, unit, b) in crate::calc::units::unit_budgets(&file) {
        let b = crate::calc::units::unit_disclosure(&file, unit, b);
        let own = checks::run(&b, &derive(&b));
        for f in &own {
            writeln!(out, "[{}] {}", unit.name, finding_line(&b, f, zh))?;
        }
        findings.extend(own);
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

/// [`load_or_report`], the department as published: its units' sum where they hold budgets.
fn load_published(path: &Path, zh: bool, err: &mut dyn Write) -> io::Result<Option<Budget>> {
    Ok(load_or_report(path, zh, err)?.map(units::published))
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

/// `1 error`, `2 errors`.
fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
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
    let Some(budget) = load_published(path, zh, err)? else {
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
    target: &units::Target,
    options: &crate::io::xlsx::ExportOptions,
    zh: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<i32> {
    let Some(file) = load_or_report(path, zh, err)? else {
        return Ok(EXIT_UNREADABLE);
    };
    let Some(list) = units::disclosures(file, target, "xlsx", zh, err)? else {
        return Ok(EXIT_UNREADABLE);
    };
    if !units::make_folder(target, err)? {
        return Ok(EXIT_UNREADABLE);
    }
    for (to, budget) in list {
        let derived = derive(&budget);
        let findings = checks::run(&budget, &derived);
        match crate::io::xlsx::export(&budget, &derived, &findings, &to, options) {
            Ok(()) => writeln!(out, "{}", to.display())?,
            Err(e) => {
                writeln!(err, "{e}")?;
                return Ok(EXIT_UNREADABLE);
            }
        }
    }
    Ok(EXIT_OK)
}

/// `import xlsx IN.xlsx --out OUT.ron`: a budget from a workbook, with what was read from each
/// sheet; returns the exit code (2 when the workbook cannot be taken, with file, sheet and cell).
///
/// # Errors
/// Only when writing to `out` or `err` fails.
pub fn import_xlsx(
    path: &Path,
    target: &Path,
    into: Option<&Path>,
    template: Option<crate::model::TemplateId>,
    zh: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<i32> {
    let options = crate::io::xlsx::ImportOptions { template };
    if path.is_dir() {
        let dept = match into {
            Some(p) => match load_or_report(p, zh, err)? {
                Some(d) => Some(d),
                None => return Ok(EXIT_UNREADABLE),
            },
            None => None,
        };
        return units::import_folder(path, target, dept, &options, zh, out, err);
    }
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
    use crate::model::codes;
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
