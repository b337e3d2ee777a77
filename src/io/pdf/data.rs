//! The printed document as data: parts made of blocks (headings, paragraphs, tables, forms,
//! charts), serialised to the JSON the typst template reads. Every amount arrives here already
//! formatted — table cells by the table model's [`Cell::text`], other figures by [`Money`] — so
//! the template only places text and no figure is computed twice.

use serde::Serialize;

use super::forms;
use super::narrative::{Paragraph, Run, printed};

use crate::calc::Derived;
use crate::calc::narrative::Style;
use crate::calc::publication::{Block as PubBlock, publication};
use crate::calc::tables::{ColumnKind, RowKind, Table, table};
use crate::model::Budget;
use crate::model::template::outline::{CoverSize, Orientation};

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
    /// Body pages print their own numbers. A document typeset in pieces has them put on
    /// afterwards instead (see [`super::pieces`]).
    pub numbered_in_place: bool,
    /// Pages that print a number and nothing else, one per body page of a document typeset in
    /// pieces, each of that page's size.
    pub numbers: Vec<super::pieces::NumberPage>,
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
    /// The cells' printed text, the name indented by its level with ideographic spaces (two
    /// half-em units each, as [`display_width`] counts them).
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
        // Totals stand at the left whatever their level.
        let depth = if row.kind == RowKind::Total {
            0
        } else {
            row.kind.depth()
        };
        for (c, cell) in row.cells.iter().enumerate() {
            let mut text = cell.printed_text(row.kind, t.number_format);
            if depth > 0 && t.columns.get(c).map(|s| s.kind) == Some(ColumnKind::Name) {
                text.insert_str(0, &"\u{3000}".repeat(usize::from(depth)));
            }
            if let Some(w) = widths.get_mut(c) {
                *w = (*w).max(display_width(&text));
            }
            cells.push(text);
        }
        rows.push(RowData {
            s: row.kind.is_strong(),
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

/// The document of `budget`: its publication ([`crate::calc::publication`]) with every block
/// as the template prints it. `charts` are the appendix's drawings (title, file), if any.
pub(super) fn document(
    budget: &Budget,
    derived: &Derived,
    summary: &crate::calc::Summary,
    zh: bool,
    charts: Vec<(String, String)>,
) -> Document {
    let (text, publication) = publication(budget, derived, summary, zh);
    let style = publication.style;
    let mut parts: Vec<Part> = publication
        .parts
        .into_iter()
        .map(|part| Part {
            heading: Some(part.heading),
            new_page: part.new_page,
            blocks: part
                .blocks
                .into_iter()
                .flat_map(|b| printed_blocks(budget, derived, &text, b, style, zh))
                .collect(),
        })
        .collect();
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
    let cover = publication
        .cover
        .into_iter()
        .map(|(text, size)| CoverLine {
            text,
            size: match size {
                CoverSize::Large => "large",
                CoverSize::Medium => "medium",
                CoverSize::Small => "small",
            },
        })
        .collect();
    Document {
        lang: if zh { "zh" } else { "en" },
        title: publication.title,
        cover: Cover { lines: cover },
        contents: publication.contents,
        parts,
        landscape: publication.landscape,
        front: true,
        first_page: 1,
        toc: Vec::new(),
        numbered_in_place: true,
        numbers: Vec::new(),
    }
}

/// A block of the publication as the PDF prints it.
fn printed_blocks(
    budget: &Budget,
    derived: &Derived,
    text: &crate::calc::narrative::NarrativeDoc,
    block: PubBlock,
    style: Style,
    zh: bool,
) -> Vec<Block> {
    match block {
        PubBlock::Heading(text) => vec![Block::Heading { text }],
        PubBlock::Text(lines) => vec![Block::Paragraphs {
            paragraphs: lines.iter().map(|l| plain(l)).collect(),
        }],
        PubBlock::Narrative(section) => vec![Block::Paragraphs {
            paragraphs: text
                .sections
                .get(section)
                .map(|s| s.paragraphs.iter().map(|p| printed(p, style, zh)).collect())
                .unwrap_or_default(),
        }],
        PubBlock::Table(id) => vec![Block::Table(table_data(
            budget,
            &table(budget, derived, id, zh).printed(),
            zh,
        ))],
        PubBlock::ProjectForms => forms::project_forms(budget, zh),
        PubBlock::Descriptions => forms::descriptions(budget, zh),
        PubBlock::PageBreak => vec![Block::PageBreak],
    }
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
                .find(|r| r.c.iter().any(|c| c.trim_start_matches('\u{3000}') == name))
                .expect("row printed")
        };
        // The 合计 and a 类 with a short name fit; amounts never break, whatever their length.
        assert!(data.rows[0].o);
        assert!(row("资源勘探工业信息等支出").o);
        // A name of 55 characters wraps in its column of 44 half-ems: measured as usual.
        assert!(!row(&long).o);
        // A 项's name comes indented two levels, a 类's not at all.
        assert!(
            row(&long)
                .c
                .iter()
                .any(|c| *c == format!("\u{3000}\u{3000}{long}"))
        );
        assert!(
            row("资源勘探工业信息等支出")
                .c
                .iter()
                .any(|c| c == "资源勘探工业信息等支出")
        );
        assert_eq!(data.rows.iter().filter(|r| !r.o).count(), 1);
    }
}
