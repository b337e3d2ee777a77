//! The workbook's sheets beside the tables: the contents (department, year, budget units, the
//! list of sheets), one sheet per performance-target form laid out like the printed form, and the
//! findings of the checks.

use rust_xlsxwriter::{Format, Formula, Url, Worksheet};

use super::ExportError;
use super::cell_number;
use super::export::{Formats, Widths, print_setup, put};
use crate::checks::{self, Finding};
use crate::model::{Budget, Funds, Indicator, Money, Project};

/// The contents sheet's name.
pub(super) const CONTENTS: &str = "目录";
/// The findings sheet's name.
pub(super) const FINDINGS: &str = "审核结果";

/// Labels of the contents sheet, shared with the import.
pub(super) const DEPARTMENT_CODE: &str = "部门编码";
pub(super) const DEPARTMENT_NAME: &str = "部门名称";
pub(super) const YEAR: &str = "预算年度";
pub(super) const UNIT_CODE: &str = "单位编码";
pub(super) const UNIT_NAME: &str = "单位名称";
/// 不单列预算: the unit's money is in the 本部's.
pub(super) const MERGED: &str = "不单列预算";

/// Labels of the form, shared with the import.
pub(super) const FORM_TITLE: &str = "项目支出绩效目标申报表";
pub(super) const PROJECT_NAME: &str = "项目名称";
pub(super) const DEPARTMENT: &str = "主管部门及代码";
pub(super) const UNIT: &str = "实施单位";
pub(super) const KIND: &str = "项目属性";
pub(super) const PERIOD: &str = "项目期";
pub(super) const PERIOD_TOTAL: &str = "实施期资金总额";
pub(super) const YEAR_TOTAL: &str = "年度资金总额";
pub(super) const TEXTS: [&str; 5] = [
    "项目概况",
    "立项依据",
    "项目设立必要性",
    "保证项目实施的制度、措施",
    "项目实施计划",
];
pub(super) const GOALS: &str = "总体目标";
pub(super) const INDICATORS_PERIOD: &str = "实施期绩效指标";
pub(super) const INDICATORS_YEAR: &str = "年度绩效指标";
pub(super) const CONTACTS: [&str; 4] = ["负责人", "经办人", "联系电话", "填报日期"];
pub(super) const FUNCTION_CODE: &str = "对应功能科目";
pub(super) const NOTE: &str = "备注";

/// The first sheet: who, which year, the budget units and what each sheet holds.
pub(super) fn contents_sheet(
    budget: &Budget,
    tables: &[(String, String)],
    f: &Formats,
) -> Result<Worksheet, ExportError> {
    let mut ws = Worksheet::new();
    ws.set_name(CONTENTS)?;
    let p = &budget.profile;
    let title = format!("{}{}年部门预算公开表", p.department_name, p.year);
    put(&mut ws, (0, 0, 0, 2), &title, &f.title)?;
    ws.set_row_height(0, 30)?;
    let mut r = 2;
    for (label, value) in [
        (DEPARTMENT_CODE, p.department_code.clone()),
        (DEPARTMENT_NAME, p.department_name.clone()),
        (YEAR, p.year.to_string()),
        ("表格金额单位", budget.unit.label_zh().to_owned()),
    ] {
        ws.write_string_with_format(r, 0, label, &f.label)?;
        put(&mut ws, (r, 1, r, 2), &value, &f.text)?;
        r += 1;
    }
    r += 1;
    for (c, label) in [UNIT_CODE, UNIT_NAME, "单位性质", MERGED]
        .iter()
        .enumerate()
    {
        ws.write_string_with_format(r, u16::try_from(c).unwrap_or(0), *label, &f.header)?;
    }
    r += 1;
    for unit in &p.units {
        ws.write_string_with_format(r, 0, &unit.code, &f.text)?;
        ws.write_string_with_format(r, 1, &unit.name, &f.text)?;
        ws.write_string_with_format(r, 2, unit.kind.label_zh(), &f.text)?;
        ws.write_string_with_format(r, 3, if unit.merged { "是" } else { "" }, &f.text)?;
        r += 1;
    }
    r += 1;
    ws.write_string_with_format(r, 0, "工作表", &f.header)?;
    put(&mut ws, (r, 1, r, 2), "内容", &f.header)?;
    r += 1;
    let mut entries: Vec<(String, String)> = tables.to_vec();
    for (n, project) in budget.projects.iter().enumerate() {
        entries.push((
            format!("绩效{}", n + 1),
            format!("{FORM_TITLE}：{}", project.name),
        ));
    }
    for (n, d) in budget.descriptions.iter().enumerate() {
        entries.push((
            format!("说明{}", n + 1),
            format!("{}：{}", super::descriptions::TITLE, d.name),
        ));
    }
    entries.push((FINDINGS.to_owned(), "审核结果（勾稽关系检查）".to_owned()));
    for (sheet, what) in &entries {
        let link = Url::new(format!("internal:'{sheet}'!A1")).set_text(sheet);
        ws.write_url_with_format(r, 0, link, &f.text)?;
        put(&mut ws, (r, 1, r, 2), what, &f.text)?;
        r += 1;
    }
    ws.set_column_width(0, 16)?;
    ws.set_column_width(1, 60)?;
    ws.set_column_width(2, 14)?;
    ws.set_column_width(3, 12)?;
    print_setup(&mut ws);
    Ok(ws)
}

