//! Full-text search over every statement, correction and source of every region, by Chinese
//! substring, full pinyin without tones in any reading of a character (`gongji` → 共济,
//! `yinhang` → 银行 though 行 is first read xíng), pinyin initials (`gj` → 共济), document
//! numbers (`43号`) and everyday words (取钱 → 提取/支取, 过世 → 去世) from the synonym list in
//! the policy data (`[[search.synonyms]]`).
//!
//! Posting lists of character pairs find the candidate fields; fields are numbered texts
//! first, then corrections, then sources, so walking a posting list visits the better matches
//! first and a keystroke can stop after [`RESULT_LIMIT`] statements. Sources are indexed once
//! each, not once per citing statement.
//!
//! Over 600 lines: the index, its pinyin readings and the ranking are one data structure; the
//! split into index, pinyin and rank modules is planned with the everyday-words search
//! (issue 14).

use std::ops::Range;

use chrono::NaiveDate;
use pinyin::ToPinyinMulti;
use rustc_hash::{FxHashMap, FxHashSet};

use super::set::PolicySet;
use crate::domain::Topic;

/// A search stops collecting after this many statements; the UI asks for a longer query.
pub const RESULT_LIMIT: usize = 500;

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
    /// A word the everyday word in the query stands for (取钱 → 提取).
    Everyday,
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

/// One searched field: a statement's text or correction, or one source's citation.
#[derive(Debug, Clone)]
struct Unit {
    field: Field,
    /// The statements this field belongs to (one, or every statement citing a source).
    entries: Vec<u32>,
    /// The field's text in lower case.
    literal: String,
    /// One set per character of `literal`: the initials of all its pinyin readings, or the
    /// character itself for ASCII letters and digits (see [`initial_bit`]); empty otherwise.
    initials: Vec<u64>,
}

/// One search result: the best match of a statement.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SearchHit {
    /// Index into [`SearchIndex::entry`].
    pub entry: usize,
    pub field: Field,
    pub kind: MatchKind,
    pub score: u32,
    /// For pinyin and initials matches: how many results matched the same characters. A
    /// word many statements share (共济) ranks above a chance match of the same letters
    /// (构就).
    pub frequency: u32,
    unit: u32,
    /// The characters matched for pinyin and initials (start, length).
    matched: (u32, u32),
}

/// What a search found.
#[derive(Debug, Clone, Default)]
pub struct SearchResults {
    /// Best first (ties in region-tree order), one per statement.
    pub hits: Vec<SearchHit>,
    /// More statements match than [`RESULT_LIMIT`]; a longer query narrows them down.
    pub truncated: bool,
}

/// The index over a policy set. Build it once after loading.
#[derive(Debug, Default)]
pub struct SearchIndex {
    entries: Vec<SearchEntry>,
    fields: FieldIndex,
    /// Every prefix of every syllable, to tell whether a query can be pinyin at all (`gj`
    /// cannot; `gongj` can).
    syllable_prefixes: FxHashSet<String>,
    /// Everyday words and the words of the rules they stand for.
    synonyms: Vec<(String, Vec<String>)>,
}

/// The indexed fields and their posting lists (unit ids in ascending order).
#[derive(Debug, Default)]
struct FieldIndex {
    units: Vec<Unit>,
    literal_chars: FxHashMap<char, Vec<u32>>,
    literal_pairs: FxHashMap<(char, char), Vec<u32>>,
    /// The first two letters of the pinyin from each character on: a pinyin match starts at
    /// a syllable, so its first two letters are one of these.
    pinyin_starts: FxHashMap<(u8, u8), Vec<u32>>,
    initial_pairs: FxHashMap<(u8, u8), Vec<u32>>,
    /// Every pinyin syllable of the indexed text.
    syllables: FxHashSet<String>,
}

/// A field waiting to be indexed.
struct FieldJob<'a> {
    field: Field,
    entries: Vec<u32>,
    text: std::borrow::Cow<'a, str>,
}

