//! Side-by-side comparison of regions on one topic: statements aligned by key, with what
//! differs; and a region's bibliography (each source with the statements citing it).

use chrono::NaiveDate;

use super::model::Statement;
use super::set::{CitedSource, Defined, PolicySet, ResolvedRegion};
use crate::domain::Topic;

/// How one statement key compares across the chosen regions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RowStatus {
    /// Every region sees the same statement (usually inherited from a common ancestor).
    Same,
    /// Every region has the key, but text or confidence differ.
    Different,
    /// Only some regions have the key: their column indices.
    OnlyIn(Vec<usize>),
}

/// One aligned row: the statement each region sees for a key (`None` where it has none).
#[derive(Debug, Clone)]
pub struct ComparisonRow<'a> {
    pub key: String,
    pub cells: Vec<Option<Defined<'a, Statement>>>,
    pub status: RowStatus,
}

/// Aligns the statements of `regions` on `topic` in force on `as_of`, in first-seen order.
/// Unknown region ids are skipped.
pub fn compare_regions<'a>(
    set: &'a PolicySet,
    regions: &[&str],
    topic: Topic,
    as_of: NaiveDate,
) -> Vec<ComparisonRow<'a>> {
    let columns: Vec<Vec<Defined<'a, Statement>>> = regions
        .iter()
        .filter_map(|id| set.resolve(id))
        .map(|resolved| {
            resolved
                .statements_on(topic)
                .into_iter()
                .filter(|s| s.item.in_force_on(as_of))
                .collect()
        })
        .collect();
    let mut keys: Vec<String> = Vec::new();
    for column in &columns {
        for statement in column {
            let key = statement.item.key();
            if !keys.iter().any(|k| k == key) {
                keys.push(key.to_owned());
            }
        }
    }
    keys.into_iter()
        .map(|key| {
            let cells: Vec<Option<Defined<'a, Statement>>> = columns
                .iter()
                .map(|column| column.iter().find(|s| s.item.key() == key).copied())
                .collect();
            let status = row_status(&cells);
            ComparisonRow { key, cells, status }
        })
        .collect()
}

fn row_status(cells: &[Option<Defined<'_, Statement>>]) -> RowStatus {
    let present: Vec<usize> = cells
        .iter()
        .enumerate()
        .filter_map(|(i, c)| c.as_ref().map(|_| i))
        .collect();
    if present.len() < cells.len() {
        return RowStatus::OnlyIn(present);
    }
    let mut statements = cells.iter().flatten();
    let Some(first) = statements.next() else {
        return RowStatus::Same;
    };
    let same = statements.all(|s| {
        s.item.text == first.item.text
            && s.item.confidence == first.item.confidence
            && s.item.correction == first.item.correction
    });
    if same {
        RowStatus::Same
    } else {
        RowStatus::Different
    }
}

/// One entry of a region's bibliography.
#[derive(Debug, Clone)]
pub struct BibliographyEntry<'a> {
    pub source: CitedSource<'a>,
    /// The statements the region sees that cite this source.
    pub cited_by: Vec<Defined<'a, Statement>>,
}

impl<'a> ResolvedRegion<'a> {
    /// Every source visible from the region (its own and its ancestors'), nearest region
    /// first, each with the statements citing it.
    pub fn bibliography(&self) -> Vec<BibliographyEntry<'a>> {
        let statements = self.statements();
        let mut entries = Vec::new();
        for region in self.chain.iter().rev() {
            // Strongest evidence first (grade A, B, C, then ungraded), then by id.
            let mut ids: Vec<&String> = region.sources.keys().collect();
            ids.sort_by_key(|id| (region.sources[*id].grade.map_or(u8::MAX, |g| g as u8), *id));
            for id in ids {
                // A nearer region's source with the same id shadows this one.
                let Some(source) = self.source(id) else {
                    continue;
                };
                if source.defined_in.id() != region.id() {
                    continue;
                }
                let cited_by = statements
                    .iter()
                    .filter(|s| super::model::source_ids(s.item.sources.get_ref()).any(|r| r == id))
                    .copied()
                    .collect();
                entries.push(BibliographyEntry { source, cited_by });
            }
        }
        entries
    }
}
