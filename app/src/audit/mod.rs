//! The audit trail as people see it: who read a dossier, a scan result, a visit report or an
//! export, and who changed what, from which role. A programme manager reads it per company and
//! per user; an entrepreneur sees who of the coaching organisation looked at their company.
//! Recording is `service::read` for reads and `db::workspace::timeline::add` for changes.
mod api;
#[cfg(feature = "ssr")]
pub mod service;
mod views;

pub use api::*;
pub use views::AuditPage;

use crate::domain::{CompanyId, Paged, UserId};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// One line of the trail.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AuditEntry {
    pub at: DateTime<Utc>,
    pub actor: Option<String>,
    /// The role the person had then (as stored: `coach`, `programme_manager`, ...).
    pub role: String,
    /// `read` or `change`.
    pub action: String,
    /// What was read, or the kind of change (a timeline kind).
    pub object: String,
    pub company: Option<(CompanyId, String)>,
}

/// A page of the trail with what it is about.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AuditList {
    pub entries: Paged<AuditEntry>,
    /// The company the list is about, if it is about one.
    pub company: Option<(CompanyId, String)>,
    /// The person the list is about, if it is about one.
    pub user: Option<(UserId, String)>,
    /// The asker sees only who read their company (an entrepreneur), not everything.
    pub reads_only: bool,
    /// People whose trail the asker may open (programme staff): the picker.
    pub people: Vec<(UserId, String)>,
    /// How long a line is kept, in days.
    pub kept_days: u32,
}
