//! The coach's part of the dossier: coaches, visits, actions and scans at a glance, the
//! timeline and its notes, co-coaching, handover and "find a colleague", plus T-profiles.
use super::{action_view, coached_company, eligible_coach, person};
use crate::access;
use crate::auth::CurrentUser;
use crate::coach::types::*;
use crate::domain::{
    CompanyId, Field, Msg, OrganisationId, PER_PAGE, Paged, Role, ScanId, UserId, VisitId,
    offset_of, optional_text, required_text,
};
use crate::error::{AppError, FormErrors};
use crate::scan::shared::{Latest, SharedScans};
use crate::ssr::AppState;
use db::TransactionTrait;
use db::entities::company;
use db::workspace::{actions, coaching, reviews, timeline, tprofile, visits};
use std::collections::HashMap;

/// The timeline kinds a filter groups together.
pub fn kinds_of(group: &str) -> Option<&'static [&'static str]> {
    use db::workspace::timeline::*;
    Some(match group {
        "scan" => &[SCAN, CONSENT],
        "visit" => &[VISIT],
        "note" => &[NOTE],
        "action" => &[ACTION],
        "coaching" => &[HANDOVER, COACHING],
        "expert" => &[EXPERT],
        _ => return None,
    })
}

pub async fn workspace(
    st: &AppState,
    u: &CurrentUser,
    id: CompanyId,
) -> Result<Workspace, AppError> {
    let (c, facts) = coached_company(st, u, id).await?;
    crate::audit::service::read(st, u, crate::audit::service::DOSSIER, None, c.id).await?;
    let shared = SharedScans::load(st, c.id).await?;
    let latest = shared.latest(st).await?;
    build_workspace(st, u, &c, &facts, &shared, latest.as_ref()).await
}

async fn build_workspace(
    st: &AppState,
    u: &CurrentUser,
    c: &company::Model,
    facts: &access::CompanyFacts,
    shared: &SharedScans,
    latest: Option<&Latest>,
) -> Result<Workspace, AppError> {
    let id = CompanyId(c.id);
    let co = coaching::co_coaches(&st.db, c.id).await?;
    // The organisation's coaches include the primary coach: no query of its own.
    let staff = db::companies::coaches_of(&st.db, c.organisation_id).await?;
    let primary = match c.primary_coach_id {
        Some(pid) => match staff.iter().find(|s| s.id == pid) {
            Some(p) => Some(p.clone()),
            None => db::accounts::find_by_id(&st.db, pid).await?,
        },
        None => None,
    };
    let company_visits = visits::of_company(&st.db, c.id).await?;
    let company_actions = actions::of_company(&st.db, c.id).await?;
    let names = timeline::user_names(
        &st.db,
        company_visits
            .iter()
            .map(|v| v.coach_id)
            .chain(company_actions.iter().filter_map(|a| a.owner_user_id))
            .chain(shared.0.iter().map(|s| s.respondent_id)),
    )
    .await?;
    let scans = reviewable_scans(st, shared, &names).await?;
    let colleagues = colleague_hint(st, u, c, latest).await?;
    let primary_id = c.primary_coach_id.map(UserId);
    let can_manage_co_coaches = access::can_manage_co_coaches(u, facts, primary_id);
    let requests = if can_manage_co_coaches {
        coaching::requests_of(&st.db, c.id)
            .await?
            .into_iter()
            .map(|(p, at)| CoCoachRequest {
                coach: person(&p),
                requested_at: at,
            })
            .collect()
    } else {
        vec![]
    };
    Ok(Workspace {
        company_id: id,
        company_name: c.name.clone(),
        can_hand_over: access::can_hand_over(u, facts, primary_id),
        can_manage_co_coaches,
        removable: co
            .iter()
            .map(|p| UserId(p.id))
            .filter(|p| access::can_remove_co_coach(u, facts, primary_id, *p))
            .collect(),
        requests,
        primary_coach: primary.as_ref().map(person),
        co_coaches: co.iter().map(person).collect(),
        staff: staff.iter().map(person).collect(),
        visits: company_visits
            .into_iter()
            .map(|v| VisitSummary {
                id: VisitId(v.id),
                visit_on: v.visit_on,
                status: v.status,
                coach: names.get(&v.coach_id).cloned().unwrap_or_default(),
                topics: v.topics,
            })
            .collect(),
        actions: company_actions
            .into_iter()
            .map(|a| action_view(a, &c.name, &names, true))
            .collect(),
        scans,
        colleagues,
    })
}

