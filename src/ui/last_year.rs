//! Last year's budget attached as the comparison base. It lives in the app's state, not in the
//! budget file: it is a reference the officer consults on this machine, and a budget that named
//! another file would no longer be complete in itself when sent on. Its figures are compared with
//! the open budget after each change.

use std::path::PathBuf;

use egui::{Grid, RichText, Ui};

use super::i18n::Tr;
use super::{Action, ViewState};
use crate::calc::compare::{Classification, Comparison, LineStatus, compare};
use crate::calc::{Derived, LastFigures, Summary, derive, summarise_against};
use crate::checks::Location;
use crate::document::Document;
use crate::model::{Budget, TableId};

/// Last year's budget and what it gives the open one.
#[derive(Clone, Debug)]
pub struct LastYearBase {
    /// Where it was read from.
    pub path: PathBuf,
    /// The budget.
    pub budget: Budget,
    /// Its figures.
    pub derived: Derived,
    /// The open budget's headline figures against it.
    pub summary: Summary,
    /// Line by line.
    pub comparison: Comparison,
    /// The document generation these were computed for.
    generation: Option<u64>,
    /// Built from the lines the open budget records of last year (`last_year` in the file,
    /// written by 以此为基础新建下一年度), not from an attached file.
    pub recorded: bool,
}

impl LastYearBase {
    /// Last year's `budget`, read from `path`.
    #[must_use]
    pub fn new(path: PathBuf, budget: Budget) -> LastYearBase {
        let derived = derive(&budget);
        LastYearBase {
            path,
            budget,
            derived,
            summary: Summary::default(),
            comparison: Comparison::default(),
            generation: None,
            recorded: false,
        }
    }

    /// The base the open budget records itself (its last-year lines), if it records any.
    #[must_use]
    pub fn recorded(this: &Budget) -> Option<LastYearBase> {
        let last = crate::calc::roll::recorded_last_year(this)?;
        let mut base = LastYearBase::new(PathBuf::new(), last);
        base.recorded = true;
        Some(base)
    }

    /// True when this recorded base was built from `this` budget's last-year lines as they are.
    #[must_use]
    pub fn records(&self, this: &Budget) -> bool {
        let l = &this.last_year;
        self.recorded
            && self.budget.profile.year == this.profile.year.saturating_sub(1)
            && self.budget.function_lines.len() == l.function_lines.len()
            && self.budget.economic.lines.len() == l.economic_lines.len()
    }

    /// Compares again when the open budget changed since the last time.
    pub fn refresh(&mut self, doc: &Document) {
        if self.generation == Some(doc.generation()) {
            return;
        }
        let this = doc.budget();
        let derived = doc.derived();
        // A recorded base has line totals only: the headline figures stay the ones the budget
        // states (which the roll-forward wrote from the same year).
        let last = if self.recorded {
            LastFigures::stated(this)
        } else {
            LastFigures::of_budget(this, &self.budget, &self.derived)
        };
        self.summary = summarise_against(this, &derived.function, &derived.economic, &last);
        self.comparison = compare(&self.budget, &self.derived, this, derived);
        self.generation = Some(doc.generation());
    }

    /// The file name, for labels.
    #[must_use]
    pub fn file_name(&self) -> String {
        self.path
            .file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned())
    }
}

fn status_label(status: LineStatus, renamed: bool, zh: bool) -> &'static str {
    match (status, renamed, zh) {
        (LineStatus::Added, _, true) => "新增",
        (LineStatus::Added, _, false) => "added",
        (LineStatus::Removed, _, true) => "删除",
        (LineStatus::Removed, _, false) => "removed",
        (_, true, true) => "更名",
        (_, true, false) => "renamed",
        (LineStatus::Changed, false, true) => "变动",
        (LineStatus::Changed, false, false) => "changed",
        (LineStatus::Unchanged, false, true) => "持平",
        (LineStatus::Unchanged, false, false) => "unchanged",
    }
}

/// The changed lines against last year: code, name, last year, this year, change, %, status.
/// Each code leads to its row.
pub fn changes_list(ui: &mut Ui, view: &ViewState, actions: &mut Vec<Action>) {
    let Some(base) = &view.base else { return };
    let lang = view.lang;
    let zh = lang.zh();
    let c = &base.comparison;
    ui.label(
        RichText::new(format!(
            "{}（{}，{}）",
            Tr::LastYearChanges.get(lang),
            base.file_name(),
            c.unit.label(zh)
        ))
        .strong(),
    );
    for cc in &c.code_changes {
        ui.label(format!(
            "{} [{}] → [{}] {}",
            Tr::LastYearCodeChange.get(lang),
            cc.old_code,
            cc.new_code,
            cc.name
        ));
    }
    let differing: Vec<_> = c.differing().collect();
    if differing.is_empty() {
        ui.label(Tr::LastYearNoChanges.get(lang));
        return;
    }
    egui::ScrollArea::vertical()
        .id_salt("last-year-changes")
        .max_height(320.0)
        .show(ui, |ui| {
            Grid::new("last-year-grid").striped(true).show(ui, |ui| {
                for h in [
                    Tr::LastYearCode,
                    Tr::LastYearName,
                    Tr::LastYearLast,
                    Tr::LastYearThis,
                    Tr::LastYearChange,
                    Tr::LastYearPercent,
                    Tr::LastYearStatus,
                ] {
                    ui.strong(h.get(lang));
                }
                ui.end_row();
                for line in differing {
                    let table = match line.classification {
                        Classification::Function => TableId::Expenditure,
                        Classification::Economic => TableId::BasicByEconomic,
                    };
                    if ui.link(format!("[{}]", line.code)).clicked()
                        && line.status != LineStatus::Removed
                    {
                        actions.push(Action::Jump(Location::Table {
                            table,
                            code: Some(line.code.clone()),
                        }));
                    }
                    match &line.last_name {
                        Some(old) => ui.label(format!("{old} → {}", line.name)),
                        None => ui.label(&line.name),
                    };
                    let ch = &line.change;
                    ui.label(ch.last_year.format_grouped(2));
                    ui.label(ch.this_year.format_grouped(2));
                    ui.label(ch.amount.format_grouped(2));
                    ui.label(
                        ch.percent
                            .map_or_else(|| "—".to_owned(), |p| format!("{p}%")),
                    );
                    ui.label(status_label(line.status, line.last_name.is_some(), zh));
                    ui.end_row();
                }
            });
        });
}
