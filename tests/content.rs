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
    // Every fact is asked somewhere: nationally, or by the region whose rule needs it
    // (nationality: only Hefei's list asks it).
    let mut all_asked: Vec<Fact> = Vec::new();
    for region in report.set.region_ids() {
        let resolved = report.set.resolve(region).expect("region");
        for procedure in Procedure::ALL {
            all_asked.extend(
                resolved
                    .questions(*procedure)
                    .iter()
                    .map(|q| *q.item.fact.get_ref()),
            );
        }
    }
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
        Fact::EmploymentType,
        Fact::PensionLumpSum,
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
    // Every file's place in the folder tree is its region's place (the other places of
    // China have no file).
    for region in report
        .set
        .regions_in_tree_order()
        .into_iter()
        .filter(|r| r.has_own_file())
    {
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

/// One correction of FACTS.md as the data must carry it: the statement (by region and id),
/// its confidence, words it must say, words it must not say, and a source it must cite.
struct Correction {
    fact: &'static str,
    region: &'static str,
    id: &'static str,
    confidence: Confidence,
    says: &'static [&'static str],
    never: &'static [&'static str],
    cites: &'static str,
}

const CORRECTIONS: &[Correction] = &[
    Correction {
        fact: "F10: the 5 days run from the 信息表",
        region: "national",
        id: "transfer.time_limits",
        confidence: Confidence::Official,
        says: &["《参保人员基本医疗保险信息表》", "5个工作日"],
        never: &["联系函"],
        cites: "nhsa_2021_43",
    },
    Correction {
        fact: "F10: Jiangsu also waits for the balance; 15 days in all",
        region: "jiangsu",
        id: "transfer.jiangsu_total",
        confidence: Confidence::Official,
        says: &["15个工作日", "信息表"],
        never: &[],
        cites: "jiangsu_guide_2022",
    },
    Correction {
        fact: "F10/38号: the 2025 resident waiting period beside the 2021 text",
        region: "national",
        id: "transfer.waiting_2025",
        confidence: Confidence::Official,
        says: &["2025年", "3个月", "1个月"],
        never: &[],
        cites: "gov_2024_38",
    },
    Correction {
        fact: "F10: the 2021 waiting period is the 2021 text",
        region: "national",
        id: "transfer.gap",
        confidence: Confidence::Official,
        says: &["2021年", "6个月"],
        never: &[],
        cites: "xinhua_2021_11_29",
    },
    Correction {
        fact: "F10: moving into resident insurance",
        region: "national",
        id: "transfer.to_resident",
        confidence: Confidence::Local,
        says: &["没有个人账户"],
        never: &[],
        cites: "nhsa_2021_43",
    },
    Correction {
        fact: "F8: no national list",
        region: "national",
        id: "withdrawal.no_national_list",
        confidence: Confidence::Local,
        says: &["各省"],
        never: &["全国统一"],
        cites: "jiangsu_guide_2022",
    },
    Correction {
        fact: "F8: Jiangsu's three cases, no settling abroad",
        region: "jiangsu",
        id: "withdrawal.jiangsu_cases",
        confidence: Confidence::Official,
        says: &["一次性支取养老金人员清退", "出国（境）定居"],
        never: &[],
        cites: "jiangsu_guide_2022",
    },
    Correction {
        fact: "F8: Hefei's 2022 list has 7 items, unofficial",
        region: "hefei",
        id: "withdrawal.hefei_2022_list",
        confidence: Confidence::Reported,
        says: &[
            "7",
            "只参加了城乡居民医保",
            "不满15年",
            "放弃中国国籍并出国定居",
            "外国人",
        ],
        never: &[],
        cites: "hefei_withdrawal_2022",
    },
    Correction {
        fact: "F21: employees cannot give up",
        region: "national",
        id: "withdrawal.give_up_who",
        confidence: Confidence::Official,
        says: &["必须参加职工医保", "灵活就业", "退休人员"],
        never: &[],
        cites: "social_insurance_law",
    },
    Correction {
        fact: "F20: foreigners, decree 16 art. 6 and 41",
        region: "national",
        id: "withdrawal.foreigners",
        confidence: Confidence::Local,
        says: &["第16号第六条", "第41号"],
        never: &[],
        cites: "mohrss_16",
    },
    Correction {
        fact: "F6: the 2026-01-09 notice",
        region: "national",
        id: "family_sharing.cross_province_2026",
        confidence: Confidence::Official,
        says: &["2026年1月9日", "财政部", "全国", "长期护理保险", "文号"],
        never: &["35号"],
        cites: "xinhua_2026_01_09",
    },
    Correction {
        fact: "F6: the Feb-2025 snapshot is history",
        region: "national",
        id: "family_sharing.cross_province_wallet",
        confidence: Confidence::Reported,
        says: &["历史", "14个省份"],
        never: &[],
        cites: "xinhua_2025_02_07",
    },
    Correction {
        fact: "F6: wallet limits with their grade",
        region: "national",
        id: "family_sharing.wallet_limits",
        confidence: Confidence::Reported,
        says: &["3笔", "2000元", "22点"],
        never: &[],
        cites: "wallet_limits_web",
    },
    Correction {
        fact: "F13: lending one's card: mandatory suspension",
        region: "national",
        id: "fraud.lending_card",
        confidence: Confidence::Official,
        says: &["暂停", "3个月至12个月", "必须"],
        never: &["罚款"],
        cites: "fund_regulation",
    },
    Correction {
        fact: "F13: the 2–5× fine only for fraud, another's card, forgery",
        region: "national",
        id: "fraud.penalties",
        confidence: Confidence::Official,
        says: &["骗取", "别人的医保凭证", "伪造", "2倍以上5倍以下"],
        never: &[],
        cites: "fund_regulation",
    },
    Correction {
        fact: "F13: 列入失信 has a basis",
        region: "national",
        id: "fraud.credit",
        confidence: Confidence::Official,
        says: &["信用"],
        never: &[],
        cites: "fund_regulation",
    },
    Correction {
        fact: "F23: 法发〔2024〕6号",
        region: "national",
        id: "fraud.criminal",
        confidence: Confidence::Official,
        says: &["法发〔2024〕6号", "无期徒刑"],
        never: &[],
        cites: "fafa_2024_6",
    },
    Correction {
        fact: "F13: the seed's 5× claim is re-graded, never official",
        region: "hefei",
        id: "article.fraud.fine_5x",
        confidence: Confidence::Reported,
        says: &["3", "12个月", "第三十三条"],
        never: &[],
        cites: "fund_regulation",
    },
    Correction {
        fact: "F13: the seed's 5× claim is re-graded (Qingdao)",
        region: "qingdao",
        id: "article.fraud.fine_5x",
        confidence: Confidence::Reported,
        says: &["12个月"],
        never: &[],
        cites: "fund_regulation",
    },
    Correction {
        fact: "F18: no personal account, no sharing",
        region: "national",
        id: "family_sharing.no_personal_account",
        confidence: Confidence::Local,
        says: &["深圳", "没有个人账户"],
        never: &[],
        cites: "shenzhen_2023",
    },
    Correction {
        fact: "Three things people mix up",
        region: "national",
        id: "family_sharing.three_things",
        confidence: Confidence::Local,
        says: &["亲情账户", "家庭共济", "个人医保钱包"],
        never: &[],
        cites: "wuhan_family_account",
    },
    Correction {
        fact: "F15: Beijing's 2021 notice says 补充医疗保险",
        region: "national",
        id: "family_sharing.commercial_insurance",
        confidence: Confidence::Local,
        says: &["补充医疗保险", "沪惠保"],
        never: &[],
        cites: "beijing_2021_supplementary",
    },
    Correction {
        fact: "F16: 12393 has no A/B source yet",
        region: "national",
        id: "balance_query.hotline",
        confidence: Confidence::Reported,
        says: &["12393", "区号"],
        never: &[],
        cites: "hotline_12393_web",
    },
    Correction {
        fact: "F22: the pension seed claim",
        region: "hefei",
        id: "article.withdrawal.pension_account",
        confidence: Confidence::Disputed,
        says: &["继承", "15年"],
        never: &[],
        cites: "mohrss_13",
    },
    Correction {
        fact: "Seeds: no automatic emergency refund",
        region: "qingdao",
        id: "article.withdrawal.emergency_refund",
        confidence: Confidence::False,
        says: &["手工"],
        never: &[],
        cites: "social_insurance_exec_reg",
    },
    Correction {
        fact: "Seeds: other cities' examples are labelled",
        region: "national",
        id: "withdrawal.payment",
        confidence: Confidence::Local,
        says: &["乐山", "江苏"],
        never: &[],
        cites: "leshan_guide_2024",
    },
    Correction {
        fact: "Jiangsu: 江苏医保云 is the current channel",
        region: "jiangsu",
        id: "family_sharing.jiangsu_channel",
        confidence: Confidence::Reported,
        says: &["江苏医保云", "长期护理保险"],
        never: &[],
        cites: "jiangsu_sharing_2025",
    },
    Correction {
        fact: "Nanjing: the 2022 我的南京 route is history, not official",
        region: "nanjing",
        id: "family_sharing.nanjing_how",
        confidence: Confidence::Reported,
        says: &["我的南京"],
        never: &[],
        cites: "nanjing_family_transfer_2022",
    },
    Correction {
        fact: "Nanjing: a yearly cap is unverified, disputed not false",
        region: "nanjing",
        id: "family_sharing.yearly_cap_claim",
        confidence: Confidence::Disputed,
        says: &[],
        never: &[],
        cites: "xinhua_2026_01_09",
    },
    Correction {
        fact: "Qingdao: the 5-member claim is disputed, not false",
        region: "qingdao",
        id: "family_sharing.member_limit_claim",
        confidence: Confidence::Disputed,
        says: &["亲情账户"],
        never: &["35号"],
        cites: "xinhua_2026_01_09",
    },
    Correction {
        fact: "F18 in Shenzhen's own file: 二档 has no personal account",
        region: "shenzhen",
        id: "family_sharing.shenzhen_tier_two",
        confidence: Confidence::Local,
        says: &["二档", "没有个人账户", "不能为家人共济"],
        never: &[],
        cites: "shenzhen_2023",
    },
    Correction {
        fact: "Xi'an: the 2023 list (B/C), 出国定居 as the notice words it, a batch window",
        region: "xian",
        id: "withdrawal.xian_2023",
        confidence: Confidence::Reported,
        says: &["死亡", "出国定居", "外省", "主动放弃", "2023年"],
        never: &["出国（境）"],
        cites: "xian_withdrawal_2023",
    },
    Correction {
        fact: "Beijing: passbook money before 2022-09-01 (B, a report)",
        region: "beijing",
        id: "withdrawal.beijing_passbook",
        confidence: Confidence::Reported,
        says: &["2022年9月1日", "医保存折"],
        never: &[],
        cites: "beijing_2022_passbook",
    },
    Correction {
        fact: "Sichuan: the official FAQ of 2025-07-04 (A)",
        region: "sichuan",
        id: "family_sharing.sichuan_faq_2025",
        confidence: Confidence::Official,
        says: &["近亲属", "外孙子女"],
        never: &[],
        cites: "sichuan_faq_2025",
    },
];

