//! The loaded set of regions: layering of embedded and user folders, checks across files
//! (parents, cycles, sources), and resolution of a region with its ancestors.
//!
//! Over 600 lines because loading, the cross-file checks (parents, sources, grading rules)
//! and resolution share the region chain; splitting the grading checks into their own module
//! is the next cut (issue 12).

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;

use super::diagnostic::{Diagnostic, Problem};
use super::model::{
    BindingRules, Notice, Question, Region, RelationRule, Source, SourceRef, Statement,
    ToResidentRule, TransferRules, UseRule, WithdrawalCaseRule, WithinProvinceRule,
};
use super::parse::{PolicyFile, ROOT_REGION, parse_policy_file};
use crate::domain::{
    Confidence, IssuerLevel, Procedure, Relation, SourceGrade, Topic, Use, WithdrawalCase,
};

/// Every region that loaded cleanly, by id.
#[derive(Debug, Clone, Default)]
pub struct PolicySet {
    regions: BTreeMap<String, Region>,
}

/// What loading produced: the usable set, and every problem with the files that were skipped.
#[derive(Debug, Clone, Default)]
pub struct LoadReport {
    /// Shared: the window's search index is built from it on another thread.
    pub set: std::sync::Arc<PolicySet>,
    pub problems: Vec<Diagnostic>,
    /// Display paths of the files that were not used because of a problem.
    pub skipped_files: Vec<String>,
}

impl LoadReport {
    /// Whether every file loaded without a problem.
    pub fn is_clean(&self) -> bool {
        self.problems.is_empty()
    }
}

/// Loads layers of files: later layers add regions or replace earlier files of the same
/// region. A file with any problem is skipped and the earlier layer's file stays in use.
pub fn load_layers(layers: &[Vec<PolicyFile>]) -> LoadReport {
    let mut problems = Vec::new();
    let mut skipped = Vec::new();
    // For each region id, the candidate files from the lowest layer to the highest.
    let mut candidates: BTreeMap<String, Vec<Region>> = BTreeMap::new();
    for layer in layers {
        let mut seen_in_layer: BTreeMap<String, String> = BTreeMap::new();
        for (file, parsed) in layer.iter().zip(parse_all(layer)) {
            match parsed {
                Ok(region) => {
                    let id = region.id().to_owned();
                    if let Some(other) = seen_in_layer.get(&id) {
                        problems.push(Diagnostic::at(
                            &file.display_path(),
                            &file.text,
                            region.header.id.span(),
                            Problem::DuplicateRegion {
                                id: id.clone(),
                                other: other.clone(),
                            },
                        ));
                        skipped.push(file.display_path());
                        continue;
                    }
                    seen_in_layer.insert(id.clone(), file.display_path());
                    candidates.entry(id).or_default().push(region);
                }
                Err(mut file_problems) => {
                    problems.append(&mut file_problems);
                    skipped.push(file.display_path());
                }
            }
        }
    }

    // Every place of China is a region: at the bottom of its stack, a place of the tree with no
    // rules of its own (it uses its nearest ancestor's). A file replaces it; a file that fails
    // the checks below falls back to it. Only under the shipped root (a test's own tree of
    // made-up regions stays as it is).
    if candidates
        .get(ROOT_REGION)
        .and_then(|stack| stack.first())
        .is_some_and(|root| matches!(root.origin, super::model::Origin::Embedded(_)))
    {
        for place in super::tree::RegionTree::shipped().places() {
            candidates
                .entry(place.id.clone())
                .or_default()
                .insert(0, Region::tree_place(&place.id, &place.name, &place.parent));
        }
    }

    // Check the chosen files against each other; drop failing ones until the set is stable.
    let texts: BTreeMap<String, &str> = layers
        .iter()
        .flatten()
        .map(|f| (f.display_path(), f.text.as_str()))
        .collect();
    loop {
        let chosen: BTreeMap<String, &Region> = candidates
            .iter()
            .filter_map(|(id, stack)| stack.last().map(|r| (id.clone(), r)))
            .collect();
        let failures = cross_check(&chosen, &texts);
        if failures.is_empty() {
            break;
        }
        for (id, mut region_problems) in failures {
            if let Some(stack) = candidates.get_mut(&id)
                && let Some(region) = stack.pop()
            {
                skipped.push(region.origin.display_path());
            }
            problems.append(&mut region_problems);
        }
    }

    let regions = candidates
        .into_iter()
        .filter_map(|(id, mut stack)| stack.pop().map(|r| (id, r)))
        .collect();
    problems.sort_by(|a, b| (&a.file, a.line, a.column).cmp(&(&b.file, b.line, b.column)));
    problems.dedup();
    skipped.sort();
    skipped.dedup();
    LoadReport {
        set: std::sync::Arc::new(PolicySet { regions }),
        problems,
        skipped_files: skipped,
    }
}

