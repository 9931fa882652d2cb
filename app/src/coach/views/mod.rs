//! Pages and sections of the coach workspace.
mod actions;
mod brief;
mod caseload;
mod handover;
mod review;
mod timeline;
mod tprofile;
mod visit;
mod workspace;

pub use actions::ActionsPage;
pub use brief::VisitBriefPage;
pub use caseload::CaseloadPage;
pub use handover::BulkHandoverPage;
pub use review::CoachReviewPage;
pub use tprofile::TProfilePage;
pub use visit::VisitPage;
pub use workspace::{WorkspaceActions, WorkspaceSection};

use crate::auth::CurrentUser;
use crate::i18n::*;
use crate::ui::Crumb;

/// Coaches and programme managers: the people with a caseload.
pub(crate) fn is_staff(u: &CurrentUser) -> bool {
    u.role.is_coaching_staff()
}

pub(crate) fn home_crumb(l: Locale) -> Crumb {
    Crumb {
        label: td_string!(l, nav.home).to_string(),
        href: "/".into(),
    }
}

pub(crate) fn caseload_crumb(l: Locale) -> Crumb {
    Crumb {
        label: td_string!(l, nav.caseload).to_string(),
        href: "/caseload".into(),
    }
}

pub(crate) fn approach_label(l: Locale, a: &str) -> &'static str {
    match a {
        "business_case" => td_string!(l, coach.approach_business_case),
        "scenarios" => td_string!(l, coach.approach_scenarios),
        "perspective" => td_string!(l, coach.approach_perspective),
        _ => td_string!(l, coach.approach_competitors),
    }
}

pub(crate) fn response_label(l: Locale, r: &str) -> &'static str {
    match r {
        "positive" => td_string!(l, coach.response_positive),
        "negative" => td_string!(l, coach.response_negative),
        _ => td_string!(l, coach.response_neutral),
    }
}

pub(crate) fn status_label(l: Locale, s: &str) -> &'static str {
    match s {
        "done" => td_string!(l, coach.status_done),
        _ => td_string!(l, coach.status_planned),
    }
}

pub(crate) fn owner_label(l: Locale, o: &str) -> &'static str {
    match o {
        "entrepreneur" => td_string!(l, coach.owner_entrepreneur),
        _ => td_string!(l, coach.owner_coach),
    }
}