#[test]
fn each_correction_of_facts_md_lives_in_its_statement() {
    let report = shipped();
    let mut wrong = Vec::new();
    for correction in CORRECTIONS {
        let resolved = report.set.resolve(correction.region).expect("region");
        let Some(statement) = resolved
            .statement_records(None)
            .into_iter()
            .find(|s| s.id == correction.id)
        else {
            wrong.push(format!(
                "{}: no statement {} in {}",
                correction.fact, correction.id, correction.region
            ));
            continue;
        };
        let words = format!(
            "{} {}",
            statement.text,
            statement.correction.clone().unwrap_or_default()
        );
        if statement.confidence != correction.confidence {
            wrong.push(format!(
                "{}: {} is {}, expected {}",
                correction.fact, correction.id, statement.confidence, correction.confidence
            ));
        }
        for said in correction.says {
            if !words.contains(said) {
                wrong.push(format!(
                    "{}: {} does not say {said:?}",
                    correction.fact, correction.id
                ));
            }
        }
        for unsaid in correction.never {
            if words.contains(unsaid) {
                wrong.push(format!(
                    "{}: {} says {unsaid:?}",
                    correction.fact, correction.id
                ));
            }
        }
        if !statement.sources.iter().any(|s| s.id == correction.cites) {
            wrong.push(format!(
                "{}: {} does not cite {}",
                correction.fact, correction.id, correction.cites
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn no_seed_claim_is_official_and_no_text_claims_a_national_list() {
    let report = shipped();
    for region in report.set.region_ids() {
        for statement in report
            .set
            .resolve(region)
            .expect("region")
            .statement_records(None)
        {
            let from_seed = statement.sources.iter().any(|s| s.source.seed.is_some());
            assert!(
                !(from_seed && statement.confidence == Confidence::Official),
                "{region}: {} is an official seed claim",
                statement.id
            );
            let words = format!(
                "{} {}",
                statement.text,
                statement.correction.clone().unwrap_or_default()
            );
            assert!(!words.contains("全国统一"), "{region}: {}", statement.id);
            assert!(
                !words.contains("医保发〔2025〕35号"),
                "{region}: {}",
                statement.id
            );
        }
    }
}

#[test]
fn superseded_sources_say_so_wherever_they_are_cited() {
    let report = shipped();
    let resolved = report.set.resolve("national").expect("national");
    let snapshot = resolved
        .statement_records(None)
        .into_iter()
        .find(|s| s.id == "family_sharing.cross_province_wallet")
        .expect("snapshot");
    let source = snapshot
        .sources
        .iter()
        .find(|s| s.id == "xinhua_2025_02_07")
        .expect("source");
    assert!(source.source.citation().contains("已被新规定取代"));
}
