//! The scan on the company page: the consent choice before the first scan, start or continue,
//! and the submitted scans with their scores.
use super::text::band_name;
use crate::domain::CompanyId;
use crate::domain::Field;
use crate::i18n::*;
use crate::scan::types::{ScanHome, round_label};
use crate::scan::{ImportScan, SetScanConsent, StartScan, get_scan_home};
use crate::ui::{
    ErrorSummary, Loaded, SelectField, TextAreaField, TextField, action_errors, format_date,
    format_score,
};
use leptos::prelude::*;

/// The scan's part of the company page and what it needs: its actions and its data, created
/// by the page outside any `Suspense` (so they are created, and the data fetched, once).
#[derive(Clone, Copy)]
pub struct ScanSectionData {
    consent: ServerAction<SetScanConsent>,
    start: ServerAction<StartScan>,
    home: Resource<Result<ScanHome, crate::error::AppError>>,
}

impl ScanSectionData {
    /// `company_id`: the page's company (`None` for an id that does not parse).
    pub fn new(company_id: impl Fn() -> Option<CompanyId> + Send + Sync + 'static) -> Self {
        let consent = ServerAction::<SetScanConsent>::new();
        let start = ServerAction::<StartScan>::new();
        let home = Resource::new(
            move || (company_id(), consent.version().get()),
            |(id, _)| crate::ui::load_by_id(id, get_scan_home),
        );
        ScanSectionData {
            consent,
            start,
            home,
        }
    }
}

#[component]
pub fn ScanSection(data: ScanSectionData) -> impl IntoView {
    let i18n = use_i18n();
    let ScanSectionData {
        consent,
        start,
        home: data,
    } = data;
    view! {
        <section id="scan" aria-labelledby="scan-title" class="stack">
            <h2 id="scan-title">{t!(i18n, scan.section_title)}</h2>
            <p>{t!(i18n, scan.what_is_it)}</p>
            <Loaded resource=data let:home>
                <ScanState home=home consent=consent start=start/>
            </Loaded>
        </section>
    }
}

