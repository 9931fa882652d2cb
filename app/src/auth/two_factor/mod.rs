//! The second factor: TOTP codes (RFC 6238) from an authenticator app, with one-time recovery
//! codes for a lost phone. Required for admins and programme managers, offered to coaches and
//! experts. Here: the types that cross the wire and the rule of which addresses stay open
//! while a required factor is not set up yet; the server functions (`api`), the work
//! (`service`), the codes themselves (`totp`, `recovery`) and the pages (`views`, `account`).
mod account;
mod api;
#[cfg(feature = "ssr")]
pub mod cookies;
#[cfg(feature = "ssr")]
pub mod recovery;
#[cfg(feature = "ssr")]
pub mod service;
#[cfg(feature = "ssr")]
pub mod totp;
mod views;

pub use account::TwoFactorPage;
pub use api::*;
pub use views::LoginCodePage;

use serde::{Deserialize, Serialize};

/// The page where the second factor is set up and managed.
pub const ACCOUNT_PATH: &str = "/account/two-factor";
/// The login's second step.
pub const LOGIN_CODE_PATH: &str = "/login/code";

/// The second step's address, keeping where the person was going.
pub fn login_code_path(next: &str) -> String {
    if next == "/" {
        LOGIN_CODE_PATH.to_owned()
    } else {
        format!("{LOGIN_CODE_PATH}?next={}", crate::layout::encode(next))
    }
}

/// What the account page shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FactorOverview {
    /// The role must have a factor (it cannot be turned off).
    pub required: bool,
    pub state: FactorState,
    /// Recovery codes made by the last confirmation or renewal, shown this once.
    pub new_codes: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum FactorState {
    /// Not set up: scan this and confirm with a first code.
    Setup(Setup),
    On {
        recovery_codes_left: u64,
    },
}

/// What an authenticator app needs, as a QR code and as text for typing it in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Setup {
    /// An inline SVG drawn on the server (no image request, no script).
    pub qr_svg: String,
    /// The `otpauth://` URI the QR code holds.
    pub uri: String,
    /// The secret in base32, in groups of four for typing.
    pub secret_groups: String,
}

/// Whether a signed-in user who still has to set up a required factor may reach `path`: the
/// enrolment page and what it needs (who am I, the language, logging out, the enrolment
/// itself). Everything else waits until the factor is confirmed. Paths only, no query.
pub fn reachable_while_enrolling(path: &str) -> bool {
    const PAGES: [&str; 3] = [ACCOUNT_PATH, "/login", LOGIN_CODE_PATH];
    const API: [&str; 6] = [
        "me",
        "logout",
        "set_language",
        "login",
        "two_factor_overview",
        "two_factor_confirm",
    ];
    let path = path.trim_end_matches('/');
    PAGES.contains(&path)
        || path
            .strip_prefix("/api/")
            .is_some_and(|endpoint| API.contains(&endpoint))
}

#[cfg(test)]
mod tests {
    use super::reachable_while_enrolling;

    #[test]
    fn while_enrolling_only_the_enrolment_and_signing_out_are_open() {
        for open in [
            "/account/two-factor",
            "/api/two_factor_overview",
            "/api/two_factor_confirm",
            "/api/me",
            "/api/logout",
            "/api/set_language",
        ] {
            assert!(reachable_while_enrolling(open), "{open}");
        }
        for closed in [
            "/",
            "/companies",
            "/admin/users",
            "/api/admin_list_users",
            "/api/two_factor_disable",
            "/api/two_factor_new_codes",
            "/api/me/../admin_list_users",
            "/account/two-factor-x",
            "/scans/1/export.json",
        ] {
            assert!(!reachable_while_enrolling(closed), "{closed}");
        }
    }
}