/// A whole company page: the company is loaded and checked once, then handed to every part.
pub async fn company_page(
    st: &AppState,
    u: &CurrentUser,
    id: CompanyId,
    group: &str,
    page: u64,
) -> Result<(crate::companies::CompanyDetail, Dossier), AppError> {
    let (c, facts) = crate::companies::load_visible(st, u, id).await?;
    if access::can_read_dossier(u, &facts) {
        crate::audit::service::read(st, u, crate::audit::service::DOSSIER, None, c.id).await?;
    }
    let dossier = dossier(st, u, &c, &facts, group, page).await?;
    Ok((
        crate::companies::detail_of(st, u, c, &facts).await?,
        dossier,
    ))
}

/// The coaching part of a company page for whoever asks (see `Dossier`), for a company
/// already loaded and checked (`companies::load_visible`): every panel gets it from here
/// instead of loading it again.
pub async fn dossier(
    st: &AppState,
    u: &CurrentUser,
    c: &company::Model,
    facts: &access::CompanyFacts,
    group: &str,
    page: u64,
) -> Result<Dossier, AppError> {
    if access::can_coach_company(u, facts) {
        let shared = SharedScans::load(st, c.id).await?;
        let latest = shared.latest(st).await?;
        Ok(Dossier {
            workspace: Some(build_workspace(st, u, c, facts, &shared, latest.as_ref()).await?),
            portal: None,
            timeline: Some(timeline_of(st, u, c, facts, group, page).await?),
            recommend: Some(
                crate::experts::recommend_service::panel(st, c, &shared, latest.as_ref()).await?,
            ),
            recommended: vec![],
            contributions: Some(crate::contributions::service::panel(st, c).await?),
            join: None,
        })
    } else if u.role == Role::Entrepreneur && facts.asker_is_member {
        Ok(Dossier {
            workspace: None,
            portal: Some(portal_of(st, c).await?),
            timeline: Some(timeline_of(st, u, c, facts, group, page).await?),
            recommend: None,
            recommended: crate::experts::recommend_service::views(st, c).await?,
            contributions: None,
            join: None,
        })
    } else {
        let join = if access::can_ask_to_co_coach(u, facts) {
            Some(join_coaching(st, u, c).await?)
        } else {
            None
        };
        Ok(Dossier {
            workspace: None,
            portal: None,
            timeline: None,
            recommend: None,
            recommended: vec![],
            contributions: None,
            join,
        })
    }
}

/// Who coaches a company, for a colleague who does not, and whether they asked to join.
async fn join_coaching(
    st: &AppState,
    u: &CurrentUser,
    c: &company::Model,
) -> Result<JoinCoaching, AppError> {
    let primary = match c.primary_coach_id {
        Some(id) => db::accounts::find_by_id(&st.db, id).await?.map(|p| p.name),
        None => None,
    };
    Ok(JoinCoaching {
        primary_coach: primary,
        co_coaches: coaching::co_coaches(&st.db, c.id)
            .await?
            .into_iter()
            .map(|p| p.name)
            .collect(),
        requested_at: coaching::requested_at(&st.db, c.id, u.id.0).await?,
    })
}

/// Submitted scans of the company while it shares them, oldest round first, with how far the
/// coach's review got. `names` holds the respondents' names.
async fn reviewable_scans(
    st: &AppState,
    shared: &SharedScans,
    names: &HashMap<i64, String>,
) -> Result<Vec<ReviewableScan>, AppError> {
    let ids: Vec<i64> = shared.0.iter().map(|s| s.id).collect();
    let progress = reviews::progress_of(&st.db, &ids).await?;
    Ok(shared
        .0
        .iter()
        .map(|s| {
            let (reviewed, flagged) = progress.get(&s.id).copied().unwrap_or_default();
            ReviewableScan {
                scan_id: ScanId(s.id),
                round: s.round,
                respondent: names.get(&s.respondent_id).cloned().unwrap_or_default(),
                overall: s.overall.unwrap_or_default(),
                band: s.band.clone().unwrap_or_default(),
                reviewed,
                flagged,
            }
        })
        .collect())
}

