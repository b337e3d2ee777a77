//! Templates: each province (and many cities) prints the 部门预算公开 in its own official layout,
//! and changes it from year to year. A template is a file, not code: which tables a disclosure
//! has, their numbers and titles, how codes are printed, the tables' usual unit, the income
//! columns and economic code set a new budget starts with, how projects are disclosed and how the
//! 情况说明 is laid out. The built-in ones are `assets/templates/*.ron`; an officer loads others
//! (see [`file`] for the format and [`registry`] for where they come from). Every view, check
//! and export asks the budget's template instead of assuming one province.

pub mod file;
pub mod outline;
pub mod registry;
pub mod wording;

use std::collections::HashSet;
use std::sync::{LazyLock, Mutex, PoisonError};

use serde::{Deserialize, Serialize};

use super::economic::EconScheme;
use super::income::IncomeSource;
use super::money::MoneyUnit;
use super::tables::TableId;

/// Which template a budget is published in: the template's id, an identifier such as `Shanxi`
/// or `ShanghaiDistrict2026` (written bare in the budget file, `template: Shanxi`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TemplateId(&'static str);

/// Every id seen, kept for the program's life: ids are few, and a `Copy` id keeps the budget
/// and every table cheap to clone.
static IDS: LazyLock<Mutex<HashSet<&'static str>>> = LazyLock::new(Default::default);

impl TemplateId {
    /// The id written `text`, when it is an identifier (a letter, then letters, digits or `_`).
    #[must_use]
    pub fn parse(text: &str) -> Option<TemplateId> {
        let mut chars = text.chars();
        let first = chars.next()?;
        if !first.is_ascii_alphabetic() || !chars.all(|c| c.is_ascii_alphanumeric() || c == '_') {
            return None;
        }
        let mut ids = IDS.lock().unwrap_or_else(PoisonError::into_inner);
        let interned = match ids.get(text) {
            Some(known) => *known,
            None => {
                let leaked: &'static str = Box::leak(text.to_owned().into_boxed_str());
                ids.insert(leaked);
                leaked
            }
        };
        Some(TemplateId(interned))
    }

    /// The id as written.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        self.0
    }

    /// The template's definition; a template that is not loaded gives the nearest built-in
    /// one (see [`registry::resolve`]).
    #[must_use]
    pub fn get(self) -> &'static Template {
        registry::resolve(self)
    }

    /// The template's definition, if it is loaded.
    #[must_use]
    pub fn find(self) -> Option<&'static Template> {
        registry::find(self)
    }

    /// Every template loaded, the built-in ones first, in the order 新建 offers them.
    #[must_use]
    pub fn all() -> Vec<TemplateId> {
        registry::all().iter().map(|t| t.id).collect()
    }

    /// Name in Chinese.
    #[must_use]
    pub fn label_zh(self) -> &'static str {
        &self.get().name.zh
    }

    /// Name in English.
    #[must_use]
    pub fn label_en(self) -> &'static str {
        &self.get().name.en
    }
}

impl std::fmt::Display for TemplateId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.0)
    }
}

impl Serialize for TemplateId {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        // Bare, as the enum it was: files keep reading `template: Shanxi`.
        serializer.serialize_unit_variant("TemplateId", 0, self.0)
    }
}

impl<'de> Deserialize<'de> for TemplateId {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Id;
        impl serde::de::Visitor<'_> for Id {
            type Value = TemplateId;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a template id (an identifier: a letter, then letters, digits or _)")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<TemplateId, E> {
                TemplateId::parse(v)
                    .ok_or_else(|| E::invalid_value(serde::de::Unexpected::Str(v), &self))
            }
        }
        deserializer.deserialize_identifier(Id)
    }
}

/// A text in both languages.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Label {
    /// Chinese.
    pub zh: String,
    /// English.
    pub en: String,
}

impl Label {
    /// The text in Chinese (`zh`) or English.
    #[must_use]
    pub fn get(&self, zh: bool) -> &str {
        if zh { &self.zh } else { &self.en }
    }
}

/// How a table prints 功能分类 and economic codes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum CodeLayout {
    /// One column with the whole code (`2080505`), the name beside it.
    OneColumn,
    /// Three columns 类 / 款 / 项 (`208 | 05 | 05`), the name apart.
    ThreeColumns,
}

