//! Shared widgets: the editable money cell, read-only amount cells, text fields with accessible
//! names.

use egui::accesskit::Role;
use egui::{Align2, Color32, Id, Key, Sense, TextEdit, Ui, WidgetInfo};

use crate::model::money::{MoneyParseError, parse_amount};
use crate::model::{Money, MoneyUnit};

/// The cell being typed into.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CellEditing {
    /// The cell.
    pub id: Id,
    /// What is typed so far.
    pub text: String,
    /// Why the text is not an amount, if it is not.
    pub error: Option<String>,
    /// True on the first frame, to take the keyboard focus.
    pub fresh: bool,
}

/// What happened to a money cell this frame.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CellEvent {
    /// Nothing.
    Idle,
    /// The text changed and is a valid amount: preview it.
    Changed(Money),
    /// The text changed and is not a valid amount: withdraw the preview.
    Invalid,
    /// Enter or leaving the cell with a valid amount: commit.
    Committed(Money),
    /// Esc: withdraw.
    Cancelled,
    /// Leaving the cell with invalid text: refused, old value kept.
    Refused(MoneyParseError),
}

/// An amount cell that turns into a text field when clicked. `a11y` names the cell for screen
/// readers and tests (e.g. `[2150501] 基本支出`).
pub fn money_cell(
    ui: &mut Ui,
    editing: &mut Option<CellEditing>,
    id: Id,
    value: Money,
    unit: MoneyUnit,
    a11y: &str,
) -> CellEvent {
    let is_editing = editing.as_ref().is_some_and(|e| e.id == id);
    if !is_editing {
        // Official tables leave zero cells blank.
        let display = if value.is_zero() {
            String::new()
        } else {
            value.format_grouped(2)
        };
        let size = egui::vec2(ui.available_width(), ui.spacing().interact_size.y);
        let (rect, response) = ui.allocate_exact_size(size, Sense::click());
        let visuals = ui.style().interact(&response);
        // Every editable cell is outlined, so that a new budget's empty cells show where amounts
        // go; hovering makes the outline stronger.
        let stroke = if response.hovered() {
            visuals.bg_stroke
        } else {
            ui.visuals().widgets.noninteractive.bg_stroke
        };
        ui.painter()
            .rect_stroke(rect.shrink(1.0), 2.0, stroke, egui::StrokeKind::Inside);
        ui.painter().text(
            rect.right_center() - egui::vec2(4.0, 0.0),
            Align2::RIGHT_CENTER,
            &display,
            egui::TextStyle::Body.resolve(ui.style()),
            ui.visuals().strong_text_color(),
        );
        response.widget_info(|| {
            let mut info = WidgetInfo::labeled(Role::Button, true, a11y);
            info.current_text_value = Some(display.clone());
            info
        });
        if response.clicked() {
            *editing = Some(CellEditing {
                id,
                text: value.value().normalize().to_string(),
                error: None,
                fresh: true,
            });
        }
        return CellEvent::Idle;
    }
    let Some(state) = editing.as_mut() else {
        return CellEvent::Idle;
    };
    let has_error = state.error.is_some();
    let mut edit = TextEdit::singleline(&mut state.text)
        .id(id)
        .align(egui::Align2::RIGHT_CENTER)
        .desired_width(f32::INFINITY);
    if has_error {
        edit = edit.text_color(Color32::from_rgb(0xC0, 0x20, 0x20));
    }
    let output = edit.show(ui);
    let response = output.response.response;
    ui.ctx()
        .accesskit_node_builder(response.id, |b| b.set_label(a11y.to_owned()));
    if state.fresh {
        // Like a spreadsheet: the first keystroke replaces the old figure.
        response.request_focus();
        let mut text_state = output.state;
        text_state
            .cursor
            .set_char_range(Some(egui::text_selection::CCursorRange::select_all(
                &output.galley,
            )));
        text_state.store(ui.ctx(), response.id);
        state.fresh = false;
    }
    if let Some(error) = &state.error {
        response.clone().on_hover_text(error);
    }
    let escape = ui.input(|i| i.key_pressed(Key::Escape));
    if response.lost_focus() || (escape && response.has_focus()) {
        let text = state.text.clone();
        *editing = None;
        if escape {
            return CellEvent::Cancelled;
        }
        return match parse_amount(&text, unit) {
            Ok(m) => CellEvent::Committed(m),
            Err(MoneyParseError::Empty) => CellEvent::Committed(Money::ZERO),
            Err(e) => CellEvent::Refused(e),
        };
    }
    if response.changed() {
        return match parse_amount(&state.text, unit) {
            Ok(m) => {
                state.error = None;
                CellEvent::Changed(m)
            }
            Err(MoneyParseError::Empty) => {
                state.error = None;
                CellEvent::Changed(Money::ZERO)
            }
            Err(e) => {
                state.error = Some(e.describe(crate::ui::i18n::Lang::of(ui.ctx()).zh()));
                CellEvent::Invalid
            }
        };
    }
    CellEvent::Idle
}