/// Calls `f` with each searchable pinyin token of `c` until it returns `Some`: each reading
/// of a Han character without tone, most common first (行 → xing, hang, …; `ü` written `v`),
/// or the character itself for ASCII letters and digits. Allocates only for `ü`.
fn find_token<R>(c: char, mut f: impl FnMut(&str) -> Option<R>) -> Option<R> {
    if c.is_ascii_alphanumeric() {
        let mut buffer = [0u8; 4];
        return f(c.to_ascii_lowercase().encode_utf8(&mut buffer));
    }
    for reading in c.to_pinyin_multi()? {
        let plain = reading.plain();
        let found = if plain.contains('ü') {
            f(&plain.replace('ü', "v"))
        } else {
            f(plain)
        };
        if found.is_some() {
            return found;
        }
    }
    None
}

/// Whether `text` starts with what `query` spells: its characters (成都), the full pinyin in
/// any reading (chengdu, chongqing), or the initials (cd). For choosing a place as one types.
pub fn starts_like(text: &str, query: &str) -> bool {
    let query = normalize(query);
    if query.is_empty() {
        return true;
    }
    let text = text.to_lowercase();
    if text.starts_with(query.as_str()) {
        return true;
    }
    if !query.bytes().all(|b| b.is_ascii_lowercase()) {
        return false;
    }
    let chars: Vec<char> = text.chars().collect();
    let initials: Vec<u64> = chars.iter().map(|&c| initials_of(c)).collect();
    initials_matches(&initials, query.as_bytes())
        .first()
        .is_some_and(|range| range.start == 0)
        || spell_from(&chars, 0, &query).is_some()
}

/// Every searchable pinyin token of a character (see [`find_token`]), each once.
fn pinyin_tokens(c: char) -> Vec<String> {
    let mut tokens: Vec<String> = Vec::new();
    find_token(c, |token| {
        if !tokens.iter().any(|t| t == token) {
            tokens.push(token.to_owned());
        }
        None::<()>
    });
    tokens
}

/// The bit of an initial: a–z, then 0–9.
fn initial_bit(b: u8) -> u64 {
    match b {
        b'a'..=b'z' => 1 << (b - b'a'),
        b'0'..=b'9' => 1 << (26 + b - b'0'),
        _ => 0,
    }
}

/// The initials a character can be typed with: of every reading, or itself (the index
/// derives them from the tokens it already has).
fn initials_of(c: char) -> u64 {
    let mut set = 0;
    find_token(c, |token| {
        if let Some(&b) = token.as_bytes().first() {
            set |= initial_bit(b);
        }
        None::<()>
    });
    set
}

/// Intersects sorted posting lists, shortest first.
fn intersect(mut lists: Vec<&[u32]>) -> Vec<u32> {
    lists.sort_by_key(|l| l.len());
    let Some((first, rest)) = lists.split_first() else {
        return Vec::new();
    };
    let mut result: Vec<u32> = first.to_vec();
    for list in rest {
        let mut j = 0;
        result.retain(|&unit| {
            while j < list.len() && list[j] < unit {
                j += 1;
            }
            j < list.len() && list[j] == unit
        });
        if result.is_empty() {
            break;
        }
    }
    result
}

