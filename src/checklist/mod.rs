//! Procedure checklists: the questionnaire (from policy data), evaluation of each withdrawal
//! case with reasons and what would change the answer, and the materials and steps to bring
//! to the service window.

mod answers;
mod evaluate;

pub use answers::{AnswerError, Answers, parse_answer};
pub use evaluate::{
    CaseResult, Checklist, ChecklistError, QuestionView, add_working_days, evaluate, questions_for,
};
