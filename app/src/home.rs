//! The home page, one per role: the entrepreneur's portal, the coach's workspace, the admin's
//! overview and the expert's page.
use crate::app::use_auth;
use crate::auth::CurrentUser;
use crate::companies::{CompanyTable, list_companies};
use crate::domain::Role;
use crate::i18n::*;
use crate::layout::RequireUser;
use crate::messages::role_label;
use crate::ui::{Loaded, PageTitle};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[component]
pub fn HomePage() -> impl IntoView {
    view! { <RequireUser allow=|_| true children=|u| view! { <RoleHome user=u/> }/> }
}

#[component]
fn RoleHome(user: CurrentUser) -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let welcome = move || query.with(|q| q.get("welcome").is_some());
    let _ = use_auth();
    let role = user.role;
    let name = user.name.clone();
    view! {
        <PageTitle text=Signal::derive(move || td_string!(i18n.get_locale(), home.title, name = name.clone()).to_string())/>
        <p class="muted">{move || role_label(i18n.get_locale(), role)}</p>
        {move || welcome().then(|| view! { <div class="notice notice--success" role="status">{t!(i18n, home.welcome)}</div> })}
        {match role {
            Role::Entrepreneur => view! { <EntrepreneurHome/> }.into_any(),
            Role::Coach | Role::ProgrammeManager => view! { <CoachHome/> }.into_any(),
            Role::Admin => view! { <AdminHome/> }.into_any(),
            Role::Expert => view! { <ExpertHome/> }.into_any(),
        }}
    }
}

/// The portal: the entrepreneur's companies.
#[component]
fn EntrepreneurHome() -> impl IntoView {
    let i18n = use_i18n();
    let data = Resource::new(|| (), |_| list_companies(None, Some(1)));
    view! {
        <p class="lead">{t!(i18n, home.entrepreneur_intro)}</p>
        <h2>{t!(i18n, nav.my_companies)}</h2>
        <Loaded resource=data let:p>
            {if p.items.is_empty() {
                view! { <div class="empty-state">{t!(i18n, home.entrepreneur_empty)}</div> }.into_any()
            } else {
                view! {
                    <div class="card-grid">
                        {p.items.into_iter().map(|c| {
                            let href = format!("/companies/{}", c.id);
                            view! {
                                <article class="card">
                                    <h3><a href=href>{c.name}</a></h3>
                                    <p class="card__meta">{c.municipality}" · KvK "{c.kvk_number}</p>
                                    <p>{t!(i18n, home.your_coach)}": "{c.primary_coach_name.unwrap_or_else(|| "-".into())}</p>
                                    <p><a href=format!("/companies/{}#scan", c.id)>{t!(i18n, home.to_scan)}</a></p>
                                </article>
                            }
                        }).collect_view()}
                    </div>
                }.into_any()
            }}
        </Loaded>
    }
}

/// The workspace: the organisation's companies, first page.
#[component]
fn CoachHome() -> impl IntoView {
    let i18n = use_i18n();
    let data = Resource::new(|| (), |_| list_companies(None, Some(1)));
    view! {
        <p class="lead">{t!(i18n, home.coach_intro)}</p>
        <div class="cluster">
            <a class="button" href="/caseload">{t!(i18n, nav.caseload)}</a>
            <a class="button button--secondary" href="/actions">{t!(i18n, nav.actions)}</a>
            <a class="button button--secondary" href="/companies/new">{t!(i18n, companies.new)}</a>
            <a class="button button--secondary" href="/companies">{t!(i18n, home.all_companies)}</a>
        </div>
        <h2>{t!(i18n, nav.companies)}</h2>
        <Loaded resource=data let:p>
            {if p.items.is_empty() {
                view! { <div class="empty-state">{t!(i18n, companies.empty)}</div> }.into_any()
            } else {
                view! { <CompanyTable companies=p.items/> }.into_any()
            }}
        </Loaded>
    }
}

#[component]
fn AdminHome() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <p class="lead">{t!(i18n, home.admin_intro)}</p>
        <div class="card-grid">
            <article class="card"><h2><a href="/admin/users">{t!(i18n, nav.users)}</a></h2><p>{t!(i18n, home.admin_users)}</p></article>
            <article class="card"><h2><a href="/admin/organisations">{t!(i18n, nav.organisations)}</a></h2><p>{t!(i18n, home.admin_organisations)}</p></article>
            <article class="card"><h2><a href="/companies">{t!(i18n, nav.companies)}</a></h2><p>{t!(i18n, home.admin_companies)}</p></article>
            <article class="card"><h2><a href="/admin/outbox">{t!(i18n, nav.outbox)}</a></h2><p>{t!(i18n, home.admin_outbox)}</p></article>
        </div>
    }
}

#[component]
fn ExpertHome() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <p class="lead">{t!(i18n, home.expert_intro)}</p>
        <div class="notice">{t!(i18n, home.expert_next)}</div>
        <p><a class="button" href="/expert-profile">{t!(i18n, nav.expert_profile)}</a></p>
    }
}
