//! Parsing one policy file: TOML syntax, the schema, and every check that needs only that
//! file. All problems are collected, not only the first.

use std::collections::BTreeMap;
use std::ops::Range;

use serde::de::DeserializeOwned;
use toml::Spanned;
use toml::de::{DeTable, DeValue, ValueDeserializer};

use super::diagnostic::{Diagnostic, Problem};
use super::model::{
    AnyOf, BindingRules, Condition, DistanceRule, Notice, Origin, Question, Region, RegionHeader,
    RelationRule, Source, SourceRef, Statement, ToResidentRule, TransferRules, UseRule,
    WithdrawalCaseRule, WithinProvinceRule,
};

/// The name of the root region, the only one without a parent.
pub const ROOT_REGION: &str = "national";

/// The text of one policy file and where it came from.
#[derive(Debug, Clone)]
pub struct PolicyFile {
    pub origin: Origin,
    pub text: String,
}

impl PolicyFile {
    /// The path used in messages.
    pub fn display_path(&self) -> String {
        self.origin.display_path()
    }

    /// The file name without `.toml`, which must equal the region id.
    fn stem(&self) -> String {
        let path = match &self.origin {
            Origin::Embedded(path) => std::path::PathBuf::from(path),
            Origin::File(path) => path.clone(),
            Origin::Tree => std::path::PathBuf::new(),
        };
        path.file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default()
    }
}

/// Collects problems for one file.
struct Reporter<'a> {
    file: String,
    text: &'a str,
    problems: Vec<Diagnostic>,
}

impl Reporter<'_> {
    fn report(&mut self, span: Range<usize>, problem: Problem) {
        self.problems
            .push(Diagnostic::at(&self.file, self.text, span, problem));
    }

    fn line_of(&self, span: &Range<usize>) -> usize {
        super::diagnostic::line_column(self.text, span.start).0
    }

    /// Deserializes one value, reporting a schema error at its exact place.
    fn value<T: DeserializeOwned>(&mut self, value: Spanned<DeValue<'_>>) -> Option<T> {
        let fallback = value.span();
        match T::deserialize(ValueDeserializer::from(value)) {
            Ok(parsed) => Some(parsed),
            Err(error) => {
                let span = error.span().unwrap_or(fallback);
                self.report(span, Problem::Schema(error.message().to_owned()));
                None
            }
        }
    }

    /// Deserializes each element of an array on its own, so one bad element does not hide
    /// the problems of the others.
    fn elements<T: DeserializeOwned>(
        &mut self,
        value: Spanned<DeValue<'_>>,
    ) -> Vec<(T, Range<usize>)> {
        let span = value.span();
        match value.into_inner() {
            DeValue::Array(items) => items
                .into_iter()
                .filter_map(|item| {
                    let item_span = item.span();
                    self.value::<T>(item).map(|v| (v, item_span))
                })
                .collect(),
            other => {
                // Not an array: let serde say what it expected.
                self.value::<Vec<T>>(Spanned::new(span.clone(), other));
                Vec::new()
            }
        }
    }
}

