//! Checklists: every combination of answers in every region, the three export scenarios as
//! golden files, and the CLI.

use chrono::NaiveDate;
use yibao::checklist::{Answers, add_working_days, evaluate, questions_for};
use yibao::domain::{Fact, Procedure, Verdict, WithdrawalCase};
use yibao::export::{ExportFormat, render};

use crate::support::shipped;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).expect("date")
}

fn answers(pairs: &[(Fact, &str)]) -> Answers {
    pairs.iter().map(|(f, v)| (*f, (*v).to_owned())).collect()
}

/// Calls `visit` with every combination of answers (each fact unknown or one of its values).
fn for_every_combination(visit: &mut dyn FnMut(&Answers)) {
    fn go(index: usize, current: &mut Answers, visit: &mut dyn FnMut(&Answers)) {
        let Some(fact) = Fact::ALL.get(index) else {
            visit(current);
            return;
        };
        go(index + 1, current, visit);
        for (value, _) in fact.values() {
            current.insert(*fact, (*value).to_owned());
            go(index + 1, current, visit);
        }
        current.remove(fact);
    }
    go(0, &mut Answers::new(), visit);
}

/// Checks one region for every combination; returns how many were checked.
fn check_every_combination(set: &yibao::policy::PolicySet, region: &str) -> usize {
    let mut runs = 0usize;
    for_every_combination(&mut |answers| {
        let checklist =
            evaluate(set, Procedure::Withdrawal, region, answers, today()).expect("evaluates");
        runs += 1;
        assert_eq!(checklist.cases.len(), WithdrawalCase::ALL.len());
        for case in checklist
            .cases
            .iter()
            .filter(|c| c.verdict != Verdict::NotEligible)
        {
            let context = || format!("{region} {answers:?} {:?}", case.case);
            assert!(!case.materials.is_empty(), "no material: {}", context());
            assert!(!case.steps.is_empty(), "no step: {}", context());
            assert!(
                case.reasons.iter().any(|r| !r.sources.is_empty()),
                "no source: {}",
                context()
            );
        }
        for case in checklist
            .cases
            .iter()
            .filter(|c| c.verdict != Verdict::Eligible)
        {
            assert!(
                !case.what_would_change.is_empty(),
                "{region} {answers:?} {:?}: nothing would change it",
                case.case
            );
        }
        // Serious illness never qualifies.
        let illness = checklist
            .cases
            .iter()
            .find(|c| c.case == WithdrawalCase::SeriousIllness.id())
            .expect("case");
        assert_eq!(illness.verdict, Verdict::NotEligible);
    });
    runs
}

#[test]
fn every_combination_of_answers_in_every_region_gives_a_usable_checklist() {
    let report = shipped();
    let regions = report.set.region_ids();
    // Regions are independent: check them on all cores.
    let runs: usize = std::thread::scope(|scope| {
        let workers: Vec<_> = regions
            .iter()
            .map(|region| {
                let set = &report.set;
                scope.spawn(move || check_every_combination(set, region))
            })
            .collect();
        workers
            .into_iter()
            .map(|w| w.join().expect("no panic"))
            .sum()
    });
    assert_eq!(runs, regions.len() * 3usize.pow(9) * 4usize.pow(2));
}

/// The three scenarios of the golden files.
fn scenarios() -> Vec<(&'static str, &'static str, Answers)> {
    vec![
        ("death_hefei", "hefei", answers(&[(Fact::Deceased, "yes")])),
        (
            "settle_abroad_qingdao",
            "qingdao",
            answers(&[(Fact::Deceased, "no"), (Fact::SettledAbroad, "yes")]),
        ),
        (
            "move_nanjing_accepted",
            "nanjing",
            answers(&[
                (Fact::Deceased, "no"),
                (Fact::Moving, "inter_province"),
                (Fact::NewScheme, "employee"),
                (Fact::NewPlaceAcceptsBalance, "yes"),
            ]),
        ),
    ]
}

