//! What the contribution section receives from the server, and its forms.
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SchemeView {
    pub id: i64,
    pub name: String,
    pub funder: String,
    pub share_pct: i32,
    pub min_cents: i64,
    pub max_cents: i64,
    pub valid_from: NaiveDate,
    pub valid_until: Option<NaiveDate>,
    pub de_minimis: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApplicationView {
    pub id: i64,
    pub scheme: String,
    pub requested_cents: i64,
    pub granted_cents: Option<i64>,
    /// `applied`, `granted` or `rejected`.
    pub status: String,
    pub applied_on: NaiveDate,
    pub decided_on: Option<NaiveDate>,
    pub de_minimis: bool,
    /// The expert engagement the contribution pays for.
    pub engagement: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContributionsPanel {
    pub schemes: Vec<SchemeView>,
    pub applications: Vec<ApplicationView>,
    /// De-minimis aid of the last three years (granted, or still open), in cents.
    pub de_minimis_cents: i64,
    pub ceiling_cents: i64,
    /// The company's engagements with experts (id, expert), to link an application to.
    pub engagements: Vec<(i64, String)>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ApplyForm {
    pub scheme_id: String,
    pub amount: String,
    pub applied_on: String,
    /// The engagement the contribution pays for (empty: none).
    pub engagement_id: String,
    /// Ticked after the warning that the application passes the de-minimis ceiling.
    pub accept_ceiling: Option<String>,
}
