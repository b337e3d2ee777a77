//! The open document: the budget, its derived figures and findings, and an undo history.
//!
//! It is the only writer of the budget. The UI reads `&Document` while drawing and hands back
//! [`Edit`]s; the app applies them after the frame. Every committed edit is one undo step; typing
//! into a cell is a *pending* edit, previewed (totals recompute on each keystroke) and committed
//! as one step when the cell is left, or cancelled.

mod edit;

use std::path::{Path, PathBuf};

pub use edit::{Edit, EditError, validate_new_code};

use crate::calc::{Derived, derive, summarise};
use crate::checks::{self, Finding};
use crate::model::{Amounts, Budget};

/// How many steps undo remembers.
pub const UNDO_LIMIT: usize = 500;

/// One undo step: the edits that revert it (applied in order), and the revisions around it.
#[derive(Clone, Debug)]
struct Step {
    label: String,
    inverse: Vec<Edit>,
    before: u64,
    after: u64,
}

/// An open budget with derived figures and history.
///
/// A department whose units hold budgets of their own is seen in one of them at a time: the
/// department (its figures the sum of its units', `calc::units`) or one unit. Figures, findings
/// and edits are those of the budget seen; the file saved is always the department's.
#[derive(Debug)]
pub struct Document {
    budget: Budget,
    /// The unit seen (its position in the profile's list), or the department.
    scope: Option<usize>,
    /// The department as published, when its figures are its units'.
    consolidated: Option<Box<Budget>>,
    derived: Derived,
    findings: Vec<Finding>,
    /// Findings of the structural rules (codes, names, texts), kept between amount edits.
    structure_findings: Vec<Finding>,
    /// Findings of the per-line amount rules, kept and updated line by line.
    amount_findings: Vec<Finding>,
    /// Lines whose amounts changed since the last recompute, with their amounts before.
    touched: Vec<(usize, Amounts)>,
    /// True when something other than line amounts changed since the last recompute.
    structural: bool,
    undo: Vec<Step>,
    redo: Vec<Step>,
    pending: Option<Step>,
    revision: u64,
    next_revision: u64,
    saved_revision: Option<u64>,
    /// Counts every change of the budget, previews and undo included (for autosave).
    generation: u64,
    path: Option<PathBuf>,
    name: String,
}

impl Document {
    /// A document for `budget`, as saved at `path` (or unsaved when `None`), shown as `name`.
    #[must_use]
    pub fn new(budget: Budget, path: Option<PathBuf>, name: impl Into<String>) -> Self {
        let consolidated = crate::calc::units::consolidated(&budget).map(Box::new);
        let shown = consolidated.as_deref().unwrap_or(&budget);
        let derived = derive(shown);
        let structure_findings = checks::structure(shown);
        let amount_findings = checks::amounts(shown);
        let mut findings = checks::merge(
            &structure_findings,
            &amount_findings,
            checks::figures(shown, &derived),
        );
        if !budget.profile.units.is_empty() {
            findings.extend(checks::across_units(&budget));
        }
        Document {
            budget,
            scope: None,
            consolidated,
            derived,
            findings,
            structure_findings,
            amount_findings,
            touched: Vec::new(),
            structural: false,
            undo: Vec::new(),
            redo: Vec::new(),
            pending: None,
            revision: 0,
            next_revision: 1,
            saved_revision: Some(0),
            generation: 0,
            path,
            name: name.into(),
        }
    }

    /// A document restored from a recovery copy: it belongs at `path` but is not saved there.
    #[must_use]
    pub fn recovered(budget: Budget, path: Option<PathBuf>, name: impl Into<String>) -> Self {
        let mut doc = Document::new(budget, path, name);
        doc.saved_revision = None;
        doc
    }

    /// A number that changes whenever the budget does (a keystroke, an undo …), to tell whether a
    /// copy written earlier is still current.
    #[must_use]
    pub fn generation(&self) -> u64 {
        self.generation
    }

    /// The budget seen, as it stands (including a pending edit): the department's, summed from
    /// its units where they hold budgets, or the unit's.
    #[must_use]
    pub fn budget(&self) -> &Budget {
        shown(&self.budget, self.scope, self.consolidated.as_deref())
    }

