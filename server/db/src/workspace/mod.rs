//! Persistence of the coach workspace: the caseload, the company timeline (and its notes),
//! co-coaching and handover, coach reviews of scans, visits and their reports, agreed actions
//! and the coaches' T-profiles.
pub mod actions;
pub mod caseload;
pub mod coaching;
pub mod reviews;
pub mod timeline;
pub mod tprofile;
pub mod visits;

pub use sea_orm::prelude::Date;

/// Today's date in the Netherlands (Europe/Amsterdam, as the app shows every time): due
/// dates and visit dates are calendar days there, so an action due today is overdue only
/// from midnight on, local time.
pub fn today() -> Date {
    crate::now()
        .with_timezone(&chrono_tz::Europe::Amsterdam)
        .date_naive()
}
