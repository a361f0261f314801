//! Family binding core: verdicts for every relation × insurance × distance in every city,
//! ID numbers, money, the payment simulation and the edit history.

use chrono::NaiveDate;
use proptest::prelude::*;
use rust_decimal::Decimal;
use yibao::domain::{Insurance, Relation, Use, Verdict};
use yibao::family::{
    AmountError, BindingQuery, BindingStatus, Expense, Family, FamilyDocument, FamilyEdit,
    IdNumber, IdNumberError, Member, check_binding, format_yuan, parse_amount, review_family,
    simulate,
};

use crate::support::shipped;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("date")
}

fn today() -> NaiveDate {
    day(2026, 11, 23)
}

const QUALIFYING: [Relation; 8] = [
    Relation::Spouse,
    Relation::Parent,
    Relation::Child,
    Relation::Sibling,
    Relation::Grandparent,
    Relation::MaternalGrandparent,
    Relation::Grandchild,
    Relation::MaternalGrandchild,
];

/// The rules of FACTS.md F1–F6 (and the Jiangsu city note), stated independently of the
/// policy files.
fn expected(
    holder_city: &str,
    holder: Insurance,
    relation: Relation,
    member: Insurance,
) -> (Verdict, Vec<Use>) {
    if holder != Insurance::Employee || !QUALIFYING.contains(&relation) {
        return (Verdict::NotEligible, Vec::new());
    }
    // 长期护理保险 contributions: a use where the region runs it; Jiangsu's 2025 page lists it.
    let care = holder_city == "nanjing";
    let mut uses = match member {
        Insurance::Employee => vec![Use::MedicalSelfPay, Use::Pharmacy],
        Insurance::Resident => vec![Use::MedicalSelfPay, Use::Pharmacy, Use::ResidentPremium],
        Insurance::None => vec![Use::ResidentPremium],
        // DOMAIN.md: a relative's insurance not known → to confirm, nothing promised.
        Insurance::Unknown => return (Verdict::ConfirmLocally, Vec::new()),
    };
    if care && member != Insurance::None {
        uses.push(Use::LongTermCarePremium);
    }
    // Since the 2026-01-09 notice (F6), sharing reaches 近亲属 in every province: the same
    // verdict in the same province and in another.
    (Verdict::Eligible, uses)
}

#[test]
fn every_relation_insurance_and_distance_in_every_city() {
    let report = shipped();
    let cities = [
        ("qingdao", "shandong", "nanjing"),
        ("hefei", "anhui", "qingdao"),
        ("nanjing", "jiangsu", "hefei"),
    ];
    let mut checked = 0;
    for (city, province, other_province_city) in cities {
        // A holder's own insurance is always known; a relative's may be 不清楚.
        for holder in Insurance::FOR_HOLDER {
            for relation in Relation::ALL {
                for member in Insurance::ALL {
                    for member_region in [city, province, other_province_city] {
                        let verdict = check_binding(
                            &report.set,
                            &BindingQuery {
                                holder_region: city,
                                holder_insurance: *holder,
                                relation: *relation,
                                member_insurance: *member,
                                member_region: Some(member_region),
                                supported_by_others: false,
                            },
                        )
                        .expect("known regions");
                        let (verdict_expected, uses_expected) =
                            expected(city, *holder, *relation, *member);
                        let case = format!(
                            "{city}: holder {holder}, {relation}, member {member} in {member_region}"
                        );
                        assert_eq!(verdict.verdict, verdict_expected, "{case}");
                        assert_eq!(verdict.allowed_uses, uses_expected, "{case}");
                        assert!(!verdict.reasons.is_empty(), "{case}: no reason");
                        assert!(
                            verdict.reasons.iter().any(|r| !r.sources.is_empty()),
                            "{case}: no reason has a source"
                        );
                        assert!(!verdict.allowed_uses.contains(&Use::Cash), "{case}");
                        assert!(
                            !verdict.allowed_uses.contains(&Use::CommercialInsurance),
                            "{case}"
                        );
                        checked += 1;
                    }
                }
            }
        }
    }
    assert_eq!(checked, 3 * 3 * 17 * 4 * 3);
}

