//! Draws a table of the table model ([`crate::calc::tables::Table`]): the official header with its
//! spans, virtualised rows, amount cells that edit the field they show. Nothing here computes a
//! figure: every cell's value and text come from the model.

use egui::{Align, Align2, Id, Layout, Rect, RichText, Ui};
use egui_extras::{Column as TableColumn, TableBuilder};

use crate::calc::tables::{Cell, ColumnKind, Row, RowKind, Table};
use crate::document::{Document, Edit};
use crate::ui::i18n::{Lang, Tr};
use crate::ui::theme::{self, ROW_HEIGHT};
use crate::ui::widgets::{cell_text, money_cell};
use crate::ui::{Action, ViewState};

/// Draws `table`. `scroll`: the table scrolls by itself (on the Tables tab), or it is one part of
/// a page that scrolls (on the Assets tab).
pub fn show(
    ui: &mut Ui,
    doc: &Document,
    table: &Table<'_>,
    view: &mut ViewState,
    actions: &mut Vec<Action>,
    scroll: bool,
) {
    let scroll_row = view
        .scroll_to_code
        .take()
        .and_then(|code| table.position(&code));
    let mut builder = TableBuilder::new(ui)
        .id_salt(("table", table.id))
        .striped(true)
        .resizable(true)
        .vscroll(scroll)
        .cell_layout(Layout::left_to_right(Align::Center));
    for (i, column) in table.columns.iter().enumerate() {
        let last = i + 1 == table.columns.len();
        builder = builder.column(match column.kind {
            ColumnKind::Code => TableColumn::initial(90.0).at_least(60.0),
            ColumnKind::Name => TableColumn::initial(320.0).at_least(160.0).clip(true),
            ColumnKind::Text if last => TableColumn::remainder().at_least(120.0).clip(true),
            ColumnKind::Text => TableColumn::initial(190.0).at_least(90.0).clip(true),
            ColumnKind::Amount => TableColumn::initial(120.0).at_least(90.0),
        });
    }
    if let Some(r) = scroll_row {
        builder = builder.scroll_to_row(r, Some(Align::Center));
    }
    let rows = table.header_rows.max(1);
    let height = ROW_HEIGHT * rows as f32 + 6.0;
    builder
        .header(height, |mut header| {
            let mut rects: Vec<Rect> = Vec::with_capacity(table.columns.len());
            for col in 0..table.columns.len() {
                header.col(|ui| {
                    rects.push(ui.max_rect());
                    header_leaf(ui, table, col);
                    if col + 1 == table.columns.len() {
                        header_groups(ui, table, &rects);
                    }
                });
            }
        })
        .body(|body| {
            body.rows(ROW_HEIGHT, table.len(), |mut row_ui| {
                let Some(row) = table.row(row_ui.index()) else {
                    return;
                };
                let selected = row.code.is_some() && row.code == view.selected_code;
                row_ui.set_selected(selected);
                let mut clicked = false;
                for (col, cell) in row.cells.iter().enumerate() {
                    let (_, response) = row_ui.col(|ui| {
                        if row.kind == RowKind::Total {
                            let fill = theme::total_row_fill(ui.visuals().dark_mode);
                            ui.painter().rect_filled(ui.max_rect(), 0.0, fill);
                        }
                        draw_cell(ui, doc, table, &row, col, cell, view, actions);
                    });
                    let kind = table.columns.get(col).map(|c| c.kind);
                    if matches!(kind, Some(ColumnKind::Code | ColumnKind::Name)) {
                        clicked |= response.clicked();
                    }
                }
                if clicked && row.code.is_some() {
                    view.selected_code.clone_from(&row.code);
                }
            });
        });
}

/// The header cell that ends in the bottom header row over column `col`, drawn as a label at
/// the bottom of the column's header area.
fn header_leaf(ui: &mut Ui, table: &Table<'_>, col: usize) {
    let bottom = table.header_rows.max(1);
    let Some(cell) = table
        .header
        .iter()
        .find(|h| h.col == col && h.cols == 1 && h.row + h.rows == bottom)
    else {
        return;
    };
    let amount = table
        .columns
        .get(col)
        .is_some_and(|c| c.kind == ColumnKind::Amount);
    let layout = if amount {
        Layout::right_to_left(Align::Max)
    } else {
        Layout::left_to_right(Align::Max)
    };
    ui.with_layout(layout, |ui| {
        ui.add(egui::Label::new(RichText::new(&cell.text).strong()).truncate());
    });
}

