//! Resolution: a region sees its ancestors' statements and rules; the nearer region wins.

use crate::support::{file, shipped, shipped_with};
use yibao::domain::{Relation, Topic, WithdrawalCase};

#[test]
fn nanjing_sees_national_and_provincial_statements() {
    let report = shipped();
    let nanjing = report.set.resolve("nanjing").expect("nanjing");
    assert_eq!(nanjing.path_label(), "全国 › 江苏省 › 南京市");
    let statements = nanjing.statements();
    let relatives = statements
        .iter()
        .find(|s| s.item.key() == "family_sharing.relatives")
        .expect("the national list of 近亲属 is visible in 南京");
    assert_eq!(relatives.defined_in.id(), "national");
    assert!(
        statements.iter().any(|s| s.defined_in.id() == "jiangsu"),
        "江苏 statements are visible in 南京"
    );
    assert!(statements.iter().any(|s| s.defined_in.id() == "nanjing"));
    // A sibling province's statements are not.
    assert!(statements.iter().all(|s| s.defined_in.id() != "anhui"));
}

#[test]
fn a_city_statement_replaces_the_national_one_with_the_same_key() {
    let city = r#"[region]
id = "nanjing"
name = "南京市"
parent = "jiangsu"

[sources.nj_guide]
title = "南京市个人账户支取指南"
issuer = "南京市医疗保障局"

[[statements]]
id = "withdrawal.payment"
topic = "withdrawal"
text = "南京：审核通过后5个工作日内打到银行账户。"
confidence = "local"
sources = ["nj_guide"]
verified_on = 2026-11-23
"#;
    let report = shipped_with(vec![file("user/nanjing.toml", city)]);
    assert!(report.is_clean(), "{:?}", report.problems);

    let national = report.set.resolve("national").expect("national");
    let national_order: Vec<String> = national
        .statements_on(Topic::Withdrawal)
        .iter()
        .map(|s| s.item.key().to_owned())
        .collect();

    let nanjing = report.set.resolve("nanjing").expect("nanjing");
    let withdrawal = nanjing.statements_on(Topic::Withdrawal);
    let payment: Vec<_> = withdrawal
        .iter()
        .filter(|s| s.item.key() == "withdrawal.payment")
        .collect();
    assert_eq!(payment.len(), 1, "the override replaces, it does not add");
    assert_eq!(payment[0].defined_in.id(), "nanjing");
    assert!(payment[0].item.text.starts_with("南京"));
    let sources = nanjing.cite(payment[0].item.sources.get_ref());
    assert_eq!(
        sources[0].source.issuer.as_deref(),
        Some("南京市医疗保障局")
    );
    // The override keeps the inherited statement's place in the order.
    let nanjing_order: Vec<String> = withdrawal
        .iter()
        .filter(|s| national_order.contains(&s.item.key().to_owned()))
        .map(|s| s.item.key().to_owned())
        .collect();
    assert_eq!(nanjing_order, national_order);

    // Other cities still see the national statement.
    let hefei = report.set.resolve("hefei").expect("hefei");
    let hefei_payment = hefei
        .statements_on(Topic::Withdrawal)
        .into_iter()
        .find(|s| s.item.key() == "withdrawal.payment")
        .expect("inherited");
    assert_eq!(hefei_payment.defined_in.id(), "national");
}

#[test]
fn rules_are_inherited_and_overridable() {
    let city = r#"[region]
id = "qingdao"
name = "青岛市"
parent = "shandong"

[sources.qd]
title = "青岛市规定"
issuer = "青岛市医疗保障局"
grade = "A"
level = "city"

[[withdrawal_cases]]
case = "retired_elsewhere"
title = "异地安置退休"
when = { insured_status = "retired", retired_elsewhere = "yes" }
outcome = "eligible"
confidence = "official"
reason = "青岛允许。"
steps = ["到窗口办理。"]
sources = ["qd"]

[[withdrawal_cases.materials]]
item = "身份证"
"#;
    let report = shipped_with(vec![file("user/qingdao.toml", city)]);
    assert!(report.is_clean(), "{:?}", report.problems);
    let qingdao = report.set.resolve("qingdao").expect("qingdao");
    let case = qingdao
        .withdrawal_case(WithdrawalCase::RetiredElsewhere)
        .expect("case");
    assert_eq!(case.defined_in.id(), "qingdao");
    assert_eq!(case.item.outcome, yibao::domain::Verdict::Eligible);
    let death = qingdao
        .withdrawal_case(WithdrawalCase::Death)
        .expect("inherited");
    assert_eq!(death.defined_in.id(), "national");
    let spouse = qingdao.relation_rule(Relation::Spouse).expect("inherited");
    assert!(spouse.item.qualifies);
    assert!(qingdao.binding().is_some());
    assert_eq!(
        qingdao.transfer().map(|t| t.item.sending_working_days),
        Some(10)
    );
}

#[test]
fn statements_know_when_they_are_in_force() {
    let report = shipped();
    let national = report.set.resolve("national").expect("national");
    let statements = national.statements();
    let day = |y, m, d| chrono::NaiveDate::from_ymd_opt(y, m, d).expect("date");
    let find = |key: &str| {
        statements
            .iter()
            .find(|s| s.item.key() == key)
            .unwrap_or_else(|| panic!("{key}"))
    };
    // The 2026 notice starts on its day; the Feb-2025 snapshot ends the day before.
    let notice_2026 = find("family_sharing.cross_province_2026");
    assert!(!notice_2026.item.in_force_on(day(2026, 1, 8)));
    assert!(notice_2026.item.in_force_on(day(2026, 1, 9)));
    let snapshot_2025 = find("family_sharing.cross_province_wallet");
    assert!(snapshot_2025.item.in_force_on(day(2025, 2, 4)));
    assert!(!snapshot_2025.item.in_force_on(day(2026, 1, 9)));
}

#[test]
fn a_place_without_its_own_rules_says_whose_rules_it_shows_in_both_languages() {
    let report = crate::support::shipped();
    let rules = yibao::policy::tree::place_rules(&report.set, "广州").expect("广州 is a place");
    assert_eq!(rules.asked, "guangzhou");
    assert_eq!(rules.data_from, "national");
    let say = rules.fallback_said().expect("a note");
    assert_eq!(
        say.text(yibao::text::Lang::Zh),
        "本地规定未收录，以下是全国的规定；请向广州市的医保经办机构确认。"
    );
    assert!(
        say.text(yibao::text::Lang::En)
            .starts_with("This app has no rules of 广州市 itself: these are the rules of 全国"),
        "{}",
        say.text(yibao::text::Lang::En)
    );
    // A place with a file of its own has no note.
    let nanjing = yibao::policy::tree::place_rules(&report.set, "南京市").expect("南京");
    assert!(nanjing.fallback_said().is_none());
}
