//! `server backup` and `server restore` for the embedded SQLite database. A backup is an
//! online, consistent copy made with SQLite's `VACUUM INTO` while the server runs (one read
//! transaction: it sees every committed write and none that came later). A restore checks the
//! file (intact, a Datacoach database, not from a newer version), keeps a copy of the database
//! it replaces, and swaps the file in; the servers must be stopped meanwhile. PostgreSQL is
//! backed up with its own tools (`pg_dump`, see the README).
use db::{ConnectionTrait, DatabaseConnection, DbErr};
use sea_orm::{DatabaseBackend, Statement};
use std::path::{Path, PathBuf};

type Res<T> = Result<T, String>;

/// What a backup or restore did, for the operator.
#[derive(Debug)]
pub struct Copied {
    pub file: PathBuf,
    pub bytes: u64,
    pub users: i64,
    pub companies: i64,
    pub scans: i64,
}

fn sqlite_path(database_url: &str) -> Res<PathBuf> {
    if !database_url.starts_with("sqlite:") {
        return Err(
            "this command copies the embedded SQLite database; back up PostgreSQL with \
                    pg_dump and restore it with pg_restore (README, Deployment: backups)"
                .into(),
        );
    }
    db::connect::sqlite_file_path(database_url)
        .map(PathBuf::from)
        .ok_or_else(|| "the database URL names no SQLite file".to_owned())
}

/// A plain connection to one SQLite file: the journal mode and every other setting as the
/// file has them (a backup stays an ordinary single file), read-only when asked.
async fn open(path: &Path, read_only: bool) -> Res<DatabaseConnection> {
    use sea_orm::sqlx::sqlite::SqliteConnectOptions;
    let mut opts = sea_orm::ConnectOptions::new(format!("sqlite://{}", path.display()));
    opts.max_connections(1)
        .min_connections(1)
        .sqlx_logging(false)
        .map_sqlx_sqlite_opts(move |o: SqliteConnectOptions| {
            o.read_only(read_only)
                .create_if_missing(false)
                .busy_timeout(std::time::Duration::from_secs(30))
        });
    sea_orm::Database::connect(opts)
        .await
        .map_err(|e| format!("cannot open {}: {e}", path.display()))
}

async fn vacuum_into(conn: &DatabaseConnection, target: &Path) -> Res<()> {
    conn.execute_raw(Statement::from_sql_and_values(
        DatabaseBackend::Sqlite,
        "VACUUM INTO ?",
        [target.display().to_string().into()],
    ))
    .await
    .map(|_| ())
    .map_err(|e| format!("copying the database to {} failed: {e}", target.display()))
}

async fn scalar_i64(conn: &DatabaseConnection, sql: &str) -> Result<i64, DbErr> {
    let row = conn
        .query_one_raw(Statement::from_string(DatabaseBackend::Sqlite, sql))
        .await?
        .ok_or_else(|| DbErr::Custom("no row".into()))?;
    row.try_get_by_index::<i64>(0)
}

/// Checks that `conn` is an intact Datacoach database this version can run, and counts it.
async fn inspect(conn: &DatabaseConnection, file: &Path) -> Res<Copied> {
    let bad = |why: String| format!("{} is not a usable backup: {why}", file.display());
    let integrity = conn
        .query_one_raw(Statement::from_string(
            DatabaseBackend::Sqlite,
            "PRAGMA integrity_check",
        ))
        .await
        .map_err(|e| bad(e.to_string()))?
        .and_then(|r| r.try_get_by_index::<String>(0).ok())
        .unwrap_or_default();
    if integrity != "ok" {
        return Err(bad(format!("the integrity check says {integrity:?}")));
    }
    let applied: Vec<String> = conn
        .query_all_raw(Statement::from_string(
            DatabaseBackend::Sqlite,
            "SELECT version FROM seaql_migrations",
        ))
        .await
        .map_err(|_| bad("it has no Datacoach schema".into()))?
        .iter()
        .filter_map(|r| r.try_get_by_index::<String>(0).ok())
        .collect();
    let known = db::migration::names();
    if let Some(newer) = applied.iter().find(|m| !known.contains(m)) {
        return Err(bad(format!(
            "it was written by a newer version of Datacoach (migration {newer})"
        )));
    }
    let count = |table: &'static str| async move {
        scalar_i64(conn, &format!("SELECT COUNT(*) FROM {table}"))
            .await
            .map_err(|e| bad(format!("table {table}: {e}")))
    };
    Ok(Copied {
        file: file.to_owned(),
        bytes: std::fs::metadata(file).map(|m| m.len()).unwrap_or(0),
        users: count("users").await?,
        companies: count("companies").await?,
        scans: count("scans").await?,
    })
}

/// Writes a consistent copy of the running database to `target` (which must not exist yet)
/// and checks the copy.
pub async fn backup(database_url: &str, target: &Path) -> Res<Copied> {
    let source = sqlite_path(database_url)?;
    if !source.is_file() {
        return Err(format!("there is no database at {}", source.display()));
    }
    if target.exists() {
        return Err(format!(
            "{} exists already; a backup never overwrites a file",
            target.display()
        ));
    }
    if let Some(dir) = target.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)
            .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    }
    let conn = open(&source, false).await?;
    vacuum_into(&conn, target).await?;
    conn.close().await.ok();
    let copy = open(target, true).await?;
    let checked = inspect(&copy, target).await;
    copy.close().await.ok();
    checked
}

/// Replaces the database with the backup `file`, keeping the replaced database beside it as
/// `<name>.before-restore-<UTC time>`. The app servers must be stopped.
pub async fn restore(database_url: &str, file: &Path) -> Res<(Copied, Option<PathBuf>)> {
    let target = sqlite_path(database_url)?;
    if !file.is_file() {
        return Err(format!("there is no file {}", file.display()));
    }
    let backup = open(file, true).await?;
    let checked = inspect(&backup, file).await;
    let checked = match checked {
        Ok(c) => c,
        Err(e) => {
            backup.close().await.ok();
            return Err(e);
        }
    };
    let dir = target
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
        .to_owned();
    std::fs::create_dir_all(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "datacoach.sqlite".into());
    let stamp = chrono::Utc::now().format("%Y%m%dT%H%M%SZ");
    // The new file is written beside the old one first, so the swap is a rename.
    let incoming = dir.join(format!("{name}.restoring-{stamp}"));
    let copied = vacuum_into(&backup, &incoming).await;
    backup.close().await.ok();
    copied?;
    let kept = if target.is_file() {
        let kept = dir.join(format!("{name}.before-restore-{stamp}"));
        let old = open(&target, false).await?;
        let saved = vacuum_into(&old, &kept).await;
        old.close().await.ok();
        saved?;
        Some(kept)
    } else {
        None
    };
    // The old database's write-ahead log must not be applied to the new file.
    for suffix in ["-wal", "-shm"] {
        let side = dir.join(format!("{name}{suffix}"));
        if side.exists() {
            std::fs::remove_file(&side)
                .map_err(|e| format!("cannot remove {}: {e}", side.display()))?;
        }
    }
    std::fs::rename(&incoming, &target).map_err(|e| {
        format!(
            "cannot move {} to {}: {e}",
            incoming.display(),
            target.display()
        )
    })?;
    Ok((
        Copied {
            file: target,
            ..checked
        },
        kept,
    ))
}
