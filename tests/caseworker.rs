//! Caseworker scenarios: what a person at the service window would be told, with the
//! expected verdict written from ../shared/FACTS.md (the row cited beside each), not from the
//! program's output.

use chrono::NaiveDate;
use yibao::checklist::{Answers, Checklist, evaluate};
use yibao::domain::{Fact, Procedure, Verdict};

use crate::support::shipped;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 30).expect("date")
}

/// One scenario: where, which procedure, the answers, the case to look at, the verdict a
/// caseworker expects, and why (the FACTS.md row).
struct Scenario {
    what: &'static str,
    region: &'static str,
    procedure: Procedure,
    answers: &'static [(Fact, &'static str)],
    case: &'static str,
    expected: Verdict,
    because: &'static str,
}

use Fact::*;
use Procedure::{Binding, Transfer, Withdrawal};
use Verdict::{ConfirmLocally, Eligible, NotEligible};

const SCENARIOS: &[Scenario] = &[
    // Death: heirs withdraw everywhere (F8).
    Scenario {
        what: "合肥：参保人去世",
        region: "hefei",
        procedure: Withdrawal,
        answers: &[(Deceased, "yes")],
        case: "death",
        expected: Eligible,
        because: "F8 death found everywhere",
    },
    Scenario {
        what: "青岛：参保人去世",
        region: "qingdao",
        procedure: Withdrawal,
        answers: &[(Deceased, "yes")],
        case: "death",
        expected: Eligible,
        because: "F8",
    },
    Scenario {
        what: "南京：参保人去世",
        region: "nanjing",
        procedure: Withdrawal,
        answers: &[(Deceased, "yes")],
        case: "death",
        expected: Eligible,
        because: "F8 Jiangsu list (1)",
    },
    // An emigrant in each city: no sourced list includes settling abroad there (F8).
    Scenario {
        what: "青岛：出国定居",
        region: "qingdao",
        procedure: Withdrawal,
        answers: &[(Deceased, "no"), (SettledAbroad, "yes")],
        case: "settle_abroad",
        expected: ConfirmLocally,
        because: "F8 only the 乐山 guide lists it",
    },
    Scenario {
        what: "南京：出国定居",
        region: "nanjing",
        procedure: Withdrawal,
        answers: &[(Deceased, "no"), (SettledAbroad, "yes")],
        case: "settle_abroad",
        expected: ConfirmLocally,
        because: "F8 not in the Jiangsu list",
    },
    Scenario {
        what: "合肥：放弃国籍并出国定居",
        region: "hefei",
        procedure: Withdrawal,
        answers: &[
            (Deceased, "no"),
            (SettledAbroad, "yes"),
            (LostNationality, "yes"),
        ],
        case: "settle_abroad",
        expected: ConfirmLocally,
        because: "F8 Hefei 2022 list, unofficial repost",
    },
    Scenario {
        what: "合肥：出国定居但保留国籍",
        region: "hefei",
        procedure: Withdrawal,
        answers: &[
            (Deceased, "no"),
            (SettledAbroad, "yes"),
            (LostNationality, "no"),
        ],
        case: "settle_abroad",
        expected: ConfirmLocally,
        because: "F8 Hefei's item needs renounced nationality; no list includes the rest",
    },
    Scenario {
        what: "青岛：只说了出国定居（命令行只给这一个回答）",
        region: "qingdao",
        procedure: Withdrawal,
        answers: &[(SettledAbroad, "yes")],
        case: "settle_abroad",
        expected: ConfirmLocally,
        because: "DOMAIN every answer given counts",
    },
    // Giving up, by employment type and as a retiree (F21, F8).
    Scenario {
        what: "青岛：单位职工想放弃",
        region: "qingdao",
        procedure: Withdrawal,
        answers: &[
            (Deceased, "no"),
            (InsuredStatus, "in_service"),
            (GivesUpEmployeeInsurance, "yes"),
            (EmploymentType, "employer"),
        ],
        case: "give_up_employee",
        expected: NotEligible,
        because: "F21 社保法第23条",
    },
    Scenario {
        what: "南京：单位职工想放弃",
        region: "nanjing",
        procedure: Withdrawal,
        answers: &[
            (Deceased, "no"),
            (InsuredStatus, "in_service"),
            (GivesUpEmployeeInsurance, "yes"),
            (EmploymentType, "employer"),
        ],
        case: "give_up_employee",
        expected: NotEligible,
        because: "F21",
    },
    Scenario {
        what: "南京：灵活就业放弃",
        region: "nanjing",
        procedure: Withdrawal,
        answers: &[
            (Deceased, "no"),
            (InsuredStatus, "in_service"),
            (GivesUpEmployeeInsurance, "yes"),
            (EmploymentType, "flexible"),
        ],
        case: "give_up_employee",
        expected: Eligible,
        because: "F8 Jiangsu list (2), F21",
    },
    Scenario {
        what: "青岛：灵活就业放弃",
        region: "qingdao",
        procedure: Withdrawal,
        answers: &[
            (Deceased, "no"),
            (InsuredStatus, "in_service"),
            (GivesUpEmployeeInsurance, "yes"),
            (EmploymentType, "flexible"),
        ],
        case: "give_up_employee",
        expected: ConfirmLocally,
        because: "F8 no national list, no Qingdao source",
    },
    Scenario {
        what: "南京：退休人员放弃",
        region: "nanjing",
        procedure: Withdrawal,
        answers: &[
            (Deceased, "no"),
            (InsuredStatus, "retired"),
            (GivesUpEmployeeInsurance, "yes"),
        ],
        case: "give_up_employee",
        expected: ConfirmLocally,
        because: "F21 only flexible workers may opt out; the Jiangsu list says nothing of retirees; warn first",
    },
    Scenario {
        what: "合肥：退休人员放弃",
        region: "hefei",
        procedure: Withdrawal,
        answers: &[
            (Deceased, "no"),
            (InsuredStatus, "retired"),
            (GivesUpEmployeeInsurance, "yes"),
        ],
        case: "give_up_employee",
        expected: ConfirmLocally,
        because: "F8 not in Hefei's list; F21 warn first",
    },
    Scenario {
        what: "合肥：在职，放弃，还没说是不是单位职工",
        region: "hefei",
        procedure: Withdrawal,
        answers: &[
            (Deceased, "no"),
            (InsuredStatus, "in_service"),
            (GivesUpEmployeeInsurance, "yes"),
        ],
        case: "give_up_employee",
        expected: ConfirmLocally,
        because: "F21 depends on employment type",
    },
    // A foreigner (F20): confirm locally everywhere.
    Scenario {
        what: "青岛：外籍人员离境",
        region: "qingdao",
        procedure: Withdrawal,
        answers: &[(Deceased, "no"), (ForeignNationalLeaving, "yes")],
        case: "foreigner_leaving",
        expected: ConfirmLocally,
        because: "F20",
    },
    Scenario {
        what: "合肥：外籍人员离境",
        region: "hefei",
        procedure: Withdrawal,
        answers: &[(Deceased, "no"), (ForeignNationalLeaving, "yes")],
        case: "foreigner_leaving",
        expected: ConfirmLocally,
        because: "F20; Hefei list (unofficial)",
    },
    Scenario {
        what: "南京：外籍人员离境",
        region: "nanjing",
        procedure: Withdrawal,
        answers: &[(Deceased, "no"), (ForeignNationalLeaving, "yes")],
        case: "foreigner_leaving",
        expected: ConfirmLocally,
        because: "F20",
    },
    // Lump-sum pension (F8 Jiangsu list (3); Hefei's item).
    Scenario {
        what: "南京：养老金一次性领取清退",
        region: "nanjing",
        procedure: Withdrawal,
        answers: &[(Deceased, "no"), (PensionLumpSum, "yes")],
        case: "pension_settlement",
        expected: Eligible,
        because: "F8 Jiangsu list (3)",
    },
    Scenario {
        what: "合肥：养老金一次性领取",
        region: "hefei",
        procedure: Withdrawal,
        answers: &[(Deceased, "no"), (PensionLumpSum, "yes")],
        case: "pension_settlement",
        expected: ConfirmLocally,
        because: "F8 Hefei list, unofficial",
    },
    Scenario {
        what: "青岛：养老金一次性领取",
        region: "qingdao",
        procedure: Withdrawal,
        answers: &[(Deceased, "no"), (PensionLumpSum, "yes")],
        case: "pension_settlement",
        expected: ConfirmLocally,
        because: "F8 no Qingdao list",
    },
    // Illness is never a withdrawal case (seed claims contradicted).
    Scenario {
        what: "合肥：大病想取钱",
        region: "hefei",
        procedure: Withdrawal,
        answers: &[(Deceased, "no"), (SeriousIllness, "yes")],
        case: "serious_illness",
        expected: NotEligible,
        because: "seeds: 74种大病 contradicted",
    },
    // Moving: into resident insurance in Hefei (its item), not accepted in Qingdao.
    Scenario {
        what: "合肥：调到外省只参加居民医保",
        region: "hefei",
        procedure: Withdrawal,
        answers: &[
            (Deceased, "no"),
            (Moving, "inter_province"),
            (NewScheme, "resident"),
        ],
        case: "transfer_not_accepted",
        expected: ConfirmLocally,
        because: "F8 Hefei item 2, F10",
    },
    Scenario {
        what: "青岛：调到外省只参加居民医保",
        region: "qingdao",
        procedure: Withdrawal,
        answers: &[
            (Deceased, "no"),
            (Moving, "inter_province"),
            (NewScheme, "resident"),
        ],
        case: "transfer_not_accepted",
        expected: ConfirmLocally,
        because: "F10 resident insurance has no personal account; local rules decide",
    },
    Scenario {
        what: "南京：调到外省只参加居民医保",
        region: "nanjing",
        procedure: Withdrawal,
        answers: &[
            (Deceased, "no"),
            (Moving, "inter_province"),
            (NewScheme, "resident"),
        ],
        case: "transfer_not_accepted",
        expected: ConfirmLocally,
        because: "F10; not in the Jiangsu list",
    },
    Scenario {
        what: "南京：外籍人员离境（江苏清单没有单列）",
        region: "nanjing",
        procedure: Withdrawal,
        answers: &[(Deceased, "no"), (ForeignNationalLeaving, "yes")],
        case: "foreigner_leaving",
        expected: ConfirmLocally,
        because: "F20; F8 Jiangsu list",
    },
    Scenario {
        what: "南京：在职跨省转出",
        region: "nanjing",
        procedure: Transfer,
        answers: &[
            (Moving, "inter_province"),
            (InsuredStatus, "in_service"),
            (NewScheme, "employee"),
        ],
        case: "transfer",
        expected: Eligible,
        because: "F10 national rule on the receiving side",
    },
    Scenario {
        what: "青岛：新参保地不接收余额",
        region: "qingdao",
        procedure: Withdrawal,
        answers: &[
            (Deceased, "no"),
            (Moving, "inter_province"),
            (NewPlaceAcceptsBalance, "no"),
        ],
        case: "transfer_not_accepted",
        expected: ConfirmLocally,
        because: "F8 local",
    },
    Scenario {
        what: "合肥：退休后异地居住",
        region: "hefei",
        procedure: Withdrawal,
        answers: &[
            (Deceased, "no"),
            (InsuredStatus, "retired"),
            (RetiredElsewhere, "yes"),
        ],
        case: "retired_elsewhere",
        expected: ConfirmLocally,
        because: "F17",
    },
    // Transfer (F10, F17).
    Scenario {
        what: "青岛：在职跨省转职工医保",
        region: "qingdao",
        procedure: Transfer,
        answers: &[
            (Moving, "inter_province"),
            (InsuredStatus, "in_service"),
            (NewScheme, "employee"),
        ],
        case: "transfer",
        expected: Eligible,
        because: "F10",
    },
    Scenario {
        what: "青岛：退休人员转移",
        region: "qingdao",
        procedure: Transfer,
        answers: &[
            (Moving, "inter_province"),
            (InsuredStatus, "retired"),
            (NewScheme, "employee"),
        ],
        case: "transfer",
        expected: ConfirmLocally,
        because: "F10 retirees excluded, F17",
    },
    Scenario {
        what: "南京：不转移",
        region: "nanjing",
        procedure: Transfer,
        answers: &[(Moving, "none")],
        case: "transfer",
        expected: NotEligible,
        because: "F10 nothing to transfer",
    },
    Scenario {
        what: "合肥：转到外省只参加居民医保",
        region: "hefei",
        procedure: Transfer,
        answers: &[
            (Moving, "inter_province"),
            (InsuredStatus, "in_service"),
            (NewScheme, "resident"),
        ],
        case: "transfer",
        expected: ConfirmLocally,
        because: "F10 resident insurance has no personal account",
    },
    Scenario {
        what: "青岛：新地方不参保",
        region: "qingdao",
        procedure: Transfer,
        answers: &[
            (Moving, "inter_province"),
            (InsuredStatus, "in_service"),
            (NewScheme, "none"),
        ],
        case: "transfer",
        expected: NotEligible,
        because: "F10",
    },
    Scenario {
        what: "南京：在职省内转移",
        region: "nanjing",
        procedure: Transfer,
        answers: &[
            (Moving, "intra_province"),
            (InsuredStatus, "in_service"),
            (NewScheme, "employee"),
        ],
        case: "transfer",
        expected: Eligible,
        because: "F10, F11 intra-province covered",
    },
    // Binding (F1–F3, F6 2026 notice, F18).
    Scenario {
        what: "青岛：父母在外省参加居民医保",
        region: "qingdao",
        procedure: Binding,
        answers: &[
            (HolderInsurance, "employee"),
            (Relation, "parent"),
            (MemberInsurance, "resident"),
            (MemberProvince, "other_province"),
        ],
        case: "binding",
        expected: Eligible,
        because: "F6 2026-01-09 notice: nationwide",
    },
    Scenario {
        what: "南京：兄弟姐妹在外省",
        region: "nanjing",
        procedure: Binding,
        answers: &[
            (HolderInsurance, "employee"),
            (Relation, "sibling"),
            (MemberInsurance, "employee"),
            (MemberProvince, "other_province"),
        ],
        case: "binding",
        expected: Eligible,
        because: "F2, F6",
    },
    Scenario {
        what: "南京：岳父母",
        region: "nanjing",
        procedure: Binding,
        answers: &[
            (HolderInsurance, "employee"),
            (Relation, "parent_in_law"),
            (MemberInsurance, "resident"),
            (MemberProvince, "same_province"),
        ],
        case: "binding",
        expected: NotEligible,
        because: "F3 in-laws are not 近亲属",
    },
    Scenario {
        what: "合肥：儿媳",
        region: "hefei",
        procedure: Binding,
        answers: &[
            (HolderInsurance, "employee"),
            (Relation, "child_in_law"),
            (MemberInsurance, "employee"),
            (MemberProvince, "same_province"),
        ],
        case: "binding",
        expected: NotEligible,
        because: "F3",
    },
    Scenario {
        what: "合肥：参保人自己是居民医保",
        region: "hefei",
        procedure: Binding,
        answers: &[
            (HolderInsurance, "resident"),
            (Relation, "parent"),
            (MemberInsurance, "resident"),
            (MemberProvince, "same_province"),
        ],
        case: "binding",
        expected: NotEligible,
        because: "F18 sharing needs a personal account",
    },
    Scenario {
        what: "青岛：外孙子女未参保",
        region: "qingdao",
        procedure: Binding,
        answers: &[
            (HolderInsurance, "employee"),
            (Relation, "maternal_grandchild"),
            (MemberInsurance, "none"),
            (MemberProvince, "same_province"),
        ],
        case: "binding",
        expected: Eligible,
        because: "F2 (a): premiums for an uninsured relative",
    },
];

