//! Colours and sizes in one place, for light and dark mode.

use eframe::egui::{self, Color32, FontFamily, FontId, TextStyle};

use crate::domain::Confidence;

/// Body text size at zoom 1 (issue 14: at least 18 px; many users are elderly).
pub const BODY_SIZE: f32 = 18.0;

/// The smallest text anywhere (sources, hints, the disclaimer, masked IDs).
pub const SMALL_SIZE: f32 = 16.0;

/// The side of a radio button or check box (issue 14: at least 20 px).
pub const TICK_SIZE: f32 = 22.0;

/// Larger text, larger boxes and readable colours than egui's defaults, in both themes; the
/// light theme when the system's preference is unknown.
pub fn apply_text_sizes(ctx: &egui::Context) {
    ctx.options_mut(|options| options.fallback_theme = egui::Theme::Light);
    ctx.all_styles_mut(|style| {
        style.text_styles = [
            (
                TextStyle::Heading,
                FontId::new(24.0, FontFamily::Proportional),
            ),
            (
                TextStyle::Body,
                FontId::new(BODY_SIZE, FontFamily::Proportional),
            ),
            (
                TextStyle::Button,
                FontId::new(BODY_SIZE, FontFamily::Proportional),
            ),
            (
                TextStyle::Small,
                FontId::new(SMALL_SIZE, FontFamily::Proportional),
            ),
            (
                TextStyle::Monospace,
                FontId::new(SMALL_SIZE, FontFamily::Monospace),
            ),
        ]
        .into();
        style.spacing.item_spacing = egui::vec2(8.0, 6.0);
        style.spacing.button_padding = egui::vec2(8.0, 4.0);
        style.spacing.icon_width = TICK_SIZE;
        style.spacing.icon_width_inner = TICK_SIZE * 0.55;
        style.spacing.icon_spacing = 6.0;
        style.spacing.interact_size.y = TICK_SIZE + 4.0;
        // Solid scroll bars that are always drawn: a thin bar that appears only on hover
        // leaves an elderly user no sign that a list goes on below.
        style.spacing.scroll = egui::style::ScrollStyle::solid();
        readable_visuals(&mut style.visuals);
    });
}

/// Text colours with at least 4.5:1 contrast on every background egui draws text on.
pub fn readable_visuals(visuals: &mut egui::Visuals) {
    let (text, weak) = if visuals.dark_mode {
        (Color32::from_gray(0xee), Color32::from_gray(0xc2))
    } else {
        (Color32::from_gray(0x14), Color32::from_gray(0x4a))
    };
    visuals.widgets.noninteractive.fg_stroke.color = text;
    visuals.weak_text_color = Some(weak);
    visuals.hyperlink_color = if visuals.dark_mode {
        Color32::from_rgb(0x8c, 0xc8, 0xff)
    } else {
        Color32::from_rgb(0x0b, 0x57, 0xb0)
    };
}

