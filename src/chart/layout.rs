//! Lays a chart out as a [`Scene`]: a donut with its legend for shares, horizontal bars for
//! amounts, header lines above. Sizes follow the style's text size, so the same code serves the
//! Overview, the presentation slide and the 1920×1080 PNG.

use rust_decimal::Decimal;

use super::palette::{self, PALETTE};
use super::{HAlign, Region, Rgba, Scene, Shape, Style, fit, text_width};
use crate::calc::charts::{Chart, ChartKind, Datum};

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
        let fill = palette::colour(d.colour);
        scene.shapes.push(Shape::Sector {
            centre,
            inner,
            outer,
            start,
            end,
            fill,
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
                colour: palette::label_colour(fill),
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
            fill: palette::colour(d.colour),
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
    let grouped = chart.kind == ChartKind::Sangong;
    // The figures printed after the bars, measured, so the longest bar leaves room for its own.
    let ends: Vec<String> = chart.data.iter().map(|d| end_label(chart, d)).collect();
    let value_w = if grouped {
        chart
            .data
            .iter()
            .flat_map(|d| &d.parts)
            .map(|p| text_width(&p.format_grouped(2), size * 0.85))
            .fold(0.0f32, f32::max)
    } else {
        ends.iter()
            .map(|e| text_width(e, size))
            .fold(0.0f32, f32::max)
    };
    let x0 = area[0] + label_w + size * 0.6;
    let bar_w = (area[2] - x0 - value_w - size).max(10.0);
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
                fill: palette::colour(d.colour),
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
            scene.shapes.push(Shape::Text {
                pos: [end + size * 0.4, cy],
                text: ends[i].clone(),
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

/// The figure printed after a bar: amount, and share where the chart has shares.
fn end_label(chart: &Chart, d: &Datum) -> String {
    if chart.kind == ChartKind::Sangong || d.share.is_zero() {
        d.value.format_grouped(2)
    } else {
        format!("{}  {}", d.value.format_grouped(2), pct(d.share))
    }
}

fn series_colour(kind: ChartKind, k: usize) -> Rgba {
    match (kind, k) {
        (ChartKind::Sangong, 1) => SERIES_LAST_YEAR,
        (_, k) => SERIES[k % SERIES.len()],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calc::{charts::chart, derive};
    use crate::chart::header;

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
    fn shares_inside_slices_are_readable_on_their_fill() {
        let b = crate::sample::sample_budget().unwrap();
        let d = derive(&b);
        let mut labels = 0;
        for kind in ChartKind::ALL.into_iter().filter(|k| k.is_pie()) {
            for dark in [false, true] {
                let c = chart(&b, &d, kind, None, true);
                let scene = layout(&c, &Style::slide(1920.0, 1080.0, dark, true, vec![]));
                // A slice's share is drawn right after the slice (the ring's total is not a share).
                for pair in scene.shapes.windows(2) {
                    if let [Shape::Sector { fill, .. }, Shape::Text { colour, text, .. }] = pair
                        && text.ends_with('%')
                    {
                        let ratio = palette::contrast(*fill, *colour);
                        assert!(ratio >= 4.5, "{kind:?} {text}: contrast {ratio:.2}");
                        labels += 1;
                    }
                }
            }
        }
        assert!(labels > 0);
    }

    #[test]
    fn every_text_fits_inside_the_scene() {
        let b = crate::sample::sample_budget().unwrap();
        let d = derive(&b);
        for kind in ChartKind::ALL {
            for zh in [true, false] {
                let c = chart(&b, &d, kind, None, zh);
                let slide = Style::slide(1920.0, 1080.0, false, zh, header(&b, &c, zh));
                let overview = Style {
                    size: [900.0, 450.0],
                    dark: false,
                    text: 14.0,
                    header: Vec::new(),
                    zh,
                };
                for style in [slide, overview] {
                    let scene = layout(&c, &style);
                    for shape in &scene.shapes {
                        if let Shape::Text {
                            pos,
                            text,
                            size,
                            align,
                            ..
                        } = shape
                        {
                            let left = crate::chart::text_left(pos[0], text, *size, *align);
                            let right = left + text_width(text, *size);
                            assert!(
                                left >= 0.0 && right <= style.size[0] - style.text * 0.5,
                                "{kind:?} {:?}: {text} spans {left:.0}..{right:.0}",
                                style.size
                            );
                        }
                    }
                }
            }
        }
    }
}