/// Parses and checks one file. On any problem the file is rejected with all its problems.
pub fn parse_policy_file(file: &PolicyFile) -> Result<Region, Vec<Diagnostic>> {
    let mut reporter = Reporter {
        file: file.display_path(),
        text: &file.text,
        problems: Vec::new(),
    };
    let (root, syntax_errors) = DeTable::parse_recoverable(&file.text);
    if !syntax_errors.is_empty() {
        for error in syntax_errors {
            let span = error.span().unwrap_or(0..0);
            reporter.report(span, Problem::Syntax(first_line(error.message())));
        }
        return Err(reporter.problems);
    }

    let mut header: Option<RegionHeader> = None;
    let mut region_seen = false;
    let mut sources = BTreeMap::new();
    let mut statements = Vec::new();
    let mut relations = Vec::new();
    let mut binding = None;
    let mut uses = Vec::new();
    let mut questions = Vec::new();
    let mut withdrawal_cases = Vec::new();
    let mut notices = Vec::new();
    let mut transfer = None;
    let mut transfer_to_resident = None;
    let mut transfer_within_province = None;
    let mut binding_same_province = None;
    let mut checklist = None;
    let mut office = None;
    let mut search = None;
    let mut glossary = Vec::new();

    for (key, value) in root.into_inner() {
        match key.get_ref().as_ref() {
            "region" => {
                region_seen = true;
                header = reporter.value(value);
            }
            "sources" => sources = parse_sources(&mut reporter, value),
            "statements" => statements = reporter.elements::<Statement>(value),
            "relations" => relations = reporter.elements::<RelationRule>(value),
            "binding" => binding = reporter.value::<BindingRules>(value),
            "uses" => uses = reporter.elements::<UseRule>(value),
            "questions" => questions = reporter.elements::<Question>(value),
            "withdrawal_cases" => withdrawal_cases = reporter.elements::<WithdrawalCaseRule>(value),
            "notices" => notices = reporter.elements::<Notice>(value),
            "transfer" => transfer = reporter.value::<TransferRules>(value),
            "transfer_to_resident" => {
                transfer_to_resident = reporter.value::<ToResidentRule>(value);
            }
            "transfer_within_province" => {
                transfer_within_province = reporter.value::<WithinProvinceRule>(value);
            }
            "binding_same_province" => {
                binding_same_province = reporter.value::<DistanceRule>(value);
            }
            "checklist" => checklist = reporter.value::<super::model::ChecklistSettings>(value),
            "office" => office = reporter.value::<super::model::Office>(value),
            "search" => search = reporter.value::<super::model::SearchSettings>(value),
            "glossary" => glossary = reporter.elements::<super::model::GlossaryEntry>(value),
            other => reporter.report(key.span(), Problem::UnknownSection(other.to_owned())),
        }
    }

    let Some(header) = header else {
        if !region_seen {
            reporter.report(0..0, Problem::MissingRegion);
        }
        return Err(reporter.problems);
    };
    check_header(&mut reporter, &header, &file.stem());
    check_statements(&mut reporter, &statements);
    check_unique(
        &mut reporter,
        "relation rule",
        relations
            .iter()
            .map(|(r, _)| (r.relation.get_ref().id().to_owned(), r.relation.span())),
    );
    check_unique(
        &mut reporter,
        "use rule",
        uses.iter()
            .map(|(u, _)| (u.use_.get_ref().id().to_owned(), u.use_.span())),
    );
    check_unique(
        &mut reporter,
        "withdrawal case",
        withdrawal_cases
            .iter()
            .map(|(c, _)| (c.case.get_ref().id().to_owned(), c.case.span())),
    );
    check_unique(
        &mut reporter,
        "question",
        questions.iter().map(|(q, _)| {
            (
                format!("{}/{}", q.procedure, q.fact.get_ref()),
                q.fact.span(),
            )
        }),
    );
    check_unique(
        &mut reporter,
        "notice id",
        notices
            .iter()
            .map(|(n, _)| (n.id.get_ref().clone(), n.id.span())),
    );
    for (notice, _) in &notices {
        if !notice.applies_to.is_empty() && notice.procedure != crate::domain::Procedure::Withdrawal
        {
            reporter.report(
                notice.id.span(),
                Problem::Schema(format!(
                    "notice \"{}\": `applies_to` names withdrawal cases and belongs only on notices with procedure = \"withdrawal\"",
                    notice.id.get_ref()
                )),
            );
        }
        if notice.sources.get_ref().is_empty() {
            reporter.report(
                notice.sources.span(),
                Problem::MissingSources {
                    what: format!("notice \"{}\"", notice.id.get_ref()),
                },
            );
        }
    }
    for (question, _) in &questions {
        if let Some(condition) = &question.ask_if {
            check_condition(&mut reporter, condition);
        }
    }
    for (case, _) in &withdrawal_cases {
        check_any_of(&mut reporter, &case.when);
        for note in case
            .refusals
            .iter()
            .chain(&case.cautions)
            .chain(&case.to_confirm)
        {
            check_condition(&mut reporter, &note.when);
            if note.sources.get_ref().is_empty() {
                reporter.report(
                    note.sources.span(),
                    Problem::MissingSources {
                        what: format!("a refusal or caution of case \"{}\"", case.case.get_ref()),
                    },
                );
            }
        }
    }
    let section_sources = [
        (
            "[transfer_to_resident]",
            transfer_to_resident.as_ref().map(|r| &r.sources),
        ),
        (
            "[transfer_within_province]",
            transfer_within_province.as_ref().map(|r| &r.sources),
        ),
        (
            "[binding_same_province]",
            binding_same_province.as_ref().map(|r| &r.sources),
        ),
        ("[office]", office.as_ref().map(|o| &o.sources)),
    ];
    for (what, sources) in section_sources {
        if let Some(sources) = sources
            && sources.get_ref().is_empty()
        {
            reporter.report(
                sources.span(),
                Problem::MissingSources {
                    what: what.to_owned(),
                },
            );
        }
    }
    for (what, refs, span) in cited_lists(&relations, &binding, &uses, &withdrawal_cases, &transfer)
    {
        if refs.is_empty() {
            reporter.report(span, Problem::MissingSources { what });
        }
    }

    if !reporter.problems.is_empty() {
        return Err(reporter.problems);
    }
    Ok(Region {
        header,
        origin: file.origin.clone(),
        sources,
        statements: statements.into_iter().map(|(s, _)| s).collect(),
        relations: relations.into_iter().map(|(r, _)| r).collect(),
        binding,
        uses: uses.into_iter().map(|(u, _)| u).collect(),
        questions: questions.into_iter().map(|(q, _)| q).collect(),
        withdrawal_cases: withdrawal_cases.into_iter().map(|(c, _)| c).collect(),
        notices: notices.into_iter().map(|(n, _)| n).collect(),
        transfer,
        transfer_to_resident,
        transfer_within_province,
        binding_same_province,
        checklist,
        office,
        search,
        glossary: glossary.into_iter().map(|(g, _)| g).collect(),
    })
}

