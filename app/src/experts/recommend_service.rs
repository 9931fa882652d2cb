//! Server side of recommending experts and contacting them.
use super::recommend::*;
use super::service::{card, theme_view};
use crate::access;
use crate::auth::CurrentUser;
use crate::domain::{CompanyId, Msg, Role};
use crate::error::AppError;
use crate::scan::service::{questionnaire, stored_answers};
use crate::scan::shared::{Latest, SharedScans};
use crate::ssr::AppState;
use db::TransactionTrait;
use db::entities::company;
use db::experts::{self, APPROVED};
use db::recommendations as recs;
use db::workspace::timeline;
use std::collections::HashMap;

/// The current questionnaire's dimensions (id, nl, en).
async fn dimensions(
    st: &AppState,
) -> Result<
    (
        Vec<(String, String, String)>,
        std::sync::Arc<crate::scan::Questionnaire>,
    ),
    AppError,
> {
    let id = db::scans::latest_questionnaire_id(&st.db, "dma-sme").await?;
    let q = questionnaire(st, id).await?;
    let dims = q
        .dimensions
        .iter()
        .map(|d| (d.id.clone(), d.nl.clone(), d.en.clone()))
        .collect();
    Ok((dims, q))
}

pub(crate) async fn views(
    st: &AppState,
    c: &company::Model,
) -> Result<Vec<RecommendationView>, AppError> {
    let list = recs::of_company(&st.db, c.id).await?;
    if list.is_empty() {
        return Ok(vec![]);
    }
    let ids: Vec<i64> = list.iter().map(|r| r.profile_id).collect();
    let profiles = experts::find_many(&st.db, &ids).await?;
    let rows: HashMap<i64, experts::ExpertRow> = experts::rows(&st.db, profiles)
        .await?
        .into_iter()
        .map(|r| (r.profile.id, r))
        .collect();
    let contacted: HashMap<i64, chrono::DateTime<chrono::Utc>> =
        recs::engagements_of_company(&st.db, c.id)
            .await?
            .into_iter()
            .filter_map(|e| e.recommendation_id.map(|r| (r, e.created_at)))
            .collect();
    let coaches = timeline::user_names(&st.db, list.iter().map(|r| r.coach_id)).await?;
    Ok(list
        .into_iter()
        .filter_map(|r| {
            let row = rows.get(&r.profile_id)?;
            Some(RecommendationView {
                id: r.id,
                expert: card(row),
                website: row.firm.as_ref().and_then(|f| f.website.clone()),
                dimension: r.dimension,
                reason: r.reason,
                coach: coaches.get(&r.coach_id).cloned().unwrap_or_default(),
                at: r.created_at,
                contacted_at: contacted.get(&r.id).copied(),
            })
        })
        .collect())
}

/// The coach's panel: recommendations so far and the approved experts to choose from.
/// `latest`: the company's latest shared scan, whose two weakest dimensions decide which
/// experts are suggested.
pub async fn panel(
    st: &AppState,
    c: &company::Model,
    shared: &SharedScans,
    latest: Option<&Latest>,
) -> Result<RecommendPanel, AppError> {
    let (dims, q) = dimensions(st).await?;
    let weakest = latest.map(|l| l.weakest(2)).unwrap_or_default();
    let themes = experts::themes(&st.db).await?;
    // A theme fits a dimension when it links to one of that dimension's questions.
    let fitting: Vec<i64> = themes
        .iter()
        .filter(|t| {
            t.links.split_whitespace().any(|l| {
                let qid = l.split('.').next().unwrap_or_default();
                q.question(qid)
                    .is_some_and(|question| weakest.contains(&question.dimension))
            })
        })
        .map(|t| t.id)
        .collect();
    let approved = experts::list(
        &st.db,
        &experts::Filter {
            vetting: Some(APPROVED.into()),
            ..Default::default()
        },
        0,
        200,
    )
    .await?;
    let mut cards: Vec<_> = approved.items.iter().map(card).collect();
    let score = |e: &super::ExpertCard| e.theme_ids.iter().filter(|t| fitting.contains(t)).count();
    // Nearby first among equally fitting experts: the company's own municipality, or a region
    // that covers the province.
    let town = c.municipality.to_lowercase();
    let nearby = |e: &super::ExpertCard| {
        let r = e.region.to_lowercase();
        r == town || r.contains("brabant")
    };
    cards.sort_by_key(|e| (std::cmp::Reverse(score(e)), !nearby(e)));
    Ok(RecommendPanel {
        engagements: engagement_views(st, c, shared).await?,
        recommendations: views(st, c).await?,
        suggested: cards
            .iter()
            .filter(|e| score(e) > 0)
            .map(|e| e.id)
            .collect(),
        experts: cards,
        weakest,
        themes: themes.into_iter().map(theme_view).collect(),
        dimensions: dims,
    })
}

