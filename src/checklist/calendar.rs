//! Working days: the transfer's completion dates skip Saturdays and Sundays (public holidays
//! are not known here, and the list says so).

use chrono::NaiveDate;

/// `date` plus `days` working days, skipping Saturdays and Sundays (public holidays are not
/// known here and are not skipped).
pub fn add_working_days(date: NaiveDate, days: u32) -> NaiveDate {
    use chrono::Datelike;
    let mut current = date;
    let mut left = days;
    while left > 0 {
        current = current.succ_opt().unwrap_or(current);
        if !matches!(
            current.weekday(),
            chrono::Weekday::Sat | chrono::Weekday::Sun
        ) {
            left -= 1;
        }
    }
    current
}
