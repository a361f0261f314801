//! Flat, serializable views of resolved statements: the JSON shape of
//! `yibao policies show --format json` (DOMAIN.md).

use serde::Serialize;

use super::model::{PolicyDate, Source, Statement};
use super::set::{Defined, ResolvedRegion};
use crate::domain::{Confidence, Topic};

/// One source as printed: its id and fields.
#[derive(Debug, Clone, Serialize)]
pub struct SourceRecord {
    pub id: String,
    #[serde(flatten)]
    pub source: Source,
    /// The region whose file defines the source.
    pub defined_in: String,
}

/// A reason for a verdict, with the sources it rests on.
#[derive(Debug, Clone, Serialize)]
pub struct Reason {
    /// The reason in Chinese, as the CLI, the exports and the JSON give it.
    pub text: String,
    /// The sentence's id and parameters when the code built it, so the window can say it in
    /// its language; `None` for policy text, which stays as written.
    #[serde(skip)]
    pub said: Option<crate::text::Say>,
    pub sources: Vec<SourceRecord>,
}

impl Reason {
    /// A reason the code built: said in Chinese for the CLI and exports, kept as its id for
    /// the window's language.
    pub fn built(say: crate::text::Say, sources: Vec<SourceRecord>) -> Reason {
        Reason {
            text: say.text(crate::text::Lang::Zh),
            said: Some(say),
            sources,
        }
    }

    /// The reason in `lang`: the built sentence in that language, policy text as written.
    pub fn text_in(&self, lang: crate::text::Lang) -> String {
        self.said
            .as_ref()
            .map_or_else(|| self.text.clone(), |say| say.text(lang))
    }
}

/// One resolved statement with where it is defined and its sources.
#[derive(Debug, Clone, Serialize)]
pub struct StatementRecord {
    pub id: String,
    /// Region id where the statement is defined (may be an ancestor).
    pub region: String,
    pub region_name: String,
    pub topic: Topic,
    pub topic_label: &'static str,
    pub text: String,
    pub confidence: Confidence,
    pub confidence_label: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub correction: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub effective_from: Option<PolicyDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub effective_until: Option<PolicyDate>,
    pub verified_on: PolicyDate,
    pub sources: Vec<SourceRecord>,
}

impl StatementRecord {
    /// Flattens a resolved statement, looking its sources up through the region chain.
    pub fn new(resolved: &ResolvedRegion<'_>, defined: &Defined<'_, Statement>) -> Self {
        let statement = defined.item;
        StatementRecord {
            id: statement.key().to_owned(),
            region: defined.defined_in.id().to_owned(),
            region_name: defined.defined_in.name().to_owned(),
            topic: statement.topic,
            topic_label: statement.topic.label(),
            text: statement.text.clone(),
            confidence: statement.confidence,
            confidence_label: statement.confidence.label(),
            correction: statement.correction.clone(),
            effective_from: statement.effective_from,
            effective_until: statement.effective_until,
            verified_on: statement.verified_on,
            sources: resolved.source_records(statement.sources.get_ref()),
        }
    }
}

impl ResolvedRegion<'_> {
    /// The sources behind a list of references, as records.
    pub fn source_records(&self, refs: &[super::model::SourceRef]) -> Vec<SourceRecord> {
        self.cite(refs)
            .into_iter()
            .map(|cited| SourceRecord {
                id: cited.id.to_owned(),
                source: cited.source.clone(),
                defined_in: cited.defined_in.id().to_owned(),
            })
            .collect()
    }

    /// The region's statements as records, optionally on one topic.
    pub fn statement_records(&self, topic: Option<Topic>) -> Vec<StatementRecord> {
        self.statements()
            .iter()
            .filter(|s| topic.is_none_or(|t| s.item.topic == t))
            .map(|s| StatementRecord::new(self, s))
            .collect()
    }
}
