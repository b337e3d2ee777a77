//! Chart scenes: the charts of [`crate::calc::charts`] laid out as a list of simple shapes (rects,
//! donut sectors, lines, text) with hit regions. Two painters draw the same scene: egui's painter on
//! screen and in presentation mode, and a software rasteriser for PNG export, so the exported image
//! is what the meeting room saw — and it can be made without a window or a GPU.
//!
//! Why our own painter rather than egui_plot: egui_plot has no pie, its polygon hover names the
//! nearest vertex rather than the slice, and it drops long Chinese axis labels. A scene of our own
//! gives crisp donut sectors (one triangle strip per sector, anti-aliased outline), hover by angle,
//! legends that list every slice however small, and an identical PNG.

pub mod png;

use rust_decimal::Decimal;

use crate::calc::charts::{Chart, ChartKind};

/// An RGBA colour.
pub type Rgba = [u8; 4];

/// A colour-blind-safe qualitative palette (Paul Tol's "bright" and "muted" sets). Slot `i` is the
/// `i`-th 类 of a budget in code order, so a class keeps its colour in every chart.
pub const PALETTE: [Rgba; 12] = [
    [0x44, 0x77, 0xAA, 255],
    [0xEE, 0x66, 0x77, 255],
    [0x22, 0x88, 0x33, 255],
    [0xCC, 0xBB, 0x44, 255],
    [0x66, 0xCC, 0xEE, 255],
    [0xAA, 0x33, 0x77, 255],
    [0x88, 0x22, 0x55, 255],
    [0x11, 0x77, 0x33, 255],
    [0x99, 0x99, 0x33, 255],
    [0x33, 0x22, 0x88, 255],
    [0xDD, 0xCC, 0x77, 255],
    [0x88, 0xCC, 0xEE, 255],
];

/// Colour of slot `i`.
#[must_use]
pub fn palette(i: usize) -> Rgba {
    PALETTE[i % PALETTE.len()]
}

/// Horizontal anchor of a text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HAlign {
    /// Text starts at the point.
    Left,
    /// Text is centred on the point.
    Center,
    /// Text ends at the point.
    Right,
}

/// One thing to draw.
#[derive(Clone, Debug, PartialEq)]
pub enum Shape {
    /// A filled rectangle.
    Rect {
        /// Top-left.
        min: [f32; 2],
        /// Bottom-right.
        max: [f32; 2],
        /// Fill.
        fill: Rgba,
    },
    /// A donut sector, angles in radians clockwise from 12 o'clock.
    Sector {
        /// Centre.
        centre: [f32; 2],
        /// Inner radius.
        inner: f32,
        /// Outer radius.
        outer: f32,
        /// Start angle.
        start: f32,
        /// End angle.
        end: f32,
        /// Fill.
        fill: Rgba,
    },
    /// A straight line.
    Line {
        /// From.
        from: [f32; 2],
        /// To.
        to: [f32; 2],
        /// Width.
        width: f32,
        /// Colour.
        colour: Rgba,
    },
    /// A line of text, vertically centred on `pos`.
    Text {
        /// Anchor point.
        pos: [f32; 2],
        /// The text.
        text: String,
        /// Font size in pixels.
        size: f32,
        /// Colour.
        colour: Rgba,
        /// Horizontal anchor.
        align: HAlign,
    },
}

/// The outline of a donut sector: the outer arc from `start` to `end`, then the inner arc back,
/// one point every `step` radians. Both painters draw sectors from it.
#[must_use]
pub fn sector_outline(
    centre: [f32; 2],
    inner: f32,
    outer: f32,
    start: f32,
    end: f32,
    step: f32,
) -> Vec<[f32; 2]> {
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)] // a small positive count
    let steps = (((end - start).abs() / step).ceil() as usize).clamp(2, 2000);
    let at = |r: f32, k: usize| {
        let a = start + (end - start) * k as f32 / steps as f32;
        [centre[0] + r * a.sin(), centre[1] - r * a.cos()]
    };
    let mut points = Vec::with_capacity(2 * (steps + 1));
    points.extend((0..=steps).map(|k| at(outer, k)));
    points.extend((0..=steps).rev().map(|k| at(inner, k)));
    points
}

