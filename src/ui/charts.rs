//! Charts on screen: paints a [`Scene`] with egui's painter, answers hover with name, code, amount
//! and share, drills down on click, and names every slice and bar for screen readers (and tests).

use egui::epaint::{Mesh, PathShape, PathStroke};
use egui::{Align2, Color32, FontId, Pos2, Rect, RichText, Sense, Stroke, Ui, Vec2};

use crate::calc::charts::{Chart, ChartKind, chart};
use crate::chart::{Region, Rgba, Scene, Shape, Style, header, layout, sector_outline, text_left};
use crate::document::Document;
use crate::ui::commands::UiCommand;
use crate::ui::i18n::{Lang, Tr};
use crate::ui::{Action, ViewState};

fn colour(c: Rgba) -> Color32 {
    Color32::from_rgba_unmultiplied(c[0], c[1], c[2], c[3])
}

fn pos(origin: Pos2, p: [f32; 2]) -> Pos2 {
    origin + Vec2::new(p[0], p[1])
}

/// Paints `scene` with its top-left corner at `origin`; `highlight` outlines one datum's regions.
pub fn paint_scene(ui: &Ui, origin: Pos2, scene: &Scene, highlight: Option<usize>) {
    let painter = ui.painter();
    let size = Vec2::new(scene.size[0], scene.size[1]);
    painter.rect_filled(
        Rect::from_min_size(origin, size),
        6.0,
        colour(scene.background),
    );
    for shape in &scene.shapes {
        match shape {
            Shape::Rect { min, max, fill } => {
                painter.rect_filled(
                    Rect::from_min_max(pos(origin, *min), pos(origin, *max)),
                    0.0,
                    colour(*fill),
                );
            }
            Shape::Sector {
                centre,
                inner,
                outer,
                start,
                end,
                fill,
            } => {
                let c = pos(origin, *centre);
                let points = sector_points(c, *inner, *outer, *start, *end);
                let n = points.len() / 2;
                // One triangle strip per sector: crisp, no seams between many small polygons.
                let mut mesh = Mesh::default();
                for p in &points {
                    mesh.colored_vertex(*p, colour(*fill));
                }
                for k in 0..n.saturating_sub(1) {
                    let (o0, o1) = (k as u32, k as u32 + 1);
                    let (i0, i1) = ((2 * n - 1 - k) as u32, (2 * n - 2 - k) as u32);
                    mesh.add_triangle(o0, o1, i0);
                    mesh.add_triangle(o1, i1, i0);
                }
                painter.add(mesh);
                // Anti-aliased outline in the background colour separates slices cleanly.
                painter.add(PathShape::closed_line(
                    points,
                    PathStroke::new(1.5, colour(scene.background)),
                ));
            }
            Shape::Line {
                from,
                to,
                width,
                colour: c,
            } => {
                painter.line_segment(
                    [pos(origin, *from), pos(origin, *to)],
                    Stroke::new(*width, colour(*c)),
                );
            }
            Shape::Text {
                pos: p,
                text,
                size,
                colour: c,
                align,
            } => {
                // Placed from the left edge the layout measured, as the PNG is.
                let left = [text_left(p[0], text, *size, *align), p[1]];
                painter.text(
                    pos(origin, left),
                    Align2::LEFT_CENTER,
                    text,
                    FontId::proportional(*size),
                    colour(*c),
                );
            }
        }
    }
    if let Some(index) = highlight {
        let stroke = Stroke::new(3.0, ui.visuals().strong_text_color());
        for (region, d) in &scene.hits {
            if *d != index {
                continue;
            }
            match region {
                Region::Rect { min, max } => {
                    painter.rect_stroke(
                        Rect::from_min_max(pos(origin, *min), pos(origin, *max)),
                        3.0,
                        Stroke::new(1.5, stroke.color),
                        egui::StrokeKind::Inside,
                    );
                }
                Region::Sector {
                    centre,
                    inner,
                    outer,
                    start,
                    end,
                } => {
                    let points =
                        sector_points(pos(origin, *centre), *inner, *outer - 4.0, *start, *end);
                    painter.add(PathShape::closed_line(
                        points,
                        PathStroke::new(stroke.width, stroke.color),
                    ));
                }
            }
        }
    }
}

/// Screen points of a sector's outline (see [`sector_outline`]).
fn sector_points(c: Pos2, inner: f32, outer: f32, start: f32, end: f32) -> Vec<Pos2> {
    sector_outline([c.x, c.y], inner, outer, start, end, 0.02)
        .into_iter()
        .map(|p| Pos2::new(p[0], p[1]))
        .collect()
}

/// What the user did with a chart this frame.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ChartEvent {
    /// Nothing.
    None,
    /// Clicked a drillable datum: its code.
    Drill(String),
}

/// Tooltip text of a datum: name, code, amount with unit, share.
#[must_use]
pub fn describe(chart: &Chart, index: usize, lang: Lang) -> String {
    let Some(d) = chart.data.get(index) else {
        return String::new();
    };
    let unit = chart.unit.label(lang.zh());
    let mut lines = vec![d.label.clone()];
    if d.code.chars().all(|c| c.is_ascii_digit()) && chart.kind != ChartKind::Projects {
        lines.push(format!("{}: {}", Tr::Code.get(lang), d.code));
    }
    lines.push(format!(
        "{}: {} {unit}",
        Tr::Amount.get(lang),
        d.value.format_grouped(2)
    ));
    if !chart.series.is_empty() {
        for (name, part) in chart.series.iter().zip(&d.parts) {
            lines.push(format!("{name}: {} {unit}", part.format_grouped(2)));
        }
    }
    if !d.share.is_zero() {
        lines.push(format!("{}: {:.2}%", Tr::Share.get(lang), d.share));
    }
    if d.drillable {
        lines.push(
            lang.pick("点击查看下级", "Click for the breakdown")
                .to_owned(),
        );
    }
    lines.join("\n")
}

