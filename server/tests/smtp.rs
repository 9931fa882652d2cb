//! With SMTP configured the outbox is delivered through lettre; a tiny SMTP sink on loopback
//! stands in for the mail server.
mod common;
use common::smtp_sink;
use datacoach_server::config::SmtpConfig;
use datacoach_server::mailer;
use db::testing::{Backend, fresh_database};
use tokio::net::TcpListener;

#[tokio::test]
async fn queued_mail_is_delivered_over_smtp_and_marked_sent() {
    let conn = fresh_database(Backend::Sqlite).await.unwrap().unwrap();
    let (port, received) = smtp_sink().await;
    let mail = db::outbox::OutgoingMail {
        to_email: "eva@bakkerij.example".into(),
        to_name: "Eva".into(),
        language: "nl".into(),
        kind: "invite",
        subject: "Uitnodiging voor Datacoach".into(),
        body: "Beste Eva,\n\nwelkom.".into(),
    };
    let queued = db::outbox::enqueue(&conn, mail, true).await.unwrap();
    assert_eq!(queued.status, "pending");
    let cfg = SmtpConfig {
        host: "127.0.0.1".into(),
        port,
        username: None,
        password: None,
        from: "Datacoach <noreply@datacoach.example>".into(),
        security: "none".into(),
    };
    let transport = mailer::transport(&cfg).unwrap();
    let sent = mailer::deliver_due(&conn, &transport, &cfg.from.parse().unwrap(), "worker-a")
        .await
        .unwrap();
    assert_eq!(sent, 1);
    let stored = db::outbox::find(&conn, queued.id).await.unwrap().unwrap();
    assert_eq!(stored.status, "sent");
    assert!(stored.sent_at.is_some());
    let got = received.lock().unwrap().clone();
    assert_eq!(got.len(), 1);
    assert!(
        got[0].contains("Subject: Uitnodiging voor Datacoach"),
        "{}",
        got[0]
    );
    assert!(got[0].contains("eva@bakkerij.example"));
    // Nothing is due any more.
    assert_eq!(
        mailer::deliver_due(&conn, &transport, &cfg.from.parse().unwrap(), "worker-a")
            .await
            .unwrap(),
        0
    );
}

#[tokio::test]
async fn a_failing_smtp_server_leaves_the_message_for_a_retry() {
    let conn = fresh_database(Backend::Sqlite).await.unwrap().unwrap();
    // A port nobody listens on.
    let port = TcpListener::bind("127.0.0.1:0")
        .await
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let mail = db::outbox::OutgoingMail {
        to_email: "eva@bakkerij.example".into(),
        to_name: "Eva".into(),
        language: "nl".into(),
        kind: "reset",
        subject: "x".into(),
        body: "y".into(),
    };
    let queued = db::outbox::enqueue(&conn, mail, true).await.unwrap();
    let cfg = SmtpConfig {
        host: "127.0.0.1".into(),
        port,
        username: None,
        password: None,
        from: "a@b.example".into(),
        security: "none".into(),
    };
    let transport = mailer::transport(&cfg).unwrap();
    assert_eq!(
        mailer::deliver_due(&conn, &transport, &cfg.from.parse().unwrap(), "worker-a")
            .await
            .unwrap(),
        0
    );
    let stored = db::outbox::find(&conn, queued.id).await.unwrap().unwrap();
    assert_eq!(stored.status, "failed");
    assert_eq!(stored.attempts, 1);
    assert!(stored.last_error.is_some());
    let now = db::now();
    assert!(
        db::outbox::due(&conn, 10, now).await.unwrap().is_empty(),
        "not retried at once"
    );
    assert_eq!(
        db::outbox::due(&conn, 10, now + db::outbox::retry_delay(1))
            .await
            .unwrap()
            .len(),
        1,
        "it will be retried after its back-off"
    );
}

fn sink_config(port: u16) -> SmtpConfig {
    SmtpConfig {
        host: "127.0.0.1".into(),
        port,
        username: None,
        password: None,
        from: "Datacoach <noreply@datacoach.example>".into(),
        security: "none".into(),
    }
}

async fn queue(conn: &db::DatabaseConnection, n: usize) -> Vec<i64> {
    let mut ids = Vec::new();
    for i in 0..n {
        let mail = db::outbox::OutgoingMail {
            to_email: format!("ondernemer{i}@example.nl"),
            to_name: format!("Ondernemer {i}"),
            language: "nl".into(),
            kind: "invite",
            subject: format!("Bericht {i}"),
            body: format!("Bericht nummer {i}."),
        };
        ids.push(db::outbox::enqueue(conn, mail, true).await.unwrap().id);
    }
    ids
}

