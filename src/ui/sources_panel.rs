//! 资料来源: the bibliography of a region — every source it sees, with the statements that
//! cite it.

use eframe::egui::{self, RichText};

use crate::policy::ResolvedRegion;
use crate::text::{Say, Word};

pub fn ui(ui: &mut egui::Ui, resolved: &ResolvedRegion<'_>) {
    let entries = resolved.bibliography();
    let lang = crate::ui::lang(ui.ctx());
    ui.label(
        Say::SourcesSeen {
            region: resolved.region().name().to_owned(),
            count: entries.len(),
        }
        .text(lang),
    );
    egui::ScrollArea::vertical()
        .id_salt("bibliography")
        .show(ui, |ui| {
            for entry in &entries {
                egui::Frame::group(ui.style())
                    .inner_margin(8.0)
                    .show(ui, |ui| {
                        ui.set_width(ui.available_width());
                        let grade = entry.source.source.grade.map_or(String::new(), |g| {
                            Say::Grade {
                                grade: g.id().to_owned(),
                            }
                            .text(lang)
                        });
                        ui.label(
                            RichText::new(format!("{grade}{}", entry.source.source.citation()))
                                .strong(),
                        );
                        ui.label(
                            RichText::new(format!(
                                "{} {}",
                                Word::DefinedIn.text(lang),
                                entry.source.defined_in.name(),
                            ))
                            .small()
                            .weak(),
                        );
                        if let Some(url) = &entry.source.source.url {
                            ui.label(RichText::new(url).small().monospace());
                        }
                        if entry.cited_by.is_empty() {
                            ui.label(
                                RichText::new(Word::CitedOnlyByRules.text(lang))
                                    .small()
                                    .weak(),
                            );
                        } else {
                            ui.label(
                                RichText::new(
                                    Say::CitedBy {
                                        count: entry.cited_by.len(),
                                    }
                                    .text(lang),
                                )
                                .small(),
                            );
                            for statement in &entry.cited_by {
                                ui.label(
                                    RichText::new(format!(
                                        "· ［{}］{}",
                                        statement.item.confidence.label_in(lang),
                                        statement.item.text
                                    ))
                                    .small(),
                                );
                            }
                        }
                    });
                ui.add_space(4.0);
            }
        });
}
