//! Pages that need a signed-in user: anonymous visitors go to the login page (and come back),
//! users without the right role get the 403 page. The server functions check again.
use crate::app::use_auth;
use crate::auth::CurrentUser;
use crate::auth::two_factor::ACCOUNT_PATH;
use crate::layout::Forbidden;
use crate::ui::Loaded;
use leptos::prelude::*;
use leptos_router::components::Redirect;
use leptos_router::hooks::use_location;

/// Percent-encodes a path for use as a query value.
pub fn encode_query_value(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'/' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

#[component]
pub fn RequireUser<F, V>(allow: fn(&CurrentUser) -> bool, children: F) -> impl IntoView
where
    F: Fn(CurrentUser) -> V + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let auth = use_auth();
    let location = use_location();
    view! {
        <Loaded resource=auth.user let:user>
            {match user {
                // A required second factor comes first (the server redirects too).
                Some(u) if u.must_enrol && location.pathname.get_untracked() != ACCOUNT_PATH => {
                    view! { <Redirect path=ACCOUNT_PATH/> }.into_any()
                }
                Some(u) if allow(&u) => children(u).into_any(),
                Some(_) => view! { <Forbidden/> }.into_any(),
                // On the way out to the login page (after logout): nothing to guard.
                None if location.pathname.get_untracked().starts_with("/login") => ().into_any(),
                None => {
                    let here = format!("{}{}", location.pathname.get_untracked(), location.search.get_untracked().is_empty().then(String::new).unwrap_or_else(|| format!("?{}", location.search.get_untracked())));
                    let path = format!("/login?next={}", encode_query_value(&here));
                    view! { <Redirect path=path/> }.into_any()
                }
            }}
        </Loaded>
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_return_path_is_encoded_as_one_query_value() {
        assert_eq!(
            super::encode_query_value("/companies?q=a b&page=2"),
            "/companies%3Fq%3Da%20b%26page%3D2"
        );
    }
}
