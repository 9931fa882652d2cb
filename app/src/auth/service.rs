//! Server side of accounts: signing in and out, the language choice, reset and invitation
//! links. These functions check and do the database work; the server functions set the
//! cookies and redirect, which belong to the request.
use super::{CurrentUser, LinkInfo, LinkPurpose};
use crate::domain::{Field, Lang, MAX_NAME, Msg, parse_email, parse_new_password, required_text};
use crate::error::{AppError, FormErrors};
use crate::ssr::{self, AppState};
use db::TransactionTrait;
use db::throttle::Policy;

/// A session just started: the secret for its cookie and the language to remember.
pub struct NewSession {
    pub secret: String,
    pub language: Lang,
}

/// Refuses with 429 while any of these throttle keys must still wait.
async fn throttled(st: &AppState, checks: &[(Policy, &str)]) -> Result<(), AppError> {
    match db::throttle::wait_secs(&st.db, checks).await? {
        0 => Ok(()),
        wait => Err(AppError::too_many_attempts(wait)),
    }
}

/// Counts a failed lookup of a link from this address when the link was not usable.
async fn count_link_failure<T>(
    st: &AppState,
    from: &str,
    result: Result<T, AppError>,
) -> Result<T, AppError> {
    if matches!(result, Err(AppError::Link(_))) {
        db::throttle::fail(&st.db, &[(db::throttle::LINK_ADDRESS, from)]).await?;
    }
    result
}

/// What a correct password leads to.
pub enum LoginOutcome {
    /// Signed in (an admin or programme manager without a factor yet is sent to set it up).
    Session(NewSession),
    /// A second factor is set up: the code comes next. The secret is for the challenge's
    /// cookie; no session exists yet.
    Code { challenge: String },
}

/// Checks the credentials and starts a new session, ending `old` (the request's own session);
/// or, for an account with a second factor, starts the step that asks for its code.
/// Wrong passwords are counted per account and per client address (`from`); while either must
/// wait, the password is not even checked.
pub async fn login(
    st: &AppState,
    email: &str,
    password: &str,
    old: Option<&str>,
    from: &str,
) -> Result<LoginOutcome, AppError> {
    let mut errors = FormErrors::new();
    errors.keep(Field::Email, email);
    if email.trim().is_empty() {
        errors.add(Field::Email, Msg::Required);
    }
    if password.is_empty() {
        errors.add(Field::Password, Msg::Required);
    }
    if !errors.is_empty() {
        return Err(AppError::Invalid(errors));
    }
    let account = db::accounts::normalise_email(email);
    let checks = [
        (db::throttle::LOGIN_ACCOUNT, account.as_str()),
        (db::throttle::LOGIN_ADDRESS, from),
    ];
    throttled(st, &checks).await?;
    let Some(user) = db::accounts::authenticate(&st.db, email, password).await? else {
        db::throttle::fail(&st.db, &checks).await?;
        // One message for an unknown e-mail and a wrong password.
        errors.add(Field::Email, Msg::BadCredentials);
        return Err(AppError::Invalid(errors));
    };
    // The account's owner got the password right: earlier wrong guesses no longer slow them.
    db::throttle::clear(&st.db, &checks[..1]).await?;
    if db::two_factor::is_enrolled(&st.db, user.id).await? {
        let challenge = db::login_challenges::create(&st.db, user.id).await?;
        return Ok(LoginOutcome::Code { challenge });
    }
    start_session(st, &user, old)
        .await
        .map(LoginOutcome::Session)
}

/// Starts a session for a user who proved who they are, ending `old`: a new session id at
/// every login.
pub async fn start_session(
    st: &AppState,
    user: &db::entities::user::Model,
    old: Option<&str>,
) -> Result<NewSession, AppError> {
    let current = ssr::to_current_user(user).ok_or(AppError::Internal)?;
    if let Some(old) = old {
        db::sessions::delete(&st.db, old).await?;
    }
    let idle = chrono::Duration::minutes(current.role.idle_timeout_minutes());
    let secret = db::sessions::create(&st.db, user.id, idle).await?;
    Ok(NewSession {
        secret,
        language: current.language,
    })
}

/// Ends the session with this secret, if there is one.
pub async fn logout(st: &AppState, secret: Option<&str>) -> Result<(), AppError> {
    if let Some(secret) = secret {
        db::sessions::delete(&st.db, secret).await?;
    }
    Ok(())
}

/// A language as chosen in the menu; anything else is refused.
pub fn chosen_language(lang: &str) -> Result<Lang, AppError> {
    Lang::parse_strict(lang).ok_or_else(|| AppError::invalid(Field::Language, Msg::ChoiceInvalid))
}

/// Keeps the language on the account of a signed-in user, so e-mails follow it.
pub async fn remember_language(
    st: &AppState,
    u: Option<&CurrentUser>,
    lang: Lang,
) -> Result<(), AppError> {
    if let Some(u) = u {
        db::accounts::set_language(&st.db, u.id.0, lang.as_str()).await?;
    }
    Ok(())
}

