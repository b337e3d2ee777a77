//! A long document typeset in pieces. The typesetter keeps every cell it lays out in memory
//! until the run ends, so a 10,000-line budget's 1,100 pages took 2.3 GB in one run. Here the
//! body is typeset a piece at a time — about [`PIECE_ROWS`] table rows each — the
//! typesetter's memory is dropped between pieces, and the pages are joined into one document.
//!
//! A piece ends at a page break of the document, or inside a long table at the top of a page:
//! the rows of the piece's last page, partly filled, are left to the next piece and the piece
//! is typeset again without them (each row of the table carries its index, so the rows on that
//! page are known). The
//! cover and the contents are typeset last, as the first piece, once every heading's page is
//! known; the contents link to those pages.

use serde::Serialize;
use typst::foundations::{Element, Selector, Value};
use typst::introspection::{Introspector as _, MetadataElem};
use typst::model::Document as _;
use typst::model::HeadingElem;
use typst_layout::{Page, PagedDocument};

use super::PdfError;
use super::data::{Block, Document, Part, TableData};

/// Table rows (or their equivalent) a piece holds before it may end.
pub(super) const PIECE_ROWS: usize = 1500;

/// A page that prints only its number, for a body page of that size.
#[derive(Clone, Debug, Serialize)]
pub(super) struct NumberPage {
    /// The number as printed.
    pub number: String,
    /// The page's width, pt.
    pub width: f64,
    /// Its height, pt.
    pub height: f64,
}

/// An entry of the contents.
#[derive(Clone, Debug, Serialize)]
pub(super) struct TocEntry {
    /// 1 for a part, 2 for a table or section.
    pub level: u8,
    /// The heading.
    pub text: String,
    /// The printed page number.
    pub page: usize,
    /// The page's place in the file (from 1), for the link.
    pub target: usize,
}

/// How much a block costs to lay out, in table rows.
fn weight(block: &Block) -> usize {
    match block {
        Block::Table(t) => t.rows.len(),
        Block::Paragraphs { paragraphs } => paragraphs.len().div_ceil(4),
        Block::Grid(g) => g.cells.len().div_ceil(8),
        Block::Heading { .. } | Block::Chart { .. } | Block::PageBreak => 1,
    }
}

/// The headings a piece prints, in order, with their level.
fn headings(parts: &[Part]) -> Vec<(u8, String)> {
    let mut out = Vec::new();
    for part in parts {
        if let Some(h) = &part.heading {
            out.push((1, h.clone()));
        }
        for b in &part.blocks {
            match b {
                Block::Heading { text } => out.push((2, text.clone())),
                Block::Table(t) if !t.continued => out.push((2, t.title.clone())),
                _ => {}
            }
        }
    }
    out
}

/// The typesetter's output for one piece.
struct Typeset {
    pages: Vec<Page>,
    /// Each heading's page (from 1) within the piece, in order.
    heading_pages: Vec<usize>,
    /// Each marked row's index, page (from 1) within the piece and height on it (pt).
    rows: Vec<(usize, usize, f64)>,
    info: typst::model::DocumentInfo,
}

/// A document laid out, and whether it keeps the marks of its elements for a tagged PDF.
pub(super) struct Laid {
    /// The pages.
    pub document: PagedDocument,
    /// Written as a tagged PDF (the structure screen readers follow).
    pub tagged: bool,
}

