//! The scan pages: the section on the company page, the steps, the review and the results.
mod history;
pub(crate) mod question;
mod radar;
mod result;
mod review;
mod section;
mod step;
pub(crate) mod text;

pub use history::ScanHistoryPage;
pub use result::ScanResultPage;
pub use review::ScanReviewPage;
pub use section::{ScanSection, ScanSectionData};
pub use step::ScanStepPage;
