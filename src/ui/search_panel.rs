//! The explorer's search box and its results, grouped by region and topic; a click (or Enter)
//! on a result jumps to its card.

use std::rc::Rc;

use chrono::NaiveDate;
use eframe::egui::{self, RichText};

use crate::policy::search::{Field, RESULT_LIMIT, SearchHit, SearchIndex, SearchResults};
use crate::policy::{PolicySet, Statement};
use crate::text::{Say, Word};
use crate::ui::cards;

/// The id of the search box, so Ctrl+F can focus it.
pub fn search_box_id() -> egui::Id {
    egui::Id::unique("policy_search_box")
}

/// At most this many results are listed; the count says how many matched.
const MAX_SHOWN: usize = 300;
/// Results drawn per page.
const PAGE: usize = 50;

/// A statement by where it is defined and its key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatementAddress {
    pub region: String,
    pub key: String,
}

/// State of the search: the query, its hits, and whether the results are on screen.
#[derive(Debug, Default)]
pub struct SearchPanel {
    query: String,
    results: SearchResults,
    showing_results: bool,
    /// The drawn rows of `results`, rebuilt when the query or the date changes.
    rows: Option<Rc<ResultRows>>,
    /// First row of the page shown.
    first_shown: usize,
}

impl SearchPanel {
    /// The current query.
    pub fn query(&self) -> &str {
        &self.query
    }

    /// Whether the results list replaces the cards right now.
    pub fn showing_results(&self) -> bool {
        self.showing_results && !self.query.trim().is_empty()
    }

    /// Shows the results again after a jump to a card.
    pub fn show_results(&mut self) {
        self.showing_results = true;
    }

    /// Puts the cards back without forgetting the query.
    pub fn hide_results(&mut self) {
        self.showing_results = false;
    }

    /// Number of statements matching the query (before the as-of filter).
    pub fn hit_count(&self) -> usize {
        self.results.hits.len()
    }

    /// Empties the search.
    pub fn clear(&mut self) {
        self.query.clear();
        self.results = SearchResults::default();
        self.showing_results = false;
    }

    /// The search box. Results follow every keystroke; Esc clears.
    /// Searches the current query again (the index changed).
    pub fn refresh(&mut self, index: &SearchIndex) {
        if !self.query.trim().is_empty() {
            self.results = index.search(&self.query);
            self.rows = None;
        }
    }

    pub fn search_box_ui(&mut self, ui: &mut egui::Ui, index: &SearchIndex) {
        let label = ui.label(crate::ui::word(ui, crate::text::Word::Search));
        let response = ui
            .add(
                egui::TextEdit::singleline(&mut self.query)
                    .id(search_box_id())
                    .hint_text(crate::ui::word(ui, crate::text::Word::SearchHint))
                    .desired_width(260.0),
            )
            .labelled_by(label.id)
            .on_hover_text(crate::ui::commands::UiCommand::FocusSearch.tooltip(ui.ctx()));
        let escape = ui.input(|i| i.key_pressed(egui::Key::Escape));
        if escape && (response.has_focus() || response.lost_focus()) {
            self.clear();
        } else if response.changed() {
            self.results = index.search(&self.query);
            self.showing_results = true;
        }
    }

    /// The rows to draw for the current query and date, built once per change (filtering,
    /// grouping and highlighting 300 hits every frame would cost milliseconds).
    fn rows(
        &mut self,
        ui: &egui::Ui,
        policies: &PolicySet,
        index: &SearchIndex,
        as_of: NaiveDate,
    ) -> Rc<ResultRows> {
        if let Some(rows) = &self.rows
            && rows.query == self.query
            && rows.as_of == as_of
            && rows.dark_mode == ui.visuals().dark_mode
        {
            return Rc::clone(rows);
        }
        let (shown, matched) = index.in_force_in_order(policies, &self.results, as_of, MAX_SHOWN);
        let mut rows = Vec::new();
        let mut current_group = None;
        for hit in shown {
            let Some(entry) = index.entry(hit.entry) else {
                continue;
            };
            let Some(region) = policies.region(&entry.region) else {
                continue;
            };
            let Some(statement) = region.statements.iter().find(|s| s.key() == entry.key) else {
                continue;
            };
            let group = (entry.region.clone(), entry.topic);
            let heading = (current_group.as_ref() != Some(&group))
                .then(|| format!("{} · {}", region.name(), entry.topic.label()));
            current_group = Some(group);
            rows.push(ResultRow {
                heading,
                job: hit_snippet(ui, index, hit, statement, &self.query),
                address: StatementAddress {
                    region: entry.region.clone(),
                    key: entry.key.clone(),
                },
            });
        }
        let rows = Rc::new(ResultRows {
            query: self.query.clone(),
            as_of,
            dark_mode: ui.visuals().dark_mode,
            matched,
            rows,
        });
        self.rows = Some(Rc::clone(&rows));
        self.first_shown = 0;
        rows
    }

