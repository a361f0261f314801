//! The checklist as an A4 PDF: the CJK font embedded and subset, check boxes drawn as boxes,
//! page numbers in the footer.

use std::sync::OnceLock;

use printpdf::{
    Color, DateTime, LinePoint, Mm, Op, PaintMode, ParsedFont, PdfDocument, PdfFontHandle, PdfPage,
    PdfSaveOptions, Point, Polygon, PolygonRing, Pt, Rgb, TextItem, WindingOrder,
};

use crate::checklist::Checklist;

const PAGE_WIDTH_MM: f32 = 210.0;
const PAGE_HEIGHT_MM: f32 = 297.0;
const MARGIN_MM: f32 = 18.0;
const FOOTER_MM: f32 = 12.0;
const CHECK_INDENT_MM: f32 = 7.0;

/// The font, parsed once (parsing the 8 MB OTF is the slow part of an export).
fn font() -> Option<&'static ParsedFont> {
    static FONT: OnceLock<Option<ParsedFont>> = OnceLock::new();
    FONT.get_or_init(|| ParsedFont::from_bytes(crate::assets::NOTO_SANS_SC, 0, &mut Vec::new()))
        .as_ref()
}

/// One kind of line in the layout.
#[derive(Clone, Copy, PartialEq)]
enum Style {
    Title,
    Heading,
    Body,
    /// A line with a check box, and whether the user ticked it.
    Check(bool),
    Small,
}

impl Style {
    fn size(self) -> f32 {
        match self {
            Style::Title => 18.0,
            Style::Heading => 13.5,
            Style::Body | Style::Check(_) => 11.0,
            Style::Small => 9.0,
        }
    }

    fn gap_before(self) -> f32 {
        match self {
            Style::Title => 0.0,
            Style::Heading => 8.0,
            _ => 0.0,
        }
    }
}

/// Approximate width of a character in em: CJK and full-width forms are square, the rest half.
fn char_em(c: char) -> f32 {
    if c.is_ascii() { 0.55 } else { 1.0 }
}

