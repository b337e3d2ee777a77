//! The merged ranges of an `.xlsx` sheet, found without parsing its cells.
//!
//! A sheet's `<mergeCells>` come after all its cells, so calamine finds them by parsing the whole
//! sheet as XML again — for a 100,000-row table, as long as reading its cells. Here the sheet's
//! part is inflated, the end of its cell data found by a byte search, and only what follows is
//! parsed. Which part holds which sheet is read from the package's relationships, as calamine
//! reads them. Anything unusual gives `None`, and the caller asks calamine instead.

use std::collections::HashMap;
use std::io::{Cursor, Read};
use std::sync::Arc;

use quick_xml::events::{BytesStart, Event};
use quick_xml::{Reader, XmlVersion};
use zip::ZipArchive;

/// A merged range: first row, first column, last row, last column (0-based).
pub(super) type Merge = (u32, u32, u32, u32);

/// An `.xlsx` package opened for its sheets' merged ranges.
pub(super) struct Parts {
    zip: ZipArchive<Cursor<Arc<[u8]>>>,
    /// The part of each sheet, by the sheet's name.
    sheets: HashMap<String, String>,
}

impl Parts {
    /// Opens the package in `bytes`; `None` when its relationships are not the usual ones.
    pub(super) fn open(bytes: Arc<[u8]>) -> Option<Self> {
        let mut zip = ZipArchive::new(Cursor::new(bytes)).ok()?;
        let root = relationships(&read_part(&mut zip, "_rels/.rels")?)?;
        let workbook = root
            .iter()
            .find(|(_, (kind, _))| kind.ends_with("/officeDocument"))
            .map(|(_, (_, target))| resolve("", target))?;
        let (folder, file) = workbook.rsplit_once('/').unwrap_or(("", &workbook));
        let rels_path = if folder.is_empty() {
            format!("_rels/{file}.rels")
        } else {
            format!("{folder}/_rels/{file}.rels")
        };
        let rels = relationships(&read_part(&mut zip, &rels_path)?)?;
        let mut sheets = HashMap::new();
        let xml = read_part(&mut zip, &workbook)?;
        let mut reader = Reader::from_reader(xml.as_slice());
        loop {
            match reader.read_event().ok()? {
                Event::Empty(e) | Event::Start(e) if e.local_name().as_ref() == "sheet" => {
                    let name = attribute(&e, "name")?;
                    let id = attribute(&e, "id")?;
                    let (_, target) = rels.get(&id)?;
                    sheets.insert(name, resolve(folder, target));
                }
                Event::Eof => break,
                _ => {}
            }
        }
        Some(Parts { zip, sheets })
    }

    /// The merged ranges of the sheet named `name`.
    pub(super) fn merges(&mut self, name: &str) -> Option<Vec<Merge>> {
        let path = self.sheets.get(name)?;
        let xml = tail_after(&mut self.zip, path, b"sheetData")?;
        // The tail starts at the last mention of `sheetData`, its end tag (or its empty tag): it
        // follows every cell, so a cell's text that mentions it comes before.
        let after = xml.iter().position(|&b| b == b'>')? + 1;
        let mut reader = Reader::from_reader(xml.get(after..)?);
        // What follows closes the elements opened before it.
        reader.config_mut().allow_unmatched_ends = true;
        let mut merges = Vec::new();
        loop {
            match reader.read_event().ok()? {
                Event::Empty(e) | Event::Start(e) if e.local_name().as_ref() == "mergeCell" => {
                    merges.push(range(&attribute(&e, "ref")?)?);
                }
                Event::Eof => break,
                _ => {}
            }
        }
        Some(merges)
    }
}

/// A part of the package, inflated; `None` when it is missing or cannot be read.
fn read_part(zip: &mut ZipArchive<Cursor<Arc<[u8]>>>, path: &str) -> Option<Vec<u8>> {
    let mut file = zip.by_name(path).ok()?;
    // The size a package states is only a claim: room for up to a megabyte is made up front.
    let stated = usize::try_from(file.size()).unwrap_or(0);
    let mut bytes = Vec::with_capacity(stated.min(1 << 20));
    file.read_to_end(&mut bytes).ok()?;
    Some(bytes)
}

/// A part from the last place `mark` occurs on, inflated a piece at a time so that only the
/// end of a long sheet is ever held; `None` when the part is missing, unreadable, or lacks `mark`.
fn tail_after(zip: &mut ZipArchive<Cursor<Arc<[u8]>>>, path: &str, mark: &[u8]) -> Option<Vec<u8>> {
    const PIECE: usize = 1 << 16;
    let mut file = zip.by_name(path).ok()?;
    let finder = memchr::memmem::FinderRev::new(mark);
    let mut tail: Vec<u8> = Vec::with_capacity(2 * PIECE);
    let mut found = false;
    loop {
        // Searched from where a mark cut by the last piece could begin.
        let from = tail.len().saturating_sub(mark.len() - 1);
        let end = tail.len();
        tail.resize(end + PIECE, 0);
        let n = file.read(tail.get_mut(end..)?).ok()?;
        tail.truncate(end + n);
        if n == 0 {
            break;
        }
        if let Some(at) = finder.rfind(tail.get(from..)?) {
            tail.drain(..from + at);
            found = true;
        } else if !found {
            tail.drain(..tail.len().saturating_sub(mark.len() - 1));
        }
    }
    found.then_some(tail)
}

