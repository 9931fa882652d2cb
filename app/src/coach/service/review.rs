//! The coach's review of a submitted scan (notes, flags, coach answers and the coach score
//! they give) and the visit brief that draws on it.
use super::{action_view, coached_company};
use crate::access;
use crate::auth::CurrentUser;
use crate::coach::types::*;
use crate::domain::{CompanyId, Field, Msg, ScanId, VisitId, optional_text};
use crate::error::{AppError, FormErrors};
use crate::scan::service::{questionnaire, sharing_on, stored_answers};
use crate::scan::types::StepView;
use crate::scan::{
    Answers, Questionnaire, answer_from_value, answer_to_value, next_best_steps, score,
};
use crate::ssr::AppState;
use db::TransactionTrait;
use db::entities::{scan, scan_review};
use db::workspace::{actions, reviews, timeline, visits};
use serde_json::Value;
use std::sync::Arc;

/// A submitted scan the user may review, with its questionnaire and the entrepreneur's answers.
async fn reviewable(
    st: &AppState,
    u: &CurrentUser,
    id: ScanId,
) -> Result<
    (
        scan::Model,
        db::entities::company::Model,
        Arc<Questionnaire>,
        Answers,
    ),
    AppError,
> {
    let s = db::scans::find(&st.db, id.0)
        .await?
        .ok_or(AppError::NotFound)?;
    let (c, facts) = crate::companies::load_visible(st, u, CompanyId(s.company_id)).await?;
    if s.status != db::scans::STATUS_SUBMITTED
        || !access::can_review_scan(u, &facts, sharing_on(st, c.id).await?)
    {
        return Err(AppError::NotFound);
    }
    let q = questionnaire(st, s.questionnaire_id).await?;
    let answers = stored_answers(st, &s, &q).await?;
    Ok((s, c, q, answers))
}

/// The entrepreneur's answers with the coach's own answers in their place.
fn coach_answers(q: &Questionnaire, own: &Answers, rows: &[scan_review::Model]) -> Answers {
    let mut merged = own.clone();
    for r in rows {
        let parsed = q
            .question(&r.question_id)
            .zip(
                r.coach_answer
                    .as_deref()
                    .and_then(|j| serde_json::from_str::<Value>(j).ok()),
            )
            .and_then(|(question, v)| answer_from_value(question, &v).ok());
        if let Some(a) = parsed {
            merged.set(r.question_id.clone(), a);
        }
    }
    merged
}

pub async fn review(st: &AppState, u: &CurrentUser, id: ScanId) -> Result<CoachReview, AppError> {
    let (s, c, q, own) = reviewable(st, u, id).await?;
    crate::audit::service::read(st, u, crate::audit::service::SCAN_REVIEW, Some(s.id), c.id)
        .await?;
    let rows = reviews::of_scan(&st.db, s.id).await?;
    let coach = coach_answers(&q, &own, &rows);
    let (own_scores, coach_scores) = (score(&q, &own), score(&q, &coach));
    let respondent = db::accounts::find_by_id(&st.db, s.respondent_id)
        .await?
        .map(|r| r.name)
        .unwrap_or_default();
    Ok(CoachReview {
        scan_id: id,
        company_id: CompanyId(c.id),
        company_name: c.name,
        round: s.round,
        respondent,
        answers: q
            .questions
            .iter()
            .filter_map(|question| {
                own.get(&question.id)
                    .map(|a| (question.id.clone(), answer_to_value(question, a)))
            })
            .collect(),
        reviews: rows
            .into_iter()
            .map(|r| ReviewEntry {
                coach_answer: r
                    .coach_answer
                    .as_deref()
                    .and_then(|j| serde_json::from_str(j).ok()),
                question: r.question_id,
                note: r.note.unwrap_or_default(),
                flagged: r.flagged,
            })
            .collect(),
        dimensions: q
            .dimensions
            .iter()
            .map(|d| {
                (
                    d.id.clone(),
                    own_scores.dimension(&d.id).unwrap_or_default(),
                    coach_scores.dimension(&d.id).unwrap_or_default(),
                )
            })
            .collect(),
        overall: own_scores.overall,
        coach_overall: coach_scores.overall,
        questionnaire: (*q).clone(),
    })
}

