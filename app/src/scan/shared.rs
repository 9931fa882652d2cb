//! A company's scans as its coaching organisation sees them: the submitted scans while the
//! company shares its results, and the latest of them scored. A company page loads them once
//! and hands them to every panel (workspace, colleague hint, experts, engagements).
use super::service::{questionnaire, sharing_on, stored_answers};
use super::{Questionnaire, Scores};
use crate::error::AppError;
use crate::ssr::AppState;
use db::entities::scan;
use std::sync::Arc;

/// The company's submitted scans, oldest round first; empty while it does not share them.
pub struct SharedScans(pub Vec<scan::Model>);

impl SharedScans {
    /// Two queries: the consent, then the scans.
    pub async fn load(st: &AppState, company_id: i64) -> Result<SharedScans, AppError> {
        if !sharing_on(st, company_id).await? {
            return Ok(SharedScans(vec![]));
        }
        Ok(SharedScans(
            db::scans::of_company(&st.db, company_id)
                .await?
                .into_iter()
                .filter(|s| s.status == db::scans::STATUS_SUBMITTED && s.submitted_at.is_some())
                .collect(),
        ))
    }

    /// The latest round's most recent scan, scored (one query for its answers).
    pub async fn latest(&self, st: &AppState) -> Result<Option<Latest>, AppError> {
        let Some(s) = self.0.iter().max_by_key(|s| (s.round, s.submitted_at)) else {
            return Ok(None);
        };
        let q = questionnaire(st, s.questionnaire_id).await?;
        let scores = super::score(&q, &stored_answers(st, s, &q).await?);
        Ok(Some(Latest {
            questionnaire: q,
            scores,
        }))
    }
}

/// The latest shared, submitted scan of a company, scored. "Find a colleague" and the experts
/// that fit are both based on it, so a page computes it once.
pub struct Latest {
    pub questionnaire: Arc<Questionnaire>,
    pub scores: Scores,
}

impl Latest {
    /// The `n` weakest dimensions, weakest first.
    pub fn weakest(&self, n: usize) -> Vec<String> {
        let mut d: Vec<_> = self.scores.dimensions.iter().collect();
        d.sort_by(|a, b| a.score.total_cmp(&b.score));
        d.into_iter().take(n).map(|d| d.dimension.clone()).collect()
    }
}
