//! The family tab's toolbar: save, undo, redo, the printable list, backups and removal, the
//! outcome of the last action, and the confirmations that stand before removing a family or
//! writing full ID numbers.

use eframe::egui::{self, RichText};

use super::workspace::FamilyAction;
use super::{Confirm, FamilyPanel};
use crate::text::{Say, Word};
use crate::ui::commands::UiCommand;
use crate::ui::theme;

impl FamilyPanel {
    pub(super) fn toolbar_ui(&mut self, ui: &mut egui::Ui) {
        let has_family = self.current_family().is_some();
        let lang = crate::ui::lang(ui.ctx());
        ui.horizontal_wrapped(|ui| {
            let dirty = self.has_unsaved_changes();
            if ui
                .add_enabled(dirty, egui::Button::new(Word::Save.text(lang)))
                .on_hover_text(UiCommand::Save.tooltip(ui.ctx()))
                .clicked()
            {
                self.sent.push(UiCommand::Save);
            }
            let (can_undo, can_redo) = self
                .workspace
                .current_document()
                .map_or((false, false), |d| (d.can_undo(), d.can_redo()));
            if ui
                .add_enabled(can_undo, egui::Button::new(Word::Undo.text(lang)))
                .on_hover_text(UiCommand::Undo.tooltip(ui.ctx()))
                .clicked()
            {
                self.sent.push(UiCommand::Undo);
            }
            if ui
                .add_enabled(can_redo, egui::Button::new(Word::Redo.text(lang)))
                .on_hover_text(UiCommand::Redo.tooltip(ui.ctx()))
                .clicked()
            {
                self.sent.push(UiCommand::Redo);
            }
            if ui
                .add_enabled(
                    has_family,
                    egui::Button::new(RichText::new(Word::ExportFamilyList.text(lang)).strong()),
                )
                .on_hover_text(UiCommand::Export.tooltip(ui.ctx()))
                .clicked()
            {
                self.sent.push(UiCommand::Export);
            }
            ui.menu_button(Word::BackupAndRestore.text(lang), |ui| {
                if ui
                    .add_enabled(has_family, egui::Button::new(Word::BackupFile.text(lang)))
                    .on_hover_text(Word::BackupHint.text(lang))
                    .clicked()
                {
                    self.confirm = Some(Confirm::Backup { with_dialog: true });
                    ui.close();
                }
                if ui
                    .add_enabled(
                        has_family,
                        egui::Button::new(Word::BackupToDefault.text(lang)),
                    )
                    .clicked()
                {
                    self.confirm = Some(Confirm::Backup { with_dialog: false });
                    ui.close();
                }
                if ui.button(Word::ImportFile.text(lang)).clicked() {
                    self.import_with_dialog();
                    ui.close();
                }
                if ui
                    .add_enabled(
                        has_family,
                        egui::Button::new(Word::RestorePrevious.text(lang)),
                    )
                    .clicked()
                {
                    self.confirm = Some(Confirm::RestoreBackup);
                    ui.close();
                }
            });
            if ui
                .add_enabled(has_family, egui::Button::new(Word::RemoveFamily.text(lang)))
                .clicked()
            {
                self.confirm = Some(Confirm::Remove);
            }
            if dirty {
                ui.label(
                    RichText::new(Word::UnsavedChanges.text(lang))
                        .color(theme::warning_color(ui.visuals().dark_mode)),
                );
            }
        });
        if let Some(status) = self.workspace.status().cloned() {
            ui.horizontal_wrapped(|ui| {
                theme::status_label(ui, &status.text(lang), status.is_error);
                if self.workspace.can_undo_remove()
                    && ui
                        .button(Word::UndoRemove.text(lang))
                        .on_hover_text(UiCommand::Undo.tooltip(ui.ctx()))
                        .clicked()
                {
                    self.sent.push(UiCommand::Undo);
                }
            });
        }
        ui.separator();
        self.confirm_ui(ui);
    }

    /// The open confirmation, as a window over the tab.
    fn confirm_ui(&mut self, ui: &mut egui::Ui) {
        let Some(confirm) = self.confirm.clone() else {
            return;
        };
        let label = self
            .current_family()
            .map(|f| f.label.clone())
            .unwrap_or_default();
        let lang = crate::ui::lang(ui.ctx());
        let (title, text, yes) = match confirm {
            Confirm::Remove => (
                Word::RemoveFamilyTitle,
                Say::ConfirmRemove { label }.text(lang),
                Word::MoveToRecycleBin,
            ),
            Confirm::RestoreBackup => (
                Word::RestorePreviousTitle,
                Say::ConfirmRestoreBackup { label }.text(lang),
                Word::GoBack,
            ),
            Confirm::Purge(index) => (
                Word::DeleteForever,
                Say::ConfirmPurge {
                    label: self
                        .workspace
                        .recycled()
                        .get(index)
                        .map(|r| r.family.label.clone())
                        .unwrap_or_default(),
                }
                .text(lang),
                Word::DeleteForever,
            ),
            Confirm::Backup { .. } => (
                Word::BackupTitle,
                Word::BackupWarning.text(lang).to_owned(),
                Word::BackupAnyway,
            ),
        };
        let (title, yes) = (title.text(lang), yes.text(lang));
        let mut answer = None;
        egui::Modal::new(egui::Id::unique("family_confirm")).show(ui.ctx(), |ui| {
            ui.set_max_width(460.0);
            ui.heading(title);
            ui.label(text);
            ui.horizontal(|ui| {
                if ui.button(yes).clicked() {
                    answer = Some(true);
                }
                if ui.button(Word::Cancel.text(lang)).clicked() {
                    answer = Some(false);
                }
            });
        });
        match answer {
            Some(true) => {
                self.confirm = None;
                match confirm {
                    Confirm::Remove => {
                        self.act(FamilyAction::Remove);
                    }
                    Confirm::Backup { with_dialog } => self.backup(with_dialog),
                    Confirm::RestoreBackup => {
                        self.act(FamilyAction::RestoreBackup);
                    }
                    Confirm::Purge(index) => {
                        self.act(FamilyAction::PurgeRecycled(index));
                    }
                }
            }
            Some(false) => self.confirm = None,
            None => {}
        }
    }

    /// Writes the raw family file: where the user picks, or (no dialog) to the export
    /// folder under a name that replaces nothing.
    fn backup(&mut self, with_dialog: bool) {
        let Some(file_name) = self.workspace.backup_file_name() else {
            return;
        };
        let path = if with_dialog && self.native_dialogs {
            let picked = rfd::FileDialog::new()
                .set_title(Word::BackupDialogTitle.text(self.lang))
                .set_file_name(&file_name)
                .add_filter(Word::FamilyFile.text(self.lang), &["json"])
                .save_file();
            let Some(path) = picked else {
                self.workspace.report(Say::NoPlacePicked, false);
                return;
            };
            path
        } else {
            let Some(folder) = self.workspace.export_dir() else {
                self.workspace.report(Say::NoExportFolderFound, true);
                return;
            };
            crate::export::unused_path(&folder.join(file_name))
        };
        self.act(FamilyAction::Backup(path));
    }

    fn import_with_dialog(&mut self) {
        let picked = if self.native_dialogs {
            rfd::FileDialog::new()
                .set_title(Word::ImportDialogTitle.text(self.lang))
                .add_filter(Word::FamilyFile.text(self.lang), &["json"])
                .pick_file()
        } else {
            None
        };
        match picked {
            Some(path) => self.import_file(&path),
            None => {
                self.workspace.report(Say::NoFilePicked, false);
            }
        }
    }
}
