//! The shared machinery of the procedures: `evaluate` dispatches to `withdrawal`,
//! `transfer` or `binding`; `questions_for` shows the questionnaire; `from_answers`,
//! `fingerprint` and `notices` build the checklist every procedure returns.

use chrono::NaiveDate;
use sha2::{Digest, Sha256};

use super::answers::{Answers, IgnoredAnswer, holds, sort_answers};
use super::model::{CaseResult, Checklist, ChecklistError, QuestionView};
use crate::domain::{Procedure, Verdict};
use crate::policy::{PolicySet, Reason, ResolvedRegion};

pub(super) fn unknown_region(set: &PolicySet, region: &str) -> ChecklistError {
    ChecklistError::UnknownRegion {
        region: region.to_owned(),
        known: set.region_ids().join(", "),
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
    let (effective, _) = sort_answers(procedure, &questions, &[], answers);
    Ok(questions
        .iter()
        .map(|q| {
            let fact = *q.item.fact.get_ref();
            // Shown when its condition holds, or when it was answered and nothing rules it
            // out (an answer that counts is never hidden).
            let shown = q
                .item
                .ask_if
                .as_ref()
                .is_none_or(|c| holds(c.get_ref(), &effective))
                || effective.contains_key(&fact);
            QuestionView {
                fact,
                text: q.item.text.clone(),
                help: q.item.help.clone(),
                unsure: q.item.unsure.clone(),
                values: fact.values().to_vec(),
                answer: answers.get(&fact).cloned(),
                shown,
            }
        })
        .collect())
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
    Ok(match procedure {
        Procedure::Withdrawal => {
            super::withdrawal::evaluate_withdrawal(set, &resolved, answers, today)
        }
        Procedure::Transfer => super::transfer::evaluate_transfer(set, &resolved, answers, today),
        Procedure::Binding => super::binding::evaluate_binding(set, &resolved, answers, today),
    })
}

/// The checklist of a questionnaire (no people named), fingerprinted by its answers.
pub(super) fn from_answers(
    set: &PolicySet,
    resolved: &ResolvedRegion<'_>,
    procedure: Procedure,
    (answers, ignored_answers): (Answers, Vec<IgnoredAnswer>),
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
        data_from: crate::policy::tree::fallback(resolved).map(|(_, from)| from),
        fallback_note: crate::policy::tree::fallback(resolved).map(|(note, _)| note),
        people: Vec::new(),
        answers,
        ignored_answers,
        ticked: std::collections::BTreeSet::new(),
        warnings: notices(resolved, procedure, &cases),
        cases,
        balance_can,
        office: super::model::OfficeRecord::of(resolved),
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

/// The notices a procedure's checklist prints, with their sources: those for every case,
/// and those for a case that is not ruled out (`applies_to`).
pub(super) fn notices(
    resolved: &ResolvedRegion<'_>,
    procedure: Procedure,
    cases: &[CaseResult],
) -> Vec<Reason> {
    resolved
        .notices(procedure)
        .into_iter()
        .filter(|n| {
            n.item.applies_to.is_empty()
                || n.item.applies_to.iter().any(|case| {
                    cases
                        .iter()
                        .any(|c| c.case == case.id() && c.verdict != Verdict::NotEligible)
                })
        })
        .map(|n| Reason {
            said: None,
            text: n.item.text.clone(),
            sources: resolved.source_records(n.item.sources.get_ref()),
        })
        .collect()
}