fn run(scenario: &Scenario) -> Checklist {
    let answers: Answers = scenario
        .answers
        .iter()
        .map(|(f, v)| (*f, (*v).to_owned()))
        .collect();
    evaluate(
        &shipped().set,
        scenario.procedure,
        scenario.region,
        &answers,
        today(),
    )
    .expect("evaluates")
}

#[test]
fn a_caseworker_would_agree_with_every_verdict() {
    assert!(SCENARIOS.len() >= 30);
    let mut wrong = Vec::new();
    for scenario in SCENARIOS {
        let checklist = run(scenario);
        let case = checklist
            .cases
            .iter()
            .find(|c| c.case == scenario.case)
            .unwrap_or_else(|| panic!("{}: no case {}", scenario.what, scenario.case));
        if case.verdict != scenario.expected {
            wrong.push(format!(
                "{} ({}): expected {}, got {} — {}",
                scenario.what, scenario.because, scenario.expected, case.verdict, case.summary
            ));
        }
        // "Confirm locally" is the answer, not "answer more questions" (except where the
        // scenario leaves a question open on purpose).
        if scenario.expected == ConfirmLocally && !scenario.what.contains("还没说") {
            assert!(
                case.pending_questions.is_empty(),
                "{}: still pending {:?}",
                scenario.what,
                case.pending_questions
            );
        }
        // Every answer the scenario gives is used or reported.
        assert!(
            checklist.ignored_answers.is_empty(),
            "{}: answers ignored: {:?}",
            scenario.what,
            checklist.ignored_answers
        );
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

fn case_of<'a>(checklist: &'a Checklist, case: &str) -> &'a yibao::checklist::CaseResult {
    checklist
        .cases
        .iter()
        .find(|c| c.case == case)
        .expect("case")
}

