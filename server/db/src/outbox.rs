//! The e-mail outbox. Every message is written here first, in the same transaction as the
//! change that caused it; with SMTP configured a worker sends it, without SMTP it is kept for an
//! admin to read. Nothing is dropped silently.
use crate::entities::outbox_message;
use crate::{DbResult, Page, now};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, QuerySelect, Set,
};

pub const STATUS_PENDING: &str = "pending";
pub const STATUS_SENT: &str = "sent";
pub const STATUS_FAILED: &str = "failed";
pub const STATUS_STORED: &str = "stored";
/// After this many failed attempts a message stays `failed` for an admin to look at.
pub const MAX_ATTEMPTS: i32 = 5;

/// The paths of e-mailed links whose last segment is a secret (sign-in by link).
const SECRET_LINK_PATHS: [&str; 2] = ["/invitation/", "/reset-password/"];
/// What replaces a link's secret.
pub const MASK: &str = "••••••";

/// The body with the secret of every sign-in link replaced by [`MASK`]: what an admin reads
/// and what is kept once the message is sent. Nobody but the recipient can use the link.
pub fn mask_links(body: &str) -> String {
    let mut out = String::with_capacity(body.len());
    let mut rest = body;
    while let Some((at, path)) = SECRET_LINK_PATHS
        .iter()
        .filter_map(|p| rest.find(p).map(|i| (i, *p)))
        .min_by_key(|(i, _)| *i)
    {
        let secret_start = at + path.len();
        out.push_str(&rest[..secret_start]);
        let secret_len = rest[secret_start..]
            .find(|c: char| !c.is_ascii_alphanumeric())
            .unwrap_or(rest.len() - secret_start);
        if secret_len > 0 {
            out.push_str(MASK);
        }
        rest = &rest[secret_start + secret_len..];
    }
    out.push_str(rest);
    out
}

#[derive(Debug, Clone)]
pub struct OutgoingMail {
    pub to_email: String,
    pub to_name: String,
    pub language: String,
    pub kind: &'static str,
    pub subject: String,
    pub body: String,
}

/// Queues a message: `pending` when SMTP will send it, `stored` when there is no SMTP.
pub async fn enqueue<C: ConnectionTrait>(
    db: &C,
    mail: OutgoingMail,
    smtp_enabled: bool,
) -> DbResult<outbox_message::Model> {
    let at = now();
    if !smtp_enabled {
        // Without SMTP the operator's console is the only way a link can reach its
        // recipient (admins see links masked); whoever runs the server holds the data anyway.
        tracing::info!(
            target: "datacoach::outbox",
            to = %mail.to_email,
            subject = %mail.subject,
            "no SMTP configured: e-mail kept in the outbox, its text follows\n{}",
            mail.body
        );
    }
    Ok(outbox_message::ActiveModel {
        to_email: Set(mail.to_email),
        to_name: Set(mail.to_name),
        language: Set(mail.language),
        kind: Set(mail.kind.to_owned()),
        subject: Set(mail.subject),
        body: Set(mail.body),
        status: Set(if smtp_enabled {
            STATUS_PENDING
        } else {
            STATUS_STORED
        }
        .to_owned()),
        attempts: Set(0),
        last_error: Set(None),
        sent_at: Set(None),
        claimed_by: Set(None),
        next_attempt_at: Set(None),
        created_at: Set(at),
        updated_at: Set(at),
        ..Default::default()
    }
    .insert(db)
    .await?)
}

pub async fn list<C: ConnectionTrait>(
    db: &C,
    offset: u64,
    limit: u64,
) -> DbResult<Page<outbox_message::Model>> {
    let q = outbox_message::Entity::find();
    let total = q.clone().count(db).await?;
    let items = q
        .order_by_desc(outbox_message::Column::Id)
        .offset(offset)
        .limit(limit)
        .all(db)
        .await?;
    Ok(Page { items, total })
}

pub async fn find<C: ConnectionTrait>(db: &C, id: i64) -> DbResult<Option<outbox_message::Model>> {
    Ok(outbox_message::Entity::find_by_id(id).one(db).await?)
}

/// How long a claim holds: a worker sends at most [`CLAIM_BATCH`] messages per claim with a
/// 20-second timeout each, well within it. A server that dies mid-send leaves its claim to run
/// out; then another server sends the message (once more, at worst, if it had gone out).
pub const CLAIM_LEASE: chrono::Duration = chrono::Duration::minutes(5);
/// How many messages one claim takes.
pub const CLAIM_BATCH: u64 = 5;

/// The wait before retrying a message that failed `attempts` times: 30 s, 2 min, 8 min, 32 min.
pub fn retry_delay(attempts: i32) -> chrono::Duration {
    let exp = attempts.clamp(1, 5) as u32 - 1;
    chrono::Duration::seconds(30 * 4i64.pow(exp)).min(chrono::Duration::hours(1))
}

/// The messages due at `at` for the SMTP worker, unclaimed (oldest first): pending, or
/// failed with attempts left and its back-off over.
fn due_filter(at: chrono::DateTime<chrono::Utc>) -> sea_orm::Condition {
    use sea_orm::Condition;
    Condition::all()
        .add(outbox_message::Column::Status.is_in([STATUS_PENDING, STATUS_FAILED]))
        .add(outbox_message::Column::Attempts.lt(MAX_ATTEMPTS))
        .add(
            Condition::any()
                .add(outbox_message::Column::NextAttemptAt.is_null())
                .add(outbox_message::Column::NextAttemptAt.lte(at)),
        )
}