/// A region that answers to the pointer.
#[derive(Clone, Debug, PartialEq)]
pub enum Region {
    /// A donut sector.
    Sector {
        /// Centre.
        centre: [f32; 2],
        /// Inner radius.
        inner: f32,
        /// Outer radius.
        outer: f32,
        /// Start angle.
        start: f32,
        /// End angle.
        end: f32,
    },
    /// A rectangle.
    Rect {
        /// Top-left.
        min: [f32; 2],
        /// Bottom-right.
        max: [f32; 2],
    },
}

impl Region {
    /// True when `p` is inside.
    #[must_use]
    pub fn contains(&self, p: [f32; 2]) -> bool {
        match self {
            Region::Rect { min, max } => {
                p[0] >= min[0] && p[0] <= max[0] && p[1] >= min[1] && p[1] <= max[1]
            }
            Region::Sector {
                centre,
                inner,
                outer,
                start,
                end,
            } => {
                let dx = p[0] - centre[0];
                let dy = p[1] - centre[1];
                let r = (dx * dx + dy * dy).sqrt();
                if r < *inner || r > *outer {
                    return false;
                }
                // Clockwise from 12 o'clock.
                let mut a = dx.atan2(-dy);
                if a < 0.0 {
                    a += std::f32::consts::TAU;
                }
                a >= *start && a < *end
            }
        }
    }
}

/// A laid-out chart.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Scene {
    /// Width and height.
    pub size: [f32; 2],
    /// Background colour.
    pub background: Rgba,
    /// Shapes in paint order.
    pub shapes: Vec<Shape>,
    /// Hit regions and the datum each belongs to.
    pub hits: Vec<(Region, usize)>,
}

impl Scene {
    /// The datum under `p`, if any.
    #[must_use]
    pub fn hit(&self, p: [f32; 2]) -> Option<usize> {
        self.hits
            .iter()
            .find(|(r, _)| r.contains(p))
            .map(|(_, d)| *d)
    }
}

/// How to lay a chart out.
#[derive(Clone, Debug, PartialEq)]
pub struct Style {
    /// Width and height of the scene.
    pub size: [f32; 2],
    /// Dark background.
    pub dark: bool,
    /// Body text size in pixels (titles are larger).
    pub text: f32,
    /// Title lines above the chart: title, then department · year · unit. Empty: no header.
    pub header: Vec<String>,
    /// Chinese labels.
    pub zh: bool,
}

impl Style {
    /// Presentation and export style for a `width`×`height` canvas: labels ≥ 28 px at 1080p.
    #[must_use]
    pub fn slide(width: f32, height: f32, dark: bool, zh: bool, header: Vec<String>) -> Self {
        Style {
            size: [width, height],
            dark,
            text: (height / 1080.0 * 28.0).max(14.0),
            header,
            zh,
        }
    }
}

struct Ink {
    text: Rgba,
    weak: Rgba,
    rule: Rgba,
    background: Rgba,
}

fn ink(dark: bool) -> Ink {
    if dark {
        Ink {
            text: [0xEE, 0xEE, 0xEE, 255],
            weak: [0xAA, 0xAA, 0xAA, 255],
            rule: [0x55, 0x55, 0x55, 255],
            background: [0x1B, 0x1B, 0x1F, 255],
        }
    } else {
        Ink {
            text: [0x22, 0x22, 0x22, 255],
            weak: [0x66, 0x66, 0x66, 255],
            rule: [0xCC, 0xCC, 0xCC, 255],
            background: [0xFF, 0xFF, 0xFF, 255],
        }
    }
}