    /// The department's file as it stands: what is saved.
    #[must_use]
    pub fn file(&self) -> &Budget {
        &self.budget
    }

    /// True when the department is seen and its figures are its units' sum (not editable here).
    #[must_use]
    pub fn is_summed(&self) -> bool {
        self.scope.is_none() && self.consolidated.is_some()
    }

    /// The unit seen, or `None` for the department.
    #[must_use]
    pub fn scope(&self) -> Option<usize> {
        self.scope
    }

    /// Sees unit `unit` (one that holds a budget), or the department with `None`.
    pub fn set_scope(&mut self, unit: Option<usize>) {
        self.commit_pending();
        let valid = unit.filter(|&u| {
            self.budget
                .profile
                .units
                .get(u)
                .is_some_and(|u| u.budget.is_some())
        });
        if valid != self.scope {
            self.scope = valid;
            self.structural = true;
            self.recompute();
        }
    }

    /// Every derived figure.
    #[must_use]
    pub fn derived(&self) -> &Derived {
        &self.derived
    }

    /// The findings of every rule.
    #[must_use]
    pub fn findings(&self) -> &[Finding] {
        &self.findings
    }

    /// Where the document is saved, if anywhere.
    #[must_use]
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// The name shown in the title bar.
    #[must_use]
    pub fn name(&self) -> &str {
        &self.name
    }

    /// True when there are changes since the last save (or the document was never saved).
    #[must_use]
    pub fn is_modified(&self) -> bool {
        self.pending.is_some() || self.saved_revision != Some(self.revision)
    }

    /// Derives every figure and finding again: the template the budget names was replaced (a
    /// template file was loaded), so the tables and checks may differ with the same budget.
    pub fn rederive(&mut self) {
        self.structural = true;
        self.recompute();
    }

    /// Label of the step undo would revert.
    #[must_use]
    pub fn undo_label(&self) -> Option<&str> {
        self.undo.last().map(|s| s.label.as_str())
    }

    /// Label of the step redo would repeat.
    #[must_use]
    pub fn redo_label(&self) -> Option<&str> {
        self.redo.last().map(|s| s.label.as_str())
    }

    /// Brings derived figures and findings up to date. An edit of line amounts only (a
    /// keystroke) moves the totals along the line's path to the root and rechecks that line;
    /// anything else derives everything again.
    fn recompute(&mut self) {
        self.generation = self.generation.wrapping_add(1);
        let touched = std::mem::take(&mut self.touched);
        let structural = std::mem::replace(&mut self.structural, false);
        if structural || !self.update_incrementally(&touched) {
            // A unit removed (or its budget) under the view: the department is seen.
            if self.scope.is_some_and(|u| {
                self.budget
                    .profile
                    .units
                    .get(u)
                    .is_none_or(|u| u.budget.is_none())
            }) {
                self.scope = None;
            }
            self.consolidated = match self.scope {
                None => crate::calc::units::consolidated(&self.budget).map(Box::new),
                Some(_) => None,
            };
            let shown = shown(&self.budget, self.scope, self.consolidated.as_deref());
            self.derived = derive(shown);
            self.structure_findings = checks::structure(shown);
            self.amount_findings = checks::amounts(shown);
        }
        let shown = shown(&self.budget, self.scope, self.consolidated.as_deref());
        self.findings = checks::merge(
            &self.structure_findings,
            &self.amount_findings,
            checks::figures(shown, &self.derived),
        );
        // The department seen: the rules about its units too.
        if self.scope.is_none() && !self.budget.profile.units.is_empty() {
            self.findings.extend(checks::across_units(&self.budget));
        }
    }

    fn update_incrementally(&mut self, touched: &[(usize, Amounts)]) -> bool {
        // The department summed from its units is summed again.
        if self.consolidated.is_some() {
            return false;
        }
        let budget = shown(&self.budget, self.scope, None);
        for (index, old) in touched {
            let Some(line) = budget.function_lines.get(*index) else {
                return false;
            };
            let function = &mut self.derived.function;
            let Some(row) = function.row_of(&line.code) else {
                return false;
            };
            if function.rows.get(row).and_then(|r| r.line) != Some(*index)
                || !function.apply_line_change(row, old, &line.amounts)
            {
                return false;
            }
            let code = line.code.clone();
            self.amount_findings
                .retain(|f| !checks::is_line_amount_finding(f, &code));
            self.amount_findings
                .extend(checks::function_line_amounts(budget, *index));
        }
        self.derived.summary = summarise(budget, &self.derived.function, &self.derived.economic);
        true
    }

