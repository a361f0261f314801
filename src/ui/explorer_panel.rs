//! 政策浏览: the region tree and topic list, the statements of the chosen region as cards,
//! search, the compare view and the bibliography; an "as of" date hides statements not in
//! force that day.

use chrono::NaiveDate;
use eframe::egui::{self, RichText};

use crate::domain::Topic;
use crate::policy::search::SearchIndex;
use crate::policy::{PolicySet, ROOT_REGION};
use crate::text::{Lang, Say, Word};
use crate::ui::cards;
use crate::ui::compare_panel::ComparePanel;
use crate::ui::search_panel::{SearchPanel, StatementAddress};
use crate::ui::sources_panel;

/// What the centre of the explorer shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExplorerMode {
    Browse,
    Compare,
    Sources,
}

impl ExplorerMode {
    const ALL: [ExplorerMode; 3] = [
        ExplorerMode::Browse,
        ExplorerMode::Compare,
        ExplorerMode::Sources,
    ];

    fn label(self, lang: Lang) -> &'static str {
        match self {
            ExplorerMode::Browse => Word::Browse,
            ExplorerMode::Compare => Word::CompareRegions,
            ExplorerMode::Sources => Word::SourcesList,
        }
        .text(lang)
    }
}

/// The "as of" date as typed, and the last valid value.
#[derive(Debug, Clone)]
struct AsOfDate {
    text: String,
    date: NaiveDate,
    error: Option<String>,
}

impl AsOfDate {
    fn new(date: NaiveDate) -> Self {
        AsOfDate {
            text: date.format("%Y-%m-%d").to_string(),
            date,
            error: None,
        }
    }

    fn parse_text(&mut self) {
        match NaiveDate::parse_from_str(self.text.trim(), "%Y-%m-%d") {
            Ok(date) => {
                self.date = date;
                self.error = None;
            }
            Err(_) => {
                self.error = Some(format!(
                    "“{}”不是有效日期，请按 2024-07-01 的格式填写；仍按 {} 显示。",
                    self.text.trim(),
                    self.date.format("%Y-%m-%d")
                ));
            }
        }
    }
}

/// The region list's rows (id, name, depth), in tree order: every region with rules of its
/// own, `chosen`, and the regions above them.
fn region_rows(policies: &PolicySet, chosen: Option<&str>) -> Vec<(String, String, usize)> {
    let shown: std::collections::HashSet<&str> = policies
        .regions_in_tree_order()
        .into_iter()
        .filter(|r| r.has_own_file() || Some(r.id()) == chosen)
        .filter_map(|r| policies.resolve(r.id()))
        .flat_map(|resolved| resolved.chain.into_iter().map(|r| r.id()))
        .collect();
    policies
        .regions_in_tree_order()
        .into_iter()
        .filter(|r| shown.contains(r.id()))
        .map(|r| {
            let depth = policies
                .resolve(r.id())
                .map_or(0, |resolved| resolved.chain.len().saturating_sub(1));
            (r.id().to_owned(), r.name().to_owned(), depth)
        })
        .collect()
}

/// State of the explorer tab.
pub struct ExplorerPanel {
    region: String,
    topic: Topic,
    mode: ExplorerMode,
    as_of: AsOfDate,
    today: NaiveDate,
    search: SearchPanel,
    compare: ComparePanel,
    selected: Option<StatementAddress>,
    scroll_to_selected: bool,
    /// The region list in tree order: id, name and depth (computed once; the set does not
    /// change while the window is open).
    region_rows: Vec<(String, String, usize)>,
}

