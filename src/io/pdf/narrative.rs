//! The 情况说明 as the printed document takes it: sections with a heading and paragraphs of text
//! runs (figures marked, so they can be set apart). [`narrative_sections`] takes them from the
//! generated narrative ([`crate::calc::narrative`]) — the same text the app shows and edits — so
//! the PDF states no figure of its own.

use serde::Serialize;

use crate::calc::Derived;
use crate::calc::narrative::{self, pieces};
use crate::model::Budget;

pub use crate::calc::narrative::Topic;

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

/// The 情况说明 of `budget` in the document's language: the generated narrative's sections, each
/// paragraph as its published pieces (figures marked), the officer's texts as written.
#[must_use]
pub fn narrative_sections(
    budget: &Budget,
    derived: &Derived,
    summary: &crate::calc::Summary,
    zh: bool,
) -> Vec<Section> {
    let doc = narrative::narrative_with(budget, derived, summary);
    doc.sections
        .iter()
        .map(|section| Section {
            topic: section.topic,
            heading: section.heading.get(zh).to_owned(),
            paragraphs: section
                .paragraphs
                .iter()
                .map(|p| printed(p, doc.style, zh))
                .collect(),
        })
        .collect()
}

/// A paragraph of the 情况说明 as printed: its published pieces, figures marked, the officer's
/// texts as written.
#[must_use]
pub fn printed(p: &narrative::Paragraph, style: narrative::Style, zh: bool) -> Paragraph {
    p.runs
        .iter()
        .zip(pieces(p, style, zh))
        .filter(|(_, text)| !text.is_empty())
        .map(|(run, text)| Run {
            text,
            figure: matches!(run, narrative::Run::Figure(_)),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sections_carry_their_topic_and_a_heading_without_its_number() {
        let budget = crate::sample::sample_budget().unwrap_or_else(|_| unreachable!());
        let derived = crate::calc::derive(&budget);
        for zh in [true, false] {
            let sections = narrative_sections(&budget, &derived, &derived.summary, zh);
            let sangong = sections.iter().find(|s| s.topic == Topic::Sangong);
            assert!(
                sangong
                    .is_some_and(|s| !s.heading.starts_with('七') && !s.heading.starts_with("7."))
            );
            assert_eq!(
                sections
                    .iter()
                    .filter(|s| s.topic == Topic::Performance)
                    .count(),
                1
            );
            for s in &sections {
                assert!(
                    !s.heading.starts_with(|c: char| c.is_ascii_digit()),
                    "{}",
                    s.heading
                );
            }
        }
    }

    #[test]
    fn the_seeds_text_states_the_generated_figures() {
        let budget = crate::sample::sample_budget().unwrap_or_else(|_| unreachable!());
        let derived = crate::calc::derive(&budget);
        let text: String = narrative_sections(&budget, &derived, &derived.summary, true)
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
