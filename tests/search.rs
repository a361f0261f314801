//! Search over the shipped policies: Chinese, full pinyin, initials and document numbers, and
//! the ranking between them.

use crate::support::shipped;
use std::collections::BTreeSet;
use yibao::domain::Topic;
use yibao::policy::search::{Field, MatchKind, SearchIndex};

fn index() -> SearchIndex {
    SearchIndex::build(&shipped().set)
}

/// (region, key) of each hit.
fn found(index: &SearchIndex, query: &str) -> Vec<(String, String)> {
    index
        .search(query)
        .hits
        .iter()
        .filter_map(|hit| index.entry(hit.entry))
        .map(|e| (e.region.clone(), e.key.clone()))
        .collect()
}

#[test]
fn initials_find_family_sharing_in_several_regions() {
    let index = index();
    let hits = index.search("gj").hits;
    let regions: BTreeSet<String> = hits
        .iter()
        .filter_map(|h| index.entry(h.entry))
        .filter(|e| e.topic == Topic::FamilySharing)
        .map(|e| e.region.clone())
        .collect();
    assert!(regions.len() >= 3, "{regions:?}");
    assert!(hits.iter().any(|h| h.kind == MatchKind::Initials));
}

#[test]
fn full_pinyin_and_chinese_find_the_same_statements() {
    let index = index();
    let chinese: BTreeSet<_> = found(&index, "共济").into_iter().collect();
    let pinyin: BTreeSet<_> = found(&index, "gongji").into_iter().collect();
    assert!(!chinese.is_empty());
    assert!(
        chinese.is_subset(&pinyin),
        "every 共济 statement is found by gongji"
    );
    let spaced: BTreeSet<_> = found(&index, "Gong Ji").into_iter().collect();
    assert_eq!(spaced, pinyin, "case and spaces do not matter");
}

#[test]
fn pinyin_must_start_at_a_syllable() {
    let index = index();
    // "ongji" is inside "gongji" but starts mid-syllable.
    let hits = index.search("ongji").hits;
    assert!(hits.iter().all(|h| h.kind != MatchKind::Pinyin), "{hits:?}");
}

#[test]
fn a_partly_typed_last_syllable_still_matches() {
    let index = index();
    let partial: BTreeSet<_> = found(&index, "gongj").into_iter().collect();
    let full: BTreeSet<_> = found(&index, "gongji").into_iter().collect();
    assert!(full.is_subset(&partial));
}

#[test]
fn document_numbers_are_found_in_sources() {
    let index = index();
    let hits = index.search("43号").hits;
    assert!(hits.len() >= 5);
    assert!(hits.iter().any(|h| h.field == Field::Sources));
    let keys: Vec<_> = found(&index, "43号");
    assert!(
        keys.iter()
            .any(|(r, k)| r == "national" && k == "transfer.time_limits")
    );
    // The wrong number appears in a claim's text and the right one in its correction.
    let hits = index.search("医保发〔2021〕43号").hits;
    let first = index.entry(hits[0].entry).expect("entry");
    assert_eq!(first.key, "transfer.doc_number");
}

#[test]
fn chinese_matches_rank_above_pinyin_above_initials_and_text_above_sources() {
    let index = index();
    let hits = index.search("gj").hits;
    let kinds: Vec<MatchKind> = hits.iter().map(|h| h.kind).collect();
    let mut sorted = kinds.clone();
    sorted.sort();
    assert_eq!(kinds, sorted, "literal, then pinyin, then initials");
    let scores: Vec<u32> = hits.iter().map(|h| h.score).collect();
    assert!(scores.windows(2).all(|w| w[0] >= w[1]));

    let hits = index.search("12393").hits;
    let fields: Vec<Field> = hits.iter().map(|h| h.field).collect();
    let first_source = fields.iter().position(|f| *f == Field::Sources);
    let last_text = fields.iter().rposition(|f| *f == Field::Text);
    if let (Some(source), Some(text)) = (first_source, last_text) {
        assert!(
            text < source,
            "text matches come before source matches: {fields:?}"
        );
    }
}

