//! One typed configuration, loaded once: defaults, then `datacoach.toml` (or the file named by
//! `DATACOACH_CONFIG`) if present, then `DATACOACH_*` environment variables
//! (nested keys with `__`, for example `DATACOACH_SMTP__HOST`).
use figment::Figment;
use figment::providers::{Env, Format, Serialized, Toml};
use secrecy::SecretString;
use serde::{Deserialize, Serialize};
use std::net::SocketAddr;

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Config {
    /// `sqlite://data/datacoach.sqlite?mode=rwc` or `postgres://user@host/db`.
    pub database_url: String,
    pub db_max_connections: u32,
    pub listen: SocketAddr,
    /// Public base URL for links in e-mails, without a trailing slash.
    pub base_url: String,
    /// `Secure` cookies; defaults to whether `base_url` is https.
    pub secure_cookies: Option<bool>,
    /// Seed the demo data set into an empty database at startup.
    pub seed_demo: bool,
    /// Behind a reverse proxy: take the client's address from the last `X-Forwarded-For`
    /// entry (the proxy's own). Off by default: anyone could write that header.
    pub trust_forwarded_for: bool,
    pub smtp: Option<SmtpConfig>,
    /// `text` (readable, the default) or `json` (one object per line, for a log collector).
    pub log_format: LogFormat,
    /// Apply pending migrations when the server starts. With several app servers on one
    /// database set it to `false` and run `server migrate` once per upgrade: a server then
    /// refuses to start while migrations are pending.
    pub migrate_on_start: bool,
    /// How long the audit trail keeps a line (reads and changes), in days.
    pub audit_retention_days: u32,
    /// How long sent e-mail stays in the outbox, in days.
    pub outbox_retention_days: u32,
    /// A company's dossier is erased this many years after anything last happened in it
    /// (contact, scan, visit, note, change); 0 keeps dossiers until erased by hand.
    pub dossier_retention_years: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LogFormat {
    Text,
    Json,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct SmtpConfig {
    pub host: String,
    #[serde(default = "default_smtp_port")]
    pub port: u16,
    #[serde(default)]
    pub username: Option<String>,
    /// Never printed: `SecretString` redacts itself in Debug output.
    #[serde(default, skip_serializing)]
    pub password: Option<SecretString>,
    pub from: String,
    /// `starttls` (default), `tls` (implicit TLS) or `none` (a local relay or test sink).
    #[serde(default = "default_security")]
    pub security: String,
}

fn default_smtp_port() -> u16 {
    587
}

fn default_security() -> String {
    "starttls".into()
}

impl Default for Config {
    fn default() -> Self {
        Config {
            database_url: "sqlite://data/datacoach.sqlite?mode=rwc".into(),
            db_max_connections: 8,
            listen: "127.0.0.1:3000".parse().expect("valid default address"),
            base_url: "http://127.0.0.1:3000".into(),
            secure_cookies: None,
            seed_demo: false,
            trust_forwarded_for: false,
            smtp: None,
            log_format: LogFormat::Text,
            migrate_on_start: true,
            audit_retention_days: 730,
            outbox_retention_days: 30,
            dossier_retention_years: 7,
        }
    }
}

impl Config {
    pub fn load() -> Result<Config, Box<figment::Error>> {
        let file = std::env::var("DATACOACH_CONFIG").unwrap_or_else(|_| "datacoach.toml".into());
        Self::figment(&file).extract().map_err(Box::new)
    }

    fn figment(file: &str) -> Figment {
        Figment::from(Serialized::defaults(Config::default()))
            .merge(Toml::file(file))
            .merge(Env::prefixed("DATACOACH_").split("__").ignore(&["config"]))
    }

    pub fn secure_cookies(&self) -> bool {
        self.secure_cookies
            .unwrap_or_else(|| self.base_url.starts_with("https://"))
    }

    pub fn base_url(&self) -> String {
        self.base_url.trim_end_matches('/').to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use secrecy::ExposeSecret;

    #[test]
    fn defaults_then_file_then_environment() {
        figment::Jail::expect_with(|jail| {
            jail.create_file("dc.toml", "base_url = \"https://coach.example.nl/\"\n[smtp]\nhost = \"smtp.example.nl\"\nfrom = \"Datacoach <noreply@example.nl>\"\npassword = \"hunter2hunter2\"\n")?;
            jail.set_env("DATACOACH_LISTEN", "0.0.0.0:8080");
            jail.set_env("DATACOACH_SMTP__PORT", "2525");
            let c: Config = Config::figment("dc.toml").extract()?;
            assert_eq!(c.listen.port(), 8080);
            assert_eq!(c.base_url(), "https://coach.example.nl");
            assert!(c.secure_cookies());
            let smtp = c.smtp.clone().expect("smtp configured");
            assert_eq!(smtp.port, 2525);
            assert_eq!(
                smtp.password
                    .as_ref()
                    .map(|p| p.expose_secret().to_owned())
                    .as_deref(),
                Some("hunter2hunter2")
            );
            assert!(!format!("{c:?}").contains("hunter2"), "secrets never print");
            assert!(c.database_url.starts_with("sqlite://"));
            assert_eq!(c.log_format, LogFormat::Text);
            assert!(c.migrate_on_start);
            jail.set_env("DATACOACH_LOG_FORMAT", "json");
            jail.set_env("DATACOACH_MIGRATE_ON_START", "false");
            let c: Config = Config::figment("dc.toml").extract()?;
            assert_eq!(c.log_format, LogFormat::Json);
            assert!(!c.migrate_on_start);
            jail.set_env("DATACOACH_LOG_FORMAT", "xml");
            assert!(
                Config::figment("dc.toml").extract::<Config>().is_err(),
                "unknown format refused"
            );
            Ok(())
        });
    }
}
