//! The document as one self-contained HTML page, written with `maud`, which escapes every
//! field. Its print style makes the same handout as the PDF: A4, body text at 12.5 pt, boxes
//! to tick, a page per part, headings kept with what follows, sources in small type and the
//! list number in every page's footer.

use maud::{DOCTYPE, Markup, PreEscaped, html};

use super::document::{Block, Document, Head, Part, Section, TypeSize};

/// The page's style: on screen and in print.
const STYLE: &str = r#"
@page { size: A4; margin: 10mm 12mm 12mm; }
body { font-family: "Noto Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif; font-size: 12.5pt; line-height: 1.5; color: #111; max-width: 180mm; margin: 1em auto; padding: 0 1em; }
h1 { font-size: 19pt; margin: 0 0 4pt; }
h2 { font-size: 14pt; border-bottom: 1.5px solid #333; padding-bottom: 1pt; margin: 12pt 0 4pt; break-after: avoid; }
h3 { font-size: 12.5pt; margin: 6pt 0 2pt; break-after: avoid; }
.head p { margin: 2pt 0; }
.head .subtitle { font-size: 14pt; font-weight: bold; }
.head .conclusion { font-size: 14pt; font-weight: bold; }
ul, ol { margin: 2pt 0; padding-left: 1.4em; }
ul.ticks, ol.steps { list-style: none; padding-left: 0; }
ul.ticks li, ol.steps li { margin: 3pt 0; padding-left: 1.7em; text-indent: -1.7em; }
input[type=checkbox] { width: 12pt; height: 12pt; margin: 0 0.5em 0 0; vertical-align: -2pt; accent-color: #111; }
.caution { font-weight: bold; }
.rule { border-bottom: 1px solid #555; height: 9mm; }
section.secondary { font-size: 11pt; }
section.sources { font-size: 9pt; color: #222; }
section.sources h2 { font-size: 10.5pt; }
footer { margin-top: 10pt; font-size: 9pt; color: #222; }
.part + .part { break-before: page; }
@media print {
  body { margin: 0; padding: 0; max-width: none; font-size: 12pt; line-height: 1.22; }
  h1 { font-size: 17pt; }
  h2 { font-size: 13pt; margin: 4pt 0 1pt; }
  .head p { margin: 1pt 0; }
  .rule { height: 6mm; }
  ul.ticks li, ol.steps li { margin: 0.5pt 0; }
  section.secondary { font-size: 10.5pt; }
  section.sources { font-size: 7.5pt; }
  section.sources ol.steps li, section.sources ul li { display: inline; margin-right: 0.8em; padding: 0; text-indent: 0; }
  section.sources ul, section.sources ol { display: inline; padding: 0; }
  footer p.number { display: none; }
  section.sources h2 { font-size: 10pt; }
  footer { font-size: 7.5pt; margin-top: 2pt; }
  footer p { margin: 0; }
}
"#;

/// The document as HTML.
pub fn html(document: &Document) -> String {
    // The fingerprint is hexadecimal; anything else is left out of the CSS string.
    let number: String = document
        .list_number
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .collect();
    let page_footer = format!(
        "@page {{ @bottom-center {{ content: \"清单编号 {number} · 第 \" counter(page) \" / \" counter(pages) \" 页\"; font-size: 8.5pt; }} }}"
    );
    let markup = html! {
        (DOCTYPE)
        html lang="zh-CN" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (document.title) }
                style { (PreEscaped(STYLE)) (PreEscaped(page_footer)) }
            }
            body {
                @for part in &document.parts {
                    (part_markup(document, part))
                }
                footer { p { (document.footer_note) } p.number { "清单编号 " (document.list_number) } }
            }
        }
    };
    markup.into_string()
}

fn part_markup(document: &Document, part: &Part) -> Markup {
    html! {
        div.part {
            h1 { (document.title) }
            @if let Some(head) = &part.head { (head_markup(head)) }
            @for section in &part.sections { (section_markup(section)) }
        }
    }
}

fn head_markup(head: &Head) -> Markup {
    let facts: Vec<String> = head
        .facts
        .iter()
        .map(|(label, value)| format!("{label}：{value}"))
        .collect();
    html! {
        div.head {
            @if let Some(subtitle) = &head.subtitle { p.subtitle { (subtitle) } }
            p.who { (head.who_line()) }
            p.facts { (facts.join("　")) }
            p.conclusion { (head.conclusion_line()) }
        }
    }
}

/// A run of blocks drawn the same way.
enum Run<'a> {
    Ticks(Vec<&'a Block>),
    Steps(Vec<&'a Block>),
    Items(Vec<&'a Block>),
    Single(&'a Block),
}

fn runs(blocks: &[Block]) -> Vec<Run<'_>> {
    let mut runs: Vec<Run<'_>> = Vec::new();
    for block in blocks {
        match (block, runs.last_mut()) {
            (Block::Tick { .. }, Some(Run::Ticks(run)))
            | (Block::Step { .. } | Block::Source { .. }, Some(Run::Steps(run)))
            | (
                Block::Paragraph(_) | Block::Caution(_) | Block::Field { .. },
                Some(Run::Items(run)),
            ) => {
                run.push(block);
            }
            (Block::Tick { .. }, _) => runs.push(Run::Ticks(vec![block])),
            (Block::Step { .. } | Block::Source { .. }, _) => runs.push(Run::Steps(vec![block])),
            (Block::Paragraph(_) | Block::Caution(_) | Block::Field { .. }, _) => {
                runs.push(Run::Items(vec![block]));
            }
            _ => runs.push(Run::Single(block)),
        }
    }
    runs
}

fn section_markup(section: &Section) -> Markup {
    html! {
        section class=(section_class(section)) {
            h2 { (section.heading) }
            @for run in runs(&section.blocks) {
                @match run {
                    Run::Ticks(blocks) => ul.ticks { @for block in blocks { li { (block_markup(block)) } } },
                    Run::Steps(blocks) => ol.steps { @for block in blocks { li { (block_markup(block)) } } },
                    Run::Items(blocks) => ul { @for block in blocks { li { (block_markup(block)) } } },
                    Run::Single(block) => (block_markup(block)),
                }
            }
        }
    }
}

/// The section's kind, and how large it is printed.
fn section_class(section: &Section) -> String {
    match section.kind.type_size() {
        TypeSize::Secondary => format!("{} secondary", section.kind.id()),
        TypeSize::Body | TypeSize::Small => section.kind.id().to_owned(),
    }
}

fn block_markup(block: &Block) -> Markup {
    html! {
        @match block {
            Block::Subheading(text) => h3 { (text) },
            Block::Tick { text, ticked } => { (tick_box(*ticked)) (text) },
            Block::Step { number, text, ticked } => { (tick_box(*ticked)) (number) ". " (text) },
            Block::Caution(cited) => span.caution { "请先看：" (cited.with_sources()) },
            Block::WritingLines(count) => @for _ in 0..*count { div.rule {} },
            Block::Source { number, citation } => { (number) ". " (citation) },
            other => (other.plain_text()),
        }
    }
}

fn tick_box(ticked: bool) -> Markup {
    html! {
        input type="checkbox" checked[ticked];
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::document::{Cited, SectionKind};

    #[test]
    fn no_field_is_written_unescaped() {
        let nasty = "王** <script>alert(\"x\")</script> & 'quote'";
        let document = Document {
            title: nasty.to_owned(),
            parts: vec![Part {
                head: Some(Head {
                    subtitle: Some(nasty.to_owned()),
                    who: Some(nasty.to_owned()),
                    facts: vec![(nasty.to_owned(), nasty.to_owned())],
                    conclusion: nasty.to_owned(),
                }),
                sections: vec![Section {
                    kind: SectionKind::Notices,
                    heading: nasty.to_owned(),
                    blocks: vec![
                        Block::Paragraph(Cited {
                            text: nasty.to_owned(),
                            sources: vec![1],
                        }),
                        Block::Tick {
                            text: nasty.to_owned(),
                            ticked: true,
                        },
                        Block::Source {
                            number: 1,
                            citation: nasty.to_owned(),
                        },
                    ],
                }],
            }],
            list_number: "abc\"}</style><script>".to_owned(),
            generated_on: chrono::NaiveDate::default(),
            footer_note: nasty.to_owned(),
        };
        let page = html(&document);
        assert!(!page.contains("<script>"), "{page}");
        // The list number cannot close the style sheet early.
        assert_eq!(page.matches("</style>").count(), 1, "{page}");
        assert!(page.contains("&lt;script&gt;"), "{page}");
        assert!(page.contains("<input type=\"checkbox\" checked>"), "{page}");
    }
}
