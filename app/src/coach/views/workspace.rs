//! The coach's part of the company dossier (coaches, scans to review, visits, actions, the
//! timeline) and, for the company's entrepreneurs, their actions and what was shared.
use super::actions::ActionTable;
use super::status_label;
use super::timeline::TimelineSection;
use crate::coach::{
    AddAction, AddCoCoach, AddNote, AnswerCoCoaching, ColleagueHint, Dossier, HandOver,
    JoinCoaching, PlanVisit, PortalCoaching, RemoveCoCoach, RequestCoCoaching, SetActionDone,
    Timeline, Workspace,
};
use crate::domain::{CompanyId, Field};
use crate::i18n::*;
use crate::scan::views::text::{band_name, dimension_name, tr};
use crate::ui::{
    ErrorSummary, SelectField, TextAreaField, TextField, action_errors, format_date, format_day,
    format_score,
};
use leptos::prelude::*;

/// The server actions of the coaching part of a company page. The page creates them, so that
/// its one resource reloads after any of them, and a refused form without JavaScript comes
/// back with its errors.
#[derive(Clone, Copy)]
pub struct WorkspaceActions {
    pub add_co: ServerAction<AddCoCoach>,
    pub remove_co: ServerAction<RemoveCoCoach>,
    pub ask: ServerAction<RequestCoCoaching>,
    pub answer: ServerAction<AnswerCoCoaching>,
    pub hand_over: ServerAction<HandOver>,
    pub plan: ServerAction<PlanVisit>,
    pub add_action: ServerAction<AddAction>,
    pub done: ServerAction<SetActionDone>,
    pub note: ServerAction<AddNote>,
    pub recommend: ServerAction<crate::experts::RecommendExperts>,
    pub contact: ServerAction<crate::experts::ContactExpert>,
    pub apply: ServerAction<crate::contributions::ApplyContribution>,
    pub decide: ServerAction<crate::contributions::DecideContribution>,
    pub engage: ServerAction<crate::experts::UpdateEngagement>,
}

impl WorkspaceActions {
    pub fn new() -> Self {
        Self {
            add_co: ServerAction::new(),
            remove_co: ServerAction::new(),
            ask: ServerAction::new(),
            answer: ServerAction::new(),
            hand_over: ServerAction::new(),
            plan: ServerAction::new(),
            add_action: ServerAction::new(),
            done: ServerAction::new(),
            note: ServerAction::new(),
            recommend: ServerAction::new(),
            contact: ServerAction::new(),
            apply: ServerAction::new(),
            decide: ServerAction::new(),
            engage: ServerAction::new(),
        }
    }

    /// Changes whenever one of the actions completed: the page reloads its data on it.
    pub fn versions(&self) -> [usize; 14] {
        [
            self.add_co.version().get(),
            self.remove_co.version().get(),
            self.ask.version().get(),
            self.answer.version().get(),
            self.hand_over.version().get(),
            self.plan.version().get(),
            self.add_action.version().get(),
            self.done.version().get(),
            self.note.version().get(),
            self.recommend.version().get(),
            self.contact.version().get(),
            self.apply.version().get(),
            self.decide.version().get(),
            self.engage.version().get(),
        ]
    }
}

impl Default for WorkspaceActions {
    fn default() -> Self {
        Self::new()
    }
}

/// The coaching part of a company page, from data loaded with the page (no nested loading).
#[component]
pub fn WorkspaceSection(
    company_id: CompanyId,
    dossier: Dossier,
    actions: WorkspaceActions,
) -> impl IntoView {
    let i18n = use_i18n();
    let Dossier {
        workspace,
        portal,
        timeline,
        recommend,
        recommended,
        contributions,
        join,
    } = dossier;
    let a = actions;
    view! {
        {join.map(|j| view! { <JoinSection company_id=company_id join=j ask=a.ask/> })}
        {workspace.map(|w| {
            view! {
                <div class="workspace">
                    <h2 class="visually-hidden">{t!(i18n, coaching.workspace)}</h2>
                    <Panels w=w a=a/>
                    {recommend.clone().map(|p| view! { <crate::experts::RecommendSection company_id=company_id panel=p action=a.recommend engage=a.engage/> })}
                    {contributions.clone().map(|p| view! { <crate::contributions::ContributionsSection company_id=company_id panel=p apply=a.apply decide=a.decide/> })}
                    {timeline.clone().map(|t| view! { <TimelineSection company_id=company_id timeline=t note=a.note/> })}
                </div>
            }
        })}
        {portal.map(|p| view! { <PortalCoaching company_id=company_id p=p done=a.done timeline=timeline.clone() recommended=recommended.clone() contact=a.contact/> })}
    }
    // Erased: the company page's view type is otherwise too deep for a release build.
    .into_any()
}

