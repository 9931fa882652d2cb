//! Hourly clean-up of what is kept only for a while: expired sessions and second-step
//! challenges, spent sign-in links, forgotten throttle counters and e-mail sent more than 30
//! days ago. Every step is a plain delete by age, so several app servers running it at once do
//! no harm.
use db::DatabaseConnection;
use std::time::Duration;

/// Runs [`purge_once`] now and then every hour, for as long as the server runs.
pub async fn run(conn: DatabaseConnection) {
    let mut tick = tokio::time::interval(Duration::from_secs(3600));
    loop {
        tick.tick().await;
        purge_once(&conn).await;
    }
}

/// One round of clean-up; a failing step is logged and the others still run.
pub async fn purge_once(conn: &DatabaseConnection) {
    log("sessions", db::sessions::purge_expired(conn).await);
    log(
        "login challenges",
        db::login_challenges::purge_expired(conn).await,
    );
    log("spent links", db::accounts::purge_spent_tokens(conn).await);
    log("throttle counters", db::throttle::purge(conn).await);
    log("sent e-mail", db::outbox::purge_sent(conn).await);
}

fn log(what: &str, result: db::DbResult<u64>) {
    match result {
        Ok(0) => {}
        Ok(n) => tracing::info!(count = n, "purged {what}"),
        Err(e) => tracing::warn!(error = ?e, "purging {what} failed"),
    }
}