impl SearchIndex {
    /// Indexes every statement of every region, its correction, and every source.
    pub fn build(set: &PolicySet) -> Self {
        let mut entries = Vec::new();
        let mut texts: Vec<FieldJob<'_>> = Vec::new();
        let mut corrections: Vec<FieldJob<'_>> = Vec::new();
        // Sources by (defining region, id), with the statements citing them.
        let mut sources: Vec<FieldJob<'_>> = Vec::new();
        let mut source_slot: FxHashMap<(&str, &str), usize> = FxHashMap::default();
        for region in set.regions_in_tree_order() {
            let Some(resolved) = set.resolve(region.id()) else {
                continue;
            };
            for statement in &region.statements {
                let entry = u32::try_from(entries.len()).unwrap_or(u32::MAX);
                entries.push(SearchEntry {
                    region: region.id().to_owned(),
                    key: statement.key().to_owned(),
                    topic: statement.topic,
                    effective_from: statement.effective_from.map(|d| d.0),
                    effective_until: statement.effective_until.map(|d| d.0),
                });
                texts.push(FieldJob {
                    field: Field::Text,
                    entries: vec![entry],
                    text: statement.text.as_str().into(),
                });
                if let Some(correction) = &statement.correction {
                    corrections.push(FieldJob {
                        field: Field::Correction,
                        entries: vec![entry],
                        text: correction.as_str().into(),
                    });
                }
                for cited in resolved.cite(statement.sources.get_ref()) {
                    let slot = *source_slot
                        .entry((cited.defined_in.id(), cited.id))
                        .or_insert_with(|| {
                            sources.push(FieldJob {
                                field: Field::Sources,
                                entries: Vec::new(),
                                text: source_text(cited.source).into(),
                            });
                            sources.len() - 1
                        });
                    sources[slot].entries.push(entry);
                }
            }
        }
        // Texts first, then corrections, then sources: posting lists then visit the better
        // fields first.
        texts.append(&mut corrections);
        texts.append(&mut sources);
        let fields = FieldIndex::build_parallel(texts);
        let mut syllable_prefixes = FxHashSet::default();
        for syllable in &fields.syllables {
            for end in 1..=syllable.len() {
                syllable_prefixes.insert(syllable[..end].to_owned());
            }
        }
        let synonyms = set
            .regions_in_tree_order()
            .iter()
            .filter_map(|region| region.search.as_ref())
            .flat_map(|search| search.synonyms.iter())
            .flat_map(|synonym| {
                synonym
                    .words
                    .iter()
                    .map(|word| (normalize(word), synonym.means.clone()))
            })
            .filter(|(word, _)| !word.is_empty())
            .collect();
        SearchIndex {
            entries,
            fields,
            syllable_prefixes,
            synonyms,
        }
    }

    /// The query with each everyday word in it replaced by each word it stands for.
    fn everyday_queries(&self, query: &str) -> Vec<String> {
        let mut queries = Vec::new();
        for (word, means) in &self.synonyms {
            if query.contains(word.as_str()) {
                for meant in means {
                    let meant = normalize(meant);
                    // 取钱的材料 → 提取的材料 first; then 提取 alone, so that a question
                    // around the word (怎么取钱) still finds the rule.
                    let replaced = query.replace(word.as_str(), &meant);
                    for candidate in [replaced, meant] {
                        if candidate != query && !queries.contains(&candidate) {
                            queries.push(candidate);
                        }
                    }
                }
            }
        }
        queries
    }

