//! Checklists: every combination of answers in every region, the three export scenarios as
//! golden files, and the CLI.

use chrono::NaiveDate;
use yibao::checklist::{Answers, add_working_days, evaluate, questions_for};
use yibao::domain::{Fact, Procedure, Relation, Verdict, WithdrawalCase};
use yibao::export::{ExportFormat, render};
use yibao::policy::PolicySet;

use crate::support::shipped;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).expect("date")
}

fn answers(pairs: &[(Fact, &str)]) -> Answers {
    pairs.iter().map(|(f, v)| (*f, (*v).to_owned())).collect()
}

/// Groups of facts to combine exhaustively. A withdrawal case's verdict depends only on the
/// facts its conditions, refusals and cautions name, and on the facts that decide whether
/// those questions are asked; so every combination of each case's facts covers every
/// verdict that case can reach. Transfer and binding are small: all their facts at once.
fn fact_groups(set: &PolicySet, region: &str, procedure: Procedure) -> Vec<Vec<Fact>> {
    let resolved = set.resolve(region).expect("region");
    let questions = resolved.questions(procedure);
    let all: Vec<Fact> = questions.iter().map(|q| *q.item.fact.get_ref()).collect();
    if procedure != Procedure::Withdrawal {
        return vec![all];
    }
    let close = |mut facts: Vec<Fact>| {
        loop {
            let before = facts.len();
            for question in &questions {
                if facts.contains(question.item.fact.get_ref())
                    && let Some(condition) = &question.item.ask_if
                {
                    for (fact, _) in condition.get_ref().requirements() {
                        if !facts.contains(&fact) {
                            facts.push(fact);
                        }
                    }
                }
            }
            if facts.len() == before {
                return facts;
            }
        }
    };
    resolved
        .withdrawal_cases()
        .iter()
        .map(|case| {
            let rule = case.item;
            let mut facts: Vec<Fact> = Vec::new();
            let named = rule.when.get_ref().requirements().map(|(f, _)| f).chain(
                rule.refusals
                    .iter()
                    .chain(&rule.cautions)
                    .flat_map(|n| n.when.get_ref().requirements().map(|(f, _)| f)),
            );
            for fact in named {
                if !facts.contains(&fact) {
                    facts.push(fact);
                }
            }
            close(facts)
        })
        .collect()
}

/// Every fact a procedure asks in a region.
fn facts_of(set: &PolicySet, region: &str, procedure: Procedure) -> Vec<Fact> {
    let mut facts: Vec<Fact> = Vec::new();
    for group in fact_groups(set, region, procedure) {
        for fact in group {
            if !facts.contains(&fact) {
                facts.push(fact);
            }
        }
    }
    facts
}

/// Calls `visit` with every combination of answers to `facts` (each unknown or one of its
/// values).
fn for_every_combination(facts: &[Fact], visit: &mut dyn FnMut(&Answers)) {
    fn go(facts: &[Fact], current: &mut Answers, visit: &mut dyn FnMut(&Answers)) {
        let Some((fact, rest)) = facts.split_first() else {
            visit(current);
            return;
        };
        go(rest, current, visit);
        for (value, _) in fact.values() {
            current.insert(*fact, (*value).to_owned());
            go(rest, current, visit);
        }
        current.remove(fact);
    }
    go(facts, &mut Answers::new(), visit);
}

