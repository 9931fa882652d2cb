//! "Mijn bedrijven": the coach's companies with the figures that tell where to look first.
//! Filters and sort live in the URL (a plain GET form), so every view can be bookmarked and
//! works without JavaScript; the server paginates.
use super::{home_crumb, is_staff};
use crate::coach::{CaseRow, CaseloadParams, get_caseload};
use crate::domain::SECTORS;
use crate::i18n::*;
use crate::layout::{RequireUser, encode};
use crate::messages::sector_label;
use crate::scan::views::text::band_name;
use crate::ui::{
    Breadcrumbs, Loaded, PageTitle, Pagination, format_date, format_day, format_score,
};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// The data is asked for here, outside the guard: the guard's `Suspense` walks its children
/// more than once on the server, and a resource created in there is fetched once per walk.
#[component]
pub fn CaseloadPage() -> impl IntoView {
    let query = use_query_map();
    let params = Memo::new(move |_| {
        query.with(|m| {
            let get = |k: &str| m.get(k).unwrap_or_default();
            CaseloadParams {
                q: get("q"),
                sector: get("sector"),
                band: get("band"),
                municipality: get("municipality"),
                overdue: m.get("overdue").is_some_and(|v| !v.is_empty()),
                sort: get("sort"),
                page: m.get("page").and_then(|p| p.parse().ok()).unwrap_or(1),
            }
        })
    });
    let data = Resource::new(move || params.get(), get_caseload);
    view! { <RequireUser allow=is_staff children=move |_| view! { <Caseload params data/> }/> }
}

const BANDS: [&str; 4] = ["basic", "average", "moderately_advanced", "advanced"];
const SORTS: [&str; 6] = ["name", "score", "-score", "contact", "visit", "due"];

fn sort_label(l: Locale, s: &str) -> &'static str {
    match s {
        "score" => td_string!(l, caseload.sort_score_low),
        "-score" => td_string!(l, caseload.sort_score_high),
        "contact" => td_string!(l, caseload.sort_contact),
        "visit" => td_string!(l, caseload.sort_visit),
        "due" => td_string!(l, caseload.sort_due),
        _ => td_string!(l, caseload.sort_name),
    }
}

/// The list URL with its filters (without the page).
fn base_url(p: &CaseloadParams) -> String {
    let mut parts = vec![];
    for (k, v) in [
        ("q", &p.q),
        ("sector", &p.sector),
        ("band", &p.band),
        ("municipality", &p.municipality),
        ("sort", &p.sort),
    ] {
        if !v.is_empty() {
            parts.push(format!("{k}={}", encode(v)));
        }
    }
    if p.overdue {
        parts.push("overdue=1".into());
    }
    if parts.is_empty() {
        "/caseload".into()
    } else {
        format!("/caseload?{}", parts.join("&"))
    }
}

#[component]
fn Caseload(
    params: Memo<CaseloadParams>,
    data: Resource<Result<crate::coach::Caseload, crate::error::AppError>>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Breadcrumbs
            label=Signal::derive(move || td_string!(i18n.get_locale(), layout.breadcrumbs).to_string())
            crumbs=Signal::derive(move || vec![home_crumb(i18n.get_locale())])
        />
        <PageTitle text=Signal::derive(move || td_string!(i18n.get_locale(), nav.caseload).to_string())/>
        <div class="cluster">
            <a class="button" href="/companies/new">{t!(i18n, companies.new)}</a>
            <a class="button button--secondary" href="/actions">{t!(i18n, nav.actions)}</a>
            <a class="button button--secondary" href="/actions?overdue=1">{t!(i18n, actions.overdue_title)}</a>
        </div>
        <Loaded resource=data let:c>
            {
                let p = params.get();
                let base = base_url(&p);
                let pages = c.rows.pages();
                let filtered = base != "/caseload";
                view! {
                    <Filters params=p.clone() municipalities=c.municipalities.clone()/>
                    {c.whole_organisation.then(|| view! { <p class="muted">{t!(i18n, caseload.whole_organisation)}</p> })}
                    {if c.rows.items.is_empty() {
                        view! {
                            <div class="empty-state">
                                {if filtered { t!(i18n, caseload.no_match).into_any() } else { t!(i18n, caseload.empty).into_any() }}
                            </div>
                        }.into_any()
                    } else {
                        view! {
                            <CaseTable rows=c.rows.items.clone() show_coach=c.whole_organisation/>
                            <Pagination page=c.rows.page pages=pages total=c.rows.total base=base/>
                        }.into_any()
                    }}
                }
            }
        </Loaded>
    }
}

