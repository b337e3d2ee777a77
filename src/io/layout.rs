//! Line layout of the RON file. ron's own pretty printer breaks every struct onto many lines (or,
//! with a depth limit, squeezes whole lists onto one), so a budget line would take five lines and a
//! form's indicator table one endless line. This lays the compact RON out like a careful person
//! would: a bracket group stays on one line when it fits in [`MAX_WIDTH`] columns, otherwise each
//! of its items goes on its own line. The result is a pure function of the value, so saving an
//! unchanged budget reproduces the file byte for byte.

/// Widest line the layout aims for, in display columns (a CJK character counts two).
pub const MAX_WIDTH: usize = 110;
const INDENT: &str = "    ";

#[derive(Debug)]
enum Part {
    Atom(String),
    Colon,
    Group(Group),
}

#[derive(Debug)]
struct Group {
    open: char,
    close: char,
    items: Vec<Vec<Part>>,
}

/// Parses compact RON (as `ron::to_string` writes it) into groups. Strings are kept verbatim.
fn parse(text: &str) -> Option<Vec<Part>> {
    let chars: Vec<char> = text.chars().collect();
    let mut pos = 0;
    let parts = parse_item(&chars, &mut pos)?;
    (pos == chars.len()).then_some(parts)
}

fn parse_item(chars: &[char], pos: &mut usize) -> Option<Vec<Part>> {
    let mut parts = Vec::new();
    while let Some(&c) = chars.get(*pos) {
        match c {
            ',' | ')' | ']' | '}' => break,
            ':' => {
                parts.push(Part::Colon);
                *pos += 1;
            }
            '(' | '[' | '{' => {
                let close = match c {
                    '(' => ')',
                    '[' => ']',
                    _ => '}',
                };
                *pos += 1;
                let mut items = Vec::new();
                loop {
                    if chars.get(*pos) == Some(&close) {
                        *pos += 1;
                        break;
                    }
                    let item = parse_item(chars, pos)?;
                    items.push(item);
                    match chars.get(*pos) {
                        Some(',') => *pos += 1,
                        Some(c2) if *c2 == close => {}
                        _ => return None,
                    }
                }
                parts.push(Part::Group(Group {
                    open: c,
                    close,
                    items,
                }));
            }
            '"' => {
                let start = *pos;
                *pos += 1;
                while let Some(&s) = chars.get(*pos) {
                    *pos += 1;
                    match s {
                        '\\' => *pos += 1,
                        '"' => break,
                        _ => {}
                    }
                }
                parts.push(Part::Atom(chars.get(start..*pos)?.iter().collect()));
            }
            c if c.is_whitespace() => *pos += 1,
            _ => {
                let start = *pos;
                while let Some(&s) = chars.get(*pos) {
                    if matches!(s, ',' | ':' | '(' | ')' | '[' | ']' | '{' | '}' | '"')
                        || s.is_whitespace()
                    {
                        break;
                    }
                    *pos += 1;
                }
                parts.push(Part::Atom(chars.get(start..*pos)?.iter().collect()));
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

fn flat_item(parts: &[Part], out: &mut String) {
    for part in parts {
        match part {
            Part::Atom(a) => out.push_str(a),
            Part::Colon => out.push_str(": "),
            Part::Group(g) => flat_group(g, out),
        }
    }
}

fn flat_group(g: &Group, out: &mut String) {
    out.push(g.open);
    for (i, item) in g.items.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        flat_item(item, out);
    }
    out.push(g.close);
}

/// Writes `parts` starting at `column` (the text already on the current line).
fn layout_item(parts: &[Part], depth: usize, column: usize, out: &mut String) {
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
            Part::Group(g) => {
                layout_group(g, depth, column, out);
                column = out.rsplit('\n').next().map_or(0, width);
            }
        }
    }
}

fn layout_group(g: &Group, depth: usize, column: usize, out: &mut String) {
    let mut flat = String::new();
    flat_group(g, &mut flat);
    // The top level always breaks; inner groups stay on one line when they fit.
    if g.items.is_empty() || (depth > 0 && column + width(&flat) < MAX_WIDTH) {
        out.push_str(&flat);
        return;
    }
    out.push(g.open);
    out.push('\n');
    let inner = INDENT.repeat(depth + 1);
    for item in &g.items {
        out.push_str(&inner);
        layout_item(item, depth + 1, width(&inner), out);
        out.push_str(",\n");
    }
    out.push_str(&INDENT.repeat(depth));
    out.push(g.close);
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
