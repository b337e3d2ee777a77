//! What the printed tables do not show, carried in the app's own workbook so that export → import
//! gives back the same budget: the template, the profile's texts, the officer's notes on lines,
//! the narrative, 政府采购, assets, project descriptions, last year's figures and the figures as
//! the source document printed them.
//!
//! It travels as the budget's own file text in a hidden sheet. The visible sheets stay the
//! authority for what they show — an officer who edits a leaf in Excel gets that figure back —
//! and the hidden copy only fills in the rest. The copy leaves out the lines' amounts and names
//! (the table sheets carry them), so it stays small however long the budget is.

use std::path::Path;

use rust_xlsxwriter::{Format, Worksheet};

use super::ExportError;
use super::grid::{Grid, Value};
use super::imported::Parts;
use crate::io::ron_file::{from_ron_str, to_ron_string};
use crate::model::{Amounts, Budget, Money};

/// The hidden sheet's name.
pub(super) const SHEET: &str = "预算数据";

/// The first cell: what the sheet is, for the officer who unhides it.
const NOTICE: &str = "本表由预算公开编制软件写入：表格以外的内容（模板、概况、说明、采购、资产等），导入时使用，请勿修改。 \
     Written by Budget Studio: what the tables do not show, read back on import; do not edit.";

/// A cell holds at most 32,767 characters; the text is cut into pieces well below that.
const PIECE: usize = 30_000;

/// The budget without what the table sheets carry: lines keep their code and their words (note,
/// 用途, reason) and last year's execution only where they have any, with no amounts; the rest
/// is whole.
fn rest_of(budget: &Budget) -> Budget {
    let mut rest = budget.clone();
    rest.function_lines.retain(|l| {
        !l.note.is_empty()
            || !l.purpose.is_empty()
            || !l.reason.is_empty()
            || l.executed_last_year.is_some()
    });
    for line in &mut rest.function_lines {
        line.name.clear();
        line.amounts = Amounts::new();
    }
    rest.economic.lines.retain(|l| !l.note.is_empty());
    for line in &mut rest.economic.lines {
        line.name.clear();
        line.amount = Money::ZERO;
    }
    rest
}

/// The hidden sheet for `budget`.
pub(super) fn sheet(budget: &Budget) -> Result<Worksheet, ExportError> {
    let text = to_ron_string(&rest_of(budget)).map_err(|e| ExportError::Io {
        path: Path::new(SHEET).to_owned(),
        source: std::io::Error::other(e.to_string()),
    })?;
    let mut ws = Worksheet::new();
    ws.set_name(SHEET)?;
    ws.set_hidden(true);
    ws.write_string(0, 0, NOTICE)?;
    let plain = Format::new();
    let mut row = 1;
    let mut rest = text.as_str();
    while !rest.is_empty() {
        let mut cut = rest.len().min(PIECE);
        while !rest.is_char_boundary(cut) {
            cut -= 1;
        }
        let (piece, tail) = rest.split_at(cut);
        ws.write_string_with_format(row, 0, piece, &plain)?;
        row += 1;
        rest = tail;
    }
    Ok(ws)
}

/// The budget text the sheet carries, read back; `Err` says why it cannot be used.
pub(super) fn read(grid: &Grid) -> Result<Budget, String> {
    // Raw cell text: the pieces were cut anywhere, so their spaces are part of the file.
    let text: String = (1..grid.height())
        .filter_map(|r| match grid.value(r, 0) {
            Value::Text(t) => Some(t.as_str()),
            _ => None,
        })
        .collect();
    from_ron_str(&text, Path::new(SHEET)).map_err(|e| e.to_string())
}

