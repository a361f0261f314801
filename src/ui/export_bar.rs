//! The export controls a checklist has wherever it is shown (the checklist tab, the family
//! tab's binding list): format, save dialog, the default export folder, the written path and a
//! button that opens its folder.

use std::path::{Path, PathBuf};

use eframe::egui;

use crate::checklist::Checklist;
use crate::export::{ExportFormat, file_name, render_for};
use crate::store::{write_atomically, write_new_file};
use crate::text::{Lang, Word};
use crate::ui::theme;

/// What the user asked the bar to do this frame.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportRequest {
    /// Choose a file in the save dialog.
    Dialog,
    /// Write straight into the default export folder.
    DefaultFolder,
}

/// State of one export bar.
pub struct ExportBar {
    id_salt: &'static str,
    format: ExportFormat,
    export_dir: Option<PathBuf>,
    /// The last outcome: text and whether it is an error.
    status: Option<(String, bool)>,
    last_export: Option<PathBuf>,
    /// Whether "导出…" opens the system's save dialog (else it saves to the export folder).
    native_dialogs: bool,
    /// The window's language when the bar was last drawn (its messages follow it).
    lang: Lang,
    /// A file written and not yet taken into the export history.
    written: Option<(PathBuf, ExportFormat)>,
}

impl ExportBar {
    pub fn new(id_salt: &'static str, export_dir: Option<PathBuf>, native_dialogs: bool) -> Self {
        ExportBar {
            id_salt,
            format: ExportFormat::Markdown,
            export_dir,
            status: None,
            last_export: None,
            native_dialogs,
            lang: Lang::Zh,
            written: None,
        }
    }

    /// The file the last export wrote, once (for the export history).
    pub fn take_written(&mut self) -> Option<(PathBuf, ExportFormat)> {
        self.written.take()
    }

    /// Says that the list could not be made, in the bar's language.
    pub fn fail_to_make(&mut self, error: &dyn std::fmt::Display) {
        let message = self
            .lang
            .labelled(Word::CannotMakeList.text(self.lang), &error.to_string());
        self.fail(message);
    }

    /// The file written by the last export.
    pub fn last_export(&self) -> Option<&Path> {
        self.last_export.as_deref()
    }

    /// Renders, then writes. A render that fails writes nothing and never says 已保存.
    fn write(
        &mut self,
        checklist: &Checklist,
        owner: Option<&str>,
        path: &Path,
        format: ExportFormat,
    ) {
        let bytes = match render_for(checklist, owner, format) {
            Ok(bytes) => bytes,
            Err(error) => {
                self.fail(
                    self.lang
                        .labelled(Word::NotSaved.text(self.lang), &error.to_string()),
                );
                return;
            }
        };
        let dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
        match write_atomically(&dir, path, &bytes) {
            Ok(()) => {
                self.status = Some((
                    self.lang
                        .labelled(Word::Saved.text(self.lang), &path.display().to_string()),
                    false,
                ));
                self.last_export = Some(path.to_path_buf());
                self.written = Some((path.to_path_buf(), format));
            }
            Err(error) => self.fail(
                self.lang
                    .labelled(Word::SaveFailed.text(self.lang), &error.to_string()),
            ),
        }
    }

    /// Shows why no checklist could be exported, and logs that an export failed (not the
    /// message: its path can carry a person's name).
    pub fn fail(&mut self, message: String) {
        crate::log::error(&format!(
            "export failed ({} format; details shown in the window)",
            self.format.extension()
        ));
        self.status = Some((message, true));
    }

    /// Carries out `request` for `checklist`.
    /// `owner` names whose list it is in the file name (masked, 王某, or a label the user
    /// typed), so two people's lists do not share a name; an existing file is never replaced
    /// without a word (a numbered name is chosen).
    pub fn run(&mut self, request: ExportRequest, checklist: &Checklist, owner: Option<&str>) {
        match request {
            ExportRequest::Dialog if self.native_dialogs => self.save_with_dialog(checklist, owner),
            ExportRequest::Dialog | ExportRequest::DefaultFolder => {
                self.save_to_default_folder(checklist, owner);
            }
        }
    }

