//! One step of the scan: one dimension, a progress bar, answers saved as they are given.
use super::question::{QuestionField, Saver};
use super::text::{dimension_name, tr};
use crate::AppError;
use crate::domain::{Role, ScanId};
use crate::i18n::*;
use crate::layout::RequireUser;
use crate::scan::types::{Progress, ScanDraft};
use crate::scan::{get_scan_draft, save_answer};
use crate::ui::{Breadcrumbs, Crumb, Loaded, PageTitle};
use leptos::prelude::*;
use leptos_router::components::Redirect;
use leptos_router::hooks::use_params_map;
use serde_json::Value;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum SaveState {
    Idle,
    Saving,
    Saved,
    Retrying,
    Failed,
}

/// The data is created here, outside the guard: the guard's `Suspense`
/// walks its children more than once on the server, and a resource created in there would be
/// fetched once per walk.
#[component]
pub fn ScanStepPage() -> impl IntoView {
    let id = crate::ui::route_param::<ScanId>("id");
    let data = Resource::new(id, |id| crate::ui::load_by_id(id, get_scan_draft));
    view! {
        <RequireUser
            allow=|u| u.role == Role::Entrepreneur
            children=move |_| view! { <ScanStep data/> }
        />
    }
}

#[component]
fn ScanStep(data: Resource<Result<ScanDraft, AppError>>) -> impl IntoView {
    let params = use_params_map();
    let step = move || {
        params
            .with(|p| p.get("step"))
            .and_then(|s| s.parse::<usize>().ok())
            .unwrap_or(1)
    };
    view! {
        <Loaded resource=data let:d>
            {if d.submitted {
                view! { <Redirect path=format!("/scans/{}", d.scan_id)/> }.into_any()
            } else {
                let n = step().clamp(1, d.questionnaire.dimensions.len().max(1));
                view! { <StepForm draft=d step=n/> }.into_any()
            }}
        </Loaded>
    }
}

#[component]
fn StepForm(draft: ScanDraft, step: usize) -> impl IntoView {
    let i18n = use_i18n();
    let q = draft.questionnaire.clone();
    let steps = q.dimensions.len();
    let dim = q.dimensions[step - 1].clone();
    let scan_id = draft.scan_id;
    let total = q.questions.len();
    let progress = RwSignal::new(Progress {
        answered: draft.answers.len(),
        total,
    });
    let state = RwSignal::new(SaveState::Idle);

    // Each change is saved at once. Saves go out one at a time and only the newest answer of a
    // question is sent, so a slow request can never overwrite a later answer. A failed save
    // is retried with growing pauses.
    let pending = StoredValue::new(std::collections::BTreeMap::<String, Option<Value>>::new());
    let busy = StoredValue::new(false);
    let saver: Saver = Callback::new(move |(question, value): (String, Option<Value>)| {
        pending.update_value(|p| {
            p.insert(question, value);
        });
        state.set(SaveState::Saving);
        if busy.get_value() {
            return;
        }
        busy.set_value(true);
        leptos::task::spawn_local(async move {
            loop {
                let next = pending.try_update_value(|p| p.pop_first()).flatten();
                let Some((question, value)) = next else { break };
                let body = value.map(|v| v.to_string());
                let mut saved = false;
                for attempt in 0..6u32 {
                    match save_answer(scan_id, question.clone(), body.clone()).await {
                        Ok(p) => {
                            progress.set(p);
                            saved = true;
                            break;
                        }
                        Err(AppError::Invalid(_)) => break,
                        Err(_) => {
                            state.set(SaveState::Retrying);
                            #[cfg(feature = "hydrate")]
                            gloo_timers::future::TimeoutFuture::new(500 * 2u32.pow(attempt)).await;
                            #[cfg(not(feature = "hydrate"))]
                            let _ = attempt;
                        }
                    }
                }
                if !saved {
                    busy.set_value(false);
                    state.set(SaveState::Failed);
                    return;
                }
            }
            busy.set_value(false);
            state.set(SaveState::Saved);
        });
    });

    let dim_name = {
        let q = q.clone();
        let id = dim.id.clone();
        move || dimension_name(i18n.get_locale(), &q, &id)
    };
    let title = Signal::derive({
        let dim_name = dim_name.clone();
        move || {
            td_string!(
                i18n.get_locale(),
                scan.step_title,
                step = step,
                steps = steps,
                dimension = dim_name()
            )
            .to_string()
        }
    });
    let explain = (dim.explain.nl.clone(), dim.explain.en.clone());
    let company = (draft.company_id, draft.company_name.clone());
    let questions = q
        .questions_of(&dim.id)
        .map(|question| {
            let confirmed = draft.answer(&question.id).cloned();
            let prefilled = confirmed.is_none() && draft.prefilled(&question.id).is_some();
            let value = confirmed.or_else(|| draft.prefilled(&question.id).cloned());
            view! { <QuestionField questionnaire=q.clone() question=question.clone() value=value prefilled=prefilled saver=saver/> }
        })
        .collect_view();
    let status = move || match state.get() {
        SaveState::Idle => None,
        SaveState::Saving => Some(td_string!(i18n.get_locale(), scan.saving)),
        SaveState::Saved => Some(td_string!(i18n.get_locale(), scan.saved)),
        SaveState::Retrying => Some(td_string!(i18n.get_locale(), scan.retrying)),
        SaveState::Failed => Some(td_string!(i18n.get_locale(), scan.save_failed)),
    };
    let action = format!("/scans/{scan_id}/step/{step}/save");
    view! {
        <Breadcrumbs
            label=Signal::derive(move || td_string!(i18n.get_locale(), layout.breadcrumbs).to_string())
            crumbs=Signal::derive(move || vec![
                Crumb { label: td_string!(i18n.get_locale(), nav.home).to_string(), href: "/".into() },
                Crumb { label: company.1.clone(), href: format!("/companies/{}#scan", company.0) },
            ])
        />
        <PageTitle text=title/>
        <div class="scan-progress">
            <p>{move || td_string!(i18n.get_locale(), scan.progress, answered = progress.get().answered, total = progress.get().total, percent = progress.get().percent())}</p>
            <progress max=move || progress.get().total value=move || progress.get().answered aria-label=move || td_string!(i18n.get_locale(), scan.progress_label)></progress>
        </div>
        <p class="lead">{move || tr(i18n.get_locale(), &explain.0, &explain.1).to_owned()}</p>
        {(step == 1).then(|| view! {
            <div class="notice">
                <p>{t!(i18n, scan.profile_check)}</p>
                <a href=format!("/companies/{}/profile?next=/scans/{scan_id}/step/1", company.0)>{t!(i18n, scan.profile_check_link)}</a>
            </div>
        })}
        <form method="post" action=action class="form scan-form">
            {questions}
            <div class="form-actions">
                {(step > 1).then(|| view! { <button type="submit" name="nav" value="back" class="button button--secondary">{t!(i18n, scan.previous)}</button> })}
                {if step < steps {
                    view! { <button type="submit" name="nav" value="next" class="button">{t!(i18n, scan.save_next)}</button> }.into_any()
                } else {
                    view! { <button type="submit" name="nav" value="review" class="button">{t!(i18n, scan.save_review)}</button> }.into_any()
                }}
            </div>
        </form>
        <p class="save-status" role="status" aria-live="polite" class:save-status--failed=move || state.get() == SaveState::Failed>{status}</p>
    }
}
