//! The command line: the same binary as the window, for checking and scripting the rules
//! without a display (DOMAIN.md "Command line").

#![allow(
    clippy::print_stdout,
    clippy::print_stderr,
    reason = "the CLI talks on stdout/stderr"
)]

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use crate::checklist::{Answers, evaluate, parse_answer, questions_for};
use crate::domain::{Fact, Insurance, Procedure, Relation, Topic};
use crate::export::{ExportFormat, render};
use crate::family::{BindingQuery, check_binding};
use crate::policy::{self, LoadReport, StatementRecord};

/// 医保个人账户助手: the window, or commands for the policy data.
#[derive(Debug, Parser)]
#[command(
    name = "yibao",
    version,
    about = "医保个人账户助手 — employee medical-insurance personal account helper"
)]
pub struct Cli {
    /// Extra policy folder: its files add regions or replace shipped ones.
    #[arg(long, global = true, value_name = "DIR")]
    pub policies: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check and show policy data.
    Policies {
        #[command(subcommand)]
        command: PoliciesCommand,
    },
    /// Family binding (家庭共济).
    Family {
        #[command(subcommand)]
        command: FamilyCommand,
    },
    /// Evaluate a procedure and export its checklist.
    Checklist {
        /// withdrawal, transfer or binding.
        #[arg(value_parser = parse_vocab::<Procedure>)]
        procedure: Procedure,
        /// Region id, e.g. hefei.
        #[arg(long)]
        region: String,
        /// An answer, FACT=VALUE (repeatable), e.g. --answer deceased=yes.
        #[arg(long = "answer", value_name = "FACT=VALUE", value_parser = parse_answer_arg)]
        answers: Vec<(Fact, String)>,
        /// Output format (default: from -o's extension, else md).
        #[arg(long, value_parser = parse_format)]
        format: Option<ExportFormat>,
        /// Write to this file instead of standard output.
        #[arg(short = 'o', long = "output", value_name = "FILE")]
        output: Option<PathBuf>,
        /// Print the questions and their allowed values instead.
        #[arg(long)]
        list_questions: bool,
    },
}

fn parse_answer_arg(text: &str) -> Result<(Fact, String), String> {
    parse_answer(text).map_err(|e| e.to_string())
}

fn parse_format(text: &str) -> Result<ExportFormat, String> {
    ExportFormat::ALL
        .iter()
        .copied()
        .find(|f| f.extension() == text)
        .ok_or_else(|| {
            let known: Vec<&str> = ExportFormat::ALL.iter().map(|f| f.extension()).collect();
            format!(
                "unknown format \"{text}\" (expected one of: {})",
                known.join(", ")
            )
        })
}

#[derive(Debug, Subcommand)]
pub enum FamilyCommand {
    /// One binding's verdict: can this relative be bound, and what may the money pay?
    Check {
        /// The holder's region id, e.g. nanjing.
        #[arg(long)]
        region: String,
        /// The holder's insurance: employee, resident, none (always known: not `unknown`).
        #[arg(long, value_parser = parse_holder_insurance)]
        holder_insurance: Insurance,
        /// The relative, from the holder's side: spouse, parent, parent_in_law, …
        #[arg(long, value_parser = parse_vocab::<Relation>)]
        relation: Relation,
        /// The relative's own insurance: employee, resident, none.
        #[arg(long, value_parser = parse_vocab::<Insurance>)]
        member_insurance: Insurance,
        /// Where the relative is insured (default: the holder's region).
        #[arg(long)]
        member_region: Option<String>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = ShowFormat::Text)]
        format: ShowFormat,
    },
}

#[derive(Debug, Subcommand)]
pub enum PoliciesCommand {
    /// Validate policy files; prints `file:line:column: message` for every problem.
    Check {
        /// Folder to check on top of the shipped files (default: what the app loads).
        dir: Option<PathBuf>,
    },
    /// The whole region tree (GB/T 2260): id, name, code, parent, whether the region has a
    /// policy file of its own, and the region whose data it uses.
    Regions {
        /// Output format.
        #[arg(long, value_enum, default_value_t = ShowFormat::Text)]
        format: ShowFormat,
    },
    /// Search every region's statements as the explorer does: 汉字, pinyin in any reading
    /// (yinhang), initials (gj), 文号, and everyday words (取钱, 过世).
    Search {
        /// What to look for.
        query: String,
        /// Only statements that apply in this region (its own and its ancestors').
        #[arg(long)]
        region: Option<String>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = ShowFormat::Text)]
        format: ShowFormat,
    },
    /// Print a region's statements, inherited ones included.
    Show {
        /// Region id, e.g. nanjing.
        region: String,
        /// Only statements on this topic.
        #[arg(long, value_parser = parse_topic)]
        topic: Option<Topic>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = ShowFormat::Text)]
        format: ShowFormat,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ShowFormat {
    Text,
    Json,
}

