//! Authorization through every server function: a user of company A gets a refusal for
//! company B; a coach never reaches another organisation; only admins administer.
mod common;
use common::*;

/// Another organisation's coach (e-mail) and company (id).
async fn other_organisation(app: &TestApp) -> (String, String) {
    let other = app.other_organisation().await;
    (other.coach_email.to_owned(), other.company_id.to_string())
}

fn invite_form<'a>(company: &'a str, email: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("company_id", company),
        ("invite[email]", email),
        ("invite[name]", "Iemand"),
        ("invite[language]", "nl"),
    ]
}

on_both_databases!(
    an_entrepreneur_of_company_a_is_refused_company_b_everywhere,
    |app: TestApp| async move {
        let own = app.company_id("12345678").await;
        let other = app.company_id("23456789").await;
        let e = app.logged_in(ENTREPRENEUR).await;
        assert_eq!(e.call("get_company", &[("id", &own)]).await.status, 200);
        assert_eq!(
            e.call("get_company", &[("id", &other)]).await.status,
            404,
            "another company is as invisible as a missing one"
        );
        let list = e.call("list_companies", &[]).await;
        assert_eq!(list.body["total"], 1);
        assert_eq!(list.body["items"][0]["kvk_number"], "12345678");
        // Entrepreneurs do not invite, not even to their own company.
        assert_eq!(
            e.call("invite_entrepreneur", &invite_form(&own, "x@y.nl"))
                .await
                .status,
            403
        );
        assert_eq!(
            e.call("invite_entrepreneur", &invite_form(&other, "x@y.nl"))
                .await
                .status,
            404
        );
        assert_eq!(
            e.call(
                "create_company",
                &[
                    ("form[company_name]", "X"),
                    ("form[kvk_number]", "11112222"),
                    ("form[municipality]", "X"),
                    ("form[size_band]", "micro"),
                    ("form[primary_sector]", "A")
                ]
            )
            .await
            .status,
            403
        );
        assert_eq!(e.call("company_form_options", &[]).await.status, 403);
        // And the other entrepreneur sees only theirs.
        let e2 = app.logged_in(ENTREPRENEUR2).await;
        assert_eq!(e2.call("get_company", &[("id", &own)]).await.status, 404);
        assert_eq!(e2.call("get_company", &[("id", &other)]).await.status, 200);
    }
);

on_both_databases!(
    a_coach_never_reaches_a_company_of_another_organisation,
    |app: TestApp| async move {
        let (other_coach, elders) = other_organisation(&app).await;
        let own = app.company_id("12345678").await;
        let coach = app.logged_in(COACH).await;
        assert_eq!(coach.call("get_company", &[("id", &own)]).await.status, 200);
        assert_eq!(
            coach.call("get_company", &[("id", &elders)]).await.status,
            404
        );
        assert_eq!(
            coach
                .call("invite_entrepreneur", &invite_form(&elders, "x@elders.nl"))
                .await
                .status,
            404
        );
        let list = coach.call("list_companies", &[("q", "Elders")]).await;
        assert_eq!(
            list.body["total"], 0,
            "search does not leak other organisations"
        );
        let all = coach.call("list_companies", &[]).await;
        assert_eq!(
            all.body["total"].as_u64(),
            Some(DEMO_COMPANIES),
            "the demo companies of the coach's own organisation"
        );
        assert!(
            app.last_mail_to("x@elders.nl").await.is_none(),
            "nothing was written"
        );

        let other = app.logged_in(&other_coach).await;
        assert_eq!(other.call("get_company", &[("id", &own)]).await.status, 404);
        assert_eq!(other.call("list_companies", &[]).await.body["total"], 1);
        // Creating a company for another organisation is not possible either: it lands in their own.
        let admin_org = db::companies::organisation_names(&app.db)
            .await
            .unwrap()
            .into_iter()
            .find(|(_, n)| n.contains("demo"))
            .unwrap()
            .0
            .to_string();
        let r = other
            .call(
                "create_company",
                &[
                    ("form[company_name]", "Nieuw BV"),
                    ("form[kvk_number]", "55556666"),
                    ("form[municipality]", "Breda"),
                    ("form[size_band]", "micro"),
                    ("form[primary_sector]", "J"),
                    ("form[organisation_id]", &admin_org),
                ],
            )
            .await;
        assert_eq!(r.status, 200, "{}", r.body);
        let created = db::companies::find_by_kvk(&app.db, "55556666")
            .await
            .unwrap()
            .unwrap();
        assert_ne!(created.organisation_id.to_string(), admin_org);
    }
);

on_both_databases!(
    an_admin_sees_every_company_and_an_expert_none,
    |app: TestApp| async move {
        let (_, elders) = other_organisation(&app).await;
        let admin = app.logged_in(ADMIN).await;
        assert_eq!(
            admin.call("get_company", &[("id", &elders)]).await.status,
            200
        );
        assert_eq!(
            admin.call("list_companies", &[]).await.body["total"].as_u64(),
            Some(DEMO_COMPANIES + 1)
        );
        let expert = app.logged_in(EXPERT).await;
        assert_eq!(
            expert.call("get_company", &[("id", &elders)]).await.status,
            404
        );
        assert_eq!(expert.call("list_companies", &[]).await.body["total"], 0);
    }
);

on_both_databases!(
    only_admins_reach_the_admin_functions,
    |app: TestApp| async move {
        let someone = db::accounts::find_by_email(&app.db, ENTREPRENEUR)
            .await
            .unwrap()
            .unwrap()
            .id
            .to_string();
        let calls: Vec<(&str, Vec<(&str, &str)>)> = vec![
            ("admin_list_users", vec![]),
            (
                "admin_set_user_active",
                vec![("user_id", &someone), ("active", "false")],
            ),
            ("admin_staff_form_options", vec![]),
            (
                "admin_invite_staff",
                vec![
                    ("form[email]", "a@b.nl"),
                    ("form[name]", "A"),
                    ("form[language]", "nl"),
                    ("form[role]", "admin"),
                ],
            ),
            ("admin_list_organisations", vec![]),
            ("admin_list_outbox", vec![]),
            ("admin_get_outbox_message", vec![("id", "1")]),
        ];
        let anonymous = app.client();
        for (endpoint, form) in &calls {
            assert_eq!(
                anonymous.call(endpoint, form).await.status,
                401,
                "{endpoint} without login"
            );
        }
        for who in [COACH, ENTREPRENEUR, EXPERT, "programma@demo.datacoach.nl"] {
            let c = app.logged_in(who).await;
            for (endpoint, form) in &calls {
                assert_eq!(
                    c.call(endpoint, form).await.status,
                    403,
                    "{endpoint} as {who}"
                );
            }
        }
        assert!(
            db::accounts::find_by_email(&app.db, ENTREPRENEUR)
                .await
                .unwrap()
                .unwrap()
                .active,
            "nothing changed"
        );
        let admin = app.logged_in(ADMIN).await;
        assert_eq!(
            admin.call("admin_list_users", &[]).await.body["total"].as_u64(),
            Some(demo_users())
        );
        assert_eq!(
            admin.call("admin_list_organisations", &[]).await.status,
            200
        );
    }
);

on_both_databases!(
    anonymous_visitors_reach_no_company_data,
    |app: TestApp| async move {
        let c = app.client();
        let own = app.company_id("12345678").await;
        assert_eq!(c.call("list_companies", &[]).await.status, 401);
        assert_eq!(c.call("get_company", &[("id", &own)]).await.status, 401);
        assert_eq!(
            c.call("invite_entrepreneur", &invite_form(&own, "x@y.nl"))
                .await
                .status,
            401
        );
    }
);