#[component]
fn Filters(params: CaseloadParams, municipalities: Vec<String>) -> impl IntoView {
    let i18n = use_i18n();
    let p = params;
    view! {
        <form method="get" action="/caseload" class="filter-form" role="search" aria-label=move || td_string!(i18n.get_locale(), caseload.filters)>
            <div class="field">
                <label for="cl-q">{t!(i18n, caseload.search)}</label>
                <input type="search" id="cl-q" name="q" value=p.q.clone()/>
            </div>
            <div class="field">
                <label for="cl-sector">{t!(i18n, field.primary_sector)}</label>
                <select id="cl-sector" name="sector">
                    <option value="">{t!(i18n, caseload.any)}</option>
                    {SECTORS.iter().map(|c| {
                        let code = c.to_string();
                        let sel = code == p.sector;
                        let c = *c;
                        view! { <option value=code selected=sel>{move || format!("{} {}", c, sector_label(i18n.get_locale(), c))}</option> }
                    }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="cl-band">{t!(i18n, caseload.band)}</label>
                <select id="cl-band" name="band">
                    <option value="">{t!(i18n, caseload.any)}</option>
                    {BANDS.iter().map(|b| {
                        let sel = *b == p.band;
                        view! { <option value=*b selected=sel>{move || band_name(i18n.get_locale(), b)}</option> }
                    }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="cl-municipality">{t!(i18n, field.municipality)}</label>
                <select id="cl-municipality" name="municipality">
                    <option value="">{t!(i18n, caseload.any)}</option>
                    {municipalities.into_iter().map(|m| {
                        let sel = m == p.municipality;
                        view! { <option value=m.clone() selected=sel>{m.clone()}</option> }
                    }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="cl-sort">{t!(i18n, caseload.sort)}</label>
                <select id="cl-sort" name="sort">
                    {SORTS.iter().map(|s| {
                        let sel = *s == p.sort || (p.sort.is_empty() && *s == "name");
                        view! { <option value=*s selected=sel>{move || sort_label(i18n.get_locale(), s)}</option> }
                    }).collect_view()}
                </select>
            </div>
            <div class="field field--check">
                <input type="checkbox" id="cl-overdue" name="overdue" value="1" checked=p.overdue/>
                <label for="cl-overdue">{t!(i18n, caseload.overdue_only)}</label>
            </div>
            <div class="form-actions">
                <button type="submit" class="button">{t!(i18n, caseload.apply)}</button>
                <a href="/caseload">{t!(i18n, caseload.reset)}</a>
            </div>
        </form>
    }
}

#[component]
fn CaseTable(rows: Vec<CaseRow>, show_coach: bool) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="table-wrap">
            <table class="data-table caseload">
                <caption class="visually-hidden">{t!(i18n, caseload.caption)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{t!(i18n, field.company_name)}</th>
                        <th scope="col">{t!(i18n, field.municipality)}</th>
                        <th scope="col">{t!(i18n, field.primary_sector)}</th>
                        <th scope="col">{t!(i18n, caseload.latest_scan)}</th>
                        <th scope="col">{t!(i18n, caseload.last_contact)}</th>
                        <th scope="col">{t!(i18n, caseload.next_visit)}</th>
                        <th scope="col">{t!(i18n, caseload.actions)}</th>
                        {show_coach.then(|| view! { <th scope="col">{t!(i18n, field.primary_coach)}</th> })}
                    </tr>
                </thead>
                <tbody>
                    {rows.into_iter().map(|r| {
                        let sector = r.sector.chars().next().unwrap_or(' ');
                        let scan = r.latest_scan_at.zip(r.overall).map(|(at, score)| (at, score, r.band.clone().unwrap_or_default()));
                        view! {
                            <tr>
                                <th scope="row">
                                    <a href=format!("/companies/{}", r.id)>{r.name.clone()}</a>
                                    {r.co_coach.then(|| view! { " " <span class="badge">{t!(i18n, caseload.co_coach)}</span> })}
                                </th>
                                <td>{r.municipality.clone()}</td>
                                <td>{move || format!("{} {}", sector, sector_label(i18n.get_locale(), sector))}</td>
                                <td>{move || match &scan {
                                    Some((at, score, band)) => format!("{} · {} · {}", format_date(i18n.get_locale(), *at), format_score(i18n.get_locale(), *score), band_name(i18n.get_locale(), band)),
                                    None => td_string!(i18n.get_locale(), caseload.no_scan).to_string(),
                                }}</td>
                                <td>{move || r.last_contact.map(|d| format_day(i18n.get_locale(), d)).unwrap_or_else(|| "-".into())}</td>
                                <td>{move || r.next_visit.map(|d| format_day(i18n.get_locale(), d)).unwrap_or_else(|| "-".into())}</td>
                                <td>
                                    {r.open_actions}
                                    {r.overdue.then(|| view! { " " <span class="badge badge--warning">{t!(i18n, caseload.overdue)}</span> })}
                                </td>
                                {show_coach.then(|| view! { <td>{r.primary_coach.clone().unwrap_or_else(|| "-".into())}</td> })}
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}
