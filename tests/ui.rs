//! The window, driven headless with egui_kittest: widgets found by label, as a user sees them.

use chrono::NaiveDate;
use eframe::egui::accesskit::Role;
use eframe::egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use yibao::domain::Topic;
use yibao::ui::commands::UiCommand;
use yibao::ui::{AppStorage, Preferences, Tab, YibaoApp, fonts};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).expect("date")
}

fn harness_with(preferences: Preferences, size: [f32; 2]) -> Harness<'static, YibaoApp> {
    let report = crate::support::shipped();
    Harness::builder().with_size(size).build_eframe(move |cc| {
        YibaoApp::new(
            &cc.egui_ctx,
            report,
            preferences,
            today(),
            AppStorage::default(),
        )
    })
}

/// The window as a returning user left it on the policy explorer.
fn app_harness() -> Harness<'static, YibaoApp> {
    harness_with(explorer_preferences(), [1024.0, 700.0])
}

fn explorer_preferences() -> Preferences {
    Preferences {
        tab: Some(Tab::Explorer),
        ..Preferences::default()
    }
}

/// The text a node shows (labels keep it in `value`, buttons in `label`).
fn shown(node: &egui_kittest::Node<'_>) -> String {
    use egui_kittest::kittest::NodeT;
    node.value()
        .or_else(|| node.accesskit_node().label())
        .unwrap_or_default()
}

#[test]
fn the_three_tabs_exist_and_switch() {
    let mut harness = app_harness();
    harness.run();
    for tab in Tab::ALL.iter().copied() {
        harness.get_by_label(tab.label(yibao::text::Lang::Zh));
    }
    harness.get_by_label("家庭共济绑定").click();
    harness.run();
    assert_eq!(harness.state().tab(), Tab::Family);
    harness.get_by_label_contains("新建家庭”开始");
    harness.get_by_label("提取资格清单").click();
    harness.run();
    assert_eq!(harness.state().tab(), Tab::Checklist);
    harness.get_by_label_contains("请回答下面的问题");
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
            .any(|node| shown(&node).contains("医保办发〔2021〕43号"))
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
    harness.get_by_label("个人账户提取").click();
    harness.run();
    assert!(harness.query_all_by_label_contains("74种大病").count() >= 1);
    assert!(
        harness
            .query_all_by_label_contains("更正：")
            .any(|node| shown(&node).contains("74种"))
    );
    assert!(harness.query_all_by_label("错误说法").count() >= 1);
}

#[test]
fn typing_gj_lists_family_sharing_from_several_regions_and_a_click_selects_one() {
    let mut harness = app_harness();
    harness.run();
    harness.get_by_label("搜索").click();
    harness.run();
    harness.get_by_label("搜索").type_text("gj");
    harness.run();
    // Results come 50 to a page: gather the groups of every page.
    let mut groups: Vec<String> = Vec::new();
    loop {
        groups.extend(
            harness
                .query_all_by_label_contains(" · 家庭共济")
                .map(|node| shown(&node)),
        );
        let next = harness.get_by_label("下一页");
        if next.accesskit_node().is_disabled() {
            break;
        }
        next.click();
        harness.run();
    }
    groups.dedup();
    assert!(groups.len() >= 3, "groups: {groups:?}");
    assert!(groups.iter().any(|g| g.starts_with("青岛市")));
    assert!(groups.iter().any(|g| g.starts_with("全国")));

    while harness
        .query_by_label("上一页")
        .is_some_and(|b| !b.accesskit_node().is_disabled())
    {
        harness.get_by_label("上一页").click();
        harness.run();
    }
    let target = harness
        .query_all_by_label_contains("个人医保钱包")
        .find(|node| shown(node).starts_with("［官方依据］"))
        .expect("a result about the wallet");
    target.click();
    harness.run();
    let explorer = harness.state().explorer();
    let selected = explorer
        .selected()
        .expect("a statement is selected")
        .clone();
    assert_eq!(explorer.region(), selected.region);
    assert_eq!(explorer.topic(), Topic::FamilySharing);
    // The results give way to the cards, and the chosen card is on screen.
    assert!(harness.query_by_label_contains("返回搜索结果").is_some());
    assert!(harness.query_all_by_label_contains("个人医保钱包").count() >= 1);
}

