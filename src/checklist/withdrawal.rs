//! The one-time withdrawal (个人账户一次性支取) checklist: each case of the region's list gets
//! a verdict with its reasons, refusals, cautions and what would change it.

use chrono::NaiveDate;

use super::answers::{
    Answers, contradicted, holds, question_text, ruled_out, sort_answers, value_label,
};
use super::evaluate::from_answers;
use super::model::{CaseResult, Checklist};
use crate::domain::{Confidence, Fact, Procedure, Verdict};
use crate::text::{Lang, Say};

/// The language of the sentences built here (the window and exports are Chinese; the
/// English window renders the same `Say` ids, issue 12).
const ZH: Lang = Lang::Zh;
use crate::policy::{
    Condition, Defined, PolicySet, Question, Reason, ResolvedRegion, WithdrawalCaseRule,
};

/// How one alternative of a case's `when` fares against the answers.
#[derive(Default)]
struct Attempt<'a> {
    /// Answered facts whose answer does not fit: (fact, accepted values, answer).
    failed: Vec<(Fact, &'a [String], String)>,
    /// Unanswered facts that may still be asked.
    unknown: Vec<(Fact, &'a [String])>,
    /// Unanswered facts whose question other answers rule out.
    unasked: Vec<Fact>,
}

impl Attempt<'_> {
    /// Lower is better: holds, then pending (fewest open questions), then ruled out.
    fn rank(&self) -> (u8, usize) {
        if !self.failed.is_empty() {
            (3, self.failed.len())
        } else if !self.unasked.is_empty() {
            (2, self.unasked.len())
        } else {
            (u8::from(!self.unknown.is_empty()), self.unknown.len())
        }
    }
}

fn attempt<'a>(
    condition: &'a Condition,
    questions: &[Defined<'_, Question>],
    answers: &Answers,
) -> Attempt<'a> {
    let mut result = Attempt::default();
    for (fact, values) in condition.requirements() {
        match answers.get(&fact) {
            Some(answer) if values.contains(answer) => {}
            Some(answer) => result.failed.push((fact, values, answer.clone())),
            None if ruled_out(questions, fact, answers) => result.unasked.push(fact),
            None => result.unknown.push((fact, values)),
        }
    }
    result
}

fn values_label(fact: Fact, values: &[String]) -> String {
    Say::OrJoined {
        values: values
            .iter()
            .map(|v| value_label(fact, v).to_owned())
            .collect(),
    }
    .text(ZH)
}

/// The facts the region's withdrawal cases name, for answers given without a question.
pub(super) fn case_facts(resolved: &ResolvedRegion<'_>) -> Vec<Fact> {
    let mut facts = Vec::new();
    for case in resolved.withdrawal_cases() {
        let rule = case.item;
        let named = rule.when.get_ref().requirements().map(|(f, _)| f).chain(
            rule.refusals
                .iter()
                .chain(&rule.cautions)
                .chain(&rule.to_confirm)
                .flat_map(|n| n.when.get_ref().requirements().map(|(f, _)| f)),
        );
        for fact in named {
            if !facts.contains(&fact) {
                facts.push(fact);
            }
        }
    }
    facts
}