/// The budget the app's own workbook describes: the carried rest, with what the sheets read
/// (`read`, the parts in `parts`) in place of the stubs it carries, and the notes put back on
/// the lines and entries read.
pub(super) fn overlay(mut base: Budget, read: Budget, parts: Parts) -> Budget {
    // The import chose the template: the one the copy names unless the officer chose another.
    base.template = read.template;
    let profile = &mut base.profile;
    profile.department_code = read.profile.department_code;
    profile.department_name = read.profile.department_name;
    profile.year = read.profile.year;
    if !read.profile.units.is_empty() {
        profile.units = read.profile.units;
    }
    base.unit = read.unit;
    base.income_columns = read.income_columns;
    let function_notes = std::mem::take(&mut base.function_lines);
    let economic_notes = std::mem::take(&mut base.economic.lines);
    if parts.function {
        base.function_lines = read.function_lines;
    }
    if parts.economic {
        base.economic = read.economic;
    }
    for noted in function_notes {
        if let Some(i) = base.function_line_index(&noted.code) {
            let line = &mut base.function_lines[i];
            line.note = noted.note;
            // A column of the workbook's tables wins over the copy.
            if line.purpose.is_empty() {
                line.purpose = noted.purpose;
            }
            if line.reason.is_empty() {
                line.reason = noted.reason;
            }
            if line.executed_last_year.is_none() {
                line.executed_last_year = noted.executed_last_year;
            }
        }
    }
    for noted in economic_notes {
        if let Some(line) = base
            .economic
            .lines
            .iter_mut()
            .find(|l| l.code == noted.code)
        {
            line.note = noted.note;
        }
    }
    // A template whose table prints no last-year column leaves last year's figures to the copy.
    if parts.sangong {
        base.sangong.unit = read.sangong.unit;
        base.sangong.this_year = read.sangong.this_year;
        if read.sangong.last_year.is_some() {
            base.sangong.last_year = read.sangong.last_year;
        }
    }
    if parts.operating {
        let old = std::mem::replace(&mut base.operating_costs, read.operating_costs);
        // A table that prints one figure for the whole (Shanghai's 表9) names no unit: the
        // copy's one entry says whose it is.
        if let ([entry], [was]) = (
            base.operating_costs.entries.as_mut_slice(),
            old.entries.as_slice(),
        ) && entry.unit_code.is_empty()
        {
            entry.unit_code.clone_from(&was.unit_code);
        }
        // The 0 such a table prints for a budget without 机关运行经费 (a 事业单位's) is not one.
        if old.entries.is_empty()
            && base
                .operating_costs
                .entries
                .iter()
                .all(|e| e.amount.is_zero() && e.unit_code.is_empty())
        {
            base.operating_costs.entries.clear();
        }
        for entry in &mut base.operating_costs.entries {
            if let Some(e) = old.entries.iter().find(|e| e.unit_code == entry.unit_code) {
                entry.note.clone_from(&e.note);
            }
        }
        if base.operating_costs.last_year.is_none() {
            base.operating_costs.last_year = old.last_year;
        }
    }
    if parts.projects {
        base.projects = read.projects;
    }
    base
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Column;
    use crate::model::money::m;
    use crate::sample::sample_budget;

    /// What the sheets give of `budget`: its tables without the notes the sheets do not show.
    fn as_read(budget: &Budget) -> Budget {
        let mut read = budget.clone();
        for l in &mut read.function_lines {
            l.note.clear();
        }
        for l in &mut read.economic.lines {
            l.note.clear();
        }
        for e in &mut read.operating_costs.entries {
            e.note.clear();
        }
        read.profile.responsibilities.clear();
        read.narrative = crate::model::Narrative::default();
        read
    }

    const ALL: Parts = Parts {
        function: true,
        economic: true,
        sangong: true,
        operating: true,
        projects: true,
    };

    #[test]
    fn a_figure_edited_in_the_workbook_wins_and_the_texts_stay() {
        let budget = sample_budget().unwrap();
        let mut edited = budget.clone();
        let i = edited.function_line_index("2080505").unwrap();
        let line = &mut edited.function_lines[i];
        let source = *line.amounts.keys().next().unwrap();
        line.set(source, Column::Basic, m("123.45"));
        edited.sangong.this_year.reception = m("2.50");
        let back = overlay(rest_of(&budget), as_read(&edited), ALL);
        assert_eq!(back, edited);
    }

    #[test]
    fn the_carried_copy_holds_no_amounts_and_only_noted_lines() {
        let budget = sample_budget().unwrap();
        let rest = rest_of(&budget);
        assert!(rest.function_lines.len() < budget.function_lines.len());
        assert!(
            rest.function_lines
                .iter()
                .all(|l| l.amounts.is_empty() && !l.note.is_empty())
        );
        assert!(rest.economic.lines.iter().all(|l| l.amount.is_zero()));
    }

    #[test]
    fn a_table_left_out_of_the_workbook_leaves_no_stub_lines() {
        let budget = sample_budget().unwrap();
        let parts = Parts {
            function: false,
            ..ALL
        };
        let mut read = as_read(&budget);
        read.function_lines.clear();
        let back = overlay(rest_of(&budget), read, parts);
        assert!(back.function_lines.is_empty());
    }
}
