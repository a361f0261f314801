//! People's data is never lost, mixed up, or written where they cannot find it; no error is
//! silent (issue 11). Each test here failed before the fix it names.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use eframe::egui::accesskit::Role;
use eframe::egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use yibao::checklist::{Answers, evaluate};
use yibao::domain::{Fact, Procedure};
use yibao::export::{ExportFormat, file_name, render, unused_path};
use yibao::family::{Family, FamilyDocument, FamilyEdit, Member};
use yibao::store::FamilyStore;
use yibao::ui::{AppStorage, Preferences, YibaoApp};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 30).expect("date")
}

fn app(dir: &Path, preferences: Preferences) -> Harness<'static, YibaoApp> {
    let report = crate::support::shipped();
    let store = FamilyStore::new(dir.join("families"));
    let exports = dir.join("exports");
    Harness::builder()
        .with_size([1280.0, 2400.0])
        .build_eframe(move |cc| {
            YibaoApp::new(
                &cc.egui_ctx,
                report,
                preferences,
                today(),
                AppStorage {
                    families: Some(store),
                    exports: Some(exports),
                    native_dialogs: false,
                    background_index: false,
                },
            )
        })
}

/// Picks `option` in the combo box labelled `label`.
fn choose(harness: &mut Harness<'_, YibaoApp>, label: &str, option: &str) {
    harness.get_by_role_and_label(Role::ComboBox, label).click();
    harness.run();
    harness.get_by_label(option).click();
    harness.run();
}

fn click(harness: &mut Harness<'_, YibaoApp>, label: &str) {
    harness.get_by_label(label).click();
    harness.run();
}

/// Clicks the lowest of the widgets labelled `label` (the procedure 家庭共济绑定 under the tab
/// of the same name).
fn click_lowest(harness: &mut Harness<'_, YibaoApp>, label: &str) {
    harness
        .query_all_by_label(label)
        .max_by(|a, b| a.rect().top().total_cmp(&b.rect().top()))
        .unwrap_or_else(|| panic!("no {label}"))
        .click();
    harness.run();
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

fn files_in(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|entries| entries.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    files.sort();
    files
}

// 1. Answers never leak between procedures; "新的一位" starts clean; they survive a restart.
#[test]
fn each_procedure_keeps_its_own_answers_and_the_export_holds_only_them() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = app(dir.path(), Preferences::default());
    harness.run();
    click(&mut harness, "提取资格清单");
    click(&mut harness, "转移接续");
    answer(&mut harness, "要把医保关系转到哪里", "跨省转移");
    answer(&mut harness, "参保人是在职还是已退休", "在职");
    click_lowest(&mut harness, "家庭共济绑定");
    // The binding questionnaire starts empty: nothing from the transfer leaks in.
    assert!(harness.state().checklist().answers().is_empty());
    click(&mut harness, "保存到默认文件夹");
    let path = harness
        .state()
        .checklist()
        .last_export()
        .expect("written")
        .to_path_buf();
    let text = std::fs::read_to_string(&path).expect("file");
    assert!(!text.contains("转移医保关系"), "{text}");
    assert!(!text.contains("参保状态"), "{text}");
    // Back on the transfer: its answers are still there, and survive a restart.
    click(&mut harness, "转移接续");
    assert_eq!(
        harness
            .state()
            .checklist()
            .answers()
            .get(&Fact::Moving)
            .map(String::as_str),
        Some("inter_province")
    );
    let preferences = harness.state().preferences();
    drop(harness);
    let mut harness = app(dir.path(), preferences);
    harness.run();
    click(&mut harness, "提取资格清单");
    click(&mut harness, "转移接续");
    assert_eq!(
        harness
            .state()
            .checklist()
            .answers()
            .get(&Fact::InsuredStatus)
            .map(String::as_str),
        Some("in_service")
    );
    // "新的一位" clears this procedure only.
    click(&mut harness, "新的一位");
    assert!(harness.state().checklist().answers().is_empty());
}

