//! The two cookies of the second factor. Both are `HttpOnly` and short-lived.
//! - the login challenge: between a correct password and a correct code (5 minutes);
//! - the new recovery codes: carried from the form post that made them to the page that
//!   shows them once, so they can be shown without JavaScript too and are never stored in
//!   readable form on the server. The page that shows them clears the cookie.
use cookie::{Cookie, SameSite};

pub const LOGIN_CHALLENGE_COOKIE: &str = "dc_login_challenge";
pub const NEW_CODES_COOKIE: &str = "dc_new_codes";

/// A cookie's name for this deployment: over https with the `__Host-` prefix, like the
/// session cookie (the browser then keeps it only if `Secure`, host-only and on path `/`).
pub fn name(base: &'static str, secure: bool) -> &'static str {
    match (base, secure) {
        (LOGIN_CHALLENGE_COOKIE, true) => "__Host-dc_login_challenge",
        (NEW_CODES_COOKIE, true) => "__Host-dc_new_codes",
        _ => base,
    }
}

fn build(name: &'static str, value: String, secure: bool, minutes: i64) -> Cookie<'static> {
    Cookie::build((self::name(name, secure), value))
        .path("/")
        .http_only(true)
        .same_site(SameSite::Strict)
        .secure(secure)
        .max_age(cookie::time::Duration::minutes(minutes))
        .build()
}

fn removal(name: &'static str, secure: bool) -> Cookie<'static> {
    let mut c = build(name, String::new(), secure, 0);
    c.make_removal();
    c
}

pub fn login_challenge(secret: String, secure: bool) -> Cookie<'static> {
    // Lax, not Strict: the login form's redirect to the code page is a top-level navigation
    // that must carry it even when the login page was reached from a link elsewhere.
    let mut c = build(LOGIN_CHALLENGE_COOKIE, secret, secure, 5);
    c.set_same_site(SameSite::Lax);
    c
}

pub fn login_challenge_removal(secure: bool) -> Cookie<'static> {
    removal(LOGIN_CHALLENGE_COOKIE, secure)
}

/// The codes joined by dots (only letters, digits and dashes: safe in a cookie).
pub fn new_codes(codes: &[String], secure: bool) -> Cookie<'static> {
    build(NEW_CODES_COOKIE, codes.join("."), secure, 10)
}

pub fn new_codes_removal(secure: bool) -> Cookie<'static> {
    removal(NEW_CODES_COOKIE, secure)
}

/// The codes a `new_codes` cookie holds.
pub fn parse_new_codes(value: &str) -> Vec<String> {
    value
        .split('.')
        .filter(|c| !c.is_empty())
        .take(super::recovery::COUNT)
        .map(str::to_owned)
        .collect()
}

#[cfg(test)]
mod name_tests {
    use super::*;

    #[test]
    fn over_https_the_cookies_are_host_only_by_name() {
        let c = login_challenge("s".into(), true);
        assert_eq!(c.name(), "__Host-dc_login_challenge");
        assert_eq!(c.path(), Some("/"));
        assert_eq!(c.secure(), Some(true));
        assert_eq!(new_codes(&[], true).name(), "__Host-dc_new_codes");
        assert_eq!(
            login_challenge("s".into(), false).name(),
            LOGIN_CHALLENGE_COOKIE
        );
        assert_eq!(new_codes_removal(false).name(), NEW_CODES_COOKIE);
    }
}
