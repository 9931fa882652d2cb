//! The audit trail page: `/audit?company=ID` (a company's trail; for its entrepreneur, who
//! looked at it) or `/audit?user=ID` (everything one person read and changed).
use super::{AuditEntry, AuditList, get_audit};
use crate::domain::{CompanyId, Role, UserId};
use crate::i18n::*;
use crate::layout::RequireUser;
use crate::messages::role_label;
use crate::ui::{Breadcrumbs, Crumb, Loaded, PageTitle, Pagination, format_datetime};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// The words for what was read or changed.
fn object_label(l: Locale, action: &str, object: &str) -> String {
    let what = match object {
        "dossier" => td_string!(l, audit.object_dossier),
        "scan_result" => td_string!(l, audit.object_scan_result),
        "scan_export" => td_string!(l, audit.object_scan_export),
        "scan_review" => td_string!(l, audit.object_scan_review),
        "visit_report" => td_string!(l, audit.object_visit_report),
        "visit_brief" => td_string!(l, audit.object_visit_brief),
        "scan" => td_string!(l, timeline.group_scan),
        "consent" => td_string!(l, audit.object_consent),
        "visit" => td_string!(l, timeline.group_visit),
        "note" => td_string!(l, timeline.group_note),
        "action" => td_string!(l, timeline.group_action),
        "handover" | "coaching" => td_string!(l, timeline.group_coaching),
        "expert" => td_string!(l, timeline.group_expert),
        "person" => td_string!(l, audit.object_person),
        "expert_share" => td_string!(l, audit.object_expert_share),
        _ => td_string!(l, audit.object_company),
    };
    if action == "read" {
        td_string!(l, audit.read, what = what).to_string()
    } else if action == "erase" {
        td_string!(l, audit.erase, what = what).to_string()
    } else {
        td_string!(l, audit.change, what = what).to_string()
    }
}

#[component]
pub fn AuditPage() -> impl IntoView {
    let query = use_query_map();
    let param = move |name: &str| {
        query
            .with(|m| m.get(name))
            .and_then(|v| v.parse::<i64>().ok())
    };
    let data = Resource::new(
        move || (param("company"), param("user"), param("page")),
        |(company, user, page)| {
            get_audit(
                company.map(CompanyId),
                user.map(UserId),
                page.map(|p| p.max(1) as u64),
            )
        },
    );
    view! {
        <RequireUser allow=|_| true children=move |_| view! { <AuditView data/> }/>
    }
}

#[component]
fn AuditView(data: Resource<Result<AuditList, crate::error::AppError>>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Loaded resource=data let:list>
            {
                let title = if list.reads_only {
                    td_string!(i18n.get_locale(), audit.title_looked).to_string()
                } else {
                    td_string!(i18n.get_locale(), audit.title).to_string()
                };
                let mut crumbs = vec![Crumb { label: td_string!(i18n.get_locale(), nav.home).to_string(), href: "/".into() }];
                if let Some((id, name)) = &list.company {
                    crumbs.push(Crumb { label: name.clone(), href: format!("/companies/{id}") });
                }
                let base = match (&list.company, &list.user) {
                    (Some((c, _)), _) => format!("/audit?company={c}"),
                    (None, Some((u, _))) => format!("/audit?user={u}"),
                    _ => "/audit".to_owned(),
                };
                let chosen = list.user.as_ref().map(|(u, _)| u.0.to_string()).unwrap_or_default();
                let per_company = list.company.is_none();
                let pages = list.entries.pages();
                let (page, total) = (list.entries.page, list.entries.total);
                view! {
                    <Breadcrumbs label=Signal::derive(move || td_string!(i18n.get_locale(), layout.breadcrumbs).to_string()) crumbs=Signal::derive(move || crumbs.clone())/>
                    <PageTitle text=title/>
                    <p class="lead">
                        {if list.reads_only {
                            t!(i18n, audit.intro_looked).into_any()
                        } else {
                            t!(i18n, audit.intro, days = list.kept_days).into_any()
                        }}
                    </p>
                    {list.company.clone().map(|(_, name)| view! { <p><strong>{t!(i18n, audit.about_company)}</strong>" "{name}</p> })}
                    {list.user.clone().map(|(_, name)| view! { <p><strong>{t!(i18n, audit.about_user)}</strong>" "{name}</p> })}
                    {(!list.people.is_empty()).then(|| {
                        let people = list.people.clone();
                        view! {
                            <form method="get" action="/audit" class="filter-form" role="search" aria-label=move || td_string!(i18n.get_locale(), audit.pick_user).to_string()>
                                <div class="field">
                                    <label for="audit-user">{t!(i18n, audit.pick_user)}</label>
                                    <select id="audit-user" name="user">
                                        {people.into_iter().map(|(id, name)| {
                                            let selected = id.0.to_string() == chosen;
                                            view! { <option value=id.0 selected=selected>{name}</option> }
                                        }).collect_view()}
                                    </select>
                                </div>
                                <div class="form-actions">
                                    <button type="submit" class="button button--secondary">{t!(i18n, audit.show)}</button>
                                </div>
                            </form>
                        }
                    })}
                    {if list.entries.items.is_empty() {
                        view! { <div class="empty-state">{t!(i18n, audit.empty)}</div> }.into_any()
                    } else {
                        view! {
                            <AuditTable entries=list.entries.items.clone() per_company=per_company/>
                            <Pagination page=page pages=pages total=total base=base/>
                        }.into_any()
                    }}
                }
            }
        </Loaded>
    }
}

#[component]
fn AuditTable(entries: Vec<AuditEntry>, per_company: bool) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="table-wrap">
            <table class="data-table">
                <caption class="visually-hidden">{t!(i18n, audit.title)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{t!(i18n, audit.col_when)}</th>
                        <th scope="col">{t!(i18n, audit.col_who)}</th>
                        <th scope="col">{t!(i18n, audit.col_role)}</th>
                        <th scope="col">{t!(i18n, audit.col_what)}</th>
                        {per_company.then(|| view! { <th scope="col">{t!(i18n, audit.col_company)}</th> })}
                    </tr>
                </thead>
                <tbody>
                    {entries.into_iter().map(|e| {
                        let role = Role::parse(&e.role);
                        let (action, object) = (e.action.clone(), e.object.clone());
                        view! {
                            <tr>
                                <td>{move || format_datetime(i18n.get_locale(), e.at)}</td>
                                <td>{e.actor.clone().unwrap_or_else(|| td_string!(i18n.get_locale(), audit.former_user).to_string())}</td>
                                <td>{move || role.map(|r| role_label(i18n.get_locale(), r)).unwrap_or("-")}</td>
                                <td>{move || object_label(i18n.get_locale(), &action, &object)}</td>
                                {per_company.then(|| view! {
                                    <td>{e.company.clone().map(|(id, name)| view! { <a href=format!("/companies/{id}")>{name}</a> })}</td>
                                })}
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}
