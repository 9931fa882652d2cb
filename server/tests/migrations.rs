//! The migrations build the same schema on SQLite and PostgreSQL, and running them again
//! changes nothing; the demo seed runs once.
use db::testing::{Backend, fresh_database};

async fn migrate_twice_and_seed_once(backend: Backend) {
    let Some(conn) = fresh_database(backend).await.expect("fresh database") else {
        eprintln!("SKIPPED (PostgreSQL not available)");
        return;
    };
    db::migrate(&conn)
        .await
        .expect("migrating again is a no-op");
    assert!(db::seed::seed_demo(&conn).await.unwrap(), "first seed");
    assert!(!db::seed::seed_demo(&conn).await.unwrap(), "no reseed");
    let page = db::accounts::list_users(&conn, &Default::default(), 0, 100)
        .await
        .unwrap();
    assert_eq!(page.total, 8);
    // Case-insensitive unique e-mail, unique KvK.
    let dup = db::accounts::create_user(
        &conn,
        db::accounts::NewUser {
            email: "ADMIN@demo.datacoach.nl".into(),
            name: "x".into(),
            language: "nl".into(),
            role: db::roles::ADMIN,
            organisation_id: None,
            expert_firm_id: None,
            password_hash: None,
        },
    )
    .await;
    assert!(matches!(dup, Err(db::DbError::Conflict("email"))));
}

#[tokio::test]
async fn migrations_and_seed_on_sqlite() {
    migrate_twice_and_seed_once(Backend::Sqlite).await;
}

#[tokio::test]
async fn migrations_and_seed_on_postgres() {
    migrate_twice_and_seed_once(Backend::Postgres).await;
}
