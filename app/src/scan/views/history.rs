//! Scores over time (chart and table) and, per round, each respondent's scores with the
//! dimensions where they differ by 20 points or more marked in words.
use super::text::tr;
use crate::domain::{CompanyId, Role};
use crate::i18n::*;
use crate::layout::RequireUser;
use crate::scan::get_scan_history;
use crate::scan::types::{ScanHistory, round_label};
use crate::ui::{Breadcrumbs, Crumb, Loaded, PageTitle, format_score};
use leptos::prelude::*;

const COLOURS: [&str; 6] = [
    "#154273", "#8a4b00", "#00703c", "#6f2c91", "#b3261e", "#3d3d3d",
];

/// The data is created here, outside the guard: the guard's `Suspense`
/// walks its children more than once on the server, and a resource created in there would be
/// fetched once per walk.
#[component]
pub fn ScanHistoryPage() -> impl IntoView {
    let id = crate::ui::route_param::<CompanyId>("id");
    let data = Resource::new(id, |id| crate::ui::load_by_id(id, get_scan_history));
    view! {
        <RequireUser
            allow=|u| u.role != Role::Expert
            children=move |_| view! { <HistoryView data/> }
        />
    }
}

#[component]
fn HistoryView(data: Resource<Result<ScanHistory, crate::error::AppError>>) -> impl IntoView {
    view! {
        <Loaded resource=data let:h>
            <History history=h/>
        </Loaded>
    }
}

/// Lines per dimension over the rounds, each labelled at its end.
fn chart(l: Locale, h: &ScanHistory) -> impl IntoView + use<> {
    let (w, hgt, left, right, top, bottom) = (640.0, 300.0, 40.0, 200.0, 20.0, 40.0);
    let n = h.rounds.len().max(1);
    let x = move |i: usize| {
        if n == 1 {
            left + (w - left - right) / 2.0
        } else {
            left + (w - left - right) * i as f64 / (n - 1) as f64
        }
    };
    let y = move |v: f64| top + (hgt - top - bottom) * (1.0 - v.clamp(0.0, 100.0) / 100.0);
    let grid = [0.0, 25.0, 50.0, 75.0, 100.0]
        .map(|v| view! {
            <line x1=left x2=w - right y1=y(v) y2=y(v) class="history__grid"/>
            <text x=left - 6.0 y=y(v) + 4.0 text-anchor="end" class="history__axis">{format!("{v:.0}")}</text>
        })
        .collect_view();
    let xlabels = h
        .rounds
        .iter()
        .enumerate()
        .map(|(i, r)| view! { <text x=x(i) y=hgt - 12.0 text-anchor="middle" class="history__axis">{round_label(r.round)}</text> })
        .collect_view();
    let lines = h
        .dimensions
        .iter()
        .enumerate()
        .map(|(d, (_, nl, en))| {
            let colour = COLOURS[d % COLOURS.len()];
            let points: Vec<(f64, f64)> = h.rounds.iter().enumerate().map(|(i, r)| (x(i), y(r.mean.get(d).copied().unwrap_or(0.0)))).collect();
            let path = points.iter().map(|(px, py)| format!("{px:.1},{py:.1}")).collect::<Vec<_>>().join(" ");
            let last = points.last().copied().unwrap_or((left, y(0.0)));
            let label = format!("{} ({})", tr(l, nl, en), format_score(l, h.rounds.last().and_then(|r| r.mean.get(d)).copied().unwrap_or(0.0)));
            view! {
                <polyline points=path fill="none" stroke=colour stroke-width="2.5"/>
                {points.iter().map(|(px, py)| view! { <circle cx=*px cy=*py r="4" fill=colour/> }).collect_view()}
                <text x=last.0 + 8.0 y=last.1 + 4.0 class="history__label" fill=colour>{label}</text>
            }
        })
        .collect_view();
    view! {
        <svg class="history-chart" viewBox=format!("0 0 {w} {hgt}") role="img" aria-labelledby="history-title">
            <title id="history-title">{td_string!(l, scan.history_chart_title)}</title>
            {grid}
            {xlabels}
            {lines}
        </svg>
    }
}

#[component]
fn History(history: ScanHistory) -> impl IntoView {
    let i18n = use_i18n();
    let h = history;
    let company = (h.company_id, h.company_name.clone());
    if h.rounds.is_empty() {
        return view! {
            <PageTitle text=Signal::derive(move || td_string!(i18n.get_locale(), scan.history_title).to_string())/>
            <div class="empty-state">{t!(i18n, scan.history_empty)}</div>
        }
        .into_any();
    }
    let h2 = h.clone();
    let over_time = move || {
        let l = i18n.get_locale();
        let h = &h2;
        view! {
            {chart(l, h)}
            <div class="table-wrap">
                <table class="data-table">
                    <caption>{td_string!(l, scan.history_table_caption)}</caption>
                    <thead><tr>
                        <th scope="col">{td_string!(l, scan.dimension)}</th>
                        {h.rounds.iter().map(|r| view! { <th scope="col">{round_label(r.round)}</th> }).collect_view()}
                    </tr></thead>
                    <tbody>
                        {h.dimensions.iter().enumerate().map(|(d, (_, nl, en))| view! {
                            <tr>
                                <th scope="row">{tr(l, nl, en).to_owned()}</th>
                                {h.rounds.iter().map(|r| view! { <td>{format_score(l, r.mean.get(d).copied().unwrap_or(0.0))}</td> }).collect_view()}
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        }
    };
    let h3 = h.clone();
    let per_round = move || {
        let l = i18n.get_locale();
        let h = &h3;
        h.rounds
            .iter()
            .map(|r| {
                let caption = td_string!(l, scan.respondents_caption, round = round_label(r.round)).to_string();
                view! {
                    <div class="table-wrap">
                        <table class="data-table">
                            <caption>{caption}</caption>
                            <thead><tr>
                                <th scope="col">{td_string!(l, scan.respondent)}</th>
                                {h.dimensions.iter().map(|(id, nl, en)| {
                                    let differs = r.divergent.contains(id);
                                    view! { <th scope="col">{tr(l, nl, en).to_owned()}{differs.then(|| view! { <br/><span class="badge badge--weak">{td_string!(l, scan.differs)}</span> })}</th> }
                                }).collect_view()}
                                <th scope="col">{td_string!(l, scan.overall)}</th>
                            </tr></thead>
                            <tbody>
                                {r.respondents.iter().map(|s| view! {
                                    <tr>
                                        <th scope="row"><a href=format!("/scans/{}", s.scan_id)>{s.name.clone()}</a></th>
                                        {s.dimensions.iter().map(|v| view! { <td>{format_score(l, *v)}</td> }).collect_view()}
                                        <td>{format_score(l, s.overall)}</td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                }
            })
            .collect_view()
    };
    view! {
        <Breadcrumbs
            label=Signal::derive(move || td_string!(i18n.get_locale(), layout.breadcrumbs).to_string())
            crumbs=Signal::derive(move || vec![
                Crumb { label: td_string!(i18n.get_locale(), nav.home).to_string(), href: "/".into() },
                Crumb { label: company.1.clone(), href: format!("/companies/{}#scan", company.0) },
            ])
        />
        <PageTitle text=Signal::derive(move || td_string!(i18n.get_locale(), scan.history_title).to_string())/>
        <p class="lead">{t!(i18n, scan.history_intro)}</p>
        <section class="stack">{over_time}</section>
        <h2>{t!(i18n, scan.per_respondent)}</h2>
        <p>{t!(i18n, scan.per_respondent_intro)}</p>
        <section class="stack">{per_round}</section>
    }
    .into_any()
}
