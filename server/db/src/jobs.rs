//! Background jobs that must run once across all app servers (the hourly housekeeping, for
//! example) take a lease first: one row per job naming its holder and until when it holds.
//! Taking it is one statement (insert, or take over a lease that has run out), so two servers
//! asking at once never both get it.
use crate::DbResult;
use crate::entities::job_lease;
use chrono::{DateTime, Duration, Utc};
use sea_orm::sea_query::{Expr, ExprTrait, OnConflict, Query};
use sea_orm::{ConnectionTrait, EntityName};

/// A name for this process among the app servers: host, process id and a random part (a
/// restarted server is another worker).
pub fn worker_id() -> String {
    let host = std::fs::read_to_string("/etc/hostname")
        .ok()
        .map(|h| h.trim().to_owned())
        .filter(|h| !h.is_empty())
        .unwrap_or_else(|| "host".into());
    let host: String = host.chars().take(60).collect();
    format!(
        "{host}:{}:{}",
        std::process::id(),
        &crate::tokens::new_secret()[..8]
    )
}

/// Takes the lease of job `name` for `holder` until `at + period` when nobody holds it (or
/// the lease ran out at `at`); true when `holder` has it now. The holder itself may renew.
pub async fn try_acquire<C: ConnectionTrait>(
    db: &C,
    name: &str,
    holder: &str,
    period: Duration,
    at: DateTime<Utc>,
) -> DbResult<bool> {
    let table = job_lease::Entity.table_ref();
    let until_col = (job_lease::Entity, job_lease::Column::LeasedUntil);
    let holder_col = (job_lease::Entity, job_lease::Column::Holder);
    let stmt = Query::insert()
        .into_table(table)
        .columns([
            job_lease::Column::Name,
            job_lease::Column::Holder,
            job_lease::Column::LeasedUntil,
        ])
        .values_panic([name.into(), holder.into(), (at + period).into()])
        .on_conflict(
            OnConflict::column(job_lease::Column::Name)
                .update_columns([job_lease::Column::Holder, job_lease::Column::LeasedUntil])
                .action_and_where(
                    Expr::col(until_col)
                        .lte(at)
                        .or(Expr::col(holder_col).eq(holder)),
                )
                .to_owned(),
        )
        .returning_col(job_lease::Column::Name)
        .to_owned();
    let stmt = db.get_database_backend().build(&stmt);
    Ok(db.query_one_raw(stmt).await?.is_some())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn worker_ids_differ_per_process_start() {
        assert_ne!(worker_id(), worker_id());
        assert!(worker_id().len() <= 100);
    }
}