#[test]
fn exports_match_the_golden_files() {
    let report = shipped();
    for (name, region, answers) in scenarios() {
        let checklist = evaluate(
            &report.set,
            Procedure::Withdrawal,
            region,
            &answers,
            today(),
        )
        .expect("evaluates");
        for format in ExportFormat::ALL
            .into_iter()
            .filter(|f| *f != ExportFormat::Pdf)
        {
            let bytes = render(&checklist, format);
            let text = String::from_utf8(bytes).expect("utf-8");
            insta::assert_snapshot!(format!("{name}.{}", format.extension()), text);
        }
    }
}

#[test]
fn the_scenarios_reach_the_right_verdicts() {
    let report = shipped();
    let verdict_of = |region: &str, answers: &Answers, case: WithdrawalCase| {
        let checklist = evaluate(&report.set, Procedure::Withdrawal, region, answers, today())
            .expect("evaluates");
        let result = checklist
            .cases
            .iter()
            .find(|c| c.case == case.id())
            .expect("case")
            .clone();
        (checklist, result)
    };
    let [death, abroad, moving] = scenarios().try_into().unwrap_or_else(|_| panic!("three"));
    let (_, case) = verdict_of(death.1, &death.2, WithdrawalCase::Death);
    assert_eq!(case.verdict, Verdict::Eligible);
    assert!(case.materials.iter().any(|m| m.item == "死亡证明"));
    let (_, case) = verdict_of(abroad.1, &abroad.2, WithdrawalCase::SettleAbroad);
    assert_eq!(case.verdict, Verdict::Eligible);
    let (checklist, case) = verdict_of(moving.1, &moving.2, WithdrawalCase::TransferNotAccepted);
    assert_eq!(case.verdict, Verdict::NotEligible);
    assert!(case.what_would_change.iter().any(|w| w.contains("否")));
    assert!(
        checklist
            .cases
            .iter()
            .all(|c| c.verdict != Verdict::Eligible)
    );
    assert!(
        checklist
            .balance_can
            .iter()
            .any(|r| r.text.contains("随医保关系一起转移")),
        "with nothing to withdraw, the list says what the balance can do"
    );
    // Same inputs, same fingerprint; different answers, different fingerprint.
    let again = evaluate(
        &report.set,
        Procedure::Withdrawal,
        moving.1,
        &moving.2,
        today(),
    )
    .expect("again");
    assert_eq!(again.fingerprint, checklist.fingerprint);
    let other = evaluate(
        &report.set,
        Procedure::Withdrawal,
        death.1,
        &death.2,
        today(),
    )
    .expect("other");
    assert_ne!(other.fingerprint, checklist.fingerprint);
}

#[test]
fn questions_appear_only_when_they_can_matter() {
    let report = shipped();
    let shown = |answers: &Answers| -> Vec<Fact> {
        questions_for(&report.set, "nanjing", Procedure::Withdrawal, answers)
            .expect("questions")
            .into_iter()
            .filter(|q| q.shown)
            .map(|q| q.fact)
            .collect()
    };
    assert_eq!(shown(&Answers::new()), vec![Fact::Deceased]);
    let alive = answers(&[(Fact::Deceased, "no")]);
    assert!(shown(&alive).contains(&Fact::Moving));
    assert!(!shown(&alive).contains(&Fact::NewPlaceAcceptsBalance));
    let moving = answers(&[(Fact::Deceased, "no"), (Fact::Moving, "intra_province")]);
    assert!(shown(&moving).contains(&Fact::NewPlaceAcceptsBalance));
    let died = answers(&[(Fact::Deceased, "yes")]);
    assert_eq!(shown(&died), vec![Fact::Deceased]);
}

