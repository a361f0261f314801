//! The one-time withdrawal (个人账户一次性支取) checklist: each case of the region's list gets
//! a verdict with its reasons, refusals, cautions and what would change it.

use chrono::NaiveDate;

use super::answers::{
    Answers, contradicted, holds, question_text, ruled_out, sort_answers, value_label,
};
use super::evaluate::from_answers;
use super::model::{CaseResult, Checklist};
use crate::domain::{Fact, Procedure, Verdict};
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
    values
        .iter()
        .map(|v| value_label(fact, v))
        .collect::<Vec<_>>()
        .join("或")
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
    rule: &WithdrawalCaseRule,
    answers: &Answers,
) -> CaseResult {
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
        text: rule.reason.clone(),
        sources: resolved.source_records(rule.sources.get_ref()),
    }];
    let mut what_would_change = Vec::new();
    let mut cautions = Vec::new();
    let mut verdict = if !best.unasked.is_empty() && best.failed.is_empty() {
        reasons.push(Reason {
            text: "根据您前面的回答，这种情形不适用。".to_owned(),
            sources: Vec::new(),
        });
        if rule.outcome != Verdict::NotEligible {
            for fact in &best.unasked {
                what_would_change.push(format!(
                    "前面的回答不同，使“{}”需要回答时",
                    question_text(questions, *fact)
                ));
            }
        }
        Verdict::NotEligible
    } else if !best.failed.is_empty() {
        for (fact, values, answer) in &best.failed {
            reasons.push(Reason {
                text: format!(
                    "不符合条件：“{}”的回答是“{}”。",
                    question_text(questions, *fact),
                    value_label(*fact, answer)
                ),
                sources: Vec::new(),
            });
            if rule.outcome != Verdict::NotEligible {
                what_would_change.push(format!(
                    "如果“{}”的回答是“{}”",
                    question_text(questions, *fact),
                    values_label(*fact, values)
                ));
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
                text: refusal.text.clone(),
                sources: resolved.source_records(refusal.sources.get_ref()),
            });
            for (fact, values) in refusal.when.get_ref().requirements() {
                what_would_change.push(format!(
                    "如果“{}”的回答不是“{}”",
                    question_text(questions, fact),
                    values_label(fact, values)
                ));
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
                what_would_change.push(format!("回答“{}”", question_text(questions, *fact)));
            } else {
                what_would_change.push(format!(
                    "回答“{}”：选“{}”才适用",
                    question_text(questions, *fact),
                    values_label(*fact, values)
                ));
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
            text: note.text.clone(),
            sources: resolved.source_records(note.sources.get_ref()),
        });
        verdict = Verdict::ConfirmLocally;
    }
    if verdict == Verdict::ConfirmLocally && unknown.is_empty() {
        what_would_change.push(format!(
            "{}医保经办机构确认可以办理（医保服务热线：手机拨打区号+12393）",
            resolved.region().name()
        ));
    }
    if rule.outcome == Verdict::NotEligible {
        what_would_change.push("无论怎么回答，这种情形都不能支取现金。".to_owned());
    }
    if verdict != Verdict::NotEligible {
        for caution in rule
            .cautions
            .iter()
            .filter(|c| holds(c.when.get_ref(), answers))
        {
            cautions.push(Reason {
                text: caution.text.clone(),
                sources: resolved.source_records(caution.sources.get_ref()),
            });
        }
    }
    // Not eligible because of an answer: that answer is the explanation.
    let summary = if verdict == Verdict::NotEligible && reasons.len() > 1 {
        reasons[reasons.len() - 1].text.clone()
    } else {
        rule.reason.clone()
    };
    CaseResult {
        case: rule.case.get_ref().id().to_owned(),
        title: rule.title.clone(),
        verdict,
        verdict_label: verdict.label(),
        summary,
        confidence: rule.confidence,
        cautions,
        reasons,
        correction: rule.correction.clone(),
        materials: rule.materials.clone(),
        steps: rule.steps.clone(),
        what_would_change,
        pending_questions: unknown
            .iter()
            .map(|(fact, _)| question_text(questions, *fact))
            .collect(),
        applicants: rule.applicants.clone(),
        time_limit: rule.time_limit.clone(),
        fee: rule.fee.clone(),
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
                reason: format!(
                    "{}的规定里，这个回答不影响能否支取，所以没有用上。",
                    resolved.region().name()
                ),
            });
        }
    }
    let mut cases: Vec<CaseResult> = resolved
        .withdrawal_cases()
        .iter()
        .map(|defined| evaluate_case(resolved, &questions, defined.item, &answers))
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
