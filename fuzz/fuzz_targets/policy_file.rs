//! Any bytes as a user's policy file: parsing never panics, and a file that parses can be
//! layered over the shipped set (cross-checks, resolution) without panicking either.
#![no_main]

use libfuzzer_sys::fuzz_target;
use yibao::policy::{Origin, PolicyFile, embedded_files, load_layers, parse_policy_file};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let file = PolicyFile {
        origin: Origin::File("fuzz/qingdao.toml".into()),
        text: text.to_owned(),
    };
    if parse_policy_file(&file).is_ok() {
        let report = load_layers(&[embedded_files(), vec![file]]);
        for id in report.set.region_ids() {
            if let Some(resolved) = report.set.resolve(&id) {
                let _ = resolved.statements();
            }
        }
    }
});
