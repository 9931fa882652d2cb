//! Who coaches a company: one primary coach (changed by a handover) and any co-coaches.
use crate::entities::{company, company_coach, user};
use crate::{DbError, DbResult, now};
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
