//! The printed document as data: parts made of blocks (headings, paragraphs, tables, forms,
//! charts), serialised to the JSON the typst template reads. Every amount arrives here already
//! formatted — table cells by the table model's [`Cell::text`], other figures by [`Money`] — so
//! the template only places text and no figure is computed twice.

use serde::Serialize;

use super::forms;
use super::narrative::{Paragraph, Run, Section, Topic, narrative_sections};

use crate::calc::Derived;
use crate::calc::tables::{ColumnKind, RowKind, Table, disclosure_tables, table};
use crate::model::Budget;
use crate::model::template::outline::{CoverSize, Orientation, PartKind, PartNumbering};
use crate::model::template::{Numbering, ProjectDisclosure};

/// The whole document.
#[derive(Debug, Serialize)]
pub(super) struct Document {
    /// `zh` or `en`.
    pub lang: &'static str,
    /// PDF title metadata.
    pub title: String,
    /// Cover page lines.
    pub cover: Cover,
    /// The heading of the contents page.
    pub contents: String,
    /// The parts, in printed order.
    pub parts: Vec<Part>,
    /// Every page on its side.
    pub landscape: bool,
    /// This piece prints the cover and the contents (see [`super::pieces`]).
    pub front: bool,
    /// The number of this piece's first body page.
    pub first_page: usize,
    /// The contents, with pages, when `front`.
    pub toc: Vec<super::pieces::TocEntry>,
}

/// The cover: its lines from the top, each with its size (`large`, `medium`, `small`).
#[derive(Clone, Debug, Serialize)]
pub(super) struct Cover {
    /// The lines.
    pub lines: Vec<CoverLine>,
}

/// One line of the cover.
#[derive(Clone, Debug, Serialize)]
pub(super) struct CoverLine {
    /// What it says.
    pub text: String,
    /// `large`, `medium` or `small`.
    pub size: &'static str,
}

/// A part: a level-1 heading and its blocks.
#[derive(Debug, Serialize)]
#[serde(rename_all = "kebab-case")]
pub(super) struct Part {
    /// `第一部分 概况`; none where the part goes on from the piece before.
    pub heading: Option<String>,
    /// Start it on a new page.
    pub new_page: bool,
    /// What it holds.
    pub blocks: Vec<Block>,
}

/// One piece of a part.
#[derive(Debug, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub(super) enum Block {
    /// A level-2 heading, listed in the contents.
    Heading { text: String },
    /// Paragraphs of runs.
    Paragraphs { paragraphs: Vec<Paragraph> },
    /// A disclosure table.
    Table(TableData),
    /// A form or another ruled grid (performance-target form, quarterly plan).
    Grid(forms::Grid),
    /// A chart drawing.
    Chart { title: String, file: String },
    /// Start a new page.
    PageBreak,
}

/// A disclosure table as printed.
#[derive(Debug, Serialize)]
#[serde(rename_all = "kebab-case")]
pub(super) struct TableData {
    /// `预算公开表3 预算支出总表`.
    pub title: String,
    /// `编制部门：…`.
    pub department: String,
    /// `单位：万元`.
    pub unit: String,
    /// Printed on an A4 landscape page.
    pub landscape: bool,
    /// Relative column widths.
    pub widths: Vec<f32>,
    /// Alignment per column: `left`, `right` or `center`.
    pub align: Vec<&'static str>,
    /// The column of names, indented by level.
    pub name: Option<usize>,
    /// Header rows.
    pub header_rows: usize,
    /// Header cells with their spans.
    pub header: Vec<HeadCell>,
    /// Body rows.
    pub rows: Vec<RowData>,
    /// What is printed under an empty table.
    pub empty_note: Option<String>,
    /// The rows go on from the piece before: no title.
    pub continued: bool,
    /// The index of the first row in the whole table.
    pub first_row: usize,
    /// Each row carries its index, for the piece to find the rows on its last page.
    pub marked: bool,
}

/// A header cell.
#[derive(Clone, Debug, Serialize)]
pub(super) struct HeadCell {
    /// Text.
    pub t: String,
    /// Column.
    pub x: usize,
    /// Row.
    pub y: usize,
    /// Rows spanned.
    pub rs: usize,
    /// Columns spanned.
    pub cs: usize,
}