fn scenario(what: &str) -> &'static Scenario {
    SCENARIOS.iter().find(|s| s.what == what).expect("scenario")
}

#[test]
fn an_employee_who_wants_to_give_up_is_told_the_law_that_forbids_it() {
    let checklist = run(scenario("青岛：单位职工想放弃"));
    let case = case_of(&checklist, "give_up_employee");
    assert!(case.summary.contains("第二十三条"), "{}", case.summary);
    assert!(case.reasons.iter().any(|r| {
        r.sources
            .iter()
            .any(|s| s.source.title.contains("社会保险法"))
    }));
}

#[test]
fn jiangsu_says_which_cases_are_not_on_its_list() {
    let checklist = run(scenario("南京：外籍人员离境（江苏清单没有单列）"));
    let case = case_of(&checklist, "foreigner_leaving");
    assert!(
        case.reasons[0].text.contains("江苏"),
        "{}",
        case.reasons[0].text
    );
}

#[test]
fn an_answer_no_local_rule_reads_is_reported() {
    // Only Hefei's list asks about nationality; elsewhere the answer is reported, not used.
    let answers: Answers = [
        (Deceased, "no".to_owned()),
        (SettledAbroad, "yes".to_owned()),
        (LostNationality, "yes".to_owned()),
    ]
    .into_iter()
    .collect();
    let qingdao =
        evaluate(&shipped().set, Withdrawal, "qingdao", &answers, today()).expect("evaluates");
    assert_eq!(
        qingdao.ignored_answers.len(),
        1,
        "{:?}",
        qingdao.ignored_answers
    );
    assert_eq!(qingdao.ignored_answers[0].fact, LostNationality);
    let hefei =
        evaluate(&shipped().set, Withdrawal, "hefei", &answers, today()).expect("evaluates");
    assert!(
        hefei.ignored_answers.is_empty(),
        "{:?}",
        hefei.ignored_answers
    );
}

