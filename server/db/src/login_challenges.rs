//! The step between a correct password and a correct second-factor code: a short-lived
//! challenge, found by the SHA-256 of a secret in its own cookie. It is not a session: the
//! session middleware never sees it, so a password alone opens nothing.
use crate::entities::{login_challenge, user};
use crate::{DbResult, now, tokens};
use chrono::Duration;
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};

/// Long enough to open an authenticator app, short enough that a forgotten tab is dead.
pub const LIFETIME: Duration = Duration::minutes(5);
/// Wrong codes allowed per password entry: a million codes cannot be tried in five.
pub const MAX_ATTEMPTS: i32 = 5;

/// Starts a challenge for `user_id` and returns the secret for its cookie. Older challenges
/// of the same user end: only the latest password entry counts.
pub async fn create<C: ConnectionTrait>(db: &C, user_id: i64) -> DbResult<String> {
    delete_for_user(db, user_id).await?;
    let secret = tokens::new_secret();
    let at = now();
    login_challenge::ActiveModel {
        id: Set(tokens::digest(&secret)),
        user_id: Set(user_id),
        attempts: Set(0),
        expires_at: Set(at + LIFETIME),
        created_at: Set(at),
        updated_at: Set(at),
    }
    .insert(db)
    .await?;
    Ok(secret)
}

/// The user of a live challenge with attempts left. A dead one is removed on the way.
pub async fn resolve<C: ConnectionTrait>(db: &C, secret: &str) -> DbResult<Option<user::Model>> {
    let id = tokens::digest(secret);
    let Some((c, Some(u))) = login_challenge::Entity::find_by_id(id)
        .find_also_related(user::Entity)
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    if c.expires_at <= now() || c.attempts >= MAX_ATTEMPTS || !u.active {
        login_challenge::Entity::delete_by_id(c.id).exec(db).await?;
        return Ok(None);
    }
    Ok(Some(u))
}

/// Counts a wrong code; returns whether the challenge may still be answered.
pub async fn fail<C: ConnectionTrait>(db: &C, secret: &str) -> DbResult<bool> {
    let id = tokens::digest(secret);
    login_challenge::Entity::update_many()
        .col_expr(
            login_challenge::Column::Attempts,
            Expr::col(login_challenge::Column::Attempts).add(1),
        )
        .col_expr(login_challenge::Column::UpdatedAt, Expr::value(now()))
        .filter(login_challenge::Column::Id.eq(id.clone()))
        .exec(db)
        .await?;
    let left = login_challenge::Entity::find_by_id(id)
        .one(db)
        .await?
        .is_some_and(|c| c.attempts < MAX_ATTEMPTS);
    if !left {
        delete(db, secret).await?;
    }
    Ok(left)
}

pub async fn delete<C: ConnectionTrait>(db: &C, secret: &str) -> DbResult<()> {
    login_challenge::Entity::delete_by_id(tokens::digest(secret))
        .exec(db)
        .await?;
    Ok(())
}

pub async fn delete_for_user<C: ConnectionTrait>(db: &C, user_id: i64) -> DbResult<()> {
    login_challenge::Entity::delete_many()
        .filter(login_challenge::Column::UserId.eq(user_id))
        .exec(db)
        .await?;
    Ok(())
}

/// Removes dead challenges (run with the session purge).
pub async fn purge_expired<C: ConnectionTrait>(db: &C) -> DbResult<u64> {
    let res = login_challenge::Entity::delete_many()
        .filter(login_challenge::Column::ExpiresAt.lte(now()))
        .exec(db)
        .await?;
    Ok(res.rows_affected)
}
