//! The 情况说明 tab: the whole text as it will be published, written from the figures on every
//! frame. Each figure is a link to the table row it comes from; the officer's texts (reasons,
//! item lists, 其他说明) are edited in place, one undo step per edit.

use egui::{RichText, ScrollArea, Ui};

use super::commands::UiCommand;
use super::i18n::Tr;
use super::{Action, NarrativeSection, ViewState, theme};
use crate::calc::narrative::{
    Link, NarrativeDoc, OfficerField, Run, narrative, narrative_with, pieces,
};
use crate::calc::publication::{Block, publication_of};
use crate::checks::{Location, ProjectField};
use crate::document::{Document, Edit};
use crate::model::sections::NarrativeText;

/// An officer's text being typed: which, and what it says so far.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NarrativeDraft {
    /// Which text.
    pub field: OfficerField,
    /// As typed.
    pub text: String,
    /// The box has had the keyboard focus (it asks for it until it gets it: the click that
    /// opened it may hand the focus to the clicked text first).
    pub focused: bool,
}

/// Where a click on a figure goes.
#[must_use]
pub fn location(link: &Link) -> Location {
    match link {
        Link::Table { table, code } => Location::Table {
            table: *table,
            code: code.clone(),
        },
        Link::Projects => Location::Project {
            index: 0,
            field: ProjectField::FundsYear,
        },
        Link::Procurement => Location::Procurement,
        Link::Assets => Location::Assets,
    }
}

/// Which base the changes are computed against, and the line-by-line comparison when last
/// year's budget is attached.
fn base_bar(ui: &mut Ui, view: &mut ViewState, actions: &mut Vec<Action>) {
    let lang = view.lang;
    let mut detach = false;
    let mut attach = false;
    ui.horizontal(|ui| {
        ui.label(format!("{}{}", Tr::LastYearBase.get(lang), lang.colon()));
        match &view.base {
            Some(base) if base.recorded => {
                ui.label(RichText::new(Tr::RecordedBase.get(lang)).strong());
                attach = true;
            }
            Some(base) => {
                ui.label(RichText::new(base.file_name()).strong())
                    .on_hover_text(base.path.display().to_string());
                detach = ui.button(Tr::LastYearDetach.get(lang)).clicked();
            }
            None => {
                ui.label(Tr::LastYearFromFile.get(lang));
                attach = true;
            }
        }
        // Without an attached file, the button to attach one.
        let command = UiCommand::AttachLastYear;
        if attach
            && ui
                .button(command.label(lang))
                .on_hover_text(command.tooltip(lang))
                .clicked()
        {
            actions.push(Action::Command(command));
        }
    });
    if detach {
        view.base = None;
    }
    if view.base.is_some() {
        egui::CollapsingHeader::new(Tr::LastYearChanges.get(lang))
            .id_salt("last-year-changes-header")
            .default_open(false)
            .show(ui, |ui| super::last_year::changes_list(ui, view, actions));
        if let Some(base) = &view.base {
            egui::CollapsingHeader::new(Tr::CompareChart.get(lang))
                .id_salt("compare-chart-header")
                .default_open(true)
                .show(ui, |ui| {
                    super::compare_chart::show(ui, &base.comparison, lang, 260.0, false);
                });
        }
    }
}

/// The label of an officer's text, as the checks name it.
fn officer_label(field: &OfficerField, zh: bool) -> String {
    match field {
        OfficerField::Narrative(f) => field_label(*f, zh).to_owned(),
        OfficerField::LineReason(code) if zh => format!("[{code}] 变动原因"),
        OfficerField::LineReason(code) => format!("[{code}] reason for the change"),
    }
}

/// What an officer's text says now in the budget (a line's reason without its sentence).
fn officer_value(doc: &Document, field: &OfficerField) -> String {
    let budget = doc.budget();
    match field {
        OfficerField::Narrative(f) => f.get(&budget.narrative).to_owned(),
        OfficerField::LineReason(code) => budget
            .function_line_index(code)
            .and_then(|i| budget.function_lines.get(i))
            .map(|l| l.reason.clone())
            .unwrap_or_default(),
    }
}

