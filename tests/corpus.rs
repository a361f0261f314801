//! The malformed-input corpus (tests/corpus/): bad policy files, family files, command-line
//! answers, amounts and ID numbers, plus generated ones too big to keep in the repository
//! (10 MB strings, deep nesting). Each must give a located, plain-language message; the app
//! and the CLI keep running on the shipped rules; no user file is changed.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use yibao::checklist::parse_answer;
use yibao::family::{IdNumber, parse_amount};
use yibao::policy::load_with_folders;
use yibao::store::FamilyStore;
use yibao::ui::{AppStorage, Preferences, YibaoApp};

fn corpus(kind: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/corpus")
        .join(kind)
}

fn files(kind: &str) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(corpus(kind))
        .expect("corpus folder")
        .flatten()
        .map(|e| {
            (
                e.file_name().to_string_lossy().into_owned(),
                std::fs::read(e.path()).expect("corpus file"),
            )
        })
        .collect();
    files.sort();
    files
}

fn lines(name: &str) -> Vec<String> {
    std::fs::read_to_string(corpus(name))
        .expect("corpus list")
        .lines()
        .map(str::to_owned)
        .collect()
}

/// Policy files made here: too big, or too deep, to keep in the repository.
fn generated_policy_files() -> Vec<(String, Vec<u8>)> {
    let header = "[region]\nid = \"qingdao\"\nname = \"青岛市\"\nparent = \"shandong\"\n";
    let statement = |text: &str| {
        format!(
            "{header}\n[[statements]]\nid = \"family_sharing.big\"\ntopic = \"family_sharing\"\ntext = \"{text}\"\nconfidence = \"official\"\nsources = [\"gov_2021_14\"]\nverified_on = 2026-11-23\n"
        )
    };
    vec![
        (
            "generated_10mb_string.toml".to_owned(),
            statement(&"医".repeat(10 * 1024 * 1024 / 3)).into_bytes(),
        ),
        (
            "generated_deep_arrays.toml".to_owned(),
            format!(
                "{header}deep = {}{}\n",
                "[".repeat(50_000),
                "]".repeat(50_000)
            )
            .into_bytes(),
        ),
        (
            "generated_deep_inline_tables.toml".to_owned(),
            format!(
                "{header}deep = {}{}\n",
                "{ a = ".repeat(20_000),
                "}".repeat(20_000)
            )
            .into_bytes(),
        ),
        (
            "generated_many_statements.toml".to_owned(),
            (0..5_000)
                .map(|_| statement("重复"))
                .collect::<String>()
                .into_bytes(),
        ),
    ]
}

/// Family files made here.
fn generated_family_files() -> Vec<(String, Vec<u8>)> {
    let with_name = |name: &str| {
        format!(
            r#"{{"format":"yibao-family","version":1,"family":{{"id":"f","label":"王家","holder":{{"name":"{name}","insurance":"employee","region":"qingdao","balance":"1.00"}}}}}}"#
        )
    };
    vec![
        (
            "generated_20mb_name.json".to_owned(),
            with_name(&"王".repeat(20 * 1024 * 1024 / 3)).into_bytes(),
        ),
        (
            "generated_deep_nesting.json".to_owned(),
            format!("{}{}", "[".repeat(100_000), "]".repeat(100_000)).into_bytes(),
        ),
        (
            "generated_deep_objects.json".to_owned(),
            format!(
                r#"{{"format":"yibao-family","version":1,"family":{}1{}}}"#,
                r#"{"a":"#.repeat(10_000),
                "}".repeat(10_000)
            )
            .into_bytes(),
        ),
    ]
}

/// Whether `message` is `file:line:column: text` for `file`.
fn located(message: &str, file: &Path) -> Option<(usize, usize)> {
    let rest = message.strip_prefix(&file.display().to_string())?;
    let mut parts = rest.splitn(4, ':');
    let (_, line, column, text) = (parts.next()?, parts.next()?, parts.next()?, parts.next()?);
    if text.trim().is_empty() {
        return None;
    }
    Some((line.parse().ok()?, column.parse().ok()?))
}

#[test]
fn every_bad_policy_file_gets_a_located_message_and_the_shipped_rules_stay() {
    let mut inputs = files("policy");
    assert!(inputs.len() >= 30);
    inputs.extend(generated_policy_files());
    for (name, bytes) in &inputs {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("qingdao.toml");
        std::fs::write(&path, bytes).expect("write");
        let report = load_with_folders(&[(dir.path().to_path_buf(), false)]);
        assert!(!report.problems.is_empty(), "{name}: accepted");
        for problem in &report.problems {
            let shown = problem.to_string();
            assert!(
                located(&shown, &path).is_some(),
                "{name}: not located: {shown}"
            );
        }
        // The shipped rules are still all there, Qingdao included.
        assert_eq!(
            report.set.regions_with_files(),
            crate::support::shipped_file_count(),
            "{name}"
        );
        let qingdao = report.set.resolve("qingdao").expect("qingdao");
        assert!(!qingdao.statements().is_empty(), "{name}");
        assert_eq!(&std::fs::read(&path).expect("still there"), bytes, "{name}");
    }
    // Where the location matters most.
    let line_of = |name: &str| {
        let (_, bytes) = inputs.iter().find(|(n, _)| n == name).expect("input");
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("qingdao.toml");
        std::fs::write(&path, bytes).expect("write");
        let report = load_with_folders(&[(dir.path().to_path_buf(), false)]);
        located(&report.problems[0].to_string(), &path).map(|(line, _)| line)
    };
    assert_eq!(
        line_of("gbk_encoded.toml"),
        Some(3),
        "the first non-UTF-8 byte"
    );
    assert_eq!(
        line_of("bom_then_error.toml"),
        Some(5),
        "a BOM does not shift lines"
    );
    assert_eq!(line_of("duplicate_key.toml"), Some(4), "the second `name`");
}

