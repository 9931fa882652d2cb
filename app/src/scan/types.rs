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
    /// The asker is programme staff and may import scans; `members` are the possible respondents.
    pub can_import: bool,
    pub members: Vec<(crate::domain::UserId, String)>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ConsentChoice {
    pub share: bool,
    pub benchmark: bool,
    pub chosen_at: DateTime<Utc>,
    /// Who of the company made the choice.
    pub chosen_by: String,
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

/// Scores over time and per respondent, for the history page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ScanHistory {
    pub company_id: CompanyId,
    pub company_name: String,
    /// Dimension ids with their Dutch and English names, in questionnaire order.
    pub dimensions: Vec<(String, String, String)>,
    pub rounds: Vec<RoundScores>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RoundScores {
    pub round: i32,
    pub respondents: Vec<RespondentScores>,
    /// Per dimension, the mean over respondents.
    pub mean: Vec<f64>,
    /// Dimensions where respondents differ by `DIVERGENCE` points or more.
    pub divergent: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RespondentScores {
    pub scan_id: ScanId,
    pub name: String,
    pub submitted_at: Option<DateTime<Utc>>,
    pub dimensions: Vec<f64>,
    pub overall: f64,
}

/// Respondents whose scores differ this much on a dimension see it marked.
pub const DIVERGENCE: f64 = 20.0;

/// Groups submitted scores into rounds: the mean per dimension and the dimensions where
/// respondents differ by `DIVERGENCE` or more.
pub fn round_scores(
    dimension_ids: &[String],
    mut scans: Vec<(i32, RespondentScores)>,
) -> Vec<RoundScores> {
    scans.sort_by_key(|(r, s)| (*r, s.scan_id));
    let mut rounds: Vec<RoundScores> = Vec::new();
    for (round, s) in scans {
        match rounds.last_mut() {
            Some(last) if last.round == round => last.respondents.push(s),
            _ => rounds.push(RoundScores {
                round,
                respondents: vec![s],
                mean: vec![],
                divergent: vec![],
            }),
        }
    }
    for r in &mut rounds {
        let n = r.respondents.len() as f64;
        r.mean = (0..dimension_ids.len())
            .map(|i| {
                r.respondents
                    .iter()
                    .map(|s| s.dimensions.get(i).copied().unwrap_or(0.0))
                    .sum::<f64>()
                    / n
            })
            .collect();
        r.divergent = dimension_ids
            .iter()
            .enumerate()
            .filter(|(i, _)| {
                let values = r
                    .respondents
                    .iter()
                    .map(|s| s.dimensions.get(*i).copied().unwrap_or(0.0));
                let (lo, hi) =
                    values.fold((f64::MAX, f64::MIN), |(lo, hi), v| (lo.min(v), hi.max(v)));
                r.respondents.len() > 1 && hi - lo >= DIVERGENCE - 1e-9
            })
            .map(|(_, id)| id.clone())
            .collect();
    }
    rounds
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(id: i64, dims: &[f64]) -> RespondentScores {
        RespondentScores {
            scan_id: ScanId(id),
            name: format!("r{id}"),
            submitted_at: None,
            dimensions: dims.to_vec(),
            overall: 0.0,
        }
    }

    #[test]
    fn respondents_of_one_round_are_averaged_and_differences_of_20_points_marked() {
        let dims = vec!["a".to_string(), "b".to_string()];
        let rounds = round_scores(
            &dims,
            vec![
                (0, r(1, &[40.0, 10.0])),
                (0, r(2, &[60.0, 25.0])),
                (1, r(3, &[50.0, 50.0])),
            ],
        );
        assert_eq!(rounds.len(), 2);
        assert_eq!(rounds[0].mean, vec![50.0, 17.5]);
        assert_eq!(
            rounds[0].divergent,
            vec!["a".to_string()],
            "exactly 20 apart counts, 15 does not"
        );
        assert!(
            rounds[1].divergent.is_empty(),
            "one respondent never diverges"
        );
    }
}