    /// Whether `query` splits into whole syllables followed by a syllable's beginning.
    fn can_be_pinyin(&self, query: &str) -> bool {
        // reachable[i]: the first i bytes split into whole syllables.
        let mut reachable = vec![false; query.len() + 1];
        reachable[0] = true;
        for start in 0..query.len() {
            if !reachable[start] {
                continue;
            }
            let rest = &query[start..];
            if self.syllable_prefixes.contains(rest) {
                return true;
            }
            for end in start + 1..=query.len() {
                if self.fields.syllables.contains(&query[start..end]) {
                    reachable[end] = true;
                }
            }
        }
        reachable[query.len()]
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

    /// Statements matching `query`, best first. An empty query matches nothing.
    pub fn search(&self, query: &str) -> SearchResults {
        let query = normalize(query);
        let mut results = SearchResults::default();
        if query.is_empty() {
            return results;
        }
        let mut collector = Collector::default();

        for unit_id in self.literal_candidates(&query) {
            let unit = &self.fields.units[unit_id as usize];
            if unit.literal.contains(query.as_str()) {
                collector.add(unit_id, unit, MatchKind::Literal, 0..0, String::new());
                if collector.full() {
                    break;
                }
            }
        }
        for everyday in self.everyday_queries(&query) {
            if collector.full() {
                break;
            }
            for unit_id in self.literal_candidates(&everyday) {
                let unit = &self.fields.units[unit_id as usize];
                if let Some(range) = literal_ranges(&unit.literal, &everyday).into_iter().next() {
                    let word = char_slice(&unit.literal, range.clone());
                    collector.add(unit_id, unit, MatchKind::Everyday, range, word);
                    if collector.full() {
                        break;
                    }
                }
            }
        }
        let is_pinyin_query = query.len() >= 2 && query.bytes().all(|b| b.is_ascii_lowercase());
        if is_pinyin_query && !collector.full() && self.can_be_pinyin(&query) {
            let first_two = (query.as_bytes()[0], query.as_bytes()[1]);
            let candidates = self
                .fields
                .pinyin_starts
                .get(&first_two)
                .map_or(&[][..], Vec::as_slice);
            for &unit_id in candidates {
                let unit = &self.fields.units[unit_id as usize];
                for range in pinyin_matches(unit, &query) {
                    let word = char_slice(&unit.literal, range.clone());
                    collector.add(unit_id, unit, MatchKind::Pinyin, range, word);
                }
                if collector.full() {
                    break;
                }
            }
        }
        if is_pinyin_query && !collector.full() {
            for unit_id in self.ascii_candidates(&self.fields.initial_pairs, &query) {
                let unit = &self.fields.units[unit_id as usize];
                for range in initials_matches(&unit.initials, query.as_bytes()) {
                    let word = char_slice(&unit.literal, range.clone());
                    collector.add(unit_id, unit, MatchKind::Initials, range, word);
                }
                if collector.full() {
                    break;
                }
            }
        }
        results.truncated = collector.full();
        results.hits = collector.finish();
        results
    }

    fn literal_candidates(&self, query: &str) -> Vec<u32> {
        let chars: Vec<char> = query.chars().collect();
        if chars.len() == 1 {
            return self
                .fields
                .literal_chars
                .get(&chars[0])
                .cloned()
                .unwrap_or_default();
        }
        let mut lists = Vec::with_capacity(chars.len());
        for pair in chars.windows(2) {
            match self.fields.literal_pairs.get(&(pair[0], pair[1])) {
                Some(list) => lists.push(list.as_slice()),
                None => return Vec::new(),
            }
        }
        intersect(lists)
    }

    fn ascii_candidates(&self, postings: &FxHashMap<(u8, u8), Vec<u32>>, query: &str) -> Vec<u32> {
        let mut lists = Vec::new();
        for pair in query.as_bytes().windows(2) {
            match postings.get(&(pair[0], pair[1])) {
                Some(list) => lists.push(list.as_slice()),
                None => return Vec::new(),
            }
        }
        intersect(lists)
    }

    /// The hits in force on `as_of`, at most `limit` of the best, in the order the window
    /// and the command line show them: regions in tree order, topics in vocabulary order, the
    /// best match first. Also returns how many were in force.
    pub fn in_force_in_order<'a>(
        &self,
        set: &PolicySet,
        results: &'a SearchResults,
        as_of: NaiveDate,
        limit: usize,
    ) -> (Vec<&'a SearchHit>, usize) {
        let visible: Vec<&SearchHit> = results
            .hits
            .iter()
            .filter(|hit| self.entry(hit.entry).is_some_and(|e| e.in_force_on(as_of)))
            .collect();
        let matched = visible.len();
        let order: FxHashMap<&str, usize> = set
            .regions_in_tree_order()
            .iter()
            .enumerate()
            .map(|(i, r)| (r.id(), i))
            .collect();
        let mut shown: Vec<&SearchHit> = visible.into_iter().take(limit).collect();
        shown.sort_by_key(|hit| {
            let entry = self.entry(hit.entry);
            let region = entry
                .and_then(|e| order.get(e.region.as_str()).copied())
                .unwrap_or(usize::MAX);
            (
                region,
                entry.map(|e| e.topic),
                std::cmp::Reverse(hit.score),
                std::cmp::Reverse(hit.frequency),
                hit.entry,
            )
        });
        (shown, matched)
    }

    /// Where `query` matches in the hit's field: the field's text (lower case) and the
    /// character ranges to highlight.
    pub fn highlight(&self, hit: &SearchHit, query: &str) -> Option<(String, Vec<Range<usize>>)> {
        let query = normalize(query);
        let unit = self.fields.units.get(hit.unit as usize)?;
        let ranges = match hit.kind {
            MatchKind::Literal => literal_ranges(&unit.literal, &query),
            MatchKind::Initials | MatchKind::Pinyin | MatchKind::Everyday => {
                let (start, len) = (hit.matched.0 as usize, hit.matched.1 as usize);
                std::iter::once(start..start + len).collect()
            }
        };
        Some((unit.literal.clone(), ranges))
    }
}

