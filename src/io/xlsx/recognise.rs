//! Recognising a sheet: which table it is (by its title), the unit (from the 单位 row), the header
//! rows and what each column holds (by the header's words), then reading the classification
//! tables' rows — codes in one column (`2080505`, `[2080505]`, `[2080505]名称`) or in three
//! (类 / 款 / 项), amounts as numbers or text with thousands separators, blank as zero.

use rust_decimal::Decimal;

use super::grid::{Formula, Grid, Value};
use super::{CellRef, Problem, a1};
use crate::model::codes::validate_form;
use crate::model::{IncomeSource, MoneyUnit};

/// Which sources a classification table covers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Scope {
    /// Every source (支出总表, 收入总表).
    All,
    /// One fund type (一般公共预算, 政府性基金, 国有资本经营).
    Only(IncomeSource),
}

/// What a sheet is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Kind {
    /// Expenditure by 功能分类: 合计 / 基本支出 / 项目支出.
    Expenditure(Scope),
    /// Income by 功能分类: a total and one column per source.
    Income(Scope),
    /// Basic expenditure by economic classification.
    Economic,
    /// Income by source against expenditure by 类 (预算收支总表; 财政拨款收支总表 when `fiscal`).
    Summary {
        /// 财政拨款 only.
        fiscal: bool,
    },
    /// 三公经费 (with 机关运行经费 where the template prints them together).
    Sangong,
    /// 机关运行经费.
    Operating,
    /// A performance-target form.
    Form,
    /// The app's findings sheet.
    Findings,
}

/// Compares texts without the spaces PDF and hand typing put in.
pub(super) fn squeeze(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// The table a title names.
pub(super) fn kind_of(title: &str) -> Option<Kind> {
    let t = squeeze(title);
    let has = |w: &str| t.contains(w);
    let fund = || {
        if has("一般公共预算") {
            Scope::Only(IncomeSource::GeneralPublic)
        } else if has("政府性基金") {
            Scope::Only(IncomeSource::GovernmentFund)
        } else if has("国有资本") {
            Scope::Only(IncomeSource::StateCapital)
        } else {
            Scope::All
        }
    };
    let kind = if has("审核结果") {
        return Some(Kind::Findings);
    } else if has("绩效目标") {
        Kind::Form
    } else if has("三公") {
        Kind::Sangong
    } else if has("机关运行经费") {
        Kind::Operating
    } else if has("经济") {
        Kind::Economic
    } else if has("收支") && !has("国有资本") {
        Kind::Summary {
            fiscal: has("财政拨款"),
        }
    } else if has("收入") && !has("国有资本") {
        Kind::Income(fund())
    } else if has("支出") || has("国有资本") {
        Kind::Expenditure(fund())
    } else {
        return None;
    };
    // A table's title says 表; a line of text that merely mentions 三公 does not.
    t.contains('表').then_some(kind)
}

/// What a column holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Col {
    /// The code, or the code with the name.
    Code,
    /// 类 (0), 款 (1) or 项 (2) of a code printed in three columns.
    CodePart(usize),
    /// The name.
    Name,
    /// An amount.
    Amount(Field),
    /// The staff/running grouping written out.
    Grouping,
    /// A remark.
    Note,
    /// Nothing the import uses.
    Other,
}

/// Which figure an amount column holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Field {
    /// 合计.
    Total,
    /// 基本支出.
    Basic,
    /// 项目支出.
    Project,
    /// Income of one source.
    Source(IncomeSource),
    /// 财政拨款 as one column.
    Fiscal,
    /// 人员经费 as an amount column.
    Staff,
    /// 公用经费 as an amount column.
    Running,
}

/// The frame of a table sheet: title, unit, header and columns.
#[derive(Debug)]
pub(super) struct Frame {
    /// What the sheet is.
    pub kind: Kind,
    /// The title as printed.
    pub title: String,
    /// The title's row.
    pub title_row: u32,
    /// The unit, when the sheet states it.
    pub unit: Option<MoneyUnit>,
    /// The year, when the title or the 编制部门 row names it.
    pub year: Option<i32>,
    /// The 编制部门 as printed.
    pub department: Option<String>,
    /// First data row.
    pub body: u32,
    /// Each column's header text, header rows joined.
    pub labels: Vec<String>,
}

