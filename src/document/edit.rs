//! Edits: the only way a budget changes. Each edit applied returns its inverse, so undo and redo
//! are the same operation and cost no snapshot of the (possibly 100,000-line) budget.

use crate::model::codes::{self, CodeError};
use crate::model::{
    AmountField, Assets, Budget, EconLine, EconomicTable, FunctionLine, IncomeSource, LastYear,
    Money, Narrative, OperatingCosts, PerformanceStatement, Procurement, Profile, Project,
    ProjectDescription, Sangong, SangongFigures, StatedFigure, TableNote, TemplateId,
};

/// One change to a budget.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Edit {
    /// Put `line` where the 功能分类 line `code` is: replace it, insert it (no such line yet) or,
    /// with `None`, remove it.
    FunctionLine {
        /// The line addressed.
        code: String,
        /// Its new content.
        line: Option<FunctionLine>,
    },
    /// The same for an economic line.
    EconLine {
        /// The line addressed.
        code: String,
        /// Its new content.
        line: Option<EconLine>,
    },
    /// Replace a performance-target form.
    ReplaceProject {
        /// Position.
        index: usize,
        /// New content.
        project: Box<Project>,
    },
    /// Insert a form at `index`.
    InsertProject {
        /// Position.
        index: usize,
        /// The form.
        project: Box<Project>,
    },
    /// Remove the form at `index`.
    RemoveProject {
        /// Position.
        index: usize,
    },
    /// Replace the 三公 section.
    Sangong(Sangong),
    /// Replace the 机关运行经费 section.
    OperatingCosts(OperatingCosts),
    /// Replace the 政府采购 section.
    Procurement(Procurement),
    /// Replace the assets section.
    Assets(Box<Assets>),
    /// Replace the profile.
    Profile(Box<Profile>),
    /// Replace the narrative texts.
    Narrative(Box<Narrative>),
    /// Replace last year's figures.
    LastYear(LastYear),
    /// Replace every 功能分类 line at once (an imported workbook's tables): one swap, however
    /// many lines, so a 100,000-line import is one cheap undo step.
    FunctionLines(Vec<FunctionLine>),
    /// Replace the economic table.
    Economic(Box<EconomicTable>),
    /// Replace every performance-target form.
    Projects(Vec<Project>),
    /// Replace the figures as printed.
    Stated(Vec<StatedFigure>),
    /// Replace the 项目经费情况说明 (a handful per budget, so the whole list is one cheap swap).
    Descriptions(Vec<ProjectDescription>),
    /// Replace (or, with `None`, remove) the 绩效目标设置情况 statement.
    PerformanceStatement(Option<PerformanceStatement>),
    /// Replace the officer's notes under empty tables.
    TableNotes(Vec<TableNote>),
    /// Publish in another template: the template and the income columns the tables show. The
    /// amounts and their unit stay as entered: a template decides the layout, not the figures.
    Template {
        /// The template.
        template: TemplateId,
        /// The version of it the budget is made with, when it is loaded.
        version: Option<u32>,
        /// The income columns, in order.
        income_columns: Vec<IncomeSource>,
    },
    /// An edit of the budget of unit `unit` (its position in the profile's list).
    InUnit {
        /// The unit.
        unit: usize,
        /// The edit of its budget.
        edit: Box<Edit>,
    },
}

/// Why an edit was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EditError {
    /// The line addressed does not exist.
    #[error("科目 [{0}] 不存在 / line [{0}] does not exist")]
    NoSuchLine(String),
    /// The form addressed does not exist.
    #[error("绩效目标表 {0} 不存在 / form {0} does not exist")]
    NoSuchProject(usize),
    /// A code is not valid for a new line.
    #[error("{0}")]
    Code(#[from] CodeError),
    /// The unit addressed has no budget of its own.
    #[error("预算单位 {0} 没有本单位的预算 / unit {0} has no budget of its own")]
    NoUnitBudget(usize),
    /// A figure of a department whose figures are the sum of its units'.
    #[error(
        "部门的数字由各单位汇总而来，请切换到单位后修改 / the department's figures are the sum of its units': edit them in a unit"
    )]
    DerivedFromUnits,
}

