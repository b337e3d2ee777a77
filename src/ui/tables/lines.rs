//! Adding, renaming and removing lines of the 功能分类 and 经济分类 tables.

use egui::Ui;

use crate::document::{Edit, validate_new_code};
use crate::model::catalogue::{Catalogue, Kind as CatalogueKind};
use crate::model::{Budget, EconLine, FunctionLine};
use crate::ui::i18n::{Lang, Tr};
use crate::ui::widgets::text_field;
use crate::ui::{Action, ViewState};

/// Which line list a bar edits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LineKind {
    /// 功能分类 lines (tables 2, 3, 5, 7–9).
    Function,
    /// 经济分类 lines (table 6).
    Economic,
}

fn codes(budget: &Budget, kind: LineKind) -> Vec<&str> {
    match kind {
        LineKind::Function => budget
            .function_lines
            .iter()
            .map(|l| l.code.as_str())
            .collect(),
        LineKind::Economic => budget
            .economic
            .lines
            .iter()
            .map(|l| l.code.as_str())
            .collect(),
    }
}

fn name_of<'a>(budget: &'a Budget, kind: LineKind, code: &str) -> Option<&'a str> {
    match kind {
        LineKind::Function => budget
            .function_line_index(code)
            .and_then(|i| budget.function_lines.get(i))
            .map(|l| l.name.as_str()),
        LineKind::Economic => budget
            .economic
            .lines
            .iter()
            .find(|l| l.code == code)
            .map(|l| l.name.as_str()),
    }
}

/// The note of line `code` (shown as ⓘ beside its name), if the line exists.
fn note_of<'a>(budget: &'a Budget, kind: LineKind, code: &str) -> Option<&'a str> {
    match kind {
        LineKind::Function => budget
            .function_line_index(code)
            .and_then(|i| budget.function_lines.get(i))
            .map(|l| l.note.as_str()),
        LineKind::Economic => budget
            .economic
            .lines
            .iter()
            .find(|l| l.code == code)
            .map(|l| l.note.as_str()),
    }
}

/// The edit that gives line `code` the note `note`.
fn with_note(kind: LineKind, budget: &Budget, code: &str, note: &str) -> Option<Edit> {
    match kind {
        LineKind::Function => {
            let mut line = budget
                .function_line_index(code)
                .and_then(|i| budget.function_lines.get(i))
                .cloned()?;
            note.clone_into(&mut line.note);
            Some(Edit::FunctionLine {
                code: code.to_owned(),
                line: Some(line),
            })
        }
        LineKind::Economic => {
            let mut line = budget
                .economic
                .lines
                .iter()
                .find(|l| l.code == code)
                .cloned()?;
            note.clone_into(&mut line.note);
            Some(Edit::EconLine {
                code: code.to_owned(),
                line: Some(line),
            })
        }
    }
}

fn put(
    kind: LineKind,
    budget: &Budget,
    code: &str,
    name: Option<&str>,
    remove: bool,
) -> Option<Edit> {
    match kind {
        LineKind::Function => {
            let line = if remove {
                None
            } else {
                let mut line = budget
                    .function_line_index(code)
                    .and_then(|i| budget.function_lines.get(i))
                    .cloned()
                    .unwrap_or_else(|| FunctionLine::new(code, ""));
                if let Some(name) = name {
                    line.name = name.to_owned();
                }
                Some(line)
            };
            Some(Edit::FunctionLine {
                code: code.to_owned(),
                line,
            })
        }
        LineKind::Economic => {
            let line = if remove {
                None
            } else {
                let mut line = budget
                    .economic
                    .lines
                    .iter()
                    .find(|l| l.code == code)
                    .cloned()
                    .unwrap_or_else(|| EconLine::new(code, ""));
                if let Some(name) = name {
                    line.name = name.to_owned();
                }
                Some(line)
            };
            Some(Edit::EconLine {
                code: code.to_owned(),
                line,
            })
        }
    }
}