/// Colleagues whose specialism fits the weakest dimension of the latest shared scan.
async fn colleague_hint(
    st: &AppState,
    u: &CurrentUser,
    c: &company::Model,
    latest: Option<&Latest>,
) -> Result<ColleagueHint, AppError> {
    let mut hint = ColleagueHint {
        weakest: None,
        questionnaire: None,
        topics: vec![],
        people: vec![],
    };
    let Some(latest) = latest else {
        return Ok(hint);
    };
    let Some(weakest) = latest.weakest(1).pop() else {
        return Ok(hint);
    };
    let topics: Vec<_> = tprofile::topics(&st.db)
        .await?
        .into_iter()
        .filter(|t| t.dimension.as_deref() == Some(weakest.as_str()))
        .collect();
    let ids: Vec<i64> = topics.iter().map(|t| t.id).collect();
    let by_id: HashMap<i64, (String, String)> = topics
        .iter()
        .map(|t| (t.id, (t.nl.clone(), t.en.clone())))
        .collect();
    hint.people = tprofile::specialists(&st.db, c.organisation_id, &ids)
        .await?
        .into_iter()
        .filter(|(p, _)| p.id != u.id.0)
        .map(|(p, t)| {
            let (nl, en) = by_id.get(&t).cloned().unwrap_or_default();
            (person(&p), nl, en)
        })
        .collect();
    hint.topics = topics.into_iter().map(|t| (t.nl, t.en)).collect();
    hint.weakest = Some(weakest);
    hint.questionnaire = Some((*latest.questionnaire).clone());
    Ok(hint)
}

/// A page of the timeline: everything for the coaching staff, shared events for the company's
/// entrepreneurs.
pub async fn timeline_page(
    st: &AppState,
    u: &CurrentUser,
    id: CompanyId,
    group: &str,
    page: u64,
) -> Result<Timeline, AppError> {
    let (c, facts) = crate::companies::load_visible(st, u, id).await?;
    timeline_of(st, u, &c, &facts, group, page).await
}

async fn timeline_of(
    st: &AppState,
    u: &CurrentUser,
    c: &company::Model,
    facts: &access::CompanyFacts,
    group: &str,
    page: u64,
) -> Result<Timeline, AppError> {
    let internal = access::can_view_event(u, facts, false);
    if !internal && !access::can_view_event(u, facts, true) {
        return Err(AppError::Forbidden);
    }
    let page = page.max(1);
    let found = timeline::list(
        &st.db,
        c.id,
        kinds_of(group),
        !internal,
        offset_of(page),
        PER_PAGE,
    )
    .await?;
    Ok(Timeline {
        internal,
        events: Paged {
            items: found
                .items
                .into_iter()
                .map(|r| EventView {
                    kind: r.event.kind,
                    occurred_at: r.event.occurred_at,
                    actor: r.actor_name,
                    body: r.event.body,
                    shared: r.event.shared,
                    ref_id: r.event.ref_id,
                })
                .collect(),
            total: found.total,
            page,
            per_page: PER_PAGE,
        },
    })
}

pub async fn add_note(
    st: &AppState,
    u: &CurrentUser,
    id: CompanyId,
    body: &str,
    shared: bool,
) -> Result<(), AppError> {
    let (c, _) = coached_company(st, u, id).await?;
    let mut errors = FormErrors::new();
    errors.keep(Field::NoteText, body);
    let text = required_text(body, 5_000)
        .map_err(|m| errors.add(Field::NoteText, m))
        .ok();
    let text = errors.finish(text)?.unwrap_or_default();
    timeline::add(
        &st.db,
        timeline::NewEvent {
            company_id: c.id,
            kind: timeline::NOTE,
            actor_id: Some(u.id.0),
            shared,
            body: text,
            ref_id: None,
        },
    )
    .await?;
    Ok(())
}

pub async fn add_co_coach(
    st: &AppState,
    u: &CurrentUser,
    id: CompanyId,
    coach: UserId,
) -> Result<(), AppError> {
    let (c, facts) = coached_company(st, u, id).await?;
    if !access::can_manage_co_coaches(u, &facts, c.primary_coach_id.map(UserId)) {
        return Err(AppError::Forbidden);
    }
    let colleague = eligible_coach(st, &facts, coach, Field::CoCoach).await?;
    if c.primary_coach_id == Some(colleague.id)
        || coaching::is_co_coach(&st.db, c.id, colleague.id).await?
    {
        return Err(AppError::invalid(Field::CoCoach, Msg::SameCoach));
    }
    let txn = st.db.begin().await?;
    join_as_co_coach(&txn, u, &c, &colleague).await?;
    txn.commit().await?;
    Ok(())
}

