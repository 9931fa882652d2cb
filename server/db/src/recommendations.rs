//! Recommendations of experts to companies, and the engagements that follow when an
//! entrepreneur contacts an expert.
use crate::entities::{engagement, recommendation};
use crate::{DbResult, now};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set,
};

pub const CONTACTED: &str = "contacted";

pub async fn create<C: ConnectionTrait>(
    db: &C,
    company_id: i64,
    profile_id: i64,
    coach_id: i64,
    dimension: &str,
    reason: &str,
) -> DbResult<recommendation::Model> {
    let at = now();
    Ok(recommendation::ActiveModel {
        company_id: Set(company_id),
        profile_id: Set(profile_id),
        coach_id: Set(coach_id),
        dimension: Set(dimension.to_owned()),
        reason: Set(reason.to_owned()),
        created_at: Set(at),
        updated_at: Set(at),
        ..Default::default()
    }
    .insert(db)
    .await?)
}

pub async fn find<C: ConnectionTrait>(db: &C, id: i64) -> DbResult<Option<recommendation::Model>> {
    Ok(recommendation::Entity::find_by_id(id).one(db).await?)
}

/// A company's recommendations, newest first.
pub async fn of_company<C: ConnectionTrait>(
    db: &C,
    company_id: i64,
) -> DbResult<Vec<recommendation::Model>> {
    Ok(recommendation::Entity::find()
        .filter(recommendation::Column::CompanyId.eq(company_id))
        .order_by_desc(recommendation::Column::Id)
        .all(db)
        .await?)
}

#[derive(Debug, Clone)]
pub struct NewEngagement {
    pub recommendation_id: Option<i64>,
    pub company_id: i64,
    pub profile_id: i64,
    pub entrepreneur_id: i64,
    pub message: String,
    pub shared_contact: String,
}

pub async fn engage<C: ConnectionTrait>(db: &C, n: NewEngagement) -> DbResult<engagement::Model> {
    let at = now();
    Ok(engagement::ActiveModel {
        recommendation_id: Set(n.recommendation_id),
        company_id: Set(n.company_id),
        profile_id: Set(n.profile_id),
        entrepreneur_id: Set(n.entrepreneur_id),
        message: Set(n.message),
        shared_contact: Set(n.shared_contact),
        status: Set(CONTACTED.to_owned()),
        created_at: Set(at),
        updated_at: Set(at),
        ..Default::default()
    }
    .insert(db)
    .await?)
}

pub async fn engagements_of_company<C: ConnectionTrait>(
    db: &C,
    company_id: i64,
) -> DbResult<Vec<engagement::Model>> {
    Ok(engagement::Entity::find()
        .filter(engagement::Column::CompanyId.eq(company_id))
        .order_by_desc(engagement::Column::Id)
        .all(db)
        .await?)
}