#[test]
fn the_policies_check_command_reports_bad_files_without_crashing() {
    for name in [
        "truncated_mid_string.toml",
        "gbk_encoded.toml",
        "nul_byte.toml",
    ] {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::copy(corpus("policy").join(name), dir.path().join("qingdao.toml")).expect("copy");
        let output = std::process::Command::new(env!("CARGO_BIN_EXE_yibao"))
            .args(["policies", "check"])
            .arg(dir.path())
            .output()
            .expect("runs");
        assert_eq!(output.status.code(), Some(1), "{name}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(stderr.contains("qingdao.toml:"), "{name}: {stderr}");
    }
}

fn app_with(store: FamilyStore) -> Harness<'static, YibaoApp> {
    let report = crate::support::shipped();
    Harness::builder()
        .with_size([1200.0, 900.0])
        .build_eframe(move |cc| {
            YibaoApp::new(
                &cc.egui_ctx,
                report,
                Preferences::default(),
                NaiveDate::from_ymd_opt(2026, 11, 23).expect("date"),
                AppStorage {
                    families: Some(store),
                    exports: None,
                    native_dialogs: false,
                    background_index: false,
                },
            )
        })
}

#[test]
fn every_bad_family_file_is_reported_kept_byte_for_byte_and_the_app_opens() {
    let mut inputs = files("family");
    assert!(inputs.len() >= 15);
    inputs.extend(generated_family_files());
    for (name, bytes) in &inputs {
        let dir = tempfile::tempdir().expect("temp dir");
        let store = FamilyStore::new(dir.path());
        std::fs::write(store.path_of("f"), bytes).expect("write");
        let scan = store.load_all();
        assert!(scan.families.is_empty(), "{name}: loaded");
        assert_eq!(scan.problems.len(), 1, "{name}");
        assert!(
            scan.problems[0].contains("f.json"),
            "{name}: the message does not name the file: {}",
            scan.problems[0]
        );
        // Kept, byte for byte, in the set-aside folder.
        let kept: Vec<Vec<u8>> = std::fs::read_dir(store.set_aside_dir())
            .expect("set aside")
            .flatten()
            .map(|e| std::fs::read(e.path()).expect("kept"))
            .collect();
        assert_eq!(kept.len(), 1, "{name}");
        assert!(&kept[0] == bytes, "{name}: changed");
    }
    // The window opens over a folder of bad files and says so.
    let dir = tempfile::tempdir().expect("temp dir");
    let store = FamilyStore::new(dir.path());
    for (name, bytes) in files("family") {
        std::fs::write(dir.path().join(name), bytes).expect("write");
    }
    let mut harness = app_with(store);
    harness.run();
    harness.get_by_label("家庭共济绑定").click();
    harness.run();
    harness.get_by_label("⚠ 有文件没有打开：");
}

#[test]
fn bad_answers_amounts_and_id_numbers_say_what_is_wrong() {
    let answers = lines("answers.txt");
    let amounts = lines("amounts.txt");
    let ids = lines("id_numbers.txt");
    assert!(answers.len() + amounts.len() + ids.len() >= 35);
    for answer in &answers {
        let error = parse_answer(answer).expect_err(answer).to_string();
        assert!(
            error.contains("expected one of") || error.contains("FACT=VALUE"),
            "{answer}: {error}"
        );
    }
    for amount in &amounts {
        let error = parse_amount(amount).expect_err(amount).to_string();
        assert!(!error.is_ascii(), "{amount}: not in Chinese: {error}");
    }
    let today = NaiveDate::from_ymd_opt(2026, 11, 23).expect("date");
    for id in &ids {
        let error = IdNumber::parse(id, today).expect_err(id).to_string();
        assert!(error.contains("身份证号"), "{id}: {error}");
    }
    // On the command line a bad answer is a usage error naming what is allowed.
    for answer in [
        "deceased=maybe",
        "relation=neighbour",
        "favourite_colour=blue",
    ] {
        let output = std::process::Command::new(env!("CARGO_BIN_EXE_yibao"))
            .args([
                "checklist",
                "withdrawal",
                "--region",
                "qingdao",
                "--answer",
                answer,
            ])
            .output()
            .expect("runs");
        assert_eq!(output.status.code(), Some(2), "{answer}");
        assert!(String::from_utf8_lossy(&output.stderr).contains("expected one of"));
    }
}
