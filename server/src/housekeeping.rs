//! Hourly clean-up of what is kept only for a while: expired sessions and second-step
//! challenges, spent sign-in links, forgotten throttle counters, e-mail sent more than 30
//! days ago and audit lines past their retention period. Every app server runs this task, but a lease in the database (`db::jobs`) lets
//! one of them do the round each hour; every step is a plain delete by age, so even a round
//! run twice would do no harm.
use db::DatabaseConnection;
use std::time::Duration;

/// The lease's name: one round per hour across all app servers.
pub const JOB: &str = "housekeeping";

/// Every five minutes, asks for the hour's lease; the server that gets it runs
/// [`purge_once`]. Runs for as long as the server runs.
pub async fn run(conn: DatabaseConnection, worker: String, keep: Retention) {
    let mut tick = tokio::time::interval(Duration::from_secs(300));
    loop {
        tick.tick().await;
        match db::jobs::try_acquire(&conn, JOB, &worker, chrono::Duration::hours(1), db::now())
            .await
        {
            Ok(true) => purge_once(&conn, keep).await,
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
}

/// One round of clean-up; a failing step is logged and the others still run.
pub async fn purge_once(conn: &DatabaseConnection, keep: Retention) {
    log("sessions", db::sessions::purge_expired(conn).await);
    log(
        "login challenges",
        db::login_challenges::purge_expired(conn).await,
    );
    log("spent links", db::accounts::purge_spent_tokens(conn).await);
    log("throttle counters", db::throttle::purge(conn).await);
    log("sent e-mail", db::outbox::purge_sent(conn).await);
    log(
        "audit lines",
        db::audit::purge_before(conn, db::now() - keep.audit).await,
    );
}

fn log(what: &str, result: db::DbResult<u64>) {
    match result {
        Ok(0) => {}
        Ok(n) => tracing::info!(count = n, "purged {what}"),
        Err(e) => tracing::warn!(error = ?e, "purging {what} failed"),
    }
}