#[test]
fn a_retiree_is_warned_before_giving_up() {
    for what in ["南京：退休人员放弃", "合肥：退休人员放弃"] {
        let checklist = run(scenario(what));
        let case = case_of(&checklist, "give_up_employee");
        assert!(
            case.cautions.iter().any(|c| c.text.contains("终身")),
            "{what}: {:?}",
            case.cautions
        );
    }
}

#[test]
fn the_foreigner_reason_cites_decree_16_and_41() {
    let checklist = run(scenario("青岛：外籍人员离境"));
    let case = case_of(&checklist, "foreigner_leaving");
    let numbers: Vec<&str> = case
        .reasons
        .iter()
        .flat_map(|r| r.sources.iter())
        .filter_map(|s| s.source.doc_number.as_deref())
        .collect();
    assert!(numbers.iter().any(|n| n.contains("第16号")), "{numbers:?}");
    assert!(numbers.iter().any(|n| n.contains("第41号")), "{numbers:?}");
}

#[test]
fn heirs_read_nothing_about_rejoining_and_no_prison_at_the_top() {
    for what in ["合肥：参保人去世", "青岛：参保人去世", "南京：参保人去世"]
    {
        let checklist = run(scenario(what));
        assert!(
            checklist
                .warnings
                .iter()
                .all(|w| !w.text.contains("重新参保")),
            "{what}: heirs are told about rejoining"
        );
        let first = &checklist.warnings[0].text;
        assert!(
            !first.contains("罚") && !first.contains("徒刑"),
            "{what}: the first notice is about penalties: {first}"
        );
        let death = case_of(&checklist, "death");
        let items: Vec<&str> = death.materials.iter().map(|m| m.item.as_str()).collect();
        assert!(
            items.iter().any(|i| i.contains("去世亲人")),
            "{what}: the deceased's ID or card: {items:?}"
        );
        assert!(
            death.materials.iter().any(|m| {
                m.item.contains("其他继承人")
                    && m.alternatives.iter().any(|a| a.contains("委托书"))
                    && m.alternatives.iter().any(|a| a.contains("继承权公证"))
            }),
            "{what}: several heirs: {items:?}"
        );
    }
}