#[test]
fn the_pdf_is_small_and_its_chinese_text_can_be_extracted() {
    let report = shipped();
    let (_, region, answers) = scenarios().remove(0);
    let checklist = evaluate(
        &report.set,
        Procedure::Withdrawal,
        region,
        &answers,
        today(),
    )
    .expect("evaluates");
    let bytes = render(&checklist, ExportFormat::Pdf);
    assert!(bytes.starts_with(b"%PDF"), "a PDF");
    assert!(
        bytes.len() < 500_000,
        "font subset keeps it small: {} bytes",
        bytes.len()
    );
    // Read the text back as a PDF reader would (through the font's ToUnicode map).
    let text = pdf_extract::extract_text_from_mem(&bytes).expect("readable PDF");
    for expected in [
        "死亡证明",
        "继承人身份证",
        "个人账户一次性支取申请表",
        "12393",
        "第 1 /",
    ] {
        assert!(
            text.contains(expected),
            "{expected} not in the PDF text:\n{text}"
        );
    }
}

#[test]
fn working_days_skip_weekends() {
    let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).expect("date");
    // Monday + 10 working days = the Monday two weeks later.
    assert_eq!(add_working_days(day(11, 23), 10), day(12, 7));
    // Friday + 1 = Monday; Saturday + 1 = Monday.
    assert_eq!(add_working_days(day(11, 27), 1), day(11, 30));
    assert_eq!(add_working_days(day(11, 28), 1), day(11, 30));
    assert_eq!(add_working_days(day(11, 23), 0), day(11, 23));
}

#[test]
fn the_transfer_checklist_gives_the_completion_date_and_its_limits() {
    let report = shipped();
    let moving = answers(&[
        (Fact::Moving, "inter_province"),
        (Fact::InsuredStatus, "in_service"),
        (Fact::NewScheme, "employee"),
    ]);
    for region in report.set.region_ids() {
        let checklist = evaluate(&report.set, Procedure::Transfer, region, &moving, today())
            .expect("evaluates");
        let case = &checklist.cases[0];
        assert_eq!(case.verdict, Verdict::Eligible, "{region}");
        let limit = case.time_limit.as_deref().unwrap_or("");
        assert!(
            limit.contains("2026-12-07") && limit.contains("2026-12-14"),
            "{limit}"
        );
        assert!(limit.contains("没有扣除法定节假日"));
        assert!(case.materials.iter().any(|m| m.item.contains("参保凭证")));
        assert!(!case.steps.is_empty() && !checklist.warnings.is_empty());
        assert!(
            case.reasons[0]
                .sources
                .iter()
                .any(|s| s.source.doc_number.as_deref() == Some("医保办发〔2021〕43号"))
        );
    }
    let retired = answers(&[
        (Fact::Moving, "intra_province"),
        (Fact::InsuredStatus, "retired"),
    ]);
    let checklist = evaluate(
        &report.set,
        Procedure::Transfer,
        "qingdao",
        &retired,
        today(),
    )
    .expect("evaluates");
    assert_eq!(checklist.cases[0].verdict, Verdict::ConfirmLocally);
    assert!(!checklist.cases[0].what_would_change.is_empty());
    let staying = answers(&[(Fact::Moving, "none")]);
    let checklist = evaluate(
        &report.set,
        Procedure::Transfer,
        "qingdao",
        &staying,
        today(),
    )
    .expect("evaluates");
    assert_eq!(checklist.cases[0].verdict, Verdict::NotEligible);
    // Every combination of the transfer questions gives a usable list.
    for_every_combination(&mut |answers| {
        let checklist = evaluate(&report.set, Procedure::Transfer, "hefei", answers, today())
            .expect("evaluates");
        for case in &checklist.cases {
            if case.verdict != Verdict::NotEligible {
                assert!(!case.materials.is_empty() && !case.steps.is_empty());
            }
            if case.verdict != Verdict::Eligible {
                assert!(!case.what_would_change.is_empty(), "{answers:?}");
            }
        }
    });
    let binding = evaluate(
        &report.set,
        Procedure::Binding,
        "hefei",
        &Answers::new(),
        today(),
    );
    assert!(
        binding.is_err(),
        "binding checklists are not there yet and say so"
    );
}