/// Approximate advance of `text` at `size` px: full width for CJK, about half for Latin and digits.
/// Both painters anchor text themselves, so this only decides truncation and column widths.
#[must_use]
pub fn text_width(text: &str, size: f32) -> f32 {
    text.chars()
        .map(|c| if (c as u32) >= 0x1100 { 1.0 } else { 0.56 } * size)
        .sum()
}

/// `text` shortened with "…" to fit `width`.
#[must_use]
pub fn fit(text: &str, size: f32, width: f32) -> String {
    if text_width(text, size) <= width {
        return text.to_owned();
    }
    let mut out = String::new();
    let mut used = text_width("…", size);
    for c in text.chars() {
        let w = text_width(c.encode_utf8(&mut [0; 4]), size);
        if used + w > width {
            break;
        }
        used += w;
        out.push(c);
    }
    out.push('…');
    out
}

fn pct(share: Decimal) -> String {
    format!("{share:.2}%")
}

/// Colours of the two series of stacked/grouped bars.
/// Basic and project keep the colours they have in the basic/project donut.
const SERIES: [Rgba; 2] = [PALETTE[0], PALETTE[1]];
const SERIES_LAST_YEAR: Rgba = [0xBB, 0xBB, 0xBB, 255];

/// Lays `chart` out for `style`.
#[must_use]
pub fn layout(chart: &Chart, style: &Style) -> Scene {
    let ink = ink(style.dark);
    let mut scene = Scene {
        size: style.size,
        background: ink.background,
        shapes: Vec::new(),
        hits: Vec::new(),
    };
    let t = style.text;
    let pad = t * 0.9;
    let mut top = pad;
    for (i, line) in style.header.iter().enumerate() {
        let size = if i == 0 { t * 1.5 } else { t * 0.9 };
        scene.shapes.push(Shape::Text {
            pos: [pad, top + size * 0.6],
            text: line.clone(),
            size,
            colour: if i == 0 { ink.text } else { ink.weak },
            align: HAlign::Left,
        });
        top += size * 1.4;
    }
    if !chart.note.is_empty() {
        scene.shapes.push(Shape::Text {
            pos: [pad, top + t * 0.45],
            text: chart.note.clone(),
            size: t * 0.8,
            colour: ink.weak,
            align: HAlign::Left,
        });
        top += t * 1.2;
    }
    let area = [
        pad,
        top + pad * 0.5,
        style.size[0] - pad,
        style.size[1] - pad,
    ];
    if chart.data.is_empty()
        || chart
            .data
            .iter()
            .all(|d| d.value.is_zero() && d.parts.iter().all(|p| p.is_zero()))
    {
        scene.shapes.push(Shape::Text {
            pos: [(area[0] + area[2]) / 2.0, (area[1] + area[3]) / 2.0],
            text: (if style.zh { "无数据" } else { "No data" }).to_owned(),
            size: t,
            colour: ink.weak,
            align: HAlign::Center,
        });
        return scene;
    }
    if chart.kind.is_pie() {
        donut(chart, style, &ink, area, &mut scene);
    } else {
        bars(chart, style, &ink, area, &mut scene);
    }
    scene
}

fn unit_label(chart: &Chart, zh: bool) -> &'static str {
    chart.unit.label(zh)
}

