//! Which disclosure an export writes: the department's, one unit's (`--unit CODE`), or every one
//! of them into a folder (`--all-units DIR`), each named by code and name.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use crate::calc::units::{consolidated, unit_budgets, unit_disclosure};
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
    consolidated(&file).unwrap_or(file)
}

/// `CODE-NAME`, or the name alone without a code, made safe as a file name.
fn stem(code: &str, name: &str) -> String {
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
                        .map(|(_, u, _)| stem(&u.code, &u.name))
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
        Target::AllUnits(dir) => {
            let name = |code: &str, n: &str| dir.join(format!("{}.{extension}", stem(code, n)));
            let mut out = Vec::new();
            for (_, unit, b) in unit_budgets(&file) {
                out.push((
                    name(&unit.code, &unit.name),
                    unit_disclosure(&file, unit, b),
                ));
            }
            let dept = name(&file.profile.department_code, &file.profile.department_name);
            out.insert(0, (dept, published(file)));
            Ok(Some(out))
        }
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
