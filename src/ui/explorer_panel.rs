//! 政策浏览: pick a region and a topic, read the resolved statements with their confidence,
//! where they are defined, their sources and corrections.

use eframe::egui::{self, RichText};

use crate::domain::Topic;
use crate::policy::{CitedSource, Defined, PolicySet, ROOT_REGION, ResolvedRegion, Statement};
use crate::ui::theme;

/// State of the explorer tab.
pub struct ExplorerPanel {
    region: String,
    topic: Topic,
}

impl ExplorerPanel {
    /// Starts on the national baseline and family sharing, the question most people bring.
    pub fn new(_policies: &PolicySet) -> Self {
        ExplorerPanel {
            region: ROOT_REGION.to_owned(),
            topic: Topic::FamilySharing,
        }
    }

    /// The selected region id.
    pub fn region(&self) -> &str {
        &self.region
    }

    /// The selected topic.
    pub fn topic(&self) -> Topic {
        self.topic
    }

    pub fn ui(&mut self, ui: &mut egui::Ui, policies: &PolicySet) {
        let Self { region, topic } = self;
        egui::Panel::left("explorer_nav")
            .resizable(false)
            .default_size(190.0)
            .show(ui, |ui| {
                egui::ScrollArea::vertical().show(ui, |ui| {
                    ui.label(RichText::new("地区").strong());
                    for candidate in policies.regions_in_tree_order() {
                        let depth = policies
                            .resolve(candidate.id())
                            .map_or(0, |r| r.chain.len().saturating_sub(1));
                        ui.horizontal(|ui| {
                            ui.add_space(depth as f32 * 16.0);
                            if ui
                                .selectable_label(region == candidate.id(), candidate.name())
                                .clicked()
                            {
                                *region = candidate.id().to_owned();
                            }
                        });
                    }
                    ui.add_space(12.0);
                    ui.label(RichText::new("主题").strong());
                    for candidate in Topic::ALL {
                        ui.selectable_value(topic, *candidate, candidate.label());
                    }
                });
            });
        egui::CentralPanel::default().show(ui, |ui| {
            let Some(resolved) = policies.resolve(region) else {
                ui.label("没有这个地区的政策数据。");
                return;
            };
            ui.heading(format!("{} · {}", resolved.path_label(), topic.label()));
            ui.add_space(4.0);
            let statements = resolved.statements_on(*topic);
            egui::ScrollArea::vertical().show(ui, |ui| {
                if statements.is_empty() {
                    ui.label("这个主题暂时没有资料。请拨打医保服务热线 12393 咨询当地医保部门。");
                }
                for statement in &statements {
                    statement_card_ui(ui, &resolved, statement);
                    ui.add_space(6.0);
                }
            });
        });
    }
}

/// One statement as a card: badge, text, correction, where defined, sources.
fn statement_card_ui(
    ui: &mut egui::Ui,
    resolved: &ResolvedRegion<'_>,
    defined: &Defined<'_, Statement>,
) {
    let statement = defined.item;
    egui::Frame::group(ui.style())
        .inner_margin(10.0)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal_wrapped(|ui| {
                confidence_badge_ui(ui, statement.confidence);
                ui.label(
                    RichText::new(format!("定义于 {}", defined.defined_in.name()))
                        .small()
                        .weak(),
                );
                ui.label(
                    RichText::new(format!("核实于 {}", statement.verified_on))
                        .small()
                        .weak(),
                );
            });
            ui.label(&statement.text);
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
        });
}

fn confidence_badge_ui(ui: &mut egui::Ui, confidence: crate::domain::Confidence) {
    egui::Frame::new()
        .fill(theme::confidence_color(confidence))
        .corner_radius(4.0)
        .inner_margin(egui::Margin::symmetric(6, 1))
        .show(ui, |ui| {
            ui.label(
                RichText::new(confidence.label())
                    .color(egui::Color32::WHITE)
                    .small(),
            );
        });
}

fn source_line_ui(ui: &mut egui::Ui, cited: &CitedSource<'_>) {
    ui.label(
        RichText::new(format!("来源：{}", cited.source.citation()))
            .small()
            .weak(),
    );
    if let Some(url) = &cited.source.url {
        // Selectable so it can be copied; never opened from here (the app stays offline).
        ui.label(RichText::new(url).small().monospace());
    }
}
