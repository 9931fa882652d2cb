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

/// The answer to Joris' request to co-coach `company`.
async fn answer(who: &Client, company: &str, joris: &str, accept: bool) -> Reply {
    let accept = accept.to_string();
    who.call(
        "answer_co_coaching",
        &[
            ("company_id", company),
            ("coach_id", joris),
            ("accept", &accept),
        ],
    )
    .await
}

on_both_databases!(
    a_coach_works_only_in_the_companies_they_coach_and_asks_to_join_the_others,
    |app: TestApp| async move {
        // Sanne is the primary coach of the bakery; Joris, of the same organisation, is not.
        let company = app.company_id("12345678").await;
        let sanne = app.logged_in(COACH).await;
        let joris = app.logged_in(COACH2).await;
        let joris_id = app.user_id(COACH2).await.to_string();
        let sanne_id = app.user_id(COACH).await.to_string();
        let id = [("id", company.as_str())];

        // Joris sees that the company exists and who coaches it, nothing personal.
        let detail = joris.call("get_company", &id).await;
        assert_eq!(detail.status, 200, "{}", detail.body);
        assert_eq!(detail.body["personal"], false);
        assert_eq!(detail.body["members"].as_array().unwrap().len(), 0);
        assert!(detail.body["contact"].is_null());
        assert_eq!(
            detail.body["summary"]["primary_coach_name"],
            "Sanne de Vries (demo)"
        );
        let page = joris
            .call(
                "get_company_page",
                &[("id", company.as_str()), ("kind", ""), ("page", "1")],
            )
            .await;
        assert_eq!(page.status, 200, "{}", page.body);
        let dossier = &page.body[1];
        assert!(dossier["workspace"].is_null());
        assert!(dossier["timeline"].is_null());
        assert_eq!(dossier["join"]["primary_coach"], "Sanne de Vries (demo)");
        assert!(dossier["join"]["requested_at"].is_null());
        // Everything of the dossier answers as if it did not exist.
        for (endpoint, form) in [
            ("get_workspace", vec![("id", company.as_str())]),
            ("scan_home", vec![("company_id", company.as_str())]),
            (
                "add_note",
                vec![("company_id", company.as_str()), ("note_text", "Stiekem")],
            ),
            (
                "add_co_coach",
                vec![
                    ("company_id", company.as_str()),
                    ("coach_id", joris_id.as_str()),
                ],
            ),
            (
                "hand_over",
                vec![
                    ("company_id", company.as_str()),
                    ("coach_id", joris_id.as_str()),
                    ("handover_note", "Ik neem het over"),
                ],
            ),
        ] {
            let r = joris.call(endpoint, &form).await;
            assert_eq!(r.status, 404, "{endpoint}: {}", r.body);
        }
        let timeline = joris
            .call(
                "get_timeline",
                &[("id", company.as_str()), ("kind", ""), ("page", "1")],
            )
            .await;
        assert!(timeline.status >= 400, "{}", timeline.body);

        // He asks to join; Sanne gets one e-mail, however often he asks.
        let mails_before = app.outbox_count().await;
        for _ in 0..2 {
            let asked = joris
                .call("request_co_coaching", &[("company_id", company.as_str())])
                .await;
            assert_eq!(asked.status, 200, "{}", asked.body);
        }
        assert_eq!(app.outbox_count().await, mails_before + 1);
        let mail = app.last_mail_to(COACH).await.unwrap();
        assert!(
            mail.subject.contains("Joris Bakker (demo)"),
            "{}",
            mail.subject
        );
        assert!(mail.body.contains(&format!("/companies/{company}#coaches")));
        let page = joris
            .call(
                "get_company_page",
                &[("id", company.as_str()), ("kind", ""), ("page", "1")],
            )
            .await;
        assert!(page.body[1]["join"]["requested_at"].is_string());
        // Only the primary coach or a programme manager answers, not the one who asked.
        let own_answer = answer(&joris, &company, &joris_id, true).await;
        assert_eq!(own_answer.status, 404);
        let w = sanne.call("get_workspace", &id).await;
        assert_eq!(w.body["requests"][0]["coach"]["email"], COACH2);
        assert_eq!(w.body["can_manage_co_coaches"], true);

        let accepted = answer(&sanne, &company, &joris_id, true).await;
        assert_eq!(accepted.status, 200, "{}", accepted.body);
        let mail = app.last_mail_to(COACH2).await.unwrap();
        assert!(mail.subject.contains("co-coach"), "{}", mail.subject);
        let w = joris.call("get_workspace", &id).await;
        assert_eq!(w.status, 200, "{}", w.body);
        assert_eq!(w.body["requests"].as_array().unwrap().len(), 0);
        assert_eq!(w.body["can_manage_co_coaches"], false);
        // As co-coach he reads the dossier, removes only himself and adds nobody.
        assert_eq!(joris.call("get_company", &id).await.body["personal"], true);
        assert_eq!(
            w.body["removable"],
            serde_json::json!([joris_id.parse::<i64>().unwrap()])
        );
        let pm_id = app.user_id(PM).await.to_string();
        let add = joris
            .call(
                "add_co_coach",
                &[
                    ("company_id", company.as_str()),
                    ("coach_id", pm_id.as_str()),
                ],
            )
            .await;
        assert_eq!(add.status, 403);
        let remove_primary = joris
            .call(
                "remove_co_coach",
                &[
                    ("company_id", company.as_str()),
                    ("coach_id", sanne_id.as_str()),
                ],
            )
            .await;
        assert_eq!(remove_primary.status, 403);
        let step_back = joris
            .call(
                "remove_co_coach",
                &[
                    ("company_id", company.as_str()),
                    ("coach_id", joris_id.as_str()),
                ],
            )
            .await;
        assert_eq!(step_back.status, 200, "{}", step_back.body);
        assert_eq!(joris.call("get_workspace", &id).await.status, 404);

        // Asked again, and declined by the programme manager: still outside, and told so.
        joris
            .call("request_co_coaching", &[("company_id", company.as_str())])
            .await;
        let pm = app.logged_in(PM).await;
        let declined = answer(&pm, &company, &joris_id, false).await;
        assert_eq!(declined.status, 200, "{}", declined.body);
        assert_eq!(joris.call("get_workspace", &id).await.status, 404);
        let mail = app.last_mail_to(COACH2).await.unwrap();
        assert!(mail.subject.contains("afgewezen"), "{}", mail.subject);
        // A request that no longer exists cannot be answered.
        let again = answer(&pm, &company, &joris_id, true).await;
        assert_eq!(again.status, 404);
        // The programme manager and the primary coach need not ask: they coach it already.
        for who in [&pm, &sanne] {
            let asks = who
                .call("request_co_coaching", &[("company_id", company.as_str())])
                .await;
            assert_eq!(
                asks.invalid_fields(),
                vec![("co_coach".to_owned(), "same_coach".to_owned())]
            );
        }
    }
);