/// Typesets `doc` with `typeset` (data in, laid-out document out), in pieces of about
/// `piece_rows` rows. A document of one piece keeps its elements' marks and is written as a
/// tagged PDF; a longer one keeps only its headings' (for the bookmarks): the marks of every
/// cell were most of its memory and nine tenths of its file (48 of 52 MB at 10,000 lines).
pub(super) fn typeset_in_pieces(
    doc: Document,
    piece_rows: usize,
    typeset: impl Fn(&Document) -> Result<PagedDocument, PdfError>,
) -> Result<Laid, PdfError> {
    let total: usize = doc.parts.iter().flat_map(|p| &p.blocks).map(weight).sum();
    let tagged = total <= piece_rows;
    let run = |piece: &Document| -> Result<Typeset, PdfError> {
        let laid = typeset(piece)?;
        let intro = laid.introspector();
        let page_of = |c: &typst::foundations::Content| {
            c.location()
                .and_then(|l| intro.page(l))
                .map_or(1, std::num::NonZeroUsize::get)
        };
        let headings = intro.query(&Selector::Elem(Element::of::<HeadingElem>(), None));
        let heading_pages = headings.iter().map(page_of).collect();
        let keep: std::collections::HashSet<typst::introspection::Location> = headings
            .iter()
            .filter_map(typst::foundations::Content::location)
            .collect();
        let rows = intro
            .query(&Selector::Elem(Element::of::<MetadataElem>(), None))
            .iter()
            .filter_map(|c| {
                let Value::Int(i) = &c.to_packed::<MetadataElem>()?.value else {
                    return None;
                };
                let at = intro.position(c.location()?)?;
                Some((usize::try_from(*i).ok()?, at.page.get(), at.point.y.to_pt()))
            })
            .collect();
        let mut pages = laid.pages().to_vec();
        if !tagged {
            for page in &mut pages {
                strip_tags(&mut page.frame, &keep);
            }
        }
        let out = Typeset {
            pages,
            heading_pages,
            rows,
            info: laid.info().clone(),
        };
        drop(laid);
        super::forget_layouts();
        Ok(out)
    };

    let shell = |front: bool, first_page: usize| Document {
        lang: doc.lang,
        title: doc.title.clone(),
        cover: doc.cover.clone(),
        contents: doc.contents.clone(),
        parts: Vec::new(),
        landscape: doc.landscape,
        front,
        first_page,
        toc: Vec::new(),
        numbered_in_place: tagged,
        numbers: Vec::new(),
    };
    let mut body: Vec<Page> = Vec::new();
    let mut found: Vec<(u8, String, usize)> = Vec::new();
    let mut piece = shell(false, 1);
    let mut weight_so_far = 0_usize;

    // Typesets the piece so far and keeps its pages; a piece that ends inside a table returns
    // the row its last page started with, that page being dropped.
    // A table's rows per full page, once a slice of it has been typeset.
    let mut per_page: Option<usize> = None;
    let mut flush = |piece: &mut Document,
                     cut: Option<usize>,
                     per_page: &mut Option<usize>|
     -> Result<Option<usize>, PdfError> {
        let mut out = run(piece)?;
        let mut resume = None;
        if let Some(first_row) = cut {
            let last = out.pages.len();
            let count = |page: usize| out.rows.iter().filter(|r| r.1 == page).count();
            // The most rows a page held (the first may share its page with the title).
            let most = (1..=last).map(count).max().unwrap_or(0);
            *per_page = Some(most.max(per_page.unwrap_or(0)));
            // A page is full where its last row stands as low as on the pages the table
            // left for another: the next row would not have fitted.
            let lowest = |page: usize| {
                out.rows
                    .iter()
                    .filter(|r| r.1 == page)
                    .map(|r| r.2)
                    .fold(f64::MIN, f64::max)
            };
            let deepest = (1..last).map(lowest).fold(f64::MIN, f64::max);
            let full = last > 1 && lowest(last) >= deepest - 0.5;
            let on_last = out
                .rows
                .iter()
                .filter(|r| r.1 == last && !full)
                .map(|r| r.0)
                .min();
            // Where the slice began on an earlier page, its last page is typeset again with the
            // next piece: this piece is typeset once more without those rows, so that it ends
            // with a full page (and every element it opens is closed in its own pages).
            if let Some(first) = on_last
                && first > first_row
                && let Some(Block::Table(t)) =
                    piece.parts.last_mut().and_then(|p| p.blocks.last_mut())
            {
                t.rows.truncate(first - first_row);
                t.marked = false;
                out = run(piece)?;
                resume = Some(first);
            }
        }
        let expected = headings(&piece.parts);
        if expected.len() != out.heading_pages.len() {
            return Err(PdfError::Typeset(format!(
                "{} headings laid out where {} were expected",
                out.heading_pages.len(),
                expected.len()
            )));
        }
        let pages = out.pages;
        let offset = body.len();
        for ((level, text), page) in expected.into_iter().zip(out.heading_pages) {
            found.push((level, text, offset + page));
        }
        body.extend(pages);
        *piece = shell(false, body.len() + 1);
        Ok(resume)
    };

    for part in doc.parts {
        let mut current = Part {
            heading: part.heading,
            new_page: part.new_page,
            blocks: Vec::new(),
        };
        let mut blocks = part.blocks.into_iter().peekable();
        while let Some(block) = blocks.next() {
            // A page break of the document ends the piece past the limit, or where what follows
            // would take it past: a table then starts a piece rather than being cut at once.
            let next = blocks.peek().map_or(0, weight);
            if matches!(block, Block::PageBreak)
                && weight_so_far > 0
                && weight_so_far + next > piece_rows
            {
                piece.parts.push(std::mem::replace(
                    &mut current,
                    Part {
                        heading: None,
                        new_page: false,
                        blocks: Vec::new(),
                    },
                ));
                flush(&mut piece, None, &mut per_page)?;
                weight_so_far = 0;
                continue;
            }
            let Block::Table(table) = block else {
                weight_so_far += weight(&block);
                current.blocks.push(block);
                continue;
            };
            // A table longer than the room left goes in slices, each ending a piece.
            let mut table = table;
            per_page = None;
            while weight_so_far + table.rows.len() > piece_rows && table.rows.len() > piece_rows / 4
            {
                let mut room = piece_rows.saturating_sub(weight_so_far).max(piece_rows / 4);
                // A slice that starts a page ends one: as many rows as fill whole pages.
                if let Some(n) = per_page.filter(|n| *n > 0 && table.continued) {
                    room = (room / n).max(1) * n;
                }
                let rest_rows = table.rows.split_off(room.min(table.rows.len()));
                let mut slice = table;
                slice.marked = true;
                let start = slice.first_row;
                let end = start + slice.rows.len();
                let mut rest = TableData {
                    rows: rest_rows,
                    continued: true,
                    first_row: end,
                    marked: false,
                    header: slice.header.clone(),
                    widths: slice.widths.clone(),
                    align: slice.align.clone(),
                    title: slice.title.clone(),
                    department: slice.department.clone(),
                    unit: slice.unit.clone(),
                    landscape: slice.landscape,
                    header_rows: slice.header_rows,
                    empty_note: slice.empty_note.take(),
                };
                let kept = slice.rows.clone();
                current.blocks.push(Block::Table(slice));
                piece.parts.push(std::mem::replace(
                    &mut current,
                    Part {
                        heading: None,
                        new_page: false,
                        blocks: Vec::new(),
                    },
                ));
                let resume = flush(&mut piece, Some(start), &mut per_page)?;
                weight_so_far = 0;
                if let Some(row) = resume {
                    // The rows of the dropped page go first in the next slice.
                    let mut again: Vec<_> = kept.into_iter().skip(row - start).collect();
                    again.append(&mut rest.rows);
                    rest.rows = again;
                    rest.first_row = row;
                }
                table = rest;
            }
            weight_so_far += table.rows.len();
            current.blocks.push(Block::Table(table));
        }
        piece.parts.push(current);
    }
    if !piece.parts.is_empty() {
        flush(&mut piece, None, &mut per_page)?;
    }

    if !tagged {
        number_pages(&mut body, |numbers| {
            let mut doc = shell(false, 1);
            doc.numbers = numbers;
            run(&doc).map(|t| t.pages)
        })?;
    }

    // The cover and contents, typeset again if they take other than the pages guessed.
    let mut front_pages = 2;
    let front = loop {
        let mut front = shell(true, 1);
        front.toc = found
            .iter()
            .map(|(level, text, page)| TocEntry {
                level: *level,
                text: text.clone(),
                page: *page,
                target: front_pages + page,
            })
            .collect();
        let out = run(&front)?;
        if out.pages.len() == front_pages || front_pages > 8 {
            break out;
        }
        front_pages = out.pages.len();
    };
    let mut pages = front.pages;
    pages.extend(body);
    Ok(Laid {
        document: PagedDocument::new(pages.into(), front.info),
        tagged,
    })
}