/// A body row.
#[derive(Clone, Debug, Serialize)]
pub(super) struct RowData {
    /// Bold.
    pub s: bool,
    /// Indentation of the name (0–2).
    pub d: u8,
    /// The cells' printed text.
    pub c: Vec<String>,
    /// Every cell fits on one line: the row's height is known without measuring its cells.
    pub o: bool,
}

/// How wide text is in half-em units: a CJK or full-width character counts two.
pub(super) fn display_width(text: &str) -> usize {
    text.chars()
        .map(|c| if u32::from(c) >= 0x2E80 { 2 } else { 1 })
        .sum()
}

/// Past this many half-em units of columns a table goes on a landscape page.
const PORTRAIT_WIDTH: usize = 88;

/// One disclosure table as printed: the model's header and rows, every cell by [`Cell::text`].
///
/// [`Cell::text`]: crate::calc::tables::Cell::text
pub(super) fn table_data(budget: &Budget, t: &Table<'_>, zh: bool) -> TableData {
    let n = t.columns.len();
    let mut widths = vec![4usize; n];
    let header: Vec<HeadCell> = t
        .header
        .iter()
        .map(|h| HeadCell {
            t: h.text.clone(),
            x: h.col,
            y: h.row,
            rs: h.rows.max(1),
            cs: h.cols.max(1),
        })
        .collect();
    for h in &t.header {
        if h.cols == 1
            && let Some(w) = widths.get_mut(h.col)
        {
            // Headers wrap: half their width is enough (two lines).
            *w = (*w).max(display_width(&h.text).div_ceil(2));
        }
    }
    let mut rows = Vec::with_capacity(t.len());
    for row in t.printed_rows() {
        let mut cells = Vec::with_capacity(n);
        for (c, cell) in row.cells.iter().enumerate() {
            let text = cell.printed_text(row.kind, t.number_format);
            if let Some(w) = widths.get_mut(c) {
                let indent = if t.columns.get(c).map(|s| s.kind) == Some(ColumnKind::Name) {
                    usize::from(row.kind.depth()) * 2
                } else {
                    0
                };
                *w = (*w).max(display_width(&text) + indent);
            }
            cells.push(text);
        }
        rows.push(RowData {
            s: row.kind.is_strong(),
            d: if row.kind == RowKind::Total {
                0
            } else {
                row.kind.depth()
            },
            c: cells,
            o: false,
        });
    }
    for (w, spec) in widths.iter_mut().zip(&t.columns) {
        let max = if spec.kind == ColumnKind::Name {
            44
        } else {
            24
        };
        *w = (*w + 2).min(max);
    }
    let total: usize = widths.iter().sum();
    let landscape = match budget
        .template()
        .table_showing(t.id)
        .and_then(|spec| spec.page)
    {
        Some(page) => page == Orientation::Landscape,
        None => total > PORTRAIT_WIDTH || budget.template().outline.pages == Orientation::Landscape,
    };
    super::one_line::mark_one_line_rows(&mut rows, &widths, t, landscape);
    let align = t
        .columns
        .iter()
        .map(|c| match c.kind {
            ColumnKind::Amount => "right",
            ColumnKind::Code => "center",
            ColumnKind::Name | ColumnKind::Text => "left",
        })
        .collect();
    let department = budget
        .template()
        .outline
        .department_line
        .fill_for(budget, zh);
    let unit = if zh {
        format!("单位：{}", t.unit.label_zh())
    } else {
        format!("Unit: {}", t.unit.label_en())
    };
    TableData {
        title: t.title.clone(),
        department,
        unit,
        landscape,
        #[allow(clippy::cast_precision_loss)] // widths are small counts
        widths: widths.iter().map(|w| *w as f32).collect(),
        align,
        name: t.columns.iter().position(|c| c.kind == ColumnKind::Name),
        header_rows: t.header_rows,
        header,
        rows,
        empty_note: t.empty_note.clone(),
        continued: false,
        first_row: 0,
        marked: false,
    }
}

/// `一、` (Chinese) or `1. ` (English) for the `i`-th (0-based) item.
pub(super) fn numbered(i: usize, text: &str, zh: bool) -> String {
    crate::calc::narrative::numbered(i.saturating_add(1), text, zh)
}

/// A paragraph of plain text.
pub(super) fn plain(text: &str) -> Paragraph {
    vec![Run {
        text: text.to_owned(),
        figure: false,
    }]
}

