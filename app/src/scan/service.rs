//! Server-side scan logic shared by the server functions and the plain form handlers:
//! access checks, autosave, submission and results. Thin callers, one place for the rules.
use super::form::read_step;
use super::types::*;
use super::{Answers, Questionnaire, answer_from_value, next_best_steps, score};
use crate::access;
use crate::auth::CurrentUser;
use crate::domain::{CompanyId, Field, Msg, ScanId};
use crate::error::{AppError, FormErrors};
use crate::ssr::AppState;
use db::TransactionTrait;
use db::entities::{company, scan};
use serde_json::Value;
use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

/// Questionnaires never change once stored, so each is parsed once per process.
pub async fn questionnaire(st: &AppState, id: i64) -> Result<Arc<Questionnaire>, AppError> {
    static CACHE: OnceLock<Mutex<HashMap<i64, Arc<Questionnaire>>>> = OnceLock::new();
    let cache = CACHE.get_or_init(Default::default);
    if let Some(q) = cache.lock().ok().and_then(|c| c.get(&id).cloned()) {
        return Ok(q);
    }
    let row = db::scans::questionnaire(&st.db, id).await?;
    let parsed = Arc::new(Questionnaire::from_json(&row.definition).map_err(|e| {
        tracing::error!(error = %e, id, "stored questionnaire does not parse");
        AppError::Internal
    })?);
    if let Ok(mut c) = cache.lock() {
        c.insert(id, parsed.clone());
    }
    Ok(parsed)
}

pub(crate) async fn sharing_on(st: &AppState, company_id: i64) -> Result<bool, AppError> {
    Ok(
        db::scans::current_consent(&st.db, company_id, db::scans::CONSENT_SHARE)
            .await?
            .is_some_and(|c| c.granted),
    )
}

/// Stored answers of a scan.
pub async fn stored_answers(
    st: &AppState,
    s: &scan::Model,
    q: &Questionnaire,
) -> Result<Answers, AppError> {
    let mut answers = Answers::new();
    for (qid, json) in db::scans::answers(&st.db, s.id).await? {
        let parsed = q
            .question(&qid)
            .zip(serde_json::from_str::<Value>(&json).ok())
            .and_then(|(question, v)| answer_from_value(question, &v).ok());
        match parsed {
            Some(a) => answers.set(qid, a),
            None => tracing::warn!(scan = s.id, question = %qid, "stored answer no longer parses"),
        }
    }
    Ok(answers)
}

/// A scan the user may fill in: their own, of a company they belong to.
async fn own_scan(
    st: &AppState,
    u: &CurrentUser,
    id: ScanId,
) -> Result<(scan::Model, company::Model), AppError> {
    let s = db::scans::find(&st.db, id.0)
        .await?
        .ok_or(AppError::NotFound)?;
    if s.respondent_id != u.id.0 {
        return Err(AppError::NotFound);
    }
    let (c, facts) = crate::companies::load_visible(st, u, CompanyId(s.company_id)).await?;
    if !access::can_fill_scan(u, &facts) {
        return Err(AppError::NotFound);
    }
    Ok((s, c))
}

fn pairs_of(values: &[(String, Value)], q: &Questionnaire) -> Vec<(String, Value)> {
    q.questions
        .iter()
        .filter_map(|qu| values.iter().find(|(id, _)| *id == qu.id).cloned())
        .collect()
}

pub async fn draft(st: &AppState, u: &CurrentUser, id: ScanId) -> Result<ScanDraft, AppError> {
    let (s, c) = own_scan(st, u, id).await?;
    let q = questionnaire(st, s.questionnaire_id).await?;
    let answers: Vec<(String, Value)> = db::scans::answers(&st.db, s.id)
        .await?
        .into_iter()
        .filter_map(|(qid, json)| serde_json::from_str(&json).ok().map(|v| (qid, v)))
        .collect();
    let prefill: Vec<(String, Value)> = s
        .prefill
        .as_deref()
        .and_then(|p| serde_json::from_str::<Value>(p).ok())
        .and_then(|v| v.get("answers").and_then(Value::as_object).cloned())
        .map(|m| m.into_iter().collect())
        .unwrap_or_default();
    Ok(ScanDraft {
        scan_id: id,
        company_id: CompanyId(c.id),
        company_name: c.name,
        round: s.round,
        submitted: s.status == db::scans::STATUS_SUBMITTED,
        answers: pairs_of(&answers, &q),
        prefill: pairs_of(&prefill, &q),
        questionnaire: (*q).clone(),
    })
}