fn donut(chart: &Chart, style: &Style, ink: &Ink, area: [f32; 4], scene: &mut Scene) {
    let t = style.text;
    let width = area[2] - area[0];
    let height = area[3] - area[1];
    let legend_w = width * 0.52;
    let pie_w = width - legend_w;
    let outer = (pie_w.min(height) / 2.0 * 0.92).max(10.0);
    let inner = outer * 0.56;
    let centre = [area[0] + pie_w / 2.0, area[1] + height / 2.0];
    let total: f64 = chart.data.iter().map(|d| d.value.to_f64_lossy()).sum();
    let mut angle = 0.0f32;
    for (i, d) in chart.data.iter().enumerate() {
        if d.value.is_zero() || total <= 0.0 {
            continue;
        }
        #[allow(clippy::cast_possible_truncation)] // a fraction of a full turn
        let sweep = (d.value.to_f64_lossy() / total * std::f64::consts::TAU) as f32;
        let (start, end) = (angle, angle + sweep);
        scene.shapes.push(Shape::Sector {
            centre,
            inner,
            outer,
            start,
            end,
            fill: palette(d.colour),
        });
        scene.hits.push((
            Region::Sector {
                centre,
                inner,
                outer: outer + 4.0,
                start,
                end,
            },
            i,
        ));
        // Label big enough slices inside the ring; small ones are read in the legend.
        if sweep > 0.30 {
            let mid = (start + end) / 2.0;
            let r = (inner + outer) / 2.0;
            scene.shapes.push(Shape::Text {
                pos: [centre[0] + r * mid.sin(), centre[1] - r * mid.cos()],
                text: pct(d.share),
                size: t,
                colour: [255, 255, 255, 255],
                align: HAlign::Center,
            });
        }
        angle = end;
    }
    scene.shapes.push(Shape::Text {
        pos: [centre[0], centre[1] - t * 0.5],
        text: chart.total.format_grouped(2),
        size: t * 1.1,
        colour: ink.text,
        align: HAlign::Center,
    });
    scene.shapes.push(Shape::Text {
        pos: [centre[0], centre[1] + t * 0.7],
        text: unit_label(chart, style.zh).to_owned(),
        size: t * 0.8,
        colour: ink.weak,
        align: HAlign::Center,
    });
    // Legend: every slice, however small, with amount and share.
    let rows = chart.data.len() as f32;
    let mut size = t;
    let mut row_h = size * 1.7;
    if row_h * rows > height {
        row_h = height / rows;
        size = (row_h / 1.7).max(8.0);
    }
    let x0 = area[0] + pie_w + t * 0.5;
    let mut y = area[1] + ((height - row_h * rows) / 2.0).max(0.0);
    let amount_w = chart
        .data
        .iter()
        .map(|d| text_width(&d.value.format_grouped(2), size))
        .fold(0.0f32, f32::max);
    let share_w = text_width("100.00%", size);
    let names: Vec<String> = chart
        .data
        .iter()
        .map(|d| {
            if d.code.chars().all(|c| c.is_ascii_digit()) {
                format!("[{}] {}", d.code, d.label)
            } else {
                d.label.clone()
            }
        })
        .collect();
    let room = (area[2] - x0 - size * 1.2 - amount_w - share_w - size * 2.0).max(size * 4.0);
    let name_w = names
        .iter()
        .map(|n| text_width(n, size))
        .fold(0.0f32, f32::max)
        .min(room);
    // A compact block: swatch, name, amount, share — no gap wider than the text needs.
    let amount_right = x0 + size * 1.2 + name_w + size + amount_w;
    let share_right = amount_right + size + share_w;
    for (i, d) in chart.data.iter().enumerate() {
        let cy = y + row_h / 2.0;
        scene.shapes.push(Shape::Rect {
            min: [x0, cy - size * 0.4],
            max: [x0 + size * 0.8, cy + size * 0.4],
            fill: palette(d.colour),
        });
        scene.shapes.push(Shape::Text {
            pos: [x0 + size * 1.2, cy],
            text: fit(&names[i], size, name_w),
            size,
            colour: ink.text,
            align: HAlign::Left,
        });
        scene.shapes.push(Shape::Text {
            pos: [amount_right, cy],
            text: d.value.format_grouped(2),
            size,
            colour: ink.text,
            align: HAlign::Right,
        });
        scene.shapes.push(Shape::Text {
            pos: [share_right, cy],
            text: pct(d.share),
            size,
            colour: ink.weak,
            align: HAlign::Right,
        });
        scene.hits.push((
            Region::Rect {
                min: [x0, y],
                max: [share_right, y + row_h],
            },
            i,
        ));
        y += row_h;
    }
}

