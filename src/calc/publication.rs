//! The publication derived once from (budget, template): the cover, then the template's parts in
//! printed order, each an ordered list of blocks — a heading, plain paragraphs, the 情况说明's
//! paragraphs (figures with their links, the officer's texts), a table by kind, the project
//! forms or descriptions, a page break. Renderers place these blocks (the PDF lays them out,
//! the Narrative tab numbers its headings as they do); none walks the template's outline or
//! reads meaning from a heading's text.

use super::narrative::{self, NarrativeDoc, Section, Style};
use super::tables::disclosure_tables;
use super::{Derived, Summary};
use crate::model::template::outline::{CoverSize, Orientation, PartKind, PartNumbering, UnitList};
use crate::model::template::{Numbering, ProjectDisclosure};
use crate::model::{Budget, Profile, TableId, UnitKind};

/// The whole publication in one language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Publication {
    /// The document's title: the cover's lines.
    pub title: String,
    /// The cover's lines from the top.
    pub cover: Vec<(String, CoverSize)>,
    /// The heading of the contents (`目　录`).
    pub contents: String,
    /// Every page on its side.
    pub landscape: bool,
    /// How the 情况说明's figures print.
    pub style: Style,
    /// The parts, in printed order.
    pub parts: Vec<Part>,
}

/// A part: its numbered heading and its blocks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Part {
    /// `第一部分 概况`, `一、部门主要职能`.
    pub heading: String,
    /// Starts a new page.
    pub new_page: bool,
    /// What it holds.
    pub blocks: Vec<Block>,
}

/// One piece of a part.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Block {
    /// A heading under the part's, numbered as printed.
    Heading(String),
    /// Paragraphs of plain text (duties, organisation, glossary).
    Text(Vec<String>),
    /// The paragraphs of a section of the 情况说明 (its index in the [`NarrativeDoc`]): words,
    /// figures and the officer's texts.
    Narrative(usize),
    /// A disclosure table.
    Table(TableId),
    /// The performance-target form of every project.
    ProjectForms,
    /// The 项目经费情况说明.
    Descriptions,
    /// The next block starts a page.
    PageBreak,
}

fn t(zh: bool, chinese: &str, english: &str) -> String {
    if zh { chinese } else { english }.to_owned()
}

/// `一、text` (Chinese) or `1. text` (English) for the `i`-th (0-based) item.
/// Each unit with its kind: `上海市…中心（事业单位）`.
fn kinds_of_units(p: &Profile, zh: bool) -> Vec<String> {
    p.units
        .iter()
        .map(|u| {
            let code = if u.code.is_empty() {
                String::new()
            } else {
                format!("[{}]", u.code)
            };
            let merged = if u.merged {
                t(zh, "，不单列预算", ", merged into the department")
            } else {
                String::new()
            };
            format!("{code}{}（{}{merged}）", u.name, u.kind.label(zh))
        })
        .collect()
}

/// The units counted by kind, then numbered (万里街道 2024: 本部门中，行政单位1家，参公单位1家，
/// 事业单位4家，具体包括：/ 1. 上海市…（本部）。); a merged unit is said to be merged.
fn counted_units(p: &Profile, zh: bool) -> Vec<String> {
    if p.units.is_empty() {
        return Vec::new();
    }
    let count = |kind| p.units.iter().filter(|u| u.kind == kind).count();
    let kinds = [
        (UnitKind::Administrative, "行政单位", "administrative units"),
        (
            UnitKind::CivilServiceManaged,
            "参公单位",
            "civil-service-managed units",
        ),
        (UnitKind::Institution, "事业单位", "public institutions"),
    ];
    let counts: Vec<String> = kinds
        .iter()
        .filter(|(k, ..)| count(*k) > 0)
        .map(|(k, z, e)| {
            if zh {
                format!("{z}{}家", count(*k))
            } else {
                format!("{} {e}", count(*k))
            }
        })
        .collect();
    let mut out = vec![if zh {
        format!("本部门中，{}，具体包括：", counts.join("，"))
    } else {
        format!("The department comprises {}:", counts.join(", "))
    }];
    out.extend(p.units.iter().enumerate().map(|(i, u)| {
        let n = i + 1;
        match (u.merged, zh) {
            (true, true) => format!(
                "{n}. 下属{}{}不单列预算，并入本部。",
                u.kind.label_zh(),
                u.name
            ),
            (true, false) => format!("{n}. {}, merged into the department.", u.name),
            (false, true) => format!("{n}. {}。", u.name),
            (false, false) => format!("{n}. {}.", u.name),
        }
    }));
    out
}

