//! Any text as an ID number: validation never panics, and what it accepts is 18 characters
//! whose masked form keeps only the first and last four.
#![no_main]

use libfuzzer_sys::fuzz_target;
use yibao::family::IdNumber;

fuzz_target!(|text: &str| {
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap_or_default();
    if let Ok(id) = IdNumber::parse(text, today) {
        assert_eq!(id.as_str().chars().count(), 18);
        let masked = id.masked();
        assert_eq!(masked.chars().filter(|c| *c == '*').count(), 10);
        assert!(id.birth_date() <= today);
    }
});
