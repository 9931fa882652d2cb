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

/// Today's date in UTC, the calendar every due date and visit date is kept in.
pub fn today() -> Date {
    crate::now().date_naive()
}