impl FieldIndex {
    /// Indexes the jobs in order, the work split by key (rayon::join): the characters and
    /// character pairs on one core, the pinyin keys on the other. Each side sees every field
    /// in order, so nothing is merged or renumbered afterwards.
    fn build_parallel(jobs: Vec<FieldJob<'_>>) -> Self {
        let (literal, pinyin) = rayon::join(
            || {
                let mut builder = LiteralBuilder::default();
                for (unit, job) in jobs.iter().enumerate() {
                    builder.add(unit_number(unit), &job.text);
                }
                builder
            },
            || {
                let mut builder = PinyinBuilder::default();
                for (unit, job) in jobs.iter().enumerate() {
                    builder.add(unit_number(unit), &job.text);
                }
                builder
            },
        );
        let units = jobs
            .into_iter()
            .zip(literal.literals)
            .zip(pinyin.initials)
            .map(|((job, literal), initials)| Unit {
                field: job.field,
                entries: job.entries,
                literal,
                initials,
            })
            .collect();
        let letter_pairs = |lists: Vec<Vec<u32>>| -> FxHashMap<(u8, u8), Vec<u32>> {
            lists
                .into_iter()
                .enumerate()
                .filter(|(_, list)| !list.is_empty())
                .map(|(key, list)| ((letter_at(key / LETTERS), letter_at(key % LETTERS)), list))
                .collect()
        };
        FieldIndex {
            units,
            literal_chars: literal.chars.into_iter().collect(),
            literal_pairs: literal.pairs,
            pinyin_starts: letter_pairs(pinyin.pinyin_starts),
            initial_pairs: letter_pairs(pinyin.initial_pairs),
            syllables: pinyin.syllables,
        }
    }
}

/// A unit's number (the index of its job).
fn unit_number(index: usize) -> u32 {
    u32::try_from(index).unwrap_or(u32::MAX)
}

/// The number of initials and letters a key can hold: a–z, then 0–9 (see [`initial_bit`]).
const LETTERS: usize = 36;

/// The position of a letter or digit among [`LETTERS`].
fn letter_index(b: u8) -> Option<usize> {
    match b {
        b'a'..=b'z' => Some(usize::from(b - b'a')),
        b'0'..=b'9' => Some(26 + usize::from(b - b'0')),
        _ => None,
    }
}

/// The letter or digit at a position of [`LETTERS`] (`index` < 36).
fn letter_at(index: usize) -> u8 {
    let index = u8::try_from(index).unwrap_or(0);
    if index < 26 {
        b'a' + index
    } else {
        b'0' + (index - 26)
    }
}

/// The positions of the set bits of an initials set.
fn bit_indexes(set: u64) -> impl Iterator<Item = usize> {
    let mut rest = set;
    std::iter::from_fn(move || {
        (rest != 0).then(|| {
            let bit = rest.trailing_zeros() as usize;
            rest &= rest - 1;
            bit
        })
    })
}

/// Adds `unit` to a posting list. Units are added in ascending order, so a key seen again in
/// the same unit is the list's last element: lists stay sorted and unique.
fn add_posting(list: &mut Vec<u32>, unit: u32) {
    if list.last() != Some(&unit) {
        list.push(unit);
    }
}

/// Numbers for the characters met while indexing, 0, 1, 2, … in order of first sight. A
/// character of the Basic Multilingual Plane (all common Han characters) is found by
/// indexing a table, not by hashing: it is looked up once per character of every field.
struct CharNumbers {
    /// Number + 1 by code point; 0: not seen yet.
    plane: Vec<u32>,
    others: FxHashMap<char, u32>,
    count: u32,
}

impl Default for CharNumbers {
    fn default() -> Self {
        CharNumbers {
            plane: vec![0; 0x1_0000],
            others: FxHashMap::default(),
            count: 0,
        }
    }
}

impl CharNumbers {
    /// The number of `c`, and whether it is new.
    fn number(&mut self, c: char) -> (u32, bool) {
        let code = c as usize;
        let slot = match self.plane.get_mut(code) {
            Some(slot) => slot,
            None => {
                let count = self.count;
                let number = *self.others.entry(c).or_insert(count);
                let new = number == count;
                if new {
                    self.count += 1;
                }
                return (number, new);
            }
        };
        if *slot == 0 {
            self.count += 1;
            *slot = self.count;
            (self.count - 1, true)
        } else {
            (*slot - 1, false)
        }
    }
}

