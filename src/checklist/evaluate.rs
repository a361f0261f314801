//! Evaluation of a procedure for a region and a set of answers: a verdict per case with
//! reasons, what would change it, and the materials and steps.

use chrono::NaiveDate;
use serde::Serialize;
use sha2::{Digest, Sha256};

use super::answers::Answers;
use crate::domain::{Confidence, Fact, Procedure, Verdict};
use crate::policy::{Condition, Defined, Material, PolicySet, Question, Reason, ResolvedRegion};

/// Why a checklist cannot be made.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ChecklistError {
    #[error("unknown region \"{region}\" (known regions: {known})")]
    UnknownRegion { region: String, known: String },
}

/// One question as the questionnaire shows it.
#[derive(Debug, Clone, Serialize)]
pub struct QuestionView {
    pub fact: Fact,
    pub text: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
    /// (value id, Chinese label).
    pub values: Vec<(&'static str, &'static str)>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub answer: Option<String>,
    /// Whether the question matters given the other answers.
    pub shown: bool,
}

/// The verdict of one case.
#[derive(Debug, Clone, Serialize)]
pub struct CaseResult {
    /// The case id: a withdrawal case of DOMAIN.md, or the procedure id for a procedure with
    /// a single case (`transfer`).
    pub case: String,
    pub title: String,
    pub verdict: Verdict,
    pub verdict_label: &'static str,
    /// The one sentence that explains the verdict.
    pub summary: String,
    pub confidence: Confidence,
    pub reasons: Vec<Reason>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub correction: Option<String>,
    pub materials: Vec<Material>,
    pub steps: Vec<String>,
    /// For 不符合 and 需确认: the answers (or the check) that would change the verdict.
    pub what_would_change: Vec<String>,
    /// Questions not yet answered that this case depends on.
    pub pending_questions: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub applicants: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub time_limit: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fee: Option<String>,
}

/// A whole checklist: what the person qualifies for and what to bring.
#[derive(Debug, Clone, Serialize)]
pub struct Checklist {
    pub procedure: Procedure,
    pub procedure_label: &'static str,
    pub region: String,
    pub region_name: String,
    /// Who the list is for (a family's holder and members), already masked unless the user
    /// asked to include names and ID numbers; empty for a questionnaire's list.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub people: Vec<String>,
    /// The answers it was made from (fact → value).
    pub answers: Answers,
    pub cases: Vec<CaseResult>,
    /// Notices printed on every checklist of the procedure.
    pub warnings: Vec<Reason>,
    /// When no case applies: what the balance can be used for instead.
    pub balance_can: Vec<Reason>,
    pub policy_version: String,
    /// Hash of procedure, region, answers and policy version: the same inputs give the same
    /// list.
    pub fingerprint: String,
    pub generated_on: NaiveDate,
}

impl Checklist {
    /// The cases to act on: eligible, or to be confirmed locally with every question they
    /// depend on answered.
    pub fn actionable(&self) -> impl Iterator<Item = &CaseResult> {
        self.cases
            .iter()
            .filter(|c| c.verdict != Verdict::NotEligible && c.pending_questions.is_empty())
    }

    /// Cases that do not apply.
    pub fn rejected(&self) -> impl Iterator<Item = &CaseResult> {
        self.cases
            .iter()
            .filter(|c| c.verdict == Verdict::NotEligible)
    }

    /// Cases that might apply once more questions are answered.
    pub fn pending(&self) -> impl Iterator<Item = &CaseResult> {
        self.cases
            .iter()
            .filter(|c| c.verdict != Verdict::NotEligible && !c.pending_questions.is_empty())
    }
}

pub(super) fn unknown_region(set: &PolicySet, region: &str) -> ChecklistError {
    ChecklistError::UnknownRegion {
        region: region.to_owned(),
        known: set.region_ids().join(", "),
    }
}

fn value_label(fact: Fact, value: &str) -> &'static str {
    fact.values()
        .iter()
        .find(|(id, _)| *id == value)
        .map_or("?", |(_, label)| label)
}

fn values_label(fact: Fact, values: &[String]) -> String {
    values
        .iter()
        .map(|v| value_label(fact, v))
        .collect::<Vec<_>>()
        .join("或")
}

/// Whether every requirement of `condition` is answered and met.
pub(super) fn holds(condition: &Condition, answers: &Answers) -> bool {
    condition
        .requirements()
        .all(|(fact, values)| answers.get(&fact).is_some_and(|a| values.contains(a)))
}

/// Whether some answered fact contradicts `condition`.
fn contradicted(condition: &Condition, answers: &Answers) -> bool {
    condition
        .requirements()
        .any(|(fact, values)| answers.get(&fact).is_some_and(|a| !values.contains(a)))
}

