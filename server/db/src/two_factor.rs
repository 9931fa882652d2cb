//! The second factor of an account: its TOTP secret, the last time step accepted, and the
//! one-time recovery codes (stored as SHA-256 only). Checking a code is the app's work; this
//! module records what was accepted, each time in one conditional statement, so two requests
//! with the same code cannot both succeed.
use crate::entities::{recovery_code, two_factor};
use crate::{DbResult, now, sessions};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, EntityTrait, PaginatorTrait,
    QueryFilter, QuerySelect, Set,
};
use std::collections::HashSet;

pub async fn find<C: ConnectionTrait>(db: &C, user_id: i64) -> DbResult<Option<two_factor::Model>> {
    Ok(two_factor::Entity::find_by_id(user_id).one(db).await?)
}

/// The confirmed factor of a user, if any (an unconfirmed one does not count).
pub async fn confirmed<C: ConnectionTrait>(
    db: &C,
    user_id: i64,
) -> DbResult<Option<two_factor::Model>> {
    Ok(find(db, user_id)
        .await?
        .filter(|f| f.confirmed_at.is_some()))
}

pub async fn is_enrolled<C: ConnectionTrait>(db: &C, user_id: i64) -> DbResult<bool> {
    Ok(two_factor::Entity::find()
        .filter(two_factor::Column::UserId.eq(user_id))
        .filter(two_factor::Column::ConfirmedAt.is_not_null())
        .count(db)
        .await?
        > 0)
}

/// Which of these users have a confirmed factor (one query for a whole list).
pub async fn enrolled_among<C: ConnectionTrait>(
    db: &C,
    user_ids: &[i64],
) -> DbResult<HashSet<i64>> {
    if user_ids.is_empty() {
        return Ok(HashSet::new());
    }
    let ids: Vec<i64> = two_factor::Entity::find()
        .select_only()
        .column(two_factor::Column::UserId)
        .filter(two_factor::Column::UserId.is_in(user_ids.iter().copied()))
        .filter(two_factor::Column::ConfirmedAt.is_not_null())
        .into_tuple()
        .all(db)
        .await?;
    Ok(ids.into_iter().collect())
}

/// The factor being set up: the unconfirmed one already there (so reloading the page keeps
/// the QR code the person may have scanned), else a new one with `new_secret`.
pub async fn begin<C: ConnectionTrait>(
    db: &C,
    user_id: i64,
    new_secret: String,
) -> DbResult<two_factor::Model> {
    if let Some(existing) = find(db, user_id).await? {
        return Ok(existing);
    }
    let at = now();
    Ok(two_factor::ActiveModel {
        user_id: Set(user_id),
        secret: Set(new_secret),
        confirmed_at: Set(None),
        last_used_step: Set(None),
        created_at: Set(at),
        updated_at: Set(at),
    }
    .insert(db)
    .await?)
}

/// Records `step` as used when it is later than the last one used. `false` means the code
/// (or an earlier one) was used already: a replay.
pub async fn use_step<C: ConnectionTrait>(db: &C, user_id: i64, step: i64) -> DbResult<bool> {
    let res = two_factor::Entity::update_many()
        .col_expr(two_factor::Column::LastUsedStep, Expr::value(step))
        .col_expr(two_factor::Column::UpdatedAt, Expr::value(now()))
        .filter(two_factor::Column::UserId.eq(user_id))
        .filter(
            Condition::any()
                .add(two_factor::Column::LastUsedStep.is_null())
                .add(two_factor::Column::LastUsedStep.lt(step)),
        )
        .exec(db)
        .await?;
    Ok(res.rows_affected == 1)
}

/// Confirms the factor (its first code was right) and gives it these recovery codes. Call
/// inside a transaction, after `use_step` accepted the code.
pub async fn confirm<C: ConnectionTrait>(
    db: &C,
    user_id: i64,
    code_hashes: &[String],
) -> DbResult<()> {
    two_factor::Entity::update_many()
        .col_expr(two_factor::Column::ConfirmedAt, Expr::value(now()))
        .col_expr(two_factor::Column::UpdatedAt, Expr::value(now()))
        .filter(two_factor::Column::UserId.eq(user_id))
        .exec(db)
        .await?;
    replace_recovery_codes(db, user_id, code_hashes).await
}

