//! Server side of leads.
use super::types::*;
use crate::auth::CurrentUser;
use crate::domain::{
    CompanyId, Field, Msg, PER_PAGE, Paged, Role, Sector, SizeBand, UserId, offset_of, parse_kvk,
    required_text,
};
use crate::error::{AppError, FormErrors};
use crate::ssr::AppState;
use db::TransactionTrait;
use db::entities::lead;
use db::leads;
use db::workspace::{caseload, timeline};

fn staff_org(u: &CurrentUser) -> Result<i64, AppError> {
    match (u.role.is_coaching_staff(), u.organisation_id) {
        (true, Some(o)) => Ok(o.0),
        _ => Err(AppError::Forbidden),
    }
}

async fn expert_profile(st: &AppState, u: &CurrentUser) -> Result<Option<i64>, AppError> {
    if u.role != Role::Expert {
        return Err(AppError::Forbidden);
    }
    Ok(db::experts::profile_of(&st.db, u.id.0).await?.map(|p| p.id))
}

pub async fn my_leads(st: &AppState, u: &CurrentUser) -> Result<MyLeads, AppError> {
    let profile = expert_profile(st, u).await?;
    let leads = match profile {
        Some(p) => leads::of_profile(&st.db, p).await?,
        None => vec![],
    };
    Ok(MyLeads {
        has_profile: profile.is_some(),
        // The proposer sees the status of their leads, nothing of what became of the company.
        leads: leads
            .into_iter()
            .map(|l| LeadView {
                id: l.id,
                company_name: l.company_name,
                kvk_number: l.kvk_number,
                status: l.status,
                at: l.created_at,
                expert: None,
                reason: None,
                decline_reason: None,
                company: None,
                matched: None,
            })
            .collect(),
        organisations: db::companies::organisation_names(&st.db)
            .await?
            .into_iter()
            .collect::<std::collections::BTreeMap<_, _>>()
            .into_iter()
            .collect(),
    })
}

pub async fn propose(st: &AppState, u: &CurrentUser, f: &ProposeForm) -> Result<i64, AppError> {
    let profile = expert_profile(st, u).await?.ok_or(AppError::Forbidden)?;
    let mut e = FormErrors::new();
    for (field, v) in [
        (Field::Organisation, &f.organisation_id),
        (Field::CompanyName, &f.company_name),
        (Field::KvkNumber, &f.kvk_number),
        (Field::Reason, &f.reason),
    ] {
        e.keep(field, v);
    }
    let org = match f.organisation_id.parse::<i64>().ok() {
        Some(id) => db::companies::find_organisation(&st.db, id)
            .await?
            .map(|o| o.id),
        None => None,
    };
    if org.is_none() {
        e.add(Field::Organisation, Msg::ChoiceInvalid);
    }
    let name = required_text(&f.company_name, 200)
        .map_err(|m| e.add(Field::CompanyName, m))
        .ok();
    let kvk = parse_kvk(&f.kvk_number)
        .map_err(|m| e.add(Field::KvkNumber, m))
        .ok();
    let reason = required_text(&f.reason, 2_000)
        .map_err(|m| e.add(Field::Reason, m))
        .ok();
    let (org, name, kvk, reason) = e.finish((org, name, kvk, reason))?;
    let (Some(org), Some(name), Some(kvk), Some(reason)) = (org, name, kvk, reason) else {
        return Err(AppError::Internal);
    };
    let txn = st.db.begin().await?;
    let l = leads::propose(
        &txn,
        leads::NewLead {
            organisation_id: org,
            profile_id: profile,
            company_name: name,
            kvk_number: kvk,
            reason,
        },
    )
    .await?;
    // The programme managers decide who takes a lead on: they hear of it at once.
    for pm in db::accounts::staff_of(&txn, org).await? {
        if pm.active && pm.role == db::roles::PROGRAMME_MANAGER {
            let m = super::mail::arrived(&st.settings, &pm, &u.name, &l.company_name);
            db::outbox::enqueue(&txn, m, st.settings.smtp_enabled).await?;
        }
    }
    txn.commit().await?;
    Ok(l.id)
}

fn view(r: leads::InboxRow) -> LeadView {
    let l = r.lead;
    LeadView {
        id: l.id,
        company_name: l.company_name,
        kvk_number: l.kvk_number,
        status: l.status,
        at: l.created_at,
        expert: r.expert_name,
        reason: Some(l.reason),
        decline_reason: l.decline_reason,
        company: r.company.map(|(id, name)| (CompanyId(id), name)),
        matched: r.matched.map(|(id, name)| (CompanyId(id), name)),
    }
}

pub async fn inbox(st: &AppState, u: &CurrentUser, page: u64) -> Result<LeadInbox, AppError> {
    let org = staff_org(u)?;
    let page = page.max(1);
    let found = leads::inbox_rows(&st.db, org, offset_of(page), PER_PAGE).await?;
    Ok(LeadInbox {
        leads: Paged {
            items: found.items.into_iter().map(view).collect(),
            total: found.total,
            page,
            per_page: PER_PAGE,
        },
        staff: db::companies::coaches_of(&st.db, org)
            .await?
            .into_iter()
            .map(|c| (UserId(c.id), c.name))
            .collect(),
    })
}

