//! The document as an A4 handout in PDF: the CJK font embedded and subset; lines broken where
//! [`super::linebreak`] allows, measured with the font's own advance widths; body text at
//! 12 pt; boxes to tick; a heading never alone at the foot of a page; each part on a new page;
//! ruled lines for notes; sources in small type; the list number and page in every footer.

use std::sync::OnceLock;

use printpdf::{
    Color, DateTime, Line as PdfLine, LinePoint, Mm, Op, PaintMode, ParsedFont, PdfDocument,
    PdfFontHandle, PdfPage, PdfSaveOptions, Point, Polygon, PolygonRing, Pt, Rgb, TextItem,
    WindingOrder,
};

use super::ExportError;
use super::document::{Block, Document, Part, TypeSize};

const PAGE_WIDTH_MM: f32 = 210.0;
const PAGE_HEIGHT_MM: f32 = 297.0;
const SIDE_MM: f32 = 12.0;
const TOP_MM: f32 = 10.0;
/// The footer's baseline, from the bottom edge.
const FOOTER_MM: f32 = 6.5;
/// Where the text area ends, from the bottom edge.
const BOTTOM_MM: f32 = 15.0;
/// How far a line with a box to tick is indented.
const TICK_INDENT_MM: f32 = 6.5;
/// The space between ruled lines for notes.
const WRITING_LINE_MM: f32 = 6.5;

/// The font, parsed once for embedding (parsing the 8 MB OTF is the slow part of an export).
fn font() -> Option<&'static ParsedFont> {
    static FONT: OnceLock<Option<ParsedFont>> = OnceLock::new();
    FONT.get_or_init(|| ParsedFont::from_bytes(crate::assets::NOTO_SANS_SC, 0, &mut Vec::new()))
        .as_ref()
}

/// The same font's metrics, for measuring lines.
fn face() -> Option<&'static ttf_parser::Face<'static>> {
    static FACE: OnceLock<Option<ttf_parser::Face<'static>>> = OnceLock::new();
    FACE.get_or_init(|| ttf_parser::Face::parse(crate::assets::NOTO_SANS_SC, 0).ok())
        .as_ref()
}

/// A character's advance width in em, from the font (a missing glyph: 1 em wide, as the
/// font's fallback box is).
fn advance_em(face: &ttf_parser::Face<'_>, c: char) -> f32 {
    let units = f32::from(face.units_per_em().max(1));
    face.glyph_index(c)
        .and_then(|glyph| face.glyph_hor_advance(glyph))
        .map_or(1.0, |advance| f32::from(advance) / units)
}

/// How a line is printed.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Style {
    Title,
    Who,
    Facts,
    Conclusion,
    Heading,
    Subheading,
    Body,
    /// A line after a box to tick (the box on its first line), and whether it is ticked.
    Tick(Option<bool>),
    Secondary,
    Small,
}

impl Style {
    fn size(self) -> f32 {
        match self {
            Style::Title => 17.0,
            Style::Conclusion => 13.5,
            Style::Heading => 12.5,
            Style::Who | Style::Subheading | Style::Body | Style::Tick(_) => 12.0,
            Style::Facts => 11.0,
            Style::Secondary => 10.5,
            Style::Small => 7.5,
        }
    }

    fn line_height(self) -> f32 {
        self.size()
            * match self {
                Style::Heading | Style::Title | Style::Small => 1.15,
                _ => 1.22,
            }
    }

    fn gap_before(self) -> f32 {
        match self {
            Style::Heading => 3.0,
            Style::Subheading => 2.0,
            Style::Conclusion => 2.0,
            _ => 0.0,
        }
    }

    fn indent_mm(self) -> f32 {
        match self {
            Style::Tick(_) => TICK_INDENT_MM,
            _ => 0.0,
        }
    }
}

/// Something that takes vertical room: the lines of one block.
enum Item {
    Lines {
        style: Style,
        lines: Vec<String>,
        /// Must share its page with the first line of what follows (a heading).
        keep_with_next: bool,
    },
    WritingLines(usize),
    /// The title with who the page is for at its right end, when both fit on one line.
    TitleRow {
        title: String,
        who: String,
        who_x_mm: f32,
    },
    PageBreak,
}

