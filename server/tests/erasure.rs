//! The right to erasure and the retention policy, proven the hard way: after erasing a person
//! or a company, every column of every table is searched for what identified them.
mod common;
use common::*;
use db::ConnectionTrait;
use db::entities::{company, timeline_event};
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set, Statement};

/// Every (table, column) of the schema, read from the database itself, so a table added
/// later is searched too.
async fn all_columns(app: &TestApp) -> Vec<(String, String)> {
    let sql = match app.backend {
        db::testing::Backend::Sqlite => {
            "SELECT m.name, p.name FROM sqlite_master m JOIN pragma_table_info(m.name) p \
             WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'"
        }
        db::testing::Backend::Postgres => {
            "SELECT table_name::text, column_name::text FROM information_schema.columns \
             WHERE table_schema = current_schema()"
        }
    };
    let rows = app
        .db
        .query_all_raw(Statement::from_string(app.db.get_database_backend(), sql))
        .await
        .unwrap();
    let cols: Vec<(String, String)> = rows
        .iter()
        .map(|r| {
            (
                r.try_get_by_index::<String>(0).unwrap(),
                r.try_get_by_index::<String>(1).unwrap(),
            )
        })
        .collect();
    assert!(cols.len() > 150, "the whole schema is searched: {cols:?}");
    cols
}

/// Where `needle` (any letter case) still occurs: "table.column (n rows)".
async fn traces_of(app: &TestApp, needle: &str) -> Vec<String> {
    let needle = needle.to_lowercase().replace('\'', "''");
    let mut found = vec![];
    for (table, column) in all_columns(app).await {
        let sql = format!(
            "SELECT COUNT(*) FROM \"{table}\" WHERE LOWER(CAST(\"{column}\" AS TEXT)) LIKE '%{needle}%'"
        );
        let row = app
            .db
            .query_one_raw(Statement::from_string(app.db.get_database_backend(), sql))
            .await
            .unwrap()
            .unwrap();
        let n: i64 = row.try_get_by_index(0).unwrap();
        if n > 0 {
            found.push(format!("{table}.{column} ({n} rows)"));
        }
    }
    found
}

/// Rows that still point at company `id` in any `company_id` column.
async fn rows_of_company(app: &TestApp, id: &str) -> Vec<String> {
    let mut found = vec![];
    for (table, column) in all_columns(app).await {
        if column != "company_id" {
            continue;
        }
        let sql = format!("SELECT COUNT(*) FROM \"{table}\" WHERE \"{column}\" = {id}");
        let row = app
            .db
            .query_one_raw(Statement::from_string(app.db.get_database_backend(), sql))
            .await
            .unwrap()
            .unwrap();
        let n: i64 = row.try_get_by_index(0).unwrap();
        if n > 0 {
            found.push(format!("{table} ({n} rows)"));
        }
    }
    found
}

