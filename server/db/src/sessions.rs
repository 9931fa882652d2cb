//! Server-side sessions in the database, so several app servers on one PostgreSQL share them.
//! The cookie holds a random secret; the table holds its SHA-256.
use crate::entities::{session, user};
use crate::{DbResult, now, tokens};
use chrono::Duration;
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};

/// Absolute lifetime of every session, whatever the activity.
pub const ABSOLUTE_LIFETIME: Duration = Duration::hours(8);
/// `last_seen_at` is written at most once a minute, so reading pages stays read-only.
const TOUCH_INTERVAL: Duration = Duration::seconds(60);

/// Starts a session and returns the secret for the cookie.
pub async fn create<C: ConnectionTrait>(
    db: &C,
    user_id: i64,
    idle_timeout: Duration,
) -> DbResult<String> {
    let secret = tokens::new_secret();
    let at = now();
    session::ActiveModel {
        id: Set(tokens::digest(&secret)),
        user_id: Set(user_id),
        idle_timeout_secs: Set(idle_timeout.num_seconds()),
        last_seen_at: Set(at),
        expires_at: Set(at + ABSOLUTE_LIFETIME),
        created_at: Set(at),
        updated_at: Set(at),
    }
    .insert(db)
    .await?;
    Ok(secret)
}

/// The user behind a cookie secret, if the session is still alive and the account active.
/// Expired sessions are removed on the way.
pub async fn resolve<C: ConnectionTrait>(db: &C, secret: &str) -> DbResult<Option<user::Model>> {
    let id = tokens::digest(secret);
    let Some((s, Some(u))) = session::Entity::find_by_id(id)
        .find_also_related(user::Entity)
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    let at = now();
    let idle_deadline = s.last_seen_at + Duration::seconds(s.idle_timeout_secs);
    if at >= s.expires_at || at >= idle_deadline || !u.active {
        session::Entity::delete_by_id(s.id).exec(db).await?;
        return Ok(None);
    }
    if at - s.last_seen_at >= TOUCH_INTERVAL {
        let mut am: session::ActiveModel = s.into();
        am.last_seen_at = Set(at);
        am.updated_at = Set(at);
        am.update(db).await?;
    }
    Ok(Some(u))
}

pub async fn delete<C: ConnectionTrait>(db: &C, secret: &str) -> DbResult<()> {
    session::Entity::delete_by_id(tokens::digest(secret))
        .exec(db)
        .await?;
    Ok(())
}

pub async fn delete_for_user<C: ConnectionTrait>(db: &C, user_id: i64) -> DbResult<()> {
    session::Entity::delete_many()
        .filter(session::Column::UserId.eq(user_id))
        .exec(db)
        .await?;
    Ok(())
}

/// Removes sessions past their absolute lifetime (idle ones are removed when next seen).
pub async fn purge_expired<C: ConnectionTrait>(db: &C) -> DbResult<u64> {
    let res = session::Entity::delete_many()
        .filter(session::Column::ExpiresAt.lte(now()))
        .exec(db)
        .await?;
    Ok(res.rows_affected)
}

/// Moves a session's clock, for tests of the timeouts.
pub async fn age_for_tests<C: ConnectionTrait>(db: &C, secret: &str, by: Duration) -> DbResult<()> {
    if let Some(s) = session::Entity::find_by_id(tokens::digest(secret))
        .one(db)
        .await?
    {
        let last_seen = s.last_seen_at - by;
        let expires = s.expires_at - by;
        let mut am: session::ActiveModel = s.into();
        am.last_seen_at = Set(last_seen);
        am.expires_at = Set(expires);
        am.update(db).await?;
    }
    Ok(())
}