#[test]
fn a_relative_whose_insurance_is_not_known_learns_how_to_find_out() {
    let report = shipped();
    let verdict = check_binding(
        &report.set,
        &BindingQuery {
            holder_region: "nanjing",
            holder_insurance: Insurance::Employee,
            relation: Relation::Parent,
            member_insurance: Insurance::Unknown,
            member_region: Some("nanjing"),
            supported_by_others: false,
        },
    )
    .expect("verdict");
    assert_eq!(verdict.verdict, Verdict::ConfirmLocally);
    assert!(verdict.allowed_uses.is_empty());
    let how = verdict
        .reasons
        .iter()
        .find(|r| r.text.contains("不清楚"))
        .expect("a reason about the unknown insurance");
    assert!(
        how.text.contains("12393") && how.text.contains("国家医保服务平台"),
        "{}",
        how.text
    );
    let english = how.text_in(yibao::text::Lang::En);
    assert!(english.contains("12393"), "{english}");
}

#[test]
fn a_rejected_relation_says_why_and_what_to_do_instead() {
    let report = shipped();
    let verdict = check_binding(
        &report.set,
        &BindingQuery {
            holder_region: "hefei",
            holder_insurance: Insurance::Employee,
            relation: Relation::ParentInLaw,
            member_insurance: Insurance::Resident,
            member_region: None,
            supported_by_others: false,
        },
    )
    .expect("verdict");
    assert_eq!(verdict.verdict, Verdict::NotEligible);
    let text = &verdict.reasons[0].text;
    assert!(
        text.contains("不是近亲属") && text.contains("配偶"),
        "{text}"
    );
    assert_eq!(verdict.reasons[0].sources[0].id, "civil_code_1045");
}

#[test]
fn a_resident_holder_learns_what_is_possible_instead() {
    let report = shipped();
    let verdict = check_binding(
        &report.set,
        &BindingQuery {
            holder_region: "nanjing",
            holder_insurance: Insurance::Resident,
            relation: Relation::Spouse,
            member_insurance: Insurance::Employee,
            member_region: None,
            supported_by_others: false,
        },
    )
    .expect("verdict");
    assert_eq!(verdict.verdict, Verdict::NotEligible);
    assert!(verdict.reasons[0].text.contains("居民医保没有个人账户"));
    assert!(
        verdict.reasons[0]
            .text
            .contains("可以被职工医保的近亲属绑定")
    );
}

#[test]
fn commercial_insurance_is_local_and_never_through_the_wallet() {
    let report = shipped();
    let query = |member_region| BindingQuery {
        holder_region: "nanjing",
        holder_insurance: Insurance::Employee,
        relation: Relation::Child,
        member_insurance: Insurance::Resident,
        member_region: Some(member_region),
        supported_by_others: true,
    };
    let local = check_binding(&report.set, &query("nanjing")).expect("verdict");
    assert!(
        local
            .reasons
            .iter()
            .any(|r| r.text.starts_with("商业保险：因地而异"))
    );
    assert!(local.reasons.iter().any(|r| r.text.contains("多名职工")));
    let far = check_binding(&report.set, &query("qingdao")).expect("verdict");
    assert!(
        far.reasons
            .iter()
            .any(|r| r.text.contains("医保钱包不能用于购买商业保险"))
    );
    assert!(far.reasons.iter().any(|r| r.text.contains("个人医保钱包")));
}

#[test]
fn an_unknown_region_is_an_error_naming_the_known_ones() {
    let report = shipped();
    let error = check_binding(
        &report.set,
        &BindingQuery {
            holder_region: "atlantis",
            holder_insurance: Insurance::Employee,
            relation: Relation::Spouse,
            member_insurance: Insurance::Employee,
            member_region: None,
            supported_by_others: false,
        },
    )
    .expect_err("unknown");
    assert!(error.to_string().contains("unknown region \"atlantis\""));
}

/// A valid ID number for a birth date, built with the real check-digit rule.
fn id_for(birth: &str, sequence: &str) -> String {
    let first_17 = format!("320102{birth}{sequence}");
    let digits: Vec<u32> = first_17.chars().filter_map(|c| c.to_digit(10)).collect();
    let array: [u32; 17] = digits.try_into().expect("17 digits");
    format!(
        "{first_17}{}",
        yibao::family::id_number::check_character(&array)
    )
}

