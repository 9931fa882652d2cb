//! The visit preparation brief: one printable A4 with the latest scan (its three weakest
//! dimensions, what changed since the previous round), the flagged questions, open actions,
//! the persuasion approaches tried before and how they landed, and talking points.
use super::{approach_label, home_crumb, is_staff, owner_label, response_label};
use crate::coach::{VisitBrief, get_visit_brief};
use crate::domain::VisitId;
use crate::i18n::*;
use crate::layout::RequireUser;
use crate::messages::sector_label;
use crate::scan::types::round_label;
use crate::scan::views::text::{band_name, dimension_name, step_text, tr};
use crate::ui::{Breadcrumbs, Crumb, Loaded, PageTitle, format_date, format_day, format_score};
use leptos::prelude::*;

/// The data is created here, outside the guard: the guard's `Suspense`
/// walks its children more than once on the server, and a resource created in there would be
/// fetched once per walk.
#[component]
pub fn VisitBriefPage() -> impl IntoView {
    let id = crate::ui::route_param::<VisitId>("id");
    let data = Resource::new(id, |id| crate::ui::load_by_id(id, get_visit_brief));
    view! { <RequireUser allow=is_staff children=move |_| view! { <Brief data/> }/> }
}

#[component]
fn Brief(data: Resource<Result<VisitBrief, crate::error::AppError>>) -> impl IntoView {
    view! {
        <Loaded resource=data let:b>
            <BriefView b=b/>
        </Loaded>
    }
}

fn signed(l: Locale, d: f64) -> String {
    let s = format_score(l, d.abs());
    if d > 0.05 {
        format!("+{s}")
    } else if d < -0.05 {
        format!("−{s}")
    } else {
        "±0".into()
    }
}

