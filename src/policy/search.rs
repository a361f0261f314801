//! Full-text search over every statement, correction and source of every region, by Chinese
//! substring, full pinyin without tones (`gongji` → 共济), pinyin initials (`gj` → 共济) and
//! document numbers (`43号`). Bigram posting lists keep one keystroke well under a millisecond
//! on thousands of regions.

use std::collections::HashMap;
use std::ops::Range;

use chrono::NaiveDate;
use pinyin::ToPinyin;

use super::set::PolicySet;
use crate::domain::Topic;

/// Which part of a statement matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Field {
    Text,
    Correction,
    Sources,
}

/// How the query matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum MatchKind {
    /// The characters themselves (汉字, digits, letters).
    Literal,
    /// Full pinyin, syllables joined without tones or spaces.
    Pinyin,
    /// The first letter of each character's pinyin.
    Initials,
}

/// A statement as the index knows it.
#[derive(Debug, Clone)]
pub struct SearchEntry {
    pub region: String,
    pub key: String,
    pub topic: Topic,
    effective_from: Option<NaiveDate>,
    effective_until: Option<NaiveDate>,
}

impl SearchEntry {
    /// Whether the statement is in force on `date`.
    pub fn in_force_on(&self, date: NaiveDate) -> bool {
        self.effective_from.is_none_or(|from| from <= date)
            && self.effective_until.is_none_or(|until| date <= until)
    }
}

/// One searched field of one statement.
#[derive(Debug, Clone)]
struct Unit {
    entry: u32,
    field: Field,
    /// The field's text in lower case.
    literal: String,
    /// One ASCII byte per character of `literal`: its pinyin initial, the character itself
    /// for ASCII letters and digits, a space otherwise.
    initials: String,
}

/// One search result: the best match of a statement.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SearchHit {
    /// Index into [`SearchIndex::entry`].
    pub entry: usize,
    pub field: Field,
    pub kind: MatchKind,
    pub score: u32,
}

/// The index over a policy set. Build it once after loading.
#[derive(Debug, Default)]
pub struct SearchIndex {
    entries: Vec<SearchEntry>,
    units: Vec<Unit>,
    literal_chars: HashMap<char, Vec<u32>>,
    literal_pairs: HashMap<(char, char), Vec<u32>>,
    pinyin_pairs: HashMap<(u8, u8), Vec<u32>>,
    initial_pairs: HashMap<(u8, u8), Vec<u32>>,
}

/// The full pinyin of a character without tone (`ü` written `v`), if it is a Han character.
fn pinyin_of(c: char) -> Option<&'static str> {
    c.to_pinyin().map(|p| p.plain())
}

/// The searchable pinyin form of a character: its syllable, or the character itself for
/// ASCII letters and digits, or nothing.
fn pinyin_token(c: char, buffer: &mut String) {
    if let Some(syllable) = pinyin_of(c) {
        for ch in syllable.chars() {
            buffer.push(if ch == 'ü' { 'v' } else { ch });
        }
    } else if c.is_ascii_alphanumeric() {
        buffer.push(c.to_ascii_lowercase());
    }
}

fn initial_of(c: char) -> u8 {
    match pinyin_of(c) {
        Some(syllable) => syllable.as_bytes().first().copied().unwrap_or(b' '),
        None if c.is_ascii_alphanumeric() => c.to_ascii_lowercase() as u8,
        None => b' ',
    }
}

/// The pinyin of `text` with, for each character, the byte offset where its token starts.
fn pinyin_with_starts(text: &str) -> (String, Vec<usize>) {
    let mut pinyin = String::with_capacity(text.len() * 2);
    let mut starts = Vec::with_capacity(text.len());
    for c in text.chars() {
        starts.push(pinyin.len());
        pinyin_token(c, &mut pinyin);
    }
    (pinyin, starts)
}

fn push_unique<K: std::hash::Hash + Ord + Copy>(
    map: &mut HashMap<K, Vec<u32>>,
    keys: &mut Vec<K>,
    unit: u32,
) {
    keys.sort_unstable();
    keys.dedup();
    for key in keys.drain(..) {
        map.entry(key).or_default().push(unit);
    }
}

/// Intersects sorted posting lists, shortest first.
fn intersect(mut lists: Vec<&[u32]>) -> Vec<u32> {
    lists.sort_by_key(|l| l.len());
    let Some((first, rest)) = lists.split_first() else {
        return Vec::new();
    };
    let mut result: Vec<u32> = first.to_vec();
    for list in rest {
        let mut kept = Vec::with_capacity(result.len());
        let mut j = 0;
        for &unit in &result {
            while j < list.len() && list[j] < unit {
                j += 1;
            }
            if j < list.len() && list[j] == unit {
                kept.push(unit);
            }
        }
        result = kept;
        if result.is_empty() {
            break;
        }
    }
    result
}