fn put_line<L: Clone>(
    lines: &mut Vec<L>,
    code_of: impl Fn(&L) -> &str,
    code: &str,
    new: Option<L>,
) -> Result<(String, Option<L>), EditError> {
    let found = lines.binary_search_by(|l| code_of(l).cmp(code)).ok();
    match (found, new) {
        // Same code: replace in place (a keystroke on a 100,000-line budget must not shift the list).
        (Some(i), Some(line)) if code_of(&line) == code => {
            let old = std::mem::replace(&mut lines[i], line);
            Ok((code.to_owned(), Some(old)))
        }
        (found, new) => {
            let old = found.map(|i| lines.remove(i));
            if old.is_none() && new.is_none() {
                return Err(EditError::NoSuchLine(code.to_owned()));
            }
            let new_code = match new {
                Some(line) => {
                    let c = code_of(&line).to_owned();
                    let at = lines.partition_point(|l| code_of(l) < c.as_str());
                    lines.insert(at, line);
                    c
                }
                None => code.to_owned(),
            };
            Ok((new_code, old))
        }
    }
}

impl Edit {
    /// True when the edit changes a figure (lines, 三公, forms …) rather than the department's
    /// own texts: in a department whose figures are its units', such an edit belongs in a unit.
    #[must_use]
    pub fn changes_figures(&self) -> bool {
        !matches!(
            self,
            Edit::Profile(_)
                | Edit::Narrative(_)
                | Edit::LastYear(_)
                | Edit::Stated(_)
                | Edit::PerformanceStatement(_)
                | Edit::TableNotes(_)
                | Edit::Template { .. }
                | Edit::InUnit { .. }
        )
    }

    /// The edit that sets the entered amount `field` of `budget` to `amount` — what typing into a
    /// table cell does. `None` when the field addresses nothing (a line or entry that is gone).
    #[must_use]
    pub fn set_amount(budget: &Budget, field: &AmountField, amount: Money) -> Option<Edit> {
        Some(match field {
            AmountField::Function {
                code,
                source,
                column,
            } => {
                let mut line = budget
                    .function_lines
                    .get(budget.function_line_index(code)?)?
                    .clone();
                line.set(*source, *column, amount);
                Edit::FunctionLine {
                    code: code.clone(),
                    line: Some(line),
                }
            }
            AmountField::Economic { code } => {
                let mut line = budget
                    .economic
                    .lines
                    .iter()
                    .find(|l| l.code == *code)?
                    .clone();
                line.amount = amount;
                Edit::EconLine {
                    code: code.clone(),
                    line: Some(line),
                }
            }
            AmountField::Sangong { item, last_year } => {
                let mut sangong = budget.sangong.clone();
                let figures = if *last_year {
                    sangong
                        .last_year
                        .get_or_insert_with(SangongFigures::default)
                } else {
                    &mut sangong.this_year
                };
                *figures.item_mut(*item) = amount;
                Edit::Sangong(sangong)
            }
            AmountField::OperatingCosts { entry } => {
                let mut costs = budget.operating_costs.clone();
                if costs.entries.is_empty() && *entry == 0 {
                    // The first figure of a new budget: one entry for the whole department.
                    costs.entries.push(crate::model::UnitAmount::default());
                }
                costs.entries.get_mut(*entry)?.amount = amount;
                Edit::OperatingCosts(costs)
            }
            AmountField::LastYear(figure) => {
                let mut last = budget.last_year.clone();
                *figure.slot(&mut last) = Some(amount);
                Edit::LastYear(last)
            }
            AmountField::OperatingCostsLastYear => {
                let mut costs = budget.operating_costs.clone();
                costs.last_year = Some(amount);
                Edit::OperatingCosts(costs)
            }
        })
    }

    /// The edit that publishes `budget` in `template`: the template's income columns, and after
    /// them any other source the budget's lines carry money of, so that no figure drops out of
    /// the tables.
    #[must_use]
    pub fn change_template(budget: &Budget, template: TemplateId) -> Edit {
        let mut columns = template.get().income_columns.to_vec();
        let mut used: Vec<IncomeSource> = Vec::new();
        for line in &budget.function_lines {
            for source in line.amounts.keys() {
                if !columns.contains(source) && !used.contains(source) {
                    used.push(*source);
                }
            }
        }
        used.sort();
        columns.extend(used);
        Edit::Template {
            template,
            version: template.find().map(|t| t.version),
            income_columns: columns,
        }
    }

