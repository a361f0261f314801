//! Answers to the questionnaire: a value per fact; an unanswered fact is unknown, never "no".

use std::collections::BTreeMap;

use crate::domain::Fact;

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