impl Item {
    /// The room the first line needs, with its gap.
    fn first_height(&self) -> f32 {
        match self {
            Item::Lines { style, .. } => style.gap_before() + style.line_height(),
            Item::TitleRow { .. } => Style::Title.line_height(),
            // Ruled lines stay together.
            Item::WritingLines(count) => Mm(WRITING_LINE_MM).into_pt().0 * *count as f32,
            Item::PageBreak => 0.0,
        }
    }
}

/// A line placed on a page.
enum Placed {
    Text {
        x_mm: f32,
        y_pt: f32,
        size: f32,
        text: String,
    },
    Box {
        x_mm: f32,
        y_pt: f32,
        size: f32,
        ticked: bool,
    },
    Rule {
        y_pt: f32,
        weight: f32,
    },
}

fn text_width_pt() -> f32 {
    Mm(PAGE_WIDTH_MM - 2.0 * SIDE_MM).into_pt().0
}

/// Breaks `text` into lines for `style`.
fn lines_of(face: &ttf_parser::Face<'_>, style: Style, text: &str) -> Vec<String> {
    let size = style.size();
    let width = text_width_pt() - Mm(style.indent_mm()).into_pt().0;
    super::linebreak::wrap(text, width, |c| advance_em(face, c) * size)
}

/// The document as items, in reading order.
fn items(face: &ttf_parser::Face<'_>, document: &Document) -> Vec<Item> {
    let mut items = Vec::new();
    let mut add = |items: &mut Vec<Item>, style: Style, text: &str, keep_with_next: bool| {
        items.push(Item::Lines {
            style,
            lines: lines_of(face, style, text),
            keep_with_next,
        });
    };
    for (i, part) in document.parts.iter().enumerate() {
        if i > 0 {
            items.push(Item::PageBreak);
        }
        let who = part.head.as_ref().map(|head| head.who_line());
        let width = |style: Style, text: &str| {
            text.chars()
                .map(|c| advance_em(face, c) * style.size())
                .sum::<f32>()
        };
        match who {
            Some(who)
                if width(Style::Title, &document.title) + width(Style::Who, &who) + 24.0
                    <= text_width_pt() =>
            {
                let who_x_mm =
                    PAGE_WIDTH_MM - SIDE_MM - width(Style::Who, &who) / Mm(1.0).into_pt().0;
                items.push(Item::TitleRow {
                    title: document.title.clone(),
                    who,
                    who_x_mm,
                });
            }
            Some(who) => {
                add(&mut items, Style::Title, &document.title, true);
                part_items(part, Some(&who), &mut items, &mut add);
                continue;
            }
            None => add(&mut items, Style::Title, &document.title, true),
        }
        part_items(part, None, &mut items, &mut add);
    }
    items
}

/// A part's head and sections; `who` when it did not fit beside the title.
fn part_items(
    part: &Part,
    who: Option<&str>,
    items: &mut Vec<Item>,
    add: &mut impl FnMut(&mut Vec<Item>, Style, &str, bool),
) {
    if let Some(head) = &part.head {
        if let Some(subtitle) = &head.subtitle {
            add(items, Style::Conclusion, subtitle, true);
        }
        if let Some(who) = who {
            add(items, Style::Who, who, true);
        }
        let facts: Vec<String> = head
            .facts
            .iter()
            .map(|(label, value)| format!("{label}：{value}"))
            .collect();
        add(items, Style::Facts, &facts.join("　"), true);
        add(items, Style::Conclusion, &head.conclusion_line(), false);
    }
    for section in &part.sections {
        add(items, Style::Heading, &section.heading, true);
        let body = match section.kind.type_size() {
            TypeSize::Body => Style::Body,
            TypeSize::Secondary => Style::Secondary,
            TypeSize::Small => Style::Small,
        };
        if body == Style::Small {
            // Small type flows as one paragraph: no half-empty lines.
            let text: Vec<String> = section.blocks.iter().map(Block::plain_text).collect();
            add(items, Style::Small, &text.join("　"), false);
            continue;
        }
        for block in &section.blocks {
            match block {
                Block::Subheading(text) => add(items, Style::Subheading, text, true),
                Block::Tick { text, ticked } => {
                    add(items, Style::Tick(Some(*ticked)), text, false);
                }
                Block::Step {
                    number,
                    text,
                    ticked,
                } => add(
                    items,
                    Style::Tick(Some(*ticked)),
                    &format!("{number}. {text}"),
                    false,
                ),
                Block::WritingLines(count) => items.push(Item::WritingLines(*count)),
                other => add(items, body, &other.plain_text(), false),
            }
        }
    }
}