/// Saves answers as they are given: `None` withdraws an answer (the question is open again).
/// One short transaction; refused for a submitted scan or an answer that does not fit.
pub async fn save(
    st: &AppState,
    u: &CurrentUser,
    id: ScanId,
    items: Vec<(String, Option<Value>)>,
) -> Result<Progress, AppError> {
    let (s, _) = own_scan(st, u, id).await?;
    if s.status != db::scans::STATUS_DRAFT {
        return Err(AppError::invalid(Field::Form, Msg::ScanLocked));
    }
    let q = questionnaire(st, s.questionnaire_id).await?;
    let mut checked = Vec::with_capacity(items.len());
    let mut errors = FormErrors::new();
    for (qid, value) in items {
        let Some(question) = q.question(&qid) else {
            errors.add(Field::Form, Msg::AnswerInvalid(qid));
            continue;
        };
        match value {
            Some(v) => match answer_from_value(question, &v) {
                Ok(answer) => checked.push((
                    qid,
                    Some(super::answer_to_value(question, &answer).to_string()),
                )),
                Err(_) => errors.add(Field::Form, Msg::AnswerInvalid(qid)),
            },
            None => checked.push((qid, None)),
        }
    }
    errors.finish(())?;
    let txn = st.db.begin().await?;
    for (qid, json) in &checked {
        match json {
            Some(j) => db::scans::save_answer(&txn, s.id, qid, j).await?,
            None => db::scans::delete_answer(&txn, s.id, qid).await?,
        }
    }
    let answered = db::scans::count_answers(&txn, s.id).await?;
    txn.commit().await?;
    Ok(Progress {
        answered,
        total: q.questions.len(),
    })
}

/// A plain step form (no JavaScript): saves what the page showed.
pub async fn save_step_form(
    st: &AppState,
    u: &CurrentUser,
    id: ScanId,
    pairs: &[(String, String)],
) -> Result<Progress, AppError> {
    let (s, _) = own_scan(st, u, id).await?;
    let q = questionnaire(st, s.questionnaire_id).await?;
    save(st, u, id, read_step(&q, pairs)).await
}

/// Locks the scan with its scores. Every question needs a confirmed answer first.
pub async fn submit(st: &AppState, u: &CurrentUser, id: ScanId) -> Result<(), AppError> {
    let (s, _) = own_scan(st, u, id).await?;
    if s.status != db::scans::STATUS_DRAFT {
        return Err(AppError::invalid(Field::Form, Msg::ScanLocked));
    }
    let q = questionnaire(st, s.questionnaire_id).await?;
    let answers = stored_answers(st, &s, &q).await?;
    let mut errors = FormErrors::new();
    for question in &q.questions {
        if answers.get(&question.id).is_none() {
            errors.add(Field::Form, Msg::QuestionUnanswered(question.id.clone()));
        }
    }
    errors.finish(())?;
    let scores = score(&q, &answers);
    let json = serde_json::to_string(&scores).map_err(|_| AppError::Internal)?;
    let txn = st.db.begin().await?;
    let submitted = db::scans::submit(
        &txn,
        s,
        super::PROFILE,
        json,
        scores.overall,
        scores.band.as_str(),
    )
    .await?;
    on_submitted(&txn, &submitted, u.id.0).await?;
    txn.commit().await?;
    Ok(())
}

/// A submitted scan lands on the company timeline and in the caseload figures.
async fn on_submitted<C: db::ConnectionTrait>(
    db: &C,
    s: &scan::Model,
    actor: i64,
) -> Result<(), AppError> {
    use db::workspace::{caseload, timeline};
    timeline::add(
        db,
        timeline::NewEvent {
            company_id: s.company_id,
            kind: timeline::SCAN,
            actor_id: Some(actor),
            shared: true,
            body: round_label(s.round),
            ref_id: Some(s.id),
        },
    )
    .await?;
    caseload::refresh(db, s.company_id).await?;
    Ok(())
}

