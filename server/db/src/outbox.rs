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
/// Sent messages are kept this long for an admin to check delivery, then purged.
pub const SENT_KEPT: chrono::Duration = chrono::Duration::days(30);

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

/// Messages the SMTP worker should (re)try.
pub async fn due<C: ConnectionTrait>(db: &C, limit: u64) -> DbResult<Vec<outbox_message::Model>> {
    Ok(outbox_message::Entity::find()
        .filter(outbox_message::Column::Status.is_in([STATUS_PENDING, STATUS_FAILED]))
        .filter(outbox_message::Column::Attempts.lt(MAX_ATTEMPTS))
        .order_by_asc(outbox_message::Column::Id)
        .limit(limit)
        .all(db)
        .await?)
}

pub async fn mark<C: ConnectionTrait>(
    db: &C,
    msg: outbox_message::Model,
    result: Result<(), String>,
) -> DbResult<()> {
    let attempts = msg.attempts + 1;
    let body = msg.body.clone();
    let mut am: outbox_message::ActiveModel = msg.into();
    am.attempts = Set(attempts);
    am.updated_at = Set(now());
    match result {
        Ok(()) => {
            am.body = Set(mask_links(&body));
            am.status = Set(STATUS_SENT.to_owned());
            am.sent_at = Set(Some(now()));
            am.last_error = Set(None);
        }
        Err(e) => {
            am.status = Set(STATUS_FAILED.to_owned());
            am.last_error = Set(Some(e));
        }
    }
    am.update(db).await?;
    Ok(())
}

/// Deletes messages sent more than [`SENT_KEPT`] ago; returns how many. Unsent messages
/// (stored without SMTP, or failed) stay for an admin to act on.
pub async fn purge_sent<C: ConnectionTrait>(db: &C) -> DbResult<u64> {
    Ok(outbox_message::Entity::delete_many()
        .filter(outbox_message::Column::Status.eq(STATUS_SENT))
        .filter(outbox_message::Column::SentAt.lt(now() - SENT_KEPT))
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
}
