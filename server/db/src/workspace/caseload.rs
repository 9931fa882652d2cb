//! The caseload ("Mijn bedrijven"): companies with the figures a coach scans a list for. The
//! figures live on the company row and are refreshed in the same transaction as every change
//! that moves them, so the list is one indexed query with its filters and sort, however many
//! companies an organisation has.
use super::{Date, today};
use crate::entities::{action, company, company_coach, scan, visit};
use crate::{DbResult, Page, now, scans};
use sea_orm::sea_query::{Expr, ExprTrait, Func, Query};
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, EntityTrait, Order, PaginatorTrait, QueryFilter,
    QueryOrder, QuerySelect, Set,
};

/// Whose companies the list holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CaseScope {
    /// Companies the coach is primary coach or co-coach of (within their organisation).
    Coach {
        user_id: i64,
        organisation_id: i64,
    },
    Organisation(i64),
    All,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sort {
    Name,
    Score,
    LastContact,
    NextVisit,
    Due,
}

#[derive(Debug, Clone)]
pub struct Filter {
    pub scope: CaseScope,
    pub search: Option<String>,
    pub sector: Option<String>,
    pub band: Option<String>,
    pub municipality: Option<String>,
    pub overdue: bool,
    pub sort: Sort,
    pub descending: bool,
}

/// The ids of the companies in a scope, as a subquery for other tables' filters.
pub fn ids_in(scope: CaseScope) -> sea_orm::sea_query::SelectStatement {
    use sea_orm::QueryTrait;
    scoped(scope)
        .select_only()
        .column(company::Column::Id)
        .into_query()
}

fn scoped(scope: CaseScope) -> sea_orm::Select<company::Entity> {
    let q = company::Entity::find();
    match scope {
        CaseScope::All => q,
        CaseScope::Organisation(org) => q.filter(company::Column::OrganisationId.eq(org)),
        CaseScope::Coach {
            user_id,
            organisation_id,
        } => q
            .filter(company::Column::OrganisationId.eq(organisation_id))
            .filter(
                Condition::any()
                    .add(company::Column::PrimaryCoachId.eq(user_id))
                    .add(
                        company::Column::Id.in_subquery(
                            Query::select()
                                .column(company_coach::Column::CompanyId)
                                .from(company_coach::Entity)
                                .and_where(company_coach::Column::UserId.eq(user_id))
                                .to_owned(),
                        ),
                    ),
            ),
    }
}

pub async fn list<C: ConnectionTrait>(
    db: &C,
    f: &Filter,
    offset: u64,
    limit: u64,
) -> DbResult<Page<company::Model>> {
    let mut q = scoped(f.scope);
    if let Some(like) = crate::search::contains(f.search.as_deref()) {
        q = q.filter(
            Condition::any()
                .add(
                    Expr::expr(Func::lower(Expr::col((
                        company::Entity,
                        company::Column::Name,
                    ))))
                    .like(like.clone()),
                )
                .add(company::Column::KvkNumber.like(like)),
        );
    }
    if let Some(s) = &f.sector {
        q = q.filter(company::Column::PrimarySector.eq(s.as_str()));
    }
    if let Some(b) = &f.band {
        q = q.filter(company::Column::LatestBand.eq(b.as_str()));
    }
    if let Some(m) = &f.municipality {
        q = q.filter(company::Column::Municipality.eq(m.as_str()));
    }
    if f.overdue {
        q = q.filter(company::Column::FirstDueOn.lt(today()));
    }
    let total = q.clone().count(db).await?;
    let dir = if f.descending {
        Order::Desc
    } else {
        Order::Asc
    };
    let column = match f.sort {
        Sort::Name => company::Column::Name,
        Sort::Score => company::Column::LatestOverall,
        Sort::LastContact => company::Column::LastContactOn,
        Sort::NextVisit => company::Column::NextVisitOn,
        Sort::Due => company::Column::FirstDueOn,
    };
    if f.sort != Sort::Name {
        // Companies without the figure go last in both directions.
        q = q.order_by(Expr::col((company::Entity, column)).is_null(), Order::Asc);
    }
    q = q.order_by(column, dir);
    if f.sort != Sort::Name {
        q = q.order_by_asc(company::Column::Name);
    }
    // Ordering by name twice made SQLite sort every row before a deep page (the index on
    // (organisation, name) already ends in the id): page 200 took 8 ms instead of 0.3 ms.
    let items = q
        .order_by(company::Column::Id, dir_of_id(f))
        .offset(offset)
        .limit(limit)
        .all(db)
        .await?;
    Ok(Page { items, total })
}

