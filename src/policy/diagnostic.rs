//! Problems found while loading policy files, each located as `file:line:column`.

use std::fmt;
use std::ops::Range;

/// What is wrong, in plain words. The location is carried by [`Diagnostic`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Problem {
    #[error("cannot read the file: {0}")]
    Unreadable(String),
    #[error("the file is not valid UTF-8 text from here on (save it as UTF-8)")]
    NotUtf8,
    #[error("the file is too large ({bytes} bytes; policy files may be at most {limit} bytes)")]
    TooLarge { bytes: u64, limit: u64 },
    #[error("invalid TOML: {0}")]
    Syntax(String),
    #[error("{0}")]
    Schema(String),
    #[error("unknown section `{0}` (expected one of: {SECTIONS})")]
    UnknownSection(String),
    #[error(
        "missing [region] table: every policy file starts with [region] giving id, name and parent"
    )]
    MissingRegion,
    #[error("region id \"{0}\" must be lower-case ASCII letters, digits and `_`")]
    BadRegionId(String),
    #[error(
        "region id \"{id}\" does not match the file name \"{stem}.toml\": name the file {id}.toml"
    )]
    FileNameMismatch { id: String, stem: String },
    #[error("region \"{0}\" has no parent: only the root region \"national\" may omit `parent`")]
    MissingParent(String),
    #[error("the root region \"national\" cannot have a parent")]
    RootWithParent,
    #[error("`data_version` belongs in the root region \"national\" only")]
    DataVersionOutsideRoot,
    #[error("unknown parent region \"{parent}\" (known regions: {known})")]
    UnknownParent { parent: String, known: String },
    #[error("region \"{id}\" is its own ancestor: {cycle}")]
    Cycle { id: String, cycle: String },
    #[error("region \"{id}\" is also defined in {other}")]
    DuplicateRegion { id: String, other: String },
    #[error("statement id \"{0}\" must be lower-case ASCII words joined by `.` or `_`")]
    BadStatementId(String),
    #[error("duplicate {kind} \"{key}\": already defined on line {first_line}")]
    Duplicate {
        kind: &'static str,
        key: String,
        first_line: usize,
    },
    #[error("{what} has no source: list at least one source id in `sources`")]
    MissingSources { what: String },
    #[error("unknown source \"{id}\": define [sources.{id}] in this file or in a parent region")]
    UnknownSource { id: String },
    #[error("source \"{0}\" needs an `issuer` or a `seed` so a reader can find it")]
    SourceWithoutOrigin(String),
    #[error(
        "statement \"{id}\" is marked `{confidence}` and needs a `correction` saying what is true"
    )]
    MissingCorrection { id: String, confidence: String },
    #[error("statement \"{id}\": effective_from {from} is after effective_until {until}")]
    DateOrder {
        id: String,
        from: String,
        until: String,
    },
    #[error("value \"{value}\" is not allowed for fact `{fact}` (expected one of: {expected})")]
    BadFactValue {
        fact: String,
        value: String,
        expected: String,
    },
    #[error("condition for fact `{0}` lists no value")]
    EmptyCondition(String),
    #[error(
        "source \"{id}\": `doc_number` \"{doc_number}\" is not a document number as the source prints it (like 国办发〔2024〕38号 or 国务院令第735号); leave an unverified 文号 out and mention it in words"
    )]
    GuessedDocNumber { id: String, doc_number: String },
    #[error(
        "{what} is `official` but cites the seed article \"{seed_source}\": a claim from a web article is never `official` (use `reported`, and say in the correction what the official source confirms)"
    )]
    SeedClaimOfficial { what: String, seed_source: String },
    #[error(
        "{what} is `official` but no cited source is a grade A text or a grade B faithful copy (`faithful_copy = true`) issued at the {region_level} level or above{detail}"
    )]
    OfficialWithoutBacking {
        what: String,
        region_level: &'static str,
        detail: String,
    },
    #[error(
        "{what} is `false` but cites no source that contradicts it: add a grade A or B source besides the article"
    )]
    FalseWithoutContradiction { what: String },
    #[error(
        "`balance_can` names statement \"{id}\", which region \"{region}\" does not see: use the id of a statement in this file or an ancestor's"
    )]
    UnknownStatement { id: String, region: String },
}

/// The top-level sections a policy file may contain.
pub const SECTIONS: &str = "region, sources, statements, relations, binding, uses, questions, withdrawal_cases, notices, transfer, transfer_to_resident, transfer_within_province, binding_same_province, checklist";

/// A problem with its place: shown as `file:line:column: message`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub problem: Problem,
}

impl Diagnostic {
    /// Locates `problem` at byte offset `span.start` of `text`.
    pub fn at(file: &str, text: &str, span: Range<usize>, problem: Problem) -> Self {
        let (line, column) = line_column(text, span.start);
        Diagnostic {
            file: file.to_owned(),
            line,
            column,
            problem,
        }
    }

    /// A problem about the whole file, reported at its first character.
    pub fn whole_file(file: &str, problem: Problem) -> Self {
        Diagnostic {
            file: file.to_owned(),
            line: 1,
            column: 1,
            problem,
        }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            self.file, self.line, self.column, self.problem
        )
    }
}

/// 1-based line and column (in characters) of byte `offset` in `text`.
pub fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count() + 1;
    (line, column)
}