on_both_databases!(
    a_removed_member_loses_access_at_once_and_the_timeline_says_who_removed_them,
    |app: TestApp| async move {
        let company = app.company_id("12345678").await;
        let eva = app.logged_in(ENTREPRENEUR).await;
        let eva_id = app.user_id(ENTREPRENEUR).await.to_string();
        let form = [
            ("company_id", company.as_str()),
            ("user_id", eva_id.as_str()),
        ];
        assert_eq!(
            eva.call("get_company", &[("id", &company)]).await.status,
            200
        );
        // Neither the member herself, a coach who does not coach the company nor one of
        // another organisation removes anyone.
        assert_eq!(eva.call("remove_member", &form).await.status, 403);
        let joris = app.logged_in(COACH2).await;
        assert_eq!(joris.call("remove_member", &form).await.status, 404);
        assert_eq!(
            app.stranger_coach()
                .await
                .call("remove_member", &form)
                .await
                .status,
            404
        );
        let detail = joris.call("get_company", &[("id", &company)]).await;
        assert_eq!(detail.body["can_remove_members"], false);

        let sanne = app.logged_in(COACH).await;
        let detail = sanne.call("get_company", &[("id", &company)]).await;
        assert_eq!(detail.body["can_remove_members"], true);
        let removed = sanne.call("remove_member", &form).await;
        assert_eq!(removed.status, 200, "{}", removed.body);
        // Her session lives on, the company is gone from it.
        assert_eq!(eva.me().await["email"], ENTREPRENEUR);
        assert_eq!(
            eva.call("get_company", &[("id", &company)]).await.status,
            404
        );
        assert_eq!(
            eva.call("scan_home", &[("company_id", &company)])
                .await
                .status,
            404
        );
        assert_eq!(
            eva.call("list_companies", &[]).await.body["total"],
            0,
            "no company left in her portal"
        );
        let timeline = sanne
            .call(
                "get_timeline",
                &[("id", company.as_str()), ("kind", ""), ("page", "1")],
            )
            .await;
        let first = &timeline.body["events"]["items"][0];
        assert_eq!(first["kind"], "company");
        assert_eq!(first["actor"], "Sanne de Vries (demo)");
        assert!(
            first["body"]
                .as_str()
                .unwrap()
                .starts_with("member-removed ")
        );
        // Twice is "not found": there is no membership left to end.
        assert_eq!(sanne.call("remove_member", &form).await.status, 404);
    }
);