/// The WCAG contrast ratio of two colours (1 to 21).
pub fn contrast(a: Color32, b: Color32) -> f32 {
    fn luminance(c: Color32) -> f32 {
        let channel = |v: u8| {
            let v = f32::from(v) / 255.0;
            if v <= 0.039_28 {
                v / 12.92
            } else {
                ((v + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * channel(c.r()) + 0.7152 * channel(c.g()) + 0.0722 * channel(c.b())
    }
    let (la, lb) = (luminance(a), luminance(b));
    let (hi, lo) = if la > lb { (la, lb) } else { (lb, la) };
    (hi + 0.05) / (lo + 0.05)
}

/// The badge colour of a confidence level (background), readable in both themes with white
/// text.
pub fn confidence_color(confidence: Confidence) -> Color32 {
    match confidence {
        Confidence::Official => Color32::from_rgb(0x2e, 0x7d, 0x32),
        Confidence::Reported => Color32::from_rgb(0x45, 0x5a, 0x64),
        Confidence::Local => Color32::from_rgb(0x15, 0x65, 0xc0),
        Confidence::Disputed => Color32::from_rgb(0x9a, 0x5b, 0x00),
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

/// An outcome line (saved, not saved, restored…) in its colour, announced by screen readers
/// when it appears or changes (an accessibility live region).
pub fn status_label(ui: &mut egui::Ui, text: &str, is_error: bool) -> egui::Response {
    let response = ui.label(egui::RichText::new(text).color(status_color(ui.visuals(), is_error)));
    ui.ctx().accesskit_node_builder(response.id, |node| {
        node.set_role(if is_error {
            egui::accesskit::Role::Alert
        } else {
            egui::accesskit::Role::Status
        });
        node.set_live(egui::accesskit::Live::Polite);
        // A status region is read by its label (a plain label keeps its text as its value).
        node.set_label(text);
    });
    response
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Every text colour of the theme on every background it is drawn on: at least 4.5:1
    /// (WCAG AA), in both themes.
    #[test]
    fn every_text_has_at_least_four_and_a_half_to_one_contrast() {
        for dark_mode in [false, true] {
            let mut visuals = if dark_mode {
                egui::Visuals::dark()
            } else {
                egui::Visuals::light()
            };
            readable_visuals(&mut visuals);
            // A translucent background (egui's faint stripe is additive) as it shows on
            // the panel.
            let on_panel = |c: Color32| {
                let panel = visuals.panel_fill;
                if c.a() == 0 {
                    Color32::from_rgb(
                        panel.r().saturating_add(c.r()),
                        panel.g().saturating_add(c.g()),
                        panel.b().saturating_add(c.b()),
                    )
                } else {
                    panel.blend(c)
                }
            };
            let backgrounds = [
                ("panel", visuals.panel_fill),
                ("window", visuals.window_fill),
                ("faint", on_panel(visuals.faint_bg_color)),
                ("text field", on_panel(visuals.text_edit_bg_color())),
            ];
            let texts = [
                ("text", visuals.text_color()),
                (
                    "weak text (sources, hints, disclaimer, masked IDs)",
                    visuals.weak_text_color(),
                ),
                ("strong text", visuals.strong_text_color()),
                ("link", visuals.hyperlink_color),
                ("correction", correction_color(dark_mode)),
                ("warning", warning_color(dark_mode)),
                ("error", status_color(&visuals, true)),
                ("success", status_color(&visuals, false)),
            ];
            for (text_name, text) in texts {
                for (background_name, background) in backgrounds {
                    let ratio = contrast(text, background);
                    assert!(
                        ratio >= 4.5,
                        "{text_name} on {background_name} ({}): {ratio:.2}:1",
                        if dark_mode { "dark" } else { "light" }
                    );
                }
            }
            // Matched characters keep their contrast on the highlight.
            let ratio = contrast(visuals.text_color(), highlight_background(dark_mode));
            assert!(ratio >= 4.5, "highlight: {ratio:.2}:1");
            let ratio = contrast(visuals.text_color(), difference_background(dark_mode));
            assert!(ratio >= 4.5, "difference rows: {ratio:.2}:1");
        }
        // Badges: white text on each confidence and verdict colour.
        for confidence in Confidence::ALL.iter().copied() {
            let ratio = contrast(Color32::WHITE, confidence_color(confidence));
            assert!(ratio >= 4.5, "{confidence:?} badge: {ratio:.2}:1");
        }
    }

    /// Body text at least 18 px and boxes to tick at least 20 px at zoom 1, in both themes;
    /// the light theme when the system says nothing.
    #[test]
    fn text_and_ticks_are_large_enough_and_light_is_the_fallback() {
        let ctx = egui::Context::default();
        apply_text_sizes(&ctx);
        assert_eq!(ctx.options(|o| o.fallback_theme), egui::Theme::Light);
        for theme in [egui::Theme::Light, egui::Theme::Dark] {
            let style = ctx.style_of(theme);
            let size = |text: TextStyle| style.text_styles[&text].size;
            assert!(size(TextStyle::Body) >= 18.0);
            assert!(size(TextStyle::Button) >= 18.0);
            assert!(
                size(TextStyle::Small) >= 16.0,
                "sources and hints stay readable"
            );
            assert!(
                style.spacing.icon_width >= 20.0,
                "radio buttons and check boxes"
            );
            assert!(contrast(style.visuals.weak_text_color(), style.visuals.panel_fill) >= 4.5);
        }
    }

    #[test]
    fn the_contrast_formula_matches_known_values() {
        assert!((contrast(Color32::BLACK, Color32::WHITE) - 21.0).abs() < 0.01);
        assert!((contrast(Color32::WHITE, Color32::WHITE) - 1.0).abs() < 0.01);
        // #767676 on white is the well-known 4.54:1.
        let grey = contrast(Color32::from_gray(0x76), Color32::WHITE);
        assert!((grey - 4.54).abs() < 0.02, "{grey}");
    }
}
