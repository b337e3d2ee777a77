//! Which disclosure an export writes: the department's, one unit's (`--unit CODE`), or every one
//! of them into a folder (`--all-units DIR`), each named by code and name.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use crate::calc::units::{all_disclosures, file_stem, unit_budgets, unit_disclosure};
use crate::model::Budget;

/// Where an export goes.
#[derive(Clone, Debug)]
pub enum Target {
    /// One file: the department's disclosure, or the unit's with that code (or name).
    One {
        /// The file to write.
        out: PathBuf,
        /// The unit, by code or name.
        unit: Option<String>,
    },
    /// The department's disclosure and each unit's, into this folder.
    AllUnits(PathBuf),
}

/// The department as published: its units' sum where they hold budgets.
#[must_use]
pub fn published(file: Budget) -> Budget {
    crate::calc::units::published(&file)
}

/// The disclosures to write for `target`, each with the file to write it to (`extension` for
/// a folder); `None` (with the reason written to `err`) when the unit asked for is not there.
///
/// # Errors
/// Only when writing to `err` fails.
pub fn disclosures(
    file: Budget,
    target: &Target,
    extension: &str,
    zh: bool,
    err: &mut dyn Write,
) -> io::Result<Option<Vec<(PathBuf, Budget)>>> {
    match target {
        Target::One { out, unit: None } => Ok(Some(vec![(out.clone(), published(file))])),
        Target::One {
            out,
            unit: Some(wanted),
        } => {
            let found: Vec<Budget> = unit_budgets(&file)
                .filter(|(_, u, _)| u.code == *wanted || u.name == *wanted)
                .map(|(_, u, b)| unit_disclosure(&file, u, b))
                .collect();
            match found.as_slice() {
                [one] => Ok(Some(vec![(out.clone(), one.clone())])),
                [] => {
                    let known: Vec<String> = unit_budgets(&file)
                        .map(|(_, u, _)| file_stem(&u.code, &u.name))
                        .collect();
                    writeln!(
                        err,
                        "{}",
                        if zh {
                            format!(
                                "没有预算单位“{wanted}”的预算；有预算的单位：{}",
                                if known.is_empty() {
                                    "无".to_owned()
                                } else {
                                    known.join("，")
                                }
                            )
                        } else {
                            format!(
                                "no unit “{wanted}” holds a budget; units with budgets: {}",
                                if known.is_empty() {
                                    "none".to_owned()
                                } else {
                                    known.join(", ")
                                }
                            )
                        }
                    )?;
                    Ok(None)
                }
                _ => {
                    writeln!(
                        err,
                        "{}",
                        if zh {
                            format!("有多个预算单位叫“{wanted}”，请用单位代码指定")
                        } else {
                            format!("more than one unit is called “{wanted}”: give its code")
                        }
                    )?;
                    Ok(None)
                }
            }
        }
        Target::AllUnits(dir) => Ok(Some(
            all_disclosures(&file)
                .into_iter()
                .map(|(stem, b)| (dir.join(format!("{stem}.{extension}")), b))
                .collect(),
        )),
    }
}

/// Creates the folder of an all-units export; says why it cannot.
///
/// # Errors
/// Only when writing to `err` fails.
pub fn make_folder(target: &Target, err: &mut dyn Write) -> io::Result<bool> {
    if let Target::AllUnits(dir) = target
        && let Err(e) = std::fs::create_dir_all(dir)
    {
        writeln!(err, "{}: {e}", Path::new(dir).display())?;
        return Ok(false);
    }
    Ok(true)
}

