//! What the scan pages receive from the server.
use super::Questionnaire;
use crate::domain::{CompanyId, ScanId};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// The version of the consent text shown; stored with every choice.
pub const CONSENT_TEXT_VERSION: &str = "consent-2026-11";

/// Scan state of one company, as the company page shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ScanHome {
    pub company_id: CompanyId,
    /// The asker is an entrepreneur of this company (and so fills in scans).
    pub can_fill: bool,
    /// The company's current consent choice; `None` before the first choice.
    pub consent: Option<ConsentChoice>,
    /// The asker's own scan in progress.
    pub draft: Option<DraftInfo>,
    /// Submitted scans the asker may see, oldest round first.
    pub submitted: Vec<ScanSummary>,
    /// Submitted scans exist but are not shared with the asker's organisation.
    pub hidden_by_consent: bool,
    /// The round a new scan would get (0 = T0).
    pub next_round: i32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ConsentChoice {
    pub share: bool,
    pub benchmark: bool,
    pub chosen_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DraftInfo {
    pub scan_id: ScanId,
    pub round: i32,
    pub answered: usize,
    pub total: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ScanSummary {
    pub scan_id: ScanId,
    pub round: i32,
    pub respondent: String,
    pub mine: bool,
    pub submitted_at: Option<DateTime<Utc>>,
    pub overall: f64,
    pub band: String,
}

/// A scan being filled in: the questionnaire, the confirmed answers and what the previous
/// round answered (offered for confirmation), each as exchange-format JSON per question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ScanDraft {
    pub scan_id: ScanId,
    pub company_id: CompanyId,
    pub company_name: String,
    pub round: i32,
    pub submitted: bool,
    pub questionnaire: Questionnaire,
    pub answers: Vec<(String, Value)>,
    pub prefill: Vec<(String, Value)>,
}

impl ScanDraft {
    pub fn answer(&self, question: &str) -> Option<&Value> {
        self.answers
            .iter()
            .find(|(q, _)| q == question)
            .map(|(_, v)| v)
    }
    pub fn prefilled(&self, question: &str) -> Option<&Value> {
        self.prefill
            .iter()
            .find(|(q, _)| q == question)
            .map(|(_, v)| v)
    }
}

/// How far a draft is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Progress {
    pub answered: usize,
    pub total: usize,
}

impl Progress {
    pub fn percent(self) -> usize {
        (self.answered * 100).checked_div(self.total).unwrap_or(0)
    }
}

/// A submitted scan's results.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ScanResult {
    pub scan_id: ScanId,
    pub company_id: CompanyId,
    pub company_name: String,
    pub round: i32,
    pub respondent: String,
    pub submitted_at: Option<DateTime<Utc>>,
    pub profile: String,
    pub questionnaire: Questionnaire,
    /// Per dimension (questionnaire order): id and score 0..100.
    pub dimensions: Vec<(String, f64)>,
    pub overall: f64,
    pub band: String,
    /// Per dimension: the steps that would raise its score most.
    pub steps: Vec<(String, Vec<StepView>)>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StepView {
    pub question: String,
    pub choice: String,
    /// What to do: `tick`, `tick_invested`, `tick_planned`, `raise`, `improve`.
    pub action: String,
    pub gain: f64,
}

/// "T0", "T1", ...
pub fn round_label(round: i32) -> String {
    format!("T{round}")
}
