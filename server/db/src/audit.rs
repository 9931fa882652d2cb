//! The audit trail, append-only: reads of personal data and changes, with who and in which
//! role. Rows are inserted and, past the retention period, purged; never updated.
use crate::entities::{audit_event, user};
use crate::{DbResult, Page, now, roles};
use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, EntityTrait, PaginatorTrait,
    QueryFilter, QueryOrder, QuerySelect, Set,
};
use std::collections::HashMap;

pub const READ: &str = "read";
pub const CHANGE: &str = "change";
/// An erasure of a person or a company (`object` says which; `object_id` is the old id).
pub const ERASE: &str = "erase";

/// A line to append.
#[derive(Debug, Clone)]
pub struct NewAudit<'a> {
    pub actor_id: Option<i64>,
    pub actor_role: &'a str,
    pub action: &'static str,
    pub object: &'a str,
    pub object_id: Option<i64>,
    pub company_id: Option<i64>,
}

pub async fn record<C: ConnectionTrait>(db: &C, a: NewAudit<'_>) -> DbResult<()> {
    audit_event::ActiveModel {
        occurred_at: Set(now()),
        actor_id: Set(a.actor_id),
        actor_role: Set(a.actor_role.to_owned()),
        action: Set(a.action.to_owned()),
        object: Set(a.object.to_owned()),
        object_id: Set(a.object_id),
        company_id: Set(a.company_id),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(())
}

/// A change by `actor_id` (their role looked up), for `timeline::add`.
pub async fn record_change<C: ConnectionTrait>(
    db: &C,
    actor_id: i64,
    object: &str,
    object_id: Option<i64>,
    company_id: i64,
) -> DbResult<()> {
    let role = user::Entity::find_by_id(actor_id)
        .select_only()
        .column(user::Column::Role)
        .into_tuple::<String>()
        .one(db)
        .await?
        .unwrap_or_default();
    record(
        db,
        NewAudit {
            actor_id: Some(actor_id),
            actor_role: &role,
            action: CHANGE,
            object,
            object_id,
            company_id: Some(company_id),
        },
    )
    .await
}

/// Which lines a list holds.
#[derive(Debug, Clone, Copy, Default)]
pub struct Filter {
    pub company_id: Option<i64>,
    pub actor_id: Option<i64>,
    /// Only reads by the coaching organisation and experts (what an entrepreneur sees).
    pub staff_reads_only: bool,
}

/// A line with the name of who did it.
#[derive(Debug, Clone)]
pub struct AuditRow {
    pub event: audit_event::Model,
    pub actor_name: Option<String>,
}

/// A page of the trail, newest first.
pub async fn list<C: ConnectionTrait>(
    db: &C,
    f: Filter,
    offset: u64,
    limit: u64,
) -> DbResult<Page<AuditRow>> {
    let mut cond = Condition::all();
    if let Some(c) = f.company_id {
        cond = cond.add(audit_event::Column::CompanyId.eq(c));
    }
    if let Some(a) = f.actor_id {
        cond = cond.add(audit_event::Column::ActorId.eq(a));
    }
    if f.staff_reads_only {
        cond = cond.add(audit_event::Column::Action.eq(READ)).add(
            audit_event::Column::ActorRole.is_in([
                roles::COACH,
                roles::PROGRAMME_MANAGER,
                roles::ADMIN,
                roles::EXPERT,
            ]),
        );
    }
    let query = audit_event::Entity::find().filter(cond);
    let total = query.clone().count(db).await?;
    let events = query
        .order_by_desc(audit_event::Column::Id)
        .offset(offset)
        .limit(limit)
        .all(db)
        .await?;
    let ids: Vec<i64> = events.iter().filter_map(|e| e.actor_id).collect();
    let names: HashMap<i64, String> = if ids.is_empty() {
        HashMap::new()
    } else {
        user::Entity::find()
            .filter(user::Column::Id.is_in(ids))
            .select_only()
            .column(user::Column::Id)
            .column(user::Column::Name)
            .into_tuple::<(i64, String)>()
            .all(db)
            .await?
            .into_iter()
            .collect()
    };
    Ok(Page {
        items: events
            .into_iter()
            .map(|e| AuditRow {
                actor_name: e.actor_id.and_then(|a| names.get(&a).cloned()),
                event: e,
            })
            .collect(),
        total,
    })
}

/// Removes the lines older than `before` (the retention period); how many.
pub async fn purge_before<C: ConnectionTrait>(db: &C, before: DateTime<Utc>) -> DbResult<u64> {
    Ok(audit_event::Entity::delete_many()
        .filter(audit_event::Column::OccurredAt.lt(before))
        .exec(db)
        .await?
        .rows_affected)
}
