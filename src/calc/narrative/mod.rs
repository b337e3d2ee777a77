//! The 情况说明 written from the figures: the template's outline as sections of paragraphs made
//! of runs — words, figures that carry their value, unit and the table row they come from, and
//! the officer's own texts. The app, the command line and the exports all render this one
//! structure, so a figure in the text can never differ from its table.

mod common;
mod explanation_notes;
mod render;
mod twelve_sections;
mod wording;

use std::borrow::Cow;

use rust_decimal::Decimal;

use super::{Change, Derived, Summary};
use crate::model::sections::NarrativeText;
use crate::model::template::{NarrativeOutline, Numbering, Template};
use crate::model::{Budget, Money, MoneyUnit, TableId};

pub use render::{figure_text, pieces};

/// The generated text of a budget's 情况说明.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NarrativeDoc {
    /// The part's title (第三部分 … 情况说明, or the 编制说明's).
    pub title: Words,
    /// The sections in published order.
    pub sections: Vec<Section>,
    /// How figures are spaced and formatted.
    pub style: Style,
    /// How sections are numbered.
    pub numbering: Numbering,
}

/// One section (一、… or the 编制说明 as a whole).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Section {
    /// What it is about: where a document places it, whatever its heading says.
    pub topic: Topic,
    /// Its place in a numbered outline (from 1), or `None` where the template does not number
    /// its sections.
    pub number: Option<usize>,
    /// The heading, without a number.
    pub heading: Words,
    /// Its paragraphs.
    pub paragraphs: Vec<Paragraph>,
}

impl Section {
    /// The heading as printed on its own, numbered as the template numbers sections:
    /// `一、收入预算情况说明` in Chinese, `2. Income` in English.
    #[must_use]
    pub fn numbered_heading(&self, numbering: Numbering, zh: bool) -> String {
        match self.number {
            Some(n) => numbering.apply(n, self.heading.get(zh), zh),
            None => self.heading.get(zh).to_owned(),
        }
    }
}

/// Chinese numerals for numbering sections: 一 … 二十.
pub const NUMERALS: [&str; 20] = [
    "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四",
    "十五", "十六", "十七", "十八", "十九", "二十",
];

/// `text` numbered `n` (from 1): `一、text` in Chinese (`21.` on from 21), `n. text` in English.
#[must_use]
pub fn numbered(n: usize, text: &str, zh: bool) -> String {
    match n.checked_sub(1).and_then(|i| NUMERALS.get(i)) {
        Some(numeral) if zh => format!("{numeral}、{text}"),
        _ => format!("{n}. {text}"),
    }
}

pub use crate::model::template::Topic;

/// A paragraph: body text, or a sub-heading such as （一）… or 1、….
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Paragraph {
    /// True for a sub-heading.
    pub subheading: bool,
    /// What it says.
    pub runs: Vec<Run>,
}

/// A piece of a paragraph.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Run {
    /// Fixed wording (or a name from the budget).
    Text(Words),
    /// A derived figure.
    Figure(FigureRun),
    /// The officer's own text, kept in the file; written in Chinese, shown as written in both
    /// languages.
    Officer {
        /// Which text.
        field: OfficerField,
        /// What it says now (may be empty).
        text: String,
    },
}

/// Where an officer's text in the 情况说明 is kept.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum OfficerField {
    /// One of the narrative's texts.
    Narrative(NarrativeText),
    /// The reason (主要原因) of a 功能分类 line's change against last year's execution; the
    /// run prints it in its sentence (`主要原因是：项目调整。`).
    LineReason(String),
}

/// The same words in Chinese and English.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Words {
    /// Chinese.
    pub zh: Cow<'static, str>,
    /// English.
    pub en: Cow<'static, str>,
}

impl Words {
    /// Words known at compile time.
    #[must_use]
    pub const fn fixed(zh: &'static str, en: &'static str) -> Words {
        Words {
            zh: Cow::Borrowed(zh),
            en: Cow::Borrowed(en),
        }
    }