/// Finds the title in the first rows of `grid` and the table it names.
pub(super) fn title_of(grid: &Grid) -> Option<(u32, String, Kind)> {
    for r in 0..grid.height().min(6) {
        for text in grid.row_texts(r) {
            if text.is_empty() {
                continue;
            }
            if let Some(kind) = kind_of(&text) {
                return Some((r, text, kind));
            }
        }
    }
    None
}

/// The unit a text states (`单位：万元`, `金额单位:元`), if it states one.
pub(super) fn unit_in(text: &str) -> Option<MoneyUnit> {
    let t = squeeze(text);
    let mut rest = t.as_str();
    while let Some(at) = rest.find("单位") {
        let after = rest[at + "单位".len()..].trim_start_matches([':', '：']);
        if after.starts_with('万') {
            return Some(MoneyUnit::WanYuan);
        }
        if after.starts_with('元') {
            return Some(MoneyUnit::Yuan);
        }
        rest = &rest[at + "单位".len()..];
    }
    None
}

/// The first `2022年` in a text.
pub(super) fn year_in(text: &str) -> Option<i32> {
    let chars: Vec<char> = squeeze(text).chars().collect();
    chars.windows(5).find_map(|w| {
        let digits: String = w[..4].iter().collect();
        (w[4] == '年' && w[..4].iter().all(char::is_ascii_digit))
            .then(|| digits.parse().ok())
            .flatten()
            .filter(|y| (1990..=2200).contains(y))
    })
}

/// The text before a `2022年` in it (a 编制部门 cell that also names the year).
fn before_year(text: &str) -> &str {
    let bytes = text.as_bytes();
    for (i, _) in text.char_indices() {
        let rest = &bytes[i..];
        if rest.len() >= 7
            && rest[..4].iter().all(u8::is_ascii_digit)
            && text[i + 4..].starts_with('年')
        {
            return &text[..i];
        }
    }
    text
}

const TOTAL_WORDS: [&str; 7] = [
    "合计",
    "总计",
    "本年收入合计",
    "本年支出合计",
    "收入总计",
    "支出总计",
    "小计",
];

/// True for the label of a total row.
pub(super) fn is_total_word(text: &str) -> bool {
    if text.contains(char::is_whitespace) {
        TOTAL_WORDS.contains(&squeeze(text).as_str())
    } else {
        TOTAL_WORDS.contains(&text)
    }
}

/// A code in brackets at the start of a text (`[2080505]名称`), and the rest.
pub(super) fn bracketed(text: &str) -> Option<(String, String)> {
    let t = text.trim();
    // Most texts are plain names and codes: nothing to copy for them.
    if !t.starts_with(['[', '［', '【']) {
        return None;
    }
    let t = t.replace(['［', '【'], "[").replace(['］', '】'], "]");
    let inner = t.strip_prefix('[')?;
    let (code, rest) = inner.split_once(']')?;
    let code = squeeze(code);
    (!code.is_empty() && code.bytes().all(|b| b.is_ascii_digit()))
        .then(|| (code, rest.trim().to_owned()))
}

/// True when row `r` is the first row of data rather than of the header: it has a number, or it
/// starts with a code, a total or a note. In a 三公 table an item named alone in its row is data
/// (where the items are columns, the header names several in one row).
fn looks_like_data(grid: &Grid, r: u32, kind: Kind) -> bool {
    let width = grid.width();
    if (0..width).any(|c| matches!(grid.value(r, c), Value::Number(_))) {
        return true;
    }
    let texts: Vec<String> = (0..width).map(|c| squeeze(&grid.text(r, c))).collect();
    let Some(first) = texts.iter().find(|t| !t.is_empty()) else {
        return false;
    };
    if kind == Kind::Sangong {
        let items = texts.iter().filter(|t| super::small::is_item(t)).count();
        return items == 1 && super::small::is_item(first);
    }
    (is_total_word(first) && first != "小计")
        || bracketed(first).is_some()
        || first.starts_with('注')
        || first.starts_with("一、")
        || (first.len() >= 3 && first.len() <= 7 && first.bytes().all(|b| b.is_ascii_digit()))
}