/// Draws `chart` into a `size` area with hover, click-to-drill and accessible names.
pub fn chart_area(ui: &mut Ui, chart: &Chart, style: &Style, lang: Lang) -> ChartEvent {
    let scene = layout(chart, style);
    let size = Vec2::new(style.size[0], style.size[1]);
    let (rect, response) = ui.allocate_exact_size(size, Sense::click());
    let origin = rect.min;
    let hovered = response
        .hover_pos()
        .and_then(|p| scene.hit([p.x - origin.x, p.y - origin.y]));
    paint_scene(ui, origin, &scene, hovered);
    let mut event = ChartEvent::None;
    if let Some(index) = hovered {
        let text = describe(chart, index, lang);
        response.clone().on_hover_ui_at_pointer(|ui| {
            ui.label(text);
        });
        if response.clicked()
            && let Some(d) = chart.data.get(index)
            && d.drillable
        {
            event = ChartEvent::Drill(d.code.clone());
        }
    }
    // Each datum as an accessible node over its legend row or bar, which can also be clicked.
    for (i, d) in chart.data.iter().enumerate() {
        let Some(Region::Rect { min, max }) = scene
            .hits
            .iter()
            .find(|(r, k)| *k == i && matches!(r, Region::Rect { .. }))
            .map(|(r, _)| r.clone())
        else {
            continue;
        };
        let item = Rect::from_min_max(pos(origin, min), pos(origin, max));
        let id = ui.scope_id().with(("chart-datum", chart.kind, i));
        let r = ui.interact(item, id, Sense::click());
        let name =
            if d.code.chars().all(|c| c.is_ascii_digit()) && chart.kind != ChartKind::Projects {
                format!("[{}] {}", d.code, d.label)
            } else {
                d.label.clone()
            };
        let value = format!("{} {:.2}%", d.value.format_grouped(2), d.share);
        r.widget_info(|| {
            let mut info = egui::WidgetInfo::labeled(egui::accesskit::Role::Button, true, &name);
            info.current_text_value = Some(value.clone());
            info
        });
        if r.clicked() && d.drillable {
            event = ChartEvent::Drill(d.code.clone());
        }
    }
    event
}

/// The chart block of the Overview: chart picker, breadcrumb, the chart, export and present.
pub fn overview_block(
    ui: &mut Ui,
    doc: &Document,
    view: &mut ViewState,
    actions: &mut Vec<Action>,
) {
    let lang = view.lang;
    ui.horizontal_wrapped(|ui| {
        for kind in ChartKind::ALL {
            if ui
                .selectable_label(view.chart == kind, kind.title(lang.zh()))
                .clicked()
            {
                view.chart = kind;
                view.drill.clear();
            }
        }
    });
    ui.horizontal(|ui| {
        for command in [UiCommand::Present, UiCommand::ExportChart] {
            if command.button(ui, lang).clicked() {
                actions.push(Action::Command(command));
            }
        }
        if view.chart == ChartKind::Classes {
            breadcrumb(ui, view);
        }
    });
    let budget = doc.budget();
    let drill = view.drill.last().map(String::as_str);
    let c = chart(budget, doc.derived(), view.chart, drill, lang.zh());
    let width = ui.available_width().max(320.0);
    let height = (width * 0.5).clamp(300.0, 520.0);
    let style = Style {
        size: [width, height],
        dark: ui.visuals().dark_mode,
        text: 14.0,
        header: Vec::new(),
        zh: lang.zh(),
    };
    if let ChartEvent::Drill(code) = chart_area(ui, &c, &style, lang) {
        view.drill.push(code);
    }
    view.shown_chart = Some(c);
}

/// "全部 › [215] … › [21505] …": each step leads back up.
pub fn breadcrumb(ui: &mut Ui, view: &mut ViewState) {
    let lang = view.lang;
    if view.drill.is_empty() {
        return;
    }
    ui.separator();
    if ui.link(lang.pick("全部类", "All classes")).clicked() {
        view.drill.clear();
        return;
    }
    let mut cut = None;
    for (i, code) in view.drill.iter().enumerate() {
        ui.label("›");
        if i + 1 == view.drill.len() {
            ui.label(RichText::new(format!("[{code}]")).strong());
        } else if ui.link(format!("[{code}]")).clicked() {
            cut = Some(i + 1);
        }
    }
    if let Some(n) = cut {
        view.drill.truncate(n);
    }
}

/// The presentation slide for the current chart, filling the window.
pub fn slide(ui: &mut Ui, doc: &Document, view: &mut ViewState) {
    let lang = view.lang;
    let budget = doc.budget();
    let kind = view.chart;
    let drill = view.drill.last().map(String::as_str);
    let c = chart(budget, doc.derived(), kind, drill, lang.zh());
    let size = ui.available_size();
    let style = Style::slide(
        size.x,
        size.y,
        view.theme.is_dark(),
        lang.zh(),
        header(budget, &c, lang.zh()),
    );
    if let ChartEvent::Drill(code) = chart_area(ui, &c, &style, lang) {
        view.drill.push(code);
    }
    view.shown_chart = Some(c);
}