/// The entrepreneur's name typed into texts by others and shared with an expert: the places
/// erasure must reach beyond the account itself.
async fn spread_the_name(app: &TestApp, company: &str, name: &str, email: &str) {
    let coach = app.logged_in(COACH).await;
    let note = format!("Gebeld met {name} ({email}): wil een dashboard.");
    let r = coach
        .call(
            "add_note",
            &[
                ("company_id", company),
                ("note_text", &note),
                ("shared", "on"),
            ],
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    let c = company::Entity::find_by_id(company.parse::<i64>().unwrap())
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    let mut c: company::ActiveModel = c.into();
    c.contact_name = Set(Some(name.to_owned()));
    c.contact_email = Set(Some(email.to_owned()));
    c.contact_phone = Set(Some("06-12345678".to_owned()));
    c.update(&app.db).await.unwrap();
    // The entrepreneur contacts a recommended expert and shares address and phone.
    let daan = app.expert_profile_id(EXPERT).await;
    let key = format!("form[experts][{daan}]");
    let r = coach
        .call(
            "recommend_experts",
            &[
                ("company_id", company),
                (&key, "on"),
                ("form[dimension]", "data"),
                ("form[reason]", "Een dashboard"),
            ],
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    let e = app.logged_in(email).await;
    let recs = e
        .call("get_recommendations", &[("company_id", company)])
        .await;
    let rec = recs.body[0]["id"].as_i64().unwrap().to_string();
    let r = e
        .call(
            "contact_expert",
            &[
                ("recommendation_id", &rec),
                ("form[message]", &format!("Groet, {name}")),
                ("form[share_email]", "on"),
                ("form[share_phone]", "on"),
                ("form[contact_phone]", "06-87654321"),
            ],
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
}

on_both_databases!(
    an_entrepreneur_erases_themselves_and_nothing_identifies_them_afterwards,
    |app: TestApp| async move {
        let company = app.company_id("12345678").await;
        let id = app.user_id(ENTREPRENEUR).await;
        let name = db::accounts::find_by_id(&app.db, id)
            .await
            .unwrap()
            .unwrap()
            .name;
        spread_the_name(&app, &company, &name, ENTREPRENEUR).await;
        assert!(!traces_of(&app, &name).await.is_empty());
        let scans_before = db::scans::of_company(&app.db, company.parse().unwrap())
            .await
            .unwrap()
            .len();

        let e = app.logged_in(ENTREPRENEUR).await;
        let p = e.call("erasure_preview", &[("kind", "myself")]).await;
        assert_eq!(p.status, 200, "{}", p.body);
        assert_eq!(p.body["confirm_with"], ENTREPRENEUR);
        assert_eq!(p.body["related"][0], "Bakkerij Van den Berg (demo)");
        let wrong = e
            .call(
                "erase",
                &[("kind", "myself"), ("confirm", "iemand@anders.nl")],
            )
            .await;
        assert_eq!(
            wrong.invalid_fields(),
            vec![("confirm".to_owned(), "confirm_mismatch".to_owned())]
        );
        assert!(
            db::accounts::find_by_email(&app.db, ENTREPRENEUR)
                .await
                .unwrap()
                .is_some(),
            "nothing happened on a wrong confirmation"
        );
        // Someone else's account is not theirs to erase.
        let other = app.user_id(ENTREPRENEUR2).await.to_string();
        assert_eq!(
            e.call("erasure_preview", &[("kind", "person"), ("id", &other)])
                .await
                .status,
            404
        );
        let done = e
            .call(
                "erase",
                &[
                    ("kind", "myself"),
                    ("confirm", &ENTREPRENEUR.to_uppercase()),
                ],
            )
            .await;
        assert_eq!(done.status, 200, "{}", done.body);

        // Signed out at once.
        assert_eq!(e.call("get_company", &[("id", &company)]).await.status, 401);
        for needle in [name.as_str(), ENTREPRENEUR, "06-87654321", "06-12345678"] {
            assert_eq!(
                traces_of(&app, needle).await,
                Vec::<String>::new(),
                "no trace of {needle:?}"
            );
        }
        // The account cannot sign in again. (The failed attempt itself leaves a throttle
        // counter under the address typed, as any failed attempt does, gone within the hour.)
        assert_ne!(
            app.client().login(ENTREPRENEUR, DEMO_PASSWORD).await.status,
            200
        );
        // What the organisation keeps stays, under "former user".
        let row = db::accounts::find_by_id(&app.db, id)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(row.name, db::erase::FORMER_USER);
        assert!(!row.active && row.password_hash.is_none());
        assert_eq!(
            db::scans::of_company(&app.db, company.parse().unwrap())
                .await
                .unwrap()
                .len(),
            scans_before
        );
        let coach = app.logged_in(COACH).await;
        let ws = coach
            .call(
                "get_timeline",
                &[("id", &company), ("kind", ""), ("page", "1")],
            )
            .await;
        assert_eq!(ws.status, 200, "{}", ws.body);
        assert!(
            ws.body
                .to_string()
                .contains("Gebeld met Voormalige gebruiker")
        );
        // The erasure is in the audit trail, and the erased person has no second go.
        let lines = db::audit::list(
            &app.db,
            db::audit::Filter {
                company_id: None,
                actor_id: Some(id),
                staff_reads_only: false,
            },
            0,
            50,
        )
        .await
        .unwrap();
        assert!(lines.items.iter().any(|l| l.event.action == "erase"));
    }
);

on_both_databases!(
    an_admin_erases_an_account_and_nobody_else_may,
    |app: TestApp| async move {
        let target = app.user_id(ENTREPRENEUR2).await.to_string();
        for who in [COACH, PM, EXPERT] {
            let c = app.logged_in(who).await;
            assert_eq!(
                c.call(
                    "erase",
                    &[
                        ("kind", "person"),
                        ("id", &target),
                        ("confirm", ENTREPRENEUR2)
                    ]
                )
                .await
                .status,
                404,
                "{who}"
            );
        }
        // An expert who names their own account as "a person" is signed out all the same.
        let expert = app.logged_in(EXPERT).await;
        let own = app.user_id(EXPERT).await.to_string();
        let gone = expert
            .call(
                "erase",
                &[("kind", "person"), ("id", &own), ("confirm", EXPERT)],
            )
            .await;
        assert_eq!(gone.status, 200, "{}", gone.body);
        let to = gone
            .headers
            .get(reqwest::header::LOCATION)
            .and_then(|v| v.to_str().ok());
        assert_eq!(to, Some("/login?erased=1"));
        // Coaching staff leave through an admin.
        let coach = app.logged_in(COACH).await;
        assert_eq!(
            coach
                .call("erase", &[("kind", "myself"), ("confirm", COACH)])
                .await
                .status,
            403
        );
        let admin = app.logged_in(ADMIN).await;
        let me = app.user_id(ADMIN).await.to_string();
        assert_eq!(
            admin
                .call("erasure_preview", &[("kind", "person"), ("id", &me)])
                .await
                .status,
            403,
            "an admin never erases themselves"
        );
        let r = admin
            .call(
                "erase",
                &[
                    ("kind", "person"),
                    ("id", &target),
                    ("confirm", ENTREPRENEUR2),
                ],
            )
            .await;
        assert_eq!(r.status, 200, "{}", r.body);
        assert_eq!(traces_of(&app, ENTREPRENEUR2).await, Vec::<String>::new());
        let users = admin.call("admin_list_users", &[("q", "Voormalige")]).await;
        assert_eq!(users.body["items"][0]["erased"], true);
        // Erased once is erased: a second go finds nothing.
        assert_eq!(
            admin
                .call("erasure_preview", &[("kind", "person"), ("id", &target)])
                .await
                .status,
            404
        );
        // The confirmation page is rendered on the server (a plain form).
        let coach2 = app.user_id(COACH2).await;
        let (status, html) = admin.get(&format!("/admin/users/{coach2}/erase")).await;
        assert_eq!(status, 200);
        assert!(html.contains("Definitief wissen"), "{html}");
        assert!(html.contains(COACH2), "the address to type");
    }
);

on_both_databases!(
    a_programme_manager_erases_a_company_and_nothing_identifies_it_afterwards,
    |app: TestApp| async move {
        let company = app.company_id("12345678").await;
        let member = app.user_id(ENTREPRENEUR).await;
        let name = db::accounts::find_by_id(&app.db, member)
            .await
            .unwrap()
            .unwrap()
            .name;
        spread_the_name(&app, &company, &name, ENTREPRENEUR).await;
        // An address no other company has (the demo's are shared), typed into a note too.
        let c = company::Entity::find_by_id(company.parse::<i64>().unwrap())
            .one(&app.db)
            .await
            .unwrap()
            .unwrap();
        let mut c: company::ActiveModel = c.into();
        c.address = Set(Some("Wisweg 77, Veghel".to_owned()));
        c.update(&app.db).await.unwrap();
        let coach = app.logged_in(COACH).await;
        let r = coach
            .call(
                "add_note",
                &[
                    ("company_id", &company),
                    ("note_text", "Bezoek op Wisweg 77, Veghel."),
                ],
            )
            .await;
        assert_eq!(r.status, 200, "{}", r.body);
        assert!(!rows_of_company(&app, &company).await.is_empty());

        for who in [COACH, ENTREPRENEUR, EXPERT] {
            let c = app.logged_in(who).await;
            let r = c
                .call(
                    "erase",
                    &[
                        ("kind", "company"),
                        ("id", &company),
                        ("confirm", "Bakkerij Van den Berg (demo)"),
                    ],
                )
                .await;
            assert_eq!(r.status, 404, "{who}: {}", r.body);
        }
        let (other_coach, elders) = {
            let o = app.other_organisation().await;
            (o.coach_email, o.company_id.to_string())
        };
        let _ = other_coach;
        let pm = app.logged_in(PM).await;
        assert_eq!(
            pm.call("erasure_preview", &[("kind", "company"), ("id", &elders)])
                .await
                .status,
            404,
            "another organisation's company"
        );
        let p = pm
            .call("erasure_preview", &[("kind", "company"), ("id", &company)])
            .await;
        assert_eq!(p.status, 200, "{}", p.body);
        assert_eq!(
            p.body["related"][0],
            name.as_str(),
            "its only entrepreneur goes too"
        );
        let wrong = pm
            .call(
                "erase",
                &[
                    ("kind", "company"),
                    ("id", &company),
                    ("confirm", "Bakkerij"),
                ],
            )
            .await;
        assert_eq!(
            wrong.invalid_fields(),
            vec![("confirm".to_owned(), "confirm_mismatch".to_owned())]
        );
        let r = pm
            .call(
                "erase",
                &[
                    ("kind", "company"),
                    ("id", &company),
                    ("confirm", "bakkerij van den berg (demo)"),
                ],
            )
            .await;
        assert_eq!(r.status, 200, "{}", r.body);

        assert_eq!(
            pm.call("get_company", &[("id", &company)]).await.status,
            404
        );
        assert_eq!(rows_of_company(&app, &company).await, Vec::<String>::new());
        for needle in [
            "Bakkerij Van den Berg",
            "12345678",
            "Wisweg 77",
            name.as_str(),
            ENTREPRENEUR,
            "06-12345678",
            "06-87654321",
        ] {
            assert_eq!(
                traces_of(&app, needle).await,
                Vec::<String>::new(),
                "no trace of {needle:?}"
            );
        }
        // The other companies are untouched.
        assert_eq!(
            pm.call("get_company", &[("id", &app.company_id("23456789").await)])
                .await
                .status,
            200
        );
    }
);

on_both_databases!(
    the_retention_policy_erases_dormant_dossiers_only,
    |app: TestApp| async move {
        let dormant: i64 = app.company_id("23456789").await.parse().unwrap();
        let active: i64 = app.company_id("12345678").await.parse().unwrap();
        let long_ago = chrono::Utc::now() - chrono::Duration::days(8 * 365);
        let c = company::Entity::find_by_id(dormant)
            .one(&app.db)
            .await
            .unwrap()
            .unwrap();
        let mut c: company::ActiveModel = c.into();
        c.created_at = Set(long_ago);
        c.updated_at = Set(long_ago);
        c.last_contact_on = Set(Some(long_ago.date_naive()));
        c.latest_scan_at = Set(None);
        c.update(&app.db).await.unwrap();
        timeline_event::Entity::update_many()
            .col_expr(
                timeline_event::Column::OccurredAt,
                sea_orm::sea_query::Expr::value(long_ago),
            )
            .filter(timeline_event::Column::CompanyId.eq(dormant))
            .exec(&app.db)
            .await
            .unwrap();
        // Kept when the policy is off.
        let mut off = datacoach_server::config::Config::default();
        off.dossier_retention_years = 0;
        datacoach_server::housekeeping::purge_once(
            &app.db,
            datacoach_server::housekeeping::Retention::from_config(&off),
        )
        .await;
        assert!(
            db::companies::find(&app.db, dormant)
                .await
                .unwrap()
                .is_some()
        );

        let report = datacoach_server::housekeeping::purge_once(
            &app.db,
            datacoach_server::housekeeping::Retention::from_config(
                &datacoach_server::config::Config::default(),
            ),
        )
        .await;
        assert!(report.failed.is_empty(), "{report:?}");
        assert!(report.removed.contains(&("dossiers", 1)), "{report:?}");
        assert!(
            db::companies::find(&app.db, dormant)
                .await
                .unwrap()
                .is_none()
        );
        assert!(
            db::companies::find(&app.db, active)
                .await
                .unwrap()
                .is_some()
        );
        assert_eq!(
            rows_of_company(&app, &dormant.to_string()).await,
            Vec::<String>::new()
        );
    }
);