/// Checks one region and procedure for every combination of each group of facts, and for
/// a fixed pseudo-random sample of the whole answer space; returns how many were checked.
fn check_every_combination(set: &PolicySet, region: &str, procedure: Procedure) -> usize {
    let mut runs = 0usize;
    let groups = fact_groups(set, region, procedure);
    assert!(
        groups.iter().all(|g| !g.is_empty()),
        "{region} {procedure}: no questions"
    );
    let mut check = |answers: &Answers| {
        let checklist = evaluate(set, procedure, region, answers, today()).expect("evaluates");
        runs += 1;
        assert!(!checklist.cases.is_empty(), "{region} {procedure}: no case");
        assert!(
            !checklist.warnings.is_empty(),
            "{region} {procedure}: no warning"
        );
        for case in checklist
            .cases
            .iter()
            .filter(|c| c.verdict != Verdict::NotEligible)
        {
            let context = || format!("{region} {procedure} {answers:?} {:?}", case.case);
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
                "{region} {procedure} {answers:?} {:?}: nothing would change it",
                case.case
            );
        }
        // Every answer given counts: used, or reported with a reason.
        for (fact, value) in answers {
            let used = checklist.answers.get(fact) == Some(value);
            let reported = checklist
                .ignored_answers
                .iter()
                .any(|i| i.fact == *fact && &i.value == value && !i.reason.is_empty());
            assert!(
                used ^ reported,
                "{region} {procedure} {answers:?}: {fact}={value} neither used nor reported"
            );
        }
        if procedure == Procedure::Withdrawal {
            assert_eq!(checklist.cases.len(), WithdrawalCase::ALL.len());
            // Serious illness never qualifies.
            let illness = checklist
                .cases
                .iter()
                .find(|c| c.case == WithdrawalCase::SeriousIllness.id())
                .expect("case");
            assert_eq!(illness.verdict, Verdict::NotEligible);
        }
    };
    for group in &groups {
        for_every_combination(group, &mut check);
    }
    // Interactions across groups: a fixed sample of the whole space (xorshift, no seed
    // drawn at run time, so a failure repeats).
    let all = facts_of(set, region, procedure);
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    for _ in 0..5_000 {
        let mut answers = Answers::new();
        for fact in &all {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let values = fact.values();
            let pick = (state % (values.len() as u64 + 1)) as usize;
            if let Some((value, _)) = values.get(pick) {
                answers.insert(*fact, (*value).to_owned());
            }
        }
        check(&answers);
    }
    runs
}

#[test]
fn every_combination_of_answers_in_every_region_and_procedure_gives_a_usable_checklist() {
    let report = shipped();
    // Every region with rules of its own, and two places without (they use their ancestors'
    // rules, the same for all of them).
    let mut regions: Vec<&str> = report
        .set
        .regions_in_tree_order()
        .into_iter()
        .filter(|r| r.has_own_file())
        .map(|r| r.id())
        .collect();
    regions.extend(["chengdu", "guangzhou"]);
    // Regions are independent: check them on all cores.
    let runs: Vec<[usize; 3]> = std::thread::scope(|scope| {
        let workers: Vec<_> = regions
            .iter()
            .map(|region| {
                let set = &report.set;
                scope.spawn(move || {
                    [
                        Procedure::Withdrawal,
                        Procedure::Transfer,
                        Procedure::Binding,
                    ]
                    .map(|procedure| check_every_combination(set, region, procedure))
                })
            })
            .collect();
        workers
            .into_iter()
            .map(|w| w.join().expect("no panic"))
            .collect()
    });
    // Transfer: moving, status and new scheme, all combined; binding: holder insurance,
    // relation, member insurance, province, all combined; withdrawal: each case's facts.
    // Holder insurance: 3 values or unanswered; member insurance: 4 (不清楚 included) or
    // unanswered.
    let binding = 4 * (Relation::ALL.len() + 1) * 5 * 3 + 5_000;
    for [withdrawal, transfer, binding_runs] in runs {
        assert!(withdrawal > 5_000, "withdrawal: {withdrawal} runs");
        assert_eq!(transfer, 4 * 3 * 4 + 5_000);
        assert_eq!(binding_runs, binding);
    }
}

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
        for format in ExportFormat::ALL.iter().copied() {
            let bytes = render(&checklist, format).expect("renders");
            let text = golden_text(&bytes, format);
            if format == ExportFormat::Json {
                // Readable: Chinese as UTF-8, never \u escapes.
                assert!(!text.contains("\\u"), "{text}");
                assert!(text.contains("合") || text.contains("青") || text.contains("南"));
            }
            insta::assert_snapshot!(format!("{name}.{}", format.extension()), text);
        }
    }
}