/// How a template discloses projects.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ProjectDisclosure {
    /// A 项目支出绩效目标申报表 for every project: together they carry the whole 项目支出.
    FormPerProject,
    /// 项目经费情况说明 for selected large projects, and one department-level 绩效目标设置情况
    /// statement (units, projects, funds).
    SelectedDescriptions,
    /// The template publishes no project forms or descriptions.
    NotDisclosed,
}

/// How the 情况说明 is laid out.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum NarrativeOutline {
    /// Twelve numbered sections, 一、收支变动 … 十二、其他说明 (山西, and the national guidance).
    TwelveSections,
    /// 编制说明 (income, expenditure, 财政拨款, one paragraph per 项) and 其他相关情况说明 (三公,
    /// 机关运行经费, 政府采购, assets, performance), as Shanghai's districts print it.
    ExplanationAndOtherNotes,
}

/// What a section is about. Documents place sections by topic (the Shanghai district template
/// prints the totals in 部门预算编制说明 and the rest in 其他相关情况说明; the performance forms
/// follow the section on performance), never by the words of a heading.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Topic {
    /// Totals and their change against last year.
    Totals,
    /// Income by source.
    Income,
    /// Basic and project expenditure.
    Expenditure,
    /// 财政拨款.
    Fiscal,
    /// 一般公共预算 expenditure and its structure.
    GeneralPublic,
    /// 人员经费 and 公用经费.
    Basic,
    /// 三公经费.
    Sangong,
    /// 机关运行经费.
    Operating,
    /// 政府采购.
    Procurement,
    /// 绩效管理 / 绩效目标设置情况.
    Performance,
    /// 国有资产占有使用情况.
    Assets,
    /// 其他说明, or a section gathering several of the topics above.
    Other,
}

impl Topic {
    /// True for the topics the Shanghai district template prints under 其他相关情况说明.
    #[must_use]
    pub fn is_other_information(self) -> bool {
        matches!(
            self,
            Topic::Sangong
                | Topic::Operating
                | Topic::Procurement
                | Topic::Performance
                | Topic::Assets
                | Topic::Other
        )
    }
}

/// How a level of headings is numbered.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Numbering {
    /// `一、` (`1.` in English).
    #[default]
    ChineseComma,
    /// `（一）` (`(1)` in English).
    ChineseParen,
    /// `1.`
    Arabic,
    /// `1、`
    ArabicComma,
    /// No number.
    Unnumbered,
}

/// Chinese numerals for numbering: 一 … 二十.
const CHINESE: [&str; 20] = [
    "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四",
    "十五", "十六", "十七", "十八", "十九", "二十",
];

impl Numbering {
    /// `text` numbered `n` (from 1) in this style; past 二十 a Chinese style counts in digits.
    #[must_use]
    pub fn apply(self, n: usize, text: &str, zh: bool) -> String {
        let chinese = n.checked_sub(1).and_then(|i| CHINESE.get(i));
        match (self, zh, chinese) {
            (Numbering::Unnumbered, ..) => text.to_owned(),
            (Numbering::ChineseComma, true, Some(c)) => format!("{c}、{text}"),
            (Numbering::ChineseParen, true, Some(c)) => format!("（{c}）{text}"),
            (Numbering::ChineseParen, true, None) => format!("（{n}）{text}"),
            (Numbering::ChineseParen, false, _) => format!("({n}) {text}"),
            (Numbering::ArabicComma, true, _) => format!("{n}、{text}"),
            _ => format!("{n}. {text}"),
        }
    }
}

/// A section heading of the 情况说明 in the template's own words.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SectionHeading {
    /// The section, by what it is about.
    pub topic: Topic,
    /// Its heading, a pattern (`{year}`), without a number.
    pub title: Label,
}

/// How the 情况说明 is written.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NarrativeStyle {
    /// The sections.
    pub outline: NarrativeOutline,
    /// A space between a figure and the Chinese around it (`总计 10441.41 万元`).
    pub spaced_figures: bool,
    /// Thousands separators (`9,101.68万元`).
    pub grouped_figures: bool,
    /// Whole amounts without decimals (`4614万元`).
    pub trim_zeros: bool,
    /// Section headings in the template's words, where they differ from the outline's.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub headings: Vec<SectionHeading>,
    /// How the sections are numbered (`一、` when not said).
    #[serde(default)]
    pub section_numbering: Numbering,
    /// Paragraphs in the template's own words, where they differ from the outline's.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub wording: Vec<wording::Wording>,
}

