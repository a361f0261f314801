//! The family-binding (家庭共济绑定) checklist: whether a relative can be bound, through which
//! channel, and what each side brings. Made from the questionnaire, or for every member of a
//! saved family (names and ID numbers masked unless the user includes them).

use chrono::NaiveDate;

use super::answers::{Answers, holds, sort_answers};
use super::evaluate::{fingerprint, from_answers, notices, unknown_region};
use super::model::{CaseResult, Checklist, ChecklistError};
use crate::domain::{Confidence, Fact, Insurance, Procedure, Relation, Use, Verdict};
use crate::family::privacy::{holder_line, member_line};
use crate::family::{
    BindingQuery, BindingStatus, BindingVerdict, Distance, Family, PersonalData, check_binding_at,
    distance,
};
use crate::policy::Defined;
use crate::policy::{
    BindingRules, DistanceRule, Material, PolicySet, Question, Reason, ResolvedRegion,
};
use crate::text::{Lang, Say, Sentence, Term};

/// The language of the sentences built here (see `text`).
const ZH: Lang = Lang::Zh;

/// What the answers say, each `None` while unanswered.
struct Given {
    holder_insurance: Option<Insurance>,
    relation: Option<Relation>,
    member_insurance: Option<Insurance>,
    distance: Option<Distance>,
}

impl Given {
    fn from(answers: &Answers) -> Self {
        fn parse<T: std::str::FromStr>(answers: &Answers, fact: Fact) -> Option<T> {
            answers.get(&fact).and_then(|v| v.parse().ok())
        }
        Given {
            holder_insurance: parse(answers, Fact::HolderInsurance),
            relation: parse(answers, Fact::Relation),
            member_insurance: parse(answers, Fact::MemberInsurance),
            distance: answers
                .get(&Fact::MemberProvince)
                .and_then(|v| match v.as_str() {
                    "same_province" => Some(Distance::SameProvince),
                    "other_province" => Some(Distance::OtherProvince(None)),
                    _ => None,
                }),
        }
    }
}

fn reason(
    resolved: &ResolvedRegion<'_>,
    text: String,
    rule_sources: &[crate::policy::SourceRef],
) -> Reason {
    Reason {
        said: None,
        text,
        sources: resolved.source_records(rule_sources),
    }
}

/// The materials and steps for a distance; both channels, each step labelled, when the
/// distance is not known.
/// Materials and steps: the channel's for a known distance; both channels', each step
/// labelled, when the relative's province is not known. Steps come with their ids where the
/// code built them.
fn materials_and_steps(binding: &BindingRules, distance: Option<&Distance>) -> MaterialsAndSteps {
    let one = |rule: &DistanceRule| MaterialsAndSteps {
        materials: rule.materials.clone(),
        steps: rule.steps.clone(),
        steps_said: Vec::new(),
    };
    match distance {
        Some(Distance::SameProvince) => one(&binding.same_province),
        Some(Distance::OtherProvince(_)) => one(&binding.other_province),
        Some(Distance::Unknown) | None => {
            let mut materials = binding.same_province.materials.clone();
            for material in &binding.other_province.materials {
                if !materials.iter().any(|m| m.item == material.item) {
                    materials.push(material.clone());
                }
            }
            let steps_said: Vec<Option<Say>> = binding
                .same_province
                .steps
                .iter()
                .map(|s| Say::StepInProvince { step: s.clone() })
                .chain(
                    binding
                        .other_province
                        .steps
                        .iter()
                        .map(|s| Say::StepOtherProvince { step: s.clone() }),
                )
                .map(Some)
                .collect();
            MaterialsAndSteps {
                materials,
                steps: steps_said
                    .iter()
                    .flatten()
                    .map(|say| say.text(ZH))
                    .collect(),
                steps_said,
            }
        }
    }
}

/// What to bring and do for a binding.
#[derive(Default)]
struct MaterialsAndSteps {
    materials: Vec<Material>,
    steps: Vec<String>,
    steps_said: Vec<Option<Say>>,
}

/// The uses a relative's bills may be paid for, listed in both languages.
fn uses_text(uses: &[Use]) -> Term {
    Term {
        zh: uses
            .iter()
            .map(|u| u.label())
            .collect::<Vec<_>>()
            .join("、"),
        en: uses
            .iter()
            .map(|u| u.english())
            .collect::<Vec<_>>()
            .join(", "),
    }
}

