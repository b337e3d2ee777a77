//! The bundled Chinese font in egui, so Chinese renders on machines with no CJK fonts installed.

/// Name of the font in egui's font definitions.
pub const CJK_FONT: &str = "noto-sans-sc";

/// Installs the CJK font: first for proportional text (one consistent face for Chinese and digits),
/// after the default for monospace. egui's own fonts remain as fallbacks.
pub fn install(ctx: &egui::Context) {
    ctx.set_fonts(definitions());
}

/// Font definitions with the CJK font added.
#[must_use]
pub fn definitions() -> egui::FontDefinitions {
    let mut fonts = egui::FontDefinitions::default();
    fonts.font_data.insert(
        CJK_FONT.to_owned(),
        std::sync::Arc::new(egui::FontData::from_static(crate::font::BYTES)),
    );
    if let Some(family) = fonts.families.get_mut(&egui::FontFamily::Proportional) {
        family.insert(0, CJK_FONT.to_owned());
    }
    if let Some(family) = fonts.families.get_mut(&egui::FontFamily::Monospace) {
        family.push(CJK_FONT.to_owned());
    }
    fonts
}
