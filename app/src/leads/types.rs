//! What the lead pages receive, and their forms.
use crate::domain::{CompanyId, Paged, UserId};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LeadView {
    pub id: i64,
    pub company_name: String,
    pub kvk_number: String,
    /// `new`, `accepted` or `declined`.
    pub status: String,
    pub at: DateTime<Utc>,
    /// Coaching staff only: the proposing expert, the reason, the decline reason, the company
    /// it became and the existing company with the same KvK number.
    pub expert: Option<String>,
    pub reason: Option<String>,
    pub decline_reason: Option<String>,
    pub company: Option<(CompanyId, String)>,
    pub matched: Option<(CompanyId, String)>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LeadInbox {
    pub leads: Paged<LeadView>,
    /// Coaches of the organisation, for assigning the company.
    pub staff: Vec<(UserId, String)>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MyLeads {
    pub has_profile: bool,
    pub leads: Vec<LeadView>,
    pub organisations: Vec<(i64, String)>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ProposeForm {
    pub organisation_id: String,
    pub company_name: String,
    pub kvk_number: String,
    pub reason: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct AcceptForm {
    pub coach_id: String,
    /// Only for a company that does not exist yet.
    pub municipality: String,
    pub size_band: String,
    pub primary_sector: String,
}