/// The header cells that span several columns or stop above the bottom row, painted centred over
/// the columns they span.
fn header_groups(ui: &Ui, table: &Table<'_>, rects: &[Rect]) {
    let bottom = table.header_rows.max(1);
    let Some(first) = rects.first() else {
        return;
    };
    let area = rects.iter().fold(*first, |a, r| a.union(*r));
    // Clipped to what the table shows: a wide table scrolled sideways must not paint its
    // headings over what stands beside it.
    let painter = ui
        .ctx()
        .layer_painter(ui.layer_id())
        .with_clip_rect(area.intersect(ui.clip_rect()));
    let line_height = area.height() / bottom as f32;
    let font = egui::TextStyle::Body.resolve(ui.style());
    let colour = ui.visuals().strong_text_color();
    let stroke = ui.visuals().widgets.noninteractive.bg_stroke;
    for cell in &table.header {
        if cell.cols == 1 && cell.row + cell.rows == bottom {
            continue;
        }
        let (Some(left), Some(right)) = (rects.get(cell.col), rects.get(cell.col + cell.cols - 1))
        else {
            continue;
        };
        let top = area.top() + line_height * cell.row as f32;
        let rect = Rect::from_min_max(
            egui::pos2(left.left(), top),
            egui::pos2(right.right(), top + line_height * cell.rows as f32),
        );
        painter.text(
            rect.center(),
            Align2::CENTER_CENTER,
            &cell.text,
            font.clone(),
            colour,
        );
        painter.hline(rect.x_range().shrink(4.0), rect.bottom(), stroke);
    }
}

#[allow(clippy::too_many_arguments)] // one cell needs its table, row, place and the app's state
fn draw_cell(
    ui: &mut Ui,
    doc: &Document,
    table: &Table<'_>,
    row: &Row,
    col: usize,
    cell: &Cell,
    view: &mut ViewState,
    actions: &mut Vec<Action>,
) {
    let lang = view.lang;
    let kind = table.columns.get(col).map_or(ColumnKind::Text, |c| c.kind);
    let strong = row.kind.is_strong();
    // A department whose figures are its units' shows them, to be edited in a unit.
    let summed = doc.is_summed();
    match (kind, cell) {
        (_, Cell::Input { value, .. }) if summed => {
            let name = table.cell_name(row, col);
            cell_text(ui, Cell::Amount(*value).text(row.kind), strong, &name);
        }
        (_, Cell::Input { value, field }) => {
            let name = table.cell_name(row, col);
            let id = Id::unique(("amount-cell", table.id, field));
            let event = money_cell(ui, &mut view.editing, id, *value, table.unit, &name);
            let budget = doc.budget();
            let edit = |amount| Edit::set_amount(budget, field, amount);
            super::cell_actions(event, *value, &name, edit, lang, actions);
        }
        (ColumnKind::Amount, _) | (_, Cell::Amount(_) | Cell::Change(_) | Cell::Locked(_)) => {
            let name = table.cell_name(row, col);
            cell_text(ui, cell.text(row.kind), strong, &name);
            if matches!(cell, Cell::Locked(_)) {
                ui.label(RichText::new("·").weak())
                    .on_hover_text(Tr::MultiSourceHint.get(lang));
            }
        }
        (ColumnKind::Code, _) => {
            let mut text = RichText::new(cell.text(row.kind));
            if row.code.is_some() {
                text = text.monospace();
            }
            // A code selects its line: the bar above then renames or removes it, and the line's
            // sources open beneath it.
            let response = ui.add(
                egui::Label::new(if strong { text.strong() } else { text })
                    .sense(egui::Sense::click()),
            );
            if response.clicked() && row.code.is_some() {
                view.selected_code.clone_from(&row.code);
            }
        }
        (ColumnKind::Name, _) => {
            ui.add_space(12.0 * f32::from(row.kind.depth()));
            let mut text = RichText::new(cell.text(row.kind));
            if row.supplied {
                text = text.italics();
            } else if strong {
                text = text.strong();
            }
            // The name selects its line as the code does (a code printed in three columns is
            // three small targets).
            let response = ui.add(
                egui::Label::new(text)
                    .truncate()
                    .sense(egui::Sense::click()),
            );
            if response.clicked() && row.code.is_some() {
                view.selected_code.clone_from(&row.code);
            }
            if let Some(note) = &row.note {
                ui.label(RichText::new("ⓘ").weak()).on_hover_text(note);
            }
            if row.supplied {
                response.on_hover_text(lang.pick(
                    "本科目未录入，由下级科目汇总。",
                    "Not entered; summed from its sub-lines.",
                ));
            }
        }
        (ColumnKind::Text, _) => {
            let text = cell.text(row.kind);
            let rich = if strong {
                RichText::new(&text).strong()
            } else {
                RichText::new(&text)
            };
            let response = ui.add(egui::Label::new(rich).truncate());
            if col == 0
                && let Some(note) = &row.note
            {
                response.on_hover_text(note);
            }
        }
    }
}

/// The line under the title: the unit, and for a table with no data the note that it is empty.
pub fn caption(ui: &mut Ui, table: &Table<'_>, lang: Lang) {
    ui.label(format!(
        "{}: {}",
        Tr::Unit.get(lang),
        table.unit.label(lang.zh())
    ));
    if let Some(note) = &table.empty_note {
        ui.label(RichText::new(note).italics());
    }
}
