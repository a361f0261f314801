//! 18-character resident ID numbers (公民身份号码, GB 11643-1999): validation, the birth date
//! they carry, and masking for display.

use chrono::NaiveDate;

/// Why an ID number is not valid, in words the user can act on.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum IdNumberError {
    #[error("身份证号应为 18 位，现在是 {0} 位")]
    Length(usize),
    #[error("身份证号第 {0} 位应为数字")]
    NotDigit(usize),
    #[error("身份证号最后一位应为数字或 X")]
    BadLastCharacter,
    #[error("身份证号前两位 {0} 不是有效的省级行政区代码")]
    BadRegion(String),
    #[error("身份证号中的出生日期 {0} 不是真实的日期")]
    BadBirthDate(String),
    #[error("身份证号中的出生日期 {0} 不合理（早于 1900 年或晚于今天）")]
    ImplausibleBirthDate(String),
    // The expected digit is kept for tests but never shown: telling it would invite fixing
    // the last digit alone and hide the real typo.
    #[error(
        "身份证号校验不通过，其中有数字抄错了：请对照身份证把 18 位逐位核对一遍（不要只改最后一位）"
    )]
    CheckDigit { expected: char, found: char },
}

impl IdNumberError {
    /// The problem in English (the English window).
    pub fn english(&self) -> String {
        match self {
            IdNumberError::Length(n) => format!("an ID number has 18 characters; this one has {n}"),
            IdNumberError::NotDigit(i) => format!("character {i} of the ID number should be a digit"),
            IdNumberError::BadLastCharacter => {
                "the last character of the ID number should be a digit or X".to_owned()
            }
            IdNumberError::BadRegion(code) => {
                format!("the first two digits {code} are not a province code")
            }
            IdNumberError::BadBirthDate(date) => {
                format!("the birth date {date} in the ID number is not a real date")
            }
            IdNumberError::ImplausibleBirthDate(date) => format!(
                "the birth date {date} in the ID number is implausible (before 1900 or after today)"
            ),
            IdNumberError::CheckDigit { .. } => "the ID number's check digit does not match, so a digit was copied wrongly: compare all 18 characters with the card (do not just change the last one)".to_owned(),
        }
    }
}

/// A valid 18-character ID number (upper-case X).
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(transparent)]
pub struct IdNumber(String);

const WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS: [char; 11] = ['1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'];

/// Province-level codes in use (first two digits).
const PROVINCE_CODES: &[u32] = &[
    11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52,
    53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83,
];

/// The check character for the first 17 digits.
pub fn check_character(first_17: &[u32; 17]) -> char {
    let sum: u32 = first_17.iter().zip(WEIGHTS).map(|(d, w)| d * w).sum();
    CHECK_CHARS[(sum % 11) as usize]
}

impl IdNumber {
    /// Validates `text` (spaces ignored, lower-case and full-width digits and x accepted) as
    /// of `today`.
    pub fn parse(text: &str, today: NaiveDate) -> Result<Self, IdNumberError> {
        let cleaned: String = text
            .chars()
            .filter(|c| !c.is_whitespace())
            .map(|c| crate::family::money::to_halfwidth(c).to_ascii_uppercase())
            .collect();
        let chars: Vec<char> = cleaned.chars().collect();
        if chars.len() != 18 {
            return Err(IdNumberError::Length(chars.len()));
        }
        let mut digits = [0u32; 17];
        for (i, c) in chars[..17].iter().enumerate() {
            digits[i] = c.to_digit(10).ok_or(IdNumberError::NotDigit(i + 1))?;
        }
        let last = chars[17];
        if !(last.is_ascii_digit() || last == 'X') {
            return Err(IdNumberError::BadLastCharacter);
        }
        let province = digits[0] * 10 + digits[1];
        if !PROVINCE_CODES.contains(&province) {
            return Err(IdNumberError::BadRegion(format!("{province:02}")));
        }
        let birth_text: String = chars[6..14].iter().collect();
        let birth = NaiveDate::parse_from_str(&birth_text, "%Y%m%d")
            .map_err(|_| IdNumberError::BadBirthDate(birth_text.clone()))?;
        let earliest = NaiveDate::from_ymd_opt(1900, 1, 1).unwrap_or(NaiveDate::MIN);
        if birth < earliest || birth > today {
            return Err(IdNumberError::ImplausibleBirthDate(birth_text));
        }
        let expected = check_character(&digits);
        if expected != last {
            return Err(IdNumberError::CheckDigit {
                expected,
                found: last,
            });
        }
        Ok(IdNumber(cleaned))
    }

    /// The number as stored (18 characters, upper-case X).
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The birth date it encodes.
    pub fn birth_date(&self) -> NaiveDate {
        NaiveDate::parse_from_str(&self.0[6..14], "%Y%m%d").unwrap_or(NaiveDate::MIN)
    }

    /// For display: the first 4 and last 4 characters, the rest hidden
    /// (`3201**********123X`).
    pub fn masked(&self) -> String {
        mask(&self.0)
    }
}

/// Masks any text like an ID number: first 4 and last 4 characters kept.
pub fn mask(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    if chars.len() <= 8 {
        return "*".repeat(chars.len());
    }
    let head: String = chars[..4].iter().collect();
    let tail: String = chars[chars.len() - 4..].iter().collect();
    format!("{head}{}{tail}", "*".repeat(chars.len() - 8))
}
