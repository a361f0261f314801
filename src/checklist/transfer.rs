//! The transfer (转移接续) checklist: one case. Completion dates and the worker's steps only
//! for a move the transfer rules cover; a retiree, a person not moving, or one joining only
//! resident insurance (no personal account) is told what applies instead.

use chrono::NaiveDate;

use super::answers::{Answers, holds, sort_answers};
use super::calendar::add_working_days;
use super::evaluate::from_answers;
use super::model::{CaseResult, Checklist};
use crate::domain::{Confidence, Fact, Procedure, Verdict};
use crate::policy::{PolicySet, Reason, ResolvedRegion};
use crate::text::{Lang, Say};

/// The language of the sentences built here (see `text`).
const ZH: Lang = Lang::Zh;

/// The transfer checklist, with the expected completion date counted from `today` as the
/// application date when the move is covered.
pub(super) fn evaluate_transfer(
    set: &PolicySet,
    resolved: &ResolvedRegion<'_>,
    given: &Answers,
    today: NaiveDate,
) -> Checklist {
    let procedure = Procedure::Transfer;
    let questions = resolved.questions(procedure);
    let (answers, ignored) = sort_answers(procedure, &questions, &[], given);
    let mut cases = Vec::new();
    if let Some(rules) = resolved.transfer() {
        let rule = rules.item;
        let sources = resolved.source_records(rule.sources.get_ref());
        // Inside the province, the province's own rule for the receiving side applies.
        let within = (answers.get(&Fact::Moving).map(String::as_str) == Some("intra_province"))
            .then(|| resolved.transfer_within_province())
            .flatten();
        let receiving_starts_on = within
            .as_ref()
            .map_or(rule.receiving_starts_on.as_str(), |w| {
                w.item.receiving_starts_on.as_str()
            });
        let mut reasons = vec![Reason::built(
            Say::TransferCovers {
                covers: rule.covers.clone(),
                sending_days: rule.sending_working_days,
                receiving_starts_on: receiving_starts_on.to_owned(),
                receiving_days: rule.receiving_working_days,
            },
            sources.clone(),
        )];
        if let Some(within) = &within {
            reasons.push(Reason {
                said: None,
                text: within.item.note.clone(),
                sources: resolved.source_records(within.item.sources.get_ref()),
            });
        }
        let mut what_would_change = Vec::new();
        let mut pending = Vec::new();
        let mut materials = Vec::new();
        let mut steps = Vec::new();
        let mut steps_said = Vec::new();
        let mut time_limit = None;
        let moving = answers.get(&Fact::Moving).map(String::as_str);
        let retired = answers.get(&Fact::InsuredStatus).map(String::as_str) == Some("retired");
        let new_scheme = answers.get(&Fact::NewScheme).map(String::as_str);
        let verdict = if moving == Some("none") {
            reasons.push(Reason::built(Say::NotMoving, Vec::new()));
            what_would_change.push(Say::IfMoving.into());
            Verdict::NotEligible
        } else if new_scheme == Some("none") {
            reasons.push(Reason::built(
                Say::NoNewScheme {
                    backpay_months: rule.backpay_gap_months,
                },
                sources.clone(),
            ));
            what_would_change.push(Say::IfJoiningAScheme.into());
            Verdict::NotEligible
        } else if retired {
            reasons.push(Reason::built(Say::RetireeOutsideTransfer, sources.clone()));
            what_would_change.push(
                Say::OfficeConfirmsRetiree {
                    region: resolved.region().name().to_owned(),
                }
                .into(),
            );
            materials.clone_from(&rule.retiree_materials);
            steps.clone_from(&rule.retiree_steps);
            Verdict::ConfirmLocally
        } else if new_scheme == Some("resident") {
            match resolved.transfer_to_resident() {
                Some(to_resident) => {
                    let note = to_resident.item;
                    reasons.push(Reason {
                        said: None,
                        text: note.reason.clone(),
                        sources: resolved.source_records(note.sources.get_ref()),
                    });
                    materials.clone_from(&note.materials);
                    steps.clone_from(&note.steps);
                }
                None => reasons.push(Reason::built(Say::ResidentHasNoAccount, Vec::new())),
            }
            what_would_change.push(
                Say::OfficeConfirmsBalance {
                    region: resolved.region().name().to_owned(),
                }
                .into(),
            );
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
                what_would_change.push(
                    Say::AnswerQuestion {
                        question: question.item.text.clone(),
                    }
                    .into(),
                );
            }
            if pending.is_empty() {
                materials.clone_from(&rule.materials);
                steps.clone_from(&rule.steps);
                let sent_by = add_working_days(today, rule.sending_working_days);
                let done_by = add_working_days(sent_by, rule.receiving_working_days);
                reasons.push(Reason::built(Say::BalanceMoves, sources.clone()));
                time_limit = Some(Say::TransferDates {
                    today: today.format("%Y-%m-%d").to_string(),
                    sent_by: sent_by.format("%Y-%m-%d").to_string(),
                    receiving_starts_on: receiving_starts_on.to_owned(),
                    receiving_days: rule.receiving_working_days,
                    done_by: done_by.format("%Y-%m-%d").to_string(),
                });
                Verdict::Eligible
            } else {
                // Not yet known to be covered: no worker steps, no dates; what to do first.
                materials.clone_from(&rule.retiree_materials);
                steps_said = vec![
                    Some(Say::AnswerTransferQuestionsFirst),
                    Some(Say::AskHotlineIfUnsure),
                ];
                steps = steps_said
                    .iter()
                    .flatten()
                    .map(|say| say.text(ZH))
                    .collect();
                Verdict::ConfirmLocally
            }
        };
        let shown = if verdict == Verdict::Eligible {
            &reasons[0]
        } else {
            &reasons[reasons.len() - 1]
        };
        let (summary, summary_said) = (shown.text.clone(), shown.said.clone());
        cases.push(CaseResult {
            case: procedure.id().to_owned(),
            title: Say::TransferTitle.text(ZH),
            title_said: Some(Say::TransferTitle),
            person: None,
            verdict,
            verdict_label: verdict.label(),
            summary,
            summary_said,
            confidence: Confidence::Official,
            cautions: Vec::new(),
            reasons,
            correction: None,
            materials,
            steps,
            steps_said,
            what_would_change,
            pending_questions: pending,
            applicants: Some(Say::TransferApplicants.text(ZH)),
            applicants_said: Some(Say::TransferApplicants),
            time_limit: time_limit.as_ref().map(|say| say.text(ZH)),
            time_limit_said: time_limit,
            fee: Some(Say::Free.text(ZH)),
            fee_said: Some(Say::Free),
        });
    }
    from_answers(
        set,
        resolved,
        procedure,
        (answers, ignored),
        cases,
        Vec::new(),
        today,
    )
}