/// Finds the frame of a table sheet: title, unit row, header rows and column labels.
pub(super) fn frame(grid: &Grid) -> Option<Frame> {
    let (title_row, title, kind) = title_of(grid)?;
    let mut unit = None;
    let mut year = year_in(&title);
    let mut department = None;
    let mut r = title_row + 1;
    // The rows between the title and the header: 编制部门, 单位, the year.
    while r < grid.height() && r <= title_row + 4 {
        let texts = grid.row_texts(r);
        let mut used = false;
        for text in &texts {
            if let Some(u) = unit_in(text) {
                unit = Some(u);
                used = true;
            }
            let s = squeeze(text);
            if let Some(rest) = ["编制部门", "编制单位", "部门"]
                .iter()
                .find_map(|w| s.strip_prefix(w))
            {
                let rest = rest.trim_start_matches([':', '：']);
                let name = rest.split("单位：").next().unwrap_or(rest);
                let name = name.split("单位:").next().unwrap_or(name);
                let name = before_year(name).trim_end_matches(['，', ',']);
                let name = bracketed(name).map_or_else(|| name.to_owned(), |(_, rest)| rest);
                department = Some(name.trim_end_matches(['，', ',']).to_owned());
                used = true;
            }
            if let Some(y) = year_in(text) {
                year = year.or(Some(y));
                used = used || s.ends_with("年度") || s.ends_with('年');
            }
        }
        if !used && !grid.is_blank(r) {
            break;
        }
        r += 1;
    }
    while r < grid.height() && grid.is_blank(r) {
        r += 1;
    }
    let header_start = r;
    while r < grid.height() && !grid.is_blank(r) && !looks_like_data(grid, r, kind) {
        r += 1;
    }
    let labels = (0..grid.width())
        .map(|c| {
            (header_start..r)
                .map(|h| {
                    // A cell merged across columns names each of them; one merged down
                    // several rows counts in its first row only.
                    match grid.merged_start(h, c) {
                        Some((hr, hc)) if hr == h => squeeze(&grid.text(hr, hc)),
                        Some(_) => String::new(),
                        None => squeeze(&grid.text(h, c)),
                    }
                })
                .collect::<String>()
        })
        .collect();
    Some(Frame {
        kind,
        title,
        title_row,
        unit,
        year,
        department,
        body: r,
        labels,
    })
}

/// What a column of a classification table holds, from its header words.
pub(super) fn column_of(label: &str, kind: Kind) -> Col {
    let has = |w: &str| label.contains(w);
    let last = label.chars().last();
    if has("编码") || has("代码") {
        return match last {
            Some('类') => Col::CodePart(0),
            Some('款') => Col::CodePart(1),
            Some('项') => Col::CodePart(2),
            _ => Col::Code,
        };
    }
    match label {
        "类" => return Col::CodePart(0),
        "款" => return Col::CodePart(1),
        "项" => return Col::CodePart(2),
        _ => {}
    }
    if has("名称") {
        return Col::Name;
    }
    if has("人员/公用") {
        return Col::Grouping;
    }
    if has("备注") {
        return Col::Note;
    }
    if let Kind::Economic = kind {
        return if has("人员经费") {
            Col::Amount(Field::Staff)
        } else if has("公用经费") {
            Col::Amount(Field::Running)
        } else if has("合计") || has("金额") || has("预算数") || has("预算") {
            Col::Amount(Field::Total)
        } else {
            Col::Other
        };
    }
    if let Kind::Income(_) = kind {
        for (word, source) in SOURCE_WORDS {
            if has(word) {
                return Col::Amount(Field::Source(source));
            }
        }
        if has("财政拨款") {
            return Col::Amount(Field::Fiscal);
        }
        if has("合计") {
            return Col::Amount(Field::Total);
        }
        if let Kind::Income(Scope::Only(source)) = kind
            && (has("收入") || has("预算"))
        {
            return Col::Amount(Field::Source(source));
        }
        return Col::Other;
    }
    if has("基本支出") {
        Col::Amount(Field::Basic)
    } else if has("项目支出") {
        Col::Amount(Field::Project)
    } else if has("合计") || has("小计") || has("支出预算") || has("预算数") {
        Col::Amount(Field::Total)
    } else {
        Col::Other
    }
}