#[test]
fn transfer_dates_and_worker_steps_only_for_a_covered_move() {
    for what in [
        "青岛：退休人员转移",
        "南京：不转移",
        "合肥：转到外省只参加居民医保",
        "青岛：新地方不参保",
    ] {
        let checklist = run(scenario(what));
        let case = case_of(&checklist, "transfer");
        assert!(case.time_limit.is_none(), "{what}: {:?}", case.time_limit);
        assert!(
            case.steps.iter().all(|s| !s.contains("10个工作日")),
            "{what}: worker steps {:?}",
            case.steps
        );
    }
    let resident = run(scenario("合肥：转到外省只参加居民医保"));
    let case = case_of(&resident, "transfer");
    assert!(case.summary.contains("没有个人账户"), "{}", case.summary);
    assert!(
        case.reasons.iter().all(|r| !r.text.contains("余额随")),
        "{:?}",
        case.reasons
    );
    let worker = run(scenario("青岛：在职跨省转职工医保"));
    let case = case_of(&worker, "transfer");
    let time_limit = case.time_limit.as_deref().expect("dates");
    assert!(time_limit.contains("信息表"), "{time_limit}");
    // 2026-11-30 + 10 working days = 12-14; + 5 = 12-21.
    assert!(time_limit.contains("2026-12-14") && time_limit.contains("2026-12-21"));
    let jiangsu = run(scenario("南京：在职省内转移"));
    let time_limit = case_of(&jiangsu, "transfer")
        .time_limit
        .clone()
        .expect("dates");
    assert!(time_limit.contains("个人账户资金"), "{time_limit}");
}

