//! A visit and its report. The report is saved as it is typed (a quiet pause in typing, or the
//! save button), one save at a time, each naming the version it builds on; when a colleague
//! saved in between, the save is refused and the text kept, never silently overwritten.
//! Without JavaScript the same form posts to the same server function.
use super::actions::ActionTable;
use super::workspace::NewActionForm;
use super::{approach_label, home_crumb, is_staff, response_label, status_label};
use crate::coach::report::{Approach, Response};
use crate::coach::{
    AddAction, ApproachEntry, RefusedVersion, SaveVisit, SetActionDone, VisitForm, VisitView,
    get_visit,
};
use crate::domain::{Field, VisitId};
use crate::error::AppError;
use crate::i18n::*;
use crate::layout::RequireUser;
use crate::ui::{
    Breadcrumbs, Crumb, ErrorSummary, Loaded, PageTitle, TextAreaField, TextField, action_errors,
    format_datetime, format_day,
};
use leptos::prelude::*;

/// The data and the actions are created here, outside the guard: the guard's `Suspense`
/// walks its children more than once on the server, and a resource created in there would be
/// fetched once per walk.
#[component]
pub fn VisitPage() -> impl IntoView {
    let id = crate::ui::route_param::<VisitId>("id");
    let save = ServerAction::<SaveVisit>::new();
    let add_action = ServerAction::<AddAction>::new();
    let done = ServerAction::<SetActionDone>::new();
    let data = Resource::new(
        move || (id(), add_action.version().get(), done.version().get()),
        |(id, _, _)| crate::ui::load_by_id(id, get_visit),
    );
    view! {
        <RequireUser
            allow=is_staff
            children=move |_| view! { <Visit data save add_action done/> }
        />
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum SaveState {
    Idle,
    Saving,
    Saved,
    Invalid,
    Conflict,
    Failed,
}

#[component]
fn Visit(
    data: Resource<Result<VisitView, AppError>>,
    save: ServerAction<SaveVisit>,
    add_action: ServerAction<AddAction>,
    done: ServerAction<SetActionDone>,
) -> impl IntoView {
    view! {
        <Loaded resource=data let:v>
            <VisitEditor v=v save=save add_action=add_action done=done/>
        </Loaded>
    }
}

/// Reads the report form the way it would be posted.
#[cfg(feature = "hydrate")]
fn read_form(form: &web_sys::HtmlFormElement) -> Option<VisitForm> {
    let data = web_sys::FormData::new_with_form(form).ok()?;
    let mut names = vec![
        "visit_on".to_string(),
        "status".into(),
        "attendees".into(),
        "topics".into(),
        "report".into(),
    ];
    for a in Approach::ALL {
        for prefix in ["used", "response", "note"] {
            names.push(format!("{prefix}_{}", a.as_str()));
        }
    }
    let pairs: Vec<(String, String)> = names
        .into_iter()
        .filter_map(|n| {
            let key = format!("report[{n}]");
            data.get(&key).as_string().map(|v| (key, v))
        })
        .collect();
    Some(VisitForm::from_pairs(&pairs))
}

#[component]
fn VisitEditor(
    v: VisitView,
    save: ServerAction<SaveVisit>,
    add_action: ServerAction<AddAction>,
    done: ServerAction<SetActionDone>,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = v.id;
    let version = RwSignal::new(v.version);
    let state = RwSignal::new(SaveState::Idle);
    // Errors of an explicit save with JavaScript; without it they come back with the page.
    let explicit_error = RwSignal::new(None::<AppError>);
    let posted_error = action_errors(save);
    let error = Signal::derive(move || explicit_error.get().or_else(|| posted_error.get()));

    // The newest unsaved state of the form; saves go out one at a time, each naming the
    // version the previous one produced.
    let pending = StoredValue::new(None::<VisitForm>);
    let busy = StoredValue::new(false);
    let generation = StoredValue::new(0u64);
    let flush = move |explicit: bool| {
        if busy.get_value() || state.get_untracked() == SaveState::Conflict {
            return;
        }
        busy.set_value(true);
        leptos::task::spawn_local(async move {
            while let Some(form) = pending.try_update_value(Option::take).flatten() {
                state.set(SaveState::Saving);
                match crate::coach::save_visit(id, version.get_untracked(), form.clone()).await {
                    Ok(s) => {
                        version.set(s.version);
                        state.set(SaveState::Saved);
                        explicit_error.set(None);
                    }
                    Err(AppError::Conflict) => {
                        state.set(SaveState::Conflict);
                        break;
                    }
                    // Half-typed input (a ticked approach without its response yet) waits for
                    // the next change; only the save button shows what is missing, so focus
                    // never jumps away while typing.
                    Err(e @ AppError::Invalid(_)) => {
                        state.set(SaveState::Invalid);
                        if explicit {
                            explicit_error.set(Some(e));
                        }
                    }
                    Err(_) => {
                        pending.update_value(|p| {
                            if p.is_none() {
                                *p = Some(form);
                            }
                        });
                        state.set(SaveState::Failed);
                        break;
                    }
                }
            }
            busy.set_value(false);
        });
    };
    #[cfg(feature = "hydrate")]
    let read = |ev: &leptos::ev::Event| {
        use leptos::wasm_bindgen::JsCast;
        ev.current_target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlFormElement>().ok())
            .and_then(|f| read_form(&f))
    };
    let on_input = move |_ev: leptos::ev::Event| {
        #[cfg(feature = "hydrate")]
        {
            pending.set_value(read(&_ev));
            generation.update_value(|g| *g += 1);
            let mine = generation.get_value();
            leptos::task::spawn_local(async move {
                gloo_timers::future::TimeoutFuture::new(1_000).await;
                if generation.get_value() == mine {
                    flush(false);
                }
            });
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = (pending, generation, flush);
    };
    let on_submit = move |_ev: leptos::ev::SubmitEvent| {
        #[cfg(feature = "hydrate")]
        {
            _ev.prevent_default();
            pending.set_value(read(&_ev));
            generation.update_value(|g| *g += 1);
            flush(true);
        }
    };
    let status_text = move || {
        let l = i18n.get_locale();
        match state.get() {
            SaveState::Idle => None,
            SaveState::Saving => Some(td_string!(l, visit.saving).to_string()),
            SaveState::Saved => Some(td_string!(l, visit.saved).to_string()),
            SaveState::Invalid => Some(td_string!(l, visit.not_saved_invalid).to_string()),
            SaveState::Conflict => Some(td_string!(l, visit.conflict).to_string()),
            SaveState::Failed => Some(td_string!(l, visit.save_failed).to_string()),
        }
    };
    let c = v.content.clone();
    let kept_approaches = move || {
        error
            .get()
            .and_then(|e| {
                e.form_errors()
                    .and_then(|f| f.value_of(Field::Approaches).map(str::to_owned))
            })
            .and_then(|j| serde_json::from_str::<Vec<ApproachEntry>>(&j).ok())
    };
    let stored = c.approaches.clone();
    let approaches = move || kept_approaches().unwrap_or_else(|| stored.clone());
    let company = (v.company_id, v.company_name.clone());
    let visit_on = crate::domain::parse_date(&c.visit_on).ok();
    let title = Signal::derive(move || {
        let l = i18n.get_locale();
        let day = visit_on.map(|d| format_day(l, d)).unwrap_or_default();
        td_string!(l, visit.title, date = day).to_string()
    });
    let status = c.status.clone();
    view! {
        <Breadcrumbs
            label=Signal::derive(move || td_string!(i18n.get_locale(), layout.breadcrumbs).to_string())
            crumbs=Signal::derive({
                let company = company.clone();
                move || vec![
                    home_crumb(i18n.get_locale()),
                    Crumb { label: company.1.clone(), href: format!("/companies/{}#visits", company.0) },
                ]
            })
        />
        <PageTitle text=title/>
        <p class="muted">{company.1.clone()}" · "{t!(i18n, visit.coach)}": "{v.coach.clone()}
            {v.updated_by.clone().map(|who| view! { " · " {move || td_string!(i18n.get_locale(), visit.last_saved, who = who.as_str(), at = format_datetime(i18n.get_locale(), v.updated_at)).to_string()} })}
        </p>
        <p><a class="button button--secondary" href=format!("/visits/{}/brief", id)>{t!(i18n, visit.brief_link)}</a></p>
        <RefusedVersions refused=v.refused.clone()/>
        <ErrorSummary error=error/>
        <form method="post" action="/api/save_visit" class="form visit-form" novalidate=true on:input=on_input on:submit=on_submit>
            <input type="hidden" name="id" value=id.0/>
            <input type="hidden" name="version" prop:value=move || version.get().to_string() value=v.version/>
            <div class="form-grid">
                <TextField field=Field::VisitDate name="report[visit_on]" error=error value=c.visit_on.clone() required=true autocomplete="off"/>
                <div class="field">
                    <label for="status">{t!(i18n, field.status)}</label>
                    <select id="status" name="report[status]">
                        {["planned", "done"].into_iter().map(|s| {
                            let sel = s == status;
                            view! { <option value=s selected=sel>{move || status_label(i18n.get_locale(), s)}</option> }
                        }).collect_view()}
                    </select>
                </div>
            </div>
            <TextAreaField field=Field::Attendees name="report[attendees]" error=error rows=2 value=c.attendees.clone() optional=true/>
            <TextAreaField field=Field::Topics name="report[topics]" error=error rows=2 value=c.topics.clone() optional=true/>
            <fieldset class="approaches" id="approaches">
                <legend>{t!(i18n, visit.approaches_legend)}</legend>
                <p class="hint">{t!(i18n, visit.approaches_hint)}</p>
                {move || {
                    let current = approaches();
                    Approach::ALL.into_iter().map(|a| {
                        let entry = current.iter().find(|e| e.approach == a.as_str()).cloned();
                        view! { <ApproachFields approach=a entry=entry/> }
                    }).collect_view()
                }}
            </fieldset>
            <TextAreaField field=Field::Report name="report[report]" error=error rows=10 value=c.report.clone() optional=true/>
            <div class="form-actions">
                <button type="submit" class="button">{t!(i18n, visit.save)}</button>
                <p class="save-status" role="status" aria-live="polite"
                    class:save-status--failed=move || matches!(state.get(), SaveState::Conflict | SaveState::Failed | SaveState::Invalid)>
                    {status_text}
                </p>
            </div>
        </form>
        {move || (state.get() == SaveState::Conflict).then(|| view! {
            <div class="notice notice--warning" role="alert">
                <p>{t!(i18n, visit.conflict_help)}</p>
                <p><a href=format!("/visits/{}", id)>{t!(i18n, visit.reload)}</a></p>
            </div>
        })}
        <section aria-labelledby="visit-actions-title" class="stack">
            <h2 id="visit-actions-title">{t!(i18n, visit.actions_title)}</h2>
            {if v.actions.is_empty() {
                view! { <div class="empty-state">{t!(i18n, actions.none_yet)}</div> }.into_any()
            } else {
                view! { <ActionTable actions=v.actions.clone() done_action=done/> }.into_any()
            }}
            <NewActionForm company_id=v.company_id visit_id=Some(id) action=add_action/>
        </section>
    }
}

#[component]
fn ApproachFields(approach: Approach, entry: Option<ApproachEntry>) -> impl IntoView {
    let i18n = use_i18n();
    let key = approach.as_str();
    let used = entry.is_some();
    let response = entry
        .as_ref()
        .map(|e| e.response.clone())
        .unwrap_or_default();
    let note = entry.map(|e| e.note).unwrap_or_default();
    let used_id = format!("used_{key}");
    let note_id = format!("note_{key}");
    view! {
        <div class="approach">
            <div class="field field--check">
                <input type="checkbox" id=used_id.clone() name=format!("report[used_{key}]") value="on" checked=used/>
                <label for=used_id>{move || approach_label(i18n.get_locale(), key)}</label>
            </div>
            <fieldset class="approach__response">
                <legend>{move || td_string!(i18n.get_locale(), visit.response_legend, approach = approach_label(i18n.get_locale(), key)).to_string()}</legend>
                <div class="cluster">
                    {Response::ALL.into_iter().map(|r| {
                        let rid = format!("response_{key}_{}", r.as_str());
                        let checked = response == r.as_str();
                        view! {
                            <span class="choice">
                                <input type="radio" id=rid.clone() name=format!("report[response_{key}]") value=r.as_str() checked=checked/>
                                <label for=rid>{move || response_label(i18n.get_locale(), r.as_str())}</label>
                            </span>
                        }
                    }).collect_view()}
                </div>
            </fieldset>
            <div class="field">
                <label for=note_id.clone()>{move || td_string!(i18n.get_locale(), visit.approach_note, approach = approach_label(i18n.get_locale(), key)).to_string()}</label>
                <input type="text" id=note_id name=format!("report[note_{key}]") value=note/>
            </div>
        </div>
    }
}

/// Texts whose save was refused because a colleague saved first: kept to copy from.
#[component]
fn RefusedVersions(refused: Vec<RefusedVersion>) -> impl IntoView {
    let i18n = use_i18n();
    (!refused.is_empty()).then(|| {
        let n = refused.len();
        view! {
            <details class="panel refused">
                <summary>{move || td_string!(i18n.get_locale(), visit.refused_title, count = n).to_string()}</summary>
                <p class="hint">{t!(i18n, visit.refused_hint)}</p>
                {refused.into_iter().map(|r| view! {
                    <article class="refused__item">
                        <h3>{move || td_string!(i18n.get_locale(), visit.refused_by, who = r.author.as_str(), at = format_datetime(i18n.get_locale(), r.at)).to_string()}</h3>
                        <dl class="summary-list">
                            <dt>{t!(i18n, field.attendees)}</dt><dd>{r.content.attendees.clone()}</dd>
                            <dt>{t!(i18n, field.topics)}</dt><dd>{r.content.topics.clone()}</dd>
                            <dt>{t!(i18n, field.report)}</dt><dd class="preserve">{r.content.report.clone()}</dd>
                        </dl>
                    </article>
                }).collect_view()}
            </details>
        }
    })
}
