//! Checklists exported to files people print and carry to the service window: Markdown, plain
//! text, CSV (UTF-8 with BOM for Excel), self-contained HTML (A4 print styles), JSON and PDF
//! (A4, CJK font embedded and subset).
//!
//! The text renderers append to a `String` with `put!`/`putln!` (`format!` then `push_str`),
//! which cannot fail, so no write result is ever dropped.
//!
//! Over 600 lines: four renderers walk the checklist each in its own way; issue 13 replaces
//! them with one document and small renderers.

mod pdf;

/// Appends formatted text to a `String`.
macro_rules! put {
    ($out:expr, $($arg:tt)*) => {
        $out.push_str(&format!($($arg)*))
    };
}

/// Appends formatted text and a line break to a `String`.
macro_rules! putln {
    ($out:expr, $($arg:tt)*) => {{
        $out.push_str(&format!($($arg)*));
        $out.push('\n');
    }};
}

use crate::checklist::{CaseResult, Checklist};
use crate::domain::Verdict;
use crate::policy::Reason;

/// A file format for a checklist.
#[derive(Debug, Clone, Copy, PartialEq, Eq, strum::VariantArray)]
pub enum ExportFormat {
    Markdown,
    Text,
    Csv,
    Html,
    Json,
    Pdf,
}

impl ExportFormat {
    pub const ALL: &'static [ExportFormat] = <ExportFormat as strum::VariantArray>::VARIANTS;

    /// The file extension (and CLI name: md, txt, csv, html, json).
    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::Markdown => "md",
            ExportFormat::Text => "txt",
            ExportFormat::Csv => "csv",
            ExportFormat::Html => "html",
            ExportFormat::Json => "json",
            ExportFormat::Pdf => "pdf",
        }
    }

    /// What to call it in the window.
    pub fn label(self) -> &'static str {
        match self {
            ExportFormat::Markdown => "Markdown (.md)",
            ExportFormat::Text => "纯文本 (.txt)",
            ExportFormat::Csv => "表格 CSV (.csv)",
            ExportFormat::Html => "网页 HTML (.html)",
            ExportFormat::Json => "JSON (.json)",
            ExportFormat::Pdf => "PDF (.pdf)",
        }
    }

    /// The format a file name asks for, by its extension.
    pub fn from_extension(name: &str) -> Option<Self> {
        let extension = std::path::Path::new(name)
            .extension()?
            .to_string_lossy()
            .to_ascii_lowercase();
        ExportFormat::ALL.iter().copied().find(|f| {
            f.extension() == extension
                || (extension == "markdown" && *f == ExportFormat::Markdown)
                || (extension == "htm" && *f == ExportFormat::Html)
        })
    }
}

/// Why a checklist could not be rendered. Nothing is written when rendering fails.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ExportError {
    #[error("内置的中文字体无法读取，不能生成 PDF；请改用其他格式导出")]
    Font,
    #[error("生成 {format} 时出错：{detail}")]
    Encode {
        format: &'static str,
        detail: String,
    },
}

/// Renders a checklist in a format.
pub fn render(checklist: &Checklist, format: ExportFormat) -> Result<Vec<u8>, ExportError> {
    Ok(match format {
        ExportFormat::Markdown => markdown(checklist).into_bytes(),
        ExportFormat::Text => text(checklist).into_bytes(),
        ExportFormat::Csv => csv_bytes(checklist)?,
        ExportFormat::Html => html(checklist).into_bytes(),
        ExportFormat::Json => serde_json::to_string_pretty(checklist)
            .map_err(|error| ExportError::Encode {
                format: "JSON",
                detail: error.to_string(),
            })?
            .into_bytes(),
        ExportFormat::Pdf => pdf::pdf(checklist, &lines(checklist))?,
    })
}

/// The short name of a procedure's list in file names (`提取清单`).
fn list_name(procedure: crate::domain::Procedure) -> &'static str {
    match procedure {
        crate::domain::Procedure::Withdrawal => "提取清单",
        crate::domain::Procedure::Transfer => "转移接续清单",
        crate::domain::Procedure::Binding => "家庭共济绑定清单",
    }
}

