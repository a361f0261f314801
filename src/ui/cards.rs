//! Drawing helpers shared by the explorer's views: statement cards, confidence badges,
//! source lines and highlighted snippets.

use std::ops::Range;

use eframe::egui::{self, Color32, RichText, text::LayoutJob};

use crate::domain::Confidence;
use crate::policy::{CitedSource, Defined, ResolvedRegion, Statement};
use crate::text::{Lang, Word};
use crate::ui::theme;

/// A statement as a card: badge, where it is defined, verified date, text, correction or
/// clarification, sources. A selected card is outlined.
/// `glossary` is the region's (`ResolvedRegion::glossary`), looked up once for all its cards.
pub fn statement_card_ui(
    ui: &mut egui::Ui,
    resolved: &ResolvedRegion<'_>,
    glossary: &[&crate::policy::GlossaryEntry],
    defined: &Defined<'_, Statement>,
    selected: bool,
) -> egui::Response {
    let statement = defined.item;
    let mut frame = egui::Frame::group(ui.style()).inner_margin(10.0);
    if selected {
        frame = frame.stroke(egui::Stroke::new(2.5, theme::selection_color(ui.visuals())));
    }
    frame
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            let lang = crate::ui::lang(ui.ctx());
            ui.horizontal_wrapped(|ui| {
                confidence_badge_ui(ui, statement.confidence);
                ui.label(
                    RichText::new(format!(
                        "{} {}",
                        Word::DefinedIn.text(lang),
                        defined.defined_in.name()
                    ))
                    .small()
                    .weak(),
                );
                ui.label(
                    RichText::new(format!(
                        "{} {}",
                        Word::VerifiedOn.text(lang),
                        statement.verified_on
                    ))
                    .small()
                    .weak(),
                );
                if let Some(from) = statement.effective_from {
                    ui.label(
                        RichText::new(match lang {
                            Lang::Zh => format!("{from} 起施行"),
                            Lang::En => format!("in force from {from}"),
                        })
                        .small()
                        .weak(),
                    );
                }
                if let Some(until) = statement.effective_until {
                    ui.label(
                        RichText::new(match lang {
                            Lang::Zh => format!("{until} 止"),
                            Lang::En => format!("until {until}"),
                        })
                        .small()
                        .weak(),
                    );
                }
            });
            ui.label(&statement.text);
            glossary_ui(
                ui,
                (defined.defined_in.id(), statement.key()),
                &statement.text,
                glossary,
            );
            if let Some(correction) = &statement.correction {
                ui.label(
                    RichText::new(format!(
                        "{}：{correction}",
                        statement.confidence.note_heading()
                    ))
                    .color(theme::correction_color(ui.visuals().dark_mode))
                    .strong(),
                );
            }
            for cited in resolved.cite(statement.sources.get_ref()) {
                source_line_ui(ui, &cited);
            }
        })
        .response
}

/// The jargon in `text`, each word with its plain explanation on hover, and inline after a
/// click (for those who cannot hover: a touch screen, a trembling hand).
/// `salt` tells this text's words apart from another's (an explanation opens on one card).
pub fn glossary_ui(
    ui: &mut egui::Ui,
    salt: impl std::hash::Hash + std::fmt::Debug,
    text: &str,
    glossary: &[&crate::policy::GlossaryEntry],
) {
    let base = egui::Id::unique("glossary").with(salt);
    let found: Vec<&&crate::policy::GlossaryEntry> = glossary
        .iter()
        .filter(|entry| text.contains(entry.term.as_str()))
        .collect();
    if found.is_empty() {
        return;
    }
    let lang = crate::ui::lang(ui.ctx());
    let mut open: Vec<&str> = Vec::new();
    ui.horizontal_wrapped(|ui| {
        ui.label(
            RichText::new(Word::WordsExplained.text(lang))
                .small()
                .weak(),
        );
        for entry in &found {
            let id = base.with(entry.term.as_str());
            let mut shown = ui.data(|d| d.get_temp::<bool>(id).unwrap_or(false));
            let response = ui
                .selectable_label(shown, RichText::new(format!("{} ⓘ", entry.term)).small())
                .on_hover_text(&entry.means);
            if response.clicked() {
                shown = !shown;
                ui.data_mut(|d| d.insert_temp(id, shown));
            }
            if shown {
                open.push(entry.term.as_str());
            }
        }
    });
    for entry in found.iter().filter(|e| open.contains(&e.term.as_str())) {
        ui.label(RichText::new(format!("{}：{}", entry.term, entry.means)).small());
    }
}

