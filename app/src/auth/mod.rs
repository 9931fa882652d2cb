//! Accounts: who is signed in, login and logout, the language choice, password reset and
//! invitation links.
mod api;
#[cfg(feature = "ssr")]
pub mod mail;
#[cfg(feature = "ssr")]
mod service;
pub mod two_factor;
mod views;

pub use api::*;
pub use views::{ForgotPasswordPage, LoginPage, SetPasswordPage};

use crate::domain::{Lang, OrganisationId, Role, UserId};
use serde::{Deserialize, Serialize};

/// The signed-in user as the browser and the access rules see them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CurrentUser {
    pub id: UserId,
    pub name: String,
    pub email: String,
    pub role: Role,
    pub language: Lang,
    pub organisation_id: Option<OrganisationId>,
    /// Signed in with the password, but the role needs a second factor that is not set up
    /// yet: only the enrolment page is open (the server enforces it, `two_factor::gate`).
    #[serde(default)]
    pub must_enrol: bool,
}

/// What an e-mailed link is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LinkPurpose {
    Invite,
    Reset,
}

impl LinkPurpose {
    pub fn as_str(self) -> &'static str {
        match self {
            LinkPurpose::Invite => "invite",
            LinkPurpose::Reset => "reset",
        }
    }
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "invite" => Some(LinkPurpose::Invite),
            "reset" => Some(LinkPurpose::Reset),
            _ => None,
        }
    }
}

/// What the set-password page shows about a valid link.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LinkInfo {
    pub purpose: LinkPurpose,
    pub name: String,
    pub email: String,
}

/// A path on this site to send someone to after a form, parsed the way a browser would read
/// it (tabs and newlines dropped, a backslash taken as `/`), or `None` when it would leave the site:
/// another scheme or host (`https://evil.example`, `//evil.example`, `/\t/evil.example`,
/// `/\\evil.example`), or a path a browser would take as another host (`//...`).
#[cfg(feature = "ssr")]
pub fn local_path(next: &str) -> Option<String> {
    // Any host works as the base: only whether the origin stays the same matters.
    let base = url::Url::parse("http://datacoach.invalid/").ok()?;
    let target = base.join(next).ok()?;
    if target.origin() != base.origin() || target.username() != "" || target.password().is_some() {
        return None;
    }
    let mut path = target.path().to_owned();
    if path.starts_with("//") {
        return None;
    }
    if let Some(q) = target.query() {
        path.push('?');
        path.push_str(q);
    }
    Some(path)
}

/// Where to go after login: the requested local path, or the home page.
#[cfg(feature = "ssr")]
pub fn safe_next(next: Option<&str>) -> String {
    next.and_then(local_path).unwrap_or_else(|| "/".to_owned())
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::{local_path, safe_next};

    #[test]
    fn after_login_only_local_paths_are_followed() {
        assert_eq!(safe_next(Some("/companies?page=2")), "/companies?page=2");
        assert_eq!(safe_next(Some("/scans/3/step/1")), "/scans/3/step/1");
        assert_eq!(safe_next(None), "/");
    }

    #[test]
    fn anything_a_browser_would_read_as_another_site_is_refused() {
        for evil in [
            "https://evil.example",
            "//evil.example",
            "/\\evil.example",
            "\\\\evil.example",
            "/\t/evil.example",
            "/\n/evil.example",
            " //evil.example",
            "javascript:alert(1)",
            "http://datacoach.invalid@evil.example/",
            "/.//evil.example",
            "https:evil.example",
        ] {
            assert_eq!(safe_next(Some(evil)), "/", "{evil:?}");
        }
    }

    #[test]
    fn local_paths_come_back_normalised() {
        assert_eq!(local_path("/a/../b?x=1").as_deref(), Some("/b?x=1"));
        assert_eq!(
            local_path("/companies/4#top").as_deref(),
            Some("/companies/4")
        );
    }
}