    /// Notes what `edit` is about to change, so [`Self::recompute`] knows how much to redo.
    fn note_change(&mut self, edit: &Edit) {
        // The edit as it reaches the budget seen, if it does.
        let seen = match (self.scope, edit) {
            (Some(u), Edit::InUnit { unit, edit }) if *unit == u => Some(&**edit),
            (None, Edit::InUnit { .. }) | (Some(_), _) => None,
            (None, edit) => Some(edit),
        };
        let budget = shown(&self.budget, self.scope, None);
        if let Some(Edit::FunctionLine {
            code,
            line: Some(new),
        }) = seen
            && let Some(index) = budget.function_line_index(code)
            && let Some(old) = budget.function_lines.get(index)
            && old.code == new.code
            && old.name == new.name
            && old.note == new.note
        {
            if !self.touched.iter().any(|(i, _)| *i == index) {
                self.touched.push((index, old.amounts.clone()));
            }
            return;
        }
        self.structural = true;
    }

    /// The edits the views hand back, addressed to the budget seen: a unit's go into its budget;
    /// the department's figures, when they are its units', cannot be edited.
    fn addressed(&self, edits: Vec<Edit>) -> Result<Vec<Edit>, EditError> {
        match self.scope {
            Some(unit) => Ok(edits
                .into_iter()
                .map(|edit| Edit::InUnit {
                    unit,
                    edit: Box::new(edit),
                })
                .collect()),
            None if self.consolidated.is_some() && edits.iter().any(Edit::changes_figures) => {
                Err(EditError::DerivedFromUnits)
            }
            None => Ok(edits),
        }
    }

    fn apply_all(&mut self, edits: Vec<Edit>) -> Result<Vec<Edit>, EditError> {
        let mut inverse = Vec::with_capacity(edits.len());
        for edit in edits {
            self.note_change(&edit);
            match edit.apply(&mut self.budget) {
                Ok(inv) => inverse.push(inv),
                Err(e) => {
                    // Roll back what this group already did, so an error changes nothing.
                    for inv in inverse.into_iter().rev() {
                        let _ = inv.apply(&mut self.budget);
                    }
                    self.structural = true;
                    return Err(e);
                }
            }
        }
        inverse.reverse();
        Ok(inverse)
    }

    /// Applies `edits` as one undo step labelled `label`.
    ///
    /// # Errors
    /// When an edit addresses something missing; then nothing changes.
    pub fn apply(&mut self, label: impl Into<String>, edits: Vec<Edit>) -> Result<(), EditError> {
        self.commit_pending();
        let edits = self.addressed(edits)?;
        let inverse = self.apply_all(edits)?;
        self.push_step(label.into(), inverse);
        self.recompute();
        Ok(())
    }

    fn push_step(&mut self, label: String, inverse: Vec<Edit>) {
        let before = self.revision;
        self.revision = self.next_revision;
        self.next_revision += 1;
        self.undo.push(Step {
            label,
            inverse,
            before,
            after: self.revision,
        });
        if self.undo.len() > UNDO_LIMIT {
            self.undo.remove(0);
        }
        self.redo.clear();
    }

    /// Shows `edit` as if applied, without making an undo step yet; replaces an earlier preview.
    ///
    /// # Errors
    /// When the edit addresses something missing; the previous preview is then withdrawn.
    pub fn preview(&mut self, label: impl Into<String>, edit: Edit) -> Result<(), EditError> {
        self.withdraw_pending();
        let result = self
            .addressed(vec![edit])
            .and_then(|edits| self.apply_all(edits));
        if let Ok(inverse) = &result {
            self.pending = Some(Step {
                label: label.into(),
                inverse: inverse.clone(),
                before: self.revision,
                after: self.revision,
            });
        }
        self.recompute();
        result.map(|_| ())
    }

    fn withdraw_pending(&mut self) {
        if let Some(step) = self.pending.take() {
            for inv in step.inverse {
                self.note_change(&inv);
                let _ = inv.apply(&mut self.budget);
            }
        }
    }

