//! The one document every export format renders: a checklist (a questionnaire's or a
//! family's) becomes a title, parts that each start a printed page (a head saying who, where,
//! what, when and the verdict, then sections of blocks), numbered sources and a list number.
//!
//! The order of the sections and every word of their headings and labels live here, so the
//! Markdown, text, CSV, HTML and PDF renderers cannot drift apart: they only lay blocks out.
//! The order is a handout's: what to bring first, where to go, the steps, why, the notices,
//! the cases that do not apply in one line each, room for notes, and the sources last.

use std::collections::HashMap;

use crate::checklist::{CaseResult, Checklist};
use crate::domain::Verdict;
use crate::policy::{Material, Reason};

/// A checklist as a document.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    /// "个人账户一次性支取办理清单".
    pub title: String,
    /// Each part starts a printed page: one for a questionnaire, one per person (and one for
    /// what they share) for a family.
    pub parts: Vec<Part>,
    /// The fingerprint, printed as 清单编号 in every page's footer.
    pub list_number: String,
    /// When the list was made.
    pub generated_on: chrono::NaiveDate,
    /// The disclaimer and the hotline, at the foot of every page.
    pub footer_note: String,
}

/// What starts a printed page and what follows it.
#[derive(Debug, Clone, PartialEq)]
pub struct Part {
    pub head: Option<Head>,
    pub sections: Vec<Section>,
}

/// The top of a page: who, where, what, when, and the verdict in one line.
#[derive(Debug, Clone, PartialEq)]
pub struct Head {
    /// The errand of this page when a list has several ("为父母 李** 办理绑定").
    pub subtitle: Option<String>,
    /// Whom the list is for (masked unless the user asked), or `None`: a line to write a name
    /// in.
    pub who: Option<String>,
    /// Further lines: (label, value).
    pub facts: Vec<(String, String)>,
    /// The verdict in one line: "符合——参保人去世，继承人支取余额".
    pub conclusion: String,
}

impl Head {
    /// "为谁办：王**", or a line to write the name in.
    pub fn who_line(&self) -> String {
        format!("为谁办：{}", self.who.as_deref().unwrap_or(WRITE_IN_NAME))
    }

    /// "结论：符合——…".
    pub fn conclusion_line(&self) -> String {
        format!("结论：{}", self.conclusion)
    }
}

/// The blank a name is written on by hand.
pub const WRITE_IN_NAME: &str = "＿＿＿＿＿＿＿＿＿＿（请填写姓名）";

/// What a section holds, for the formats that mark it (CSV's category, HTML's class, the
/// PDF's type size).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SectionKind {
    /// Read this before anything else (what giving up costs a retiree).
    ReadFirst,
    Materials,
    Office,
    Steps,
    Reasons,
    Pending,
    OtherCases,
    BalanceCan,
    Notices,
    Answers,
    People,
    Notes,
    Sources,
}

impl SectionKind {
    /// The class name in HTML.
    pub fn id(self) -> &'static str {
        match self {
            SectionKind::ReadFirst => "read-first",
            SectionKind::Materials => "materials",
            SectionKind::Office => "office",
            SectionKind::Steps => "steps",
            SectionKind::Reasons => "reasons",
            SectionKind::Pending => "pending",
            SectionKind::OtherCases => "other-cases",
            SectionKind::BalanceCan => "balance-can",
            SectionKind::Notices => "notices",
            SectionKind::Answers => "answers",
            SectionKind::People => "people",
            SectionKind::Notes => "notes",
            SectionKind::Sources => "sources",
        }
    }

    /// How much a section's text matters on a printed page: what to bring, where to go and
    /// what to do are printed largest; why and what to watch out for a little smaller; the
    /// sources small.
    pub fn type_size(self) -> TypeSize {
        match self {
            SectionKind::ReadFirst
            | SectionKind::Materials
            | SectionKind::Office
            | SectionKind::Steps
            | SectionKind::Notes => TypeSize::Body,
            SectionKind::Pending
            | SectionKind::Reasons
            | SectionKind::OtherCases
            | SectionKind::BalanceCan
            | SectionKind::Notices
            | SectionKind::Answers
            | SectionKind::People => TypeSize::Secondary,
            SectionKind::Sources => TypeSize::Small,
        }
    }
}