/// Puts its number at the foot of every body page, from pages typeset by `typeset` that print
/// the number alone, each the size of its page: counted from 1, as a body numbered in place.
fn number_pages(
    body: &mut [Page],
    typeset: impl Fn(Vec<NumberPage>) -> Result<Vec<Page>, PdfError>,
) -> Result<(), PdfError> {
    let numbers = body
        .iter()
        .enumerate()
        .map(|(i, page)| NumberPage {
            number: (i + 1).to_string(),
            width: page.frame.width().to_pt(),
            height: page.frame.height().to_pt(),
        })
        .collect();
    let numbered = typeset(numbers)?;
    if numbered.len() != body.len() {
        return Err(PdfError::Typeset(format!(
            "{} page numbers laid out for {} pages",
            numbered.len(),
            body.len()
        )));
    }
    for (page, number) in body.iter_mut().zip(numbered) {
        page.frame
            .push_frame(typst::layout::Point::zero(), number.frame);
    }
    Ok(())
}

/// Drops from `frame` the marks of every element but those in `keep`.
fn strip_tags(
    frame: &mut typst::layout::Frame,
    keep: &std::collections::HashSet<typst::introspection::Location>,
) {
    use typst::layout::FrameItem;
    frame.retain(|item| match item {
        FrameItem::Group(g) => {
            strip_tags(&mut g.frame, keep);
            true
        }
        FrameItem::Tag(t) => keep.contains(&t.location()),
        _ => true,
    });
}
