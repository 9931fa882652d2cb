//! The shares page: one card per contact with an expert, what it shares and until when, and
//! a form to change and renew it or to withdraw it. Plain forms: it works without JavaScript.
use super::{MyShares, Share, UpdateShare, get_my_shares};
use crate::domain::{Field, Role};
use crate::i18n::*;
use crate::layout::RequireUser;
use crate::ui::{Breadcrumbs, Crumb, ErrorSummary, Loaded, PageTitle, action_errors, format_date};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[component]
pub fn SharesPage() -> impl IntoView {
    let data = Resource::new(|| (), |_| get_my_shares());
    view! {
        <RequireUser
            allow=|u| u.role == Role::Entrepreneur
            children=move |_| view! { <SharesView data/> }
        />
    }
}

#[component]
fn SharesView(data: Resource<Result<MyShares, crate::error::AppError>>) -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let notice = move || {
        query.with(|m| {
            if m.get("saved").is_some() {
                Some(td_string!(i18n.get_locale(), shares.saved))
            } else if m.get("withdrawn").is_some() {
                Some(td_string!(i18n.get_locale(), shares.withdrawn))
            } else {
                None
            }
        })
    };
    let crumbs = move || {
        vec![Crumb {
            label: td_string!(i18n.get_locale(), nav.home).to_string(),
            href: "/".into(),
        }]
    };
    view! {
        <Breadcrumbs label=Signal::derive(move || td_string!(i18n.get_locale(), layout.breadcrumbs).to_string()) crumbs=Signal::derive(crumbs)/>
        <PageTitle text=Signal::derive(move || td_string!(i18n.get_locale(), shares.title).to_string())/>
        <p class="lead">{t!(i18n, shares.intro)}</p>
        {move || notice().map(|n| view! { <div class="notice notice--success" role="status">{n}</div> })}
        <Loaded resource=data let:mine>
            {if mine.shares.is_empty() {
                view! { <div class="empty-state">{t!(i18n, shares.empty)}</div> }.into_any()
            } else {
                let email = mine.email.clone();
                mine.shares.into_iter().map(|s| view! { <ShareCard share=s email=email.clone() data/> }).collect_view().into_any()
            }}
        </Loaded>
    }
}

#[component]
fn ShareCard(
    share: Share,
    email: String,
    data: Resource<Result<MyShares, crate::error::AppError>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let action = ServerAction::<UpdateShare>::new();
    let error = action_errors(action);
    // With JavaScript the page stays: the list is read again after a change.
    Effect::new(move |_| {
        if matches!(action.value().get(), Some(Ok(()))) {
            data.refetch();
        }
    });
    let id = share.engagement_id;
    let title_id = format!("share-{id}");
    let s = share.clone();
    let shared = move || {
        let l = i18n.get_locale();
        let mut parts = vec![];
        if s.email {
            parts.push(td_string!(l, shares.what_email).to_string());
        }
        if let Some(p) = &s.phone {
            parts.push(td_string!(l, shares.what_phone, phone = p.as_str()).to_string());
        }
        if let Some(scan) = s.scan {
            let round = s
                .scans
                .iter()
                .find(|c| c.id == scan)
                .map(|c| c.round)
                .unwrap_or_default();
            parts.push(td_string!(l, shares.what_scan, round = round).to_string());
        }
        if parts.is_empty() {
            td_string!(l, shares.what_nothing).to_string()
        } else {
            parts.join(", ")
        }
    };
    let (until, active, contacted) = (share.until, share.active, share.contacted_at);
    let chosen_scan = share.scan.map(|s| s.0.to_string()).unwrap_or_default();
    view! {
        <section class="panel stack" aria-labelledby=title_id.clone()>
            <h2 id=title_id.clone()>{share.expert.clone()}" · "{share.company.clone()}</h2>
            <dl class="summary-list">
                <dt>{t!(i18n, shares.contacted)}</dt>
                <dd>{move || format_date(i18n.get_locale(), contacted)}</dd>
                <dt>{t!(i18n, shares.what)}</dt>
                <dd>{shared}</dd>
                <dt>{t!(i18n, shares.status)}</dt>
                <dd>
                    {move || if active {
                        td_string!(i18n.get_locale(), shares.visible_until, date = format_date(i18n.get_locale(), until)).to_string()
                    } else {
                        td_string!(i18n.get_locale(), shares.ended, date = format_date(i18n.get_locale(), until)).to_string()
                    }}
                </dd>
            </dl>
            <ErrorSummary error=error/>
            <ActionForm action=action attr:class="form" attr:novalidate=true>
                <input type="hidden" name="form[engagement_id]" value=id/>
                <fieldset class="choices">
                    <legend>{t!(i18n, shares.choose)}</legend>
                    <div class="choice">
                        <input type="checkbox" id=format!("share-email-{id}") name="form[share_email]" value="on" checked=share.email/>
                        <label for=format!("share-email-{id}")>{move || td_string!(i18n.get_locale(), shares.share_email, email = email.as_str()).to_string()}</label>
                    </div>
                </fieldset>
                <div class="field">
                    <label for=format!("share-phone-{id}")>{t!(i18n, field.contact_phone)}" "<span class="label-optional">{t!(i18n, form.optional)}</span></label>
                    <input type="tel" id=format!("share-phone-{id}") name="form[contact_phone]" autocomplete="tel" value=share.phone.clone().unwrap_or_default()/>
                </div>
                <div class="field">
                    <label for=format!("share-scan-{id}")>{move || crate::messages::field_label(i18n.get_locale(), Field::SharedScan)}</label>
                    <select id=format!("share-scan-{id}") name="form[scan_id]">
                        <option value="" selected=chosen_scan.is_empty()>{t!(i18n, shares.no_scan)}</option>
                        {share.scans.iter().map(|c| {
                            let value = c.id.0.to_string();
                            let selected = value == chosen_scan;
                            let (round, at) = (c.round, c.submitted_at);
                            view! {
                                <option value=value selected=selected>
                                    {move || {
                                        let l = i18n.get_locale();
                                        let date = at.map(|d| format_date(l, d)).unwrap_or_default();
                                        td_string!(l, shares.scan_option, round = round, date = date).to_string()
                                    }}
                                </option>
                            }
                        }).collect_view()}
                    </select>
                </div>
                <div class="form-actions">
                    <button type="submit" class="button">{t!(i18n, shares.save)}</button>
                    <button type="submit" class="button button--secondary" name="form[withdraw]" value="1">{t!(i18n, shares.withdraw)}</button>
                </div>
            </ActionForm>
        </section>
    }
}
