//! A chart [`Scene`] as SVG text, so the printed document embeds the very scene the screen and the
//! PNG draw, as vector graphics. Text is placed where the painters place it: its left edge from
//! the scene's own measurement and its baseline centred on the anchor like the PNG's.

use std::fmt::Write as _;

use ab_glyph::{Font as _, ScaleFont as _};

use crate::chart::{Rgba, Scene, Shape, sector_outline, text_left};

/// The font family the SVG asks for: the embedded font's name, which the typesetter resolves to
/// the same embedded font.
const FAMILY: &str = "Noto Sans CJK SC";

fn colour(c: Rgba) -> String {
    format!("#{:02x}{:02x}{:02x}", c[0], c[1], c[2])
}

fn opacity(c: Rgba) -> String {
    if c[3] == 255 {
        String::new()
    } else {
        format!(" fill-opacity=\"{:.3}\"", f32::from(c[3]) / 255.0)
    }
}

fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            _ => out.push(c),
        }
    }
    out
}

/// Distance from a text's vertical centre to its baseline at `size` px, as the PNG uses.
fn baseline_offset(size: f32) -> f32 {
    match crate::font::face() {
        Some(font) => {
            let scaled = font.as_scaled(crate::font::scale(font, size));
            (scaled.ascent() + scaled.descent()) / 2.0
        }
        None => size * 0.35,
    }
}

/// The scene as a standalone SVG document of its size.
#[must_use]
pub fn scene_svg(scene: &Scene) -> String {
    let [w, h] = scene.size;
    let mut out = String::with_capacity(256 + scene.shapes.len() * 96);
    let _ = write!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\">"
    );
    let _ = write!(
        out,
        "<rect x=\"0\" y=\"0\" width=\"{w}\" height=\"{h}\" fill=\"{}\"/>",
        colour(scene.background)
    );
    for shape in &scene.shapes {
        match shape {
            Shape::Rect { min, max, fill } => {
                let width = (max[0] - min[0]).max(0.5);
                let height = (max[1] - min[1]).max(0.0);
                let _ = write!(
                    out,
                    "<rect x=\"{:.2}\" y=\"{:.2}\" width=\"{width:.2}\" height=\"{height:.2}\" fill=\"{}\"{}/>",
                    min[0],
                    min[1],
                    colour(*fill),
                    opacity(*fill)
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
                let points = sector_outline(*centre, *inner, *outer, *start, *end, 0.02);
                let mut d = String::with_capacity(points.len() * 16);
                for (k, p) in points.iter().enumerate() {
                    let _ = write!(
                        d,
                        "{}{:.2} {:.2}",
                        if k == 0 { "M" } else { "L" },
                        p[0],
                        p[1]
                    );
                }
                d.push('Z');
                // The background-coloured seam the PNG draws between neighbouring slices.
                let _ = write!(
                    out,
                    "<path d=\"{d}\" fill=\"{}\"{} stroke=\"{}\" stroke-width=\"1.5\"/>",
                    colour(*fill),
                    opacity(*fill),
                    colour(scene.background)
                );
            }
            Shape::Line {
                from,
                to,
                width,
                colour: c,
            } => {
                let _ = write!(
                    out,
                    "<line x1=\"{:.2}\" y1=\"{:.2}\" x2=\"{:.2}\" y2=\"{:.2}\" stroke=\"{}\" stroke-width=\"{width:.2}\"/>",
                    from[0],
                    from[1],
                    to[0],
                    to[1],
                    colour(*c)
                );
            }
            Shape::Text {
                pos,
                text,
                size,
                colour: c,
                align,
            } => {
                let x = text_left(pos[0], text, *size, *align);
                let y = pos[1] + baseline_offset(*size);
                let _ = write!(
                    out,
                    "<text x=\"{x:.2}\" y=\"{y:.2}\" font-family=\"{FAMILY}\" font-size=\"{size:.2}\" fill=\"{}\"{} xml:space=\"preserve\">{}</text>",
                    colour(*c),
                    opacity(*c),
                    escape(text)
                );
            }
        }
    }
    out.push_str("</svg>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::HAlign;

    #[test]
    fn every_shape_becomes_an_svg_element() {
        let scene = Scene {
            size: [200.0, 100.0],
            background: [255, 255, 255, 255],
            shapes: vec![
                Shape::Rect {
                    min: [1.0, 2.0],
                    max: [11.0, 12.0],
                    fill: [0x12, 0x34, 0x56, 255],
                },
                Shape::Sector {
                    centre: [50.0, 50.0],
                    inner: 10.0,
                    outer: 40.0,
                    start: 0.0,
                    end: 1.0,
                    fill: [1, 2, 3, 128],
                },
                Shape::Line {
                    from: [0.0, 0.0],
                    to: [10.0, 10.0],
                    width: 2.0,
                    colour: [0, 0, 0, 255],
                },
                Shape::Text {
                    pos: [100.0, 50.0],
                    text: "社会保障 <&> 88.99%".to_owned(),
                    size: 20.0,
                    colour: [0, 0, 0, 255],
                    align: HAlign::Right,
                },
            ],
            hits: Vec::new(),
        };
        let svg = scene_svg(&scene);
        assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"200\""));
        assert!(svg.contains("fill=\"#123456\""));
        assert!(svg.contains("<path d=\"M"));
        assert!(svg.contains("fill-opacity=\"0.502\""));
        assert!(svg.contains("<line "));
        assert!(svg.contains("社会保障 &lt;&amp;&gt; 88.99%</text>"));
        // Right-aligned text starts its width left of the anchor.
        let x: f32 = svg
            .split("<text x=\"")
            .nth(1)
            .and_then(|rest| rest.split('"').next())
            .and_then(|x| x.parse().ok())
            .unwrap();
        let width = crate::chart::text_width("社会保障 <&> 88.99%", 20.0);
        assert!((x - (100.0 - width)).abs() < 0.01, "{x} vs {width}");
        assert!(svg.ends_with("</svg>"));
    }
}
