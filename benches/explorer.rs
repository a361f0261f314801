//! Explorer benchmarks: loading + validation + search-index build, and one search keystroke,
//! on the shipped policies and on a generated set of 1000 regions × 40 statements (both with
//! the places of the region tree that have no file).
//! Run with `cargo bench --bench explorer`.

use std::hint::black_box;

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use yibao::policy::search::SearchIndex;
use yibao::policy::{embedded_files, load_layers};

#[path = "support/generated.rs"]
mod generated;
use generated::generated_files;

fn bench_load(c: &mut Criterion) {
    let shipped = embedded_files();
    c.bench_function("load+index shipped (13 files + the tree)", |b| {
        b.iter(|| {
            let report = load_layers(&[black_box(shipped.clone())]);
            let index = SearchIndex::build(&report.set);
            black_box((report.set.len(), index.len()))
        });
    });
    c.bench_function("load shipped (13 files + the tree)", |b| {
        b.iter(|| black_box(load_layers(&[black_box(shipped.clone())]).set.len()));
    });
    let generated = generated_files();
    let mut group = c.benchmark_group("generated");
    group.sample_size(10);
    // The files are copied outside the timed part (the app reads them once), and the set and
    // index are freed outside it too (the window keeps them until it closes): `iter_batched`
    // times only the loading and indexing.
    group.bench_function("load+index 1000 regions x 40 statements", |b| {
        b.iter_batched(
            || generated.clone(),
            |files| {
                let report = load_layers(&[files]);
                assert!(report.is_clean(), "{:?}", report.problems.first());
                let index = SearchIndex::build(&report.set);
                (report, index)
            },
            BatchSize::LargeInput,
        );
    });
    let report = load_layers(std::slice::from_ref(&generated));
    group.bench_function("load only 1000 regions x 40 statements", |b| {
        b.iter_batched(
            || generated.clone(),
            |files| load_layers(&[files]),
            BatchSize::LargeInput,
        );
    });
    group.bench_function("index only 1000 regions x 40 statements", |b| {
        b.iter_with_large_drop(|| SearchIndex::build(black_box(&report.set)));
    });
    group.finish();
}

fn bench_search(c: &mut Criterion) {
    let shipped = load_layers(&[embedded_files()]);
    let shipped_index = SearchIndex::build(&shipped.set);
    let report = load_layers(&[generated_files()]);
    let index = SearchIndex::build(&report.set);
    // 1000 regions with files, and the places of the tree (without statements) around them.
    let with_files = report.set.regions_with_files();
    assert_eq!((with_files, index.len()), (1000, 40_000));
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