/// Evaluates one withdrawal case.
fn evaluate_case(
    resolved: &ResolvedRegion<'_>,
    questions: &[Defined<'_, Question>],
    defined: Defined<'_, WithdrawalCaseRule>,
    answers: &Answers,
) -> CaseResult {
    let rule = defined.item;
    let best = rule
        .when
        .get_ref()
        .alternatives()
        .iter()
        .map(|c| attempt(c, questions, answers))
        .min_by_key(Attempt::rank)
        .unwrap_or_default();
    let mut unknown = best.unknown;
    let mut reasons = vec![Reason {
        said: None,
        text: rule.reason.clone(),
        sources: resolved.source_records(rule.sources.get_ref()),
    }];
    let mut what_would_change = Vec::new();
    let mut cautions = Vec::new();
    let mut verdict = if !best.unasked.is_empty() && best.failed.is_empty() {
        reasons.push(Reason::built(Say::NotApplicableAfterAnswers, Vec::new()));
        if rule.outcome != Verdict::NotEligible {
            for fact in &best.unasked {
                what_would_change.push(
                    Say::IfAskedAgain {
                        question: question_text(questions, *fact),
                    }
                    .into(),
                );
            }
        }
        Verdict::NotEligible
    } else if !best.failed.is_empty() {
        for (fact, values, answer) in &best.failed {
            reasons.push(Reason::built(
                Say::FailedCondition {
                    question: question_text(questions, *fact),
                    answer: value_label(*fact, answer).to_owned(),
                },
                Vec::new(),
            ));
            if rule.outcome != Verdict::NotEligible {
                what_would_change.push(
                    Say::IfAnswered {
                        question: question_text(questions, *fact),
                        values: values_label(*fact, values),
                    }
                    .into(),
                );
            }
        }
        Verdict::NotEligible
    } else if rule.outcome == Verdict::NotEligible {
        Verdict::NotEligible
    } else {
        rule.outcome
    };

    // Refusals: answers that rule the case out, with the rule that says so. Their facts are
    // questions to answer while the case could still apply.
    if verdict != Verdict::NotEligible {
        if let Some(refusal) = rule
            .refusals
            .iter()
            .find(|r| holds(r.when.get_ref(), answers))
        {
            reasons.push(Reason {
                said: None,
                text: refusal.text.clone(),
                sources: resolved.source_records(refusal.sources.get_ref()),
            });
            for (fact, values) in refusal.when.get_ref().requirements() {
                what_would_change.push(
                    Say::IfNotAnswered {
                        question: question_text(questions, fact),
                        values: values_label(fact, values),
                    }
                    .into(),
                );
            }
            verdict = Verdict::NotEligible;
        } else if unknown.is_empty() {
            // Only once the case's own conditions hold: asking about employment before
            // anyone said they want to give up would be noise.
            for refusal in &rule.refusals {
                let condition = refusal.when.get_ref();
                if contradicted(condition, answers) {
                    continue;
                }
                for (fact, _) in condition.requirements() {
                    if !answers.contains_key(&fact)
                        && !ruled_out(questions, fact, answers)
                        && !unknown.iter().any(|(f, _)| *f == fact)
                    {
                        // Any answer but the refused one lets the case apply: no values.
                        unknown.push((fact, &[]));
                    }
                }
            }
        }
    }
    if verdict != Verdict::NotEligible && !unknown.is_empty() {
        for (fact, values) in &unknown {
            if values.is_empty() {
                what_would_change.push(
                    Say::AnswerQuestion {
                        question: question_text(questions, *fact),
                    }
                    .into(),
                );
            } else {
                what_would_change.push(
                    Say::AnswerQuestionWith {
                        question: question_text(questions, *fact),
                        values: values_label(*fact, values),
                    }
                    .into(),
                );
            }
        }
        verdict = Verdict::ConfirmLocally;
    }
    // The list does not say for these answers: an eligible case is to be confirmed.
    if verdict == Verdict::Eligible
        && let Some(note) = rule
            .to_confirm
            .iter()
            .find(|n| holds(n.when.get_ref(), answers))
    {
        reasons.push(Reason {
            said: None,
            text: note.text.clone(),
            sources: resolved.source_records(note.sources.get_ref()),
        });
        verdict = Verdict::ConfirmLocally;
    }
    // A place without rules of its own (FACTS F8: each province lists its own cases): a
    // case that rests on another place's local practice is to be confirmed where the person
    // is insured. A province's official list still holds in its cities.
    if verdict == Verdict::Eligible
        && rule.confidence == Confidence::Local
        && let Some(rules) = crate::policy::tree::fallback_rules(resolved)
    {
        reasons.push(Reason::built(
            Say::LocalCaseUnconfirmed {
                place: rules.asked_name,
                // The region whose file has this case (全国 for 成都, not 四川省).
                from: defined.defined_in.name().to_owned(),
            },
            Vec::new(),
        ));
        verdict = Verdict::ConfirmLocally;
    }
    if verdict == Verdict::ConfirmLocally && unknown.is_empty() {
        what_would_change.push(
            Say::OfficeConfirms {
                region: resolved.region().name().to_owned(),
            }
            .into(),
        );
    }
    if rule.outcome == Verdict::NotEligible {
        what_would_change.push(Say::NeverCash.into());
    }
    if verdict != Verdict::NotEligible {
        for caution in rule
            .cautions
            .iter()
            .filter(|c| holds(c.when.get_ref(), answers))
        {
            cautions.push(Reason {
                said: None,
                text: caution.text.clone(),
                sources: resolved.source_records(caution.sources.get_ref()),
            });
        }
    }
    // Not eligible because of an answer: that answer is the explanation.
    let (summary, summary_said) = if verdict == Verdict::NotEligible && reasons.len() > 1 {
        let last = &reasons[reasons.len() - 1];
        (last.text.clone(), last.said.clone())
    } else {
        (rule.reason.clone(), None)
    };
    CaseResult {
        case: rule.case.get_ref().id().to_owned(),
        title: rule.title.clone(),
        title_said: None,
        person: None,
        verdict,
        verdict_label: verdict.label(),
        summary,
        summary_said,
        confidence: rule.confidence,
        cautions,
        reasons,
        correction: rule.correction.clone(),
        materials: rule.materials.clone(),
        steps: rule.steps.clone(),
        steps_said: Vec::new(),
        what_would_change,
        pending_questions: unknown
            .iter()
            .map(|(fact, _)| question_text(questions, *fact))
            .collect(),
        applicants: rule.applicants.clone(),
        applicants_said: None,
        time_limit: rule.time_limit.clone(),
        time_limit_said: None,
        fee: rule.fee.clone(),
        fee_said: None,
    }
}

/// The withdrawal checklist of a region for `answers`.
pub(super) fn evaluate_withdrawal(
    set: &PolicySet,
    resolved: &ResolvedRegion<'_>,
    given: &Answers,
    today: NaiveDate,
) -> Checklist {
    let procedure = Procedure::Withdrawal;
    let questions = resolved.questions(procedure);
    let read = case_facts(resolved);
    let (mut answers, mut ignored) = sort_answers(procedure, &questions, &read, given);
    // An answer no rule of this region reads (a question asked only because another
    // region's rule needs it, or one that only opens other questions and has none here):
    // said, so it is not dropped in silence.
    let opens_questions = |fact: Fact| {
        questions.iter().any(|q| {
            q.item
                .ask_if
                .as_ref()
                .is_some_and(|c| c.get_ref().requirements().any(|(f, _)| f == fact))
        })
    };
    let unread: Vec<Fact> = answers
        .keys()
        .copied()
        .filter(|fact| !read.contains(fact) && !opens_questions(*fact))
        .collect();
    for fact in unread {
        if let Some(value) = answers.remove(&fact) {
            ignored.push(super::answers::IgnoredAnswer {
                fact,
                value,
                reason: Say::IgnoredNotRead {
                    region: resolved.region().name().to_owned(),
                }
                .into(),
            });
        }
    }
    let mut cases: Vec<CaseResult> = resolved
        .withdrawal_cases()
        .iter()
        .map(|defined| evaluate_case(resolved, &questions, *defined, &answers))
        .collect();
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
        // What the balance can do instead, in the words of the region's own statements
        // (`[checklist] balance_can` in the policy data; the loader checked the ids).
        let statements = resolved.statements();
        resolved
            .checklist_settings()
            .map(|settings| settings.item.balance_can.as_slice())
            .unwrap_or_default()
            .iter()
            .filter_map(|key| statements.iter().find(|s| s.item.key() == key.get_ref()))
            .map(|s| Reason {
                said: None,
                text: s.item.text.clone(),
                sources: resolved.source_records(s.item.sources.get_ref()),
            })
            .collect()
    };
    from_answers(
        set,
        resolved,
        procedure,
        (answers, ignored),
        cases,
        balance_can,
        today,
    )
}
