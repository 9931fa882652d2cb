//! Users: creation, authentication, invitations and password resets.
use crate::entities::{company_member, user, user_token};
use crate::error::TokenProblem;
use crate::{DbError, DbResult, Page, now, password, roles, tokens};
use chrono::Duration;
use sea_orm::sea_query::ExprTrait;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, QuerySelect, Set,
};

/// Invitations are valid for 14 days.
pub const INVITE_TTL: Duration = Duration::days(14);
/// Password-reset links are valid for one hour: long enough to open the e-mail, short
/// enough that an old mail in a mailbox is no key to the account.
pub const RESET_TTL: Duration = Duration::hours(1);
/// Used and expired links are kept this long (so a late click still says "used" or
/// "expired"), then purged.
pub const SPENT_TOKEN_KEPT: Duration = Duration::days(7);

pub const PURPOSE_INVITE: &str = "invite";
pub const PURPOSE_RESET: &str = "reset";

/// E-mail addresses are compared trimmed and lower-cased.
pub fn normalise_email(email: &str) -> String {
    email.trim().to_lowercase()
}

#[derive(Debug, Clone)]
pub struct NewUser {
    pub email: String,
    pub name: String,
    pub language: String,
    pub role: &'static str,
    pub organisation_id: Option<i64>,
    pub expert_firm_id: Option<i64>,
    /// An already computed argon2id hash, or `None` for an invited user without a password yet.
    pub password_hash: Option<String>,
}

pub async fn create_user<C: ConnectionTrait>(db: &C, new: NewUser) -> DbResult<user::Model> {
    let email = normalise_email(&new.email);
    if find_by_email(db, &email).await?.is_some() {
        return Err(DbError::Conflict("email"));
    }
    let at = now();
    user::ActiveModel {
        email: Set(email),
        name: Set(new.name.trim().to_owned()),
        language: Set(new.language),
        password_hash: Set(new.password_hash),
        role: Set(new.role.to_owned()),
        organisation_id: Set(new.organisation_id),
        expert_firm_id: Set(new.expert_firm_id),
        active: Set(true),
        created_at: Set(at),
        updated_at: Set(at),
        ..Default::default()
    }
    .insert(db)
    .await
    .map_err(|e| DbError::unique(e, "email"))
}

pub async fn find_by_email<C: ConnectionTrait>(
    db: &C,
    email: &str,
) -> DbResult<Option<user::Model>> {
    Ok(user::Entity::find()
        .filter(user::Column::Email.eq(normalise_email(email)))
        .one(db)
        .await?)
}

pub async fn find_by_id<C: ConnectionTrait>(db: &C, id: i64) -> DbResult<Option<user::Model>> {
    Ok(user::Entity::find_by_id(id).one(db).await?)
}

/// Returns the user when the e-mail and password match an active account. An unknown e-mail
/// takes as long as a wrong password, so the answer does not reveal which accounts exist.
pub async fn authenticate<C: ConnectionTrait>(
    db: &C,
    email: &str,
    password: &str,
) -> DbResult<Option<user::Model>> {
    let found = find_by_email(db, email).await?;
    let password = password.to_owned();
    let checked = password::run_bounded(move || match found {
        Some(u) if u.active && u.password_hash.is_some() => {
            let ok = password::verify_password(
                &password,
                u.password_hash.as_deref().unwrap_or_default(),
            );
            ok.then_some(u)
        }
        _ => {
            password::burn_verification_time(&password);
            None
        }
    })
    .await?;
    Ok(checked)
}

pub async fn set_language<C: ConnectionTrait>(
    db: &C,
    user_id: i64,
    language: &str,
) -> DbResult<()> {
    let u = find_by_id(db, user_id).await?.ok_or(DbError::NotFound)?;
    let mut am: user::ActiveModel = u.into();
    am.language = Set(language.to_owned());
    am.updated_at = Set(now());
    am.update(db).await?;
    Ok(())
}

/// Activates or deactivates an account. Deactivation ends every session of that user at once.
pub async fn set_active<C: ConnectionTrait>(
    db: &C,
    user_id: i64,
    active: bool,
) -> DbResult<user::Model> {
    let u = find_by_id(db, user_id).await?.ok_or(DbError::NotFound)?;
    let mut am: user::ActiveModel = u.into();
    am.active = Set(active);
    am.updated_at = Set(now());
    let updated = am.update(db).await?;
    if !active {
        crate::sessions::delete_for_user(db, user_id).await?;
    }
    Ok(updated)
}