/// A name fit for a file on every system: characters Windows forbids (`\ / : * ? " < > |`)
/// and control characters become `_`, surrounding spaces and dots go, at most 40 characters.
pub fn file_name_part(text: &str) -> String {
    let cleaned: String = text
        .chars()
        .map(|c| {
            if matches!(c, '\\' | '/' | ':' | '*' | '?' | '"' | '<' | '>' | '|') || c.is_control() {
                '_'
            } else {
                c
            }
        })
        .take(40)
        .collect();
    cleaned.trim().trim_matches('.').trim().to_owned()
}

/// `提取清单-王某-合肥市-20261130.pdf`: the list, who it is for (already masked or a label
/// the user typed; left out when empty), the region and the date (DOMAIN.md).
pub fn file_name(checklist: &Checklist, who: Option<&str>, format: ExportFormat) -> String {
    let who = who
        .map(file_name_part)
        .filter(|w| !w.is_empty())
        .map_or_else(String::new, |w| format!("{w}-"));
    format!(
        "{}-{who}{}-{}.{}",
        list_name(checklist.procedure),
        file_name_part(&checklist.region_name),
        checklist.generated_on.format("%Y%m%d"),
        format.extension()
    )
}

pub use crate::store::unused_path;

/// `[x]` or `[ ]`.
fn mark(ticked: bool) -> &'static str {
    if ticked { "[x]" } else { "[ ]" }
}

/// A line of a laid-out checklist (for PDF).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Line {
    Title,
    Heading,
    Body,
    /// A line with a check box to tick, and whether it is ticked.
    Check(bool),
    Small,
}

/// The checklist as typed lines, in reading order.
fn lines(checklist: &Checklist) -> Vec<(Line, String)> {
    let mut out = vec![
        (Line::Title, title(checklist)),
        (Line::Small, DISCLAIMER.to_owned()),
    ];
    let (heading, intro) = intro(checklist);
    out.push((Line::Heading, heading.to_owned()));
    out.extend(intro.into_iter().map(|a| (Line::Body, a)));
    for case in checklist.actionable() {
        out.push((
            Line::Heading,
            format!("{}：{}", verdict_mark(case.verdict), case.title),
        ));
        for caution in &case.cautions {
            out.push((Line::Body, format!("请先看：{}", caution.text)));
        }
        for reason in &case.reasons {
            out.push((Line::Body, reason.text.clone()));
            if !reason.sources.is_empty() {
                out.push((Line::Small, format!("来源：{}", sources_of(reason))));
            }
        }
        for change in &case.what_would_change {
            out.push((Line::Body, format!("还需要：{change}")));
        }
        if let Some(applicants) = &case.applicants {
            out.push((Line::Body, format!("谁可以办：{applicants}")));
        }
        if let Some(time_limit) = &case.time_limit {
            out.push((Line::Body, format!("办理时限：{time_limit}")));
        }
        out.push((
            Line::Body,
            format!("费用：{}", case.fee.as_deref().unwrap_or("不收费")),
        ));
        if !case.materials.is_empty() {
            out.push((Line::Body, "要带的材料：".to_owned()));
            out.extend(case.materials.iter().enumerate().map(|(i, m)| {
                let ticked = checklist.material_ticked(case, i);
                (Line::Check(ticked), material_line(m))
            }));
        }
        if !case.steps.is_empty() {
            out.push((Line::Body, "办理步骤：".to_owned()));
            out.extend(case.steps.iter().enumerate().map(|(i, step)| {
                let ticked = checklist.step_ticked(case, i);
                (Line::Check(ticked), format!("{}. {step}", i + 1))
            }));
        }
    }
    let pending: Vec<&CaseResult> = checklist.pending().collect();
    if !pending.is_empty() {
        out.push((Line::Heading, "还要回答问题才能判断的情形".to_owned()));
        for case in pending {
            out.push((
                Line::Body,
                format!(
                    "{}：请回答“{}”",
                    case.title,
                    case.pending_questions.join("”“")
                ),
            ));
        }
    }
    let rejected: Vec<&CaseResult> = checklist.rejected().collect();
    if !rejected.is_empty() {
        out.push((Line::Heading, "不符合的情形".to_owned()));
        for case in rejected {
            out.push((Line::Body, format!("{}：{}", case.title, case.summary)));
            if let Some(correction) = &case.correction {
                out.push((Line::Small, format!("更正：{correction}")));
            }
        }
    }
    if !checklist.balance_can.is_empty() {
        out.push((Line::Heading, "余额还可以这样用".to_owned()));
        out.extend(
            checklist
                .balance_can
                .iter()
                .map(|r| (Line::Body, r.text.clone())),
        );
    }
    out.push((Line::Heading, "注意".to_owned()));
    out.extend(
        checklist
            .warnings
            .iter()
            .map(|w| (Line::Body, w.text.clone())),
    );
    out.push((Line::Small, footer(checklist)));
    out
}