fn parse_topic(text: &str) -> Result<Topic, String> {
    parse_vocab(text)
}

/// A holder's insurance: `unknown` is a relative's answer only (DOMAIN.md).
fn parse_holder_insurance(text: &str) -> Result<Insurance, String> {
    match parse_vocab::<Insurance>(text)? {
        Insurance::Unknown => Err(
            "the holder's own insurance must be known (employee, resident, none); `unknown` is only for --member-insurance".to_owned(),
        ),
        known => Ok(known),
    }
}

/// Parses a DOMAIN.md id; an unknown one is a usage error naming the allowed ids.
fn parse_vocab<T: std::str::FromStr<Err = crate::domain::UnknownId>>(
    text: &str,
) -> Result<T, String> {
    text.parse()
        .map_err(|e: crate::domain::UnknownId| e.to_string())
}

/// The folders the app reads on top of the shipped policies: the user's data folder (may be
/// absent) and `--policies DIR` (must exist).
pub fn policy_folders(extra: Option<&PathBuf>) -> Vec<(PathBuf, bool)> {
    let mut folders = Vec::new();
    if let Some(user) = policy::user_policy_dir() {
        folders.push((user, true));
    }
    if let Some(extra) = extra {
        folders.push((extra.clone(), false));
    }
    folders
}

/// Runs a command; `None` means "open the window" and is handled by `main`.
pub fn run(cli: &Cli) -> ExitCode {
    match &cli.command {
        None => ExitCode::SUCCESS,
        Some(Command::Policies { command }) => match command {
            PoliciesCommand::Check { dir } => check(cli, dir.as_ref()),
            PoliciesCommand::Show {
                region,
                topic,
                format,
            } => show(cli, region, *topic, *format),
            PoliciesCommand::Search {
                query,
                region,
                format,
            } => search(cli, query, region.as_deref(), *format),
            PoliciesCommand::Regions { format } => regions(cli, *format),
        },
        Some(Command::Checklist {
            procedure,
            region,
            answers,
            format,
            output,
            list_questions,
        }) => {
            let answers: Answers = answers.iter().cloned().collect();
            if *list_questions {
                list_checklist_questions(cli, *procedure, region, &answers)
            } else {
                checklist(cli, *procedure, region, &answers, *format, output.as_ref())
            }
        }
        Some(Command::Family { command }) => match command {
            FamilyCommand::Check {
                region,
                holder_insurance,
                relation,
                member_insurance,
                member_region,
                format,
            } => family_check(
                cli,
                &BindingQuery {
                    holder_region: region,
                    holder_insurance: *holder_insurance,
                    relation: *relation,
                    member_insurance: *member_insurance,
                    member_region: member_region.as_deref(),
                    supported_by_others: false,
                },
                *format,
            ),
        },
    }
}

fn list_checklist_questions(
    cli: &Cli,
    procedure: Procedure,
    region: &str,
    answers: &Answers,
) -> ExitCode {
    let report = policy::load_with_folders(&policy_folders(cli.policies.as_ref()));
    warn_about_skipped(&report);
    let Some(region) = region_arg(&report.set, region) else {
        return ExitCode::from(1);
    };
    match questions_for(&report.set, &region, procedure, answers) {
        Ok(questions) => {
            let mut stdout = std::io::stdout().lock();
            for question in questions {
                let values: Vec<String> = question
                    .values
                    .iter()
                    .map(|(id, label)| format!("{id}={label}"))
                    .collect();
                print_line(
                    &mut stdout,
                    &format!(
                        "{}\t{}\t{}",
                        question.fact,
                        question.text,
                        values.join(", ")
                    ),
                );
            }
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("{error}");
            ExitCode::from(1)
        }
    }
}

