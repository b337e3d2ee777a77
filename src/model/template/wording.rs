//! A paragraph's wording as a template states it: a pattern of words around named figures
//! (`{year}年度预算收入{total}，主要包括{sources}。`). Each narrative outline offers a fixed set of
//! paragraphs, each with the figures it may use; a figure is a value with its unit and its link
//! to a table, or a phrase that comes and goes with the figures (`{change}` prints
//! `，比上年增加 5.00 万元，增长 3.20%`, `，与上年持平` or nothing when there is no last year), or
//! the officer's text (`{reason}`). A template rewords a paragraph by its id; a paragraph it does
//! not reword keeps the outline's own words. A figure name that does not exist is refused when
//! the template is loaded, with the names that do.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use super::NarrativeOutline;

/// One paragraph's wording in a template.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Wording {
    /// The paragraph's id (see [`PARAGRAPHS`]).
    pub paragraph: String,
    /// The Chinese pattern.
    pub zh: String,
    /// The English pattern. When left out, the English keeps the outline's own words, which
    /// needs the Chinese pattern to use the paragraph's figures in their usual order.
    #[serde(default)]
    pub en: Option<String>,
    /// How the paragraph's changes are phrased, by figure, where the outline's own phrasing
    /// does not fit.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub changes: Vec<ChangePhrasing>,
}

/// How a year-on-year change is phrased: `比上年增加 5 万元，增长 3.20%`, `较2024年减少 5 万元`,
/// `与上年持平`. `{last}` stands for last year.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChangePhrasing {
    /// The figure (a change of the paragraph, such as `change` or `fiscal_change`).
    pub figure: String,
    /// What it is compared with, before 增加 / 减少 / 新增: `比上年`, `较{last}年`, `比{last}年预算`.
    pub than: String,
    /// A figure that did not change: `与上年持平`, `与{last}年相同`.
    pub same: String,
    /// The English comparison (`on last year`, `on {last}'s budget`); the outline's own when
    /// left out.
    #[serde(default)]
    pub than_en: Option<String>,
    /// The percent follows the amount: `，增加 3.20%`.
    pub percent: bool,
    /// The word for a figure that was zero last year, after `than` (`新增` when left out;
    /// 万里街道 2024 writes `比2023年预算增加25万元`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub new: Option<String>,
}

/// A pattern split at its figures: `texts` has one entry more than `figures`, the words before
/// each figure and after the last. The words borrow from the pattern where they hold no brace.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Pattern<'a> {
    /// The words between the figures.
    pub texts: Vec<Cow<'a, str>>,
    /// The figures' names, in order.
    pub figures: Vec<&'a str>,
}

/// Splits `pattern` at its `{name}`s; `{{` and `}}` stand for braces.
///
/// # Errors
/// A brace left open or closed alone, or a name that is not lower-case letters, digits and `_`,
/// as words of both languages.
pub fn parse(pattern: &str) -> Result<Pattern<'_>, (String, String)> {
    let mut out = Pattern::default();
    let bytes = pattern.as_bytes();
    // The words since the last figure: borrowed from `start` until an escaped brace makes them
    // owned.
    let mut start = 0;
    let mut owned: Option<String> = None;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b @ (b'{' | b'}') if bytes.get(i + 1) == Some(&b) => {
                let text = owned.get_or_insert_with(String::new);
                text.push_str(&pattern[start..i]);
                text.push(char::from(b));
                i += 2;
                start = i;
            }
            b'{' => {
                let rest = &pattern[i + 1..];
                let end = rest.find('}');
                let name = &rest[..end.unwrap_or(rest.len())];
                if let Some(c) = name
                    .chars()
                    .find(|c| !(c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '_'))
                {
                    let before = &name[..name.find(c).unwrap_or(0)];
                    return Err((
                        format!("「{{{before}{c}」不是数字名称（小写字母、数字和 _）"),
                        format!("\"{{{before}{c}\" is not a figure's name (a-z, 0-9, _)"),
                    ));
                }
                let Some(end) = end else {
                    return Err((
                        format!("「{{{name}」缺少 }}"),
                        format!("\"{{{name}\" lacks its }}"),
                    ));
                };
                if name.is_empty() {
                    return Err(("「{}」没有名称".into(), "\"{}\" names nothing".into()));
                }
                let words = match owned.take() {
                    Some(mut text) => {
                        text.push_str(&pattern[start..i]);
                        Cow::Owned(text)
                    }
                    None => Cow::Borrowed(&pattern[start..i]),
                };
                out.texts.push(words);
                out.figures.push(name);
                i += end + 2;
                start = i;
            }
            b'}' => {
                return Err((
                    "单独的 }（括号请写作 }}）".into(),
                    "a } alone (write }} for a brace)".into(),
                ));
            }
            _ => i += 1,
        }
    }
    out.texts.push(match owned {
        Some(mut text) => {
            text.push_str(&pattern[start..]);
            Cow::Owned(text)
        }
        None => Cow::Borrowed(&pattern[start..]),
    });
    Ok(out)
}