/// The bar above an editable line table: add a line; rename or remove the selected one.
pub fn line_bar(
    ui: &mut Ui,
    budget: &Budget,
    kind: LineKind,
    view: &mut ViewState,
    actions: &mut Vec<Action>,
) {
    let lang: Lang = view.lang;
    ui.horizontal_wrapped(|ui| {
        if ui.button(Tr::AddLine.get(lang)).clicked() {
            view.new_line.open = !view.new_line.open;
            view.new_line.focus_search = view.new_line.open;
            view.new_line.error = None;
        }
        let selected = view
            .selected_code
            .clone()
            .filter(|c| name_of(budget, kind, c).is_some());
        if let Some(code) = selected {
            ui.separator();
            ui.label(format!("{} [{code}]", Tr::SelectedLine.get(lang)));
            let current = name_of(budget, kind, &code).unwrap_or_default().to_owned();
            let rename = match &mut view.rename {
                Some((c, text)) if *c == code => text,
                other => {
                    *other = Some((code.clone(), current.clone()));
                    match other {
                        Some((_, text)) => text,
                        None => return,
                    }
                }
            };
            let response = text_field(ui, rename, Tr::Rename.get(lang), 220.0);
            if response.lost_focus() && rename.trim() != current && !rename.trim().is_empty() {
                let new_name = rename.trim().to_owned();
                if let Some(edit) = put(kind, budget, &code, Some(&new_name), false) {
                    actions.push(Action::Apply {
                        label: format!("{} [{code}]", Tr::Rename.get(lang)),
                        edits: vec![edit],
                    });
                }
            }
            let note_now = note_of(budget, kind, &code).unwrap_or_default().to_owned();
            let note = match &mut view.line_note {
                Some((c, text)) if *c == code => text,
                other => {
                    *other = Some((code.clone(), note_now.clone()));
                    match other {
                        Some((_, text)) => text,
                        None => return,
                    }
                }
            };
            ui.label(Tr::LineNote.get(lang));
            let response = text_field(ui, note, Tr::LineNote.get(lang), 160.0)
                .on_hover_text(Tr::LineNoteHint.get(lang));
            if response.lost_focus()
                && note.trim() != note_now
                && let Some(edit) = with_note(kind, budget, &code, note.trim())
            {
                actions.push(Action::Apply {
                    label: format!("{} [{code}]", Tr::LineNote.get(lang)),
                    edits: vec![edit],
                });
            }
            if kind == LineKind::Function {
                super::story::story_fields(ui, budget, &code, view, actions);
            }
            if ui.button(Tr::RemoveLine.get(lang)).clicked() {
                // The line and everything below it, as one step.
                let edits: Vec<Edit> = codes(budget, kind)
                    .into_iter()
                    .filter(|c| c.starts_with(code.as_str()))
                    .rev()
                    .filter_map(|c| put(kind, budget, c, None, true))
                    .collect();
                let count = edits.len();
                actions.push(Action::Apply {
                    label: format!("{} [{code}]", Tr::RemoveLine.get(lang)),
                    edits,
                });
                actions.push(Action::Status(format!(
                    "{} [{code}] ×{count}",
                    Tr::RemoveLine.get(lang)
                )));
                view.selected_code = None;
            }
        }
    });
    if view.new_line.open {
        catalogue_picker(ui, budget, kind, view, actions);
        ui.horizontal_wrapped(|ui| {
            ui.label(Tr::NewCode.get(lang));
            text_field(ui, &mut view.new_line.code, Tr::NewCode.get(lang), 90.0);
            ui.label(Tr::NewName.get(lang));
            let name_response =
                text_field(ui, &mut view.new_line.name, Tr::NewName.get(lang), 240.0);
            let enter = name_response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            if ui.button(Tr::Add.get(lang)).clicked() || enter {
                let code = view.new_line.code.trim().to_owned();
                let name = view.new_line.name.trim().to_owned();
                let existing = codes(budget, kind);
                match validate_new_code(&code, existing.iter().copied()) {
                    Err(e) => {
                        view.new_line.error =
                            Some(crate::ui::i18n::one_language(&e.to_string(), lang));
                    }
                    Ok(()) if name.is_empty() => {
                        view.new_line.error =
                            Some(lang.pick("请填写名称", "enter a name").to_owned());
                    }
                    Ok(()) => {
                        if let Some(edit) = put(kind, budget, &code, Some(&name), false) {
                            actions.push(Action::Apply {
                                label: format!("{} [{code}]", Tr::AddLine.get(lang)),
                                edits: vec![edit],
                            });
                        }
                        view.selected_code = Some(code.clone());
                        view.scroll_to_code = Some(code);
                        view.new_line = Default::default();
                    }
                }
            }
            if ui.button(Tr::Cancel.get(lang)).clicked() {
                view.new_line = Default::default();
            }
        });
        if let Some(error) = &view.new_line.error {
            ui.colored_label(
                crate::ui::theme::error_colour(ui.visuals().dark_mode),
                error,
            );
        }
    }
}

/// The name of `code` for a new line: the officer's loaded catalogue, the built-in one, then last
/// year's budget (attached or recorded).
fn catalogue_name(view: &ViewState, kind: CatalogueKind, code: &str) -> Option<String> {
    if let Some(e) = view.catalogue.as_ref().and_then(|c| c.get(kind, code)) {
        return Some(e.name.clone());
    }
    if let Some(e) = Catalogue::built_in().get(kind, code) {
        return Some(e.name.clone());
    }
    let last = &view.base.as_ref()?.budget;
    match kind {
        CatalogueKind::Function => last
            .function_line_index(code)
            .and_then(|i| last.function_lines.get(i))
            .map(|l| l.name.clone()),
        CatalogueKind::Economic => last
            .economic
            .lines
            .iter()
            .find(|l| l.code == code)
            .map(|l| l.name.clone()),
    }
}

