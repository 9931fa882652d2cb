//! What the workspace pages receive from the server.
use crate::domain::{ActionId, CompanyId, Paged, ScanId, UserId, VisitId};
use crate::scan::Questionnaire;
use crate::scan::types::StepView;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// The caseload's filters and sort, as they stand in the URL.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CaseloadParams {
    pub q: String,
    pub sector: String,
    pub band: String,
    pub municipality: String,
    pub overdue: bool,
    /// `name`, `score`, `contact`, `visit` or `due`; a leading `-` sorts descending.
    pub sort: String,
    pub page: u64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CaseRow {
    pub id: CompanyId,
    pub name: String,
    pub municipality: String,
    pub sector: String,
    pub latest_scan_at: Option<DateTime<Utc>>,
    pub overall: Option<f64>,
    pub band: Option<String>,
    pub last_contact: Option<NaiveDate>,
    pub next_visit: Option<NaiveDate>,
    pub open_actions: i32,
    pub overdue: bool,
    pub primary_coach: Option<String>,
    /// The asker is a co-coach (not the primary coach) of this company.
    pub co_coach: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Caseload {
    pub rows: Paged<CaseRow>,
    pub municipalities: Vec<String>,
    /// The list holds every company of the organisation (programme managers), not only the
    /// asker's own.
    pub whole_organisation: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Person {
    pub id: UserId,
    pub name: String,
    pub email: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ActionView {
    pub id: ActionId,
    pub company_id: CompanyId,
    pub company_name: String,
    pub description: String,
    /// `coach` or `entrepreneur`.
    pub owner: String,
    pub owner_name: Option<String>,
    pub due_on: NaiveDate,
    pub done: bool,
    pub overdue: bool,
    pub visit_id: Option<VisitId>,
    pub can_complete: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct VisitSummary {
    pub id: VisitId,
    pub visit_on: NaiveDate,
    /// `planned` or `done`.
    pub status: String,
    pub coach: String,
    pub topics: String,
}

/// A scan the coach can review.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReviewableScan {
    pub scan_id: ScanId,
    pub round: i32,
    pub respondent: String,
    pub overall: f64,
    pub band: String,
    pub reviewed: usize,
    pub flagged: usize,
}

/// "Find a colleague": coaches whose specialism fits the company's weakest dimension.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ColleagueHint {
    /// The weakest dimension of the latest shared scan (id), if there is a scan.
    pub weakest: Option<String>,
    pub questionnaire: Option<Questionnaire>,
    /// Topics that fit it: (nl, en).
    pub topics: Vec<(String, String)>,
    /// Colleague, with their specialism (nl, en).
    pub people: Vec<(Person, String, String)>,
}

/// The coach's part of a company dossier.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Workspace {
    pub company_id: CompanyId,
    pub company_name: String,
    pub primary_coach: Option<Person>,
    pub co_coaches: Vec<Person>,
    /// Active coaching staff of the organisation (for co-coach and handover choices).
    pub staff: Vec<Person>,
    pub can_hand_over: bool,
    /// Whether the asker adds co-coaches and answers requests (primary coach, programme
    /// manager).
    pub can_manage_co_coaches: bool,
    /// The co-coaches the asker may remove (all for who manages them, or the asker themselves).
    pub removable: Vec<UserId>,
    /// Colleagues who asked to become co-coach, oldest first.
    pub requests: Vec<CoCoachRequest>,
    pub visits: Vec<VisitSummary>,
    pub actions: Vec<ActionView>,
    pub scans: Vec<ReviewableScan>,
    pub colleagues: ColleagueHint,
}

/// The coaching part of a company page, loaded with the page: the workspace and full timeline
/// for the coaching staff, the portal and shared timeline for the company's entrepreneurs,
/// nothing for others.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Dossier {
    pub workspace: Option<Workspace>,
    pub portal: Option<PortalCoaching>,
    pub timeline: Option<Timeline>,
    /// The coach's expert recommendations panel.
    pub recommend: Option<crate::experts::RecommendPanel>,
    /// The recommendations the entrepreneur sees.
    pub recommended: Vec<crate::experts::RecommendationView>,
    /// Contribution applications and the de-minimis total (coaching staff).
    pub contributions: Option<crate::contributions::ContributionsPanel>,
    /// For a coach of the organisation who does not coach the company: who does, and whether
    /// they asked to join.
    pub join: Option<JoinCoaching>,
}

/// A colleague's request to become co-coach, as the primary coach sees it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CoCoachRequest {
    pub coach: Person,
    pub requested_at: DateTime<Utc>,
}