/// Income sources by the words their column headings use, the more specific first.
const SOURCE_WORDS: [(&str, IncomeSource); 11] = [
    ("一般公共预算", IncomeSource::GeneralPublic),
    ("政府性基金", IncomeSource::GovernmentFund),
    ("国有资本", IncomeSource::StateCapital),
    ("财政专户", IncomeSource::FiscalSpecialAccount),
    ("单位资金", IncomeSource::UnitFunds),
    ("事业单位经营", IncomeSource::BusinessIncome),
    ("事业收入", IncomeSource::ServiceIncome),
    ("上级补助", IncomeSource::SuperiorSubsidy),
    ("附属单位", IncomeSource::SubordinateRemittance),
    ("其他收入", IncomeSource::Other),
    ("上年结转", IncomeSource::CarryOver),
];

/// The income source a row label names (`一、一般公共预算`, `1. 一般公共预算资金`), if any.
pub(super) fn source_named(text: &str) -> Option<IncomeSource> {
    let t = squeeze(text);
    SOURCE_WORDS
        .iter()
        .find(|(w, _)| t.contains(w))
        .map(|(_, s)| *s)
}

/// An amount read from a cell.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Amount {
    /// The value, in the sheet's unit.
    pub value: Decimal,
    /// What the cell's formula says, if it has one.
    pub formula: Option<Formula>,
}

impl Amount {
    /// True when the figure is the workbook's own sum rather than an entry.
    pub(super) fn is_derived(&self) -> bool {
        self.formula.is_some()
    }

    /// The money the cell carries beside its parts: the constant of a `SUM(…)+x`, nothing for any
    /// other formula, the value itself for an entry.
    pub(super) fn own(&self) -> Decimal {
        match self.formula {
            Some(Formula::Sum { own }) => own,
            Some(Formula::Other) => Decimal::ZERO,
            None => self.value,
        }
    }
}

/// A problem at a cell of `grid`.
pub(super) fn problem(grid: &Grid, row: u32, col: u32, zh: String, en: String) -> Problem {
    Problem {
        at: CellRef {
            sheet: grid.name.clone(),
            cell: a1(row, u16::try_from(col).unwrap_or(u16::MAX)),
        },
        zh,
        en,
    }
}

/// Reads an amount: a number, or text such as `1,234.56`; blank, `-` or `—` is none.
///
/// # Errors
/// Text that is not a number, or more decimals than `unit` allows.
pub(super) fn amount(
    grid: &Grid,
    row: u32,
    col: u32,
    unit: MoneyUnit,
) -> Result<Option<Amount>, Problem> {
    let formula = grid.formula(row, col);
    let value = match grid.value(row, col) {
        Value::Empty => return Ok(None),
        Value::Number(n) => match super::cell_decimal(*n) {
            Some(d) => d,
            None => {
                return Err(problem(
                    grid,
                    row,
                    col,
                    "不是有效的金额".into(),
                    "not a valid amount".into(),
                ));
            }
        },
        Value::Text(text) => {
            let cleaned: String = text
                .chars()
                .filter(|c| !c.is_whitespace() && !matches!(c, ',' | '，'))
                .map(|c| match c {
                    '０'..='９' => {
                        char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c)
                    }
                    '．' => '.',
                    '－' => '-',
                    _ => c,
                })
                .collect();
            if cleaned.is_empty() || matches!(cleaned.as_str(), "-" | "—" | "——" | "/") {
                return Ok(None);
            }
            match cleaned.parse::<Decimal>() {
                Ok(d) => d,
                Err(_) => {
                    return Err(problem(
                        grid,
                        row,
                        col,
                        format!("金额栏中是文字“{}”", text.trim()),
                        format!("text “{}” in an amount cell", text.trim()),
                    ));
                }
            }
        }
    };
    let max = unit.decimals();
    let value = value.normalize();
    if value.scale() <= max {
        return Ok(Some(Amount {
            value: super::money_scale(value),
            formula,
        }));
    }
    // A spreadsheet's own sums carry binary noise (0.1 + 0.2 = 0.30000000000000004): a value
    // within a few parts in 10^12 of a whole number of cents is that number of cents.
    let rounded = value.round_dp(max);
    let tolerance = Decimal::new(1, 12) * rounded.abs().max(Decimal::ONE);
    if (value - rounded).abs() <= tolerance {
        return Ok(Some(Amount {
            value: super::money_scale(rounded.normalize()),
            formula,
        }));
    }
    Err(problem(
        grid,
        row,
        col,
        format!(
            "金额 {value} 超过{max}位小数（本表单位：{}）",
            unit.label_zh()
        ),
        format!(
            "amount {value} has more than {max} decimals (the table is in {})",
            unit.label_en()
        ),
    ))
}

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

