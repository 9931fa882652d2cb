//! Bad input gets a precise answer naming the field, never a 500, and nothing half-written.
mod common;
use common::*;

fn company<'a>(name: &'a str, kvk: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("form[company_name]", name),
        ("form[kvk_number]", kvk),
        ("form[municipality]", "Tilburg"),
        ("form[size_band]", "small"),
        ("form[primary_sector]", "C"),
    ]
}

on_both_databases!(
    a_company_needs_a_valid_unique_kvk_number,
    |app: TestApp| async move {
        let coach = app.logged_in(COACH).await;
        let bad = coach
            .call("create_company", &company("Test BV", "1234"))
            .await;
        assert_eq!(bad.status, 422);
        assert_eq!(
            bad.invalid_fields(),
            vec![("kvk_number".to_owned(), "kvk_invalid".to_owned())]
        );
        assert_eq!(
            bad.body["Invalid"]["values"]
                .as_array()
                .unwrap()
                .iter()
                .find(|v| v[0] == "kvk_number")
                .unwrap()[1],
            "1234",
            "typed values come back"
        );
        let taken = coach
            .call("create_company", &company("Dubbel BV", "12345678"))
            .await;
        assert_eq!(
            taken.invalid_fields(),
            vec![("kvk_number".to_owned(), "kvk_taken".to_owned())]
        );
        let ok = coach
            .call("create_company", &company("Nieuw BV", "8765 4321"))
            .await;
        assert_eq!(ok.status, 200, "{}", ok.body);
        let created = db::companies::find_by_kvk(&app.db, "87654321")
            .await
            .unwrap()
            .expect("stored with spaces removed");
        let me = db::accounts::find_by_email(&app.db, COACH)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(
            created.primary_coach_id,
            Some(me.id),
            "the creating coach becomes primary coach"
        );
    }
);

on_both_databases!(
    missing_and_overlong_fields_are_named_not_a_server_error,
    |app: TestApp| async move {
        let coach = app.logged_in(COACH).await;
        let long = "x".repeat(201);
        let r = coach
            .call(
                "create_company",
                &[
                    ("form[company_name]", long.as_str()),
                    ("form[kvk_number]", ""),
                    ("form[municipality]", ""),
                    ("form[size_band]", "gigantic"),
                    ("form[primary_sector]", "Z"),
                    ("form[founding_year]", "3000"),
                ],
            )
            .await;
        assert_eq!(r.status, 422, "{}", r.body);
        let fields = r.invalid_fields();
        for (f, m) in [
            ("company_name", "{\"too_long\":200}"),
            ("kvk_number", "required"),
            ("municipality", "required"),
            ("size_band", "choice_invalid"),
            ("primary_sector", "choice_invalid"),
            ("founding_year", "year_invalid"),
        ] {
            assert!(
                fields.contains(&(f.to_owned(), m.to_owned())),
                "{f}: {fields:?}"
            );
        }
        // A request without the form's fields at all.
        let r = coach.call("create_company", &[]).await;
        assert_eq!(r.status, 422, "{}", r.body);
        assert_eq!(
            r.invalid_fields(),
            vec![("form".to_owned(), "form_incomplete".to_owned())]
        );
    }
);

on_both_databases!(
    a_duplicate_email_is_refused_and_nothing_is_half_written,
    |app: TestApp| async move {
        let admin = app.logged_in(ADMIN).await;
        let org = db::companies::organisation_names(&app.db)
            .await
            .unwrap()
            .into_keys()
            .next()
            .unwrap()
            .to_string();
        let before = app.outbox_count().await;
        let r = admin
            .call(
                "admin_invite_staff",
                &[
                    ("form[email]", "COACH@demo.datacoach.nl"),
                    ("form[name]", "Dubbel"),
                    ("form[language]", "nl"),
                    ("form[role]", "coach"),
                    ("form[organisation_id]", &org),
                ],
            )
            .await;
        assert_eq!(r.status, 422);
        assert_eq!(
            r.invalid_fields(),
            vec![("email".to_owned(), "email_taken".to_owned())]
        );
        assert_eq!(
            app.outbox_count().await,
            before,
            "no e-mail queued for a refused invitation"
        );
        let r = admin
            .call(
                "admin_invite_staff",
                &[
                    ("form[email]", "nieuw@coach.nl"),
                    ("form[name]", "Nieuw"),
                    ("form[language]", "nl"),
                    ("form[role]", "entrepreneur"),
                ],
            )
            .await;
        assert!(
            r.invalid_fields()
                .contains(&("role".to_owned(), "role_not_allowed".to_owned()))
        );
        let r = admin
            .call(
                "admin_invite_staff",
                &[
                    ("form[email]", "nieuw@coach.nl"),
                    ("form[name]", "Nieuw"),
                    ("form[language]", "nl"),
                    ("form[role]", "coach"),
                ],
            )
            .await;
        assert!(
            r.invalid_fields()
                .contains(&("organisation".to_owned(), "required".to_owned())),
            "a coach needs an organisation: {}",
            r.body
        );
        assert!(
            db::accounts::find_by_email(&app.db, "nieuw@coach.nl")
                .await
                .unwrap()
                .is_none()
        );
    }
);