/// For a coach who does not coach the company: who does, and a request to join them.
#[component]
fn JoinSection(
    company_id: CompanyId,
    join: JoinCoaching,
    ask: ServerAction<RequestCoCoaching>,
) -> impl IntoView {
    let i18n = use_i18n();
    let error = action_errors(ask);
    let requested = join.requested_at;
    view! {
        <section aria-labelledby="join-title" class="stack" id="coaches">
            <h2 id="join-title">{t!(i18n, coaching.join_title)}</h2>
            <dl class="summary-list">
                <dt>{t!(i18n, field.primary_coach)}</dt>
                <dd>{join.primary_coach.clone().unwrap_or_else(|| "-".into())}</dd>
                <dt>{t!(i18n, coaching.co_coaches)}</dt>
                <dd>{if join.co_coaches.is_empty() { "-".to_owned() } else { join.co_coaches.join(", ") }}</dd>
            </dl>
            {match requested {
                Some(at) => view! {
                    <div class="notice" role="status">
                        {move || td_string!(i18n.get_locale(), coaching.join_requested, date = format_date(i18n.get_locale(), at)).to_string()}
                    </div>
                }.into_any(),
                None => view! {
                    <p>{t!(i18n, coaching.join_intro)}</p>
                    <ErrorSummary error=error/>
                    <ActionForm action=ask attr:class="inline-form">
                        <input type="hidden" name="company_id" value=company_id.0/>
                        <button type="submit" class="button">{t!(i18n, coaching.join_submit)}</button>
                    </ActionForm>
                }.into_any(),
            }}
        </section>
    }
}

#[component]
fn Panels(w: Workspace, a: WorkspaceActions) -> impl IntoView {
    let WorkspaceActions {
        add_co,
        remove_co,
        answer,
        hand_over,
        plan,
        add_action,
        done,
        ..
    } = a;
    let i18n = use_i18n();
    let company_id = w.company_id;
    view! {
        <ScansToReview w=w.clone()/>
        <Visits w=w.clone() plan=plan/>
        <section aria-labelledby="actions-title" class="stack" id="actions">
            <h2 id="actions-title">{t!(i18n, actions.title)}</h2>
            {if w.actions.is_empty() {
                view! { <div class="empty-state">{t!(i18n, actions.none_yet)}</div> }.into_any()
            } else {
                view! { <ActionTable actions=w.actions.clone() done_action=done/> }.into_any()
            }}
            <NewActionForm company_id=company_id visit_id=None action=add_action/>
        </section>
        <Coaches w=w.clone() add_co=add_co remove_co=remove_co answer=answer hand_over=hand_over/>
        <Colleagues hint=w.colleagues.clone()/>
    }
    .into_any()
}

