//! Content of the shipped policies: every seed claim is captured and attributed, wrong claims
//! are marked with their corrections, and the rules cover the whole DOMAIN vocabulary.

use crate::support::shipped;
use yibao::domain::{Confidence, Fact, Procedure, Relation, WithdrawalCase};
use yibao::policy::{PolicySet, StatementRecord};

/// Statements visible in `region` that cite the seed article `seed_file`.
fn seed_statements(set: &PolicySet, region: &str, seed_file: &str) -> Vec<StatementRecord> {
    set.resolve(region)
        .expect("region")
        .statement_records(None)
        .into_iter()
        .filter(|s| {
            s.sources
                .iter()
                .any(|src| src.source.seed.as_deref() == Some(seed_file))
        })
        .collect()
}

/// Requires that for each claim marker some statement from the seed mentions it.
fn require_claims(region: &str, seed_file: &str, markers: &[&str]) {
    let report = shipped();
    let statements = seed_statements(&report.set, region, seed_file);
    assert!(!statements.is_empty(), "no statement cites {seed_file}");
    for marker in markers {
        assert!(
            statements.iter().any(|s| s.text.contains(marker)
                || s.correction.as_deref().is_some_and(|c| c.contains(marker))),
            "{region}: no statement from {seed_file} mentions {marker:?}"
        );
    }
    // Seed claims live in the city's own file.
    assert!(statements.iter().all(|s| s.region == region));
}

#[test]
fn the_qingdao_article_claims_are_present() {
    require_claims(
        "qingdao",
        "000_1ceef089b47b4bfd.txt",
        &[
            "牙",
            "近亲属",
            "商业保险",
            "八大类",
            "本人",
            "主动放弃",
            "74种",
            "7个工作日",
            "长期异地",
            "不接收",
            "继承",
            "外国人",
            "5倍",
            "7年",
            "注销",
            "养老",
            "微信",
            "亲情账户",
            "甘肃",
        ],
    );
}

#[test]
fn the_hefei_article_claims_are_present() {
    require_claims(
        "hefei",
        "001_fd0513b42a847a7c.txt",
        &[
            "新农合",
            "近亲属",
            "商业保险",
            "八大类",
            "冒名就医",
            "跨省",
            "支付宝",
            "12333",
            "自助终端",
            "74种",
            "7个工作日",
            "主动放弃",
            "不接收",
            "长期异地",
            "5倍",
            "7年",
            "注销",
            "养老",
        ],
    );
}

#[test]
fn the_nanjing_article_claims_are_present() {
    require_claims(
        "nanjing",
        "003_69cc68f7dbe46ffd.txt",
        &[
            "近亲属",
            "商业保险",
            "八大类",
            "冒名就医",
            "20%",
            "ATM",
            "2元",
            "10个工作日",
            "15个工作日",
            "不划转",
            "退休",
            "参保凭证",
        ],
    );
}

/// The statement visible in `region` whose text contains `marker`, which must be marked
/// wrong and carry a correction.
fn require_marked_wrong(region: &str, marker: &str, correction_mentions: &str) {
    let report = shipped();
    let records = report
        .set
        .resolve(region)
        .expect("region")
        .statement_records(None);
    let matching: Vec<_> = records
        .iter()
        .filter(|s| s.region == region && s.text.contains(marker))
        .collect();
    assert!(!matching.is_empty(), "{region}: nothing says {marker:?}");
    for statement in matching {
        assert!(
            matches!(
                statement.confidence,
                Confidence::False | Confidence::Disputed
            ),
            "{region}: {} says {marker:?} but is marked {:?}",
            statement.id,
            statement.confidence
        );
        let correction = statement.correction.as_deref().unwrap_or("");
        assert!(
            correction.contains(correction_mentions),
            "{region}: correction of {} should mention {correction_mentions:?}: {correction}",
            statement.id
        );
    }
}

#[test]
fn the_wrong_claims_are_marked_and_corrected() {
    require_marked_wrong("qingdao", "74种", "");
    require_marked_wrong("hefei", "74种", "");
    require_marked_wrong("nanjing", "20%", "不收");
    require_marked_wrong("qingdao", "7年", "无期");
    require_marked_wrong("hefei", "7年", "无期");
    require_marked_wrong("qingdao", "7个工作日", "");
    require_marked_wrong("hefei", "7个工作日", "");
    require_marked_wrong("hefei", "12333", "12393");
    require_marked_wrong("national", "医保发〔2021〕43号", "医保办发〔2021〕43号");
}

#[test]
fn every_statement_has_a_source_and_a_confidence() {
    let report = shipped();
    for region in report.set.regions_in_tree_order() {
        let resolved = report.set.resolve(region.id()).expect("resolves");
        for record in resolved.statement_records(None) {
            assert!(
                !record.sources.is_empty(),
                "{}: {} has no source",
                region.id(),
                record.id
            );
            assert!(record.sources.iter().all(|s| !s.source.title.is_empty()));
        }
    }
}

#[test]
fn the_national_rules_cover_every_relation_case_and_fact() {
    let report = shipped();
    let national = report.set.resolve("national").expect("national");
    let qualifying = [
        Relation::Spouse,
        Relation::Parent,
        Relation::Child,
        Relation::Sibling,
        Relation::Grandparent,
        Relation::MaternalGrandparent,
        Relation::Grandchild,
        Relation::MaternalGrandchild,
    ];
    for relation in Relation::ALL {
        let rule = national
            .relation_rule(*relation)
            .unwrap_or_else(|| panic!("no rule for {relation}"));
        assert_eq!(
            rule.item.qualifies,
            qualifying.contains(relation),
            "{relation}"
        );
        assert!(!rule.item.reason.is_empty());
    }
    for case in WithdrawalCase::ALL {
        assert!(
            national.withdrawal_case(*case).is_some(),
            "no rule for case {case}"
        );
    }
    // Every fact is asked by some procedure; the withdrawal facts of DOMAIN.md by withdrawal.
    let asked = |procedure| -> Vec<Fact> {
        national
            .questions(procedure)
            .iter()
            .map(|q| *q.item.fact.get_ref())
            .collect()
    };
    let all_asked: Vec<Fact> = Procedure::ALL.iter().flat_map(|p| asked(*p)).collect();
    for fact in Fact::ALL {
        assert!(all_asked.contains(fact), "no question for fact {fact}");
    }
    let withdrawal = asked(Procedure::Withdrawal);
    for fact in [
        Fact::InsuredStatus,
        Fact::Deceased,
        Fact::SettledAbroad,
        Fact::ForeignNationalLeaving,
        Fact::GivesUpEmployeeInsurance,
        Fact::Moving,
        Fact::NewScheme,
        Fact::NewPlaceAcceptsBalance,
        Fact::RetiredElsewhere,
        Fact::LongTermElsewhere,
        Fact::SeriousIllness,
    ] {
        assert!(withdrawal.contains(&fact), "withdrawal does not ask {fact}");
    }
    assert_eq!(
        asked(Procedure::Binding),
        [
            Fact::HolderInsurance,
            Fact::Relation,
            Fact::MemberInsurance,
            Fact::MemberProvince
        ]
    );
}

#[test]
fn the_folder_tree_is_the_region_tree() {
    let report = shipped();
    for region in report.set.regions_in_tree_order() {
        let resolved = report.set.resolve(region.id()).expect("resolves");
        let expected = resolved
            .chain
            .iter()
            .map(|r| r.id())
            .collect::<Vec<_>>()
            .join("/");
        assert_eq!(
            region.origin.display_path(),
            format!("policies/{expected}.toml")
        );
    }
}