#[test]
fn escape_clears_the_search_and_ctrl_f_focuses_it() {
    let mut harness = app_harness();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::F);
    harness.run();
    assert!(harness.get_by_label("搜索").is_focused());
    harness.get_by_label("搜索").type_text("共济");
    harness.run();
    assert!(
        harness
            .query_by_label_contains("（Esc 清除搜索）")
            .is_some()
    );
    harness.key_press(Key::Escape);
    harness.run();
    assert!(
        harness
            .query_by_label_contains("（Esc 清除搜索）")
            .is_none()
    );
    assert_eq!(harness.get_by_label("搜索").value().unwrap_or_default(), "");
}

#[test]
fn comparing_qingdao_and_nanjing_on_family_sharing_marks_differences() {
    let mut harness = app_harness();
    harness.run();
    harness.get_by_label("对比地区").click();
    harness.run();
    // Starts with 青岛 and 合肥; swap 合肥 for 南京.
    harness
        .get_by_role_and_label(Role::CheckBox, "合肥市")
        .click();
    harness.run();
    harness
        .get_by_role_and_label(Role::CheckBox, "南京市")
        .click();
    harness.run();
    assert_eq!(
        harness.state().explorer().compare_regions(),
        ["qingdao", "nanjing"]
    );
    harness.get_by_label_contains("青岛市 / 南京市 · 家庭共济");
    assert!(harness.query_all_by_label_contains("⚠ 各地不同").count() >= 1);
    assert!(
        harness
            .query_all_by_label_contains("⚠ 仅 南京市 有")
            .count()
            >= 1
    );
    assert!(
        harness
            .query_all_by_label_contains("⚠ 仅 青岛市 有")
            .count()
            >= 1
    );
    assert!(
        harness
            .query_all_by_label_contains("（本地区没有这一条）")
            .count()
            >= 2
    );
}

#[test]
fn an_earlier_as_of_date_hides_statements_that_start_later() {
    let mut harness = app_harness();
    harness.run();
    let rule_2021 = "全国所有省份都已实现职工医保个人账户省内共济";
    assert!(harness.query_by_label_contains(rule_2021).is_some());
    let field = harness.get_by_label("查看日期");
    field.click();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.get_by_label("查看日期").type_text("2020-01-01");
    harness.run();
    assert_eq!(
        harness.state().explorer().as_of(),
        NaiveDate::from_ymd_opt(2020, 1, 1).expect("date")
    );
    assert!(harness.query_by_label_contains(rule_2021).is_none());
    harness.get_by_label_contains("不在有效期内，已隐藏");
    // Statements without a start date stay.
    harness.get_by_label_contains("近亲属只有八类");
    harness.get_by_label("今天").click();
    harness.run();
    assert!(harness.query_by_label_contains(rule_2021).is_some());
}

#[test]
fn a_bad_as_of_date_says_what_is_wrong_and_keeps_the_last_good_one() {
    let mut harness = app_harness();
    harness.run();
    harness.get_by_label("查看日期").click();
    harness.run();
    harness.get_by_label("查看日期").type_text("x");
    harness.run();
    harness.get_by_label_contains("不是有效日期，请按 2024-07-01 的格式填写");
    assert_eq!(harness.state().explorer().as_of(), today());
}

#[test]
fn the_bibliography_lists_sources_with_the_statements_citing_them() {
    let mut harness = app_harness();
    harness.run();
    harness.get_by_label("南京市").click();
    harness.run();
    harness.get_by_label("资料来源").click();
    harness.run();
    harness.get_by_label_contains("南京市 可见的资料来源共");
    assert!(
        harness
            .query_all_by_label_contains("中华人民共和国民法典 第一千零四十五条")
            .count()
            >= 1
    );
    assert!(harness.query_all_by_label_contains("被 ").count() >= 3);
}

#[test]
fn arrow_keys_move_through_the_region_list() {
    let mut harness = app_harness();
    harness.run();
    harness.get_by_label("全国").focus();
    harness.run();
    harness.key_press(Key::ArrowDown);
    harness.run();
    assert_eq!(harness.state().explorer().region(), "anhui");
    harness.key_press(Key::ArrowDown);
    harness.run();
    assert_eq!(harness.state().explorer().region(), "hefei");
    harness.key_press(Key::ArrowUp);
    harness.run();
    assert_eq!(harness.state().explorer().region(), "anhui");
}

