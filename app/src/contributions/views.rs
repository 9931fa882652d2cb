//! The contributions section of a company dossier (coaching staff).
use super::money::format_euro;
use super::{ApplyContribution, ContributionsPanel, DecideContribution};
use crate::domain::{CompanyId, Field};
use crate::i18n::*;
use crate::ui::{ErrorSummary, SelectField, TextField, action_errors, format_day};
use leptos::prelude::*;

fn status_label(l: Locale, s: &str) -> &'static str {
    match s {
        "granted" => td_string!(l, contributions.granted),
        "rejected" => td_string!(l, contributions.rejected),
        _ => td_string!(l, contributions.applied),
    }
}

#[component]
pub fn ContributionsSection(
    company_id: CompanyId,
    panel: ContributionsPanel,
    apply: ServerAction<ApplyContribution>,
    decide: ServerAction<DecideContribution>,
) -> impl IntoView {
    let i18n = use_i18n();
    let error = action_errors(apply);
    let decide_error = action_errors(decide);
    let warned = move || {
        error.get().is_some_and(|e| {
            e.form_errors()
                .and_then(|f| f.message_for(Field::Amount))
                .is_some_and(|m| matches!(m, crate::domain::Msg::DeMinimisCeiling(_)))
        })
    };
    let schemes = panel.schemes.clone();
    let options = Signal::derive(move || {
        let l = i18n.get_locale();
        schemes
            .iter()
            .map(|s| {
                (
                    s.id.to_string(),
                    td_string!(
                        l,
                        contributions.scheme_option,
                        name = s.name.as_str(),
                        funder = s.funder.as_str(),
                        pct = s.share_pct,
                        min = format_euro(l, s.min_cents),
                        max = format_euro(l, s.max_cents)
                    )
                    .to_string(),
                )
            })
            .collect::<Vec<_>>()
    });
    let total = panel.de_minimis_cents;
    let ceiling = panel.ceiling_cents;
    let near = total > ceiling / 10 * 9;
    view! {
        <section aria-labelledby="contributions-title" class="stack" id="contributions">
            <h2 id="contributions-title">{t!(i18n, contributions.title)}</h2>
            <p class="notice" class:notice--warning=near>
                {move || td_string!(i18n.get_locale(), contributions.de_minimis_total, total = format_euro(i18n.get_locale(), total), ceiling = format_euro(i18n.get_locale(), ceiling)).to_string()}
            </p>
            <ErrorSummary error=decide_error/>
            {if panel.applications.is_empty() {
                view! { <div class="empty-state">{t!(i18n, contributions.none)}</div> }.into_any()
            } else {
                view! {
                    <div class="table-wrap">
                        <table class="data-table">
                            <caption class="visually-hidden">{t!(i18n, contributions.title)}</caption>
                            <thead><tr>
                                <th scope="col">{t!(i18n, field.scheme_id)}</th>
                                <th scope="col">{t!(i18n, field.applied_on)}</th>
                                <th scope="col">{t!(i18n, field.amount)}</th>
                                <th scope="col">{t!(i18n, field.granted)}</th>
                                <th scope="col">{t!(i18n, actions.status)}</th>
                            </tr></thead>
                            <tbody>
                                {panel.applications.clone().into_iter().map(|a| {
                                    let status = a.status.clone();
                                    let label = a.scheme.clone();
                                    view! {
                                        <tr>
                                            <td>
                                                {a.scheme.clone()}{a.de_minimis.then(|| view! { " " <span class="badge">{t!(i18n, contributions.de_minimis_badge)}</span> })}
                                                {a.engagement.clone().map(|x| view! { <br/><span class="muted">{x}</span> })}
                                            </td>
                                            <td>{move || format_day(i18n.get_locale(), a.applied_on)}</td>
                                            <td>{move || format_euro(i18n.get_locale(), a.requested_cents)}</td>
                                            <td>{move || a.granted_cents.map(|g| format_euro(i18n.get_locale(), g)).unwrap_or_else(|| "-".into())}</td>
                                            <td>
                                                {move || status_label(i18n.get_locale(), &status)}
                                                {(a.status == "applied").then(|| view! {
                                                    <ActionForm action=decide attr:class="inline-form decide-form">
                                                        <input type="hidden" name="id" value=a.id/>
                                                        <label for=format!("granted-{}", a.id) class="visually-hidden">{move || td_string!(i18n.get_locale(), contributions.granted_label, scheme = label.as_str()).to_string()}</label>
                                                        <input type="text" inputmode="decimal" id=format!("granted-{}", a.id) name="granted" size="10"/>
                                                        " "<button type="submit" class="button button--small button--secondary">{t!(i18n, contributions.decide)}</button>
                                                    </ActionForm>
                                                })}
                                            </td>
                                        </tr>
                                    }
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                    <p class="hint">{t!(i18n, contributions.decide_hint)}</p>
                }.into_any()
            }}
            <details class="panel" open=move || error.get().is_some()>
                <summary>{t!(i18n, contributions.add)}</summary>
                <ErrorSummary error=error/>
                <ActionForm action=apply attr:class="form" attr:novalidate=true>
                    <input type="hidden" name="company_id" value=company_id.0/>
                    <SelectField field=Field::Scheme name="form[scheme_id]" error=error with_empty=true options=options/>
                    <TextField field=Field::Amount name="form[amount]" error=error inputmode="decimal" required=true/>
                    <TextField field=Field::AppliedOn name="form[applied_on]" error=error required=true autocomplete="off"/>
                    {(!panel.engagements.is_empty()).then(|| {
                        let list = panel.engagements.clone();
                        view! {
                            <SelectField field=Field::Engagement name="form[engagement_id]" error=error with_empty=true optional=true
                                options=Signal::derive(move || list.iter().map(|(id, l)| (id.to_string(), l.clone())).collect::<Vec<_>>())/>
                        }
                    })}
                    {move || warned().then(|| view! {
                        <div class="field field--check">
                            <input type="checkbox" id="accept_ceiling" name="form[accept_ceiling]" value="on"/>
                            <label for="accept_ceiling">{t!(i18n, contributions.accept_ceiling)}</label>
                        </div>
                    })}
                    <div class="form-actions">
                        <button type="submit" class="button">{t!(i18n, contributions.submit)}</button>
                    </div>
                </ActionForm>
            </details>
        </section>
    }
    .into_any()
}