/// A new lead of the asker's organisation.
async fn open_lead(st: &AppState, u: &CurrentUser, id: i64) -> Result<lead::Model, AppError> {
    let org = staff_org(u)?;
    let l = leads::find(&st.db, id)
        .await?
        .filter(|l| l.organisation_id == org)
        .ok_or(AppError::NotFound)?;
    if l.status != leads::NEW {
        return Err(AppError::invalid(Field::Form, Msg::LeadDecided));
    }
    Ok(l)
}

/// Accepts a lead: links the company with the same KvK number, or creates it, and assigns the
/// chosen coach when the company has none.
pub async fn accept(
    st: &AppState,
    u: &CurrentUser,
    id: i64,
    f: &AcceptForm,
) -> Result<CompanyId, AppError> {
    let l = open_lead(st, u, id).await?;
    let existing = db::companies::find_by_kvk(&st.db, &l.kvk_number).await?;
    if existing
        .as_ref()
        .is_some_and(|c| c.organisation_id != l.organisation_id)
    {
        // The KvK number belongs to a company of another organisation: it cannot be taken over.
        return Err(AppError::invalid(Field::KvkNumber, Msg::KvkTaken));
    }
    let mut e = FormErrors::new();
    e.keep(Field::Municipality, &f.municipality);
    e.keep(Field::SizeBand, &f.size_band);
    e.keep(Field::PrimarySector, &f.primary_sector);
    let coach = f.coach_id.parse::<i64>().ok();
    let coaches = db::companies::coaches_of(&st.db, l.organisation_id).await?;
    let coach = coach.filter(|c| coaches.iter().any(|x| x.id == *c));
    if coach.is_none() {
        e.add(Field::Coach, Msg::ChoiceInvalid);
    }
    let new_fields = if existing.is_none() {
        let town = required_text(&f.municipality, 100)
            .map_err(|m| e.add(Field::Municipality, m))
            .ok();
        let size = SizeBand::parse(&f.size_band);
        if size.is_none() {
            e.add(Field::SizeBand, Msg::ChoiceInvalid);
        }
        let sector = Sector::parse(&f.primary_sector);
        if sector.is_none() {
            e.add(Field::PrimarySector, Msg::ChoiceInvalid);
        }
        Some((town, size, sector))
    } else {
        None
    };
    e.finish(())?;
    let coach = coach.ok_or(AppError::Internal)?;
    let proposer = proposer(st, &l).await?;
    let expert = proposer
        .as_ref()
        .map(|x| x.name.clone())
        .unwrap_or_default();
    let txn = st.db.begin().await?;
    let company_id = match existing {
        Some(c) => {
            if c.primary_coach_id.is_none() {
                db::workspace::coaching::set_primary(&txn, c.id, coach).await?;
            }
            c.id
        }
        None => {
            let (Some(Some(town)), Some(size), Some(sector)) = new_fields
                .map(|(t, s, x)| (Some(t), s, x))
                .unwrap_or((None, None, None))
            else {
                return Err(AppError::Internal);
            };
            db::companies::create(
                &txn,
                db::companies::NewCompany {
                    name: l.company_name.clone(),
                    kvk_number: l.kvk_number.clone(),
                    website: None,
                    founding_year: None,
                    address: None,
                    municipality: town,
                    size_band: size.as_str().to_owned(),
                    primary_sector: sector.code().to_string(),
                    secondary_sector: None,
                    organisation_id: l.organisation_id,
                    primary_coach_id: Some(coach),
                },
            )
            .await?
            .id
        }
    };
    leads::decide(&txn, l.id, Some(company_id), None, u.id.0).await?;
    timeline::add(
        &txn,
        timeline::NewEvent {
            company_id,
            kind: timeline::COMPANY,
            actor_id: Some(u.id.0),
            shared: false,
            body: format!("lead {expert}\n{}", l.reason),
            ref_id: Some(l.id),
        },
    )
    .await?;
    caseload::refresh(&txn, company_id).await?;
    if let Some(to) = &proposer {
        let m = super::mail::decided(&st.settings, to, &l.company_name, None);
        db::outbox::enqueue(&txn, m, st.settings.smtp_enabled).await?;
    }
    txn.commit().await?;
    Ok(CompanyId(company_id))
}

/// The expert who proposed a lead (their account), to tell them the decision.
async fn proposer(
    st: &AppState,
    l: &lead::Model,
) -> Result<Option<db::entities::user::Model>, AppError> {
    Ok(match db::experts::find(&st.db, l.profile_id).await? {
        Some(p) => db::accounts::find_by_id(&st.db, p.user_id).await?,
        None => None,
    })
}

pub async fn decline(
    st: &AppState,
    u: &CurrentUser,
    id: i64,
    reason: &str,
) -> Result<(), AppError> {
    let l = open_lead(st, u, id).await?;
    let mut e = FormErrors::new();
    e.keep(Field::Reason, reason);
    let reason = required_text(reason, 2_000)
        .map_err(|m| e.add(Field::Reason, m))
        .ok();
    let reason = e.finish(reason)?;
    let proposer = proposer(st, &l).await?;
    let txn = st.db.begin().await?;
    leads::decide(&txn, l.id, None, reason.clone(), u.id.0).await?;
    if let Some(to) = &proposer {
        let why = reason.unwrap_or_default();
        let m = super::mail::decided(&st.settings, to, &l.company_name, Some(&why));
        db::outbox::enqueue(&txn, m, st.settings.smtp_enabled).await?;
    }
    txn.commit().await?;
    Ok(())
}
