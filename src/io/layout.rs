//! Line layout of the RON file. ron's own pretty printer breaks every struct onto many lines (or,
//! with a depth limit, squeezes whole lists onto one), so a budget line would take five lines and a
//! form's indicator table one endless line. This lays the compact RON out like a careful person
//! would: a bracket group stays on one line when it fits in [`MAX_WIDTH`] columns, otherwise each
//! of its items goes on its own line. The result is a pure function of the value, so saving an
//! unchanged budget reproduces the file byte for byte.
//!
//! It runs on every save of a budget that may have 100,000 lines, so it borrows slices of the
//! compact text instead of copying them and measures a group's flat width without building it,
//! stopping as soon as the group cannot fit.

/// Widest line the layout aims for, in display columns (a CJK character counts two).
pub const MAX_WIDTH: usize = 110;
const INDENT: &str = "    ";

#[derive(Debug)]
enum Part<'a> {
    Atom(&'a str),
    Colon,
    Group(Group<'a>),
}

#[derive(Debug)]
struct Group<'a> {
    open: char,
    close: char,
    items: Vec<Vec<Part<'a>>>,
}

/// Parses compact RON (as `ron::to_string` writes it) into groups. Strings are kept verbatim.
fn parse(text: &str) -> Option<Vec<Part<'_>>> {
    let mut pos = 0;
    let parts = parse_item(text, &mut pos)?;
    (pos == text.len()).then_some(parts)
}

fn parse_item<'a>(text: &'a str, pos: &mut usize) -> Option<Vec<Part<'a>>> {
    let bytes = text.as_bytes();
    let mut parts = Vec::new();
    while let Some(&c) = bytes.get(*pos) {
        match c {
            b',' | b')' | b']' | b'}' => break,
            b':' => {
                parts.push(Part::Colon);
                *pos += 1;
            }
            b'(' | b'[' | b'{' => {
                let close = match c {
                    b'(' => b')',
                    b'[' => b']',
                    _ => b'}',
                };
                *pos += 1;
                let mut items = Vec::new();
                loop {
                    if bytes.get(*pos) == Some(&close) {
                        *pos += 1;
                        break;
                    }
                    items.push(parse_item(text, pos)?);
                    match bytes.get(*pos) {
                        Some(b',') => *pos += 1,
                        Some(c2) if *c2 == close => {}
                        _ => return None,
                    }
                }
                parts.push(Part::Group(Group {
                    open: char::from(c),
                    close: char::from(close),
                    items,
                }));
            }
            b'"' => {
                let start = *pos;
                *pos += 1;
                while let Some(&s) = bytes.get(*pos) {
                    *pos += 1;
                    match s {
                        b'\\' => *pos += 1,
                        b'"' => break,
                        _ => {}
                    }
                }
                parts.push(Part::Atom(text.get(start..*pos)?));
            }
            c if c.is_ascii_whitespace() => *pos += 1,
            _ => {
                let start = *pos;
                while let Some(&s) = bytes.get(*pos) {
                    if matches!(
                        s,
                        b',' | b':' | b'(' | b')' | b'[' | b']' | b'{' | b'}' | b'"'
                    ) || s.is_ascii_whitespace()
                    {
                        break;
                    }
                    *pos += 1;
                }
                parts.push(Part::Atom(text.get(start..*pos)?));
            }
        }
    }
    Some(parts)
}

fn width(text: &str) -> usize {
    text.chars()
        .map(|c| if (c as u32) >= 0x1100 { 2 } else { 1 })
        .sum()
}

/// Flat width of an item, or `None` once it exceeds `limit`.
fn item_width(parts: &[Part<'_>], limit: usize) -> Option<usize> {
    let mut w = 0;
    for part in parts {
        w += match part {
            Part::Atom(a) => width(a),
            Part::Colon => 2,
            Part::Group(g) => group_width(g, limit.checked_sub(w)?)?,
        };
        if w > limit {
            return None;
        }
    }
    Some(w)
}

/// Flat width of a group, or `None` once it exceeds `limit`.
fn group_width(g: &Group<'_>, limit: usize) -> Option<usize> {
    let mut w = 2;
    for (i, item) in g.items.iter().enumerate() {
        if i > 0 {
            w += 2;
        }
        w += item_width(item, limit.checked_sub(w)?)?;
        if w > limit {
            return None;
        }
    }
    Some(w)
}

fn flat_item(parts: &[Part<'_>], out: &mut String) {
    for part in parts {
        match part {
            Part::Atom(a) => out.push_str(a),
            Part::Colon => out.push_str(": "),
            Part::Group(g) => flat_group(g, out),
        }
    }
}

fn flat_group(g: &Group<'_>, out: &mut String) {
    out.push(g.open);
    for (i, item) in g.items.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        flat_item(item, out);
    }
    out.push(g.close);
}

/// Writes `parts` starting at `column` (the text already on the current line); returns the
/// column where it ended.
fn layout_item(parts: &[Part<'_>], depth: usize, column: usize, out: &mut String) -> usize {
    let mut column = column;
    for part in parts {
        match part {
            Part::Atom(a) => {
                out.push_str(a);
                column += width(a);
            }
            Part::Colon => {
                out.push_str(": ");
                column += 2;
            }
            Part::Group(g) => column = layout_group(g, depth, column, out),
        }
    }
    column
}

fn layout_group(g: &Group<'_>, depth: usize, column: usize, out: &mut String) -> usize {
    // The top level always breaks; inner groups stay on one line when they fit.
    let fits = depth > 0
        && MAX_WIDTH
            .checked_sub(column + 1)
            .and_then(|room| group_width(g, room))
            .is_some();
    if g.items.is_empty() || fits {
        let before = out.len();
        flat_group(g, out);
        return column + out.get(before..).map_or(0, width);
    }
    out.push(g.open);
    out.push('\n');
    let inner = INDENT.repeat(depth + 1);
    let inner_width = inner.len();
    for item in &g.items {
        out.push_str(&inner);
        layout_item(item, depth + 1, inner_width, out);
        out.push_str(",\n");
    }
    for _ in 0..depth {
        out.push_str(INDENT);
    }
    out.push(g.close);
    INDENT.len() * depth + 1
}

/// Lays compact RON out in lines; `None` if the text is not the compact RON this module expects.
#[must_use]
pub fn layout(compact: &str) -> Option<String> {
    let parts = parse(compact)?;
    let mut out = String::with_capacity(compact.len() * 5 / 4);
    layout_item(&parts, 0, 0, &mut out);
    out.push('\n');
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_groups_stay_on_one_line_long_ones_break() {
        let compact = r#"(a:1,lines:[(code:"208",name:"社会保障和就业支出"),(code:"20805",name:"x",note:"a \"quoted\", comma: here")],empty:[],s:Some("1"))"#;
        let text = layout(compact).unwrap();
        assert_eq!(
            text,
            "(\n    a: 1,\n    lines: [\n        (code: \"208\", name: \"社会保障和就业支出\"),\n        (code: \"20805\", name: \"x\", note: \"a \\\"quoted\\\", comma: here\"),\n    ],\n    empty: [],\n    s: Some(\"1\"),\n)\n"
        );
    }

    #[test]
    fn a_too_wide_item_breaks_its_own_fields() {
        let long = "长".repeat(60);
        let compact = format!(r#"(lines:[(code:"215",note:"{long}")])"#);
        let text = layout(&compact).unwrap();
        assert!(
            text.contains("        (\n            code: \"215\",\n"),
            "{text}"
        );
    }
}