/// The size a section is printed at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TypeSize {
    /// 12 pt: what to bring and do.
    Body,
    /// 10.5 pt (五号, the usual size of printed Chinese): why, and what to watch out for.
    Secondary,
    /// 7.5 pt: the sources.
    Small,
}

/// A heading and its blocks.
#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    pub kind: SectionKind,
    pub heading: String,
    pub blocks: Vec<Block>,
}

/// Text with the numbers of the sources it rests on.
#[derive(Debug, Clone, PartialEq)]
pub struct Cited {
    pub text: String,
    pub sources: Vec<usize>,
}

impl Cited {
    fn plain(text: impl Into<String>) -> Self {
        Cited {
            text: text.into(),
            sources: Vec::new(),
        }
    }

    /// The text with the numbers of its sources in 资料来源: "…为准。［1、3］".
    pub fn with_sources(&self) -> String {
        if self.sources.is_empty() {
            return self.text.clone();
        }
        let numbers: Vec<String> = self.sources.iter().map(ToString::to_string).collect();
        format!("{}［{}］", self.text, numbers.join("、"))
    }
}

/// One block of a section.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// Which case the following blocks belong to, when a section covers several.
    Subheading(String),
    Paragraph(Cited),
    /// Read before going ahead.
    Caution(Cited),
    /// A thing to bring, with a box to tick.
    Tick {
        text: String,
        ticked: bool,
    },
    /// A numbered step, with a box to tick.
    Step {
        number: usize,
        text: String,
        ticked: bool,
    },
    /// "label：value".
    Field {
        label: String,
        value: String,
    },
    /// Ruled lines to write on.
    WritingLines(usize),
    /// A numbered source in the sources section.
    Source {
        number: usize,
        citation: String,
    },
}

impl Block {
    /// The block as one line of plain text (without a tick box or a step number).
    pub fn plain_text(&self) -> String {
        match self {
            Block::Subheading(text) | Block::Tick { text, .. } | Block::Step { text, .. } => {
                text.clone()
            }
            Block::Paragraph(cited) => cited.with_sources(),
            Block::Caution(cited) => format!("请先看：{}", cited.with_sources()),
            Block::Field { label, value } => format!("{label}：{value}"),
            Block::WritingLines(_) => String::new(),
            Block::Source { number, citation } => format!("{number}. {citation}"),
        }
    }
}

/// The disclaimer and the national hotline, at the foot of every page (FACTS.md: 12393 is the
/// national medical-insurance hotline; from a mobile phone 区号 + 12393).
pub const FOOTER_NOTE: &str = "仅供参考，以当地医保部门最新规定为准；官方办理不收费。全国医疗保障服务热线 12393（手机拨打：区号+12393）。";

/// The national hotline (FACTS.md: 12393 is the national medical-insurance hotline; from a
/// mobile phone 区号 + 12393), as the office section names it.
const HOTLINE_NAMED: &str = "全国医疗保障服务热线；手机拨打：区号+12393";

/// How the hotline is dialled.
const HOTLINE_DIAL: &str = "12393（手机拨打：区号+12393）";

/// How many ruled lines the notes get.
const NOTE_LINES: usize = 2;

/// The document of `checklist`. `who` names a questionnaire's person (masked, or a label the
/// user typed); a family's list names its people itself.
pub fn document(checklist: &Checklist, who: Option<&str>) -> Document {
    let mut sources = Citations::default();
    let family = checklist.cases.iter().any(|case| case.person.is_some());
    let parts = if family {
        family_parts(checklist, &mut sources)
    } else {
        vec![questionnaire_part(checklist, who, &mut sources)]
    };
    let mut document = Document {
        title: format!("{}办理清单", checklist.procedure_label),
        parts,
        list_number: checklist.fingerprint.clone(),
        generated_on: checklist.generated_on,
        footer_note: FOOTER_NOTE.to_owned(),
    };
    let about = about(checklist);
    if let Some(last) = document.parts.last_mut() {
        last.sections.push(Section {
            kind: SectionKind::Notes,
            heading: "备注".to_owned(),
            blocks: vec![Block::WritingLines(NOTE_LINES)],
        });
        let mut blocks = sources.blocks();
        blocks.push(Block::Paragraph(Cited::plain(about)));
        last.sections.push(Section {
            kind: SectionKind::Sources,
            heading: "资料来源与清单编号".to_owned(),
            blocks,
        });
    }
    document
}

