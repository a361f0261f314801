//! Checks of a whole family: each member's binding verdict, plus what only the family shows
//! (binding oneself, duplicates, invalid ID numbers, ages that contradict the relation).

use chrono::NaiveDate;

use super::id_number::IdNumber;
use super::model::{Family, Member};
use super::rules::{BindingError, BindingQuery, BindingVerdict, Reason, check_binding};
use crate::domain::{Relation, Verdict};
use crate::policy::PolicySet;
use crate::text::{Say, Sentence, Term};

/// A member's verdict and the problems found with his entry.
#[derive(Debug, Clone)]
pub struct MemberReview {
    pub member_id: u32,
    pub verdict: Result<BindingVerdict, BindingError>,
    /// Problems with what was typed (ID number, duplicates, ages).
    pub problems: Vec<Sentence>,
}

impl MemberReview {
    /// The verdict, or `confirm_locally` when the binding could not be checked.
    pub fn verdict_id(&self) -> Verdict {
        self.verdict
            .as_ref()
            .map_or(Verdict::ConfirmLocally, |v| v.verdict)
    }
}

/// The review of a whole family.
#[derive(Debug, Clone)]
pub struct FamilyReview {
    pub holder_problems: Vec<Sentence>,
    pub members: Vec<MemberReview>,
}

impl FamilyReview {
    /// The review of one member.
    pub fn member(&self, id: u32) -> Option<&MemberReview> {
        self.members.iter().find(|m| m.member_id == id)
    }
}

/// Whether the relative is expected to be older (+1) or younger (-1) than the holder.
fn expected_age_order(relation: Relation) -> i8 {
    match relation {
        Relation::Parent
        | Relation::Grandparent
        | Relation::MaternalGrandparent
        | Relation::GreatGrandparent
        | Relation::ParentInLaw
        | Relation::UncleAunt => 1,
        Relation::Child
        | Relation::Grandchild
        | Relation::MaternalGrandchild
        | Relation::GreatGrandchild
        | Relation::ChildInLaw
        | Relation::NephewNiece => -1,
        _ => 0,
    }
}

/// Validates an optional ID number, returning it or its problem in both languages.
pub fn check_id_number_term(
    text: Option<&str>,
    today: NaiveDate,
) -> Result<Option<IdNumber>, Term> {
    match text.map(str::trim).filter(|t| !t.is_empty()) {
        None => Ok(None),
        Some(text) => IdNumber::parse(text, today)
            .map(Some)
            .map_err(|e| Term::new(&e.to_string(), e.english())),
    }
}

/// Validates an optional ID number, returning it or a problem message.
pub fn check_id_number(text: Option<&str>, today: NaiveDate) -> Result<Option<IdNumber>, String> {
    match text.map(str::trim).filter(|t| !t.is_empty()) {
        None => Ok(None),
        Some(text) => IdNumber::parse(text, today)
            .map(Some)
            .map_err(|e| e.to_string()),
    }
}

/// Reviews every member of `family` against the holder's region.
pub fn review_family(set: &PolicySet, family: &Family, today: NaiveDate) -> FamilyReview {
    let holder = &family.holder;
    let mut holder_problems = Vec::new();
    let holder_id = match check_id_number_term(holder.id_number.as_deref(), today) {
        Ok(id) => id,
        Err(problem) => {
            holder_problems.push(Say::HolderIdProblem { problem }.into());
            None
        }
    };
    if set.region(&holder.region).is_none() {
        holder_problems.push(
            Say::HolderRegionUnknown {
                region: holder.region.clone(),
            }
            .into(),
        );
    }

    let mut members = Vec::with_capacity(family.members.len());
    for (index, member) in family.members.iter().enumerate() {
        let mut problems = Vec::new();
        let member_id = match check_id_number_term(member.id_number.as_deref(), today) {
            Ok(id) => id,
            Err(problem) => {
                problems.push(Say::MemberIdProblem { problem }.into());
                None
            }
        };
        let mut verdict = check_binding(
            set,
            &BindingQuery {
                holder_region: &holder.region,
                holder_insurance: holder.insurance,
                relation: member.relation,
                member_insurance: member.insurance,
                member_region: Some(&member.region),
                supported_by_others: member.supported_by_others,
            },
        );

        let is_holder = match (&holder_id, &member_id) {
            (Some(a), Some(b)) => a == b,
            _ => false,
        };
        if is_holder {
            if let Ok(verdict) = verdict.as_mut() {
                verdict.verdict = Verdict::NotEligible;
                verdict.allowed_uses.clear();
                verdict
                    .reasons
                    .insert(0, Reason::built(Say::SelfBinding, Vec::new()));
            }
        } else if !member.name.trim().is_empty()
            && member.name.trim() == holder.name.trim()
            && member_id.is_none()
        {
            problems.push(Say::SameNameAsHolder.into());
        }

        if let Some(earlier) = family.members[..index]
            .iter()
            .position(|other| same_person(other, member, member_id.as_ref(), today))
        {
            problems.push(
                Say::DuplicateMember {
                    number: earlier + 1,
                    name: family.members[earlier].name.clone(),
                }
                .into(),
            );
        }

        if let (Some(holder_id), Some(member_id)) = (&holder_id, &member_id) {
            let order = expected_age_order(member.relation);
            let member_older = member_id.birth_date() < holder_id.birth_date();
            if order > 0 && !member_older {
                problems.push(
                    Say::YoungerThanRelationSays {
                        relation: Term::new(member.relation.label(), member.relation.english()),
                    }
                    .into(),
                );
            } else if order < 0 && member_older {
                problems.push(
                    Say::OlderThanRelationSays {
                        relation: Term::new(member.relation.label(), member.relation.english()),
                    }
                    .into(),
                );
            }
        }
        members.push(MemberReview {
            member_id: member.id,
            verdict,
            problems,
        });
    }
    FamilyReview {
        holder_problems,
        members,
    }
}

/// Same valid ID number, or (without ID numbers) same name and relation.
fn same_person(a: &Member, b: &Member, b_id: Option<&IdNumber>, today: NaiveDate) -> bool {
    let a_id = check_id_number(a.id_number.as_deref(), today)
        .ok()
        .flatten();
    match (a_id.as_ref(), b_id) {
        (Some(x), Some(y)) => x == y,
        (None, None) => {
            !a.name.trim().is_empty() && a.name.trim() == b.name.trim() && a.relation == b.relation
        }
        _ => false,
    }
}
