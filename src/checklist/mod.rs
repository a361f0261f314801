//! Procedure checklists (withdrawal, transfer, binding): the questionnaire (from policy data),
//! a verdict per case with reasons and what would change it, and the materials and steps to
//! bring to the service window.

mod answers;
mod binding;
mod calendar;
mod evaluate;
mod model;
mod session;
mod transfer;
mod withdrawal;

pub use answers::{AnswerError, Answers, IgnoredAnswer, parse_answer};
pub use binding::family_binding_checklist;
pub use calendar::add_working_days;
pub use evaluate::{evaluate, questions_for};
pub use model::{CaseResult, Checklist, ChecklistError, OfficeRecord, QuestionView};
pub use session::{Questionnaire, Questionnaires};
