//! The document as Markdown: built as `pulldown-cmark` events and written by
//! `pulldown-cmark-to-cmark`, which escapes every character of a field that Markdown would
//! read as markup (`*` of a masked name, `[`, `<`, `#`, `|`…). Boxes to tick are GitHub task
//! list items; a thematic break stands where a printed page would start.

use pulldown_cmark::{CowStr, Event, HeadingLevel, Tag, TagEnd};

use super::ExportError;
use super::document::{Block, Document, Part};

/// The parser options the Markdown is written for (and read back with in the tests).
pub fn parser_options() -> pulldown_cmark::Options {
    pulldown_cmark::Options::ENABLE_TASKLISTS
}

/// The document as Markdown.
pub fn markdown(document: &Document) -> Result<String, ExportError> {
    let mut events = Events::default();
    events.heading(HeadingLevel::H1, &document.title);
    for (i, part) in document.parts.iter().enumerate() {
        if i > 0 {
            events.0.push(Event::Rule);
        }
        part_events(part, &mut events);
    }
    events.0.push(Event::Rule);
    events.paragraph(&document.footer_note);
    events.paragraph(&format!("清单编号 {}", document.list_number));
    let options = pulldown_cmark_to_cmark::Options {
        list_token: '-',
        increment_ordered_list_bullets: true,
        ..pulldown_cmark_to_cmark::Options::default()
    };
    let mut out = String::new();
    pulldown_cmark_to_cmark::cmark_with_options(
        events.0.iter(),
        &mut out,
        parser_options(),
        options,
    )
    .map_err(|error| ExportError::Encode {
        format: "Markdown",
        detail: format!("{error:?}"),
    })?;
    out.push('\n');
    Ok(out)
}

/// What kind of list the blocks being written are in.
#[derive(Clone, Copy, PartialEq, Eq)]
enum List {
    Bullet,
    Numbered,
}

