//! The login's second step: the code from the authenticator app, or a recovery code for a
//! lost phone. A plain form that works without JavaScript, like the login form.
use super::{LOGIN_CODE_PATH, LoginCode};
use crate::app::use_auth;
use crate::domain::{Field, Msg};
use crate::i18n::*;
use crate::layout::encode;
use crate::ui::{ErrorSummary, PageTitle, TextField, action_errors};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[component]
pub fn LoginCodePage() -> impl IntoView {
    let i18n = use_i18n();
    let auth = use_auth();
    let query = use_query_map();
    let next = move || query.with(|q| q.get("next")).unwrap_or_default();
    // A recovery code has letters: its field must not bring up a digits-only keyboard.
    let recovery = move || query.with(|q| q.get("recovery").is_some());
    let action = ServerAction::<LoginCode>::new();
    let error = action_errors(action);
    Effect::new(move |_| {
        if let Some(Ok(())) = action.value().get() {
            auth.refresh();
        }
    });
    let expired = move || {
        error.get().is_some_and(|e| {
            e.form_errors()
                .is_some_and(|f| f.message_for(Field::Code) == Some(Msg::LoginExpired))
        })
    };
    let switch_href = move || {
        let next = next();
        let next = (!next.is_empty()).then(|| format!("next={}", encode(&next)));
        match (recovery(), next) {
            (true, Some(n)) => format!("{LOGIN_CODE_PATH}?{n}"),
            (true, None) => LOGIN_CODE_PATH.to_owned(),
            (false, Some(n)) => format!("{LOGIN_CODE_PATH}?recovery=1&{n}"),
            (false, None) => format!("{LOGIN_CODE_PATH}?recovery=1"),
        }
    };
    view! {
        <div class="container--narrow stack">
            <a class="back-link" href="/login">{t!(i18n, common.back_to_login)}</a>
            <PageTitle text=Signal::derive(move || td_string!(i18n.get_locale(), two_factor.login_title).to_string())/>
            <p class="lead">
                {move || if recovery() {
                    t!(i18n, two_factor.login_recovery_intro).into_any()
                } else {
                    t!(i18n, two_factor.login_intro).into_any()
                }}
            </p>
            <ErrorSummary error=error/>
            {move || expired().then(|| view! {
                <p><a class="button" href="/login">{t!(i18n, two_factor.login_again)}</a></p>
            })}
            <ActionForm action=action attr:class="form" attr:novalidate=true>
                <input type="hidden" name="next" value=next/>
                {move || if recovery() {
                    view! { <TextField field=Field::Code error=error autocomplete="off" inputmode="text" required=true/> }.into_any()
                } else {
                    view! { <TextField field=Field::Code error=error autocomplete="one-time-code" inputmode="numeric" required=true/> }.into_any()
                }}
                <div class="form-actions">
                    <button type="submit" class="button">{t!(i18n, two_factor.login_submit)}</button>
                    <a href=switch_href>
                        {move || if recovery() {
                            t!(i18n, two_factor.use_app_code).into_any()
                        } else {
                            t!(i18n, two_factor.use_recovery_code).into_any()
                        }}
                    </a>
                </div>
            </ActionForm>
        </div>
    }
}