/// The results of a submitted scan, for whoever may see them.
/// A submitted scan the user may see (its respondent, or whoever the company shares with),
/// with its company. Drafts and everything else answer "not found".
async fn visible_submitted(
    st: &AppState,
    u: &CurrentUser,
    id: ScanId,
) -> Result<(scan::Model, company::Model), AppError> {
    let s = db::scans::find(&st.db, id.0)
        .await?
        .ok_or(AppError::NotFound)?;
    if u.role == crate::domain::Role::Expert {
        return shared_with_expert(st, u, s).await;
    }
    let (c, facts) = crate::companies::load_visible(st, u, CompanyId(s.company_id)).await?;
    let mine = s.respondent_id == u.id.0;
    let submitted = s.status == db::scans::STATUS_SUBMITTED;
    if !submitted
        || !(mine || access::can_view_submitted_scan(u, &facts, sharing_on(st, c.id).await?))
    {
        return Err(AppError::NotFound);
    }
    Ok((s, c))
}

/// An expert sees a submitted scan only when the entrepreneur shared that result with them
/// when contacting them.
async fn shared_with_expert(
    st: &AppState,
    u: &CurrentUser,
    s: scan::Model,
) -> Result<(scan::Model, company::Model), AppError> {
    let Some(profile) = db::experts::profile_of(&st.db, u.id.0).await? else {
        return Err(AppError::NotFound);
    };
    if s.status != db::scans::STATUS_SUBMITTED
        || !db::recommendations::scan_shared_with(&st.db, profile.id, s.id).await?
    {
        return Err(AppError::NotFound);
    }
    let c = db::companies::find(&st.db, s.company_id)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok((s, c))
}

pub async fn result(st: &AppState, u: &CurrentUser, id: ScanId) -> Result<ScanResult, AppError> {
    let (s, c) = visible_submitted(st, u, id).await?;
    crate::audit::service::read(st, u, crate::audit::service::SCAN_RESULT, Some(s.id), c.id)
        .await?;
    let q = questionnaire(st, s.questionnaire_id).await?;
    let answers = stored_answers(st, &s, &q).await?;
    let scores = score(&q, &answers);
    let respondent = db::accounts::find_by_id(&st.db, s.respondent_id)
        .await?
        .map(|r| r.name)
        .unwrap_or_default();
    let steps = q
        .dimensions
        .iter()
        .map(|d| {
            let list = next_best_steps(&q, &answers, &d.id)
                .into_iter()
                .map(|st| StepView {
                    question: st.question,
                    choice: st.choice,
                    action: step_action(&st.action),
                    gain: st.gain,
                })
                .collect();
            (d.id.clone(), list)
        })
        .collect();
    Ok(ScanResult {
        scan_id: id,
        company_id: CompanyId(c.id),
        company_name: c.name,
        round: s.round,
        respondent,
        submitted_at: s.submitted_at,
        profile: s
            .scoring_profile
            .clone()
            .unwrap_or_else(|| super::PROFILE.to_owned()),
        dimensions: scores
            .dimensions
            .iter()
            .map(|d| (d.dimension.clone(), d.score))
            .collect(),
        overall: scores.overall,
        band: scores.band.as_str().to_owned(),
        steps,
        questionnaire: (*q).clone(),
    })
}

pub(crate) fn step_action(a: &super::StepAction) -> String {
    use super::StepAction::*;
    match a {
        Tick => "tick",
        TickInvested => "tick_invested",
        TickPlanned => "tick_planned",
        Raise { .. } => "raise",
        Improve { .. } => "improve",
    }
    .to_owned()
}