impl ExplorerPanel {
    /// Starts on the national baseline and family sharing, the question most people bring.
    pub fn new(policies: &PolicySet, today: NaiveDate) -> Self {
        ExplorerPanel {
            region: ROOT_REGION.to_owned(),
            topic: Topic::FamilySharing,
            mode: ExplorerMode::Browse,
            as_of: AsOfDate::new(today),
            today,
            search: SearchPanel::default(),
            compare: ComparePanel::new(policies),
            selected: None,
            scroll_to_selected: false,
            // The regions with rules of their own and the provinces above them (湖北 above
            // 武汉, so 武汉 is not read as part of the place listed before it); a place
            // without rules (成都) joins the list, under its province, when it is chosen.
            region_rows: region_rows(policies, None),
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

    /// The statement a search result jumped to.
    pub fn selected(&self) -> Option<&StatementAddress> {
        self.selected.as_ref()
    }

    /// The date statements must be in force on to be shown.
    pub fn as_of(&self) -> NaiveDate {
        self.as_of.date
    }

    /// What the centre shows.
    pub fn mode(&self) -> ExplorerMode {
        self.mode
    }

    /// The regions of the compare view.
    pub fn compare_regions(&self) -> &[String] {
        self.compare.regions()
    }

    /// Selects a region and topic, e.g. from saved preferences; unknown regions are ignored.
    pub fn select(&mut self, policies: &PolicySet, region: &str, topic: Topic) {
        if policies.region(region).is_some() {
            region.clone_into(&mut self.region);
            if !self.region_rows.iter().any(|(id, _, _)| id == region) {
                self.region_rows = region_rows(policies, Some(region));
            }
        }
        self.topic = topic;
    }

    fn jump_to(&mut self, address: StatementAddress, policies: &PolicySet) {
        if let Some(statement) = policies
            .region(&address.region)
            .and_then(|r| r.statements.iter().find(|s| s.key() == address.key))
        {
            self.topic = statement.topic;
        }
        self.region.clone_from(&address.region);
        self.mode = ExplorerMode::Browse;
        self.selected = Some(address);
        self.scroll_to_selected = true;
    }

    /// Runs the current query again (the index just became ready).
    pub fn refresh_search(&mut self, index: &SearchIndex) {
        self.search.refresh(index);
    }

    /// `building`: the search index is not ready yet (the search box says so).
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        policies: &PolicySet,
        index: &SearchIndex,
        building: bool,
    ) {
        self.navigation_ui(ui);
        egui::CentralPanel::default().show(ui, |ui| {
            self.toolbar_ui(ui, index, building);
            ui.separator();
            if self.search.showing_results() {
                if let Some(address) = self.search.results_ui(ui, policies, index, self.as_of.date)
                {
                    self.jump_to(address, policies);
                }
                return;
            }
            match self.mode {
                ExplorerMode::Browse => self.cards_ui(ui, policies),
                ExplorerMode::Compare => {
                    self.compare.ui(ui, policies, self.topic, self.as_of.date);
                }
                ExplorerMode::Sources => {
                    if let Some(resolved) = policies.resolve(&self.region) {
                        sources_panel::ui(ui, &resolved);
                    }
                }
            }
        });
    }

    fn navigation_ui(&mut self, ui: &mut egui::Ui) {
        let Self {
            region,
            selected,
            region_rows,
            ..
        } = self;
        egui::Panel::left("explorer_nav")
            .resizable(false)
            .default_size(150.0)
            .show(ui, |ui| {
                ui.label(RichText::new(crate::ui::word(ui, Word::Region)).strong());
                // Only the rows on screen are laid out, however many regions there are.
                let row_height = ui.spacing().interact_size.y;
                // The bar always shows: with more regions than fit, a user must see there is more.
                egui::ScrollArea::vertical()
                    .id_salt("explorer_nav_scroll")
                    .scroll_bar_visibility(egui::scroll_area::ScrollBarVisibility::AlwaysVisible)
                    .show_rows(ui, row_height, region_rows.len(), |ui, rows| {
                        let first = rows.start;
                        let mut region_items = Vec::with_capacity(rows.len());
                        for (id, name, depth) in &region_rows[rows] {
                            let response = ui
                                .horizontal(|ui| {
                                    ui.set_height(row_height);
                                    ui.add_space(*depth as f32 * 14.0);
                                    ui.selectable_label(region == id, name.as_str())
                                })
                                .inner;
                            if response.clicked() {
                                id.clone_into(region);
                                *selected = None;
                            }
                            region_items.push(response);
                        }
                        if let Some(next) = cards::arrow_navigation(
                            ui,
                            egui::Id::unique("region_list"),
                            &region_items,
                        ) && let Some((id, _, _)) = region_rows.get(first + next)
                        {
                            id.clone_into(region);
                            *selected = None;
                        }
                    });
            });
    }

    fn toolbar_ui(&mut self, ui: &mut egui::Ui, index: &SearchIndex, building: bool) {
        let lang = crate::ui::lang(ui.ctx());
        ui.horizontal_wrapped(|ui| {
            self.search.search_box_ui(ui, index);
            if building {
                ui.label(
                    RichText::new(crate::ui::word(ui, crate::text::Word::IndexBuilding)).weak(),
                );
            }
            ui.add_space(8.0);
            let label = ui.label(Word::AsOf.text(lang));
            let response = ui
                .add(egui::TextEdit::singleline(&mut self.as_of.text).desired_width(118.0))
                .labelled_by(label.id)
                .on_hover_text(Word::AsOfHint.text(lang));
            if response.changed() {
                self.as_of.parse_text();
            }
            if ui.button(Word::Today.text(lang)).clicked() {
                self.as_of = AsOfDate::new(self.today);
            }
            ui.add_space(8.0);
            for mode in ExplorerMode::ALL {
                if ui
                    .selectable_label(
                        self.mode == mode && !self.search.showing_results(),
                        mode.label(lang),
                    )
                    .clicked()
                {
                    self.mode = mode;
                    self.search.clear();
                }
            }
        });
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(Word::Topic.text(lang)).strong());
            let mut topic_items = Vec::with_capacity(Topic::ALL.len());
            for candidate in Topic::ALL {
                let response =
                    ui.selectable_label(self.topic == *candidate, candidate.label_in(lang));
                if response.clicked() {
                    self.topic = *candidate;
                    self.selected = None;
                    if self.search.showing_results() {
                        self.search.hide_results();
                    }
                }
                topic_items.push(response);
            }
            if let Some(next) =
                cards::arrow_navigation(ui, egui::Id::unique("topic_list"), &topic_items)
            {
                self.topic = Topic::ALL[next];
                self.selected = None;
            }
        });
        if let Some(error) = &self.as_of.error {
            ui.label(
                RichText::new(error).color(crate::ui::theme::warning_color(ui.visuals().dark_mode)),
            );
        }
    }

    fn cards_ui(&mut self, ui: &mut egui::Ui, policies: &PolicySet) {
        let lang = crate::ui::lang(ui.ctx());
        let Some(resolved) = policies.resolve(&self.region) else {
            ui.label(Word::NoRegionData.text(lang));
            return;
        };
        if let Some((note, _)) = crate::policy::tree::fallback(&resolved) {
            ui.label(
                RichText::new(format!("⚠ {}", note.text(lang)))
                    .color(crate::ui::theme::warning_color(ui.visuals().dark_mode)),
            );
        }
        ui.horizontal_wrapped(|ui| {
            ui.heading(format!(
                "{} · {}",
                resolved.path_label(),
                self.topic.label_in(lang)
            ));
            if !self.search.query().trim().is_empty()
                && ui
                    .button(lang.with_note(
                        Word::BackToResults.text(lang),
                        &self.search.hit_count().to_string(),
                    ))
                    .clicked()
            {
                self.search.show_results();
            }
        });
        let all = resolved.statements_on(self.topic);
        let (shown, hidden): (Vec<_>, Vec<_>) = all
            .into_iter()
            .partition(|s| s.item.in_force_on(self.as_of.date));
        if !hidden.is_empty() {
            ui.label(
                RichText::new(
                    Say::HiddenOutOfForce {
                        count: hidden.len(),
                        date: self.as_of.date.format("%Y-%m-%d").to_string(),
                    }
                    .text(lang),
                )
                .weak(),
            );
        }
        let glossary = resolved.glossary();
        egui::ScrollArea::vertical()
            .id_salt("statement_cards")
            .show(ui, |ui| {
                if shown.is_empty() {
                    ui.label(Word::NoStatements.text(lang));
                }
                for statement in &shown {
                    let is_selected = self.selected.as_ref().is_some_and(|s| {
                        s.key == statement.item.key() && s.region == statement.defined_in.id()
                    });
                    let response =
                        cards::statement_card_ui(ui, &resolved, &glossary, statement, is_selected);
                    if is_selected && self.scroll_to_selected {
                        response.scroll_to_me(Some(egui::Align::TOP));
                        self.scroll_to_selected = false;
                    }
                    ui.add_space(6.0);
                }
            });
    }
}
