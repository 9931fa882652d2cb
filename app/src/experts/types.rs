//! What the expert pages receive from the server.
use crate::domain::Paged;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ThemeView {
    pub id: i64,
    pub key: String,
    pub nl: String,
    pub en: String,
    /// The scan questions (and options) the theme helps with, for example `q7.self_service`.
    pub links: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExpertCard {
    /// The profile's id (the directory's key).
    pub id: i64,
    pub name: String,
    pub firm: Option<String>,
    pub headline: String,
    pub region: String,
    pub theme_ids: Vec<i64>,
    /// `pending`, `approved` or `rejected`.
    pub vetting: String,
}

/// The directory's filters as they stand in the URL.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DirectoryParams {
    pub q: String,
    pub theme: String,
    pub region: String,
    /// Programme staff only: `pending`, `rejected` (default: approved).
    pub status: String,
    pub page: u64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Directory {
    pub experts: Paged<ExpertCard>,
    pub themes: Vec<ThemeView>,
    pub regions: Vec<String>,
    /// The asker approves profiles (and may list pending ones).
    pub can_vet: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExpertDetail {
    pub card: ExpertCard,
    pub description: String,
    pub email: String,
    pub phone: Option<String>,
    pub website: Option<String>,
    pub independence: String,
    pub conflicts: String,
    pub themes: Vec<ThemeView>,
    pub can_vet: bool,
    pub vetted_by: Option<String>,
    pub vetted_at: Option<DateTime<Utc>>,
    /// For the coaching staff: lessons learned by coaches of their organisation in earlier
    /// engagements with this expert.
    pub lessons: Vec<String>,
}

/// The expert's own profile page: the profile (none before the first save) and all themes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OwnProfile {
    pub profile: Option<ExpertDetail>,
    pub themes: Vec<ThemeView>,
}
