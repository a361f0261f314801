//! The eframe window: three tabs over the core. Each panel lives in its own file; this module
//! owns the app state, the tab bar and the trust line.

mod cards;
mod checklist_panel;
pub mod commands;
mod compare_panel;
mod explorer_panel;
mod export_bar;
mod family;
pub mod fonts;
mod history_panel;
pub mod place_picker;
mod screen_fit;
mod search_panel;
mod sources_panel;
mod start_panel;
pub mod theme;

use std::path::PathBuf;
use std::process::ExitCode;

use chrono::NaiveDate;
use eframe::egui;
use serde::{Deserialize, Serialize};

use crate::domain::Topic;
use crate::policy::search::SearchIndex;
use crate::policy::{self, LoadReport};
use crate::store::FamilyStore;
use crate::text::{Lang, Word};
pub use checklist_panel::ChecklistPanel;
use commands::UiCommand;
pub use explorer_panel::{ExplorerMode, ExplorerPanel};
pub use family::FamilyPanel;
pub use family::workspace::{FamilyAction, FamilyWorkspace};
pub use history_panel::{HistoryAction, HistoryPanel};
pub use search_panel::{StatementAddress, search_box_id};

/// The search index: waiting for the first frame to be on screen, being built on a
/// background thread, or ready.
enum IndexState {
    /// Started from the second frame on: on two cores, a thread started earlier competes
    /// with drawing the first frame.
    Waiting(std::sync::Arc<crate::policy::PolicySet>),
    Building(std::sync::mpsc::Receiver<SearchIndex>),
    Ready(Box<SearchIndex>),
}

impl IndexState {
    /// Starts building, once: from the second frame, when the first is on screen.
    fn start(&mut self, ctx: &egui::Context) {
        if !matches!(self, IndexState::Waiting(_)) {
            return;
        }
        if ctx.cumulative_frame_nr() == 0 {
            // Come back for the second frame even if nothing happens meanwhile.
            ctx.request_repaint();
            return;
        }
        let (sender, receiver) = std::sync::mpsc::channel();
        let IndexState::Waiting(set) = std::mem::replace(self, IndexState::Building(receiver))
        else {
            return;
        };
        let ctx = ctx.clone();
        std::thread::spawn(move || {
            // The window may be gone by the time it is ready: nothing to do then.
            if sender.send(SearchIndex::build(&set)).is_ok() {
                ctx.request_repaint();
            }
        });
    }

    /// Takes the index when the thread has sent it; `true` when it just became ready.
    fn poll(&mut self) -> bool {
        if let IndexState::Building(receiver) = self
            && let Ok(index) = receiver.try_recv()
        {
            *self = IndexState::Ready(Box::new(index));
            return true;
        }
        false
    }

    /// The index, or an empty one while building (and whether it is still building).
    fn get(&self) -> (&SearchIndex, bool) {
        static EMPTY: std::sync::OnceLock<SearchIndex> = std::sync::OnceLock::new();
        match self {
            IndexState::Ready(index) => (index, false),
            IndexState::Waiting(_) | IndexState::Building(_) => {
                (EMPTY.get_or_init(SearchIndex::default), true)
            }
        }
    }
}

/// The zoom level shown and buttons to change it (the keys do the same: Ctrl+= / Ctrl+- /
/// Ctrl+0), so nobody has to know the shortcut.
fn zoom_control_ui(ui: &mut egui::Ui, zoom: f32, lang: Lang, sent: &mut Vec<UiCommand>) {
    let smaller = ui
        .button("A−")
        .on_hover_text(UiCommand::ZoomOut.tooltip(ui.ctx()));
    if smaller.clicked() {
        sent.push(UiCommand::ZoomOut);
    }
    let level = ui
        .button(format!("{:.0}%", zoom * 100.0))
        .on_hover_text(UiCommand::ZoomReset.tooltip(ui.ctx()));
    if level.clicked() {
        sent.push(UiCommand::ZoomReset);
    }
    let larger = ui
        .button("A＋")
        .on_hover_text(UiCommand::ZoomIn.tooltip(ui.ctx()));
    if larger.clicked() {
        sent.push(UiCommand::ZoomIn);
    }
    smaller.widget_info(|| {
        egui::WidgetInfo::labeled(egui::Role::Button, true, Word::ZoomOut.text(lang))
    });
    larger.widget_info(|| {
        egui::WidgetInfo::labeled(egui::Role::Button, true, Word::ZoomIn.text(lang))
    });
}

