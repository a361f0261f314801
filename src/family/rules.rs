//! Whether a relative can be bound, and what the shared money may pay for him, decided from
//! the region's policy data (never hard-coded), with reasons and sources.

use serde::Serialize;

use crate::domain::{Availability, Insurance, Relation, SeveralSupporters, Use, Verdict};
use crate::policy::{PolicySet, ResolvedRegion, SourceRef};
use crate::text::{Lang, Say, Sentence, Term};

/// A binding to check: who holds the account, and who is to be bound.
#[derive(Debug, Clone, Copy)]
pub struct BindingQuery<'a> {
    pub holder_region: &'a str,
    pub holder_insurance: Insurance,
    pub relation: Relation,
    pub member_insurance: Insurance,
    /// Where the relative is insured; `None` means the holder's region.
    pub member_region: Option<&'a str>,
    /// Another employee also supports this relative.
    pub supported_by_others: bool,
}

pub use crate::policy::Reason;

/// The answer for one binding.
#[derive(Debug, Clone, Serialize)]
pub struct BindingVerdict {
    pub verdict: Verdict,
    /// Uses the shared money may pay for this relative, in DOMAIN.md order.
    pub allowed_uses: Vec<Use>,
    pub reasons: Vec<Reason>,
    /// Things to double-check that do not change the verdict (Chinese in JSON and the CLI).
    pub warnings: Vec<Sentence>,
}

/// Why a binding cannot be checked at all.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BindingError {
    #[error("unknown region \"{region}\" (known regions: {known})")]
    UnknownRegion { region: String, known: String },
}

fn severity(verdict: Verdict) -> u8 {
    match verdict {
        Verdict::Eligible => 0,
        Verdict::ConfirmLocally => 1,
        Verdict::NotEligible => 2,
    }
}

/// The stricter of two verdicts.
fn worse(a: Verdict, b: Verdict) -> Verdict {
    if severity(b) > severity(a) { b } else { a }
}

/// A reason's words: policy text as written, or a sentence built here (kept as its id so
/// the window can say it in English).
trait ReasonText {
    fn into_parts(self) -> (String, Option<Say>);
}

impl ReasonText for String {
    fn into_parts(self) -> (String, Option<Say>) {
        (self, None)
    }
}

impl ReasonText for Say {
    fn into_parts(self) -> (String, Option<Say>) {
        (self.text(ZH), Some(self))
    }
}

fn reason(resolved: &ResolvedRegion<'_>, text: impl ReasonText, refs: &[SourceRef]) -> Reason {
    let (text, said) = text.into_parts();
    Reason {
        text,
        said,
        sources: resolved.source_records(refs),
    }
}

/// The province a region belongs to (the region right under the root), if any.
fn province_of<'a>(resolved: &ResolvedRegion<'a>) -> Option<&'a str> {
    resolved.chain.get(1).map(|r| r.id())
}

fn unknown_region(set: &PolicySet, region: &str) -> BindingError {
    BindingError::UnknownRegion {
        region: region.to_owned(),
        known: set.region_ids().join(", "),
    }
}

/// Where the relative is insured, seen from the holder: this decides the channel.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Distance {
    SameProvince,
    /// Another province, with its name when known.
    OtherProvince(Option<String>),
    /// Not known (a region of the national level only).
    Unknown,
}

/// Whether `member_region` is in the same province as `holder_region`.
pub fn distance(
    set: &PolicySet,
    holder_region: &str,
    member_region: &str,
) -> Result<Distance, BindingError> {
    let holder = set
        .resolve(holder_region)
        .ok_or_else(|| unknown_region(set, holder_region))?;
    let member = set
        .resolve(member_region)
        .ok_or_else(|| unknown_region(set, member_region))?;
    Ok(match (province_of(&holder), province_of(&member)) {
        (Some(a), Some(b)) if a == b => Distance::SameProvince,
        (Some(_), Some(_)) => Distance::OtherProvince(Some(member.region().name().to_owned())),
        _ => Distance::Unknown,
    })
}

/// The language of the sentences built here (see `text`).
const ZH: Lang = Lang::Zh;

/// Checks one binding against the holder's region.
pub fn check_binding(
    set: &PolicySet,
    query: &BindingQuery<'_>,
) -> Result<BindingVerdict, BindingError> {
    let member_region = query.member_region.unwrap_or(query.holder_region);
    let distance = distance(set, query.holder_region, member_region)?;
    check_binding_at(set, query, &distance)
}

