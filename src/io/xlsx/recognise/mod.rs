//! Recognising a sheet: which table it is (by its title), the unit (from the 单位 row), the header
//! rows and what each column holds (by the header's words), then reading the classification
//! tables' rows — codes in one column (`2080505`, `[2080505]`, `[2080505]名称`) or in three
//! (类 / 款 / 项), amounts as numbers or text with thousands separators, blank as zero.

use rust_decimal::Decimal;

use super::grid::{Formula, Grid, Value};
pub(super) use super::line_rows::{Line, Lines, read_lines};
use super::{CellRef, Problem, a1};
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
    /// 部门支出分单位明细表: derived from the units' budgets, never read.
    ByUnit,
}

impl Kind {
    /// A sheet the app wrote from what it derives: recognised, and read no further.
    pub(super) fn is_derived_sheet(self) -> bool {
        matches!(self, Kind::Findings | Kind::ByUnit)
    }
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
    } else if has("分单位") {
        Kind::ByUnit
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
    /// What a line's money is mainly for (用途).
    Purpose,
    /// Last year's execution of a line (上年执行数, 2023年执行数).
    Executed,
    /// Why a line changed (原因).
    Reason,
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

/// A code at the start of a cell and the name after it, in the forms officers write them:
/// `[201]一般公共服务支出`, `201 一般公共服务支出`, `201-一般公共服务支出`, `201、…`, and, in a
/// column of codes (`joined`), `201一般公共服务支出`. The code must have the form of a 类, 款 or
/// 项 (3, 5 or 7 digits), so a name that starts with a figure (`2022年…`) is not cut.
pub(super) fn code_prefixed(text: &str, joined: bool) -> Option<(String, String)> {
    if let Some(found) = bracketed(text) {
        return Some(found);
    }
    let t = text.trim();
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    let (code, after) = t.split_at(digits);
    if digits == 0 || after.is_empty() || crate::model::codes::validate_form(code).is_err() {
        return None;
    }
    let rest = after.trim_start_matches([
        ' ', '\u{3000}', '\t', '-', '－', '—', '、', '.', '．', ':', '：',
    ]);
    let separated = rest.len() < after.len();
    let name_follows = rest.chars().next().is_some_and(|c| !c.is_ascii_digit());
    (name_follows && (separated || joined)).then(|| (code.to_owned(), rest.trim().to_owned()))
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
    // One column for code and name (功能分类科目: `201 一般公共服务支出`).
    if label.ends_with("科目") {
        return Col::Code;
    }
    if has("人员/公用") {
        return Col::Grouping;
    }
    if has("备注") {
        return Col::Note;
    }
    // A line's paragraph beside the amounts: last year's execution, 用途, the reason.
    if has("执行数") || has("执行情况") {
        return Col::Executed;
    }
    if has("用途") {
        return Col::Purpose;
    }
    if has("原因") {
        return Col::Reason;
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

#[cfg(test)]
mod tests;
