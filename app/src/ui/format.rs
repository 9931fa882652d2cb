//! Dates in the reader's style: "26 november 2026" in Dutch, "26 November 2026" in English.
//! Moments are stored in UTC and shown in the programme's time zone, Europe/Amsterdam, with
//! its summer and winter time. Both sides read the IANA time zone database: the server through
//! chrono-tz (built with this one zone), the browser through its own `Intl` (so the wasm
//! carries no zone data); both give the same wall clock, so pages hydrate unchanged.
use crate::i18n::Locale;
use crate::messages::month_name;
use chrono::{DateTime, NaiveDate, Utc};

/// The time zone every time is shown in (the people of the programme live there).
pub const ZONE: &str = "Europe/Amsterdam";

/// A stored moment as the clock on the wall in the Netherlands read it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WallClock {
    pub year: i32,
    pub month: u32,
    pub day: u32,
    pub hour: u32,
    pub minute: u32,
}

#[cfg(feature = "ssr")]
pub fn wall_clock(d: DateTime<Utc>) -> WallClock {
    use chrono::{Datelike, Timelike};
    // The one zone chrono-tz is built with (`.cargo/config.toml`).
    let zone: chrono_tz::Tz = ZONE.parse().unwrap_or(chrono_tz::Europe::Amsterdam);
    let t = d.with_timezone(&zone);
    WallClock {
        year: t.year(),
        month: t.month(),
        day: t.day(),
        hour: t.hour(),
        minute: t.minute(),
    }
}

#[cfg(not(feature = "ssr"))]
pub fn wall_clock(d: DateTime<Utc>) -> WallClock {
    use js_sys::{Array, Date, Intl::DateTimeFormat, Object, Reflect};
    use wasm_bindgen::JsValue;
    let options = Object::new();
    for (key, value) in [
        ("timeZone", ZONE),
        ("hourCycle", "h23"),
        ("year", "numeric"),
        ("month", "numeric"),
        ("day", "numeric"),
        ("hour", "numeric"),
        ("minute", "numeric"),
    ] {
        let _ = Reflect::set(&options, &key.into(), &value.into());
    }
    let format = DateTimeFormat::new(&Array::of1(&"en-GB".into()), &options);
    let date = Date::new(&JsValue::from_f64(d.timestamp_millis() as f64));
    let mut clock = WallClock {
        year: 0,
        month: 1,
        day: 1,
        hour: 0,
        minute: 0,
    };
    for part in format.format_to_parts(&date).iter() {
        let field = |k: &str| {
            Reflect::get(&part, &k.into())
                .ok()
                .and_then(|v| v.as_string())
        };
        let (Some(kind), Some(value)) = (field("type"), field("value")) else {
            continue;
        };
        let n: u32 = value.parse().unwrap_or(0);
        match kind.as_str() {
            "year" => clock.year = n as i32,
            "month" => clock.month = n,
            "day" => clock.day = n,
            "hour" => clock.hour = n % 24,
            "minute" => clock.minute = n,
            _ => {}
        }
    }
    clock
}

pub fn format_date(l: Locale, d: DateTime<Utc>) -> String {
    let d = wall_clock(d);
    format!("{} {} {}", d.day, month_name(l, d.month), d.year)
}

/// A calendar date (visits, due dates), written the same way as `format_date`.
pub fn format_day(l: Locale, d: NaiveDate) -> String {
    use chrono::Datelike;
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
    let t = wall_clock(d);
    format!("{}, {:02}:{:02}", format_date(l, d), t.hour, t.minute)
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
        assert_eq!(
            format_datetime(Locale::nl, winter),
            "15 januari 2026, 10:05"
        );
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