pub async fn set_password_hash<C: ConnectionTrait>(
    db: &C,
    user_id: i64,
    hash: String,
) -> DbResult<user::Model> {
    let u = find_by_id(db, user_id).await?.ok_or(DbError::NotFound)?;
    let mut am: user::ActiveModel = u.into();
    am.password_hash = Set(Some(hash));
    am.updated_at = Set(now());
    Ok(am.update(db).await?)
}

/// Filters for the admin's user list.
#[derive(Debug, Clone, Default)]
pub struct UserFilter {
    pub search: Option<String>,
    pub role: Option<String>,
}

pub async fn list_users<C: ConnectionTrait>(
    db: &C,
    filter: &UserFilter,
    offset: u64,
    limit: u64,
) -> DbResult<Page<user::Model>> {
    let mut q = user::Entity::find();
    if let Some(like) = crate::search::contains(filter.search.as_deref()) {
        q = q.filter(
            sea_orm::Condition::any()
                .add(user::Column::Email.like(like.clone()))
                .add(
                    sea_orm::sea_query::Expr::expr(sea_orm::sea_query::Func::lower(
                        sea_orm::sea_query::Expr::col(user::Column::Name),
                    ))
                    .like(like),
                ),
        );
    }
    if let Some(r) = filter.role.as_deref() {
        q = q.filter(user::Column::Role.eq(r));
    }
    let total = q.clone().count(db).await?;
    let items = q
        .order_by_asc(user::Column::Name)
        .order_by_asc(user::Column::Id)
        .offset(offset)
        .limit(limit)
        .all(db)
        .await?;
    Ok(Page { items, total })
}