/// The edit that makes an officer's text say `text`; `None` when it already does.
fn officer_edit(doc: &Document, field: &OfficerField, text: String) -> Option<Edit> {
    let budget = doc.budget();
    match field {
        OfficerField::Narrative(f) => {
            let mut narrative = budget.narrative.clone();
            if f.get(&narrative) == text {
                return None;
            }
            *f.get_mut(&mut narrative) = text;
            Some(Edit::Narrative(Box::new(narrative)))
        }
        OfficerField::LineReason(code) => {
            let mut line = budget
                .function_line_index(code)
                .and_then(|i| budget.function_lines.get(i))
                .cloned()?;
            let text = text.trim();
            if line.reason == text {
                return None;
            }
            text.clone_into(&mut line.reason);
            Some(Edit::FunctionLine {
                code: code.clone(),
                line: Some(line),
            })
        }
    }
}

fn field_label(field: NarrativeText, zh: bool) -> &'static str {
    match (field, zh) {
        (NarrativeText::ChangeReason, true) => "变动原因",
        (NarrativeText::ChangeReason, false) => "Reason for the change",
        (NarrativeText::ExpenditureReason, true) => "支出变动原因",
        (NarrativeText::ExpenditureReason, false) => "Reason for the change in expenditure",
        (NarrativeText::StaffItems, true) => "人员经费主要项目",
        (NarrativeText::StaffItems, false) => "Items of staff costs",
        (NarrativeText::RunningItems, true) => "公用经费主要项目",
        (NarrativeText::RunningItems, false) => "Items of running costs",
        (NarrativeText::SangongReason, true) => "三公说明",
        (NarrativeText::SangongReason, false) => "\"Three public\" explanation",
        (NarrativeText::SangongAbroadReason, true) => "因公出国（境）费说明",
        (NarrativeText::SangongAbroadReason, false) => "Reason: travel abroad",
        (NarrativeText::SangongVehiclesReason, true) => "公务用车购置及运行费说明",
        (NarrativeText::SangongVehiclesReason, false) => "Reason: official vehicles",
        (NarrativeText::SangongPurchaseReason, true) => "公务用车购置费说明",
        (NarrativeText::SangongPurchaseReason, false) => "Reason: vehicle purchase",
        (NarrativeText::SangongRunningReason, true) => "公务用车运行费说明",
        (NarrativeText::SangongRunningReason, false) => "Reason: vehicle running",
        (NarrativeText::SangongReceptionReason, true) => "公务接待费说明",
        (NarrativeText::SangongReceptionReason, false) => "Reason: receptions",
        (NarrativeText::OperatingReason, true) => "机关运行经费说明",
        (NarrativeText::OperatingReason, false) => "Operating-costs explanation",
        (NarrativeText::Other, true) => "其他说明",
        (NarrativeText::Other, false) => "Other notes",
    }
}

/// Draws the tab: the switch between its three parts, then the part chosen.
pub fn show(ui: &mut Ui, doc: &Document, view: &mut ViewState, actions: &mut Vec<Action>) {
    let lang = view.lang;
    ui.horizontal(|ui| {
        for (section, label) in [
            (NarrativeSection::Text, Tr::NarrativeText),
            (NarrativeSection::Profile, Tr::ProfileSection),
            (NarrativeSection::LastYear, Tr::BaseFigures),
        ] {
            ui.selectable_value(&mut view.narrative_section, section, label.get(lang));
        }
    });
    ui.separator();
    match view.narrative_section {
        NarrativeSection::Text => text(ui, doc, view, actions),
        NarrativeSection::Profile => {
            ScrollArea::vertical()
                .id_salt("profile-scroll")
                .show(ui, |ui| super::profile::show(ui, doc, view, actions));
        }
        NarrativeSection::LastYear => {
            ScrollArea::vertical()
                .id_salt("base-figures-scroll")
                .show(ui, |ui| {
                    base_bar(ui, view, actions);
                    ui.separator();
                    super::base_figures::show(ui, doc, view, actions);
                });
        }
    }
}