/// White text on a coloured, rounded background.
pub fn badge_ui(ui: &mut egui::Ui, text: &str, fill: Color32, small: bool) {
    egui::Frame::new()
        .fill(fill)
        .corner_radius(4.0)
        .inner_margin(egui::Margin::symmetric(6, 1))
        .show(ui, |ui| {
            let mut text = RichText::new(text).color(Color32::WHITE);
            if small {
                text = text.small();
            }
            ui.label(text);
        });
}

/// The coloured label of a confidence level.
pub fn confidence_badge_ui(ui: &mut egui::Ui, confidence: Confidence) {
    badge_ui(
        ui,
        &confidence.label_in(crate::ui::lang(ui.ctx())),
        theme::confidence_color(confidence),
        true,
    );
}

/// A verdict as a badge, green / amber / red, with the caller's wording.
pub fn verdict_badge_ui(ui: &mut egui::Ui, verdict: crate::domain::Verdict, text: &str) {
    badge_ui(ui, text, theme::verdict_color(verdict), false);
}

/// A source as one line of small text, with its URL (selectable, never opened: the app
/// stays offline).
pub fn source_line_ui(ui: &mut egui::Ui, cited: &CitedSource<'_>) {
    ui.label(
        RichText::new(crate::ui::lang(ui.ctx()).labelled(
            Word::Source.text(crate::ui::lang(ui.ctx())),
            &cited.source.citation(),
        ))
        .small()
        .weak(),
    );
    if let Some(url) = &cited.source.url {
        ui.label(RichText::new(url).small().monospace());
    }
}

/// `text` with the character `ranges` highlighted, cut to a window around the first match.
pub fn highlighted_snippet(
    ui: &egui::Ui,
    prefix: &str,
    text: &str,
    ranges: &[Range<usize>],
    context_chars: usize,
) -> LayoutJob {
    let chars: Vec<char> = text.chars().collect();
    let first = ranges.first().map_or(0, |r| r.start);
    let start = first.saturating_sub(context_chars / 3);
    let end = (start + context_chars).min(chars.len());
    let normal = egui::TextFormat {
        font_id: egui::TextStyle::Body.resolve(ui.style()),
        color: ui.visuals().text_color(),
        ..Default::default()
    };
    let marked = egui::TextFormat {
        background: theme::highlight_background(ui.visuals().dark_mode),
        color: ui.visuals().strong_text_color(),
        ..normal.clone()
    };
    let mut job = LayoutJob::default();
    job.append(prefix, 0.0, normal.clone());
    if start > 0 {
        job.append("…", 0.0, normal.clone());
    }
    let mut i = start;
    while i < end {
        let in_match = ranges.iter().any(|r| r.contains(&i));
        let mut j = i + 1;
        while j < end && ranges.iter().any(|r| r.contains(&j)) == in_match {
            j += 1;
        }
        let piece: String = chars[i..j].iter().collect();
        job.append(
            &piece,
            0.0,
            if in_match {
                marked.clone()
            } else {
                normal.clone()
            },
        );
        i = j;
    }
    if end < chars.len() {
        job.append("…", 0.0, normal);
    }
    job
}

/// In a list of choices, the item the arrow keys just moved the focus to, so a list can be
/// used without a mouse. egui moves the focus at the end of the frame the key was pressed in,
/// so the key is remembered for one frame under `list_id` and the item focused next frame is
/// chosen.
pub fn arrow_navigation(
    ui: &egui::Ui,
    list_id: egui::Id,
    items: &[egui::Response],
) -> Option<usize> {
    let arrow_now = ui.input(|input| {
        [
            egui::Key::ArrowDown,
            egui::Key::ArrowUp,
            egui::Key::ArrowLeft,
            egui::Key::ArrowRight,
        ]
        .iter()
        .any(|key| input.key_pressed(*key))
    });
    let pending_id = list_id.with("arrow_pending");
    let pending = ui.data(|d| d.get_temp::<bool>(pending_id).unwrap_or(false));
    let list_has_focus = items.iter().any(egui::Response::has_focus);
    ui.data_mut(|d| d.insert_temp(pending_id, arrow_now && list_has_focus));
    if !pending {
        return None;
    }
    // The focus has moved (or stayed at the end of the list): choose where it is now.
    items.iter().position(egui::Response::has_focus)
}
