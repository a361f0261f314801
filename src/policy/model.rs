//! The policy data model: regions with their sources, statements and rules, exactly as the
//! TOML files under `policies/` describe them (see `policies/README.md`).

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use toml::Spanned;

use crate::domain::{
    Availability, Confidence, Fact, Insurance, IssuerLevel, Procedure, Relation, SeveralSupporters,
    SourceGrade, SourceStatus, Topic, Use, Verdict, WithdrawalCase,
};

/// A reference to a source by id, remembering where in the file it was written.
pub type SourceRef = Spanned<String>;

/// Ids of a list of source references, in order.
pub fn source_ids(refs: &[SourceRef]) -> impl Iterator<Item = &str> {
    refs.iter().map(|r| r.get_ref().as_str())
}

/// A calendar date written as a bare TOML date (`2024-07-01`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct PolicyDate(pub NaiveDate);

impl<'de> Deserialize<'de> for PolicyDate {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        use serde::de::Error;
        let value = toml::value::Datetime::deserialize(deserializer)?;
        let (Some(date), None) = (value.date, value.time) else {
            return Err(D::Error::custom(format!(
                "expected a date like 2024-07-01, found `{value}`"
            )));
        };
        NaiveDate::from_ymd_opt(i32::from(date.year), date.month.into(), date.day.into())
            .map(PolicyDate)
            .ok_or_else(|| D::Error::custom(format!("`{date}` is not a real calendar date")))
    }
}

impl std::fmt::Display for PolicyDate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.0.format("%Y-%m-%d"))
    }
}

/// `[region]`: who this file is about.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RegionHeader {
    pub id: Spanned<String>,
    pub name: String,
    #[serde(default)]
    pub parent: Option<Spanned<String>>,
    #[serde(default)]
    pub data_version: Option<Spanned<String>>,
}

/// `[sources.<id>]`: a document statements and rules cite.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issuer: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub doc_number: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<PolicyDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seed: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub grade: Option<SourceGrade>,
    /// The level of government the issuer speaks for (`national`, `province`, `city`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<IssuerLevel>,
    /// A grade B source that reproduces an official text faithfully (a repost of the
    /// document itself, not a report about it): it can back an `official` statement.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub faithful_copy: bool,
    /// `active`, or `superseded` when a newer text replaced it (shown as such).
    #[serde(default, skip_serializing_if = "SourceStatus::is_active")]
    pub status: SourceStatus,
    /// A short verbatim quote from the source supporting what cites it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quote: Option<String>,
    /// The title is this app's description of the source (the original title was not
    /// seen): printed without 《》 and marked as a description.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub described: bool,
}

// The enum is made by the `vocabulary!` macro, which cannot mark a variant `#[default]`.
#[allow(clippy::derivable_impls)]
impl Default for SourceStatus {
    fn default() -> Self {
        SourceStatus::Active
    }
}

impl SourceStatus {
    /// Whether the source is still in force.
    pub fn is_active(&self) -> bool {
        *self == SourceStatus::Active
    }
}

impl Source {
    /// One line a reader can use to find the document: issuer, 文号, date, title.
    pub fn citation(&self) -> String {
        let mut parts = Vec::new();
        if let Some(issuer) = &self.issuer {
            parts.push(issuer.clone());
        }
        if self.seed.is_some() {
            // One of the popular articles the app started from: called what it is, by its
            // title, never by the app's file name for it (issue 14).
            parts.push(format!("网络文章《{}》", self.title));
        } else if self.described {
            parts.push(format!("{}（本应用概括，非原标题）", self.title));
        } else {
            parts.push(format!("《{}》", self.title));
        }
        if let Some(number) = &self.doc_number {
            parts.push(number.clone());
        }
        if let Some(date) = self.date {
            parts.push(date.to_string());
        }
        let mut line = parts.join("，");
        if !self.status.is_active() {
            line.push_str(&format!("（{}）", self.status.label()));
        }
        line
    }
}

/// `[[statements]]`: one claim or rule shown in the explorer.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Statement {
    pub id: Spanned<String>,
    pub topic: Topic,
    pub text: String,
    pub confidence: Confidence,
    pub sources: Spanned<Vec<SourceRef>>,
    #[serde(default)]
    pub correction: Option<String>,
    #[serde(default)]
    pub effective_from: Option<PolicyDate>,
    #[serde(default)]
    pub effective_until: Option<PolicyDate>,
    pub verified_on: PolicyDate,
}

