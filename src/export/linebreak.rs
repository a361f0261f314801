//! Where a printed line may end: the Unicode line-breaking algorithm (UAX #14, through
//! `unicode-linebreak`), which already keeps closing punctuation (，。、）」 and the like) off
//! the start of a line, tightened so that a number, a date, a 文号, a phone number and a
//! bracket pair are never split when they fit on a line. Widths come from the caller (the PDF
//! measures the embedded font's advance widths).

use std::ops::Range;
use std::sync::OnceLock;

use regex::Regex;
use unicode_linebreak::{BreakOpportunity, linebreaks};

/// Characters that never start a line, even where a too-long word has to be cut.
const NO_LINE_START: &str = "，。、；：！？）〕］】》」』”’,.;:!?)]}%";

/// The widest bracket pair kept whole, as a share of the line: a longer pair moved whole to
/// the next line would leave a line mostly empty. Numbers, dates and 文号 are kept whole
/// whenever they fit on a line.
const KEPT_WHOLE_UP_TO: f32 = 0.25;

/// Openers and their closers: a pair is kept on one line when it fits.
const PAIRS: [(char, char); 10] = [
    ('（', '）'),
    ('(', ')'),
    ('〔', '〕'),
    ('［', '］'),
    ('[', ']'),
    ('【', '】'),
    ('《', '》'),
    ('「', '」'),
    ('『', '』'),
    ('“', '”'),
];

/// Numbers, dates, 文号, phone numbers and article numbers: never split.
fn tokens() -> &'static Regex {
    static TOKENS: OnceLock<Regex> = OnceLock::new();
    TOKENS.get_or_init(|| {
        Regex::new(concat!(
            // 文号: 医保发〔2021〕14号, 国办发〔2021〕14号.
            r"\p{Han}{2,4}[〔［\[（(]\d{4}[〕］\]）)]第?\d+号",
            // Dates: 2026年1月9日, 1月9日, 2026-01-09.
            r"|\d{4}年\d{1,2}月(?:\d{1,2}日)?|\d{1,2}月\d{1,2}日|\d{4}-\d{1,2}-\d{1,2}",
            // Phone numbers: 区号+12393, 0551-12393.
            r"|区号\s*\+\s*\d+|\d+(?:-\d+)+",
            // Articles: 第一千一百二十七条, 第23条.
            r"|第[\d一二三四五六七八九十百千零]+条",
            // A source number stays with the character before it: 为准。［1、3］.
            r"|.［[\d、]+］",
            // Numbers with their ranges: 10%～30%, 1,000.50,
            // with the unit after them: 30个, 2至5倍, 12月.
            r"|\d[\d,.]*(?:[%‰])?(?:\s*[～~至到]\s*\d[\d,.]*(?:[%‰])?)?[倍个元岁年月日天周号条款项次位名户份张页级]?",
        ))
        .expect("the token pattern is valid")
    })
}

/// A span of `text` that should not be split.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Protected {
    pub range: Range<usize>,
    /// A bracket pair (kept whole only when short), not a number, date or 文号.
    pub pair: bool,
}

/// The spans of `text` that should not be split: tokens and bracket pairs.
pub fn protected_spans(text: &str) -> Vec<Protected> {
    let mut spans: Vec<Protected> = tokens()
        .find_iter(text)
        .map(|m| Protected {
            range: m.range(),
            pair: false,
        })
        .collect();
    let mut open: Vec<(char, usize)> = Vec::new();
    for (i, c) in text.char_indices() {
        if let Some((_, closer)) = PAIRS.iter().find(|(opener, _)| *opener == c) {
            open.push((*closer, i));
        } else if let Some(position) = open.iter().rposition(|(closer, _)| *closer == c) {
            let (_, start) = open[position];
            open.truncate(position);
            spans.push(Protected {
                range: start..i + c.len_utf8(),
                pair: true,
            });
        }
    }
    spans
}

