//! Contribution schemes (data) and a company's applications, amounts in euro cents.
use crate::entities::{contribution_application, contribution_scheme};
use crate::{DbError, DbResult, now};
use sea_orm::prelude::Date;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set,
};

pub const APPLIED: &str = "applied";
pub const GRANTED: &str = "granted";
pub const REJECTED: &str = "rejected";

pub async fn schemes<C: ConnectionTrait>(db: &C) -> DbResult<Vec<contribution_scheme::Model>> {
    Ok(contribution_scheme::Entity::find()
        .order_by_asc(contribution_scheme::Column::Name)
        .all(db)
        .await?)
}

pub async fn of_company<C: ConnectionTrait>(
    db: &C,
    company_id: i64,
) -> DbResult<Vec<contribution_application::Model>> {
    Ok(contribution_application::Entity::find()
        .filter(contribution_application::Column::CompanyId.eq(company_id))
        .order_by_desc(contribution_application::Column::AppliedOn)
        .order_by_desc(contribution_application::Column::Id)
        .all(db)
        .await?)
}

pub async fn find<C: ConnectionTrait>(
    db: &C,
    id: i64,
) -> DbResult<Option<contribution_application::Model>> {
    Ok(contribution_application::Entity::find_by_id(id)
        .one(db)
        .await?)
}

#[derive(Debug, Clone)]
pub struct NewApplication {
    pub company_id: i64,
    pub scheme_id: i64,
    pub requested_cents: i64,
    pub applied_on: Date,
    pub created_by_id: i64,
    /// The engagement the contribution pays for, if any.
    pub engagement_id: Option<i64>,
}

pub async fn apply<C: ConnectionTrait>(
    db: &C,
    n: NewApplication,
) -> DbResult<contribution_application::Model> {
    let at = now();
    Ok(contribution_application::ActiveModel {
        company_id: Set(n.company_id),
        scheme_id: Set(n.scheme_id),
        engagement_id: Set(n.engagement_id),
        requested_cents: Set(n.requested_cents),
        granted_cents: Set(None),
        status: Set(APPLIED.to_owned()),
        applied_on: Set(n.applied_on),
        decided_on: Set(None),
        created_by_id: Set(n.created_by_id),
        created_at: Set(at),
        updated_at: Set(at),
        ..Default::default()
    }
    .insert(db)
    .await?)
}

/// Records the funder's decision: granted with an amount, or rejected.
pub async fn decide<C: ConnectionTrait>(
    db: &C,
    id: i64,
    granted_cents: Option<i64>,
    on: Date,
) -> DbResult<()> {
    let a = find(db, id).await?.ok_or(DbError::NotFound)?;
    let mut am: contribution_application::ActiveModel = a.into();
    am.status = Set(if granted_cents.is_some() {
        GRANTED
    } else {
        REJECTED
    }
    .to_owned());
    am.granted_cents = Set(granted_cents);
    am.decided_on = Set(Some(on));
    am.updated_at = Set(now());
    am.update(db).await?;
    Ok(())
}
