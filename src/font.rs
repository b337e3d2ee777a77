//! The bundled Chinese font (a subset of Noto Sans SC, SIL Open Font License 1.1; see
//! `assets/fonts/`), embedded once: egui draws the UI with it, the PNG rasteriser draws chart text
//! with it, and chart layout measures text with its advance widths, so a label is as wide in the
//! exported file as the layout planned. The printed disclosure (PDF) uses it and its bold face.

use std::sync::OnceLock;

use ab_glyph::{Font as _, FontRef, PxScale, ScaleFont as _};

/// The font file.
pub const BYTES: &[u8] = include_bytes!("../assets/fonts/NotoSansSC-Subset.otf");

/// The bold face of the same family and subset, for the headings of the printed disclosure.
pub const BOLD_BYTES: &[u8] = include_bytes!("../assets/fonts/NotoSansSC-Bold-Subset.otf");

/// The parsed font, parsed on first use; `None` if the embedded file cannot be read.
#[must_use]
pub fn face() -> Option<&'static FontRef<'static>> {
    static FACE: OnceLock<Option<FontRef<'static>>> = OnceLock::new();
    FACE.get_or_init(|| FontRef::try_from_slice(BYTES).ok())
        .as_ref()
}

/// The glyph scale for text of `size` px. A size is the em, as egui and CSS mean it; ab_glyph's
/// scale is the ascent-to-descent height, which for this font is larger than the em.
#[must_use]
pub fn scale(font: &FontRef<'_>, size: f32) -> PxScale {
    let em = font.units_per_em().unwrap_or(1000.0);
    PxScale::from(size * font.height_unscaled() / em)
}

/// How far `text` at `size` px advances: the sum of its glyphs' advance widths.
#[must_use]
pub fn text_width(text: &str, size: f32) -> f32 {
    let Some(font) = face() else {
        // Not reached with the embedded font; a rough estimate keeps layout going regardless.
        return text
            .chars()
            .map(|c| if (c as u32) >= 0x1100 { 1.0 } else { 0.56 } * size)
            .sum();
    };
    let scaled = font.as_scaled(scale(font, size));
    text.chars()
        .map(|c| scaled.h_advance(font.glyph_id(c)))
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_font_is_read_and_measured_in_ems() {
        assert!(face().is_some());
        // A CJK ideograph is one em wide; digits are narrower; widths add up.
        assert!((text_width("预", 20.0) - 20.0).abs() < 0.5);
        let digit = text_width("8", 20.0);
        assert!(digit > 5.0 && digit < 15.0, "{digit}");
        assert!((text_width("预算88", 20.0) - (40.0 + 2.0 * digit)).abs() < 0.01);
    }
}