impl SearchIndex {
    /// Indexes every statement of every region, with its correction and the sources it cites.
    pub fn build(set: &PolicySet) -> Self {
        let mut index = SearchIndex::default();
        for region in set.regions_in_tree_order() {
            let Some(resolved) = set.resolve(region.id()) else {
                continue;
            };
            for statement in &region.statements {
                let entry = u32::try_from(index.entries.len()).unwrap_or(u32::MAX);
                index.entries.push(SearchEntry {
                    region: region.id().to_owned(),
                    key: statement.key().to_owned(),
                    topic: statement.topic,
                    effective_from: statement.effective_from.map(|d| d.0),
                    effective_until: statement.effective_until.map(|d| d.0),
                });
                index.add_unit(entry, Field::Text, &statement.text);
                if let Some(correction) = &statement.correction {
                    index.add_unit(entry, Field::Correction, correction);
                }
                let sources: Vec<String> = resolved
                    .cite(statement.sources.get_ref())
                    .iter()
                    .map(|cited| {
                        let mut line = cited.source.citation();
                        if let Some(url) = &cited.source.url {
                            line.push(' ');
                            line.push_str(url);
                        }
                        line
                    })
                    .collect();
                index.add_unit(entry, Field::Sources, &sources.join("；"));
            }
        }
        index
    }

    fn add_unit(&mut self, entry: u32, field: Field, text: &str) {
        let unit_id = u32::try_from(self.units.len()).unwrap_or(u32::MAX);
        let literal = text.to_lowercase();
        let chars: Vec<char> = literal.chars().collect();
        let initials: String = chars.iter().map(|&c| char::from(initial_of(c))).collect();

        let mut single: Vec<char> = chars.clone();
        push_unique(&mut self.literal_chars, &mut single, unit_id);
        let mut pairs: Vec<(char, char)> = chars.windows(2).map(|w| (w[0], w[1])).collect();
        push_unique(&mut self.literal_pairs, &mut pairs, unit_id);
        let mut initial_pairs: Vec<(u8, u8)> = initials
            .as_bytes()
            .windows(2)
            .map(|w| (w[0], w[1]))
            .collect();
        push_unique(&mut self.initial_pairs, &mut initial_pairs, unit_id);
        let (pinyin, _) = pinyin_with_starts(&literal);
        let mut pinyin_pairs: Vec<(u8, u8)> =
            pinyin.as_bytes().windows(2).map(|w| (w[0], w[1])).collect();
        push_unique(&mut self.pinyin_pairs, &mut pinyin_pairs, unit_id);

        self.units.push(Unit {
            entry,
            field,
            literal,
            initials,
        });
    }

    /// Number of indexed statements.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether nothing is indexed.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The statement behind a hit.
    pub fn entry(&self, index: usize) -> Option<&SearchEntry> {
        self.entries.get(index)
    }

    /// Statements matching `query`, best first (ties in region-tree order), one hit per
    /// statement. An empty query matches nothing.
    pub fn search(&self, query: &str) -> Vec<SearchHit> {
        let query = normalize(query);
        if query.is_empty() {
            return Vec::new();
        }
        let mut best: HashMap<u32, SearchHit> = HashMap::new();
        let mut consider = |unit: &Unit, kind: MatchKind| {
            let score = score(kind, unit.field);
            let hit = SearchHit {
                entry: unit.entry as usize,
                field: unit.field,
                kind,
                score,
            };
            best.entry(unit.entry)
                .and_modify(|current| {
                    if score > current.score {
                        *current = hit;
                    }
                })
                .or_insert(hit);
        };

        for unit in self.literal_candidates(&query) {
            let unit = &self.units[unit as usize];
            if unit.literal.contains(&query) {
                consider(unit, MatchKind::Literal);
            }
        }
        let is_pinyin_query = query.len() >= 2 && query.bytes().all(|b| b.is_ascii_lowercase());
        if is_pinyin_query {
            for unit in self.ascii_candidates(&self.initial_pairs, &query) {
                let unit = &self.units[unit as usize];
                if initials_match(&unit.initials, &query).is_some() {
                    consider(unit, MatchKind::Initials);
                }
            }
            for unit in self.ascii_candidates(&self.pinyin_pairs, &query) {
                let unit = &self.units[unit as usize];
                if pinyin_match(&unit.literal, &query).is_some() {
                    consider(unit, MatchKind::Pinyin);
                }
            }
        }

        let mut hits: Vec<SearchHit> = best.into_values().collect();
        hits.sort_by(|a, b| b.score.cmp(&a.score).then(a.entry.cmp(&b.entry)));
        hits
    }

