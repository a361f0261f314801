//! The family-binding editor in the window (egui_kittest).

use std::path::Path;

use chrono::NaiveDate;
use eframe::egui::accesskit::Role;
use eframe::egui::{Event, ImeEvent, Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use yibao::store::FamilyStore;
use yibao::text::Lang;
use yibao::ui::{AppStorage, Preferences, YibaoApp};

fn harness(dir: &Path) -> Harness<'static, YibaoApp> {
    harness_in(dir, Preferences::default())
}

fn harness_in(dir: &Path, preferences: Preferences) -> Harness<'static, YibaoApp> {
    let report = crate::support::shipped();
    let store = FamilyStore::new(dir);
    let dir = dir.to_path_buf();
    Harness::builder()
        .with_size([1200.0, 2400.0])
        .build_eframe(move |cc| {
            YibaoApp::new(
                &cc.egui_ctx,
                report,
                preferences,
                NaiveDate::from_ymd_opt(2026, 11, 23).expect("date"),
                AppStorage {
                    families: Some(store),
                    exports: Some(dir.join("exports")),
                    native_dialogs: false,
                    background_index: false,
                },
            )
        })
}

/// Types into the text field labelled `label`, replacing what is there.
fn fill(harness: &mut Harness<'_, YibaoApp>, label: &str, text: &str) {
    harness.get_by_label(label).click();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.key_press(Key::Backspace);
    harness.run();
    if !text.is_empty() {
        harness.get_by_label(label).type_text(text);
        harness.run();
    }
}

/// Picks `option` in the combo box labelled `label`.
fn choose(harness: &mut Harness<'_, YibaoApp>, label: &str, option: &str) {
    harness.get_by_role_and_label(Role::ComboBox, label).click();
    harness.run();
    harness.get_by_label(option).click();
    harness.run();
}

/// Picks the place `option` in the place combo labelled `label`: types its name into the list's
/// filter, as a user would among 368 places, then clicks it.
fn choose_place(harness: &mut Harness<'_, YibaoApp>, label: &str, option: &str) {
    harness.get_by_role_and_label(Role::ComboBox, label).click();
    harness.run();
    harness
        .query_all_by_role(Role::TextInput)
        .find(|node| node.is_focused())
        .expect("the list's filter has the focus")
        .type_text(option.trim_end_matches('市'));
    harness.run();
    harness.get_by_label(option).click();
    harness.run();
}

/// Opens the tab, creates a family and fills in the holder (Nanjing, employee).
fn start_family(harness: &mut Harness<'_, YibaoApp>, balance: &str) {
    open_new_family(harness);
    fill(harness, "姓名", "王喆");
    finish_holder(harness, balance);
}

/// Opens the family tab and creates a family: the holder's form is open.
fn open_new_family(harness: &mut Harness<'_, YibaoApp>) {
    harness.run();
    harness.get_by_label("家庭共济绑定").click();
    harness.run();
    harness.get_by_label("＋ 新建家庭").click();
    harness.run();
}

/// Completes the holder's form after the name: insured in Nanjing, with `balance`.
fn finish_holder(harness: &mut Harness<'_, YibaoApp>, balance: &str) {
    choose_place(harness, "参保地", "南京市");
    fill(harness, "个人账户余额（元）", balance);
    harness.get_by_label("完成").click();
    harness.run();
}

fn add_member(harness: &mut Harness<'_, YibaoApp>, name: &str, relation: &str, insurance: &str) {
    fill(harness, "家人姓名", name);
    choose(harness, "关系", relation);
    choose(harness, "家人自己的医保", insurance);
    harness
        .get_by_role_and_label(Role::Button, "添加家人")
        .click();
    harness.run();
}

fn texts(harness: &Harness<'_, YibaoApp>, needle: &str) -> Vec<String> {
    harness
        .query_all_by_label_contains(needle)
        .filter_map(|node| node.value())
        .collect()
}