#[test]
fn id_numbers_are_checked_like_gb_11643() {
    // A published example number with a known check character.
    let valid = "11010519491231002X";
    let id = IdNumber::parse(valid, today()).expect("valid");
    assert_eq!(id.birth_date(), day(1949, 12, 31));
    assert_eq!(id.masked(), "1101**********002X");
    // Lower-case x and spaces are accepted and normalised.
    assert_eq!(
        IdNumber::parse("110105 19491231 002x", today())
            .expect("valid")
            .as_str(),
        valid
    );
    // So are full-width digits from a Chinese input method.
    assert_eq!(
        IdNumber::parse("１１０１０５１９４９１２３１００２ｘ", today())
            .expect("valid")
            .as_str(),
        valid
    );
    let check = |text: &str, expected: IdNumberError| {
        assert_eq!(IdNumber::parse(text, today()), Err(expected), "{text}");
    };
    check(
        "110105194912310021",
        IdNumberError::CheckDigit {
            expected: 'X',
            found: '1',
        },
    );
    check("11010519491231002", IdNumberError::Length(17));
    check("1101051949123100AX", IdNumberError::NotDigit(17));
    check(
        "99010519491231002X",
        IdNumberError::BadRegion("99".to_owned()),
    );
    // 29 February of a year that is not a leap year.
    let not_leap = format!("320102{}{}", "20230229", "001");
    check(
        &format!("{not_leap}1"),
        IdNumberError::BadBirthDate("20230229".to_owned()),
    );
    let leap = id_for("20240229", "001");
    assert_eq!(
        IdNumber::parse(&leap, today())
            .expect("leap day")
            .birth_date(),
        day(2024, 2, 29)
    );
    let future = id_for("20300101", "001");
    check(
        &future,
        IdNumberError::ImplausibleBirthDate("20300101".to_owned()),
    );
}

#[test]
fn amounts_are_exact_and_bad_ones_say_why() {
    assert_eq!(parse_amount("128"), Ok(Decimal::new(12800, 2)));
    assert_eq!(parse_amount(" ¥1280.5元 "), Ok(Decimal::new(128050, 2)));
    // A comma is never guessed at: 12,5 is not 125 and 0,5 is not 5 (issue 11, item 8).
    for typed in ["12,5", "0,5", "1,280.00", "１２，５"] {
        assert!(
            matches!(parse_amount(typed), Err(AmountError::Comma(_))),
            "{typed}: {:?}",
            parse_amount(typed)
        );
    }
    assert!(
        AmountError::Comma("12,5".to_owned())
            .to_string()
            .contains("请用小数点")
    );
    assert_eq!(parse_amount("0"), Ok(Decimal::new(0, 2)));
    assert_eq!(parse_amount("１２８．５０元"), Ok(Decimal::new(12850, 2)));
    assert_eq!(
        parse_amount("12.345"),
        Err(AmountError::TooManyDecimals("12.345".to_owned()))
    );
    assert_eq!(parse_amount("-5"), Err(AmountError::Negative));
    assert_eq!(
        parse_amount("abc"),
        Err(AmountError::NotANumber("abc".to_owned()))
    );
    assert_eq!(parse_amount(""), Err(AmountError::Empty));
    assert_eq!(
        parse_amount("1.2.3"),
        Err(AmountError::NotANumber("1.2.3".to_owned()))
    );
    assert_eq!(
        parse_amount("99999999"),
        Err(AmountError::TooLarge("99999999".to_owned()))
    );
    assert!(
        parse_amount("12.345")
            .expect_err("too precise")
            .to_string()
            .contains("两位小数")
    );
    assert_eq!(format_yuan(Decimal::new(123450, 2)), "1,234.50 元");
    assert_eq!(format_yuan(Decimal::new(5, 0)), "5.00 元");
}

fn member(id: u32, name: &str, relation: Relation, insurance: Insurance) -> Member {
    Member {
        id,
        name: name.to_owned(),
        id_number: None,
        relation,
        insurance,
        region: "nanjing".to_owned(),
        status: BindingStatus::Bound,
        bound_on: None,
        ended_on: None,
        supported_by_others: false,
        notes: String::new(),
    }
}

fn family_with(balance: Decimal) -> Family {
    let mut family = Family::new("f1", "王家", "nanjing");
    family.holder.name = "王喆".to_owned();
    family.holder.balance = balance;
    family.members = vec![
        member(1, "李珺", Relation::Spouse, Insurance::Employee),
        member(
            2,
            "张玥",
            Relation::MaternalGrandparent,
            Insurance::Resident,
        ),
        member(3, "赵堃", Relation::ParentInLaw, Insurance::Resident),
    ];
    family
}

fn expense(member: u32, d: u32, category: Use, amount: i64) -> Expense {
    Expense {
        member,
        date: day(2026, 3, d),
        category,
        amount: Decimal::new(amount, 2),
        note: String::new(),
    }
}

