//! A template's own words for a paragraph, put around the figures the outline derived: the
//! figures keep their values, units and links; only the words between them change.

use std::borrow::Cow;
use std::cell::Cell;

use super::{ChangeWords, Link, Para, Paragraph, Run, Words, common::Ctx};
use crate::calc::Change;
use crate::model::MoneyUnit;
use crate::model::template::Template;
use crate::model::template::wording::{ChangePhrasing, Pattern, parse};

/// A template's wordings, parsed once per narrative. The words borrow from the template,
/// which lives as long as the program.
pub(super) struct Wordings(Vec<Entry>);

struct Entry {
    id: &'static str,
    /// The patterns as written.
    zh_text: &'static str,
    en_text: Option<&'static str>,
    zh: Pattern<'static>,
    en: Option<Pattern<'static>>,
    /// How its changes are phrased, by figure.
    changes: &'static [ChangePhrasing],
    /// Whether the wording is the outline's own, found at the paragraph's first writing: a
    /// template that states the outline's words (the built-in ones do, to show them) then
    /// costs nothing over one that states none.
    own: Cell<Option<bool>>,
}

impl Wordings {
    pub fn of(template: &'static Template) -> Wordings {
        // A template's wordings were checked when it was loaded; one that no longer parses
        // leaves its paragraph in the outline's words.
        Wordings(
            template
                .narrative
                .wording
                .iter()
                .filter_map(|w| {
                    let zh = parse(&w.zh).ok()?;
                    let en = match &w.en {
                        Some(en) => Some(parse(en).ok()?),
                        None => None,
                    };
                    Some(Entry {
                        id: w.paragraph.as_str(),
                        zh_text: w.zh.as_str(),
                        en_text: w.en.as_deref(),
                        zh,
                        en,
                        changes: w.changes.as_slice(),
                        own: Cell::new(None),
                    })
                })
                .collect(),
        )
    }
}

impl Ctx<'_> {
    /// Writes `change` into `p` in the phrasing the template gives the figure being written, or
    /// in `own`, the outline's.
    pub fn change(
        &self,
        p: &mut Para,
        change: Change,
        unit: MoneyUnit,
        own: &ChangeWords,
        link: Option<&Link>,
        trim_whole: bool,
    ) {
        let phrasing = p.id.zip(p.slot_now).and_then(|(id, figure)| {
            let entry = self.wordings.0.iter().find(|e| e.id == id)?;
            entry.changes.iter().find(|c| c.figure == figure)
        });
        let Some(c) = phrasing else {
            p.change(change, unit, own, link, trim_whole);
            return;
        };
        let last = self.year.saturating_sub(1).to_string();
        let fill = |t: &str| {
            t.replace("{last}", &last)
                .replace("{{", "{")
                .replace("}}", "}")
        };
        if let Some(new) = &c.new
            && change.last_year.is_zero()
            && !change.this_year.is_zero()
        {
            // Zero last year: the template's word instead of 新增, then the amount.
            p.s(format!("{}{}", fill(&c.than), fill(new)), "new, ");
            p.fig(
                super::Value::Change(Box::new(change), unit),
                link.cloned(),
                trim_whole,
            );
            return;
        }
        let words = ChangeWords {
            than_zh: fill(&c.than),
            same_zh: fill(&c.same),
            than_en: c
                .than_en
                .as_deref()
                .map_or_else(|| own.than_en.clone(), fill),
            percent: c.percent,
        };
        p.change(change, unit, &words, link, trim_whole);
    }

    /// The paragraph `p` as printed: in the template's words where it has its own for `p`'s id.
    pub fn done(&self, p: &mut Para) -> Paragraph {
        #[cfg(test)]
        if let Some(id) = p.id {
            self.seen.borrow_mut().push((
                id,
                p.marks.iter().map(|m| m.0).collect(),
                own_pattern(p),
            ));
        }
        let at = *p.wording.get_or_insert_with(|| {
            let id = p.id?;
            self.wordings.0.iter().position(|e| e.id == id)
        });
        let entry = at.and_then(|i| self.wordings.0.get(i));
        if let Some(e) = entry {
            let own = e.own.get().unwrap_or_else(|| {
                let (zh, en) = own_pattern(p);
                let own = e.zh_text == zh && e.en_text.is_none_or(|e| e == en);
                e.own.set(Some(own));
                own
            });
            if !own {
                return reword(p, &e.zh, e.en.as_ref());
            }
        }
        p.marks.clear();
        p.done()
    }
}

/// `p`'s figures in `zh`'s words and order, with `en`'s words, or the outline's own English
/// words where the template gives none (its figures then stand in their usual order). A
/// figure's runs move into place; only a figure the wording uses twice is copied.
fn reword(p: &mut Para, zh: &Pattern<'static>, en: Option<&Pattern<'static>>) -> Paragraph {
    let mut runs: Vec<Option<Run>> = std::mem::take(&mut p.runs).into_iter().map(Some).collect();
    let own_en: Vec<Cow<'static, str>> = match en {
        Some(_) => Vec::new(),
        None => {
            let mut texts = Vec::with_capacity(p.marks.len() + 1);
            let mut at = 0;
            let tail = ("", runs.len(), runs.len());
            for &(_, start, end) in p.marks.iter().chain(std::iter::once(&tail)) {
                let mut text = String::new();
                for r in runs.get(at..start).unwrap_or_default().iter().flatten() {
                    if let Run::Text(w) = r {
                        text.push_str(&w.en);
                    }
                }
                texts.push(Cow::Owned(text));
                at = end;
            }
            texts
        }
    };
    let en_texts = en.map_or(&own_en, |e| &e.texts);
    let mut out = Vec::with_capacity(runs.len() + zh.texts.len());
    for (k, zh_text) in zh.texts.iter().enumerate() {
        let en_text = en_texts.get(k).cloned().unwrap_or_default();
        if !zh_text.is_empty() || !en_text.is_empty() {
            out.push(Run::Text(Words {
                zh: zh_text.clone(),
                en: en_text,
            }));
        }
        let Some(&(_, start, end)) = zh
            .figures
            .get(k)
            .and_then(|name| p.marks.iter().find(|m| m.0 == *name))
        else {
            continue;
        };
        let used_again = zh.figures[k + 1..].contains(&zh.figures[k]);
        for slot in runs.get_mut(start..end).unwrap_or_default() {
            let run = if used_again {
                slot.clone()
            } else {
                slot.take()
            };
            out.extend(run);
        }
    }
    p.marks.clear();
    Paragraph {
        subheading: std::mem::take(&mut p.subheading),
        runs: out,
    }
}

/// The outline's own wording of `p` as a pattern, in Chinese and English.
pub(super) fn own_pattern(p: &Para) -> (String, String) {
    let (mut zh, mut en) = (String::new(), String::new());
    let escape = |s: &str| s.replace('{', "{{").replace('}', "}}");
    let mut at = 0;
    let tail = ("", p.runs.len(), p.runs.len());
    for &(name, start, end) in p.marks.iter().chain(std::iter::once(&tail)) {
        for r in p.runs.get(at..start).unwrap_or_default() {
            if let Run::Text(w) = r {
                zh.push_str(&escape(&w.zh));
                en.push_str(&escape(&w.en));
            }
        }
        if !name.is_empty() {
            zh.push_str(&format!("{{{name}}}"));
            en.push_str(&format!("{{{name}}}"));
        }
        at = end;
    }
    (zh, en)
}