fn checklist(
    cli: &Cli,
    procedure: Procedure,
    region: &str,
    answers: &Answers,
    format: Option<ExportFormat>,
    output: Option<&PathBuf>,
) -> ExitCode {
    let report = policy::load_with_folders(&policy_folders(cli.policies.as_ref()));
    warn_about_skipped(&report);
    let today = chrono::Local::now().date_naive();
    let Some(region) = region_arg(&report.set, region) else {
        return ExitCode::from(1);
    };
    let checklist = match evaluate(&report.set, procedure, &region, answers, today) {
        Ok(checklist) => checklist,
        Err(error) => {
            eprintln!("{error}");
            return ExitCode::from(1);
        }
    };
    let format = format
        .or_else(|| output.and_then(|p| ExportFormat::from_extension(&p.to_string_lossy())))
        .unwrap_or(ExportFormat::Markdown);
    let bytes = match render(&checklist, format) {
        Ok(bytes) => bytes,
        Err(error) => {
            eprintln!("{error}");
            return ExitCode::from(1);
        }
    };
    match output {
        Some(path) => {
            let dir = path
                .parent()
                .filter(|d| !d.as_os_str().is_empty())
                .map_or_else(|| PathBuf::from("."), PathBuf::from);
            match crate::store::write_atomically(&dir, path, &bytes) {
                Ok(()) => {
                    eprintln!("wrote {}", path.display());
                    ExitCode::SUCCESS
                }
                Err(error) => {
                    eprintln!("{error}");
                    ExitCode::from(1)
                }
            }
        }
        None => {
            let mut stdout = std::io::stdout().lock();
            match std::io::Write::write_all(&mut stdout, &bytes) {
                Ok(()) => ExitCode::SUCCESS,
                // A closed pipe (`| head`) is not worth a message; anything else is.
                Err(error) if error.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
                Err(error) => {
                    eprintln!("cannot write to standard output: {error}");
                    ExitCode::from(1)
                }
            }
        }
    }
}

fn family_check(cli: &Cli, query: &BindingQuery<'_>, format: ShowFormat) -> ExitCode {
    let report = policy::load_with_folders(&policy_folders(cli.policies.as_ref()));
    warn_about_skipped(&report);
    let Some(holder_region) = region_arg(&report.set, query.holder_region) else {
        return ExitCode::from(1);
    };
    let member_region = match query.member_region {
        Some(wanted) => match region_arg(&report.set, wanted) {
            Some(id) => Some(id),
            None => return ExitCode::from(1),
        },
        None => None,
    };
    let query = &BindingQuery {
        holder_region: &holder_region,
        member_region: member_region.as_deref(),
        ..*query
    };
    let verdict = match check_binding(&report.set, query) {
        Ok(verdict) => verdict,
        Err(error) => {
            eprintln!("{error}");
            return ExitCode::from(1);
        }
    };
    let output = match format {
        ShowFormat::Json => match pretty_json(&verdict) {
            Ok(json) => json,
            Err(code) => return code,
        },
        ShowFormat::Text => {
            let mut out = format!("{}：{}\n", query.relation.label(), verdict.verdict.label());
            let uses: Vec<&str> = verdict.allowed_uses.iter().map(|u| u.label()).collect();
            out.push_str(&format!(
                "可以支付：{}\n",
                if uses.is_empty() {
                    "无".to_owned()
                } else {
                    uses.join("、")
                }
            ));
            for reason in &verdict.reasons {
                out.push_str(&format!("· {}\n", reason.text));
                for source in &reason.sources {
                    out.push_str(&format!("  来源：{}\n", source.source.citation()));
                }
            }
            for warning in &verdict.warnings {
                out.push_str(&format!("注意：{warning}\n"));
            }
            out
        }
    };
    let mut stdout = std::io::stdout().lock();
    print_line(&mut stdout, &output);
    ExitCode::SUCCESS
}

fn check(cli: &Cli, dir: Option<&PathBuf>) -> ExitCode {
    let folders = match dir {
        Some(dir) => vec![(dir.clone(), false)],
        None => policy_folders(cli.policies.as_ref()),
    };
    let report = policy::load_with_folders(&folders);
    if report.is_clean() {
        let statements: usize = report
            .set
            .regions_in_tree_order()
            .iter()
            .map(|r| r.statements.len())
            .sum();
        let with_files = report.set.regions_with_files();
        println!(
            "ok: {} regions, {} statements, policy data version {} ({} places of China in all; the others use their nearest ancestor's rules)",
            with_files,
            statements,
            report.set.data_version(),
            report.set.len()
        );
        ExitCode::SUCCESS
    } else {
        for problem in &report.problems {
            eprintln!("{problem}");
        }
        eprintln!(
            "{} problem(s) in {} file(s)",
            report.problems.len(),
            report.skipped_files.len()
        );
        ExitCode::from(1)
    }
}

fn warn_about_skipped(report: &LoadReport) {
    for problem in &report.problems {
        eprintln!("warning: {problem}");
    }
    for file in &report.skipped_files {
        eprintln!("warning: skipped {file}; using the shipped policies for its region");
    }
}