    /// The words in one language.
    #[must_use]
    pub fn get(&self, zh: bool) -> &str {
        if zh { &self.zh } else { &self.en }
    }
}

/// A figure in the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FigureRun {
    /// The value, already in the section's unit.
    pub value: Value,
    /// Where it comes from, for a click to jump to; `None` for a year.
    pub link: Option<Link>,
    /// Whole amounts drop their decimals (`5 万元` in the seed's 三公 paragraph; `839万元` in
    /// Shanghai's text), others keep two.
    pub trim_whole: bool,
}

/// The value of a figure.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Value {
    /// An amount in `unit`.
    Money(Money, MoneyUnit),
    /// A share or change in percent (two decimals).
    Percent(Decimal),
    /// The size of a year-on-year change, in `unit` (the words say 增加 or 减少). Boxed, as
    /// changes are few: every run of a paragraph is as large as its largest value.
    Change(Box<Change>, MoneyUnit),
    /// The size of a change in percent.
    ChangePercent(Box<Change>),
    /// A number of things, with the measure word in Chinese and the thing in English (个,
    /// projects; 辆, vehicles).
    Count(u64, &'static (&'static str, &'static str)),
    /// Square metres.
    Area(Decimal),
    /// A year.
    Year(i32),
    /// A plain number: an entry's place in a list (`1.`, `2.`).
    Number(u64),
}

/// Where a figure comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Link {
    /// A row of a table (its code), or the table's 合计 (`None`).
    Table {
        /// The table.
        table: TableId,
        /// The row's code.
        code: Option<String>,
    },
    /// The performance-target forms.
    Projects,
    /// 政府采购.
    Procurement,
    /// Vehicles and office space.
    Assets,
}

/// How a template prints figures in its text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Style {
    /// A space between a figure and the Chinese around it (`总计 10441.41 万元`), as the Shanxi
    /// document prints; Shanghai writes `9,101.68万元`.
    pub spaced: bool,
    /// Thousands separators.
    pub grouped: bool,
}

impl Style {
    fn of(template: &Template) -> Style {
        Style {
            spaced: template.narrative.spaced_figures,
            grouped: template.narrative.grouped_figures,
        }
    }
}

/// Writes the 情况说明 of `budget` from its derived figures, in its template's outline.
#[must_use]
pub fn narrative(budget: &Budget, derived: &Derived) -> NarrativeDoc {
    narrative_with(budget, derived, &derived.summary)
}

/// The same, with the headline figures compared against another base (last year's budget file,
/// see [`crate::calc::summarise_against`]).
#[must_use]
pub fn narrative_with(budget: &Budget, derived: &Derived, summary: &Summary) -> NarrativeDoc {
    outline(common::Ctx::new(budget, derived, summary))
}

/// The officer's texts the narrative asks for but `budget` leaves empty, in order: what the
/// `text.reason` check reports on every keystroke. The same outline as [`narrative`], less the
/// lists that grow with the lines (they hold no officer text), so a 100,000-line budget costs
/// what a small one does.
#[must_use]
pub fn missing_officer_texts(budget: &Budget, derived: &Derived) -> Vec<NarrativeText> {
    let mut c = common::Ctx::new(budget, derived, &derived.summary);
    c.line_lists = false;
    outline(c).missing_officer_texts()
}

fn outline(c: common::Ctx<'_>) -> NarrativeDoc {
    let budget = c.budget;
    let style = Style::of(budget.template());
    let (title, mut sections) = match budget.template().narrative.outline {
        NarrativeOutline::TwelveSections => twelve_sections::outline(&c),
        NarrativeOutline::ExplanationAndOtherNotes => explanation_notes::outline(&c),
    };
    // The template's own words for a section's heading, by topic.
    let headings = &budget.template().narrative.headings;
    for s in &mut sections {
        if let Some(h) = headings.iter().find(|h| h.topic == s.topic) {
            s.heading = Words {
                zh: h.title.fill_for(budget, true).into(),
                en: h.title.fill_for(budget, false).into(),
            };
        }
    }
    NarrativeDoc {
        title,
        sections,
        style,
        numbering: budget.template().narrative.section_numbering,
    }
}

