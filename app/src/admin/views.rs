//! Admin pages: users, staff invitation, organisations, the outbox.
use super::{
    InviteStaff, OrganisationRow, OutboxMessage, OutboxRow, STAFF_ROLES, SetUserActive,
    StaffFormOptions, UserRow, get_outbox_message, list_organisations, list_outbox, list_users,
    load_staff_form_options,
};
use crate::access::can_administer;
use crate::auth::two_factor::ResetTwoFactor;
use crate::domain::{Field, OutboxId, Paged, Role, UserId};
use crate::i18n::*;
use crate::layout::{RequireUser, encode};
use crate::messages::role_label;
use crate::ui::{
    Breadcrumbs, Crumb, ErrorSummary, Loaded, PageTitle, Pagination, SelectField, TextField,
    action_errors, format_datetime,
};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

fn crumbs(l: Locale, extra: Option<Crumb>) -> Vec<Crumb> {
    let mut v = vec![Crumb {
        label: td_string!(l, nav.home).to_string(),
        href: "/".into(),
    }];
    v.extend(extra);
    v
}

fn crumb_label(i18n: leptos_i18n::I18nContext<Locale>) -> Signal<String> {
    Signal::derive(move || td_string!(i18n.get_locale(), layout.breadcrumbs).to_string())
}

/// The data and the actions are created here, outside the guard: the guard's `Suspense`
/// walks its children more than once on the server, and a resource created in there would be
/// fetched once per walk.
#[component]
pub fn AdminUsersPage() -> impl IntoView {
    let query = use_query_map();
    let q = Memo::new(move |_| query.with(|m| m.get("q")).unwrap_or_default());
    let role = Memo::new(move |_| query.with(|m| m.get("role")).unwrap_or_default());
    let page = move || {
        query
            .with(|m| m.get("page"))
            .and_then(|p| p.parse::<u64>().ok())
            .unwrap_or(1)
    };
    let toggle = ServerAction::<SetUserActive>::new();
    let reset = ServerAction::<ResetTwoFactor>::new();
    let data = Resource::new(
        move || {
            (
                q.get(),
                role.get(),
                page(),
                toggle.version().get(),
                reset.version().get(),
            )
        },
        |(q, role, page, _, _)| list_users(Some(q), (!role.is_empty()).then_some(role), Some(page)),
    );
    view! {
        <RequireUser
            allow=can_administer
            children=move |me| view! { <UsersList q role data toggle reset me=me.id/> }
        />
    }
}

