//! Visits and their reports. A report is saved as it is typed; each save names the version it
//! was based on, and a save based on an old version is refused (optimistic concurrency) and
//! kept as a refused revision, so two coaches never silently overwrite each other and both
//! texts stay recoverable.
use super::Date;
use crate::entities::{visit, visit_approach, visit_revision};
use crate::{DbError, DbResult, now};
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set,
};

pub const PLANNED: &str = "planned";
pub const DONE: &str = "done";

pub async fn create<C: ConnectionTrait>(
    db: &C,
    company_id: i64,
    coach_id: i64,
    visit_on: Date,
    status: &str,
) -> DbResult<visit::Model> {
    let at = now();
    Ok(visit::ActiveModel {
        company_id: Set(company_id),
        coach_id: Set(coach_id),
        visit_on: Set(visit_on),
        status: Set(status.to_owned()),
        attendees: Set(String::new()),
        topics: Set(String::new()),
        report: Set(String::new()),
        version: Set(1),
        updated_by_id: Set(Some(coach_id)),
        created_at: Set(at),
        updated_at: Set(at),
        ..Default::default()
    }
    .insert(db)
    .await?)
}

pub async fn find<C: ConnectionTrait>(db: &C, id: i64) -> DbResult<Option<visit::Model>> {
    Ok(visit::Entity::find_by_id(id).one(db).await?)
}

/// A company's visits, newest first.
pub async fn of_company<C: ConnectionTrait>(
    db: &C,
    company_id: i64,
) -> DbResult<Vec<visit::Model>> {
    Ok(visit::Entity::find()
        .filter(visit::Column::CompanyId.eq(company_id))
        .order_by_desc(visit::Column::VisitOn)
        .order_by_desc(visit::Column::Id)
        .all(db)
        .await?)
}

pub async fn approaches<C: ConnectionTrait>(
    db: &C,
    visit_ids: &[i64],
) -> DbResult<Vec<visit_approach::Model>> {
    if visit_ids.is_empty() {
        return Ok(vec![]);
    }
    Ok(visit_approach::Entity::find()
        .filter(visit_approach::Column::VisitId.is_in(visit_ids.to_vec()))
        .order_by_asc(visit_approach::Column::Id)
        .all(db)
        .await?)
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApproachRow {
    pub approach: String,
    pub response: String,
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    pub visit_on: Date,
    pub status: String,
    pub attendees: String,
    pub topics: String,
    pub report: String,
    pub approaches: Vec<ApproachRow>,
}

#[derive(Debug)]
pub enum SaveOutcome {
    Saved(visit::Model),
    /// Someone saved since `expected_version`: nothing was changed; the refused text is kept
    /// as a revision and the current visit is returned.
    Conflict(visit::Model),
}

/// Saves a report if the visit is still at `expected_version`. `content` is the report as the
/// caller serialised it, kept as a refused revision when the save loses the race (the winner's
/// text is the visit itself).
pub async fn save<C: ConnectionTrait>(
    db: &C,
    id: i64,
    expected_version: i32,
    author_id: i64,
    r: &Report,
    content: String,
) -> DbResult<SaveOutcome> {
    let at = now();
    let res = visit::Entity::update_many()
        .col_expr(visit::Column::VisitOn, Expr::value(r.visit_on))
        .col_expr(visit::Column::Status, Expr::value(r.status.clone()))
        .col_expr(visit::Column::Attendees, Expr::value(r.attendees.clone()))
        .col_expr(visit::Column::Topics, Expr::value(r.topics.clone()))
        .col_expr(visit::Column::Report, Expr::value(r.report.clone()))
        // The database adds one to the version it holds (equal to `expected_version` when the
        // row matches): no arithmetic on a number the client sent.
        .col_expr(
            visit::Column::Version,
            Expr::col(visit::Column::Version).add(1),
        )
        .col_expr(visit::Column::UpdatedById, Expr::value(Some(author_id)))
        .col_expr(visit::Column::UpdatedAt, Expr::value(at))
        .filter(visit::Column::Id.eq(id))
        .filter(visit::Column::Version.eq(expected_version))
        .exec(db)
        .await?;
    let current = find(db, id).await?.ok_or(DbError::NotFound)?;
    if res.rows_affected == 0 {
        add_revision(db, id, expected_version, author_id, content, true).await?;
        return Ok(SaveOutcome::Conflict(current));
    }
    visit_approach::Entity::delete_many()
        .filter(visit_approach::Column::VisitId.eq(id))
        .exec(db)
        .await?;
    for a in &r.approaches {
        visit_approach::ActiveModel {
            visit_id: Set(id),
            approach: Set(a.approach.clone()),
            response: Set(a.response.clone()),
            note: Set(a.note.clone()),
            created_at: Set(at),
            updated_at: Set(at),
            ..Default::default()
        }
        .insert(db)
        .await?;
    }
    Ok(SaveOutcome::Saved(current))
}

async fn add_revision<C: ConnectionTrait>(
    db: &C,
    visit_id: i64,
    version: i32,
    author_id: i64,
    content: String,
    refused: bool,
) -> DbResult<()> {
    let at = now();
    visit_revision::ActiveModel {
        visit_id: Set(visit_id),
        version: Set(version),
        author_id: Set(author_id),
        content: Set(content),
        refused: Set(refused),
        created_at: Set(at),
        updated_at: Set(at),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(())
}

/// Refused saves of a visit, newest first: texts that lost a race and are kept for recovery.
pub async fn refused_revisions<C: ConnectionTrait>(
    db: &C,
    visit_id: i64,
) -> DbResult<Vec<visit_revision::Model>> {
    Ok(visit_revision::Entity::find()
        .filter(visit_revision::Column::VisitId.eq(visit_id))
        .filter(visit_revision::Column::Refused.eq(true))
        .order_by_desc(visit_revision::Column::Id)
        .all(db)
        .await?)
}
