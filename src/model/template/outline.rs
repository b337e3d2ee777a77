//! The publication's outline as a template states it: the cover's lines, how parts are
//! numbered, and the parts in printed order, each a kind of content under the template's own
//! title. Titles are patterns with named values (`{year}年度单位预算报表`); a name that does not
//! exist is refused when the template is loaded.

use serde::{Deserialize, Serialize};

use super::Label;

/// The names a title pattern may use.
pub const PATTERN_NAMES: [&str; 2] = ["year", "department"];

/// The cover and the parts.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Outline {
    /// The cover page.
    pub cover: Cover,
    /// How parts are numbered.
    pub part_numbering: PartNumbering,
    /// The pages of the text (a table too wide for them turns its own page).
    #[serde(default)]
    pub pages: Orientation,
    /// The line above each table naming who prepared it (`编制部门：{department}`; a 单位预算
    /// prints `编制单位：…`).
    #[serde(default = "department_line")]
    pub department_line: Label,
    /// The parts, in printed order (a chart appendix, when asked for, follows them).
    pub parts: Vec<PartSpec>,
    /// How the 名词解释 entries are numbered (`一、` when not said; Shanghai's 2024 documents
    /// print `（一）`).
    #[serde(default, skip_serializing_if = "is_comma")]
    pub glossary_numbering: super::Numbering,
    /// The appendix of expenditure charts is printed unless asked otherwise (true when not
    /// said; Shanghai's documents have none, so there it is the officer's to ask for).
    #[serde(default = "yes", skip_serializing_if = "is_yes")]
    pub chart_appendix: bool,
    /// How a 项 is named in its paragraph of the 编制说明 (`类-款-项` when not said).
    #[serde(default, skip_serializing_if = "is_dashed")]
    pub line_names: LineNames,
    /// How the duties are numbered (`1、` when not said; 万里街道 2024 prints `一、`).
    #[serde(default = "arabic_comma", skip_serializing_if = "is_arabic_comma")]
    pub duty_numbering: super::Numbering,
    /// How the 机构设置 lists the budget units (each with its kind when not said).
    #[serde(default, skip_serializing_if = "is_kinds")]
    pub unit_list: UnitList,
}

fn arabic_comma() -> super::Numbering {
    super::Numbering::ArabicComma
}

fn is_arabic_comma(n: &super::Numbering) -> bool {
    *n == super::Numbering::ArabicComma
}

fn is_kinds(n: &UnitList) -> bool {
    *n == UnitList::Kinds
}

/// How the 机构设置 lists the budget units after the officer's text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum UnitList {
    /// Each unit with its kind: `上海市…中心（事业单位）`.
    #[default]
    Kinds,
    /// Counted by kind, then numbered (万里街道 2024): `本部门中，行政单位1家，参公单位1家，事业单位4家，
    /// 具体包括：` / `1. 上海市…（本部）。` / `2. 下属事业单位…不单列预算，并入本部。`
    Counted,
    /// Not listed (a 单位预算 describes its own offices).
    Unlisted,
}

fn is_dashed(n: &LineNames) -> bool {
    *n == LineNames::Dashed
}

/// How a 项 is named in its paragraph: the names of its 类, 款 and 项, joined.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum LineNames {
    /// `一般公共服务支出-统计信息事务-专项普查活动`.
    #[default]
    Dashed,
    /// `一般公共服务支出（类）统计信息事务（款）专项普查活动（项）`.
    Levels,
    /// `公共安全支出（204类）司法（06款）行政运行（01项）`.
    CodedLevels,
}

#[expect(
    clippy::trivially_copy_pass_by_ref,
    reason = "serde's skip_serializing_if passes a reference"
)]
fn is_yes(b: &bool) -> bool {
    *b
}

fn is_comma(n: &super::Numbering) -> bool {
    *n == super::Numbering::ChineseComma
}

/// The cover: its lines from the top, each a pattern in one of three sizes
/// (`{department}` large, then `{year}年度部门预算公开`; or `上海市普陀区{year}年区级部门预算`,
/// then `预算主管部门：{department}`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Cover {
    /// The lines, from the top.
    pub lines: Vec<CoverLine>,
}

/// One line of the cover.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CoverLine {
    /// What it says, a pattern.
    pub text: Label,
    /// How large it prints.
    pub size: CoverSize,
}

/// The size of a cover line.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum CoverSize {
    /// The largest, bold.
    Large,
    /// Bold, a size smaller.
    Medium,
    /// Plain text.
    Small,
}

/// Which way a page stands.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Orientation {
    /// Upright A4.
    #[default]
    Portrait,
    /// A4 on its side.
    Landscape,
}

/// How parts are numbered.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum PartNumbering {
    /// `第一部分 概况` (`Part 1 Profile`).
    Chapters,
    /// `一、部门主要职能` (`1. Main functions`).
    Numerals,
}

