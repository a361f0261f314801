//! The checklist tab in the window (egui_kittest).

use std::path::Path;

use chrono::NaiveDate;
use eframe::egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use yibao::domain::Fact;
use yibao::ui::{AppStorage, Preferences, YibaoApp};

fn harness(exports: &Path) -> Harness<'static, YibaoApp> {
    let report = crate::support::shipped();
    let exports = exports.to_path_buf();
    Harness::builder()
        .with_size([1280.0, 2400.0])
        .build_eframe(move |cc| {
            YibaoApp::new(
                &cc.egui_ctx,
                report,
                Preferences::default(),
                NaiveDate::from_ymd_opt(2026, 11, 23).expect("date"),
                AppStorage {
                    families: None,
                    exports: Some(exports),
                    native_dialogs: false,
                    background_index: false,
                },
            )
        })
}

/// Clicks the radio button `option` of the question starting with `question`: found in the
/// question's radio group, by its name, never by where it is on screen.
fn answer(harness: &mut Harness<'_, YibaoApp>, question: &str, option: &str) {
    let group = harness
        .query_all_by_role(Role::RadioGroup)
        .find(|group| {
            group
                .accesskit_node()
                .label()
                .is_some_and(|label| label.starts_with(question))
        })
        .unwrap_or_else(|| panic!("no question {question}"));
    group
        .get_by_role_and_label(Role::RadioButton, option)
        .click();
    harness.run();
}

fn open_tab(harness: &mut Harness<'_, YibaoApp>) {
    harness.run();
    harness.get_by_label("提取资格清单").click();
    harness.run();
}

#[test]
fn answering_deceased_yes_shows_the_death_case_with_a_death_certificate() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = harness(dir.path());
    open_tab(&mut harness);
    answer(&mut harness, "参保人是否已经去世", "是");
    harness.get_by_label("参保人去世，继承人支取余额");
    assert!(harness.query_all_by_label_contains("死亡证明").count() >= 1);
    harness.get_by_role_and_label(
        Role::CheckBox,
        "死亡证明（可用：居民死亡医学证明书、法院宣告死亡的判决书、个人承诺书（部分地区））",
    );
}

#[test]
fn changing_an_earlier_answer_keeps_the_later_ones() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = harness(dir.path());
    open_tab(&mut harness);
    answer(&mut harness, "参保人是否已经去世", "否");
    answer(&mut harness, "是否要把医保关系转到其他地方", "跨省转移");
    answer(
        &mut harness,
        "新参保地的医保经办机构是否接收个人账户余额",
        "否",
    );
    answer(&mut harness, "参保人是否已经去世", "是");
    // The later questions are no longer asked…
    assert!(
        harness
            .query_all_by_label_contains("新参保地的医保经办机构")
            .count()
            == 0
    );
    answer(&mut harness, "参保人是否已经去世", "否");
    // …and come back with their answers.
    let answers = harness.state().checklist().answers().clone();
    assert_eq!(
        answers.get(&Fact::Moving).map(String::as_str),
        Some("inter_province")
    );
    assert_eq!(
        answers
            .get(&Fact::NewPlaceAcceptsBalance)
            .map(String::as_str),
        Some("no")
    );
    assert!(
        harness
            .query_all_by_label_contains("新参保地不接收余额")
            .count()
            >= 1
    );
}

#[test]
fn exporting_to_the_default_folder_writes_a_file_and_shows_its_path() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = harness(dir.path());
    open_tab(&mut harness);
    answer(&mut harness, "参保人是否已经去世", "是");
    harness.get_by_label("保存到默认文件夹").click();
    harness.run();
    let path = harness
        .state()
        .checklist()
        .last_export()
        .expect("written")
        .to_path_buf();
    assert!(path.starts_with(dir.path()));
    assert_eq!(path.extension().and_then(|e| e.to_str()), Some("md"));
    let text = std::fs::read_to_string(&path).expect("file exists");
    assert!(text.contains("死亡证明"));
    harness.get_by_label(&format!("已保存：{}", path.display()));
}

#[test]
fn the_transfer_procedure_shows_its_completion_date() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = harness(dir.path());
    open_tab(&mut harness);
    harness.get_by_label("转移接续").click();
    harness.run();
    answer(&mut harness, "要把医保关系转到哪里", "跨省转移");
    answer(&mut harness, "参保人是在职还是已退休", "在职");
    answer(&mut harness, "到新地方后参加哪种医保", "职工医保");
    harness.get_by_label("医保关系转移接续");
    assert!(
        harness
            .query_all_by_label_contains("约在 2026-12-14 前")
            .count()
            == 1
    );
}

/// Picks `option` in the drop-down of the question starting with `question` (the question
/// text labels the drop-down).
fn choose(harness: &mut Harness<'_, YibaoApp>, question: &str, option: &str) {
    harness
        .query_all_by_role(Role::ComboBox)
        .find(|n| {
            n.accesskit_node()
                .label()
                .is_some_and(|l| l.starts_with(question))
        })
        .unwrap_or_else(|| panic!("no drop-down for {question}"))
        .click();
    harness.run();
    harness.get_by_label(option).click();
    harness.run();
}