/// The narrative of the budget as it stands, against the base in use: written again only when
/// the budget or the base changed, never for a frame that changes nothing. It keeps the height
/// each piece took when last drawn, so that a frame draws only what is in view: Shanghai's
/// 编制说明 has a paragraph per 项, 100,000 of them in a provincial budget.
#[derive(Clone, Debug)]
pub struct NarrativeCache {
    generation: u64,
    against: Option<crate::calc::Summary>,
    text: NarrativeDoc,
    /// The language the headings are in.
    zh: bool,
    /// The headings as the publication prints them: text, and whether it is a part's.
    headings: Vec<(String, bool)>,
    items: Vec<Item>,
    /// The height each item took when last drawn, 0 where not drawn yet at this width.
    heights: Vec<f32>,
    width: f32,
}

/// One piece of the text, in order: a heading of the publication (a part's or a section's), a
/// paragraph of a section.
#[derive(Clone, Copy, Debug)]
enum Item {
    Heading(usize),
    Paragraph(usize, usize),
}

impl Item {
    /// A height to reckon with before the item has been drawn.
    fn estimate(self) -> f32 {
        match self {
            Item::Heading(_) => 38.0,
            Item::Paragraph(..) => 22.0,
        }
    }
}

impl NarrativeCache {
    /// True when `item` is a paragraph with the officer's text `field` in it.
    fn holds(&self, item: Item, field: NarrativeText) -> bool {
        let field = OfficerField::Narrative(field);
        let Item::Paragraph(si, pi) = item else {
            return false;
        };
        self.text
            .sections
            .get(si)
            .and_then(|s| s.paragraphs.get(pi))
            .is_some_and(|p| {
                p.runs
                    .iter()
                    .any(|r| matches!(r, Run::Officer { field: f, .. } if *f == field))
            })
    }

    /// The height item `i` took when last drawn, or its estimate.
    fn height(&self, i: usize) -> f32 {
        match self.heights.get(i) {
            Some(&h) if h > 0.0 => h,
            _ => self.items.get(i).map_or(0.0, |item| item.estimate()),
        }
    }
}

fn cached(doc: &Document, view: &mut ViewState) -> NarrativeCache {
    let against = view.base.as_ref().map(|b| &b.summary);
    let zh = view.lang.zh();
    match view.narrative_cache.take() {
        Some(c)
            if c.generation == doc.generation() && c.against.as_ref() == against && c.zh == zh =>
        {
            c
        }
        old => {
            let text = match against {
                Some(summary) => narrative_with(doc.budget(), doc.derived(), summary),
                None => narrative(doc.budget(), doc.derived()),
            };
            // The parts of the publication that hold the text, headed and numbered as printed.
            let publication = publication_of(doc.budget(), &text, zh);
            let mut headings = Vec::new();
            let mut items = Vec::new();
            for part in &publication.parts {
                if !part.blocks.iter().any(|b| matches!(b, Block::Narrative(_))) {
                    continue;
                }
                items.push(Item::Heading(headings.len()));
                headings.push((part.heading.clone(), true));
                for block in &part.blocks {
                    match block {
                        Block::Heading(h) => {
                            items.push(Item::Heading(headings.len()));
                            headings.push((h.clone(), false));
                        }
                        Block::Narrative(si) => {
                            let n = text.sections.get(*si).map_or(0, |s| s.paragraphs.len());
                            items.extend((0..n).map(|pi| Item::Paragraph(*si, pi)));
                        }
                        _ => {}
                    }
                }
            }
            // An edit that keeps the outline keeps the heights measured (most edits do).
            let heights = match old {
                Some(o) if o.items.len() == items.len() => o.heights,
                _ => vec![0.0; items.len()],
            };
            NarrativeCache {
                generation: doc.generation(),
                against: against.cloned(),
                text,
                zh,
                headings,
                items,
                heights,
                width: 0.0,
            }
        }
    }
}

