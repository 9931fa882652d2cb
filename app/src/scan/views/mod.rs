//! The scan pages: the section on the company page, the steps, the review and the results.
mod question;
mod radar;
mod result;
mod review;
mod section;
mod step;
mod text;

pub use result::ScanResultPage;
pub use review::ScanReviewPage;
pub use section::ScanSection;
pub use step::ScanStepPage;