/// An amount in 元 as a form prints it: whole yuan, or two decimals where there are cents.
fn yuan_format(amount: Money, f: &Formats) -> Format {
    let whole = amount.value().fract().is_zero();
    let base = f
        .text
        .clone()
        .set_align(rust_xlsxwriter::FormatAlign::Right);
    base.set_num_format(if whole { "#,##0" } else { "#,##0.00" })
}

/// Rows a wrapped text needs in `width` units, for a readable row height.
pub(super) fn height_for(text: &str, width: usize) -> f64 {
    let lines: usize = text
        .split('\n')
        .map(|l| super::display_width(l).div_ceil(width.max(1)).max(1))
        .sum();
    (lines.max(1) as f64 * 14.0 + 4.0).min(409.0)
}

const FORM_WIDTH: usize = 16 + 7 * 12;
const MESSAGE_WIDTH: usize = 60;

/// One performance-target form on its own sheet, in the printed form's order.
pub(super) fn project_sheet(
    budget: &Budget,
    project: &Project,
    name: &str,
    f: &Formats,
) -> Result<Worksheet, ExportError> {
    let mut ws = Worksheet::new();
    ws.set_name(name)?;
    put(&mut ws, (0, 0, 0, 7), FORM_TITLE, &f.title)?;
    ws.set_row_height(0, 30)?;
    let year = format!("（{}年度）", budget.profile.year);
    put(&mut ws, (1, 0, 1, 7), &year, &f.subtitle)?;
    put(&mut ws, (2, 0, 2, 0), PROJECT_NAME, &f.label)?;
    put(&mut ws, (2, 1, 2, 7), &project.name, &f.text)?;
    let pairs = [
        (
            DEPARTMENT,
            project.department.clone(),
            UNIT,
            budget.unit_name(&project.unit_code).to_owned(),
        ),
        (
            KIND,
            project.kind.label_zh().to_owned(),
            PERIOD,
            project.period.clone(),
        ),
    ];
    for (k, (l1, v1, l2, v2)) in pairs.iter().enumerate() {
        let r = 3 + u32::try_from(k).unwrap_or(0);
        put(&mut ws, (r, 0, r, 0), l1, &f.label)?;
        put(&mut ws, (r, 1, r, 3), v1, &f.text)?;
        put(&mut ws, (r, 4, r, 4), l2, &f.label)?;
        put(&mut ws, (r, 5, r, 7), v2, &f.text)?;
    }
    funds(&mut ws, project, f)?;
    let mut r = 11;
    let texts = [
        &project.overview,
        &project.basis,
        &project.necessity,
        &project.safeguards,
        &project.plan,
    ];
    for (label, text) in TEXTS.iter().zip(texts) {
        put(&mut ws, (r, 0, r, 0), label, &f.label)?;
        put(&mut ws, (r, 1, r, 7), text, &f.text_wrap)?;
        ws.set_row_height(r, height_for(text, FORM_WIDTH - 16))?;
        r += 1;
    }
    put(&mut ws, (r, 0, r + 1, 0), GOALS, &f.label)?;
    put(&mut ws, (r, 1, r, 3), "实施期目标", &f.header)?;
    put(&mut ws, (r, 4, r, 7), "年度目标", &f.header)?;
    put(
        &mut ws,
        (r + 1, 1, r + 1, 3),
        &project.goal_period,
        &f.text_wrap,
    )?;
    put(
        &mut ws,
        (r + 1, 4, r + 1, 7),
        &project.goal_year,
        &f.text_wrap,
    )?;
    let longest = project.goal_period.len().max(project.goal_year.len());
    let goal = if project.goal_period.len() == longest {
        &project.goal_period
    } else {
        &project.goal_year
    };
    ws.set_row_height(r + 1, height_for(goal, 36))?;
    r += 2;
    for (title, list) in [
        (INDICATORS_PERIOD, &project.indicators_period),
        (INDICATORS_YEAR, &project.indicators_year),
    ] {
        r = indicators(&mut ws, r, title, list, f)?;
    }
    for (k, (label, value)) in CONTACTS
        .iter()
        .zip([
            &project.leader,
            &project.handler,
            &project.phone,
            &project.date,
        ])
        .enumerate()
    {
        let c = u16::try_from(k * 2).unwrap_or(0);
        ws.write_string_with_format(r, c, *label, &f.label)?;
        ws.write_string_with_format(r, c + 1, value, &f.text)?;
    }
    r += 1;
    if let Some(code) = &project.function_code {
        put(&mut ws, (r, 0, r, 0), FUNCTION_CODE, &f.label)?;
        put(&mut ws, (r, 1, r, 7), code, &f.text)?;
        r += 1;
    }
    if !project.note.is_empty() {
        put(&mut ws, (r, 0, r, 0), NOTE, &f.label)?;
        put(&mut ws, (r, 1, r, 7), &project.note, &f.text_wrap)?;
    }
    ws.set_column_width(0, 16)?;
    for c in 1..8 {
        ws.set_column_width(c, 12)?;
    }
    print_setup(&mut ws);
    ws.set_landscape();
    Ok(ws)
}

