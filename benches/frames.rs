//! Frame cost: CPU per frame of each tab in a busy state, headless (`egui::Context` layout plus
//! tessellation; no GPU). Prints the median and 90th percentile per state.
//!
//! `cargo bench --bench frames` for times; `scripts/bench-frames.sh` also counts instructions
//! per frame under callgrind (only `measured_frame` is counted).
//! `FRAMES` sets the frames measured per state (default 60).

#![allow(clippy::print_stdout, clippy::unwrap_used)]

use std::hint::black_box;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use eframe::egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use rust_decimal::Decimal;
use yibao::domain::{Insurance, Relation, Use};
use yibao::family::{BindingStatus, Expense, Family, Member};
use yibao::policy::{LoadReport, embedded_files, load_layers};
use yibao::store::FamilyStore;
use yibao::ui::{AppStorage, Preferences, YibaoApp};

#[path = "support/generated.rs"]
mod generated;

const WIDTH: f32 = 1280.0;
const HEIGHT: f32 = 800.0;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
}

fn harness(report: LoadReport, store: Option<FamilyStore>) -> Harness<'static, YibaoApp> {
    Harness::builder()
        .with_size([WIDTH, HEIGHT])
        .build_eframe(move |cc| {
            YibaoApp::new(
                &cc.egui_ctx,
                report,
                Preferences::default(),
                today(),
                AppStorage {
                    families: store,
                    exports: None,
                    native_dialogs: false,
                    background_index: false,
                },
            )
        })
}

/// A family of 500 relatives and 300 bills.
fn big_family() -> Family {
    let mut family = Family::new("big", "大家庭", "nanjing");
    family.holder.name = "王建国".to_owned();
    family.holder.balance = Decimal::new(1_234_567, 2);
    let relations = Relation::ALL;
    let insurances = Insurance::ALL;
    family.members = (0..500u32)
        .map(|i| Member {
            id: i + 1,
            name: format!("家人{i}"),
            id_number: None,
            relation: relations[i as usize % relations.len()],
            insurance: insurances[i as usize % insurances.len()],
            region: ["nanjing", "hefei", "qingdao"][i as usize % 3].to_owned(),
            status: BindingStatus::Planned,
            bound_on: None,
            ended_on: None,
            supported_by_others: i % 7 == 0,
            notes: String::new(),
        })
        .collect();
    family.expenses = (0..300u32)
        .map(|i| Expense {
            member: i % 500 + 1,
            date: today() - chrono::Days::new(u64::from(i)),
            category: Use::ALL[i as usize % 3],
            amount: Decimal::new(i64::from(i) * 137 + 99, 2),
            note: String::new(),
        })
        .collect();
    family
}

/// One frame as the window runs it: layout of the whole app, then tessellation.
#[inline(never)]
fn measured_frame(ctx: &eframe::egui::Context, app: &mut YibaoApp) -> usize {
    let input = eframe::egui::RawInput {
        screen_rect: Some(eframe::egui::Rect::from_min_size(
            eframe::egui::Pos2::ZERO,
            eframe::egui::vec2(WIDTH, HEIGHT),
        )),
        ..Default::default()
    };
    let output = ctx.run_ui(input, |ui| app.show(ui));
    let primitives = ctx.tessellate(output.shapes, output.pixels_per_point);
    black_box(primitives.len())
}

fn measure(name: &str, harness: &mut Harness<'static, YibaoApp>, frames: usize) {
    // The real window has no screen reader attached: no accessibility tree per frame.
    let ctx = harness.ctx.clone();
    ctx.disable_accesskit();
    let app = harness.state_mut();
    for _ in 0..3 {
        measured_frame(&ctx, app);
    }
    let mut times: Vec<Duration> = (0..frames)
        .map(|_| {
            let start = Instant::now();
            measured_frame(&ctx, app);
            start.elapsed()
        })
        .collect();
    times.sort();
    let median = times[times.len() / 2];
    let p90 = times[times.len() * 9 / 10];
    println!(
        "{name:<44} median {:>7.3} ms   p90 {:>7.3} ms   ({frames} frames)",
        median.as_secs_f64() * 1e3,
        p90.as_secs_f64() * 1e3
    );
}

fn main() {
    let frames: usize = std::env::var("FRAMES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(60);
    let only = std::env::var("STATE").ok();
    let wanted = |name: &str| only.as_deref().is_none_or(|o| name.contains(o));

    if wanted("explorer") {
        let mut h = harness(load_layers(&[embedded_files()]), None);
        h.run();
        measure("explorer: 青岛 cards (shipped)", &mut h, frames);
    }
    if wanted("search") {
        let report = load_layers(&[generated::generated_files()]);
        let mut h = harness(report, None);
        h.run();
        h.get_by_label("搜索").click();
        h.run();
        h.get_by_label("搜索").type_text("医保");
        h.run();
        let shown = h.query_all_by_label_contains("医保").count();
        measure(
            &format!("search: 医保 over 1000 regions ({shown} rows)"),
            &mut h,
            frames,
        );
    }
    if wanted("compare") {
        let mut h = harness(load_layers(&[embedded_files()]), None);
        h.run();
        h.get_by_label("对比地区").click();
        h.run();
        h.get_by_role_and_label(Role::CheckBox, "南京市").click();
        h.run();
        let regions = h.state().explorer().compare_regions().len();
        measure(
            &format!("compare: {regions} regions, family sharing"),
            &mut h,
            frames,
        );
    }
    if wanted("family") {
        let dir = tempfile::tempdir().unwrap();
        let store = FamilyStore::new(dir.path());
        store.save(&big_family()).unwrap();
        let mut h = harness(load_layers(&[embedded_files()]), Some(store));
        h.run();
        h.get_by_label("家庭共济绑定").click();
        h.run();
        let members = h
            .state()
            .family()
            .current_family()
            .map_or(0, |f| f.members.len());
        measure(
            &format!("family: {members} members, 300 bills"),
            &mut h,
            frames,
        );
    }
    if wanted("checklist") {
        let mut h = harness(load_layers(&[embedded_files()]), None);
        h.run();
        h.get_by_label("提取资格清单").click();
        h.run();
        h.query_all_by_label("是").next().unwrap().click();
        h.run();
        measure("checklist: withdrawal, death case", &mut h, frames);
    }
}