/// New recovery codes; every older one stops working.
pub async fn replace_recovery_codes<C: ConnectionTrait>(
    db: &C,
    user_id: i64,
    code_hashes: &[String],
) -> DbResult<()> {
    recovery_code::Entity::delete_many()
        .filter(recovery_code::Column::UserId.eq(user_id))
        .exec(db)
        .await?;
    let at = now();
    let rows = code_hashes.iter().map(|h| recovery_code::ActiveModel {
        user_id: Set(user_id),
        code_hash: Set(h.clone()),
        used_at: Set(None),
        created_at: Set(at),
        updated_at: Set(at),
        ..Default::default()
    });
    if !code_hashes.is_empty() {
        recovery_code::Entity::insert_many(rows).exec(db).await?;
    }
    Ok(())
}

/// Uses the unused recovery code with this hash. `false` when there is none (wrong, or
/// used already).
pub async fn use_recovery_code<C: ConnectionTrait>(
    db: &C,
    user_id: i64,
    code_hash: &str,
) -> DbResult<bool> {
    let res = recovery_code::Entity::update_many()
        .col_expr(recovery_code::Column::UsedAt, Expr::value(now()))
        .col_expr(recovery_code::Column::UpdatedAt, Expr::value(now()))
        .filter(recovery_code::Column::UserId.eq(user_id))
        .filter(recovery_code::Column::CodeHash.eq(code_hash))
        .filter(recovery_code::Column::UsedAt.is_null())
        .exec(db)
        .await?;
    Ok(res.rows_affected >= 1)
}

pub async fn recovery_codes_left<C: ConnectionTrait>(db: &C, user_id: i64) -> DbResult<u64> {
    Ok(recovery_code::Entity::find()
        .filter(recovery_code::Column::UserId.eq(user_id))
        .filter(recovery_code::Column::UsedAt.is_null())
        .count(db)
        .await?)
}

/// Which of `code_hashes` are unused recovery codes of this user (to show codes only while
/// they are still valid).
pub async fn unused_among<C: ConnectionTrait>(
    db: &C,
    user_id: i64,
    code_hashes: &[String],
) -> DbResult<HashSet<String>> {
    let found: Vec<String> = recovery_code::Entity::find()
        .select_only()
        .column(recovery_code::Column::CodeHash)
        .filter(recovery_code::Column::UserId.eq(user_id))
        .filter(recovery_code::Column::UsedAt.is_null())
        .filter(recovery_code::Column::CodeHash.is_in(code_hashes.iter().cloned()))
        .into_tuple()
        .all(db)
        .await?;
    Ok(found.into_iter().collect())
}

/// Removes the factor and its recovery codes. Call inside a transaction.
pub async fn remove<C: ConnectionTrait>(db: &C, user_id: i64) -> DbResult<bool> {
    recovery_code::Entity::delete_many()
        .filter(recovery_code::Column::UserId.eq(user_id))
        .exec(db)
        .await?;
    let res = two_factor::Entity::delete_by_id(user_id).exec(db).await?;
    Ok(res.rows_affected > 0)
}

/// A lost factor, reset by an admin: the factor and its codes go, and so does every session
/// and pending login of the person, so whoever holds their phone is out at once. Call inside
/// a transaction.
pub async fn reset<C: ConnectionTrait>(db: &C, user_id: i64) -> DbResult<bool> {
    let removed = remove(db, user_id).await?;
    sessions::delete_for_user(db, user_id).await?;
    crate::login_challenges::delete_for_user(db, user_id).await?;
    Ok(removed)
}

/// A confirmed factor with a known secret, for the demo accounts.
pub async fn enrol_confirmed<C: ConnectionTrait>(
    db: &C,
    user_id: i64,
    secret: &str,
) -> DbResult<()> {
    let at = now();
    two_factor::ActiveModel {
        user_id: Set(user_id),
        secret: Set(secret.to_owned()),
        confirmed_at: Set(Some(at)),
        last_used_step: Set(None),
        created_at: Set(at),
        updated_at: Set(at),
    }
    .insert(db)
    .await?;
    Ok(())
}

/// Ends every session of the user but the one with `keep` (its cookie secret).
pub async fn end_other_sessions<C: ConnectionTrait>(
    db: &C,
    user_id: i64,
    keep: &str,
) -> DbResult<()> {
    use crate::entities::session;
    session::Entity::delete_many()
        .filter(session::Column::UserId.eq(user_id))
        .filter(session::Column::Id.ne(crate::tokens::digest(keep)))
        .exec(db)
        .await?;
    Ok(())
}