fn bars(chart: &Chart, style: &Style, ink: &Ink, area: [f32; 4], scene: &mut Scene) {
    let t = style.text;
    let mut top = area[1];
    // Series legend.
    if !chart.series.is_empty() {
        let mut x = area[0];
        for (k, name) in chart.series.iter().enumerate() {
            let colour = series_colour(chart.kind, k);
            let cy = top + t * 0.5;
            scene.shapes.push(Shape::Rect {
                min: [x, cy - t * 0.35],
                max: [x + t * 0.7, cy + t * 0.35],
                fill: colour,
            });
            scene.shapes.push(Shape::Text {
                pos: [x + t, cy],
                text: name.clone(),
                size: t * 0.85,
                colour: ink.text,
                align: HAlign::Left,
            });
            x += t * 1.5 + text_width(name, t * 0.85) + t;
        }
        top += t * 1.4;
    }
    let rows = chart.data.len() as f32;
    let height = area[3] - top;
    let mut size = t;
    let mut row_h = (height / rows).min(size * 4.0);
    if row_h < size * 1.3 {
        size = (row_h / 1.3).max(8.0);
        row_h = height / rows;
    }
    // Few bars: centre the block rather than leave the bottom of the slide empty.
    let top = top + ((height - row_h * rows) / 2.0).max(0.0);
    let width = area[2] - area[0];
    let label_w = chart
        .data
        .iter()
        .map(|d| text_width(&d.label, size))
        .fold(0.0f32, f32::max)
        .min(width * 0.34);
    let value_w = text_width("99,999,999.99", size);
    let x0 = area[0] + label_w + size * 0.6;
    let bar_w = (area[2] - x0 - value_w - size).max(10.0);
    let grouped = chart.kind == ChartKind::Sangong;
    let max = chart
        .data
        .iter()
        .map(|d| {
            if grouped {
                d.parts.iter().map(|p| p.to_f64_lossy()).fold(0.0, f64::max)
            } else {
                d.value.to_f64_lossy()
            }
        })
        .fold(0.0f64, f64::max)
        .max(f64::MIN_POSITIVE);
    #[allow(clippy::cast_possible_truncation)] // pixel lengths
    let len = |v: f64| (v / max) as f32 * bar_w;
    let mut y = top;
    for (i, d) in chart.data.iter().enumerate() {
        let cy = y + row_h / 2.0;
        let thick = row_h * 0.62;
        scene.shapes.push(Shape::Text {
            pos: [x0 - size * 0.6, cy],
            text: fit(&d.label, size, label_w),
            size,
            colour: ink.text,
            align: HAlign::Right,
        });
        let end = if grouped {
            let half = thick / 2.0;
            let mut end = x0;
            for (k, part) in d.parts.iter().enumerate() {
                let y0 = cy - half + half * k as f32;
                let x1 = x0 + len(part.to_f64_lossy());
                scene.shapes.push(Shape::Rect {
                    min: [x0, y0],
                    max: [x1, y0 + half * 0.92],
                    fill: series_colour(chart.kind, k),
                });
                scene.shapes.push(Shape::Text {
                    pos: [x1 + size * 0.3, y0 + half * 0.46],
                    text: part.format_grouped(2),
                    size: size * 0.85,
                    colour: if k == 0 { ink.text } else { ink.weak },
                    align: HAlign::Left,
                });
                end = end.max(x1);
            }
            end
        } else if d.parts.is_empty() {
            let x1 = x0 + len(d.value.to_f64_lossy());
            scene.shapes.push(Shape::Rect {
                min: [x0, cy - thick / 2.0],
                max: [x1, cy + thick / 2.0],
                fill: palette(d.colour),
            });
            x1
        } else {
            let mut x = x0;
            for (k, part) in d.parts.iter().enumerate() {
                let x1 = x + len(part.to_f64_lossy());
                scene.shapes.push(Shape::Rect {
                    min: [x, cy - thick / 2.0],
                    max: [x1, cy + thick / 2.0],
                    fill: series_colour(chart.kind, k),
                });
                x = x1;
            }
            x
        };
        if !grouped {
            let text = if chart.kind == ChartKind::Sangong || d.share.is_zero() {
                d.value.format_grouped(2)
            } else {
                format!("{}  {}", d.value.format_grouped(2), pct(d.share))
            };
            scene.shapes.push(Shape::Text {
                pos: [end + size * 0.4, cy],
                text,
                size,
                colour: ink.text,
                align: HAlign::Left,
            });
        }
        scene.hits.push((
            Region::Rect {
                min: [area[0], y],
                max: [area[2], y + row_h],
            },
            i,
        ));
        y += row_h;
    }
    scene.shapes.push(Shape::Line {
        from: [x0, top],
        to: [x0, y],
        width: 1.0,
        colour: ink.rule,
    });
}

