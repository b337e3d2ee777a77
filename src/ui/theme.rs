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
    /// egui's visuals for this choice.
    #[must_use]
    pub fn visuals(self) -> egui::Visuals {
        match self {
            ThemeChoice::Light => egui::Visuals::light(),
            ThemeChoice::Dark => egui::Visuals::dark(),
        }
    }

    /// True for dark.
    #[must_use]
    pub fn is_dark(self) -> bool {
        self == ThemeChoice::Dark
    }
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
