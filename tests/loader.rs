//! Loading and validation: every problem is reported with its place, and broken files never
//! stop the rest from loading.

use crate::support::{MINIMAL_ROOT, file, shipped, shipped_with};
use yibao::policy::{PolicyFile, load_layers};

/// Loads `files` as one layer and requires exactly the `expected` problems, each given as
/// (file, line, a piece of the message).
fn check(files: Vec<PolicyFile>, expected: &[(&str, usize, &str)]) {
    let report = load_layers(&[files]);
    let got: Vec<String> = report.problems.iter().map(ToString::to_string).collect();
    assert_eq!(
        report.problems.len(),
        expected.len(),
        "expected {} problems, got:\n{}",
        expected.len(),
        got.join("\n")
    );
    for (file, line, message) in expected {
        assert!(
            report
                .problems
                .iter()
                .any(|d| d.file == *file && d.line == *line && d.to_string().contains(message)),
            "no problem at {file}:{line} containing {message:?}; got:\n{}",
            got.join("\n")
        );
    }
}

/// The minimal root with `extra` appended.
fn root_with(extra: &str) -> PolicyFile {
    file("national.toml", &format!("{MINIMAL_ROOT}{extra}"))
}

#[test]
fn the_shipped_files_load_without_problems() {
    let report = shipped();
    let problems: Vec<String> = report.problems.iter().map(ToString::to_string).collect();
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    // Seven files; every other place of China is a region without one (policies/regions.csv).
    assert_eq!(
        report.set.regions_with_files(),
        crate::support::shipped_file_count()
    );
    assert!(report.set.len() > 360, "{}", report.set.len());
    assert!(
        report
            .set
            .resolve("chengdu")
            .is_some_and(|c| c.chain.len() == 3)
    );
}

#[test]
fn a_minimal_root_is_valid() {
    check(vec![file("national.toml", MINIMAL_ROOT)], &[]);
}

#[test]
fn bad_toml_is_reported_at_its_line() {
    check(
        vec![file(
            "national.toml",
            "[region]\nid = \"national\"\nname = 全国\n",
        )],
        &[("national.toml", 3, "invalid TOML")],
    );
}

#[test]
fn an_unknown_key_is_reported_at_the_key() {
    let extra = r#"
[[statements]]
id = "c.d"
topic = "fees"
text = "x"
confidence = "official"
colour = "red"
sources = ["law"]
verified_on = 2026-11-23
"#;
    // MINIMAL_ROOT has 17 lines and `extra` starts with a blank line: `colour` is line 24.
    check(
        vec![root_with(extra)],
        &[("national.toml", 24, "unknown field `colour`")],
    );
}

#[test]
fn an_unknown_relation_names_the_allowed_ones() {
    let extra = r#"
[[relations]]
relation = "uncle"
qualifies = false
reason = "x"
sources = ["law"]
"#;
    check(
        vec![root_with(extra)],
        &[(
            "national.toml",
            20,
            "unknown relation \"uncle\" (expected one of: spouse",
        )],
    );
}

#[test]
fn an_unknown_topic_is_an_error() {
    let text = MINIMAL_ROOT.replace("topic = \"fees\"", "topic = \"taxes\"");
    check(
        vec![file("national.toml", &text)],
        &[("national.toml", 13, "unknown topic \"taxes\"")],
    );
}

#[test]
fn a_statement_without_a_source_is_an_error() {
    let empty = MINIMAL_ROOT.replace("sources = [\"law\"]", "sources = []");
    check(
        vec![file("national.toml", &empty)],
        &[("national.toml", 16, "statement \"a.b\" has no source")],
    );
    let missing = MINIMAL_ROOT.replace("sources = [\"law\"]\n", "");
    check(
        vec![file("national.toml", &missing)],
        &[("national.toml", 11, "missing field `sources`")],
    );
}

#[test]
fn an_unknown_source_is_an_error() {
    let text = MINIMAL_ROOT.replace("sources = [\"law\"]", "sources = [\"law\", \"rumour\"]");
    check(
        vec![file("national.toml", &text)],
        &[("national.toml", 16, "unknown source \"rumour\"")],
    );
}

#[test]
fn a_duplicate_statement_id_points_at_the_first() {
    let extra = r#"
[[statements]]
id = "a.b"
topic = "fees"
text = "again"
confidence = "official"
sources = ["law"]
verified_on = 2026-11-23
"#;
    check(
        vec![root_with(extra)],
        &[(
            "national.toml",
            20,
            "duplicate statement id \"a.b\": already defined on line 12",
        )],
    );
}