/// The window title.
pub const WINDOW_TITLE: &str = "医保个人账户助手";

/// The parts of the app: the start page, the three tools and the lists exported so far.
#[derive(Debug, Clone, Copy, PartialEq, Eq, strum::VariantArray, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Tab {
    Start,
    Explorer,
    Family,
    Checklist,
    History,
}

impl Tab {
    pub const ALL: &'static [Tab] = <Tab as strum::VariantArray>::VARIANTS;

    /// The tab's label.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Tab::Start => Word::TabStart,
            Tab::Explorer => Word::TabExplorer,
            Tab::Family => Word::TabFamily,
            Tab::Checklist => Word::TabChecklist,
            Tab::History => Word::TabHistory,
        }
        .text(lang)
    }
}

/// Light, dark, or whatever the system uses.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, strum::VariantArray,
)]
pub enum ThemeChoice {
    #[default]
    System,
    Light,
    Dark,
}

impl ThemeChoice {
    pub const ALL: &'static [ThemeChoice] = <ThemeChoice as strum::VariantArray>::VARIANTS;

    fn label(self, lang: Lang) -> &'static str {
        match self {
            ThemeChoice::System => Word::ThemeSystem,
            ThemeChoice::Light => Word::ThemeLight,
            ThemeChoice::Dark => Word::ThemeDark,
        }
        .text(lang)
    }

    fn preference(self) -> egui::ThemePreference {
        match self {
            ThemeChoice::System => egui::ThemePreference::System,
            ThemeChoice::Light => egui::ThemePreference::Light,
            ThemeChoice::Dark => egui::ThemePreference::Dark,
        }
    }
}

/// What the window remembers across restarts: preferences and the questionnaires' answers,
/// never family data (names, ID numbers).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Preferences {
    pub region: String,
    pub topic: Topic,
    pub theme: ThemeChoice,
    pub zoom: f32,
    /// The window's language: 中文, or English for foreign employees (policy texts stay
    /// Chinese).
    pub lang: Lang,
    /// Each procedure's questionnaire answers and ticks (facts about insurance, no names).
    pub questionnaires: crate::checklist::Questionnaires,
    /// The tab shown when the window closed (returning users land there; the first start
    /// shows the start page).
    pub tab: Option<Tab>,
    /// Where the user is insured, asked once on the start page (empty until chosen).
    pub home_region: String,
}

impl Default for Preferences {
    fn default() -> Self {
        Preferences {
            region: policy::ROOT_REGION.to_owned(),
            topic: Topic::FamilySharing,
            theme: ThemeChoice::System,
            zoom: 1.0,
            lang: Lang::Zh,
            questionnaires: crate::checklist::Questionnaires::default(),
            tab: None,
            home_region: String::new(),
        }
    }
}

/// Where the app keeps family files and writes exports.
#[derive(Debug, Clone, Default)]
pub struct AppStorage {
    pub families: Option<FamilyStore>,
    /// The folder for exports made without a dialog.
    pub exports: Option<PathBuf>,
    /// Whether to open the system's file dialogs; without them (tests, a desktop with no
    /// dialog service) "导出…" saves to the export folder and says where.
    pub native_dialogs: bool,
    /// Whether the search index is built on a background thread after the first frame (the
    /// window; tests build it before).
    pub background_index: bool,
}

impl AppStorage {
    /// The user's data folder for families; Documents/医保助手导出 (or ~/医保助手导出) for
    /// exports.
    pub fn for_user() -> Self {
        AppStorage {
            families: FamilyStore::in_data_dir(),
            exports: crate::paths::export_dir(),
            native_dialogs: true,
            background_index: true,
        }
    }
}

/// The key the preferences are stored under by eframe.
const PREFERENCES_KEY: &str = "yibao_preferences";