impl Statement {
    /// The statement's key, shared by overrides in nearer regions.
    pub fn key(&self) -> &str {
        self.id.get_ref()
    }

    /// Whether the statement is in force on `date`.
    pub fn in_force_on(&self, date: NaiveDate) -> bool {
        self.effective_from.is_none_or(|from| from.0 <= date)
            && self.effective_until.is_none_or(|until| date <= until.0)
    }
}

/// `[[relations]]`: whether a relative may be bound, and why.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RelationRule {
    pub relation: Spanned<Relation>,
    pub qualifies: bool,
    pub reason: String,
    pub sources: Spanned<Vec<SourceRef>>,
}

/// `[binding.same_province]` / `[binding.other_province]`: sharing across distance, with
/// what each side brings and the steps of the binding checklist.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DistanceRule {
    pub outcome: Verdict,
    pub channel: String,
    pub reason: String,
    pub sources: Spanned<Vec<SourceRef>>,
    /// `[[binding.<side>.materials]]`: what to have ready.
    pub materials: Vec<Material>,
    /// Online and offline steps, in order.
    pub steps: Vec<String>,
}

/// `[[binding.beneficiaries]]`: what shared money may pay, by the relative's insurance.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BeneficiaryRule {
    pub insurance: Spanned<Insurance>,
    pub uses: Vec<Use>,
    pub reason: String,
    pub sources: Spanned<Vec<SourceRef>>,
}

/// `[binding]`: who may be a holder and a beneficiary, and where sharing works.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BindingRules {
    pub holder_insurance: Vec<Insurance>,
    pub holder_reason: String,
    pub several_supporters: SeveralSupporters,
    pub several_supporters_reason: String,
    pub same_province: DistanceRule,
    pub other_province: DistanceRule,
    pub beneficiaries: Vec<BeneficiaryRule>,
    pub sources: Spanned<Vec<SourceRef>>,
}

/// `[[uses]]`: whether a use of shared money is permitted here.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UseRule {
    #[serde(rename = "use")]
    pub use_: Spanned<Use>,
    pub availability: Availability,
    pub reason: String,
    pub sources: Spanned<Vec<SourceRef>>,
}

/// A fact's expected value(s) in a condition: written as one value or a list of them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FactValues(pub Vec<String>);

impl<'de> Deserialize<'de> for FactValues {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ValuesVisitor;
        impl<'de> serde::de::Visitor<'de> for ValuesVisitor {
            type Value = FactValues;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a value id or a list of value ids")
            }
            fn visit_str<E: serde::de::Error>(self, value: &str) -> Result<FactValues, E> {
                Ok(FactValues(vec![value.to_owned()]))
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<FactValues, A::Error> {
                let mut values = Vec::new();
                while let Some(value) = seq.next_element::<String>()? {
                    values.push(value);
                }
                Ok(FactValues(values))
            }
        }
        deserializer.deserialize_any(ValuesVisitor)
    }
}

/// A condition over questionnaire answers: every listed fact must have one of its values.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(transparent)]
pub struct Condition(pub BTreeMap<Fact, FactValues>);

impl Condition {
    /// The facts and their accepted value ids.
    pub fn requirements(&self) -> impl Iterator<Item = (Fact, &[String])> {
        self.0
            .iter()
            .map(|(fact, values)| (*fact, values.0.as_slice()))
    }
}

/// A case's `when`: one condition, or a list of alternatives of which one must hold
/// (`when = [{ … }, { … }]`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnyOf(pub Vec<Condition>);

impl<'de> Deserialize<'de> for AnyOf {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Shape {
            One(Condition),
            Several(Vec<Condition>),
        }
        match Shape::deserialize(deserializer) {
            Ok(Shape::One(condition)) => Ok(AnyOf(vec![condition])),
            Ok(Shape::Several(conditions)) if !conditions.is_empty() => Ok(AnyOf(conditions)),
            Ok(Shape::Several(_)) => Err(serde::de::Error::custom(
                "`when` lists no condition: give a table or a non-empty list of tables",
            )),
            Err(_) => Err(serde::de::Error::custom(
                "`when` must be a table of fact = value(s), or a list of such tables",
            )),
        }
    }
}

impl AnyOf {
    /// The alternatives, in file order.
    pub fn alternatives(&self) -> &[Condition] {
        &self.0
    }

    /// Every fact any alternative names, with its accepted values.
    pub fn requirements(&self) -> impl Iterator<Item = (Fact, &[String])> {
        self.0.iter().flat_map(Condition::requirements)
    }
}