/// Every list of source references in a region's rules, with a name for messages.
pub(crate) fn cited_lists<'a>(
    relations: &'a [(RelationRule, Range<usize>)],
    binding: &'a Option<BindingRules>,
    uses: &'a [(UseRule, Range<usize>)],
    cases: &'a [(WithdrawalCaseRule, Range<usize>)],
    transfer: &'a Option<TransferRules>,
) -> Vec<(String, &'a [SourceRef], Range<usize>)> {
    let mut lists: Vec<(String, &[SourceRef], Range<usize>)> = Vec::new();
    for (rule, _) in relations {
        lists.push((
            format!("relation rule \"{}\"", rule.relation.get_ref()),
            rule.sources.get_ref(),
            rule.sources.span(),
        ));
    }
    if let Some(binding) = binding {
        lists.push((
            "[binding]".to_owned(),
            binding.sources.get_ref(),
            binding.sources.span(),
        ));
        lists.push((
            "[binding.same_province]".to_owned(),
            binding.same_province.sources.get_ref(),
            binding.same_province.sources.span(),
        ));
        lists.push((
            "[binding.other_province]".to_owned(),
            binding.other_province.sources.get_ref(),
            binding.other_province.sources.span(),
        ));
        for rule in &binding.beneficiaries {
            lists.push((
                format!("beneficiary rule \"{}\"", rule.insurance.get_ref()),
                rule.sources.get_ref(),
                rule.sources.span(),
            ));
        }
    }
    for (rule, _) in uses {
        lists.push((
            format!("use rule \"{}\"", rule.use_.get_ref()),
            rule.sources.get_ref(),
            rule.sources.span(),
        ));
    }
    for (rule, _) in cases {
        lists.push((
            format!("withdrawal case \"{}\"", rule.case.get_ref()),
            rule.sources.get_ref(),
            rule.sources.span(),
        ));
    }
    if let Some(transfer) = transfer {
        lists.push((
            "[transfer]".to_owned(),
            transfer.sources.get_ref(),
            transfer.sources.span(),
        ));
    }
    lists
}

fn first_line(message: &str) -> String {
    message.lines().next().unwrap_or(message).trim().to_owned()
}

fn parse_sources(
    reporter: &mut Reporter<'_>,
    value: Spanned<DeValue<'_>>,
) -> BTreeMap<String, Source> {
    let span = value.span();
    let DeValue::Table(table) = value.into_inner() else {
        reporter.report(
            span,
            Problem::Schema("`sources` must be a table of [sources.<id>] tables".to_owned()),
        );
        return BTreeMap::new();
    };
    let mut sources = BTreeMap::new();
    for (key, value) in table {
        let id = key.get_ref().to_string();
        if let Some(source) = reporter.value::<Source>(value) {
            if source.issuer.is_none() && source.seed.is_none() {
                reporter.report(key.span(), Problem::SourceWithoutOrigin(id.clone()));
            }
            if let Some(number) = &source.doc_number
                && !looks_like_doc_number(number)
            {
                reporter.report(
                    key.span(),
                    Problem::GuessedDocNumber {
                        id: id.clone(),
                        doc_number: number.clone(),
                    },
                );
            }
            sources.insert(id, source);
        }
    }
    sources
}

/// Whether a 文号 is written as documents print it: `国办发〔2024〕38号`, `国务院令第735号`,
/// `中华人民共和国主席令第四十五号`, with no doubt or comment inside it.
fn looks_like_doc_number(number: &str) -> bool {
    let bracketed = number.contains('〔') && number.contains('〕');
    let decree = number.contains("令第");
    let commented = ['（', '(', '?', '？', ' ']
        .iter()
        .any(|c| number.contains(*c))
        || ["待核实", "转载", "未核实", "可能"]
            .iter()
            .any(|w| number.contains(w));
    number.ends_with('号') && (bracketed || decree) && !commented
}