#[test]
fn adding_a_mother_in_law_shows_why_she_cannot_be_bound() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = harness(dir.path());
    start_family(&mut harness, "1000");
    add_member(&mut harness, "赵珺", "岳父母/公婆", "居民医保");
    let family = harness
        .state()
        .family()
        .current_family()
        .expect("family")
        .clone();
    assert_eq!(family.members.len(), 1);
    assert!(harness.query_all_by_label("不能绑定").count() >= 1);
    assert!(
        texts(&harness, "岳父母、公婆不是近亲属")
            .iter()
            .any(|t| t.contains("配偶")),
        "the reason and what to do instead are shown"
    );
    harness.get_by_label("依据（1 份资料）").click();
    harness.run();
    assert!(!texts(&harness, "来源：全国人民代表大会").is_empty());
}

#[test]
fn a_maternal_grandmother_with_resident_insurance_shows_the_allowed_uses() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = harness(dir.path());
    start_family(&mut harness, "1000");
    add_member(&mut harness, "张玥", "外祖父母", "居民医保");
    assert!(harness.query_all_by_label("可以绑定").count() >= 1);
    assert!(
        texts(&harness, "可以支付：")
            .iter()
            // 南京 (Jiangsu) also lists 长期护理保险 contributions (FACTS, Jiangsu note).
            .any(|t| t
                == "可以支付：就医个人自付、定点药店购药、居民医保个人缴费、长期护理保险个人缴费")
    );
}

#[test]
fn an_expense_beyond_the_balance_is_split_between_account_and_pocket() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = harness(dir.path());
    start_family(&mut harness, "100");
    add_member(&mut harness, "李堃", "配偶", "职工医保");
    choose(&mut harness, "类别", "定点药店购药");
    fill(&mut harness, "金额（元）", "150.5");
    harness.get_by_label("添加费用").click();
    harness.run();
    let family = harness
        .state()
        .family()
        .current_family()
        .expect("family")
        .clone();
    assert_eq!(family.expenses.len(), 1);
    assert!(
        harness.query_all_by_label("150.50 元").count() >= 1,
        "amount"
    );
    assert!(
        harness.query_all_by_label("100.00 元").count() >= 1,
        "paid from the account"
    );
    assert!(
        harness.query_all_by_label("50.50 元").count() >= 1,
        "paid out of pocket"
    );
    assert!(texts(&harness, "合计：账户支付 100.00 元，自己付 50.50 元").len() == 1);
    // The shares by relative and by category, as the list shows them.
    assert!(
        texts(&harness, "按家人：李堃：账户 100.00 元 / 自付 50.50 元").len() == 1,
        "{:?}",
        texts(&harness, "按家人")
    );
    assert!(
        texts(
            &harness,
            "按类别：定点药店购药：账户 100.00 元 / 自付 50.50 元"
        )
        .len()
            == 1,
        "{:?}",
        texts(&harness, "按类别")
    );
}

#[test]
fn a_bad_amount_or_id_number_says_what_is_wrong_and_adds_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = harness(dir.path());
    start_family(&mut harness, "100");
    fill(&mut harness, "家人姓名", "孙赟");
    fill(&mut harness, "家人身份证号（可不填）", "320102200001010021");
    harness
        .get_by_role_and_label(Role::Button, "添加家人")
        .click();
    harness.run();
    // Said once, next to the field, without telling which last digit would "fix" it.
    assert!(texts(&harness, "校验不通过").len() == 1);
    assert!(texts(&harness, "应为").is_empty());
    assert!(
        harness
            .state()
            .family()
            .current_family()
            .expect("family")
            .members
            .is_empty()
    );
    fill(&mut harness, "家人身份证号（可不填）", "");
    // Corrected: the message is gone.
    assert!(texts(&harness, "校验不通过").is_empty());
    choose(&mut harness, "关系", "配偶");
    choose(&mut harness, "家人自己的医保", "居民医保");
    harness
        .get_by_role_and_label(Role::Button, "添加家人")
        .click();
    harness.run();
    fill(&mut harness, "金额（元）", "12.345");
    harness.get_by_label("添加费用").click();
    harness.run();
    assert!(
        harness
            .state()
            .family()
            .current_family()
            .expect("family")
            .members
            .len()
            == 1
    );
    assert!(texts(&harness, "两位小数").len() == 1);
    assert!(
        harness
            .state()
            .family()
            .current_family()
            .expect("family")
            .expenses
            .is_empty()
    );
}

