//! The results of a submitted scan: overall score and band, the radar chart with a table,
//! each dimension with what it means, the weakest highlighted, and next best steps.
use super::radar::RadarChart;
use super::text::{band_explain, band_name, dimension_name, step_text, tr};
use crate::domain::ScanId;
use crate::i18n::*;
use crate::layout::RequireUser;
use crate::scan::Band;
use crate::scan::get_scan_result;
use crate::scan::types::{ScanResult, round_label};
use crate::ui::{Breadcrumbs, Crumb, Loaded, PageTitle, format_date, format_score};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// The data is created here, outside the guard: the guard's `Suspense`
/// walks its children more than once on the server, and a resource created in there would be
/// fetched once per walk.
#[component]
pub fn ScanResultPage() -> impl IntoView {
    let id = crate::ui::route_param::<ScanId>("id");
    let data = Resource::new(id, |id| crate::ui::load_by_id(id, get_scan_result));
    view! { <RequireUser allow=|_| true children=move |_| view! { <ScanResultView data/> }/> }
}

#[component]
fn ScanResultView(data: Resource<Result<ScanResult, crate::error::AppError>>) -> impl IntoView {
    view! {
        <Loaded resource=data let:r>
            <Results result=r/>
        </Loaded>
    }
}

#[component]
fn Results(result: ScanResult) -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let just_submitted = move || query.with(|m| m.get("submitted").is_some());
    let r = result;
    let q = r.questionnaire.clone();
    // The two weakest dimensions get the attention first.
    let mut order: Vec<usize> = (0..r.dimensions.len()).collect();
    order.sort_by(|a, b| r.dimensions[*a].1.total_cmp(&r.dimensions[*b].1));
    let weakest: Vec<String> = order
        .iter()
        .take(2)
        .map(|i| r.dimensions[*i].0.clone())
        .collect();
    let band = r.band.clone();
    let overall = r.overall;
    let company = (r.company_id, r.company_name.clone());
    let scan_id = r.scan_id;
    let subtitle = {
        let respondent = r.respondent.clone();
        let round = round_label(r.round);
        let date = r.submitted_at;
        move || {
            let l = i18n.get_locale();
            format!(
                "{} · {} · {}",
                round,
                respondent,
                date.map(|d| format_date(l, d)).unwrap_or_default()
            )
        }
    };
    let chart = {
        let q = q.clone();
        let dims = r.dimensions.clone();
        move || {
            let l = i18n.get_locale();
            let axes: Vec<(String, f64)> = dims
                .iter()
                .map(|(id, v)| (dimension_name(l, &q, id), *v))
                .collect();
            view! { <RadarChart axes=axes title=td_string!(l, scan.chart_title).to_string()/> }
        }
    };
    let table_rows = {
        let q = q.clone();
        let dims = r.dimensions.clone();
        let weakest = weakest.clone();
        move || {
            let l = i18n.get_locale();
            dims.iter()
                .map(|(id, v)| {
                    let weak = weakest.contains(id);
                    view! {
                        <tr class:row--weak=weak>
                            <th scope="row">{dimension_name(l, &q, id)}</th>
                            <td>{format_score(l, *v)}</td>
                            <td>{band_name(l, Band::of(*v).as_str())}{weak.then(|| view! { " " <span class="badge badge--weak">{td_string!(l, scan.weakest)}</span> })}</td>
                        </tr>
                    }
                })
                .collect_view()
        }
    };
    let dimensions = r
        .dimensions
        .iter()
        .map(|(id, v)| {
            let d = q.dimension(id).cloned();
            let steps = r.steps.iter().find(|(sid, _)| sid == id).map(|(_, s)| s.clone()).unwrap_or_default();
            let qq = q.clone();
            let id2 = id.clone();
            let v = *v;
            let weak = weakest.contains(id);
            view! {
                <section class="card dimension" class:dimension--weak=weak>
                    <h3>{move || dimension_name(i18n.get_locale(), &qq, &id2)}": "{move || format_score(i18n.get_locale(), v)}</h3>
                    <p>{move || d.as_ref().map(|d| tr(i18n.get_locale(), &d.explain.nl, &d.explain.en).to_owned()).unwrap_or_default()}</p>
                    {(!steps.is_empty()).then(|| {
                        let qq = q.clone();
                        view! {
                            <p class="card__meta">{t!(i18n, scan.next_steps)}</p>
                            <ul>
                                {move || steps.iter().map(|s| view! { <li>{step_text(i18n.get_locale(), &qq, &s.question, &s.choice, &s.action)}</li> }).collect_view()}
                            </ul>
                        }
                    })}
                </section>
            }
        })
        .collect_view();
    view! {
        <Breadcrumbs
            label=Signal::derive(move || td_string!(i18n.get_locale(), layout.breadcrumbs).to_string())
            crumbs=Signal::derive(move || vec![
                Crumb { label: td_string!(i18n.get_locale(), nav.home).to_string(), href: "/".into() },
                Crumb { label: company.1.clone(), href: format!("/companies/{}#scan", company.0) },
            ])
        />
        <PageTitle text=Signal::derive(move || td_string!(i18n.get_locale(), scan.results_title).to_string())/>
        <p class="muted">{subtitle}</p>
        {move || just_submitted().then(|| view! { <div class="notice notice--success" role="status">{t!(i18n, scan.submitted_notice)}</div> })}
        <div class="score-summary">
            <p class="score-summary__number">{move || format_score(i18n.get_locale(), overall)}<span class="score-summary__max">" / 100"</span></p>
            <p class="score-summary__band">{move || band_name(i18n.get_locale(), &band)}</p>
            <p>{move || band_explain(i18n.get_locale(), &r.band)}</p>
        </div>
        <div class="results-chart">
            {chart}
            <div class="table-wrap">
                <table class="data-table">
                    <caption>{t!(i18n, scan.table_caption)}</caption>
                    <thead><tr>
                        <th scope="col">{t!(i18n, scan.dimension)}</th>
                        <th scope="col">{t!(i18n, scan.score)}</th>
                        <th scope="col">{t!(i18n, scan.level)}</th>
                    </tr></thead>
                    <tbody>{table_rows}</tbody>
                </table>
            </div>
        </div>
        <h2>{t!(i18n, scan.per_dimension)}</h2>
        <div class="card-grid">{dimensions}</div>
        <div class="cluster no-print">
            <button type="button" class="button button--secondary" onclick="window.print()">{t!(i18n, scan.print)}</button>
            <a class="button button--secondary" href=format!("/scans/{scan_id}/export.json") download="">{t!(i18n, scan.export)}</a>
        </div>
        <p class="muted">{t!(i18n, scan.profile_note, profile = r.profile.clone())}</p>
    }
}
