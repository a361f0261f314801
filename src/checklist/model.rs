//! What a checklist is: the verdict of each case with its reasons, materials and steps, the
//! notices, and what it was made from. Built by the procedures (`withdrawal`, `transfer`,
//! `binding`) through `evaluate`'s shared machinery; rendered by `export`.

use chrono::NaiveDate;
use serde::Serialize;

use super::answers::{Answers, IgnoredAnswer};
use crate::domain::{Confidence, Fact, Procedure, Verdict};
use crate::policy::{Material, Reason};

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
    /// How to find out, for someone who answers 不清楚.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unsure: Option<String>,
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
    /// The same title as its id when the code built it (`None`: policy text).
    #[serde(skip)]
    pub title_said: Option<crate::text::Say>,
    /// Whom the case is for in a family's list (their line, masked unless asked); `None` in
    /// a questionnaire's list.
    #[serde(skip)]
    pub person: Option<String>,
    pub verdict: Verdict,
    pub verdict_label: &'static str,
    /// The one sentence that explains the verdict.
    pub summary: String,
    /// The same sentence as its id when the code built it (`None`: policy text).
    #[serde(skip)]
    pub summary_said: Option<crate::text::Say>,
    pub confidence: Confidence,
    /// What to read before going ahead (e.g. what giving up costs a retiree).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub cautions: Vec<Reason>,
    pub reasons: Vec<Reason>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub correction: Option<String>,
    pub materials: Vec<Material>,
    pub steps: Vec<String>,
    /// The steps the code built, by position, as ids (`None`, or past the end: policy text).
    #[serde(skip)]
    pub steps_said: Vec<Option<crate::text::Say>>,
    /// For 不符合 and 需确认: the answers (or the check) that would change the verdict.
    pub what_would_change: Vec<crate::text::Sentence>,
    /// Questions not yet answered that this case depends on.
    pub pending_questions: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub applicants: Option<String>,
    /// The same line as its id when the code built it (`None`: policy text).
    #[serde(skip)]
    pub applicants_said: Option<crate::text::Say>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub time_limit: Option<String>,
    /// The same time limit as its id when the code built it.
    #[serde(skip)]
    pub time_limit_said: Option<crate::text::Say>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fee: Option<String>,
    /// The same fee as its id when the code built it.
    #[serde(skip)]
    pub fee_said: Option<crate::text::Say>,
}

impl CaseResult {
    /// The title in `lang`: a built title in that language, policy text as written.
    pub fn title_in(&self, lang: crate::text::Lang) -> String {
        self.title_said
            .as_ref()
            .map_or_else(|| self.title.clone(), |say| say.text(lang))
    }

    /// Who can apply, in `lang`: a built line in that language, policy text as written.
    pub fn applicants_in(&self, lang: crate::text::Lang) -> Option<String> {
        match &self.applicants_said {
            Some(say) => Some(say.text(lang)),
            None => self.applicants.clone(),
        }
    }

    /// Step `index` in `lang`: a built step in that language, policy text as written.
    pub fn step_in(&self, index: usize, lang: crate::text::Lang) -> String {
        match self.steps_said.get(index) {
            Some(Some(say)) => say.text(lang),
            _ => self.steps.get(index).cloned().unwrap_or_default(),
        }
    }

    /// The time limit in `lang` (see [`CaseResult::step_in`]).
    pub fn time_limit_in(&self, lang: crate::text::Lang) -> Option<String> {
        match &self.time_limit_said {
            Some(say) => Some(say.text(lang)),
            None => self.time_limit.clone(),
        }
    }

    /// The fee in `lang` (see [`CaseResult::step_in`]).
    pub fn fee_in(&self, lang: crate::text::Lang) -> Option<String> {
        match &self.fee_said {
            Some(say) => Some(say.text(lang)),
            None => self.fee.clone(),
        }
    }

