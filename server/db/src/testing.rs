//! Fresh databases for tests: a new SQLite file, or a new PostgreSQL database per test.
//!
//! PostgreSQL is found at `DATACOACH_TEST_POSTGRES_URL` (default: the local server). When it is
//! not reachable the PostgreSQL tests are skipped only if `DATACOACH_SKIP_POSTGRES=1` says so
//! (the Makefile sets it after printing a visible warning, never under CI); otherwise they fail.
use sea_orm::{ConnectionTrait, DatabaseConnection, DbErr};

pub const DEFAULT_ADMIN_URL: &str = "postgres://postgres@127.0.0.1:5432/postgres";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

fn unique_name(prefix: &str) -> String {
    format!(
        "{prefix}_{}_{}",
        std::process::id(),
        &crate::tokens::new_secret()[..12]
    )
}

/// A database URL for a brand-new, empty database of the given kind, or `None` when the
/// PostgreSQL tests are explicitly skipped.
pub async fn fresh_database_url(backend: Backend) -> Result<Option<String>, DbErr> {
    match backend {
        Backend::Sqlite => {
            let dir = std::env::temp_dir().join("datacoach-tests");
            std::fs::create_dir_all(&dir).map_err(|e| DbErr::Custom(e.to_string()))?;
            let file = dir.join(format!("{}.sqlite", unique_name("t")));
            Ok(Some(format!("sqlite://{}?mode=rwc", file.display())))
        }
        Backend::Postgres => {
            if std::env::var("DATACOACH_SKIP_POSTGRES").as_deref() == Ok("1") {
                return Ok(None);
            }
            let admin_url = std::env::var("DATACOACH_TEST_POSTGRES_URL")
                .unwrap_or_else(|_| DEFAULT_ADMIN_URL.to_owned());
            let admin = sea_orm::Database::connect(admin_url.as_str()).await.map_err(|e| {
                DbErr::Custom(format!(
                    "PostgreSQL is not reachable at {admin_url} ({e}); start it or set DATACOACH_SKIP_POSTGRES=1 outside CI"
                ))
            })?;
            let name = unique_name("dc_test");
            admin
                .execute_unprepared(&format!("CREATE DATABASE {name}"))
                .await?;
            admin.close().await?;
            let base = admin_url
                .rsplit_once('/')
                .map(|(b, _)| b)
                .unwrap_or(&admin_url);
            Ok(Some(format!("{base}/{name}")))
        }
    }
}

/// A migrated, empty database of the given kind.
pub async fn fresh_database(backend: Backend) -> Result<Option<DatabaseConnection>, DbErr> {
    let Some(url) = fresh_database_url(backend).await? else {
        return Ok(None);
    };
    let db = crate::connect(&url, 4).await?;
    crate::migrate(&db).await?;
    Ok(Some(db))
}