#[test]
fn undo_and_redo_follow_ctrl_z_and_ctrl_shift_z() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = harness(dir.path());
    start_family(&mut harness, "100");
    add_member(&mut harness, "李堃", "配偶", "职工医保");
    let members = |h: &Harness<'_, YibaoApp>| {
        h.state()
            .family()
            .current_family()
            .expect("family")
            .members
            .len()
    };
    assert_eq!(members(&harness), 1);
    // Leave the text fields so the shortcut is the editor's, not a field's.
    harness.key_press(Key::Escape);
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(members(&harness), 0);
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    harness.run();
    assert_eq!(members(&harness), 1);
}

#[test]
fn a_saved_family_survives_a_restart() {
    let dir = tempfile::tempdir().expect("temp dir");
    {
        let mut harness = harness(dir.path());
        start_family(&mut harness, "888.80");
        add_member(&mut harness, "张玥", "外祖父母", "居民医保");
        assert!(harness.state().family().has_unsaved_changes());
        harness.key_press(Key::Escape);
        harness.run();
        harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
        harness.run();
        assert!(!harness.state().family().has_unsaved_changes());
        assert!(texts(&harness, "已保存到").len() == 1);
    }
    let mut harness = harness(dir.path());
    harness.run();
    harness.get_by_label("家庭共济绑定").click();
    harness.run();
    let family = harness
        .state()
        .family()
        .current_family()
        .expect("loaded")
        .clone();
    assert_eq!(family.label, "王家");
    assert_eq!(family.holder.balance.to_string(), "888.80");
    assert_eq!(family.members[0].name, "张玥");
    assert!(harness.query_all_by_label_contains("王家").count() >= 1);
}

#[test]
fn closing_with_unsaved_changes_asks_first() {
    use eframe::egui::{ViewportEvent, ViewportId};
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = harness(dir.path());
    start_family(&mut harness, "100");
    assert!(harness.state().family().has_unsaved_changes());
    harness
        .input_mut()
        .viewports
        .entry(ViewportId::ROOT)
        .or_default()
        .events
        .push(ViewportEvent::Close);
    harness.run();
    harness.get_by_label("家庭信息还没有保存");
    harness.get_by_label("取消").click();
    harness.run();
    assert!(harness.query_by_label("家庭信息还没有保存").is_none());
    assert!(
        harness.state().family().has_unsaved_changes(),
        "nothing was lost"
    );
}

#[test]
fn an_exported_family_file_can_be_imported_as_a_new_family() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut family = yibao::family::Family::new("li", "李家", "hefei");
    family.holder.name = "李昇".to_owned();
    let file = dir.path().join("李家.json");
    std::fs::write(
        &file,
        yibao::store::family_to_json(&family).expect("serializes"),
    )
    .expect("write");
    let mut harness = harness(&dir.path().join("families"));
    harness.run();
    harness.state_mut().family_mut().import_file(&file);
    harness.get_by_label("家庭共济绑定").click();
    harness.run();
    assert_eq!(
        harness
            .state()
            .family()
            .current_family()
            .expect("imported")
            .label,
        "李家"
    );
    assert!(harness.state().family().has_unsaved_changes());
    harness.get_by_label_contains("已导入");
    // A file that is not a family file is refused with a message.
    std::fs::write(dir.path().join("x.json"), "{\"format\": \"other\"}").expect("write");
    harness
        .state_mut()
        .family_mut()
        .import_file(&dir.path().join("x.json"));
    harness.run();
    harness.get_by_label_contains("不是家庭文件");
}

