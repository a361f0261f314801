//! The "导出记录" tab: the lists exported on this computer, today's first and then earlier
//! days', each with buttons to open the file, show its folder, or make it again (as of today,
//! in the chosen format) into the export folder. A community worker finds a family's list
//! from this morning without remembering where it went.

use eframe::egui::{self, RichText};

use crate::export::ExportFormat;
use crate::export::history::{ExportHistory, ExportRecord};
use crate::text::{Lang, Word};
use crate::ui::theme;

/// What the user asked for in this frame.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HistoryAction {
    /// Open the file (the record's index).
    Open(usize),
    /// Show the file's folder.
    OpenFolder(usize),
    /// Make the list again in the chosen format.
    Remake(usize, ExportFormat),
}

/// The tab's state: the history and the last outcome.
pub struct HistoryPanel {
    history: ExportHistory,
    format: ExportFormat,
    /// The last outcome: what happened (said in the window's language when drawn), the
    /// detail (a path or an error), and whether it is an error.
    status: Option<(Word, String, bool)>,
}

impl HistoryPanel {
    pub fn new(history: ExportHistory) -> Self {
        HistoryPanel {
            history,
            format: ExportFormat::Pdf,
            status: None,
        }
    }

    pub fn history(&self) -> &ExportHistory {
        &self.history
    }

    pub fn history_mut(&mut self) -> &mut ExportHistory {
        &mut self.history
    }

    /// Shows an outcome: `what` happened, with `detail` (a path or an error).
    pub fn set_status(&mut self, what: Word, detail: String, is_error: bool) {
        if is_error {
            // Not the detail: it can carry a file name with a person's name.
            crate::log::error("an exported list could not be opened, made again or recorded");
        }
        self.status = Some((what, detail, is_error));
    }

    /// The last outcome as the window says it.
    pub fn status_text(&self, lang: Lang) -> Option<String> {
        self.status.as_ref().map(|(what, detail, _)| {
            if detail.is_empty() {
                what.text(lang).to_owned()
            } else {
                lang.labelled(what.text(lang), detail)
            }
        })
    }

    /// Draws the tab; returns what the user asked for.
    pub fn ui(&mut self, ui: &mut egui::Ui, today: chrono::NaiveDate) -> Option<HistoryAction> {
        let lang = crate::ui::lang(ui.ctx());
        let mut action = None;
        ui.heading(Word::ExportedLists.text(lang));
        ui.label(RichText::new(Word::ExportedListsIntro.text(lang)).weak());
        ui.horizontal_wrapped(|ui| {
            let label = ui.label(Word::RemakeFormat.text(lang));
            egui::ComboBox::from_id_salt("history_format")
                .selected_text(self.format.label())
                .show_ui(ui, |ui| {
                    for format in ExportFormat::ALL.iter().copied() {
                        ui.selectable_value(&mut self.format, format, format.label());
                    }
                })
                .response
                .labelled_by(label.id);
        });
        if let (Some(message), Some((_, _, is_error))) = (self.status_text(lang), &self.status) {
            theme::status_label(ui, &message, *is_error);
        }
        ui.separator();
        let days = self.history.by_day();
        if days.is_empty() {
            ui.label(Word::NoExportsYet.text(lang));
            return None;
        }
        let records = self.history.records();
        egui::ScrollArea::vertical()
            .id_salt("history_scroll")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                for (day, day_records) in &days {
                    let title = if *day == today {
                        let date = day.format("%Y-%m-%d");
                        match lang {
                            Lang::Zh => format!("{}（{date}）", Word::Today.text(lang)),
                            Lang::En => format!("{} ({date})", Word::Today.text(lang)),
                        }
                    } else {
                        day.format("%Y-%m-%d").to_string()
                    };
                    egui::CollapsingHeader::new(
                        RichText::new(format!("{title} · {}", day_records.len())).strong(),
                    )
                    .id_salt(("history_day", *day))
                    .default_open(*day == today || days.len() == 1)
                    .show(ui, |ui| {
                        for record in day_records {
                            let index = records
                                .iter()
                                .position(|r| std::ptr::eq(r, *record))
                                .unwrap_or_default();
                            if let Some(asked) = record_ui(ui, record, index, self.format, lang) {
                                action = Some(asked);
                            }
                        }
                    });
                }
            });
        action
    }
}

/// One exported file: when, for whom, what, where; and its buttons.
fn record_ui(
    ui: &mut egui::Ui,
    record: &ExportRecord,
    index: usize,
    format: ExportFormat,
    lang: Lang,
) -> Option<HistoryAction> {
    let mut action = None;
    ui.group(|ui| {
        let who = record
            .who
            .clone()
            .unwrap_or_else(|| Word::NoNameGiven.text(lang).to_owned());
        ui.label(
            RichText::new(format!(
                "{} · {} · {} · {}",
                record.written_at.format("%H:%M"),
                who,
                record.procedure.label_in(lang),
                record.region_name
            ))
            .strong(),
        );
        ui.label(RichText::new(record.file_name()).weak());
        ui.horizontal_wrapped(|ui| {
            if ui.button(Word::OpenFile.text(lang)).clicked() {
                action = Some(HistoryAction::Open(index));
            }
            if ui.button(Word::OpenFolder.text(lang)).clicked() {
                action = Some(HistoryAction::OpenFolder(index));
            }
            if ui
                .button(Word::RemakeList.text(lang))
                .on_hover_text(Word::RemakeListHint.text(lang))
                .clicked()
            {
                action = Some(HistoryAction::Remake(index, format));
            }
        });
    });
    action
}
