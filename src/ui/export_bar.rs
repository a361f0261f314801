//! The export controls a checklist has wherever it is shown (the checklist tab, the family
//! tab's binding list): format, save dialog, the default export folder, the written path and a
//! button that opens its folder.

use std::path::{Path, PathBuf};

use eframe::egui::{self, RichText};

use crate::checklist::Checklist;
use crate::export::{ExportFormat, render};
use crate::store::write_atomically;
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
}

impl ExportBar {
    pub fn new(id_salt: &'static str, export_dir: Option<PathBuf>) -> Self {
        ExportBar {
            id_salt,
            format: ExportFormat::Markdown,
            export_dir,
            status: None,
            last_export: None,
        }
    }

    /// The file written by the last export.
    pub fn last_export(&self) -> Option<&Path> {
        self.last_export.as_deref()
    }

    /// `家庭共济绑定清单-王家-南京市-20261123.pdf`: procedure, whose list (if named), region,
    /// date.
    fn file_name(checklist: &Checklist, owner: Option<&str>, format: ExportFormat) -> String {
        let owner = owner
            .map(|o| o.trim().replace(['/', '\\', ':'], "_"))
            .filter(|o| !o.is_empty())
            .map_or_else(String::new, |o| format!("{o}-"));
        format!(
            "{}清单-{owner}{}-{}.{}",
            checklist.procedure_label,
            checklist.region_name,
            checklist.generated_on.format("%Y%m%d"),
            format.extension()
        )
    }

    fn write(&mut self, checklist: &Checklist, path: &Path, format: ExportFormat) {
        let bytes = render(checklist, format);
        let dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
        match write_atomically(&dir, path, &bytes) {
            Ok(()) => {
                self.status = Some((format!("已保存：{}", path.display()), false));
                self.last_export = Some(path.to_path_buf());
            }
            Err(error) => self.status = Some((format!("保存失败：{error}"), true)),
        }
    }

    /// Shows why no checklist could be exported.
    pub fn fail(&mut self, message: String) {
        self.status = Some((message, true));
    }

    /// Carries out `request` for `checklist`.
    /// `owner` names whose list it is in the file name (a family's label), so two families'
    /// lists do not replace each other in the export folder.
    pub fn run(&mut self, request: ExportRequest, checklist: &Checklist, owner: Option<&str>) {
        match request {
            ExportRequest::Dialog => self.save_with_dialog(checklist, owner),
            ExportRequest::DefaultFolder => self.save_to_default_folder(checklist, owner),
        }
    }

    /// The save dialog; the format follows the chosen file's extension.
    fn save_with_dialog(&mut self, checklist: &Checklist, owner: Option<&str>) {
        let mut dialog = rfd::FileDialog::new()
            .set_title("导出清单")
            .set_file_name(Self::file_name(checklist, owner, self.format));
        for format in ExportFormat::ALL {
            dialog = dialog.add_filter(format.label(), &[format.extension()]);
        }
        match dialog.save_file() {
            Some(path) => {
                let format =
                    ExportFormat::from_extension(&path.to_string_lossy()).unwrap_or(self.format);
                self.write(checklist, &path, format);
            }
            None => {
                self.status = Some((
                    "没有选择保存位置。如果没有弹出保存窗口，请点“保存到默认文件夹”。".to_owned(),
                    false,
                ));
            }
        }
    }

    /// Saves in the default export folder without any dialog.
    fn save_to_default_folder(&mut self, checklist: &Checklist, owner: Option<&str>) {
        let Some(dir) = self.export_dir.clone() else {
            self.status = Some(("找不到默认导出文件夹。".to_owned(), true));
            return;
        };
        let path = dir.join(Self::file_name(checklist, owner, self.format));
        self.write(checklist, &path, self.format);
    }

    /// Draws the controls and the last outcome; returns the export asked for, if any.
    pub fn ui(&mut self, ui: &mut egui::Ui) -> Option<ExportRequest> {
        let mut request = None;
        ui.horizontal_wrapped(|ui| {
            let label = ui.label("导出格式");
            egui::ComboBox::from_id_salt((self.id_salt, "format"))
                .selected_text(self.format.label())
                .height(320.0)
                .show_ui(ui, |ui| {
                    for format in ExportFormat::ALL {
                        ui.selectable_value(&mut self.format, format, format.label());
                    }
                })
                .response
                .labelled_by(label.id);
            if ui
                .button("导出…")
                .on_hover_text(crate::ui::commands::UiCommand::Export.tooltip(ui.ctx()))
                .clicked()
            {
                request = Some(ExportRequest::Dialog);
            }
            if ui.button("保存到默认文件夹").clicked() {
                request = Some(ExportRequest::DefaultFolder);
            }
            if let Some(path) = &self.last_export
                && let Some(folder) = path.parent()
                && ui.button("打开文件夹").clicked()
            {
                // Opens the local folder in the file manager; nothing goes over the network.
                let _ = std::process::Command::new("xdg-open").arg(folder).spawn();
            }
        });
        if let Some((message, is_error)) = &self.status {
            let color = if *is_error {
                theme::warning_color(ui.visuals().dark_mode)
            } else {
                theme::correction_color(ui.visuals().dark_mode)
            };
            ui.label(RichText::new(message).color(color));
        }
        request
    }
}