on_both_databases!(
    the_audit_trail_records_reads_and_changes_and_each_sees_their_part,
    |app: TestApp| async move {
        let company = app.company_id("12345678").await;
        let sanne_id = app.user_id(COACH).await.to_string();
        let sanne = app.logged_in(COACH).await;
        let page = [("id", company.as_str()), ("kind", ""), ("page", "1")];
        assert_eq!(sanne.call("get_company_page", &page).await.status, 200);
        let note = sanne
            .call(
                "add_note",
                &[
                    ("company_id", company.as_str()),
                    ("note_text", "Gesprek gepland."),
                ],
            )
            .await;
        assert_eq!(note.status, 200, "{}", note.body);
        // The company's own entrepreneur reading it is not a line of the trail.
        let eva = app.logged_in(ENTREPRENEUR).await;
        assert_eq!(eva.call("get_company_page", &page).await.status, 200);

        // The programme manager sees every line of the company: the read and the change.
        let pm = app.logged_in(PM).await;
        let trail = pm.call("get_audit", &[("company", company.as_str())]).await;
        assert_eq!(trail.status, 200, "{}", trail.body);
        assert_eq!(trail.body["reads_only"], false);
        let lines: Vec<(String, String, String, String)> = trail.body["entries"]["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| {
                (
                    e["actor"].as_str().unwrap_or_default().to_owned(),
                    e["role"].as_str().unwrap().to_owned(),
                    e["action"].as_str().unwrap().to_owned(),
                    e["object"].as_str().unwrap().to_owned(),
                )
            })
            .collect();
        let sanne_name = "Sanne de Vries (demo)".to_owned();
        assert_eq!(
            lines,
            vec![
                (
                    sanne_name.clone(),
                    "coach".into(),
                    "change".into(),
                    "note".into()
                ),
                (
                    sanne_name.clone(),
                    "coach".into(),
                    "read".into(),
                    "dossier".into()
                ),
            ],
            "newest first, and nothing of Eva's own reading"
        );
        // The entrepreneur sees who of the organisation looked, not what was changed: the
        // programme manager's own look at the trail is no read of the dossier.
        let looked = eva
            .call("get_audit", &[("company", company.as_str())])
            .await;
        assert_eq!(looked.status, 200, "{}", looked.body);
        assert_eq!(looked.body["reads_only"], true);
        let items = looked.body["entries"]["items"].as_array().unwrap();
        assert_eq!(items.len(), 1, "{items:?}");
        assert_eq!(items[0]["actor"], "Sanne de Vries (demo)");
        assert_eq!(items[0]["object"], "dossier");
        // Per person, with the company named on each line.
        let hers = pm.call("get_audit", &[("user", sanne_id.as_str())]).await;
        assert_eq!(hers.status, 200, "{}", hers.body);
        assert_eq!(hers.body["entries"]["total"], 2);
        assert_eq!(
            hers.body["entries"]["items"][0]["company"][1],
            "Bakkerij Van den Berg (demo)"
        );
        assert!(
            hers.body["people"]
                .as_array()
                .unwrap()
                .iter()
                .any(|p| p[1] == "Sanne de Vries (demo)"),
            "the picker offers the organisation's staff"
        );
        // Nobody else reads the trail.
        let joris = app.logged_in(COACH2).await;
        for (who, args) in [
            (&sanne, vec![("company", company.as_str())]),
            (&joris, vec![("user", sanne_id.as_str())]),
            (&eva, vec![("user", sanne_id.as_str())]),
            (&eva, vec![]),
        ] {
            assert_eq!(who.call("get_audit", &args).await.status, 403, "{args:?}");
        }
        assert_eq!(
            app.stranger_coach()
                .await
                .call("get_audit", &[("company", company.as_str())])
                .await
                .status,
            404
        );

        // Lines older than the retention period go in the hourly clean-up; the rest stays.
        use sea_orm::{ActiveModelTrait, EntityTrait, Set};
        let oldest = db::entities::audit_event::Entity::find()
            .all(&app.db)
            .await
            .unwrap()
            .into_iter()
            .next()
            .unwrap();
        let total = db::entities::audit_event::Entity::find()
            .all(&app.db)
            .await
            .unwrap()
            .len();
        let mut old: db::entities::audit_event::ActiveModel = oldest.into();
        old.occurred_at = Set(chrono::Utc::now() - chrono::Duration::days(731));
        old.update(&app.db).await.unwrap();
        datacoach_server::housekeeping::purge_once(
            &app.db,
            datacoach_server::housekeeping::Retention::from_config(
                &datacoach_server::config::Config::default(),
            ),
        )
        .await;
        assert_eq!(
            db::entities::audit_event::Entity::find()
                .all(&app.db)
                .await
                .unwrap()
                .len(),
            total - 1
        );
    }
);