#[component]
fn ScansToReview(w: Workspace) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section aria-labelledby="review-title" class="stack" id="review">
            <h2 id="review-title">{t!(i18n, review.section_title)}</h2>
            {if w.scans.is_empty() {
                view! { <div class="empty-state">{t!(i18n, review.nothing)}</div> }.into_any()
            } else {
                view! {
                    <ul class="link-list">
                        {w.scans.into_iter().rev().map(|s| view! {
                            <li>
                                <a href=format!("/scans/{}/coach", s.scan_id)>
                                    {move || td_string!(i18n.get_locale(), review.link, round = crate::scan::types::round_label(s.round), respondent = s.respondent.as_str()).to_string()}
                                </a>
                                " · "{move || format_score(i18n.get_locale(), s.overall)}" · "{move || band_name(i18n.get_locale(), &s.band)}
                                " · "{move || td_string!(i18n.get_locale(), review.progress, reviewed = s.reviewed, flagged = s.flagged).to_string()}
                            </li>
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>
    }
}

#[component]
fn Visits(w: Workspace, plan: ServerAction<PlanVisit>) -> impl IntoView {
    let i18n = use_i18n();
    let error = action_errors(plan);
    view! {
        <section aria-labelledby="visits-title" class="stack" id="visits">
            <h2 id="visits-title">{t!(i18n, visit.section_title)}</h2>
            {if w.visits.is_empty() {
                view! { <div class="empty-state">{t!(i18n, visit.none_yet)}</div> }.into_any()
            } else {
                view! {
                    <div class="table-wrap">
                        <table class="data-table">
                            <caption class="visually-hidden">{t!(i18n, visit.section_title)}</caption>
                            <thead>
                                <tr>
                                    <th scope="col">{t!(i18n, field.visit_on)}</th>
                                    <th scope="col">{t!(i18n, field.status)}</th>
                                    <th scope="col">{t!(i18n, visit.coach)}</th>
                                    <th scope="col">{t!(i18n, field.topics)}</th>
                                    <th scope="col">{t!(i18n, visit.brief)}</th>
                                </tr>
                            </thead>
                            <tbody>
                                {w.visits.into_iter().map(|v| {
                                    let status = v.status.clone();
                                    view! {
                                        <tr>
                                            <td><a href=format!("/visits/{}", v.id)>{move || format_day(i18n.get_locale(), v.visit_on)}</a></td>
                                            <td>{move || status_label(i18n.get_locale(), &status)}</td>
                                            <td>{v.coach.clone()}</td>
                                            <td>{v.topics.clone()}</td>
                                            <td><a href=format!("/visits/{}/brief", v.id)>{t!(i18n, visit.brief_link)}</a></td>
                                        </tr>
                                    }
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                }.into_any()
            }}
            <h3>{t!(i18n, visit.plan_title)}</h3>
            <ErrorSummary error=error/>
            <ActionForm action=plan attr:class="form form--inline" attr:novalidate=true>
                <input type="hidden" name="company_id" value=w.company_id.0/>
                <TextField field=Field::VisitDate error=error required=true autocomplete="off"/>
                <div class="form-actions">
                    <button type="submit" class="button">{t!(i18n, visit.plan_submit)}</button>
                </div>
            </ActionForm>
        </section>
    }
}

/// The form for a new agreed action (on the dossier, or on a visit's page).
#[component]
pub fn NewActionForm(
    company_id: CompanyId,
    visit_id: Option<crate::domain::VisitId>,
    action: ServerAction<AddAction>,
) -> impl IntoView {
    let i18n = use_i18n();
    let error = action_errors(action);
    let owners = Signal::derive(move || {
        let l = i18n.get_locale();
        vec![
            (
                "entrepreneur".to_string(),
                super::owner_label(l, "entrepreneur").to_string(),
            ),
            (
                "coach".to_string(),
                super::owner_label(l, "coach").to_string(),
            ),
        ]
    });
    let saved = move || action.value().get().is_some_and(|r| r.is_ok());
    view! {
        <details class="panel" open=move || error.get().is_some()>
            <summary>{t!(i18n, actions.add)}</summary>
            <ErrorSummary error=error/>
            <ActionForm action=action attr:class="form" attr:novalidate=true>
                <input type="hidden" name="company_id" value=company_id.0/>
                {visit_id.map(|v| view! { <input type="hidden" name="visit_id" value=v.0/> })}
                <TextField field=Field::ActionText error=error required=true/>
                <SelectField field=Field::ActionOwner error=error options=owners value="entrepreneur".to_string()/>
                <TextField field=Field::DueDate error=error required=true autocomplete="off"/>
                <div class="form-actions">
                    <button type="submit" class="button">{t!(i18n, actions.add_submit)}</button>
                </div>
            </ActionForm>
        </details>
        {move || saved().then(|| view! { <div class="notice notice--success" role="status">{t!(i18n, actions.added)}</div> })}
    }
}

#[component]
fn Coaches(
    w: Workspace,
    add_co: ServerAction<AddCoCoach>,
    remove_co: ServerAction<RemoveCoCoach>,
    answer: ServerAction<AnswerCoCoaching>,
    hand_over: ServerAction<HandOver>,
) -> impl IntoView {
    let i18n = use_i18n();
    let co_error = action_errors(add_co);
    let ho_error = action_errors(hand_over);
    let handed = move || hand_over.value().get().is_some_and(|r| r.is_ok());
    let primary_id = w.primary_coach.as_ref().map(|p| p.id);
    let co_ids: Vec<_> = w.co_coaches.iter().map(|p| p.id).collect();
    let candidates: Vec<(String, String)> = w
        .staff
        .iter()
        .filter(|p| Some(p.id) != primary_id && !co_ids.contains(&p.id))
        .map(|p| (p.id.0.to_string(), p.name.clone()))
        .collect();
    let others: Vec<(String, String)> = w
        .staff
        .iter()
        .filter(|p| Some(p.id) != primary_id)
        .map(|p| (p.id.0.to_string(), p.name.clone()))
        .collect();
    let company_id = w.company_id;
    view! {
        <section aria-labelledby="coaches-title" class="stack" id="coaches">
            <h2 id="coaches-title">{t!(i18n, coaching.title)}</h2>
            {move || handed().then(|| view! { <div class="notice notice--success" role="status">{t!(i18n, coaching.handed_over)}</div> })}
            <dl class="summary-list">
                <dt>{t!(i18n, field.primary_coach)}</dt>
                <dd>{w.primary_coach.clone().map(|p| format!("{} · {}", p.name, p.email)).unwrap_or_else(|| "-".into())}</dd>
                <dt>{t!(i18n, coaching.co_coaches)}</dt>
                <dd>
                    {if w.co_coaches.is_empty() {
                        "-".into_any()
                    } else {
                        view! {
                            <ul class="plain-list">
                                {w.co_coaches.clone().into_iter().map(|p| {
                                    let name = p.name.clone();
                                    let removable = w.removable.contains(&p.id);
                                    view! {
                                        <li>
                                            {p.name.clone()}" · "{p.email.clone()}" "
                                            {removable.then(|| view! {
                                                <ActionForm action=remove_co attr:class="inline-form">
                                                    <input type="hidden" name="company_id" value=company_id.0/>
                                                    <input type="hidden" name="coach_id" value=p.id.0/>
                                                    <button type="submit" class="button button--small button--secondary"
                                                        aria-label=move || td_string!(i18n.get_locale(), coaching.remove_label, name = name.as_str()).to_string()>
                                                        {t!(i18n, coaching.remove)}
                                                    </button>
                                                </ActionForm>
                                            })}
                                        </li>
                                    }
                                }).collect_view()}
                            </ul>
                        }.into_any()
                    }}
                </dd>
            </dl>
            {(!w.requests.is_empty()).then(|| view! { <Requests w=w.clone() answer=answer/> })}
            {(w.can_manage_co_coaches && !candidates.is_empty()).then(|| {
                let options = candidates.clone();
                view! {
                    <details class="panel" open=move || co_error.get().is_some()>
                        <summary>{t!(i18n, coaching.add_co_coach)}</summary>
                        <ErrorSummary error=co_error/>
                        <ActionForm action=add_co attr:class="form" attr:novalidate=true>
                            <input type="hidden" name="company_id" value=company_id.0/>
                            <SelectField field=Field::CoCoach name="coach_id" error=co_error with_empty=true options=Signal::derive(move || options.clone())/>
                            <div class="form-actions">
                                <button type="submit" class="button">{t!(i18n, coaching.add_submit)}</button>
                            </div>
                        </ActionForm>
                    </details>
                }
            })}
            {w.can_hand_over.then(|| {
                let options = others.clone();
                view! {
                    <details class="panel" open=move || ho_error.get().is_some()>
                        <summary>{t!(i18n, coaching.hand_over)}</summary>
                        <p>{t!(i18n, coaching.hand_over_intro)}</p>
                        <ErrorSummary error=ho_error/>
                        <ActionForm action=hand_over attr:class="form" attr:novalidate=true>
                            <input type="hidden" name="company_id" value=company_id.0/>
                            <SelectField field=Field::Coach error=ho_error with_empty=true options=Signal::derive(move || options.clone())/>
                            <TextAreaField field=Field::HandoverNote error=ho_error rows=4/>
                            <div class="form-actions">
                                <button type="submit" class="button">{t!(i18n, coaching.hand_over_submit)}</button>
                            </div>
                        </ActionForm>
                    </details>
                }
            })}
        </section>
    }
}

/// Colleagues' requests to become co-coach, for the primary coach or a programme manager.
#[component]
fn Requests(w: Workspace, answer: ServerAction<AnswerCoCoaching>) -> impl IntoView {
    let i18n = use_i18n();
    let company_id = w.company_id;
    view! {
        <div class="panel stack">
            <h3>{t!(i18n, coaching.requests_title)}</h3>
            <ul class="plain-list">
                {w.requests.into_iter().map(|r| {
                    let name = r.coach.name.clone();
                    let (accept_name, decline_name) = (name.clone(), name.clone());
                    let at = r.requested_at;
                    view! {
                        <li>
                            {move || td_string!(i18n.get_locale(), coaching.request_line, name = name.as_str(), date = format_date(i18n.get_locale(), at)).to_string()}" "
                            // One form, two answers: the button pressed sends `accept`.
                            <ActionForm action=answer attr:class="inline-form">
                                <input type="hidden" name="company_id" value=company_id.0/>
                                <input type="hidden" name="coach_id" value=r.coach.id.0/>
                                <button type="submit" name="accept" value="true" class="button button--small"
                                    aria-label=move || td_string!(i18n.get_locale(), coaching.accept_label, name = accept_name.as_str()).to_string()>
                                    {t!(i18n, coaching.accept)}
                                </button>" "
                                <button type="submit" name="accept" value="false" class="button button--small button--secondary"
                                    aria-label=move || td_string!(i18n.get_locale(), coaching.decline_label, name = decline_name.as_str()).to_string()>
                                    {t!(i18n, coaching.decline)}
                                </button>
                            </ActionForm>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </div>
    }
}

#[component]
fn Colleagues(hint: ColleagueHint) -> impl IntoView {
    let i18n = use_i18n();
    let dim = hint.weakest.clone().zip(hint.questionnaire.clone());
    view! {
        <section aria-labelledby="colleagues-title" class="stack" id="colleagues">
            <h2 id="colleagues-title">{t!(i18n, colleagues.title)}</h2>
            {match dim {
                None => view! { <p class="muted">{t!(i18n, colleagues.no_scan)}</p> }.into_any(),
                Some((d, q)) => {
                    let topics = hint.topics.clone();
                    view! {
                        <p>{move || td_string!(i18n.get_locale(), colleagues.weakest, dimension = dimension_name(i18n.get_locale(), &q, &d)).to_string()}
                           " "
                           {move || topics.iter().map(|(nl, en)| tr(i18n.get_locale(), nl, en).to_owned()).collect::<Vec<_>>().join(", ")}
                        </p>
                        {if hint.people.is_empty() {
                            view! { <div class="empty-state">{t!(i18n, colleagues.none)}</div> }.into_any()
                        } else {
                            view! {
                                <ul class="plain-list">
                                    {hint.people.clone().into_iter().map(|(p, nl, en)| view! {
                                        <li><strong>{p.name.clone()}</strong>" · "<a href=format!("mailto:{}", p.email)>{p.email.clone()}</a>" · "{move || tr(i18n.get_locale(), &nl, &en).to_owned()}</li>
                                    }).collect_view()}
                                </ul>
                            }.into_any()
                        }}
                    }.into_any()
                }
            }}
        </section>
    }
}

/// The entrepreneur's view: the actions that are theirs, and what the coach shared.
#[component]
fn PortalCoaching(
    company_id: CompanyId,
    p: PortalCoaching,
    done: ServerAction<SetActionDone>,
    timeline: Option<Timeline>,
    recommended: Vec<crate::experts::RecommendationView>,
    contact: ServerAction<crate::experts::ContactExpert>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="workspace">
            <section aria-labelledby="my-actions-title" class="stack" id="actions">
                <h2 id="my-actions-title">{t!(i18n, actions.portal_title)}</h2>
                {if p.actions.is_empty() {
                    view! { <div class="empty-state">{t!(i18n, actions.portal_empty)}</div> }.into_any()
                } else {
                    view! { <ActionTable actions=p.actions done_action=done show_owner=false/> }.into_any()
                }}
            </section>
            <crate::experts::RecommendedExperts recommendations=recommended action=contact/>
            {timeline.map(|t| view! { <TimelineSection company_id=company_id timeline=t/> })}
        </div>
    }
}