/// Splits `text` into lines no wider than `width_pt` at `size`.
fn wrap(text: &str, size: f32, width_pt: f32) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut used = 0.0;
    for c in text.chars() {
        let w = char_em(c) * size;
        // Closing punctuation never starts a line: it hangs into the margin instead.
        if used + w > width_pt && !line.is_empty() && !"，。、；：！？）》」』”’".contains(c)
        {
            lines.push(std::mem::take(&mut line));
            used = 0.0;
        }
        line.push(c);
        used += w;
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// A line placed on a page.
struct Placed {
    x_mm: f32,
    y_pt: f32,
    size: f32,
    text: String,
    /// A check box before the line, and whether it is ticked.
    check_box: Option<bool>,
}

/// Flows blocks of text onto A4 pages.
struct Layout {
    pages: Vec<Vec<Placed>>,
    y_pt: f32,
}

impl Layout {
    fn top() -> f32 {
        Mm(PAGE_HEIGHT_MM - MARGIN_MM).into_pt().0
    }

    fn bottom() -> f32 {
        Mm(MARGIN_MM + FOOTER_MM).into_pt().0
    }

    fn new() -> Self {
        Layout {
            pages: vec![Vec::new()],
            y_pt: Self::top(),
        }
    }

    fn add(&mut self, style: Style, text: &str) {
        let size = style.size();
        let indent = if matches!(style, Style::Check(_)) {
            CHECK_INDENT_MM
        } else {
            0.0
        };
        let width = Mm(PAGE_WIDTH_MM - 2.0 * MARGIN_MM - indent).into_pt().0;
        let line_height = size * 1.55;
        self.y_pt -= style.gap_before();
        for (i, line) in wrap(text, size, width).into_iter().enumerate() {
            if self.y_pt - line_height < Self::bottom() {
                self.pages.push(Vec::new());
                self.y_pt = Self::top();
            }
            self.y_pt -= line_height;
            if let Some(page) = self.pages.last_mut() {
                page.push(Placed {
                    x_mm: MARGIN_MM + indent,
                    y_pt: self.y_pt,
                    size,
                    text: line,
                    check_box: match style {
                        Style::Check(ticked) if i == 0 => Some(ticked),
                        _ => None,
                    },
                });
            }
        }
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

fn box_ops(x: Pt, y: Pt, side: f32, ticked: bool) -> Vec<Op> {
    let point = |px: f32, py: f32| LinePoint {
        p: Point {
            x: Pt(px),
            y: Pt(py),
        },
        bezier: false,
    };
    let mut ops = vec![
        Op::SetOutlineColor {
            col: Color::Rgb(Rgb {
                r: 0.1,
                g: 0.1,
                b: 0.1,
                icc_profile: None,
            }),
        },
        Op::SetOutlineThickness { pt: Pt(0.8) },
        Op::DrawPolygon {
            polygon: Polygon {
                rings: vec![PolygonRing {
                    points: vec![
                        point(x.0, y.0),
                        point(x.0 + side, y.0),
                        point(x.0 + side, y.0 + side),
                        point(x.0, y.0 + side),
                    ],
                }],
                mode: PaintMode::Stroke,
                winding_order: WindingOrder::NonZero,
            },
        },
    ];
    if ticked {
        // A filled square inside the box: the tick the user made on screen.
        let inset = side * 0.22;
        ops.push(Op::SetFillColor {
            col: Color::Rgb(Rgb {
                r: 0.1,
                g: 0.1,
                b: 0.1,
                icc_profile: None,
            }),
        });
        ops.push(Op::DrawPolygon {
            polygon: Polygon {
                rings: vec![PolygonRing {
                    points: vec![
                        point(x.0 + inset, y.0 + inset),
                        point(x.0 + side - inset, y.0 + inset),
                        point(x.0 + side - inset, y.0 + side - inset),
                        point(x.0 + inset, y.0 + side - inset),
                    ],
                }],
                mode: PaintMode::Fill,
                winding_order: WindingOrder::NonZero,
            },
        });
    }
    ops
}

/// The checklist as PDF bytes.
pub fn pdf(
    checklist: &Checklist,
    lines: &[(super::Line, String)],
) -> Result<Vec<u8>, super::ExportError> {
    let font = font().ok_or(super::ExportError::Font)?;
    let mut layout = Layout::new();
    for (kind, text) in lines {
        let style = match kind {
            super::Line::Title => Style::Title,
            super::Line::Heading => Style::Heading,
            super::Line::Body => Style::Body,
            super::Line::Check(ticked) => Style::Check(*ticked),
            super::Line::Small => Style::Small,
        };
        layout.add(style, text);
    }
    let mut doc = PdfDocument::new(&format!(
        "{} · {}",
        checklist.procedure_label, checklist.region_name
    ));
    let font_id = doc.add_font(font);
    let timestamp = checklist
        .generated_on
        .and_hms_opt(0, 0, 0)
        .map_or(0, |d| d.and_utc().timestamp());
    if let Ok(date) = DateTime::from_unix_timestamp(timestamp) {
        doc.metadata.info.creation_date = date;
        doc.metadata.info.modification_date = date;
        doc.metadata.info.metadata_date = date;
    }
    doc.metadata.info.creator = "yibao 医保个人账户助手".to_owned();
    let total = layout.pages.len();
    let pages: Vec<PdfPage> = layout
        .pages
        .iter()
        .enumerate()
        .map(|(index, placed)| {
            let mut ops = Vec::new();
            for line in placed {
                let x = Mm(line.x_mm).into_pt();
                if let Some(ticked) = line.check_box {
                    let side = line.size * 0.8;
                    ops.extend(box_ops(
                        Pt(x.0 - Mm(CHECK_INDENT_MM - 1.0).into_pt().0),
                        Pt(line.y_pt - 1.0),
                        side,
                        ticked,
                    ));
                }
                ops.extend(text_ops(&font_id, x, Pt(line.y_pt), line.size, &line.text));
            }
            let footer = format!(
                "第 {} / {} 页 · {} · 清单指纹 {} · 医保服务热线 12393（手机加区号）",
                index + 1,
                total,
                checklist.region_name,
                checklist.fingerprint
            );
            ops.extend(text_ops(
                &font_id,
                Mm(MARGIN_MM).into_pt(),
                Mm(MARGIN_MM).into_pt(),
                8.5,
                &footer,
            ));
            PdfPage::new(Mm(PAGE_WIDTH_MM), Mm(PAGE_HEIGHT_MM), ops)
        })
        .collect();
    let options = PdfSaveOptions {
        subset_fonts: true,
        ..PdfSaveOptions::default()
    };
    Ok(doc.with_pages(pages).save(&options, &mut Vec::new()))
}