#[test]
fn a_false_claim_needs_a_correction() {
    let text = MINIMAL_ROOT.replace("confidence = \"official\"", "confidence = \"false\"");
    check(
        vec![file("national.toml", &text)],
        &[("national.toml", 11, "needs a `correction`")],
    );
}

#[test]
fn a_condition_value_must_belong_to_its_fact() {
    let extra = r#"
[[questions]]
procedure = "withdrawal"
fact = "moving"
text = "搬家吗？"
ask_if = { deceased = "maybe" }
"#;
    check(
        vec![root_with(extra)],
        &[(
            "national.toml",
            23,
            "value \"maybe\" is not allowed for fact `deceased` (expected one of: yes, no)",
        )],
    );
}

#[test]
fn an_unknown_parent_is_an_error() {
    let city = "[region]\nid = \"atlantis_city\"\nname = \"某市\"\nparent = \"atlantis\"\n";
    check(
        vec![
            file("national.toml", MINIMAL_ROOT),
            file("atlantis_city.toml", city),
        ],
        &[(
            "atlantis_city.toml",
            4,
            "unknown parent region \"atlantis\"",
        )],
    );
}

#[test]
fn a_cycle_of_parents_is_an_error() {
    let a = "[region]\nid = \"a\"\nname = \"甲\"\nparent = \"b\"\n";
    let b = "[region]\nid = \"b\"\nname = \"乙\"\nparent = \"a\"\n";
    check(
        vec![
            file("national.toml", MINIMAL_ROOT),
            file("a.toml", a),
            file("b.toml", b),
        ],
        &[
            ("a.toml", 4, "region \"a\" is its own ancestor: a → b → a"),
            ("b.toml", 4, "region \"b\" is its own ancestor: b → a → b"),
        ],
    );
}

#[test]
fn the_file_name_must_match_the_region_id() {
    check(
        vec![file("nationwide.toml", MINIMAL_ROOT)],
        &[("nationwide.toml", 2, "does not match the file name")],
    );
}

#[test]
fn every_problem_in_a_file_is_reported_not_only_the_first() {
    let extra = r#"
[[statements]]
id = "c.d"
topic = "weather"
text = "x"
confidence = "official"
sources = ["law"]
verified_on = 2026-11-23

[[statements]]
id = "e.f"
topic = "fees"
text = "x"
confidence = "maybe"
sources = ["law"]
verified_on = 2026-11-23

[[statements]]
id = "a.b"
topic = "fees"
text = "x"
confidence = "official"
sources = ["nowhere"]
verified_on = "last week"
"#;
    check(
        vec![root_with(extra)],
        &[
            ("national.toml", 21, "unknown topic \"weather\""),
            ("national.toml", 31, "unknown confidence \"maybe\""),
            ("national.toml", 41, "expected a TOML datetime"),
        ],
    );
}

#[test]
fn an_impossible_date_is_reported_where_it_is_written() {
    let text = MINIMAL_ROOT.replace("verified_on = 2026-11-23", "verified_on = 2026-02-30");
    check(
        vec![file("national.toml", &text)],
        &[("national.toml", 17, "invalid date")],
    );
}

#[test]
fn messages_read_file_line_column_message() {
    let report = load_layers(&[vec![file(
        "dir/national.toml",
        &MINIMAL_ROOT.replace("topic = \"fees\"", "topic = \"taxes\""),
    )]]);
    assert_eq!(
        report.problems[0].to_string(),
        "dir/national.toml:13:9: unknown topic \"taxes\" (expected one of: family_sharing, \
         withdrawal, balance_query, transfer, fees, dental, wechat_cashout, fraud)"
    );
}

#[test]
fn a_broken_user_file_is_skipped_and_the_shipped_region_stays() {
    let broken = file(
        "/home/user/policies/nanjing.toml",
        "[region]\nid = \"nanjing\"\nname = \"南京市\"\nparent = \"jiangsu\"\nfoo = 1\n",
    );
    let report = shipped_with(vec![broken]);
    assert_eq!(
        report.skipped_files,
        vec!["/home/user/policies/nanjing.toml"]
    );
    assert_eq!(report.problems.len(), 1);
    assert_eq!(report.problems[0].line, 5);
    let nanjing = report.set.region("nanjing").expect("shipped nanjing stays");
    assert!(nanjing.origin.display_path().starts_with("policies/"));
    assert!(!nanjing.statements.is_empty());
}

