//! Any text as an amount: parsing never panics, and an accepted amount formats and parses
//! back to itself.
#![no_main]

use libfuzzer_sys::fuzz_target;
use yibao::family::{format_yuan, parse_amount};

fuzz_target!(|text: &str| {
    if let Ok(amount) = parse_amount(text) {
        let shown = format_yuan(amount);
        let again = parse_amount(&shown).unwrap_or_else(|e| panic!("{shown}: {e}"));
        assert_eq!(again, amount, "{text} → {shown}");
    }
});