/// Parses files on every core (files are independent), keeping their order.
fn parse_all(files: &[PolicyFile]) -> Vec<Result<Region, Vec<Diagnostic>>> {
    use rayon::prelude::*;
    files.par_iter().map(parse_policy_file).collect()
}

/// Problems between files, by the region whose file has them.
fn cross_check(
    chosen: &BTreeMap<String, &Region>,
    texts: &BTreeMap<String, &str>,
) -> BTreeMap<String, Vec<Diagnostic>> {
    let mut failures: BTreeMap<String, Vec<Diagnostic>> = BTreeMap::new();
    let known = chosen.keys().cloned().collect::<Vec<_>>().join(", ");
    for (id, region) in chosen {
        let path = region.origin.display_path();
        let text = texts.get(&path).copied().unwrap_or("");
        let mut report = |span: std::ops::Range<usize>, problem: Problem| {
            failures
                .entry(id.clone())
                .or_default()
                .push(Diagnostic::at(&path, text, span, problem));
        };
        // Walk up the parents: each must exist, and the walk must reach the root.
        let mut chain = vec![id.as_str()];
        let mut current = *region;
        let mut ancestors_ok = true;
        while let Some(parent) = current.parent() {
            if chain.contains(&parent) {
                chain.push(parent);
                let span = region.header.parent.as_ref().map_or(0..0, |p| p.span());
                report(
                    span,
                    Problem::Cycle {
                        id: id.clone(),
                        cycle: chain.join(" → "),
                    },
                );
                ancestors_ok = false;
                break;
            }
            let Some(next) = chosen.get(parent) else {
                if current.id() == id {
                    let span = region.header.parent.as_ref().map_or(0..0, |p| p.span());
                    report(
                        span,
                        Problem::UnknownParent {
                            parent: parent.to_owned(),
                            known: known.clone(),
                        },
                    );
                }
                ancestors_ok = false;
                break;
            };
            chain.push(parent);
            current = next;
        }
        if !ancestors_ok {
            continue;
        }
        // Every cited source must be defined here or in an ancestor.
        let visible: BTreeSet<&str> = chain
            .iter()
            .filter_map(|r| chosen.get(*r))
            .flat_map(|r| r.sources.keys().map(String::as_str))
            .collect();
        for reference in all_source_refs(region) {
            if !visible.contains(reference.get_ref().as_str()) {
                report(
                    reference.span(),
                    Problem::UnknownSource {
                        id: reference.get_ref().clone(),
                    },
                );
            }
        }
        // Statement ids the checklists show must exist for every region that uses them.
        let sees_statement = |key: &str| {
            chain.iter().any(|r| {
                chosen
                    .get(*r)
                    .is_some_and(|region| region.statements.iter().any(|s| s.key() == key))
            })
        };
        if let Some(settings) = chain
            .iter()
            .filter_map(|r| chosen.get(*r))
            .find_map(|r| r.checklist.as_ref())
        {
            for id in &settings.balance_can {
                if !sees_statement(id.get_ref()) {
                    // Reported in the file that names the id when it is this region's own.
                    if region.checklist.is_some() {
                        report(
                            id.span(),
                            Problem::UnknownStatement {
                                id: id.get_ref().clone(),
                                region: region.id().to_owned(),
                            },
                        );
                    }
                }
            }
        }
        // The grading rules (FACTS.md): what an `official` or `false` grade needs.
        let lookup = |source_id: &str| {
            chain.iter().find_map(|r| {
                chosen
                    .get(*r)
                    .and_then(|region| region.sources.get_key_value(source_id))
            })
        };
        let level = IssuerLevel::of_depth(chain.len() - 1);
        let graded = region
            .statements
            .iter()
            .map(|s| {
                (
                    Graded::Statement(s.key()),
                    s.confidence,
                    s.sources.get_ref().as_slice(),
                    s.id.span(),
                )
            })
            .chain(region.withdrawal_cases.iter().map(|c| {
                (
                    Graded::WithdrawalCase(c.case.get_ref().id()),
                    c.confidence,
                    c.sources.get_ref().as_slice(),
                    c.case.span(),
                )
            }));
        for (what, confidence, refs, span) in graded {
            let cited: Vec<(&String, &Source)> =
                refs.iter().filter_map(|r| lookup(r.get_ref())).collect();
            // An unknown source is reported above; grade only what is fully cited.
            if cited.len() != refs.len() {
                continue;
            }
            if let Some(problem) = grading_problem(what, confidence, &cited, level) {
                report(span, problem);
            }
        }
    }
    failures
}

