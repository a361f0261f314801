//! The document as plain text: a heading in 【】, `[ ]` for the boxes to tick, a line of dashes
//! where a printed page would start.

use super::document::{Block, Document, Part};

/// How wide the ruled lines and the title's underline are, in characters.
const RULE: usize = 30;

/// The document as plain text.
pub fn text(document: &Document) -> String {
    let mut lines: Vec<String> = vec![document.title.clone(), "=".repeat(RULE)];
    for (i, part) in document.parts.iter().enumerate() {
        if i > 0 {
            lines.push(String::new());
            lines.push("-".repeat(RULE));
        }
        part_lines(part, &mut lines);
    }
    lines.push(String::new());
    lines.push(document.footer_note.clone());
    lines.push(format!("清单编号 {}", document.list_number));
    let mut out = lines.join("\n");
    out.push('\n');
    out
}

fn part_lines(part: &Part, lines: &mut Vec<String>) {
    if let Some(head) = &part.head {
        if let Some(subtitle) = &head.subtitle {
            lines.push(subtitle.clone());
        }
        lines.push(head.who_line());
        lines.push(
            head.facts
                .iter()
                .map(|(label, value)| format!("{label}：{value}"))
                .collect::<Vec<_>>()
                .join("　"),
        );
        lines.push(head.conclusion_line());
    }
    for section in &part.sections {
        lines.push(String::new());
        lines.push(format!("【{}】", section.heading));
        for block in &section.blocks {
            match block {
                Block::Subheading(text) => lines.push(format!("  ◆ {text}")),
                Block::Tick { text, ticked } => lines.push(format!("  {} {text}", mark(*ticked))),
                Block::Step {
                    number,
                    text,
                    ticked,
                } => lines.push(format!("  {} {number}. {text}", mark(*ticked))),
                Block::WritingLines(count) => {
                    lines.extend((0..*count).map(|_| format!("  {}", "_".repeat(RULE * 2))));
                }
                other => lines.push(format!("  {}", other.plain_text())),
            }
        }
    }
}

/// `[x]` or `[ ]`.
fn mark(ticked: bool) -> &'static str {
    if ticked { "[x]" } else { "[ ]" }
}
