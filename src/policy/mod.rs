//! Policy data: the model, loading and validation of the TOML files under `policies/`, and
//! resolution of a region with what it inherits.

mod compare;
mod diagnostic;
mod model;
mod parse;
mod record;
pub mod search;
mod set;
pub mod tree;

use std::path::{Path, PathBuf};

pub use compare::{BibliographyEntry, ComparisonRow, RowStatus, compare_regions};
pub use diagnostic::{Diagnostic, Problem, line_column};
pub use model::{
    AnyOf, BeneficiaryRule, BindingRules, CaseNote, ChecklistSettings, Condition, DistanceRule,
    FactValues, GlossaryEntry, Material, Notice, Office, Origin, PolicyDate, Question, Region,
    RegionHeader, RelationRule, Source, SourceRef, Statement, ToResidentRule, TransferRules,
    UseRule, WithdrawalCaseRule, WithinProvinceRule, source_ids,
};
pub use parse::{PolicyFile, ROOT_REGION, parse_policy_file};
pub use record::{Reason, SourceRecord, StatementRecord};
pub use set::{CitedSource, Defined, LoadReport, PolicySet, ResolvedRegion, load_layers};

/// The shipped policy files, compiled into the binary.
static EMBEDDED: include_dir::Dir<'_> = include_dir::include_dir!("$CARGO_MANIFEST_DIR/policies");

/// The shipped policy files, sorted by path.
pub fn embedded_files() -> Vec<PolicyFile> {
    let mut files = Vec::new();
    collect_embedded(&EMBEDDED, &mut files);
    files.sort_by_key(|a| a.display_path());
    files
}

fn collect_embedded(dir: &include_dir::Dir<'_>, out: &mut Vec<PolicyFile>) {
    for file in dir.files() {
        if file.path().extension().is_some_and(|e| e == "toml") {
            out.push(PolicyFile {
                origin: Origin::Embedded(file.path().to_string_lossy().replace('\\', "/")),
                // The build checks these files; a non-UTF-8 one shows up as a load problem.
                text: String::from_utf8_lossy(file.contents()).into_owned(),
            });
        }
    }
    for sub in dir.dirs() {
        collect_embedded(sub, out);
    }
}

/// Reads every `*.toml` file under `dir` (recursively, sorted by path). Files that cannot be
/// read are reported, not fatal.
pub fn read_policy_dir(dir: &Path) -> (Vec<PolicyFile>, Vec<Diagnostic>) {
    let mut paths = Vec::new();
    let mut problems = Vec::new();
    collect_paths(dir, &mut paths, &mut problems);
    paths.sort();
    let mut files = Vec::new();
    for path in paths {
        let shown = path.display().to_string();
        let size = std::fs::metadata(&path).map_or(0, |m| m.len());
        if size > MAX_POLICY_FILE_BYTES {
            problems.push(Diagnostic::whole_file(
                &shown,
                Problem::TooLarge {
                    bytes: size,
                    limit: MAX_POLICY_FILE_BYTES,
                },
            ));
            continue;
        }
        match std::fs::read(&path) {
            Ok(bytes) => match String::from_utf8(bytes) {
                Ok(text) => files.push(PolicyFile {
                    origin: Origin::File(path),
                    text: text.trim_start_matches('\u{feff}').to_owned(),
                }),
                Err(error) => {
                    // Point at the first byte that is not UTF-8.
                    let bytes = error.as_bytes();
                    let valid = error.utf8_error().valid_up_to();
                    let before = std::str::from_utf8(&bytes[..valid]).unwrap_or_default();
                    let (line, column) = line_column(before, before.len());
                    problems.push(Diagnostic {
                        file: shown,
                        line,
                        column,
                        problem: Problem::NotUtf8,
                    });
                }
            },
            Err(error) => problems.push(Diagnostic::whole_file(
                &shown,
                Problem::Unreadable(error.to_string()),
            )),
        }
    }
    (files, problems)
}

/// A policy file larger than this is refused unread (the shipped ones are under 100 KB).
pub const MAX_POLICY_FILE_BYTES: u64 = 4 * 1024 * 1024;

/// Region folders nest national → province → city; deeper trees are not read.
const MAX_FOLDER_DEPTH: usize = 8;

fn collect_paths(dir: &Path, paths: &mut Vec<PathBuf>, problems: &mut Vec<Diagnostic>) {
    collect_paths_at(dir, 0, paths, problems);
}

fn collect_paths_at(
    dir: &Path,
    depth: usize,
    paths: &mut Vec<PathBuf>,
    problems: &mut Vec<Diagnostic>,
) {
    if depth > MAX_FOLDER_DEPTH {
        problems.push(Diagnostic::whole_file(
            &dir.display().to_string(),
            Problem::Unreadable(format!(
                "folders nested more than {MAX_FOLDER_DEPTH} deep are not read"
            )),
        ));
        return;
    }
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(error) => {
            problems.push(Diagnostic::whole_file(
                &dir.display().to_string(),
                Problem::Unreadable(error.to_string()),
            ));
            return;
        }
    };
    for entry in entries.flatten() {
        let path = entry.path();
        // Symbolic links to folders are not followed: a link to a parent would never end.
        let is_real_dir = entry.file_type().is_ok_and(|t| t.is_dir());
        if is_real_dir {
            collect_paths_at(&path, depth + 1, paths, problems);
        } else if path.extension().is_some_and(|e| e == "toml") {
            paths.push(path);
        }
    }
}

/// Loads the embedded set, then each folder in order on top of it. Folders that do not exist
/// are reported unless `optional` says they may be absent.
pub fn load_with_folders(folders: &[(PathBuf, bool)]) -> LoadReport {
    let mut layers = vec![embedded_files()];
    let mut read_problems = Vec::new();
    let mut unreadable = Vec::new();
    for (folder, optional) in folders {
        if *optional && !folder.exists() {
            continue;
        }
        let (files, mut problems) = read_policy_dir(folder);
        unreadable.extend(problems.iter().map(|d| d.file.clone()));
        read_problems.append(&mut problems);
        layers.push(files);
    }
    let mut report = load_layers(&layers);
    report.problems.splice(0..0, read_problems);
    report.skipped_files.extend(unreadable);
    report.skipped_files.sort();
    report.skipped_files.dedup();
    report
}

/// The `policies/` folder in the user's data directory, where local overrides live.
pub fn user_policy_dir() -> Option<PathBuf> {
    crate::paths::data_dir().map(|d| d.join("policies"))
}