#[test]
fn zoom_shortcuts_change_and_reset_the_zoom() {
    let mut harness = app_harness();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Equals);
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Equals);
    harness.run();
    assert!((harness.state().preferences().zoom - 1.2).abs() < 1e-6);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Minus);
    harness.run();
    assert!((harness.state().preferences().zoom - 1.1).abs() < 1e-6);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Num0);
    harness.run();
    assert!((harness.state().preferences().zoom - 1.0).abs() < 1e-6);
}

#[test]
fn saved_preferences_restore_region_topic_and_zoom() {
    let preferences = Preferences {
        region: "nanjing".to_owned(),
        topic: Topic::Transfer,
        zoom: 1.3,
        ..explorer_preferences()
    };
    let mut harness = harness_with(preferences.clone(), [1024.0, 700.0]);
    harness.run();
    harness.get_by_label_contains("全国 › 江苏省 › 南京市 · 转移接续");
    assert_eq!(harness.state().preferences(), preferences);
    // They survive a round trip through the storage format.
    let text = serde_json::to_string(&preferences).expect("serialize");
    let back: Preferences = serde_json::from_str(&text).expect("deserialize");
    assert_eq!(back, preferences);
    // A region that no longer exists falls back to the national view.
    let gone = Preferences {
        region: "atlantis".to_owned(),
        ..explorer_preferences()
    };
    let harness = harness_with(gone, [1024.0, 700.0]);
    assert_eq!(harness.state().explorer().region(), "national");
}

#[test]
fn no_two_commands_share_a_shortcut() {
    let mut seen = Vec::new();
    for command in UiCommand::ALL.iter().copied() {
        for shortcut in command.shortcuts() {
            assert!(!seen.contains(shortcut), "{command:?} reuses {shortcut:?}");
            seen.push(*shortcut);
        }
    }
}

/// On every platform's keyboard (Ctrl on Windows and Linux, Cmd on macOS), pressing a
/// command's shortcut runs that command and no other: commands are matched in order with
/// egui's logical matching (extra Shift is ignored), so the first match must be the command
/// itself.
#[test]
fn each_shortcut_runs_its_own_command_on_every_platform() {
    use eframe::egui::Modifiers;
    let platforms = [
        ("Windows/Linux", Modifiers::CTRL | Modifiers::COMMAND),
        ("macOS", Modifiers::MAC_CMD | Modifiers::COMMAND),
    ];
    for (platform, command_keys) in platforms {
        for command in UiCommand::ALL.iter().copied() {
            for shortcut in command.shortcuts() {
                let mut pressed = Modifiers::NONE;
                if shortcut.modifiers.command {
                    pressed |= command_keys;
                }
                pressed.shift = shortcut.modifiers.shift;
                pressed.alt = shortcut.modifiers.alt;
                let first = UiCommand::ALL.iter().copied().find(|candidate| {
                    candidate.shortcuts().iter().any(|other| {
                        other.logical_key == shortcut.logical_key
                            && pressed.matches_logically(other.modifiers)
                    })
                });
                assert_eq!(
                    first,
                    Some(command),
                    "{platform}: {shortcut:?} runs {first:?}, not {command:?}"
                );
            }
        }
    }
}

