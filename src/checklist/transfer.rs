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
        let mut reasons = vec![Reason {
            text: format!(
                "转移接续适用于{}转出地在{}个工作日内办完转出；转入地在{}后{}个工作日内办完转入。",
                rule.covers,
                rule.sending_working_days,
                receiving_starts_on,
                rule.receiving_working_days
            ),
            sources: sources.clone(),
        }];
        if let Some(within) = &within {
            reasons.push(Reason {
                text: within.item.note.clone(),
                sources: resolved.source_records(within.item.sources.get_ref()),
            });
        }
        let mut what_would_change = Vec::new();
        let mut pending = Vec::new();
        let mut materials = Vec::new();
        let mut steps = Vec::new();
        let mut time_limit = None;
        let moving = answers.get(&Fact::Moving).map(String::as_str);
        let retired = answers.get(&Fact::InsuredStatus).map(String::as_str) == Some("retired");
        let new_scheme = answers.get(&Fact::NewScheme).map(String::as_str);
        let verdict = if moving == Some("none") {
            reasons.push(Reason {
                text: "不转移医保关系，就不需要办理转移接续。".to_owned(),
                sources: Vec::new(),
            });
            what_would_change.push("如果要把医保关系转到省内其他城市或外省".to_owned());
            Verdict::NotEligible
        } else if new_scheme == Some("none") {
            reasons.push(Reason {
                text: format!(
                    "新地方不参保就无法接续。断缴不超过{}个月的可以补缴；断缴更久的，重新参保后会有待遇等待期（各地规定不同）。",
                    rule.backpay_gap_months
                ),
                sources: sources.clone(),
            });
            what_would_change.push("如果到新地方参加职工医保或居民医保".to_owned());
            Verdict::NotEligible
        } else if retired {
            reasons.push(Reason {
                text: "退休人员不在转移接续办法的范围内；退休后异地居住，一般办理异地就医备案，医保关系和个人账户怎么处理由当地规定。".to_owned(),
                sources: sources.clone(),
            });
            what_would_change.push(format!(
                "{}医保经办机构确认退休人员的办理方式（医保服务热线：手机拨打区号+12393）",
                resolved.region().name()
            ));
            materials.clone_from(&rule.retiree_materials);
            steps.clone_from(&rule.retiree_steps);
            Verdict::ConfirmLocally
        } else if new_scheme == Some("resident") {
            match resolved.transfer_to_resident() {
                Some(to_resident) => {
                    let note = to_resident.item;
                    reasons.push(Reason {
                        text: note.reason.clone(),
                        sources: resolved.source_records(note.sources.get_ref()),
                    });
                    materials.clone_from(&note.materials);
                    steps.clone_from(&note.steps);
                }
                None => reasons.push(Reason {
                    text: "居民医保没有个人账户，余额怎么处理由当地规定。".to_owned(),
                    sources: Vec::new(),
                }),
            }
            what_would_change.push(format!(
                "{}医保经办机构确认个人账户余额的处理方式（医保服务热线：手机拨打区号+12393）",
                resolved.region().name()
            ));
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
                what_would_change.push(format!("回答“{}”", question.item.text));
            }
            if pending.is_empty() {
                materials.clone_from(&rule.materials);
                steps.clone_from(&rule.steps);
                let sent_by = add_working_days(today, rule.sending_working_days);
                let done_by = add_working_days(sent_by, rule.receiving_working_days);
                reasons.push(Reason {
                    text: "参加职工医保的，个人账户余额随医保关系转到新参保地。".to_owned(),
                    sources: sources.clone(),
                });
                time_limit = Some(format!(
                    "按今天（{}）申请算：原参保地约在 {} 前办完转出；新参保地在{}后{}个工作日内办完，约在 {} 前。只跳过了周末，没有扣除法定节假日，遇节假日顺延。",
                    today.format("%Y-%m-%d"),
                    sent_by.format("%Y-%m-%d"),
                    receiving_starts_on,
                    rule.receiving_working_days,
                    done_by.format("%Y-%m-%d")
                ));
                Verdict::Eligible
            } else {
                // Not yet known to be covered: no worker steps, no dates; what to do first.
                materials.clone_from(&rule.retiree_materials);
                steps = vec![
                    "先回答还没回答的问题：在职还是退休、到新地方参加哪种医保，决定怎么办理。"
                        .to_owned(),
                    "拿不准的，拨打医保服务热线（手机拨打：区号+12393），或到原参保地医保经办机构询问。"
                        .to_owned(),
                ];
                Verdict::ConfirmLocally
            }
        };
        let summary = if verdict == Verdict::Eligible {
            reasons[0].text.clone()
        } else {
            reasons[reasons.len() - 1].text.clone()
        };
        cases.push(CaseResult {
            case: procedure.id().to_owned(),
            title: "医保关系转移接续".to_owned(),
            verdict,
            verdict_label: verdict.label(),
            summary,
            confidence: Confidence::Official,
            cautions: Vec::new(),
            reasons,
            correction: None,
            materials,
            steps,
            what_would_change,
            pending_questions: pending,
            applicants: Some("参保人本人（或委托的人）".to_owned()),
            time_limit,
            fee: Some("不收费".to_owned()),
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
