//! What the questionnaire remembers: each procedure's own answers and ticks, so answers given
//! for one procedure (or one person) never show up in another's list. Kept across restarts.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use super::answers::Answers;
use crate::domain::Procedure;

/// One procedure's questionnaire: the answers given (including those to questions no longer
/// asked, so changing an earlier answer back restores them) and the boxes ticked.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Questionnaire {
    pub answers: Answers,
    pub ticked: BTreeSet<String>,
}

/// Every procedure's questionnaire, by procedure id.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Questionnaires {
    by_procedure: BTreeMap<String, Questionnaire>,
}

impl Questionnaires {
    /// The questionnaire of `procedure` (empty until answered).
    pub fn get(&self, procedure: Procedure) -> &Questionnaire {
        static EMPTY: std::sync::OnceLock<Questionnaire> = std::sync::OnceLock::new();
        self.by_procedure
            .get(procedure.id())
            .unwrap_or_else(|| EMPTY.get_or_init(Questionnaire::default))
    }

    /// The questionnaire of `procedure`, to change.
    pub fn get_mut(&mut self, procedure: Procedure) -> &mut Questionnaire {
        self.by_procedure
            .entry(procedure.id().to_owned())
            .or_default()
    }

    /// "新的一位": a clean questionnaire for `procedure`, the others untouched.
    pub fn start_over(&mut self, procedure: Procedure) {
        self.by_procedure.remove(procedure.id());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Fact;

    #[test]
    fn each_procedure_keeps_its_own_answers_and_ticks() {
        let mut all = Questionnaires::default();
        let transfer = all.get_mut(Procedure::Transfer);
        transfer
            .answers
            .insert(Fact::Moving, "inter_province".to_owned());
        transfer.ticked.insert("transfer:m:0".to_owned());
        assert!(all.get(Procedure::Binding).answers.is_empty());
        assert!(all.get(Procedure::Binding).ticked.is_empty());
        all.start_over(Procedure::Transfer);
        assert!(all.get(Procedure::Transfer).answers.is_empty());
    }

    #[test]
    fn answers_and_ticks_survive_a_round_trip_through_storage() {
        let mut all = Questionnaires::default();
        all.get_mut(Procedure::Withdrawal)
            .answers
            .insert(Fact::Deceased, "yes".to_owned());
        all.get_mut(Procedure::Withdrawal)
            .ticked
            .insert("death:m:1".to_owned());
        let text = serde_json::to_string(&all).expect("serializes");
        let back: Questionnaires = serde_json::from_str(&text).expect("parses");
        assert_eq!(back, all);
    }
}