fn series_colour(kind: ChartKind, k: usize) -> Rgba {
    match (kind, k) {
        (ChartKind::Sangong, 1) => SERIES_LAST_YEAR,
        (_, k) => SERIES[k % SERIES.len()],
    }
}

/// The chart header lines for a budget: title, then department · year · unit.
#[must_use]
pub fn header(budget: &crate::model::Budget, chart: &Chart, zh: bool) -> Vec<String> {
    let unit = chart.unit.label(zh);
    let meta = if zh {
        format!(
            "{} · {}年度部门预算 · 单位：{unit}",
            budget.profile.department_name, budget.profile.year
        )
    } else {
        format!(
            "{} · {} budget · unit: {unit}",
            budget.profile.department_name, budget.profile.year
        )
    };
    vec![chart.title.clone(), meta]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calc::{charts::chart, derive};

    #[test]
    fn every_datum_can_be_hovered_and_sectors_cover_the_turn() {
        let b = crate::sample::sample_budget().unwrap();
        let d = derive(&b);
        for kind in ChartKind::ALL {
            let c = chart(&b, &d, kind, None, true);
            let scene = layout(
                &c,
                &Style::slide(1920.0, 1080.0, false, true, header(&b, &c, true)),
            );
            for i in 0..c.data.len() {
                assert!(
                    scene.hits.iter().any(|(_, d)| *d == i),
                    "{kind:?} datum {i}"
                );
            }
        }
        let c = chart(&b, &d, ChartKind::Classes, None, true);
        let scene = layout(&c, &Style::slide(1920.0, 1080.0, false, true, vec![]));
        let last_end = scene
            .shapes
            .iter()
            .filter_map(|s| match s {
                Shape::Sector { end, .. } => Some(*end),
                _ => None,
            })
            .fold(0.0f32, f32::max);
        assert!((last_end - std::f32::consts::TAU).abs() < 1e-3);
        // The 0.08% class is still listed, with its share, in the legend.
        assert!(
            scene
                .shapes
                .iter()
                .any(|s| matches!(s, Shape::Text { text, .. } if text == "0.08%"))
        );
    }

    #[test]
    fn sector_hit_test_by_angle() {
        let r = Region::Sector {
            centre: [100.0, 100.0],
            inner: 20.0,
            outer: 50.0,
            start: 0.0,
            end: std::f32::consts::FRAC_PI_2,
        };
        assert!(r.contains([130.0, 80.0])); // up-right: inside the first quarter
        assert!(!r.contains([70.0, 80.0])); // up-left
        assert!(!r.contains([101.0, 99.0])); // in the hole
    }

    #[test]
    fn labels_are_shortened_to_fit() {
        let long = "完成厂区南块土地88.8亩土地出让金缺口费用。";
        let short = fit(long, 20.0, 120.0);
        assert!(short.ends_with('…'));
        assert!(text_width(&short, 20.0) <= 120.0);
        assert_eq!(fit("短", 20.0, 120.0), "短");
    }
}