/// The whole app: loaded policies, the search index and the state of each tab.
pub struct YibaoApp {
    policies: LoadReport,
    index: IndexState,
    tab: Tab,
    theme: ThemeChoice,
    lang: Lang,
    zoom: f32,
    explorer: ExplorerPanel,
    family: FamilyPanel,
    checklist: ChecklistPanel,
    history: HistoryPanel,
    /// Where "make it again" writes (the default export folder).
    export_dir: Option<PathBuf>,
    /// Commands the top bar's buttons sent this frame (zoom), applied in `run_commands`.
    sent: Vec<UiCommand>,
    /// Where the user is insured (the start page's question; empty until answered).
    home_region: String,
    today: NaiveDate,
    /// The close button was pressed with unsaved family changes: ask first.
    confirm_close: bool,
    /// The user chose to close without saving.
    allow_close: bool,
    /// Close once the first frame is shown (start-up benchmark, see PERFORMANCE.md).
    close_after_first_frame: bool,
    /// The window was compared with its screen (and maximized if it did not fit).
    screen_checked: bool,
}

/// Set to 1 to make the window close right after its first frame (start-up benchmark).
pub const CLOSE_AFTER_FIRST_FRAME_ENV: &str = "YIBAO_CLOSE_AFTER_FIRST_FRAME";

impl YibaoApp {
    /// Sets up fonts and styles on `ctx` and builds the app over loaded policies, restoring
    /// saved preferences. `today` is the default "as of" date.
    pub fn new(
        ctx: &egui::Context,
        policies: LoadReport,
        preferences: Preferences,
        today: NaiveDate,
        storage: AppStorage,
    ) -> Self {
        fonts::install(ctx);
        theme::apply_text_sizes(ctx);
        let preferences_tab = preferences.tab;
        // A remembered place that is no longer in the data is asked again.
        let preferences_home = Some(preferences.home_region.clone())
            .filter(|id| policies.set.region(id).is_some())
            .unwrap_or_default();
        // Zoom is our command (so its shortcuts are checked with the others).
        ctx.options_mut(|o| o.zoom_with_keyboard = false);
        // The search index is built off the start-up path: the first frame never waits for
        // it, and the search box says so until it is ready.
        let index = if storage.background_index {
            IndexState::Waiting(std::sync::Arc::clone(&policies.set))
        } else {
            IndexState::Ready(Box::new(SearchIndex::build(&policies.set)))
        };
        let mut explorer = ExplorerPanel::new(&policies.set, today);
        explorer.select(&policies.set, &preferences.region, preferences.topic);
        let zoom = preferences.zoom.clamp(0.6, 2.5);
        ctx.set_zoom_factor(zoom);
        ctx.set_theme(preferences.theme.preference());
        let default_city = policies
            .set
            .regions_in_tree_order()
            .iter()
            .find(|r| {
                r.has_own_file()
                    && policies
                        .set
                        .resolve(r.id())
                        .is_some_and(|c| c.chain.len() >= 3)
            })
            .map_or_else(|| policy::ROOT_REGION.to_owned(), |r| r.id().to_owned());
        // The export history lives beside the families, in the data folder.
        let history = match storage
            .families
            .as_ref()
            .and_then(|store| store.dir().parent())
        {
            Some(dir) => {
                let (history, problem) = crate::export::history::ExportHistory::load(dir);
                let mut panel = HistoryPanel::new(history);
                if let Some(problem) = problem {
                    panel.set_status(Word::HistoryNotRead, problem.to_string(), true);
                }
                panel
            }
            None => HistoryPanel::new(crate::export::history::ExportHistory::in_memory()),
        };
        let export_dir = storage.exports.clone();
        let family = FamilyPanel::new(
            storage.families,
            storage.exports.clone(),
            &default_city,
            today,
            storage.native_dialogs,
        );
        let checklist = ChecklistPanel::new(
            &default_city,
            storage.exports,
            today,
            preferences.questionnaires,
            storage.native_dialogs,
        );
        YibaoApp {
            policies,
            index,
            tab: preferences_tab.unwrap_or(Tab::Start),
            theme: preferences.theme,
            lang: preferences.lang,
            zoom,
            explorer,
            family,
            checklist,
            history,
            export_dir,
            sent: Vec::new(),
            home_region: preferences_home,
            today,
            confirm_close: false,
            allow_close: false,
            close_after_first_frame: false,
            screen_checked: false,
        }
    }

