//! The admin CLI: the same server binary, with clear errors and a non-zero exit on bad input.
use std::io::Write;
use std::process::{Command, Output, Stdio};

fn fresh_sqlite_url() -> String {
    let dir = std::env::temp_dir().join("datacoach-tests");
    std::fs::create_dir_all(&dir).unwrap();
    format!(
        "sqlite://{}/cli-{}.sqlite?mode=rwc",
        dir.display(),
        db::tokens::new_secret().get(..12).unwrap()
    )
}

fn server(db_url: &str, args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_server"))
        .args(args)
        .current_dir(std::env::temp_dir())
        .env("DATACOACH_DATABASE_URL", db_url)
        .env("RUST_LOG", "warn")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the server binary starts");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

fn text(o: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

#[tokio::test]
async fn create_admin_reads_the_password_from_stdin_and_the_admin_can_log_in() {
    let url = fresh_sqlite_url();
    let out = server(
        &url,
        &[
            "create-admin",
            "--email",
            "Anouk@Example.NL",
            "--name",
            "Anouk Beheer",
        ],
        "een sterk wachtwoord\n",
    );
    assert!(out.status.success(), "{}", text(&out));
    assert!(text(&out).contains("anouk@example.nl"));
    let conn = db::connect(&url, 1).await.unwrap();
    let admin = db::accounts::authenticate(&conn, "anouk@example.nl", "een sterk wachtwoord")
        .await
        .unwrap()
        .expect("can log in");
    assert_eq!(admin.role, "admin");

    let again = server(
        &url,
        &[
            "create-admin",
            "--email",
            "anouk@example.nl",
            "--name",
            "Anouk",
        ],
        "een sterk wachtwoord\n",
    );
    assert!(!again.status.success());
    assert!(text(&again).contains("already exists"), "{}", text(&again));
}

#[test]
fn create_admin_refuses_bad_input_with_a_clear_message() {
    let url = fresh_sqlite_url();
    let bad_email = server(
        &url,
        &["create-admin", "--email", "anouk", "--name", "Anouk"],
        "een sterk wachtwoord\n",
    );
    assert!(!bad_email.status.success());
    assert!(
        text(&bad_email).contains("not a valid e-mail address"),
        "{}",
        text(&bad_email)
    );
    let short = server(
        &url,
        &["create-admin", "--email", "a@example.nl", "--name", "Anouk"],
        "kort\n",
    );
    assert!(!short.status.success());
    assert!(
        text(&short).contains("12 to 128 characters"),
        "{}",
        text(&short)
    );
    let lang = server(
        &url,
        &[
            "create-admin",
            "--email",
            "a@example.nl",
            "--name",
            "A",
            "--language",
            "fr",
        ],
        "een sterk wachtwoord\n",
    );
    assert!(!lang.status.success());
    let missing = server(&url, &["create-admin", "--email", "a@example.nl"], "");
    assert_eq!(missing.status.code(), Some(2), "{}", text(&missing));
    let unknown = server(&url, &["frobnicate"], "");
    assert_eq!(unknown.status.code(), Some(2));
}

#[test]
fn migrate_and_seed_demo_run_once_and_say_what_they_did() {
    let url = fresh_sqlite_url();
    let m = server(&url, &["migrate"], "");
    assert!(m.status.success(), "{}", text(&m));
    assert!(text(&m).contains("Migrations applied"));
    let first = server(&url, &["seed-demo"], "");
    assert!(first.status.success(), "{}", text(&first));
    assert!(
        text(&first).contains("coach@demo.datacoach.nl"),
        "prints the demo logins"
    );
    let second = server(&url, &["seed-demo"], "");
    assert!(second.status.success());
    assert!(text(&second).contains("already has users"));
}

#[test]
fn purge_applies_the_retention_policy_and_says_what_it_removed() {
    let url = fresh_sqlite_url();
    let early = server(&url, &["purge"], "");
    assert!(!early.status.success(), "an unmigrated database is refused");
    assert!(text(&early).contains("server migrate"), "{}", text(&early));
    assert!(server(&url, &["seed-demo"], "").status.success());
    let out = server(&url, &["purge"], "");
    assert!(out.status.success(), "{}", text(&out));
    let said = text(&out);
    assert!(said.contains("Retention policy applied"), "{said}");
    for step in ["sessions", "sent e-mail", "audit lines", "dossiers"] {
        assert!(said.contains(step), "{step} in {said}");
    }
}

#[test]
fn score_prints_the_reference_scores_of_the_worked_example() {
    let example = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../app/data/dma-sme-v1-example.json"
    );
    let out = server(
        "sqlite::memory:",
        &["score", "--profile", "dma-sme-v1", example],
        "",
    );
    assert!(out.status.success(), "{}", text(&out));
    let scores: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON on stdout");
    assert_eq!(scores["profile"], "dma-sme-v1");
    assert_eq!(scores["overall"], 39.24);
    assert_eq!(scores["band"], "average");
    assert_eq!(scores["dimensions"]["readiness"], 41.43);
    assert_eq!(scores["dimensions"]["data"], 53.57);
}

#[test]
fn score_names_the_question_and_option_at_fault_and_fails() {
    let dir = std::env::temp_dir().join("datacoach-tests");
    std::fs::create_dir_all(&dir).unwrap();
    let bad = dir.join(format!("bad-{}.json", std::process::id()));
    let example = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../app/data/dma-sme-v1-example.json"
    ))
    .unwrap();
    std::fs::write(
        &bad,
        example.replace("\"policy\"", "\"not_digital\", \"policy\""),
    )
    .unwrap();
    let out = server("sqlite::memory:", &["score", bad.to_str().unwrap()], "");
    assert!(!out.status.success());
    assert!(
        text(&out).contains("q7") && text(&out).contains("not_digital"),
        "{}",
        text(&out)
    );
    let unknown = server(
        "sqlite::memory:",
        &["score", "--profile", "dma-sme-v9", bad.to_str().unwrap()],
        "",
    );
    assert!(!unknown.status.success());
    assert!(text(&unknown).contains("unknown scoring profile"));
}