/// The funds block: rows 5–10, the period's figures in column D, the year's in G.
fn funds(ws: &mut Worksheet, project: &Project, f: &Formats) -> Result<(), ExportError> {
    put(ws, (5, 0, 10, 0), "项目资金（元）", &f.label)?;
    for (c_label, c_value, label, funds) in [
        (1u16, 3u16, PERIOD_TOTAL, &project.funds_period),
        (4, 6, YEAR_TOTAL, &project.funds_year),
    ] {
        let c_label_end = c_label + 1;
        let c_value_end = if c_value == 6 { 7 } else { 3 };
        put(ws, (5, c_label, 5, c_label_end), label, &f.label)?;
        total_cell(ws, (5, c_value, c_value_end), funds, f)?;
        for (k, (source, amount)) in funds.sources().iter().enumerate() {
            let r = 6 + u32::try_from(k).unwrap_or(0);
            let text = if k == 0 {
                format!("其中：{}", source.label_zh())
            } else {
                source.label_zh().to_owned()
            };
            put(ws, (r, c_label, r, c_label_end), &text, &f.text)?;
            put(ws, (r, c_value, r, c_value_end), "", &f.text)?;
            if !amount.is_zero() {
                ws.write_number_with_format(
                    r,
                    c_value,
                    cell_number(*amount),
                    &yuan_format(*amount, f),
                )?;
            }
        }
    }
    Ok(())
}

/// A form's total: the figure it prints where it states one, else the live sum of its sources.
fn total_cell(
    ws: &mut Worksheet,
    (r, c0, c1): (u32, u16, u16),
    funds: &Funds,
    f: &Formats,
) -> Result<(), ExportError> {
    put(ws, (r, c0, r, c1), "", &f.text)?;
    match funds.stated_total {
        Some(stated) => {
            ws.write_number_with_format(r, c0, cell_number(stated), &yuan_format(stated, f))?;
        }
        None => {
            let total = funds.total();
            let col = super::column_name(c0);
            let formula = Formula::new(format!("SUM({col}{}:{col}{})", r + 2, r + 6))
                .set_result(format!("{}", cell_number(total)));
            ws.write_formula_with_format(r, c0, formula, &yuan_format(total, f))?;
        }
    }
    Ok(())
}