/// One part of the publication.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PartSpec {
    /// What it holds.
    pub kind: PartKind,
    /// Its title, a pattern.
    pub title: Label,
    /// Start it on a new page.
    #[serde(default = "yes")]
    pub new_page: bool,
}

fn yes() -> bool {
    true
}

fn department_line() -> Label {
    Label {
        zh: "编制部门：{department}".to_owned(),
        en: "Department: {department}".to_owned(),
    }
}

/// What a part holds.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum PartKind {
    /// The duties and the organisation in one part, under two numbered headings, with the
    /// budget units after `units`.
    Profile {
        /// The heading over the duties (`本单位职责`).
        responsibilities: Label,
        /// The heading over the organisation (`机构设置情况`).
        organisation: Label,
        /// The line before the list of budget units (`预算单位：`).
        units: Label,
    },
    /// The duties (the lead sentence, then the numbered duties).
    Responsibilities,
    /// The organisation, the remarks and the budget units.
    Organisation,
    /// 名词解释, numbered.
    Glossary,
    /// The template's tables, each on a page of its own.
    Tables,
    /// The whole 情况说明, its sections numbered; the performance forms after the section on
    /// performance.
    Narrative,
    /// The sections about the totals, income, expenditure and 财政拨款 (编制说明).
    NarrativeMain,
    /// The sections about 三公, 机关运行经费, 政府采购, performance and assets (其他相关情况说明).
    NarrativeOther,
    /// The 项目经费情况说明.
    Descriptions,
}

impl Label {
    /// The text in Chinese (`zh`) or English with each `{name}` replaced by its value.
    #[must_use]
    pub fn fill(&self, zh: bool, values: &[(&str, &str)]) -> String {
        let mut text = self.get(zh).to_owned();
        for (name, value) in values {
            text = text.replace(&format!("{{{name}}}"), value);
        }
        text
    }

    /// The `{name}`s the text uses, in both languages.
    #[must_use]
    pub fn names(&self) -> Vec<&str> {
        let mut names = Vec::new();
        for text in [self.zh.as_str(), self.en.as_str()] {
            let mut rest = text;
            while let Some((_, after)) = rest.split_once('{') {
                let Some((name, tail)) = after.split_once('}') else {
                    break;
                };
                names.push(name);
                rest = tail;
            }
        }
        names
    }
}

impl Label {
    /// The pattern filled with `budget`'s values (its year and department).
    #[must_use]
    pub fn fill_for(&self, budget: &crate::model::Budget, zh: bool) -> String {
        let year = budget.profile.year.to_string();
        self.fill(
            zh,
            &[
                ("year", &year),
                ("department", &budget.profile.department_name),
            ],
        )
    }
}

impl Outline {
    /// Every title pattern of the outline.
    pub fn labels(&self) -> impl Iterator<Item = &Label> {
        let parts = self.parts.iter().flat_map(|p| {
            let mut labels = vec![&p.title];
            if let PartKind::Profile {
                responsibilities,
                organisation,
                units,
            } = &p.kind
            {
                labels.extend([responsibilities, organisation, units]);
            }
            labels
        });
        self.cover
            .lines
            .iter()
            .map(|l| &l.text)
            .chain([&self.department_line])
            .chain(parts)
    }

    /// The names the patterns use that do not exist.
    #[must_use]
    pub fn unknown_names(&self) -> Vec<String> {
        let mut unknown: Vec<String> = self
            .labels()
            .flat_map(Label::names)
            .filter(|n| !PATTERN_NAMES.contains(n))
            .map(str::to_owned)
            .collect();
        unknown.dedup();
        unknown
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn label(zh: &str, en: &str) -> Label {
        Label {
            zh: zh.to_owned(),
            en: en.to_owned(),
        }
    }

    #[test]
    fn a_pattern_is_filled_by_name() {
        let l = label("{year}年度单位预算报表", "Budget tables {year}");
        assert_eq!(l.fill(true, &[("year", "2026")]), "2026年度单位预算报表");
        assert_eq!(l.fill(false, &[("year", "2026")]), "Budget tables 2026");
        assert_eq!(l.names(), ["year", "year"]);
    }

    #[test]
    fn a_name_that_does_not_exist_is_found() {
        let outline = Outline {
            cover: Cover {
                lines: vec![CoverLine {
                    text: label("{yaer}年", "{year}"),
                    size: CoverSize::Large,
                }],
            },
            part_numbering: PartNumbering::Chapters,
            pages: Orientation::Portrait,
            department_line: department_line(),
            parts: vec![],
            glossary_numbering: crate::model::template::Numbering::ChineseComma,
            chart_appendix: true,
            line_names: LineNames::Dashed,
            duty_numbering: arabic_comma(),
            unit_list: UnitList::Kinds,
        };
        assert_eq!(outline.unknown_names(), ["yaer"]);
    }
}