/// What a golden file holds: the file's text, or for a PDF its pages' text, page by page.
fn golden_text(bytes: &[u8], format: ExportFormat) -> String {
    if format == ExportFormat::Pdf {
        let pages = pdf_extract::extract_text_from_mem_by_pages(bytes).expect("pdf text");
        pages
            .iter()
            .enumerate()
            .map(|(i, page)| format!("=== page {} of {}\n{}", i + 1, pages.len(), page.trim()))
            .collect::<Vec<_>>()
            .join("\n")
    } else {
        String::from_utf8(bytes.to_vec()).expect("utf-8")
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
    // No sourced Qingdao (or Shandong) list includes settling abroad (FACTS F8).
    let (_, case) = verdict_of(abroad.1, &abroad.2, WithdrawalCase::SettleAbroad);
    assert_eq!(case.verdict, Verdict::ConfirmLocally);
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
            .any(|r| r.text.contains("随医保关系转到新参保地")),
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
    let bytes = render(&checklist, ExportFormat::Pdf).expect("renders");
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
    // Someone not moving reads why in the window's language; the CLI and exports keep the
    // Chinese.
    let case = &checklist.cases[0];
    assert_eq!(case.summary_in(yibao::text::Lang::Zh), case.summary);
    let english = case.summary_in(yibao::text::Lang::En);
    assert!(english.contains("Not moving"), "{english}");
    let chinese = |text: &str| text.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
    let applicants = case
        .applicants_in(yibao::text::Lang::En)
        .expect("who can apply");
    assert!(!chinese(&applicants), "{applicants}");
    assert!(case.what_would_change.iter().all(|change| {
        !change
            .text(yibao::text::Lang::En)
            .chars()
            .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
    }));
}

fn binding(region: &str, pairs: &[(Fact, &str)]) -> yibao::checklist::Checklist {
    evaluate(
        &shipped().set,
        Procedure::Binding,
        region,
        &answers(pairs),
        today(),
    )
    .expect("evaluates")
}

#[test]
fn the_binding_checklist_follows_relation_insurance_and_province() {
    let same = binding(
        "hefei",
        &[
            (Fact::HolderInsurance, "employee"),
            (Fact::Relation, "parent"),
            (Fact::MemberInsurance, "resident"),
            (Fact::MemberProvince, "same_province"),
        ],
    );
    let case = &same.cases[0];
    assert_eq!(case.verdict, Verdict::Eligible);
    assert!(
        case.summary.contains("居民医保个人缴费"),
        "{}",
        case.summary
    );
    assert!(
        case.materials
            .iter()
            .any(|m| m.item.contains("亲属关系证明"))
    );
    assert!(case.steps.iter().any(|s| s.contains("家庭共济")));
    assert!(!case.steps.iter().any(|s| s.contains("个人医保钱包")));
    assert_eq!(case.fee.as_deref(), Some("不收费"));
    assert!(same.warnings.iter().any(|w| w.text.contains("冒名就医")));
    // The title names the relation: Chinese in files, English in the English window.
    assert_eq!(case.title, "绑定父母");
    assert_eq!(case.title_in(yibao::text::Lang::Zh), case.title);
    assert_eq!(case.title_in(yibao::text::Lang::En), "Bind: parent");
    // The fee the code wrote is said in the window's language too.
    assert_eq!(
        case.fee_in(yibao::text::Lang::Zh).as_deref(),
        Some("不收费")
    );
    let fee = case.fee_in(yibao::text::Lang::En).expect("a fee");
    assert!(
        !fee.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
        "{fee}"
    );
    // Without the relative's province both channels are listed, each step labelled by the
    // code: in English, the label is English (the policy step stays as written).
    let unknown = binding(
        "hefei",
        &[
            (Fact::HolderInsurance, "employee"),
            (Fact::Relation, "parent"),
            (Fact::MemberInsurance, "resident"),
        ],
    );
    let case = &unknown.cases[0];
    assert!(!case.steps.is_empty());
    for i in 0..case.steps.len() {
        assert_eq!(case.step_in(i, yibao::text::Lang::Zh), case.steps[i]);
        let english = case.step_in(i, yibao::text::Lang::En);
        assert!(english.starts_with("Relative in "), "{english}");
    }

    // Another province: since the 2026-01-09 notice sharing reaches the whole country
    // (FACTS F6), through the wallet.
    let other = binding(
        "hefei",
        &[
            (Fact::HolderInsurance, "employee"),
            (Fact::Relation, "parent"),
            (Fact::MemberInsurance, "employee"),
            (Fact::MemberProvince, "other_province"),
        ],
    );
    let case = &other.cases[0];
    assert_eq!(case.verdict, Verdict::Eligible);
    assert!(case.steps.iter().any(|s| s.contains("个人医保钱包")));
    assert!(case.reasons.iter().any(|r| r.text.contains("2026年1月9日")));
    assert!(case.reasons.iter().any(|r| r.text.contains("商业保险")));

    // A parent-in-law is ruled out as soon as the relation is known, with a way out.
    let in_law = binding("qingdao", &[(Fact::Relation, "parent_in_law")]);
    let case = &in_law.cases[0];
    assert_eq!(case.verdict, Verdict::NotEligible);
    assert!(case.summary.contains("不是近亲属"), "{}", case.summary);
    assert!(case.what_would_change.iter().any(|w| w.contains("子女")));
    assert!(case.materials.is_empty());

    // A resident-insured holder has no account to share.
    let resident = binding("qingdao", &[(Fact::HolderInsurance, "resident")]);
    assert_eq!(resident.cases[0].verdict, Verdict::NotEligible);

    // Unknown province: both channels, each step labelled, and the question pending.
    let unsure = binding(
        "qingdao",
        &[
            (Fact::HolderInsurance, "employee"),
            (Fact::Relation, "child"),
        ],
    );
    let case = &unsure.cases[0];
    assert_eq!(case.verdict, Verdict::ConfirmLocally);
    assert!(case.pending_questions.iter().any(|q| q.contains("哪个省")));
    assert!(case.steps.iter().any(|s| s.starts_with("家人在本省：")));
    assert!(case.steps.iter().any(|s| s.starts_with("家人在外省：")));

    // Nanjing's own channel comes from its file.
    let nanjing = binding("nanjing", &[]);
    assert!(nanjing.warnings.iter().any(|w| w.text.contains("我的南京")));
    assert!(!same.warnings.iter().any(|w| w.text.contains("我的南京")));
}

fn sample_family() -> yibao::family::Family {
    use yibao::domain::{Insurance, Relation};
    use yibao::family::{BindingStatus, Family, Member};
    let mut family = Family::new("wang", "王家", "nanjing");
    family.holder.name = "王建国".to_owned();
    family.holder.id_number = Some("11010519491231002X".to_owned());
    let member = |id, name: &str, relation, insurance, region: &str, status| Member {
        id,
        name: name.to_owned(),
        id_number: None,
        relation,
        insurance,
        region: region.to_owned(),
        status,
        bound_on: None,
        ended_on: None,
        supported_by_others: false,
        notes: String::new(),
    };
    family.members = vec![
        member(
            1,
            "李秀兰",
            Relation::Parent,
            Insurance::Resident,
            "nanjing",
            BindingStatus::Planned,
        ),
        member(
            2,
            "张志强",
            Relation::ParentInLaw,
            Insurance::Employee,
            "nanjing",
            BindingStatus::Planned,
        ),
        member(
            3,
            "王小明",
            Relation::Child,
            Insurance::Resident,
            "hefei",
            BindingStatus::Planned,
        ),
        member(
            4,
            "王旧人",
            Relation::Sibling,
            Insurance::Employee,
            "nanjing",
            BindingStatus::Ended,
        ),
    ];
    family.members[0].id_number = Some("320102195001011234".to_owned());
    family
}

#[test]
fn a_family_binding_checklist_checks_each_member_and_masks_personal_data() {
    use yibao::checklist::family_binding_checklist;
    use yibao::family::PersonalData;
    let report = shipped();
    let family = sample_family();
    let masked = family_binding_checklist(&report.set, &family, PersonalData::Masked, today())
        .expect("checklist");
    // The ended binding is left out; the others get a case each.
    assert_eq!(masked.cases.len(), 3);
    let verdicts: Vec<Verdict> = masked.cases.iter().map(|c| c.verdict).collect();
    assert_eq!(
        verdicts,
        [
            Verdict::Eligible,
            Verdict::NotEligible,
            // In another province: the wallet, nationwide since 2026-01-09 (FACTS F6).
            Verdict::Eligible
        ]
    );
    assert!(
        masked.cases[2]
            .steps
            .iter()
            .any(|s| s.contains("个人医保钱包"))
    );
    for format in ExportFormat::ALL.iter().copied() {
        let bytes = render(&masked, format).expect("renders");
        let text = if format == ExportFormat::Pdf {
            pdf_extract::extract_text_from_mem(&bytes).expect("pdf text")
        } else {
            // Markdown escapes the stars of a masked name.
            String::from_utf8(bytes).expect("utf-8").replace("\\*", "*")
        };
        for secret in [
            "王建国",
            "李秀兰",
            "11010519491231002X",
            "320102195001011234",
        ] {
            assert!(!text.contains(secret), "{format:?} shows {secret}");
        }
        assert!(text.contains("王**"), "{format:?} lacks the masked name");
        assert!(text.contains("3201**********1234"), "{format:?}");
        assert!(!text.contains("王旧人") && !text.contains("王**人"));
    }
    // Each member's case is titled by relation and masked name, in either language.
    let english: Vec<String> = masked
        .cases
        .iter()
        .map(|case| case.title_in(yibao::text::Lang::En))
        .collect();
    assert_eq!(
        english,
        [
            "Binding for parent 李** (ID 3201**********1234)",
            "Binding for parent-in-law 张**",
            "Binding for child 王**"
        ]
    );
    let full = family_binding_checklist(&report.set, &family, PersonalData::Included, today())
        .expect("checklist");
    let text =
        String::from_utf8(render(&full, ExportFormat::Markdown).expect("renders")).expect("utf-8");
    assert!(
        text.contains("李秀兰（身份证 320102195001011234）"),
        "{text}"
    );
    assert!(text.contains("王建国"));
    // The same family gives the same fingerprint; a different relation another one.
    let mut changed = family.clone();
    changed.members[0].relation = yibao::domain::Relation::Spouse;
    let again = family_binding_checklist(&report.set, &changed, PersonalData::Masked, today())
        .expect("checklist");
    assert_eq!(full.fingerprint, masked.fingerprint);
    assert_ne!(again.fingerprint, masked.fingerprint);
    // A member insured in a region the data does not know: to confirm, with both channels.
    let mut lost = family.clone();
    lost.members[0].region = "atlantis".to_owned();
    let checklist = family_binding_checklist(&report.set, &lost, PersonalData::Masked, today())
        .expect("checklist");
    let case = &checklist.cases[0];
    assert_eq!(case.verdict, Verdict::ConfirmLocally);
    assert!(case.summary.contains("参保地"), "{}", case.summary);
    assert!(!case.materials.is_empty() && !case.steps.is_empty());
    assert!(case.reasons.iter().any(|r| !r.sources.is_empty()));
}

#[test]
fn the_binding_export_matches_its_golden_file() {
    let checklist = binding(
        "nanjing",
        &[
            (Fact::HolderInsurance, "employee"),
            (Fact::Relation, "maternal_grandparent"),
            (Fact::MemberInsurance, "resident"),
            (Fact::MemberProvince, "same_province"),
        ],
    );
    for format in [ExportFormat::Markdown, ExportFormat::Pdf] {
        let text = golden_text(&render(&checklist, format).expect("renders"), format);
        insta::assert_snapshot!(
            format!("binding_nanjing_grandparent.{}", format.extension()),
            text
        );
    }
}

/// The PDF's text, page by page.
fn pdf_pages(checklist: &yibao::checklist::Checklist) -> Vec<String> {
    let bytes = render(checklist, ExportFormat::Pdf).expect("renders");
    pdf_extract::extract_text_from_mem_by_pages(&bytes).expect("pdf text")
}

#[test]
fn the_handouts_fit_one_page_and_keep_numbers_whole() {
    // Issue 13: the death-in-合肥, settle-abroad and binding handouts fit one A4 page.
    let report = shipped();
    let mut lists: Vec<yibao::checklist::Checklist> = scenarios()
        .into_iter()
        .take(2)
        .map(|(_, region, answers)| {
            evaluate(
                &report.set,
                Procedure::Withdrawal,
                region,
                &answers,
                today(),
            )
            .expect("evaluates")
        })
        .collect();
    lists.push(binding(
        "nanjing",
        &[
            (Fact::HolderInsurance, "employee"),
            (Fact::Relation, "maternal_grandparent"),
            (Fact::MemberInsurance, "resident"),
            (Fact::MemberProvince, "same_province"),
        ],
    ));
    for checklist in &lists {
        let pages = pdf_pages(checklist);
        assert_eq!(pages.len(), 1, "{}: {pages:?}", checklist.region_name);
        let text = &pages[0];
        // What to bring comes before the steps, the steps before the notices, the sources
        // last; the list number is explained once.
        let at = |needle: &str| text.find(needle).unwrap_or_else(|| panic!("{needle}"));
        assert!(at("要带的材料") < at("去哪里办"));
        assert!(at("去哪里办") < at("办理步骤"));
        assert!(at("办理步骤") < at("注意"));
        assert!(at("注意") < at("资料来源"));
        assert_eq!(text.matches("同样的事项、地区、回答和政策数据").count(), 1);
        assert!(text.contains(&format!("清单编号 {}", checklist.fingerprint)));
        assert!(text.contains("区号+12393"));
        for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
            let first = line.chars().next().expect("not empty");
            assert!(
                !"，。、；：！？）〕】》」』”".contains(first),
                "a line starts with closing punctuation: {line}"
            );
        }
        // Every 文号, date and number of the policy text is on one printed line.
        let document = yibao::export::document(checklist, None);
        for part in &document.parts {
            for section in &part.sections {
                for block in &section.blocks {
                    let written = block.plain_text();
                    for span in yibao::export::linebreak::protected_spans(&written) {
                        let token = &written[span.range];
                        if !span.pair && !token.contains(char::is_whitespace) {
                            assert!(
                                text.lines().any(|line| line.contains(token)),
                                "{token} is split in {}",
                                checklist.region_name
                            );
                        }
                    }
                }
            }
        }
    }
}