/// The line that explains the list number, once.
fn about(checklist: &Checklist) -> String {
    format!(
        "清单编号 {}：同样的事项、地区、回答和政策数据（{} 版）得到同样的编号，可用来核对两份清单是否一致；本清单生成于 {}。",
        checklist.fingerprint,
        checklist.policy_version,
        checklist.generated_on.format("%Y-%m-%d")
    )
}

/// Numbers sources in the order they are first cited.
#[derive(Default)]
struct Citations {
    numbers: HashMap<String, usize>,
    lines: Vec<String>,
}

impl Citations {
    fn cite(&mut self, reason: &Reason) -> Cited {
        Cited {
            text: reason.text.clone(),
            sources: self.cite_records(&reason.sources),
        }
    }

    /// The numbers of `records`, numbering those not cited before.
    fn cite_records(&mut self, records: &[crate::policy::SourceRecord]) -> Vec<usize> {
        let mut numbers = Vec::new();
        for record in records {
            let next = self.lines.len() + 1;
            let number = *self.numbers.entry(record.id.clone()).or_insert_with(|| {
                let mut line = record.source.citation();
                if let Some(url) = &record.source.url {
                    line.push_str(&format!("，{url}"));
                }
                self.lines.push(line);
                next
            });
            if !numbers.contains(&number) {
                numbers.push(number);
            }
        }
        numbers
    }

    fn blocks(&self) -> Vec<Block> {
        self.lines
            .iter()
            .enumerate()
            .map(|(i, citation)| Block::Source {
                number: i + 1,
                citation: citation.clone(),
            })
            .collect()
    }
}

/// The verdict as the head says it.
fn verdict_words(verdict: Verdict) -> &'static str {
    match verdict {
        Verdict::Eligible => "符合",
        Verdict::ConfirmLocally => "需向当地医保经办机构确认",
        Verdict::NotEligible => "不符合",
    }
}

/// The facts every head carries.
fn head_facts(checklist: &Checklist) -> Vec<(String, String)> {
    vec![
        ("地区".to_owned(), checklist.region_name.clone()),
        (
            "日期".to_owned(),
            checklist.generated_on.format("%Y-%m-%d").to_string(),
        ),
    ]
}

/// A questionnaire's list: one part.
fn questionnaire_part(checklist: &Checklist, who: Option<&str>, sources: &mut Citations) -> Part {
    let actionable: Vec<&CaseResult> = checklist.actionable().collect();
    let pending: Vec<&CaseResult> = checklist.pending().collect();
    let conclusion = match actionable.as_slice() {
        [one] => format!("{}——{}", verdict_words(one.verdict), one.title),
        [] if pending.is_empty() => "按您的回答，没有可以办理的情形".to_owned(),
        [] => format!(
            "还不能判断：有 {} 种情形要先回答问题（见下文）",
            pending.len()
        ),
        several => format!(
            "有 {} 种情形可以办：{}",
            several.len(),
            several
                .iter()
                .map(|case| format!("{}（{}）", case.title, verdict_words(case.verdict)))
                .collect::<Vec<_>>()
                .join("；")
        ),
    };
    let mut facts = head_facts(checklist);
    facts.push(("按您的回答".to_owned(), answers_line(checklist)));
    let head = Head {
        subtitle: None,
        who: who
            .map(str::trim)
            .filter(|w| !w.is_empty())
            .map(str::to_owned),
        facts,
        conclusion,
    };
    let mut sections = fallback_section(checklist);
    sections.extend(case_sections(checklist, &actionable, sources));
    push_nonempty(
        &mut sections,
        SectionKind::Pending,
        "还要回答问题才能判断的情形",
        pending_blocks(&actionable, &pending),
    );
    let listed: Vec<&CaseResult> = checklist
        .rejected()
        .filter(|case| listed_alone(checklist, case))
        .collect();
    push_nonempty(
        &mut sections,
        SectionKind::OtherCases,
        "不适用的情形",
        other_cases(&listed),
    );
    // What the balance can do instead is the news when nothing can be done; beside a case to
    // act on it would crowd the page (the window shows it).
    if actionable.is_empty() {
        push_nonempty(
            &mut sections,
            SectionKind::BalanceCan,
            "余额还可以这样用",
            checklist
                .balance_can
                .iter()
                .map(|reason| Block::Paragraph(sources.cite(reason)))
                .collect(),
        );
    }
    push_nonempty(
        &mut sections,
        SectionKind::Notices,
        "注意",
        checklist
            .warnings
            .iter()
            .map(|warning| Block::Paragraph(sources.cite(warning)))
            .collect(),
    );
    push_nonempty(
        &mut sections,
        SectionKind::Answers,
        "没有用上的回答",
        ignored_blocks(checklist),
    );
    Part {
        head: Some(head),
        sections,
    }
}

