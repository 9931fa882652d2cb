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
    let mut am: outbox_message::ActiveModel = msg.into();
    am.attempts = Set(attempts);
    am.updated_at = Set(now());
    match result {
        Ok(()) => {
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
