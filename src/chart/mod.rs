//! Chart scenes: the charts of [`crate::calc::charts`] laid out as a list of simple shapes (rects,
//! donut sectors, lines, text) with hit regions. Two painters draw the same scene: egui's painter on
//! screen and in presentation mode, and a software rasteriser for PNG export, so the exported image
//! is what the meeting room saw — and it can be made without a window or a GPU.
//!
//! Why our own painter rather than egui_plot: egui_plot has no pie, its polygon hover names the
//! nearest vertex rather than the slice, and it drops long Chinese axis labels. A scene of our own
//! gives crisp donut sectors (one triangle strip per sector, anti-aliased outline), hover by angle,
//! legends that list every slice however small, and an identical PNG.

mod layout;
pub mod palette;
pub mod png;

pub use layout::layout;

use crate::calc::charts::Chart;

/// An RGBA colour.
pub type Rgba = [u8; 4];

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

/// How wide `text` is at `size` px, by the embedded font's advance widths: the one measurement
/// that layout, truncation and both painters' alignment rely on.
#[must_use]
pub fn text_width(text: &str, size: f32) -> f32 {
    crate::font::text_width(text, size)
}

/// The left edge of a text shape anchored at `x`. Both painters start text there, so its
/// alignment never depends on how a painter would measure it.
#[must_use]
pub fn text_left(x: f32, text: &str, size: f32, align: HAlign) -> f32 {
    match align {
        HAlign::Left => x,
        HAlign::Center => x - text_width(text, size) / 2.0,
        HAlign::Right => x - text_width(text, size),
    }
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