/// Checks one binding when the distance is already known (as the binding questionnaire
/// asks it); `query.member_region` is not consulted.
pub fn check_binding_at(
    set: &PolicySet,
    query: &BindingQuery<'_>,
    distance: &Distance,
) -> Result<BindingVerdict, BindingError> {
    let resolved = set
        .resolve(query.holder_region)
        .ok_or_else(|| unknown_region(set, query.holder_region))?;
    let mut result = BindingVerdict {
        verdict: Verdict::Eligible,
        allowed_uses: Vec::new(),
        reasons: Vec::new(),
        warnings: Vec::new(),
    };

    let Some(binding) = resolved.binding_with_channel() else {
        result.verdict = Verdict::ConfirmLocally;
        result.reasons.push(Reason::built(
            Say::NoBindingRulesAskHotline {
                region: resolved.region().name().to_owned(),
            },
            Vec::new(),
        ));
        return Ok(result);
    };
    let binding = &binding;

    // 1. The holder must have an account to share.
    if !binding.holder_insurance.contains(&query.holder_insurance) {
        result.verdict = Verdict::NotEligible;
        result.reasons.push(reason(
            &resolved,
            Say::HolderIs {
                insurance: Term::new(
                    query.holder_insurance.label(),
                    query.holder_insurance.english(),
                ),
                reason: binding.holder_reason.clone(),
            },
            binding.sources.get_ref(),
        ));
        return Ok(result);
    }

    // 2. The relative must be a 近亲属.
    let Some(relation_rule) = resolved.relation_rule(query.relation) else {
        result.verdict = Verdict::ConfirmLocally;
        result.reasons.push(Reason::built(
            Say::NoRelationRule {
                relation: Term::new(query.relation.label(), query.relation.english()),
            },
            Vec::new(),
        ));
        return Ok(result);
    };
    result.reasons.push(reason(
        &resolved,
        relation_rule.item.reason.clone(),
        relation_rule.item.sources.get_ref(),
    ));
    if !relation_rule.item.qualifies {
        result.verdict = Verdict::NotEligible;
        return Ok(result);
    }

    // 3. What the money may pay, by the relative's own insurance (DOMAIN.md: not known →
    // to confirm, saying how to find out).
    let mut uses: Vec<Use> = Vec::new();
    if query.member_insurance == Insurance::Unknown {
        result.verdict = worse(result.verdict, Verdict::ConfirmLocally);
        result
            .reasons
            .push(Reason::built(Say::RelativeInsuranceUnknown, Vec::new()));
    } else {
        match binding
            .beneficiaries
            .iter()
            .find(|b| *b.insurance.get_ref() == query.member_insurance)
        {
            Some(rule) => {
                uses.clone_from(&rule.uses);
                result.reasons.push(reason(
                    &resolved,
                    rule.reason.clone(),
                    rule.sources.get_ref(),
                ));
            }
            None => {
                result.verdict = worse(result.verdict, Verdict::ConfirmLocally);
                result.reasons.push(Reason::built(
                    Say::NoBeneficiaryRule {
                        insurance: Term::new(
                            query.member_insurance.label(),
                            query.member_insurance.english(),
                        ),
                    },
                    Vec::new(),
                ));
            }
        }
    }

    // 4. Same province: the local channel; another province: the 个人医保钱包.
    match distance {
        Distance::SameProvince => {
            let rule = &binding.same_province;
            result.verdict = worse(result.verdict, rule.outcome);
            result.reasons.push(reason(
                &resolved,
                Say::SameProvinceChannel {
                    reason: rule.reason.clone(),
                    channel: rule.channel.clone(),
                },
                rule.sources.get_ref(),
            ));
        }
        Distance::OtherProvince(province) => {
            let rule = &binding.other_province;
            result.verdict = worse(result.verdict, rule.outcome);
            let place = province.as_ref().map_or_else(String::new, Clone::clone);
            result.reasons.push(reason(
                &resolved,
                Say::OtherProvinceChannel {
                    place,
                    reason: rule.reason.clone(),
                    channel: rule.channel.clone(),
                },
                rule.sources.get_ref(),
            ));
            if uses.contains(&Use::CommercialInsurance) {
                uses.retain(|u| *u != Use::CommercialInsurance);
                result.reasons.push(reason(
                    &resolved,
                    Say::WalletNoCommercialInsurance,
                    rule.sources.get_ref(),
                ));
            }
        }
        Distance::Unknown => {
            result.verdict = worse(result.verdict, Verdict::ConfirmLocally);
            result
                .reasons
                .push(Reason::built(Say::ProvinceUnknown, Vec::new()));
        }
    }

    // 5. Each use as the holder's region allows it.
    for use_ in uses {
        match resolved.use_rule(use_) {
            Some(rule) => match rule.item.availability {
                Availability::Allowed => result.allowed_uses.push(use_),
                Availability::Local => result.reasons.push(reason(
                    &resolved,
                    Say::UseIsLocal {
                        use_label: Term::new(use_.label(), use_.english()),
                        reason: rule.item.reason.clone(),
                    },
                    rule.item.sources.get_ref(),
                )),
                Availability::Never => {}
            },
            None => result.reasons.push(Reason::built(
                Say::UseHasNoRule {
                    use_label: Term::new(use_.label(), use_.english()),
                },
                Vec::new(),
            )),
        }
    }
    if query.member_insurance == Insurance::None {
        result.warnings.push(Say::UninsuredRelativeFirst.into());
    }

    // 6. Several employees supporting the same relative.
    if query.supported_by_others {
        let say = Say::SupportedByOthers {
            reason: binding.several_supporters_reason.clone(),
        };
        if binding.several_supporters == SeveralSupporters::Warn {
            result.warnings.push(say.clone().into());
        }
        result
            .reasons
            .push(reason(&resolved, say, binding.sources.get_ref()));
    }
    Ok(result)
}
