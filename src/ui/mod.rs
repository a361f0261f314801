//! The eframe window: three tabs over the core. Each panel lives in its own file; this module
//! owns the app state, the tab bar and the trust line.

mod checklist_panel;
mod explorer_panel;
mod family_panel;
pub mod fonts;
pub mod theme;

use std::path::PathBuf;
use std::process::ExitCode;

use eframe::egui;

use crate::policy::{self, LoadReport};
pub use explorer_panel::ExplorerPanel;

/// The window title.
pub const WINDOW_TITLE: &str = "医保个人账户助手";

/// The three parts of the app.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    Explorer,
    Family,
    Checklist,
}

impl Tab {
    pub const ALL: [Tab; 3] = [Tab::Explorer, Tab::Family, Tab::Checklist];

    /// The tab's label.
    pub fn label(self) -> &'static str {
        match self {
            Tab::Explorer => "政策浏览",
            Tab::Family => "家庭共济绑定",
            Tab::Checklist => "提取资格清单",
        }
    }
}

/// The whole app: loaded policies and the state of each tab.
pub struct YibaoApp {
    policies: LoadReport,
    tab: Tab,
    explorer: ExplorerPanel,
}

impl YibaoApp {
    /// Sets up fonts and styles on `ctx` and builds the app over loaded policies.
    pub fn new(ctx: &egui::Context, policies: LoadReport) -> Self {
        fonts::install(ctx);
        theme::apply_text_sizes(ctx);
        let explorer = ExplorerPanel::new(&policies.set);
        YibaoApp {
            policies,
            tab: Tab::Explorer,
            explorer,
        }
    }

    /// The tab currently shown.
    pub fn tab(&self) -> Tab {
        self.tab
    }

    /// Draws the whole window.
    pub fn show(&mut self, ui: &mut egui::Ui) {
        let Self {
            policies,
            tab,
            explorer,
        } = self;
        egui::Panel::top("tabs").show(ui, |ui| {
            ui.add_space(4.0);
            ui.horizontal(|ui| {
                ui.heading(WINDOW_TITLE);
                ui.add_space(16.0);
                for candidate in Tab::ALL {
                    ui.selectable_value(tab, candidate, candidate.label());
                }
            });
            trust_line_ui(ui, policies);
            skipped_files_ui(ui, policies);
            ui.add_space(2.0);
        });
        egui::CentralPanel::default().show(ui, |ui| match tab {
            Tab::Explorer => explorer.ui(ui, &policies.set),
            Tab::Family => family_panel::ui(ui),
            Tab::Checklist => checklist_panel::ui(ui),
        });
    }
}

impl eframe::App for YibaoApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.show(ui);
    }
}

/// The line that says how far to trust what the app shows.
fn trust_line_ui(ui: &mut egui::Ui, policies: &LoadReport) {
    let verified = policies
        .set
        .newest_verified_on()
        .map_or_else(|| "未知".to_owned(), |d| d.format("%Y-%m-%d").to_string());
    ui.label(
        egui::RichText::new(format!(
            "仅供参考，以当地医保部门最新规定为准 · 政策数据版本 {} · 最近核实 {} · 医保服务热线 12393",
            policies.set.data_version(),
            verified
        ))
        .small()
        .weak(),
    );
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
    let policies = policy::load_with_folders(folders);
    for problem in &policies.problems {
        log_problem(problem);
    }
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title(WINDOW_TITLE)
            .with_inner_size([1100.0, 720.0])
            .with_min_inner_size([800.0, 500.0]),
        ..Default::default()
    };
    let result = eframe::run_native(
        "yibao",
        options,
        Box::new(|cc| Ok(Box::new(YibaoApp::new(&cc.egui_ctx, policies)))),
    );
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            log_error(&format!("无法打开窗口：{error}"));
            ExitCode::from(1)
        }
    }
}

#[expect(
    clippy::print_stderr,
    reason = "start-up problems are logged to stderr as well as shown"
)]
fn log_problem(problem: &policy::Diagnostic) {
    eprintln!("warning: {problem}");
}

#[expect(
    clippy::print_stderr,
    reason = "the window could not open, so stderr is all there is"
)]
fn log_error(message: &str) {
    eprintln!("{message}");
}
