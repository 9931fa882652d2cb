//! Agreed actions: the list with its tick-off buttons (used in the dossier, on the visit page
//! and in the portal), and the coach's "my actions" and overdue pages.
use super::{home_crumb, is_staff, owner_label};
use crate::coach::{ActionView, SetActionDone, get_actions};
use crate::domain::Paged;
use crate::i18n::*;
use crate::layout::RequireUser;
use crate::ui::{Breadcrumbs, Loaded, PageTitle, Pagination, format_day};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// A table of actions. `done_action` ticks them off (one small form per row, so it also works
/// without JavaScript).
#[component]
pub fn ActionTable(
    actions: Vec<ActionView>,
    done_action: ServerAction<SetActionDone>,
    #[prop(default = false)] show_company: bool,
    #[prop(default = true)] show_owner: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="table-wrap">
            <table class="data-table actions-table">
                <caption class="visually-hidden">{t!(i18n, actions.caption)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{t!(i18n, actions.what)}</th>
                        {show_company.then(|| view! { <th scope="col">{t!(i18n, field.company_name)}</th> })}
                        {show_owner.then(|| view! { <th scope="col">{t!(i18n, field.owner)}</th> })}
                        <th scope="col">{t!(i18n, field.due_on)}</th>
                        <th scope="col">{t!(i18n, actions.status)}</th>
                    </tr>
                </thead>
                <tbody>
                    {actions.into_iter().map(|a| {
                        let owner = a.owner.clone();
                        let owner_name = a.owner_name.clone();
                        let label = a.description.clone();
                        view! {
                            <tr class:row--done=a.done>
                                <td>{a.description.clone()}</td>
                                {show_company.then(|| view! { <td><a href=format!("/companies/{}", a.company_id)>{a.company_name.clone()}</a></td> })}
                                {show_owner.then(|| view! {
                                    <td>{move || owner_label(i18n.get_locale(), &owner).to_string()}{owner_name.clone().map(|n| format!(" ({n})"))}</td>
                                })}
                                <td>
                                    {move || format_day(i18n.get_locale(), a.due_on)}
                                    {a.overdue.then(|| view! { " " <span class="badge badge--warning">{t!(i18n, caseload.overdue)}</span> })}
                                </td>
                                <td>
                                    {if a.can_complete {
                                        let aria = label.clone();
                                        view! {
                                            <ActionForm action=done_action attr:class="inline-form">
                                                <input type="hidden" name="id" value=a.id.0/>
                                                <input type="hidden" name="done" value=(!a.done).to_string()/>
                                                <button type="submit" class="button button--small button--secondary"
                                                    aria-label=move || if a.done {
                                                        td_string!(i18n.get_locale(), actions.reopen_label, action = aria.as_str()).to_string()
                                                    } else {
                                                        td_string!(i18n.get_locale(), actions.done_label, action = aria.as_str()).to_string()
                                                    }>
                                                    {if a.done { t!(i18n, actions.reopen).into_any() } else { t!(i18n, actions.mark_done).into_any() }}
                                                </button>
                                            </ActionForm>
                                            {a.done.then(|| view! { <span class="badge badge--success">{t!(i18n, actions.done)}</span> })}
                                        }.into_any()
                                    } else if a.done {
                                        view! { <span class="badge badge--success">{t!(i18n, actions.done)}</span> }.into_any()
                                    } else {
                                        view! { <span>{t!(i18n, actions.open)}</span> }.into_any()
                                    }}
                                </td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}

/// The data and the action are created here, outside the guard: the guard's `Suspense`
/// walks its children more than once on the server, and a resource created in there would be
/// fetched once per walk.
#[component]
pub fn ActionsPage() -> impl IntoView {
    let query = use_query_map();
    let overdue =
        Memo::new(move |_| query.with(|m| m.get("overdue").is_some_and(|v| !v.is_empty())));
    let page = move || {
        query
            .with(|m| m.get("page"))
            .and_then(|p| p.parse::<u64>().ok())
            .unwrap_or(1)
    };
    let done = ServerAction::<SetActionDone>::new();
    let data = Resource::new(
        move || (overdue.get(), page(), done.version().get()),
        |(o, p, _)| get_actions(o, p),
    );
    view! { <RequireUser allow=is_staff children=move |_| view! { <Actions overdue done data/> }/> }
}

#[component]
fn Actions(
    overdue: Memo<bool>,
    done: ServerAction<SetActionDone>,
    data: Resource<Result<Paged<ActionView>, crate::error::AppError>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let overdue = move || overdue.get();
    let title = move || {
        if overdue() {
            td_string!(i18n.get_locale(), actions.overdue_title)
        } else {
            td_string!(i18n.get_locale(), nav.actions)
        }
        .to_string()
    };
    view! {
        <Breadcrumbs
            label=Signal::derive(move || td_string!(i18n.get_locale(), layout.breadcrumbs).to_string())
            crumbs=Signal::derive(move || vec![home_crumb(i18n.get_locale()), super::caseload_crumb(i18n.get_locale())])
        />
        <PageTitle text=Signal::derive(title)/>
        <nav class="tabs" aria-label=move || td_string!(i18n.get_locale(), actions.views)>
            <a href="/actions" aria-current=move || (!overdue()).then_some("page")>{t!(i18n, nav.actions)}</a>
            <a href="/actions?overdue=1" aria-current=move || overdue().then_some("page")>{t!(i18n, actions.overdue_title)}</a>
        </nav>
        <p class="lead">{move || if overdue() { t!(i18n, actions.overdue_intro).into_any() } else { t!(i18n, actions.mine_intro).into_any() }}</p>
        <Loaded resource=data let:p>
            {if p.items.is_empty() {
                view! { <div class="empty-state">{t!(i18n, actions.empty)}</div> }.into_any()
            } else {
                let pages = p.pages();
                let base = if overdue() { "/actions?overdue=1".to_string() } else { "/actions".to_string() };
                view! {
                    <ActionTable actions=p.items done_action=done show_company=true/>
                    <Pagination page=p.page pages=pages total=p.total base=base/>
                }.into_any()
            }}
        </Loaded>
    }
}