/// What a grade belongs to, named only when a problem is reported (a name built for every
/// statement cost more than the check itself).
#[derive(Clone, Copy)]
enum Graded<'a> {
    Statement(&'a str),
    WithdrawalCase(&'a str),
}

impl Graded<'_> {
    fn name(self) -> String {
        match self {
            Graded::Statement(key) => format!("statement \"{key}\""),
            Graded::WithdrawalCase(case) => format!("withdrawal case \"{case}\""),
        }
    }
}

/// Whether an item graded `confidence` in a region at `level` is backed as FACTS.md's
/// grading rules require, given the sources it cites.
fn grading_problem(
    what: Graded<'_>,
    confidence: Confidence,
    cited: &[(&String, &Source)],
    level: IssuerLevel,
) -> Option<Problem> {
    match confidence {
        Confidence::Official => {
            if let Some((id, _)) = cited.iter().find(|(_, s)| s.seed.is_some()) {
                return Some(Problem::SeedClaimOfficial {
                    what: what.name(),
                    seed_source: (*id).clone(),
                });
            }
            let backs = |source: &Source| {
                let strong = match source.grade {
                    Some(SourceGrade::A) => true,
                    Some(SourceGrade::B) => source.faithful_copy,
                    _ => false,
                };
                strong && source.level.is_some_and(|l| l.covers(level))
            };
            if cited.iter().any(|(_, s)| backs(s)) {
                return None;
            }
            let detail = cited
                .iter()
                .map(|(id, s)| {
                    format!(
                        "{id}: grade {}, {}{}",
                        s.grade.map_or("none", |g| g.id()),
                        s.level.map_or("no `level`", |l| l.id()),
                        if s.faithful_copy {
                            ", faithful copy"
                        } else {
                            ""
                        }
                    )
                })
                .collect::<Vec<_>>()
                .join("; ");
            Some(Problem::OfficialWithoutBacking {
                what: what.name(),
                region_level: level.id(),
                detail: format!(" (cited: {detail}); grade it `local` or `reported` instead"),
            })
        }
        Confidence::False => {
            let contradicts = cited.iter().any(|(_, s)| {
                s.seed.is_none() && matches!(s.grade, Some(SourceGrade::A | SourceGrade::B))
            });
            (!contradicts).then(|| Problem::FalseWithoutContradiction { what: what.name() })
        }
        _ => None,
    }
}

