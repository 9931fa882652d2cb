//! Leads from experts: proposed companies waiting in a coaching organisation's inbox.
use crate::entities::{company, expert_profile, lead};
use crate::{DbError, DbResult, Page, now};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, QuerySelect, Set,
};

pub const NEW: &str = "new";
pub const ACCEPTED: &str = "accepted";
pub const DECLINED: &str = "declined";

#[derive(Debug, Clone)]
pub struct NewLead {
    pub organisation_id: i64,
    pub profile_id: i64,
    pub company_name: String,
    pub kvk_number: String,
    pub reason: String,
}

pub async fn propose<C: ConnectionTrait>(db: &C, n: NewLead) -> DbResult<lead::Model> {
    let at = now();
    Ok(lead::ActiveModel {
        organisation_id: Set(n.organisation_id),
        profile_id: Set(n.profile_id),
        company_name: Set(n.company_name),
        kvk_number: Set(n.kvk_number),
        reason: Set(n.reason),
        status: Set(NEW.to_owned()),
        decline_reason: Set(None),
        company_id: Set(None),
        decided_by_id: Set(None),
        decided_at: Set(None),
        created_at: Set(at),
        updated_at: Set(at),
        ..Default::default()
    }
    .insert(db)
    .await?)
}

pub async fn find<C: ConnectionTrait>(db: &C, id: i64) -> DbResult<Option<lead::Model>> {
    Ok(lead::Entity::find_by_id(id).one(db).await?)
}

/// An organisation's inbox: new leads first, then decided ones, newest first.
pub async fn inbox<C: ConnectionTrait>(
    db: &C,
    organisation_id: i64,
    offset: u64,
    limit: u64,
) -> DbResult<Page<lead::Model>> {
    let q = lead::Entity::find().filter(lead::Column::OrganisationId.eq(organisation_id));
    let total = q.clone().count(db).await?;
    let items = q
        .order_by_desc(lead::Column::Status.eq(NEW))
        .order_by_desc(lead::Column::Id)
        .offset(offset)
        .limit(limit)
        .all(db)
        .await?;
    Ok(Page { items, total })
}

/// A lead of the inbox with what the coach decides on: who proposed it, the company it was
/// linked to, and the organisation's company with the same KvK number.
#[derive(Debug, Clone)]
pub struct InboxRow {
    pub lead: lead::Model,
    pub expert_name: Option<String>,
    /// (id, name) of the company the accepted lead was linked to.
    pub company: Option<(i64, String)>,
    /// (id, name) of the organisation's company with the lead's KvK number.
    pub matched: Option<(i64, String)>,
}

/// A page of the inbox with its rows' context: five queries, however many rows.
pub async fn inbox_rows<C: ConnectionTrait>(
    db: &C,
    organisation_id: i64,
    offset: u64,
    limit: u64,
) -> DbResult<Page<InboxRow>> {
    let page = inbox(db, organisation_id, offset, limit).await?;
    if page.items.is_empty() {
        return Ok(Page {
            items: vec![],
            total: page.total,
        });
    }
    let profile_ids: Vec<i64> = page.items.iter().map(|l| l.profile_id).collect();
    let user_of: std::collections::HashMap<i64, i64> = expert_profile::Entity::find()
        .filter(expert_profile::Column::Id.is_in(profile_ids))
        .all(db)
        .await?
        .into_iter()
        .map(|p| (p.id, p.user_id))
        .collect();
    let names = crate::workspace::timeline::user_names(db, user_of.values().copied()).await?;
    let linked: Vec<i64> = page.items.iter().filter_map(|l| l.company_id).collect();
    let kvks: Vec<String> = page.items.iter().map(|l| l.kvk_number.clone()).collect();
    let companies = company::Entity::find()
        .filter(
            sea_orm::Condition::any()
                .add(company::Column::Id.is_in(linked))
                .add(
                    sea_orm::Condition::all()
                        .add(company::Column::OrganisationId.eq(organisation_id))
                        .add(company::Column::KvkNumber.is_in(kvks)),
                ),
        )
        .all(db)
        .await?;
    let items = page
        .items
        .into_iter()
        .map(|l| InboxRow {
            expert_name: user_of
                .get(&l.profile_id)
                .and_then(|u| names.get(u))
                .cloned(),
            company: l.company_id.and_then(|id| {
                companies
                    .iter()
                    .find(|c| c.id == id)
                    .map(|c| (c.id, c.name.clone()))
            }),
            matched: companies
                .iter()
                .find(|c| c.kvk_number == l.kvk_number && c.organisation_id == l.organisation_id)
                .map(|c| (c.id, c.name.clone())),
            lead: l,
        })
        .collect();
    Ok(Page {
        items,
        total: page.total,
    })
}

/// The leads an expert proposed, newest first.
pub async fn of_profile<C: ConnectionTrait>(db: &C, profile_id: i64) -> DbResult<Vec<lead::Model>> {
    Ok(lead::Entity::find()
        .filter(lead::Column::ProfileId.eq(profile_id))
        .order_by_desc(lead::Column::Id)
        .all(db)
        .await?)
}

/// The experts whose accepted lead brought this company in.
pub async fn proposers_of_company<C: ConnectionTrait>(
    db: &C,
    company_id: i64,
) -> DbResult<Vec<i64>> {
    Ok(lead::Entity::find()
        .filter(lead::Column::CompanyId.eq(company_id))
        .filter(lead::Column::Status.eq(ACCEPTED))
        .all(db)
        .await?
        .into_iter()
        .map(|l| l.profile_id)
        .collect())
}

/// Records the decision: accepted with the company it became, or declined with a reason.
pub async fn decide<C: ConnectionTrait>(
    db: &C,
    id: i64,
    company_id: Option<i64>,
    decline_reason: Option<String>,
    by: i64,
) -> DbResult<()> {
    let l = find(db, id).await?.ok_or(DbError::NotFound)?;
    let mut am: lead::ActiveModel = l.into();
    am.status = Set(if company_id.is_some() {
        ACCEPTED
    } else {
        DECLINED
    }
    .to_owned());
    am.company_id = Set(company_id);
    am.decline_reason = Set(decline_reason);
    am.decided_by_id = Set(Some(by));
    am.decided_at = Set(Some(now()));
    am.updated_at = Set(now());
    am.update(db).await?;
    Ok(())
}
