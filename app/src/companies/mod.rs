//! Companies: the list each role may see, a company's profile and people, creating a company
//! and inviting its entrepreneurs.
mod api;
mod form;
mod profile;
#[cfg(feature = "ssr")]
mod service;
mod views;

pub use api::*;
pub use form::{CompanyForm, InviteForm, ValidCompany, ValidInvite};
pub use profile::{
    CompanyProfilePage, GetCompanyProfile, ProfileForm, SaveCompanyProfile, ValidProfile,
    get_company_profile, save_company_profile,
};
#[cfg(feature = "ssr")]
pub(crate) use service::{detail, detail_of, list, load_coached, load_visible};
pub use views::{CompaniesPage, CompanyPage, CompanyTable, NewCompanyPage};

use crate::domain::{CompanyId, OrganisationId, UserId};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CompanySummary {
    pub id: CompanyId,
    pub name: String,
    pub kvk_number: String,
    pub municipality: String,
    pub size_band: String,
    pub primary_sector: String,
    pub organisation_name: String,
    pub primary_coach_name: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Member {
    pub id: UserId,
    pub name: String,
    pub email: String,
    /// Invited but no password chosen yet.
    pub pending: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CompanyDetail {
    pub summary: CompanySummary,
    pub website: Option<String>,
    pub founding_year: Option<i32>,
    pub address: Option<String>,
    pub secondary_sector: Option<String>,
    pub members: Vec<Member>,
    /// Whether the asking user may invite people and edit.
    pub can_manage: bool,
    /// Whether the asking user may update the company profile.
    pub can_edit_profile: bool,
    /// Contact person: name, role, e-mail, phone.
    pub contact: Option<(String, String, String, String)>,
    /// What of the company's audit trail the asker sees, if anything.
    pub audit: Option<crate::access::AuditView>,
    /// Whether the asker may remove the company's members.
    pub can_remove_members: bool,
    /// May erase the company at the end of the programme (`access::can_erase_company`).
    pub can_erase: bool,
    /// Whether the asker reads the dossier (people, contact, scans); a coach of the
    /// organisation who does not coach the company sees only that it exists.
    pub personal: bool,
}

/// Choices for the new-company form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CompanyFormOptions {
    /// Only filled for an admin, who picks the organisation.
    pub organisations: Vec<(OrganisationId, String)>,
    pub coaches: Vec<(UserId, String)>,
}