/// For a place without rules of its own: first of all, whose rules these are.
fn fallback_section(checklist: &Checklist) -> Vec<Section> {
    checklist
        .fallback_note
        .iter()
        .map(|note| Section {
            kind: SectionKind::ReadFirst,
            heading: "请先看".to_owned(),
            blocks: vec![Block::Caution(Cited::plain(note.to_string()))],
        })
        .collect()
}

/// A family's list: a part per person, then one for what they share.
fn family_parts(checklist: &Checklist, sources: &mut Citations) -> Vec<Part> {
    let holder = checklist.people.first().cloned().unwrap_or_default();
    let mut parts: Vec<Part> = checklist
        .cases
        .iter()
        .map(|case| {
            let mut facts = vec![("参保人".to_owned(), holder_name(&holder))];
            facts.extend(head_facts(checklist));
            let head = Head {
                subtitle: Some(case.title.clone()),
                who: case.person.clone(),
                facts,
                conclusion: format!("{}——{}", verdict_words(case.verdict), case.summary),
            };
            let mut sections = fallback_section(checklist);
            sections.extend(if case.verdict == Verdict::NotEligible {
                let mut sections = Vec::new();
                push_nonempty(
                    &mut sections,
                    SectionKind::Reasons,
                    "为什么这样判断",
                    reason_blocks(case, sources),
                );
                sections
            } else {
                case_sections(checklist, &[case], sources)
            });
            Part {
                head: Some(head),
                sections,
            }
        })
        .collect();
    let mut shared = Vec::new();
    push_nonempty(
        &mut shared,
        SectionKind::People,
        "家庭成员",
        checklist
            .people
            .iter()
            .map(|person| Block::Paragraph(Cited::plain(person.clone())))
            .collect(),
    );
    push_nonempty(
        &mut shared,
        SectionKind::Notices,
        "注意",
        checklist
            .warnings
            .iter()
            .map(|warning| Block::Paragraph(sources.cite(warning)))
            .collect(),
    );
    parts.push(Part {
        head: None,
        sections: shared,
    });
    parts
}

/// "参保人：王**（身份证 …）" → "王**（身份证 …）".
fn holder_name(line: &str) -> String {
    line.split_once('：')
        .map_or(line, |(_, name)| name)
        .to_owned()
}

fn push_nonempty(
    sections: &mut Vec<Section>,
    kind: SectionKind,
    heading: &str,
    blocks: Vec<Block>,
) {
    if !blocks.is_empty() {
        sections.push(Section {
            kind,
            heading: heading.to_owned(),
            blocks,
        });
    }
}

