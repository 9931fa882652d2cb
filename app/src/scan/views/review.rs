//! The review before submitting: every question with its answer, open questions linked.
use super::text::{answer_summary, dimension_name, tr};
use crate::domain::{Role, ScanId};
use crate::i18n::*;
use crate::layout::RequireUser;
use crate::scan::SubmitScan;
use crate::scan::get_scan_draft;
use crate::scan::types::ScanDraft;
use crate::ui::{ErrorSummary, Loaded, PageTitle, action_errors};
use leptos::prelude::*;
use leptos_router::components::Redirect;

/// The data and the action are created here, outside the guard: the guard's `Suspense`
/// walks its children more than once on the server, and a resource created in there would be
/// fetched once per walk.
#[component]
pub fn ScanReviewPage() -> impl IntoView {
    let id = crate::ui::route_param::<ScanId>("id");
    let submit = ServerAction::<SubmitScan>::new();
    let data = Resource::new(id, |id| crate::ui::load_by_id(id, get_scan_draft));
    view! {
        <RequireUser
            allow=|u| u.role == Role::Entrepreneur
            children=move |_| view! { <ScanReview submit data/> }
        />
    }
}

#[component]
fn ScanReview(
    submit: ServerAction<SubmitScan>,
    data: Resource<Result<ScanDraft, crate::error::AppError>>,
) -> impl IntoView {
    view! {
        <Loaded resource=data let:d>
            {if d.submitted {
                view! { <Redirect path=format!("/scans/{}", d.scan_id)/> }.into_any()
            } else {
                view! { <Review draft=d submit=submit/> }.into_any()
            }}
        </Loaded>
    }
}

#[component]
fn Review(draft: ScanDraft, submit: ServerAction<SubmitScan>) -> impl IntoView {
    let i18n = use_i18n();
    let error = action_errors(submit);
    let q = draft.questionnaire.clone();
    let scan_id = draft.scan_id;
    let step_of = {
        let q = q.clone();
        move |qid: &str| {
            let dim = q
                .question(qid)
                .map(|x| x.dimension.clone())
                .unwrap_or_default();
            q.dimensions
                .iter()
                .position(|d| d.id == dim)
                .map(|i| i + 1)
                .unwrap_or(1)
        }
    };
    let open: Vec<(String, String, String, usize)> = q
        .questions
        .iter()
        .filter(|x| draft.answer(&x.id).is_none())
        .map(|x| (x.id.clone(), x.nl.clone(), x.en.clone(), step_of(&x.id)))
        .collect();
    let complete = open.is_empty();
    let sections = q
        .dimensions
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let did = d.id.clone();
            let qq = q.clone();
            let items = q
                .questions_of(&d.id)
                .map(|question| {
                    let answer = draft.answer(&question.id).cloned();
                    let text = (question.nl.clone(), question.en.clone());
                    let (qq2, question2) = (qq.clone(), question.clone());
                    let href = format!("/scans/{scan_id}/step/{}#{}", i + 1, question.id);
                    view! {
                        <dt>{move || tr(i18n.get_locale(), &text.0, &text.1).to_owned()}</dt>
                        <dd>
                            {move || match &answer {
                                Some(v) => answer_summary(i18n.get_locale(), &qq2, &question2, v),
                                None => td_string!(i18n.get_locale(), scan.not_answered).to_owned(),
                            }}
                            " "<a href=href>{t!(i18n, scan.change)}</a>
                        </dd>
                    }
                })
                .collect_view();
            view! {
                <section class="stack">
                    <h2>{move || dimension_name(i18n.get_locale(), &qq, &did)}</h2>
                    <dl class="summary-list">{items}</dl>
                </section>
            }
        })
        .collect_view();
    view! {
        <a class="back-link" href=format!("/scans/{scan_id}/step/{}", q.dimensions.len())>{t!(i18n, scan.back_to_steps)}</a>
        <PageTitle text=Signal::derive(move || td_string!(i18n.get_locale(), scan.review_title).to_string())/>
        <ErrorSummary error=error/>
        {(!complete).then(|| view! {
            <div class="notice notice--warning" role="region" aria-labelledby="open-title">
                <h2 id="open-title">{t!(i18n, scan.open_questions)}</h2>
                <ul>
                    {open.into_iter().map(|(qid, nl, en, step)| view! {
                        <li><a href=format!("/scans/{scan_id}/step/{step}#{qid}")>{move || tr(i18n.get_locale(), &nl, &en).to_owned()}</a></li>
                    }).collect_view()}
                </ul>
            </div>
        })}
        {sections}
        <ActionForm action=submit attr:class="form">
            <input type="hidden" name="scan_id" value=scan_id.0/>
            <p>{t!(i18n, scan.submit_intro)}</p>
            <div class="form-actions">
                <button type="submit" class="button">{t!(i18n, scan.submit)}</button>
            </div>
        </ActionForm>
    }
}
