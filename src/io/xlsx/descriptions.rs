//! The 项目经费情况说明 of templates that describe selected projects rather than give a form per
//! project: one sheet each, headed like the printed description — the project, its budget for
//! the year in the text's unit, the seven numbered parts and, where printed, the quarterly plan
//! with a live sum.

use rust_xlsxwriter::{Formula, Worksheet};

use super::export::{Formats, print_setup, put};
use super::{ExportError, cell_number, column_name};
use crate::calc::tables::RowKind;
use crate::model::{Budget, DescriptionText, ProjectDescription};

/// The description's title, also how the import knows such a sheet.
pub(super) const TITLE: &str = "项目经费情况说明";

const NUMERALS: [&str; 7] = ["一", "二", "三", "四", "五", "六", "七"];
const QUARTERS: [&str; 4] = ["第一季度", "第二季度", "第三季度", "第四季度"];

/// The sheet of description `d`, named `name`.
pub(super) fn description_sheet(
    budget: &Budget,
    d: &ProjectDescription,
    name: &str,
    f: &Formats,
) -> Result<Worksheet, ExportError> {
    let unit = budget.template().text_unit;
    let mut ws = Worksheet::new();
    ws.set_name(name)?;
    put(&mut ws, (0, 0, 0, 4), TITLE, &f.title)?;
    ws.set_row_height(0, 30)?;
    let subtitle = format!(
        "{}　{}年度　单位：{}",
        budget.profile.department_name,
        budget.profile.year,
        unit.label_zh()
    );
    put(&mut ws, (1, 0, 1, 4), &subtitle, &f.subtitle)?;
    put(&mut ws, (2, 0, 2, 0), "项目名称", &f.label)?;
    put(&mut ws, (2, 1, 2, 4), &d.name, &f.text)?;
    put(&mut ws, (3, 0, 3, 0), "年度预算", &f.label)?;
    put(&mut ws, (3, 1, 3, 4), "", &f.text)?;
    if let Some(amount) = d.amount {
        ws.write_number_with_format(3, 1, cell_number(amount), f.amount(unit, RowKind::Total))?;
    }
    let mut r = 4;
    for (numeral, field) in NUMERALS.iter().zip(DescriptionText::ALL) {
        let text = field.get(d);
        put(
            &mut ws,
            (r, 0, r, 0),
            &format!("{numeral}、{}", field.label_zh()),
            &f.label,
        )?;
        put(&mut ws, (r, 1, r, 4), text, &f.text_wrap)?;
        ws.set_row_height(r, super::forms::height_for(text, 4 * 18))?;
        r += 1;
    }
    if let Some(quarters) = d.quarters {
        put(&mut ws, (r, 0, r + 1, 0), "分季度安排", &f.label)?;
        for (c, label) in (1u16..).zip(QUARTERS) {
            ws.write_string_with_format(r, c, label, &f.header)?;
        }
        for (c, q) in (1u16..).zip(quarters) {
            ws.write_number_with_format(r + 1, c, cell_number(q), f.amount(unit, RowKind::Item))?;
        }
        r += 2;
        put(&mut ws, (r, 0, r, 0), "季度合计", &f.label)?;
        put(&mut ws, (r, 1, r, 4), "", &f.text)?;
        let total = d.quarters_total().unwrap_or_default();
        let formula = Formula::new(format!(
            "SUM({}{row}:{}{row})",
            column_name(1),
            column_name(4),
            row = r
        ))
        .set_result(format!("{}", cell_number(total)));
        ws.write_formula_with_format(r, 1, formula, f.amount(unit, RowKind::Total))?;
    }
    ws.set_column_width(0, 16)?;
    for c in 1..5 {
        ws.set_column_width(c, 18)?;
    }
    print_setup(&mut ws);
    ws.set_portrait();
    Ok(ws)
}
