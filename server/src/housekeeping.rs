//! The retention policy, applied: expired sessions and second-step challenges, spent
//! sign-in links, forgotten throttle counters, sent e-mail past `outbox_retention_days`,
//! audit lines past `audit_retention_days`, and company dossiers in which nothing happened
//! for `dossier_retention_years` (erased as `db::erase::company` does). Every app server runs
//! this task, but a lease in the database (`db::jobs`) lets one of them do the round each
//! hour; every step deletes by age, so even a round run twice would do no harm. `server
//! purge` runs one round by hand.
use crate::config::Config;
use db::{DatabaseConnection, TransactionTrait};
use std::time::Duration;

/// The lease's name: one round per hour across all app servers.
pub const JOB: &str = "housekeeping";

/// Dossiers erased per round at most, so one round stays short.
const DOSSIERS_PER_ROUND: u64 = 200;

/// Every five minutes, asks for the hour's lease; the server that gets it runs
/// [`purge_once`]. Runs for as long as the server runs.
pub async fn run(conn: DatabaseConnection, worker: String, keep: Retention) {
    let mut tick = tokio::time::interval(Duration::from_secs(300));
    loop {
        tick.tick().await;
        match db::jobs::try_acquire(&conn, JOB, &worker, chrono::Duration::hours(1), db::now())
            .await
        {
            Ok(true) => {
                purge_once(&conn, keep).await;
            }
            Ok(false) => {}
            Err(e) => tracing::warn!(error = ?e, "the housekeeping lease could not be asked for"),
        }
    }
}

/// How long what the configuration decides is kept.
#[derive(Debug, Clone, Copy)]
pub struct Retention {
    /// The audit trail (`audit_retention_days`).
    pub audit: chrono::Duration,
    /// Sent e-mail (`outbox_retention_days`).
    pub outbox: chrono::Duration,
    /// A dossier after its last event (`dossier_retention_years`); `None` keeps it.
    pub dossier: Option<chrono::Duration>,
}

impl Retention {
    pub fn from_config(c: &Config) -> Self {
        Retention {
            audit: chrono::Duration::days(c.audit_retention_days.into()),
            outbox: chrono::Duration::days(c.outbox_retention_days.into()),
            dossier: (c.dossier_retention_years > 0)
                .then(|| chrono::Duration::days(365 * i64::from(c.dossier_retention_years))),
        }
    }
}

/// What one round removed, per kind, and the steps that failed (for `server purge`).
#[derive(Debug, Default)]
pub struct Report {
    pub removed: Vec<(&'static str, u64)>,
    pub failed: Vec<&'static str>,
}

/// One round of clean-up; a failing step is logged and the others still run.
pub async fn purge_once(conn: &DatabaseConnection, keep: Retention) -> Report {
    let now = db::now();
    let mut report = Report::default();
    let mut step = |what: &'static str, result: db::DbResult<u64>| match result {
        Ok(n) => {
            if n > 0 {
                tracing::info!(count = n, "purged {what}");
            }
            report.removed.push((what, n));
        }
        Err(e) => {
            tracing::warn!(error = ?e, "purging {what} failed");
            report.failed.push(what);
        }
    };
    step("sessions", db::sessions::purge_expired(conn).await);
    step(
        "login challenges",
        db::login_challenges::purge_expired(conn).await,
    );
    step("spent links", db::accounts::purge_spent_tokens(conn).await);
    step("throttle counters", db::throttle::purge(conn).await);
    step(
        "sent e-mail",
        db::outbox::purge_sent(conn, now - keep.outbox).await,
    );
    step(
        "audit lines",
        db::audit::purge_before(conn, now - keep.audit).await,
    );
    if let Some(dossier) = keep.dossier {
        step("dossiers", erase_stale(conn, now - dossier).await);
    }
    report
}

/// Erases the companies in which nothing happened since `before`, each in its own
/// transaction, and records each erasure in the audit trail.
async fn erase_stale(
    conn: &DatabaseConnection,
    before: chrono::DateTime<chrono::Utc>,
) -> db::DbResult<u64> {
    let mut n = 0;
    for id in db::erase::stale_companies(conn, before, DOSSIERS_PER_ROUND).await? {
        let txn = conn.begin().await?;
        if db::erase::company(&txn, id).await?.is_some() {
            db::audit::record(
                &txn,
                db::audit::NewAudit {
                    actor_id: None,
                    actor_role: "system",
                    action: db::audit::ERASE,
                    object: "company",
                    object_id: Some(id),
                    company_id: None,
                },
            )
            .await?;
            n += 1;
        }
        txn.commit().await?;
    }
    Ok(n)
}
