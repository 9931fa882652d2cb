//! Company pages: the list, one company, and the new-company form.
use super::{
    CompanyDetail, CompanyFormOptions, CompanySummary, CreateCompany, InviteEntrepreneur,
    RemoveMember, list_companies, load_company_form_options,
};
use crate::auth::CurrentUser;
use crate::domain::{CompanyId, Field, Lang, Paged, Role, SizeBand};
use crate::i18n::*;
use crate::layout::RequireUser;
use crate::messages::{sector_label, size_label};
use crate::ui::{
    Breadcrumbs, Crumb, ErrorSummary, Loaded, PageTitle, Pagination, SelectField, TextField,
    action_errors,
};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

fn sees_companies(u: &CurrentUser) -> bool {
    u.role != Role::Expert
}

fn home_crumb(l: Locale) -> Crumb {
    Crumb {
        label: td_string!(l, nav.home).to_string(),
        href: "/".into(),
    }
}

fn companies_crumb(l: Locale) -> Crumb {
    Crumb {
        label: td_string!(l, nav.companies).to_string(),
        href: "/companies".into(),
    }
}

/// The table of companies; shared by the list page and the coach's home.
#[component]
pub fn CompanyTable(companies: Vec<CompanySummary>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="table-wrap">
            <table class="data-table">
                <caption class="visually-hidden">{t!(i18n, companies.table_caption)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{t!(i18n, field.company_name)}</th>
                        <th scope="col">{t!(i18n, field.municipality)}</th>
                        <th scope="col">{t!(i18n, field.primary_sector)}</th>
                        <th scope="col">{t!(i18n, field.primary_coach)}</th>
                    </tr>
                </thead>
                <tbody>
                    {companies
                        .into_iter()
                        .map(|c| {
                            let href = format!("/companies/{}", c.id);
                            let sector = c.primary_sector.chars().next().unwrap_or(' ');
                            view! {
                                <tr>
                                    <td><a href=href>{c.name}</a></td>
                                    <td>{c.municipality}</td>
                                    <td>{move || format!("{} {}", sector, sector_label(i18n.get_locale(), sector))}</td>
                                    <td>{c.primary_coach_name.unwrap_or_else(|| "-".into())}</td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </div>
    }
}

/// The data is created here, outside the guard: the guard's `Suspense` walks its children
/// more than once on the server, and a resource created in there would be fetched once per
/// walk. The user still comes from the guard.
#[component]
pub fn CompaniesPage() -> impl IntoView {
    let query = use_query_map();
    let q = Memo::new(move |_| query.with(|m| m.get("q")).unwrap_or_default());
    let page = move || {
        query
            .with(|m| m.get("page"))
            .and_then(|p| p.parse::<u64>().ok())
            .unwrap_or(1)
    };
    let data = Resource::new(
        move || (q.get(), page()),
        |(q, page)| list_companies(Some(q), Some(page)),
    );
    view! {
        <RequireUser
            allow=sees_companies
            children=move |u| view! { <CompaniesList user=u q data/> }
        />
    }
}

#[component]
fn CompaniesList(
    user: CurrentUser,
    q: Memo<String>,
    data: Resource<Result<Paged<CompanySummary>, crate::error::AppError>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let q = move || q.get();
    let is_entrepreneur = user.role == Role::Entrepreneur;
    let title = move || {
        if is_entrepreneur {
            td_string!(i18n.get_locale(), nav.my_companies)
        } else {
            td_string!(i18n.get_locale(), nav.companies)
        }
        .to_string()
    };
    let can_create = crate::access::can_create_companies(&user);
    let query = use_query_map();
    let erased = move || query.with(|m| m.get("erased").is_some());
    view! {
        <Breadcrumbs label=Signal::derive(move || td_string!(i18n.get_locale(), layout.breadcrumbs).to_string()) crumbs=Signal::derive(move || vec![home_crumb(i18n.get_locale())])/>
        <PageTitle text=Signal::derive(title)/>
        {move || erased().then(|| view! { <div class="notice notice--success" role="status">{t!(i18n, companies.erased)}</div> })}
        <div class="cluster">
            <form method="get" action="/companies" class="search-form" role="search">
                <label for="q" class="visually-hidden">{t!(i18n, companies.search_label)}</label>
                <input type="search" id="q" name="q" value=q placeholder=move || td_string!(i18n.get_locale(), companies.search_placeholder)/>
                <button type="submit" class="button button--secondary">{t!(i18n, companies.search_submit)}</button>
            </form>
            {can_create.then(|| view! { <a class="button" href="/companies/new">{t!(i18n, companies.new)}</a> })}
        </div>
        <Loaded resource=data let:p>
            {if p.items.is_empty() {
                view! {
                    <div class="empty-state">
                        {if q().is_empty() { t!(i18n, companies.empty).into_any() } else { t!(i18n, companies.no_match).into_any() }}
                    </div>
                }
                .into_any()
            } else {
                let pages = p.pages();
                let base = if q().is_empty() { "/companies".to_string() } else { format!("/companies?q={}", crate::layout::encode(&q())) };
                view! {
                    <CompanyTable companies=p.items/>
                    <Pagination page=p.page pages=pages total=p.total base=base/>
                }
                .into_any()
            }}
        </Loaded>
    }
}

#[component]
pub fn CompanyPage() -> impl IntoView {
    let query = use_query_map();
    let id = crate::ui::route_param::<CompanyId>("id");
    let invite = ServerAction::<InviteEntrepreneur>::new();
    let remove = ServerAction::<RemoveMember>::new();
    let coaching = crate::coach::WorkspaceActions::new();
    let kind = move || query.with(|m| m.get("kind")).unwrap_or_default();
    let tpage = move || {
        query
            .with(|m| m.get("tpage"))
            .and_then(|p| p.parse::<u64>().ok())
            .unwrap_or(1)
    };
    // One resource and one server call for the whole page, coaching part included: nested
    // loading inside this Suspense did not hydrate reliably, and one round trip is faster.
    let data = Resource::new(
        move || {
            (
                id(),
                kind(),
                tpage(),
                invite.version().get() + remove.version().get(),
                coaching.versions(),
            )
        },
        |(id, kind, tpage, _, _)| {
            crate::ui::load_by_id(id, move |id| {
                crate::coach::get_company_page(id, kind, tpage)
            })
        },
    );
    let scan = crate::scan::ScanSectionData::new(id);
    view! {
        <RequireUser
            allow=sees_companies
            children=move |_| view! { <CompanyView data invite remove coaching scan/> }
        />
    }
}

/// The page's resources and actions are created by `CompanyPage`, outside the guard and any
/// `Suspense`: `Suspense` walks its children more than once on the server, and a resource
/// created in there is fetched once per walk.
#[component]
fn CompanyView(
    data: Resource<Result<(CompanyDetail, crate::coach::Dossier), crate::error::AppError>>,
    invite: ServerAction<InviteEntrepreneur>,
    remove: ServerAction<RemoveMember>,
    coaching: crate::coach::WorkspaceActions,
    scan: crate::scan::ScanSectionData,
) -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let notice = move || {
        query.with(|m| {
            if m.get("created").is_some() {
                Some(td_string!(i18n.get_locale(), companies.created))
            } else if m.get("invited").is_some() {
                Some(td_string!(i18n.get_locale(), companies.invited))
            } else {
                None
            }
        })
    };
    view! {
        <Loaded resource=data let((c, dossier))>
            <Breadcrumbs
                label=Signal::derive(move || td_string!(i18n.get_locale(), layout.breadcrumbs).to_string())
                crumbs=Signal::derive(move || vec![home_crumb(i18n.get_locale()), companies_crumb(i18n.get_locale())])
            />
            <PageTitle text=c.summary.name.clone()/>
            {move || notice().map(|n| view! { <div class="notice notice--success" role="status">{n}</div> })}
            <CompanyProfile company=c.clone()/>
            {c.personal.then(|| view! { <crate::scan::ScanSection data=scan/> })}
            <crate::coach::WorkspaceSection company_id=c.summary.id dossier=dossier actions=coaching/>
            {c.personal.then(|| view! { <CompanyMembers company=c.clone() remove=remove/> })}
            {c.can_manage.then(|| view! { <InviteForm company=c.summary.id action=invite/> })}
        </Loaded>
    }
}

#[component]
fn CompanyProfile(company: CompanyDetail) -> impl IntoView {
    let i18n = use_i18n();
    let s = company.summary;
    let sector = s.primary_sector.chars().next().unwrap_or(' ');
    let sector2 = company.secondary_sector.and_then(|x| x.chars().next());
    let size = SizeBand::parse(&s.size_band);
    view! {
        <section aria-labelledby="profile-title" class="stack">
            <h2 id="profile-title">{t!(i18n, companies.profile)}</h2>
            <dl class="summary-list">
                <dt>{t!(i18n, field.kvk_number)}</dt><dd>{s.kvk_number}</dd>
                <dt>{t!(i18n, field.municipality)}</dt><dd>{s.municipality}</dd>
                <dt>{t!(i18n, field.address)}</dt><dd>{company.address.unwrap_or_else(|| "-".into())}</dd>
                <dt>{t!(i18n, field.website)}</dt>
                <dd>{company.website.map(|w| view! { <a href=w.clone() rel="noopener noreferrer">{w.clone()}</a> }.into_any()).unwrap_or_else(|| "-".into_any())}</dd>
                <dt>{t!(i18n, field.founding_year)}</dt><dd>{company.founding_year.map(|y| y.to_string()).unwrap_or_else(|| "-".into())}</dd>
                <dt>{t!(i18n, field.size_band)}</dt><dd>{move || size.map(|b| size_label(i18n.get_locale(), b)).unwrap_or("-")}</dd>
                <dt>{t!(i18n, field.primary_sector)}</dt><dd>{move || format!("{} {}", sector, sector_label(i18n.get_locale(), sector))}</dd>
                <dt>{t!(i18n, field.secondary_sector)}</dt>
                <dd>{move || sector2.map(|c| format!("{} {}", c, sector_label(i18n.get_locale(), c))).unwrap_or_else(|| "-".into())}</dd>
                <dt>{t!(i18n, field.organisation)}</dt><dd>{s.organisation_name}</dd>
                <dt>{t!(i18n, field.primary_coach)}</dt><dd>{s.primary_coach_name.unwrap_or_else(|| "-".into())}</dd>
                {company.personal.then(|| view! {
                    <dt>{t!(i18n, companies.contact_title)}</dt>
                    <dd>{company.contact.clone().map(|(n, r, e, p)| [n, r, e, p].into_iter().filter(|x| !x.is_empty()).collect::<Vec<_>>().join(" · ")).unwrap_or_else(|| "-".into())}</dd>
                })}
            </dl>
            {company.can_edit_profile.then(|| view! { <p><a href=format!("/companies/{}/profile", s.id)>{t!(i18n, companies.profile_edit)}</a></p> })}
            {company.audit.map(|a| view! {
                <p>
                    <a href=format!("/audit?company={}", s.id)>
                        {match a {
                            crate::access::AuditView::Everything => t!(i18n, audit.company_link).into_any(),
                            crate::access::AuditView::StaffReads => t!(i18n, audit.title_looked).into_any(),
                        }}
                    </a>
                </p>
            })}
            {company.can_erase.then(|| view! { <p><a href=format!("/companies/{}/erase", s.id)>{t!(i18n, companies.erase)}</a></p> })}
        </section>
    }
}

#[component]
fn CompanyMembers(company: CompanyDetail, remove: ServerAction<RemoveMember>) -> impl IntoView {
    let i18n = use_i18n();
    let can_remove = company.can_remove_members;
    let company_id = company.summary.id;
    view! {
        <section aria-labelledby="members-title" class="stack" id="members">
            <h2 id="members-title">{t!(i18n, companies.members)}</h2>
            {(can_remove && !company.members.is_empty()).then(|| view! { <p class="hint">{t!(i18n, companies.remove_member_hint)}</p> })}
            {if company.members.is_empty() {
                view! { <div class="empty-state">{t!(i18n, companies.no_members)}</div> }.into_any()
            } else {
                view! {
                    <div class="table-wrap">
                        <table class="data-table">
                            <thead>
                                <tr>
                                    <th scope="col">{t!(i18n, field.name)}</th>
                                    <th scope="col">{t!(i18n, field.email)}</th>
                                    <th scope="col">{t!(i18n, companies.member_status)}</th>
                                    {can_remove.then(|| view! { <th scope="col">{t!(i18n, companies.member_actions)}</th> })}
                                </tr>
                            </thead>
                            <tbody>
                                {company.members.into_iter().map(|m| {
                                    let label = m.name.clone();
                                    view! {
                                        <tr>
                                            <td>{m.name}</td>
                                            <td>{m.email}</td>
                                            <td>{if m.pending { t!(i18n, companies.pending).into_any() } else { t!(i18n, companies.active).into_any() }}</td>
                                            {can_remove.then(|| view! {
                                                <td>
                                                    <ActionForm action=remove attr:class="inline-form">
                                                        <input type="hidden" name="company_id" value=company_id.0/>
                                                        <input type="hidden" name="user_id" value=m.id.0/>
                                                        <button type="submit" class="button button--small button--secondary"
                                                            aria-label=move || td_string!(i18n.get_locale(), companies.remove_member_label, name = label.as_str()).to_string()>
                                                            {t!(i18n, companies.remove_member)}
                                                        </button>
                                                    </ActionForm>
                                                </td>
                                            })}
                                        </tr>
                                    }
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                }
                .into_any()
            }}
        </section>
    }
}

fn language_options(l: Locale) -> Vec<(String, String)> {
    vec![
        ("nl".into(), td_string!(l, lang.nl).to_string()),
        ("en".into(), td_string!(l, lang.en).to_string()),
    ]
}

#[component]
fn InviteForm(company: CompanyId, action: ServerAction<InviteEntrepreneur>) -> impl IntoView {
    let i18n = use_i18n();
    let error = action_errors(action);
    view! {
        <section aria-labelledby="invite-title" class="stack">
            <h2 id="invite-title">{t!(i18n, companies.invite_title)}</h2>
            <p>{t!(i18n, companies.invite_intro)}</p>
            <ErrorSummary error=error/>
            <ActionForm action=action attr:class="form" attr:novalidate=true>
                <input type="hidden" name="company_id" value=company.0/>
                <TextField field=Field::Name name="invite[name]" error=error autocomplete="off" required=true/>
                <TextField field=Field::Email name="invite[email]" error=error input_type="email" autocomplete="off" required=true/>
                <SelectField field=Field::Language name="invite[language]" error=error value=Lang::Nl.as_str().to_string()
                    options=Signal::derive(move || language_options(i18n.get_locale()))/>
                <div class="form-actions">
                    <button type="submit" class="button">{t!(i18n, companies.invite_submit)}</button>
                </div>
            </ActionForm>
        </section>
    }
}

/// The data and the action are created here, outside the guard: the guard's `Suspense`
/// walks its children more than once on the server, and a resource created in there would be
/// fetched once per walk. The user still comes from the guard.
#[component]
pub fn NewCompanyPage() -> impl IntoView {
    let action = ServerAction::<CreateCompany>::new();
    let options = Resource::new(|| (), |_| load_company_form_options());
    view! {
        <RequireUser
            allow=crate::access::can_create_companies
            children=move |u| view! { <NewCompanyForm user=u action options/> }
        />
    }
}

#[component]
fn NewCompanyForm(
    user: CurrentUser,
    action: ServerAction<CreateCompany>,
    options: Resource<Result<CompanyFormOptions, crate::error::AppError>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let error = action_errors(action);
    let is_admin = user.role == Role::Admin;
    let sectors = Signal::derive(move || crate::messages::sector_options(i18n.get_locale()));
    let sizes = Signal::derive(move || crate::messages::size_options(i18n.get_locale()));
    view! {
        <Breadcrumbs
            label=Signal::derive(move || td_string!(i18n.get_locale(), layout.breadcrumbs).to_string())
            crumbs=Signal::derive(move || vec![home_crumb(i18n.get_locale()), companies_crumb(i18n.get_locale())])
        />
        <PageTitle text=Signal::derive(move || td_string!(i18n.get_locale(), companies.new).to_string())/>
        <p class="lead">{t!(i18n, companies.new_intro)}</p>
        <ErrorSummary error=error/>
        <Loaded resource=options let:opts>
            {
                let orgs: Vec<(String, String)> = opts.organisations.iter().map(|(id, n)| (id.0.to_string(), n.clone())).collect();
                let coaches: Vec<(String, String)> = opts.coaches.iter().map(|(id, n)| (id.0.to_string(), n.clone())).collect();
                let me = if is_admin { String::new() } else { user.id.0.to_string() };
                view! {
                    <ActionForm action=action attr:class="form" attr:novalidate=true>
                        <TextField field=Field::CompanyName name="form[company_name]" error=error required=true autocomplete="organization"/>
                        <TextField field=Field::KvkNumber name="form[kvk_number]" error=error required=true inputmode="numeric"/>
                        <TextField field=Field::Website name="form[website]" error=error optional=true input_type="url" autocomplete="url"/>
                        <TextField field=Field::FoundingYear name="form[founding_year]" error=error optional=true inputmode="numeric"/>
                        <TextField field=Field::Address name="form[address]" error=error optional=true autocomplete="street-address"/>
                        <TextField field=Field::Municipality name="form[municipality]" error=error required=true autocomplete="address-level2"/>
                        <SelectField field=Field::SizeBand name="form[size_band]" error=error options=sizes with_empty=true/>
                        <SelectField field=Field::PrimarySector name="form[primary_sector]" error=error options=sectors with_empty=true/>
                        <SelectField field=Field::SecondarySector name="form[secondary_sector]" error=error options=sectors with_empty=true optional=true/>
                        {is_admin.then(|| view! {
                            <SelectField field=Field::Organisation name="form[organisation_id]" error=error options=orgs.clone() with_empty=true/>
                        })}
                        <SelectField field=Field::PrimaryCoach name="form[primary_coach_id]" error=error options=coaches value=me with_empty=true optional=true/>
                        <div class="form-actions">
                            <button type="submit" class="button">{t!(i18n, companies.create_submit)}</button>
                            <a href="/companies">{t!(i18n, common.cancel)}</a>
                        </div>
                    </ActionForm>
                }
            }
        </Loaded>
    }
}