    /// The summary in `lang`: a built sentence in that language, policy text as written.
    pub fn summary_in(&self, lang: crate::text::Lang) -> String {
        self.summary_said
            .as_ref()
            .map_or_else(|| self.summary.clone(), |say| say.text(lang))
    }
}

/// A region's service office with the sources that show it.
#[derive(Debug, Clone, Serialize)]
pub struct OfficeRecord {
    #[serde(flatten)]
    pub office: crate::policy::Office,
    pub sources: Vec<crate::policy::SourceRecord>,
}

impl OfficeRecord {
    /// The office of the region itself (a parent's is not this region's), with its sources.
    pub fn of(resolved: &crate::policy::ResolvedRegion<'_>) -> Option<Self> {
        let office = resolved.region().office.as_ref()?;
        Some(OfficeRecord {
            office: office.clone(),
            sources: resolved.source_records(office.sources.get_ref()),
        })
    }
}

/// A whole checklist: what the person qualifies for and what to bring.
#[derive(Debug, Clone, Serialize)]
pub struct Checklist {
    pub procedure: Procedure,
    pub procedure_label: &'static str,
    pub region: String,
    pub region_name: String,
    /// For a place without rules of its own: the region whose rules it uses (DOMAIN.md
    /// `data_from`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub data_from: Option<String>,
    /// And the note saying so, on every screen and export.
    #[serde(skip)]
    pub fallback_note: Option<crate::text::Sentence>,
    /// Who the list is for (a family's holder and members), already masked unless the user
    /// asked to include names and ID numbers; empty for a questionnaire's list.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub people: Vec<String>,
    /// The answers it was made from (fact → value): those that count.
    pub answers: Answers,
    /// Answers given that do not count, each with the reason (empty when none).
    pub ignored_answers: Vec<IgnoredAnswer>,
    /// The materials and steps the user ticked (keys of [`Checklist::material_key`] and
    /// [`Checklist::step_key`]), printed ticked in every format.
    #[serde(skip_serializing_if = "std::collections::BTreeSet::is_empty")]
    pub ticked: std::collections::BTreeSet<String>,
    pub cases: Vec<CaseResult>,
    /// Notices printed on every checklist of the procedure.
    pub warnings: Vec<Reason>,
    /// When no case applies: what the balance can be used for instead.
    pub balance_can: Vec<Reason>,
    /// The region's own service office, when its data has one (from sources).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub office: Option<OfficeRecord>,
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

impl Checklist {
    /// The key of a material's tick box: the region, the case and the item's own words, so a
    /// tick never moves to another item when the answers or the region change.
    pub fn material_key(&self, case: &CaseResult, index: usize) -> String {
        let item = case.materials.get(index).map_or("", |m| m.item.as_str());
        format!("{}|{}|材料|{item}", self.region, case.case)
    }

    /// The key of a step's tick box (see [`Checklist::material_key`]).
    pub fn step_key(&self, case: &CaseResult, index: usize) -> String {
        let step = case.steps.get(index).map_or("", String::as_str);
        format!("{}|{}|步骤|{step}", self.region, case.case)
    }

    /// Whether the user ticked this material.
    pub fn material_ticked(&self, case: &CaseResult, index: usize) -> bool {
        self.ticked.contains(&self.material_key(case, index))
    }

    /// Whether the user ticked this step.
    pub fn step_ticked(&self, case: &CaseResult, index: usize) -> bool {
        self.ticked.contains(&self.step_key(case, index))
    }

    /// Keeps only the ticks of boxes this list shows (a case that no longer applies takes
    /// its ticks with it).
    pub fn keep_ticks_shown(&mut self, ticked: &std::collections::BTreeSet<String>) {
        let mut shown = std::collections::BTreeSet::new();
        for case in self.actionable() {
            for i in 0..case.materials.len() {
                shown.insert(self.material_key(case, i));
            }
            for i in 0..case.steps.len() {
                shown.insert(self.step_key(case, i));
            }
        }
        self.ticked = ticked.intersection(&shown).cloned().collect();
    }
}