    /// Applies the edit and returns the edit that undoes it. On error nothing has changed.
    ///
    /// # Errors
    /// [`EditError`] when the edit addresses something that does not exist.
    pub fn apply(self, budget: &mut Budget) -> Result<Edit, EditError> {
        Ok(match self {
            Edit::InUnit { unit, edit } => {
                let target = budget
                    .profile
                    .units
                    .get_mut(unit)
                    .and_then(|u| u.budget.as_deref_mut())
                    .ok_or(EditError::NoUnitBudget(unit))?;
                Edit::InUnit {
                    unit,
                    edit: Box::new(edit.apply(target)?),
                }
            }
            Edit::FunctionLine { code, line } => {
                let (code, old) =
                    put_line(&mut budget.function_lines, |l| l.code.as_str(), &code, line)?;
                Edit::FunctionLine { code, line: old }
            }
            Edit::EconLine { code, line } => {
                let (code, old) =
                    put_line(&mut budget.economic.lines, |l| l.code.as_str(), &code, line)?;
                Edit::EconLine { code, line: old }
            }
            Edit::ReplaceProject { index, project } => {
                let slot = budget
                    .projects
                    .get_mut(index)
                    .ok_or(EditError::NoSuchProject(index))?;
                let old = std::mem::replace(slot, *project);
                Edit::ReplaceProject {
                    index,
                    project: Box::new(old),
                }
            }
            Edit::InsertProject { index, project } => {
                if index > budget.projects.len() {
                    return Err(EditError::NoSuchProject(index));
                }
                budget.projects.insert(index, *project);
                Edit::RemoveProject { index }
            }
            Edit::RemoveProject { index } => {
                if index >= budget.projects.len() {
                    return Err(EditError::NoSuchProject(index));
                }
                let old = budget.projects.remove(index);
                Edit::InsertProject {
                    index,
                    project: Box::new(old),
                }
            }
            Edit::Sangong(s) => Edit::Sangong(std::mem::replace(&mut budget.sangong, s)),
            Edit::OperatingCosts(o) => {
                Edit::OperatingCosts(std::mem::replace(&mut budget.operating_costs, o))
            }
            Edit::Procurement(p) => {
                Edit::Procurement(std::mem::replace(&mut budget.procurement, p))
            }
            Edit::Assets(a) => Edit::Assets(Box::new(std::mem::replace(&mut budget.assets, *a))),
            Edit::Profile(p) => Edit::Profile(Box::new(std::mem::replace(&mut budget.profile, *p))),
            Edit::Narrative(n) => {
                Edit::Narrative(Box::new(std::mem::replace(&mut budget.narrative, *n)))
            }
            Edit::LastYear(l) => Edit::LastYear(std::mem::replace(&mut budget.last_year, l)),
            Edit::FunctionLines(mut lines) => {
                // Kept in code order, as every reader of the budget expects.
                lines.sort_by(|a, b| a.code.cmp(&b.code));
                Edit::FunctionLines(std::mem::replace(&mut budget.function_lines, lines))
            }
            Edit::Economic(mut table) => {
                table.lines.sort_by(|a, b| a.code.cmp(&b.code));
                Edit::Economic(Box::new(std::mem::replace(&mut budget.economic, *table)))
            }
            Edit::Projects(p) => Edit::Projects(std::mem::replace(&mut budget.projects, p)),
            Edit::Stated(s) => Edit::Stated(std::mem::replace(&mut budget.stated, s)),
            Edit::Descriptions(d) => {
                Edit::Descriptions(std::mem::replace(&mut budget.descriptions, d))
            }
            Edit::PerformanceStatement(s) => {
                Edit::PerformanceStatement(std::mem::replace(&mut budget.performance_statement, s))
            }
            Edit::TableNotes(n) => Edit::TableNotes(std::mem::replace(&mut budget.table_notes, n)),
            Edit::Template {
                template,
                version,
                income_columns,
            } => Edit::Template {
                template: std::mem::replace(&mut budget.template, template),
                version: std::mem::replace(&mut budget.template_version, version),
                income_columns: std::mem::replace(&mut budget.income_columns, income_columns),
            },
        })
    }
}

/// Checks a code for a new 功能分类 or economic line: digits, 3/5/7 long, its parent present, not
/// already used. `existing` must be sorted.
///
/// # Errors
/// The first [`CodeError`] that applies.
pub fn validate_new_code<'a>(
    code: &str,
    existing: impl Iterator<Item = &'a str> + Clone,
) -> Result<(), CodeError> {
    codes::validate_form(code)?;
    if existing.clone().any(|c| c == code) {
        return Err(CodeError::Duplicate(code.to_owned()));
    }
    if let Some(parent) = codes::parent(code)
        && !existing.clone().any(|c| c == parent)
    {
        return Err(CodeError::MissingParent(parent.to_owned()));
    }
    Ok(())
}
