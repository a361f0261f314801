//! The document as a table for Excel: one row per block, with its section, the case it belongs
//! to, its text, its sources and whether it is ticked. UTF-8 with a BOM, so Excel reads the
//! Chinese.

use super::ExportError;
use super::document::{Block, Document};

/// The document as CSV bytes.
pub fn csv(document: &Document) -> Result<Vec<u8>, ExportError> {
    let failed = |error: &dyn std::fmt::Display| ExportError::Encode {
        format: "CSV",
        detail: error.to_string(),
    };
    let mut rows: Vec<[String; 5]> = vec![[
        "类别".to_owned(),
        "情形".to_owned(),
        "内容".to_owned(),
        "来源".to_owned(),
        "已勾选".to_owned(),
    ]];
    let row = |category: &str, case: &str, text: String, sources: String, ticked: &str| {
        [
            category.to_owned(),
            case.to_owned(),
            text,
            sources,
            ticked.to_owned(),
        ]
    };
    for part in &document.parts {
        if let Some(head) = &part.head {
            if let Some(subtitle) = &head.subtitle {
                rows.push(row("办理事项", "", subtitle.clone(), String::new(), ""));
            }
            let who = head
                .who
                .as_deref()
                .unwrap_or(super::document::WRITE_IN_NAME);
            rows.push(row("为谁办", "", who.to_owned(), String::new(), ""));
            for (label, value) in &head.facts {
                rows.push(row(label, "", value.clone(), String::new(), ""));
            }
            rows.push(row("结论", "", head.conclusion.clone(), String::new(), ""));
        }
        for section in &part.sections {
            let mut case = String::new();
            for block in &section.blocks {
                let tick = |ticked: bool| if ticked { "是" } else { "" };
                match block {
                    Block::Subheading(text) => case.clone_from(text),
                    Block::WritingLines(_) => {}
                    Block::Paragraph(cited) | Block::Caution(cited) => rows.push(row(
                        &section.heading,
                        &case,
                        cited.text.clone(),
                        numbers(&cited.sources),
                        "",
                    )),
                    Block::Tick { text, ticked } => rows.push(row(
                        &section.heading,
                        &case,
                        text.clone(),
                        String::new(),
                        tick(*ticked),
                    )),
                    Block::Step {
                        number,
                        text,
                        ticked,
                    } => rows.push(row(
                        &section.heading,
                        &case,
                        format!("{number}. {text}"),
                        String::new(),
                        tick(*ticked),
                    )),
                    other => rows.push(row(
                        &section.heading,
                        &case,
                        other.plain_text(),
                        String::new(),
                        "",
                    )),
                }
            }
        }
    }
    // The BOM makes Excel read the file as UTF-8, so Chinese shows correctly.
    let mut writer = csv::Writer::from_writer(b"\xEF\xBB\xBF".to_vec());
    for fields in &rows {
        writer
            .write_record(fields)
            .map_err(|error| failed(&error))?;
    }
    writer.into_inner().map_err(|error| failed(&error))
}

/// "1、3": the numbers of the sources in 资料来源.
fn numbers(sources: &[usize]) -> String {
    sources
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("、")
}
