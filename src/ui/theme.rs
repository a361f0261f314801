//! Colours and sizes in one place, for light and dark mode.

use eframe::egui::{self, Color32, FontFamily, FontId, TextStyle};

use crate::domain::Confidence;

/// Larger text than egui's default: many users are elderly.
pub fn apply_text_sizes(ctx: &egui::Context) {
    ctx.all_styles_mut(|style| {
        style.text_styles = [
            (
                TextStyle::Heading,
                FontId::new(24.0, FontFamily::Proportional),
            ),
            (TextStyle::Body, FontId::new(17.0, FontFamily::Proportional)),
            (
                TextStyle::Button,
                FontId::new(17.0, FontFamily::Proportional),
            ),
            (
                TextStyle::Small,
                FontId::new(14.0, FontFamily::Proportional),
            ),
            (
                TextStyle::Monospace,
                FontId::new(15.0, FontFamily::Monospace),
            ),
        ]
        .into();
        style.spacing.item_spacing = egui::vec2(8.0, 6.0);
        style.spacing.button_padding = egui::vec2(8.0, 4.0);
    });
}

/// The badge colour of a confidence level (background), readable in both themes with white
/// text.
pub fn confidence_color(confidence: Confidence) -> Color32 {
    match confidence {
        Confidence::Official => Color32::from_rgb(0x2e, 0x7d, 0x32),
        Confidence::Reported => Color32::from_rgb(0x45, 0x5a, 0x64),
        Confidence::Local => Color32::from_rgb(0x15, 0x65, 0xc0),
        Confidence::Disputed => Color32::from_rgb(0xb2, 0x6a, 0x00),
        Confidence::False => Color32::from_rgb(0xc6, 0x28, 0x28),
    }
}

/// Colour for a correction's text, so it stands out next to a wrong claim.
pub fn correction_color(dark_mode: bool) -> Color32 {
    if dark_mode {
        Color32::from_rgb(0x81, 0xc7, 0x84)
    } else {
        Color32::from_rgb(0x1b, 0x5e, 0x20)
    }
}

/// Colour for warnings (skipped policy files).
pub fn warning_color(dark_mode: bool) -> Color32 {
    if dark_mode {
        Color32::from_rgb(0xff, 0xb7, 0x4d)
    } else {
        Color32::from_rgb(0xa0, 0x4a, 0x00)
    }
}

/// Colour of an outcome line: failures in the error colour (red), successes in green; never
/// the other way round.
pub fn status_color(visuals: &egui::Visuals, is_error: bool) -> Color32 {
    match (is_error, visuals.dark_mode) {
        (true, true) => Color32::from_rgb(0xff, 0x8a, 0x80),
        (true, false) => Color32::from_rgb(0xb7, 0x1c, 0x1c),
        (false, dark) => correction_color(dark),
    }
}

/// Outline of the selected card (the one a search result jumped to).
pub fn selection_color(visuals: &egui::Visuals) -> Color32 {
    visuals.selection.stroke.color
}

/// Background of matched characters in search results.
pub fn highlight_background(dark_mode: bool) -> Color32 {
    if dark_mode {
        Color32::from_rgb(0x6d, 0x5a, 0x00)
    } else {
        Color32::from_rgb(0xff, 0xe0, 0x82)
    }
}

/// Background of compare rows where the regions differ.
pub fn difference_background(dark_mode: bool) -> Color32 {
    if dark_mode {
        Color32::from_rgb(0x4a, 0x2c, 0x10)
    } else {
        Color32::from_rgb(0xff, 0xf0, 0xdc)
    }
}

/// The badge colour of a verdict: the colours of 官方依据, 存疑 and 错误说法.
pub fn verdict_color(verdict: crate::domain::Verdict) -> Color32 {
    use crate::domain::Verdict;
    confidence_color(match verdict {
        Verdict::Eligible => Confidence::Official,
        Verdict::ConfirmLocally => Confidence::Disputed,
        Verdict::NotEligible => Confidence::False,
    })
}