/// What the search offers: catalogue entries (the officer's first) and last year's lines, each
/// code once, codes the budget already has left out.
fn offers(budget: &Budget, kind: LineKind, view: &ViewState, query: &str) -> Vec<(String, String)> {
    const LIMIT: usize = 12;
    let ck = catalogue_kind(kind);
    let mut out: Vec<(String, String)> = Vec::new();
    let mut push = |code: &str, name: &str| {
        if out.len() < LIMIT
            && name_of(budget, kind, code).is_none()
            && !out.iter().any(|(c, _)| c == code)
        {
            out.push((code.to_owned(), name.to_owned()));
        }
    };
    let catalogues = view.catalogue.iter().chain([Catalogue::built_in()]);
    for c in catalogues {
        for e in c.search(ck, query, LIMIT * 2) {
            push(&e.code, &e.name);
        }
    }
    if let Some(base) = &view.base {
        let digits = query.chars().all(|c| c.is_ascii_digit());
        let last = &base.budget;
        let lines: Vec<(&str, &str)> = match kind {
            LineKind::Function => last
                .function_lines
                .iter()
                .map(|l| (l.code.as_str(), l.name.as_str()))
                .collect(),
            LineKind::Economic => last
                .economic
                .lines
                .iter()
                .map(|l| (l.code.as_str(), l.name.as_str()))
                .collect(),
        };
        for (code, name) in lines {
            let hit = if digits {
                code.starts_with(query)
            } else {
                name.contains(query)
            };
            if hit {
                push(code, name);
            }
        }
    }
    out
}

fn catalogue_kind(kind: LineKind) -> CatalogueKind {
    match kind {
        LineKind::Function => CatalogueKind::Function,
        LineKind::Economic => CatalogueKind::Economic,
    }
}

/// Search by code or name; a click adds the line and the 类 and 款 it needs, as one step.
fn catalogue_picker(
    ui: &mut Ui,
    budget: &Budget,
    kind: LineKind,
    view: &mut ViewState,
    actions: &mut Vec<Action>,
) {
    let lang = view.lang;
    ui.horizontal_wrapped(|ui| {
        ui.label(Tr::CatalogueSearch.get(lang));
        let response = text_field(
            ui,
            &mut view.new_line.search,
            Tr::CatalogueSearch.get(lang),
            260.0,
        );
        if std::mem::take(&mut view.new_line.focus_search) {
            response.request_focus();
        }
        ui.label(egui::RichText::new(Tr::CatalogueSearchHint.get(lang)).weak());
    });
    let query = view.new_line.search.trim().to_owned();
    if query.is_empty() {
        return;
    }
    let found = offers(budget, kind, view, &query);
    if found.is_empty() {
        // Say whether the catalogue knows nothing, or only lines the budget already has.
        let known = view
            .catalogue
            .iter()
            .chain([Catalogue::built_in()])
            .any(|c| !c.search(catalogue_kind(kind), &query, 1).is_empty());
        let text = if known {
            Tr::CatalogueAllPresent
        } else {
            Tr::CatalogueNothing
        };
        ui.label(egui::RichText::new(text.get(lang)).weak());
        return;
    }
    let ck = catalogue_kind(kind);
    let mut chosen = None;
    ui.horizontal_wrapped(|ui| {
        for (code, name) in &found {
            if ui.button(format!("[{code}] {name}")).clicked() {
                chosen = Some((code.clone(), name.clone()));
            }
        }
    });
    let Some((code, name)) = chosen else {
        return;
    };
    // The parents the budget lacks, from the catalogues; one missing everywhere stops the add.
    let mut edits = Vec::new();
    for len in [3, 5] {
        let Some(parent) = code.get(..len).filter(|p| p.len() < code.len()) else {
            break;
        };
        if name_of(budget, kind, parent).is_some() {
            continue;
        }
        match catalogue_name(view, ck, parent) {
            Some(parent_name) => edits.extend(put(kind, budget, parent, Some(&parent_name), false)),
            None => {
                view.new_line.error = Some(format!(
                    "{} [{parent}]",
                    Tr::CatalogueMissingParent.get(lang)
                ));
                return;
            }
        }
    }
    edits.extend(put(kind, budget, &code, Some(&name), false));
    actions.push(Action::Apply {
        label: format!("{} [{code}] {name}", Tr::AddLine.get(lang)),
        edits,
    });
    view.selected_code = Some(code.clone());
    view.scroll_to_code = Some(code);
    view.new_line.search.clear();
    view.new_line.error = None;
}