    /// The family tab's state.
    pub fn family(&self) -> &FamilyPanel {
        &self.family
    }

    /// The checklist tab's state.
    pub fn checklist(&self) -> &ChecklistPanel {
        &self.checklist
    }

    /// The family tab's state, for actions that have no widget in tests (file dialogs).
    pub fn family_mut(&mut self) -> &mut FamilyPanel {
        &mut self.family
    }

    /// The tab currently shown.
    pub fn tab(&self) -> Tab {
        self.tab
    }

    /// The explorer's state.
    pub fn explorer(&self) -> &ExplorerPanel {
        &self.explorer
    }

    /// The explorer's state, for tests that set up a view.
    pub fn explorer_mut(&mut self) -> &mut ExplorerPanel {
        &mut self.explorer
    }

    /// The preferences to save now.
    pub fn preferences(&self) -> Preferences {
        Preferences {
            region: self.explorer.region().to_owned(),
            topic: self.explorer.topic(),
            theme: self.theme,
            zoom: self.zoom,
            lang: self.lang,
            questionnaires: self.checklist.sessions().clone(),
            tab: Some(self.tab),
            home_region: self.home_region.clone(),
        }
    }

    /// The one place commands are applied: the keyboard's and the buttons', for the tab
    /// shown. Ctrl+E exports the visible tab's list (the family's list on the family tab);
    /// undo, redo and save act on families only on the family tab.
    fn run_commands(&mut self, ctx: &egui::Context) {
        let mut queue = std::mem::take(&mut self.sent);
        queue.extend(self.family.take_sent_commands());
        queue.extend(UiCommand::pressed(ctx));
        for command in queue {
            match (command, self.tab) {
                (UiCommand::FocusSearch, _) => {
                    self.tab = Tab::Explorer;
                    ctx.memory_mut(|m| m.request_focus(search_box_id()));
                }
                (UiCommand::Save, Tab::Family) => {
                    self.family.save_all();
                }
                (UiCommand::Export, Tab::Family) => self.family.request_binding_export(),
                (UiCommand::Export, Tab::Checklist) => {
                    self.checklist.export_with_dialog(&self.policies.set);
                }
                (UiCommand::Undo, Tab::Family) => self.family.undo(),
                (UiCommand::Redo, Tab::Family) => self.family.redo(),
                (UiCommand::ZoomIn | UiCommand::ZoomOut | UiCommand::ZoomReset, _) => {
                    self.zoom = commands::next_zoom(self.zoom, command);
                    ctx.set_zoom_factor(self.zoom);
                }
                // Nothing to save, export or undo on this tab.
                (UiCommand::Save | UiCommand::Export | UiCommand::Undo | UiCommand::Redo, _) => {}
            }
        }
    }

    /// Maximizes a window too large for its screen, once, as soon as the system tells the
    /// screen's size (see `screen_fit`).
    fn fit_screen(&mut self, ctx: &egui::Context) {
        if self.screen_checked {
            return;
        }
        match ctx.input(|i| screen_fit::screen_fit(i.viewport())) {
            screen_fit::ScreenFit::Unknown => {}
            screen_fit::ScreenFit::Fits => self.screen_checked = true,
            screen_fit::ScreenFit::TooLarge => {
                ctx.send_viewport_cmd(egui::ViewportCommand::Maximized(true));
                self.screen_checked = true;
            }
        }
    }