// 2. What the user ticked on screen is ticked in the export, in every format.
#[test]
fn ticks_on_screen_are_ticked_in_every_format() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = app(dir.path(), Preferences::default());
    harness.run();
    click(&mut harness, "提取资格清单");
    answer(&mut harness, "参保人是否已经去世", "是");
    harness
        .get_by_role_and_label(Role::CheckBox, "继承人身份证")
        .click();
    harness.run();
    click(&mut harness, "保存到默认文件夹");
    let path = harness
        .state()
        .checklist()
        .last_export()
        .expect("written")
        .to_path_buf();
    let text = std::fs::read_to_string(&path).expect("file");
    assert!(text.contains("- [x] 继承人身份证"), "{text}");
    assert!(text.contains("- [ ] 继承人本人的银行卡"), "{text}");
    // The core renders the same ticks in every format.
    let answers: Answers = [(Fact::Deceased, "yes".to_owned())].into_iter().collect();
    let mut checklist = evaluate(
        &crate::support::shipped().set,
        Procedure::Withdrawal,
        "hefei",
        &answers,
        today(),
    )
    .expect("evaluates");
    let death = checklist
        .cases
        .iter()
        .find(|c| c.case == "death")
        .expect("death")
        .clone();
    let key = checklist.material_key(&death, 0);
    checklist.ticked.insert(key);
    let as_text =
        |format| String::from_utf8(render(&checklist, format).expect("renders")).expect("utf-8");
    assert!(as_text(ExportFormat::Text).contains("[x] 继承人身份证"));
    assert!(as_text(ExportFormat::Html).contains("<input type=\"checkbox\" checked>继承人身份证"));
    assert!(
        as_text(ExportFormat::Csv).contains(",是\n")
            || as_text(ExportFormat::Csv).contains(",是\r\n")
    );
    assert!(as_text(ExportFormat::Json).contains("hefei|death|材料|继承人身份证"));
}

/// Creates a family, types the holder's name and leaves the form open (no button pressed).
fn family_with_typed_holder(harness: &mut Harness<'_, YibaoApp>) {
    harness.run();
    click(harness, "家庭共济绑定");
    click(harness, "＋ 新建家庭");
    fill(harness, "姓名", "王喆");
    fill(harness, "个人账户余额（元）", "300");
    // Amounts apply when the field is left (so "1,250" never becomes 1.00 on the way).
    harness.key_press(Key::Tab);
    harness.run();
}

// 3. The holder's details are applied as typed, undoable, and closing asks first.
#[test]
fn the_holder_form_edits_the_family_as_typed_with_undo() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = app(dir.path(), Preferences::default());
    family_with_typed_holder(&mut harness);
    let holder = |h: &Harness<'_, YibaoApp>| {
        h.state()
            .family()
            .current_family()
            .expect("family")
            .holder
            .clone()
    };
    assert_eq!(holder(&harness).name, "王喆");
    assert_eq!(holder(&harness).balance.to_string(), "300.00");
    // An amount that cannot be applied stays in the form, and closing asks first.
    fill(&mut harness, "个人账户余额（元）", "1,250");
    // Half typed, nothing is applied yet.
    assert_eq!(holder(&harness).balance.to_string(), "300.00");
    harness.key_press(Key::Tab);
    harness.run();
    assert_eq!(holder(&harness).balance.to_string(), "300.00");
    assert!(harness.state().family().has_unsaved_changes());
    assert!(harness.query_all_by_label_contains("请用小数点").count() >= 1);
    // Undo takes back the holder's typing in one step.
    harness.key_press(Key::Escape);
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert!(holder(&harness).name.is_empty(), "{:?}", holder(&harness));
}

// 4. Removing asks first, goes to a recycle folder listed in the app, and comes back.
#[test]
fn removing_a_family_asks_first_and_can_be_taken_back() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = app(dir.path(), Preferences::default());
    family_with_typed_holder(&mut harness);
    click(&mut harness, "完成");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    let families = dir.path().join("families");
    assert_eq!(
        files_in(&families)
            .iter()
            .filter(|p| p.extension().is_some_and(|e| e == "json"))
            .count(),
        1
    );
    click(&mut harness, "移除此家庭…");
    // Asked first: nothing happened yet.
    assert!(harness.state().family().current_family().is_some());
    click(&mut harness, "移到回收站");
    assert!(harness.state().family().current_family().is_none());
    assert_eq!(files_in(&families.join("recycle")).len(), 1);
    // Undo right after brings it back.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(
        harness
            .state()
            .family()
            .current_family()
            .expect("back")
            .holder
            .name,
        "王喆"
    );
    assert!(files_in(&families.join("recycle")).is_empty());
    // Removed again, it is listed in the recycle bin and restored in one click.
    click(&mut harness, "移除此家庭…");
    click(&mut harness, "移到回收站");
    click(&mut harness, "回收站（1）");
    let restore = harness
        .query_all_by_label_contains("恢复 ")
        .next()
        .expect("restore button")
        .accesskit_node()
        .label()
        .expect("label")
        .to_owned();
    click(&mut harness, &restore);
    assert_eq!(
        harness
            .state()
            .family()
            .current_family()
            .expect("restored")
            .holder
            .name,
        "王喆"
    );
}

