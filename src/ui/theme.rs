//! Colours and sizes, in one place: the same colour for the same 类 everywhere, light and dark
//! themes, severity colours.

use egui::Color32;
use serde::{Deserialize, Serialize};

/// Light or dark.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum ThemeChoice {
    /// Light background (default: offices are bright).
    #[default]
    Light,
    /// Dark background.
    Dark,
}

impl ThemeChoice {
    /// egui's visuals for this choice, with text strong enough to read: egui's own weak text
    /// (hints, units, notes) is its text at 60 % and measures 2.9:1 (light) and 2.7:1 (dark)
    /// against the panels, and its dark theme's body text 5.2:1. Here every text is at least
    /// 4.5:1 against every background it stands on (WCAG AA), measured by the tests below.
    #[must_use]
    pub fn visuals(self) -> egui::Visuals {
        match self {
            ThemeChoice::Light => {
                let mut v = egui::Visuals::light();
                v.weak_text_color = Some(Color32::from_gray(LIGHT_WEAK));
                v
            }
            ThemeChoice::Dark => {
                let mut v = egui::Visuals::dark();
                v.widgets.noninteractive.fg_stroke.color = Color32::from_gray(DARK_TEXT);
                v.weak_text_color = Some(Color32::from_gray(DARK_WEAK));
                v
            }
        }
    }

    /// True for dark.
    #[must_use]
    pub fn is_dark(self) -> bool {
        self == ThemeChoice::Dark
    }
}

/// Weak text of the light theme: 5.2:1 on its panels, still lighter than the body text (80).
const LIGHT_WEAK: u8 = 105;
/// Body text of the dark theme: brighter than egui's 140, so that weak text can stay below it.
const DARK_TEXT: u8 = 200;
/// Weak text of the dark theme: 5.8:1 on its panels.
const DARK_WEAK: u8 = 150;

/// The relative luminance of an sRGB colour (WCAG 2).
#[must_use]
pub fn luminance(c: Color32) -> f64 {
    let channel = |v: u8| {
        let v = f64::from(v) / 255.0;
        if v <= 0.039_28 {
            v / 12.92
        } else {
            ((v + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * channel(c.r()) + 0.7152 * channel(c.g()) + 0.0722 * channel(c.b())
}

/// The contrast ratio of two colours (WCAG 2): 1 to 21.
#[must_use]
pub fn contrast(a: Color32, b: Color32) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// The colour of the `rank`-th 类 of a document (classes in code order): the charts' palette, so
/// a class has the same colour in the Overview's list as in every chart.
#[must_use]
pub fn class_colour(rank: usize) -> Color32 {
    let [r, g, b, _] = crate::chart::palette::colour(rank);
    Color32::from_rgb(r, g, b)
}

/// Colour for errors.
#[must_use]
pub fn error_colour(dark: bool) -> Color32 {
    if dark {
        Color32::from_rgb(0xFF, 0x7B, 0x72)
    } else {
        Color32::from_rgb(0xB4, 0x23, 0x18)
    }
}

/// Colour for warnings.
#[must_use]
pub fn warning_colour(dark: bool) -> Color32 {
    if dark {
        Color32::from_rgb(0xE3, 0xB3, 0x41)
    } else {
        Color32::from_rgb(0x9A, 0x67, 0x00)
    }
}

/// Background of derived (read-only) total rows.
#[must_use]
pub fn total_row_fill(dark: bool) -> Color32 {
    if dark {
        Color32::from_gray(40)
    } else {
        Color32::from_gray(238)
    }
}

/// Figures in the 情况说明 that link to their table row.
#[must_use]
pub fn link_colour(dark: bool) -> Color32 {
    if dark {
        Color32::from_rgb(0x79, 0xC0, 0xFF)
    } else {
        Color32::from_rgb(0x0B, 0x5C, 0xAD)
    }
}

/// Background behind the officer's own words in the 情况说明.
#[must_use]
pub fn officer_text_fill(dark: bool) -> Color32 {
    if dark {
        Color32::from_rgb(52, 58, 40)
    } else {
        Color32::from_rgb(250, 243, 214)
    }
}

/// Bars of the year-on-year chart: last year (muted) and this year.
#[must_use]
pub fn compare_colour(this_year: bool, dark: bool) -> Color32 {
    match (this_year, dark) {
        (false, false) => Color32::from_rgb(0x8A, 0x9B, 0xB0),
        (false, true) => Color32::from_rgb(0x9A, 0xAC, 0xC2),
        (true, false) => Color32::from_rgb(0xD9, 0x6C, 0x06),
        (true, true) => Color32::from_rgb(0xF5, 0x9E, 0x42),
    }
}

/// Height of a table row.
pub const ROW_HEIGHT: f32 = 24.0;

#[cfg(test)]
mod tests {
    use super::*;

    /// `top` (premultiplied, as egui keeps colours) laid over the opaque `bottom`.
    fn over(top: Color32, bottom: Color32) -> Color32 {
        let keep = 1.0 - f32::from(top.a()) / 255.0;
        let mix = |t: u8, b: u8| {
            let v = f32::from(t) + f32::from(b) * keep;
            v.round().clamp(0.0, 255.0) as u8
        };
        Color32::from_rgb(
            mix(top.r(), bottom.r()),
            mix(top.g(), bottom.g()),
            mix(top.b(), bottom.b()),
        )
    }

    /// Every background text stands on: panels, windows, striped rows, text fields.
    fn backgrounds(v: &egui::Visuals) -> [Color32; 4] {
        [
            v.panel_fill,
            v.window_fill,
            over(v.faint_bg_color, v.panel_fill),
            v.text_edit_bg_color(),
        ]
    }

    #[test]
    fn every_text_reads_at_four_and_a_half_to_one_in_both_themes() {
        for theme in [ThemeChoice::Light, ThemeChoice::Dark] {
            let v = theme.visuals();
            for bg in backgrounds(&v) {
                for (what, text) in [
                    ("weak", v.weak_text_color()),
                    ("body", v.text_color()),
                    ("strong", v.strong_text_color()),
                ] {
                    let ratio = contrast(over(text, bg), bg);
                    assert!(
                        ratio >= 4.5,
                        "{theme:?} {what} text on {bg:?}: {ratio:.2}:1"
                    );
                }
            }
            // Weak text stays weaker than the body text, or hints would shout.
            let panel = v.panel_fill;
            assert!(
                contrast(v.weak_text_color(), panel) < contrast(v.text_color(), panel),
                "{theme:?}"
            );
        }
    }

    #[test]
    fn egui_s_own_weak_text_was_too_faint() {
        for v in [egui::Visuals::light(), egui::Visuals::dark()] {
            let ratio = contrast(over(v.weak_text_color(), v.panel_fill), v.panel_fill);
            assert!(ratio < 4.5, "{ratio:.2}");
        }
    }

    #[test]
    fn contrast_is_measured_as_wcag_does() {
        assert!((contrast(Color32::BLACK, Color32::WHITE) - 21.0).abs() < 1e-9);
        assert!((contrast(Color32::WHITE, Color32::WHITE) - 1.0).abs() < 1e-9);
        // #767676 on white is the classic 4.54:1.
        let grey = Color32::from_gray(0x76);
        assert!((contrast(grey, Color32::WHITE) - 4.54).abs() < 0.01);
    }
}