#[test]
fn the_ledger_pays_allowed_expenses_until_the_balance_runs_out() {
    let mut family = family_with(Decimal::new(50000, 2)); // 500.00
    family.expenses = vec![
        expense(1, 2, Use::MedicalSelfPay, 30000),  // 300.00 paid
        expense(3, 1, Use::MedicalSelfPay, 10000),  // parent-in-law: not allowed
        expense(2, 3, Use::ResidentPremium, 38000), // 380.00: 200 paid, 180 own pocket
        expense(1, 4, Use::ResidentPremium, 5000),  // employee spouse: no resident premium
        expense(2, 5, Use::Pharmacy, 2000),         // balance is empty now
    ];
    let review = review_family(&shipped().set, &family, today());
    let ledger = simulate(&family, &review);
    let row = |i: usize| ledger.rows.iter().find(|r| r.expense == i).expect("row");
    assert!(
        row(1)
            .not_allowed
            .as_deref()
            .is_some_and(|w| w.contains("不能绑定"))
    );
    assert_eq!(row(1).out_of_pocket, Decimal::new(10000, 2));
    assert_eq!(row(0).from_account, Decimal::new(30000, 2));
    assert_eq!(row(2).from_account, Decimal::new(20000, 2));
    assert_eq!(row(2).out_of_pocket, Decimal::new(18000, 2));
    assert!(
        row(3)
            .not_allowed
            .as_deref()
            .is_some_and(|w| w.contains("居民医保个人缴费"))
    );
    assert_eq!(row(4).from_account, Decimal::ZERO);
    assert_eq!(ledger.closing_balance, Decimal::ZERO);
    assert_eq!(ledger.total.from_account, Decimal::new(50000, 2));
    assert_eq!(ledger.by_member[&2].out_of_pocket, Decimal::new(20000, 2));
    assert_eq!(
        ledger.by_category[&Use::MedicalSelfPay].from_account,
        Decimal::new(30000, 2)
    );
    // Rows are in date order.
    assert!(ledger.rows.windows(2).all(|w| w[0].date <= w[1].date));
}

proptest! {
    #[test]
    fn paid_plus_out_of_pocket_is_the_total_and_the_balance_never_goes_negative(
        balance in 0i64..2_000_000,
        bills in prop::collection::vec((1u32..=3, 1u32..=28, 0usize..5, 0i64..500_000), 0..40),
    ) {
        let mut family = family_with(Decimal::new(balance, 2));
        family.expenses = bills
            .iter()
            .map(|(m, d, c, a)| expense(*m, *d, Use::ALL[*c], *a))
            .collect();
        let review = review_family(&shipped().set, &family, today());
        let ledger = simulate(&family, &review);
        let total: Decimal = family.expenses.iter().map(|e| e.amount).sum();
        prop_assert_eq!(ledger.total.from_account + ledger.total.out_of_pocket, total);
        let allowed: Decimal = ledger.rows.iter().filter(|r| r.not_allowed.is_none()).map(|r| r.amount).sum();
        let allowed_out: Decimal = ledger.rows.iter().filter(|r| r.not_allowed.is_none()).map(|r| r.out_of_pocket).sum();
        prop_assert_eq!(ledger.total.from_account + allowed_out, allowed);
        prop_assert!(ledger.rows.iter().all(|r| r.balance_after >= Decimal::ZERO));
        prop_assert_eq!(ledger.opening_balance - ledger.total.from_account, ledger.closing_balance);
    }
}

#[test]
fn the_family_review_catches_self_binding_duplicates_and_impossible_ages() {
    let mut family = family_with(Decimal::ZERO);
    let holder_id = id_for("19800101", "001");
    family.holder.id_number = Some(holder_id.clone());
    let mut me = member(4, "王喆", Relation::Sibling, Insurance::Employee);
    me.id_number = Some(holder_id);
    let mut young_parent = member(5, "周昇", Relation::Parent, Insurance::Resident);
    young_parent.id_number = Some(id_for("20000101", "002"));
    let duplicate = member(6, "李珺", Relation::Spouse, Insurance::Employee);
    let mut bad_id = member(7, "孙赟", Relation::Child, Insurance::Resident);
    bad_id.id_number = Some("320102200001010021".to_owned());
    family.members.extend([me, young_parent, duplicate, bad_id]);
    let review = review_family(&shipped().set, &family, today());
    let of = |id| review.member(id).expect("reviewed");
    assert_eq!(of(4).verdict_id(), Verdict::NotEligible);
    assert!(
        of(4).verdict.as_ref().expect("verdict").reasons[0]
            .text
            .contains("参保人本人")
    );
    assert!(of(5).problems.iter().any(|p| p.contains("比参保人年轻")));
    assert!(
        of(6)
            .problems
            .iter()
            .any(|p| p.contains("和第 1 位家人“李珺”重复"))
    );
    assert!(of(7).problems.iter().any(|p| p.contains("校验不通过")));
    // The message never tells the expected last digit (that invites fixing it alone).
    assert!(of(7).problems.iter().all(|p| !p.contains("应为")));
    assert!(of(1).problems.is_empty());
}

