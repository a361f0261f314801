//! The window, driven headless with egui_kittest: widgets found by label, as a user sees them.

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use yibao::ui::{Tab, YibaoApp, fonts};

fn app_harness() -> Harness<'static, YibaoApp> {
    let report = crate::support::shipped();
    Harness::builder()
        .with_size([1024.0, 700.0])
        .build_eframe(move |cc| YibaoApp::new(&cc.egui_ctx, report))
}

#[test]
fn the_three_tabs_exist_and_switch() {
    let mut harness = app_harness();
    harness.run();
    for tab in Tab::ALL {
        harness.get_by_label(tab.label());
    }
    harness.get_by_label("家庭共济绑定").click();
    harness.run();
    assert_eq!(harness.state().tab(), Tab::Family);
    harness.get_by_label_contains("即将推出");
}

#[test]
fn choosing_nanjing_and_transfer_shows_a_statement_with_its_source() {
    let mut harness = app_harness();
    harness.run();
    assert!(
        harness
            .query_by_label_contains("医保办发〔2021〕43号")
            .is_none()
    );
    harness.get_by_label("南京市").click();
    harness.run();
    harness.get_by_label("转移接续").click();
    harness.run();
    harness.get_by_label_contains("全国 › 江苏省 › 南京市 · 转移接续");
    harness.get_by_label_contains("退休人员不在此范围");
    assert!(
        harness
            .query_all_by_label_contains("来源：国家医疗保障局办公室、财政部办公厅")
            .any(|node| node
                .value()
                .is_some_and(|l| l.contains("医保办发〔2021〕43号")))
    );
    // A Nanjing-only claim from its seed article appears too.
    assert!(harness.query_all_by_label_contains("15个工作日").count() >= 1);
}

#[test]
fn a_false_claim_shows_its_correction_on_the_card() {
    let mut harness = app_harness();
    harness.run();
    harness.get_by_label("合肥市").click();
    harness.run();
    harness.get_by_label("余额查询").click();
    harness.run();
    assert!(harness.query_all_by_label_contains("12333").count() >= 1);
    assert!(
        harness
            .query_all_by_label_contains("更正：")
            .any(|node| node.value().is_some_and(|l| l.contains("12393")))
    );
    assert!(harness.query_all_by_label("错误说法").count() >= 1);
}

#[test]
fn rare_name_characters_render_with_the_bundled_font() {
    let mut harness = Harness::builder()
        .with_context_setup(fonts::install)
        .build_ui(|ui| {
            ui.label("王喆 李堃 张赟 陈昇 刘珺 赵玥 䶮");
        });
    harness.run();
    harness.get_by_label("王喆 李堃 张赟 陈昇 刘珺 赵玥 䶮");
}

#[test]
#[should_panic(expected = "No glyph")]
fn without_the_bundled_font_chinese_is_missing() {
    // The control for the test above: egui's own fonts have no Chinese.
    let mut harness = Harness::builder().build_ui(|ui| {
        ui.label("王喆");
    });
    harness.run();
}
