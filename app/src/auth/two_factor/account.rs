//! The account page of the second factor: set it up (QR code, the key as text, the first
//! code), see the recovery codes once, make new ones, or turn the factor off where the role
//! allows it. Every form is a plain form that works without JavaScript.
use super::{
    ACCOUNT_PATH, ConfirmTwoFactor, DisableTwoFactor, FactorOverview, FactorState,
    NewRecoveryCodes, Setup, two_factor_overview,
};
use crate::app::use_auth;
use crate::domain::Field;
use crate::error::AppError;
use crate::i18n::*;
use crate::layout::RequireUser;
use crate::ui::{ErrorSummary, Loaded, PageTitle, TextField, action_errors};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

type Overview = Resource<Result<FactorOverview, AppError>>;

/// The data and the actions are created here, outside the guard (whose `Suspense` walks its
/// children more than once on the server).
#[component]
pub fn TwoFactorPage() -> impl IntoView {
    let auth = use_auth();
    let confirm = ServerAction::<ConfirmTwoFactor>::new();
    let renew = ServerAction::<NewRecoveryCodes>::new();
    let disable = ServerAction::<DisableTwoFactor>::new();
    let data = Resource::new(
        move || {
            (
                confirm.version().get(),
                renew.version().get(),
                disable.version().get(),
            )
        },
        |_| two_factor_overview(),
    );
    // Setting the factor up opens the rest of the app: fetch the user (and the menu) again.
    Effect::new(move |_| {
        if let Some(Ok(_)) = confirm.value().get() {
            auth.refresh();
        }
    });
    view! {
        <RequireUser
            allow=|u| u.role.may_use_second_factor()
            children=move |u| view! { <Account must_enrol=u.must_enrol data confirm renew disable/> }
        />
    }
}

#[component]
fn Account(
    must_enrol: bool,
    data: Overview,
    confirm: ServerAction<ConfirmTwoFactor>,
    renew: ServerAction<NewRecoveryCodes>,
    disable: ServerAction<DisableTwoFactor>,
) -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let turned_off = move || query.with(|q| q.get("off").is_some());
    view! {
        <div class="container--narrow stack">
            <a class="back-link" href="/">{t!(i18n, two_factor.back_home)}</a>
            <PageTitle text=Signal::derive(move || td_string!(i18n.get_locale(), two_factor.title).to_string())/>
            {must_enrol.then(|| view! {
                <div class="notice notice--warning" role="status">{t!(i18n, two_factor.must_enrol)}</div>
            })}
            {move || turned_off().then(|| view! {
                <div class="notice notice--success" role="status">{t!(i18n, two_factor.turned_off)}</div>
            })}
            <Loaded resource=data let:o>
                {(!o.new_codes.is_empty()).then(|| view! { <NewCodes codes=o.new_codes.clone()/> })}
                {match o.state {
                    FactorState::Setup(s) => view! { <SetUp setup=s required=o.required confirm/> }.into_any(),
                    FactorState::On { recovery_codes_left } => view! {
                        <FactorOn left=recovery_codes_left required=o.required renew disable/>
                    }.into_any(),
                }}
            </Loaded>
        </div>
    }
}

/// The recovery codes just made: shown once, with the advice to keep them.
#[component]
fn NewCodes(codes: Vec<String>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="notice notice--success recovery-codes" aria-labelledby="recovery-codes-title">
            <h2 id="recovery-codes-title">{t!(i18n, two_factor.codes_title)}</h2>
            <p>{t!(i18n, two_factor.codes_intro)}</p>
            <ul class="recovery-codes__list">
                {codes.into_iter().map(|c| view! { <li><code>{c}</code></li> }).collect_view()}
            </ul>
        </section>
    }
}

