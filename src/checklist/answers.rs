//! Answers to the questionnaire: a value per fact; an unanswered fact is unknown, never "no".
//! Every answer given counts: it is used, or the checklist says why not ([`IgnoredAnswer`]).

use std::collections::BTreeMap;

use serde::Serialize;

use crate::domain::{Fact, Procedure};
use crate::policy::{Condition, Defined, Question};
use crate::text::{Say, Sentence, Term};

/// Why an answer was refused, naming what is allowed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AnswerError {
    #[error("an answer is written FACT=VALUE, got \"{0}\"")]
    Shape(String),
    #[error(transparent)]
    UnknownFact(#[from] crate::domain::UnknownId),
    #[error("value \"{value}\" is not allowed for fact `{fact}` (expected one of: {expected})")]
    BadValue {
        fact: String,
        value: String,
        expected: String,
    },
}

/// The answers given so far.
pub type Answers = BTreeMap<Fact, String>;

/// An answer that was given but does not count, and why (DOMAIN.md "Every answer given
/// counts": JSON `ignored_answers`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct IgnoredAnswer {
    pub fact: Fact,
    pub value: String,
    pub reason: Sentence,
}

/// Parses `fact=value` (as on the command line), checking both.
pub fn parse_answer(text: &str) -> Result<(Fact, String), AnswerError> {
    let (fact, value) = text
        .split_once('=')
        .ok_or_else(|| AnswerError::Shape(text.to_owned()))?;
    let fact: Fact = fact.trim().parse()?;
    let value = value.trim();
    if !fact.accepts(value) {
        return Err(AnswerError::BadValue {
            fact: fact.id().to_owned(),
            value: value.to_owned(),
            expected: fact.expected_values(),
        });
    }
    Ok((fact, value.to_owned()))
}

/// The Chinese label of one value of a fact.
pub(super) fn value_label(fact: Fact, value: &str) -> &'static str {
    fact.values()
        .iter()
        .find(|(id, _)| *id == value)
        .map_or("?", |(_, label)| label)
}

/// Whether every requirement of `condition` is answered and met.
pub(super) fn holds(condition: &Condition, answers: &Answers) -> bool {
    condition
        .requirements()
        .all(|(fact, values)| answers.get(&fact).is_some_and(|a| values.contains(a)))
}

/// The first answered requirement of `condition` that is not met: the answer that rules a
/// question out.
pub(super) fn contradiction(condition: &Condition, answers: &Answers) -> Option<(Fact, String)> {
    condition.requirements().find_map(|(fact, values)| {
        answers
            .get(&fact)
            .filter(|a| !values.contains(a))
            .map(|a| (fact, a.clone()))
    })
}

/// Whether some answered fact contradicts `condition`.
pub(super) fn contradicted(condition: &Condition, answers: &Answers) -> bool {
    contradiction(condition, answers).is_some()
}

/// The question text for a fact, or its label.
pub(super) fn question_text(questions: &[Defined<'_, Question>], fact: Fact) -> String {
    questions
        .iter()
        .find(|q| *q.item.fact.get_ref() == fact)
        .map_or_else(|| fact.label().to_owned(), |q| q.item.text.clone())
}

/// The answers that count, and the ones that do not with the reason.
///
/// An answer counts unless another answer rules its question out (an `ask_if` that an
/// answered fact contradicts) or the procedure never asks it. An answer whose question is
/// merely not shown yet (its `ask_if` depends on an unanswered fact) still counts: what the
/// user said is used. `extra_facts` are facts the procedure uses without a question (those
/// named in its cases' conditions).
pub(super) fn sort_answers(
    procedure: Procedure,
    questions: &[Defined<'_, Question>],
    extra_facts: &[Fact],
    answers: &Answers,
) -> (Answers, Vec<IgnoredAnswer>) {
    let asks = |fact: Fact| {
        questions.iter().any(|q| *q.item.fact.get_ref() == fact) || extra_facts.contains(&fact)
    };
    let mut effective: Answers = answers
        .iter()
        .filter(|(fact, _)| asks(**fact))
        .map(|(f, v)| (*f, v.clone()))
        .collect();
    // Ruling a question out can free another one; repeat until stable (bounded: each round
    // is computed from the given answers, so this settles within a few rounds).
    for _ in 0..=questions.len() {
        let next: Answers = answers
            .iter()
            .filter(|(fact, _)| asks(**fact))
            .filter(|(fact, _)| !ruled_out(questions, **fact, &effective))
            .map(|(f, v)| (*f, v.clone()))
            .collect();
        if next == effective {
            break;
        }
        effective = next;
    }
    let ignored = answers
        .iter()
        .filter(|(fact, _)| !effective.contains_key(fact))
        .map(|(fact, value)| {
            let reason: Sentence = if asks(*fact) {
                ruling_answer(questions, *fact, &effective).map_or_else(
                    || Say::IgnoredByOtherAnswers.into(),
                    |(by, by_value)| {
                        Say::IgnoredRuledOut {
                            question: question_text(questions, by),
                            answer: value_label(by, &by_value).to_owned(),
                        }
                        .into()
                    },
                )
            } else {
                Say::IgnoredNotAsked {
                    procedure: Term::new(procedure.label(), procedure.english()),
                }
                .into()
            };
            IgnoredAnswer {
                fact: *fact,
                value: value.clone(),
                reason,
            }
        })
        .collect();
    (effective, ignored)
}

/// Whether another answer rules out the question of `fact`.
pub(super) fn ruled_out(
    questions: &[Defined<'_, Question>],
    fact: Fact,
    answers: &Answers,
) -> bool {
    ruling_answer(questions, fact, answers).is_some()
}

/// The answer that rules out the question of `fact`, if any: one that contradicts its
/// `ask_if`, or one that rules out a question its `ask_if` depends on (no moving, no
/// question about the new place).
fn ruling_answer(
    questions: &[Defined<'_, Question>],
    fact: Fact,
    answers: &Answers,
) -> Option<(Fact, String)> {
    ruling_answer_within(questions, fact, answers, questions.len())
}

fn ruling_answer_within(
    questions: &[Defined<'_, Question>],
    fact: Fact,
    answers: &Answers,
    depth: usize,
) -> Option<(Fact, String)> {
    questions
        .iter()
        .filter(|q| *q.item.fact.get_ref() == fact)
        .find_map(|q| {
            let condition = q.item.ask_if.as_ref()?.get_ref();
            contradiction(condition, answers).or_else(|| {
                if depth == 0 {
                    return None;
                }
                condition.requirements().find_map(|(needed, _)| {
                    if answers.contains_key(&needed) {
                        None
                    } else {
                        ruling_answer_within(questions, needed, answers, depth - 1)
                    }
                })
            })
        })
}
