//! The lead inbox of the coaching staff and the expert's own leads.
use super::{
    AcceptLead, DeclineLead, LeadInbox, LeadView, MyLeads, ProposeLead, get_lead_inbox,
    get_my_leads,
};
use crate::domain::{Field, Role};
use crate::i18n::*;
use crate::layout::RequireUser;
use crate::messages::{sector_options, size_options};
use crate::ui::{
    Breadcrumbs, Crumb, ErrorSummary, Loaded, PageTitle, Pagination, SelectField, TextAreaField,
    TextField, action_errors, format_date,
};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

fn home(l: Locale) -> Vec<Crumb> {
    vec![Crumb {
        label: td_string!(l, nav.home).to_string(),
        href: "/".into(),
    }]
}

fn status_label(l: Locale, s: &str) -> &'static str {
    match s {
        "accepted" => td_string!(l, leads.accepted),
        "declined" => td_string!(l, leads.declined),
        _ => td_string!(l, leads.new),
    }
}

/// The data and the actions are created here, outside the guard: the guard's `Suspense`
/// walks its children more than once on the server, and a resource created in there would be
/// fetched once per walk.
#[component]
pub fn LeadInboxPage() -> impl IntoView {
    let query = use_query_map();
    let page = move || {
        query
            .with(|m| m.get("page"))
            .and_then(|p| p.parse::<u64>().ok())
            .unwrap_or(1)
    };
    let accept = ServerAction::<AcceptLead>::new();
    let decline = ServerAction::<DeclineLead>::new();
    let data = Resource::new(
        move || (page(), accept.version().get(), decline.version().get()),
        |(p, _, _)| get_lead_inbox(p),
    );
    view! {
        <RequireUser
            allow=|u| u.role.is_coaching_staff()
            children=move |_| view! { <Inbox data accept decline/> }
        />
    }
}

#[component]
fn Inbox(
    data: Resource<Result<LeadInbox, crate::error::AppError>>,
    accept: ServerAction<AcceptLead>,
    decline: ServerAction<DeclineLead>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Breadcrumbs label=Signal::derive(move || td_string!(i18n.get_locale(), layout.breadcrumbs).to_string()) crumbs=Signal::derive(move || home(i18n.get_locale()))/>
        <PageTitle text=Signal::derive(move || td_string!(i18n.get_locale(), nav.leads).to_string())/>
        <p class="lead">{t!(i18n, leads.inbox_intro)}</p>
        <Loaded resource=data let:inbox>
            <InboxList inbox=inbox accept=accept decline=decline/>
        </Loaded>
    }
}

#[component]
fn InboxList(
    inbox: LeadInbox,
    accept: ServerAction<AcceptLead>,
    decline: ServerAction<DeclineLead>,
) -> impl IntoView {
    let i18n = use_i18n();
    let accept_error = action_errors(accept);
    let decline_error = action_errors(decline);
    let accepted = move || accept.value().get().and_then(|r| r.ok());
    let pages = inbox.leads.pages();
    let staff: Vec<(String, String)> = inbox
        .staff
        .iter()
        .map(|(id, n)| (id.0.to_string(), n.clone()))
        .collect();
    view! {
        {move || accepted().map(|id| view! {
            <div class="notice notice--success" role="status">{t!(i18n, leads.accepted_notice)}" "<a href=format!("/companies/{id}")>{t!(i18n, leads.open_company)}</a></div>
        })}
        <ErrorSummary error=accept_error/>
        <ErrorSummary error=decline_error/>
        {if inbox.leads.items.is_empty() {
            view! { <div class="empty-state">{t!(i18n, leads.inbox_empty)}</div> }.into_any()
        } else {
            inbox.leads.items.clone().into_iter().map(|l| view! { <LeadCard l=l staff=staff.clone() accept=accept decline=decline/> }).collect_view().into_any()
        }}
        <Pagination page=inbox.leads.page pages=pages total=inbox.leads.total base="/leads".to_string()/>
    }
}