#[test]
fn a_user_file_citing_an_unknown_source_falls_back_to_the_shipped_one() {
    let city = r#"[region]
id = "hefei"
name = "合肥市"
parent = "anhui"

[[statements]]
id = "x.y"
topic = "fees"
text = "x"
confidence = "official"
sources = ["nope"]
verified_on = 2026-11-23
"#;
    let report = shipped_with(vec![file("user/hefei.toml", city)]);
    assert_eq!(report.skipped_files, vec!["user/hefei.toml"]);
    assert!(
        report.problems[0]
            .to_string()
            .starts_with("user/hefei.toml:11:")
    );
    let hefei = report.set.region("hefei").expect("shipped hefei stays");
    assert!(hefei.statements.iter().all(|s| s.key() != "x.y"));
}

#[test]
fn a_user_folder_can_add_a_new_city_without_code() {
    let city = r#"[region]
id = "xuzhou"
name = "徐州市"
parent = "jiangsu"

[sources.local_guide]
title = "徐州市医保经办指南"
issuer = "徐州市医疗保障局"

[[statements]]
id = "family_sharing.local_note"
topic = "family_sharing"
text = "徐州市的说明。"
confidence = "local"
sources = ["local_guide", "civil_code_1045"]
verified_on = 2026-11-23
"#;
    let report = shipped_with(vec![file("user/xuzhou.toml", city)]);
    assert!(report.is_clean(), "{:?}", report.problems);
    let resolved = report.set.resolve("xuzhou").expect("new city");
    assert_eq!(resolved.path_label(), "全国 › 江苏省 › 徐州市");
    assert!(
        resolved
            .statements()
            .iter()
            .any(|s| s.item.key() == "family_sharing.relatives")
    );
}