on_both_databases!(
    inviting_an_existing_member_again_is_refused,
    |app: TestApp| async move {
        let coach = app.logged_in(COACH).await;
        let company = app.company_id("12345678").await;
        let r = coach
            .call(
                "invite_entrepreneur",
                &[
                    ("company_id", &company),
                    ("invite[email]", ENTREPRENEUR),
                    ("invite[name]", "Eva"),
                    ("invite[language]", "nl"),
                ],
            )
            .await;
        assert_eq!(
            r.invalid_fields(),
            vec![("email".to_owned(), "already_member".to_owned())]
        );
        // A coach's address cannot become an entrepreneur.
        let r = coach
            .call(
                "invite_entrepreneur",
                &[
                    ("company_id", &company),
                    ("invite[email]", COACH2),
                    ("invite[name]", "Joris"),
                    ("invite[language]", "nl"),
                ],
            )
            .await;
        assert_eq!(
            r.invalid_fields(),
            vec![("email".to_owned(), "email_taken".to_owned())]
        );
        // An existing entrepreneur of another company is added and told so, without a new password link.
        let r = coach
            .call(
                "invite_entrepreneur",
                &[
                    ("company_id", &company),
                    ("invite[email]", ENTREPRENEUR2),
                    ("invite[name]", "Mehmet"),
                    ("invite[language]", "nl"),
                ],
            )
            .await;
        assert_eq!(r.status, 200, "{}", r.body);
        let mail = app.last_mail_to(ENTREPRENEUR2).await.unwrap();
        assert_eq!(mail.kind, "added_to_company");
        assert!(!mail.body.contains("/invitation/"));
    }
);

fn profile<'a>(email: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("form[company_name]", "Bakkerij Van den Berg"),
        ("form[municipality]", "Tilburg"),
        ("form[size_band]", "micro"),
        ("form[primary_sector]", "G"),
        ("form[contact_name]", "Eva van den Berg"),
        ("form[contact_role]", "Eigenaar"),
        ("form[contact_email]", email),
        ("form[contact_phone]", "013 123 45 67"),
    ]
}

on_both_databases!(
    the_company_profile_is_kept_by_its_people_and_coaches_only,
    |app: TestApp| async move {
        let id = app.company_id("12345678").await;
        let with_id = |mut form: Vec<(&'static str, &'static str)>, id: &str| {
            let mut v: Vec<(String, String)> = vec![("company_id".into(), id.to_owned())];
            v.extend(form.drain(..).map(|(a, b)| (a.to_owned(), b.to_owned())));
            v
        };
        let e = app.logged_in(ENTREPRENEUR).await;
        let bad = with_id(profile("geen-adres"), &id);
        let bad: Vec<(&str, &str)> = bad.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
        let r = e.call("company_profile_save", &bad).await;
        assert_eq!(
            r.invalid_fields(),
            vec![("contact_email".to_owned(), "email_invalid".to_owned())]
        );
        let good = with_id(profile("eva@bakkerij.example"), &id);
        let good: Vec<(&str, &str)> = good.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
        assert_eq!(e.call("company_profile_save", &good).await.status, 200);
        let stored = db::companies::find(&app.db, id.parse().unwrap())
            .await
            .unwrap()
            .unwrap();
        assert_eq!(
            stored.contact_email.as_deref(),
            Some("eva@bakkerij.example")
        );
        assert_eq!(stored.size_band, "micro");
        assert_eq!(
            stored.kvk_number, "12345678",
            "the KvK number does not change here"
        );
        assert_eq!(
            e.call("company_profile", &[("company_id", &id)]).await.body[1]["contact_role"],
            "Eigenaar"
        );

        assert_eq!(
            app.logged_in(COACH)
                .await
                .call("company_profile_save", &good)
                .await
                .status,
            200
        );
        // Both saves are on the audit trail, each with its role.
        let page = db::audit::list(
            &app.db,
            db::audit::Filter {
                company_id: Some(id.parse().unwrap()),
                ..Default::default()
            },
            0,
            10,
        )
        .await
        .unwrap();
        let changes: Vec<(&str, &str)> = page
            .items
            .iter()
            .filter(|r| r.event.object == "company")
            .map(|r| (r.event.action.as_str(), r.event.actor_role.as_str()))
            .collect();
        assert_eq!(
            changes,
            vec![("change", "coach"), ("change", "entrepreneur")]
        );
        assert_eq!(
            app.logged_in(ENTREPRENEUR2)
                .await
                .call("company_profile_save", &good)
                .await
                .status,
            404
        );
        assert_eq!(
            app.logged_in(EXPERT)
                .await
                .call("company_profile", &[("company_id", &id)])
                .await
                .status,
            404
        );
    }
);