/// One scan as a JSON document in the reference's exchange format, with scores and context.
pub async fn export(st: &AppState, u: &CurrentUser, id: ScanId) -> Result<String, AppError> {
    let (s, c) = visible_submitted(st, u, id).await?;
    crate::audit::service::read(st, u, crate::audit::service::SCAN_EXPORT, Some(s.id), c.id)
        .await?;
    let respondent = db::accounts::find_by_id(&st.db, s.respondent_id)
        .await?
        .map(|r| r.name)
        .unwrap_or_default();
    let q = questionnaire(st, s.questionnaire_id).await?;
    let answers = stored_answers(st, &s, &q).await?;
    let mut doc: Value =
        serde_json::from_str(&answers.to_exchange_json(&q)).map_err(|_| AppError::Internal)?;
    let scores = score(&q, &answers);
    // An expert gets the result the entrepreneur shared, not the company's address and contact
    // person: the contact details they chose to give came with their message.
    let personal = u.role != crate::domain::Role::Expert;
    if let Some(obj) = doc.as_object_mut() {
        // Module 1, the company profile, as it stands.
        obj.insert(
            "company".into(),
            serde_json::json!({
                "name": c.name, "kvk_number": c.kvk_number, "website": c.website, "founding_year": c.founding_year,
                "address": if personal { c.address.clone() } else { None }, "municipality": c.municipality, "size_band": c.size_band,
                "primary_sector": c.primary_sector, "secondary_sector": c.secondary_sector,
                "contact": if personal {
                    serde_json::json!({ "name": c.contact_name, "role": c.contact_role, "email": c.contact_email, "phone": c.contact_phone })
                } else {
                    Value::Null
                },
            }),
        );
        obj.insert("stage".into(), Value::from(round_label(s.round)));
        obj.insert("respondent".into(), Value::from(respondent));
        obj.insert("started_at".into(), Value::from(s.created_at.to_rfc3339()));
        obj.insert(
            "submitted_at".into(),
            s.submitted_at
                .map(|d| Value::from(d.to_rfc3339()))
                .unwrap_or(Value::Null),
        );
        obj.insert(
            "scores".into(),
            serde_json::to_value(&scores).map_err(|_| AppError::Internal)?,
        );
    }
    serde_json::to_string_pretty(&doc).map_err(|_| AppError::Internal)
}

/// The company's scan state for the company page.
pub async fn home(
    st: &AppState,
    u: &CurrentUser,
    company_id: CompanyId,
) -> Result<ScanHome, AppError> {
    let (c, facts) = crate::companies::load_visible(st, u, company_id).await?;
    if !access::can_read_dossier(u, &facts) {
        // A colleague who does not coach the company: not even its consent choices.
        return Err(AppError::NotFound);
    }
    let can_fill = access::can_fill_scan(u, &facts);
    let share = db::scans::current_consent(&st.db, c.id, db::scans::CONSENT_SHARE).await?;
    let bench = db::scans::current_consent(&st.db, c.id, db::scans::CONSENT_BENCHMARK).await?;
    let chosen_by = match &share {
        Some(s) => db::accounts::find_by_id(&st.db, s.user_id)
            .await?
            .map(|p| p.name)
            .unwrap_or_default(),
        None => String::new(),
    };
    let consent = share.as_ref().map(|s| ConsentChoice {
        share: s.granted,
        benchmark: bench.as_ref().is_some_and(|b| b.granted),
        chosen_at: s.created_at,
        chosen_by,
    });
    let sharing = consent.as_ref().is_some_and(|c| c.share);
    let scans = db::scans::of_company(&st.db, c.id).await?;
    let total = match scans.first() {
        Some(s) => questionnaire(st, s.questionnaire_id).await?.questions.len(),
        None => 0,
    };
    let mut draft = None;
    let mut submitted = Vec::new();
    let mut hidden = false;
    let may_see_others = access::can_view_submitted_scan(u, &facts, sharing);
    let names: HashMap<i64, String> = {
        let mut m = HashMap::new();
        for s in &scans {
            if let std::collections::hash_map::Entry::Vacant(e) = m.entry(s.respondent_id) {
                e.insert(
                    db::accounts::find_by_id(&st.db, s.respondent_id)
                        .await?
                        .map(|r| r.name)
                        .unwrap_or_default(),
                );
            }
        }
        m
    };
    for s in &scans {
        let mine = s.respondent_id == u.id.0;
        if s.status == db::scans::STATUS_DRAFT {
            if mine && can_fill {
                let answered = db::scans::count_answers(&st.db, s.id).await?;
                draft = Some(DraftInfo {
                    scan_id: ScanId(s.id),
                    round: s.round,
                    answered,
                    total,
                });
            }
        } else if mine || may_see_others {
            submitted.push(ScanSummary {
                scan_id: ScanId(s.id),
                round: s.round,
                respondent: names.get(&s.respondent_id).cloned().unwrap_or_default(),
                mine,
                submitted_at: s.submitted_at,
                overall: s.overall.unwrap_or_default(),
                band: s.band.clone().unwrap_or_default(),
            });
        } else {
            hidden = true;
        }
    }
    Ok(ScanHome {
        company_id,
        can_fill,
        consent,
        draft,
        submitted,
        hidden_by_consent: hidden,
        next_round: next_round(&scans, u.id.0),
        can_import: access::can_import_scan(u, &facts),
        members: if access::can_import_scan(u, &facts) {
            db::companies::members(&st.db, c.id)
                .await?
                .into_iter()
                .map(|m| (crate::domain::UserId(m.id), m.name))
                .collect()
        } else {
            Vec::new()
        },
    })
}