/// The outbox workers of two app servers on one database, running at the same time, send
/// every message exactly once.
async fn two_workers_send_each_message_once(backend: Backend) {
    let Some(conn) = fresh_database(backend).await.unwrap() else {
        eprintln!("SKIPPED (PostgreSQL not available): this test ran on SQLite only");
        return;
    };
    let (port, received) = smtp_sink().await;
    let cfg = sink_config(port);
    let ids = queue(&conn, 40).await;
    let from: lettre::message::Mailbox = cfg.from.parse().unwrap();
    let (a, b) = tokio::join!(
        async {
            let t = mailer::transport(&cfg).unwrap();
            mailer::deliver_due(&conn, &t, &from, "server-a")
                .await
                .unwrap()
        },
        async {
            let t = mailer::transport(&cfg).unwrap();
            mailer::deliver_due(&conn, &t, &from, "server-b")
                .await
                .unwrap()
        }
    );
    assert_eq!(a + b, ids.len(), "every message sent by one of the two");
    let got = received.lock().unwrap().clone();
    for i in 0..ids.len() {
        let n = got
            .iter()
            .filter(|m| m.contains(&format!("Subject: Bericht {i}\n")))
            .count();
        assert_eq!(n, 1, "message {i} was received {n} times");
    }
    for id in ids {
        let m = db::outbox::find(&conn, id).await.unwrap().unwrap();
        assert_eq!(m.status, "sent");
        assert_eq!(m.attempts, 1, "sent in one attempt, by one worker");
        assert_eq!(m.claimed_by, None, "the claim is released");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_workers_send_each_message_once_on_sqlite() {
    two_workers_send_each_message_once(Backend::Sqlite).await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_workers_send_each_message_once_on_postgres() {
    two_workers_send_each_message_once(Backend::Postgres).await
}

/// Claims made at the same moment never overlap; a claim of a server that died holds until its
/// lease runs out, and then another server takes the message over: nothing is lost.
async fn claims_are_disjoint_and_outlive_a_dead_server(backend: Backend) {
    let Some(conn) = fresh_database(backend).await.unwrap() else {
        eprintln!("SKIPPED (PostgreSQL not available): this test ran on SQLite only");
        return;
    };
    let ids = queue(&conn, 30).await;
    let at = db::now();
    let mut seen = std::collections::BTreeSet::new();
    loop {
        let (a, b, c) = tokio::join!(
            db::outbox::claim_due(&conn, "a", 4, at),
            db::outbox::claim_due(&conn, "b", 4, at),
            db::outbox::claim_due(&conn, "c", 4, at)
        );
        let batch: Vec<_> = [a.unwrap(), b.unwrap(), c.unwrap()].concat();
        if batch.is_empty() {
            break;
        }
        for m in batch {
            assert!(seen.insert(m.id), "message {} claimed twice", m.id);
            assert!(m.claimed_by.is_some());
        }
    }
    assert_eq!(
        seen.into_iter().collect::<Vec<_>>(),
        ids,
        "every message claimed once"
    );
    // Nobody marked them (the servers died): within the lease nobody else may send them ...
    let later = at + chrono::Duration::minutes(1);
    assert!(
        db::outbox::claim_due(&conn, "d", 100, later)
            .await
            .unwrap()
            .is_empty()
    );
    // ... after it, a live server takes every one of them over.
    let after = at + db::outbox::CLAIM_LEASE + chrono::Duration::seconds(1);
    let taken = db::outbox::claim_due(&conn, "d", 100, after).await.unwrap();
    assert_eq!(taken.len(), ids.len());
    assert!(taken.iter().all(|m| m.claimed_by.as_deref() == Some("d")));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn claims_are_disjoint_and_outlive_a_dead_server_on_sqlite() {
    claims_are_disjoint_and_outlive_a_dead_server(Backend::Sqlite).await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn claims_are_disjoint_and_outlive_a_dead_server_on_postgres() {
    claims_are_disjoint_and_outlive_a_dead_server(Backend::Postgres).await
}

/// A background job runs on one app server at a time: two asking at once, many times over,
/// get it exactly once per round; a lease holds until it runs out; the holder may renew.
async fn one_lease_per_job(backend: Backend) {
    use chrono::Duration;
    use db::jobs::try_acquire;
    let Some(db) = fresh_database(backend).await.unwrap() else {
        eprintln!("SKIPPED (PostgreSQL not available): this test ran on SQLite only");
        return;
    };
    let t0 = db::now();
    let hour = Duration::hours(1);
    for round in 0..10 {
        let at = t0 + Duration::hours(2 * round);
        let (a, b) = tokio::join!(
            try_acquire(&db, "housekeeping", "a", hour, at),
            try_acquire(&db, "housekeeping", "b", hour, at)
        );
        assert!(
            a.unwrap() ^ b.unwrap(),
            "round {round}: exactly one server runs the job"
        );
    }
    let at = t0 + Duration::hours(40);
    assert!(try_acquire(&db, "purge", "a", hour, at).await.unwrap());
    assert!(
        !try_acquire(&db, "purge", "b", hour, at + Duration::minutes(59))
            .await
            .unwrap()
    );
    assert!(
        try_acquire(&db, "purge", "a", hour, at + Duration::minutes(30))
            .await
            .unwrap()
    );
    assert!(
        !try_acquire(&db, "purge", "b", hour, at + Duration::minutes(89))
            .await
            .unwrap()
    );
    assert!(
        try_acquire(&db, "purge", "b", hour, at + Duration::minutes(90))
            .await
            .unwrap()
    );
    assert!(
        try_acquire(&db, "digest", "a", hour, at).await.unwrap(),
        "each job its own lease"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn one_lease_per_job_on_sqlite() {
    one_lease_per_job(Backend::Sqlite).await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn one_lease_per_job_on_postgres() {
    one_lease_per_job(Backend::Postgres).await
}