#[test]
fn a_family_list_has_a_page_per_person() {
    use yibao::checklist::family_binding_checklist;
    use yibao::family::PersonalData;
    let family = sample_family();
    let checklist =
        family_binding_checklist(&shipped().set, &family, PersonalData::Masked, today())
            .expect("checklist");
    let pages = pdf_pages(&checklist);
    // Three members are not ended; each has a page, then one for what they share.
    assert!(pages.len() >= 4, "{} pages", pages.len());
    for (page, name) in pages.iter().zip(["李**", "张**", "王**"]) {
        assert!(page.contains("为谁办"), "{page}");
        assert!(page.contains(name), "{name} not on its page: {page}");
    }
    // A relative who cannot be bound gets a page saying why, without materials.
    assert!(pages[1].contains("不符合"), "{}", pages[1]);
    assert!(!pages[1].contains("要带的材料"), "{}", pages[1]);
    assert!(pages[0].contains("要带的材料"), "{}", pages[0]);
    assert!(pages.last().expect("pages").contains("资料来源"));
}

#[test]
fn the_handout_says_where_to_go_from_the_regions_own_office_or_the_hotline() {
    // A test region whose file has an [office] (a fixture, not shipped data), and a district
    // under it without one.
    let city = r#"[region]
id = "testcity"
name = "测试市"
parent = "anhui"

[sources.test_office]
title = "测试市医保服务大厅办事指南"
issuer = "测试市医疗保障局"
grade = "A"

[office]
name = "测试市医保服务大厅"
address = "测试路1号"
phone = "0000-1234567"
hours = "工作日 9:00-17:00"
online = ["测试医保App"]
sources = ["test_office"]
"#;
    let district = r#"[region]
id = "testdistrict"
name = "测试区"
parent = "testcity"
"#;
    let report = crate::support::shipped_with(vec![
        crate::support::file("national/anhui/testcity.toml", city),
        crate::support::file("national/anhui/testcity/testdistrict.toml", district),
    ]);
    assert!(report.problems.is_empty(), "{:?}", report.problems);
    let death = answers(&[(Fact::Deceased, "yes")]);
    let list = |region: &str| {
        let checklist = evaluate(&report.set, Procedure::Withdrawal, region, &death, today())
            .expect("evaluates");
        String::from_utf8(render(&checklist, ExportFormat::Text).expect("renders")).expect("utf-8")
    };
    let text = list("testcity");
    let office = text
        .split("【去哪里办】")
        .nth(1)
        .and_then(|rest| rest.split('【').next())
        .expect("a where-to-go section");
    for shown in [
        "测试市医保服务大厅",
        "地址：测试路1号",
        "电话：0000-1234567",
        "办公时间：工作日 9:00-17:00",
        "网上办理：测试医保App",
        "12393",
    ] {
        assert!(office.contains(shown), "{shown} missing: {office}");
    }
    assert!(text.contains("测试市医疗保障局，《测试市医保服务大厅办事指南》"));
    // The district is not the city: no address is printed that its data does not show.
    let text = list("testdistrict");
    assert!(!text.contains("测试路1号"), "{text}");
    assert!(
        text.contains("参保地（测试区）医保经办机构的服务窗口"),
        "{text}"
    );
    assert!(text.contains("区号+12393"));
}