/// Flows items onto pages.
fn paginate(items: &[Item]) -> Vec<Vec<Placed>> {
    let top = Mm(PAGE_HEIGHT_MM - TOP_MM).into_pt().0;
    let bottom = Mm(BOTTOM_MM).into_pt().0;
    let mut pages: Vec<Vec<Placed>> = vec![Vec::new()];
    let mut y = top;
    let new_page = |pages: &mut Vec<Vec<Placed>>, y: &mut f32| {
        pages.push(Vec::new());
        *y = top;
    };
    for (index, item) in items.iter().enumerate() {
        // A heading goes to the next page unless what follows it starts on this one.
        let mut needed = item.first_height();
        if let Item::Lines {
            keep_with_next: true,
            ..
        } = item
        {
            needed += item_height_rest(item);
            needed += items[index + 1..]
                .iter()
                .map(|next| (next, next.first_height()))
                .take_while(|(next, _)| !matches!(next, Item::PageBreak))
                .scan(true, |keep, (next, height)| {
                    let take = *keep;
                    *keep = matches!(
                        next,
                        Item::Lines {
                            keep_with_next: true,
                            ..
                        }
                    );
                    take.then_some(height)
                })
                .sum::<f32>();
        }
        if y - needed < bottom && pages.last().is_some_and(|page| !page.is_empty()) {
            new_page(&mut pages, &mut y);
        }
        match item {
            Item::PageBreak => {
                if pages.last().is_some_and(|page| !page.is_empty()) {
                    new_page(&mut pages, &mut y);
                }
            }
            Item::TitleRow {
                title,
                who,
                who_x_mm,
            } => {
                y -= Style::Title.line_height();
                for (x_mm, style, text) in
                    [(SIDE_MM, Style::Title, title), (*who_x_mm, Style::Who, who)]
                {
                    push(
                        &mut pages,
                        Placed::Text {
                            x_mm,
                            y_pt: y,
                            size: style.size(),
                            text: text.clone(),
                        },
                    );
                }
            }
            Item::WritingLines(count) => {
                for _ in 0..*count {
                    let step = Mm(WRITING_LINE_MM).into_pt().0;
                    if y - step < bottom {
                        new_page(&mut pages, &mut y);
                    }
                    y -= step;
                    push(
                        &mut pages,
                        Placed::Rule {
                            y_pt: y,
                            weight: 0.5,
                        },
                    );
                }
            }
            Item::Lines { style, lines, .. } => {
                if y < top {
                    y -= style.gap_before();
                }
                for (i, line) in lines.iter().enumerate() {
                    if y - style.line_height() < bottom {
                        new_page(&mut pages, &mut y);
                    }
                    y -= style.line_height();
                    let x_mm = SIDE_MM + style.indent_mm();
                    if let (Style::Tick(Some(ticked)), 0) = (style, i) {
                        push(
                            &mut pages,
                            Placed::Box {
                                x_mm: SIDE_MM + 0.5,
                                y_pt: y,
                                size: style.size(),
                                ticked: *ticked,
                            },
                        );
                    }
                    push(
                        &mut pages,
                        Placed::Text {
                            x_mm,
                            y_pt: y,
                            size: style.size(),
                            text: line.clone(),
                        },
                    );
                }
                if *style == Style::Heading {
                    push(
                        &mut pages,
                        Placed::Rule {
                            y_pt: y - 3.0,
                            weight: 0.9,
                        },
                    );
                    y -= 3.0;
                }
            }
        }
    }
    pages
}