/// How a printed table writes its amounts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NumberFormat {
    /// Thousands separators (`1,014.42`, `#,##0.00`) or none (`1014.42`, `0.00`).
    pub grouped: bool,
    /// How a zero prints.
    pub zeros: Zeros,
    /// Decimals printed (2 when not said; 万里街道's 2024 tables print whole 元: `0`).
    #[serde(default = "two_decimals", skip_serializing_if = "is_two")]
    pub decimals: u32,
    /// Trailing zeros of the decimals dropped (`25`, `6.4`, `21.56`: the 三公 table in 万元).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub trim: bool,
}

fn two_decimals() -> u32 {
    2
}

#[expect(
    clippy::trivially_copy_pass_by_ref,
    reason = "serde's skip_serializing_if passes a reference"
)]
fn is_two(n: &u32) -> bool {
    *n == 2
}

/// Where a printed table's 合计 row stands.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum TotalRow {
    /// Above the lines, under the header (the 忻州 tables).
    #[default]
    Top,
    /// Below the lines (Shanghai's long tables from 2024 on).
    Bottom,
}

/// How a zero amount prints.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Zeros {
    /// Not at all (the cell is left empty).
    Blank,
    /// `0.00`.
    Decimals,
    /// `0`.
    Whole,
}

impl NumberFormat {
    /// Grouped, zeros blank: what the tables printed before templates said otherwise.
    pub const GROUPED_BLANK: NumberFormat = NumberFormat {
        grouped: true,
        zeros: Zeros::Blank,
        decimals: 2,
        trim: false,
    };

    /// `amount` as printed, with two decimals.
    #[must_use]
    pub fn text(self, amount: super::money::Money) -> String {
        if amount.is_zero() {
            return match self.zeros {
                Zeros::Blank => String::new(),
                Zeros::Decimals => "0.00".to_owned(),
                Zeros::Whole => "0".to_owned(),
            };
        }
        let mut grouped = amount.format_grouped(self.decimals.min(4));
        if self.trim && grouped.contains('.') {
            let kept = grouped.trim_end_matches('0').trim_end_matches('.').len();
            grouped.truncate(kept);
        }
        if self.grouped {
            grouped
        } else {
            grouped.replace(',', "")
        }
    }
}

/// Which checks a template applies, and how strictly.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CheckRules {
    /// Figures that must agree may differ by up to this much (in `tolerance_unit`) from
    /// rounding: a warning; more is an error. Practitioners use 0.05 万元.
    pub rounding_tolerance: super::money::Money,
    /// The unit of the tolerance.
    pub tolerance_unit: MoneyUnit,
    /// Rules the template does not apply, by id (`project.total`, …; `budget-studio check`
    /// prints each finding's).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub off: Vec<String>,
}

/// One table of a template.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TableSpec {
    /// What the table shows.
    pub kind: TableId,
    /// Its number in the template: its place in the list, from 1.
    #[serde(skip)]
    pub number: u8,
    /// Title, without the year.
    pub title: Label,
    /// The header over the amount columns, where the template prints its own wording
    /// (`支出预算`); otherwise `{year}年预算数`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amounts_heading: Option<Label>,
    /// How this table prints amounts, where it differs from the template's `number_format`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number_format: Option<NumberFormat>,
    /// Where this table prints its 合计 row, where it differs from the template's `total_row`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total_row: Option<TotalRow>,
    /// The page this table is printed on; by default the text's, turned on its side when the
    /// table is too wide for an upright page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<outline::Orientation>,
}

