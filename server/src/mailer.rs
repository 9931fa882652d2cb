//! Delivers the outbox over SMTP (lettre) when SMTP is configured. Without SMTP the messages
//! stay in the outbox as `stored`, readable by an admin. Every app server runs this worker;
//! each claims the messages it sends (see `db::outbox::claim_due`), so none goes out twice.
use crate::config::SmtpConfig;
use db::DatabaseConnection;
use lettre::message::{Mailbox, header::ContentType};
use lettre::transport::smtp::authentication::Credentials;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use secrecy::ExposeSecret;
use std::time::Duration;

pub type Transport = AsyncSmtpTransport<Tokio1Executor>;

pub fn transport(cfg: &SmtpConfig) -> Result<Transport, lettre::transport::smtp::Error> {
    let mut builder = match cfg.security.as_str() {
        "none" => AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(&cfg.host),
        "tls" => AsyncSmtpTransport::<Tokio1Executor>::relay(&cfg.host)?,
        _ => AsyncSmtpTransport::<Tokio1Executor>::starttls_relay(&cfg.host)?,
    }
    .port(cfg.port)
    .timeout(Some(Duration::from_secs(20)));
    if let (Some(user), Some(pass)) = (&cfg.username, &cfg.password) {
        builder = builder.credentials(Credentials::new(
            user.clone(),
            pass.expose_secret().to_owned(),
        ));
    }
    Ok(builder.build())
}

fn message(from: &Mailbox, m: &db::entities::outbox_message::Model) -> Result<Message, String> {
    let to = Mailbox::new(
        Some(m.to_name.clone()),
        m.to_email
            .parse()
            .map_err(|e| format!("bad address: {e}"))?,
    );
    Message::builder()
        .from(from.clone())
        .to(to)
        .subject(m.subject.clone())
        .header(ContentType::TEXT_PLAIN)
        .body(m.body.clone())
        .map_err(|e| e.to_string())
}

/// Sends what is due, claiming a few messages at a time for `worker` (this app server), until
/// nothing is left; returns how many were sent. Other servers' workers claim other messages.
pub async fn deliver_due(
    db: &DatabaseConnection,
    transport: &Transport,
    from: &Mailbox,
    worker: &str,
) -> Result<usize, db::DbError> {
    let mut sent = 0;
    loop {
        let claimed = db::outbox::claim_due(db, worker, db::outbox::CLAIM_BATCH, db::now()).await?;
        if claimed.is_empty() {
            return Ok(sent);
        }
        sent += send_claimed(db, transport, from, claimed).await?;
    }
}

async fn send_claimed(
    db: &DatabaseConnection,
    transport: &Transport,
    from: &Mailbox,
    claimed: Vec<db::entities::outbox_message::Model>,
) -> Result<usize, db::DbError> {
    let mut sent = 0;
    for m in claimed {
        let result = match message(from, &m) {
            Ok(msg) => transport
                .send(msg)
                .await
                .map(|_| ())
                .map_err(|e| e.to_string()),
            Err(e) => Err(e),
        };
        if result.is_ok() {
            sent += 1;
        } else if let Err(e) = &result {
            tracing::warn!(id = m.id, error = %e, "sending e-mail failed; will retry");
        }
        db::outbox::mark(db, m, result).await?;
    }
    Ok(sent)
}

/// Runs forever: every few seconds, deliver what is due, as `worker`.
pub async fn run(db: DatabaseConnection, cfg: SmtpConfig, worker: String) {
    let from: Mailbox = match cfg.from.parse() {
        Ok(f) => f,
        Err(e) => {
            tracing::error!(error = %e, "smtp.from is not a valid address; e-mail stays in the outbox");
            return;
        }
    };
    let transport = match transport(&cfg) {
        Ok(t) => t,
        Err(e) => {
            tracing::error!(error = %e, "SMTP transport could not be built; e-mail stays in the outbox");
            return;
        }
    };
    let mut tick = tokio::time::interval(Duration::from_secs(5));
    loop {
        tick.tick().await;
        if let Err(e) = deliver_due(&db, &transport, &from, &worker).await {
            tracing::error!(error = ?e, "outbox delivery failed");
        }
    }
}
