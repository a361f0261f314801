//! Explorer benchmarks: loading + validation + search-index build, and one search keystroke,
//! on the shipped policies and on a generated set of 1000 regions × 40 statements.
//! Run with `cargo bench --bench explorer`.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use yibao::policy::search::SearchIndex;
use yibao::policy::{Origin, PolicyFile, embedded_files, load_layers};

/// National root + 30 provinces + 969 cities = 1000 regions, 40 statements each, with texts
/// taken from the shipped statements so the characters and words are realistic.
fn generated_files() -> Vec<PolicyFile> {
    let shipped = load_layers(&[embedded_files()]);
    let texts: Vec<String> = shipped
        .set
        .regions_in_tree_order()
        .iter()
        .flat_map(|r| r.statements.iter().map(|s| s.text.clone()))
        .collect();
    let topics = [
        "family_sharing",
        "withdrawal",
        "balance_query",
        "transfer",
        "fees",
        "dental",
        "wechat_cashout",
        "fraud",
    ];
    let mut files = Vec::with_capacity(1000);
    let mut counter = 0usize;
    let mut region_file = |id: &str, name: &str, parent: Option<&str>| {
        let mut text = format!("[region]\nid = \"{id}\"\nname = \"{name}\"\n");
        if let Some(parent) = parent {
            text.push_str(&format!("parent = \"{parent}\"\n"));
        } else {
            text.push_str("data_version = \"bench\"\n");
        }
        text.push_str(&format!(
            "\n[sources.guide_{id}]\ntitle = \"{name}医保经办指南\"\nissuer = \"{name}医疗保障局\"\ndoc_number = \"{name}医保发〔2025〕{counter}号\"\ndate = 2025-01-01\n"
        ));
        for i in 0..40 {
            counter += 1;
            let body = &texts[counter % texts.len()];
            let topic = topics[counter % topics.len()];
            text.push_str(&format!(
                "\n[[statements]]\nid = \"{topic}.item_{i}\"\ntopic = \"{topic}\"\ntext = \"{name}：{body}\"\nconfidence = \"local\"\nsources = [\"guide_{id}\"]\nverified_on = 2026-11-23\n"
            ));
        }
        files.push(PolicyFile {
            origin: Origin::Embedded(format!("{id}.toml")),
            text,
        });
    };
    region_file("national", "全国", None);
    for p in 0..30 {
        region_file(
            &format!("province_{p}"),
            &format!("第{p}省"),
            Some("national"),
        );
    }
    for c in 0..969 {
        let parent = format!("province_{}", c % 30);
        region_file(&format!("city_{c}"), &format!("第{c}市"), Some(&parent));
    }
    files
}

fn bench_load(c: &mut Criterion) {
    let shipped = embedded_files();
    c.bench_function("load+index shipped (7 regions)", |b| {
        b.iter(|| {
            let report = load_layers(&[black_box(shipped.clone())]);
            let index = SearchIndex::build(&report.set);
            black_box((report.set.len(), index.len()))
        });
    });
    c.bench_function("load shipped (7 regions)", |b| {
        b.iter(|| black_box(load_layers(&[black_box(shipped.clone())]).set.len()));
    });
    let generated = generated_files();
    let mut group = c.benchmark_group("generated");
    group.sample_size(10);
    group.bench_function("load+index 1000 regions x 40 statements", |b| {
        b.iter(|| {
            let report = load_layers(&[black_box(generated.clone())]);
            assert!(report.is_clean(), "{:?}", report.problems.first());
            let index = SearchIndex::build(&report.set);
            black_box((report.set.len(), index.len()))
        });
    });
    let report = load_layers(std::slice::from_ref(&generated));
    group.bench_function("load only 1000 regions x 40 statements", |b| {
        b.iter(|| black_box(load_layers(&[black_box(generated.clone())]).set.len()));
    });
    group.bench_function("index only 1000 regions x 40 statements", |b| {
        b.iter(|| black_box(SearchIndex::build(black_box(&report.set)).len()));
    });
    group.finish();
}

fn bench_search(c: &mut Criterion) {
    let shipped = load_layers(&[embedded_files()]);
    let shipped_index = SearchIndex::build(&shipped.set);
    let report = load_layers(&[generated_files()]);
    let index = SearchIndex::build(&report.set);
    assert_eq!((report.set.len(), index.len()), (1000, 40_000));
    for (label, query) in [
        ("chinese 共济", "共济"),
        ("pinyin gongji", "gongji"),
        ("initials gj", "gj"),
        ("doc number 43号", "43号"),
    ] {
        c.bench_function(&format!("search shipped: {label}"), |b| {
            b.iter(|| black_box(shipped_index.search(black_box(query)).hits.len()));
        });
        c.bench_function(&format!("search 1000 regions: {label}"), |b| {
            b.iter(|| black_box(index.search(black_box(query)).hits.len()));
        });
    }
}

criterion_group!(benches, bench_load, bench_search);
criterion_main!(benches);