const DISCLAIMER: &str =
    "仅供参考，以当地医保部门最新规定为准。官方办理不收费。医保服务热线 12393（手机拨打加区号）。";

fn title(checklist: &Checklist) -> String {
    format!(
        "{}办理清单 · {}",
        checklist.procedure_label, checklist.region_name
    )
}

fn footer(checklist: &Checklist) -> String {
    format!(
        "{DISCLAIMER} 地区：{}；政策数据版本 {}；生成日期 {}；清单指纹 {}（同样的回答和数据会得到同样的清单）。",
        checklist.region_name,
        checklist.policy_version,
        checklist.generated_on.format("%Y-%m-%d"),
        checklist.fingerprint
    )
}

/// The section before the cases: who the list is for (a family's list), or the answers.
fn intro(checklist: &Checklist) -> (&'static str, Vec<String>) {
    if !checklist.people.is_empty() {
        return ("家庭成员", checklist.people.clone());
    }
    let mut answers = answer_lines(checklist);
    if answers.is_empty() {
        answers.push("（还没有回答问题）".to_owned());
    }
    answers.extend(ignored_lines(checklist));
    ("您的回答", answers)
}

/// One line per answer given that does not count, with the reason.
fn ignored_lines(checklist: &Checklist) -> Vec<String> {
    checklist
        .ignored_answers
        .iter()
        .map(|ignored| {
            let label = ignored
                .fact
                .values()
                .iter()
                .find(|(id, _)| *id == ignored.value)
                .map_or(ignored.value.as_str(), |(_, l)| l);
            format!(
                "没有用上的回答：{}：{}。{}",
                ignored.fact.label(),
                label,
                ignored.reason
            )
        })
        .collect()
}

fn answer_lines(checklist: &Checklist) -> Vec<String> {
    checklist
        .answers
        .iter()
        .map(|(fact, value)| {
            let label = fact
                .values()
                .iter()
                .find(|(id, _)| id == value)
                .map_or(value.as_str(), |(_, l)| l);
            format!("{}：{}", fact.label(), label)
        })
        .collect()
}

fn sources_of(reason: &Reason) -> String {
    reason
        .sources
        .iter()
        .map(|s| s.source.citation())
        .collect::<Vec<_>>()
        .join("；")
}

fn material_line(material: &crate::policy::Material) -> String {
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

fn verdict_mark(verdict: Verdict) -> &'static str {
    match verdict {
        Verdict::Eligible => "符合",
        Verdict::ConfirmLocally => "需向当地医保经办机构确认",
        Verdict::NotEligible => "不符合",
    }
}

/// Text with Markdown's emphasis marker escaped, so masked names (王**) stay as written.
fn md_escape(text: &str) -> String {
    text.replace('*', "\\*")
}