/// `seed-bench` adds companies whose caseload figures are exactly what the app itself would
/// compute for their scans, visits and actions, and refuses a count out of range.
#[tokio::test]
async fn seed_bench_adds_companies_with_consistent_caseload_figures() {
    use db::entities::company;
    use sea_orm::{EntityTrait, PaginatorTrait, QueryOrder};
    let url = fresh_sqlite_url();
    let out = server(&url, &["seed-bench", "--companies", "40"], "");
    assert!(out.status.success(), "{}", text(&out));
    assert!(text(&out).contains("Added 40 companies"), "{}", text(&out));
    let conn = db::connect(&url, 1).await.unwrap();
    let all = company::Entity::find()
        .order_by_desc(company::Column::Id)
        .all(&conn)
        .await
        .unwrap();
    assert_eq!(
        all.len(),
        3 + datacoach_server::demo::workspace::COMPANIES + 40
    );
    let seeded = &all[..40];
    assert!(seeded.iter().any(|c| c.latest_scan_id.is_some()));
    assert!(seeded.iter().any(|c| c.open_actions > 0));
    for c in seeded {
        db::workspace::caseload::refresh(&conn, c.id).await.unwrap();
        let again = company::Entity::find_by_id(c.id)
            .one(&conn)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(
            (
                again.latest_scan_id,
                again.latest_overall,
                again.latest_band.clone(),
                again.last_contact_on,
                again.next_visit_on,
                again.open_actions,
                again.first_due_on
            ),
            (
                c.latest_scan_id,
                c.latest_overall,
                c.latest_band.clone(),
                c.last_contact_on,
                c.next_visit_on,
                c.open_actions,
                c.first_due_on
            ),
            "the seeded figures of {} differ from the app's",
            c.name
        );
    }
    let timeline = db::entities::timeline_event::Entity::find()
        .count(&conn)
        .await
        .unwrap();
    assert!(timeline > 40 * 8, "{timeline} timeline events");
    let bad = server(&url, &["seed-bench", "--companies", "0"], "");
    assert!(!bad.status.success());
}

async fn user_count(url: &str) -> u64 {
    use sea_orm::{EntityTrait, PaginatorTrait};
    let conn = db::connect(url, 1).await.unwrap();
    let n = db::entities::user::Entity::find()
        .count(&conn)
        .await
        .unwrap();
    conn.close().await.unwrap();
    n
}