impl NarrativeDoc {
    /// Every figure in the text, in order.
    pub fn figures(&self) -> impl Iterator<Item = &FigureRun> {
        self.sections
            .iter()
            .flat_map(|s| &s.paragraphs)
            .flat_map(|p| &p.runs)
            .filter_map(|r| match r {
                Run::Figure(f) => Some(f),
                _ => None,
            })
    }

    /// The officer's texts the generated sentences need but which are empty.
    #[must_use]
    pub fn missing_officer_texts(&self) -> Vec<NarrativeText> {
        let mut missing: Vec<NarrativeText> = self
            .sections
            .iter()
            .flat_map(|s| &s.paragraphs)
            .flat_map(|p| &p.runs)
            .filter_map(|r| match r {
                Run::Officer {
                    field: OfficerField::Narrative(field),
                    text,
                } if text.trim().is_empty() => Some(*field),
                _ => None,
            })
            .collect();
        missing.dedup();
        missing
    }
}

/// Builds a paragraph run by run. A paragraph with an id marks its figures (named slots) so a
/// template can reword the words around them (see [`wording`]).
struct Para {
    runs: Vec<Run>,
    subheading: bool,
    /// The paragraph's id in the outline's list of paragraphs.
    id: Option<&'static str>,
    /// The named figures: name and the range of `runs` they fill.
    marks: Vec<(&'static str, usize, usize)>,
    /// The next text starts a run of its own (a figure's slot begins or ends).
    sealed: bool,
    /// Where the template's wording of `id` stands in its list, once looked up (`Some(None)`:
    /// nowhere): a builder used for every 项 looks once.
    wording: Option<Option<usize>>,
    /// The figure being written, inside [`Para::slot`].
    slot_now: Option<&'static str>,
}

impl Para {
    fn new() -> Para {
        Para {
            runs: Vec::new(),
            subheading: false,
            id: None,
            marks: Vec::new(),
            sealed: false,
            wording: None,
            slot_now: None,
        }
    }

    /// A paragraph a template may reword, by `id`.
    fn named(id: &'static str) -> Para {
        Para {
            id: Some(id),
            ..Para::new()
        }
    }

    /// What `f` writes is the figure `name`, which a template's wording places (an empty slot
    /// where `f` writes nothing, as a change without last year's figures).
    fn slot(&mut self, name: &'static str, f: impl FnOnce(&mut Para)) -> &mut Para {
        let start = self.runs.len();
        self.sealed = true;
        let outer = self.slot_now.replace(name);
        f(self);
        self.slot_now = outer;
        self.marks.push((name, start, self.runs.len()));
        self.sealed = true;
        self
    }

    fn sub(zh: &'static str, en: &'static str) -> Paragraph {
        Paragraph {
            subheading: true,
            runs: vec![Run::Text(Words::fixed(zh, en))],
        }
    }

    fn t(&mut self, zh: &'static str, en: &'static str) -> &mut Para {
        self.push_text(Cow::Borrowed(zh), Cow::Borrowed(en));
        self
    }

    fn s(
        &mut self,
        zh: impl Into<Cow<'static, str>>,
        en: impl Into<Cow<'static, str>>,
    ) -> &mut Para {
        self.push_text(zh.into(), en.into());
        self
    }

    /// Appends to the previous text run where there is one, so paragraphs stay short.
    fn push_text(&mut self, zh: Cow<'static, str>, en: Cow<'static, str>) {
        if std::mem::take(&mut self.sealed) {
            self.runs.push(Run::Text(Words { zh, en }));
        } else if let Some(Run::Text(w)) = self.runs.last_mut() {
            w.zh.to_mut().push_str(&zh);
            w.en.to_mut().push_str(&en);
        } else {
            self.runs.push(Run::Text(Words { zh, en }));
        }
    }

    fn fig(&mut self, value: Value, link: Option<Link>, trim_whole: bool) -> &mut Para {
        self.sealed = false;
        self.runs.push(Run::Figure(FigureRun {
            value,
            link,
            trim_whole,
        }));
        self
    }

