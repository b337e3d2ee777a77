//! Reading the rows of a recognised classification table: codes in one column or three, names,
//! and each amount column's figure (see [`super::recognise`] for how a sheet is recognised).

use super::Problem;
use super::grid::Grid;
use super::recognise::{
    Amount, Col, Field, Frame, amount, bracketed, code_prefixed, is_total_word, problem, squeeze,
};
use crate::model::MoneyUnit;
use crate::model::codes::validate_form;

/// One row of a classification table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Line {
    /// The code; empty for the 合计 row.
    pub code: String,
    /// The name as printed, without the code.
    pub name: String,
    /// Its sheet row.
    pub row: u32,
    /// Its amounts by field, with the column each came from.
    pub amounts: Vec<(Field, u32, Amount)>,
    /// The grouping as written (人员经费 / 公用经费), if the table prints it.
    pub grouping: String,
    /// The remark, if any.
    pub note: String,
    /// 用途, if the table has the column.
    pub purpose: String,
    /// Last year's execution, in the sheet's unit, if the table has the column.
    pub executed: Option<Amount>,
    /// The reason of the change, if the table has the column.
    pub reason: String,
}

impl Line {
    /// The amount of `field`, if the row has it.
    pub(super) fn get(&self, field: Field) -> Option<&Amount> {
        self.amounts
            .iter()
            .find(|(f, _, _)| *f == field)
            .map(|(_, _, a)| a)
    }
}

/// A classification table read.
#[derive(Debug, Default)]
pub(super) struct Lines {
    /// The coded rows, in sheet order.
    pub lines: Vec<Line>,
    /// The 合计 row, if printed.
    pub total: Option<Line>,
    /// Rows left out and why (Chinese, English).
    pub skipped: Vec<(u32, String, String)>,
}

pub(super) fn code_part(text: &str, part: usize) -> String {
    let t = squeeze(text);
    if part > 0 && t.len() == 1 && t.bytes().all(|b| b.is_ascii_digit()) {
        format!("0{t}")
    } else {
        t
    }
}

/// Reads the rows of a classification table below its header.
pub(super) fn read_lines(
    grid: &Grid,
    frame: &Frame,
    columns: &[Col],
    unit: MoneyUnit,
    problems: &mut Vec<Problem>,
) -> Lines {
    let mut out = Lines::default();
    let mut seen: std::collections::HashMap<String, u32> = std::collections::HashMap::new();
    let find = |want: Col| columns.iter().position(|c| *c == want).map(|c| c as u32);
    let code_col = find(Col::Code);
    let name_col = find(Col::Name);
    let parts: Vec<Option<u32>> = (0..3).map(|k| find(Col::CodePart(k))).collect();
    for r in frame.body..grid.height() {
        if grid.is_blank(r) {
            continue;
        }
        let mut name = name_col.map(|c| grid.text(r, c)).unwrap_or_default();
        let mut code = String::new();
        if parts[0].is_some() {
            for (k, col) in parts.iter().enumerate() {
                if let Some(c) = col {
                    code.push_str(&code_part(&grid.text(r, *c), k));
                }
            }
        } else if let Some(c) = code_col {
            code = grid.text(r, c);
        }
        if let Some((inner, rest)) = code_prefixed(&code, true) {
            code = inner;
            if name.is_empty() {
                name = rest;
            }
        }
        if !code
            .chars()
            .filter(|c| !c.is_whitespace())
            .all(|c| c.is_ascii_digit())
        {
            // Words in the code column: a label (合计) or a note spanning the row.
            if name.is_empty() {
                name = std::mem::take(&mut code);
            } else {
                code.clear();
            }
        }
        if let Some((inner, rest)) = bracketed(&name) {
            // The name column's own bracketed code is the more specific (the seed prints the 类
            // in the code column beside a 款's `[20805]名称`).
            code = inner;
            name = rest;
        } else if let Some((inner, rest)) = code_prefixed(&name, false).filter(|_| code.is_empty())
        {
            // One column for both (功能分类科目: `201 一般公共服务支出`).
            code = inner;
            name = rest;
        } else if code.is_empty() && validate_form(&squeeze(&name)).is_ok() {
            // A 类 printed as its bare code where the names go (the seed's economic table).
            code = std::mem::take(&mut name);
        }
        let label = if code.is_empty() {
            name.clone()
        } else {
            code.clone()
        };
        let total = is_total_word(&label) || (code.is_empty() && is_total_word(&name));
        let mut amounts = Vec::new();
        for (c, col) in columns.iter().enumerate() {
            if let Col::Amount(field) = col {
                let c = c as u32;
                match amount(grid, r, c, unit) {
                    Ok(Some(a)) => amounts.push((*field, c, a)),
                    Ok(None) => {}
                    Err(p) => problems.push(p),
                }
            }
        }
        let text_of = |want: Col| find(want).map(|c| grid.text(r, c)).unwrap_or_default();
        let executed = match find(Col::Executed).map(|c| amount(grid, r, c, unit)) {
            Some(Ok(a)) => a,
            Some(Err(p)) => {
                problems.push(p);
                None
            }
            None => None,
        };
        let line = Line {
            code: if total { String::new() } else { squeeze(&code) },
            name: name.trim().to_owned(),
            row: r,
            amounts,
            grouping: text_of(Col::Grouping),
            note: text_of(Col::Note),
            purpose: text_of(Col::Purpose).trim().to_owned(),
            executed,
            reason: text_of(Col::Reason).trim().to_owned(),
        };
        if total {
            out.total = Some(line);
            continue;
        }
        if line.code.is_empty() {
            let s = squeeze(&name);
            let (zh, en) = if s.starts_with('注') || s.starts_with("说明") {
                ("注释行".to_owned(), "a note".to_owned())
            } else {
                (
                    "没有科目编码".to_owned(),
                    "no classification code".to_owned(),
                )
            };
            out.skipped.push((r, zh, en));
            continue;
        }
        if validate_form(&line.code).is_err() {
            out.skipped.push((
                r,
                format!("编码“{}”不是3、5或7位数字", line.code),
                format!("code “{}” is not 3, 5 or 7 digits", line.code),
            ));
            continue;
        }
        if let Some(first) = seen.insert(line.code.clone(), r) {
            problems.push(problem(
                grid,
                r,
                code_col.or(parts[0]).or(name_col).unwrap_or(0),
                format!("编码 {} 重复（第 {} 行已有）", line.code, first + 1),
                format!(
                    "code {} appears twice (first in row {})",
                    line.code,
                    first + 1
                ),
            ));
            continue;
        }
        out.lines.push(line);
    }
    out
}