// 5. Two people's lists made the same day never share a name; nothing is replaced.
#[test]
fn exports_carry_who_they_are_for_and_never_replace_each_other() {
    let answers: Answers = [(Fact::Moving, "inter_province".to_owned())]
        .into_iter()
        .collect();
    let checklist = evaluate(
        &crate::support::shipped().set,
        Procedure::Transfer,
        "qingdao",
        &answers,
        today(),
    )
    .expect("evaluates");
    assert_eq!(
        file_name(&checklist, Some("王某"), ExportFormat::Pdf),
        "转移接续清单-王某-青岛市-20261130.pdf"
    );
    assert_eq!(
        file_name(&checklist, Some("a/b:c*?"), ExportFormat::Pdf),
        "转移接续清单-a_b_c__-青岛市-20261130.pdf"
    );
    let dir = tempfile::tempdir().expect("temp dir");
    let first = dir.path().join("清单.pdf");
    std::fs::write(&first, b"first").expect("write");
    let second = unused_path(&first);
    assert_ne!(second, first);
    assert!(second.to_string_lossy().ends_with("清单 (2).pdf"));
    // In the window: the same list twice gives two files, the first untouched.
    let mut harness = app(dir.path(), Preferences::default());
    harness.run();
    click(&mut harness, "提取资格清单");
    fill(
        &mut harness,
        "清单给谁（称呼，印在清单上和文件名里，可不填）",
        "王阿姨",
    );
    answer(&mut harness, "参保人是否已经去世", "是");
    click(&mut harness, "保存到默认文件夹");
    click(&mut harness, "保存到默认文件夹");
    let written = files_in(&dir.path().join("exports"));
    assert_eq!(written.len(), 2, "{written:?}");
    assert!(
        written
            .iter()
            .all(|p| p.to_string_lossy().contains("提取清单-王阿姨-"))
    );
    // The name is printed at the top of the list, where the handout says whom it is for.
    let text = std::fs::read_to_string(&written[0]).expect("file");
    assert!(text.contains("为谁办：王阿姨"), "{text}");
}

// 6. The default export folder is Documents/医保助手导出, or the home folder's, never hidden.
#[test]
fn exports_go_to_documents_or_home_never_a_hidden_folder() {
    let dir = yibao::paths::export_dir().expect("a folder");
    assert!(dir.ends_with("医保助手导出"));
    assert!(
        dir.components()
            .all(|c| !c.as_os_str().to_string_lossy().starts_with('.')),
        "{}",
        dir.display()
    );
}

// 7. The raw family file is a backup, named so, and asks before writing full ID numbers.
#[test]
fn the_family_file_is_a_backup_that_warns_about_id_numbers() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = app(dir.path(), Preferences::default());
    family_with_typed_holder(&mut harness);
    click(&mut harness, "完成");
    click(&mut harness, "备份与恢复");
    click(&mut harness, "备份到默认文件夹");
    assert!(
        harness
            .query_all_by_label_contains("完整姓名和身份证号")
            .count()
            >= 1
    );
    assert!(
        files_in(&dir.path().join("exports")).is_empty(),
        "asked first"
    );
    click(&mut harness, "我知道，继续备份");
    let written = files_in(&dir.path().join("exports"));
    assert_eq!(written.len(), 1);
    assert!(written[0].to_string_lossy().contains("家庭备份-"));
}

// 9. A duplicate ID number is refused before the member is added.
#[test]
fn a_duplicate_id_number_is_refused() {
    let mut family = Family::new("f", "王家", "nanjing");
    family.holder.id_number = Some("11010519491231002X".to_owned());
    let mut document = FamilyDocument::new(family);
    let member = |id: &str| Member {
        id: 0,
        name: "李某".to_owned(),
        id_number: Some(id.to_owned()),
        relation: yibao::domain::Relation::Spouse,
        insurance: yibao::domain::Insurance::Resident,
        region: "nanjing".to_owned(),
        status: yibao::family::BindingStatus::Planned,
        bound_on: None,
        ended_on: None,
        supported_by_others: false,
        notes: String::new(),
    };
    assert!(
        document
            .apply(FamilyEdit::AddMember(member("11010519491231002x")))
            .is_err()
    );
    assert!(document.family().members.is_empty());
    assert!(
        document
            .apply(FamilyEdit::AddMember(member("320102195001011234")))
            .is_ok()
    );
    assert!(
        document
            .apply(FamilyEdit::AddMember(member("320102195001011234")))
            .is_err()
    );
    assert_eq!(document.family().members.len(), 1);
}