fn show(cli: &Cli, region: &str, topic: Option<Topic>, format: ShowFormat) -> ExitCode {
    let report = policy::load_with_folders(&policy_folders(cli.policies.as_ref()));
    warn_about_skipped(&report);
    let Some(region) = region_arg(&report.set, region) else {
        return ExitCode::from(1);
    };
    let Some(resolved) = report.set.resolve(&region) else {
        return ExitCode::from(1);
    };
    let records = resolved.statement_records(topic);
    let output = match format {
        ShowFormat::Json => match pretty_json(&records) {
            Ok(json) => json,
            Err(code) => return code,
        },
        ShowFormat::Text => show_text(&resolved.path_label(), report.set.data_version(), &records),
    };
    let mut stdout = std::io::stdout().lock();
    print_line(&mut stdout, &output);
    ExitCode::SUCCESS
}

/// One search result as JSON (DOMAIN.md: `id`, `region`, `topic`, `text`, `confidence`).
#[derive(serde::Serialize)]
struct SearchRecord<'a> {
    id: &'a str,
    region: &'a str,
    region_name: &'a str,
    topic: Topic,
    text: &'a str,
    confidence: crate::domain::Confidence,
}

/// `yibao policies search`: the explorer's search, in force today, in the window's order.
fn search(cli: &Cli, query: &str, region: Option<&str>, format: ShowFormat) -> ExitCode {
    let report = policy::load_with_folders(&policy_folders(cli.policies.as_ref()));
    warn_about_skipped(&report);
    let chain: Option<Vec<String>> = match region {
        None => None,
        Some(wanted) => {
            match region_arg(&report.set, wanted).and_then(|id| report.set.resolve(&id)) {
                Some(resolved) => Some(resolved.chain.iter().map(|r| r.id().to_owned()).collect()),
                None => return ExitCode::from(1),
            }
        }
    };
    let index = crate::policy::search::SearchIndex::build(&report.set);
    let results = index.search(query);
    let today = chrono::Local::now().date_naive();
    let (hits, _) = index.in_force_in_order(
        &report.set,
        &results,
        today,
        crate::policy::search::RESULT_LIMIT,
    );
    let mut found: Vec<SearchRecord<'_>> = Vec::new();
    for hit in hits {
        let Some(entry) = index.entry(hit.entry) else {
            continue;
        };
        if chain
            .as_ref()
            .is_some_and(|chain| !chain.contains(&entry.region))
        {
            continue;
        }
        let Some(defined) = report.set.region(&entry.region) else {
            continue;
        };
        let Some(statement) = defined.statements.iter().find(|s| s.key() == entry.key) else {
            continue;
        };
        found.push(SearchRecord {
            id: statement.key(),
            region: defined.id(),
            region_name: defined.name(),
            topic: statement.topic,
            text: &statement.text,
            confidence: statement.confidence,
        });
    }
    let output = match format {
        ShowFormat::Json => match pretty_json(&found) {
            Ok(json) => json,
            Err(code) => return code,
        },
        ShowFormat::Text if found.is_empty() => format!(
            "没有找到“{query}”。可以换个说法，或用拼音（如 yinhang）、首字母（如 gj）、文号（如 43号）再找。"
        ),
        ShowFormat::Text => {
            let mut out = format!("找到 {} 条（今天有效的规定）：\n", found.len());
            let mut group = None;
            for record in &found {
                if group != Some((record.region, record.topic)) {
                    group = Some((record.region, record.topic));
                    out.push_str(&format!(
                        "\n## {} · {}\n",
                        record.region_name,
                        record.topic.label()
                    ));
                }
                out.push_str(&format!(
                    "[{}] {}\n  {}\n",
                    record.confidence.label(),
                    record.id,
                    record.text
                ));
            }
            out
        }
    };
    let mut stdout = std::io::stdout().lock();
    print_line(&mut stdout, &output);
    ExitCode::SUCCESS
}

fn show_text(path: &str, version: &str, records: &[StatementRecord]) -> String {
    let mut out = format!(
        "{path}（政策数据版本 {version}，仅供参考，以当地医保部门最新规定为准；医保服务热线 12393，手机拨打加区号）\n"
    );
    let mut current_topic = None;
    for record in records {
        if current_topic != Some(record.topic) {
            current_topic = Some(record.topic);
            out.push_str(&format!("\n## {}\n", record.topic_label));
        }
        out.push_str(&format!(
            "\n[{}] {}（{}）\n  {}\n",
            record.confidence_label, record.id, record.region_name, record.text
        ));
        if let Some(correction) = &record.correction {
            out.push_str(&format!(
                "  {}：{correction}\n",
                record.confidence.note_heading()
            ));
        }
        for source in &record.sources {
            out.push_str(&format!("  来源：{}\n", source.source.citation()));
        }
        out.push_str(&format!("  核实日期：{}\n", record.verified_on));
    }
    out
}