#[test]
fn the_binding_procedure_rules_out_a_parent_in_law_and_lists_what_to_bring_for_a_parent() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = harness(dir.path());
    open_tab(&mut harness);
    // The tab bar has a tab of the same name; the procedure picker is below it.
    let picker = harness
        .query_all_by_label("家庭共济绑定")
        .max_by(|a, b| a.rect().top().total_cmp(&b.rect().top()))
        .expect("procedure button");
    picker.click();
    harness.run();
    answer(&mut harness, "要用个人账户帮家人的参保人", "职工医保");
    choose(&mut harness, "要绑定的家人是参保人的什么人", "岳父母/公婆");
    assert!(harness.query_all_by_label_contains("不是近亲属").count() >= 1);
    choose(&mut harness, "要绑定的家人是参保人的什么人", "父母");
    answer(&mut harness, "这位家人自己参加的是哪种医保", "居民医保");
    answer(&mut harness, "这位家人在哪个省参保", "和参保人同一个省");
    harness.get_by_label("绑定父母");
    assert!(
        harness
            .query_all_by_label_contains("可以绑定。共济的钱可以为这位家人支付")
            .count()
            == 1
    );
    assert!(harness.query_all_by_role(Role::CheckBox).any(|n| {
        n.accesskit_node()
            .label()
            .is_some_and(|l| l.starts_with("与家人的亲属关系证明"))
    }));
    assert_eq!(
        harness
            .state()
            .checklist()
            .answers()
            .get(&Fact::Relation)
            .map(String::as_str),
        Some("parent")
    );
}

// Issue 14: what happened is announced: the outcome line is a live status region.
#[test]
fn the_outcome_of_an_export_is_announced() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = harness(dir.path());
    open_tab(&mut harness);
    answer(&mut harness, "参保人是否已经去世", "是");
    harness.get_by_label("保存到默认文件夹").click();
    harness.run();
    let status = harness
        .query_all_by_role(Role::Status)
        .find(|node| {
            node.accesskit_node()
                .label()
                .is_some_and(|label| label.starts_with("已保存"))
                || node
                    .value()
                    .is_some_and(|value| value.starts_with("已保存"))
        })
        .expect("the saved line is a status region");
    assert_eq!(
        status.accesskit_node().live(),
        eframe::egui::accesskit::Live::Polite
    );
}

/// Presses Tab until the widget labelled `label` has the keyboard focus.
fn tab_to(harness: &mut Harness<'_, YibaoApp>, label: &str) {
    for _ in 0..80 {
        if harness
            .query_all_by_label(label)
            .any(|node| node.is_focused())
        {
            return;
        }
        harness.key_press(eframe::egui::Key::Tab);
        harness.run();
    }
    panic!("Tab never reaches {label}");
}

// Issue 14: a withdrawal list for a death, from the start page to the saved file, with the
// keyboard alone.
#[test]
fn a_withdrawal_list_can_be_made_with_the_keyboard_alone() {
    use eframe::egui::Key;
    let dir = tempfile::tempdir().expect("temp dir");
    let report = crate::support::shipped();
    let exports = dir.path().to_path_buf();
    let mut harness = Harness::builder()
        .with_size([1280.0, 2400.0])
        .build_eframe(move |cc| {
            YibaoApp::new(
                &cc.egui_ctx,
                report,
                Preferences {
                    home_region: "hefei".to_owned(),
                    ..Preferences::default()
                },
                NaiveDate::from_ymd_opt(2026, 11, 23).expect("date"),
                AppStorage {
                    families: None,
                    exports: Some(exports),
                    native_dialogs: false,
                    background_index: false,
                },
            )
        });
    harness.run();
    tab_to(&mut harness, "家人去世，取余额");
    harness.key_press(Key::Enter);
    harness.run();
    harness.get_by_label_contains("个人账户一次性支取 · 合肥市");
    tab_to(&mut harness, "保存到默认文件夹");
    harness.key_press(Key::Enter);
    harness.run();
    let written: Vec<_> = std::fs::read_dir(dir.path())
        .expect("dir")
        .flatten()
        .collect();
    assert_eq!(written.len(), 1, "one list written");
    let text = std::fs::read_to_string(written[0].path()).expect("file");
    assert!(
        text.contains("结论：符合——参保人去世，继承人支取余额"),
        "{text}"
    );
}

// Issue 14: every 不清楚 says how to find out: each shipped question has its hint, shown
// after a click under the question.
#[test]
fn each_question_says_how_to_find_out_when_not_sure() {
    let report = crate::support::shipped();
    for region in report.set.regions_in_tree_order() {
        for question in &region.questions {
            assert!(
                question.unsure.as_ref().is_some_and(|how| !how.is_empty()),
                "{} {}: no way to find out",
                region.id(),
                question.text
            );
        }
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = harness(dir.path());
    open_tab(&mut harness);
    // The procedure (below the tab of the same name).
    harness
        .query_all_by_label("家庭共济绑定")
        .max_by(|a, b| a.rect().top().total_cmp(&b.rect().top()))
        .expect("the procedure")
        .click();
    harness.run();
    let asks = harness.query_all_by_label("不清楚怎么查？").count();
    assert!(asks >= 4, "every binding question offers it ({asks})");
    // The relative's insurance: where to look.
    let link = harness
        .query_all_by_label("不清楚怎么查？")
        .nth(2)
        .expect("the third question's link");
    link.click();
    harness.run();
    harness.get_by_label_contains("请家人用国家医保服务平台App或医保电子凭证查看自己的参保险种");
}
