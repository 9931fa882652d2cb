//! Admin screens: users (list, invite staff, deactivate), organisations, the e-mail outbox.
mod api;
#[cfg(feature = "ssr")]
mod service;
mod views;

pub use api::*;
pub use views::{
    AdminUsersPage, InviteStaffPage, OrganisationsPage, OutboxMessagePage, OutboxPage,
};

use crate::domain::{ExpertFirmId, Lang, OrganisationId, OutboxId, Role, UserId};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserRow {
    pub id: UserId,
    pub name: String,
    pub email: String,
    pub role: Role,
    pub active: bool,
    /// Invited, no password chosen yet.
    pub pending: bool,
    pub organisation: Option<String>,
    /// A confirmed second factor (an admin can reset a lost one).
    pub two_factor: bool,
    /// Erased: only the pseudonym is left.
    pub erased: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrganisationRow {
    pub id: OrganisationId,
    pub name: String,
    pub coaches: u64,
    pub companies: u64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutboxRow {
    pub id: OutboxId,
    pub to_email: String,
    pub to_name: String,
    pub subject: String,
    pub kind: String,
    pub status: String,
    pub language: Lang,
    pub created_at: chrono::DateTime<chrono::Utc>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutboxMessage {
    pub row: OutboxRow,
    pub body: String,
    pub attempts: i32,
    pub last_error: Option<String>,
    pub sent_at: Option<chrono::DateTime<chrono::Utc>>,
}

/// Choices for inviting staff.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffFormOptions {
    pub organisations: Vec<(OrganisationId, String)>,
    pub expert_firms: Vec<(ExpertFirmId, String)>,
}

/// The staff invitation form as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffInviteForm {
    pub email: String,
    pub name: String,
    pub language: String,
    pub role: String,
    #[serde(default)]
    pub organisation_id: String,
    #[serde(default)]
    pub expert_firm_id: String,
}

/// Roles an admin invites; entrepreneurs are invited to a company by its coach.
pub const STAFF_ROLES: [Role; 4] = [
    Role::Coach,
    Role::ProgrammeManager,
    Role::Expert,
    Role::Admin,
];