#[derive(Default)]
struct Events(Vec<Event<'static>>);

impl Events {
    fn text(&mut self, text: &str) {
        self.0.push(Event::Text(CowStr::from(text.to_owned())));
    }

    fn heading(&mut self, level: HeadingLevel, text: &str) {
        self.0.push(Event::Start(Tag::Heading {
            level,
            id: None,
            classes: Vec::new(),
            attrs: Vec::new(),
        }));
        self.text(text);
        self.0.push(Event::End(TagEnd::Heading(level)));
    }

    fn paragraph(&mut self, text: &str) {
        self.0.push(Event::Start(Tag::Paragraph));
        self.text(text);
        self.0.push(Event::End(TagEnd::Paragraph));
    }

    fn strong(&mut self, text: &str) {
        self.0.push(Event::Start(Tag::Strong));
        self.text(text);
        self.0.push(Event::End(TagEnd::Strong));
    }

    fn open(&mut self, list: &mut Option<List>, wanted: List, start: usize) {
        if *list == Some(wanted) {
            return;
        }
        self.close(list);
        self.0.push(Event::Start(Tag::List(match wanted {
            List::Bullet => None,
            List::Numbered => Some(start as u64),
        })));
        *list = Some(wanted);
    }

    fn close(&mut self, list: &mut Option<List>) {
        if let Some(open) = list.take() {
            self.0
                .push(Event::End(TagEnd::List(open == List::Numbered)));
        }
    }

    fn item(&mut self, fill: impl FnOnce(&mut Self)) {
        self.0.push(Event::Start(Tag::Item));
        fill(self);
        self.0.push(Event::End(TagEnd::Item));
    }
}

fn part_events(part: &Part, events: &mut Events) {
    if let Some(head) = &part.head {
        if let Some(subtitle) = &head.subtitle {
            events.heading(HeadingLevel::H2, subtitle);
        }
        events.0.push(Event::Start(Tag::Paragraph));
        events.text(&head.who_line());
        events.0.push(Event::HardBreak);
        let facts: Vec<String> = head
            .facts
            .iter()
            .map(|(label, value)| format!("{label}：{value}"))
            .collect();
        events.text(&facts.join("　"));
        events.0.push(Event::HardBreak);
        events.strong(&head.conclusion_line());
        events.0.push(Event::End(TagEnd::Paragraph));
    }
    for section in &part.sections {
        events.heading(HeadingLevel::H2, &section.heading);
        let mut list = None;
        for block in &section.blocks {
            match block {
                Block::Subheading(text) => {
                    events.close(&mut list);
                    events.heading(HeadingLevel::H3, text);
                }
                Block::Tick { text, ticked } => {
                    events.open(&mut list, List::Bullet, 1);
                    events.item(|events| {
                        events.0.push(Event::TaskListMarker(*ticked));
                        events.text(text);
                    });
                }
                Block::Step {
                    number,
                    text,
                    ticked,
                } => {
                    events.open(&mut list, List::Numbered, *number);
                    events.item(|events| {
                        events.0.push(Event::TaskListMarker(*ticked));
                        events.text(text);
                    });
                }
                Block::Source { number, citation } => {
                    events.open(&mut list, List::Numbered, *number);
                    events.item(|events| events.text(citation));
                }
                Block::Caution(cited) => {
                    events.open(&mut list, List::Bullet, 1);
                    events.item(|events| {
                        events.strong("请先看：");
                        events.text(&cited.with_sources());
                    });
                }
                Block::WritingLines(count) => {
                    events.close(&mut list);
                    for _ in 0..*count {
                        events.paragraph(&"＿".repeat(24));
                    }
                }
                other => {
                    events.open(&mut list, List::Bullet, 1);
                    events.item(|events| events.text(&other.plain_text()));
                }
            }
        }
        events.close(&mut list);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::document::{Block, Cited, Document, Part, Section, SectionKind};
    use proptest::prelude::*;

    /// A document whose every field is `text`.
    fn document_of(text: &str) -> Document {
        Document {
            title: text.to_owned(),
            parts: vec![Part {
                head: None,
                sections: vec![Section {
                    kind: SectionKind::Materials,
                    heading: text.to_owned(),
                    blocks: vec![
                        Block::Tick {
                            text: text.to_owned(),
                            ticked: false,
                        },
                        Block::Paragraph(Cited {
                            text: text.to_owned(),
                            sources: Vec::new(),
                        }),
                    ],
                }],
            }],
            list_number: "0".to_owned(),
            generated_on: chrono::NaiveDate::default(),
            footer_note: String::new(),
        }
    }

    /// The text of each block Markdown reads back (headings, paragraphs, list items), and
    /// whether any of it was read as HTML.
    fn read_back(markdown: &str) -> (Vec<String>, bool) {
        use pulldown_cmark::{Event, Parser, Tag, TagEnd};
        let mut blocks = Vec::new();
        let mut current = String::new();
        let mut html = false;
        for event in Parser::new_ext(markdown, parser_options()) {
            match event {
                Event::Text(text) | Event::Code(text) => current.push_str(&text),
                Event::Html(_) | Event::InlineHtml(_) => html = true,
                Event::Start(Tag::Heading { .. } | Tag::Paragraph | Tag::Item) => {
                    current.clear();
                }
                Event::End(TagEnd::Heading(_) | TagEnd::Paragraph | TagEnd::Item)
                    if !current.is_empty() =>
                {
                    blocks.push(std::mem::take(&mut current));
                }
                _ => {}
            }
        }
        (blocks, html)
    }

    proptest! {
        /// Whatever a field holds — a masked name's stars, brackets, HTML, a heading mark —
        /// Markdown reads back exactly that text, and never as markup or HTML.
        #[test]
        fn every_field_reads_back_as_written(
            text in "[王李a-z0-9 ]{0,4}[*_\\[\\]<>#|`~!()\\\\&;:.+=-]{1,6}[王李a-z0-9*_<>#&.-]{0,8}"
        ) {
            let text = text.trim().to_owned();
            prop_assume!(!text.is_empty());
            let markdown = markdown(&document_of(&text)).expect("renders");
            let (blocks, html) = read_back(&markdown);
            prop_assert!(!html, "read as HTML: {markdown}");
            // Title, heading, the tick box's text and the paragraph.
            let same = blocks.iter().filter(|block| **block == text).count();
            prop_assert_eq!(same, 4, "{:?} from {}", blocks, markdown);
        }
    }

    #[test]
    fn a_masked_name_and_a_script_stay_text() {
        let markdown = markdown(&document_of(
            "王** <script>alert(1)</script> [链接](http://x)",
        ))
        .expect("renders");
        let (blocks, html) = read_back(&markdown);
        assert!(!html, "{markdown}");
        assert!(
            blocks
                .iter()
                .any(|b| b == "王** <script>alert(1)</script> [链接](http://x)"),
            "{blocks:?}"
        );
    }
}
