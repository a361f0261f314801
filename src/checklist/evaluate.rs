//! Evaluation of a procedure for a region and a set of answers: a verdict per case with
//! reasons, what would change it, and the materials and steps.

use chrono::NaiveDate;
use serde::Serialize;
use sha2::{Digest, Sha256};

use super::answers::{Answers, IgnoredAnswer, holds, sort_answers};
use crate::domain::{Confidence, Fact, Procedure, Verdict};
use crate::policy::{Material, PolicySet, Reason, ResolvedRegion};

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
    /// What to read before going ahead (e.g. what giving up costs a retiree).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub cautions: Vec<Reason>,
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
    /// The answers it was made from (fact → value): those that count.
    pub answers: Answers,
    /// Answers given that do not count, each with the reason (empty when none).
    pub ignored_answers: Vec<IgnoredAnswer>,
    /// The materials and steps the user ticked (keys of `export::material_key` and
    /// `export::step_key`), printed ticked in every format.
    #[serde(skip_serializing_if = "std::collections::BTreeSet::is_empty")]
    pub ticked: std::collections::BTreeSet<String>,
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
        people: Vec::new(),
        answers,
        ignored_answers,
        ticked: std::collections::BTreeSet::new(),
        warnings: notices(resolved, procedure, &cases),
        cases,
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
