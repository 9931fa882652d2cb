//! Recommendations of experts to companies, and the engagements that follow when an
//! entrepreneur contacts an expert.
use crate::entities::{engagement, recommendation};
use crate::{DbResult, now};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set,
};

pub const CONTACTED: &str = "contacted";
/// The course of an engagement, in order.
pub const STATUSES: [&str; 6] = [CONTACTED, "intake", "quote", "running", "done", "stopped"];

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

/// Recommendations by id, in one query.
pub async fn find_many<C: ConnectionTrait>(
    db: &C,
    ids: &[i64],
) -> DbResult<Vec<recommendation::Model>> {
    if ids.is_empty() {
        return Ok(vec![]);
    }
    Ok(recommendation::Entity::find()
        .filter(recommendation::Column::Id.is_in(ids.to_vec()))
        .all(db)
        .await?)
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
    /// A scan result the entrepreneur chose to share with the expert.
    pub shared_scan_id: Option<i64>,
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
        outcome: Set(None),
        lesson: Set(None),
        shared_scan_id: Set(n.shared_scan_id),
        share_until: Set(Some(at + SHARE_LASTS)),
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

pub async fn find_engagement<C: ConnectionTrait>(
    db: &C,
    id: i64,
) -> DbResult<Option<engagement::Model>> {
    Ok(engagement::Entity::find_by_id(id).one(db).await?)
}

/// Updates an engagement's status and outcome, and (`Some`) the coach's lesson learned.
pub async fn update_engagement<C: ConnectionTrait>(
    db: &C,
    id: i64,
    status: &str,
    outcome: Option<String>,
    lesson: Option<Option<String>>,
) -> DbResult<()> {
    let e = find_engagement(db, id)
        .await?
        .ok_or(crate::DbError::NotFound)?;
    let mut am: engagement::ActiveModel = e.into();
    am.status = Set(status.to_owned());
    am.outcome = Set(outcome);
    if let Some(l) = lesson {
        am.lesson = Set(l);
    }
    am.updated_at = Set(now());
    am.update(db).await?;
    Ok(())
}

pub async fn engagements_of_profile<C: ConnectionTrait>(
    db: &C,
    profile_id: i64,
) -> DbResult<Vec<engagement::Model>> {
    Ok(engagement::Entity::find()
        .filter(engagement::Column::ProfileId.eq(profile_id))
        .order_by_desc(engagement::Column::Id)
        .all(db)
        .await?)
}

/// How long an expert sees what an entrepreneur shared with them, from the contact or from
/// the last renewal.
pub const SHARE_LASTS: chrono::Duration = chrono::Duration::days(90);

/// Until when the expert sees what was shared in this engagement.
pub fn share_ends(e: &engagement::Model) -> chrono::DateTime<chrono::Utc> {
    e.share_until.unwrap_or(e.created_at + SHARE_LASTS)
}

/// Whether the expert still sees what was shared in this engagement at `at`.
pub fn share_active(e: &engagement::Model, at: chrono::DateTime<chrono::Utc>) -> bool {
    share_ends(e) > at
}

/// The condition "the share has not ended" in a query ([`share_ends`] in SQL).
fn share_running() -> sea_orm::Condition {
    let at = now();
    sea_orm::Condition::any()
        .add(engagement::Column::ShareUntil.gt(at))
        .add(
            sea_orm::Condition::all()
                .add(engagement::Column::ShareUntil.is_null())
                .add(engagement::Column::CreatedAt.gt(at - SHARE_LASTS)),
        )
}

/// Whether the expert with this profile was given this scan result by the entrepreneur, in a
/// share that has not ended.
pub async fn scan_shared_with<C: ConnectionTrait>(
    db: &C,
    profile_id: i64,
    scan_id: i64,
) -> DbResult<bool> {
    use sea_orm::PaginatorTrait;
    Ok(engagement::Entity::find()
        .filter(engagement::Column::ProfileId.eq(profile_id))
        .filter(engagement::Column::SharedScanId.eq(scan_id))
        .filter(share_running())
        .count(db)
        .await?
        > 0)
}

/// The contacts an entrepreneur made with experts, newest first: what they shared.
pub async fn engagements_of_entrepreneur<C: ConnectionTrait>(
    db: &C,
    user_id: i64,
) -> DbResult<Vec<engagement::Model>> {
    Ok(engagement::Entity::find()
        .filter(engagement::Column::EntrepreneurId.eq(user_id))
        .order_by_desc(engagement::Column::Id)
        .all(db)
        .await?)
}

/// Sets what an engagement shares and until when (a renewal, a change, or a withdrawal with
/// nothing shared until now).
pub async fn set_share<C: ConnectionTrait>(
    db: &C,
    e: engagement::Model,
    shared_contact: String,
    shared_scan_id: Option<i64>,
    until: chrono::DateTime<chrono::Utc>,
) -> DbResult<()> {
    let mut am: engagement::ActiveModel = e.into();
    am.shared_contact = Set(shared_contact);
    am.shared_scan_id = Set(shared_scan_id);
    am.share_until = Set(Some(until));
    am.updated_at = Set(now());
    am.update(db).await?;
    Ok(())
}