/// Paragraphs from a text, one per non-empty line.
pub(super) fn paragraphs(text: &str) -> Vec<Paragraph> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(plain)
        .collect()
}

/// Chinese or English.
pub(super) fn t(zh: bool, chinese: &str, english: &str) -> String {
    if zh { chinese } else { english }.to_owned()
}

/// The document of `budget`. `charts` are the appendix's drawings (title, file), if any.
pub(super) fn document(
    budget: &Budget,
    derived: &Derived,
    summary: &crate::calc::Summary,
    zh: bool,
    charts: Vec<(String, String)>,
) -> Document {
    let p = &budget.profile;
    let template = budget.template();
    let sections = narrative_sections(budget, derived, summary, zh);
    // Each table on a page of its own, as the seed prints them.
    let mut tables: Vec<Block> = Vec::new();
    for id in disclosure_tables(budget) {
        if !tables.is_empty() {
            tables.push(Block::PageBreak);
        }
        tables.push(Block::Table(table_data(
            budget,
            &table(budget, derived, id, zh).printed(),
            zh,
        )));
    }

    let mut responsibilities: Vec<Paragraph> = paragraphs(&p.responsibilities_lead);
    responsibilities.extend(p.responsibilities.iter().enumerate().map(|(i, r)| {
        if zh {
            plain(&format!("{}、{r}", i + 1))
        } else {
            plain(&format!("{}. {r}", i + 1))
        }
    }));
    let mut organisation = paragraphs(&p.organisation);
    organisation.extend(paragraphs(&p.notes));
    let units: Vec<Paragraph> = p
        .units
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
            plain(&format!("{code}{}（{}{merged}）", u.name, u.kind.label(zh)))
        })
        .collect();
    let glossary: Vec<Paragraph> = p
        .glossary
        .iter()
        .enumerate()
        .map(|(i, g)| plain(&numbered(i, &format!("{}：{}", g.term, g.definition), zh)))
        .collect();

    // The parts as the template lists them, each titled by its pattern.
    let outline = &template.outline;
    let numbering = template.narrative.section_numbering;
    let part_heading = |n: usize, title: &str| -> String {
        match outline.part_numbering {
            PartNumbering::Chapters if zh => format!(
                "第{}部分 {title}",
                crate::calc::narrative::NUMERALS
                    .get(n)
                    .copied()
                    .unwrap_or("")
            ),
            PartNumbering::Chapters => format!("Part {} {title}", n + 1),
            PartNumbering::Numerals => numbered(n, title, zh),
        }
    };
    let mut sections = Some(sections);
    let mut parts = Vec::new();
    for (n, spec) in outline.parts.iter().enumerate() {
        let title = spec.title.fill_for(budget, zh);
        let blocks = match &spec.kind {
            PartKind::Profile {
                responsibilities: duties_heading,
                organisation: organisation_heading,
                units: units_line,
            } => {
                let mut blocks = vec![
                    Block::Heading {
                        text: numbered(0, &duties_heading.fill_for(budget, zh), zh),
                    },
                    Block::Paragraphs {
                        paragraphs: responsibilities.clone(),
                    },
                    Block::Heading {
                        text: numbered(1, &organisation_heading.fill_for(budget, zh), zh),
                    },
                    Block::Paragraphs {
                        paragraphs: organisation.clone(),
                    },
                ];
                if !units.is_empty() {
                    blocks.push(Block::Paragraphs {
                        paragraphs: [vec![plain(&units_line.fill_for(budget, zh))], units.clone()]
                            .concat(),
                    });
                }
                blocks
            }
            PartKind::Responsibilities => vec![Block::Paragraphs {
                paragraphs: responsibilities.clone(),
            }],
            PartKind::Organisation => vec![Block::Paragraphs {
                paragraphs: [organisation.clone(), units.clone()].concat(),
            }],
            PartKind::Glossary => vec![Block::Paragraphs {
                paragraphs: glossary.clone(),
            }],
            PartKind::Tables => std::mem::take(&mut tables),
            PartKind::Narrative => {
                let mut blocks = Vec::new();
                for (i, s) in sections.take().unwrap_or_default().into_iter().enumerate() {
                    let topic = s.topic;
                    blocks.extend(section_blocks(i, s, numbering, zh));
                    // A template that publishes a form per project prints them here.
                    if topic == Topic::Performance
                        && template.projects == ProjectDisclosure::FormPerProject
                    {
                        blocks.extend(forms::project_forms(budget, zh));
                    }
                }
                blocks
            }
            PartKind::NarrativeMain | PartKind::NarrativeOther => {
                let other = matches!(spec.kind, PartKind::NarrativeOther);
                let (these, rest): (Vec<Section>, Vec<Section>) = sections
                    .take()
                    .unwrap_or_default()
                    .into_iter()
                    .partition(|s| s.topic.is_other_information() == other);
                sections = Some(rest);
                part_sections(these, &title, numbering, zh)
            }
            PartKind::Descriptions => forms::descriptions(budget, zh),
        };
        parts.push(Part {
            heading: Some(part_heading(n, &title)),
            new_page: spec.new_page,
            blocks,
        });
    }
    if !charts.is_empty() {
        parts.push(Part {
            heading: Some(t(zh, "附：支出结构图", "Appendix: expenditure charts")),
            new_page: true,
            blocks: charts
                .into_iter()
                .map(|(title, file)| Block::Chart { title, file })
                .collect(),
        });
    }
    let cover: Vec<CoverLine> = outline
        .cover
        .lines
        .iter()
        .map(|l| CoverLine {
            text: l.text.fill_for(budget, zh),
            size: match l.size {
                CoverSize::Large => "large",
                CoverSize::Medium => "medium",
                CoverSize::Small => "small",
            },
        })
        .filter(|l| !l.text.is_empty())
        .collect();
    // The document's title: the cover's lines that are not the department's name alone.
    let title = cover
        .iter()
        .map(|l| l.text.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    Document {
        lang: if zh { "zh" } else { "en" },
        title,
        cover: Cover { lines: cover },
        contents: t(zh, "目　录", "Contents"),
        parts,
        landscape: outline.pages == Orientation::Landscape,
        front: true,
        first_page: 1,
        toc: Vec::new(),
    }
}

