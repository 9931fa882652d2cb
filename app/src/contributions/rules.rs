//! The rules of contributions, as pure functions: an application fits its scheme, and the
//! de-minimis total of a company over the last three years stays under the EU ceiling.
use crate::domain::Msg;
use chrono::{Months, NaiveDate};

/// The EU de-minimis ceiling per company over three years: EUR 300,000.
pub const DE_MINIMIS_CEILING_CENTS: i64 = 300_000_00;

/// What the rules need to know of a scheme.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SchemeRules {
    pub min_cents: i64,
    pub max_cents: i64,
    pub valid_from: NaiveDate,
    pub valid_until: Option<NaiveDate>,
    pub de_minimis: bool,
}

/// An application as far as the de-minimis total is concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AidLine {
    pub de_minimis: bool,
    pub applied_on: NaiveDate,
    /// Granted amount; for an open application the amount requested (it may still be granted).
    pub counted_cents: i64,
    pub rejected: bool,
}

/// The amount requested fits the scheme on the day of applying.
pub fn check_application(s: &SchemeRules, amount_cents: i64, on: NaiveDate) -> Result<(), Msg> {
    if on < s.valid_from || s.valid_until.is_some_and(|u| on > u) {
        return Err(Msg::SchemeNotValid);
    }
    if amount_cents <= 0 || amount_cents < s.min_cents || amount_cents > s.max_cents {
        return Err(Msg::AmountOutOfRange(s.min_cents, s.max_cents));
    }
    Ok(())
}

/// De-minimis aid of the three years up to `today` (granted, or still open), in cents.
pub fn de_minimis_total(lines: &[AidLine], today: NaiveDate) -> i64 {
    let since = today.checked_sub_months(Months::new(36)).unwrap_or(today);
    lines
        .iter()
        .filter(|l| l.de_minimis && !l.rejected && l.applied_on > since && l.applied_on <= today)
        .map(|l| l.counted_cents.max(0))
        .sum()
}

/// Whether a new de-minimis application of `amount_cents` would take the total past the ceiling.
pub fn passes_ceiling(total_cents: i64, amount_cents: i64) -> bool {
    total_cents.saturating_add(amount_cents) > DE_MINIMIS_CEILING_CENTS
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn scheme() -> SchemeRules {
        SchemeRules {
            min_cents: 50_000,
            max_cents: 500_000,
            valid_from: d(2026, 1, 1),
            valid_until: Some(d(2026, 12, 31)),
            de_minimis: true,
        }
    }

    #[test]
    fn an_application_fits_its_scheme_in_amount_and_time() {
        assert_eq!(check_application(&scheme(), 100_000, d(2026, 6, 1)), Ok(()));
        assert_eq!(
            check_application(&scheme(), 10_000, d(2026, 6, 1)),
            Err(Msg::AmountOutOfRange(50_000, 500_000))
        );
        assert_eq!(
            check_application(&scheme(), 600_000, d(2026, 6, 1)),
            Err(Msg::AmountOutOfRange(50_000, 500_000))
        );
        assert_eq!(
            check_application(&scheme(), 100_000, d(2027, 1, 1)),
            Err(Msg::SchemeNotValid)
        );
        assert_eq!(
            check_application(&scheme(), 100_000, d(2025, 12, 31)),
            Err(Msg::SchemeNotValid)
        );
    }

    #[test]
    fn the_de_minimis_total_counts_three_years_of_granted_and_open_aid() {
        let line = |on, cents, dm, rejected| AidLine {
            de_minimis: dm,
            applied_on: on,
            counted_cents: cents,
            rejected,
        };
        let lines = [
            line(d(2026, 11, 1), 100, true, false),
            line(d(2024, 1, 1), 1_000, true, false),
            line(d(2023, 11, 1), 10_000, true, false), // more than three years ago
            line(d(2026, 1, 1), 100_000, false, false), // not de-minimis aid
            line(d(2026, 2, 1), 1_000_000, true, true), // rejected
        ];
        assert_eq!(de_minimis_total(&lines, d(2026, 11, 27)), 1_100);
    }

    #[test]
    fn the_ceiling_is_three_hundred_thousand_euros() {
        assert!(!passes_ceiling(290_000_00, 10_000_00));
        assert!(passes_ceiling(290_000_00, 10_000_01));
    }
}
