//! Server side of the second factor: the login's second step, setting the factor up, new
//! recovery codes, turning it off, and an admin's reset of a lost factor. Every code typed
//! is checked here, and what it used up is recorded in one conditional statement, so the
//! same code cannot be used twice, not even by two requests at once.
use super::{FactorOverview, FactorState, cookies, recovery, totp};
use crate::access;
use crate::auth::CurrentUser;
use crate::auth::service::{NewSession, start_session};
use crate::domain::{Field, Msg, UserId};
use crate::error::AppError;
use crate::ssr::{self, AppState};
use db::TransactionTrait;

fn invalid(msg: Msg) -> AppError {
    AppError::invalid(Field::Code, msg)
}

/// The code as typed, or "required". Codes are never given back to the form.
fn typed_code(typed: &str) -> Result<&str, AppError> {
    let typed = typed.trim();
    if typed.is_empty() {
        Err(invalid(Msg::Required))
    } else {
        Ok(typed)
    }
}

fn digits(typed: &str) -> String {
    typed.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Accepts the current code of the user's confirmed factor, or one of their unused
/// recovery codes (which is then used up).
async fn accept_code(st: &AppState, user_id: i64, typed: &str) -> Result<(), AppError> {
    let typed = typed_code(typed)?;
    let factor = db::two_factor::confirmed(&st.db, user_id)
        .await?
        .ok_or_else(|| invalid(Msg::CodeInvalid))?;
    if let Some(code) = recovery::normalise(typed) {
        let used =
            db::two_factor::use_recovery_code(&st.db, user_id, &recovery::digest(&code)).await?;
        return if used {
            tracing::info!(user = user_id, "recovery code used");
            Ok(())
        } else {
            Err(invalid(Msg::CodeInvalid))
        };
    }
    let step = totp::check(
        &factor.secret,
        &digits(typed),
        totp::unix_now(),
        factor.last_used_step,
    )
    .map_err(invalid)?;
    // `check` saw the last used step of a moment ago; this update is what decides.
    if db::two_factor::use_step(&st.db, user_id, step).await? {
        Ok(())
    } else {
        Err(invalid(Msg::CodeUsed))
    }
}

/// The login's second step: the challenge of the password step and a code. A wrong code
/// counts against the challenge; after five the password must be typed again.
pub async fn login_code(
    st: &AppState,
    challenge: Option<&str>,
    typed: &str,
    old: Option<&str>,
) -> Result<NewSession, AppError> {
    let expired = || invalid(Msg::LoginExpired);
    let challenge = challenge.ok_or_else(expired)?;
    let user = db::login_challenges::resolve(&st.db, challenge)
        .await?
        .ok_or_else(expired)?;
    typed_code(typed)?;
    if let Err(e) = accept_code(st, user.id, typed).await {
        if matches!(e, AppError::Invalid(_))
            && !db::login_challenges::fail(&st.db, challenge).await?
        {
            return Err(expired());
        }
        return Err(e);
    }
    db::login_challenges::delete(&st.db, challenge).await?;
    start_session(st, &user, old).await
}

/// The account page: the factor's state, and setting it up when it is not on yet. The
/// secret of a factor being set up is kept, so reloading shows the same QR code.
pub async fn overview(st: &AppState, u: &CurrentUser) -> Result<FactorOverview, AppError> {
    if !u.role.may_use_second_factor() {
        return Err(AppError::Forbidden);
    }
    let new_codes = take_new_codes(st, u).await?;
    let state = match db::two_factor::find(&st.db, u.id.0).await? {
        Some(f) if f.confirmed_at.is_some() => FactorState::On {
            recovery_codes_left: db::two_factor::recovery_codes_left(&st.db, u.id.0).await?,
        },
        _ => {
            let f = db::two_factor::begin(&st.db, u.id.0, totp::new_secret()).await?;
            FactorState::Setup(totp::setup(&f.secret, &u.email).ok_or_else(|| {
                tracing::error!(user = u.id.0, "a stored TOTP secret does not decode");
                AppError::Internal
            })?)
        }
    };
    Ok(FactorOverview {
        required: u.role.requires_second_factor(),
        state,
        new_codes,
    })
}

/// The recovery codes made by the last form post, shown this once: the cookie is cleared,
/// and only codes that still work for this user are shown.
async fn take_new_codes(st: &AppState, u: &CurrentUser) -> Result<Vec<String>, AppError> {
    let name = cookies::name(cookies::NEW_CODES_COOKIE, st.settings.secure_cookies);
    let Some(value) = ssr::request_cookie(name) else {
        return Ok(Vec::new());
    };
    ssr::set_cookie(cookies::new_codes_removal(st.settings.secure_cookies));
    let codes = cookies::parse_new_codes(&value);
    let hash = |c: &String| recovery::normalise(c).map(|n| recovery::digest(&n));
    let hashes: Vec<String> = codes.iter().filter_map(hash).collect();
    let unused = db::two_factor::unused_among(&st.db, u.id.0, &hashes).await?;
    Ok(codes
        .into_iter()
        .filter(|c| hash(c).is_some_and(|h| unused.contains(&h)))
        .collect())
}

/// Hands new recovery codes to the page that shows them once (see `cookies`).
pub fn show_once(st: &AppState, codes: &[String]) {
    ssr::set_cookie(cookies::new_codes(codes, st.settings.secure_cookies));
}

fn hashes(codes: &[String]) -> Vec<String> {
    codes
        .iter()
        .filter_map(|c| recovery::normalise(c))
        .map(|n| recovery::digest(&n))
        .collect()
}

/// Confirms the factor being set up with its first code, and returns the recovery codes.
/// The person's other sessions end: whoever signed in elsewhere with the password alone is
/// out.
pub async fn confirm(st: &AppState, u: &CurrentUser, typed: &str) -> Result<Vec<String>, AppError> {
    if !u.role.may_use_second_factor() {
        return Err(AppError::Forbidden);
    }
    let typed = typed_code(typed)?;
    let factor = db::two_factor::find(&st.db, u.id.0)
        .await?
        .ok_or(AppError::NotFound)?;
    if factor.confirmed_at.is_some() {
        return Err(AppError::Conflict);
    }
    let step = totp::check(
        &factor.secret,
        &digits(typed),
        totp::unix_now(),
        factor.last_used_step,
    )
    .map_err(invalid)?;
    let codes = recovery::generate();
    let txn = st.db.begin().await?;
    if !db::two_factor::use_step(&txn, u.id.0, step).await? {
        return Err(invalid(Msg::CodeUsed));
    }
    db::two_factor::confirm(&txn, u.id.0, &hashes(&codes)).await?;
    if let Some(current) = ssr::session_secret() {
        db::two_factor::end_other_sessions(&txn, u.id.0, &current).await?;
    }
    txn.commit().await?;
    tracing::info!(user = u.id.0, "second factor set up");
    Ok(codes)
}

/// New recovery codes (the old ones stop working), after a current code.
pub async fn new_codes(
    st: &AppState,
    u: &CurrentUser,
    typed: &str,
) -> Result<Vec<String>, AppError> {
    accept_code(st, u.id.0, typed).await?;
    let codes = recovery::generate();
    db::two_factor::replace_recovery_codes(&st.db, u.id.0, &hashes(&codes)).await?;
    tracing::info!(user = u.id.0, "new recovery codes");
    Ok(codes)
}

/// Turns the factor off, after a current code; not for the roles that must have one.
pub async fn disable(st: &AppState, u: &CurrentUser, typed: &str) -> Result<(), AppError> {
    if u.role.requires_second_factor() {
        return Err(invalid(Msg::FactorRequired));
    }
    accept_code(st, u.id.0, typed).await?;
    let txn = st.db.begin().await?;
    db::two_factor::remove(&txn, u.id.0).await?;
    txn.commit().await?;
    tracing::info!(user = u.id.0, "second factor turned off");
    Ok(())
}

/// An admin resets the lost factor of someone else: factor, recovery codes, sessions and
/// pending logins go. The person sets up a new factor at their next login (or may, if
/// their role does not require one). Recorded in the log as an admin action.
pub async fn reset(st: &AppState, u: &CurrentUser, target: UserId) -> Result<(), AppError> {
    if !access::can_reset_second_factor(u, target) {
        return Err(AppError::Forbidden);
    }
    let person = db::accounts::find_by_id(&st.db, target.0)
        .await?
        .ok_or(AppError::NotFound)?;
    let txn = st.db.begin().await?;
    let removed = db::two_factor::reset(&txn, person.id).await?;
    txn.commit().await?;
    tracing::warn!(
        target: "audit",
        admin = u.id.0,
        user = person.id,
        removed,
        "second factor reset by an admin; the person's sessions ended"
    );
    Ok(())
}