/// A paragraph an outline writes, and its figures in the order its own words use them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ParagraphSpec {
    /// The outline that writes it.
    pub outline: NarrativeOutline,
    /// Its id.
    pub id: &'static str,
    /// The figures, in order (a name may come twice).
    pub figures: &'static [&'static str],
}

impl ParagraphSpec {
    /// Each figure name once.
    #[must_use]
    pub fn names(&self) -> Vec<&'static str> {
        let mut names: Vec<&'static str> = Vec::new();
        for f in self.figures {
            if !names.contains(f) {
                names.push(f);
            }
        }
        names
    }
}

/// The paragraphs of every outline.
pub const PARAGRAPHS: &[ParagraphSpec] = &[
    // 一 … 十二, the national guidance's twelve sections.
    twelve(
        "totals",
        &[
            "year",
            "total",
            "this_year",
            "carried",
            "income_change",
            "income_reason",
            "total",
            "this_year",
            "carried",
            "expenditure_change",
            "expenditure_reason",
        ],
    ),
    twelve("income", &["year", "total", "sources"]),
    twelve(
        "expenditure",
        &[
            "year",
            "total",
            "basic",
            "basic_share",
            "project",
            "project_share",
        ],
    ),
    twelve(
        "fiscal",
        &[
            "year",
            "fiscal",
            "general_public",
            "government_fund",
            "state_capital",
            "fiscal",
            "carried",
            "classes",
        ],
    ),
    twelve(
        "general_public_scale",
        &["year", "general_public", "change"],
    ),
    twelve(
        "general_public_structure",
        &["year", "general_public", "classes"],
    ),
    twelve(
        "basic",
        &[
            "year",
            "basic",
            "staff",
            "staff_items",
            "running",
            "running_items",
        ],
    ),
    twelve(
        "sangong",
        &["department", "year", "total", "change", "items", "reason"],
    ),
    twelve(
        "operating",
        &["year", "agencies", "operating", "change", "reason"],
    ),
    twelve("procurement", &["year", "department", "procurement"]),
    twelve("project_unit", &["year", "unit", "projects", "funds"]),
    twelve("vehicles", &["vehicles"]),
    twelve("office_area", &["office_area"]),
    twelve("no_other", &[]),
    // The 编制说明 and 其他相关情况说明.
    notes(
        "income_plan",
        &[
            "year",
            "department",
            "total",
            "fiscal",
            "fiscal_change",
            "others",
        ],
    ),
    notes(
        "expenditure_plan",
        &["total", "fiscal", "fiscal_change", "funds"],
    ),
    notes("items_intro", &[]),
    notes(
        "item",
        &["number", "name", "amount", "purpose", "execution", "reason"],
    ),
    notes("sangong_heading", &["year"]),
    notes("sangong_total", &["year", "total", "change"]),
    notes("sangong_abroad", &["abroad", "abroad_change", "reason"]),
    notes(
        "sangong_vehicles",
        &[
            "vehicles",
            "vehicles_change",
            "vehicles_reason",
            "purchase",
            "purchase_change",
            "purchase_reason",
            "running",
            "running_change",
            "running_reason",
        ],
    ),
    notes(
        "sangong_reception",
        &[
            "reception",
            "reception_change",
            "reception_reason",
            "reason",
        ],
    ),
    notes(
        "operating_costs",
        &[
            "year",
            "department",
            "agencies",
            "institutions",
            "operating",
            "change",
            "reason",
        ],
    ),
    notes("operating_none", &["year", "department"]),
    notes("procurement_total", &["year", "procurement"]),
    notes("procurement_sme", &["year", "reserved", "small_micro"]),
    notes("performance_units", &["units", "year", "projects", "funds"]),
    notes(
        "vehicles_held",
        &["as_of", "department", "vehicles", "kinds", "equipment"],
    ),
    notes(
        "vehicles_planned",
        &["year", "vehicles", "kinds", "equipment"],
    ),
];

