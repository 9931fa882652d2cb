//! The coach workspace: the caseload ("Mijn bedrijven"), the company dossier with its timeline
//! and notes, the coach's review of a scan before a visit, the printable visit brief, visit
//! reports with persuasion approaches and agreed actions, handover and co-coaching, and the
//! coaches' T-profiles. Types that cross the wire live here; rules in `report` and
//! `crate::access`; server logic in `service`; endpoints in `api`; pages in `views`.
mod api;
#[cfg(feature = "ssr")]
pub mod mail;
pub mod report;
#[cfg(feature = "ssr")]
pub mod service;
mod types;
mod views;

pub use api::*;
pub use report::{Approach, Response, VisitForm, VisitReport};
pub use types::*;
pub use views::{
    ActionsPage, BulkHandoverPage, CaseloadPage, CoachReviewPage, TProfilePage, VisitBriefPage,
    VisitPage, WorkspaceActions, WorkspaceSection,
};