#[test]
fn an_answer_ruled_out_by_another_is_reported_not_dropped() {
    let answers: Answers = [
        (Deceased, "yes".to_owned()),
        (SettledAbroad, "yes".to_owned()),
    ]
    .into_iter()
    .collect();
    let checklist =
        evaluate(&shipped().set, Withdrawal, "qingdao", &answers, today()).expect("evaluates");
    assert_eq!(checklist.ignored_answers.len(), 1);
    let ignored = &checklist.ignored_answers[0];
    assert_eq!(ignored.fact, SettledAbroad);
    assert!(ignored.reason.contains("去世"), "{}", ignored.reason);
    // A fact the procedure never asks is reported too.
    let answers: Answers = [(Deceased, "yes".to_owned())].into_iter().collect();
    let transfer =
        evaluate(&shipped().set, Transfer, "qingdao", &answers, today()).expect("evaluates");
    assert_eq!(transfer.ignored_answers.len(), 1);
    assert!(transfer.ignored_answers[0].reason.contains("转移接续"));
}

// A community worker's day: the lists exported today and earlier, found again by day, opened
// or made again.
mod exported_lists {
    use super::*;
    use yibao::export::ExportFormat;
    use yibao::export::history::{ExportHistory, ExportRecord, HISTORY_FILE, MadeFrom};