/// A new scan joins the company's latest round unless this respondent already answered it.
fn next_round(scans: &[scan::Model], respondent: i64) -> i32 {
    match scans.iter().map(|s| s.round).max() {
        None => 0,
        Some(latest)
            if scans
                .iter()
                .any(|s| s.round == latest && s.respondent_id == respondent) =>
        {
            latest.saturating_add(1)
        }
        Some(latest) => latest,
    }
}

/// Records the company's consent choice (both kinds, with the text version shown).
pub async fn set_consent(
    st: &AppState,
    u: &CurrentUser,
    company_id: CompanyId,
    share: bool,
    benchmark: bool,
) -> Result<(), AppError> {
    let (c, facts) = crate::companies::load_visible(st, u, company_id).await?;
    if !access::can_fill_scan(u, &facts) {
        return Err(AppError::Forbidden);
    }
    // The choice is the whole company's: when it changes, the other entrepreneurs hear who
    // changed it (the first choice, made when the first scan starts, is nobody's news).
    let before = (
        db::scans::current_consent(&st.db, c.id, db::scans::CONSENT_SHARE).await?,
        db::scans::current_consent(&st.db, c.id, db::scans::CONSENT_BENCHMARK).await?,
    );
    let changed = match &before {
        (Some(s), b) => s.granted != share || b.as_ref().is_some_and(|b| b.granted) != benchmark,
        (None, _) => false,
    };
    let others: Vec<_> = if changed {
        db::companies::members(&st.db, c.id)
            .await?
            .into_iter()
            .filter(|m| m.id != u.id.0 && m.active && m.password_hash.is_some())
            .collect()
    } else {
        vec![]
    };
    let txn = st.db.begin().await?;
    for to in &others {
        let mail = super::mail::consent_changed(
            &st.settings,
            to,
            &u.name,
            &c.name,
            c.id,
            share,
            benchmark,
        );
        db::outbox::enqueue(&txn, mail, st.settings.smtp_enabled).await?;
    }
    db::scans::record_consent(
        &txn,
        c.id,
        u.id.0,
        db::scans::CONSENT_SHARE,
        share,
        CONSENT_TEXT_VERSION,
    )
    .await?;
    db::scans::record_consent(
        &txn,
        c.id,
        u.id.0,
        db::scans::CONSENT_BENCHMARK,
        benchmark,
        CONSENT_TEXT_VERSION,
    )
    .await?;
    // Sharing decides what the coaches see, so the change belongs on the timeline and in the
    // caseload figures (which hold a score only while it is shared).
    db::workspace::timeline::add(
        &txn,
        db::workspace::timeline::NewEvent {
            company_id: c.id,
            kind: db::workspace::timeline::CONSENT,
            actor_id: Some(u.id.0),
            shared: true,
            body: format!("share={} benchmark={}", share, benchmark),
            ref_id: None,
        },
    )
    .await?;
    db::workspace::caseload::refresh(&txn, c.id).await?;
    txn.commit().await?;
    Ok(())
}