fn numbered(i: usize, text: &str, zh: bool) -> String {
    narrative::numbered(i.saturating_add(1), text, zh)
}

/// The publication of `budget` in its template, and the 情况说明 its blocks refer to, stating the
/// changes against `summary`'s base.
#[must_use]
pub fn publication(
    budget: &Budget,
    derived: &Derived,
    summary: &Summary,
    zh: bool,
) -> (NarrativeDoc, Publication) {
    let doc = narrative::narrative_with(budget, derived, summary);
    let publication = publication_of(budget, &doc, zh);
    (doc, publication)
}

/// The publication of `budget` with its 情况说明 already written (`doc`, whose sections the
/// blocks refer to by index).
#[must_use]
pub fn publication_of(budget: &Budget, doc: &NarrativeDoc, zh: bool) -> Publication {
    let p = &budget.profile;
    let template = budget.template();
    let mut tables = Vec::new();
    for id in disclosure_tables(budget) {
        if !tables.is_empty() {
            tables.push(Block::PageBreak);
        }
        tables.push(Block::Table(id));
    }
    let lines = |text: &str| -> Vec<String> {
        text.lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(str::to_owned)
            .collect()
    };
    let mut responsibilities = lines(&p.responsibilities_lead);
    let duty_numbering = template.outline.duty_numbering;
    responsibilities.extend(
        p.responsibilities
            .iter()
            .enumerate()
            .map(|(i, r)| duty_numbering.apply(i + 1, r, zh)),
    );
    // The profile's remarks are the officer's own, never printed.
    let organisation = lines(&p.organisation);
    let units: Vec<String> = match template.outline.unit_list {
        UnitList::Unlisted => Vec::new(),
        UnitList::Counted => counted_units(p, zh),
        UnitList::Kinds => kinds_of_units(p, zh),
    };
    let glossary: Vec<String> = p
        .glossary
        .iter()
        .enumerate()
        .map(|(i, g)| {
            let entry = format!("{}：{}", g.term, g.definition);
            template.outline.glossary_numbering.apply(i + 1, &entry, zh)
        })
        .collect();

    let outline = &template.outline;
    let numbering = template.narrative.section_numbering;
    let part_heading = |n: usize, title: &str| -> String {
        match outline.part_numbering {
            PartNumbering::Chapters if zh => format!(
                "第{}部分 {title}",
                narrative::NUMERALS.get(n).copied().unwrap_or("")
            ),
            PartNumbering::Chapters => format!("Part {} {title}", n + 1),
            PartNumbering::Numerals => numbered(n, title, zh),
        }
    };
    let mut sections: Option<Vec<(usize, &Section)>> =
        Some(doc.sections.iter().enumerate().collect());
    let mut parts = Vec::new();
    for spec in &outline.parts {
        let title = spec.title.fill_for(budget, zh);
        let blocks = match &spec.kind {
            PartKind::Profile {
                responsibilities: duties_heading,
                organisation: organisation_heading,
                units: units_line,
            } => {
                let mut blocks = vec![
                    Block::Heading(numbered(0, &duties_heading.fill_for(budget, zh), zh)),
                    Block::Text(responsibilities.clone()),
                    Block::Heading(numbered(1, &organisation_heading.fill_for(budget, zh), zh)),
                    Block::Text(organisation.clone()),
                ];
                if !units.is_empty() {
                    blocks.push(Block::Text(
                        [vec![units_line.fill_for(budget, zh)], units.clone()].concat(),
                    ));
                }
                blocks
            }
            PartKind::Responsibilities => vec![Block::Text(responsibilities.clone())],
            PartKind::Organisation => {
                vec![Block::Text([organisation.clone(), units.clone()].concat())]
            }
            PartKind::Glossary => vec![Block::Text(glossary.clone())],
            PartKind::Tables => std::mem::take(&mut tables),
            PartKind::Narrative => {
                let mut blocks = Vec::new();
                for (i, (at, s)) in sections.take().unwrap_or_default().into_iter().enumerate() {
                    blocks.extend(section_blocks(i, at, s, numbering, zh));
                    // A template that publishes a form per project prints them here.
                    if s.topic == narrative::Topic::Performance
                        && template.projects == ProjectDisclosure::FormPerProject
                    {
                        blocks.push(Block::ProjectForms);
                    }
                }
                blocks
            }
            PartKind::NarrativeMain | PartKind::NarrativeOther => {
                let other = matches!(spec.kind, PartKind::NarrativeOther);
                let (these, rest): (Vec<_>, Vec<_>) = sections
                    .take()
                    .unwrap_or_default()
                    .into_iter()
                    .partition(|(_, s)| s.topic.is_other_information() == other);
                sections = Some(rest);
                part_sections(&these, numbering, zh)
            }
            // No 项目经费情况说明 written: no part (社会福利院 2024 has none, and its 目录 ends
            // at 六).
            PartKind::Descriptions if budget.descriptions.is_empty() => continue,
            PartKind::Descriptions => vec![Block::Descriptions],
        };
        parts.push(Part {
            heading: part_heading(parts.len(), &title),
            new_page: spec.new_page,
            blocks,
        });
    }
    let cover: Vec<(String, CoverSize)> = outline
        .cover
        .lines
        .iter()
        .map(|l| (l.text.fill_for(budget, zh), l.size))
        .filter(|(text, _)| !text.is_empty())
        .collect();
    let title = cover
        .iter()
        .map(|(text, _)| text.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    Publication {
        title,
        cover,
        contents: t(zh, "目　录", "Contents"),
        landscape: outline.pages == Orientation::Landscape,
        style: doc.style,
        parts,
    }
}

/// The sections a part holds. A part that holds one section (编制说明 under 编制说明, in Chinese
/// the same words, in English others) prints its paragraphs under its own title alone.
fn part_sections(sections: &[(usize, &Section)], numbering: Numbering, zh: bool) -> Vec<Block> {
    if let [(at, _)] = sections {
        return vec![Block::Narrative(*at)];
    }
    sections
        .iter()
        .enumerate()
        .flat_map(|(i, (at, s))| section_blocks(i, *at, s, numbering, zh))
        .collect()
}

/// A numbered section of the 情况说明 as blocks.
fn section_blocks(i: usize, at: usize, s: &Section, numbering: Numbering, zh: bool) -> Vec<Block> {
    vec![
        Block::Heading(numbering.apply(i + 1, s.heading.get(zh), zh)),
        Block::Narrative(at),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calc::derive;

    #[test]
    fn the_seed_publishes_its_template_parts_in_order_with_every_table_once() {
        let budget = crate::sample::sample_budget().unwrap_or_else(|_| unreachable!());
        let derived = derive(&budget);
        let (_, p) = publication(&budget, &derived, &derived.summary, true);
        let headings: Vec<&str> = p.parts.iter().map(|p| p.heading.as_str()).collect();
        assert_eq!(headings.len(), 4, "{headings:?}");
        for (h, start) in headings
            .iter()
            .zip(["第一部分", "第二部分", "第三部分", "第四部分"])
        {
            assert!(h.starts_with(start), "{h}");
        }
        // The 情况说明's sections, numbered once, in the third part.
        let sections: Vec<&str> = p.parts[2]
            .blocks
            .iter()
            .filter_map(|b| match b {
                Block::Heading(h) => Some(h.as_str()),
                _ => None,
            })
            .collect();
        assert_eq!(sections.len(), 12, "{sections:?}");
        assert!(sections[0].starts_with("一、") && sections[11].starts_with("十二、"));
        let tables: Vec<TableId> = p
            .parts
            .iter()
            .flat_map(|p| &p.blocks)
            .filter_map(|b| match b {
                Block::Table(id) => Some(*id),
                _ => None,
            })
            .collect();
        assert_eq!(tables, disclosure_tables(&budget));
        let forms = p
            .parts
            .iter()
            .flat_map(|p| &p.blocks)
            .filter(|b| **b == Block::ProjectForms);
        assert_eq!(forms.count(), 1);
    }

    #[test]
    fn a_part_of_one_section_heads_it_with_its_own_title_in_both_languages() {
        let text = include_str!("../../sample_budgets/putuo-government-office-2025.ron");
        let budget = crate::io::ron_file::parse_current(text, std::path::Path::new("p.ron"))
            .unwrap_or_else(|_| unreachable!());
        let derived = derive(&budget);
        for zh in [true, false] {
            let (_, p) = publication(&budget, &derived, &derived.summary, zh);
            let narrative: Vec<&Part> = p
                .parts
                .iter()
                .filter(|p| p.blocks.iter().any(|b| matches!(b, Block::Narrative(_))))
                .collect();
            assert_eq!(narrative.len(), 2);
            for part in narrative {
                assert!(
                    !part.blocks.iter().any(|b| matches!(b, Block::Heading(_))),
                    "{}: {:?}",
                    part.heading,
                    part.blocks
                );
            }
        }
    }
}