    /// Draws the whole window.
    pub fn show(&mut self, ui: &mut egui::Ui) {
        set_lang(ui.ctx(), self.lang);
        // A window that closes after its first frame (start-up measurement) never needs it.
        if !self.close_after_first_frame {
            self.index.start(ui.ctx());
        }
        if self.index.poll()
            && let (index, false) = self.index.get()
        {
            // A query typed while the index was building is answered now.
            self.explorer.refresh_search(index);
        }
        self.run_commands(ui.ctx());
        self.fit_screen(ui.ctx());
        self.close_guard_ui(ui);
        let Self {
            policies,
            index,
            tab,
            theme,
            lang,
            zoom,
            explorer,
            family,
            checklist,
            history,
            export_dir: _,
            sent,
            home_region,
            today,
            confirm_close: _,
            allow_close: _,
            close_after_first_frame: _,
            screen_checked: _,
        } = self;
        egui::Panel::top("tabs").show(ui, |ui| {
            ui.add_space(4.0);
            ui.horizontal_wrapped(|ui| {
                // The window's title bar names the app; on a narrow window the tabs need the
                // room.
                if ui.available_width() > 1000.0 {
                    ui.heading(WINDOW_TITLE);
                }
                ui.add_space(16.0);
                for candidate in Tab::ALL.iter().copied() {
                    ui.selectable_value(tab, candidate, candidate.label(*lang));
                }
                ui.add_space(16.0);
                let before = *theme;
                egui::ComboBox::new("theme_choice", Word::Appearance.text(*lang))
                    .selected_text(theme.label(*lang))
                    .show_ui(ui, |ui| {
                        for choice in ThemeChoice::ALL.iter().copied() {
                            ui.selectable_value(theme, choice, choice.label(*lang));
                        }
                    });
                if *theme != before {
                    ui.ctx().set_theme(theme.preference());
                }
                ui.add_space(16.0);
                // Each language names itself, so either reader finds the switch.
                let before = *lang;
                ui.selectable_value(lang, Lang::Zh, "中文");
                ui.selectable_value(lang, Lang::En, "English");
                if *lang != before {
                    set_lang(ui.ctx(), *lang);
                }
                ui.add_space(16.0);
                zoom_control_ui(ui, *zoom, *lang, sent);
            });
            trust_line_ui(ui, policies, *lang);
            if *lang == Lang::En {
                ui.label(egui::RichText::new(Word::PolicyStaysChinese.text(*lang)).small());
            }
            skipped_files_ui(ui, policies);
            ui.add_space(2.0);
        });
        let mut history_action = None;
        let mut errand = None;
        egui::CentralPanel::default().show(ui, |ui| match tab {
            Tab::Start => {
                let before = home_region.clone();
                errand = start_panel::start_ui(ui, &policies.set, home_region);
                if *home_region != before {
                    // Asked once: the place answers the same question on every tab.
                    checklist.set_region(home_region);
                    let topic = explorer.topic();
                    explorer.select(&policies.set, home_region, topic);
                    family.set_default_region(home_region);
                }
            }
            Tab::Explorer => {
                let (index, building) = index.get();
                explorer.ui(ui, &policies.set, index, building);
            }
            Tab::Family => family.ui(ui, &policies.set),
            Tab::Checklist => checklist.ui(ui, &policies.set),
            Tab::History => history_action = history.ui(ui, *today),
        });
        // Buttons pressed in this frame: applied now, in the same place as the keys.
        self.run_commands(ui.ctx());
        self.record_exports();
        if let Some(action) = history_action {
            self.apply_history(action);
        }
        if let Some(errand) = errand {
            self.start_errand(errand);
        }
    }

    /// Leads into the tab and procedure of an errand, in the user's place of insurance.
    fn start_errand(&mut self, errand: start_panel::Errand) {
        use crate::domain::{Fact, Procedure};
        use start_panel::Errand;
        let region = self.home_region.clone();
        let set = &self.policies.set;
        match errand {
            Errand::ShareWithFamily => {
                self.family.set_default_region(&region);
                self.tab = Tab::Family;
            }
            Errand::WithdrawAfterDeath => {
                self.checklist.start_errand(
                    Procedure::Withdrawal,
                    &region,
                    &[(Fact::Deceased, "yes")],
                );
                self.tab = Tab::Checklist;
            }
            Errand::MoveCity => {
                self.checklist
                    .start_errand(Procedure::Transfer, &region, &[]);
                self.tab = Tab::Checklist;
            }
            Errand::Balance => {
                self.explorer.select(set, &region, Topic::BalanceQuery);
                self.tab = Tab::Explorer;
            }
            Errand::Policies => {
                let topic = self.explorer.topic();
                self.explorer.select(set, &region, topic);
                self.tab = Tab::Explorer;
            }
        }
    }

    /// Takes the lists the tabs wrote into the export history.
    fn record_exports(&mut self) {
        let mut written = self.checklist.take_exported();
        written.extend(self.family.take_exported());
        for record in written {
            if let Err(error) = self.history.history_mut().record(record) {
                self.history
                    .set_status(Word::HistoryNotSaved, error.to_string(), true);
            }
        }
    }

