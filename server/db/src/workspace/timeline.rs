//! One timeline per company, newest first: everything that happened, including the coaches'
//! notes (a note is an event of kind `note`). `shared` events are visible to the company's
//! entrepreneurs; all others stay within the coaching organisation.
use crate::entities::{timeline_event, user};
use crate::{DbResult, Page, now};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, QuerySelect, Set,
};
use std::collections::HashMap;

pub const SCAN: &str = "scan";
pub const CONSENT: &str = "consent";
pub const VISIT: &str = "visit";
pub const NOTE: &str = "note";
pub const ACTION: &str = "action";
pub const HANDOVER: &str = "handover";
pub const COACHING: &str = "coaching";
pub const COMPANY: &str = "company";
pub const EXPERT: &str = "expert";

#[derive(Debug, Clone)]
pub struct NewEvent {
    pub company_id: i64,
    pub kind: &'static str,
    pub actor_id: Option<i64>,
    pub shared: bool,
    /// The text of a note, or the few facts other kinds carry (for example a round label).
    pub body: String,
    /// The scan, visit or action the event is about.
    pub ref_id: Option<i64>,
}

/// Adds an event now. A change by someone also goes on the audit trail, in the same
/// transaction: every change to a company that its timeline tells is audited.
pub async fn add<C: ConnectionTrait>(db: &C, e: NewEvent) -> DbResult<timeline_event::Model> {
    let audited = e.actor_id.map(|a| (a, e.kind, e.ref_id, e.company_id));
    let event = add_at(db, e, now()).await?;
    if let Some((actor, kind, ref_id, company)) = audited {
        crate::audit::record_change(db, actor, kind, ref_id, company).await?;
    }
    Ok(event)
}

/// Adds an event with its own time (imports and the demo data set tell the past).
pub async fn add_at<C: ConnectionTrait>(
    db: &C,
    e: NewEvent,
    at: chrono::DateTime<chrono::Utc>,
) -> DbResult<timeline_event::Model> {
    let stamp = now();
    Ok(timeline_event::ActiveModel {
        company_id: Set(e.company_id),
        kind: Set(e.kind.to_owned()),
        actor_id: Set(e.actor_id),
        occurred_at: Set(at),
        shared: Set(e.shared),
        body: Set(e.body),
        ref_id: Set(e.ref_id),
        created_at: Set(stamp),
        updated_at: Set(stamp),
        ..Default::default()
    }
    .insert(db)
    .await?)
}

/// An event with the name of who did it.
#[derive(Debug, Clone)]
pub struct EventRow {
    pub event: timeline_event::Model,
    pub actor_name: Option<String>,
}

/// A page of a company's timeline, newest first; `kinds` narrows it to some kinds and
/// `shared_only` to what the entrepreneur may see.
pub async fn list<C: ConnectionTrait>(
    db: &C,
    company_id: i64,
    kinds: Option<&[&str]>,
    shared_only: bool,
    offset: u64,
    limit: u64,
) -> DbResult<Page<EventRow>> {
    let mut q =
        timeline_event::Entity::find().filter(timeline_event::Column::CompanyId.eq(company_id));
    if let Some(k) = kinds {
        q = q.filter(timeline_event::Column::Kind.is_in(k.iter().copied()));
    }
    if shared_only {
        q = q.filter(timeline_event::Column::Shared.eq(true));
    }
    let total = q.clone().count(db).await?;
    let events = q
        .order_by_desc(timeline_event::Column::OccurredAt)
        .order_by_desc(timeline_event::Column::Id)
        .offset(offset)
        .limit(limit)
        .all(db)
        .await?;
    let names = user_names(db, events.iter().filter_map(|e| e.actor_id)).await?;
    Ok(Page {
        items: events
            .into_iter()
            .map(|e| EventRow {
                actor_name: e.actor_id.and_then(|id| names.get(&id).cloned()),
                event: e,
            })
            .collect(),
        total,
    })
}

/// Names of users by id, in one query.
pub async fn user_names<C: ConnectionTrait>(
    db: &C,
    ids: impl IntoIterator<Item = i64>,
) -> DbResult<HashMap<i64, String>> {
    let mut ids: Vec<i64> = ids.into_iter().collect();
    ids.sort_unstable();
    ids.dedup();
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    Ok(user::Entity::find()
        .filter(user::Column::Id.is_in(ids))
        .all(db)
        .await?
        .into_iter()
        .map(|u| (u.id, u.name))
        .collect())
}