#[test]
fn the_binding_checklist_for_the_members_is_exported_with_names_masked_unless_asked() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = harness(dir.path());
    start_family(&mut harness, "1000");
    add_member(&mut harness, "李秀兰", "父母", "居民医保");
    add_member(&mut harness, "赵珺", "岳父母/公婆", "居民医保");
    harness.get_by_label("保存到默认文件夹").click();
    harness.run();
    let path = harness
        .state()
        .family()
        .last_binding_export()
        .expect("written")
        .to_path_buf();
    assert!(path.starts_with(dir.path().join("exports")));
    // Who the list is for is in the file name, masked (王喆 → 王某), so two families' lists
    // do not collide and no full name shows in a folder listing.
    assert!(
        path.to_string_lossy()
            .contains("家庭共济绑定清单-王某-南京市-"),
        "{}",
        path.display()
    );
    harness.get_by_label(&format!("已保存：{}", path.display()));
    let text = std::fs::read_to_string(&path).expect("file exists");
    assert!(text.contains("为父母 李\\*\\* 办理绑定"), "{text}");
    assert!(text.contains("参保人：王\\*"), "{text}");
    assert!(text.contains("不是近亲属"), "{text}");
    for name in ["李秀兰", "赵珺", "王喆"] {
        assert!(!text.contains(name), "{name} is shown in full");
    }
    harness.get_by_label("导出时包含完整姓名和身份证号").click();
    harness.run();
    harness.get_by_label("保存到默认文件夹").click();
    harness.run();
    let full = harness
        .state()
        .family()
        .last_binding_export()
        .expect("written")
        .to_path_buf();
    // A second list is a second file: the masked one is still there, unchanged.
    assert_ne!(full, path);
    let text = std::fs::read_to_string(&full).expect("file exists");
    assert!(text.contains("为父母 李秀兰 办理绑定"), "{text}");
    let masked = std::fs::read_to_string(&path).expect("first file kept");
    assert!(!masked.contains("李秀兰"));
}

#[test]
fn a_large_family_is_shown_twenty_members_to_a_page() {
    use yibao::domain::{Insurance, Relation};
    use yibao::family::{BindingStatus, Family, Member};
    let dir = tempfile::tempdir().expect("temp dir");
    let mut family = Family::new("big", "大家庭", "nanjing");
    family.holder.name = "王喆".to_owned();
    family.members = (1..=25)
        .map(|id| Member {
            id,
            name: format!("家人{id}"),
            id_number: None,
            relation: Relation::Child,
            insurance: Insurance::Resident,
            region: "nanjing".to_owned(),
            status: BindingStatus::Planned,
            bound_on: None,
            ended_on: None,
            supported_by_others: false,
            notes: String::new(),
        })
        .collect();
    FamilyStore::new(dir.path()).save(&family).expect("save");
    let mut harness = harness(dir.path());
    harness.run();
    harness.get_by_label("家庭共济绑定").click();
    harness.run();
    harness.get_by_label("第 1–20 位家人，共 25 位家人");
    harness.get_by_label("修改 家人20");
    assert!(harness.query_by_label("修改 家人21").is_none());
    harness.get_by_label("下一页").click();
    harness.run();
    harness.get_by_label("第 21–25 位家人，共 25 位家人");
    harness.get_by_label("修改 家人25");
    assert!(harness.query_by_label("修改 家人1").is_none());
}

/// A foreign employee in Nanjing checks a binding in the English window: the window's words,
/// the verdict and the reasons the code builds are English; the policy's own reasons stay
/// Chinese, and a line says so.
#[test]
fn a_binding_check_in_the_english_window() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = harness_in(
        dir.path(),
        Preferences {
            lang: Lang::En,
            ..Preferences::default()
        },
    );
    harness.run();
    assert!(
        !texts(&harness, "Policy statements are shown in Chinese").is_empty(),
        "the note that policy text stays Chinese"
    );
    harness.get_by_label("Family binding").click();
    harness.run();
    harness.get_by_label("+ New family").click();
    harness.run();
    fill(&mut harness, "Name", "John Smith");
    choose(&mut harness, "Insured in", "南京市");
    fill(&mut harness, "Personal account balance (yuan)", "1000");
    harness.get_by_label("Done").click();
    harness.run();
    // FACTS: a spouse is a near relative (近亲属) and may be bound; in the same province
    // the account pays the relative's medical costs.
    fill(&mut harness, "Relative's name", "Mary Smith");
    choose(&mut harness, "Relation", "spouse");
    choose(
        &mut harness,
        "Relative's own insurance",
        "resident insurance",
    );
    harness
        .get_by_role_and_label(Role::Button, "Add relative")
        .click();
    harness.run();
    assert_eq!(
        harness
            .state()
            .family()
            .current_family()
            .expect("family")
            .members
            .len(),
        1
    );
    assert!(harness.query_all_by_label("Can be bound").count() >= 1);
    assert!(harness.query_all_by_label("可以绑定").next().is_none());
    assert!(
        texts(&harness, "May pay for: ")
            .iter()
            .any(|t| t.contains("out-of-pocket medical costs")),
        "the allowed uses in English"
    );
    assert!(
        !texts(&harness, "Relative in the same province").is_empty(),
        "the channel reason is built in English"
    );
    // The policy's own reasons stay Chinese ("…可以支付他的…"); the window's label does not.
    let left = texts(&harness, "可以支付：");
    assert!(left.is_empty(), "{left:?}");
}