/// Adds a co-coach (closing their request, if any) with its timeline entry.
async fn join_as_co_coach<C: db::ConnectionTrait>(
    txn: &C,
    u: &CurrentUser,
    c: &company::Model,
    colleague: &db::entities::user::Model,
) -> Result<(), AppError> {
    coaching::close_request(txn, c.id, colleague.id).await?;
    coaching::add_co_coach(txn, c.id, colleague.id).await?;
    timeline::add(
        txn,
        timeline::NewEvent {
            company_id: c.id,
            kind: timeline::COACHING,
            actor_id: Some(u.id.0),
            shared: false,
            body: format!("+ {}", colleague.name),
            ref_id: Some(colleague.id),
        },
    )
    .await?;
    Ok(())
}

/// A coach of the organisation asks to co-coach a company they do not coach yet. The primary
/// coach, or without one the organisation's programme managers, get an e-mail. Asking twice
/// changes nothing.
pub async fn request_co_coaching(
    st: &AppState,
    u: &CurrentUser,
    id: CompanyId,
) -> Result<(), AppError> {
    let (c, facts) = crate::companies::load_visible(st, u, id).await?;
    if !access::can_ask_to_co_coach(u, &facts) {
        return Err(if access::can_coach_company(u, &facts) {
            AppError::invalid(Field::CoCoach, Msg::SameCoach)
        } else {
            AppError::Forbidden
        });
    }
    if coaching::requested_at(&st.db, c.id, u.id.0)
        .await?
        .is_some()
    {
        return Ok(());
    }
    let deciders = match c.primary_coach_id {
        Some(p) => db::accounts::find_by_id(&st.db, p)
            .await?
            .filter(|p| p.active)
            .into_iter()
            .collect(),
        None => vec![],
    };
    let deciders = if deciders.is_empty() {
        db::companies::coaches_of(&st.db, c.organisation_id)
            .await?
            .into_iter()
            .filter(|p| p.role == db::roles::PROGRAMME_MANAGER)
            .collect()
    } else {
        deciders
    };
    let txn = st.db.begin().await?;
    match coaching::request_co_coaching(&txn, c.id, u.id.0).await {
        // Asked at the same moment from another tab: one request is enough.
        Err(db::DbError::Conflict(_)) => return Ok(()),
        r => r?,
    }
    for to in &deciders {
        let mail = crate::coach::mail::co_coach_request(&st.settings, to, &u.name, &c.name, c.id);
        db::outbox::enqueue(&txn, mail, st.settings.smtp_enabled).await?;
    }
    txn.commit().await?;
    Ok(())
}

/// The primary coach or a programme manager answers a colleague's request to co-coach; the
/// colleague gets an e-mail either way.
pub async fn answer_co_coaching(
    st: &AppState,
    u: &CurrentUser,
    id: CompanyId,
    coach: UserId,
    accept: bool,
) -> Result<(), AppError> {
    let (c, facts) = coached_company(st, u, id).await?;
    if !access::can_manage_co_coaches(u, &facts, c.primary_coach_id.map(UserId)) {
        return Err(AppError::Forbidden);
    }
    if coaching::requested_at(&st.db, c.id, coach.0)
        .await?
        .is_none()
    {
        return Err(AppError::NotFound);
    }
    // Someone who left the organisation or was switched off in the meantime is not added.
    let colleague = eligible_coach(st, &facts, coach, Field::CoCoach).await;
    let txn = st.db.begin().await?;
    match (&colleague, accept) {
        (Ok(colleague), true) => {
            let already = c.primary_coach_id == Some(colleague.id)
                || coaching::is_co_coach(&txn, c.id, colleague.id).await?;
            if already {
                coaching::close_request(&txn, c.id, colleague.id).await?;
            } else {
                join_as_co_coach(&txn, u, &c, colleague).await?;
            }
        }
        _ => {
            coaching::close_request(&txn, c.id, coach.0).await?;
        }
    }
    if let Ok(colleague) = &colleague {
        let mail = crate::coach::mail::co_coach_answer(
            &st.settings,
            colleague,
            &u.name,
            &c.name,
            c.id,
            accept,
        );
        db::outbox::enqueue(&txn, mail, st.settings.smtp_enabled).await?;
    }
    txn.commit().await?;
    Ok(())
}

