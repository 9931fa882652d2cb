//! Recommending experts and contacting them: the forms (parsed once, every problem named by its
//! field) and what the pages show.
use super::types::{ExpertCard, ThemeView};
use crate::domain::{Field, Msg, optional_text, required_text};
use crate::error::{AppError, FormErrors};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// How many experts one recommendation may name: enough to choose, few enough to act on.
pub const MAX_EXPERTS: usize = 3;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RecommendationView {
    pub id: i64,
    pub expert: ExpertCard,
    pub website: Option<String>,
    /// The scan dimension the improvement is about.
    pub dimension: String,
    pub reason: String,
    pub coach: String,
    pub at: DateTime<Utc>,
    pub contacted_at: Option<DateTime<Utc>>,
}

/// The coach's panel on a dossier: what was recommended, and the approved experts to choose
/// from, those whose themes fit the company's weakest dimensions first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RecommendPanel {
    pub recommendations: Vec<RecommendationView>,
    pub experts: Vec<ExpertCard>,
    /// Profile ids whose themes fit the weakest dimensions (suggested).
    pub suggested: Vec<i64>,
    /// The two weakest dimensions of the latest shared scan.
    pub weakest: Vec<String>,
    pub themes: Vec<ThemeView>,
    /// The scan's dimensions: id, Dutch and English name.
    pub dimensions: Vec<(String, String, String)>,
    pub engagements: Vec<EngagementView>,
}

/// An engagement: the entrepreneur contacted an expert; coach and expert keep its status.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EngagementView {
    pub id: i64,
    pub company_name: String,
    pub expert: String,
    /// The dimension the recommendation targeted.
    pub dimension: Option<String>,
    /// `contacted`, `intake`, `quote`, `running`, `done` or `stopped`.
    pub status: String,
    pub message: String,
    /// For the expert: the contact details the entrepreneur shared.
    pub shared_contact: Option<String>,
    pub outcome: String,
    /// For the coaching staff: the lesson learned.
    pub lesson: Option<String>,
    /// For the expert: the scan result the entrepreneur shared with them.
    pub shared_scan: Option<crate::domain::ScanId>,
    pub at: DateTime<Utc>,
    /// The targeted dimension's score in the last scan before the engagement and in the latest
    /// scan after it, when both exist.
    pub change: Option<(f64, f64)>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct EngagementForm {
    pub status: String,
    pub outcome: String,
    /// Coaching staff only; ignored for experts.
    pub lesson: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct RecommendForm {
    /// Ticked experts by profile id (`form[experts][12]=on`).
    pub experts: BTreeMap<String, String>,
    pub dimension: String,
    pub reason: String,
}

impl RecommendForm {
    /// The chosen profile ids, the dimension and the reason; `dimensions` are the valid ids.
    pub fn parse(&self, dimensions: &[String]) -> Result<(Vec<i64>, String, String), AppError> {
        let mut e = FormErrors::new();
        e.keep(Field::Reason, &self.reason);
        let ids: Vec<i64> = self
            .experts
            .iter()
            .filter(|(_, v)| !v.is_empty())
            .filter_map(|(k, _)| k.parse().ok())
            .collect();
        if ids.is_empty() || ids.len() > MAX_EXPERTS {
            e.add(Field::Experts, Msg::ExpertCount(MAX_EXPERTS as u32));
        }
        if !dimensions.contains(&self.dimension) {
            e.add(Field::Dimension, Msg::ChoiceInvalid);
        }
        let reason = required_text(&self.reason, 1_000)
            .map_err(|m| e.add(Field::Reason, m))
            .unwrap_or_default();
        e.finish((ids, self.dimension.clone(), reason))
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ContactForm {
    pub message: String,
    pub share_email: Option<String>,
    pub share_phone: Option<String>,
    pub contact_phone: String,
    /// Share the company's latest scan result with the expert.
    pub share_scan: Option<String>,
}

impl ContactForm {
    /// The message and the contact details to pass on (the e-mail address comes from the
    /// account): `(message, share_email, phone)`.
    pub fn parse(&self) -> Result<(String, bool, Option<String>), AppError> {
        let mut e = FormErrors::new();
        e.keep(Field::Message, &self.message);
        e.keep(Field::ContactPhone, &self.contact_phone);
        let message = required_text(&self.message, 3_000)
            .map_err(|m| e.add(Field::Message, m))
            .unwrap_or_default();
        let phone = if self.share_phone.is_some() {
            match optional_text(&self.contact_phone, 40) {
                Ok(Some(p)) => Some(p),
                Ok(None) => {
                    e.add(Field::ContactPhone, Msg::Required);
                    None
                }
                Err(m) => {
                    e.add(Field::ContactPhone, m);
                    None
                }
            }
        } else {
            None
        };
        e.finish((message, self.share_email.is_some(), phone))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dims() -> Vec<String> {
        vec!["data".into(), "green".into()]
    }

    #[test]
    fn one_to_three_experts_a_dimension_and_a_reason() {
        let mut f = RecommendForm {
            experts: [("4".to_string(), "on".to_string())].into(),
            dimension: "data".into(),
            reason: "Dashboard voor de planning".into(),
        };
        assert_eq!(f.parse(&dims()).unwrap().0, vec![4]);
        for id in ["5", "6", "7"] {
            f.experts.insert(id.into(), "on".into());
        }
        let e = f.parse(&dims()).unwrap_err();
        assert_eq!(
            e.form_errors().unwrap().message_for(Field::Experts),
            Some(Msg::ExpertCount(3))
        );
        let none = RecommendForm {
            dimension: "astrology".into(),
            ..Default::default()
        };
        let errors = none.parse(&dims()).unwrap_err();
        let f = errors.form_errors().unwrap();
        assert_eq!(f.message_for(Field::Experts), Some(Msg::ExpertCount(3)));
        assert_eq!(f.message_for(Field::Dimension), Some(Msg::ChoiceInvalid));
        assert_eq!(f.message_for(Field::Reason), Some(Msg::Required));
    }

    #[test]
    fn a_shared_phone_number_must_be_given() {
        let f = ContactForm {
            message: "Graag een afspraak.".into(),
            share_phone: Some("on".into()),
            ..Default::default()
        };
        let e = f.parse().unwrap_err();
        assert_eq!(
            e.form_errors().unwrap().message_for(Field::ContactPhone),
            Some(Msg::Required)
        );
        let ok = ContactForm {
            contact_phone: "013 123 4567".into(),
            ..f
        };
        assert_eq!(
            ok.parse().unwrap(),
            (
                "Graag een afspraak.".into(),
                false,
                Some("013 123 4567".into())
            )
        );
    }
}
