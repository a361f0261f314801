//! 对比: two or three regions side by side on one topic, rows aligned by statement key, with
//! differences and region-only statements marked.

use chrono::NaiveDate;
use eframe::egui::{self, RichText};

use crate::domain::Topic;
use crate::policy::{PolicySet, RowStatus, compare_regions};
use crate::text::{Say, Word};
use crate::ui::{cards, theme};

/// Up to this many regions side by side (more would not fit a small window).
const MAX_REGIONS: usize = 3;

/// State of the compare view: which regions are compared.
#[derive(Debug, Clone)]
pub struct ComparePanel {
    regions: Vec<String>,
    only_differences: bool,
}

impl ComparePanel {
    /// Starts with 青岛 and 合肥, the example of a family spread over two provinces.
    pub fn new(policies: &PolicySet) -> Self {
        let mut regions: Vec<String> = ["qingdao", "hefei"]
            .into_iter()
            .filter(|id| policies.region(id).is_some())
            .map(str::to_owned)
            .collect();
        for region in policies.regions_in_tree_order() {
            if regions.len() >= 2 {
                break;
            }
            if !regions.iter().any(|r| r == region.id()) {
                regions.push(region.id().to_owned());
            }
        }
        ComparePanel {
            regions,
            only_differences: true,
        }
    }

    /// The compared region ids, in column order.
    pub fn regions(&self) -> &[String] {
        &self.regions
    }

    pub fn ui(&mut self, ui: &mut egui::Ui, policies: &PolicySet, topic: Topic, as_of: NaiveDate) {
        let lang = crate::ui::lang(ui.ctx());
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(Word::CompareWhich.text(lang)).strong());
            // The regions with rules of their own (a place without has nothing to compare).
            for region in policies
                .regions_in_tree_order()
                .into_iter()
                .filter(|r| r.has_own_file())
            {
                let mut checked = self.regions.iter().any(|r| r == region.id());
                let full = self.regions.len() >= MAX_REGIONS && !checked;
                let response =
                    ui.add_enabled(!full, egui::Checkbox::new(&mut checked, region.name()));
                if response.changed() {
                    if checked {
                        self.regions.push(region.id().to_owned());
                    } else {
                        self.regions.retain(|r| r != region.id());
                    }
                }
            }
        });
        if self.regions.len() < 2 {
            ui.label(Word::ChooseTwoRegions.text(lang));
            return;
        }
        let ids: Vec<&str> = self.regions.iter().map(String::as_str).collect();
        let rows = compare_regions(policies, &ids, topic, as_of);
        let names: Vec<&str> = ids
            .iter()
            .map(|id| policies.region(id).map_or(*id, |r| r.name()))
            .collect();
        let differing = rows.iter().filter(|r| r.status != RowStatus::Same).count();
        ui.label(
            Say::CompareSummary {
                regions: names.join(" / "),
                topic: topic.label_in(lang).into_owned(),
                rows: rows.len(),
                differing,
            }
            .text(lang),
        );
        ui.checkbox(&mut self.only_differences, Word::OnlyDifferences.text(lang));
        egui::ScrollArea::vertical()
            .id_salt("compare_rows")
            .show(ui, |ui| {
                ui.columns(ids.len(), |columns| {
                    for (column, name) in columns.iter_mut().zip(&names) {
                        column.label(RichText::new(*name).heading());
                    }
                });
                for row in &rows {
                    if self.only_differences && row.status == RowStatus::Same {
                        continue;
                    }
                    let marker = match &row.status {
                        RowStatus::Same => Word::Same.text(lang).to_owned(),
                        RowStatus::Different => Word::DiffersByPlace.text(lang).to_owned(),
                        RowStatus::OnlyIn(present) => Say::OnlyIn {
                            regions: present
                                .iter()
                                .filter_map(|i| names.get(*i).copied())
                                .collect::<Vec<_>>()
                                .join(lang.list_separator()),
                        }
                        .text(lang),
                    };
                    let differs = row.status != RowStatus::Same;
                    let mut frame = egui::Frame::new().inner_margin(6.0).corner_radius(4.0);
                    if differs {
                        frame = frame.fill(theme::difference_background(ui.visuals().dark_mode));
                    }
                    frame.show(ui, |ui| {
                        // The marker only: the statement's key is the data's, not the user's.
                        ui.label(RichText::new(marker).small().strong());
                        ui.columns(ids.len(), |columns| {
                            for (column, cell) in columns.iter_mut().zip(&row.cells) {
                                match cell {
                                    Some(defined) => {
                                        column.horizontal_wrapped(|ui| {
                                            cards::confidence_badge_ui(ui, defined.item.confidence);
                                            ui.label(
                                                RichText::new(format!(
                                                    "{} {}",
                                                    Word::DefinedIn.text(lang),
                                                    defined.defined_in.name()
                                                ))
                                                .small()
                                                .weak(),
                                            );
                                        });
                                        column.label(&defined.item.text);
                                        if let Some(correction) = &defined.item.correction {
                                            column.label(
                                                RichText::new(format!(
                                                    "{}：{correction}",
                                                    defined.item.confidence.note_heading()
                                                ))
                                                .color(theme::correction_color(
                                                    column.visuals().dark_mode,
                                                )),
                                            );
                                        }
                                    }
                                    None => {
                                        column.label(
                                            RichText::new(Word::NotInThisRegion.text(lang)).weak(),
                                        );
                                    }
                                }
                            }
                        });
                    });
                    ui.separator();
                }
            });
    }
}
