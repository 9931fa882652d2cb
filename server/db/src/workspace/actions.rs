//! Actions agreed with a company: a description, an owner (the coach or the entrepreneur) and a
//! due date. Open until someone ticks them off.
use super::Date;
use crate::entities::{action, company};
use crate::{DbError, DbResult, Page, now};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, QuerySelect, Set,
};
use std::collections::HashMap;

pub const OWNER_COACH: &str = "coach";
pub const OWNER_ENTREPRENEUR: &str = "entrepreneur";

#[derive(Debug, Clone)]
pub struct NewAction {
    pub company_id: i64,
    pub visit_id: Option<i64>,
    pub description: String,
    pub owner: &'static str,
    /// The coach who owns a coach action.
    pub owner_user_id: Option<i64>,
    pub due_on: Date,
    pub created_by_id: i64,
}

pub async fn create<C: ConnectionTrait>(db: &C, n: NewAction) -> DbResult<action::Model> {
    let at = now();
    Ok(action::ActiveModel {
        company_id: Set(n.company_id),
        visit_id: Set(n.visit_id),
        description: Set(n.description),
        owner: Set(n.owner.to_owned()),
        owner_user_id: Set(n.owner_user_id),
        due_on: Set(n.due_on),
        done_at: Set(None),
        done_by_id: Set(None),
        created_by_id: Set(n.created_by_id),
        created_at: Set(at),
        updated_at: Set(at),
        ..Default::default()
    }
    .insert(db)
    .await?)
}

pub async fn find<C: ConnectionTrait>(db: &C, id: i64) -> DbResult<Option<action::Model>> {
    Ok(action::Entity::find_by_id(id).one(db).await?)
}

/// Ticks an action off (or opens it again).
pub async fn set_done<C: ConnectionTrait>(
    db: &C,
    id: i64,
    done: bool,
    by: i64,
) -> DbResult<action::Model> {
    let a = find(db, id).await?.ok_or(DbError::NotFound)?;
    let mut am: action::ActiveModel = a.into();
    am.done_at = Set(done.then(now));
    am.done_by_id = Set(done.then_some(by));
    am.updated_at = Set(now());
    Ok(am.update(db).await?)
}

/// A company's actions: open ones first by due date, then the done ones, newest first.
pub async fn of_company<C: ConnectionTrait>(
    db: &C,
    company_id: i64,
) -> DbResult<Vec<action::Model>> {
    let mut open = action::Entity::find()
        .filter(action::Column::CompanyId.eq(company_id))
        .filter(action::Column::DoneAt.is_null())
        .order_by_asc(action::Column::DueOn)
        .order_by_asc(action::Column::Id)
        .all(db)
        .await?;
    let done = action::Entity::find()
        .filter(action::Column::CompanyId.eq(company_id))
        .filter(action::Column::DoneAt.is_not_null())
        .order_by_desc(action::Column::DoneAt)
        .limit(50)
        .all(db)
        .await?;
    open.extend(done);
    Ok(open)
}

/// Which open actions a list shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ActionScope {
    /// Coach actions owned by this coach.
    OwnedBy(i64),
    /// All open actions of the companies in a caseload.
    Caseload(super::caseload::CaseScope),
}

/// An open action with its company's name.
#[derive(Debug, Clone)]
pub struct ActionRow {
    pub action: action::Model,
    pub company_name: String,
}

/// Open actions, oldest due date first, paginated; `overdue_before` keeps only actions due
/// before that date.
pub async fn open_list<C: ConnectionTrait>(
    db: &C,
    scope: ActionScope,
    overdue_before: Option<Date>,
    offset: u64,
    limit: u64,
) -> DbResult<Page<ActionRow>> {
    let mut q = action::Entity::find().filter(action::Column::DoneAt.is_null());
    q = match scope {
        ActionScope::OwnedBy(uid) => q
            .filter(action::Column::OwnerUserId.eq(uid))
            .filter(action::Column::Owner.eq(OWNER_COACH)),
        ActionScope::Caseload(scope) => {
            q.filter(action::Column::CompanyId.in_subquery(super::caseload::ids_in(scope)))
        }
    };
    if let Some(d) = overdue_before {
        q = q.filter(action::Column::DueOn.lt(d));
    }
    let total = q.clone().count(db).await?;
    let actions = q
        .order_by_asc(action::Column::DueOn)
        .order_by_asc(action::Column::Id)
        .offset(offset)
        .limit(limit)
        .all(db)
        .await?;
    let names = company_names(db, actions.iter().map(|a| a.company_id)).await?;
    Ok(Page {
        items: actions
            .into_iter()
            .map(|a| ActionRow {
                company_name: names.get(&a.company_id).cloned().unwrap_or_default(),
                action: a,
            })
            .collect(),
        total,
    })
}

async fn company_names<C: ConnectionTrait>(
    db: &C,
    ids: impl IntoIterator<Item = i64>,
) -> DbResult<HashMap<i64, String>> {
    let mut ids: Vec<i64> = ids.into_iter().collect();
    ids.sort_unstable();
    ids.dedup();
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    Ok(company::Entity::find()
        .filter(company::Column::Id.is_in(ids))
        .all(db)
        .await?
        .into_iter()
        .map(|c| (c.id, c.name))
        .collect())
}
