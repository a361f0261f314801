//! Helpers shared by the test modules.

use yibao::policy::{LoadReport, Origin, PolicyFile, embedded_files, load_layers};

/// A policy file that is not on disk, named as if it were.
pub fn file(path: &str, text: &str) -> PolicyFile {
    PolicyFile {
        origin: Origin::File(path.into()),
        text: text.to_owned(),
    }
}

/// The shipped files plus one layer of extra files on top, as the app loads a user folder.
pub fn shipped_with(extra: Vec<PolicyFile>) -> LoadReport {
    load_layers(&[embedded_files(), extra])
}

/// Only the shipped files.
pub fn shipped() -> LoadReport {
    load_layers(&[embedded_files()])
}

/// A minimal valid root region, for tests that build a tree from scratch.
pub const MINIMAL_ROOT: &str = r#"[region]
id = "national"
name = "全国"

[sources.law]
title = "某法"
issuer = "全国人大"
grade = "A"
level = "national"

[[statements]]
id = "a.b"
topic = "fees"
text = "不收费。"
confidence = "official"
sources = ["law"]
verified_on = 2026-11-23
"#;

/// How many policy files ship (every `.toml` under `policies/`): the regions with rules of
/// their own.
pub fn shipped_file_count() -> usize {
    fn count(dir: &std::path::Path) -> usize {
        std::fs::read_dir(dir)
            .expect("policies folder")
            .flatten()
            .map(|entry| {
                let path = entry.path();
                if path.is_dir() {
                    count(&path)
                } else {
                    usize::from(path.extension().is_some_and(|e| e == "toml"))
                }
            })
            .sum()
    }
    count(&std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("policies"))
}