/// An official template, as loaded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Template {
    /// Which one.
    pub id: TemplateId,
    /// Its version (a year, or a number the template's author counts).
    pub version: u32,
    /// Its name.
    pub name: Label,
    /// What a table number is prefixed with: `预算公开表`, `表`; `Table ` in English.
    pub table_prefix: Label,
    /// The tables, in published order.
    pub tables: Vec<TableSpec>,
    /// How codes are printed.
    pub code_layout: CodeLayout,
    /// The unit the main tables of a new budget are in.
    pub unit: MoneyUnit,
    /// The unit of the 三公 / 机关运行经费 table and of the text.
    pub text_unit: MoneyUnit,
    /// The income columns a new budget starts with.
    pub income_columns: Vec<IncomeSource>,
    /// The economic code set of the basic-expenditure table.
    pub econ_scheme: EconScheme,
    /// How projects are disclosed.
    pub projects: ProjectDisclosure,
    /// The income table prints 财政拨款收入 as one column (the three fund types together).
    pub fiscal_income_column: bool,
    /// The two-sided summary tables (收支总表, 财政拨款收支总表) list every 类 of the standard list,
    /// money or not; otherwise only the 类 with money, numbered 一、二、….
    pub all_classes_in_summaries: bool,
    /// The economic table prints 合计 / 人员经费 / 公用经费 columns (rather than one amount with
    /// the grouping beside it).
    pub economic_cost_columns: bool,
    /// The department and each budget unit are printed with their codes (主管部门及代码,
    /// 单位代码), so an empty code leaves a gap in the published document.
    pub unit_codes: bool,
    /// How the 情况说明 is written.
    pub narrative: NarrativeStyle,
    /// Which checks apply, and their tolerance.
    pub checks: CheckRules,
    /// The cover and the parts of the publication.
    pub outline: outline::Outline,
    /// How the printed tables write amounts, unless a table says otherwise.
    pub number_format: NumberFormat,
    /// Where the printed tables' 合计 rows stand, unless a table says otherwise.
    pub total_row: TotalRow,
    /// The template each unit's 单位预算 is published in, where there is one.
    pub unit_template: Option<TemplateId>,
}

impl Template {
    /// Where table `kind` prints its 合计 row.
    #[must_use]
    pub fn total_row(&self, kind: TableId) -> TotalRow {
        self.table_showing(kind)
            .and_then(|t| t.total_row)
            .unwrap_or(self.total_row)
    }

    /// How table `kind` prints its amounts.
    #[must_use]
    pub fn number_format(&self, kind: TableId) -> NumberFormat {
        self.table_showing(kind)
            .and_then(|t| t.number_format)
            .unwrap_or(self.number_format)
    }

    /// The spec of table `kind`, if the template has that table.
    #[must_use]
    pub fn table(&self, kind: TableId) -> Option<&TableSpec> {
        self.tables.iter().find(|t| t.kind == kind)
    }

    /// The table that shows `kind`'s figures: the table itself, or the one a template folds it
    /// into (Shanghai prints 三公 and 机关运行经费 in one table).
    #[must_use]
    pub fn table_showing(&self, kind: TableId) -> Option<&TableSpec> {
        self.table(kind).or_else(|| match kind {
            TableId::Sangong | TableId::OperatingCosts => self.table(TableId::SangongAndOperating),
            _ => None,
        })
    }

    /// The title as printed above table `kind` in `year`: `预算公开表3 预算支出总表`,
    /// `表3 部门支出预算总表`, `1. 2024年预算单位财务收支预算总表`, `Table 3 …`; the kind's own name
    /// when the template lacks the table. A prefix with `{n}` places the number itself; titles
    /// may name `{year}`.
    #[must_use]
    pub fn numbered_title(&self, kind: TableId, zh: bool, year: i32) -> String {
        match self.table_showing(kind) {
            Some(t) => {
                let prefix = self.table_prefix.get(zh);
                let number = t.number.to_string();
                let title = t.title.fill(zh, &[("year", &year.to_string())]);
                if prefix.contains("{n}") {
                    format!("{}{title}", prefix.replace("{n}", &number))
                } else {
                    format!("{prefix}{number} {title}")
                }
            }
            None if zh => kind.title_zh().to_owned(),
            None => kind.title_en().to_owned(),
        }
    }

    /// The title of table `kind` without its number or year (for messages).
    #[must_use]
    pub fn title(&self, kind: TableId, zh: bool) -> &str {
        match self.table_showing(kind) {
            Some(t) => {
                let title = t.title.get(zh);
                // The name of the table whatever the year: `{year}年…` and `… {year}` without it.
                title
                    .strip_prefix("{year}年")
                    .or_else(|| title.strip_prefix("{year} "))
                    .or_else(|| title.strip_suffix(" {year}"))
                    .unwrap_or(title)
            }
            None if zh => kind.title_zh(),
            None => kind.title_en(),
        }
    }
}

#[cfg(test)]
mod tests;