/// The sections of the cases to act on: read first, materials, where, steps, why.
fn case_sections(
    checklist: &Checklist,
    cases: &[&CaseResult],
    sources: &mut Citations,
) -> Vec<Section> {
    let several = cases.len() > 1;
    let subheading = |case: &CaseResult| {
        Block::Subheading(format!("{}：{}", verdict_words(case.verdict), case.title))
    };
    let mut sections = Vec::new();
    let read_first: Vec<Block> = cases
        .iter()
        .flat_map(|case| case.cautions.iter())
        .map(|caution| Block::Caution(sources.cite(caution)))
        .collect();
    push_nonempty(&mut sections, SectionKind::ReadFirst, "请先看", read_first);
    let mut materials = Vec::new();
    for case in cases.iter().filter(|case| !case.materials.is_empty()) {
        if several {
            materials.push(subheading(case));
        }
        materials.extend(
            case.materials
                .iter()
                .enumerate()
                .map(|(i, material)| Block::Tick {
                    text: material_line(material),
                    ticked: checklist.material_ticked(case, i),
                }),
        );
    }
    push_nonempty(
        &mut sections,
        SectionKind::Materials,
        "要带的材料",
        materials,
    );
    if !cases.is_empty() {
        sections.push(Section {
            kind: SectionKind::Office,
            heading: "去哪里办".to_owned(),
            blocks: office_blocks(checklist, sources),
        });
    }
    let mut steps = Vec::new();
    for case in cases.iter().filter(|case| !case.steps.is_empty()) {
        if several {
            steps.push(subheading(case));
        }
        steps.extend(case.steps.iter().enumerate().map(|(i, step)| Block::Step {
            number: i + 1,
            text: step.clone(),
            ticked: checklist.step_ticked(case, i),
        }));
    }
    push_nonempty(&mut sections, SectionKind::Steps, "办理步骤", steps);
    let mut reasons = Vec::new();
    for case in cases {
        if several {
            reasons.push(subheading(case));
        }
        reasons.extend(reason_blocks(case, sources));
    }
    push_nonempty(
        &mut sections,
        SectionKind::Reasons,
        "为什么这样判断",
        reasons,
    );
    sections
}

/// Why a case has its verdict, what would change it, who may apply, how long, what it costs.
fn reason_blocks(case: &CaseResult, sources: &mut Citations) -> Vec<Block> {
    let mut blocks: Vec<Block> = case
        .reasons
        .iter()
        .map(|reason| Block::Paragraph(sources.cite(reason)))
        .collect();
    blocks.extend(case.what_would_change.iter().map(|change| Block::Field {
        label: "还需要".to_owned(),
        value: change.to_string(),
    }));
    if let Some(applicants) = &case.applicants {
        blocks.push(Block::Field {
            label: "谁可以办".to_owned(),
            value: applicants.clone(),
        });
    }
    if let Some(time_limit) = &case.time_limit {
        blocks.push(Block::Field {
            label: "办理时限".to_owned(),
            value: time_limit.clone(),
        });
    }
    // Every page's foot says that official handling is free; a fee is printed only when the
    // data says something else.
    let free = crate::text::Say::Free.text(crate::text::Lang::Zh);
    if let Some(fee) = case.fee.as_ref().filter(|fee| **fee != free)
        && case.verdict != Verdict::NotEligible
    {
        blocks.push(Block::Field {
            label: "费用".to_owned(),
            value: fee.clone(),
        });
    }
    blocks
}

/// Where to go: the region's service office (no address is printed that no source shows),
/// and the national hotline.
fn office_blocks(checklist: &Checklist, sources: &mut Citations) -> Vec<Block> {
    let Some(record) = &checklist.office else {
        return vec![Block::Paragraph(Cited::plain(format!(
            "参保地（{}）医保经办机构的服务窗口。本清单没有收录窗口的地址和办公时间，去之前先打 12393 问清楚（{HOTLINE_NAMED}）。",
            checklist.region_name
        )))];
    };
    let office = &record.office;
    let cited = sources.cite_records(&record.sources);
    let mut blocks = vec![Block::Paragraph(Cited {
        text: office.name.clone(),
        sources: cited,
    })];
    let fields = [
        ("地址", office.address.clone()),
        ("电话", office.phone.clone()),
        ("办公时间", office.hours.clone()),
        (
            "网上办理",
            Some(office.online.join("、")).filter(|online| !online.is_empty()),
        ),
    ];
    blocks.extend(fields.into_iter().filter_map(|(label, value)| {
        value.map(|value| Block::Field {
            label: label.to_owned(),
            value,
        })
    }));
    blocks.push(Block::Field {
        label: "全国医疗保障服务热线".to_owned(),
        value: HOTLINE_DIAL.to_owned(),
    });
    blocks
}

