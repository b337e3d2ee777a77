//! The 情况说明 as the printed document takes it: sections with a heading and paragraphs of text
//! runs (figures marked, so they can be set apart). [`narrative_sections`] takes them from the
//! generated narrative ([`crate::calc::narrative`]) — the same text the app shows and edits — so
//! the PDF states no figure of its own.

use serde::Serialize;

use crate::calc::Derived;
use crate::calc::narrative::{self, pieces};
use crate::model::Budget;

/// Which topic a section covers. The document places sections by topic: the Shanghai district
/// template prints the totals in 部门预算编制说明 and the rest in 其他相关情况说明, and the
/// performance forms follow the section on performance.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
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
    /// 其他说明.
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

/// A piece of a paragraph.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Run {
    /// The text as printed.
    pub text: String,
    /// True when the run is a figure (an amount, a share, a change).
    pub figure: bool,
}

/// A paragraph: runs printed one after another.
pub type Paragraph = Vec<Run>;

/// One section of the 情况说明.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Section {
    /// What it is about.
    pub topic: Topic,
    /// The heading without its numeral (`收入预算情况说明`); the document numbers sections.
    pub heading: String,
    /// Its paragraphs.
    pub paragraphs: Vec<Paragraph>,
}

/// The topic a generated section is about, from the words of its heading: it decides where the
/// document places the section (the Shanghai template's 其他相关情况说明, the forms after the
/// section on performance).
fn topic_of(heading: &str) -> Topic {
    let has = |w: &str| heading.contains(w);
    if has("三公") {
        Topic::Sangong
    } else if has("机关运行") {
        Topic::Operating
    } else if has("采购") {
        Topic::Procurement
    } else if has("绩效") {
        Topic::Performance
    } else if has("资产") {
        Topic::Assets
    } else if has("其他") {
        Topic::Other
    } else if has("人员经费") || has("基本支出") {
        Topic::Basic
    } else if has("一般公共预算") {
        Topic::GeneralPublic
    } else if has("财政拨款") {
        Topic::Fiscal
    } else if has("支出") {
        Topic::Expenditure
    } else if has("收入") {
        Topic::Income
    } else {
        Topic::Totals
    }
}

/// The heading without its numeral (`一、`, `（一）`): the document numbers sections itself.
fn without_numeral(heading: &str) -> String {
    let numerals = "一二三四五六七八九十（）()0123456789.";
    if let Some(rest) = heading.strip_prefix('（')
        && let Some((n, rest)) = rest.split_once('）')
        && n.chars().all(|c| numerals.contains(c))
    {
        return rest.to_owned();
    }
    match heading.split_once('、') {
        Some((n, rest)) if !n.is_empty() && n.chars().all(|c| numerals.contains(c)) => {
            rest.to_owned()
        }
        _ => heading.to_owned(),
    }
}

/// The 情况说明 of `budget` in the document's language: the generated narrative's sections, each
/// paragraph as its published pieces (figures marked), the officer's texts as written.
#[must_use]
pub fn narrative_sections(budget: &Budget, derived: &Derived, zh: bool) -> Vec<Section> {
    let doc = narrative::narrative(budget, derived);
    doc.sections
        .iter()
        .map(|section| {
            let heading = section.heading.get(true);
            Section {
                topic: topic_of(heading),
                heading: without_numeral(section.heading.get(zh)),
                paragraphs: section
                    .paragraphs
                    .iter()
                    .map(|p| {
                        p.runs
                            .iter()
                            .zip(pieces(p, doc.style, zh))
                            .filter(|(_, text)| !text.is_empty())
                            .map(|(run, text)| Run {
                                text,
                                figure: matches!(run, narrative::Run::Figure(_)),
                            })
                            .collect()
                    })
                    .collect(),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_lose_their_numeral_and_name_their_topic() {
        assert_eq!(without_numeral("一、收支预算总体情况"), "收支预算总体情况");
        assert_eq!(without_numeral("（三）政府采购"), "政府采购");
        assert_eq!(without_numeral("部门预算编制说明"), "部门预算编制说明");
        assert_eq!(topic_of("七、“三公”经费预算情况说明"), Topic::Sangong);
        assert_eq!(topic_of("十、绩效管理情况"), Topic::Performance);
        assert_eq!(topic_of("二、收入预算情况说明"), Topic::Income);
    }

    #[test]
    fn the_seeds_text_states_the_generated_figures() {
        let budget = crate::sample::sample_budget().unwrap_or_else(|_| unreachable!());
        let derived = crate::calc::derive(&budget);
        let text: String = narrative_sections(&budget, &derived, true)
            .iter()
            .flat_map(|s| &s.paragraphs)
            .flatten()
            .map(|r| r.text.as_str())
            .collect();
        for figure in ["10441.41", "563.04%", "88.99%", "201.37"] {
            assert!(text.contains(figure), "{figure}");
        }
    }
}
