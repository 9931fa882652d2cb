//! Financial contributions: schemes are data (funder, share of costs, minimum and maximum,
//! validity, de-minimis aid); per company the applications with their amounts in euro cents,
//! and the running de-minimis total over three years with a warning before an application
//! would pass the EU ceiling.
mod api;
pub mod money;
pub mod rules;
#[cfg(feature = "ssr")]
pub mod service;
mod types;
mod views;

pub use api::*;
pub use types::*;
pub use views::ContributionsSection;