/// The answers that count: those to questions that are asked, given the answers before
/// them. Answers to questions no longer asked are kept by the caller (so changing an earlier
/// answer back restores them) but do not count.
pub(super) fn effective_answers(questions: &[Defined<'_, Question>], answers: &Answers) -> Answers {
    let mut effective = Answers::new();
    // A question can depend on a later one; repeat until nothing changes.
    loop {
        let mut next = Answers::new();
        for question in questions {
            let fact = *question.item.fact.get_ref();
            let asked = question
                .item
                .ask_if
                .as_ref()
                .is_none_or(|c| holds(c.get_ref(), &effective));
            if let (true, Some(answer)) = (asked, answers.get(&fact)) {
                next.insert(fact, answer.clone());
            }
        }
        // Facts without a question count as given.
        for (fact, answer) in answers {
            if !questions.iter().any(|q| *q.item.fact.get_ref() == *fact) {
                next.insert(*fact, answer.clone());
            }
        }
        if next == effective {
            return effective;
        }
        effective = next;
    }
}

/// The questionnaire of a procedure in a region, with the current answers.
pub fn questions_for(
    set: &PolicySet,
    region: &str,
    procedure: Procedure,
    answers: &Answers,
) -> Result<Vec<QuestionView>, ChecklistError> {
    let resolved = set
        .resolve(region)
        .ok_or_else(|| unknown_region(set, region))?;
    let questions = resolved.questions(procedure);
    let effective = effective_answers(&questions, answers);
    Ok(questions
        .iter()
        .map(|q| {
            let fact = *q.item.fact.get_ref();
            QuestionView {
                fact,
                text: q.item.text.clone(),
                help: q.item.help.clone(),
                values: fact.values().to_vec(),
                answer: answers.get(&fact).cloned(),
                shown: q
                    .item
                    .ask_if
                    .as_ref()
                    .is_none_or(|c| holds(c.get_ref(), &effective)),
            }
        })
        .collect())
}

/// The question text for a fact, or its label.
fn question_text(questions: &[Defined<'_, Question>], fact: Fact) -> String {
    questions
        .iter()
        .find(|q| *q.item.fact.get_ref() == fact)
        .map_or_else(|| fact.label().to_owned(), |q| q.item.text.clone())
}

/// Evaluates `procedure` in `region` for `answers`, as of `today`.
pub fn evaluate(
    set: &PolicySet,
    procedure: Procedure,
    region: &str,
    answers: &Answers,
    today: NaiveDate,
) -> Result<Checklist, ChecklistError> {
    let resolved = set
        .resolve(region)
        .ok_or_else(|| unknown_region(set, region))?;
    match procedure {
        Procedure::Withdrawal => {}
        Procedure::Transfer => {
            return Ok(evaluate_transfer(set, &resolved, answers, today));
        }
        Procedure::Binding => {
            return Ok(super::binding::evaluate_binding(
                set, &resolved, answers, today,
            ));
        }
    }
    // Facts whose question is not asked because of other answers (e.g. nothing about
    // emigrating once the insured person has died): their cases do not apply.
    let questions = resolved.questions(procedure);
    let answers = &effective_answers(&questions, answers);
    let not_asked: Vec<Fact> = questions
        .iter()
        .filter(|q| {
            q.item
                .ask_if
                .as_ref()
                .is_some_and(|c| contradicted(c.get_ref(), answers))
        })
        .map(|q| *q.item.fact.get_ref())
        .collect();
    let mut cases = Vec::new();
    for defined in resolved.withdrawal_cases() {
        let rule = defined.item;
        let mut failed = Vec::new();
        let mut unknown = Vec::new();
        let mut not_applicable = false;
        let mut unasked = Vec::new();
        for (fact, values) in rule.when.get_ref().requirements() {
            match answers.get(&fact) {
                Some(answer) if values.contains(answer) => {}
                Some(answer) => failed.push((fact, values, answer.clone())),
                None if not_asked.contains(&fact) => {
                    not_applicable = true;
                    unasked.push(fact);
                }
                None => unknown.push((fact, values)),
            }
        }
        let mut reasons = vec![Reason {
            text: rule.reason.clone(),
            sources: resolved.source_records(rule.sources.get_ref()),
        }];
        let mut what_would_change = Vec::new();
        let verdict = if not_applicable && failed.is_empty() {
            reasons.push(Reason {
                text: "根据您前面的回答，这种情形不适用。".to_owned(),
                sources: Vec::new(),
            });
            if rule.outcome != Verdict::NotEligible {
                for fact in &unasked {
                    what_would_change.push(format!(
                        "前面的回答不同，使“{}”需要回答时",
                        question_text(&questions, *fact)
                    ));
                }
            }
            Verdict::NotEligible
        } else if !failed.is_empty() {
            for (fact, values, answer) in &failed {
                reasons.push(Reason {
                    text: format!(
                        "不符合条件：“{}”的回答是“{}”。",
                        question_text(&questions, *fact),
                        value_label(*fact, answer)
                    ),
                    sources: Vec::new(),
                });
                if rule.outcome != Verdict::NotEligible {
                    what_would_change.push(format!(
                        "如果“{}”的回答是“{}”",
                        question_text(&questions, *fact),
                        values_label(*fact, values)
                    ));
                }
            }
            Verdict::NotEligible
        } else if rule.outcome == Verdict::NotEligible {
            Verdict::NotEligible
        } else if !unknown.is_empty() {
            for (fact, values) in &unknown {
                what_would_change.push(format!(
                    "回答“{}”：选“{}”才适用",
                    question_text(&questions, *fact),
                    values_label(*fact, values)
                ));
            }
            Verdict::ConfirmLocally
        } else {
            rule.outcome
        };
        if verdict == Verdict::ConfirmLocally && unknown.is_empty() {
            what_would_change.push(format!(
                "{}医保经办机构确认可以办理（电话 12393）",
                resolved.region().name()
            ));
        }
        if rule.outcome == Verdict::NotEligible {
            what_would_change.push("无论怎么回答，这种情形都不能支取现金。".to_owned());
        }
        // Not eligible because of an answer: that answer is the explanation.
        let summary = if verdict == Verdict::NotEligible && reasons.len() > 1 {
            reasons[reasons.len() - 1].text.clone()
        } else {
            rule.reason.clone()
        };
        cases.push(CaseResult {
            case: rule.case.get_ref().id().to_owned(),
            title: rule.title.clone(),
            verdict,
            verdict_label: verdict.label(),
            summary,
            confidence: rule.confidence,
            reasons,
            correction: rule.correction.clone(),
            materials: rule.materials.clone(),
            steps: rule.steps.clone(),
            what_would_change,
            pending_questions: unknown
                .iter()
                .map(|(fact, _)| question_text(&questions, *fact))
                .collect(),
            applicants: rule.applicants.clone(),
            time_limit: rule.time_limit.clone(),
            fee: rule.fee.clone(),
        });
    }
    // Eligible first, then to confirm, then not eligible; data order within each.
    cases.sort_by_key(|c| match c.verdict {
        Verdict::Eligible => 0,
        Verdict::ConfirmLocally => 1,
        Verdict::NotEligible => 2,
    });

    let any_eligible = cases.iter().any(|c| c.verdict == Verdict::Eligible);
    let balance_can = if any_eligible {
        Vec::new()
    } else {
        // What the balance can do instead, in the words of the region's own statements.
        let statements = resolved.statements();
        [
            "withdrawal.no_cash",
            "family_sharing.circle_2024",
            "transfer.time_limits",
            "withdrawal.heirs",
        ]
        .iter()
        .filter_map(|key| statements.iter().find(|s| s.item.key() == *key))
        .map(|s| Reason {
            text: s.item.text.clone(),
            sources: resolved.source_records(s.item.sources.get_ref()),
        })
        .collect()
    };

    Ok(from_answers(
        set,
        &resolved,
        procedure,
        answers.clone(),
        cases,
        balance_can,
        today,
    ))
}

/// The checklist of a questionnaire (no people named), fingerprinted by its answers.
pub(super) fn from_answers(
    set: &PolicySet,
    resolved: &ResolvedRegion<'_>,
    procedure: Procedure,
    answers: Answers,
    cases: Vec<CaseResult>,
    balance_can: Vec<Reason>,
    today: NaiveDate,
) -> Checklist {
    let policy_version = set.data_version().to_owned();
    let region = resolved.region().id().to_owned();
    let fingerprint = fingerprint(
        procedure,
        &region,
        answers.iter().map(|(f, v)| format!("{f}={v}")),
        &policy_version,
    );
    Checklist {
        procedure,
        procedure_label: procedure.label(),
        region,
        region_name: resolved.region().name().to_owned(),
        people: Vec::new(),
        answers,
        cases,
        warnings: notices(resolved, procedure),
        balance_can,
        policy_version,
        fingerprint,
        generated_on: today,
    }
}

/// A short hash of what a checklist was made from: the same inputs give the same list.
pub(super) fn fingerprint(
    procedure: Procedure,
    region: &str,
    inputs: impl Iterator<Item = String>,
    version: &str,
) -> String {
    let mut hasher = Sha256::new();
    hasher.update(format!("{procedure}|{region}|{version}|"));
    for input in inputs {
        hasher.update(format!("{input};"));
    }
    hasher
        .finalize()
        .iter()
        .take(6)
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The notices a procedure's checklist prints, with their sources.
pub(super) fn notices(resolved: &ResolvedRegion<'_>, procedure: Procedure) -> Vec<Reason> {
    resolved
        .notices(procedure)
        .into_iter()
        .map(|n| Reason {
            text: n.item.text.clone(),
            sources: resolved.source_records(n.item.sources.get_ref()),
        })
        .collect()
}

/// `date` plus `days` working days, skipping Saturdays and Sundays (public holidays are not
/// known here and are not skipped).
pub fn add_working_days(date: NaiveDate, days: u32) -> NaiveDate {
    use chrono::Datelike;
    let mut current = date;
    let mut left = days;
    while left > 0 {
        current = current.succ_opt().unwrap_or(current);
        if !matches!(
            current.weekday(),
            chrono::Weekday::Sat | chrono::Weekday::Sun
        ) {
            left -= 1;
        }
    }
    current
}

/// The transfer (转移接续) checklist: one case, with the expected completion date counted
/// from `today` as the application date.
fn evaluate_transfer(
    set: &PolicySet,
    resolved: &ResolvedRegion<'_>,
    answers: &Answers,
    today: NaiveDate,
) -> Checklist {
    let procedure = Procedure::Transfer;
    let questions = resolved.questions(procedure);
    let answers = effective_answers(&questions, answers);
    let mut cases = Vec::new();
    if let Some(rules) = resolved.transfer() {
        let rule = rules.item;
        let sources = resolved.source_records(rule.sources.get_ref());
        let sent_by = add_working_days(today, rule.sending_working_days);
        let done_by = add_working_days(sent_by, rule.receiving_working_days);
        let mut reasons = vec![Reason {
            text: format!(
                "转移接续适用于{}转出地{}个工作日内办完，转入地{}个工作日内办完，个人账户余额随关系转移。",
                rule.covers, rule.sending_working_days, rule.receiving_working_days
            ),
            sources: sources.clone(),
        }];
        let mut what_would_change = Vec::new();
        let mut pending = Vec::new();
        let moving = answers.get(&Fact::Moving).map(String::as_str);
        let retired = answers.get(&Fact::InsuredStatus).map(String::as_str) == Some("retired");
        let new_scheme = answers.get(&Fact::NewScheme).map(String::as_str);
        let verdict = if moving == Some("none") {
            reasons.push(Reason {
                text: "不转移医保关系，就不需要办理转移接续。".to_owned(),
                sources: Vec::new(),
            });
            what_would_change.push("如果要把医保关系转到省内其他城市或外省".to_owned());
            Verdict::NotEligible
        } else if new_scheme == Some("none") {
            reasons.push(Reason {
                text: format!(
                    "新地方不参保就无法接续；断缴超过{}个月的，重新参保后可能有最长{}个月的待遇等待期。",
                    rule.backpay_gap_months, rule.max_waiting_months
                ),
                sources: sources.clone(),
            });
            what_would_change.push("如果到新地方参加职工医保或居民医保".to_owned());
            Verdict::NotEligible
        } else if retired {
            reasons.push(Reason {
                text: "退休人员不在转移接续办法的范围内，异地安置的手续由当地规定。".to_owned(),
                sources: sources.clone(),
            });
            what_would_change.push(format!(
                "{}医保经办机构确认退休人员的办理方式（电话 12393）",
                resolved.region().name()
            ));
            Verdict::ConfirmLocally
        } else {
            for question in questions.iter().filter(|q| {
                let fact = *q.item.fact.get_ref();
                !answers.contains_key(&fact)
                    && q.item
                        .ask_if
                        .as_ref()
                        .is_none_or(|c| holds(c.get_ref(), &answers))
            }) {
                pending.push(question.item.text.clone());
                what_would_change.push(format!("回答“{}”", question.item.text));
            }
            if pending.is_empty() {
                Verdict::Eligible
            } else {
                Verdict::ConfirmLocally
            }
        };
        let summary = if verdict == Verdict::NotEligible {
            reasons[reasons.len() - 1].text.clone()
        } else {
            reasons[0].text.clone()
        };
        cases.push(CaseResult {
            case: procedure.id().to_owned(),
            title: "医保关系转移接续".to_owned(),
            verdict,
            verdict_label: verdict.label(),
            summary,
            confidence: Confidence::Official,
            reasons,
            correction: None,
            materials: rule.materials.clone(),
            steps: rule.steps.clone(),
            what_would_change,
            pending_questions: pending,
            applicants: Some("参保人本人（或委托的人）".to_owned()),
            time_limit: Some(format!(
                "按今天（{}）申请算：原参保地约在 {} 前办完转出，新参保地约在 {} 前办完转入。只跳过了周末，没有扣除法定节假日，遇节假日顺延。",
                today.format("%Y-%m-%d"),
                sent_by.format("%Y-%m-%d"),
                done_by.format("%Y-%m-%d")
            )),
            fee: Some("不收费".to_owned()),
        });
    }
    from_answers(set, resolved, procedure, answers, cases, Vec::new(), today)
}