/// The literal half of the index: each field in lower case, and the posting lists of its
/// characters and character pairs.
#[derive(Default)]
struct LiteralBuilder {
    literals: Vec<String>,
    numbers: CharNumbers,
    /// Posting lists by character number.
    chars: Vec<(char, Vec<u32>)>,
    pairs: FxHashMap<(char, char), Vec<u32>>,
}

impl LiteralBuilder {
    fn add(&mut self, unit: u32, text: &str) {
        let literal = lower_case(text).into_owned();
        let mut previous = None;
        for c in literal.chars() {
            let (number, new) = self.numbers.number(c);
            if new {
                self.chars.push((c, Vec::new()));
            }
            add_posting(&mut self.chars[number as usize].1, unit);
            if let Some(before) = previous {
                add_posting(self.pairs.entry((before, c)).or_default(), unit);
            }
            previous = Some(c);
        }
        self.literals.push(literal);
    }
}

/// A character's pinyin keys, derived once per build from its tokens.
#[derive(Debug, Clone, Copy, Default)]
struct CharKeys {
    /// The initials of all its readings (see [`initial_bit`]).
    initials: u64,
    /// The first letters of its one-letter tokens (`a`, `e`, `o`, or an ASCII letter or
    /// digit): a pinyin match starting there continues into the next character.
    single: u64,
    /// Where its two-letter starts are in [`PinyinBuilder::starts`].
    starts: (u32, u32),
}

/// The pinyin half of the index: each character's initials, and the posting lists of
/// initial pairs and pinyin starts. Their keys are two letters, so the lists sit in plain
/// arrays (`first * LETTERS + second`) rather than hash maps.
#[derive(Default)]
struct PinyinBuilder {
    initials: Vec<Vec<u64>>,
    /// Each character's keys by its number, looked up once (a character recurs thousands
    /// of times).
    numbers: CharNumbers,
    keys: Vec<CharKeys>,
    /// The two-letter starts of each character's tokens (see [`CharKeys::starts`]).
    starts: Vec<u16>,
    pinyin_starts: Vec<Vec<u32>>,
    initial_pairs: Vec<Vec<u32>>,
    syllables: FxHashSet<String>,
    scratch: Vec<CharKeys>,
}

impl PinyinBuilder {
    /// The keys of `c`, from the cache or looked up (and its syllables noted) once.
    fn char_keys(&mut self, c: char) -> CharKeys {
        let (number, new) = self.numbers.number(c);
        if !new {
            return self.keys[number as usize];
        }
        let tokens = pinyin_tokens(c);
        let from = u32::try_from(self.starts.len()).unwrap_or(u32::MAX);
        let mut keys = CharKeys::default();
        for token in &tokens {
            let bytes = token.as_bytes();
            let first = bytes.first().copied().and_then(letter_index);
            let second = bytes.get(1).copied().and_then(letter_index);
            match (first, second) {
                (Some(a), Some(b)) => {
                    self.starts
                        .push(u16::try_from(a * LETTERS + b).unwrap_or(0));
                }
                (Some(a), None) if bytes.len() == 1 => keys.single |= 1 << a,
                _ => {}
            }
            if let Some(a) = first {
                keys.initials |= 1 << a;
            }
        }
        keys.starts = (from, u32::try_from(self.starts.len()).unwrap_or(u32::MAX));
        if !c.is_ascii_alphanumeric() {
            self.syllables.extend(tokens);
        }
        self.keys.push(keys);
        keys
    }

    fn add(&mut self, unit: u32, text: &str) {
        if self.pinyin_starts.is_empty() {
            self.pinyin_starts = vec![Vec::new(); LETTERS * LETTERS];
            self.initial_pairs = vec![Vec::new(); LETTERS * LETTERS];
        }
        let literal = lower_case(text);
        // A scratch buffer kept between fields: one allocation for the whole build.
        let mut keys = std::mem::take(&mut self.scratch);
        keys.clear();
        keys.extend(literal.chars().map(|c| self.char_keys(c)));
        for (i, own) in keys.iter().enumerate() {
            if let Some(theirs) = i.checked_sub(1).and_then(|j| keys.get(j)) {
                for a in bit_indexes(theirs.initials) {
                    for b in bit_indexes(own.initials) {
                        add_posting(&mut self.initial_pairs[a * LETTERS + b], unit);
                    }
                }
            }
            // Every reading's first two letters, where a pinyin match may start; a one-letter
            // token continues into the next character's tokens.
            let (from, to) = own.starts;
            for index in from..to {
                let start = usize::from(self.starts[index as usize]);
                add_posting(&mut self.pinyin_starts[start], unit);
            }
            if own.single != 0
                && let Some(next) = keys.get(i + 1)
            {
                for a in bit_indexes(own.single) {
                    for b in bit_indexes(next.initials) {
                        add_posting(&mut self.pinyin_starts[a * LETTERS + b], unit);
                    }
                }
            }
        }
        self.initials
            .push(keys.iter().map(|k| k.initials).collect());
        self.scratch = keys;
    }
}