fn markdown(checklist: &Checklist) -> String {
    let mut out = format!("# {}\n\n> {DISCLAIMER}\n\n", title(checklist));
    let (heading, intro) = intro(checklist);
    put!(out, "## {heading}\n\n");
    for line in intro {
        putln!(out, "- {}", md_escape(&line));
    }
    for case in checklist.actionable() {
        put!(
            out,
            "\n## {}：{}\n\n",
            verdict_mark(case.verdict),
            md_escape(&case.title)
        );
        for caution in &case.cautions {
            putln!(out, "> **请先看：**{}\n", md_escape(&caution.text));
        }
        for reason in &case.reasons {
            if reason.sources.is_empty() {
                putln!(out, "- {}", reason.text);
            } else {
                putln!(out, "- {}（来源：{}）", reason.text, sources_of(reason));
            }
        }
        for change in &case.what_would_change {
            putln!(out, "- 还需要：{change}");
        }
        case_details_md(&mut out, checklist, case);
    }
    let pending: Vec<&CaseResult> = checklist.pending().collect();
    if !pending.is_empty() {
        out.push_str("\n## 还要回答问题才能判断的情形\n\n");
        for case in pending {
            putln!(
                out,
                "- **{}**：请回答“{}”",
                case.title,
                case.pending_questions.join("”“")
            );
        }
    }
    let rejected: Vec<&CaseResult> = checklist.rejected().collect();
    if !rejected.is_empty() {
        out.push_str("\n## 不符合的情形\n\n");
        for case in rejected {
            put!(out, "- **{}**：{}", md_escape(&case.title), case.summary);
            if let Some(correction) = &case.correction {
                put!(out, " 更正：{correction}");
            }
            if !case.what_would_change.is_empty() {
                put!(out, "（{}）", case.what_would_change.join("；"));
            }
            out.push('\n');
        }
    }
    if !checklist.balance_can.is_empty() {
        out.push_str("\n## 余额还可以这样用\n\n");
        for reason in &checklist.balance_can {
            putln!(out, "- {}（来源：{}）", reason.text, sources_of(reason));
        }
    }
    out.push_str("\n## 注意\n\n");
    for warning in &checklist.warnings {
        putln!(out, "- {}", warning.text);
    }
    put!(out, "\n---\n\n{}\n", footer(checklist));
    out
}

fn case_details_md(out: &mut String, checklist: &Checklist, case: &CaseResult) {
    if let Some(applicants) = &case.applicants {
        putln!(out, "- 谁可以办：{applicants}");
    }
    if let Some(time_limit) = &case.time_limit {
        putln!(out, "- 办理时限：{time_limit}");
    }
    putln!(out, "- 费用：{}", case.fee.as_deref().unwrap_or("不收费"));
    if !case.materials.is_empty() {
        out.push_str("\n### 要带的材料\n\n");
        for (i, material) in case.materials.iter().enumerate() {
            let box_ = mark(checklist.material_ticked(case, i));
            putln!(out, "- {box_} {}", material_line(material));
        }
    }
    if !case.steps.is_empty() {
        out.push_str("\n### 办理步骤\n\n");
        for (i, step) in case.steps.iter().enumerate() {
            let box_ = mark(checklist.step_ticked(case, i));
            putln!(out, "{}. {box_} {step}", i + 1);
        }
    }
}

/// Plain text: the same lines as the PDF, with `[ ]` for the boxes to tick.
fn text(checklist: &Checklist) -> String {
    let mut out = String::new();
    for (kind, line) in lines(checklist) {
        match kind {
            Line::Title => putln!(out, "{line}\n{}", "=".repeat(30)),
            Line::Heading => putln!(out, "\n【{line}】"),
            Line::Body | Line::Small => putln!(out, "  {line}"),
            Line::Check(ticked) => putln!(out, "    {} {line}", mark(ticked)),
        }
    }
    out
}