    fn literal_candidates(&self, query: &str) -> Vec<u32> {
        let chars: Vec<char> = query.chars().collect();
        if chars.len() == 1 {
            return self
                .literal_chars
                .get(&chars[0])
                .cloned()
                .unwrap_or_default();
        }
        let mut lists = Vec::with_capacity(chars.len());
        for pair in chars.windows(2) {
            match self.literal_pairs.get(&(pair[0], pair[1])) {
                Some(list) => lists.push(list.as_slice()),
                None => return Vec::new(),
            }
        }
        intersect(lists)
    }

    fn ascii_candidates(&self, postings: &HashMap<(u8, u8), Vec<u32>>, query: &str) -> Vec<u32> {
        let mut lists = Vec::new();
        for pair in query.as_bytes().windows(2) {
            match postings.get(&(pair[0], pair[1])) {
                Some(list) => lists.push(list.as_slice()),
                None => return Vec::new(),
            }
        }
        intersect(lists)
    }

    /// Where `query` matches in the hit's field: the field's text (lower case) and the
    /// character ranges to highlight.
    pub fn highlight(&self, hit: &SearchHit, query: &str) -> Option<(String, Vec<Range<usize>>)> {
        let query = normalize(query);
        let unit = self
            .units
            .iter()
            .find(|u| u.entry as usize == hit.entry && u.field == hit.field)?;
        let ranges = match hit.kind {
            MatchKind::Literal => literal_ranges(&unit.literal, &query),
            MatchKind::Initials => initials_match(&unit.initials, &query).into_iter().collect(),
            MatchKind::Pinyin => pinyin_match(&unit.literal, &query).into_iter().collect(),
        };
        Some((unit.literal.clone(), ranges))
    }
}

/// Lower case, trimmed; ASCII queries lose their spaces (`gong ji` = `gongji`).
fn normalize(query: &str) -> String {
    let query = query.trim().to_lowercase();
    if query.is_ascii() {
        query.chars().filter(|c| !c.is_whitespace()).collect()
    } else {
        query
    }
}

/// Literal matches rank above pinyin, pinyin above initials; the statement's text above its
/// correction, the correction above its sources.
fn score(kind: MatchKind, field: Field) -> u32 {
    let kind_weight = match kind {
        MatchKind::Literal => 30,
        MatchKind::Pinyin => 20,
        MatchKind::Initials => 10,
    };
    let field_weight = match field {
        Field::Text => 3,
        Field::Correction => 2,
        Field::Sources => 1,
    };
    kind_weight + field_weight
}

/// Character ranges of every occurrence of `query` in `text`.
fn literal_ranges(text: &str, query: &str) -> Vec<Range<usize>> {
    let query_chars = query.chars().count();
    text.match_indices(query)
        .map(|(byte, _)| {
            let start = text[..byte].chars().count();
            start..start + query_chars
        })
        .collect()
}

/// The first character range whose initials spell `query`.
fn initials_match(initials: &str, query: &str) -> Option<Range<usize>> {
    // One byte per character, so byte offsets are character offsets.
    initials.find(query).map(|start| start..start + query.len())
}

/// The first character range whose pinyin spells `query`, starting at a syllable; the last
/// syllable may be typed only in part (`gongj` finds 共济).
fn pinyin_match(literal: &str, query: &str) -> Option<Range<usize>> {
    let (pinyin, starts) = pinyin_with_starts(literal);
    for (byte, _) in pinyin.match_indices(query) {
        let Ok(first) = starts.binary_search(&byte) else {
            continue;
        };
        // Several characters may share a start (those without pinyin); take the last, the one
        // whose token begins here.
        let mut first = first;
        while first + 1 < starts.len() && starts[first + 1] == byte {
            first += 1;
        }
        let end_byte = byte + query.len();
        let last = match starts.binary_search(&end_byte) {
            Ok(next) => next,
            Err(inside) => inside,
        };
        return Some(first..last.max(first + 1));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pinyin_matches_start_at_a_syllable() {
        assert_eq!(pinyin_match("家庭共济", "gongji"), Some(2..4));
        assert_eq!(pinyin_match("家庭共济", "gongj"), Some(2..4));
        assert_eq!(pinyin_match("家庭共济", "ongji"), None);
        assert_eq!(pinyin_match("近亲属", "jinqinshu"), Some(0..3));
    }

    #[test]
    fn initials_cover_one_byte_per_character() {
        let initials: String = "家庭共济，APP"
            .chars()
            .map(|c| char::from(initial_of(c)))
            .collect();
        assert_eq!(initials, "jtgj app");
        assert_eq!(initials_match(&initials, "gj"), Some(2..4));
    }
}
