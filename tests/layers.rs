//! The code's layers, checked: core modules never touch the window (egui, eframe, file
//! dialogs), and a lower layer never imports a higher one, so there is no import cycle.
//!
//! Layers, lowest first: `domain`, `paths`, `log`, `assets`, `text` · `policy` · `family` ·
//! `checklist`, `store` · `export` · `cli`, `ui`.

use std::path::{Path, PathBuf};

fn layer(module: &str) -> Option<u8> {
    Some(match module {
        "domain" | "paths" | "log" | "assets" | "text" => 0,
        "policy" => 1,
        "family" => 2,
        "checklist" | "store" => 3,
        "export" => 4,
        "cli" | "ui" => 5,
        _ => return None,
    })
}

/// The top-level module a source file belongs to (`src/policy/set.rs` → `policy`).
fn module_of(src: &Path, file: &Path) -> Option<String> {
    let relative = file.strip_prefix(src).ok()?;
    let first = relative
        .components()
        .next()?
        .as_os_str()
        .to_string_lossy()
        .into_owned();
    Some(first.trim_end_matches(".rs").to_owned())
}

fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("readable").flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

/// `crate::<module>` references in `text` (outside comments).
fn crate_references(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    for line in text.lines() {
        let code = line.split("//").next().unwrap_or("");
        let mut rest = code;
        while let Some(at) = rest.find("crate::") {
            let after = &rest[at + "crate::".len()..];
            let name: String = after
                .chars()
                .take_while(|c| c.is_ascii_lowercase() || *c == '_')
                .collect();
            if !name.is_empty() {
                found.push(name);
            }
            rest = after;
        }
        // `use crate::{a, b}` style is not used in this code base; `super::` stays inside a
        // module by construction.
    }
    found
}

#[test]
fn core_modules_never_touch_the_window_and_layers_only_look_down() {
    let src = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut problems = Vec::new();
    for file in rust_files(&src) {
        let Some(module) = module_of(&src, &file) else {
            continue;
        };
        let Some(own) = layer(&module) else {
            continue;
        };
        let text = std::fs::read_to_string(&file).expect("readable");
        // The check reads `crate::module` paths; a grouped `use crate::{…}` would hide them.
        if text.contains("use crate::{") {
            problems.push(format!(
                "{}: write `use crate::module::…` lines, not `use crate::{{…}}` (the layer check reads them)",
                file.display()
            ));
        }
        if own < 5 {
            for window_crate in ["egui", "eframe", "rfd", "opener"] {
                let used = text.lines().any(|l| {
                    let code = l.split("//").next().unwrap_or("");
                    code.contains(&format!("{window_crate}::"))
                        || code.contains(&format!("use {window_crate}"))
                });
                if used {
                    problems.push(format!(
                        "{}: core module uses {window_crate}",
                        file.display()
                    ));
                }
            }
        }
        for target in crate_references(&text) {
            if target == module {
                continue;
            }
            match layer(&target) {
                Some(other) if other > own || (other == own && own > 0 && target != module) => {
                    problems.push(format!(
                        "{}: `{module}` (layer {own}) imports `{target}` (layer {other})",
                        file.display()
                    ));
                }
                _ => {}
            }
        }
    }
    // Inside the window's layer, the family workspace and its forms stay without pixels, so
    // unit tests drive them directly.
    for egui_free in ["ui/family/workspace.rs", "ui/family/forms.rs"] {
        let text = std::fs::read_to_string(src.join(egui_free)).expect("readable");
        let uses_window = text.lines().any(|l| {
            let code = l.split("//").next().unwrap_or("");
            ["eframe", "egui::", "rfd::", "opener::"]
                .iter()
                .any(|name| code.contains(name))
        });
        if uses_window {
            problems.push(format!("{egui_free}: uses the window's crates"));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