/// Creates a single-use token for `user_id` and returns the secret for the e-mailed link.
pub async fn issue_token<C: ConnectionTrait>(
    db: &C,
    user_id: i64,
    purpose: &'static str,
    company_id: Option<i64>,
    created_by_id: Option<i64>,
) -> DbResult<String> {
    let secret = tokens::new_secret();
    let at = now();
    // Only the newest link of a kind works: the older ones expire now.
    user_token::Entity::update_many()
        .col_expr(user_token::Column::ExpiresAt, at.into())
        .col_expr(user_token::Column::UpdatedAt, at.into())
        .filter(user_token::Column::UserId.eq(user_id))
        .filter(user_token::Column::Purpose.eq(purpose))
        .filter(user_token::Column::UsedAt.is_null())
        .filter(user_token::Column::ExpiresAt.gt(at))
        .exec(db)
        .await?;
    let ttl = if purpose == PURPOSE_INVITE {
        INVITE_TTL
    } else {
        RESET_TTL
    };
    user_token::ActiveModel {
        token_hash: Set(tokens::digest(&secret)),
        user_id: Set(user_id),
        purpose: Set(purpose.to_owned()),
        company_id: Set(company_id),
        created_by_id: Set(created_by_id),
        expires_at: Set(at + ttl),
        used_at: Set(None),
        created_at: Set(at),
        updated_at: Set(at),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(secret)
}

/// Looks a token up without using it: for showing the invitation page.
pub async fn check_token<C: ConnectionTrait>(
    db: &C,
    secret: &str,
    purpose: &str,
) -> DbResult<(user_token::Model, user::Model)> {
    let found = user_token::Entity::find()
        .filter(user_token::Column::TokenHash.eq(tokens::digest(secret.trim())))
        .filter(user_token::Column::Purpose.eq(purpose))
        .one(db)
        .await?
        .ok_or(TokenProblem::Unknown)?;
    if found.used_at.is_some() {
        return Err(TokenProblem::Used.into());
    }
    if found.expires_at <= now() {
        return Err(TokenProblem::Expired.into());
    }
    let u = find_by_id(db, found.user_id)
        .await?
        .ok_or(TokenProblem::Unknown)?;
    if !u.active {
        return Err(TokenProblem::Unknown.into());
    }
    Ok((found, u))
}

/// Uses a token to set a password (and, for invitations, the person's name). Marks the token
/// used and ends the user's other sessions. Call inside a transaction.
pub async fn redeem_token<C: ConnectionTrait>(
    db: &C,
    secret: &str,
    purpose: &str,
    new_name: Option<String>,
    password_hash: String,
) -> DbResult<user::Model> {
    // Used once, decided by the database: of two requests racing with the same link only the
    // one whose conditional update changes the row goes on. The update comes first, so the
    // transaction takes the write lock at once (SQLite would refuse to upgrade a reader's lock
    // while another writer holds it).
    let at = now();
    let claimed = user_token::Entity::update_many()
        .col_expr(user_token::Column::UsedAt, Some(at).into())
        .col_expr(user_token::Column::UpdatedAt, at.into())
        .filter(user_token::Column::TokenHash.eq(tokens::digest(secret.trim())))
        .filter(user_token::Column::Purpose.eq(purpose))
        .filter(user_token::Column::UsedAt.is_null())
        .filter(user_token::Column::ExpiresAt.gt(at))
        .exec(db)
        .await?;
    if claimed.rows_affected != 1 {
        // Say why: unknown, expired or (most likely, after a race) used.
        check_token(db, secret, purpose).await?;
        return Err(TokenProblem::Used.into());
    }
    let token = user_token::Entity::find()
        .filter(user_token::Column::TokenHash.eq(tokens::digest(secret.trim())))
        .one(db)
        .await?
        .ok_or(TokenProblem::Unknown)?;
    let u = find_by_id(db, token.user_id)
        .await?
        .filter(|u| u.active)
        .ok_or(TokenProblem::Unknown)?;
    let mut am: user::ActiveModel = u.into();
    if let Some(name) = new_name {
        am.name = Set(name);
    }
    am.password_hash = Set(Some(password_hash));
    am.updated_at = Set(now());
    let updated = am.update(db).await?;
    crate::sessions::delete_for_user(db, updated.id).await?;
    Ok(updated)
}

/// Deletes links used or expired more than [`SPENT_TOKEN_KEPT`] ago; returns how many.
pub async fn purge_spent_tokens<C: ConnectionTrait>(db: &C) -> DbResult<u64> {
    let before = now() - SPENT_TOKEN_KEPT;
    Ok(user_token::Entity::delete_many()
        .filter(
            sea_orm::Condition::any()
                .add(user_token::Column::ExpiresAt.lt(before))
                .add(user_token::Column::UsedAt.lt(before)),
        )
        .exec(db)
        .await?
        .rows_affected)
}

/// What inviting an entrepreneur to a company did.
#[derive(Debug, Clone)]
pub struct EntrepreneurInvite {
    pub user: user::Model,
    /// A link secret when the person still has to set a password.
    pub token: Option<String>,
}

/// Adds a person to a company as entrepreneur, creating the account when needed. Call inside a
/// transaction together with queueing the e-mail.
pub async fn invite_entrepreneur<C: ConnectionTrait>(
    db: &C,
    company_id: i64,
    email: &str,
    name: &str,
    language: &str,
    invited_by: i64,
) -> DbResult<EntrepreneurInvite> {
    let person = match find_by_email(db, email).await? {
        Some(existing) if existing.role != roles::ENTREPRENEUR => {
            return Err(DbError::Conflict("email"));
        }
        Some(existing) => existing,
        None => {
            create_user(
                db,
                NewUser {
                    email: email.to_owned(),
                    name: name.to_owned(),
                    language: language.to_owned(),
                    role: roles::ENTREPRENEUR,
                    organisation_id: None,
                    expert_firm_id: None,
                    password_hash: None,
                },
            )
            .await?
        }
    };
    crate::companies::add_member(db, company_id, person.id).await?;
    let token = if person.password_hash.is_none() {
        Some(
            issue_token(
                db,
                person.id,
                PURPOSE_INVITE,
                Some(company_id),
                Some(invited_by),
            )
            .await?,
        )
    } else {
        None
    };
    Ok(EntrepreneurInvite {
        user: person,
        token,
    })
}

/// Whether `user_id` is a member of `company_id`.
pub async fn is_member<C: ConnectionTrait>(
    db: &C,
    company_id: i64,
    user_id: i64,
) -> DbResult<bool> {
    Ok(company_member::Entity::find()
        .filter(company_member::Column::CompanyId.eq(company_id))
        .filter(company_member::Column::UserId.eq(user_id))
        .count(db)
        .await?
        > 0)
}

/// Everyone on the coaching staff of an organisation, active or not (for handovers).
pub async fn staff_of<C: ConnectionTrait>(
    db: &C,
    organisation_id: i64,
) -> DbResult<Vec<user::Model>> {
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
    Ok(user::Entity::find()
        .filter(user::Column::OrganisationId.eq(organisation_id))
        .filter(user::Column::Role.is_in([crate::roles::COACH, crate::roles::PROGRAMME_MANAGER]))
        .order_by_asc(user::Column::Name)
        .all(db)
        .await?)
}
