//! PDF export: time to render a checklist to PDF (font subsetting included) and the file
//! size, for the death-in-合肥 withdrawal list and a 10-member family's binding list.
//! Targets: ≤ 50 ms and ≤ 500 KB. Run with `cargo bench --bench export`.

#![allow(clippy::print_stdout, clippy::unwrap_used)]

use std::time::Instant;

use chrono::NaiveDate;
use yibao::checklist::{Answers, Checklist, evaluate, family_binding_checklist};
use yibao::domain::{Fact, Insurance, Procedure, Relation};
use yibao::export::{ExportFormat, render};
use yibao::family::{BindingStatus, Family, Member, PersonalData};
use yibao::policy::{embedded_files, load_layers};

fn measure(name: &str, checklist: &Checklist) {
    let runs = 15;
    let mut times = Vec::new();
    let mut size = 0;
    for _ in 0..runs {
        let start = Instant::now();
        let bytes = render(checklist, ExportFormat::Pdf).expect("renders");
        times.push(start.elapsed());
        size = bytes.len();
    }
    times.sort();
    println!(
        "pdf {name:<40} median {:>6.1} ms   size {:>4} KB   ({runs} runs)",
        times[runs / 2].as_secs_f64() * 1e3,
        size / 1024
    );
}

fn main() {
    let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    let report = load_layers(&[embedded_files()]);
    let mut answers = Answers::new();
    answers.insert(Fact::Deceased, "yes".to_owned());
    let death = evaluate(&report.set, Procedure::Withdrawal, "hefei", &answers, today).unwrap();
    measure("withdrawal, death in 合肥", &death);

    let mut family = Family::new("f", "王家", "nanjing");
    family.holder.name = "王建国".to_owned();
    family.members = (0..10u32)
        .map(|i| Member {
            id: i + 1,
            name: format!("家人{i}"),
            id_number: None,
            relation: Relation::ALL[i as usize % 9],
            insurance: Insurance::ALL[i as usize % 3],
            region: ["nanjing", "hefei"][i as usize % 2].to_owned(),
            status: BindingStatus::Planned,
            bound_on: None,
            ended_on: None,
            supported_by_others: false,
            notes: String::new(),
        })
        .collect();
    let binding =
        family_binding_checklist(&report.set, &family, PersonalData::Masked, today).unwrap();
    measure("binding, 10-member family in 南京", &binding);
}