/// The language switch is in the top bar and is remembered with the preferences.
#[test]
fn the_language_switch_is_remembered() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = harness(dir.path());
    harness.run();
    assert_eq!(harness.state().preferences().lang, Lang::Zh);
    harness.get_by_label("English").click();
    harness.run();
    assert_eq!(harness.state().preferences().lang, Lang::En);
    assert!(harness.query_all_by_label("Family binding").count() >= 1);
    // As the window stores it between runs.
    let stored = serde_json::to_string(&harness.state().preferences()).expect("store");
    let saved: Preferences = serde_json::from_str(&stored).expect("restore");
    let mut reopened = harness_in(dir.path(), saved);
    reopened.run();
    assert!(reopened.query_all_by_label("Family binding").count() >= 1);
    reopened.get_by_label("中文").click();
    reopened.run();
    assert!(reopened.query_all_by_label("家庭共济绑定").count() >= 1);
    assert_eq!(reopened.state().preferences().lang, Lang::Zh);
}

// Issue 14: nothing is assumed about a relative. The relation and the insurance start
// unchosen, no verdict shows before they are chosen, and 不清楚 is an answer that says how to
// find out (DOMAIN.md `unknown`); a holder's own insurance is never 不清楚.
#[test]
fn a_relative_starts_unchosen_and_not_sure_says_how_to_find_out() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = harness(dir.path());
    start_family(&mut harness, "100");
    fill(&mut harness, "家人姓名", "李秀兰");
    assert!(
        texts(&harness, "可以绑定").is_empty(),
        "a verdict before a relation"
    );
    assert_eq!(texts(&harness, "选好关系和这位家人的医保后").len(), 1);
    harness
        .get_by_role_and_label(Role::Button, "添加家人")
        .click();
    harness.run();
    assert_eq!(texts(&harness, "请选择这位家人和参保人的关系").len(), 1);
    assert!(
        harness
            .state()
            .family()
            .current_family()
            .expect("family")
            .members
            .is_empty()
    );
    choose(&mut harness, "关系", "父母");
    choose(&mut harness, "家人自己的医保", "不清楚");
    assert!(!texts(&harness, "需向当地确认").is_empty());
    assert!(
        texts(&harness, "国家医保服务平台")
            .iter()
            .any(|t| t.contains("12393")),
        "the preview says how to find out"
    );
    harness
        .get_by_role_and_label(Role::Button, "添加家人")
        .click();
    harness.run();
    let family = harness.state().family().current_family().expect("family");
    assert_eq!(family.members.len(), 1);
    assert_eq!(
        family.members[0].insurance,
        yibao::domain::Insurance::Unknown
    );
}

/// Presses Tab until the widget labelled `label` (of `role`, when given) has the focus.
fn tab_to(harness: &mut Harness<'_, YibaoApp>, label: &str, role: Option<Role>) {
    for _ in 0..120 {
        if harness.query_all_by_label(label).any(|node| {
            node.is_focused() && role.is_none_or(|role| node.accesskit_node().role() == role)
        }) {
            return;
        }
        harness.key_press(Key::Tab);
        harness.run();
    }
    panic!("Tab never reaches {label}");
}

/// Opens the combo box labelled `label` and picks `option`, with the keyboard.
fn choose_with_keys(harness: &mut Harness<'_, YibaoApp>, label: &str, option: &str) {
    tab_to(harness, label, Some(Role::ComboBox));
    harness.key_press(Key::Enter);
    harness.run();
    tab_to(harness, option, None);
    harness.key_press(Key::Enter);
    harness.run();
}

