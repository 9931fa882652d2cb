//! Leads from experts: proposed companies waiting in a coaching organisation's inbox.
use crate::entities::lead;
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
