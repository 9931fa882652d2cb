//! Who coaches a company: one primary coach (changed by a handover) and any co-coaches.
use crate::entities::{co_coach_request, company, company_coach, user};
use crate::{DbError, DbResult, now};
use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, Set,
};

pub async fn co_coaches<C: ConnectionTrait>(db: &C, company_id: i64) -> DbResult<Vec<user::Model>> {
    let ids: Vec<i64> = company_coach::Entity::find()
        .filter(company_coach::Column::CompanyId.eq(company_id))
        .all(db)
        .await?
        .into_iter()
        .map(|c| c.user_id)
        .collect();
    if ids.is_empty() {
        return Ok(vec![]);
    }
    Ok(user::Entity::find()
        .filter(user::Column::Id.is_in(ids))
        .order_by_asc(user::Column::Name)
        .all(db)
        .await?)
}

pub async fn is_co_coach<C: ConnectionTrait>(
    db: &C,
    company_id: i64,
    user_id: i64,
) -> DbResult<bool> {
    Ok(company_coach::Entity::find()
        .filter(company_coach::Column::CompanyId.eq(company_id))
        .filter(company_coach::Column::UserId.eq(user_id))
        .count(db)
        .await?
        > 0)
}

/// Adds a co-coach; `Conflict` when they already are one.
pub async fn add_co_coach<C: ConnectionTrait>(
    db: &C,
    company_id: i64,
    user_id: i64,
) -> DbResult<()> {
    if is_co_coach(db, company_id, user_id).await? {
        return Err(DbError::Conflict("co_coach"));
    }
    let at = now();
    company_coach::ActiveModel {
        company_id: Set(company_id),
        user_id: Set(user_id),
        created_at: Set(at),
        updated_at: Set(at),
        ..Default::default()
    }
    .insert(db)
    .await
    .map_err(|e| DbError::unique(e, "co_coach"))?;
    Ok(())
}

pub async fn remove_co_coach<C: ConnectionTrait>(
    db: &C,
    company_id: i64,
    user_id: i64,
) -> DbResult<bool> {
    let res = company_coach::Entity::delete_many()
        .filter(company_coach::Column::CompanyId.eq(company_id))
        .filter(company_coach::Column::UserId.eq(user_id))
        .exec(db)
        .await?;
    Ok(res.rows_affected > 0)
}

/// Makes `coach_id` the primary coach. A co-coach who becomes primary is no longer listed
/// twice.
pub async fn set_primary<C: ConnectionTrait>(
    db: &C,
    company_id: i64,
    coach_id: i64,
) -> DbResult<()> {
    let c = company::Entity::find_by_id(company_id)
        .one(db)
        .await?
        .ok_or(DbError::NotFound)?;
    let mut am: company::ActiveModel = c.into();
    am.primary_coach_id = Set(Some(coach_id));
    am.updated_at = Set(now());
    am.update(db).await?;
    remove_co_coach(db, company_id, coach_id).await?;
    Ok(())
}

/// The companies a coach is primary coach of (for a bulk handover).
pub async fn primary_of<C: ConnectionTrait>(
    db: &C,
    coach_id: i64,
) -> DbResult<Vec<company::Model>> {
    Ok(company::Entity::find()
        .filter(company::Column::PrimaryCoachId.eq(coach_id))
        .order_by_asc(company::Column::Name)
        .all(db)
        .await?)
}

/// A coach of the organisation asks to become co-coach; `Conflict` when they already asked.
pub async fn request_co_coaching<C: ConnectionTrait>(
    db: &C,
    company_id: i64,
    coach_id: i64,
) -> DbResult<()> {
    co_coach_request::ActiveModel {
        company_id: Set(company_id),
        coach_id: Set(coach_id),
        created_at: Set(now()),
        ..Default::default()
    }
    .insert(db)
    .await
    .map_err(|e| DbError::unique(e, "co_coach_request"))?;
    Ok(())
}

/// When `coach_id` asked to co-coach the company, if they did.
pub async fn requested_at<C: ConnectionTrait>(
    db: &C,
    company_id: i64,
    coach_id: i64,
) -> DbResult<Option<DateTime<Utc>>> {
    Ok(co_coach_request::Entity::find()
        .filter(co_coach_request::Column::CompanyId.eq(company_id))
        .filter(co_coach_request::Column::CoachId.eq(coach_id))
        .one(db)
        .await?
        .map(|r| r.created_at))
}

/// The open co-coaching requests of a company, oldest first, with who asked.
pub async fn requests_of<C: ConnectionTrait>(
    db: &C,
    company_id: i64,
) -> DbResult<Vec<(user::Model, DateTime<Utc>)>> {
    let requests = co_coach_request::Entity::find()
        .filter(co_coach_request::Column::CompanyId.eq(company_id))
        .order_by_asc(co_coach_request::Column::Id)
        .all(db)
        .await?;
    if requests.is_empty() {
        return Ok(vec![]);
    }
    let people = user::Entity::find()
        .filter(user::Column::Id.is_in(requests.iter().map(|r| r.coach_id)))
        .all(db)
        .await?;
    Ok(requests
        .into_iter()
        .filter_map(|r| {
            people
                .iter()
                .find(|p| p.id == r.coach_id)
                .map(|p| (p.clone(), r.created_at))
        })
        .collect())
}

/// Removes a request (answered or withdrawn); whether there was one.
pub async fn close_request<C: ConnectionTrait>(
    db: &C,
    company_id: i64,
    coach_id: i64,
) -> DbResult<bool> {
    let res = co_coach_request::Entity::delete_many()
        .filter(co_coach_request::Column::CompanyId.eq(company_id))
        .filter(co_coach_request::Column::CoachId.eq(coach_id))
        .exec(db)
        .await?;
    Ok(res.rows_affected > 0)
}