#[test]
fn the_window_works_at_1024_by_600() {
    let mut harness = harness_with(explorer_preferences(), [1024.0, 600.0]);
    harness.run();
    // 南京 is on screen; the list scrolls to the regions below it.
    harness.get_by_label("南京市").click();
    harness.run();
    harness.get_by_label("违规与处罚").click();
    harness.run();
    harness.get_by_label_contains("全国 › 江苏省 › 南京市 · 违规与处罚");
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

#[test]
fn everyday_words_and_any_reading_find_rules_in_the_window() {
    // Issue 14: a 72-year-old types 过世, not 去世; yinhang is 银行 though 行 is first xíng.
    let mut harness = app_harness();
    harness.run();
    harness.get_by_label("搜索").click();
    harness.run();
    harness.get_by_label("搜索").type_text("过世");
    harness.run();
    assert!(
        harness
            .query_all_by_label_contains("去世")
            .any(|node| shown(&node).starts_with("［")),
        "no result card mentions 去世"
    );
    harness.key_press(Key::Escape);
    harness.run();
    harness.get_by_label("搜索").click();
    harness.run();
    harness.get_by_label("搜索").type_text("yinhang");
    harness.run();
    assert!(
        harness
            .query_all_by_label_contains("银行")
            .any(|node| shown(&node).starts_with("［")),
        "no result mentions 银行"
    );
}

// Issue 14: the start page "我要办什么". A first start lands there; the place of insurance is
// asked once; each errand leads into the right tab and procedure; a returning user lands where
// they left off, and the start page is one click away.
#[test]
fn the_start_page_leads_into_the_errand_and_remembers_the_place() {
    let mut harness = harness_with(Preferences::default(), [1024.0, 700.0]);
    harness.run();
    assert_eq!(harness.state().tab(), Tab::Start);
    harness.get_by_label("我要办什么");
    // An errand before the place is chosen says what to do first and stays here.
    harness.get_by_label("家人去世，取余额").click();
    harness.run();
    assert_eq!(harness.state().tab(), Tab::Start);
    harness.get_by_label_contains("⚠ 先选参保的城市");
    harness
        .get_by_role_and_label(Role::ComboBox, "您在哪里参保？")
        .click();
    harness.run();
    // 368 places: the list's filter narrows them as one types (汉字 or pinyin).
    harness
        .query_all_by_role(Role::TextInput)
        .find(|node| node.is_focused())
        .expect("the filter has the focus")
        .type_text("hf");
    harness.run();
    harness.get_by_label("合肥市").click();
    harness.run();
    // Asked once: every tab now starts from 合肥.
    assert_eq!(harness.state().explorer().region(), "hefei");
    harness.get_by_label("家人去世，取余额").click();
    harness.run();
    assert_eq!(harness.state().tab(), Tab::Checklist);
    let preferences = harness.state().preferences();
    assert_eq!(preferences.home_region, "hefei");
    assert_eq!(preferences.tab, Some(Tab::Checklist));
    // The withdrawal list for a death in 合肥, already answered 是.
    harness.get_by_label_contains("个人账户一次性支取 · 合肥市");
    assert!(
        harness
            .query_all_by_label_contains("参保人去世，继承人支取余额")
            .count()
            >= 1
    );

    // The next start: where they left off, and the start page one click away with the
    // place remembered.
    let mut harness = harness_with(preferences, [1024.0, 700.0]);
    harness.run();
    assert_eq!(harness.state().tab(), Tab::Checklist);
    harness.get_by_label("首页").click();
    harness.run();
    assert_eq!(harness.state().tab(), Tab::Start);
    harness.get_by_label_contains("已记住");
    harness.get_by_label("查余额").click();
    harness.run();
    assert_eq!(harness.state().tab(), Tab::Explorer);
    assert_eq!(harness.state().explorer().region(), "hefei");
    assert_eq!(harness.state().explorer().topic(), Topic::BalanceQuery);
}

// Issue 14: no internal id reaches a user: statement keys leave the compare view, source ids
// leave 资料来源, and an article the app started from is 网络文章《title》, not a file name.
#[test]
fn no_internal_id_is_shown_in_compare_or_sources() {
    let report = crate::support::shipped();
    let mut statement_keys: Vec<String> = Vec::new();
    let mut source_ids: Vec<String> = Vec::new();
    for region in report.set.regions_in_tree_order() {
        statement_keys.extend(region.statements.iter().map(|s| s.key().to_owned()));
        source_ids.extend(region.sources.keys().cloned());
        for source in region.sources.values() {
            let citation = source.citation();
            if source.seed.is_some() {
                assert!(
                    citation.contains(&format!("网络文章《{}》", source.title)),
                    "{citation}"
                );
                assert!(!citation.contains(".txt"), "{citation}");
            }
        }
    }
    let shown_everywhere = |harness: &Harness<'_, YibaoApp>| -> Vec<String> {
        harness
            .query_all_by_label_contains("")
            .map(|node| shown(&node))
            .collect()
    };
    let mut harness = app_harness();
    harness.run();
    harness.get_by_label("对比地区").click();
    harness.run();
    for text in shown_everywhere(&harness) {
        for key in &statement_keys {
            assert!(
                !text.contains(key.as_str()),
                "the compare view shows {key}: {text}"
            );
        }
    }
    harness.get_by_label("资料来源").click();
    harness.run();
    // 合肥's file cites the article the app started from.
    harness.get_by_label("合肥市").click();
    harness.run();
    let texts = shown_everywhere(&harness);
    assert!(
        texts.iter().any(|t| t.contains("网络文章《")),
        "a seed article is listed"
    );
    for text in texts {
        for id in &source_ids {
            // Ids are ASCII words (seed_001, civil_code_1045); a URL may contain letters.
            assert!(
                !text
                    .split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                    .any(|word| word == id),
                "资料来源 shows the id {id}: {text}"
            );
        }
    }
}