/// Saves the review of one question. A coach answer equal to the entrepreneur's is stored as
/// "agrees" (none), so the coach score moves only where the coach really differs.
pub async fn save_review(
    st: &AppState,
    u: &CurrentUser,
    id: ScanId,
    question_id: &str,
    coach_value: Option<Value>,
    note: &str,
    flagged: bool,
) -> Result<(), AppError> {
    let (s, _, q, own) = reviewable(st, u, id).await?;
    let question = q
        .question(question_id)
        .ok_or_else(|| AppError::invalid(Field::Form, Msg::ChoiceInvalid))?;
    let mut errors = FormErrors::new();
    errors.keep(Field::ReviewNote, note);
    let note = optional_text(note, 2_000)
        .map_err(|m| errors.add(Field::ReviewNote, m))
        .ok()
        .flatten();
    let coach = match coach_value.as_ref().map(|v| answer_from_value(question, v)) {
        None => None,
        Some(Ok(a)) if a.errors(question).is_empty() => Some(a),
        Some(_) => {
            errors.add(Field::Form, Msg::AnswerInvalid(question.id.clone()));
            None
        }
    };
    errors.finish(())?;
    let differs = coach.filter(|a| own.get(&question.id) != Some(a));
    let txn = st.db.begin().await?;
    reviews::save(
        &txn,
        reviews::ReviewUpdate {
            scan_id: s.id,
            question_id: question.id.clone(),
            coach_answer: differs.map(|a| answer_to_value(question, &a).to_string()),
            note,
            flagged,
            reviewer_id: u.id.0,
        },
    )
    .await?;
    crate::audit::service::change(
        &txn,
        u,
        crate::audit::service::SCAN_REVIEW,
        Some(s.id),
        s.company_id,
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

/// The review of one question as the plain form posts it.
pub async fn save_review_form(
    st: &AppState,
    u: &CurrentUser,
    id: ScanId,
    pairs: &[(String, String)],
) -> Result<String, AppError> {
    let get = |name: &str| {
        pairs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    };
    let question_id = get("question");
    let (_, _, q, _) = reviewable(st, u, id).await?;
    let question = q
        .question(&question_id)
        .ok_or_else(|| AppError::invalid(Field::Form, Msg::ChoiceInvalid))?;
    let value = crate::scan::form::read_question(question, pairs);
    let flagged = pairs.iter().any(|(k, v)| k == "flagged" && v == "on");
    save_review(st, u, id, &question_id, value, &get("review_note"), flagged).await?;
    Ok(question_id)
}

/// Everything for one A4 before a visit.
pub async fn brief(st: &AppState, u: &CurrentUser, id: VisitId) -> Result<VisitBrief, AppError> {
    let v = visits::find(&st.db, id.0)
        .await?
        .ok_or(AppError::NotFound)?;
    let (c, _) = coached_company(st, u, CompanyId(v.company_id))
        .await
        .map_err(|_| AppError::NotFound)?;
    crate::audit::service::read(st, u, crate::audit::service::VISIT_BRIEF, Some(v.id), c.id)
        .await?;
    let coach = db::accounts::find_by_id(&st.db, v.coach_id)
        .await?
        .map(|x| x.name)
        .unwrap_or_default();
    let submitted: Vec<scan::Model> = if sharing_on(st, c.id).await? {
        db::scans::of_company(&st.db, c.id)
            .await?
            .into_iter()
            .filter(|s| s.status == db::scans::STATUS_SUBMITTED)
            .collect()
    } else {
        vec![]
    };
    let latest = submitted.iter().max_by_key(|s| (s.round, s.submitted_at));
    let mut brief_scan = None;
    let mut flagged = vec![];
    let mut talking_points = vec![];
    let mut questionnaire_out = None;
    if let Some(s) = latest {
        let q = questionnaire(st, s.questionnaire_id).await?;
        let own = stored_answers(st, s, &q).await?;
        let rows = reviews::of_scan(&st.db, s.id).await?;
        let own_scores = score(&q, &own);
        let coach_scores = (!rows.iter().all(|r| r.coach_answer.is_none()))
            .then(|| score(&q, &coach_answers(&q, &own, &rows)));
        let mut dims: Vec<(String, f64)> = own_scores
            .dimensions
            .iter()
            .map(|d| (d.dimension.clone(), d.score))
            .collect();
        dims.sort_by(|a, b| a.1.total_cmp(&b.1));
        let weakest: Vec<(String, f64, Option<f64>)> = dims
            .iter()
            .take(3)
            .map(|(d, sc)| {
                (
                    d.clone(),
                    *sc,
                    coach_scores.as_ref().and_then(|x| x.dimension(d)),
                )
            })
            .collect();
        let previous = submitted
            .iter()
            .filter(|p| p.round < s.round)
            .max_by_key(|p| (p.round, p.respondent_id == s.respondent_id, p.submitted_at));
        let mut changes = vec![];
        if let Some(p) = previous {
            let pq = questionnaire(st, p.questionnaire_id).await?;
            let prev_scores = score(&pq, &stored_answers(st, p, &pq).await?);
            changes = own_scores
                .dimensions
                .iter()
                .map(|d| {
                    (
                        d.dimension.clone(),
                        prev_scores.dimension(&d.dimension).unwrap_or_default(),
                        d.score,
                    )
                })
                .collect();
        }
        for (d, _, _) in &weakest {
            for step in next_best_steps(&q, &own, d).into_iter().take(2) {
                talking_points.push((
                    d.clone(),
                    StepView {
                        action: crate::scan::service::step_action(&step.action),
                        question: step.question,
                        choice: step.choice,
                        gain: step.gain,
                    },
                ));
            }
        }
        flagged = rows
            .iter()
            .filter(|r| r.flagged)
            .map(|r| (r.question_id.clone(), r.note.clone().unwrap_or_default()))
            .collect();
        brief_scan = Some(BriefScan {
            scan_id: ScanId(s.id),
            round: s.round,
            submitted_at: s.submitted_at,
            overall: own_scores.overall,
            coach_overall: coach_scores.as_ref().map(|x| x.overall),
            band: own_scores.band.as_str().to_owned(),
            weakest,
            changes,
            previous_round: previous.map(|p| p.round),
        });
        questionnaire_out = Some((*q).clone());
    }
    let company_actions = actions::of_company(&st.db, c.id).await?;
    let names = timeline::user_names(
        &st.db,
        company_actions.iter().filter_map(|a| a.owner_user_id),
    )
    .await?;
    let earlier: Vec<_> = visits::of_company(&st.db, c.id)
        .await?
        .into_iter()
        .filter(|x| x.id != v.id)
        .collect();
    let ids: Vec<i64> = earlier.iter().map(|x| x.id).collect();
    let approaches = visits::approaches(&st.db, &ids)
        .await?
        .into_iter()
        .filter_map(|a| {
            let on = earlier.iter().find(|x| x.id == a.visit_id)?.visit_on;
            Some(BriefApproach {
                visit_on: on,
                entry: ApproachEntry {
                    approach: a.approach,
                    response: a.response,
                    note: a.note,
                },
            })
        })
        .collect();
    Ok(VisitBrief {
        visit_id: id,
        visit_on: v.visit_on,
        company_id: CompanyId(c.id),
        municipality: c.municipality.clone(),
        sector: c.primary_sector.clone(),
        contact: c.contact_name.clone(),
        company_name: c.name.clone(),
        coach,
        questionnaire: questionnaire_out,
        scan: brief_scan,
        flagged,
        open_actions: company_actions
            .into_iter()
            .filter(|a| a.done_at.is_none())
            .map(|a| action_view(a, &c.name, &names, true))
            .collect(),
        approaches,
        talking_points,
    })
}
