//! What an entrepreneur shares with experts, on one page (`/shares`): per contact, their
//! e-mail address, a phone number and one of their own scan results, visible to that expert
//! for 90 days at a time. Saving the choice renews it; withdrawing ends it at once. The
//! expert's view (`experts::my_engagements`, the shared scan) holds only what runs.
mod api;
#[cfg(feature = "ssr")]
mod service;
mod views;

pub use api::*;
pub use views::SharesPage;

use crate::domain::{Field, Msg, ScanId, optional_text};
use crate::error::{AppError, FormErrors};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// One contact with an expert and what it shares.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Share {
    pub engagement_id: i64,
    pub expert: String,
    pub company: String,
    pub contacted_at: DateTime<Utc>,
    /// The account's e-mail address is shared.
    pub email: bool,
    pub phone: Option<String>,
    pub scan: Option<ScanId>,
    /// Until when the expert sees it (in the past: ended or withdrawn).
    pub until: DateTime<Utc>,
    pub active: bool,
    /// The entrepreneur's own submitted scans of that company, to choose from.
    pub scans: Vec<ScanChoice>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ScanChoice {
    pub id: ScanId,
    pub round: i32,
    pub submitted_at: Option<DateTime<Utc>>,
}

/// The entrepreneur's shares and their own e-mail address (what "share my e-mail" passes on).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MyShares {
    pub email: String,
    pub shares: Vec<Share>,
}

/// The choice for one share as posted.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShareForm {
    pub engagement_id: i64,
    #[serde(default)]
    pub share_email: Option<String>,
    #[serde(default)]
    pub contact_phone: String,
    /// A scan id, or empty for none.
    #[serde(default)]
    pub scan_id: String,
    /// Present when the "withdraw" button was pressed.
    #[serde(default)]
    pub withdraw: Option<String>,
}

/// What to share from now on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ShareChoice {
    Withdraw,
    Share {
        email: bool,
        phone: Option<String>,
        scan: Option<i64>,
    },
}

impl ShareForm {
    /// The choice; whether the scan is one of the entrepreneur's is for the service.
    pub fn parse(&self) -> Result<ShareChoice, AppError> {
        if self.withdraw.is_some() {
            return Ok(ShareChoice::Withdraw);
        }
        let mut e = FormErrors::new();
        e.keep(Field::ContactPhone, &self.contact_phone);
        e.keep(Field::SharedScan, &self.scan_id);
        let phone = optional_text(&self.contact_phone, 40)
            .map_err(|m| e.add(Field::ContactPhone, m))
            .unwrap_or_default();
        let scan = match self.scan_id.trim() {
            "" => None,
            s => s
                .parse()
                .map_err(|_| e.add(Field::SharedScan, Msg::ChoiceInvalid))
                .ok(),
        };
        e.finish(ShareChoice::Share {
            email: self.share_email.is_some(),
            phone,
            scan,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn withdrawing_wins_over_anything_else_in_the_form() {
        let f = ShareForm {
            share_email: Some("on".into()),
            withdraw: Some("1".into()),
            ..Default::default()
        };
        assert_eq!(f.parse().unwrap(), ShareChoice::Withdraw);
    }

    #[test]
    fn a_choice_parses_and_a_bad_scan_or_phone_names_its_field() {
        let f = ShareForm {
            share_email: Some("on".into()),
            contact_phone: " 013 123 4567 ".into(),
            scan_id: "7".into(),
            ..Default::default()
        };
        assert_eq!(
            f.parse().unwrap(),
            ShareChoice::Share {
                email: true,
                phone: Some("013 123 4567".into()),
                scan: Some(7)
            }
        );
        let bad = ShareForm {
            contact_phone: "1".repeat(41),
            scan_id: "x".into(),
            ..Default::default()
        };
        let e = bad.parse().unwrap_err();
        let f = e.form_errors().unwrap();
        assert!(f.message_for(Field::ContactPhone).is_some());
        assert_eq!(f.message_for(Field::SharedScan), Some(Msg::ChoiceInvalid));
    }
}