/// Every source reference in a region's statements and rules.
fn all_source_refs(region: &Region) -> Vec<&SourceRef> {
    let mut refs: Vec<&SourceRef> = Vec::new();
    for statement in &region.statements {
        refs.extend(statement.sources.get_ref());
    }
    for rule in &region.relations {
        refs.extend(rule.sources.get_ref());
    }
    if let Some(binding) = &region.binding {
        refs.extend(binding.sources.get_ref());
        refs.extend(binding.same_province.sources.get_ref());
        refs.extend(binding.other_province.sources.get_ref());
        for rule in &binding.beneficiaries {
            refs.extend(rule.sources.get_ref());
        }
    }
    for rule in &region.uses {
        refs.extend(rule.sources.get_ref());
    }
    for rule in &region.withdrawal_cases {
        refs.extend(rule.sources.get_ref());
        for note in rule
            .refusals
            .iter()
            .chain(&rule.cautions)
            .chain(&rule.to_confirm)
        {
            refs.extend(note.sources.get_ref());
        }
    }
    if let Some(rule) = &region.transfer_to_resident {
        refs.extend(rule.sources.get_ref());
    }
    if let Some(rule) = &region.transfer_within_province {
        refs.extend(rule.sources.get_ref());
    }
    if let Some(rule) = &region.binding_same_province {
        refs.extend(rule.sources.get_ref());
    }
    for notice in &region.notices {
        refs.extend(notice.sources.get_ref());
    }
    if let Some(office) = &region.office {
        refs.extend(office.sources.get_ref());
    }
    if let Some(transfer) = &region.transfer {
        refs.extend(transfer.sources.get_ref());
    }
    refs
}

/// A source as cited from a region: its id, content, and the region that defines it.
#[derive(Debug, Clone, Copy)]
pub struct CitedSource<'a> {
    pub id: &'a str,
    pub source: &'a Source,
    pub defined_in: &'a Region,
}

/// An item inherited through the region chain, with the region that defines it.
#[derive(Debug)]
pub struct Defined<'a, T> {
    pub item: &'a T,
    pub defined_in: &'a Region,
}

// Manual impls: the derive would require `T: Copy`, but only references are copied.
impl<T> Clone for Defined<'_, T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for Defined<'_, T> {}

/// A region seen with all its ancestors: the nearer region wins on the same key.
#[derive(Debug, Clone)]
pub struct ResolvedRegion<'a> {
    /// Root first, the region itself last.
    pub chain: Vec<&'a Region>,
}

impl PolicySet {
    /// The region with this id.
    pub fn region(&self, id: &str) -> Option<&Region> {
        self.regions.get(id)
    }

    /// All regions, ordered as a tree walk from the root (parents before children,
    /// siblings by id).
    pub fn regions_in_tree_order(&self) -> Vec<&Region> {
        // Children by parent, each list in id order (the map's order): one pass, not one
        // scan of every region per region.
        let mut children: std::collections::HashMap<&str, Vec<&Region>> =
            std::collections::HashMap::new();
        for region in self.regions.values() {
            if let Some(parent) = region.parent() {
                children.entry(parent).or_default().push(region);
            }
        }
        let mut ordered = Vec::with_capacity(self.regions.len());
        let mut stack: Vec<&Region> = self.regions.get(ROOT_REGION).into_iter().collect();
        while let Some(region) = stack.pop() {
            ordered.push(region);
            if let Some(below) = children.get(region.id()) {
                stack.extend(below.iter().rev());
            }
        }
        ordered
    }

    /// Direct children of a region, by id.
    pub fn children(&self, id: &str) -> Vec<&Region> {
        self.regions
            .values()
            .filter(|r| r.parent() == Some(id))
            .collect()
    }

    /// Number of regions that have a policy file of their own (the others use their nearest
    /// ancestor's rules).
    pub fn regions_with_files(&self) -> usize {
        self.regions.values().filter(|r| r.has_own_file()).count()
    }

    /// Number of regions.
    pub fn len(&self) -> usize {
        self.regions.len()
    }

    /// Whether no region loaded.
    pub fn is_empty(&self) -> bool {
        self.regions.is_empty()
    }