/// `text` in lower case. Nothing from U+2E80 on (CJK, full-width punctuation) has case, so
/// a text of those and lower-case ASCII is used as it is.
fn lower_case(text: &str) -> std::borrow::Cow<'_, str> {
    let caseless = |c: char| (c.is_ascii() && !c.is_ascii_uppercase()) || c >= '\u{2E80}';
    if text.chars().all(caseless) {
        text.into()
    } else {
        text.to_lowercase().into()
    }
}

/// The searchable line of a source: citation and URL.
/// What a source is found by: its citation (issuer, title, 文号, date). Not its address: the
/// letters of a URL (`…songjiankang…`) would match pinyin queries such as `gj` by chance.
fn source_text(source: &super::model::Source) -> String {
    source.citation()
}

/// Gathers matches in the order found (which is best-field first), one hit per statement,
/// until [`RESULT_LIMIT`] statements are found.
#[derive(Default)]
struct Collector {
    /// Hit per statement, with the matched word (pinyin and initials only).
    best: FxHashMap<u32, (SearchHit, String)>,
}

impl Collector {
    fn full(&self) -> bool {
        self.best.len() >= RESULT_LIMIT
    }

    fn add(
        &mut self,
        unit_id: u32,
        unit: &Unit,
        kind: MatchKind,
        range: Range<usize>,
        word: String,
    ) {
        let score = score(kind, unit.field);
        for &entry in &unit.entries {
            if self.full() && !self.best.contains_key(&entry) {
                return;
            }
            let hit = SearchHit {
                entry: entry as usize,
                field: unit.field,
                kind,
                score,
                frequency: 0,
                unit: unit_id,
                matched: (
                    u32::try_from(range.start).unwrap_or(0),
                    u32::try_from(range.len()).unwrap_or(0),
                ),
            };
            self.best
                .entry(entry)
                .and_modify(|current| {
                    if score > current.0.score {
                        *current = (hit, word.clone());
                    }
                })
                .or_insert_with(|| (hit, word.clone()));
        }
    }