    /// The save dialog; the format follows the chosen file's extension.
    fn save_with_dialog(&mut self, checklist: &Checklist, owner: Option<&str>) {
        let mut dialog = rfd::FileDialog::new()
            .set_title(Word::ExportList.text(self.lang))
            .set_file_name(file_name(checklist, owner, self.format));
        for format in ExportFormat::ALL.iter().copied() {
            dialog = dialog.add_filter(format.label(), &[format.extension()]);
        }
        match dialog.save_file() {
            Some(path) => {
                let format =
                    ExportFormat::from_extension(&path.to_string_lossy()).unwrap_or(self.format);
                self.write(checklist, owner, &path, format);
            }
            None => {
                self.status = Some((Word::NoPlaceChosen.text(self.lang).to_owned(), false));
            }
        }
    }

    /// Saves in the default export folder without any dialog.
    fn save_to_default_folder(&mut self, checklist: &Checklist, owner: Option<&str>) {
        let Some(dir) = self.export_dir.clone() else {
            self.fail(Word::NoExportFolder.text(self.lang).to_owned());
            return;
        };
        let path = dir.join(file_name(checklist, owner, self.format));
        let bytes = match render_for(checklist, owner, self.format) {
            Ok(bytes) => bytes,
            Err(error) => {
                self.fail(
                    self.lang
                        .labelled(Word::NotSaved.text(self.lang), &error.to_string()),
                );
                return;
            }
        };
        // A new file, never one that replaces an earlier list (a numbered name instead).
        match write_new_file(&path, &bytes) {
            Ok(written) => {
                self.status = Some((
                    self.lang
                        .labelled(Word::Saved.text(self.lang), &written.display().to_string()),
                    false,
                ));
                self.written = Some((written.clone(), self.format));
                self.last_export = Some(written);
            }
            Err(error) => self.fail(
                self.lang
                    .labelled(Word::SaveFailed.text(self.lang), &error.to_string()),
            ),
        }
    }

    /// Draws the controls and the last outcome; returns the export asked for, if any.
    pub fn ui(&mut self, ui: &mut egui::Ui) -> Option<ExportRequest> {
        let mut request = None;
        self.lang = crate::ui::lang(ui.ctx());
        let lang = self.lang;
        ui.horizontal_wrapped(|ui| {
            let label = ui.label(Word::ExportFormatLabel.text(lang));
            egui::ComboBox::from_id_salt((self.id_salt, "format"))
                .selected_text(self.format.label())
                .height(320.0)
                .show_ui(ui, |ui| {
                    for format in ExportFormat::ALL.iter().copied() {
                        ui.selectable_value(&mut self.format, format, format.label());
                    }
                })
                .response
                .labelled_by(label.id);
            if ui
                .button(Word::ExportDots.text(lang))
                .on_hover_text(crate::ui::commands::UiCommand::Export.tooltip(ui.ctx()))
                .clicked()
            {
                request = Some(ExportRequest::Dialog);
            }
            if ui.button(Word::SaveToDefaultFolder.text(lang)).clicked() {
                request = Some(ExportRequest::DefaultFolder);
            }
        });
        if let Some((message, is_error)) = self.status.clone() {
            let is_error = &is_error;
            ui.horizontal_wrapped(|ui| {
                theme::status_label(ui, &message, *is_error);
                if !*is_error
                    && let Some(folder) = self.last_export.as_ref().and_then(|p| p.parent())
                    && ui.button(Word::OpenFolder.text(lang)).clicked()
                {
                    // The local folder in the file manager; nothing goes over the network.
                    if let Err(error) = opener::open(folder) {
                        let message = lang.labelled(
                            &format!("{} {}", Word::CannotOpenFolder.text(lang), folder.display()),
                            &error.to_string(),
                        );
                        crate::log::warn(&message);
                        self.status = Some((message, true));
                    }
                }
            });
        }
        request
    }
}