/// Starts (or continues) the user's scan for the next round, pre-filled with the previous
/// round's answers for confirmation.
pub async fn start(
    st: &AppState,
    u: &CurrentUser,
    company_id: CompanyId,
) -> Result<ScanId, AppError> {
    let (c, facts) = crate::companies::load_visible(st, u, company_id).await?;
    if !access::can_fill_scan(u, &facts) {
        return Err(AppError::Forbidden);
    }
    if db::scans::current_consent(&st.db, c.id, db::scans::CONSENT_SHARE)
        .await?
        .is_none()
    {
        return Err(AppError::invalid(Field::Form, Msg::ConsentRequired));
    }
    let scans = db::scans::of_company(&st.db, c.id).await?;
    if let Some(d) = scans
        .iter()
        .find(|s| s.respondent_id == u.id.0 && s.status == db::scans::STATUS_DRAFT)
    {
        return Ok(ScanId(d.id));
    }
    let q = db::scans::latest_questionnaire(&st.db, "dma-sme").await?;
    let previous = scans
        .iter()
        .filter(|s| s.status == db::scans::STATUS_SUBMITTED)
        .max_by_key(|s| (s.respondent_id == u.id.0, s.round, s.id));
    let prefill = match previous {
        Some(p) => {
            let pq = questionnaire(st, p.questionnaire_id).await?;
            Some(stored_answers(st, p, &pq).await?.to_exchange_json(&pq))
        }
        None => None,
    };
    let created = db::scans::create(
        &st.db,
        db::scans::NewScan {
            company_id: c.id,
            respondent_id: u.id.0,
            round: next_round(&scans, u.id.0),
            questionnaire_id: q.id,
            prefill,
        },
    )
    .await?;
    Ok(ScanId(created.id))
}

#[cfg(test)]
mod tests {
    use super::next_round;
    use db::entities::scan;

    fn s(round: i32, respondent: i64) -> scan::Model {
        let now = chrono::Utc::now();
        scan::Model {
            id: 0,
            company_id: 1,
            respondent_id: respondent,
            round,
            questionnaire_id: 1,
            status: "submitted".into(),
            prefill: None,
            scoring_profile: None,
            scores: None,
            overall: None,
            band: None,
            submitted_at: None,
            created_at: now,
            updated_at: now,
        }
    }

    #[test]
    fn a_second_respondent_joins_the_current_round_and_a_repeat_starts_the_next() {
        assert_eq!(next_round(&[], 7), 0);
        assert_eq!(next_round(&[s(0, 1)], 7), 0);
        assert_eq!(next_round(&[s(0, 1)], 1), 1);
        assert_eq!(next_round(&[s(0, 1), s(1, 1), s(0, 7)], 7), 1);
    }
}

/// Submitted scores of a company over rounds and per respondent, for whoever may see them.
pub async fn history(
    st: &AppState,
    u: &CurrentUser,
    company_id: CompanyId,
) -> Result<ScanHistory, AppError> {
    let (c, facts) = crate::companies::load_visible(st, u, company_id).await?;
    let may_see_others = access::can_view_submitted_scan(u, &facts, sharing_on(st, c.id).await?);
    let scans: Vec<scan::Model> = db::scans::of_company(&st.db, c.id)
        .await?
        .into_iter()
        .filter(|s| {
            s.status == db::scans::STATUS_SUBMITTED && (may_see_others || s.respondent_id == u.id.0)
        })
        .collect();
    let q = match scans.first() {
        Some(s) => questionnaire(st, s.questionnaire_id).await?,
        None => {
            questionnaire(
                st,
                db::scans::latest_questionnaire(&st.db, "dma-sme").await?.id,
            )
            .await?
        }
    };
    let ids: Vec<String> = q.dimensions.iter().map(|d| d.id.clone()).collect();
    let mut names: HashMap<i64, String> = HashMap::new();
    let mut rows = Vec::new();
    for s in scans {
        if let std::collections::hash_map::Entry::Vacant(e) = names.entry(s.respondent_id) {
            e.insert(
                db::accounts::find_by_id(&st.db, s.respondent_id)
                    .await?
                    .map(|r| r.name)
                    .unwrap_or_default(),
            );
        }
        // The scores as shown at submission, never recomputed behind the respondent's back.
        let shown: Value = s
            .scores
            .as_deref()
            .and_then(|j| serde_json::from_str(j).ok())
            .unwrap_or(Value::Null);
        let dims = ids
            .iter()
            .map(|id| shown["dimensions"][id].as_f64().unwrap_or(0.0))
            .collect();
        rows.push((
            s.round,
            RespondentScores {
                scan_id: ScanId(s.id),
                name: names.get(&s.respondent_id).cloned().unwrap_or_default(),
                submitted_at: s.submitted_at,
                dimensions: dims,
                overall: s.overall.unwrap_or_default(),
            },
        ));
    }
    Ok(ScanHistory {
        company_id,
        company_name: c.name,
        dimensions: q
            .dimensions
            .iter()
            .map(|d| (d.id.clone(), d.nl.clone(), d.en.clone()))
            .collect(),
        rounds: round_scores(&ids, rows),
    })
}

