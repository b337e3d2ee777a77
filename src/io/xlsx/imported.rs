//! What an import gives: the budget the workbook describes, what was read from each sheet (as
//! the preview shows it before anything changes), and the edits that merge it into an open
//! budget as one undo step.

use std::collections::BTreeSet;

use super::recognise::Kind;
use crate::document::Edit;
use crate::model::{Budget, Figure, FunctionLine, Money, MoneyUnit, StatedFigure};

/// How a sheet was used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SheetUse {
    /// Read as a disclosure table: what it is and its title as printed.
    Table(TableKind, String),
    /// Read as a performance-target form (the project's name).
    Form(String),
    /// The app's contents sheet: department, year, budget units.
    Contents,
    /// The app's findings: recomputed after import, not read.
    Findings,
    /// 部门支出分单位明细: summed from the units' budgets, not read.
    ByUnit,
    /// A 项目经费情况说明 (its project's name): printed for reading; the app's own workbook
    /// carries its content in the hidden sheet.
    Description(String),
    /// The app's hidden sheet with what the tables do not show (template, texts, assets …).
    Carried,
    /// Not recognised as a table (no title naming one): left out.
    Ignored,
}

/// The kinds of table an import reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TableKind {
    /// 支出总表 and the expenditure tables of one fund type.
    Expenditure,
    /// 收入总表 (and 政府性基金收入表).
    Income,
    /// The economic table.
    Economic,
    /// 收支总表: totals only.
    Summary,
    /// 三公经费.
    Sangong,
    /// 机关运行经费.
    Operating,
}

impl SheetUse {
    /// True when the sheet gave the import something.
    #[must_use]
    pub fn is_data(&self) -> bool {
        matches!(self, SheetUse::Table(..) | SheetUse::Form(_))
    }

    pub(super) fn from_kind(kind: Kind, title: String) -> Self {
        let k = match kind {
            Kind::Expenditure(_) => TableKind::Expenditure,
            Kind::Income(_) => TableKind::Income,
            Kind::Economic => TableKind::Economic,
            Kind::Summary { .. } => TableKind::Summary,
            Kind::Sangong => TableKind::Sangong,
            Kind::Operating => TableKind::Operating,
            Kind::Form => return SheetUse::Form(title),
            Kind::Findings => return SheetUse::Findings,
            Kind::ByUnit => return SheetUse::ByUnit,
        };
        SheetUse::Table(k, title)
    }
}

/// What the import took from one sheet.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SheetReport {
    /// The sheet's name.
    pub name: String,
    /// How it was used.
    pub use_: SheetUse,
    /// The unit its amounts were read in.
    pub unit: Option<MoneyUnit>,
    /// True when the sheet states its unit (else the template's was assumed).
    pub unit_stated: bool,
    /// Rows taken.
    pub rows: usize,
    /// Rows left out: sheet row (0-based) and why, in Chinese and English.
    pub skipped: Vec<(u32, String, String)>,
    /// Header cells of columns the import does not know, left unread: the cell and its label.
    pub unread: Vec<(String, String)>,
}

impl SheetReport {
    pub(super) fn new(name: &str, use_: SheetUse) -> Self {
        SheetReport {
            name: name.to_owned(),
            use_,
            unit: None,
            unit_stated: false,
            rows: 0,
            skipped: Vec::new(),
            unread: Vec::new(),
        }
    }