// Issue 14: jargon gets a short explanation, kept as data beside the policies; on hover, and
// inline after a click.
#[test]
fn jargon_on_a_card_is_explained_on_click() {
    let report = crate::support::shipped();
    let glossary = report.set.resolve("national").expect("root").glossary();
    for term in [
        "统筹地区",
        "经办机构",
        "医保电子凭证",
        "共济额度",
        "联网结算",
    ] {
        assert!(
            glossary
                .iter()
                .any(|entry| entry.term == term && !entry.means.is_empty()),
            "{term} is not explained"
        );
    }
    // A tall window, so the cards using the word are on screen.
    let mut harness = harness_with(explorer_preferences(), [1024.0, 2400.0]);
    harness.run();
    harness.get_by_label("个人账户提取").click();
    harness.run();
    // The first card on screen that uses the word.
    let term = harness
        .query_all_by_label_contains("经办机构 ⓘ")
        .min_by(|a, b| a.rect().top().total_cmp(&b.rect().top()))
        .expect("a card explains 经办机构");
    assert!(term.rect().top() < 2400.0, "on screen");
    term.click();
    harness.run();
    harness.get_by_label_contains("经办机构：医保经办机构：具体办理医保业务的单位和窗口");
}

// Issue 14: finding a rule with the keyboard alone: Ctrl+F, an everyday word, Tab to a
// result, Enter opens it among the cards.
#[test]
fn a_rule_can_be_found_with_the_keyboard_alone() {
    let mut harness = app_harness();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::F);
    harness.run();
    harness.get_by_label("搜索").type_text("过世");
    harness.run();
    let mut reached = false;
    for _ in 0..60 {
        harness.key_press(Key::Tab);
        harness.run();
        if harness
            .query_all_by_label_contains("去世")
            .any(|node| node.is_focused() && shown(&node).starts_with("［"))
        {
            reached = true;
            break;
        }
    }
    assert!(reached, "Tab never reaches a result");
    harness.key_press(Key::Enter);
    harness.run();
    let selected = harness
        .state()
        .explorer()
        .selected()
        .expect("Enter opens the result")
        .clone();
    assert_eq!(harness.state().explorer().region(), selected.region);
    assert!(harness.query_by_label_contains("返回搜索结果").is_some());
}

// Issue 14: the window works at 800×600: on every tab, no button is cut off at the right, and
// the header leaves most of the height to the tab.
#[test]
fn every_tab_fits_800_by_600() {
    let preferences = Preferences {
        home_region: "nanjing".to_owned(),
        ..Preferences::default()
    };
    let mut harness = harness_with(preferences, [800.0, 600.0]);
    harness.run();
    for tab in Tab::ALL.iter().copied() {
        harness
            .get_by_role_and_label(Role::Button, tab.label(yibao::text::Lang::Zh))
            .click();
        harness.run();
        harness.run();
        for button in harness.query_all_by_role(Role::Button) {
            let rect = button.rect();
            assert!(
                rect.right() <= 801.0,
                "{tab:?}: {} reaches x = {}",
                shown(&button),
                rect.right()
            );
        }
        // The tabs' own content starts in the upper quarter of the window.
        let tab_button =
            harness.get_by_role_and_label(Role::Button, tab.label(yibao::text::Lang::Zh));
        assert!(
            tab_button.rect().bottom() < 150.0,
            "{tab:?}: the header is too tall"
        );
    }
}

