//! The home page, one per role: the entrepreneur's portal, the coach's workspace, the admin's
//! overview and the expert's page.
use crate::app::use_auth;
use crate::auth::CurrentUser;
use crate::companies::{CompanySummary, CompanyTable, list_companies};
use crate::domain::{Paged, Role};
use crate::error::AppError;
use crate::i18n::*;
use crate::layout::RequireUser;
use crate::messages::role_label;
use crate::ui::{Loaded, PageTitle};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// The first page of companies, for the homes that show it (the entrepreneur's and the
/// coaching staff's); `None` for the others, which ask the server nothing.
type HomeCompanies = Resource<Result<Option<Paged<CompanySummary>>, AppError>>;

fn shows_companies(role: Role) -> bool {
    matches!(
        role,
        Role::Entrepreneur | Role::Coach | Role::ProgrammeManager
    )
}

/// The data is created here, outside the guard: the guard's `Suspense` walks its children
/// more than once on the server, and a resource created in there would be fetched once per
/// walk. Only the homes of some roles list companies, so the fetcher waits for the signed-in
/// user (already loaded for the guard) and asks for them only for those roles, as before.
/// The user still comes from the guard.
#[component]
pub fn HomePage() -> impl IntoView {
    let auth = use_auth();
    let companies: HomeCompanies = Resource::new(
        || (),
        move |_| async move {
            match auth.user.await {
                Ok(Some(u)) if shows_companies(u.role) => {
                    list_companies(None, Some(1)).await.map(Some)
                }
                _ => Ok(None),
            }
        },
    );
    view! {
        <RequireUser
            allow=|_| true
            children=move |u| view! { <RoleHome user=u companies/> }
        />
    }
}

#[component]
fn RoleHome(user: CurrentUser, companies: HomeCompanies) -> impl IntoView {
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
            Role::Entrepreneur => view! { <EntrepreneurHome data=companies/> }.into_any(),
            Role::Coach | Role::ProgrammeManager => view! { <CoachHome data=companies/> }.into_any(),
            Role::Admin => view! { <AdminHome/> }.into_any(),
            Role::Expert => view! { <ExpertHome/> }.into_any(),
        }}
    }
}

/// The portal: the entrepreneur's companies.
#[component]
fn EntrepreneurHome(data: HomeCompanies) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <p class="lead">{t!(i18n, home.entrepreneur_intro)}</p>
        <h2>{t!(i18n, nav.my_companies)}</h2>
        <Loaded resource=data let:p>
            {let items = p.map(|p| p.items).unwrap_or_default(); if items.is_empty() {
                view! { <div class="empty-state">{t!(i18n, home.entrepreneur_empty)}</div> }.into_any()
            } else {
                view! {
                    <div class="card-grid">
                        {items.into_iter().map(|c| {
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
        <section aria-labelledby="my-data-title" class="stack">
            <h2 id="my-data-title">{t!(i18n, home.data_title)}</h2>
            <p>{t!(i18n, home.data_intro)}</p>
            <p><a href="/account/data.json" download="datacoach-mijn-gegevens.json" rel="external">{t!(i18n, home.data_download)}</a></p>
            <p><a href="/shares">{t!(i18n, home.shares_link)}</a></p>
            <p><a href="/account/erase">{t!(i18n, home.erase_link)}</a></p>
        </section>
    }
}

/// The workspace: the organisation's companies, first page.
#[component]
fn CoachHome(data: HomeCompanies) -> impl IntoView {
    let i18n = use_i18n();
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
            {let items = p.map(|p| p.items).unwrap_or_default(); if items.is_empty() {
                view! { <div class="empty-state">{t!(i18n, companies.empty)}</div> }.into_any()
            } else {
                view! { <CompanyTable companies=items/> }.into_any()
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
        <p><a href="/account/erase">{t!(i18n, home.erase_link)}</a></p>
    }
}
