//! Leads from experts: an expert proposes a company (name, KvK number, reason) to a coaching
//! organisation; it lands in that organisation's lead inbox, matched to an existing company by
//! KvK number; a coach accepts it (linking or creating the company and assigning a coach) or
//! declines it with a reason. The expert sees only the status, never the dossier.
mod api;
#[cfg(feature = "ssr")]
mod mail;
#[cfg(feature = "ssr")]
pub mod service;
mod types;
mod views;

pub use api::*;
pub use types::*;
pub use views::{LeadInboxPage, MyLeadsPage};