fn csv_bytes(checklist: &Checklist) -> Result<Vec<u8>, ExportError> {
    let failed = |error: &dyn std::fmt::Display| ExportError::Encode {
        format: "CSV",
        detail: error.to_string(),
    };
    // The BOM makes Excel read the file as UTF-8, so Chinese shows correctly.
    let mut writer = csv::Writer::from_writer(b"\xEF\xBB\xBF".to_vec());
    let mut first_error: Option<csv::Error> = None;
    let mut row = |fields: [&str; 6]| {
        if first_error.is_none()
            && let Err(error) = writer.write_record(fields)
        {
            first_error = Some(error);
        }
    };
    let tick = |ticked: bool| if ticked { "是" } else { "" };
    row(["类别", "情形", "结论", "内容", "说明", "已勾选"]);
    for person in &checklist.people {
        row(["家庭成员", "", "", person, "", ""]);
    }
    for ignored in ignored_lines(checklist) {
        row(["没有用上的回答", "", "", &ignored, "", ""]);
    }
    for case in checklist.actionable() {
        for caution in &case.cautions {
            row([
                "请先看",
                &case.title,
                case.verdict_label,
                &caution.text,
                &sources_of(caution),
                "",
            ]);
        }
        for reason in &case.reasons {
            row([
                "理由",
                &case.title,
                case.verdict_label,
                &reason.text,
                &sources_of(reason),
                "",
            ]);
        }
        for (i, material) in case.materials.iter().enumerate() {
            row([
                "材料",
                &case.title,
                case.verdict_label,
                &material.item,
                &material_line(material),
                tick(checklist.material_ticked(case, i)),
            ]);
        }
        for (i, step) in case.steps.iter().enumerate() {
            row([
                "步骤",
                &case.title,
                case.verdict_label,
                step,
                &format!("第 {} 步", i + 1),
                tick(checklist.step_ticked(case, i)),
            ]);
        }
    }
    for case in checklist.pending() {
        row([
            "待回答",
            &case.title,
            case.verdict_label,
            &case.pending_questions.join("；"),
            "",
            "",
        ]);
    }
    for case in checklist.rejected() {
        row([
            "不符合",
            &case.title,
            case.verdict_label,
            &case.summary,
            case.correction.as_deref().unwrap_or(""),
            "",
        ]);
    }
    for warning in &checklist.warnings {
        row(["注意", "", "", &warning.text, &sources_of(warning), ""]);
    }
    row(["说明", "", "", &footer(checklist), "", ""]);
    if let Some(error) = first_error {
        return Err(failed(&error));
    }
    writer.into_inner().map_err(|error| failed(&error))
}

/// The `checked` attribute of a ticked box.
fn checked(ticked: bool) -> &'static str {
    if ticked { " checked" } else { "" }
}

/// Escapes text for HTML.
fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

