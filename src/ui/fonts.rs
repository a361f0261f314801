//! The bundled CJK font (Noto Sans SC, SIL OFL 1.1, see `assets/fonts/OFL.txt`): egui's own
//! fonts have no Chinese, and asking the system gives different faces on different machines.

use std::sync::Arc;

use eframe::egui::{self, FontData, FontDefinitions, FontFamily};

use crate::assets::NOTO_SANS_SC;

const FONT_NAME: &str = "noto_sans_sc";

/// Font definitions with Noto Sans SC first for text and as a fallback for monospace.
pub fn definitions() -> FontDefinitions {
    let mut fonts = FontDefinitions::default();
    fonts.font_data.insert(
        FONT_NAME.to_owned(),
        Arc::new(FontData::from_static(NOTO_SANS_SC)),
    );
    fonts
        .families
        .entry(FontFamily::Proportional)
        .or_default()
        .insert(0, FONT_NAME.to_owned());
    fonts
        .families
        .entry(FontFamily::Monospace)
        .or_default()
        .push(FONT_NAME.to_owned());
    fonts
}

/// Installs the fonts; takes effect from the next pass.
pub fn install(ctx: &egui::Context) {
    ctx.set_fonts(definitions());
}