    /// One line for the preview: the sheet, what it was read as, rows and unit.
    #[must_use]
    pub fn describe(&self, zh: bool) -> String {
        let what = match (&self.use_, zh) {
            (SheetUse::Table(_, title), _) => title.clone(),
            (SheetUse::Form(name), true) => format!("绩效目标申报表：{name}"),
            (SheetUse::Form(name), false) => format!("performance form: {name}"),
            (SheetUse::Contents, true) => "目录（部门、年度、预算单位）".to_owned(),
            (SheetUse::Contents, false) => "contents (department, year, units)".to_owned(),
            (SheetUse::Findings, true) => "审核结果（导入后重新审核，不读取）".to_owned(),
            (SheetUse::ByUnit, true) => {
                "部门支出分单位明细（由各单位的预算汇总，不读取）".to_owned()
            }
            (SheetUse::ByUnit, false) => {
                "expenditure by unit (summed from the units' budgets; not read)".to_owned()
            }
            (SheetUse::Findings, false) => {
                "findings (checked again after import; not read)".to_owned()
            }
            (SheetUse::Description(name), true) => {
                format!("项目经费情况说明：{name}（内容随“预算数据”表读回）")
            }
            (SheetUse::Description(name), false) => {
                format!("project description: {name} (its content comes back with the data sheet)")
            }
            (SheetUse::Carried, true) => {
                "表格以外的内容（模板、概况、说明、采购、资产等）".to_owned()
            }
            (SheetUse::Carried, false) => {
                "what the tables do not show (template, profile, texts, procurement, assets …)"
                    .to_owned()
            }
            (SheetUse::Ignored, true) => "未识别为预算表，未读取".to_owned(),
            (SheetUse::Ignored, false) => "not a recognisable table; left out".to_owned(),
        };
        let mut text = format!("{} → {what}", self.name);
        if matches!(self.use_, SheetUse::Table(..)) {
            let unit = self.unit.map_or("", |u| u.label(zh));
            let assumed = match (self.unit_stated, zh) {
                (true, _) => "",
                (false, true) => "（表中未注明，按模板）",
                (false, false) => " (not stated; the template's)",
            };
            if zh {
                text.push_str(&format!("，读取 {} 行，单位 {unit}{assumed}", self.rows));
            } else {
                text.push_str(&format!(", {} rows taken, unit {unit}{assumed}", self.rows));
            }
            if !self.skipped.is_empty() {
                if zh {
                    text.push_str(&format!("，跳过 {} 行", self.skipped.len()));
                } else {
                    text.push_str(&format!(", {} rows skipped", self.skipped.len()));
                }
            }
        }
        text
    }
}

/// Which parts of a budget the workbook gave.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Parts {
    /// The 功能分类 lines.
    pub function: bool,
    /// The economic table.
    pub economic: bool,
    /// 三公经费.
    pub sangong: bool,
    /// 机关运行经费.
    pub operating: bool,
    /// The performance-target forms.
    pub projects: bool,
}

/// A workbook read: the budget it describes on its own, and what was read where.
#[derive(Clone, Debug)]
pub struct Imported {
    /// The budget the workbook describes (a new document takes it as it is).
    pub budget: Budget,
    /// Each sheet, in workbook order.
    pub sheets: Vec<SheetReport>,
    /// Which parts it gave.
    pub parts: Parts,
    /// Assumptions made and printed figures that differ, in Chinese and English.
    pub notes: Vec<(String, String)>,
    /// How many printed subtotals and totals were compared with the lines.
    pub compared: usize,
    /// How many of them differ (kept as printed figures).
    pub differing: usize,
}

impl Imported {
    /// The preview's lines: each sheet, the rows skipped and why, the notes, the printed figures
    /// that differ.
    #[must_use]
    pub fn report(&self, zh: bool) -> Vec<String> {
        let mut lines = Vec::new();
        for sheet in &self.sheets {
            lines.push(sheet.describe(zh));
            for (row, reason_zh, reason_en) in sheet.skipped.iter().take(20) {
                let reason = if zh { reason_zh } else { reason_en };
                lines.push(if zh {
                    format!("    第 {} 行：{reason}", row + 1)
                } else {
                    format!("    row {}: {reason}", row + 1)
                });
            }
            if sheet.skipped.len() > 20 {
                lines.push(format!("    … {}", sheet.skipped.len() - 20));
            }
            for (cell, label) in &sheet.unread {
                lines.push(if zh {
                    format!("    {cell}：列“{label}”无法识别，该列未读入")
                } else {
                    format!("    {cell}: column “{label}” is not recognised and was not read")
                });
            }
        }
        let differ = self.differing;
        lines.push(if zh {
            format!(
                "核对印发的小计和合计 {} 个：{differ} 个与明细不符，作为印发数保留，由审核列出",
                self.compared
            )
        } else {
            format!(
                "{} printed subtotals and totals compared: {differ} differ from their lines, kept as printed for the checks to report",
                self.compared
            )
        });
        for (note_zh, note_en) in &self.notes {
            lines.push(if zh { note_zh.clone() } else { note_en.clone() });
        }
        lines
    }

