//! 资料来源: the bibliography of a region — every source it sees, with the statements that
//! cite it.

use eframe::egui::{self, RichText};

use crate::policy::ResolvedRegion;

pub fn ui(ui: &mut egui::Ui, resolved: &ResolvedRegion<'_>) {
    let entries = resolved.bibliography();
    ui.label(format!(
        "{} 可见的资料来源共 {} 份（含上级地区的）。等级：A 法规或政府网站，B 官方媒体或转载，C 网络文章（不能作为依据）。",
        resolved.region().name(),
        entries.len()
    ));
    egui::ScrollArea::vertical()
        .id_salt("bibliography")
        .show(ui, |ui| {
            for entry in &entries {
                egui::Frame::group(ui.style())
                    .inner_margin(8.0)
                    .show(ui, |ui| {
                        ui.set_width(ui.available_width());
                        let grade = entry
                            .source
                            .source
                            .grade
                            .map_or(String::new(), |g| format!("［{} 级］", g.id()));
                        ui.label(
                            RichText::new(format!("{grade}{}", entry.source.source.citation()))
                                .strong(),
                        );
                        ui.label(
                            RichText::new(format!(
                                "定义于 {} · 编号 {}",
                                entry.source.defined_in.name(),
                                entry.source.id
                            ))
                            .small()
                            .weak(),
                        );
                        if let Some(url) = &entry.source.source.url {
                            ui.label(RichText::new(url).small().monospace());
                        }
                        if entry.cited_by.is_empty() {
                            ui.label(
                                RichText::new("（只被规则引用，没有条目引用）")
                                    .small()
                                    .weak(),
                            );
                        } else {
                            ui.label(
                                RichText::new(format!("被 {} 条引用：", entry.cited_by.len()))
                                    .small(),
                            );
                            for statement in &entry.cited_by {
                                ui.label(
                                    RichText::new(format!(
                                        "· ［{}］{}",
                                        statement.item.confidence.label(),
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
