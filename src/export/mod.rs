//! Checklists exported to files people print and carry to the service window: Markdown, plain
//! text, CSV (UTF-8 with BOM for Excel), self-contained HTML (A4 print styles), JSON and PDF
//! (A4, CJK font embedded and subset).
//!
//! The text renderers append to a `String` with `put!`/`putln!` (`format!` then `push_str`),
//! which cannot fail, so no write result is ever dropped.
//!
//! Every format renders the same [`document::Document`]: its sections, their order and their
//! words are decided once, in `document`; each renderer only lays blocks out. Markdown is
//! written through `pulldown-cmark-to-cmark` and HTML through `maud`, both of which escape
//! every field; JSON is the checklist itself (DOMAIN.md's shape), readable UTF-8.

mod csv_table;
pub mod document;
pub mod history;
mod html;
pub mod linebreak;
mod markdown;
mod pdf;
mod plain;

use crate::checklist::Checklist;
pub use document::{Document, document};

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

/// Renders a checklist in a format, with a line to write the person's name in.
pub fn render(checklist: &Checklist, format: ExportFormat) -> Result<Vec<u8>, ExportError> {
    render_for(checklist, None, format)
}

/// Renders a checklist in a format for `who` (a masked name or a label the user typed; `None`:
/// a line to write a name in). A family's list names its people itself.
pub fn render_for(
    checklist: &Checklist,
    who: Option<&str>,
    format: ExportFormat,
) -> Result<Vec<u8>, ExportError> {
    let document = || document(checklist, who);
    Ok(match format {
        // The checklist itself (DOMAIN.md's shape); serde_json writes Chinese as UTF-8,
        // never as \u escapes.
        ExportFormat::Json => serde_json::to_string_pretty(checklist)
            .map_err(|error| ExportError::Encode {
                format: "JSON",
                detail: error.to_string(),
            })?
            .into_bytes(),
        ExportFormat::Markdown => markdown::markdown(&document())?.into_bytes(),
        ExportFormat::Text => plain::text(&document()).into_bytes(),
        ExportFormat::Csv => csv_table::csv(&document())?,
        ExportFormat::Html => html::html(&document()).into_bytes(),
        ExportFormat::Pdf => pdf::pdf(&document())?,
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