// Issue 15: every place of China can be chosen; typing "cd" finds 成都 (under 四川省), and a
// place without rules of its own uses its ancestors'.
#[test]
fn typing_cd_in_the_place_list_finds_chengdu() {
    let mut harness = harness_with(Preferences::default(), [1024.0, 900.0]);
    harness.run();
    harness
        .get_by_role_and_label(Role::ComboBox, "您在哪里参保？")
        .click();
    harness.run();
    harness
        .query_all_by_role(Role::TextInput)
        .find(|node| node.is_focused())
        .expect("the filter has the focus")
        .type_text("cd");
    harness.run();
    let province = harness.get_by_label_contains("四川省");
    let city = harness.get_by_label("成都市");
    assert!(
        province.rect().top() < city.rect().top(),
        "the city under its province"
    );
    assert!(
        harness.query_by_label("南京市").is_none(),
        "the list is narrowed"
    );
    city.click();
    harness.run();
    assert_eq!(harness.state().preferences().home_region, "chengdu");
    harness.get_by_label("看政策").click();
    harness.run();
    assert_eq!(harness.state().explorer().region(), "chengdu");
    harness.get_by_label_contains("全国 › 四川省 › 成都市");
}

// Issue 15: the search index is built off the start-up path: the first frame does not wait
// for it, the search box says so, and a query typed meanwhile is answered when it is ready.
#[test]
fn the_search_index_is_built_after_the_first_frame() {
    let report = crate::support::shipped();
    let mut harness = Harness::builder()
        .with_size([1024.0, 700.0])
        .build_eframe(move |cc| {
            YibaoApp::new(
                &cc.egui_ctx,
                report,
                explorer_preferences(),
                today(),
                AppStorage {
                    background_index: true,
                    ..AppStorage::default()
                },
            )
        });
    harness.step();
    // The first frame is drawn before the index exists.
    harness.get_by_label("搜索").type_text("共济");
    let mut ready = false;
    for _ in 0..500 {
        harness.step();
        if harness.query_by_label("正在建立索引…").is_none() {
            ready = true;
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    assert!(ready, "the index never became ready");
    harness.run();
    assert!(
        harness.query_all_by_label_contains(" · 家庭共济").count() >= 1,
        "the query typed while building is answered"
    );
}

/// The window as the system placed it: `outer` points on a screen of `monitor` points.
fn place_window(harness: &mut Harness<'static, YibaoApp>, monitor: [f32; 2], outer: [f32; 2]) {
    use eframe::egui::{Rect, ViewportId, pos2, vec2};
    let viewport = harness
        .input_mut()
        .viewports
        .entry(ViewportId::ROOT)
        .or_default();
    viewport.monitor_size = Some(vec2(monitor[0], monitor[1]));
    viewport.outer_rect = Some(Rect::from_min_size(
        pos2(26.0, 26.0),
        vec2(outer[0], outer[1]),
    ));
}

fn asked_to_maximize(harness: &Harness<'static, YibaoApp>) -> bool {
    use eframe::egui::{ViewportCommand, ViewportId};
    harness.output().viewport_output[&ViewportId::ROOT]
        .commands
        .contains(&ViewportCommand::Maximized(true))
}

#[test]
fn on_a_1366_by_768_laptop_the_window_opens_maximized_so_nothing_hides_behind_the_taskbar() {
    // The default 1100×720 window with Windows 10's frame.
    let mut harness = harness_with(Preferences::default(), [1100.0, 720.0]);
    place_window(&mut harness, [1366.0, 768.0], [1116.0, 759.0]);
    harness.step();
    assert!(asked_to_maximize(&harness));
    // Once: a user who then makes the window smaller keeps it.
    harness.step();
    assert!(!asked_to_maximize(&harness));
}

#[test]
fn on_a_large_screen_the_window_keeps_its_size() {
    let mut harness = harness_with(Preferences::default(), [1100.0, 720.0]);
    place_window(&mut harness, [1920.0, 1080.0], [1116.0, 759.0]);
    harness.step();
    assert!(!asked_to_maximize(&harness));
}
