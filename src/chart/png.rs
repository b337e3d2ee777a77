//! Rasterises a [`Scene`] into a PNG with tiny-skia, text from the embedded font through ab_glyph.

use ab_glyph::{Font as _, FontRef, ScaleFont as _};
use tiny_skia::{Color, FillRule, Paint, PathBuilder, Pixmap, Rect, Stroke, Transform};

use super::{HAlign, Rgba, Scene, Shape, text_left};

/// Why a chart could not be rendered.
#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    /// A size of zero or beyond what can be allocated.
    #[error("invalid image size {0}×{1}")]
    Size(u32, u32),
    /// The embedded font could not be read.
    #[error("the embedded font cannot be read")]
    Font,
    /// PNG encoding failed.
    #[error("png: {0}")]
    Encode(String),
}

fn paint(c: Rgba) -> Paint<'static> {
    let mut p = Paint::default();
    p.set_color(Color::from_rgba8(c[0], c[1], c[2], c[3]));
    p.anti_alias = true;
    p
}

fn sector_path(
    centre: [f32; 2],
    inner: f32,
    outer: f32,
    start: f32,
    end: f32,
) -> Option<tiny_skia::Path> {
    let points = super::sector_outline(centre, inner, outer, start, end, 0.01);
    let (first, rest) = points.split_first()?;
    let mut pb = PathBuilder::new();
    pb.move_to(first[0], first[1]);
    for p in rest {
        pb.line_to(p[0], p[1]);
    }
    pb.close();
    pb.finish()
}

/// Blends `colour` with `coverage` onto the pixmap at (x, y).
fn blend(pixmap: &mut Pixmap, x: i32, y: i32, colour: Rgba, coverage: f32) {
    let (w, h) = (pixmap.width() as i32, pixmap.height() as i32);
    if x < 0 || y < 0 || x >= w || y >= h || coverage <= 0.0 {
        return;
    }
    let index = (y * w + x) as usize;
    let pixels = pixmap.pixels_mut();
    let Some(px) = pixels.get_mut(index) else {
        return;
    };
    let a = (coverage.min(1.0) * f32::from(colour[3]) / 255.0).clamp(0.0, 1.0);
    let mix = |dst: u8, src: u8| -> u8 {
        let v = f32::from(src) * a + f32::from(dst) * (1.0 - a);
        v.round().clamp(0.0, 255.0) as u8
    };
    // The background is opaque, so premultiplied and straight colours coincide.
    let r = mix(px.red(), colour[0]);
    let g = mix(px.green(), colour[1]);
    let b = mix(px.blue(), colour[2]);
    if let Some(c) = tiny_skia::PremultipliedColorU8::from_rgba(r, g, b, 255) {
        *px = c;
    }
}

fn draw_text(
    pixmap: &mut Pixmap,
    font: &FontRef<'_>,
    pos: [f32; 2],
    text: &str,
    size: f32,
    colour: Rgba,
    align: HAlign,
) {
    let scale = crate::font::scale(font, size);
    let scaled = font.as_scaled(scale);
    let mut x = text_left(pos[0], text, size, align);
    // Vertically centre the line box on pos.
    let baseline = pos[1] + (scaled.ascent() + scaled.descent()) / 2.0;
    for c in text.chars() {
        let id = font.glyph_id(c);
        let glyph = id.with_scale_and_position(scale, ab_glyph::point(x, baseline));
        if let Some(outlined) = font.outline_glyph(glyph) {
            let bounds = outlined.px_bounds();
            outlined.draw(|gx, gy, coverage| {
                blend(
                    pixmap,
                    bounds.min.x as i32 + gx as i32,
                    bounds.min.y as i32 + gy as i32,
                    colour,
                    coverage,
                );
            });
        }
        x += scaled.h_advance(id);
    }
}

/// Renders `scene` to an RGBA pixmap of its size.
///
/// # Errors
/// An impossible size or an unreadable font.
pub fn render(scene: &Scene) -> Result<Pixmap, RenderError> {
    let (w, h) = (scene.size[0].round() as u32, scene.size[1].round() as u32);
    let mut pixmap = Pixmap::new(w, h).ok_or(RenderError::Size(w, h))?;
    let bg = scene.background;
    pixmap.fill(Color::from_rgba8(bg[0], bg[1], bg[2], 255));
    let font = crate::font::face().ok_or(RenderError::Font)?;
    for shape in &scene.shapes {
        match shape {
            Shape::Rect { min, max, fill } => {
                if let Some(rect) =
                    Rect::from_ltrb(min[0], min[1], max[0].max(min[0] + 0.5), max[1])
                {
                    pixmap.fill_rect(rect, &paint(*fill), Transform::identity(), None);
                }
            }
            Shape::Sector {
                centre,
                inner,
                outer,
                start,
                end,
                fill,
            } => {
                if let Some(path) = sector_path(*centre, *inner, *outer, *start, *end) {
                    pixmap.fill_path(
                        &path,
                        &paint(*fill),
                        FillRule::Winding,
                        Transform::identity(),
                        None,
                    );
                    // A thin seam in the background colour separates neighbouring slices.
                    let stroke = Stroke {
                        width: 1.5,
                        ..Stroke::default()
                    };
                    pixmap.stroke_path(&path, &paint(bg), &stroke, Transform::identity(), None);
                }
            }
            Shape::Line {
                from,
                to,
                width,
                colour,
            } => {
                let mut pb = PathBuilder::new();
                pb.move_to(from[0], from[1]);
                pb.line_to(to[0], to[1]);
                if let Some(path) = pb.finish() {
                    let stroke = Stroke {
                        width: *width,
                        ..Stroke::default()
                    };
                    pixmap.stroke_path(
                        &path,
                        &paint(*colour),
                        &stroke,
                        Transform::identity(),
                        None,
                    );
                }
            }
            Shape::Text {
                pos,
                text,
                size,
                colour,
                align,
            } => draw_text(&mut pixmap, font, *pos, text, *size, *colour, *align),
        }
    }
    Ok(pixmap)
}

/// Renders `scene` as PNG bytes.
///
/// # Errors
/// See [`render`]; or the encoder failed.
pub fn png_bytes(scene: &Scene) -> Result<Vec<u8>, RenderError> {
    render(scene)?
        .encode_png()
        .map_err(|e| RenderError::Encode(e.to_string()))
}