fn code_part(text: &str, part: usize) -> String {
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
        if let Some((inner, rest)) = bracketed(&code) {
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
        let line = Line {
            code: if total { String::new() } else { squeeze(&code) },
            name: name.trim().to_owned(),
            row: r,
            amounts,
            grouping: text_of(Col::Grouping),
            note: text_of(Col::Note),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_name_their_tables() {
        use IncomeSource::*;
        let cases = [
            (
                "预算公开表3 预算支出总表",
                Some(Kind::Expenditure(Scope::All)),
            ),
            (
                "2025年部门支出预算总表",
                Some(Kind::Expenditure(Scope::All)),
            ),
            ("2022 年预算收入总表", Some(Kind::Income(Scope::All))),
            (
                "一般公共预算支出预算表",
                Some(Kind::Expenditure(Scope::Only(GeneralPublic))),
            ),
            (
                "2025年部门一般公共预算支出功能分类预算表",
                Some(Kind::Expenditure(Scope::Only(GeneralPublic))),
            ),
            (
                "政府性基金预算收入表",
                Some(Kind::Income(Scope::Only(GovernmentFund))),
            ),
            (
                "国有资本经营预算收支预算表",
                Some(Kind::Expenditure(Scope::Only(StateCapital))),
            ),
            ("一般公共预算安排基本支出分经济科目表", Some(Kind::Economic)),
            (
                "2025年部门财务收支预算总表",
                Some(Kind::Summary { fiscal: false }),
            ),
            ("财政拨款收支总表", Some(Kind::Summary { fiscal: true })),
            ("部门“三公”经费和机关运行经费预算表", Some(Kind::Sangong)),
            ("机关运行经费预算财政拨款情况统计表", Some(Kind::Operating)),
            ("项目支出绩效目标申报表", Some(Kind::Form)),
            ("编制说明", None),
        ];
        for (title, want) in cases {
            assert_eq!(kind_of(title), want, "{title}");
        }
    }

    #[test]
    fn units_years_and_codes_as_printed() {
        assert_eq!(unit_in("单位：万元"), Some(MoneyUnit::WanYuan));
        assert_eq!(unit_in("单位: 万 元"), Some(MoneyUnit::WanYuan));
        assert_eq!(unit_in("金额单位:元"), Some(MoneyUnit::Yuan));
        assert_eq!(unit_in("编制单位：某局"), None);
        assert_eq!(year_in("2022 年预算支出总表"), Some(2022));
        assert_eq!(year_in("预算公开表3"), None);
        assert_eq!(
            bracketed("[2080505]机关事业单位基本养老保险缴费支出"),
            Some(("2080505".into(), "机关事业单位基本养老保险缴费支出".into()))
        );
        assert_eq!(bracketed("[208]"), Some(("208".into(), String::new())));
        assert_eq!(bracketed("行政运行"), None);
        assert_eq!(code_part("5", 1), "05");
        assert_eq!(code_part("201", 0), "201");
    }

    #[test]
    fn amounts_as_numbers_or_text() {
        let grid = Grid::from_rows(
            "表3",
            vec![vec![
                Value::Number(1014.42),
                Value::Text("1,234.50".into()),
                Value::Text("—".into()),
                Value::Text("约100".into()),
                Value::Number(1.234),
                Value::Number(0.1 + 0.2),
                Value::Text("１２.５".into()),
            ]],
        );
        let get =
            |c| amount(&grid, 0, c, MoneyUnit::WanYuan).map(|a| a.map(|a| a.value.to_string()));
        assert_eq!(get(0), Ok(Some("1014.42".into())));
        assert_eq!(get(1), Ok(Some("1234.50".into())));
        assert_eq!(get(2), Ok(None));
        let text = get(3).unwrap_err();
        assert_eq!(text.at.cell, "D1");
        assert!(text.zh.contains("约100"), "{}", text.zh);
        let decimals = get(4).unwrap_err();
        assert_eq!(decimals.at.cell, "E1");
        assert!(
            decimals.en.contains("more than 2 decimals"),
            "{}",
            decimals.en
        );
        assert_eq!(get(5), Ok(Some("0.30".into())));
        assert_eq!(get(6), Ok(Some("12.50".into())));
    }
}