/// The grading rules of FACTS.md, each shown rejecting a file at the line where the graded
/// item (or the source) is written. The root below defines one source of each kind; each row
/// adds one statement or case, to the root or to a province or city file.
#[test]
fn the_grading_rules_reject_what_their_sources_do_not_back() {
    const SOURCES: &str = r#"
[sources.city_guide]
title = "某市办事指南"
issuer = "某市医疗保障局"
grade = "A"
level = "city"

[sources.province_page]
title = "某省问答"
issuer = "某省医疗保障局"
grade = "A"
level = "province"

[sources.report]
title = "某报报道"
issuer = "某报"
grade = "B"
level = "national"

[sources.repost]
title = "某通知全文转载"
issuer = "某部门"
grade = "B"
level = "national"
faithful_copy = true

[sources.web]
title = "网络文章"
issuer = "某网站"
grade = "C"

[sources.seed]
title = "种子文章"
issuer = "网络文章"
seed = "000_x.txt"
grade = "C"
"#;
    let root = format!("{MINIMAL_ROOT}{SOURCES}");
    let root_lines = root.lines().count();
    let statement = |confidence: &str, sources: &str, correction: bool| {
        format!(
            "\n[[statements]]\nid = \"x.y\"\ntopic = \"fees\"\ntext = \"t\"\nconfidence = \"{confidence}\"\n{}sources = [{sources}]\nverified_on = 2026-11-30\n",
            if correction {
                "correction = \"c\"\n"
            } else {
                ""
            }
        )
    };
    let province = |body: &str| {
        file(
            "national/p.toml",
            &format!("[region]\nid = \"p\"\nname = \"某省\"\nparent = \"national\"\n{body}"),
        )
    };
    let city = |body: &str| {
        file(
            "national/p/c.toml",
            &format!("[region]\nid = \"c\"\nname = \"某市\"\nparent = \"p\"\n{body}"),
        )
    };
    let in_root = |body: &str| file("national.toml", &format!("{root}{body}"));
    // The `id = "x.y"` line: after the blank line and `[[statements]]` that open it.
    let root_id_line = root_lines + 3;
    let sub_id_line = 4 + 3;
    /// What the row shows, the files, and the problems expected (file, line, message part).
    type Row<'a> = (&'a str, Vec<PolicyFile>, Vec<(&'a str, usize, &'a str)>);
    let rows: Vec<Row> = vec![
        (
            "a national statement on a city's guide alone is not official",
            vec![in_root(&statement("official", "\"city_guide\"", false))],
            vec![(
                "national.toml",
                root_id_line,
                "issued at the national level or above",
            )],
        ),
        (
            "a city's guide does make a city statement official",
            vec![
                in_root(""),
                province(""),
                city(&statement("official", "\"city_guide\"", false)),
            ],
            vec![],
        ),
        (
            "a province page does not back a national statement",
            vec![in_root(&statement("official", "\"province_page\"", false))],
            vec![(
                "national.toml",
                root_id_line,
                "is `official` but no cited source",
            )],
        ),
        (
            "a province page backs its own province",
            vec![
                in_root(""),
                province(&statement("official", "\"province_page\"", false)),
            ],
            vec![],
        ),
        (
            "a report that is not a faithful copy cannot make a statement official",
            vec![
                in_root(""),
                province(&statement("official", "\"report\"", false)),
            ],
            vec![("national/p.toml", sub_id_line, "grade B faithful copy")],
        ),
        (
            "a faithful copy of an official text can",
            vec![
                in_root(""),
                province(&statement("official", "\"repost\"", false)),
            ],
            vec![],
        ),
        (
            "a web article never backs official",
            vec![in_root(&statement("official", "\"web\"", false))],
            vec![("national.toml", root_id_line, "web: grade C")],
        ),
        (
            "a seed claim is never official, even beside an official source",
            vec![
                in_root(""),
                province(&statement("official", "\"seed\", \"law\"", false)),
            ],
            vec![(
                "national/p.toml",
                sub_id_line,
                "a claim from a web article is never `official`",
            )],
        ),
        (
            "a false claim needs a source that contradicts it",
            vec![
                in_root(""),
                province(&statement("false", "\"seed\", \"web\"", true)),
            ],
            vec![(
                "national/p.toml",
                sub_id_line,
                "is `false` but cites no source that contradicts it",
            )],
        ),
        (
            "a false claim with a contradicting official source passes",
            vec![
                in_root(""),
                province(&statement("false", "\"seed\", \"law\"", true)),
            ],
            vec![],
        ),
        (
            "absence of evidence: a disputed claim may rest on articles",
            vec![
                in_root(""),
                province(&statement("disputed", "\"seed\", \"web\"", true)),
            ],
            vec![],
        ),
        (
            "an official withdrawal case at the national level needs a national source",
            vec![in_root(
                "\n[[withdrawal_cases]]\ncase = \"death\"\ntitle = \"t\"\nwhen = { deceased = \"yes\" }\noutcome = \"eligible\"\nconfidence = \"official\"\nreason = \"r\"\nsources = [\"city_guide\"]\n",
            )],
            vec![(
                "national.toml",
                root_lines + 3,
                "withdrawal case \"death\" is `official`",
            )],
        ),
        (
            "a guessed 文号 is refused where the source is defined",
            vec![in_root(
                "\n[sources.guess]\ntitle = \"某通知\"\nissuer = \"某局\"\ndoc_number = \"医保发〔2025〕35号（待核实）\"\n",
            )],
            vec![(
                "national.toml",
                root_lines + 2,
                "is not a document number as the source prints it",
            )],
        ),
    ];
    for (what, files, expected) in rows {
        let report = load_layers(&[files]);
        let got: Vec<String> = report.problems.iter().map(ToString::to_string).collect();
        assert_eq!(
            got.len(),
            expected.len(),
            "{what}: expected {expected:?}, got:\n{}",
            got.join("\n")
        );
        for (file, line, message) in expected {
            assert!(
                report
                    .problems
                    .iter()
                    .any(|d| d.file == file && d.line == line && d.to_string().contains(message)),
                "{what}: no problem at {file}:{line} containing {message:?}; got:\n{}",
                got.join("\n")
            );
        }
    }
}

/// The statements a checklist shows by id (`[checklist] balance_can`) must exist: a typo is
/// an error at the id, not a list that silently shrinks.
#[test]
fn a_checklist_setting_naming_a_missing_statement_is_an_error() {
    let extra = "\n[checklist]\nbalance_can = [\"a.b\", \"no.such\"]\n";
    let root = format!("{MINIMAL_ROOT}{extra}");
    let line = root.lines().count();
    check(
        vec![file("national.toml", &root)],
        &[(
            "national.toml",
            line,
            "`balance_can` names statement \"no.such\"",
        )],
    );
}

#[test]
fn every_shipped_region_file_is_a_place_of_the_tree() {
    // Issue 15: the files' regions are the GB/T 2260 places, with the same name and parent.
    let tree = yibao::policy::tree::RegionTree::shipped();
    let report = crate::support::shipped();
    for region in report.set.regions_in_tree_order() {
        if region.id() == yibao::policy::ROOT_REGION {
            continue;
        }
        let place = tree
            .get(region.id())
            .unwrap_or_else(|| panic!("{} is not in policies/regions.csv", region.id()));
        assert_eq!(place.name, region.name(), "{}", region.id());
        assert_eq!(
            Some(place.parent.as_str()),
            region.parent(),
            "{}",
            region.id()
        );
    }
}