/// The region a `--region` names (an id, or a Chinese name with or without 市/省, anywhere in
/// China): its own rules, or its nearest ancestor's, said on standard error so the output
/// stays as it is (DOMAIN.md: `data_from`). `None`: no such place (said on standard error).
fn region_arg(set: &policy::PolicySet, wanted: &str) -> Option<String> {
    match policy::tree::place_rules(set, wanted) {
        Some(rules) => {
            if let Some(note) = rules.fallback_note() {
                eprintln!("{note}");
            }
            // The place itself: it inherits its ancestors' rules, and its own province still
            // tells "same province" from "another" for a binding.
            Some(rules.asked)
        }
        None => {
            eprintln!(
                "unknown region \"{wanted}\" (a region id such as nanjing, or a Chinese name such as 南京 or 南京市; `yibao policies regions` lists them)"
            );
            None
        }
    }
}

/// One region of the tree as `policies regions` lists it.
#[derive(serde::Serialize)]
struct RegionRecord {
    id: String,
    name: String,
    code: Option<String>,
    parent: Option<String>,
    has_data: bool,
    data_from: String,
}

/// `yibao policies regions`: the whole tree, with where each region's rules come from.
fn regions(cli: &Cli, format: ShowFormat) -> ExitCode {
    let report = policy::load_with_folders(&policy_folders(cli.policies.as_ref()));
    warn_about_skipped(&report);
    let set = &report.set;
    let tree = policy::tree::RegionTree::shipped();
    let mut records: Vec<RegionRecord> = Vec::new();
    let mut push = |id: &str, name: &str, code: Option<String>, parent: Option<String>| {
        let data_from = policy::tree::place_rules(set, id)
            .map_or_else(|| policy::ROOT_REGION.to_owned(), |r| r.data_from);
        records.push(RegionRecord {
            id: id.to_owned(),
            name: name.to_owned(),
            code,
            parent,
            has_data: set.region(id).is_some_and(policy::Region::has_own_file),
            data_from,
        });
    };
    if let Some(root) = set.region(policy::ROOT_REGION) {
        push(root.id(), root.name(), None, None);
    }
    for place in tree.places() {
        push(
            &place.id,
            &place.name,
            Some(place.code.clone()),
            Some(place.parent.clone()),
        );
    }
    // Regions a user's own files add outside the tree.
    for region in set.regions_in_tree_order() {
        if region.id() != policy::ROOT_REGION && tree.get(region.id()).is_none() {
            push(
                region.id(),
                region.name(),
                None,
                region.parent().map(str::to_owned),
            );
        }
    }
    let output = match format {
        ShowFormat::Json => match pretty_json(&records) {
            Ok(json) => json,
            Err(code) => return code,
        },
        ShowFormat::Text => {
            let with_data = records.iter().filter(|r| r.has_data).count();
            let mut out = format!(
                "{} 个地区，其中 {} 个有自己的政策数据；其余使用上级地区的规定（data_from）。\n",
                records.len(),
                with_data
            );
            for record in &records {
                let indent = match record.parent.as_deref() {
                    None => "",
                    Some(parent) if parent == policy::ROOT_REGION => "  ",
                    Some(_) => "    ",
                };
                let data = if record.has_data {
                    "有数据".to_owned()
                } else {
                    format!("用 {} 的规定", record.data_from)
                };
                out.push_str(&format!(
                    "{indent}{} {} {} （{data}）\n",
                    record.code.as_deref().unwrap_or("------"),
                    record.id,
                    record.name
                ));
            }
            out
        }
    };
    let mut stdout = std::io::stdout().lock();
    print_line(&mut stdout, output.trim_end());
    ExitCode::SUCCESS
}

/// `value` as pretty JSON, or the exit code after saying why it could not be written.
fn pretty_json(value: &impl serde::Serialize) -> Result<String, ExitCode> {
    serde_json::to_string_pretty(value).map_err(|error| {
        eprintln!("cannot write JSON: {error}");
        ExitCode::from(1)
    })
}

/// Writes a line of results to standard output. A closed pipe (`| head`) is the reader's
/// choice and ends the output quietly; any other failure is said on standard error.
fn print_line(stdout: &mut impl std::io::Write, text: &str) {
    if let Err(error) = writeln!(stdout, "{text}")
        && error.kind() != std::io::ErrorKind::BrokenPipe
    {
        eprintln!("无法输出结果：{error}");
    }
}