    /// Opens an exported file or its folder, or makes the list again into the export folder.
    fn apply_history(&mut self, action: HistoryAction) {
        let index = match &action {
            HistoryAction::Open(i) | HistoryAction::OpenFolder(i) | HistoryAction::Remake(i, _) => {
                *i
            }
        };
        let Some(record) = self.history.history().records().get(index).cloned() else {
            return;
        };
        match action {
            HistoryAction::Open(_) | HistoryAction::OpenFolder(_) => {
                let target = match action {
                    HistoryAction::Open(_) => record.path.clone(),
                    _ => record.path.parent().map(PathBuf::from).unwrap_or_default(),
                };
                if !target.exists() {
                    self.history
                        .set_status(Word::FileGone, target.display().to_string(), true);
                } else if let Err(error) = opener::open(&target) {
                    // A local file in the system's viewer; nothing goes over the network.
                    self.history
                        .set_status(Word::CannotOpenFile, error.to_string(), true);
                }
            }
            HistoryAction::Remake(_, format) => self.remake(&record, format),
        }
    }

    /// Makes a list again, as of today, and writes it as a new file in the export folder.
    fn remake(
        &mut self,
        record: &crate::export::history::ExportRecord,
        format: crate::export::ExportFormat,
    ) {
        let family = &self.family;
        let made = record.remake(&self.policies.set, |id| family.family_by_id(id), self.today);
        let checklist = match made {
            Ok(checklist) => checklist,
            Err(error) => {
                self.history
                    .set_status(Word::CannotMakeList, error.to_string(), true);
                return;
            }
        };
        let Some(dir) = self.export_dir.clone() else {
            self.history
                .set_status(Word::NoExportFolder, String::new(), true);
            return;
        };
        let who = record.who.as_deref();
        let path = dir.join(crate::export::file_name(&checklist, who, format));
        let written = crate::export::render_for(&checklist, who, format)
            .map_err(|error| error.to_string())
            .and_then(|bytes| {
                crate::store::write_new_file(&path, &bytes).map_err(|error| error.to_string())
            });
        match written {
            Ok(path) => {
                self.history
                    .set_status(Word::Saved, path.display().to_string(), false);
                let again = crate::export::history::ExportRecord::new(
                    &checklist,
                    record.made_from.clone(),
                    who,
                    &path,
                    format,
                    self.today.and_time(chrono::Local::now().time()),
                );
                if let Err(error) = self.history.history_mut().record(again) {
                    self.history
                        .set_status(Word::HistoryNotSaved, error.to_string(), true);
                }
            }
            Err(error) => self.history.set_status(Word::SaveFailed, error, true),
        }
    }

    /// The export history's tab state.
    pub fn history(&self) -> &HistoryPanel {
        &self.history
    }
}

impl YibaoApp {
    /// Stops the window from closing while family changes are unsaved, and asks what to do.
    fn close_guard_ui(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        if ctx.input(|i| i.viewport().close_requested())
            && self.family.has_unsaved_changes()
            && !self.allow_close
        {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.confirm_close = true;
        }
        if !self.confirm_close {
            return;
        }
        let mut choice = None;
        egui::Modal::new(egui::Id::unique("confirm_close")).show(&ctx, |ui| {
            let lang = self.lang;
            ui.heading(Word::UnsavedTitle.text(lang));
            ui.label(Word::UnsavedQuestion.text(lang));
            ui.horizontal(|ui| {
                if ui.button(Word::SaveAndClose.text(lang)).clicked() {
                    choice = Some(0);
                }
                if ui.button(Word::CloseWithoutSaving.text(lang)).clicked() {
                    choice = Some(1);
                }
                if ui.button(Word::Cancel.text(lang)).clicked() {
                    choice = Some(2);
                }
            });
        });
        match choice {
            Some(0) => {
                self.confirm_close = false;
                if self.family.save_all() {
                    self.allow_close = true;
                    ctx.send_viewport_cmd(egui::ViewportCommand::Close);
                } else {
                    self.tab = Tab::Family;
                }
            }
            Some(1) => {
                self.confirm_close = false;
                self.allow_close = true;
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
            Some(_) => self.confirm_close = false,
            None => {}
        }
    }
}

impl eframe::App for YibaoApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        if self.close_after_first_frame {
            report_first_frame_shown(ui.ctx());
        }
        self.show(ui);
        if self.close_after_first_frame {
            ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
        }
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, PREFERENCES_KEY, &self.preferences());
    }

    /// Only our preferences are kept, not egui's widget memory.
    fn persist_egui_memory(&self) -> bool {
        false
    }
}

