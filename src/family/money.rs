//! Money in yuan as exact decimals with two places (分): parsing what people type, and
//! formatting. Never floats, never silent rounding.

use rust_decimal::Decimal;

/// The largest amount accepted for one expense or a balance: anything above is a typo.
pub const MAX_AMOUNT_YUAN: i64 = 1_000_000;

/// Why typed text is not an amount.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AmountError {
    #[error("请填写金额")]
    Empty,
    #[error("“{0}”不是金额，请只填数字，例如 128.50")]
    NotANumber(String),
    #[error("“{0}”里有逗号：请用小数点，例如 12.50（千位也不要加逗号）")]
    Comma(String),
    #[error("金额不能是负数")]
    Negative,
    #[error("金额最多精确到分（两位小数），“{0}”多了小数位；请自己确认怎么取舍")]
    TooManyDecimals(String),
    #[error("金额 {0} 元太大（超过 100 万元），请检查是否多打了 0")]
    TooLarge(String),
}

/// A full-width digit, point, comma or minus as its ASCII form; anything else unchanged.
pub(crate) fn to_halfwidth(c: char) -> char {
    match c {
        '０'..='９' | '．' | '，' | '－' | 'Ｘ' | 'ｘ' => {
            char::from_u32(c as u32 - 0xFEE0).unwrap_or(c)
        }
        _ => c,
    }
}

/// Parses an amount in yuan: `128`, `128.5`, `128.50`, `¥128.50`, `128.50元`, also typed in
/// full-width digits (`１２８．５０`). A comma is refused: `12,5` may mean 12.5 or 125, and a
/// guess would move money (`请用小数点`).
/// Zero is allowed (an empty balance); negative, over two decimals or absurd amounts are not.
pub fn parse_amount(text: &str) -> Result<Decimal, AmountError> {
    let trimmed = text.trim();
    // A Chinese input method may type full-width digits: １２８．５０.
    let halfwidth: String = trimmed.chars().map(to_halfwidth).collect();
    let core = halfwidth
        .trim_start_matches(['¥', '￥'])
        .trim_end_matches('元')
        .trim()
        .to_owned();
    if core.contains([',', '，', '、']) {
        return Err(AmountError::Comma(trimmed.to_owned()));
    }
    if core.is_empty() {
        return Err(AmountError::Empty);
    }
    let valid_shape = core
        .chars()
        .all(|c| c.is_ascii_digit() || c == '.' || c == '-')
        && core.matches('.').count() <= 1
        && core.chars().skip(1).all(|c| c != '-');
    if !valid_shape {
        return Err(AmountError::NotANumber(trimmed.to_owned()));
    }
    let value: Decimal = core
        .parse()
        .map_err(|_| AmountError::NotANumber(trimmed.to_owned()))?;
    if value.is_sign_negative() && !value.is_zero() {
        return Err(AmountError::Negative);
    }
    if value.scale() > 2 && value.normalize().scale() > 2 {
        return Err(AmountError::TooManyDecimals(trimmed.to_owned()));
    }
    if value > Decimal::from(MAX_AMOUNT_YUAN) {
        return Err(AmountError::TooLarge(trimmed.to_owned()));
    }
    let mut value = value.normalize();
    value.rescale(2);
    Ok(value)
}

/// `1234.5` → `1,234.50 元`.
pub fn format_yuan(amount: Decimal) -> String {
    let mut value = amount;
    value.rescale(2);
    let text = value.abs().to_string();
    let (whole, fraction) = text.split_once('.').unwrap_or((&text, "00"));
    let mut grouped = String::new();
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    let sign = if value.is_sign_negative() && !value.is_zero() {
        "-"
    } else {
        ""
    };
    format!("{sign}{grouped}.{fraction} 元")
}