// 10. A families folder that cannot be read is reported, not shown as "no families".
#[test]
fn an_unreadable_families_folder_is_reported() {
    let dir = tempfile::tempdir().expect("temp dir");
    let not_a_folder = dir.path().join("families");
    std::fs::write(&not_a_folder, b"a file where the folder should be").expect("write");
    let scan = FamilyStore::new(&not_a_folder).load_all();
    assert!(scan.families.is_empty());
    assert_eq!(scan.problems.len(), 1, "{:?}", scan.problems);
    assert!(scan.problems[0].contains("无法读取家庭文件夹"));
}

// 10. Warnings and errors go to a log file, once, in plain words.
#[test]
fn errors_are_written_to_the_log_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let log = dir.path().join("yibao.log");
    yibao::log::log_to_file(&log).expect("log file");
    yibao::log::error("export: 保存失败：test");
    let text = std::fs::read_to_string(&log).expect("log");
    assert!(text.contains("ERROR export: 保存失败：test"), "{text}");
}

// 10. No `let _ =` on a fallible call in src/ without a comment saying why.
#[test]
fn no_error_is_dropped_without_a_reason() {
    let mut offenders = Vec::new();
    let mut stack = vec![PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src")];
    while let Some(dir) = stack.pop() {
        for path in files_in(&dir) {
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap_or_default();
            let lines: Vec<&str> = text.lines().collect();
            for (i, line) in lines.iter().enumerate() {
                if !line.contains("let _ =") {
                    continue;
                }
                let explained = line.contains("//")
                    || i.checked_sub(1)
                        .is_some_and(|j| lines[j].trim_start().starts_with("//"));
                if !explained {
                    offenders.push(format!("{}:{}: {}", path.display(), i + 1, line.trim()));
                }
            }
        }
    }
    assert!(offenders.is_empty(), "{}", offenders.join("\n"));
}

// 11. An imported family whose id is `../../x` is saved inside the families folder.
#[test]
fn an_imported_family_never_escapes_the_families_folder() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut evil = Family::new("../../x", "外来家庭", "nanjing");
    evil.holder.name = "王喆".to_owned();
    let file = dir.path().join("import.json");
    std::fs::write(
        &file,
        yibao::store::family_to_json(&evil).expect("serializes"),
    )
    .expect("write");
    let mut harness = app(dir.path(), Preferences::default());
    harness.run();
    click(&mut harness, "家庭共济绑定");
    harness.state_mut().family_mut().import_file(&file);
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    let id = harness
        .state()
        .family()
        .current_family()
        .expect("imported")
        .id
        .clone();
    assert!(yibao::family::is_safe_family_id(&id), "{id}");
    assert!(
        dir.path()
            .join("families")
            .join(format!("{id}.json"))
            .exists()
    );
    // Nothing was written next to (or above) the folder.
    assert!(!dir.path().join("x.json").exists());
    assert!(!dir.path().parent().expect("parent").join("x.json").exists());
    // The store refuses such an id outright.
    assert!(
        FamilyStore::new(dir.path().join("families"))
            .save(&evil)
            .is_err()
    );
}

// 12. Ctrl+E exports the visible tab's list; Ctrl+Z on another tab leaves families alone.
#[test]
fn commands_follow_the_tab() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = app(dir.path(), Preferences::default());
    family_with_typed_holder(&mut harness);
    click(&mut harness, "完成");
    fill(&mut harness, "家人姓名", "李秀兰");
    choose(&mut harness, "关系", "配偶");
    choose(&mut harness, "家人自己的医保", "居民医保");
    harness
        .get_by_role_and_label(Role::Button, "添加家人")
        .click();
    harness.run();
    harness.key_press(Key::Escape);
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::E);
    harness.run();
    harness.run();
    let family_list = harness
        .state()
        .family()
        .last_binding_export()
        .expect("the family's list")
        .to_path_buf();
    assert!(
        family_list
            .to_string_lossy()
            .contains("家庭共济绑定清单-王某-")
    );
    assert!(harness.state().checklist().last_export().is_none());
    // On the explorer, Ctrl+Z does not touch the family.
    click(&mut harness, "政策浏览");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
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
}