/// Imports a scan from another tool (programme staff): the document in the exchange format is
/// checked against the questionnaire, then stored as a submitted scan of one respondent.
pub async fn import(
    st: &AppState,
    u: &CurrentUser,
    company_id: CompanyId,
    respondent_id: i64,
    round: Option<i32>,
    document: &str,
) -> Result<ScanId, AppError> {
    let (c, facts) = crate::companies::load_visible(st, u, company_id).await?;
    if !access::can_import_scan(u, &facts) {
        return Err(AppError::Forbidden);
    }
    let mut errors = FormErrors::new();
    errors.keep(Field::Document, document);
    errors.keep(Field::Respondent, &respondent_id.to_string());
    if !db::accounts::is_member(&st.db, c.id, respondent_id).await? {
        errors.add(Field::Respondent, Msg::ChoiceInvalid);
    }
    let row = db::scans::latest_questionnaire(&st.db, "dma-sme").await?;
    let q = questionnaire(st, row.id).await?;
    let doc: Option<Value> = serde_json::from_str(document).ok();
    let answers = match &doc {
        None => {
            errors.add(Field::Document, Msg::ImportNotJson);
            None
        }
        Some(_) => match Answers::from_exchange_json(document, &q) {
            Ok(a) => Some(a),
            Err(e) => {
                errors.add(Field::Document, Msg::ImportInvalid(e.to_string()));
                None
            }
        },
    };
    // The file's own stage, when it names one: a stage out of range is an error, not T0.
    let stage = match doc.as_ref().and_then(|d| d["stage"].as_str()) {
        Some(s) if round.is_none() => match crate::domain::parse_round(s) {
            Ok(r) => Some(r),
            Err(m) => {
                errors.add(Field::Round, m);
                None
            }
        },
        _ => None,
    };
    let scans = db::scans::of_company(&st.db, c.id).await?;
    let round = round
        .or(stage)
        .unwrap_or_else(|| next_round(&scans, respondent_id));
    if scans
        .iter()
        .any(|s| s.respondent_id == respondent_id && s.round == round)
    {
        errors.add(Field::Round, Msg::RoundTaken);
    }
    let answers = errors.finish(answers)?.ok_or(AppError::Internal)?;
    let scores = score(&q, &answers);
    let scores_json = serde_json::to_string(&scores).map_err(|_| AppError::Internal)?;
    let txn = st.db.begin().await?;
    let created = db::scans::create(
        &txn,
        db::scans::NewScan {
            company_id: c.id,
            respondent_id,
            round,
            questionnaire_id: row.id,
            prefill: None,
        },
    )
    .await?;
    for question in &q.questions {
        if let Some(a) = answers.get(&question.id) {
            db::scans::save_answer(
                &txn,
                created.id,
                &question.id,
                &super::answer_to_value(question, a).to_string(),
            )
            .await?;
        }
    }
    let submitted = db::scans::submit(
        &txn,
        created,
        super::PROFILE,
        scores_json,
        scores.overall,
        scores.band.as_str(),
    )
    .await?;
    on_submitted(&txn, &submitted, u.id.0).await?;
    txn.commit().await?;
    Ok(ScanId(submitted.id))
}