const fn twelve(id: &'static str, figures: &'static [&'static str]) -> ParagraphSpec {
    ParagraphSpec {
        outline: NarrativeOutline::TwelveSections,
        id,
        figures,
    }
}

const fn notes(id: &'static str, figures: &'static [&'static str]) -> ParagraphSpec {
    ParagraphSpec {
        outline: NarrativeOutline::ExplanationAndOtherNotes,
        id,
        figures,
    }
}

/// The paragraph `id` of `outline`.
#[must_use]
pub fn spec(outline: NarrativeOutline, id: &str) -> Option<&'static ParagraphSpec> {
    PARAGRAPHS
        .iter()
        .find(|p| p.outline == outline && p.id == id)
}

/// Checks a template's wordings against its outline, as words of both languages.
///
/// # Errors
/// A paragraph the outline lacks (with the ids it has), a pattern that does not parse, a figure
/// the paragraph lacks (with the names it has), a paragraph reworded twice, or English left out
/// where the Chinese moves the figures.
pub fn check(outline: NarrativeOutline, wordings: &[Wording]) -> Result<(), (String, String)> {
    for (i, w) in wordings.iter().enumerate() {
        let Some(spec) = spec(outline, &w.paragraph) else {
            let known: Vec<&str> = PARAGRAPHS
                .iter()
                .filter(|p| p.outline == outline)
                .map(|p| p.id)
                .collect();
            let known = known.join(", ");
            return Err((
                format!("没有段落 {}；此提纲的段落：{known}", w.paragraph),
                format!(
                    "no paragraph is called {}; this outline's paragraphs: {known}",
                    w.paragraph
                ),
            ));
        };
        if wordings[..i].iter().any(|o| o.paragraph == w.paragraph) {
            return Err((
                format!("段落 {} 的措辞写了两次", w.paragraph),
                format!("paragraph {} is worded twice", w.paragraph),
            ));
        }
        let names = spec.names();
        for c in &w.changes {
            if !names.contains(&c.figure.as_str()) {
                return Err((
                    format!(
                        "段落 {} 的 changes 中没有数字 {}；可用：{}",
                        w.paragraph,
                        c.figure,
                        names.join(", ")
                    ),
                    format!(
                        "paragraph {}: changes name no figure {}; its figures are: {}",
                        w.paragraph,
                        c.figure,
                        names.join(", ")
                    ),
                ));
            }
            let texts = [Some(&c.than), Some(&c.same), c.than_en.as_ref()];
            if let Some(bad) = texts
                .into_iter()
                .flatten()
                .flat_map(|t| parse(t).map(|p| p.figures).unwrap_or_else(|_| vec!["{"]))
                .find(|f| *f != "last")
            {
                return Err((
                    format!(
                        "段落 {} 的 changes 只能用 {{last}}，而不是 {bad}",
                        w.paragraph
                    ),
                    format!(
                        "paragraph {}: a change's words may use {{last}} only, not {bad}",
                        w.paragraph
                    ),
                ));
            }
        }
        if let Some(en) = &w.en {
            fn figures(t: &str) -> Vec<&str> {
                parse(t).map(|p| p.figures).unwrap_or_default()
            }
            if figures(en) != figures(&w.zh) {
                return Err((
                    format!(
                        "段落 {} 的 en 须与 zh 用同样的数字、同样的顺序",
                        w.paragraph
                    ),
                    format!(
                        "paragraph {}: en must use the same figures as zh, in the same order",
                        w.paragraph
                    ),
                ));
            }
        }
        let mut patterns = vec![("zh", &w.zh)];
        if let Some(en) = &w.en {
            patterns.push(("en", en));
        }
        for (lang, text) in patterns {
            let pattern = parse(text).map_err(|(zh, en)| {
                (
                    format!("段落 {} 的 {lang}：{zh}", w.paragraph),
                    format!("paragraph {}, {lang}: {en}", w.paragraph),
                )
            })?;
            if let Some(bad) = pattern.figures.iter().find(|f| !names.contains(f)) {
                let known = if names.is_empty() {
                    "—".to_owned()
                } else {
                    names.join(", ")
                };
                return Err((
                    format!("段落 {} 中的 {{{bad}}} 不存在；可用：{known}", w.paragraph),
                    format!(
                        "paragraph {} has no figure named {bad}; its figures are: {known}",
                        w.paragraph
                    ),
                ));
            }
            if lang == "zh" && w.en.is_none() && pattern.figures != spec.figures {
                return Err((
                    format!("段落 {} 改变了数字的顺序或个数，须同时写出 en", w.paragraph),
                    format!(
                        "paragraph {} moves, adds or drops figures, so it needs its en wording too (its usual order: {})",
                        w.paragraph,
                        spec.figures.join(", ")
                    ),
                ));
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pattern_splits_at_its_figures() {
        let p = parse("{year}年度预算收入{total}，主要包括{sources}。").unwrap();
        assert_eq!(p.figures, ["year", "total", "sources"]);
        assert_eq!(p.texts, ["", "年度预算收入", "，主要包括", "。"]);
        let p = parse("见 {{附件}}").unwrap();
        assert!(p.figures.is_empty());
        assert_eq!(p.texts, ["见 {附件}"]);
    }

    #[test]
    fn a_bad_pattern_says_what_is_wrong() {
        for (bad, says) in [
            ("{total", "lacks its }"),
            ("a } b", "a } alone"),
            ("{Total}", "not a figure's name"),
            ("{}", "names nothing"),
        ] {
            let (_, en) = parse(bad).unwrap_err();
            assert!(en.contains(says), "{bad}: {en}");
        }
    }

    fn wording(paragraph: &str, zh: &str, en: Option<&str>) -> Wording {
        Wording {
            paragraph: paragraph.into(),
            zh: zh.into(),
            en: en.map(str::to_owned),
            changes: Vec::new(),
        }
    }

    #[test]
    fn a_change_is_phrased_for_a_figure_the_paragraph_has_with_last_year_only() {
        let outline = NarrativeOutline::ExplanationAndOtherNotes;
        let mut w = wording(
            "sangong_total",
            "{year}“三公”经费预算数为{total}{change}。其中：",
            None,
        );
        w.changes.push(ChangePhrasing {
            figure: "change".into(),
            than: "较{last}年".into(),
            same: "与{last}年相同".into(),
            than_en: None,
            percent: true,
            new: None,
        });
        assert_eq!(check(outline, std::slice::from_ref(&w)), Ok(()));
        w.changes[0].figure = "total_change".into();
        let (_, en) = check(outline, std::slice::from_ref(&w)).unwrap_err();
        assert!(en.contains("no figure total_change"), "{en}");
        w.changes[0].figure = "change".into();
        w.changes[0].same = "与{year}年相同".into();
        let (_, en) = check(outline, std::slice::from_ref(&w)).unwrap_err();
        assert!(en.contains("{last} only, not year"), "{en}");
    }

    #[test]
    fn an_unknown_figure_lists_the_names_there_are() {
        let outline = NarrativeOutline::TwelveSections;
        let (zh, en) = check(
            outline,
            &[wording("income", "{year}年收入{totl}{sources}", None)],
        )
        .unwrap_err();
        assert!(en.contains("no figure named totl"), "{en}");
        assert!(en.contains("year, total, sources"), "{en}");
        assert!(zh.contains("{totl} 不存在"), "{zh}");
    }

    #[test]
    fn an_unknown_paragraph_lists_the_outlines_paragraphs() {
        let outline = NarrativeOutline::ExplanationAndOtherNotes;
        let (_, en) = check(outline, &[wording("income", "x", None)]).unwrap_err();
        assert!(en.contains("no paragraph is called income"), "{en}");
        assert!(en.contains("income_plan"), "{en}");
        assert!(!en.contains("general_public_scale"), "{en}");
    }

    #[test]
    fn english_is_needed_only_where_the_figures_move() {
        let outline = NarrativeOutline::TwelveSections;
        let same = wording("income", "{year}年，收入共{total}：{sources}。", None);
        assert_eq!(check(outline, &[same]), Ok(()));
        let moved = wording("income", "收入{total}（{year}年）{sources}", None);
        let (_, en) = check(outline, std::slice::from_ref(&moved)).unwrap_err();
        assert!(en.contains("needs its en wording"), "{en}");
        let both = Wording {
            en: Some("Income {total} ({year}): {sources}".into()),
            ..moved.clone()
        };
        assert_eq!(check(outline, &[both]), Ok(()));
        let crossed = Wording {
            en: Some("In {year}, income {total}: {sources}".into()),
            ..moved
        };
        assert!(
            check(outline, &[crossed])
                .unwrap_err()
                .1
                .contains("same order")
        );
        let twice = [
            wording("income", "{year}{total}{sources}", None),
            wording("income", "{year}{total}{sources}", None),
        ];
        assert!(check(outline, &twice).unwrap_err().1.contains("twice"));
    }

    #[test]
    fn the_template_guide_lists_every_paragraph_and_its_figures() {
        let guide = include_str!("../../../docs/templates.md");
        for p in PARAGRAPHS {
            let names: Vec<String> = p.names().iter().map(|n| format!("`{n}`")).collect();
            let names = if names.is_empty() {
                "—".to_owned()
            } else {
                names.join(", ")
            };
            let row = format!("| `{}` | {names} |", p.id);
            assert!(guide.contains(&row), "{row}");
        }
    }
}