// 9. A long name never pushes the card's buttons off: cut, with the whole name on hover.
#[test]
fn a_long_name_is_cut_on_the_buttons() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = app(dir.path(), Preferences::default());
    family_with_typed_holder(&mut harness);
    click(&mut harness, "完成");
    let long = "欧阳娜娜娜娜娜娜娜娜娜娜娜娜娜娜娜娜娜娜娜娜";
    fill(&mut harness, "家人姓名", long);
    choose(&mut harness, "关系", "配偶");
    choose(&mut harness, "家人自己的医保", "居民医保");
    harness
        .get_by_role_and_label(Role::Button, "添加家人")
        .click();
    harness.run();
    harness.get_by_label("修改 欧阳娜娜娜娜娜娜…");
    assert!(harness.query_by_label(&format!("修改 {long}")).is_none());
}

// Ticks belong to the item, not to its place: another region's list (or other answers) never
// shows the user's ticks on items they did not tick.
#[test]
fn ticks_stay_with_the_item_they_were_made_on() {
    let answers: Answers = [(Fact::Deceased, "yes".to_owned())].into_iter().collect();
    let set = &crate::support::shipped().set;
    let hefei = evaluate(set, Procedure::Withdrawal, "hefei", &answers, today()).expect("hefei");
    let death = hefei
        .cases
        .iter()
        .find(|c| c.case == "death")
        .expect("death");
    let ticked: std::collections::BTreeSet<String> =
        [hefei.material_key(death, 0)].into_iter().collect();
    let mut nanjing =
        evaluate(set, Procedure::Withdrawal, "nanjing", &answers, today()).expect("nanjing");
    nanjing.keep_ticks_shown(&ticked);
    assert!(nanjing.ticked.is_empty(), "{:?}", nanjing.ticked);
    let mut again = hefei.clone();
    again.keep_ticks_shown(&ticked);
    assert_eq!(again.ticked.len(), 1);
}

// Two files with the same id inside load as two families; a Windows device name is no id.
#[test]
fn copied_family_files_load_as_two_families() {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = FamilyStore::new(dir.path());
    let family = Family::new("family-1", "王家", "nanjing");
    store.save(&family).expect("saved");
    std::fs::copy(
        dir.path().join("family-1.json"),
        dir.path().join("family-1 (copy).json"),
    )
    .expect("copied");
    let scan = store.load_all();
    assert_eq!(scan.families.len(), 2);
    assert_ne!(scan.families[0].id, scan.families[1].id);
    assert!(!yibao::family::is_safe_family_id("nul"));
    assert!(!yibao::family::is_safe_family_id("com1"));
}

// 8. A community worker's day: the lists exported today are listed again, by day, after a
// restart, and one can be made again (a new file; the old one untouched).
#[test]
fn todays_lists_are_listed_again_and_can_be_made_again() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = app(dir.path(), Preferences::default());
    harness.run();
    click(&mut harness, "提取资格清单");
    fill(
        &mut harness,
        "清单给谁（称呼，印在清单上和文件名里，可不填）",
        "王阿姨",
    );
    answer(&mut harness, "参保人是否已经去世", "是");
    click(&mut harness, "保存到默认文件夹");
    let first = files_in(&dir.path().join("exports"));
    assert_eq!(first.len(), 1);
    let before = std::fs::read(&first[0]).expect("file");
    drop(harness);
    // The next session lists it under today.
    let mut harness = app(dir.path(), Preferences::default());
    harness.run();
    click(&mut harness, "导出记录");
    harness.get_by_label_contains("今天（2026-11-30） · 1");
    harness.get_by_label_contains("王阿姨 · 个人账户一次性支取 · 合肥市");
    click(&mut harness, "重新生成");
    let written = files_in(&dir.path().join("exports"));
    assert_eq!(written.len(), 2, "{written:?}");
    assert_eq!(
        std::fs::read(&first[0]).expect("file"),
        before,
        "the first file is untouched"
    );
    let made = written
        .iter()
        .find(|p| p.extension().is_some_and(|e| e == "pdf"))
        .expect("made again as PDF, the tab's default format");
    assert!(made.to_string_lossy().contains("提取清单-王阿姨-"));
    harness.get_by_label_contains("今天（2026-11-30） · 2");
}
