//! Dates in the reader's style: "26 november 2026" in Dutch, "26 November 2026" in English.
use crate::i18n::Locale;
use crate::messages::month_name;
use chrono::{DateTime, Datelike, NaiveDate, Timelike, Utc};

pub fn format_date(l: Locale, d: DateTime<Utc>) -> String {
    format!("{} {} {}", d.day(), month_name(l, d.month()), d.year())
}

/// A calendar date (visits, due dates), written the same way as `format_date`.
pub fn format_day(l: Locale, d: NaiveDate) -> String {
    format!("{} {} {}", d.day(), month_name(l, d.month()), d.year())
}

/// A score with one decimal, with a decimal comma in Dutch ("39,2") and a point in English.
pub fn format_score(l: Locale, v: f64) -> String {
    let s = format!("{v:.1}");
    if l == Locale::nl {
        s.replace('.', ",")
    } else {
        s
    }
}

pub fn format_datetime(l: Locale, d: DateTime<Utc>) -> String {
    format!(
        "{}, {:02}:{:02} UTC",
        format_date(l, d),
        d.hour(),
        d.minute()
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn dates_read_the_dutch_way_and_the_english_way() {
        let d = Utc.with_ymd_and_hms(2026, 11, 26, 9, 5, 0).unwrap();
        assert_eq!(format_date(Locale::nl, d), "26 november 2026");
        assert_eq!(format_date(Locale::en, d), "26 November 2026");
        assert_eq!(
            format_datetime(Locale::nl, d),
            "26 november 2026, 09:05 UTC"
        );
    }
}