    fn money(&mut self, amount: Money, unit: MoneyUnit, link: Option<Link>) -> &mut Para {
        self.fig(Value::Money(amount, unit), link, false)
    }

    fn pct(&mut self, share: Decimal, link: Option<Link>) -> &mut Para {
        self.fig(Value::Percent(share), link, false)
    }

    fn year(&mut self, year: i32) -> &mut Para {
        self.fig(Value::Year(year), None, false)
    }

    fn officer(&mut self, field: NarrativeText, text: &str) -> &mut Para {
        self.sealed = false;
        self.runs.push(Run::Officer {
            field: OfficerField::Narrative(field),
            text: text.to_owned(),
        });
        self
    }

    /// Line `code`'s reason in its sentence (`主要原因是：项目调整。`); empty when not written.
    fn line_reason(&mut self, code: &str, reason: &str) -> &mut Para {
        self.sealed = false;
        let text = if reason.is_empty() {
            String::new()
        } else {
            format!("主要原因是：{reason}。")
        };
        self.runs.push(Run::Officer {
            field: OfficerField::LineReason(code.to_owned()),
            text,
        });
        self
    }

    fn done(&mut self) -> Paragraph {
        // A builder used again (one per 项) starts the next paragraph at this one's size.
        let next = Vec::with_capacity(self.runs.len());
        Paragraph {
            subheading: self.subheading,
            runs: std::mem::replace(&mut self.runs, next),
        }
    }
}

/// A change in another unit: each part converted exactly, the percent kept.
fn change_in(c: Change, from: MoneyUnit, to: MoneyUnit) -> Change {
    Change {
        this_year: from.convert(c.this_year, to),
        last_year: from.convert(c.last_year, to),
        amount: from.convert(c.amount, to),
        percent: c.percent,
    }
}

/// The direction of a change, as the text words it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Direction {
    Same,
    New,
    Up,
    Down,
}

fn direction(c: &Change) -> Direction {
    if c.amount.is_zero() {
        Direction::Same
    } else if c.last_year.is_zero() && !c.this_year.is_zero() {
        Direction::New
    } else if c.amount.value().is_sign_negative() {
        Direction::Down
    } else {
        Direction::Up
    }
}

/// How a change is worded: what it is compared with and whether the percent follows.
#[derive(Clone, Debug)]
struct ChangeWords {
    /// 比上年 / 较 2021 年 / 比2024年预算 (followed by 增加/减少).
    than_zh: String,
    /// 与上年持平 / 与上年相同 / 比2024年预算持平.
    same_zh: String,
    /// `on last year` / `on 2021`.
    than_en: String,
    percent: bool,
}

impl Para {
    /// `比上年增加 Y 万元，增加 Z%` / `减少 …` / `与上年持平` / `比上年新增 Y 万元`.
    fn change(
        &mut self,
        c: Change,
        unit: MoneyUnit,
        words: &ChangeWords,
        link: Option<&Link>,
        trim_whole: bool,
    ) -> &mut Para {
        let dir = direction(&c);
        match dir {
            Direction::Same => {
                self.s(
                    words.same_zh.clone(),
                    format!("unchanged {}", words.than_en),
                );
                return self;
            }
            Direction::New => {
                self.s(format!("{}新增", words.than_zh), "new, ");
            }
            Direction::Up => {
                self.s(format!("{}增加", words.than_zh), "up ");
            }
            Direction::Down => {
                self.s(format!("{}减少", words.than_zh), "down ");
            }
        }
        self.fig(Value::Change(Box::new(c), unit), link.cloned(), trim_whole);
        if dir != Direction::New {
            self.s("", format!(" {}", words.than_en));
            if words.percent && c.percent.is_some() {
                let verb = if dir == Direction::Up {
                    "增加"
                } else {
                    "减少"
                };
                self.s(format!("，{verb}"), ", or ");
                self.fig(Value::ChangePercent(Box::new(c)), link.cloned(), false);
            }
        }
        self
    }
}

#[cfg(test)]
mod tests;