on_both_databases!(
    an_entrepreneur_downloads_everything_about_themselves_and_their_company,
    |app: TestApp| async move {
        let company = app.company_id("12345678").await;
        let sanne = app.logged_in(COACH).await;
        let page = [("id", company.as_str()), ("kind", ""), ("page", "1")];
        assert_eq!(sanne.call("get_company_page", &page).await.status, 200);

        let eva = app.logged_in(ENTREPRENEUR).await;
        let (status, body) = eva.get("/account/data.json").await;
        assert_eq!(status, 200, "{body}");
        let doc: serde_json::Value = serde_json::from_str(&body).unwrap();
        assert_eq!(doc["format"], "datacoach-personal-data-v1");
        assert_eq!(doc["person"]["email"], ENTREPRENEUR);
        let companies = doc["companies"].as_array().unwrap();
        assert_eq!(companies.len(), 1);
        let bakery = &companies[0];
        assert_eq!(
            bakery["company"]["summary"]["name"],
            "Bakkerij Van den Berg (demo)"
        );
        for key in [
            "sharing",
            "scan_results",
            "scan_draft",
            "actions",
            "timeline",
            "recommendations",
        ] {
            assert!(bakery.get(key).is_some(), "{key} in the export");
        }
        assert!(
            bakery["looked_at_by"]
                .as_array()
                .unwrap()
                .iter()
                .any(|l| l["actor"] == "Sanne de Vries (demo)"),
            "who looked at the company"
        );
        // Nothing of another company, and no one else's account.
        assert!(!body.contains("Metaalbewerking Yilmaz"));
        assert!(!body.contains(ENTREPRENEUR2));

        // Staff get their own account; nobody signed out gets anything.
        let (status, body) = sanne.get("/account/data.json").await;
        assert_eq!(status, 200);
        let doc: serde_json::Value = serde_json::from_str(&body).unwrap();
        assert_eq!(doc["person"]["email"], COACH);
        assert_eq!(doc["companies"].as_array().unwrap().len(), 0);
        assert_eq!(app.client().get("/account/data.json").await.0, 401);
    }
);