/// One indicator table from row `r`; returns the row after it.
fn indicators(
    ws: &mut Worksheet,
    mut r: u32,
    title: &str,
    list: &[Indicator],
    f: &Formats,
) -> Result<u32, ExportError> {
    put(ws, (r, 0, r, 7), title, &f.label)?;
    r += 1;
    for (c0, c1, label) in [
        (0, 0, "一级指标"),
        (1, 1, "二级指标"),
        (2, 5, "三级指标"),
        (6, 7, "指标值"),
    ] {
        put(ws, (r, c0, r, c1), label, &f.header)?;
    }
    r += 1;
    for indicator in list {
        put(ws, (r, 0, r, 0), indicator.kind.group().label_zh(), &f.text)?;
        put(ws, (r, 1, r, 1), indicator.kind.label_zh(), &f.text)?;
        put(ws, (r, 2, r, 5), &indicator.name, &f.text_wrap)?;
        put(ws, (r, 6, r, 7), &indicator.target, &f.text)?;
        r += 1;
    }
    Ok(r)
}

/// The findings of every check, as the Overview lists them.
pub(super) fn findings_sheet(
    budget: &Budget,
    findings: &[Finding],
    f: &Formats,
) -> Result<Worksheet, ExportError> {
    let mut ws = Worksheet::new();
    ws.set_name(FINDINGS)?;
    put(&mut ws, (0, 0, 0, 6), "审核结果", &f.title)?;
    ws.set_row_height(0, 30)?;
    let (errors, warnings) = checks::counts(findings);
    let department = budget
        .template()
        .outline
        .department_line
        .fill_for(budget, true);
    put(&mut ws, (1, 0, 1, 3), &department, &f.left)?;
    let count = format!("共 {errors} 个错误，{warnings} 个警告");
    put(&mut ws, (1, 4, 1, 6), &count, &f.right)?;
    let head = ["序号", "严重程度", "规则", "位置", "说明", "差额", "单位"];
    let mut widths = Widths::new(head.len());
    for (c, label) in head.iter().enumerate() {
        let c = u16::try_from(c).unwrap_or(0);
        ws.write_string_with_format(2, c, *label, &f.header)?;
        widths.fit(c, label);
    }
    for (k, finding) in findings.iter().enumerate() {
        let r = 3 + u32::try_from(k).unwrap_or(0);
        ws.write_number_with_format(r, 0, f64::from(u32::try_from(k + 1).unwrap_or(0)), &f.text)?;
        let texts = [
            finding.severity.label(true).to_owned(),
            finding.rule.id().to_owned(),
            finding.location.describe(budget, true),
            finding.message(true),
        ];
        for (c, text) in texts.iter().enumerate() {
            let c = u16::try_from(c + 1).unwrap_or(0);
            ws.write_string_with_format(r, c, text, &f.text_wrap)?;
            if c < 4 {
                widths.fit(c, text);
            }
        }
        ws.set_row_height(r, height_for(&finding.message(true), MESSAGE_WIDTH))?;
        match finding.difference {
            Some((amount, unit)) => {
                let format = f.amount(unit, crate::calc::tables::RowKind::Total);
                ws.write_number_with_format(r, 5, cell_number(amount), format)?;
                ws.write_string_with_format(r, 6, unit.label_zh(), &f.text)?;
                widths.fit(5, &amount.format_grouped(2));
            }
            None => {
                ws.write_blank(r, 5, &f.text)?;
                ws.write_blank(r, 6, &f.text)?;
            }
        }
    }
    if findings.is_empty() {
        put(&mut ws, (3, 0, 3, 6), "未发现问题。", &f.note)?;
    }
    widths.apply(&mut ws, 6, 40)?;
    ws.set_column_width(4, MESSAGE_WIDTH as f64)?;
    ws.set_freeze_panes(3, 0)?;
    ws.set_repeat_rows(2, 2)?;
    print_setup(&mut ws);
    Ok(ws)
}