/// For the start-up benchmark: the frame after the first one starts once the first frame is on
/// screen, so the line "first frame shown" on standard output marks it (the benchmark reads the
/// time it arrives; the window then closes as usual). Called at the start of every frame; the
/// empty baseline window (`examples/empty_window.rs`) calls it too.
#[expect(
    clippy::print_stdout,
    reason = "the start-up benchmark reads this line"
)]
pub fn report_first_frame_shown(ctx: &egui::Context) {
    if ctx.cumulative_frame_nr() == 1 {
        println!("first frame shown");
    }
}

/// Where the window's language is kept for the panels to read in this frame.
fn lang_id() -> egui::Id {
    egui::Id::unique("yibao_window_language")
}

fn set_lang(ctx: &egui::Context, lang: Lang) {
    ctx.data_mut(|d| d.insert_temp(lang_id(), lang));
}

/// The window's language, for the panels (中文 unless the user switched).
pub fn lang(ctx: &egui::Context) -> Lang {
    ctx.data(|d| d.get_temp(lang_id())).unwrap_or_default()
}

/// A word of the window's chrome in the window's language.
pub fn word(ui: &egui::Ui, word: Word) -> &'static str {
    word.text(lang(ui.ctx()))
}

/// The line that says how far to trust what the app shows.
fn trust_line_ui(ui: &mut egui::Ui, policies: &LoadReport, lang: Lang) {
    let verified = policies.set.newest_verified_on().map_or_else(
        || Word::Unknown.text(lang).to_owned(),
        |d| d.format("%Y-%m-%d").to_string(),
    );
    // One line at any width (the whole line on hover): the header must not eat a small
    // screen.
    let line = format!(
        "{} · {} · {} {} · {} {}",
        Word::ReferenceOnly.text(lang),
        Word::Hotline.text(lang),
        Word::DataVersion.text(lang),
        policies.set.data_version(),
        Word::LastChecked.text(lang),
        verified,
    );
    ui.add(egui::Label::new(egui::RichText::new(&line).small().weak()).truncate())
        .on_hover_text(line);
}

/// Which user policy files were skipped and why; the app goes on with the shipped set.
fn skipped_files_ui(ui: &mut egui::Ui, policies: &LoadReport) {
    if policies.problems.is_empty() {
        return;
    }
    let color = theme::warning_color(ui.visuals().dark_mode);
    egui::CollapsingHeader::new(
        egui::RichText::new(format!(
            "⚠ 有 {} 个政策文件有误，已跳过（改用内置政策）。点此查看原因",
            policies.skipped_files.len()
        ))
        .color(color),
    )
    .id_salt("skipped_policy_files")
    .show(ui, |ui| {
        for problem in &policies.problems {
            ui.label(
                egui::RichText::new(problem.to_string())
                    .monospace()
                    .color(color),
            );
        }
    });
}