    /// Ids of all regions, sorted.
    pub fn region_ids(&self) -> Vec<&str> {
        self.regions.keys().map(String::as_str).collect()
    }

    /// The version of the data set, declared by the root region.
    pub fn data_version(&self) -> &str {
        self.regions
            .get(ROOT_REGION)
            .and_then(|r| r.header.data_version.as_ref())
            .map_or("unknown", |v| v.get_ref().as_str())
    }

    /// The most recent `verified_on` date of any statement.
    pub fn newest_verified_on(&self) -> Option<NaiveDate> {
        self.regions
            .values()
            .flat_map(|r| r.statements.iter().map(|s| s.verified_on.0))
            .max()
    }

    /// The region with its ancestors, or `None` for an unknown id.
    pub fn resolve(&self, id: &str) -> Option<ResolvedRegion<'_>> {
        let mut chain = vec![self.regions.get(id)?];
        while let Some(parent) = chain.last().and_then(|r| r.parent()) {
            // Loading guarantees parents exist and there is no cycle.
            let next = self.regions.get(parent)?;
            chain.push(next);
        }
        chain.reverse();
        Some(ResolvedRegion { chain })
    }
}

impl<'a> ResolvedRegion<'a> {
    /// The region itself.
    pub fn region(&self) -> &'a Region {
        self.chain[self.chain.len() - 1]
    }

    /// Names from the root down, e.g. `全国 › 江苏省 › 南京市`.
    pub fn path_label(&self) -> String {
        self.chain
            .iter()
            .map(|r| r.name())
            .collect::<Vec<_>>()
            .join(" › ")
    }

    /// Items keyed across the chain: an item of a nearer region replaces the inherited one
    /// with the same key, keeping the inherited item's place in the order.
    fn merged<T, K: Ord>(
        &self,
        items: impl Fn(&'a Region) -> &'a [T],
        key: impl Fn(&T) -> K,
    ) -> Vec<Defined<'a, T>> {
        let mut merged: Vec<Defined<'a, T>> = Vec::new();
        let mut index: BTreeMap<K, usize> = BTreeMap::new();
        for region in &self.chain {
            for item in items(region) {
                let defined = Defined {
                    item,
                    defined_in: region,
                };
                match index.get(&key(item)) {
                    Some(&at) => merged[at] = defined,
                    None => {
                        index.insert(key(item), merged.len());
                        merged.push(defined);
                    }
                }
            }
        }
        merged
    }

    /// Single sections (`[binding]`, `[transfer]`): the nearest region's wins.
    fn nearest<T>(&self, section: impl Fn(&'a Region) -> Option<&'a T>) -> Option<Defined<'a, T>> {
        self.chain.iter().rev().find_map(|region| {
            section(region).map(|item| Defined {
                item,
                defined_in: region,
            })
        })
    }

    /// All statements the region sees.
    pub fn statements(&self) -> Vec<Defined<'a, Statement>> {
        self.merged(|r| &r.statements, |s| s.key().to_owned())
    }

    /// Statements on one topic.
    pub fn statements_on(&self, topic: Topic) -> Vec<Defined<'a, Statement>> {
        self.statements()
            .into_iter()
            .filter(|s| s.item.topic == topic)
            .collect()
    }

    /// The relation rules the region sees.
    pub fn relation_rules(&self) -> Vec<Defined<'a, RelationRule>> {
        self.merged(|r| &r.relations, |rule| *rule.relation.get_ref())
    }

    /// The rule for one relation.
    pub fn relation_rule(&self, relation: Relation) -> Option<Defined<'a, RelationRule>> {
        self.relation_rules()
            .into_iter()
            .find(|r| *r.item.relation.get_ref() == relation)
    }

    /// The binding section in force.
    pub fn binding(&self) -> Option<Defined<'a, BindingRules>> {
        self.nearest(|r| r.binding.as_ref())
    }

    /// The use rules the region sees.
    pub fn use_rules(&self) -> Vec<Defined<'a, UseRule>> {
        self.merged(|r| &r.uses, |rule| *rule.use_.get_ref())
    }

    /// The rule for one use.
    pub fn use_rule(&self, use_: Use) -> Option<Defined<'a, UseRule>> {
        self.use_rules()
            .into_iter()
            .find(|r| *r.item.use_.get_ref() == use_)
    }

    /// The questions of a procedure, in file order.
    pub fn questions(&self, procedure: Procedure) -> Vec<Defined<'a, Question>> {
        self.merged(|r| &r.questions, |q| (q.procedure, *q.fact.get_ref()))
            .into_iter()
            .filter(|q| q.item.procedure == procedure)
            .collect()
    }

    /// The withdrawal cases the region sees.
    pub fn withdrawal_cases(&self) -> Vec<Defined<'a, WithdrawalCaseRule>> {
        self.merged(|r| &r.withdrawal_cases, |c| *c.case.get_ref())
    }

    /// The rule for one withdrawal case.
    pub fn withdrawal_case(&self, case: WithdrawalCase) -> Option<Defined<'a, WithdrawalCaseRule>> {
        self.withdrawal_cases()
            .into_iter()
            .find(|c| *c.item.case.get_ref() == case)
    }

    /// The jargon explained for this region: a nearer region's entry replaces an inherited
    /// one for the same word.
    pub fn glossary(&self) -> Vec<&'a super::model::GlossaryEntry> {
        self.merged(|r| &r.glossary, |g| g.term.clone())
            .into_iter()
            .map(|defined| defined.item)
            .collect()
    }

    /// The notices of a procedure, in file order (a nearer region's notice replaces the
    /// inherited one with the same id).
    pub fn notices(&self, procedure: Procedure) -> Vec<Defined<'a, Notice>> {
        self.merged(|r| &r.notices, |n| n.id.get_ref().clone())
            .into_iter()
            .filter(|n| n.item.procedure == procedure)
            .collect()
    }

    /// The transfer section in force.
    pub fn transfer(&self) -> Option<Defined<'a, TransferRules>> {
        self.nearest(|r| r.transfer.as_ref())
    }

    /// The checklist settings in force (nearest region first).
    pub fn checklist_settings(&self) -> Option<Defined<'a, super::model::ChecklistSettings>> {
        self.nearest(|r| r.checklist.as_ref())
    }

    /// How a move inside the province differs, nearest region first.
    pub fn transfer_within_province(&self) -> Option<Defined<'a, WithinProvinceRule>> {
        self.nearest(|r| r.transfer_within_province.as_ref())
    }

    /// The binding section with the nearest same-province channel: a region's
    /// `[binding_same_province]` replaces `[binding.same_province]` of the section in force
    /// when it is nearer than that section.
    pub fn binding_with_channel(&self) -> Option<BindingRules> {
        let binding = self.binding()?;
        let depth = |region: &Region| self.chain.iter().position(|r| r.id() == region.id());
        let mut rules = binding.item.clone();
        if let Some(channel) = self.nearest(|r| r.binding_same_province.as_ref())
            && depth(channel.defined_in) > depth(binding.defined_in)
        {
            rules.same_province = channel.item.clone();
        }
        Some(rules)
    }

    /// What happens to the balance on a move into resident insurance, nearest region first.
    pub fn transfer_to_resident(&self) -> Option<Defined<'a, ToResidentRule>> {
        self.nearest(|r| r.transfer_to_resident.as_ref())
    }

    /// Looks a source id up in the region, then in its ancestors.
    pub fn source(&self, id: &str) -> Option<CitedSource<'a>> {
        self.chain.iter().rev().find_map(|region| {
            region
                .sources
                .get_key_value(id)
                .map(|(id, source)| CitedSource {
                    id: id.as_str(),
                    source,
                    defined_in: region,
                })
        })
    }

    /// The sources a list of references points to (unknown ids cannot occur after loading).
    pub fn cite(&self, refs: &[SourceRef]) -> Vec<CitedSource<'a>> {
        refs.iter()
            .filter_map(|r| self.source(r.get_ref()))
            .collect()
    }
}