/// Cases that need more answers: each with its questions when nothing can be done yet; in one
/// line beside a case that can (the questions are in the window).
fn pending_blocks(actionable: &[&CaseResult], pending: &[&CaseResult]) -> Vec<Block> {
    if pending.is_empty() {
        return Vec::new();
    }
    if actionable.is_empty() {
        return pending
            .iter()
            .map(|case| {
                Block::Paragraph(Cited::plain(format!(
                    "{}：请回答“{}”",
                    case.title,
                    case.pending_questions.join("”“")
                )))
            })
            .collect();
    }
    let titles: Vec<&str> = pending.iter().map(|case| case.title.as_str()).collect();
    vec![Block::Paragraph(Cited::plain(format!(
        "还有 {} 种情形要先回答问题才能判断：{}。回答后重新生成清单即可。",
        pending.len(),
        titles.join("；")
    )))]
}

/// Whether a case was ruled out by the answers alone (no reason of its own).
fn ruled_out_by_answers(case: &CaseResult) -> bool {
    matches!(
        case.summary_said,
        Some(crate::text::Say::NotApplicableAfterAnswers)
    )
}

/// Whether a case that does not apply gets a line of its own: when it has a reason of its own
/// and nothing else applies (then why not is the news). Otherwise it is counted in the head,
/// so the page stays about what can be done.
fn listed_alone(checklist: &Checklist, case: &CaseResult) -> bool {
    !ruled_out_by_answers(case) && checklist.actionable().next().is_none()
}

/// Cases that do not apply, one line each, with the correction of what is said online about
/// them (the 74 serious illnesses).
fn other_cases(listed: &[&CaseResult]) -> Vec<Block> {
    let mut blocks: Vec<Block> = Vec::new();
    for case in listed {
        blocks.push(Block::Paragraph(Cited::plain(format!(
            "{}：{}",
            case.title, case.summary
        ))));
        if let Some(correction) = &case.correction {
            blocks.push(Block::Paragraph(Cited::plain(format!(
                "网上说法的更正：{correction}"
            ))));
        }
    }
    blocks
}

/// A value as the questionnaire shows it.
fn value_label(fact: crate::domain::Fact, value: &str) -> String {
    fact.values()
        .iter()
        .find(|(id, _)| *id == value)
        .map_or(value, |(_, label)| label)
        .to_owned()
}

/// The answers the list was made from, in one line, and how many cases they rule out.
fn answers_line(checklist: &Checklist) -> String {
    let given: Vec<String> = checklist
        .answers
        .iter()
        .map(|(fact, value)| format!("{}：{}", fact.label(), value_label(*fact, value)))
        .collect();
    let mut line = if given.is_empty() {
        "还没有回答问题".to_owned()
    } else {
        given.join("；")
    };
    let counted = checklist
        .rejected()
        .filter(|case| !listed_alone(checklist, case))
        .count();
    if counted > 0 {
        line.push_str(&format!("（另有 {counted} 种情形不适用）"));
    }
    line
}

/// Answers given that do not count, each with the reason.
fn ignored_blocks(checklist: &Checklist) -> Vec<Block> {
    checklist
        .ignored_answers
        .iter()
        .map(|ignored| {
            Block::Paragraph(Cited::plain(format!(
                "{}：{}。{}",
                ignored.fact.label(),
                value_label(ignored.fact, &ignored.value),
                ignored.reason
            )))
        })
        .collect()
}

/// A material with what may replace it, a note and where to get it.
fn material_line(material: &Material) -> String {
    let mut line = material.item.clone();
    if !material.alternatives.is_empty() {
        line.push_str(&format!("（可用：{}）", material.alternatives.join("、")));
    }
    if let Some(note) = &material.note {
        line.push_str(&format!("；{}", note.trim_end_matches('。')));
    }
    if let Some(place) = &material.obtain_at {
        line.push_str(&format!("；在哪里办：{place}"));
    }
    line
}