/// `server backup` copies the database while it is being written to, and the copy is whole;
/// `server restore` puts it back, keeps the database it replaced, and refuses what is not a
/// Datacoach backup. Neither overwrites a file it should not.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn backup_while_writing_then_restore() {
    let url = fresh_sqlite_url();
    assert!(server(&url, &["seed-demo"], "").status.success());
    let dir = std::env::temp_dir().join("datacoach-tests");
    let backup = dir.join(format!(
        "backup-{}.sqlite",
        db::tokens::new_secret().get(..12).unwrap()
    ));

    // A writer keeps adding accounts while the backup runs.
    let writer_url = url.clone();
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let stop_writer = stop.clone();
    let writer = tokio::spawn(async move {
        let conn = db::connect(&writer_url, 1).await.unwrap();
        let mut i = 0;
        while !stop_writer.load(std::sync::atomic::Ordering::Relaxed) {
            db::accounts::create_user(
                &conn,
                db::accounts::NewUser {
                    email: format!("schrijver{i}@example.nl"),
                    name: format!("Schrijver {i}"),
                    language: "nl".into(),
                    role: db::roles::ENTREPRENEUR,
                    organisation_id: None,
                    expert_firm_id: None,
                    password_hash: None,
                },
            )
            .await
            .unwrap();
            i += 1;
        }
        conn.close().await.unwrap();
        i
    });
    tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    let path = backup.display().to_string();
    let out = tokio::task::spawn_blocking({
        let url = url.clone();
        move || server(&url, &["backup", &path], "")
    })
    .await
    .unwrap();
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    let written = writer.await.unwrap();
    assert!(out.status.success(), "{}", text(&out));
    assert!(text(&out).contains("checked intact"), "{}", text(&out));
    assert!(written > 0, "the writer wrote during the backup");

    // The copy is a whole database of this version.
    let backup_url = format!("sqlite://{}?mode=rwc", backup.display());
    let conn = db::connect(&backup_url, 1).await.unwrap();
    assert!(db::pending_migrations(&conn).await.unwrap().is_empty());
    assert!(
        db::accounts::authenticate(&conn, "coach@demo.datacoach.nl", db::seed::DEMO_PASSWORD)
            .await
            .unwrap()
            .is_some()
    );
    conn.close().await.unwrap();
    let in_backup = user_count(&backup_url).await;

    // Never over an existing file.
    let again = server(&url, &["backup", &backup.display().to_string()], "");
    assert!(!again.status.success());
    assert!(text(&again).contains("exists already"), "{}", text(&again));

    // Restore: what was added since is gone, the replaced database is kept.
    let before = user_count(&url).await;
    assert!(before > in_backup, "the writer went on after the copy");
    let out = server(&url, &["restore", &backup.display().to_string()], "");
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(user_count(&url).await, in_backup);
    let kept = text(&out)
        .lines()
        .find_map(|l| l.strip_prefix("The database it replaced is kept as "))
        .map(|p| p.trim_end_matches('.').to_owned())
        .expect("names the kept copy");
    let kept_url = format!("sqlite://{kept}?mode=rwc");
    assert_eq!(
        user_count(&kept_url).await,
        before,
        "the replaced database, whole"
    );

    // Not a backup: refused, nothing replaced.
    let junk = dir.join("geen-backup.sqlite");
    std::fs::write(&junk, b"dit is geen database").unwrap();
    let out = server(&url, &["restore", &junk.display().to_string()], "");
    assert!(!out.status.success());
    assert!(
        text(&out).contains("is not a usable backup") || text(&out).contains("cannot open"),
        "{}",
        text(&out)
    );
    assert_eq!(user_count(&url).await, in_backup);

    // PostgreSQL is backed up with its own tools.
    let out = server(
        "postgres://postgres@127.0.0.1:5432/postgres",
        &["backup", "/tmp/x.sqlite"],
        "",
    );
    assert!(!out.status.success());
    assert!(text(&out).contains("pg_dump"), "{}", text(&out));
}

/// The README's PostgreSQL routine: `pg_dump -Fc` of a live database, `pg_restore --no-owner`
/// into a new one, which is then a current Datacoach database with the same accounts.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgresql_dump_and_restore_as_documented() {
    use db::testing::{Backend, fresh_database_url};
    let Some(url) = fresh_database_url(Backend::Postgres).await.unwrap() else {
        eprintln!("SKIPPED (PostgreSQL not available): pg_dump routine not tried");
        return;
    };
    if std::process::Command::new("pg_dump")
        .arg("--version")
        .output()
        .is_err()
    {
        assert_ne!(
            std::env::var("CI").as_deref(),
            Ok("true"),
            "pg_dump is needed in CI"
        );
        eprintln!("SKIPPED: pg_dump is not installed; the PostgreSQL backup routine was not tried");
        return;
    }
    assert!(server(&url, &["seed-demo"], "").status.success());
    let users = user_count(&url).await;
    let dump = std::env::temp_dir().join("datacoach-tests").join(format!(
        "pg-{}.dump",
        db::tokens::new_secret().get(..12).unwrap()
    ));
    let out = Command::new("pg_dump")
        .args(["-Fc", "-d", &url, "-f", &dump.display().to_string()])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out));
    let restored = fresh_database_url(Backend::Postgres)
        .await
        .unwrap()
        .unwrap();
    let out = Command::new("pg_restore")
        .args(["--no-owner", "-d", &restored, &dump.display().to_string()])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(user_count(&restored).await, users);
    let conn = db::connect(&restored, 1).await.unwrap();
    assert!(db::pending_migrations(&conn).await.unwrap().is_empty());
    assert!(
        db::accounts::authenticate(&conn, "coach@demo.datacoach.nl", db::seed::DEMO_PASSWORD)
            .await
            .unwrap()
            .is_some()
    );
    conn.close().await.unwrap();
    std::fs::remove_file(dump).ok();
}