/// The text as it will be published.
fn text(ui: &mut Ui, doc: &Document, view: &mut ViewState, actions: &mut Vec<Action>) {
    let mut cache = cached(doc, view);
    let lang = view.lang;
    ui.horizontal(|ui| {
        ui.heading(Tr::TabNarrative.get(lang));
        ui.label(RichText::new(Tr::NarrativeHint.get(lang)).weak());
    });
    base_bar(ui, view, actions);
    ui.separator();
    let mut area = ScrollArea::vertical().auto_shrink([false, false]);
    // Scrolled to the paragraph holding a text the officer was sent to write.
    // Until it is drawn, the reckoned place of the paragraph the officer was sent to (heights
    // not yet measured are estimates: once drawn, it is scrolled to exactly).
    let target = view
        .narrative_focus
        .and_then(|field| cache.items.iter().position(|i| cache.holds(*i, field)));
    match target {
        Some(at) => {
            let offset: f32 = (0..at).map(|i| cache.height(i)).sum();
            area = area.vertical_scroll_offset((offset - 80.0).max(0.0));
        }
        None => view.narrative_focus = None,
    }
    area.show_viewport(ui, |ui, viewport| {
        ui.set_max_width(ui.available_width().min(980.0));
        body(ui, doc, &mut cache, viewport, view, actions);
    });
    view.narrative_cache = Some(cache);
}

/// Draws the items in `viewport` (and a little around it); the rest is space of the height
/// each took when last drawn, or an estimate.
fn body(
    ui: &mut Ui,
    doc: &Document,
    cache: &mut NarrativeCache,
    viewport: egui::Rect,
    view: &mut ViewState,
    actions: &mut Vec<Action>,
) {
    let width = ui.available_width();
    if (cache.width - width).abs() > 0.5 {
        // Another width wraps every paragraph differently.
        cache.heights.iter_mut().for_each(|h| *h = 0.0);
        cache.width = width;
    }
    let margin = 200.0;
    let mut first = 0;
    let mut skipped = 0.0;
    while first < cache.items.len() && skipped + cache.height(first) < viewport.min.y - margin {
        skipped += cache.height(first);
        first += 1;
    }
    if skipped > 0.0 {
        ui.add_space(skipped);
    }
    let mut i = first;
    let top = ui.cursor().top();
    while i < cache.items.len() && ui.cursor().top() - top + skipped < viewport.max.y + margin {
        let before = ui.cursor().top();
        if let Some(&item) = cache.items.get(i) {
            let response = ui.scope(|ui| draw_item(ui, doc, cache, item, view, actions));
            if let Some(field) = view.narrative_focus
                && cache.holds(item, field)
            {
                ui.scroll_to_rect(response.response.rect, Some(egui::Align::Center));
                view.narrative_focus = None;
            }
        }
        if let Some(h) = cache.heights.get_mut(i) {
            *h = ui.cursor().top() - before;
        }
        i += 1;
    }
    let rest: f32 = (i..cache.items.len()).map(|j| cache.height(j)).sum();
    if rest > 0.0 {
        ui.add_space(rest);
    }
}