/// Splits `text` into lines no wider than `max_width`, where `advance` gives a character's
/// width. Numbers, dates, 文号 and phone numbers are never split, nor bracket pairs up to a
/// quarter of a line; a word wider than a whole line
/// is cut between characters (never before closing punctuation).
pub fn wrap(text: &str, max_width: f32, advance: impl Fn(char) -> f32) -> Vec<String> {
    let width = |s: &str| s.chars().map(&advance).sum::<f32>();
    let spans: Vec<Range<usize>> = protected_spans(text)
        .into_iter()
        .filter(|span| {
            let limit = if span.pair { KEPT_WHOLE_UP_TO } else { 1.0 };
            width(&text[span.range.clone()]) <= max_width * limit
        })
        .map(|span| span.range)
        .collect();
    let inside = |i: usize| spans.iter().any(|span| span.start < i && i < span.end);
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut line_width = 0.0;
    let mut start = 0;
    for (end, opportunity) in linebreaks(text) {
        let mandatory = opportunity == BreakOpportunity::Mandatory;
        if !mandatory && inside(end) {
            continue;
        }
        let segment = &text[start..end];
        start = end;
        let segment_width = width(segment.trim_end());
        if line_width + segment_width > max_width && !line.is_empty() {
            lines.push(std::mem::take(&mut line).trim_end().to_owned());
            line_width = 0.0;
        }
        if segment_width > max_width {
            for c in segment.chars() {
                let w = advance(c);
                if line_width + w > max_width && !line.is_empty() && !NO_LINE_START.contains(c) {
                    lines.push(std::mem::take(&mut line));
                    line_width = 0.0;
                }
                line.push(c);
                line_width += w;
            }
        } else {
            let segment = if line.is_empty() {
                segment.trim_start()
            } else {
                segment
            };
            line.push_str(segment);
            line_width += width(segment);
        }
        if mandatory {
            let done = std::mem::take(&mut line);
            let done = done.trim_end_matches(['\n', '\r']).trim_end();
            if !done.is_empty() || end < text.len() {
                lines.push(done.to_owned());
            }
            line_width = 0.0;
        }
    }
    if !line.trim().is_empty() {
        lines.push(line.trim_end().to_owned());
    }
    if lines.is_empty() {
        lines.push(String::new());
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Chinese and full-width characters one unit wide, the rest half.
    fn advance(c: char) -> f32 {
        if c.is_ascii() { 0.5 } else { 1.0 }
    }

    fn wrapped(text: &str, width: f32) -> Vec<String> {
        wrap(text, width, advance)
    }

    #[test]
    fn closing_punctuation_never_starts_a_line() {
        let text = "官方办理不收费，不需要找中介。声称能代提、套现的是非法中介；请拨打热线（手机加区号）。";
        for width in 3..30 {
            for line in wrapped(text, width as f32).iter().skip(1) {
                let first = line.chars().next().expect("no empty lines");
                assert!(!NO_LINE_START.contains(first), "width {width}: {line}");
            }
        }
    }

    #[test]
    fn numbers_dates_document_numbers_and_brackets_stay_whole() {
        let text = "按照医保发〔2021〕14号，自2026年1月9日起，处骗取金额2至5倍的罚款，手续费10%～30%，电话区号+12393（手机拨打）。";
        let tokens = [
            "医保发〔2021〕14号",
            "2026年1月9日",
            "2至5倍",
            "10%～30%",
            "区号+12393",
        ];
        for width in 12..40 {
            let lines = wrapped(text, width as f32);
            assert_eq!(lines.concat(), text, "nothing is lost at width {width}");
            for token in tokens {
                assert!(
                    lines.iter().any(|line| line.contains(token)),
                    "width {width} splits {token}: {lines:?}"
                );
            }
            // A short bracket pair stays whole where it is at most a quarter of the line.
            if width >= 24 {
                assert!(
                    lines.iter().any(|line| line.contains("（手机拨打）")),
                    "width {width}: {lines:?}"
                );
            }
        }
    }

    #[test]
    fn lines_fit_their_width() {
        let text = "继承人与去世亲人的亲属关系证明（可用：户口簿、结婚证、出生医学证明、公证书）；窗口要求时才需要。";
        for width in 6..30 {
            for line in wrapped(text, width as f32) {
                let used: f32 = line.chars().map(advance).sum();
                // Closing punctuation may hang one character into the margin.
                assert!(
                    used <= width as f32 + 1.0,
                    "{line} is {used} wide at {width}"
                );
            }
        }
    }

    #[test]
    fn a_bracket_pair_wider_than_a_line_still_wraps() {
        let text = "（这是一段比一行还要长得多的括号里的说明文字，不能不换行）";
        let lines = wrapped(text, 8.0);
        assert!(lines.len() > 2, "{lines:?}");
        assert_eq!(lines.concat(), text);
    }
}
