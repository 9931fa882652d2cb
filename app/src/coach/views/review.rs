//! The coach's review of a submitted scan before a visit: per question the entrepreneur's own
//! answer, the coach's answer where they see it differently, a note and a "check during the
//! visit" flag; and the coach score beside the entrepreneur's. Each question is its own small
//! form (posted plainly, with or without JavaScript); the entrepreneur's answers never change.
use super::{home_crumb, is_staff};
use crate::coach::{CoachReview, get_coach_review};
use crate::domain::ScanId;
use crate::i18n::*;
use crate::layout::RequireUser;
use crate::scan::types::round_label;
use crate::scan::views::question::{QuestionField, Saver};
use crate::scan::views::text::{answer_summary, dimension_name, tr};
use crate::ui::{Breadcrumbs, Crumb, Loaded, PageTitle, format_score};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// The data is created here, outside the guard: the guard's `Suspense`
/// walks its children more than once on the server, and a resource created in there would be
/// fetched once per walk.
#[component]
pub fn CoachReviewPage() -> impl IntoView {
    let id = crate::ui::route_param::<ScanId>("id");
    let data = Resource::new(id, |id| crate::ui::load_by_id(id, get_coach_review));
    view! { <RequireUser allow=is_staff children=move |_| view! { <Review data/> }/> }
}

#[component]
fn Review(data: Resource<Result<CoachReview, crate::error::AppError>>) -> impl IntoView {
    view! {
        <Loaded resource=data let:r>
            <ReviewView r=r/>
        </Loaded>
    }
}

#[component]
fn ReviewView(r: CoachReview) -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let saved = move || query.with(|m| m.get("saved"));
    let invalid = move || query.with(|m| m.get("invalid").is_some());
    let q = r.questionnaire.clone();
    let company = (r.company_id, r.company_name.clone());
    let title = Signal::derive({
        let name = r.company_name.clone();
        let round = round_label(r.round);
        move || {
            td_string!(
                i18n.get_locale(),
                review.title,
                company = name.as_str(),
                round = round.as_str()
            )
            .to_string()
        }
    });
    // The coach's own answers are saved with each question's form, never while clicking.
    let no_autosave: Saver = Callback::new(|_| {});
    let scan_id = r.scan_id;
    view! {
        <Breadcrumbs
            label=Signal::derive(move || td_string!(i18n.get_locale(), layout.breadcrumbs).to_string())
            crumbs=Signal::derive({
                let company = company.clone();
                move || vec![
                    home_crumb(i18n.get_locale()),
                    Crumb { label: company.1.clone(), href: format!("/companies/{}#review", company.0) },
                ]
            })
        />
        <PageTitle text=title/>
        <p class="lead">{t!(i18n, review.intro)}</p>
        {move || saved().map(|qid| view! { <div class="notice notice--success" role="status">{move || td_string!(i18n.get_locale(), review.saved, question = qid.as_str()).to_string()}</div> })}
        {move || invalid().then(|| view! { <div class="error-summary" role="alert"><p>{t!(i18n, review.invalid)}</p></div> })}
        <section aria-labelledby="scores-title" class="stack">
            <h2 id="scores-title">{t!(i18n, review.scores_title)}</h2>
            <div class="table-wrap">
                <table class="data-table">
                    <caption class="visually-hidden">{t!(i18n, review.scores_title)}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{t!(i18n, brief.dimension)}</th>
                            <th scope="col">{t!(i18n, review.own_score)}</th>
                            <th scope="col">{t!(i18n, review.coach_score)}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {r.dimensions.iter().cloned().map(|(d, own, coach)| {
                            let q = q.clone();
                            let differs = (own - coach).abs() > 0.05;
                            view! {
                                <tr>
                                    <th scope="row">{move || dimension_name(i18n.get_locale(), &q, &d)}</th>
                                    <td>{move || format_score(i18n.get_locale(), own)}</td>
                                    <td class:differs=differs>{move || format_score(i18n.get_locale(), coach)}</td>
                                </tr>
                            }
                        }).collect_view()}
                        <tr class="total">
                            <th scope="row">{t!(i18n, review.overall)}</th>
                            <td>{move || format_score(i18n.get_locale(), r.overall)}</td>
                            <td>{move || format_score(i18n.get_locale(), r.coach_overall)}</td>
                        </tr>
                    </tbody>
                </table>
            </div>
        </section>
        <section aria-labelledby="questions-title" class="stack">
            <h2 id="questions-title">{t!(i18n, review.questions_title)}</h2>
            {q.questions.clone().into_iter().map(|question| {
                let own = r.answer(&question.id).cloned();
                let review = r.review(&question.id).cloned();
                let coach_value = review.as_ref().and_then(|x| x.coach_answer.clone());
                let value = coach_value.clone().or_else(|| own.clone());
                let qid = question.id.clone();
                let (qa, qb, qc) = (q.clone(), q.clone(), question.clone());
                let (qd, qe) = (question.clone(), q.clone());
                let note = review.as_ref().map(|x| x.note.clone()).unwrap_or_default();
                let flagged = review.as_ref().is_some_and(|x| x.flagged);
                let text = (question.nl.clone(), question.en.clone());
                let note_id = format!("note-{qid}");
                let flag_id = format!("flag-{qid}");
                let (item_id, title_id, labelled_by) = (format!("review-{qid}"), format!("review-{qid}-title"), format!("review-{qid}-title"));
                view! {
                    <article class="review-item" id=item_id aria-labelledby=labelled_by>
                        <h3 id=title_id>{qid.clone()}" · "{move || tr(i18n.get_locale(), &text.0, &text.1).to_owned()}</h3>
                        <dl class="summary-list">
                            <dt>{t!(i18n, review.entrepreneur_answer)}</dt>
                            <dd>{move || own.as_ref().map(|v| answer_summary(i18n.get_locale(), &qa, &qc, v)).unwrap_or_else(|| "-".into())}</dd>
                            {coach_value.map(|v| view! {
                                <dt>{t!(i18n, review.coach_answer)}</dt>
                                <dd>{move || answer_summary(i18n.get_locale(), &qb, &qd, &v)}</dd>
                            })}
                        </dl>
                        <form method="post" action=format!("/scans/{scan_id}/coach/save") class="form review-form">
                            <input type="hidden" name="question" value=qid.clone()/>
                            <details class="panel">
                                <summary>{t!(i18n, review.adjust)}</summary>
                                <p class="hint">{t!(i18n, review.adjust_hint)}</p>
                                <QuestionField questionnaire=qe question=question.clone() value=value prefilled=false saver=no_autosave/>
                            </details>
                            <div class="field">
                                <label for=note_id.clone()>{t!(i18n, field.review_note)}" " <span class="label-optional">{t!(i18n, form.optional)}</span></label>
                                <textarea id=note_id name="review_note" rows="2">{note}</textarea>
                            </div>
                            <div class="field field--check">
                                <input type="checkbox" id=flag_id.clone() name="flagged" value="on" checked=flagged/>
                                <label for=flag_id>{t!(i18n, review.flag)}</label>
                            </div>
                            <div class="form-actions">
                                <button type="submit" class="button button--secondary"
                                    aria-label={let qid = qid.clone(); move || td_string!(i18n.get_locale(), review.save_label, question = qid.as_str()).to_string()}>
                                    {t!(i18n, review.save)}
                                </button>
                            </div>
                        </form>
                    </article>
                }
            }).collect_view()}
        </section>
    }
}