// Issue 14: a family binding with the keyboard alone: a new family, the holder, a relative,
// and the verdict.
#[test]
fn a_binding_can_be_checked_with_the_keyboard_alone() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = harness(dir.path());
    harness.run();
    tab_to(&mut harness, "家庭共济绑定", None);
    harness.key_press(Key::Enter);
    harness.run();
    tab_to(&mut harness, "＋ 新建家庭", None);
    harness.key_press(Key::Enter);
    harness.run();
    tab_to(&mut harness, "姓名", None);
    harness.get_by_label("姓名").type_text("王喆");
    harness.run();
    // The place list: open it, type into its filter (keys, too), Tab to the place, Enter.
    tab_to(&mut harness, "参保地", Some(Role::ComboBox));
    harness.key_press(Key::Enter);
    harness.run();
    harness
        .query_all_by_role(Role::TextInput)
        .find(|node| node.is_focused())
        .expect("the filter has the focus")
        .type_text("南京");
    harness.run();
    tab_to(&mut harness, "南京市", None);
    harness.key_press(Key::Enter);
    harness.run();
    tab_to(&mut harness, "完成", None);
    harness.key_press(Key::Enter);
    harness.run();
    tab_to(&mut harness, "家人姓名", None);
    harness.get_by_label("家人姓名").type_text("李秀兰");
    harness.run();
    choose_with_keys(&mut harness, "关系", "父母");
    choose_with_keys(&mut harness, "家人自己的医保", "居民医保");
    tab_to(&mut harness, "添加家人", Some(Role::Button));
    harness.key_press(Key::Enter);
    harness.run();
    let family = harness.state().family().current_family().expect("family");
    assert_eq!(family.holder.name, "王喆");
    assert_eq!(family.members.len(), 1);
    assert_eq!(family.members[0].relation, yibao::domain::Relation::Parent);
    assert!(!texts(&harness, "可以绑定").is_empty());
}

/// Sends what an input method sends: the pinyin being composed (preedit), the preedit cleared,
/// then the chosen characters committed at once.
fn type_with_input_method(harness: &mut Harness<'_, YibaoApp>, composing: &[&str], commit: &str) {
    for text in composing {
        harness.event(Event::Ime(ImeEvent::Preedit {
            text: (*text).to_owned(),
            active_range_chars: None,
        }));
        harness.run();
    }
    harness.event(Event::Ime(ImeEvent::Preedit {
        text: String::new(),
        active_range_chars: None,
    }));
    harness.event(Event::Ime(ImeEvent::Commit(commit.to_owned())));
    harness.run();
}

/// Chinese names are typed through an input method (搜狗, 微软拼音): what is committed must
/// arrive once and whole, full-width punctuation included, in the holder's and a relative's
/// name fields (egui issues #3766 and #4354: text doubled, lost, or left with the pinyin).
#[test]
fn a_name_typed_through_an_input_method_arrives_once_and_whole() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = harness(dir.path());
    open_new_family(&mut harness);

    harness.get_by_label("姓名").click();
    harness.run();
    type_with_input_method(&mut harness, &["w", "wang", "王", "王zhe"], "王喆，");
    assert_eq!(
        harness.get_by_label("姓名").value().as_deref(),
        Some("王喆，")
    );
    // A second word after the first: appended, the first kept.
    type_with_input_method(&mut harness, &["l", "li"], "李");
    assert_eq!(
        harness.get_by_label("姓名").value().as_deref(),
        Some("王喆，李")
    );
    harness.key_press(Key::Backspace);
    harness.key_press(Key::Backspace);
    harness.run();
    assert_eq!(
        harness.get_by_label("姓名").value().as_deref(),
        Some("王喆")
    );

    finish_holder(&mut harness, "100");
    assert_eq!(
        harness
            .state()
            .family()
            .current_family()
            .expect("a family")
            .holder
            .name,
        "王喆"
    );

    harness.get_by_label("家人姓名").click();
    harness.run();
    type_with_input_method(&mut harness, &["w", "wang", "wangzhe"], "王喆，");
    assert_eq!(
        harness.get_by_label("家人姓名").value().as_deref(),
        Some("王喆，")
    );
}
