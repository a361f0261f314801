//! The command line, run as a user would: the real binary, exit codes and output.

use std::process::{Command, Output};

use serde_json::Value;

/// Runs `yibao` with `args`, isolated from the developer's own data directory.
fn yibao(args: &[&str]) -> Output {
    let home = tempfile::tempdir().expect("temp dir");
    Command::new(env!("CARGO_BIN_EXE_yibao"))
        .args(args)
        .env("HOME", home.path())
        .env("XDG_DATA_HOME", home.path().join("data"))
        .output()
        .expect("run yibao")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn policies_check_passes_on_the_shipped_files() {
    let output = yibao(&["policies", "check"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let files = crate::support::shipped_file_count();
    assert!(
        stdout(&output).starts_with(&format!("ok: {files} regions")),
        "{}",
        stdout(&output)
    );
}

#[test]
fn policies_check_passes_on_the_repository_folder() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/policies");
    let output = yibao(&["policies", "check", dir]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
}

#[test]
fn policies_check_fails_with_located_messages_on_a_broken_folder() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(
        dir.path().join("nanjing.toml"),
        "[region]\nid = \"nanjing\"\nname = \"南京市\"\nparent = \"jiangsu\"\nmayor = \"x\"\n",
    )
    .expect("write");
    std::fs::write(dir.path().join("broken.toml"), "[region\n").expect("write");
    let output = yibao(&[
        "policies",
        "check",
        dir.path().to_str().expect("utf-8 path"),
    ]);
    assert_eq!(output.status.code(), Some(1));
    let messages = stderr(&output);
    let nanjing = dir.path().join("nanjing.toml");
    let broken = dir.path().join("broken.toml");
    assert!(
        messages.contains(&format!("{}:5:1: unknown field `mayor`", nanjing.display())),
        "{messages}"
    );
    assert!(
        messages.contains(&format!("{}:1:", broken.display())) && messages.contains("invalid TOML"),
        "{messages}"
    );
}

#[test]
fn policies_show_nanjing_transfer_as_json_lists_statements_with_sources() {
    let output = yibao(&[
        "policies", "show", "nanjing", "--topic", "transfer", "--format", "json",
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let json: Value = serde_json::from_str(&stdout(&output)).expect("valid JSON");
    let statements = json.as_array().expect("an array");
    assert!(statements.len() >= 5);
    let mut regions = std::collections::BTreeSet::new();
    for statement in statements {
        assert_eq!(statement["topic"], "transfer");
        for key in ["id", "region", "text", "confidence"] {
            assert!(
                statement[key].as_str().is_some_and(|v| !v.is_empty()),
                "{key} in {statement}"
            );
        }
        let sources = statement["sources"].as_array().expect("sources");
        assert!(!sources.is_empty(), "{statement}");
        assert!(
            sources
                .iter()
                .all(|s| s["title"].as_str().is_some_and(|t| !t.is_empty()))
        );
        regions.insert(statement["region"].as_str().unwrap_or_default().to_owned());
    }
    // Inherited and local statements, each saying where it is defined.
    assert!(
        regions.contains("national") && regions.contains("nanjing"),
        "{regions:?}"
    );
    assert!(
        statements
            .iter()
            .any(|s| s["sources"].as_array().is_some_and(|src| src
                .iter()
                .any(|x| x["doc_number"] == "医保办发〔2021〕43号")))
    );
}

#[test]
fn policies_show_qingdao_gives_every_statement_a_source_and_confidence() {
    let output = yibao(&["policies", "show", "qingdao", "--format", "json"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let json: Value = serde_json::from_str(&stdout(&output)).expect("valid JSON");
    let statements = json.as_array().expect("an array");
    assert!(statements.len() > 40);
    let confidences = ["official", "reported", "local", "disputed", "false"];
    for statement in statements {
        assert!(confidences.contains(&statement["confidence"].as_str().unwrap_or("")));
        assert!(!statement["sources"].as_array().expect("sources").is_empty());
    }
}

#[test]
fn policies_show_text_is_readable_chinese() {
    let output = yibao(&["policies", "show", "hefei", "--topic", "withdrawal"]);
    assert_eq!(output.status.code(), Some(0));
    let text = stdout(&output);
    assert!(text.starts_with("全国 › 安徽省 › 合肥市"));
    assert!(text.contains("[错误说法]") && text.contains("更正：") && text.contains("74种"));
}

#[test]
fn an_unknown_region_is_an_input_error_and_a_bad_topic_a_usage_error() {
    let output = yibao(&["policies", "show", "atlantis"]);
    assert_eq!(output.status.code(), Some(1));
    // The message names the place and says how to find the right one (368 places would be
    // too many to list).
    let message = stderr(&output);
    assert!(message.contains("unknown region \"atlantis\""), "{message}");
    assert!(message.contains("yibao policies regions"), "{message}");

    let output = yibao(&["policies", "show", "nanjing", "--topic", "taxes"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("unknown topic \"taxes\""));
}

#[test]
fn an_override_folder_changes_what_show_prints() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(
        dir.path().join("hefei.toml"),
        r#"[region]
id = "hefei"
name = "合肥市"
parent = "anhui"

[sources.guide]
title = "合肥市医保经办指南"
issuer = "合肥市医疗保障局"
grade = "A"
level = "city"

[[statements]]
id = "fees.none"
topic = "fees"
text = "合肥：办理不收费。"
confidence = "official"
sources = ["guide"]
verified_on = 2026-11-23
"#,
    )
    .expect("write");
    let output = yibao(&[
        "--policies",
        dir.path().to_str().expect("utf-8"),
        "policies",
        "show",
        "hefei",
        "--topic",
        "fees",
        "--format",
        "json",
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let json: Value = serde_json::from_str(&stdout(&output)).expect("json");
    let fees_none = json
        .as_array()
        .expect("array")
        .iter()
        .find(|s| s["id"] == "fees.none")
        .expect("present");
    assert_eq!(fees_none["region"], "hefei");
    assert_eq!(fees_none["text"], "合肥：办理不收费。");
}

#[test]
fn family_check_answers_in_the_domain_json_shape() {
    let output = yibao(&[
        "family",
        "check",
        "--region",
        "qingdao",
        "--holder-insurance",
        "employee",
        "--relation",
        "maternal_grandparent",
        "--member-insurance",
        "resident",
        "--format",
        "json",
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let json: Value = serde_json::from_str(&stdout(&output)).expect("json");
    assert_eq!(json["verdict"], "eligible");
    assert_eq!(
        json["allowed_uses"],
        serde_json::json!(["medical_self_pay", "pharmacy", "resident_premium"])
    );
    let reasons = json["reasons"].as_array().expect("reasons");
    assert!(
        reasons
            .iter()
            .all(|r| r["text"].as_str().is_some_and(|t| !t.is_empty()))
    );
    assert!(
        reasons
            .iter()
            .any(|r| r["sources"][0]["doc_number"].is_string())
    );

    let output = yibao(&[
        "family",
        "check",
        "--region",
        "nanjing",
        "--holder-insurance",
        "employee",
        "--relation",
        "parent_in_law",
        "--member-insurance",
        "employee",
    ]);
    assert_eq!(output.status.code(), Some(0));
    assert!(stdout(&output).contains("不符合") && stdout(&output).contains("不是近亲属"));

    let output = yibao(&[
        "family",
        "check",
        "--region",
        "atlantis",
        "--holder-insurance",
        "employee",
        "--relation",
        "spouse",
        "--member-insurance",
        "employee",
    ]);
    assert_eq!(output.status.code(), Some(1));
    let output = yibao(&[
        "family",
        "check",
        "--region",
        "nanjing",
        "--holder-insurance",
        "boss",
        "--relation",
        "spouse",
        "--member-insurance",
        "employee",
    ]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("expected one of: employee, resident, none"));
}

#[test]
fn checklist_json_has_the_domain_shape() {
    let output = yibao(&[
        "checklist",
        "withdrawal",
        "--region",
        "hefei",
        "--answer",
        "deceased=yes",
        "--format",
        "json",
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let json: Value = serde_json::from_str(&stdout(&output)).expect("json");
    assert_eq!(json["procedure"], "withdrawal");
    assert_eq!(json["region"], "hefei");
    assert!(json["policy_version"].is_string() && json["fingerprint"].is_string());
    assert!(!json["warnings"].as_array().expect("warnings").is_empty());
    let death = json["cases"]
        .as_array()
        .expect("cases")
        .iter()
        .find(|c| c["case"] == "death")
        .expect("death case");
    assert_eq!(death["verdict"], "eligible");
    for key in ["reasons", "materials", "steps", "what_would_change"] {
        assert!(death[key].is_array(), "{key}");
    }
    assert!(
        death["materials"]
            .as_array()
            .expect("materials")
            .iter()
            .any(|m| m["item"] == "死亡证明")
    );
}

#[test]
fn checklist_rejects_bad_answers_naming_the_allowed_ones_and_writes_files() {
    let output = yibao(&[
        "checklist",
        "withdrawal",
        "--region",
        "hefei",
        "--answer",
        "deceased=maybe",
    ]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("expected one of: yes, no"),
        "{}",
        stderr(&output)
    );
    let output = yibao(&[
        "checklist",
        "withdrawal",
        "--region",
        "hefei",
        "--answer",
        "mood=happy",
    ]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("unknown fact \"mood\""));
    let output = yibao(&[
        "checklist",
        "withdrawal",
        "--region",
        "hefei",
        "--list-questions",
    ]);
    assert_eq!(output.status.code(), Some(0));
    assert!(stdout(&output).contains("deceased\t") && stdout(&output).contains("yes=是"));

    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("清单.html");
    let output = yibao(&[
        "checklist",
        "withdrawal",
        "--region",
        "qingdao",
        "--answer",
        "deceased=no",
        "--answer",
        "settled_abroad=yes",
        "-o",
        file.to_str().expect("utf-8"),
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let html = std::fs::read_to_string(&file).expect("written");
    assert!(html.starts_with("<!DOCTYPE html>") && html.contains("出国（境）定居证明"));
    let csv_file = dir.path().join("list.csv");
    let output = yibao(&[
        "checklist",
        "withdrawal",
        "--region",
        "qingdao",
        "--format",
        "csv",
        "-o",
        csv_file.to_str().expect("utf-8"),
    ]);
    assert_eq!(output.status.code(), Some(0));
    assert!(
        std::fs::read(&csv_file)
            .expect("csv")
            .starts_with(b"\xEF\xBB\xBF")
    );
}

#[test]
fn the_binding_checklist_runs_on_the_command_line() {
    let output = yibao(&[
        "checklist",
        "binding",
        "--region",
        "qingdao",
        "--answer",
        "holder_insurance=employee",
        "--answer",
        "relation=sibling",
        "--answer",
        "member_insurance=none",
        "--answer",
        "member_province=same_province",
        "--format",
        "json",
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let json: Value = serde_json::from_str(&stdout(&output)).expect("json");
    assert_eq!(json["procedure"], "binding");
    let case = &json["cases"][0];
    assert_eq!(case["case"], "binding");
    assert_eq!(case["verdict"], "eligible");
    assert!(
        case["summary"]
            .as_str()
            .is_some_and(|s| s.contains("居民医保个人缴费"))
    );
    assert!(!case["materials"].as_array().expect("materials").is_empty());

    let questions = yibao(&[
        "checklist",
        "binding",
        "--region",
        "qingdao",
        "--list-questions",
    ]);
    assert_eq!(questions.status.code(), Some(0));
    let text = stdout(&questions);
    for fact in [
        "holder_insurance",
        "relation",
        "member_insurance",
        "member_province",
    ] {
        assert!(text.contains(fact), "{fact} missing from {text}");
    }
    assert!(text.contains("parent_in_law=岳父母/公婆"));

    let bad = yibao(&[
        "checklist",
        "binding",
        "--region",
        "qingdao",
        "--answer",
        "relation=neighbour",
    ]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(stderr(&bad).contains("maternal_grandparent"));
}

#[test]
fn policies_search_answers_everyday_words_and_pinyin_like_the_window() {
    use yibao::policy::search::{RESULT_LIMIT, SearchIndex};
    let report = crate::support::shipped();
    let index = SearchIndex::build(&report.set);
    let today = chrono::Local::now().date_naive();
    for query in ["取钱", "过世", "yinhang"] {
        let output = yibao(&["policies", "search", query, "--format", "json"]);
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
        let json: Value = serde_json::from_str(&stdout(&output)).expect("json");
        let hits = json.as_array().expect("an array");
        assert!(!hits.is_empty(), "{query} finds nothing");
        for hit in hits {
            for field in ["id", "region", "topic", "text", "confidence"] {
                assert!(hit.get(field).is_some(), "{field} missing in {hit}");
            }
        }
        // The same statements, in the same order, as the window shows.
        let results = index.search(query);
        let (window, _) = index.in_force_in_order(&report.set, &results, today, RESULT_LIMIT);
        let window: Vec<String> = window
            .iter()
            .filter_map(|hit| index.entry(hit.entry))
            .map(|e| format!("{}/{}", e.region, e.key))
            .collect();
        let cli: Vec<String> = hits
            .iter()
            .map(|h| {
                format!(
                    "{}/{}",
                    h["region"].as_str().unwrap_or(""),
                    h["id"].as_str().unwrap_or("")
                )
            })
            .collect();
        assert_eq!(cli, window, "{query}");
    }
    // Text: grouped by region and topic, in Chinese.
    let output = yibao(&["policies", "search", "过世"]);
    assert!(
        stdout(&output).contains("## 全国 · 个人账户提取"),
        "{}",
        stdout(&output)
    );
    // --region keeps what applies there; an unknown region is an error that names it.
    let output = yibao(&[
        "policies", "search", "取钱", "--region", "hefei", "--format", "json",
    ]);
    let json: Value = serde_json::from_str(&stdout(&output)).expect("json");
    assert!(
        json.as_array().expect("array").iter().all(|h| {
            ["national", "anhui", "hefei"].contains(&h["region"].as_str().unwrap_or(""))
        })
    );
    let output = yibao(&["policies", "search", "取钱", "--region", "atlantis"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("atlantis"));
}

#[test]
fn a_relatives_insurance_may_be_unknown_but_never_the_holders() {
    let output = yibao(&[
        "family",
        "check",
        "--region",
        "hefei",
        "--holder-insurance",
        "employee",
        "--relation",
        "parent",
        "--member-insurance",
        "unknown",
        "--format",
        "json",
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let json: Value = serde_json::from_str(&stdout(&output)).expect("json");
    assert_eq!(json["verdict"], "confirm_locally");
    assert!(json["reasons"].to_string().contains("12393"));
    let output = yibao(&[
        "family",
        "check",
        "--region",
        "hefei",
        "--holder-insurance",
        "unknown",
        "--relation",
        "parent",
        "--member-insurance",
        "resident",
    ]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("must be known"),
        "{}",
        stderr(&output)
    );
}

// Issue 15: the whole tree, names in Chinese, and places without their own file.
#[test]
fn every_region_of_china_answers_by_id_or_chinese_name() {
    let output = yibao(&["policies", "regions", "--format", "json"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let json: Value = serde_json::from_str(&stdout(&output)).expect("json");
    let regions = json.as_array().expect("an array");
    let provinces = regions.iter().filter(|r| r["parent"] == "national").count();
    assert_eq!(provinces, 34, "GB/T 2260: 34 provincial-level divisions");
    assert!(regions.len() > 360, "{}", regions.len());
    let chengdu = regions.iter().find(|r| r["id"] == "chengdu").expect("成都");
    assert_eq!(chengdu["code"], "510100");
    assert_eq!(chengdu["parent"], "sichuan");
    assert_eq!(chengdu["has_data"], false);
    // 四川 has a file of its own now (its official FAQ): 成都 uses it.
    assert_eq!(chengdu["data_from"], "sichuan");
    let nanjing = regions.iter().find(|r| r["id"] == "nanjing").expect("南京");
    assert_eq!(nanjing["has_data"], true);
    assert_eq!(nanjing["data_from"], "nanjing");

    // 南京 and 南京市 are nanjing; the answer is nanjing's, with no note.
    for name in ["南京", "南京市", "nanjing"] {
        let output = yibao(&[
            "checklist",
            "withdrawal",
            "--region",
            name,
            "--answer",
            "deceased=yes",
            "--format",
            "json",
        ]);
        assert_eq!(output.status.code(), Some(0), "{name}: {}", stderr(&output));
        let json: Value = serde_json::from_str(&stdout(&output)).expect("json");
        assert_eq!(json["region"], "nanjing", "{name}");
        assert!(!stderr(&output).contains("本地规定未收录"));
    }
    // 上海 answers with its own rules; 广州 has no file of its own: the national rules, said so.
    let output = yibao(&[
        "family",
        "check",
        "--region",
        "shanghai",
        "--holder-insurance",
        "employee",
        "--relation",
        "parent",
        "--member-insurance",
        "resident",
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(!stderr(&output).contains("本地规定未收录"));
    let output = yibao(&[
        "family",
        "check",
        "--region",
        "guangzhou",
        "--holder-insurance",
        "employee",
        "--relation",
        "parent",
        "--member-insurance",
        "resident",
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("本地规定未收录，以下是全国的规定；请向广州市的医保经办机构确认"),
        "{}",
        stderr(&output)
    );
    // A checklist for a place without its own rules says so inside the list, and in JSON.
    let output = yibao(&[
        "checklist",
        "withdrawal",
        "--region",
        "成都",
        "--answer",
        "deceased=yes",
        "--format",
        "json",
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let json: Value = serde_json::from_str(&stdout(&output)).expect("json");
    assert_eq!(json["region"], "chengdu");
    assert_eq!(json["data_from"], "sichuan");
    let output = yibao(&[
        "checklist",
        "withdrawal",
        "--region",
        "成都市",
        "--answer",
        "deceased=yes",
        "--format",
        "txt",
    ]);
    assert!(
        stdout(&output)
            .contains("本地规定未收录，以下是四川省的规定；请向成都市的医保经办机构确认"),
        "{}",
        stdout(&output)
    );
    // 香港 is in the tree, with the note that the app is about mainland insurance.
    let output = yibao(&["policies", "show", "香港"]);
    assert_eq!(output.status.code(), Some(0));
    assert!(
        stderr(&output).contains("本应用只说内地（大陆）的职工医保"),
        "{}",
        stderr(&output)
    );
    let output = yibao(&["policies", "show", "北京", "--topic", "withdrawal"]);
    assert_eq!(output.status.code(), Some(0));
    assert!(stdout(&output).contains("个人账户提取"));
    let output = yibao(&["policies", "show", "亚特兰蒂斯"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("policies regions"));
}

/// A window that cannot open (here no display at all; on a user's computer, typically no
/// OpenGL 2 under Remote Desktop) never ends in silence: the reason goes to standard error and
/// to the log, and the exit code is 1. (The message box shown as well needs a desktop.)
#[test]
fn a_window_that_cannot_open_says_why_and_writes_it_to_the_log() {
    let home = tempfile::tempdir().expect("temp dir");
    let mut child = Command::new(env!("CARGO_BIN_EXE_yibao"))
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .env_remove("DBUS_SESSION_BUS_ADDRESS")
        // No message-box helper (zenity) to wait on.
        .env("PATH", "")
        .env("HOME", home.path())
        .env("XDG_RUNTIME_DIR", home.path())
        .env("XDG_DATA_HOME", home.path().join("data"))
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("run yibao");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    while child.try_wait().expect("wait").is_none() {
        if std::time::Instant::now() > deadline {
            child.kill().expect("kill");
            panic!("the window that cannot open did not exit within a minute");
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    let output = child.wait_with_output().expect("output");
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("无法打开窗口"),
        "{}",
        stderr(&output)
    );
    let log = std::fs::read_to_string(home.path().join("data/yibao/yibao.log")).expect("log file");
    assert!(log.contains("ERROR 无法打开窗口"), "{log}");
}