/// What a coach who does not coach a company sees of its coaching: who coaches it, and their
/// own request to join.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct JoinCoaching {
    pub primary_coach: Option<String>,
    pub co_coaches: Vec<String>,
    pub requested_at: Option<DateTime<Utc>>,
}

/// What the entrepreneur's portal shows of the coaching: their actions and shared notes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PortalCoaching {
    pub actions: Vec<ActionView>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventView {
    pub kind: String,
    pub occurred_at: DateTime<Utc>,
    pub actor: Option<String>,
    pub body: String,
    pub shared: bool,
    pub ref_id: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Timeline {
    pub events: Paged<EventView>,
    /// The asker sees internal events (coaching staff) rather than only shared ones.
    pub internal: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApproachEntry {
    pub approach: String,
    pub response: String,
    pub note: String,
}

/// A report as saved, and as kept when a save was refused.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportContent {
    pub visit_on: String,
    pub status: String,
    pub attendees: String,
    pub topics: String,
    pub report: String,
    pub approaches: Vec<ApproachEntry>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RefusedVersion {
    pub author: String,
    pub at: DateTime<Utc>,
    pub content: ReportContent,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct VisitView {
    pub id: VisitId,
    pub company_id: CompanyId,
    pub company_name: String,
    pub coach: String,
    pub content: ReportContent,
    pub version: i32,
    pub updated_by: Option<String>,
    pub updated_at: DateTime<Utc>,
    pub actions: Vec<ActionView>,
    /// Saves that were refused (a colleague saved first, or the input was invalid), newest
    /// first, so no text is ever lost.
    pub refused: Vec<RefusedVersion>,
}

/// The answer of a save: the version the next save must name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Saved {
    pub version: i32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReviewEntry {
    pub question: String,
    pub coach_answer: Option<Value>,
    pub note: String,
    pub flagged: bool,
}

/// A submitted scan as the coach reviews it: the entrepreneur's answers and scores, and the
/// coach's notes, flags, answers and the coach score they give.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CoachReview {
    pub scan_id: ScanId,
    pub company_id: CompanyId,
    pub company_name: String,
    pub round: i32,
    pub respondent: String,
    pub questionnaire: Questionnaire,
    pub answers: Vec<(String, Value)>,
    pub reviews: Vec<ReviewEntry>,
    /// Per dimension: id, the entrepreneur's score, the coach score.
    pub dimensions: Vec<(String, f64, f64)>,
    pub overall: f64,
    pub coach_overall: f64,
}

impl CoachReview {
    pub fn answer(&self, question: &str) -> Option<&Value> {
        self.answers
            .iter()
            .find(|(q, _)| q == question)
            .map(|(_, v)| v)
    }
    pub fn review(&self, question: &str) -> Option<&ReviewEntry> {
        self.reviews.iter().find(|r| r.question == question)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BriefScan {
    pub scan_id: ScanId,
    pub round: i32,
    pub submitted_at: Option<DateTime<Utc>>,
    pub overall: f64,
    pub coach_overall: Option<f64>,
    pub band: String,
    /// The three weakest dimensions: id, own score, coach score (when reviewed).
    pub weakest: Vec<(String, f64, Option<f64>)>,
    /// Per dimension against the previous round: id, previous, now.
    pub changes: Vec<(String, f64, f64)>,
    pub previous_round: Option<i32>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BriefApproach {
    pub visit_on: NaiveDate,
    pub entry: ApproachEntry,
}

/// Everything a coach wants on one A4 before a visit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct VisitBrief {
    pub visit_id: VisitId,
    pub visit_on: NaiveDate,
    pub company_id: CompanyId,
    pub company_name: String,
    pub municipality: String,
    pub sector: String,
    pub contact: Option<String>,
    pub coach: String,
    pub questionnaire: Option<Questionnaire>,
    pub scan: Option<BriefScan>,
    /// Flagged questions: id and the coach's note.
    pub flagged: Vec<(String, String)>,
    pub open_actions: Vec<ActionView>,
    pub approaches: Vec<BriefApproach>,
    /// Suggested talking points: dimension and step.
    pub talking_points: Vec<(String, StepView)>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TopicView {
    pub id: i64,
    pub key: String,
    pub nl: String,
    pub en: String,
    pub completed_on: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TProfile {
    pub topics: Vec<TopicView>,
    pub specialism: Option<i64>,
}

/// The T-profile form: per topic key the completion date (empty: not done), and the
/// specialism's topic id (empty: none).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct TProfileForm {
    #[serde(default)]
    pub courses: std::collections::BTreeMap<String, String>,
    #[serde(default)]
    pub specialism: String,
}

/// A coach of the organisation with the number of companies they are primary coach of.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StaffLoad {
    pub person: Person,
    pub active: bool,
    pub companies: usize,
}