/// A coach recommends one to three approved experts for an improvement in one dimension.
pub async fn recommend(
    st: &AppState,
    u: &CurrentUser,
    company_id: CompanyId,
    form: &RecommendForm,
) -> Result<usize, AppError> {
    let (c, _) = crate::companies::load_coached(st, u, company_id).await?;
    let (dims, _) = dimensions(st).await?;
    let ids: Vec<String> = dims.into_iter().map(|(id, _, _)| id).collect();
    let (profiles, dimension, reason) = form.parse(&ids)?;
    let mut chosen = vec![];
    for id in &profiles {
        match experts::find(&st.db, *id).await? {
            Some(p) if p.vetting == APPROVED => chosen.push(p),
            _ => {
                return Err(AppError::invalid(
                    crate::domain::Field::Experts,
                    Msg::ChoiceInvalid,
                ));
            }
        }
    }
    // Neutrality: the expert whose lead brought the company in is never the only one
    // recommended to it.
    let proposers = db::leads::proposers_of_company(&st.db, c.id).await?;
    if chosen.len() == 1 && proposers.contains(&chosen[0].id) {
        return Err(AppError::invalid(
            crate::domain::Field::Experts,
            Msg::Neutrality,
        ));
    }
    let names = timeline::user_names(&st.db, chosen.iter().map(|p| p.user_id)).await?;
    let txn = st.db.begin().await?;
    for p in &chosen {
        let r = recs::create(&txn, c.id, p.id, u.id.0, &dimension, &reason).await?;
        timeline::add(
            &txn,
            timeline::NewEvent {
                company_id: c.id,
                kind: timeline::EXPERT,
                actor_id: Some(u.id.0),
                shared: true,
                body: format!(
                    "recommended {}",
                    names.get(&p.user_id).cloned().unwrap_or_default()
                ),
                ref_id: Some(r.id),
            },
        )
        .await?;
    }
    // The entrepreneurs hear of it at once; whether to contact an expert is theirs.
    for member in db::companies::members(&txn, c.id).await? {
        if member.active {
            let m = super::mail::recommended(
                &st.settings,
                &member,
                &u.name,
                &c.name,
                c.id,
                chosen.len(),
            );
            db::outbox::enqueue(&txn, m, st.settings.smtp_enabled).await?;
        }
    }
    txn.commit().await?;
    Ok(chosen.len())
}

/// The recommendations an entrepreneur sees for their own company.
pub async fn for_entrepreneur(
    st: &AppState,
    u: &CurrentUser,
    company_id: CompanyId,
) -> Result<Vec<RecommendationView>, AppError> {
    let (c, facts) = crate::companies::load_visible(st, u, company_id).await?;
    if !(u.role == Role::Entrepreneur && facts.asker_is_member) {
        return Err(AppError::Forbidden);
    }
    views(st, &c).await
}

/// The coach's panel for a company they coach.
pub async fn for_coach(
    st: &AppState,
    u: &CurrentUser,
    company_id: CompanyId,
) -> Result<RecommendPanel, AppError> {
    let (c, facts) = crate::companies::load_visible(st, u, company_id).await?;
    if !access::can_coach_company(u, &facts) {
        return Err(AppError::Forbidden);
    }
    let shared = SharedScans::load(st, c.id).await?;
    let latest = shared.latest(st).await?;
    panel(st, &c, &shared, latest.as_ref()).await
}