/// Ties are broken by id in the direction of a name sort, so that the index order serves it.
fn dir_of_id(f: &Filter) -> Order {
    if f.sort == Sort::Name && f.descending {
        Order::Desc
    } else {
        Order::Asc
    }
}

/// The municipalities in a scope, for the filter.
pub async fn municipalities<C: ConnectionTrait>(db: &C, scope: CaseScope) -> DbResult<Vec<String>> {
    Ok(scoped(scope)
        .select_only()
        .column(company::Column::Municipality)
        .distinct()
        .order_by_asc(company::Column::Municipality)
        .into_tuple::<String>()
        .all(db)
        .await?)
}

/// Recomputes the caseload figures of one company. Call it inside the transaction of every
/// change to scans, consent, visits or actions. The latest scan counts only while the company
/// shares its results with the coaching organisation.
pub async fn refresh<C: ConnectionTrait>(db: &C, company_id: i64) -> DbResult<()> {
    let sharing = scans::current_consent(db, company_id, scans::CONSENT_SHARE)
        .await?
        .is_some_and(|c| c.granted);
    let latest = if sharing {
        scan::Entity::find()
            .filter(scan::Column::CompanyId.eq(company_id))
            .filter(scan::Column::Status.eq(scans::STATUS_SUBMITTED))
            .order_by_desc(scan::Column::SubmittedAt)
            .order_by_desc(scan::Column::Id)
            .one(db)
            .await?
    } else {
        None
    };
    // Ordered single rows rather than MIN/MAX: dates then decode the same way on both backends.
    let last_contact: Option<Date> = visit::Entity::find()
        .filter(visit::Column::CompanyId.eq(company_id))
        .filter(visit::Column::Status.eq(super::visits::DONE))
        .order_by_desc(visit::Column::VisitOn)
        .one(db)
        .await?
        .map(|v| v.visit_on);
    let next_visit: Option<Date> = visit::Entity::find()
        .filter(visit::Column::CompanyId.eq(company_id))
        .filter(visit::Column::Status.eq(super::visits::PLANNED))
        .order_by_asc(visit::Column::VisitOn)
        .one(db)
        .await?
        .map(|v| v.visit_on);
    let open = action::Entity::find()
        .filter(action::Column::CompanyId.eq(company_id))
        .filter(action::Column::DoneAt.is_null());
    let open_actions = open.clone().count(db).await? as i32;
    let first_due: Option<Date> = open
        .order_by_asc(action::Column::DueOn)
        .one(db)
        .await?
        .map(|a| a.due_on);
    company::Entity::update_many()
        .set(company::ActiveModel {
            latest_scan_id: Set(latest.as_ref().map(|s| s.id)),
            latest_scan_at: Set(latest.as_ref().and_then(|s| s.submitted_at)),
            latest_overall: Set(latest.as_ref().and_then(|s| s.overall)),
            latest_band: Set(latest.as_ref().and_then(|s| s.band.clone())),
            last_contact_on: Set(last_contact),
            next_visit_on: Set(next_visit),
            open_actions: Set(open_actions),
            first_due_on: Set(first_due),
            updated_at: Set(now()),
            ..Default::default()
        })
        .filter(company::Column::Id.eq(company_id))
        .exec(db)
        .await?;
    Ok(())
}