    /// Drops a previewed edit: the budget is as before it.
    pub fn cancel_pending(&mut self) {
        if self.pending.is_some() {
            self.withdraw_pending();
            self.recompute();
        }
    }

    /// Makes a previewed edit one undo step.
    pub fn commit_pending(&mut self) {
        if let Some(step) = self.pending.take() {
            self.push_step(step.label, step.inverse);
        }
    }

    /// Reverts the last step. Returns its label.
    pub fn undo(&mut self) -> Option<String> {
        self.cancel_pending();
        let step = self.undo.pop()?;
        let redo = self.apply_all(step.inverse).ok()?;
        self.revision = step.before;
        self.redo.push(Step {
            label: step.label.clone(),
            inverse: redo,
            before: step.before,
            after: step.after,
        });
        self.recompute();
        Some(step.label)
    }

    /// Repeats the last undone step. Returns its label.
    pub fn redo(&mut self) -> Option<String> {
        self.cancel_pending();
        let step = self.redo.pop()?;
        let undo = self.apply_all(step.inverse).ok()?;
        self.revision = step.after;
        self.undo.push(Step {
            label: step.label.clone(),
            inverse: undo,
            before: step.before,
            after: step.after,
        });
        self.recompute();
        Some(step.label)
    }

    /// Records that the document is now saved at `path`.
    pub fn mark_saved(&mut self, path: PathBuf) {
        self.commit_pending();
        self.name = path.file_name().map_or_else(
            || path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        self.path = Some(path);
        self.saved_revision = Some(self.revision);
    }
}

/// The budget seen in `scope`: a unit's, or the department's (summed from its units where
/// `consolidated` is given).
fn shown<'a>(
    budget: &'a Budget,
    scope: Option<usize>,
    consolidated: Option<&'a Budget>,
) -> &'a Budget {
    match scope {
        Some(u) => budget
            .profile
            .units
            .get(u)
            .and_then(|u| u.budget.as_deref())
            .unwrap_or(budget),
        None => consolidated.unwrap_or(budget),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::money::m;
    use crate::model::{Column, IncomeSource};

    fn doc() -> Document {
        Document::new(crate::sample::sample_budget().unwrap(), None, "sample")
    }

    fn set_basic(doc: &Document, code: &str, amount: &str) -> Edit {
        let i = doc.budget().function_line_index(code).unwrap();
        let mut line = doc.budget().function_lines[i].clone();
        line.set(IncomeSource::GeneralPublic, Column::Basic, m(amount));
        Edit::FunctionLine {
            code: code.into(),
            line: Some(line),
        }
    }

    #[test]
    fn edit_recomputes_and_undo_redo_restore() {
        let mut d = doc();
        assert!(!d.is_modified());
        let e = set_basic(&d, "2150501", "685.94");
        d.apply("edit", vec![e]).unwrap();
        assert_eq!(d.derived().summary.total, m("10451.41"));
        assert_eq!(
            d.derived().function.figure("21505", Column::Total),
            Some(m("761.54"))
        );
        assert!(d.is_modified());
        assert_eq!(d.undo().as_deref(), Some("edit"));
        assert_eq!(d.derived().summary.total, m("10441.41"));
        assert!(!d.is_modified(), "back at the saved revision");
        d.redo();
        assert_eq!(d.derived().summary.total, m("10451.41"));
        assert!(d.is_modified());
    }

    #[test]
    fn preview_is_one_step_when_committed_and_nothing_when_cancelled() {
        let mut d = doc();
        for typed in ["6", "68", "685.94"] {
            let e = set_basic(&d, "2150501", typed);
            d.preview("typing", e).unwrap();
        }
        assert_eq!(d.derived().summary.total, m("10451.41"));
        d.cancel_pending();
        assert_eq!(d.derived().summary.total, m("10441.41"));
        assert!(d.undo_label().is_none());
        let e = set_basic(&d, "2150501", "600");
        d.preview("typing", e).unwrap();
        d.commit_pending();
        assert_eq!(d.derived().summary.total, m("10365.47"));
        d.undo();
        assert_eq!(d.derived().summary.total, m("10441.41"));
        assert!(d.undo_label().is_none());
    }

    #[test]
    fn a_new_edit_clears_redo() {
        let mut d = doc();
        d.apply("a", vec![set_basic(&d, "2150501", "1")]).unwrap();
        d.undo();
        assert_eq!(d.redo_label(), Some("a"));
        d.apply("b", vec![set_basic(&d, "2150501", "2")]).unwrap();
        assert!(d.redo_label().is_none());
    }

    #[test]
    fn insert_and_remove_lines_keep_order_and_undo() {
        let mut d = doc();
        let before = d.budget().clone();
        let line = crate::model::FunctionLine::new("2150503", "机关服务");
        d.apply(
            "add",
            vec![Edit::FunctionLine {
                code: "2150503".into(),
                line: Some(line),
            }],
        )
        .unwrap();
        let codes: Vec<&str> = d
            .budget()
            .function_lines
            .iter()
            .map(|l| l.code.as_str())
            .collect();
        let pos = codes.iter().position(|c| *c == "2150503").unwrap();
        assert_eq!(codes[pos - 1], "2150502");
        d.apply(
            "remove",
            vec![Edit::FunctionLine {
                code: "2150502".into(),
                line: None,
            }],
        )
        .unwrap();
        assert!(d.budget().function_line_index("2150502").is_none());
        d.undo();
        d.undo();
        assert_eq!(d.budget(), &before);
    }

    #[test]
    fn a_failing_group_changes_nothing() {
        let mut d = doc();
        let before = d.budget().clone();
        let good = set_basic(&d, "2150501", "1");
        let bad = Edit::FunctionLine {
            code: "9999999".into(),
            line: None,
        };
        assert!(d.apply("x", vec![good, bad]).is_err());
        assert_eq!(d.budget(), &before);
        assert!(d.undo_label().is_none());
    }

    #[test]
    fn incremental_totals_and_findings_equal_a_full_derivation() {
        let mut d = doc();
        for (code, amount) in [
            ("2150501", "-5"),
            ("215", "0"),
            ("2080699", "8000.123"),
            ("2150501", "600"),
        ] {
            let i = d.budget().function_line_index(code).unwrap();
            let mut line = d.budget().function_lines[i].clone();
            line.set(IncomeSource::GeneralPublic, Column::Project, m(amount));
            d.preview(
                "typing",
                Edit::FunctionLine {
                    code: code.into(),
                    line: Some(line),
                },
            )
            .unwrap();
            let full = crate::calc::derive(d.budget());
            assert_eq!(d.derived(), &full, "after {code} = {amount}");
            let mut want = crate::checks::run(d.budget(), &full);
            let mut got = d.findings().to_vec();
            let key = |f: &Finding| format!("{:?}{:?}{:?}", f.severity, f.rule, f.facts);
            want.sort_by_key(key);
            got.sort_by_key(key);
            assert_eq!(got, want, "after {code} = {amount}");
            d.commit_pending();
        }
        while d.undo().is_some() {}
        assert_eq!(d.derived(), &crate::calc::derive(d.budget()));
        assert_eq!(d.derived().summary.total, m("10441.41"));
    }

    #[test]
    fn saving_marks_the_revision() {
        let mut d = doc();
        d.apply("a", vec![set_basic(&d, "2150501", "1")]).unwrap();
        d.mark_saved(PathBuf::from("/tmp/x.ron"));
        assert!(!d.is_modified());
        assert_eq!(d.name(), "x.ron");
        d.undo();
        assert!(d.is_modified(), "undoing past the save is a change");
    }

    #[test]
    fn new_codes_are_validated() {
        let codes = ["208", "20805", "2080505"];
        let it = codes.iter().copied();
        assert_eq!(validate_new_code("2080506", it.clone()), Ok(()));
        assert_eq!(validate_new_code("20806", it.clone()), Ok(()));
        assert_eq!(
            validate_new_code("2080505", it.clone()),
            Err(crate::model::codes::CodeError::Duplicate("2080505".into()))
        );
        assert_eq!(
            validate_new_code("2080601", it.clone()),
            Err(crate::model::codes::CodeError::MissingParent(
                "20806".into()
            ))
        );
        assert_eq!(
            validate_new_code("20a", it.clone()),
            Err(crate::model::codes::CodeError::NotDigits)
        );
        assert_eq!(
            validate_new_code("2080", it),
            Err(crate::model::codes::CodeError::BadLength)
        );
    }
}