/// What is due at `at` (read only: what an admin or a test looks at).
pub async fn due<C: ConnectionTrait>(
    db: &C,
    limit: u64,
    at: chrono::DateTime<chrono::Utc>,
) -> DbResult<Vec<outbox_message::Model>> {
    Ok(outbox_message::Entity::find()
        .filter(due_filter(at))
        .order_by_asc(outbox_message::Column::Id)
        .limit(limit)
        .all(db)
        .await?)
}

/// Claims up to `limit` due messages for `worker` until `at + CLAIM_LEASE` and returns them,
/// in one statement. On PostgreSQL the rows are picked `FOR UPDATE SKIP LOCKED`, so workers
/// of several app servers claiming at once each get other messages; SQLite has one writer,
/// which gives the same.
pub async fn claim_due<C: ConnectionTrait>(
    db: &C,
    worker: &str,
    limit: u64,
    at: chrono::DateTime<chrono::Utc>,
) -> DbResult<Vec<outbox_message::Model>> {
    use sea_orm::sea_query::{Expr, ExprTrait, LockBehavior, LockType, Order, Query};
    use sea_orm::{EntityName, QueryTrait};
    let mut pick = outbox_message::Entity::find()
        .select_only()
        .column(outbox_message::Column::Id)
        .filter(due_filter(at))
        .limit(limit)
        .into_query();
    pick.order_by(outbox_message::Column::Id, Order::Asc)
        .lock_with_behavior(LockType::Update, LockBehavior::SkipLocked);
    let claim = Query::update()
        .table(outbox_message::Entity.table_ref())
        .value(outbox_message::Column::ClaimedBy, worker)
        .value(outbox_message::Column::NextAttemptAt, at + CLAIM_LEASE)
        .value(outbox_message::Column::UpdatedAt, at)
        .and_where(Expr::col(outbox_message::Column::Id).in_subquery(pick))
        .returning_all()
        .to_owned();
    let stmt = db.get_database_backend().build(&claim);
    let mut claimed = outbox_message::Entity::find()
        .from_raw_sql(stmt)
        .all(db)
        .await?;
    claimed.sort_by_key(|m| m.id);
    Ok(claimed)
}

/// Records the outcome of one sending attempt of a claimed message and releases the claim.
pub async fn mark<C: ConnectionTrait>(
    db: &C,
    msg: outbox_message::Model,
    result: Result<(), String>,
) -> DbResult<()> {
    let attempts = msg.attempts + 1;
    let body = msg.body.clone();
    let at = now();
    let mut am: outbox_message::ActiveModel = msg.into();
    am.attempts = Set(attempts);
    am.updated_at = Set(at);
    am.claimed_by = Set(None);
    match result {
        Ok(()) => {
            am.body = Set(mask_links(&body));
            am.status = Set(STATUS_SENT.to_owned());
            am.sent_at = Set(Some(at));
            am.last_error = Set(None);
            am.next_attempt_at = Set(None);
        }
        Err(e) => {
            am.status = Set(STATUS_FAILED.to_owned());
            am.last_error = Set(Some(e.chars().take(1000).collect()));
            am.next_attempt_at = Set(Some(at + retry_delay(attempts)));
        }
    }
    am.update(db).await?;
    Ok(())
}

/// Deletes messages sent before `before` (the configured retention); returns how many. Unsent messages
/// (stored without SMTP, or failed) stay for an admin to act on.
pub async fn purge_sent<C: ConnectionTrait>(
    db: &C,
    before: chrono::DateTime<chrono::Utc>,
) -> DbResult<u64> {
    Ok(outbox_message::Entity::delete_many()
        .filter(outbox_message::Column::Status.eq(STATUS_SENT))
        .filter(outbox_message::Column::SentAt.lt(before))
        .exec(db)
        .await?
        .rows_affected)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sign_in_links_lose_their_secret_and_everything_else_stays() {
        let token = "ab12".repeat(16);
        let body = format!(
            "Hallo Ann,\n\nKies een wachtwoord: https://dc.example/invitation/{token}\n\
             of https://dc.example/reset-password/{token}.\nZie ook https://dc.example/companies/4\n"
        );
        let masked = mask_links(&body);
        assert!(!masked.contains(&token), "{masked}");
        assert!(masked.contains(&format!("https://dc.example/invitation/{MASK}\n")));
        assert!(masked.contains(&format!("https://dc.example/reset-password/{MASK}.")));
        assert!(masked.contains("https://dc.example/companies/4\n"));
        assert!(masked.starts_with("Hallo Ann,"));
        assert_eq!(mask_links("geen link"), "geen link");
        assert_eq!(mask_links("/invitation/"), "/invitation/");
    }

    #[test]
    fn retries_back_off_and_stay_within_an_hour() {
        assert_eq!(retry_delay(1), chrono::Duration::seconds(30));
        assert_eq!(retry_delay(2), chrono::Duration::minutes(2));
        assert_eq!(retry_delay(4), chrono::Duration::minutes(32));
        assert!(retry_delay(i32::MAX) <= chrono::Duration::hours(1));
        assert_eq!(retry_delay(0), retry_delay(1));
    }
}