#[test]
fn an_office_without_sources_is_refused() {
    let city = r#"[region]
id = "testcity"
name = "测试市"
parent = "anhui"

[office]
name = "测试市医保服务大厅"
address = "测试路1号"
sources = []
"#;
    let report = crate::support::shipped_with(vec![crate::support::file(
        "national/anhui/testcity.toml",
        city,
    )]);
    assert!(
        report
            .problems
            .iter()
            .any(|d| d.to_string().contains("[office]")),
        "{:?}",
        report.problems
    );
}

/// FACTS F8: no national document lists the withdrawal cases, each province publishes its
/// own; where a city fact is missing the app sends the user to the local office rather than
/// guessing. A place without rules of its own therefore gets 需确认 for a case that rests on
/// another place's local practice; a province's own official list still holds in its cities.
#[test]
fn a_place_without_its_own_list_confirms_a_local_case_locally() {
    let report = shipped();
    let death = answers(&[(Fact::Deceased, "yes")]);
    let case_in = |region: &str| {
        evaluate(&report.set, Procedure::Withdrawal, region, &death, today())
            .expect("evaluates")
            .cases
            .into_iter()
            .find(|c| c.case == WithdrawalCase::Death.id())
            .expect("the death case")
    };
    let guangzhou = case_in("guangzhou");
    assert_eq!(guangzhou.verdict, Verdict::ConfirmLocally);
    assert!(
        guangzhou
            .reasons
            .iter()
            .any(|r| r.text.contains("没有收录广州市的办事指南")),
        "{:?}",
        guangzhou.reasons
    );
    assert!(
        guangzhou
            .what_would_change
            .iter()
            .any(|w| w.contains("广州市")),
        "{:?}",
        guangzhou.what_would_change
    );
    // The heir still sees what to bring.
    assert!(guangzhou.materials.iter().any(|m| m.item == "死亡证明"));
    // 成都 takes 四川's file, but this case is in the national file: the reason names 全国.
    let chengdu = case_in("chengdu");
    assert_eq!(chengdu.verdict, Verdict::ConfirmLocally);
    let borrowed = chengdu
        .reasons
        .iter()
        .find(|r| r.text.contains("没有收录成都市的办事指南"))
        .expect("the reason for 需确认");
    assert!(
        borrowed.text.contains("全国的规定") && !borrowed.text.contains("四川省"),
        "{}",
        borrowed.text
    );
    // 苏州 has no file, but 江苏's official guide lists death for the whole province.
    assert_eq!(case_in("jiangsu_suzhou").verdict, Verdict::Eligible);
    // A city with its own list is unchanged.
    assert_eq!(case_in("hefei").verdict, Verdict::Eligible);
}