/// Queues a reset link when the address belongs to an active account, and otherwise does
/// nothing: the answer is the same either way, so it does not reveal who has an account.
/// Every request counts, per address asked for and per client: each may send an e-mail.
pub async fn send_reset_link(st: &AppState, email: &str, from: &str) -> Result<(), AppError> {
    let email = parse_email(email).map_err(|m| {
        let mut e = FormErrors::new();
        e.keep(Field::Email, email);
        e.add(Field::Email, m);
        AppError::Invalid(e)
    })?;
    let checks = [
        (db::throttle::RESET_ACCOUNT, email.as_str()),
        (db::throttle::RESET_ADDRESS, from),
    ];
    throttled(st, &checks).await?;
    db::throttle::fail(&st.db, &checks).await?;
    if let Some(user) = db::accounts::find_by_email(&st.db, &email)
        .await?
        .filter(|u| u.active)
    {
        let txn = st.db.begin().await?;
        let token =
            db::accounts::issue_token(&txn, user.id, db::accounts::PURPOSE_RESET, None, None)
                .await?;
        let mail = super::mail::reset(&st.settings, &user, &token);
        db::outbox::enqueue(&txn, mail, st.settings.smtp_enabled).await?;
        txn.commit().await?;
    }
    Ok(())
}

/// Who a link is for, so the page can greet them; or why it cannot be used.
/// Unusable links are counted per client address, so secrets cannot be guessed at speed.
pub async fn link_info(
    st: &AppState,
    token: &str,
    purpose: &str,
    from: &str,
) -> Result<LinkInfo, AppError> {
    let purpose = LinkPurpose::parse(purpose).ok_or(AppError::NotFound)?;
    throttled(st, &[(db::throttle::LINK_ADDRESS, from)]).await?;
    let found = db::accounts::check_token(&st.db, token, purpose.as_str())
        .await
        .map_err(AppError::from);
    let (_, user) = count_link_failure(st, from, found).await?;
    Ok(LinkInfo {
        purpose,
        name: user.name,
        email: user.email,
    })
}

/// The set-password form as typed (the name only on an invitation).
pub struct PasswordForm {
    pub name: Option<String>,
    pub password: String,
    pub password_confirm: String,
}

/// Sets a password through an invitation or reset link and starts a session, in one
/// transaction with redeeming the link. A link proves the e-mail address, not the second
/// factor: an account with one is asked for its code next, as after a password.
pub async fn set_password(
    st: &AppState,
    token: &str,
    purpose: &str,
    form: PasswordForm,
    from: &str,
) -> Result<LoginOutcome, AppError> {
    let purpose = LinkPurpose::parse(purpose).ok_or(AppError::NotFound)?;
    throttled(st, &[(db::throttle::LINK_ADDRESS, from)]).await?;
    let (name, password) = parse_password_form(purpose, form)?;
    // Check the link before the (slow) hashing, so a dead link answers at once.
    let checked = db::accounts::check_token(&st.db, token, purpose.as_str())
        .await
        .map_err(AppError::from);
    count_link_failure(st, from, checked).await?;
    let hash = db::password::hash_password_async(password).await?;
    let txn = st.db.begin().await?;
    let user = db::accounts::redeem_token(&txn, token, purpose.as_str(), name, hash).await?;
    if db::two_factor::is_enrolled(&txn, user.id).await? {
        let challenge = db::login_challenges::create(&txn, user.id).await?;
        txn.commit().await?;
        return Ok(LoginOutcome::Code { challenge });
    }
    let idle = chrono::Duration::minutes(
        ssr::to_current_user(&user)
            .map(|u| u.role.idle_timeout_minutes())
            .unwrap_or(30),
    );
    let secret = db::sessions::create(&txn, user.id, idle).await?;
    txn.commit().await?;
    Ok(LoginOutcome::Session(NewSession {
        secret,
        language: Lang::parse(&user.language),
    }))
}

/// The name (invitations only) and the new password, or every field message at once.
fn parse_password_form(
    purpose: LinkPurpose,
    form: PasswordForm,
) -> Result<(Option<String>, String), AppError> {
    let mut errors = FormErrors::new();
    let name = match (purpose, form.name) {
        (LinkPurpose::Invite, Some(n)) => {
            errors.keep(Field::Name, &n);
            match required_text(&n, MAX_NAME) {
                Ok(n) => Some(n),
                Err(m) => {
                    errors.add(Field::Name, m);
                    None
                }
            }
        }
        _ => None,
    };
    let password = match parse_new_password(&form.password) {
        Ok(p) => Some(p),
        Err(m) => {
            errors.add(Field::Password, m);
            None
        }
    };
    if password.is_some() && form.password_confirm != password.clone().unwrap_or_default() {
        errors.add(Field::PasswordConfirm, Msg::PasswordMismatch);
    }
    let password = errors.finish(password)?.unwrap_or_default();
    Ok((name, password))
}
