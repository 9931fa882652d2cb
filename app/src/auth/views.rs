//! Login, forgotten password, and setting a password through an e-mailed link. All three are
//! plain forms that work without JavaScript.
use super::{ForgotPassword, LinkPurpose, Login, SetPassword, get_link_info};
use crate::AppError;
use crate::app::use_auth;
use crate::domain::Field;
use crate::i18n::*;
use crate::layout::ErrorPage;
use crate::messages::link_problem_text;
use crate::ui::{ErrorSummary, PageTitle, TextField, action_errors};
use leptos::prelude::*;
use leptos_router::components::Redirect;
use leptos_router::hooks::{use_params_map, use_query_map};

#[component]
pub fn LoginPage() -> impl IntoView {
    let i18n = use_i18n();
    let auth = use_auth();
    let query = use_query_map();
    let next = move || query.with(|q| q.get("next")).unwrap_or_default();
    let logged_out = move || query.with(|q| q.get("logged_out").is_some());
    let erased = move || query.with(|q| q.get("erased").is_some());
    let login = ServerAction::<Login>::new();
    let error = action_errors(login);
    Effect::new(move |_| {
        if let Some(Ok(())) = login.value().get() {
            auth.refresh();
        }
    });
    view! {
        <div class="container--narrow stack">
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    // Already signed in when the page opened: nothing to do here. (After a
                    // sign-in on this page the login answer itself says where to go; a second
                    // navigation would race it.)
                    let signed_in = matches!(auth.user.await, Ok(Some(_)));
                    (signed_in && login.version().get_untracked() == 0)
                        .then(|| view! { <Redirect path="/"/> })
                })}
            </Suspense>
            <PageTitle text=Signal::derive(move || td_string!(i18n.get_locale(), login.title).to_string())/>
            <p class="lead">{t!(i18n, login.intro)}</p>
            {move || logged_out().then(|| view! { <div class="notice notice--success" role="status">{t!(i18n, login.logged_out)}</div> })}
            {move || erased().then(|| view! { <div class="notice notice--success" role="status">{t!(i18n, login.erased)}</div> })}
            <ErrorSummary error=error/>
            <ActionForm action=login attr:class="form" attr:novalidate=true>
                <input type="hidden" name="next" value=next/>
                <TextField field=Field::Email error=error input_type="email" autocomplete="username" required=true/>
                <TextField field=Field::Password error=error input_type="password" autocomplete="current-password" required=true hint=false/>
                <div class="form-actions">
                    <button type="submit" class="button">{t!(i18n, login.submit)}</button>
                    <a href="/forgot-password">{t!(i18n, login.forgot)}</a>
                </div>
            </ActionForm>
        </div>
    }
}

#[component]
pub fn ForgotPasswordPage() -> impl IntoView {
    let i18n = use_i18n();
    let action = ServerAction::<ForgotPassword>::new();
    let query = use_query_map();
    let sent = move || query.with(|q| q.get("sent").is_some());
    let error = action_errors(action);
    view! {
        <div class="container--narrow stack">
            <a class="back-link" href="/login">{t!(i18n, common.back_to_login)}</a>
            <PageTitle text=Signal::derive(move || td_string!(i18n.get_locale(), forgot.title).to_string())/>
            <Show
                when=sent
                fallback=move || view! {
                    <p class="lead">{t!(i18n, forgot.intro)}</p>
                    <ErrorSummary error=error/>
                    <ActionForm action=action attr:class="form" attr:novalidate=true>
                        <TextField field=Field::Email error=error input_type="email" autocomplete="email" required=true/>
                        <div class="form-actions">
                            <button type="submit" class="button">{t!(i18n, forgot.submit)}</button>
                        </div>
                    </ActionForm>
                }
            >
                <div class="notice notice--success" role="status">{t!(i18n, forgot.sent)}</div>
            </Show>
        </div>
    }
}

/// Choosing a password through an invitation (also asks the name) or a reset link.
#[component]
pub fn SetPasswordPage(purpose: LinkPurpose) -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let token = move || params.with(|p| p.get("token")).unwrap_or_default();
    let info = Resource::new(token, move |t| {
        get_link_info(t, purpose.as_str().to_owned())
    });
    let action = ServerAction::<SetPassword>::new();
    let error = action_errors(action);
    let auth = use_auth();
    Effect::new(move |_| {
        if let Some(Ok(())) = action.value().get() {
            auth.refresh();
        }
    });
    let title = move || match purpose {
        LinkPurpose::Invite => td_string!(i18n.get_locale(), set_password.invite_title),
        LinkPurpose::Reset => td_string!(i18n.get_locale(), set_password.reset_title),
    };
    view! {
        <div class="container--narrow stack">
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    match info.await {
                        Ok(info) => view! {
                            <PageTitle text=Signal::derive(move || title().to_string())/>
                            <p class="lead">
                                {match purpose {
                                    LinkPurpose::Invite => t!(i18n, set_password.invite_intro, email = info.email.clone()).into_any(),
                                    LinkPurpose::Reset => t!(i18n, set_password.reset_intro, email = info.email.clone()).into_any(),
                                }}
                            </p>
                            <ErrorSummary error=error/>
                            <ActionForm action=action attr:class="form" attr:novalidate=true>
                                <input type="hidden" name="token" value=token/>
                                <input type="hidden" name="purpose" value=purpose.as_str()/>
                                {(purpose == LinkPurpose::Invite).then(|| view! {
                                    <TextField field=Field::Name error=error value=info.name.clone() autocomplete="name" required=true/>
                                })}
                                <TextField field=Field::Password error=error input_type="password" autocomplete="new-password" required=true/>
                                <TextField field=Field::PasswordConfirm error=error input_type="password" autocomplete="new-password" required=true/>
                                <div class="form-actions">
                                    <button type="submit" class="button">{t!(i18n, set_password.submit)}</button>
                                </div>
                            </ActionForm>
                        }
                        .into_any(),
                        Err(AppError::Link(p)) => view! {
                            <PageTitle text=Signal::derive(move || td_string!(i18n.get_locale(), link.title).to_string())/>
                            <div class="notice notice--error" role="alert">{move || link_problem_text(i18n.get_locale(), p)}</div>
                            <p>
                                {match purpose {
                                    LinkPurpose::Invite => t!(i18n, link.ask_new_invite).into_any(),
                                    LinkPurpose::Reset => view! { <a href="/forgot-password">{t!(i18n, link.ask_new_reset)}</a> }.into_any(),
                                }}
                            </p>
                        }
                        .into_any(),
                        Err(e) => view! { <ErrorPage error=e/> }.into_any(),
                    }
                })}
            </Suspense>
        </div>
    }
}
