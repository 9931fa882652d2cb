//! Translated 404, 403 and error pages, with the matching HTTP status on the server.
use crate::error::AppError;
use crate::i18n::*;
use crate::messages::error_text;
use crate::ui::PageTitle;
use leptos::prelude::*;

fn set_status(_code: u16) {
    #[cfg(feature = "ssr")]
    if let (Some(res), Ok(code)) = (
        use_context::<leptos_axum::ResponseOptions>(),
        http::StatusCode::from_u16(_code),
    ) {
        res.set_status(code);
    }
}

#[component]
pub fn NotFound() -> impl IntoView {
    set_status(404);
    let i18n = use_i18n();
    view! {
        <div class="error-page">
            <p class="error-page__code" aria-hidden="true">"404"</p>
            <PageTitle text=Signal::derive(move || td_string!(i18n.get_locale(), error.not_found_title).to_string())/>
            <p>{t!(i18n, error.not_found_text)}</p>
            <p><a href="/">{t!(i18n, error.to_home)}</a></p>
        </div>
    }
}

#[component]
pub fn Forbidden() -> impl IntoView {
    set_status(403);
    let i18n = use_i18n();
    view! {
        <div class="error-page">
            <p class="error-page__code" aria-hidden="true">"403"</p>
            <PageTitle text=Signal::derive(move || td_string!(i18n.get_locale(), error.forbidden_title).to_string())/>
            <p>{t!(i18n, error.forbidden_text)}</p>
            <p><a href="/">{t!(i18n, error.to_home)}</a></p>
        </div>
    }
}

/// The page for an error from a server function: 404 and 403 get their own pages.
#[component]
pub fn ErrorPage(error: AppError) -> impl IntoView {
    match error {
        AppError::NotFound => view! { <NotFound/> }.into_any(),
        AppError::Forbidden => view! { <Forbidden/> }.into_any(),
        other => {
            set_status(other.status());
            let i18n = use_i18n();
            let code = other.status();
            view! {
                <div class="error-page" role="alert">
                    <p class="error-page__code" aria-hidden="true">{code}</p>
                    <PageTitle text=Signal::derive(move || td_string!(i18n.get_locale(), error.internal_title).to_string())/>
                    <p>{move || error_text(i18n.get_locale(), &other)}</p>
                    <p><a href="/">{t!(i18n, error.to_home)}</a></p>
                </div>
            }
            .into_any()
        }
    }
}