/// A relationships part: target and type by id.
fn relationships(xml: &[u8]) -> Option<HashMap<String, (String, String)>> {
    let mut reader = Reader::from_reader(xml);
    let mut rels = HashMap::new();
    loop {
        match reader.read_event().ok()? {
            Event::Empty(e) | Event::Start(e) if e.local_name().as_ref() == "Relationship" => {
                let id = attribute(&e, "Id")?;
                let kind = attribute(&e, "Type")?;
                let target = attribute(&e, "Target")?;
                rels.insert(id, (kind, target));
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Some(rels)
}

/// The value of the attribute whose local name is `key`.
fn attribute(e: &BytesStart<'_>, key: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == key)
        .and_then(|a| a.normalized_value(XmlVersion::Implicit1_0).ok())
        .map(|v| v.into_owned())
}

/// `target` as a path in the package: absolute (`/xl/…`) or relative to `folder`, with `..`.
fn resolve(folder: &str, target: &str) -> String {
    let mut parts: Vec<&str> = if target.starts_with('/') {
        Vec::new()
    } else {
        folder.split('/').filter(|p| !p.is_empty()).collect()
    };
    for part in target.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            _ => parts.push(part),
        }
    }
    parts.join("/")
}

/// `B3:D4` (or a lone `B3`) as 0-based first row and column, last row and column.
fn range(text: &str) -> Option<Merge> {
    let (first, last) = text.split_once(':').unwrap_or((text, text));
    let (r0, c0) = cell(first)?;
    let (r1, c1) = cell(last)?;
    Some((r0, c0, r1, c1))
}

/// `AB12` as 0-based row and column; `$` signs are allowed.
fn cell(text: &str) -> Option<(u32, u32)> {
    let text = text.trim().replace('$', "");
    let digits = text.find(|c: char| c.is_ascii_digit())?;
    let (letters, number) = text.split_at(digits);
    if letters.is_empty() || !letters.bytes().all(|b| b.is_ascii_uppercase()) {
        return None;
    }
    let col = letters.bytes().try_fold(0_u32, |n, b| {
        n.checked_mul(26)?.checked_add(u32::from(b - b'A') + 1)
    })?;
    let row: u32 = number.parse().ok()?;
    Some((row.checked_sub(1)?, col - 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_read_as_rows_and_columns() {
        assert_eq!(range("A1:H1"), Some((0, 0, 0, 7)));
        assert_eq!(range("$B$3:D4"), Some((2, 1, 3, 3)));
        assert_eq!(range("AA10"), Some((9, 26, 9, 26)));
        assert_eq!(range("A0"), None);
        assert_eq!(range("1A"), None);
        assert_eq!(range("a1"), None);
    }

    #[test]
    fn the_tail_starts_at_the_last_mark_wherever_the_pieces_cut() {
        for cut in [65_530, 65_532, 65_536, 65_540, 200_000] {
            let mut text = vec![b'x'; cut];
            text.extend_from_slice(b"sheetData>rest");
            text.extend(std::iter::repeat_n(b'y', 70_000));
            let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
            zip.start_file("part.xml", zip::write::SimpleFileOptions::default())
                .unwrap();
            std::io::Write::write_all(&mut zip, &text).unwrap();
            let bytes: Arc<[u8]> = zip.finish().unwrap().into_inner().into();
            let mut zip = ZipArchive::new(Cursor::new(bytes)).unwrap();
            let tail = tail_after(&mut zip, "part.xml", b"sheetData").unwrap();
            assert_eq!(tail, text[cut..], "{cut}");
            assert!(tail_after(&mut zip, "part.xml", b"mergeCells").is_none());
        }
    }

    #[test]
    fn targets_resolve_against_their_folder() {
        assert_eq!(
            resolve("xl", "worksheets/sheet1.xml"),
            "xl/worksheets/sheet1.xml"
        );
        assert_eq!(resolve("xl", "/xl/worksheets/s.xml"), "xl/worksheets/s.xml");
        assert_eq!(
            resolve("xl/sub", "../worksheets/s.xml"),
            "xl/worksheets/s.xml"
        );
        assert_eq!(resolve("", "xl/workbook.xml"), "xl/workbook.xml");
    }
}