/// The height of an item's lines after the first.
fn item_height_rest(item: &Item) -> f32 {
    match item {
        Item::Lines { style, lines, .. } => {
            style.line_height() * lines.len().saturating_sub(1) as f32
                + if *style == Style::Heading { 3.0 } else { 0.0 }
        }
        _ => 0.0,
    }
}

fn push(pages: &mut [Vec<Placed>], placed: Placed) {
    if let Some(page) = pages.last_mut() {
        page.push(placed);
    }
}

fn dark() -> Color {
    Color::Rgb(Rgb {
        r: 0.1,
        g: 0.1,
        b: 0.1,
        icc_profile: None,
    })
}

fn point(x: f32, y: f32) -> LinePoint {
    LinePoint {
        p: Point { x: Pt(x), y: Pt(y) },
        bezier: false,
    }
}

fn text_ops(font: &printpdf::FontId, x: Pt, y: Pt, size: f32, text: &str) -> Vec<Op> {
    vec![
        Op::StartTextSection,
        Op::SetTextCursor {
            pos: Point { x, y },
        },
        Op::SetFont {
            font: PdfFontHandle::External(font.clone()),
            size: Pt(size),
        },
        Op::ShowText {
            items: vec![TextItem::Text(text.to_owned())],
        },
        Op::EndTextSection,
    ]
}

fn square(x: f32, y: f32, side: f32, mode: PaintMode) -> Op {
    Op::DrawPolygon {
        polygon: Polygon {
            rings: vec![PolygonRing {
                points: vec![
                    point(x, y),
                    point(x + side, y),
                    point(x + side, y + side),
                    point(x, y + side),
                ],
            }],
            mode,
            winding_order: WindingOrder::NonZero,
        },
    }
}

fn box_ops(x: f32, y: f32, side: f32, ticked: bool) -> Vec<Op> {
    let mut ops = vec![
        Op::SetOutlineColor { col: dark() },
        Op::SetOutlineThickness { pt: Pt(0.9) },
        square(x, y, side, PaintMode::Stroke),
    ];
    if ticked {
        // A filled square inside the box: the tick the user made on screen.
        let inset = side * 0.22;
        ops.push(Op::SetFillColor { col: dark() });
        ops.push(square(
            x + inset,
            y + inset,
            side - 2.0 * inset,
            PaintMode::Fill,
        ));
    }
    ops
}

fn rule_ops(y: f32, weight: f32) -> Vec<Op> {
    vec![
        Op::SetOutlineColor { col: dark() },
        Op::SetOutlineThickness { pt: Pt(weight) },
        Op::DrawLine {
            line: PdfLine {
                points: vec![
                    point(Mm(SIDE_MM).into_pt().0, y),
                    point(Mm(PAGE_WIDTH_MM - SIDE_MM).into_pt().0, y),
                ],
                is_closed: false,
            },
        },
    ]
}