/// The sections a part holds. A part that holds one section of its own heading (编制说明 under
/// 编制说明) prints its paragraphs without repeating the heading.
fn part_sections(
    sections: Vec<Section>,
    part_heading: &str,
    numbering: Numbering,
    zh: bool,
) -> Vec<Block> {
    let same = |s: &Section| {
        s.heading == part_heading || (!zh && s.heading.eq_ignore_ascii_case(part_heading))
    };
    if let [only] = sections.as_slice()
        && same(only)
    {
        return sections
            .into_iter()
            .map(|s| Block::Paragraphs {
                paragraphs: s.paragraphs,
            })
            .collect();
    }
    sections
        .into_iter()
        .enumerate()
        .flat_map(|(i, s)| section_blocks(i, s, numbering, zh))
        .collect()
}

/// A numbered section of the narrative as blocks.
fn section_blocks(i: usize, s: Section, numbering: Numbering, zh: bool) -> Vec<Block> {
    vec![
        Block::Heading {
            text: numbering.apply(i + 1, &s.heading, zh),
        },
        Block::Paragraphs {
            paragraphs: s.paragraphs,
        },
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calc::derive;
    use crate::model::TableId;
    use crate::sample::sample_budget;

    #[test]
    fn rows_that_fit_one_line_are_marked_and_a_long_name_is_not() {
        let mut budget = sample_budget().expect("the bundled sample loads");
        let long = "工业和信息产业监管支出".repeat(5);
        let line = budget
            .function_lines
            .iter_mut()
            .find(|l| l.code == "2150501")
            .expect("line in the sample");
        line.name.clone_from(&long);
        let derived = derive(&budget);
        let t = table(&budget, &derived, TableId::Expenditure, true);
        let data = table_data(&budget, &t, true);
        let row = |name: &str| {
            data.rows
                .iter()
                .find(|r| r.c.iter().any(|c| c == name))
                .expect("row printed")
        };
        // The 合计 and a 类 with a short name fit; amounts never break, whatever their length.
        assert!(data.rows[0].o);
        assert!(row("资源勘探工业信息等支出").o);
        // A name of 55 characters wraps in its column of 44 half-ems: measured as usual.
        assert!(!row(&long).o);
        assert_eq!(data.rows.iter().filter(|r| !r.o).count(), 1);
    }
}