    /// The edits that put what the workbook gave into `open`: the parts it has replace the open
    /// budget's, converted into the open budget's units; everything else stays. Applied as one
    /// step they are one undo step.
    #[must_use]
    pub fn merge_edits(&self, open: &Budget) -> Vec<Edit> {
        let from = self.budget.unit;
        let to = open.unit;
        let convert = |m: Money| from.convert(m, to);
        let mut edits = Vec::new();
        if self.parts.function {
            let lines: Vec<FunctionLine> = self
                .budget
                .function_lines
                .iter()
                .map(|l| {
                    let mut line = l.clone();
                    if from != to {
                        for source in l.amounts.keys() {
                            let split = l.split(*source);
                            line.set(*source, crate::model::Column::Basic, convert(split.basic));
                            line.set(
                                *source,
                                crate::model::Column::Project,
                                convert(split.project),
                            );
                        }
                    }
                    line
                })
                .collect();
            edits.push(Edit::FunctionLines(lines));
        }
        if self.parts.economic {
            let mut table = self.budget.economic.clone();
            for line in &mut table.lines {
                line.amount = convert(line.amount);
            }
            edits.push(Edit::Economic(Box::new(table)));
        }
        if self.parts.sangong {
            let mut s = self.budget.sangong.clone();
            let (f, t) = (s.unit, open.sangong.unit);
            let c = |m: &mut Money| *m = f.convert(*m, t);
            for figures in std::iter::once(&mut s.this_year).chain(s.last_year.as_mut()) {
                c(&mut figures.abroad);
                c(&mut figures.reception);
                c(&mut figures.vehicle_purchase);
                c(&mut figures.vehicle_running);
            }
            s.unit = t;
            s.all_basic = open.sangong.all_basic;
            edits.push(Edit::Sangong(s));
        }
        if self.parts.operating {
            let mut o = self.budget.operating_costs.clone();
            let (f, t) = (o.unit, open.operating_costs.unit);
            for e in &mut o.entries {
                e.amount = f.convert(e.amount, t);
            }
            o.last_year = o.last_year.map(|m| f.convert(m, t));
            o.unit = t;
            edits.push(Edit::OperatingCosts(o));
        }
        if self.parts.projects {
            edits.push(Edit::Projects(self.budget.projects.clone()));
        }
        // Printed figures of the parts replaced are the workbook's now.
        let replaced = |figure: &Figure| match figure {
            Figure::IncomeTotal
            | Figure::ExpenditureTotal
            | Figure::Income(_)
            | Figure::Function { .. }
            | Figure::LineFiscal(_)
            | Figure::ExecutionChange(_) => self.parts.function,
            Figure::Economic(_) | Figure::StaffCosts | Figure::RunningCosts => self.parts.economic,
            Figure::ProjectFunds(_) => self.parts.projects,
        };
        let mut stated: Vec<StatedFigure> = open
            .stated
            .iter()
            .filter(|s| !replaced(&s.figure))
            .cloned()
            .collect();
        stated.extend(self.budget.stated.iter().map(|s| StatedFigure {
            value: convert(s.value),
            ..s.clone()
        }));
        if stated != open.stated {
            edits.push(Edit::Stated(stated));
        }
        edits
    }

    /// The income sources the workbook's tables carry money in, for the preview.
    #[must_use]
    pub fn sources(&self) -> BTreeSet<crate::model::IncomeSource> {
        self.budget
            .function_lines
            .iter()
            .flat_map(|l| l.amounts.keys().copied())
            .collect()
    }
}