/// Opens the window; returns when it is closed.
pub fn run_window(folders: &[(PathBuf, bool)]) -> ExitCode {
    // Warnings and errors of the window go to yibao.log in the data folder (see `log`).
    if let Some(file) = crate::paths::log_file()
        && let Err(error) = crate::log::log_to_file(&file)
    {
        log_error(&format!("无法写日志文件 {}：{error}", file.display()));
    }
    // A crash is written to the log: the Windows window has no console to print it to.
    let print_panic = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        crate::log::error(&format!("程序出错退出：{info}"));
        print_panic(info);
    }));
    // The policies load while the window is being created (tens of milliseconds); the
    // window's first frame needs them only after that.
    let folders = folders.to_vec();
    let loading = std::thread::spawn(move || {
        let policies = policy::load_with_folders(&folders);
        for problem in &policies.problems {
            log_problem(problem);
        }
        policies
    });
    let options = eframe::NativeOptions {
        viewport: window_icon(
            egui::ViewportBuilder::default()
                .with_title(WINDOW_TITLE)
                // The Linux menu entry (yibao.desktop) finds its window by this name.
                .with_app_id("yibao")
                .with_inner_size([1100.0, 720.0])
                // Small enough to fit, maximized, on an 800×600 screen with a taskbar; every
                // page still works at this size (scrolling).
                .with_min_inner_size([640.0, 480.0]),
        ),
        // Remembers the window's size and position between runs.
        persist_window: true,
        ..Default::default()
    };
    let result = eframe::run_native(
        "yibao",
        options,
        Box::new(|cc| {
            let policies = loading
                .join()
                .map_err(|_| "the policy files could not be loaded (the loading thread failed)")?;
            let preferences = cc
                .storage
                .and_then(|storage| eframe::get_value::<Preferences>(storage, PREFERENCES_KEY))
                .unwrap_or_default();
            let today = chrono::Local::now().date_naive();
            let mut app = YibaoApp::new(
                &cc.egui_ctx,
                policies,
                preferences,
                today,
                AppStorage::for_user(),
            );
            app.close_after_first_frame =
                std::env::var_os(CLOSE_AFTER_FIRST_FRAME_ENV).is_some_and(|v| v == "1");
            Ok(Box::new(app))
        }),
    );
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            log_error(&format!("无法打开窗口：{error}"));
            tell_window_could_not_open(&error);
            ExitCode::from(1)
        }
    }
}

/// What the user sees when the window cannot open, typically because the graphics driver has
/// no OpenGL 2 (Remote Desktop, a virtual machine, an old driver): a plain system message box
/// that says what to do, instead of a program that silently does nothing. The box needs no
/// OpenGL (Windows: MessageBox; Linux: the desktop portal or zenity, else only the log and
/// standard error).
fn tell_window_could_not_open(error: &eframe::Error) {
    let log = crate::log::log_file().map_or_else(
        || "（没有日志文件）".to_owned(),
        |path| path.display().to_string(),
    );
    let graphics = matches!(
        error,
        eframe::Error::Glutin(_) | eframe::Error::OpenGL(_) | eframe::Error::NoGlutinConfigs(..)
    );
    let what_to_do = if graphics {
        "这台电脑的显卡驱动不支持本程序需要的图形功能（OpenGL 2.0）。远程桌面、虚拟机和很旧的显卡驱动常有这种情况。\n\n\
         请这样试：\n\
         1. 在这台电脑本机上打开，不要通过远程桌面；\n\
         2. 更新显卡驱动（可请帮您的人从电脑厂商网站下载）；\n\
         3. 换一台电脑使用。"
    } else {
        "窗口没能打开。请关掉本程序的其他窗口后再试一次；仍打不开，请把下面的日志文件发给帮您的人。"
    };
    let dialog = rfd::MessageDialog::new()
        .set_level(rfd::MessageLevel::Error)
        .set_title(WINDOW_TITLE)
        .set_description(format!(
            "{what_to_do}\n\n详细原因已写入日志：{log}\n（{error}）"
        ))
        .set_buttons(rfd::MessageButtons::Ok);
    // On a thread of its own: this thread still holds the window that failed, and a message
    // box here would wait on it (seen under Wine: the box never appeared).
    if std::thread::spawn(move || dialog.show()).join().is_err() {
        crate::log::error("无法显示出错提示框");
    }
}

/// The app's icon on the window; eframe's own if ours cannot be read (logged).
fn window_icon(viewport: egui::ViewportBuilder) -> egui::ViewportBuilder {
    match eframe::icon_data::from_png_bytes(crate::assets::WINDOW_ICON_PNG) {
        Ok(icon) => viewport.with_icon(icon),
        Err(error) => {
            log_error(&format!("无法读取窗口图标：{error}"));
            viewport
        }
    }
}

/// A policy file that was skipped: shown in the window, and logged once.
fn log_problem(problem: &policy::Diagnostic) {
    crate::log::warn(&problem.to_string());
}

#[expect(
    clippy::print_stderr,
    reason = "the window could not open, so stderr is all there is"
)]
fn log_error(message: &str) {
    crate::log::error(message);
    eprintln!("{message}");
}