pub async fn remove_co_coach(
    st: &AppState,
    u: &CurrentUser,
    id: CompanyId,
    coach: UserId,
) -> Result<(), AppError> {
    let (c, facts) = coached_company(st, u, id).await?;
    if !access::can_remove_co_coach(u, &facts, c.primary_coach_id.map(UserId), coach) {
        return Err(AppError::Forbidden);
    }
    let txn = st.db.begin().await?;
    if !coaching::remove_co_coach(&txn, c.id, coach.0).await? {
        return Err(AppError::NotFound);
    }
    let name = db::accounts::find_by_id(&txn, coach.0)
        .await?
        .map(|x| x.name)
        .unwrap_or_default();
    timeline::add(
        &txn,
        timeline::NewEvent {
            company_id: c.id,
            kind: timeline::COACHING,
            actor_id: Some(u.id.0),
            shared: false,
            body: format!("- {name}"),
            ref_id: Some(coach.0),
        },
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

/// The handover form: a coach of the company's organisation other than `current`, and a
/// note. Both problems are reported together.
async fn handover_form(
    st: &AppState,
    facts: &access::CompanyFacts,
    to: UserId,
    current: Option<i64>,
    note: &str,
) -> Result<(db::entities::user::Model, String), AppError> {
    let mut errors = FormErrors::new();
    errors.keep(Field::HandoverNote, note);
    let note = required_text(note, 5_000)
        .map_err(|m| errors.add(Field::HandoverNote, m))
        .ok();
    let target = match eligible_coach(st, facts, to, Field::Coach).await {
        Ok(t) if current == Some(t.id) => {
            errors.add(Field::Coach, Msg::SameCoach);
            None
        }
        Ok(t) => Some(t),
        Err(_) => {
            errors.add(Field::Coach, Msg::ChoiceInvalid);
            None
        }
    };
    match errors.finish((target, note))? {
        (Some(target), Some(note)) => Ok((target, note)),
        _ => Err(AppError::Internal),
    }
}

/// Makes another coach the primary coach, with the handover note on the timeline.
pub async fn hand_over(
    st: &AppState,
    u: &CurrentUser,
    id: CompanyId,
    to: UserId,
    note: &str,
) -> Result<(), AppError> {
    let (c, facts) = coached_company(st, u, id).await?;
    if !access::can_hand_over(u, &facts, c.primary_coach_id.map(UserId)) {
        return Err(AppError::Forbidden);
    }
    let (target, note) = handover_form(st, &facts, to, c.primary_coach_id, note).await?;
    let txn = st.db.begin().await?;
    record_handover(&txn, &st.settings, &c, u, &target, &note).await?;
    txn.commit().await?;
    Ok(())
}

async fn record_handover<C: db::ConnectionTrait>(
    db: &C,
    settings: &crate::ssr::Settings,
    c: &company::Model,
    u: &CurrentUser,
    to: &db::entities::user::Model,
    note: &str,
) -> Result<(), AppError> {
    let from = match c.primary_coach_id {
        Some(pid) => db::accounts::find_by_id(db, pid).await?.map(|x| x.name),
        None => None,
    };
    coaching::set_primary(db, c.id, to.id).await?;
    timeline::add(
        db,
        timeline::NewEvent {
            company_id: c.id,
            kind: timeline::HANDOVER,
            actor_id: Some(u.id.0),
            shared: false,
            body: format!(
                "{} → {}\n{}",
                from.unwrap_or_else(|| "-".into()),
                to.name,
                note
            ),
            ref_id: Some(to.id),
        },
    )
    .await?;
    // The entrepreneurs are introduced to their new coach.
    for member in db::companies::members(db, c.id).await? {
        if member.active {
            let m = crate::coach::mail::new_coach(settings, &member, to, &c.name, c.id);
            db::outbox::enqueue(db, m, settings.smtp_enabled).await?;
        }
    }
    Ok(())
}

/// Coaching staff of the asker's organisation with their number of companies (bulk handover).
pub async fn staff_loads(st: &AppState, u: &CurrentUser) -> Result<Vec<StaffLoad>, AppError> {
    if u.role != Role::ProgrammeManager || u.organisation_id.is_none() {
        return Err(AppError::Forbidden);
    }
    let org = u.organisation_id.map(|o| o.0).unwrap_or_default();
    let mut out = Vec::new();
    for s in db::accounts::staff_of(&st.db, org).await? {
        let companies = coaching::primary_of(&st.db, s.id).await?.len();
        out.push(StaffLoad {
            person: person(&s),
            active: s.active,
            companies,
        });
    }
    Ok(out)
}

/// Hands every company of one coach to another (when a coach leaves), one transaction.
pub async fn bulk_hand_over(
    st: &AppState,
    u: &CurrentUser,
    from: UserId,
    to: UserId,
    note: &str,
) -> Result<usize, AppError> {
    let leaving = db::accounts::find_by_id(&st.db, from.0)
        .await?
        .filter(|x| Role::parse(&x.role).is_some_and(Role::is_coaching_staff));
    let leaving_org = leaving
        .as_ref()
        .and_then(|x| x.organisation_id)
        .map(OrganisationId);
    if !access::can_bulk_hand_over(u, leaving_org) {
        return Err(match leaving {
            None => AppError::invalid(Field::FromCoach, Msg::ChoiceInvalid),
            Some(_) => AppError::Forbidden,
        });
    }
    let facts = access::CompanyFacts {
        organisation_id: leaving_org.unwrap_or(OrganisationId(0)),
        asker_is_member: false,
        asker_coaches: false,
    };
    let (target, note) = handover_form(st, &facts, to, Some(from.0), note).await?;
    let txn = st.db.begin().await?;
    let companies = coaching::primary_of(&txn, from.0).await?;
    for c in &companies {
        record_handover(&txn, &st.settings, c, u, &target, &note).await?;
    }
    txn.commit().await?;
    Ok(companies.len())
}

/// The entrepreneur's view of the coaching: the actions that are theirs to do.
pub async fn portal(
    st: &AppState,
    u: &CurrentUser,
    id: CompanyId,
) -> Result<PortalCoaching, AppError> {
    let (c, facts) = crate::companies::load_visible(st, u, id).await?;
    if !(u.role == Role::Entrepreneur && facts.asker_is_member) {
        return Err(AppError::Forbidden);
    }
    portal_of(st, &c).await
}

/// The entrepreneur's side of the coaching: the actions that are theirs.
async fn portal_of(st: &AppState, c: &company::Model) -> Result<PortalCoaching, AppError> {
    let names = HashMap::new();
    Ok(PortalCoaching {
        actions: actions::of_company(&st.db, c.id)
            .await?
            .into_iter()
            .filter(|a| a.owner == actions::OWNER_ENTREPRENEUR)
            .map(|a| action_view(a, &c.name, &names, true))
            .collect(),
    })
}

fn require_staff(u: &CurrentUser) -> Result<(), AppError> {
    if u.role.is_coaching_staff() && u.organisation_id.is_some() {
        Ok(())
    } else {
        Err(AppError::Forbidden)
    }
}

pub async fn t_profile(st: &AppState, u: &CurrentUser) -> Result<TProfile, AppError> {
    require_staff(u)?;
    let courses = tprofile::courses_of(&st.db, u.id.0).await?;
    Ok(TProfile {
        topics: tprofile::topics(&st.db)
            .await?
            .into_iter()
            .map(|t| TopicView {
                completed_on: courses
                    .iter()
                    .find(|c| c.topic_id == t.id)
                    .map(|c| c.completed_on),
                id: t.id,
                key: t.key,
                nl: t.nl,
                en: t.en,
            })
            .collect(),
        specialism: tprofile::specialism_of(&st.db, u.id.0).await?,
    })
}

pub async fn save_t_profile(
    st: &AppState,
    u: &CurrentUser,
    form: &TProfileForm,
) -> Result<(), AppError> {
    require_staff(u)?;
    let topics = tprofile::topics(&st.db).await?;
    let mut errors = FormErrors::new();
    let mut courses = Vec::new();
    for t in &topics {
        let raw = form.courses.get(&t.key).map(String::as_str).unwrap_or("");
        if raw.trim().is_empty() {
            continue;
        }
        match crate::coach::report::parse_date(raw) {
            Ok(d) if d <= db::workspace::today() => courses.push((t.id, d)),
            _ => {
                errors.keep(Field::Courses, raw);
                errors.add(Field::Courses, Msg::DateInvalid);
            }
        }
    }
    let specialism = match optional_text(&form.specialism, 20) {
        Ok(None) => None,
        Ok(Some(s)) => match s
            .parse::<i64>()
            .ok()
            .filter(|id| topics.iter().any(|t| t.id == *id))
        {
            Some(id) => Some(id),
            None => {
                errors.add(Field::Specialism, Msg::ChoiceInvalid);
                None
            }
        },
        Err(m) => {
            errors.add(Field::Specialism, m);
            None
        }
    };
    errors.finish(())?;
    let txn = st.db.begin().await?;
    tprofile::save(&txn, u.id.0, &courses, specialism).await?;
    txn.commit().await?;
    Ok(())
}