/// A note attached to a withdrawal case under a condition: a refusal (the case does not
/// apply, for this reason) or a caution (read this before going ahead).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CaseNote {
    pub when: Spanned<Condition>,
    pub text: String,
    pub sources: Spanned<Vec<SourceRef>>,
}

/// `[[questions]]`: one question of a procedure's questionnaire.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    pub procedure: Procedure,
    pub fact: Spanned<Fact>,
    pub text: String,
    #[serde(default)]
    pub help: Option<String>,
    /// How to find out, for someone who answers 不清楚 (issue 14).
    #[serde(default)]
    pub unsure: Option<String>,
    #[serde(default)]
    pub ask_if: Option<Spanned<Condition>>,
}

/// A document or thing to bring to the service window.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Material {
    pub item: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub alternatives: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub obtain_at: Option<String>,
}

/// `[[withdrawal_cases]]`: one way the balance may (or may not) be withdrawn.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WithdrawalCaseRule {
    pub case: Spanned<WithdrawalCase>,
    pub title: String,
    pub when: Spanned<AnyOf>,
    pub outcome: Verdict,
    pub confidence: Confidence,
    pub reason: String,
    #[serde(default)]
    pub correction: Option<String>,
    #[serde(default)]
    pub applicants: Option<String>,
    #[serde(default)]
    pub time_limit: Option<String>,
    #[serde(default)]
    pub fee: Option<String>,
    #[serde(default)]
    pub materials: Vec<Material>,
    #[serde(default)]
    pub steps: Vec<String>,
    /// `[[withdrawal_cases.refusals]]`: answers that rule the case out, with the rule why.
    #[serde(default)]
    pub refusals: Vec<CaseNote>,
    /// `[[withdrawal_cases.cautions]]`: what to read first when the answers match.
    #[serde(default)]
    pub cautions: Vec<CaseNote>,
    /// `[[withdrawal_cases.to_confirm]]`: answers for which the list does not say, so an
    /// `eligible` case becomes "confirm locally", with the reason.
    #[serde(default)]
    pub to_confirm: Vec<CaseNote>,
    pub sources: Spanned<Vec<SourceRef>>,
}

/// `[[notices]]`: a warning printed on a procedure's checklist (intermediaries, fines …).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Notice {
    pub id: Spanned<String>,
    pub procedure: Procedure,
    pub text: String,
    /// Withdrawal cases the notice belongs to: printed only when one of them is not ruled
    /// out. Empty: printed on every checklist of the procedure.
    #[serde(default)]
    pub applies_to: Vec<WithdrawalCase>,
    pub sources: Spanned<Vec<SourceRef>>,
}

/// `[transfer]`: time limits for moving the insurance relationship.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TransferRules {
    pub sending_working_days: u32,
    pub receiving_working_days: u32,
    pub backpay_gap_months: u32,
    pub max_waiting_months: u32,
    pub covers: String,
    /// What starts the receiving side's clock, e.g. 收到转出地的《参保人员基本医疗保险信息表》.
    pub receiving_starts_on: String,
    /// For a retiree (outside the transfer rules): what to bring and do instead.
    pub retiree_materials: Vec<Material>,
    pub retiree_steps: Vec<String>,
    /// What to bring (for the transfer checklist).
    #[serde(default)]
    pub materials: Vec<Material>,
    /// What to do, in order.
    #[serde(default)]
    pub steps: Vec<String>,
    pub sources: Spanned<Vec<SourceRef>>,
}

/// `[transfer_to_resident]`: what happens to the balance when the person joins only
/// resident insurance (which has no personal account) at the new place.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ToResidentRule {
    pub reason: String,
    /// What to bring and do instead of a transfer.
    pub materials: Vec<Material>,
    pub steps: Vec<String>,
    pub sources: Spanned<Vec<SourceRef>>,
}

/// `[transfer_within_province]`: how a move inside the province differs (Jiangsu: the
/// receiving side waits for the balance too; 15 working days in all).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WithinProvinceRule {
    pub receiving_starts_on: String,
    pub note: String,
    pub sources: Spanned<Vec<SourceRef>>,
}

/// `[office]`: the region's medical-insurance service office as a source shows it. Printed on
/// the region's own handouts (never a parent's: a province's hall is not a city's). Every
/// field is optional; write only what the cited source shows (FACTS.md: never an address no
/// source shows).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Office {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hours: Option<String>,
    /// Apps or websites where the errand can be done.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub online: Vec<String>,
    #[serde(skip_serializing)]
    pub sources: Spanned<Vec<SourceRef>>,
}