#[component]
fn LeadCard(
    l: LeadView,
    staff: Vec<(String, String)>,
    accept: ServerAction<AcceptLead>,
    decline: ServerAction<DeclineLead>,
) -> impl IntoView {
    let i18n = use_i18n();
    let error = action_errors(accept);
    let id = l.id;
    let status = l.status.clone();
    let open = l.status == "new";
    let staff = Signal::derive(move || staff.clone());
    // One accept form per lead on the page: element ids carry the lead's id.
    let dom = move |name: &str| format!("{name}-{id}");
    view! {
        <article class="card lead-card" aria-labelledby=format!("lead-{id}")>
            <h2 id=format!("lead-{id}") class="card__title">{l.company_name.clone()}" · "{t!(i18n, field.kvk_number)}" "{l.kvk_number.clone()}</h2>
            <p class="card__meta">
                {move || status_label(i18n.get_locale(), &status)}" · "{move || format_date(i18n.get_locale(), l.at)}
                {l.expert.clone().map(|x| view! { " · " {move || td_string!(i18n.get_locale(), leads.by, expert = x.as_str()).to_string()} })}
            </p>
            <p class="preserve">{l.reason.clone().unwrap_or_default()}</p>
            {l.matched.clone().map(|(cid, name)| view! { <p><strong>{t!(i18n, leads.matched)}</strong>" "<a href=format!("/companies/{cid}")>{name}</a></p> })}
            {l.company.clone().map(|(cid, name)| view! { <p>{t!(i18n, leads.became)}" "<a href=format!("/companies/{cid}")>{name}</a></p> })}
            {l.decline_reason.clone().map(|r| view! { <p>{t!(i18n, leads.decline_reason)}": "{r}</p> })}
            {open.then(|| {
                let matched = l.matched.is_some();
                view! {
                    <details class="panel">
                        <summary>{t!(i18n, leads.accept)}</summary>
                        <ActionForm action=accept attr:class="form" attr:novalidate=true>
                            <input type="hidden" name="id" value=id/>
                            <SelectField field=Field::Coach name="form[coach_id]" error=error with_empty=true options=staff dom_id=dom("coach")/>
                            {(!matched).then(|| view! {
                                <p class="hint">{t!(i18n, leads.new_company_hint)}</p>
                                <TextField field=Field::Municipality name="form[municipality]" error=error required=true dom_id=dom("municipality")/>
                                <SelectField field=Field::SizeBand name="form[size_band]" error=error with_empty=true options=Signal::derive(move || size_options(i18n.get_locale())) dom_id=dom("size_band")/>
                                <SelectField field=Field::PrimarySector name="form[primary_sector]" error=error with_empty=true options=Signal::derive(move || sector_options(i18n.get_locale())) dom_id=dom("primary_sector")/>
                            })}
                            <div class="form-actions">
                                <button type="submit" class="button">{if matched { t!(i18n, leads.link_submit).into_any() } else { t!(i18n, leads.create_submit).into_any() }}</button>
                            </div>
                        </ActionForm>
                    </details>
                    <details class="panel">
                        <summary>{t!(i18n, leads.decline)}</summary>
                        <ActionForm action=decline attr:class="form" attr:novalidate=true>
                            <input type="hidden" name="id" value=id/>
                            <div class="field">
                                <label for=format!("decline-{id}")>{t!(i18n, field.reason)}</label>
                                <textarea id=format!("decline-{id}") name="reason" rows="2"></textarea>
                            </div>
                            <div class="form-actions">
                                <button type="submit" class="button button--secondary">{t!(i18n, leads.decline_submit)}</button>
                            </div>
                        </ActionForm>
                    </details>
                }
            })}
        </article>
    }
    .into_any()
}

/// The data and the action are created here, outside the guard: the guard's `Suspense`
/// walks its children more than once on the server, and a resource created in there would be
/// fetched once per walk.
#[component]
pub fn MyLeadsPage() -> impl IntoView {
    let propose = ServerAction::<ProposeLead>::new();
    let data = Resource::new(move || propose.version().get(), |_| get_my_leads());
    view! {
        <RequireUser
            allow=|u| u.role == Role::Expert
            children=move |_| view! { <Mine propose data/> }
        />
    }
}

#[component]
fn Mine(
    propose: ServerAction<ProposeLead>,
    data: Resource<Result<MyLeads, crate::error::AppError>>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Breadcrumbs label=Signal::derive(move || td_string!(i18n.get_locale(), layout.breadcrumbs).to_string()) crumbs=Signal::derive(move || home(i18n.get_locale()))/>
        <PageTitle text=Signal::derive(move || td_string!(i18n.get_locale(), nav.my_leads).to_string())/>
        <p class="lead">{t!(i18n, leads.mine_intro)}</p>
        <Loaded resource=data let:m>
            <MineList m=m propose=propose/>
        </Loaded>
    }
}

#[component]
fn MineList(m: MyLeads, propose: ServerAction<ProposeLead>) -> impl IntoView {
    let i18n = use_i18n();
    let error = action_errors(propose);
    let sent = move || propose.value().get().is_some_and(|r| r.is_ok());
    let orgs: Vec<(String, String)> = m
        .organisations
        .iter()
        .map(|(id, n)| (id.to_string(), n.clone()))
        .collect();
    let first = orgs.first().map(|(id, _)| id.clone()).unwrap_or_default();
    view! {
        {move || sent().then(|| view! { <div class="notice notice--success" role="status">{t!(i18n, leads.sent)}</div> })}
        {if m.leads.is_empty() {
            view! { <div class="empty-state">{t!(i18n, leads.mine_empty)}</div> }.into_any()
        } else {
            view! {
                <div class="table-wrap">
                    <table class="data-table">
                        <caption class="visually-hidden">{t!(i18n, nav.my_leads)}</caption>
                        <thead><tr>
                            <th scope="col">{t!(i18n, field.company_name)}</th>
                            <th scope="col">{t!(i18n, field.kvk_number)}</th>
                            <th scope="col">{t!(i18n, actions.status)}</th>
                        </tr></thead>
                        <tbody>
                            {m.leads.clone().into_iter().map(|l| {
                                let s = l.status.clone();
                                view! { <tr><td>{l.company_name.clone()}</td><td>{l.kvk_number.clone()}</td><td>{move || status_label(i18n.get_locale(), &s)}</td></tr> }
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
            }.into_any()
        }}
        {if m.has_profile {
            view! {
                <h2>{t!(i18n, leads.propose_title)}</h2>
                <ErrorSummary error=error/>
                <ActionForm action=propose attr:class="form" attr:novalidate=true>
                    <SelectField field=Field::Organisation name="form[organisation_id]" error=error value=first options=Signal::derive(move || orgs.clone())/>
                    <TextField field=Field::CompanyName name="form[company_name]" error=error required=true/>
                    <TextField field=Field::KvkNumber name="form[kvk_number]" error=error inputmode="numeric" required=true/>
                    <TextAreaField field=Field::Reason name="form[reason]" error=error rows=3/>
                    <div class="form-actions">
                        <button type="submit" class="button">{t!(i18n, leads.propose_submit)}</button>
                    </div>
                </ActionForm>
            }.into_any()
        } else {
            view! { <div class="notice">{t!(i18n, leads.profile_first)}" "<a href="/expert-profile">{t!(i18n, nav.expert_profile)}</a></div> }.into_any()
        }}
    }
    .into_any()
}