/// A right-aligned read-only amount; `strong` for totals. Named for screen readers and tests.
pub fn amount_label(ui: &mut Ui, value: Money, dp: u32, strong: bool, a11y: &str) {
    cell_text(ui, value.format_grouped(dp), strong, a11y);
}

/// A read-only amount in a table body: blank when zero, as official tables print it.
pub fn cell_label(ui: &mut Ui, value: Money, dp: u32, strong: bool, a11y: &str) {
    let text = if value.is_zero() {
        String::new()
    } else {
        value.format_grouped(dp)
    };
    cell_text(ui, text, strong, a11y);
}

/// A right-aligned table cell showing `text` (bold when `strong`), named `a11y` for screen readers
/// and tests.
pub fn cell_text(ui: &mut Ui, text: String, strong: bool, a11y: &str) {
    ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
        ui.add_space(4.0);
        let rich = if strong {
            egui::RichText::new(&text).strong()
        } else {
            egui::RichText::new(&text)
        };
        let response = ui.label(rich);
        response.widget_info(|| {
            // A table cell: named by what it is, valued by what it shows.
            let mut info = WidgetInfo::labeled(Role::Cell, true, a11y);
            info.current_text_value = Some(text.clone());
            info
        });
    });
}

/// A single-line text field with an accessible name; returns its response.
pub fn text_field(ui: &mut Ui, text: &mut String, a11y: &str, width: f32) -> egui::Response {
    // A fixed size: inside grids the previous frame's column width would otherwise squeeze it.
    let height = ui.spacing().interact_size.y;
    let response = ui.add_sized([width, height], TextEdit::singleline(text));
    ui.ctx()
        .accesskit_node_builder(response.id, |b| b.set_label(a11y.to_owned()));
    response
}

/// A wrapping multi-line text field with an accessible name; returns its response.
pub fn text_area(ui: &mut Ui, text: &mut String, a11y: &str, rows: usize) -> egui::Response {
    let response = ui.add(
        TextEdit::multiline(text)
            .desired_rows(rows)
            .desired_width(f32::INFINITY),
    );
    ui.ctx()
        .accesskit_node_builder(response.id, |b| b.set_label(a11y.to_owned()));
    response
}

/// Findings as coloured lines (errors red, warnings amber), for the panels beside forms.
pub fn findings_list<'a>(
    ui: &mut Ui,
    findings: impl Iterator<Item = &'a crate::checks::Finding>,
    zh: bool,
) {
    let dark = ui.visuals().dark_mode;
    for f in findings {
        let colour = match f.severity {
            crate::checks::Severity::Error => super::theme::error_colour(dark),
            crate::checks::Severity::Warning => super::theme::warning_colour(dark),
        };
        ui.colored_label(
            colour,
            format!("{} {}", f.severity.label(zh), f.message(zh)),
        );
    }
}

/// A whole number (a count) to drag or type, with an accessible name. Returns whether the value
/// changed this frame and whether the gesture ended (drag released, field left): previewing while
/// it changes and committing when it ends makes one undo step of a drag.
pub fn count_field(ui: &mut Ui, value: &mut u32, max: u32, a11y: &str) -> (bool, bool) {
    let response = ui.add(egui::DragValue::new(value).range(0..=max));
    ui.ctx()
        .accesskit_node_builder(response.id, |b| b.set_label(a11y.to_owned()));
    let changed = response.changed();
    let finished = response.drag_stopped()
        || response.lost_focus()
        || (changed && !response.dragged() && !response.has_focus());
    (changed, finished)
}