/// The one-line summary and what would change a checked binding.
fn explain(
    verdict: &BindingVerdict,
    binding: &BindingRules,
    distance: Option<&Distance>,
    holder_insurance: Insurance,
    region_name: &str,
) -> ((String, Option<Say>), Vec<Sentence>) {
    let mut changes = Vec::new();
    let summary = match verdict.verdict {
        Verdict::Eligible => built(Say::CanBind {
            uses: uses_text(&verdict.allowed_uses),
        }),
        Verdict::ConfirmLocally => {
            if matches!(distance, Some(Distance::OtherProvince(_))) {
                changes.push(
                    Say::IfAppShowsBothProvinces {
                        channel: binding.other_province.channel.clone(),
                    }
                    .into(),
                );
            } else {
                changes.push(
                    Say::OfficeConfirms {
                        region: region_name.to_owned(),
                    }
                    .into(),
                );
            }
            built(Say::ProbablyCanBind)
        }
        Verdict::NotEligible => {
            if !binding.holder_insurance.contains(&holder_insurance) {
                changes.push(Say::BindByEmployeeRelative.into());
            } else {
                changes.push(Say::OnlyCloseRelatives.into());
            }
            verdict
                .reasons
                .last()
                .map_or_else(|| built(Say::CannotBind), said_by)
        }
    };
    (summary, changes)
}

/// A checked binding as a checklist case.
#[allow(clippy::too_many_arguments)]
fn case_from_verdict(
    case: String,
    title: Say,
    verdict: BindingVerdict,
    binding: &BindingRules,
    distance: Option<&Distance>,
    holder_insurance: Insurance,
    region_name: &str,
) -> CaseResult {
    let ((summary, summary_said), what_would_change) =
        explain(&verdict, binding, distance, holder_insurance, region_name);
    let todo = if verdict.verdict == Verdict::NotEligible {
        MaterialsAndSteps::default()
    } else {
        materials_and_steps(binding, distance)
    };
    let mut reasons = verdict.reasons;
    reasons.extend(
        verdict
            .warnings
            .into_iter()
            .map(|warning| Reason::built(warning.say().clone(), Vec::new())),
    );
    CaseResult {
        case,
        title: title.text(ZH),
        title_said: Some(title),
        person: None,
        verdict: verdict.verdict,
        verdict_label: verdict.verdict.label(),
        summary,
        summary_said,
        confidence: Confidence::Local,
        cautions: Vec::new(),
        reasons,
        correction: None,
        materials: todo.materials,
        steps: todo.steps,
        steps_said: todo.steps_said,
        what_would_change,
        pending_questions: Vec::new(),
        applicants: Some(Say::BindingApplicants.text(ZH)),
        applicants_said: Some(Say::BindingApplicants),
        time_limit: None,
        time_limit_said: None,
        fee: Some(Say::Free.text(ZH)),
        fee_said: Some(Say::Free),
    }
}

fn title_for(relation: Option<Relation>) -> Say {
    relation.map_or(Say::BindingTitle, |r| Say::BindRelation {
        relation: relation_term(r),
    })
}

/// A relation as a term of a built sentence.
fn relation_term(relation: Relation) -> Term {
    Term::new(relation.label(), relation.english())
}