#[test]
fn a_shared_word_ranks_above_a_chance_match_of_the_same_letters() {
    let index = index();
    let hits = index.search("gj").hits;
    let first = hits.first().expect("hits");
    let (text, ranges) = index.highlight(first, "gj").expect("highlight");
    let marked: String = text.chars().skip(ranges[0].start).take(2).collect();
    assert_eq!(marked, "共济", "the most frequent gj word comes first");
    let frequencies: Vec<u32> = hits
        .iter()
        .filter(|h| h.score == first.score)
        .map(|h| h.frequency)
        .collect();
    assert!(frequencies.windows(2).all(|w| w[0] >= w[1]));
}

#[test]
fn highlights_cover_the_matched_characters() {
    let index = index();
    let marked = |query: &str| -> String {
        let hits = index.search(query).hits;
        let hit = hits
            .iter()
            .find(|h| h.field == Field::Text)
            .expect("a text hit");
        let (text, ranges) = index.highlight(hit, query).expect("highlight");
        let chars: Vec<char> = text.chars().collect();
        chars[ranges[0].clone()].iter().collect()
    };
    assert_eq!(marked("共济"), "共济");
    assert_eq!(marked("gongji"), "共济");
    // Initials mark one character per letter (共济, 国家 … all spell gj).
    assert_eq!(marked("gj").chars().count(), 2);
}

#[test]
fn an_empty_or_unmatched_query_finds_nothing() {
    let index = index();
    assert!(index.search("").hits.is_empty());
    assert!(index.search("   ").hits.is_empty());
    assert!(index.search("量子计算机").hits.is_empty());
}

/// The statement texts a query finds.
fn texts(index: &SearchIndex, query: &str) -> Vec<String> {
    let report = shipped();
    found(index, query)
        .into_iter()
        .filter_map(|(region, key)| {
            report
                .set
                .region(&region)?
                .statements
                .iter()
                .find(|s| s.key() == key)
                .map(|s| s.text.clone())
        })
        .collect()
}

#[test]
fn everyday_words_find_the_rules_words() {
    // Issue 14: people type 取钱 and 过世; the rules say 提取/支取 and 去世.
    let index = index();
    let money = texts(&index, "取钱");
    assert!(!money.is_empty());
    // The best match says it in the rules' words.
    assert!(
        money[0].contains("提取") || money[0].contains("支取"),
        "{money:?}"
    );
    assert!(found(&index, "取钱").contains(&(
        "national".to_owned(),
        "withdrawal.no_national_list".to_owned()
    )));
    let death = texts(&index, "过世");
    assert!(!death.is_empty());
    assert!(death.iter().any(|t| t.contains("去世")), "{death:?}");
    // The same words inside a longer question: 怎么取钱 still finds 提取.
    assert!(!found(&index, "怎么取钱").is_empty());
    // A literal match ranks above an everyday one.
    let hits = index.search("提取").hits;
    assert!(hits.iter().all(|h| h.kind != MatchKind::Everyday));
    let everyday = index.search("提现").hits;
    assert!(everyday.iter().any(|h| h.kind == MatchKind::Everyday));
}

#[test]
fn pinyin_matches_every_reading_of_a_character() {
    // 行 is first read xíng; 银行 is yínháng.
    let index = index();
    let by_pinyin = found(&index, "yinhang");
    assert!(!by_pinyin.is_empty());
    assert_eq!(by_pinyin.len(), found(&index, "银行").len());
    // Every match is the word 银行 itself, wherever it stands (text, correction or source).
    for hit in index.search("yinhang").hits {
        let (text, ranges) = index.highlight(&hit, "yinhang").expect("a field");
        let chars: Vec<char> = text.chars().collect();
        let word: String = chars[ranges[0].clone()].iter().collect();
        assert_eq!(word, "银行");
    }
}
