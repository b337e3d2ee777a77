//! Plain-text rendering of the narrative: how a figure is printed and where the spaces go.

use rust_decimal::Decimal;

use super::{FigureRun, NarrativeDoc, Paragraph, Run, Style, Value};
use crate::model::{Money, MoneyUnit};

fn number(amount: Decimal, style: Style, trim_whole: bool) -> String {
    let money = Money(amount);
    let dp = if trim_whole && amount.round_dp(2).fract().is_zero() {
        0
    } else {
        2
    };
    if style.grouped {
        money.format_grouped(dp)
    } else {
        let rounded = money.round_dp(dp).value();
        format!("{:.*}", dp as usize, rounded)
    }
}

fn unit_label(unit: MoneyUnit, zh: bool) -> &'static str {
    unit.label(zh)
}

/// A figure as printed: number and unit, e.g. `10441.41 万元`, `9,101.68万元`, `563.04%`,
/// `8 个`. Changes print their size (the words around them say 增加 or 减少).
#[must_use]
pub fn figure_text(f: &FigureRun, style: Style, zh: bool) -> String {
    let gap = if style.spaced || !zh { " " } else { "" };
    match &f.value {
        Value::Money(m, unit) => format!(
            "{}{gap}{}",
            number(m.value(), style, f.trim_whole),
            unit_label(*unit, zh)
        ),
        Value::Change(c, unit) => format!(
            "{}{gap}{}",
            number(c.amount.value().abs(), style, f.trim_whole),
            unit_label(*unit, zh)
        ),
        Value::Percent(p) => format!("{}%", number(*p, style, false)),
        Value::ChangePercent(c) => format!(
            "{}%",
            number(c.percent.unwrap_or_default().abs(), style, false)
        ),
        Value::Count(n, (zh_word, en_word)) => {
            if zh {
                format!("{n}{gap}{zh_word}")
            } else if *n == 1 {
                format!("1 {}", singular(en_word))
            } else {
                format!("{n} {en_word}")
            }
        }
        Value::Area(a) => {
            let n = number(*a, style, true);
            if zh {
                format!("{n}{gap}平方米")
            } else {
                format!("{n} m²")
            }
        }
        Value::Number(n) => n.to_string(),
        Value::Year(y) => {
            if zh {
                format!("{y}{gap}年")
            } else {
                y.to_string()
            }
        }
    }
}

fn is_cjk(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
}

/// A paragraph's runs as printed, each with the spaces the style puts around figures: the
/// text of run `i` is `pieces[i]`. Views lay them out one by one (a figure as a link, the
/// officer's text as an editable field); concatenated they are the published paragraph.
#[must_use]
pub fn pieces(p: &Paragraph, style: Style, zh: bool) -> Vec<String> {
    let spaced = zh && style.spaced;
    let mut out: Vec<String> = Vec::with_capacity(p.runs.len());
    let mut last_char: Option<char> = None;
    let mut after_number = false;
    for run in &p.runs {
        let mut piece = String::new();
        match run {
            Run::Figure(f) => {
                let t = figure_text(f, style, zh);
                if spaced && last_char.is_some_and(is_cjk) {
                    piece.push(' ');
                }
                piece.push_str(&t);
                after_number = t.ends_with(|c: char| c.is_ascii_alphanumeric());
            }
            Run::Text(_) | Run::Officer { .. } => {
                let text = match run {
                    Run::Text(w) => w.get(zh),
                    Run::Officer { text, .. } => text.as_str(),
                    Run::Figure(_) => "",
                };
                if spaced && after_number && text.chars().next().is_some_and(is_cjk) {
                    piece.push(' ');
                }
                if !text.is_empty() {
                    after_number = false;
                }
                piece.push_str(text);
            }
        }
        if let Some(c) = piece.chars().next_back() {
            last_char = Some(c);
        }
        out.push(piece);
    }
    out
}

fn paragraph_text(p: &Paragraph, style: Style, zh: bool, out: &mut String) {
    for piece in pieces(p, style, zh) {
        out.push_str(&piece);
    }
}

impl NarrativeDoc {
    /// The whole text as published, in Chinese (`zh`) or English: the title, then each
    /// section's heading and paragraphs, one per line.
    #[must_use]
    pub fn to_text(&self, zh: bool) -> String {
        let mut out = String::new();
        out.push_str(self.title.get(zh));
        out.push('\n');
        for section in &self.sections {
            out.push('\n');
            out.push_str(&section.numbered_heading(self.numbering, zh));
            out.push('\n');
            for p in &section.paragraphs {
                paragraph_text(p, self.style, zh, &mut out);
                out.push('\n');
            }
        }
        out
    }

    /// One paragraph as text (for views that lay out paragraph by paragraph).
    #[must_use]
    pub fn paragraph_to_text(&self, p: &Paragraph, zh: bool) -> String {
        let mut out = String::new();
        paragraph_text(p, self.style, zh, &mut out);
        out
    }
}

/// The singular of an English plural the narrative counts with: `agencies` → `agency`,
/// `vehicles` → `vehicle`, `budget units` → `budget unit`.
fn singular(plural: &str) -> String {
    if let Some(stem) = plural.strip_suffix("ies") {
        format!("{stem}y")
    } else {
        plural.strip_suffix('s').unwrap_or(plural).to_owned()
    }
}