/// The single case of the questionnaire.
fn questionnaire_case(
    set: &PolicySet,
    resolved: &ResolvedRegion<'_>,
    binding: &BindingRules,
    questions: &[Defined<'_, Question>],
    answers: &Answers,
) -> CaseResult {
    let given = Given::from(answers);
    let region_name = resolved.region().name();
    let title = title_for(given.relation);
    if let (Some(holder_insurance), Some(relation), Some(member_insurance), Some(distance)) = (
        given.holder_insurance,
        given.relation,
        given.member_insurance,
        given.distance.as_ref(),
    ) {
        let query = BindingQuery {
            holder_region: resolved.region().id(),
            holder_insurance,
            relation,
            member_insurance,
            member_region: None,
            supported_by_others: false,
        };
        if let Ok(verdict) = check_binding_at(set, &query, distance) {
            return case_from_verdict(
                Procedure::Binding.id().to_owned(),
                title,
                verdict,
                binding,
                Some(distance),
                holder_insurance,
                region_name,
            );
        }
    }

    // Not everything answered: rule out what the answers already rule out.
    let mut reasons = Vec::new();
    let mut what_would_change = Vec::new();
    let mut verdict = Verdict::ConfirmLocally;
    if let Some(insurance) = given.holder_insurance
        && !binding.holder_insurance.contains(&insurance)
    {
        verdict = Verdict::NotEligible;
        reasons.push(Reason::built(
            Say::HolderIs {
                insurance: Term::new(insurance.label(), insurance.english()),
                reason: binding.holder_reason.clone(),
            },
            resolved.source_records(binding.sources.get_ref()),
        ));
        what_would_change.push(Say::BindByEmployeeRelative.into());
    } else {
        reasons.push(reason(
            resolved,
            binding.holder_reason.clone(),
            binding.sources.get_ref(),
        ));
    }
    if verdict != Verdict::NotEligible
        && let Some(relation) = given.relation
        && let Some(rule) = resolved.relation_rule(relation)
    {
        reasons.push(reason(
            resolved,
            rule.item.reason.clone(),
            rule.item.sources.get_ref(),
        ));
        if !rule.item.qualifies {
            verdict = Verdict::NotEligible;
            what_would_change.push(Say::OnlyCloseRelatives.into());
        }
    }
    let mut pending_questions = Vec::new();
    if verdict != Verdict::NotEligible {
        for question in questions.iter().filter(|q| {
            !answers.contains_key(q.item.fact.get_ref())
                && q.item
                    .ask_if
                    .as_ref()
                    .is_none_or(|c| holds(c.get_ref(), answers))
        }) {
            pending_questions.push(question.item.text.clone());
            what_would_change.push(
                Say::AnswerQuestion {
                    question: question.item.text.clone(),
                }
                .into(),
            );
        }
    }
    let (summary, summary_said) = match verdict {
        Verdict::NotEligible => reasons
            .last()
            .map_or_else(|| built(Say::CannotBind), said_by),
        _ => built(Say::AnswerToSeeBinding),
    };
    let todo = if verdict == Verdict::NotEligible {
        MaterialsAndSteps::default()
    } else {
        materials_and_steps(binding, given.distance.as_ref())
    };
    CaseResult {
        case: Procedure::Binding.id().to_owned(),
        title: title.text(ZH),
        title_said: Some(title),
        person: None,
        verdict,
        verdict_label: verdict.label(),
        summary,
        summary_said,
        confidence: Confidence::Local,
        cautions: Vec::new(),
        reasons,
        correction: None,
        materials: todo.materials,
        steps: todo.steps,
        steps_said: todo.steps_said,
        what_would_change,
        pending_questions,
        applicants: Some(Say::BindingApplicants.text(ZH)),
        applicants_said: Some(Say::BindingApplicants),
        time_limit: None,
        time_limit_said: None,
        fee: Some(Say::Free.text(ZH)),
        fee_said: Some(Say::Free),
    }
}

/// The case when the region has no binding rules at all.
/// A summary the code built: its Chinese and its id.
fn built(say: Say) -> (String, Option<Say>) {
    (say.text(ZH), Some(say))
}

/// A summary taken from a reason, as that reason says it.
fn said_by(reason: &Reason) -> (String, Option<Say>) {
    (reason.text.clone(), reason.said.clone())
}

fn no_rules_case(region_name: &str) -> CaseResult {
    CaseResult {
        case: Procedure::Binding.id().to_owned(),
        title: title_for(None).text(ZH),
        title_said: Some(title_for(None)),
        person: None,
        verdict: Verdict::ConfirmLocally,
        verdict_label: Verdict::ConfirmLocally.label(),
        summary: Say::NoBindingRules {
            region: region_name.to_owned(),
        }
        .text(ZH),
        summary_said: Some(Say::NoBindingRules {
            region: region_name.to_owned(),
        }),
        confidence: Confidence::Local,
        cautions: Vec::new(),
        reasons: Vec::new(),
        correction: None,
        materials: Vec::new(),
        steps: Vec::new(),
        steps_said: Vec::new(),
        what_would_change: vec![
            Say::OfficeTellsHow {
                region: region_name.to_owned(),
            }
            .into(),
        ],
        pending_questions: Vec::new(),
        applicants: None,
        applicants_said: None,
        time_limit: None,
        time_limit_said: None,
        fee: Some(Say::Free.text(ZH)),
        fee_said: Some(Say::Free),
    }
}

/// The binding checklist from the questionnaire's answers.
pub(super) fn evaluate_binding(
    set: &PolicySet,
    resolved: &ResolvedRegion<'_>,
    answers: &Answers,
    today: NaiveDate,
) -> Checklist {
    let procedure = Procedure::Binding;
    let questions = resolved.questions(procedure);
    let (answers, ignored) = sort_answers(procedure, &questions, &[], answers);
    let case = match resolved.binding_with_channel() {
        Some(binding) => questionnaire_case(set, resolved, &binding, &questions, &answers),
        None => no_rules_case(resolved.region().name()),
    };
    from_answers(
        set,
        resolved,
        procedure,
        (answers, ignored),
        vec![case],
        Vec::new(),
        today,
    )
}

/// The binding checklist for every member of `family` who is not unbound, one case each,
/// checked against the holder's region with each member's own region.
pub fn family_binding_checklist(
    set: &PolicySet,
    family: &Family,
    personal: PersonalData,
    today: NaiveDate,
) -> Result<Checklist, ChecklistError> {
    let procedure = Procedure::Binding;
    let region = family.holder.region.clone();
    let resolved = set
        .resolve(&region)
        .ok_or_else(|| unknown_region(set, &region))?;
    let region_name = resolved.region().name().to_owned();
    let mut people = vec![
        Say::HolderLine {
            holder: holder_line(&family.holder, personal),
        }
        .text(ZH),
    ];
    let mut cases = Vec::new();
    let mut inputs = vec![format!("holder={}", family.holder.insurance)];
    for member in family
        .members
        .iter()
        .filter(|m| m.status != BindingStatus::Ended)
    {
        let named = member_line(member, personal);
        let member_region = set
            .region(&member.region)
            .map_or(member.region.as_str(), |r| r.name());
        let person = Say::MemberLine {
            relation: relation_term(member.relation),
            name: named.clone(),
            insurance: Term::new(member.insurance.label(), member.insurance.english()),
            region: member_region.to_owned(),
        }
        .text(ZH);
        people.push(person.clone());
        inputs.push(format!(
            "{}:{}:{}:{}:{}",
            member.relation,
            member.insurance,
            member.region,
            member.supported_by_others,
            member.status == BindingStatus::Bound
        ));
        let title = Say::BindMemberTitle {
            relation: relation_term(member.relation),
            name: named.clone(),
        };
        let case_id = format!("binding.{}", member.id);
        let Some(binding) = resolved.binding_with_channel() else {
            let mut case = no_rules_case(&region_name);
            case.case = case_id;
            (case.title, case.title_said) = built(title);
            case.person = Some(person);
            cases.push(case);
            continue;
        };
        let query = BindingQuery {
            holder_region: &region,
            holder_insurance: family.holder.insurance,
            relation: member.relation,
            member_insurance: member.insurance,
            member_region: Some(&member.region),
            supported_by_others: member.supported_by_others,
        };
        let checked = distance(set, &region, &member.region)
            .and_then(|d| check_binding_at(set, &query, &d).map(|v| (d, v)));
        match checked {
            Ok((distance, verdict)) => {
                let mut case = case_from_verdict(
                    case_id,
                    title,
                    verdict,
                    &binding,
                    Some(&distance),
                    family.holder.insurance,
                    &region_name,
                );
                if member.status == BindingStatus::Bound {
                    case.reasons
                        .insert(0, Reason::built(Say::AlreadyBound, Vec::new()));
                }
                case.person = Some(person);
                cases.push(case);
            }
            Err(error) => {
                // The member's region is not in the policy data: say so, and list both
                // channels.
                let todo = materials_and_steps(&binding, None);
                let mut case = no_rules_case(&region_name);
                case.case = case_id;
                (case.title, case.title_said) = built(title);
                (case.summary, case.summary_said) = built(Say::MemberRegionUnknown {
                    error: error.to_string(),
                });
                case.reasons = vec![reason(
                    &resolved,
                    binding.holder_reason.clone(),
                    binding.sources.get_ref(),
                )];
                case.materials = todo.materials;
                case.steps = todo.steps;
                case.steps_said = todo.steps_said;
                case.applicants = Some(Say::BindingApplicants.text(ZH));
                case.applicants_said = Some(Say::BindingApplicants);
                case.person = Some(person);
                cases.push(case);
            }
        }
    }
    if cases.is_empty() {
        people.push(Say::NoMembersToBind.text(ZH));
    }
    let policy_version = set.data_version().to_owned();
    let fingerprint = fingerprint(procedure, &region, inputs.into_iter(), &policy_version);
    Ok(Checklist {
        procedure,
        procedure_label: procedure.label(),
        region,
        region_name,
        data_from: crate::policy::tree::fallback(&resolved).map(|(_, from)| from),
        fallback_note: crate::policy::tree::fallback(&resolved).map(|(note, _)| note),
        people,
        answers: Answers::new(),
        ignored_answers: Vec::new(),
        ticked: std::collections::BTreeSet::new(),
        warnings: notices(&resolved, procedure, &cases),
        cases,
        balance_can: Vec::new(),
        office: super::model::OfficeRecord::of(&resolved),
        policy_version,
        fingerprint,
        generated_on: today,
    })
}