/// The document as PDF bytes.
pub fn pdf(document: &Document) -> Result<Vec<u8>, ExportError> {
    let (font, face) = font().zip(face()).ok_or(ExportError::Font)?;
    let pages = paginate(&items(face, document));
    let mut doc = PdfDocument::new(&document.title);
    let font_id = doc.add_font(font);
    if let Some(date) = document_date(document) {
        doc.metadata.info.creation_date = date;
        doc.metadata.info.modification_date = date;
        doc.metadata.info.metadata_date = date;
    }
    doc.metadata.info.creator = "yibao 医保个人账户助手".to_owned();
    let total = pages.len();
    let pdf_pages: Vec<PdfPage> = pages
        .iter()
        .enumerate()
        .map(|(index, placed)| {
            let mut ops = Vec::new();
            for item in placed {
                match item {
                    Placed::Text {
                        x_mm,
                        y_pt,
                        size,
                        text,
                    } => ops.extend(text_ops(
                        &font_id,
                        Mm(*x_mm).into_pt(),
                        Pt(*y_pt),
                        *size,
                        text,
                    )),
                    Placed::Box {
                        x_mm,
                        y_pt,
                        size,
                        ticked,
                    } => ops.extend(box_ops(
                        Mm(*x_mm).into_pt().0,
                        y_pt - size * 0.08,
                        size * 0.82,
                        *ticked,
                    )),
                    Placed::Rule { y_pt, weight } => ops.extend(rule_ops(*y_pt, *weight)),
                }
            }
            let footer = format!(
                "清单编号 {} · 第 {} / {} 页",
                document.list_number,
                index + 1,
                total
            );
            for (line, raise_mm) in [(&document.footer_note, 3.6), (&footer, 0.0)] {
                ops.extend(text_ops(
                    &font_id,
                    Mm(SIDE_MM).into_pt(),
                    Mm(FOOTER_MM + raise_mm).into_pt(),
                    8.0,
                    line,
                ));
            }
            PdfPage::new(Mm(PAGE_WIDTH_MM), Mm(PAGE_HEIGHT_MM), ops)
        })
        .collect();
    let options = PdfSaveOptions {
        subset_fonts: true,
        ..PdfSaveOptions::default()
    };
    Ok(doc.with_pages(pdf_pages).save(&options, &mut Vec::new()))
}

/// The list's date as the PDF's dates (the same list gives the same bytes).
fn document_date(document: &Document) -> Option<DateTime> {
    let timestamp = document
        .generated_on
        .and_hms_opt(0, 0, 0)?
        .and_utc()
        .timestamp();
    DateTime::from_unix_timestamp(timestamp).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(style: Style, text: &str, keep_with_next: bool) -> Item {
        Item::Lines {
            style,
            lines: vec![text.to_owned()],
            keep_with_next,
        }
    }

    /// The page each text is placed on.
    fn page_of(pages: &[Vec<Placed>], wanted: &str) -> usize {
        pages
            .iter()
            .position(|page| {
                page.iter()
                    .any(|placed| matches!(placed, Placed::Text { text, .. } if text == wanted))
            })
            .unwrap_or_else(|| panic!("{wanted} is not placed"))
    }

    #[test]
    fn a_heading_is_never_alone_at_the_foot_of_a_page() {
        // Wherever the filler ends, the heading shares its page with what follows it, and so
        // does a subheading under it.
        for filler in 0..90 {
            let mut items: Vec<Item> = (0..filler)
                .map(|i| line(Style::Body, &format!("filler {i}"), false))
                .collect();
            items.push(line(Style::Heading, "heading", true));
            items.push(line(Style::Subheading, "subheading", true));
            items.push(line(Style::Tick(Some(false)), "first item", false));
            let pages = paginate(&items);
            let heading = page_of(&pages, "heading");
            assert_eq!(heading, page_of(&pages, "subheading"), "filler {filler}");
            assert_eq!(heading, page_of(&pages, "first item"), "filler {filler}");
        }
    }

    #[test]
    fn ruled_lines_for_notes_stay_together_and_parts_start_a_page() {
        for filler in 0..90 {
            let mut items: Vec<Item> = (0..filler)
                .map(|i| line(Style::Body, &format!("filler {i}"), false))
                .collect();
            items.push(Item::WritingLines(3));
            items.push(Item::PageBreak);
            items.push(line(Style::Title, "next person", true));
            items.push(line(Style::Body, "their list", false));
            let pages = paginate(&items);
            let rules: Vec<usize> = pages
                .iter()
                .enumerate()
                .flat_map(|(i, page)| {
                    page.iter()
                        .filter(|p| matches!(p, Placed::Rule { .. }))
                        .map(move |_| i)
                })
                .collect();
            assert_eq!(rules.len(), 3);
            assert!(
                rules.iter().all(|page| *page == rules[0]),
                "filler {filler}"
            );
            assert_eq!(
                page_of(&pages, "next person"),
                rules[0] + 1,
                "filler {filler}"
            );
        }
    }
}
