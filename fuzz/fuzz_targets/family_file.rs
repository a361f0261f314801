//! Any bytes as a family file: loading never panics, and a family that loads can be reviewed
//! against the shipped rules and simulated (exact money) without panicking.
#![no_main]

use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use yibao::family::{review_family, simulate};
use yibao::policy::{LoadReport, embedded_files, load_layers};
use yibao::store::family_from_json;

static SHIPPED: LazyLock<LoadReport> = LazyLock::new(|| load_layers(&[embedded_files()]));

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(family) = family_from_json(text, std::path::Path::new("fuzz.json")) {
        let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap_or_default();
        let review = review_family(&SHIPPED.set, &family, today);
        let ledger = simulate(&family, &review);
        let _ = ledger;
    }
});