fn html(checklist: &Checklist) -> String {
    let mut out = String::new();
    put!(
        out,
        r#"<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>{title}</title>
<style>
  @page {{ size: A4; margin: 18mm 16mm; }}
  body {{ font-family: "Noto Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif; font-size: 12pt; line-height: 1.6; color: #111; max-width: 180mm; margin: auto; }}
  h1 {{ font-size: 18pt; margin-bottom: 4pt; }}
  h2 {{ font-size: 14pt; border-bottom: 1px solid #999; padding-bottom: 2pt; margin-top: 14pt; }}
  h3 {{ font-size: 12pt; margin: 8pt 0 2pt; }}
  .disclaimer {{ background: #fff6e0; border: 1px solid #e0b050; padding: 6pt; }}
  .source {{ color: #555; font-size: 10pt; }}
  ul.check {{ list-style: none; padding-left: 0; }}
  ul.check li {{ margin: 3pt 0; }}
  input[type=checkbox] {{ width: 13pt; height: 13pt; vertical-align: -2pt; margin-right: 6pt; }}
  .case {{ page-break-inside: avoid; }}
  footer {{ margin-top: 16pt; border-top: 1px solid #999; font-size: 9.5pt; color: #444; }}
  @media print {{ .disclaimer {{ background: none; }} }}
</style>
</head>
<body>
<h1>{title}</h1>
<p class="disclaimer">{disclaimer}</p>
"#,
        title = esc(&title(checklist)),
        disclaimer = esc(DISCLAIMER)
    );
    let (heading, intro) = intro(checklist);
    put!(out, "<h2>{heading}</h2>\n<ul>\n");
    for line in intro {
        putln!(out, "<li>{}</li>", esc(&line));
    }
    out.push_str("</ul>\n");
    for case in checklist.actionable() {
        putln!(
            out,
            "<section class=\"case\">\n<h2>{}：{}</h2>",
            esc(verdict_mark(case.verdict)),
            esc(&case.title)
        );
        for caution in &case.cautions {
            putln!(
                out,
                "<p class=\"disclaimer\"><strong>请先看：</strong>{}</p>",
                esc(&caution.text)
            );
        }
        for reason in &case.reasons {
            if reason.sources.is_empty() {
                putln!(out, "<p>{}</p>", esc(&reason.text));
            } else {
                putln!(
                    out,
                    "<p>{}<br><span class=\"source\">来源：{}</span></p>",
                    esc(&reason.text),
                    esc(&sources_of(reason))
                );
            }
        }
        for change in &case.what_would_change {
            putln!(out, "<p>还需要：{}</p>", esc(change));
        }
        if let Some(applicants) = &case.applicants {
            putln!(out, "<p>谁可以办：{}</p>", esc(applicants));
        }
        if let Some(time_limit) = &case.time_limit {
            putln!(out, "<p>办理时限：{}</p>", esc(time_limit));
        }
        putln!(
            out,
            "<p>费用：{}</p>",
            esc(case.fee.as_deref().unwrap_or("不收费"))
        );
        if !case.materials.is_empty() {
            out.push_str("<h3>要带的材料</h3>\n<ul class=\"check\">\n");
            for (i, material) in case.materials.iter().enumerate() {
                putln!(
                    out,
                    "<li><label><input type=\"checkbox\"{}>{}</label></li>",
                    checked(checklist.material_ticked(case, i)),
                    esc(&material_line(material))
                );
            }
            out.push_str("</ul>\n");
        }
        if !case.steps.is_empty() {
            out.push_str("<h3>办理步骤</h3>\n<ul class=\"check\">\n");
            for (i, step) in case.steps.iter().enumerate() {
                putln!(
                    out,
                    "<li><label><input type=\"checkbox\"{}>{}. {}</label></li>",
                    checked(checklist.step_ticked(case, i)),
                    i + 1,
                    esc(step)
                );
            }
            out.push_str("</ul>\n");
        }
        out.push_str("</section>\n");
    }
    let pending: Vec<&CaseResult> = checklist.pending().collect();
    if !pending.is_empty() {
        out.push_str("<h2>还要回答问题才能判断的情形</h2>\n<ul>\n");
        for case in pending {
            putln!(
                out,
                "<li><strong>{}</strong>：请回答“{}”</li>",
                esc(&case.title),
                esc(&case.pending_questions.join("”“"))
            );
        }
        out.push_str("</ul>\n");
    }
    let rejected: Vec<&CaseResult> = checklist.rejected().collect();
    if !rejected.is_empty() {
        out.push_str("<h2>不符合的情形</h2>\n<ul>\n");
        for case in rejected {
            put!(
                out,
                "<li><strong>{}</strong>：{}",
                esc(&case.title),
                esc(&case.summary)
            );
            if let Some(correction) = &case.correction {
                put!(out, " 更正：{}", esc(correction));
            }
            out.push_str("</li>\n");
        }
        out.push_str("</ul>\n");
    }
    if !checklist.balance_can.is_empty() {
        out.push_str("<h2>余额还可以这样用</h2>\n<ul>\n");
        for reason in &checklist.balance_can {
            putln!(out, "<li>{}</li>", esc(&reason.text));
        }
        out.push_str("</ul>\n");
    }
    out.push_str("<h2>注意</h2>\n<ul>\n");
    for warning in &checklist.warnings {
        putln!(out, "<li>{}</li>", esc(&warning.text));
    }
    put!(
        out,
        "</ul>\n<footer>{}</footer>\n</body>\n</html>\n",
        esc(&footer(checklist))
    );
    out
}