#[component]
fn BriefView(b: VisitBrief) -> impl IntoView {
    let i18n = use_i18n();
    let company = (b.company_id, b.company_name.clone());
    let visit_on = b.visit_on;
    let title = Signal::derive({
        let name = b.company_name.clone();
        move || {
            td_string!(
                i18n.get_locale(),
                brief.title,
                company = name.as_str(),
                date = format_day(i18n.get_locale(), visit_on)
            )
            .to_string()
        }
    });
    let sector = b.sector.chars().next().unwrap_or(' ');
    let q = b.questionnaire.clone();
    let print = move |_| {
        #[cfg(feature = "hydrate")]
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    };
    view! {
        <div class="no-print">
            <Breadcrumbs
                label=Signal::derive(move || td_string!(i18n.get_locale(), layout.breadcrumbs).to_string())
                crumbs=Signal::derive({
                    let company = company.clone();
                    move || vec![
                        home_crumb(i18n.get_locale()),
                        Crumb { label: company.1.clone(), href: format!("/companies/{}#visits", company.0) },
                        Crumb { label: td_string!(i18n.get_locale(), visit.breadcrumb).to_string(), href: format!("/visits/{}", b.visit_id) },
                    ]
                })
            />
        </div>
        <article class="brief">
            <PageTitle text=title/>
            <p class="brief__meta">
                {b.municipality.clone()}" · "{move || format!("{} {}", sector, sector_label(i18n.get_locale(), sector))}
                {b.contact.clone().map(|c| view! { " · " {move || td_string!(i18n.get_locale(), brief.contact, name = c.as_str()).to_string()} })}
                " · "{move || td_string!(i18n.get_locale(), brief.coach, name = b.coach.as_str()).to_string()}
            </p>
            <p class="no-print cluster">
                <button type="button" class="button" on:click=print>{t!(i18n, brief.print)}</button>
                <span class="hint">{t!(i18n, brief.print_hint)}</span>
            </p>
            <div class="brief__grid">
                <section aria-labelledby="brief-scan">
                    <h2 id="brief-scan">{t!(i18n, brief.scan_title)}</h2>
                    {match (b.scan.clone(), q.clone()) {
                        (Some(s), Some(q)) => {
                            let q1 = q.clone();
                            let q2 = q.clone();
                            view! {
                                <p>
                                    {move || td_string!(i18n.get_locale(), brief.scan_line,
                                        round = round_label(s.round),
                                        date = s.submitted_at.map(|d| format_date(i18n.get_locale(), d)).unwrap_or_default(),
                                        score = format_score(i18n.get_locale(), s.overall),
                                        band = band_name(i18n.get_locale(), &s.band)).to_string()}
                                    {s.coach_overall.map(|c| view! { " " {move || td_string!(i18n.get_locale(), brief.coach_score, score = format_score(i18n.get_locale(), c)).to_string()} })}
                                </p>
                                <h3>{t!(i18n, brief.weakest)}</h3>
                                <ol>
                                    {s.weakest.clone().into_iter().map(|(d, own, coach)| {
                                        let q = q1.clone();
                                        view! {
                                            <li>
                                                <strong>{move || dimension_name(i18n.get_locale(), &q, &d)}</strong>
                                                ": "{move || format_score(i18n.get_locale(), own)}
                                                {coach.map(|c| view! { " (" {move || td_string!(i18n.get_locale(), brief.coach_short, score = format_score(i18n.get_locale(), c)).to_string()} ")" })}
                                            </li>
                                        }
                                    }).collect_view()}
                                </ol>
                                {s.previous_round.map(|p| {
                                    let changes = s.changes.clone();
                                    view! {
                                        <h3>{move || td_string!(i18n.get_locale(), brief.changes, previous = round_label(p)).to_string()}</h3>
                                        <table class="data-table data-table--compact">
                                            <thead><tr>
                                                <th scope="col">{t!(i18n, brief.dimension)}</th>
                                                <th scope="col">{round_label(p)}</th>
                                                <th scope="col">{round_label(s.round)}</th>
                                                <th scope="col">{t!(i18n, brief.change)}</th>
                                            </tr></thead>
                                            <tbody>
                                                {changes.into_iter().map(|(d, before, now)| {
                                                    let q = q2.clone();
                                                    view! {
                                                        <tr>
                                                            <th scope="row">{move || dimension_name(i18n.get_locale(), &q, &d)}</th>
                                                            <td>{move || format_score(i18n.get_locale(), before)}</td>
                                                            <td>{move || format_score(i18n.get_locale(), now)}</td>
                                                            <td>{move || signed(i18n.get_locale(), now - before)}</td>
                                                        </tr>
                                                    }
                                                }).collect_view()}
                                            </tbody>
                                        </table>
                                    }
                                })}
                            }.into_any()
                        }
                        _ => view! { <p>{t!(i18n, brief.no_scan)}</p> }.into_any(),
                    }}
                </section>
                <section aria-labelledby="brief-flagged">
                    <h2 id="brief-flagged">{t!(i18n, brief.flagged_title)}</h2>
                    {if b.flagged.is_empty() {
                        view! { <p>{t!(i18n, brief.none)}</p> }.into_any()
                    } else {
                        let q = q.clone();
                        view! {
                            <ul>
                                {b.flagged.clone().into_iter().map(|(qid, note)| {
                                    let text = q.as_ref().and_then(|q| q.question(&qid)).map(|x| (x.nl.clone(), x.en.clone()));
                                    view! {
                                        <li>
                                            <strong>{qid.clone()}</strong>" "
                                            {move || text.as_ref().map(|(nl, en)| tr(i18n.get_locale(), nl, en).to_owned())}
                                            {(!note.is_empty()).then(|| view! { <br/><em>{note.clone()}</em> })}
                                        </li>
                                    }
                                }).collect_view()}
                            </ul>
                        }.into_any()
                    }}
                </section>
                <section aria-labelledby="brief-actions">
                    <h2 id="brief-actions">{t!(i18n, brief.actions_title)}</h2>
                    {if b.open_actions.is_empty() {
                        view! { <p>{t!(i18n, brief.none)}</p> }.into_any()
                    } else {
                        view! {
                            <ul>
                                {b.open_actions.clone().into_iter().map(|a| {
                                    let owner = a.owner.clone();
                                    view! {
                                        <li>
                                            {a.description.clone()}" — "{move || owner_label(i18n.get_locale(), &owner)}", "
                                            {move || format_day(i18n.get_locale(), a.due_on)}
                                            {a.overdue.then(|| view! { " " <strong>{t!(i18n, caseload.overdue)}</strong> })}
                                        </li>
                                    }
                                }).collect_view()}
                            </ul>
                        }.into_any()
                    }}
                </section>
                <section aria-labelledby="brief-approaches">
                    <h2 id="brief-approaches">{t!(i18n, brief.approaches_title)}</h2>
                    {if b.approaches.is_empty() {
                        view! { <p>{t!(i18n, brief.no_approaches)}</p> }.into_any()
                    } else {
                        view! {
                            <ul>
                                {b.approaches.clone().into_iter().map(|a| {
                                    let e = a.entry.clone();
                                    view! {
                                        <li>
                                            {move || format_day(i18n.get_locale(), a.visit_on)}": "
                                            <strong>{move || approach_label(i18n.get_locale(), &e.approach)}</strong>
                                            " — "{move || response_label(i18n.get_locale(), &a.entry.response)}
                                            {(!a.entry.note.is_empty()).then(|| format!(" ({})", a.entry.note))}
                                        </li>
                                    }
                                }).collect_view()}
                            </ul>
                        }.into_any()
                    }}
                </section>
                <section aria-labelledby="brief-points" class="brief__wide">
                    <h2 id="brief-points">{t!(i18n, brief.points_title)}</h2>
                    {match q.clone() {
                        Some(q) if !b.talking_points.is_empty() => view! {
                            <ul>
                                {b.talking_points.clone().into_iter().map(|(d, st)| {
                                    let q = q.clone();
                                    view! {
                                        <li>
                                            <strong>{let q = q.clone(); let d = d.clone(); move || dimension_name(i18n.get_locale(), &q, &d)}</strong>": "
                                            {move || step_text(i18n.get_locale(), &q, &st.question, &st.choice, &st.action)}
                                        </li>
                                    }
                                }).collect_view()}
                            </ul>
                        }.into_any(),
                        _ => view! { <p>{t!(i18n, brief.none)}</p> }.into_any(),
                    }}
                </section>
            </div>
        </article>
    }
}