/// `[[glossary]]`: a word of the rules' jargon and what it means in plain words.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GlossaryEntry {
    /// The word as the rules write it: 统筹地区.
    pub term: String,
    /// What it means, in a sentence or two.
    pub means: String,
}

/// `[search]`: how people word their questions.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SearchSettings {
    /// Everyday words and the words the rules use for them (取钱 → 提取, 支取).
    #[serde(default)]
    pub synonyms: Vec<Synonym>,
}

/// Everyday words that mean what the rules say in other words.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Synonym {
    /// What people type: 取钱, 提现.
    pub words: Vec<String>,
    /// What the rules say: 提取, 支取.
    pub means: Vec<String>,
}

/// `[checklist]`: what the checklists take from the region's statements.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChecklistSettings {
    /// Statement ids shown under "余额还可以这样用" when no withdrawal case applies, in order.
    /// Each must be a statement the region sees (checked when loading).
    pub balance_can: Vec<Spanned<String>>,
}

/// Where a region's file came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// Compiled into the binary; the path is relative to `policies/`.
    Embedded(String),
    /// Read from a folder at run time.
    File(std::path::PathBuf),
    /// A place of the region tree (`policies/regions.csv`) with no policy file of its own: it
    /// uses its nearest ancestor's rules.
    Tree,
}

impl Origin {
    /// The path to show in messages.
    pub fn display_path(&self) -> String {
        match self {
            Origin::Embedded(path) => format!("policies/{path}"),
            Origin::File(path) => path.display().to_string(),
            Origin::Tree => "policies/regions.csv".to_owned(),
        }
    }
}

/// One region's file, parsed and checked on its own.
#[derive(Debug, Clone)]
pub struct Region {
    pub header: RegionHeader,
    pub origin: Origin,
    pub sources: BTreeMap<String, Source>,
    pub statements: Vec<Statement>,
    pub relations: Vec<RelationRule>,
    pub binding: Option<BindingRules>,
    pub uses: Vec<UseRule>,
    pub questions: Vec<Question>,
    pub withdrawal_cases: Vec<WithdrawalCaseRule>,
    pub notices: Vec<Notice>,
    pub transfer: Option<TransferRules>,
    pub transfer_to_resident: Option<ToResidentRule>,
    pub transfer_within_province: Option<WithinProvinceRule>,
    /// `[binding_same_province]`: the province's own channel, replacing
    /// `[binding.same_province]` of an ancestor without restating the whole `[binding]`.
    pub binding_same_province: Option<DistanceRule>,
    pub checklist: Option<ChecklistSettings>,
    /// `[office]`: where the region's people go, when a source shows it.
    pub office: Option<Office>,
    /// `[search]`: everyday words for the search.
    pub search: Option<SearchSettings>,
    /// `[[glossary]]`: short explanations of the jargon in the rules.
    pub glossary: Vec<GlossaryEntry>,
}

impl Region {
    /// A place of the region tree with no file of its own: a name, a parent, no rules.
    pub fn tree_place(id: &str, name: &str, parent: &str) -> Region {
        Region {
            header: RegionHeader {
                id: Spanned::new(0..0, id.to_owned()),
                name: name.to_owned(),
                parent: Some(Spanned::new(0..0, parent.to_owned())),
                data_version: None,
            },
            origin: Origin::Tree,
            sources: BTreeMap::new(),
            statements: Vec::new(),
            relations: Vec::new(),
            binding: None,
            uses: Vec::new(),
            questions: Vec::new(),
            withdrawal_cases: Vec::new(),
            notices: Vec::new(),
            transfer: None,
            transfer_to_resident: None,
            transfer_within_province: None,
            binding_same_province: None,
            checklist: None,
            office: None,
            search: None,
            glossary: Vec::new(),
        }
    }

    /// Whether the region has a policy file of its own (not only a place of the tree).
    pub fn has_own_file(&self) -> bool {
        self.origin != Origin::Tree
    }

    /// The region id (`nanjing`).
    pub fn id(&self) -> &str {
        self.header.id.get_ref()
    }

    /// The Chinese name (`南京市`).
    pub fn name(&self) -> &str {
        &self.header.name
    }

    /// The parent region id, `None` for the root.
    pub fn parent(&self) -> Option<&str> {
        self.header.parent.as_ref().map(|p| p.get_ref().as_str())
    }
}