#[test]
fn edits_can_be_undone_and_redone_and_bad_edits_change_nothing() {
    let mut document = FamilyDocument::new(family_with(Decimal::ZERO));
    assert!(!document.is_dirty());
    document
        .apply(FamilyEdit::AddMember(member(
            0,
            "钱堃",
            Relation::Child,
            Insurance::Resident,
        )))
        .expect("added");
    assert_eq!(document.family().members.len(), 4);
    assert_eq!(
        document.family().members[3].id,
        4,
        "new members get a fresh id"
    );
    assert!(document.is_dirty());
    document
        .apply(FamilyEdit::AddExpense(expense(4, 1, Use::Pharmacy, 100)))
        .expect("expense");
    document
        .apply(FamilyEdit::RemoveMember(4))
        .expect("removed");
    assert!(
        document.family().expenses.is_empty(),
        "a removed member's expenses go too"
    );
    assert!(document.undo());
    assert_eq!(document.family().expenses.len(), 1);
    assert!(document.undo());
    assert!(document.redo());
    assert_eq!(document.family().expenses.len(), 1);
    assert!(document.apply(FamilyEdit::RemoveMember(99)).is_err());
    assert!(
        document
            .apply(FamilyEdit::AddMember(member(
                0,
                "  ",
                Relation::Child,
                Insurance::Resident
            )))
            .is_err()
    );
    assert_eq!(document.family().members.len(), 4);
    document.mark_saved();
    assert!(!document.is_dirty());
}

/// A community worker helping a foreign employee switches the window to English: the problems
/// found in the family and the ledger's notes are said in English, while the Chinese the CLI
/// and the exports use stays as it was.
#[test]
fn review_problems_and_ledger_notes_can_be_said_in_english() {
    use yibao::text::Lang;
    let mut family = family_with(Decimal::new(100_000, 2));
    // The holder entered again as a relative, by name only.
    family
        .members
        .push(member(4, "王喆", Relation::Spouse, Insurance::Employee));
    // FACTS: 岳父母/公婆 are not 近亲属, so the account cannot pay 赵堃's bill.
    family.expenses = vec![expense(3, 2, Use::MedicalSelfPay, 5_000)];
    let review = review_family(&shipped().set, &family, today());
    let problem = review
        .member(4)
        .and_then(|r| r.problems.first())
        .expect("the same name as the holder is a problem");
    assert!(
        problem.contains("参保人"),
        "Chinese unchanged: {}",
        &**problem
    );
    let english = problem.text(Lang::En);
    assert!(english.contains("holder"), "{english}");
    assert!(!english.contains("参保人"), "{english}");

    let ledger = simulate(&family, &review);
    let note = ledger.rows[0].not_allowed.as_ref().expect("not allowed");
    assert!(
        note.contains("赵堃") && note.contains("不能绑定"),
        "{}",
        &**note
    );
    let english = note.text(Lang::En);
    assert!(
        english.contains("赵堃") && english.contains("cannot be bound"),
        "{english}"
    );
}

/// In the English window an ID number's problem is said in English, whatever the typo.
#[test]
fn id_number_problems_are_said_in_english_too() {
    let chinese = |text: &str| text.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
    let valid = id_for("19800101", "123");
    let mut wrong_check = valid.clone();
    let last = wrong_check.pop().expect("18 characters");
    wrong_check.push(if last == '0' { '1' } else { '0' });
    for typed in [
        "1234",
        "11010519800101A23X",
        "99010519800101123X",
        "11010519801301123X",
        wrong_check.as_str(),
    ] {
        let error = IdNumber::parse(typed, today()).expect_err(typed);
        let english = error.english();
        assert!(!chinese(&english), "{typed}: {english}");
        assert!(chinese(&error.to_string()), "{typed}: the Chinese stays");
    }
}