    /// Ranks: score, then how many hits share the matched word, then tree order.
    fn finish(self) -> Vec<SearchHit> {
        let mut counts: FxHashMap<&str, u32> = FxHashMap::default();
        let mut seen: FxHashSet<(u32, &str)> = FxHashSet::default();
        for (hit, word) in self.best.values() {
            if !word.is_empty() && seen.insert((hit.unit, word.as_str())) {
                *counts.entry(word.as_str()).or_default() += 1;
            }
        }
        let mut hits: Vec<SearchHit> = self
            .best
            .values()
            .map(|(hit, word)| SearchHit {
                frequency: counts.get(word.as_str()).copied().unwrap_or(0),
                ..*hit
            })
            .collect();
        hits.sort_by(|a, b| {
            b.score
                .cmp(&a.score)
                .then(b.frequency.cmp(&a.frequency))
                .then(a.entry.cmp(&b.entry))
        });
        hits
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

/// Literal matches rank above everyday words, those above pinyin, pinyin above initials; the statement's text above its
/// correction, the correction above its sources.
fn score(kind: MatchKind, field: Field) -> u32 {
    let kind_weight = match kind {
        MatchKind::Literal => 30,
        MatchKind::Everyday => 25,
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

/// The characters of `text` in the character range `range`.
fn char_slice(text: &str, range: Range<usize>) -> String {
    text.chars().skip(range.start).take(range.len()).collect()
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

/// Every character range whose initials spell `query` (in any reading of each character).
fn initials_matches(initials: &[u64], query: &[u8]) -> Vec<Range<usize>> {
    if query.is_empty() || initials.len() < query.len() {
        return Vec::new();
    }
    (0..=initials.len() - query.len())
        .filter(|&start| {
            query
                .iter()
                .zip(&initials[start..])
                .all(|(&b, &set)| set & initial_bit(b) != 0)
        })
        .map(|start| start..start + query.len())
        .collect()
}

/// Every character range whose pinyin spells `query`, starting at a syllable, in any reading
/// of each character; the last syllable may be typed only in part (`gongj` finds 共济). Only
/// positions one of whose initials is the query's first letter are tried.
fn pinyin_matches(unit: &Unit, query: &str) -> Vec<Range<usize>> {
    let Some(&first_letter) = query.as_bytes().first() else {
        return Vec::new();
    };
    let first = initial_bit(first_letter);
    let mut chars: Option<Vec<char>> = None;
    let mut ranges = Vec::new();
    for start in 0..unit.initials.len() {
        if unit.initials[start] & first == 0 {
            continue;
        }
        let chars = chars.get_or_insert_with(|| unit.literal.chars().collect());
        if let Some(end) = spell_from(chars, start, query) {
            ranges.push(start..end);
        }
    }
    ranges
}

/// Where `rest` ends when spelled by the characters from `at` on, trying each reading.
fn spell_from(chars: &[char], at: usize, rest: &str) -> Option<usize> {
    let c = *chars.get(at)?;
    find_token(c, |token| {
        if let Some(after) = rest.strip_prefix(token) {
            if after.is_empty() {
                Some(at + 1)
            } else {
                spell_from(chars, at + 1, after)
            }
        } else if token.starts_with(rest) {
            Some(at + 1)
        } else {
            None
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unit(text: &str) -> Unit {
        Unit {
            field: Field::Text,
            entries: vec![0],
            literal: text.to_owned(),
            initials: text.chars().map(initials_of).collect(),
        }
    }

    #[test]
    fn pinyin_matches_start_at_a_syllable() {
        assert_eq!(pinyin_matches(&unit("家庭共济"), "gongji"), vec![2..4]);
        assert_eq!(pinyin_matches(&unit("家庭共济"), "gongj"), vec![2..4]);
        assert_eq!(
            pinyin_matches(&unit("家庭共济"), "ongji"),
            Vec::<std::ops::Range<usize>>::new()
        );
        assert_eq!(pinyin_matches(&unit("近亲属"), "jinqinshu"), vec![0..3]);
        assert_eq!(pinyin_matches(&unit("医保APP"), "baoapp"), vec![1..5]);
    }

    #[test]
    fn initials_cover_every_reading() {
        let initials: Vec<u64> = "家庭共济，APP".chars().map(initials_of).collect();
        assert_eq!(initials.len(), 8);
        assert_eq!(initials_matches(&initials, b"gj"), vec![2..4]);
        // 行 is read xíng and háng: 银行 is yh as well as yx.
        let bank: Vec<u64> = "银行卡".chars().map(initials_of).collect();
        assert_eq!(initials_matches(&bank, b"yhk"), vec![0..3]);
        assert_eq!(initials_matches(&bank, b"yxk"), vec![0..3]);
    }

    #[test]
    fn a_place_is_found_as_it_is_typed() {
        assert!(starts_like("成都市", "cd"));
        assert!(starts_like("成都市", "chengdu"));
        assert!(starts_like("成都市", "成都"));
        assert!(starts_like("重庆市", "chongqing"), "any reading of 重");
        assert!(starts_like("重庆市", "cq"));
        assert!(!starts_like("常德市", "cd x"));
        assert!(!starts_like("南京市", "cd"));
        assert!(!starts_like("承德市", "du"), "from the start only");
    }

    #[test]
    fn pinyin_matches_any_reading() {
        assert_eq!(pinyin_matches(&unit("银行卡"), "yinhang"), vec![0..2]);
        assert_eq!(pinyin_matches(&unit("银行卡"), "yinxing"), vec![0..2]);
        assert_eq!(pinyin_matches(&unit("还款"), "huankuan"), vec![0..2]);
    }
}