fn is_region_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

fn is_statement_id(id: &str) -> bool {
    !id.is_empty()
        && id.split('.').all(|part| {
            !part.is_empty()
                && part
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        })
}

fn check_header(reporter: &mut Reporter<'_>, header: &RegionHeader, stem: &str) {
    let id = header.id.get_ref();
    if !is_region_id(id) {
        reporter.report(header.id.span(), Problem::BadRegionId(id.clone()));
    } else if id != stem {
        reporter.report(
            header.id.span(),
            Problem::FileNameMismatch {
                id: id.clone(),
                stem: stem.to_owned(),
            },
        );
    }
    match (&header.parent, id == ROOT_REGION) {
        (None, false) => reporter.report(header.id.span(), Problem::MissingParent(id.clone())),
        (Some(parent), true) => reporter.report(parent.span(), Problem::RootWithParent),
        _ => {}
    }
    if let (Some(version), false) = (&header.data_version, id == ROOT_REGION) {
        reporter.report(version.span(), Problem::DataVersionOutsideRoot);
    }
}

fn check_statements(reporter: &mut Reporter<'_>, statements: &[(Statement, Range<usize>)]) {
    let mut first_seen: BTreeMap<&str, Range<usize>> = BTreeMap::new();
    for (statement, span) in statements {
        let id = statement.key();
        if !is_statement_id(id) {
            reporter.report(statement.id.span(), Problem::BadStatementId(id.to_owned()));
        }
        // The first place is kept as a span; its line is counted only for a duplicate
        // (counting lines for every statement made loading quadratic in the file's length).
        if let Some(first) = first_seen.get(id) {
            let first_line = reporter.line_of(first);
            reporter.report(
                statement.id.span(),
                Problem::Duplicate {
                    kind: "statement id",
                    key: id.to_owned(),
                    first_line,
                },
            );
        } else {
            first_seen.insert(id, statement.id.span());
        }
        if statement.sources.get_ref().is_empty() {
            reporter.report(
                statement.sources.span(),
                Problem::MissingSources {
                    what: format!("statement \"{id}\""),
                },
            );
        }
        let needs_correction = statement.confidence.needs_correction();
        let has_correction = statement
            .correction
            .as_deref()
            .is_some_and(|c| !c.trim().is_empty());
        if needs_correction && !has_correction {
            reporter.report(
                span.clone(),
                Problem::MissingCorrection {
                    id: id.to_owned(),
                    confidence: statement.confidence.id().to_owned(),
                },
            );
        }
        if let (Some(from), Some(until)) = (statement.effective_from, statement.effective_until)
            && from > until
        {
            reporter.report(
                span.clone(),
                Problem::DateOrder {
                    id: id.to_owned(),
                    from: from.to_string(),
                    until: until.to_string(),
                },
            );
        }
    }
}

fn check_unique(
    reporter: &mut Reporter<'_>,
    kind: &'static str,
    keys: impl Iterator<Item = (String, Range<usize>)>,
) {
    let mut first_seen: BTreeMap<String, Range<usize>> = BTreeMap::new();
    for (key, span) in keys {
        if let Some(first) = first_seen.get(&key) {
            let first_line = reporter.line_of(first);
            reporter.report(
                span,
                Problem::Duplicate {
                    kind,
                    key,
                    first_line,
                },
            );
        } else {
            first_seen.insert(key, span);
        }
    }
}

fn check_any_of(reporter: &mut Reporter<'_>, when: &Spanned<AnyOf>) {
    for condition in when.get_ref().alternatives() {
        check_requirements(reporter, condition, when.span());
    }
}

fn check_condition(reporter: &mut Reporter<'_>, condition: &Spanned<Condition>) {
    check_requirements(reporter, condition.get_ref(), condition.span());
}

fn check_requirements(reporter: &mut Reporter<'_>, condition: &Condition, span: Range<usize>) {
    for (fact, values) in condition.requirements() {
        if values.is_empty() {
            reporter.report(span.clone(), Problem::EmptyCondition(fact.id().to_owned()));
        }
        for value in values {
            if !fact.accepts(value) {
                reporter.report(
                    span.clone(),
                    Problem::BadFactValue {
                        fact: fact.id().to_owned(),
                        value: value.clone(),
                        expected: fact.expected_values(),
                    },
                );
            }
        }
    }
}
