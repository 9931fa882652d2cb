//! With SMTP configured the outbox is delivered through lettre; a tiny SMTP sink on loopback
//! stands in for the mail server.
use datacoach_server::config::SmtpConfig;
use datacoach_server::mailer;
use db::testing::{Backend, fresh_database};
use std::sync::{Arc, Mutex};
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpListener;

/// Accepts SMTP sessions and keeps every message body it receives.
async fn smtp_sink() -> (u16, Arc<Mutex<Vec<String>>>) {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let received = Arc::new(Mutex::new(Vec::new()));
    let store = received.clone();
    tokio::spawn(async move {
        while let Ok((socket, _)) = listener.accept().await {
            let store = store.clone();
            tokio::spawn(async move {
                let (r, mut w) = socket.into_split();
                let mut lines = BufReader::new(r).lines();
                w.write_all(b"220 sink ESMTP\r\n").await.ok();
                let mut in_data = false;
                let mut body = String::new();
                while let Ok(Some(line)) = lines.next_line().await {
                    if in_data {
                        if line == "." {
                            in_data = false;
                            store.lock().unwrap().push(std::mem::take(&mut body));
                            w.write_all(b"250 queued\r\n").await.ok();
                        } else {
                            body.push_str(&line);
                            body.push('\n');
                        }
                        continue;
                    }
                    let cmd = line.to_ascii_uppercase();
                    let reply: &[u8] = if cmd.starts_with("EHLO") || cmd.starts_with("HELO") {
                        b"250 sink\r\n"
                    } else if cmd.starts_with("DATA") {
                        in_data = true;
                        b"354 go ahead\r\n"
                    } else if cmd.starts_with("QUIT") {
                        w.write_all(b"221 bye\r\n").await.ok();
                        break;
                    } else {
                        b"250 ok\r\n"
                    };
                    w.write_all(reply).await.ok();
                }
            });
        }
    });
    (port, received)
}

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
    let sent = mailer::deliver_due(&conn, &transport, &cfg.from.parse().unwrap())
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
        mailer::deliver_due(&conn, &transport, &cfg.from.parse().unwrap())
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
        mailer::deliver_due(&conn, &transport, &cfg.from.parse().unwrap())
            .await
            .unwrap(),
        0
    );
    let stored = db::outbox::find(&conn, queued.id).await.unwrap().unwrap();
    assert_eq!(stored.status, "failed");
    assert_eq!(stored.attempts, 1);
    assert!(stored.last_error.is_some());
    assert_eq!(
        db::outbox::due(&conn, 10).await.unwrap().len(),
        1,
        "it will be retried"
    );
}