#[component]
fn SetUp(setup: Setup, required: bool, confirm: ServerAction<ConfirmTwoFactor>) -> impl IntoView {
    let i18n = use_i18n();
    let error = action_errors(confirm);
    view! {
        <p class="lead">
            {if required { t!(i18n, two_factor.intro_required).into_any() } else { t!(i18n, two_factor.intro_offered).into_any() }}
        </p>
        <ErrorSummary error=error/>
        <ol class="steps stack">
            <li>{t!(i18n, two_factor.step_app)}</li>
            <li>
                <p>{t!(i18n, two_factor.step_scan)}</p>
                <div class="qr-code" role="img" aria-label=move || td_string!(i18n.get_locale(), two_factor.qr_label) inner_html=setup.qr_svg></div>
                <p>{t!(i18n, two_factor.manual_intro)}</p>
                <dl class="manual-key">
                    <dt>{t!(i18n, two_factor.manual_key)}</dt>
                    <dd><code class="secret">{setup.secret_groups}</code></dd>
                    <dt>{t!(i18n, two_factor.manual_uri)}</dt>
                    <dd><code class="uri">{setup.uri}</code></dd>
                </dl>
            </li>
            <li>
                <p>{t!(i18n, two_factor.step_code)}</p>
                <ActionForm action=confirm attr:class="form" attr:novalidate=true>
                    <TextField field=Field::Code error=error autocomplete="one-time-code" inputmode="numeric" required=true hint=false/>
                    <div class="form-actions">
                        <button type="submit" class="button">{t!(i18n, two_factor.confirm_submit)}</button>
                    </div>
                </ActionForm>
            </li>
        </ol>
    }
}

/// The factor is on: how many recovery codes are left, and (one task at a time, chosen by a
/// link, so it works without JavaScript) new codes or turning it off.
#[component]
fn FactorOn(
    left: u64,
    required: bool,
    renew: ServerAction<NewRecoveryCodes>,
    disable: ServerAction<DisableTwoFactor>,
) -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let task = move || query.with(|q| q.get("do")).unwrap_or_default();
    let renew_error = action_errors(renew);
    let disable_error = action_errors(disable);
    view! {
        <div class="notice notice--success" role="status">{t!(i18n, two_factor.is_on)}</div>
        <p>{t!(i18n, two_factor.codes_left, left = left)}</p>
        {move || match task().as_str() {
            "new-codes" => view! {
                <h2>{t!(i18n, two_factor.renew_title)}</h2>
                <p>{t!(i18n, two_factor.renew_intro)}</p>
                <ErrorSummary error=renew_error/>
                <ActionForm action=renew attr:class="form" attr:novalidate=true>
                    <TextField field=Field::Code error=renew_error autocomplete="one-time-code" inputmode="numeric" required=true/>
                    <div class="form-actions">
                        <button type="submit" class="button">{t!(i18n, two_factor.renew_submit)}</button>
                        <a href=ACCOUNT_PATH>{t!(i18n, common.cancel)}</a>
                    </div>
                </ActionForm>
            }.into_any(),
            "disable" if !required => view! {
                <h2>{t!(i18n, two_factor.disable_title)}</h2>
                <p>{t!(i18n, two_factor.disable_intro)}</p>
                <ErrorSummary error=disable_error/>
                <ActionForm action=disable attr:class="form" attr:novalidate=true>
                    <TextField field=Field::Code error=disable_error autocomplete="one-time-code" inputmode="numeric" required=true/>
                    <div class="form-actions">
                        <button type="submit" class="button button--danger">{t!(i18n, two_factor.disable_submit)}</button>
                        <a href=ACCOUNT_PATH>{t!(i18n, common.cancel)}</a>
                    </div>
                </ActionForm>
            }.into_any(),
            _ => view! {
                <ul class="link-list">
                    <li><a href=format!("{ACCOUNT_PATH}?do=new-codes")>{t!(i18n, two_factor.renew_link)}</a></li>
                    {(!required).then(|| view! {
                        <li><a href=format!("{ACCOUNT_PATH}?do=disable")>{t!(i18n, two_factor.disable_link)}</a></li>
                    })}
                </ul>
                {required.then(|| view! { <p class="muted">{t!(i18n, two_factor.required_note)}</p> })}
            }.into_any(),
        }}
    }
}
