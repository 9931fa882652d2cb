//! Dates in the reader's style: "26 november 2026" in Dutch, "26 November 2026" in English.
//! Moments are stored in UTC and shown in the programme's time zone, Europe/Amsterdam, with
//! its summer and winter time (chrono-tz, the IANA database).
use crate::i18n::Locale;
use crate::messages::month_name;
use chrono::{DateTime, Datelike, NaiveDate, Timelike, Utc};
use chrono_tz::Tz;

/// The time zone every time is shown in (the people of the programme live there).
pub const ZONE: Tz = chrono_tz::Europe::Amsterdam;

/// A stored moment as the clock on the wall in the Netherlands read it.
pub fn local(d: DateTime<Utc>) -> DateTime<Tz> {
    d.with_timezone(&ZONE)
}

pub fn format_date(l: Locale, d: DateTime<Utc>) -> String {
    let d = local(d);
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

/// Date and time of day in the Netherlands ("26 november 2026, 10:05").
pub fn format_datetime(l: Locale, d: DateTime<Utc>) -> String {
    let t = local(d);
    format!("{}, {:02}:{:02}", format_date(l, d), t.hour(), t.minute())
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
        assert_eq!(format_datetime(Locale::nl, d), "26 november 2026, 10:05");
    }

    #[test]
    fn times_are_shown_in_amsterdam_with_summer_and_winter_time() {
        // Winter: UTC+1.
        let winter = Utc.with_ymd_and_hms(2026, 1, 15, 9, 5, 0).unwrap();
        assert_eq!(format_datetime(Locale::nl, winter), "15 januari 2026, 10:05");
        // Summer: UTC+2.
        let summer = Utc.with_ymd_and_hms(2026, 7, 1, 9, 5, 0).unwrap();
        assert_eq!(format_datetime(Locale::en, summer), "1 July 2026, 11:05");
        // Late in the evening in UTC is already the next day here.
        let late = Utc.with_ymd_and_hms(2026, 11, 26, 23, 30, 0).unwrap();
        assert_eq!(format_date(Locale::nl, late), "27 november 2026");
        assert_eq!(format_datetime(Locale::nl, late), "27 november 2026, 00:30");
        // The clocks go forward on the last Sunday of March at 01:00 UTC, back in October.
        let before = Utc.with_ymd_and_hms(2026, 3, 29, 0, 59, 0).unwrap();
        let after = Utc.with_ymd_and_hms(2026, 3, 29, 1, 0, 0).unwrap();
        assert_eq!(format_datetime(Locale::nl, before), "29 maart 2026, 01:59");
        assert_eq!(format_datetime(Locale::nl, after), "29 maart 2026, 03:00");
        let back = Utc.with_ymd_and_hms(2026, 10, 25, 1, 0, 0).unwrap();
        assert_eq!(format_datetime(Locale::nl, back), "25 oktober 2026, 02:00");
    }
}