/// One item of the text.
fn draw_item(
    ui: &mut Ui,
    doc: &Document,
    cache: &NarrativeCache,
    item: Item,
    view: &mut ViewState,
    actions: &mut Vec<Action>,
) {
    let lang = view.lang;
    let zh = lang.zh();
    let dark = ui.visuals().dark_mode;
    match item {
        Item::Heading(i) => {
            if let Some((heading, part)) = cache.headings.get(i) {
                ui.add_space(if *part { 14.0 } else { 10.0 });
                let size = if *part { 20.0 } else { 17.0 };
                ui.label(RichText::new(heading).size(size).strong());
            }
        }
        Item::Paragraph(si, pi) => {
            let text = &cache.text;
            let Some(p) = text.sections.get(si).and_then(|s| s.paragraphs.get(pi)) else {
                return;
            };
            let printed = pieces(p, text.style, zh);
            if p.subheading {
                ui.label(RichText::new(printed.concat()).strong());
                return;
            }
            let mut open_editor: Option<OfficerField> = None;
            ui.push_id(("para", si, pi), |ui| {
                ui.horizontal_wrapped(|ui| {
                    ui.spacing_mut().item_spacing.x = 0.0;
                    for (run, piece) in p.runs.iter().zip(&printed) {
                        // A run with nothing to print in this language adds no widget: an empty
                        // label in a wrapped row sets the next one over the row above.
                        if piece.is_empty() && !matches!(run, Run::Officer { .. }) {
                            continue;
                        }
                        // No scope per run: a child Ui would be laid out as a block and break the line.
                        match run {
                            // Not selectable: a wrapped label's rectangle spans whole rows and
                            // would take the clicks meant for the figures and texts on them.
                            Run::Text(_) => {
                                ui.add(egui::Label::new(piece.as_str()).selectable(false));
                            }
                            Run::Figure(f) => {
                                // The space before a figure is the sentence's, not the link's.
                                let figure = piece.trim_start();
                                if figure.len() < piece.len() {
                                    ui.add(egui::Label::new(" ").selectable(false));
                                }
                                let Some(target) = &f.link else {
                                    ui.add(egui::Label::new(figure).selectable(false));
                                    continue;
                                };
                                let link = RichText::new(figure)
                                    .color(theme::link_colour(dark))
                                    .underline();
                                let response = ui.add(egui::Button::new(link).frame(false));
                                {
                                    let response = response.on_hover_text(format!(
                                        "{} · {}",
                                        location(target).describe(doc.budget(), zh),
                                        Tr::ClickToJump.get(lang)
                                    ));
                                    if response.clicked() {
                                        actions.push(Action::Jump(location(target)));
                                    }
                                }
                            }
                            Run::Officer { field, text } => {
                                let shown = if text.trim().is_empty() {
                                    RichText::new(format!(
                                        "［{}：{}］",
                                        officer_label(field, zh),
                                        Tr::NarrativeWriteReason.get(lang)
                                    ))
                                    .color(theme::warning_colour(dark))
                                } else {
                                    RichText::new(piece.as_str())
                                        .background_color(theme::officer_text_fill(dark))
                                };
                                // A label, not a button: it flows on with the sentence and wraps
                                // like it.
                                let response = ui
                                    .add(egui::Label::new(shown).sense(egui::Sense::click()))
                                    .on_hover_cursor(egui::CursorIcon::PointingHand)
                                    .on_hover_text(format!(
                                        "{} · {}",
                                        officer_label(field, zh),
                                        Tr::NarrativeClickToEdit.get(lang)
                                    ));
                                if response.clicked() {
                                    open_editor = Some(field.clone());
                                }
                            }
                        }
                    }
                });
            });
            if let Some(field) = open_editor {
                view.narrative_draft = Some(NarrativeDraft {
                    text: officer_value(doc, &field),
                    field,
                    focused: false,
                });
            }
            let editing_here = view.narrative_draft.as_ref().is_some_and(|d| {
                p.runs
                    .iter()
                    .any(|r| matches!(r, Run::Officer { field, .. } if *field == d.field))
            });
            if editing_here {
                editor(ui, doc, view, actions);
            }
        }
    }
}

/// The box the officer types a text into, under its paragraph. Leaving it (or Enter) makes the
/// edit one undo step; Esc drops it.
fn editor(ui: &mut Ui, doc: &Document, view: &mut ViewState, actions: &mut Vec<Action>) {
    let lang = view.lang;
    let Some(draft) = view.narrative_draft.as_mut() else {
        return;
    };
    let field = draft.field.clone();
    let mut done = false;
    let mut cancel = false;
    ui.horizontal(|ui| {
        let label = ui.label(format!(
            "{}{}",
            officer_label(&field, lang.zh()),
            lang.colon()
        ));
        let response = ui
            .add(
                egui::TextEdit::singleline(&mut draft.text)
                    .desired_width(ui.available_width() - 8.0),
            )
            .labelled_by(label.id);
        if response.has_focus() {
            draft.focused = true;
        } else if !draft.focused {
            response.request_focus();
        }
        if draft.focused && response.lost_focus() {
            if ui.input(|i| i.key_pressed(egui::Key::Escape)) {
                cancel = true;
            } else {
                done = true;
            }
        }
    });
    if cancel {
        view.narrative_draft = None;
    } else if done {
        let Some(draft) = view.narrative_draft.take() else {
            return;
        };
        if let Some(edit) = officer_edit(doc, &field, draft.text) {
            actions.push(Action::Apply {
                label: format!(
                    "{}：{}",
                    Tr::NarrativeEdited.get(lang),
                    officer_label(&field, lang.zh())
                ),
                edits: vec![edit],
            });
        }
    }
}