    fn at(day: u32, hour: u32) -> chrono::NaiveDateTime {
        NaiveDate::from_ymd_opt(2026, 11, day)
            .and_then(|d| d.and_hms_opt(hour, 0, 0))
            .expect("a time")
    }

    fn death_list() -> (Answers, Checklist) {
        let answers: Answers = [(Deceased, "yes".to_owned())].into_iter().collect();
        let checklist =
            evaluate(&shipped().set, Withdrawal, "hefei", &answers, today()).expect("evaluates");
        (answers, checklist)
    }

    #[test]
    fn lists_are_found_again_by_day_after_a_restart() {
        let dir = tempfile::tempdir().expect("temp dir");
        let (answers, mut checklist) = death_list();
        let key = checklist.material_key(&checklist.cases[0].clone(), 0);
        checklist.ticked.insert(key);
        let (mut history, problem) = ExportHistory::load(dir.path());
        assert!(problem.is_none());
        for (who, day, hour) in [("王阿姨", 29, 15), ("李大爷", 30, 9), ("张奶奶", 30, 11)]
        {
            let record = ExportRecord::new(
                &checklist,
                MadeFrom::Answers {
                    answers: answers.clone(),
                },
                Some(who),
                &dir.path().join(format!("提取清单-{who}.pdf")),
                ExportFormat::Pdf,
                at(day, hour),
            );
            history.record(record).expect("saved");
        }
        // A new session reads the same history.
        let (again, problem) = ExportHistory::load(dir.path());
        assert!(problem.is_none());
        let days = again.by_day();
        assert_eq!(days.len(), 2);
        assert_eq!(
            days[0].0,
            NaiveDate::from_ymd_opt(2026, 11, 30).expect("day")
        );
        let today_names: Vec<&str> = days[0]
            .1
            .iter()
            .map(|r| r.who.as_deref().expect("who"))
            .collect();
        assert_eq!(today_names, ["张奶奶", "李大爷"], "newest first");
        assert_eq!(days[1].1[0].who.as_deref(), Some("王阿姨"));
        // Made again: the same list (same fingerprint), with the same ticks.
        let remade = days[1].1[0]
            .remake(&shipped().set, |_| None, today())
            .expect("made again");
        assert_eq!(remade.fingerprint, checklist.fingerprint);
        assert_eq!(remade.ticked, checklist.ticked);
    }

    #[test]
    fn a_family_that_is_gone_is_said_and_a_damaged_history_is_kept_aside() {
        let dir = tempfile::tempdir().expect("temp dir");
        let (_, checklist) = death_list();
        let record = ExportRecord::new(
            &checklist,
            MadeFrom::Family {
                family: "wang".to_owned(),
                full_personal_data: false,
            },
            Some("王某"),
            &dir.path().join("x.pdf"),
            ExportFormat::Pdf,
            at(30, 10),
        );
        let error = record
            .remake(&shipped().set, |_| None, today())
            .expect_err("the family is gone");
        assert!(error.to_string().contains("已经不在家庭列表里"), "{error}");
        // A damaged history file is renamed aside, never overwritten.
        std::fs::write(dir.path().join(HISTORY_FILE), "{ not json").expect("write");
        let (mut history, problem) = ExportHistory::load(dir.path());
        assert!(problem.is_some());
        assert!(history.records().is_empty());
        history.record(record).expect("saved");
        let aside: Vec<String> = std::fs::read_dir(dir.path())
            .expect("dir")
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|name| name.contains("damaged"))
            .collect();
        assert_eq!(aside.len(), 1, "{aside:?}");
        let kept = std::fs::read_to_string(dir.path().join(&aside[0])).expect("kept");
        assert_eq!(kept, "{ not json");
    }
}