#[component]
fn UsersList(
    q: Memo<String>,
    role: Memo<String>,
    data: Resource<Result<Paged<UserRow>, crate::error::AppError>>,
    toggle: ServerAction<SetUserActive>,
    reset: ServerAction<ResetTwoFactor>,
    /// The admin looking: their own factor is reset by another admin, never here.
    me: UserId,
) -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let reset_error = action_errors(reset);
    let was_reset = move || matches!(reset.value().get(), Some(Ok(())));
    let q = move || q.get();
    let role = move || role.get();
    let invited = move || query.with(|m| m.get("invited").is_some());
    let erased = move || query.with(|m| m.get("erased").is_some());
    view! {
        <Breadcrumbs label=crumb_label(i18n) crumbs=Signal::derive(move || crumbs(i18n.get_locale(), None))/>
        <PageTitle text=Signal::derive(move || td_string!(i18n.get_locale(), nav.users).to_string())/>
        {move || invited().then(|| view! { <div class="notice notice--success" role="status">{t!(i18n, admin.invited)}</div> })}
        {move || erased().then(|| view! { <div class="notice notice--success" role="status">{t!(i18n, admin.erased)}</div> })}
        {move || was_reset().then(|| view! { <div class="notice notice--success" role="status">{t!(i18n, two_factor.reset_done)}</div> })}
        <ErrorSummary error=reset_error/>
        <div class="cluster">
            <form method="get" action="/admin/users" class="search-form" role="search">
                <label for="q" class="visually-hidden">{t!(i18n, admin.search_users)}</label>
                <input type="search" id="q" name="q" value=q placeholder=move || td_string!(i18n.get_locale(), admin.search_users)/>
                <label for="role-filter" class="visually-hidden">{t!(i18n, field.role)}</label>
                <select id="role-filter" name="role">
                    <option value="">{t!(i18n, admin.all_roles)}</option>
                    {move || Role::ALL.into_iter().map(|r| {
                        let sel = role() == r.as_str();
                        view! { <option value=r.as_str() selected=sel>{role_label(i18n.get_locale(), r)}</option> }
                    }).collect_view()}
                </select>
                <button type="submit" class="button button--secondary">{t!(i18n, companies.search_submit)}</button>
            </form>
            <a class="button" href="/admin/users/invite">{t!(i18n, admin.invite_staff)}</a>
        </div>
        <Loaded resource=data let:p>
            {if p.items.is_empty() {
                view! { <div class="empty-state">{t!(i18n, admin.no_users)}</div> }.into_any()
            } else {
                let pages = p.pages();
                let base = format!("/admin/users?q={}&role={}", encode(&q()), encode(&role()));
                view! {
                    <div class="table-wrap">
                        <table class="data-table">
                            <caption class="visually-hidden">{t!(i18n, nav.users)}</caption>
                            <thead>
                                <tr>
                                    <th scope="col">{t!(i18n, field.name)}</th>
                                    <th scope="col">{t!(i18n, field.email)}</th>
                                    <th scope="col">{t!(i18n, field.role)}</th>
                                    <th scope="col">{t!(i18n, field.organisation)}</th>
                                    <th scope="col">{t!(i18n, admin.status)}</th>
                                    <th scope="col">{t!(i18n, two_factor.column)}</th>
                                    <th scope="col"><span class="visually-hidden">{t!(i18n, admin.actions)}</span></th>
                                </tr>
                            </thead>
                            <tbody>
                                {p.items.into_iter().map(|u| {
                                    let r = u.role;
                                    let active = u.active;
                                    let uid = u.id.0;
                                    let name = u.name.clone();
                                    view! {
                                        <tr>
                                            <td>{u.name}</td>
                                            <td>{u.email}</td>
                                            <td><span class=format!("badge badge--{}", r.as_str())>{move || role_label(i18n.get_locale(), r)}</span></td>
                                            <td>{u.organisation.unwrap_or_else(|| "-".into())}</td>
                                            <td>
                                                {if u.erased {
                                                    view! { <span class="badge badge--inactive">{t!(i18n, admin.erased_badge)}</span> }.into_any()
                                                } else if !active {
                                                    view! { <span class="badge badge--inactive">{t!(i18n, admin.inactive)}</span> }.into_any()
                                                } else if u.pending {
                                                    view! { <span class="badge badge--pending">{t!(i18n, companies.pending)}</span> }.into_any()
                                                } else {
                                                    view! { <span class="badge badge--active">{t!(i18n, companies.active)}</span> }.into_any()
                                                }}
                                            </td>
                                            <td>
                                                {if u.two_factor { t!(i18n, two_factor.state_on).into_any() } else { t!(i18n, two_factor.state_off).into_any() }}
                                            </td>
                                            <td class="cluster">
                                                {(u.two_factor && u.id != me).then(|| {
                                                    let name = name.clone();
                                                    view! {
                                                        <ActionForm action=reset>
                                                            <input type="hidden" name="user_id" value=uid/>
                                                            <button type="submit" class="button button--small button--secondary">
                                                                {t!(i18n, two_factor.reset)}
                                                                <span class="visually-hidden">": "{name}</span>
                                                            </button>
                                                        </ActionForm>
                                                    }
                                                })}
                                                {(!u.erased && u.id != me).then(|| {
                                                    let name = name.clone();
                                                    view! {
                                                        <a class="button button--small button--secondary" href=format!("/admin/users/{uid}/erase") aria-label=move || td_string!(i18n.get_locale(), admin.erase_label, name = name.as_str()).to_string()>
                                                            {t!(i18n, admin.erase)}
                                                        </a>
                                                    }
                                                })}
                                                <ActionForm action=toggle>
                                                    <input type="hidden" name="user_id" value=uid/>
                                                    <input type="hidden" name="active" value=(!active).to_string()/>
                                                    <button type="submit" class="button button--small button--secondary">
                                                        {if active { t!(i18n, admin.deactivate).into_any() } else { t!(i18n, admin.activate).into_any() }}
                                                    </button>
                                                </ActionForm>
                                            </td>
                                        </tr>
                                    }
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                    <Pagination page=p.page pages=pages total=p.total base=base/>
                }
                .into_any()
            }}
        </Loaded>
    }
}

/// The data and the actions are created here, outside the guard: the guard's `Suspense`
/// walks its children more than once on the server, and a resource created in there would be
/// fetched once per walk.
#[component]
pub fn InviteStaffPage() -> impl IntoView {
    let action = ServerAction::<InviteStaff>::new();
    let options = Resource::new(|| (), |_| load_staff_form_options());
    view! {
        <RequireUser
            allow=can_administer
            children=move |_| view! { <InviteStaffForm action options/> }
        />
    }
}

#[component]
fn InviteStaffForm(
    action: ServerAction<InviteStaff>,
    options: Resource<Result<StaffFormOptions, crate::error::AppError>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let error = action_errors(action);
    let roles = Signal::derive(move || {
        STAFF_ROLES
            .iter()
            .map(|r| {
                (
                    r.as_str().to_string(),
                    role_label(i18n.get_locale(), *r).to_string(),
                )
            })
            .collect::<Vec<_>>()
    });
    let langs = Signal::derive(move || {
        let l = i18n.get_locale();
        vec![
            ("nl".to_string(), td_string!(l, lang.nl).to_string()),
            ("en".to_string(), td_string!(l, lang.en).to_string()),
        ]
    });
    view! {
        <Breadcrumbs label=crumb_label(i18n) crumbs=Signal::derive(move || crumbs(i18n.get_locale(), Some(Crumb { label: td_string!(i18n.get_locale(), nav.users).to_string(), href: "/admin/users".into() })))/>
        <PageTitle text=Signal::derive(move || td_string!(i18n.get_locale(), admin.invite_staff).to_string())/>
        <p class="lead">{t!(i18n, admin.invite_intro)}</p>
        <ErrorSummary error=error/>
        <Loaded resource=options let:opts>
            {
                let orgs: Vec<(String, String)> = opts.organisations.iter().map(|(i, n)| (i.0.to_string(), n.clone())).collect();
                let firms: Vec<(String, String)> = opts.expert_firms.iter().map(|(i, n)| (i.0.to_string(), n.clone())).collect();
                view! {
                    <ActionForm action=action attr:class="form" attr:novalidate=true>
                        <TextField field=Field::Name name="form[name]" error=error required=true autocomplete="off"/>
                        <TextField field=Field::Email name="form[email]" error=error input_type="email" required=true autocomplete="off"/>
                        <SelectField field=Field::Role name="form[role]" error=error options=roles with_empty=true/>
                        <SelectField field=Field::Organisation name="form[organisation_id]" error=error options=orgs with_empty=true/>
                        <SelectField field=Field::ExpertFirm name="form[expert_firm_id]" error=error options=firms with_empty=true/>
                        <SelectField field=Field::Language name="form[language]" error=error options=langs value="nl".to_string()/>
                        <div class="form-actions">
                            <button type="submit" class="button">{t!(i18n, admin.invite_submit)}</button>
                            <a href="/admin/users">{t!(i18n, common.cancel)}</a>
                        </div>
                    </ActionForm>
                }
            }
        </Loaded>
    }
}

/// The data is created here, outside the guard: the guard's `Suspense`
/// walks its children more than once on the server, and a resource created in there would be
/// fetched once per walk.
#[component]
pub fn OrganisationsPage() -> impl IntoView {
    let data = Resource::new(|| (), |_| list_organisations());
    view! {
        <RequireUser
            allow=can_administer
            children=move |_| view! { <OrganisationsList data/> }
        />
    }
}

#[component]
fn OrganisationsList(
    data: Resource<Result<Vec<OrganisationRow>, crate::error::AppError>>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Breadcrumbs label=crumb_label(i18n) crumbs=Signal::derive(move || crumbs(i18n.get_locale(), None))/>
        <PageTitle text=Signal::derive(move || td_string!(i18n.get_locale(), nav.organisations).to_string())/>
        <Loaded resource=data let:rows>
            {if rows.is_empty() {
                view! { <div class="empty-state">{t!(i18n, admin.no_organisations)}</div> }.into_any()
            } else {
                view! {
                    <div class="table-wrap">
                        <table class="data-table">
                            <caption class="visually-hidden">{t!(i18n, nav.organisations)}</caption>
                            <thead><tr>
                                <th scope="col">{t!(i18n, field.organisation)}</th>
                                <th scope="col">{t!(i18n, admin.coaches)}</th>
                                <th scope="col">{t!(i18n, nav.companies)}</th>
                            </tr></thead>
                            <tbody>
                                {rows.into_iter().map(|o| view! { <tr><td>{o.name}</td><td>{o.coaches}</td><td>{o.companies}</td></tr> }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                }.into_any()
            }}
        </Loaded>
    }
}

/// The data is created here, outside the guard: the guard's `Suspense`
/// walks its children more than once on the server, and a resource created in there would be
/// fetched once per walk.
#[component]
pub fn OutboxPage() -> impl IntoView {
    let query = use_query_map();
    let page = move || {
        query
            .with(|m| m.get("page"))
            .and_then(|p| p.parse::<u64>().ok())
            .unwrap_or(1)
    };
    let data = Resource::new(page, |p| list_outbox(Some(p)));
    view! { <RequireUser allow=can_administer children=move |_| view! { <OutboxList data/> }/> }
}

fn status_label(l: Locale, s: &str) -> &'static str {
    match s {
        "sent" => td_string!(l, outbox.sent),
        "pending" => td_string!(l, outbox.pending),
        "failed" => td_string!(l, outbox.failed),
        _ => td_string!(l, outbox.stored),
    }
}

#[component]
fn OutboxList(data: Resource<Result<Paged<OutboxRow>, crate::error::AppError>>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Breadcrumbs label=crumb_label(i18n) crumbs=Signal::derive(move || crumbs(i18n.get_locale(), None))/>
        <PageTitle text=Signal::derive(move || td_string!(i18n.get_locale(), nav.outbox).to_string())/>
        <p class="lead">{t!(i18n, outbox.intro)}</p>
        <Loaded resource=data let:p>
            {if p.items.is_empty() {
                view! { <div class="empty-state">{t!(i18n, outbox.empty)}</div> }.into_any()
            } else {
                let pages = p.pages();
                view! {
                    <div class="table-wrap">
                        <table class="data-table">
                            <caption class="visually-hidden">{t!(i18n, nav.outbox)}</caption>
                            <thead><tr>
                                <th scope="col">{t!(i18n, outbox.date)}</th>
                                <th scope="col">{t!(i18n, outbox.to)}</th>
                                <th scope="col">{t!(i18n, outbox.subject)}</th>
                                <th scope="col">{t!(i18n, admin.status)}</th>
                            </tr></thead>
                            <tbody>
                                {p.items.into_iter().map(|m| {
                                    let href = format!("/admin/outbox/{}", m.id);
                                    let status = m.status.clone();
                                    let created = m.created_at;
                                    view! {
                                        <tr>
                                            <td>{move || format_datetime(i18n.get_locale(), created)}</td>
                                            <td>{m.to_name}" <"{m.to_email}">"</td>
                                            <td><a href=href>{m.subject}</a></td>
                                            <td><span class=format!("badge badge--{}", m.status)>{move || status_label(i18n.get_locale(), &status)}</span></td>
                                        </tr>
                                    }
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                    <Pagination page=p.page pages=pages total=p.total base="/admin/outbox".to_string()/>
                }
                .into_any()
            }}
        </Loaded>
    }
}

/// The data is created here, outside the guard: the guard's `Suspense`
/// walks its children more than once on the server, and a resource created in there would be
/// fetched once per walk.
#[component]
pub fn OutboxMessagePage() -> impl IntoView {
    let id = crate::ui::route_param::<OutboxId>("id");
    let data = Resource::new(id, |id| crate::ui::load_by_id(id, get_outbox_message));
    view! {
        <RequireUser
            allow=can_administer
            children=move |_| view! { <OutboxMessageView data/> }
        />
    }
}

#[component]
fn OutboxMessageView(
    data: Resource<Result<OutboxMessage, crate::error::AppError>>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Loaded resource=data let:m>
            {
                    let status = m.row.status.clone();
                    let created = m.row.created_at;
                    view! {
                        <Breadcrumbs label=crumb_label(i18n) crumbs=Signal::derive(move || crumbs(i18n.get_locale(), Some(Crumb { label: td_string!(i18n.get_locale(), nav.outbox).to_string(), href: "/admin/outbox".into() })))/>
                        <PageTitle text=m.row.subject.clone()/>
                        <dl class="summary-list">
                            <dt>{t!(i18n, outbox.to)}</dt><dd>{m.row.to_name.clone()}" <"{m.row.to_email.clone()}">"</dd>
                            <dt>{t!(i18n, outbox.date)}</dt><dd>{move || format_datetime(i18n.get_locale(), created)}</dd>
                            <dt>{t!(i18n, admin.status)}</dt><dd>{move || status_label(i18n.get_locale(), &status)}</dd>
                            <dt>{t!(i18n, field.language)}</dt><dd>{m.row.language.as_str()}</dd>
                            <dt>{t!(i18n, outbox.attempts)}</dt><dd>{m.attempts}</dd>
                            {m.last_error.clone().map(|e| view! { <dt>{t!(i18n, outbox.last_error)}</dt><dd>{e}</dd> })}
                        </dl>
                        <h2>{t!(i18n, outbox.body)}</h2>
                        <pre class="mail-body">{m.body.clone()}</pre>
                    }
            }
        </Loaded>
    }
}