#[component]
fn ScanState(
    home: ScanHome,
    consent: ServerAction<SetScanConsent>,
    start: ServerAction<StartScan>,
) -> impl IntoView {
    let i18n = use_i18n();
    let start_error = action_errors(start);
    let consent_error = action_errors(consent);
    let company = home.company_id;
    let needs_consent = home.can_fill && home.consent.is_none();
    let choice = home.consent.clone();
    let consent_form = move |share: bool, bench: bool| {
        view! {
            <ActionForm action=consent attr:class="form consent-form">
                <input type="hidden" name="company_id" value=company.0/>
                <fieldset>
                    <legend>{t!(i18n, scan.consent_title)}</legend>
                    <div class="choice">
                        <input type="checkbox" id="consent-share" name="share" value="yes" checked=share/>
                        <label for="consent-share">{t!(i18n, scan.consent_share)}</label>
                    </div>
                    <p class="hint">{t!(i18n, scan.consent_share_hint)}</p>
                    <div class="choice">
                        <input type="checkbox" id="consent-benchmark" name="benchmark" value="yes" checked=bench/>
                        <label for="consent-benchmark">{t!(i18n, scan.consent_benchmark)}</label>
                    </div>
                    <p class="hint">{t!(i18n, scan.consent_benchmark_hint)}</p>
                </fieldset>
                <div class="form-actions">
                    <button type="submit" class="button button--secondary">{t!(i18n, scan.consent_save)}</button>
                </div>
            </ActionForm>
        }
    };
    let start_label = if home.next_round == 0 {
        "first"
    } else {
        "next"
    };
    let next_round = round_label(home.next_round);
    view! {
        <ErrorSummary error=Signal::derive(move || start_error.get().or_else(|| consent_error.get()))/>
        {home.draft.clone().map(|d| view! {
            <div class="notice">
                <p>{t!(i18n, scan.draft_progress, answered = d.answered, total = d.total)}</p>
                <a class="button" href=format!("/scans/{}/step/1", d.scan_id)>{t!(i18n, scan.continue_scan)}</a>
            </div>
        })}
        {(home.can_fill && home.draft.is_none() && !needs_consent).then(|| view! {
            <ActionForm action=start attr:class="form">
                <input type="hidden" name="company_id" value=company.0/>
                <button type="submit" class="button">
                    {if start_label == "first" { t!(i18n, scan.start_first).into_any() } else { t!(i18n, scan.start_next, round = next_round.clone()).into_any() }}
                </button>
            </ActionForm>
        })}
        {needs_consent.then(|| view! { <p>{t!(i18n, scan.consent_first)}</p> })}
        {needs_consent.then(|| consent_form(true, false))}
        {if home.submitted.is_empty() {
            let text = if home.hidden_by_consent {
                td_string!(i18n.get_locale(), scan.not_shared)
            } else if home.can_fill {
                td_string!(i18n.get_locale(), scan.empty_entrepreneur)
            } else {
                td_string!(i18n.get_locale(), scan.empty_coach)
            };
            view! { <div class="empty-state">{text}</div> }.into_any()
        } else {
            view! {
                <div class="table-wrap">
                    <table class="data-table">
                        <caption>{t!(i18n, scan.submitted_caption)}</caption>
                        <thead><tr>
                            <th scope="col">{t!(i18n, scan.round)}</th>
                            <th scope="col">{t!(i18n, scan.respondent)}</th>
                            <th scope="col">{t!(i18n, scan.date)}</th>
                            <th scope="col">{t!(i18n, scan.score)}</th>
                        </tr></thead>
                        <tbody>
                            {home.submitted.iter().cloned().map(|s| {
                                let band = s.band.clone();
                                view! {
                                    <tr>
                                        <td><a href=format!("/scans/{}", s.scan_id)>{round_label(s.round)}</a></td>
                                        <td>{s.respondent.clone()}</td>
                                        <td>{move || s.submitted_at.map(|d| format_date(i18n.get_locale(), d)).unwrap_or_default()}</td>
                                        <td>{move || format_score(i18n.get_locale(), s.overall)}" · "{move || band_name(i18n.get_locale(), &band)}</td>
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
                <p><a href=format!("/companies/{}/scans", company.0)>{t!(i18n, scan.history_link)}</a></p>
            }
            .into_any()
        }}
        {home.can_import.then(|| view! { <ImportForm company=company members=home.members.clone()/> })}
        {choice.filter(|_| home.can_fill).map(|c| view! {
            <details class="consent-details">
                <summary>{t!(i18n, scan.consent_change)}</summary>
                <p class="hint">{move || td_string!(i18n.get_locale(), scan.consent_current, name = c.chosen_by.as_str(), date = format_date(i18n.get_locale(), c.chosen_at))}</p>
                {consent_form(c.share, c.benchmark)}
            </details>
        })}
    }
}

#[component]
fn ImportForm(company: CompanyId, members: Vec<(crate::domain::UserId, String)>) -> impl IntoView {
    let i18n = use_i18n();
    let action = ServerAction::<ImportScan>::new();
    let error = action_errors(action);
    let open = Signal::derive(move || error.get().is_some());
    let options: Vec<(String, String)> = members
        .iter()
        .map(|(id, n)| (id.0.to_string(), n.clone()))
        .collect();
    view! {
        <details class="import-scan" open=open>
            <summary>{t!(i18n, scan.import_link)}</summary>
            <h3>{t!(i18n, scan.import_title)}</h3>
            <p>{t!(i18n, scan.import_intro)}</p>
            {if options.is_empty() {
                view! { <p class="notice">{t!(i18n, scan.no_members)}</p> }.into_any()
            } else {
                view! {
                    <ErrorSummary error=error/>
                    <ActionForm action=action attr:class="form" attr:novalidate=true>
                        <input type="hidden" name="company_id" value=company.0/>
                        <SelectField field=Field::Respondent name="respondent_id" error=error options=options.clone()/>
                        <TextField field=Field::Round error=error/>
                        <TextAreaField field=Field::Document error=error rows=12/>
                        <div class="form-actions">
                            <button type="submit" class="button">{t!(i18n, scan.import_submit)}</button>
                        </div>
                    </ActionForm>
                }
                .into_any()
            }}
        </details>
    }
}