    /// The results, grouped by region (tree order) and topic, a page at a time. Returns the
    /// statement the user chose.
    pub fn results_ui(
        &mut self,
        ui: &mut egui::Ui,
        policies: &PolicySet,
        index: &SearchIndex,
        as_of: NaiveDate,
    ) -> Option<StatementAddress> {
        let rows = self.rows(ui, policies, index, as_of);
        let lang = crate::ui::lang(ui.ctx());
        ui.label(
            RichText::new(
                Say::SearchFound {
                    matched: rows.matched,
                    more: self.results.truncated,
                    limit: (rows.matched > MAX_SHOWN || self.results.truncated)
                        .then(|| MAX_SHOWN.min(RESULT_LIMIT)),
                }
                .text(lang),
            )
            .strong(),
        );
        if rows.rows.is_empty() {
            ui.label(Word::NothingFound.text(lang));
            return None;
        }
        let total = rows.rows.len();
        if total > PAGE {
            ui.horizontal(|ui| {
                if ui
                    .add_enabled(
                        self.first_shown > 0,
                        egui::Button::new(Word::PreviousPage.text(lang)),
                    )
                    .clicked()
                {
                    self.first_shown = self.first_shown.saturating_sub(PAGE);
                }
                let end = (self.first_shown + PAGE).min(total);
                ui.label(
                    Say::ResultRange {
                        first: self.first_shown + 1,
                        last: end,
                        total,
                    }
                    .text(lang),
                );
                if ui
                    .add_enabled(end < total, egui::Button::new(Word::NextPage.text(lang)))
                    .clicked()
                {
                    self.first_shown += PAGE;
                }
            });
        }
        let mut chosen = None;
        egui::ScrollArea::vertical()
            .id_salt(("search_results", self.first_shown))
            .show(ui, |ui| {
                for (i, row) in rows
                    .rows
                    .iter()
                    .enumerate()
                    .skip(self.first_shown)
                    .take(PAGE)
                {
                    // A page starting inside a group repeats its heading.
                    let heading = row.heading.clone().or_else(|| {
                        (i == self.first_shown)
                            .then(|| rows.rows[..=i].iter().rev().find_map(|r| r.heading.clone()))
                            .flatten()
                    });
                    if let Some(heading) = heading {
                        ui.add_space(6.0);
                        ui.label(RichText::new(heading).strong());
                    }
                    let button = ui.add(egui::Button::selectable(false, row.job.clone()).wrap());
                    if button.clicked() {
                        chosen = Some(row.address.clone());
                    }
                }
            });
        // Arrows move the focus between results (egui does it); Enter opens the focused one.
        if chosen.is_some() {
            self.showing_results = false;
        }
        chosen
    }
}

/// The drawn form of a query's results.
#[derive(Debug)]
struct ResultRows {
    query: String,
    as_of: NaiveDate,
    /// Highlight colours follow the theme.
    dark_mode: bool,
    /// Hits in force on `as_of`, before the display limit.
    matched: usize,
    rows: Vec<ResultRow>,
}

/// One result: its group heading when it starts a group, the highlighted text, and where it
/// leads.
#[derive(Debug)]
struct ResultRow {
    heading: Option<String>,
    job: egui::text::LayoutJob,
    address: StatementAddress,
}

/// The text a result shows: the matched field with the match highlighted.
fn hit_snippet(
    ui: &egui::Ui,
    index: &SearchIndex,
    hit: &SearchHit,
    statement: &Statement,
    query: &str,
) -> egui::text::LayoutJob {
    let (field_text, ranges) = index.highlight(hit, query).unwrap_or_default();
    let (prefix, text) = match hit.field {
        Field::Text => (
            format!("［{}］", statement.confidence.label()),
            statement.text.clone(),
        ),
        Field::Correction => (
            format!(
                "［{}·{}］",
                statement.confidence.label(),
                statement.confidence.note_heading()
            ),
            statement.correction.clone().unwrap_or_default(),
        ),
        Field::Sources => (
            format!("［{}·来源］", statement.confidence.label()),
            field_text,
        ),
    };
    cards::highlighted_snippet(ui, &prefix, &text, &ranges, 70)
}