/// The entrepreneur contacts a recommended expert: the expert gets the message by e-mail with
/// the contact details the entrepreneur chose to share, it lands on the timeline, and the
/// company's coach is told.
pub async fn contact(
    st: &AppState,
    u: &CurrentUser,
    recommendation_id: i64,
    form: &ContactForm,
) -> Result<(), AppError> {
    let r = recs::find(&st.db, recommendation_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let (c, facts) = crate::companies::load_visible(st, u, CompanyId(r.company_id))
        .await
        .map_err(|_| AppError::NotFound)?;
    if !(u.role == Role::Entrepreneur && facts.asker_is_member) {
        return Err(AppError::NotFound);
    }
    let (message, share_email, phone) = form.parse()?;
    let already = recs::engagements_of_company(&st.db, c.id)
        .await?
        .iter()
        .any(|e| e.recommendation_id == Some(r.id));
    if already {
        return Err(AppError::invalid(
            crate::domain::Field::Form,
            Msg::AlreadyContacted,
        ));
    }
    let profile = experts::find(&st.db, r.profile_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let expert = db::accounts::find_by_id(&st.db, profile.user_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let mut shared = vec![];
    if share_email {
        shared.push(u.email.clone());
    }
    if let Some(p) = &phone {
        shared.push(p.clone());
    }
    let shared = shared.join("\n");
    let coach = match c.primary_coach_id {
        Some(id) => db::accounts::find_by_id(&st.db, id).await?,
        None => None,
    };
    // Only on the entrepreneur's explicit choice does an expert see a result: their own
    // latest submitted scan (not a colleague's), for 90 days (`recs::SHARE_LASTS`).
    let shared_scan = if form.share_scan.is_some() {
        db::scans::of_company(&st.db, c.id)
            .await?
            .into_iter()
            .filter(|s| s.status == db::scans::STATUS_SUBMITTED && s.respondent_id == u.id.0)
            .max_by_key(|s| (s.round, s.submitted_at))
            .map(|s| s.id)
    } else {
        None
    };
    let txn = st.db.begin().await?;
    recs::engage(
        &txn,
        recs::NewEngagement {
            recommendation_id: Some(r.id),
            company_id: c.id,
            profile_id: profile.id,
            entrepreneur_id: u.id.0,
            message: message.clone(),
            shared_contact: shared.clone(),
            shared_scan_id: shared_scan,
        },
    )
    .await?;
    timeline::add(
        &txn,
        timeline::NewEvent {
            company_id: c.id,
            kind: timeline::EXPERT,
            actor_id: Some(u.id.0),
            shared: true,
            body: format!("contacted {}", expert.name),
            ref_id: Some(r.id),
        },
    )
    .await?;
    let to_expert = super::mail::contact(
        &st.settings,
        &expert,
        &u.name,
        &c.name,
        &message,
        &shared,
        coach.as_ref().map(|c| c.email.as_str()),
    );
    db::outbox::enqueue(&txn, to_expert, st.settings.smtp_enabled).await?;
    if let Some(coach) = &coach {
        let note =
            super::mail::coach_notice(&st.settings, coach, &u.name, &c.name, &expert.name, c.id);
        db::outbox::enqueue(&txn, note, st.settings.smtp_enabled).await?;
    }
    txn.commit().await?;
    Ok(())
}

/// The score of `dimension` in a scan.
async fn scores_of(
    st: &AppState,
    s: &db::entities::scan::Model,
) -> Result<crate::scan::Scores, AppError> {
    let q = questionnaire(st, s.questionnaire_id).await?;
    Ok(crate::scan::score(&q, &stored_answers(st, s, &q).await?))
}

/// A company's engagements for its coaching staff, each with the change of the targeted
/// dimension between the last scan before it and the latest scan after it.
async fn engagement_views(
    st: &AppState,
    c: &company::Model,
    shared: &SharedScans,
) -> Result<Vec<EngagementView>, AppError> {
    let list = recs::engagements_of_company(&st.db, c.id).await?;
    if list.is_empty() {
        return Ok(vec![]);
    }
    let scans = &shared.0;
    let rec_ids: Vec<i64> = list.iter().filter_map(|e| e.recommendation_id).collect();
    let dimension_of: HashMap<i64, String> = recs::find_many(&st.db, &rec_ids)
        .await?
        .into_iter()
        .map(|r| (r.id, r.dimension))
        .collect();
    let experts = experts::names_of(&st.db, list.iter().map(|e| e.profile_id)).await?;
    // Each scan is scored once, however many engagements compare with it.
    let mut scored: HashMap<i64, crate::scan::Scores> = HashMap::new();
    let mut out = vec![];
    for e in list {
        let dimension = e
            .recommendation_id
            .and_then(|id| dimension_of.get(&id).cloned());
        let before = scans
            .iter()
            .filter(|s| s.submitted_at <= Some(e.created_at))
            .max_by_key(|s| s.submitted_at);
        let after = scans
            .iter()
            .filter(|s| s.submitted_at > Some(e.created_at))
            .max_by_key(|s| s.submitted_at);
        let change = match (&dimension, before, after) {
            (Some(d), Some(b), Some(a)) => {
                for s in [b, a] {
                    if !scored.contains_key(&s.id) {
                        scored.insert(s.id, scores_of(st, s).await?);
                    }
                }
                scored[&b.id].dimension(d).zip(scored[&a.id].dimension(d))
            }
            _ => None,
        };
        out.push(EngagementView {
            id: e.id,
            company_name: c.name.clone(),
            expert: experts.get(&e.profile_id).cloned().unwrap_or_default(),
            dimension,
            status: e.status,
            message: e.message,
            shared_contact: None,
            outcome: e.outcome.unwrap_or_default(),
            lesson: Some(e.lesson.unwrap_or_default()),
            shared_scan: None,
            at: e.created_at,
            change,
        });
    }
    Ok(out)
}

/// Lessons learned by coaches of `organisation` in engagements with this expert.
pub async fn lessons(
    st: &AppState,
    profile_id: i64,
    organisation: i64,
) -> Result<Vec<String>, AppError> {
    let mut out = vec![];
    for e in recs::engagements_of_profile(&st.db, profile_id).await? {
        let Some(lesson) = e.lesson.filter(|l| !l.trim().is_empty()) else {
            continue;
        };
        if db::companies::find(&st.db, e.company_id)
            .await?
            .is_some_and(|c| c.organisation_id == organisation)
        {
            out.push(lesson);
        }
    }
    Ok(out)
}

/// The expert's own engagements: who contacted them, the message and the shared details.
pub async fn my_engagements(
    st: &AppState,
    u: &CurrentUser,
) -> Result<Vec<EngagementView>, AppError> {
    if u.role != Role::Expert {
        return Err(AppError::Forbidden);
    }
    let Some(profile) = experts::profile_of(&st.db, u.id.0).await? else {
        return Ok(vec![]);
    };
    let mut out = vec![];
    let at = db::now();
    for e in recs::engagements_of_profile(&st.db, profile.id).await? {
        let company = db::companies::find(&st.db, e.company_id)
            .await?
            .map(|c| c.name)
            .unwrap_or_default();
        // What was shared shows only while the share runs (`/shares`: renewed or withdrawn
        // by the entrepreneur).
        let active = recs::share_active(&e, at);
        if active && (!e.shared_contact.is_empty() || e.shared_scan_id.is_some()) {
            // The entrepreneur sees on their audit page that the expert read what they shared.
            crate::audit::service::read(st, u, "expert_share", Some(e.id), e.company_id).await?;
        }
        out.push(EngagementView {
            id: e.id,
            company_name: company,
            expert: u.name.clone(),
            dimension: None,
            status: e.status,
            message: e.message,
            shared_contact: Some(if active {
                e.shared_contact
            } else {
                String::new()
            }),
            outcome: e.outcome.unwrap_or_default(),
            lesson: None,
            shared_scan: e
                .shared_scan_id
                .filter(|_| active)
                .map(crate::domain::ScanId),
            at: e.created_at,
            change: None,
        });
    }
    Ok(out)
}

/// Coach and expert keep an engagement's status and outcome; only the coaching staff record
/// the lesson learned. Nobody else sees the engagement at all.
pub async fn update_engagement(
    st: &AppState,
    u: &CurrentUser,
    id: i64,
    f: &EngagementForm,
) -> Result<(), AppError> {
    let e = recs::find_engagement(&st.db, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let coach = match crate::companies::load_visible(st, u, CompanyId(e.company_id)).await {
        Ok((_, facts)) => access::can_coach_company(u, &facts),
        Err(_) => false,
    };
    let own_expert = u.role == Role::Expert
        && experts::profile_of(&st.db, u.id.0)
            .await?
            .is_some_and(|p| p.id == e.profile_id);
    if !coach && !own_expert {
        return Err(AppError::NotFound);
    }
    let mut errors = crate::error::FormErrors::new();
    errors.keep(crate::domain::Field::Outcome, &f.outcome);
    errors.keep(crate::domain::Field::Lesson, &f.lesson);
    if !recs::STATUSES.contains(&f.status.as_str()) {
        errors.add(crate::domain::Field::EngagementStatus, Msg::ChoiceInvalid);
    }
    let outcome = crate::domain::optional_text(&f.outcome, 2_000)
        .map_err(|m| errors.add(crate::domain::Field::Outcome, m))
        .ok()
        .flatten();
    let lesson = crate::domain::optional_text(&f.lesson, 2_000)
        .map_err(|m| errors.add(crate::domain::Field::Lesson, m))
        .ok()
        .flatten();
    errors.finish(())?;
    recs::update_engagement(&st.db, id, &f.status, outcome, coach.then_some(lesson)).await?;
    Ok(())
}