/// `import xlsx DIR --out FILE.ron [--into DEPT.ron]`: one unit per workbook in `dir` (by file
/// name), into a new department named as the folder or into the units of `into` (matched by
/// code, else by name); says what each workbook became, what was skipped and why, and which
/// were the same unit twice; exit 2 when no unit could be read or placed, or FILE cannot be
/// written.
///
/// # Errors
/// Only when writing to `out` or `err` fails.
pub fn import_folder(
    dir: &Path,
    target: &Path,
    into: Option<Budget>,
    options: &crate::io::xlsx::ImportOptions,
    zh: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<i32> {
    let mut files: Vec<PathBuf> = match std::fs::read_dir(dir) {
        Ok(entries) => entries
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| {
                p.extension()
                    .and_then(|e| e.to_str())
                    .is_some_and(|e| ["xlsx", "xls", "ods"].contains(&e.to_lowercase().as_str()))
            })
            .collect(),
        Err(e) => {
            writeln!(err, "{}: {e}", dir.display())?;
            return Ok(super::EXIT_UNREADABLE);
        }
    };
    files.sort();
    let mut units: Vec<Budget> = Vec::new();
    for file in &files {
        let shown = file
            .file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
        let budget = match crate::io::xlsx::import(file, options) {
            Ok(i) => i.budget,
            Err(e) => {
                let why = e.describe(zh);
                writeln!(
                    out,
                    "{}",
                    if zh {
                        format!("跳过 {shown}：{why}")
                    } else {
                        format!("skipped {shown}: {why}")
                    }
                )?;
                continue;
            }
        };
        let p = &budget.profile;
        let same = units.iter().find(|u| {
            (!p.department_code.is_empty() && u.profile.department_code == p.department_code)
                || u.profile.department_name == p.department_name
        });
        if let Some(other) = same {
            let name = &other.profile.department_name;
            writeln!(
                out,
                "{}",
                if zh {
                    format!(
                        "跳过 {shown}：与已读入的“{name}”是同一单位（代码或名称相同），无法确定用哪一个"
                    )
                } else {
                    format!(
                        "skipped {shown}: the same unit as “{name}” read before (code or name), it cannot be told which is meant"
                    )
                }
            )?;
            continue;
        }
        if let Some(first) = units.first()
            && first.profile.year != p.year
        {
            writeln!(
                out,
                "{}",
                if zh {
                    format!(
                        "跳过 {shown}：{} 年的预算，其他单位是 {} 年",
                        p.year, first.profile.year
                    )
                } else {
                    format!(
                        "skipped {shown}: a budget of {}, the others are of {}",
                        p.year, first.profile.year
                    )
                }
            )?;
            continue;
        }
        writeln!(
            out,
            "{shown} → {}{}",
            if p.department_code.is_empty() {
                String::new()
            } else {
                format!("{} ", p.department_code)
            },
            p.department_name
        )?;
        units.push(budget);
    }
    let dept = match into {
        // Into a department: each workbook to the unit with its code, else its name.
        Some(mut dept) => {
            let mut placed = 0usize;
            for b in units {
                let p = &b.profile;
                let by_code: Vec<usize> = dept
                    .profile
                    .units
                    .iter()
                    .enumerate()
                    .filter(|(_, u)| !p.department_code.is_empty() && u.code == p.department_code)
                    .map(|(i, _)| i)
                    .collect();
                let found = if by_code.is_empty() {
                    dept.profile
                        .units
                        .iter()
                        .enumerate()
                        .filter(|(_, u)| u.name == p.department_name)
                        .map(|(i, _)| i)
                        .collect()
                } else {
                    by_code
                };
                match found.as_slice() {
                    [i] => {
                        if let Some(u) = dept.profile.units.get_mut(*i) {
                            u.budget = Some(Box::new(b));
                            placed += 1;
                        }
                    }
                    [] => writeln!(
                        out,
                        "{}",
                        if zh {
                            format!(
                                "跳过“{}”：部门中没有代码或名称相同的预算单位",
                                p.department_name
                            )
                        } else {
                            format!(
                                "skipped “{}”: no unit of the department has its code or name",
                                p.department_name
                            )
                        }
                    )?,
                    _ => writeln!(
                        out,
                        "{}",
                        if zh {
                            format!("跳过“{}”：部门中有多个同名单位", p.department_name)
                        } else {
                            format!(
                                "skipped “{}”: more than one unit has its name",
                                p.department_name
                            )
                        }
                    )?,
                }
            }
            if placed == 0 {
                writeln!(
                    err,
                    "{}",
                    if zh {
                        "没有工作簿能对应到部门的单位"
                    } else {
                        "no workbook matched a unit of the department"
                    }
                )?;
                return Ok(super::EXIT_UNREADABLE);
            }
            dept
        }
        None => {
            let name = dir
                .file_name()
                .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
            let Some(dept) = crate::calc::units::department_of(&name, units) else {
                writeln!(
                    err,
                    "{}",
                    if zh {
                        format!("{} 中没有能读入的单位工作簿", dir.display())
                    } else {
                        format!("no unit workbook could be read in {}", dir.display())
                    }
                )?;
                return Ok(super::EXIT_UNREADABLE);
            };
            dept
        }
    };
    let name = dept.profile.department_name.clone();
    if let Err(e) = crate::io::save(&dept, target) {
        writeln!(err, "{e}")?;
        return Ok(super::EXIT_UNREADABLE);
    }
    writeln!(
        out,
        "{}",
        if zh {
            format!(
                "已写入 {}：部门“{name}”，{} 个单位",
                target.display(),
                dept.profile.units.len()
            )
        } else {
            format!(
                "wrote {}: department “{name}”, {} units",
                target.display(),
                dept.profile.units.len()
            )
        }
    )?;
    Ok(super::EXIT_OK)
}

/// Writes every disclosure of `list` with `write`, side by side, the largest first; the
/// results in `list`'s order.
pub fn write_all<E: Send>(
    list: Vec<(PathBuf, Budget)>,
    write: impl Fn(&Path, &Budget) -> Result<(), E> + Sync,
) -> Vec<(PathBuf, Result<(), E>)> {
    let results = crate::io::batch::map_all(
        &list,
        |(_, b)| b.function_lines.len(),
        |(path, budget)| write(path, budget),
    );
    list.into_iter().map(|(p, _)| p).zip(results).collect()
}
