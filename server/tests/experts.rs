//! The expert directory through its server functions, on SQLite and PostgreSQL: approval
//! before visibility, filters by theme and region, the expert's own profile, and every refusal.
mod common;
use common::*;

async fn directory(c: &Client, params: &[(&str, &str)]) -> Reply {
    let fields = [
        ("q", ""),
        ("theme", ""),
        ("region", ""),
        ("status", ""),
        ("page", "1"),
    ];
    c.call_struct("get_expert_directory", "params", &fields, params)
        .await
}

fn names(r: &Reply) -> Vec<String> {
    r.body["experts"]["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x["name"].as_str().unwrap().to_owned())
        .collect()
}

/// The coach recommends one expert (by profile id) to the company for its data dimension.
async fn recommend(coach: &Client, company: &str, profile: &str) {
    let key = format!("form[experts][{profile}]");
    let r = coach
        .call(
            "recommend_experts",
            &[
                ("company_id", company),
                (&key, "on"),
                ("form[dimension]", "data"),
                ("form[reason]", "Dashboard"),
            ],
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
}

/// The id of the newest recommendation the entrepreneur sees.
async fn first_recommendation(e: &Client, company: &str) -> String {
    e.call("get_recommendations", &[("company_id", company)])
        .await
        .body[0]["id"]
        .as_i64()
        .unwrap()
        .to_string()
}

const VALID: [(&str, &str); 5] = [
    ("profile[headline]", "Dashboards en datagedreven werken"),
    ("profile[description]", "Ik bouw dashboards met het team."),
    ("profile[region]", "Noord-Brabant"),
    ("profile[independence]", "Ik verkoop geen software."),
    ("profile[themes][dashboards]", "on"),
];

on_both_databases!(
    coaches_find_approved_experts_by_theme_and_region,
    |app: TestApp| async move {
        let coach = app.logged_in(COACH).await;
        let all = directory(&coach, &[]).await;
        assert_eq!(all.status, 200, "{}", all.body);
        assert_eq!(
            all.body["experts"]["total"], 3,
            "the pending expert is not listed"
        );
        assert!(!names(&all).contains(&"Iris de Groen (demo)".to_owned()));
        let dashboards = all.body["themes"]
            .as_array()
            .unwrap()
            .iter()
            .find(|t| t["key"] == "dashboards")
            .unwrap()
            .clone();
        assert_eq!(
            dashboards["links"],
            serde_json::json!(["q7.self_service", "q9.bi"]),
            "themes are linked to the scan"
        );

        let cyber = directory(&coach, &[("theme", "cybersecurity")]).await;
        assert_eq!(names(&cyber), vec!["Fatima El Amrani (demo)"]);
        let eindhoven = directory(&coach, &[("region", "Eindhoven")]).await;
        assert_eq!(names(&eindhoven), vec!["Tom Verbeek (demo)"]);
        let searched = directory(&coach, &[("q", "phishing")]).await;
        assert_eq!(names(&searched), vec!["Fatima El Amrani (demo)"]);
        // A coach asking for pending profiles still gets only approved ones.
        let sneaky = directory(&coach, &[("status", "pending")]).await;
        assert_eq!(sneaky.body["experts"]["total"], 3);
        assert_eq!(sneaky.body["can_vet"], false);

        let pm = app.logged_in("programma@demo.datacoach.nl").await;
        let pending = directory(&pm, &[("status", "pending")]).await;
        assert_eq!(names(&pending), vec!["Iris de Groen (demo)"]);

        for who in [ENTREPRENEUR, EXPERT] {
            let c = app.logged_in(who).await;
            assert_eq!(directory(&c, &[]).await.status, 403, "{who}");
        }
        assert_eq!(directory(&app.client(), &[]).await.status, 401);
    }
);

on_both_databases!(
    an_expert_keeps_their_own_profile_and_each_change_is_approved_again,
    |app: TestApp| async move {
        let expert = app.logged_in(EXPERT).await;
        let own = expert.call("get_own_expert_profile", &[]).await;
        assert_eq!(own.status, 200, "{}", own.body);
        assert_eq!(own.body["profile"]["card"]["vetting"], "approved");
        let id = own.body["profile"]["card"]["id"]
            .as_i64()
            .unwrap()
            .to_string();

        let missing = expert
            .call(
                "save_own_expert_profile",
                &[
                    ("profile[headline]", "Alleen een kop"),
                    ("profile[region]", ""),
                ],
            )
            .await;
        assert_eq!(missing.status, 422);
        let fields: Vec<String> = missing
            .invalid_fields()
            .into_iter()
            .map(|(f, _)| f)
            .collect();
        for f in ["expert_description", "region", "independence", "themes"] {
            assert!(fields.contains(&f.to_owned()), "{f} in {fields:?}");
        }
        let unknown = expert
            .call(
                "save_own_expert_profile",
                &[
                    VALID[0],
                    VALID[1],
                    VALID[2],
                    VALID[3],
                    ("profile[themes][astrologie]", "on"),
                ],
            )
            .await;
        assert!(
            unknown
                .invalid_fields()
                .contains(&("themes".to_owned(), "choice_invalid".to_owned()))
        );

        let saved = expert.call("save_own_expert_profile", &VALID).await;
        assert_eq!(saved.status, 200, "{}", saved.body);
        let coach = app.logged_in(COACH).await;
        assert_eq!(
            directory(&coach, &[]).await.body["experts"]["total"],
            2,
            "changed: out of sight until approved"
        );
        assert_eq!(coach.call("get_expert", &[("id", &id)]).await.status, 404);

        assert_eq!(
            expert
                .call("vet_expert", &[("id", &id), ("approve", "true")])
                .await
                .status,
            403
        );
        assert_eq!(
            coach
                .call("vet_expert", &[("id", &id), ("approve", "true")])
                .await
                .status,
            403
        );
        let pm = app.logged_in("programma@demo.datacoach.nl").await;
        assert_eq!(
            pm.call("vet_expert", &[("id", &id), ("approve", "true")])
                .await
                .status,
            200
        );
        let shown = coach.call("get_expert", &[("id", &id)]).await;
        assert_eq!(shown.status, 200);
        assert_eq!(
            shown.body["card"]["headline"],
            "Dashboards en datagedreven werken"
        );
        assert_eq!(shown.body["vetted_by"], "Pieter Programma (demo)");

        let e = app.logged_in(ENTREPRENEUR).await;
        assert_eq!(e.call("get_expert", &[("id", &id)]).await.status, 404);
        assert_eq!(e.call("save_own_expert_profile", &VALID).await.status, 403);
        assert_eq!(
            coach.call("save_own_expert_profile", &VALID).await.status,
            403
        );
    }
);

on_both_databases!(
    a_coach_recommends_an_expert_and_the_entrepreneur_contacts_them_directly,
    |app: TestApp| async move {
        let company = app.company_id("12345678").await;
        let daan = app.expert_profile_id(EXPERT).await;
        let iris = app.expert_profile_id("groen@demo.datacoach.nl").await;
        let coach = app.logged_in(COACH).await;
        let panel = coach
            .call("get_recommend_panel", &[("company_id", &company)])
            .await;
        assert_eq!(panel.status, 200, "{}", panel.body);
        assert_eq!(
            panel.body["experts"].as_array().unwrap().len(),
            3,
            "approved experts only"
        );

        let none = coach
            .call(
                "recommend_experts",
                &[
                    ("company_id", &company),
                    ("form[dimension]", "data"),
                    ("form[reason]", "x"),
                ],
            )
            .await;
        assert_eq!(
            none.invalid_fields(),
            vec![("experts".to_owned(), "{\"expert_count\":3}".to_owned())]
        );
        let key = format!("form[experts][{iris}]");
        let pending = coach
            .call(
                "recommend_experts",
                &[
                    ("company_id", &company),
                    (&key, "on"),
                    ("form[dimension]", "green"),
                    ("form[reason]", "Energie"),
                ],
            )
            .await;
        assert_eq!(
            pending.invalid_fields(),
            vec![("experts".to_owned(), "choice_invalid".to_owned())]
        );
        let key = format!("form[experts][{daan}]");
        let ok = coach
            .call(
                "recommend_experts",
                &[
                    ("company_id", &company),
                    (&key, "on"),
                    ("form[dimension]", "data"),
                    ("form[reason]", "Een dashboard voor de bakkerij"),
                ],
            )
            .await;
        assert_eq!(ok.status, 200, "{}", ok.body);
        assert_eq!(ok.body, 1);

        let e = app.logged_in(ENTREPRENEUR).await;
        assert_eq!(
            e.call(
                "recommend_experts",
                &[
                    ("company_id", &company),
                    (&key, "on"),
                    ("form[dimension]", "data"),
                    ("form[reason]", "x")
                ]
            )
            .await
            .status,
            403
        );
        let recs = e
            .call("get_recommendations", &[("company_id", &company)])
            .await;
        assert_eq!(recs.status, 200, "{}", recs.body);
        assert_eq!(recs.body[0]["reason"], "Een dashboard voor de bakkerij");
        let rec = recs.body[0]["id"].as_i64().unwrap().to_string();

        let empty = e
            .call(
                "contact_expert",
                &[("recommendation_id", &rec), ("form[message]", " ")],
            )
            .await;
        assert_eq!(
            empty.invalid_fields(),
            vec![("message".to_owned(), "required".to_owned())]
        );
        let no_phone = e
            .call(
                "contact_expert",
                &[
                    ("recommendation_id", &rec),
                    ("form[message]", "Hallo"),
                    ("form[share_phone]", "on"),
                ],
            )
            .await;
        assert_eq!(
            no_phone.invalid_fields(),
            vec![("contact_phone".to_owned(), "required".to_owned())]
        );
        let other = app.logged_in(ENTREPRENEUR2).await;
        assert_eq!(
            other
                .call(
                    "contact_expert",
                    &[("recommendation_id", &rec), ("form[message]", "Hallo")]
                )
                .await
                .status,
            404
        );
        assert_eq!(
            coach
                .call(
                    "contact_expert",
                    &[("recommendation_id", &rec), ("form[message]", "Hallo")]
                )
                .await
                .status,
            404
        );

        let sent = e
            .call(
                "contact_expert",
                &[
                    ("recommendation_id", &rec),
                    ("form[message]", "Kunnen we volgende week bellen?"),
                    ("form[share_email]", "on"),
                ],
            )
            .await;
        assert_eq!(sent.status, 200, "{}", sent.body);
        let mail = app
            .last_mail_to(EXPERT)
            .await
            .expect("the expert is mailed");
        assert!(
            mail.body.contains("Kunnen we volgende week bellen?"),
            "{}",
            mail.body
        );
        assert!(
            mail.body.contains(ENTREPRENEUR),
            "the shared e-mail address is in it"
        );
        let notice = app.last_mail_to(COACH).await.expect("the coach is told");
        assert_eq!(notice.kind, "expert_contacted");
        let tl = coach
            .call(
                "get_timeline",
                &[("id", &company), ("kind", "expert"), ("page", "1")],
            )
            .await;
        assert_eq!(tl.body["events"]["total"], 2, "recommended, then contacted");
        let again = e
            .call(
                "contact_expert",
                &[("recommendation_id", &rec), ("form[message]", "Nog eens")],
            )
            .await;
        assert_eq!(
            again.invalid_fields(),
            vec![("form".to_owned(), "already_contacted".to_owned())]
        );

        // The expert sees no dossier, scans or recommendations of the company.
        let expert = app.logged_in(EXPERT).await;
        assert_eq!(
            expert
                .call("get_recommendations", &[("company_id", &company)])
                .await
                .status,
            404
        );
        assert_eq!(
            expert.call("get_company", &[("id", &company)]).await.status,
            404
        );
    }
);

on_both_databases!(
    coach_and_expert_keep_the_engagement_and_the_coachs_lesson_is_kept_for_next_time,
    |app: TestApp| async move {
        let company = app.company_id("12345678").await;
        let daan = app.expert_profile_id(EXPERT).await;
        let coach = app.logged_in(COACH).await;
        recommend(&coach, &company, &daan).await;
        let e = app.logged_in(ENTREPRENEUR).await;
        let rec = first_recommendation(&e, &company).await;
        e.call(
            "contact_expert",
            &[
                ("recommendation_id", &rec),
                ("form[message]", "Bellen?"),
                ("form[share_email]", "on"),
            ],
        )
        .await;

        let expert = app.logged_in(EXPERT).await;
        let mine = expert.call("get_my_engagements", &[]).await;
        assert_eq!(mine.status, 200, "{}", mine.body);
        assert_eq!(mine.body[0]["message"], "Bellen?");
        assert_eq!(mine.body[0]["shared_contact"], ENTREPRENEUR);
        let id = mine.body[0]["id"].as_i64().unwrap().to_string();
        let by_expert = expert
            .call(
                "update_engagement",
                &[
                    ("id", &id),
                    ("form[status]", "intake"),
                    ("form[outcome]", "Intake volgende week"),
                    ("form[lesson]", "niet van mij"),
                ],
            )
            .await;
        assert_eq!(by_expert.status, 200, "{}", by_expert.body);
        let panel = coach
            .call("get_recommend_panel", &[("company_id", &company)])
            .await;
        assert_eq!(panel.body["engagements"][0]["status"], "intake");
        assert_eq!(
            panel.body["engagements"][0]["outcome"],
            "Intake volgende week"
        );
        assert_eq!(
            panel.body["engagements"][0]["lesson"], "",
            "the lesson learned is the coach's"
        );

        let bad = coach
            .call(
                "update_engagement",
                &[
                    ("id", &id),
                    ("form[status]", "vergeten"),
                    ("form[outcome]", ""),
                    ("form[lesson]", ""),
                ],
            )
            .await;
        assert_eq!(
            bad.invalid_fields(),
            vec![("engagement_status".to_owned(), "choice_invalid".to_owned())]
        );
        let by_coach = coach
            .call(
                "update_engagement",
                &[
                    ("id", &id),
                    ("form[status]", "running"),
                    ("form[outcome]", "Dashboard in aanbouw"),
                    ("form[lesson]", "Werkt goed met kleine teams"),
                ],
            )
            .await;
        assert_eq!(by_coach.status, 200);
        let detail = coach.call("get_expert", &[("id", &daan)]).await;
        assert_eq!(
            detail.body["lessons"],
            serde_json::json!(["Werkt goed met kleine teams"])
        );
        assert_eq!(
            expert.call("get_expert", &[("id", &daan)]).await.body["lessons"],
            serde_json::json!([]),
            "lessons stay with the coaches"
        );

        assert_eq!(
            e.call(
                "update_engagement",
                &[
                    ("id", &id),
                    ("form[status]", "done"),
                    ("form[outcome]", ""),
                    ("form[lesson]", "")
                ]
            )
            .await
            .status,
            404
        );
        let stranger = app.stranger_coach().await;
        assert_eq!(
            stranger
                .call(
                    "update_engagement",
                    &[
                        ("id", &id),
                        ("form[status]", "done"),
                        ("form[outcome]", ""),
                        ("form[lesson]", "")
                    ]
                )
                .await
                .status,
            404
        );
        assert_eq!(
            stranger.call("get_expert", &[("id", &daan)]).await.body["lessons"],
            serde_json::json!([])
        );
    }
);

on_both_databases!(
    an_engagement_shows_how_its_dimension_moved_in_the_next_scan_round,
    |app: TestApp| async move {
        use sea_orm::{ActiveModelTrait, Set};
        // Demo company 0 shares a T0 (a year or more ago) and a T1 (a few months ago).
        let company: i64 = app.company_id("50000000").await.parse().unwrap();
        let daan: i64 = app.expert_profile_id(EXPERT).await.parse().unwrap();
        let sanne = db::accounts::find_by_email(&app.db, COACH)
            .await
            .unwrap()
            .unwrap()
            .id;
        let owner = db::companies::members(&app.db, company).await.unwrap()[0].id;
        let rec = db::recommendations::create(&app.db, company, daan, sanne, "data", "Dashboard")
            .await
            .unwrap();
        let e = db::recommendations::engage(
            &app.db,
            db::recommendations::NewEngagement {
                recommendation_id: Some(rec.id),
                company_id: company,
                profile_id: daan,
                entrepreneur_id: owner,
                message: "Hallo".into(),
                shared_contact: String::new(),
                shared_scan_id: None,
            },
        )
        .await
        .unwrap();
        // The engagement started between the two rounds.
        let mut am: db::entities::engagement::ActiveModel = e.into();
        am.created_at = Set(chrono::Utc::now() - chrono::Duration::days(200));
        am.update(&app.db).await.unwrap();

        let coach = app.logged_in(COACH).await;
        let panel = coach
            .call(
                "get_recommend_panel",
                &[("company_id", &company.to_string())],
            )
            .await;
        let change = &panel.body["engagements"][0]["change"];
        assert!(change.is_array(), "{}", panel.body["engagements"]);
        let (before, after) = (change[0].as_f64().unwrap(), change[1].as_f64().unwrap());
        assert!(
            after >= before,
            "T1 took the next best steps: {before} -> {after}"
        );
    }
);

on_both_databases!(
    an_expert_sees_a_scan_result_only_when_the_entrepreneur_shares_it,
    |app: TestApp| async move {
        let company = app.company_id("50000000").await;
        let daan = app.expert_profile_id(EXPERT).await;
        let coach = app.logged_in(COACH).await;
        recommend(&coach, &company, &daan).await;
        let scans = db::scans::of_company(&app.db, company.parse().unwrap())
            .await
            .unwrap();
        let (t0, t1) = (scans[0].id.to_string(), scans[1].id.to_string());
        let expert = app.logged_in(EXPERT).await;
        assert_eq!(
            expert.call("scan_result", &[("scan_id", &t1)]).await.status,
            404,
            "nothing shared yet"
        );

        let owner = db::companies::members(&app.db, company.parse().unwrap())
            .await
            .unwrap()[0]
            .clone();
        db::accounts::set_password_hash(
            &app.db,
            owner.id,
            db::password::hash_password(DEMO_PASSWORD).unwrap(),
        )
        .await
        .unwrap();
        let e = app.logged_in(&owner.email).await;
        let rec = first_recommendation(&e, &company).await;
        let sent = e
            .call(
                "contact_expert",
                &[
                    ("recommendation_id", &rec),
                    ("form[message]", "Zie mijn scan."),
                    ("form[share_scan]", "on"),
                ],
            )
            .await;
        assert_eq!(sent.status, 200, "{}", sent.body);

        let mine = expert.call("get_my_engagements", &[]).await;
        assert_eq!(
            mine.body[0]["shared_scan"].as_i64().unwrap().to_string(),
            t1,
            "the latest result is shared"
        );
        let seen = expert.call("scan_result", &[("scan_id", &t1)]).await;
        assert_eq!(seen.status, 200, "{}", seen.body);
        assert_eq!(
            expert.call("scan_result", &[("scan_id", &t0)]).await.status,
            404,
            "only the shared one"
        );
        assert_eq!(
            expert.call("get_company", &[("id", &company)]).await.status,
            404,
            "and never the dossier"
        );
        // The export holds the result, not the company's address or contact person.
        let (status, body) = expert.get(&format!("/scans/{t1}/export.json")).await;
        assert_eq!(status, 200, "{body}");
        let export: serde_json::Value = serde_json::from_str(&body).unwrap();
        assert!(export["scores"].is_object());
        assert!(export["company"]["contact"].is_null());
        assert!(export["company"]["address"].is_null());
        // After 90 days the share has ended: no link, no result.
        {
            use sea_orm::{ActiveModelTrait, EntityTrait, Set};
            let engagement = db::entities::engagement::Entity::find()
                .all(&app.db)
                .await
                .unwrap()
                .into_iter()
                .find(|e| e.shared_scan_id.map(|s| s.to_string()) == Some(t1.clone()))
                .unwrap();
            let mut old: db::entities::engagement::ActiveModel = engagement.into();
            old.share_until = Set(Some(chrono::Utc::now() - chrono::Duration::days(1)));
            old.update(&app.db).await.unwrap();
        }
        assert!(expert.call("get_my_engagements", &[]).await.body[0]["shared_scan"].is_null());
        assert_eq!(
            expert.call("scan_result", &[("scan_id", &t1)]).await.status,
            404,
            "the share ended"
        );
        assert_eq!(
            expert
                .call(
                    "get_timeline",
                    &[("id", &company), ("kind", ""), ("page", "1")]
                )
                .await
                .status,
            404
        );
    }
);

on_both_databases!(
    an_entrepreneur_changes_renews_and_withdraws_what_an_expert_sees,
    |app: TestApp| async move {
        let company = app.company_id("50000000").await;
        let daan = app.expert_profile_id(EXPERT).await;
        let coach = app.logged_in(COACH).await;
        recommend(&coach, &company, &daan).await;
        let scans = db::scans::of_company(&app.db, company.parse().unwrap())
            .await
            .unwrap();
        let (t0, t1) = (scans[0].id.to_string(), scans[1].id.to_string());
        let owner = db::companies::members(&app.db, company.parse().unwrap())
            .await
            .unwrap()[0]
            .clone();
        db::accounts::set_password_hash(
            &app.db,
            owner.id,
            db::password::hash_password(DEMO_PASSWORD).unwrap(),
        )
        .await
        .unwrap();
        let e = app.logged_in(&owner.email).await;
        let rec = first_recommendation(&e, &company).await;
        let sent = e
            .call(
                "contact_expert",
                &[
                    ("recommendation_id", &rec),
                    ("form[message]", "Graag contact."),
                    ("form[share_email]", "on"),
                ],
            )
            .await;
        assert_eq!(sent.status, 200, "{}", sent.body);

        let mine = e.call("get_my_shares", &[]).await;
        assert_eq!(mine.status, 200, "{}", mine.body);
        let share = &mine.body["shares"][0];
        assert_eq!(share["email"], true);
        assert!(share["phone"].is_null() && share["scan"].is_null());
        assert_eq!(share["active"], true);
        assert_eq!(
            share["scans"].as_array().unwrap().len(),
            2,
            "both own results to choose from"
        );
        let id = share["engagement_id"].as_i64().unwrap().to_string();

        // Only the entrepreneur who made the contact sees or changes it.
        for who in [COACH, ENTREPRENEUR, EXPERT] {
            let c = app.logged_in(who).await;
            let r = c
                .call(
                    "update_share",
                    &[("form[engagement_id]", &id), ("form[withdraw]", "1")],
                )
                .await;
            assert_eq!(r.status, 404, "{who}");
        }
        assert_eq!(coach.call("get_my_shares", &[]).await.status, 403);
        // A scan that is not one of theirs is refused, naming the field.
        let foreign = {
            use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
            db::entities::scan::Entity::find()
                .filter(db::entities::scan::Column::CompanyId.ne(company.parse::<i64>().unwrap()))
                .one(&app.db)
                .await
                .unwrap()
                .expect("another company's scan")
                .id
                .to_string()
        };
        let bad = e
            .call(
                "update_share",
                &[("form[engagement_id]", &id), ("form[scan_id]", &foreign)],
            )
            .await;
        assert_eq!(
            bad.invalid_fields(),
            vec![("shared_scan".to_owned(), "choice_invalid".to_owned())]
        );

        // The earlier result and a phone number instead of the address.
        let ok = e
            .call(
                "update_share",
                &[
                    ("form[engagement_id]", &id),
                    ("form[contact_phone]", "013 555 0101"),
                    ("form[scan_id]", &t0),
                ],
            )
            .await;
        assert_eq!(ok.status, 200, "{}", ok.body);
        let expert = app.logged_in(EXPERT).await;
        let seen = expert.call("get_my_engagements", &[]).await;
        assert_eq!(seen.body[0]["shared_contact"], "013 555 0101");
        assert_eq!(
            seen.body[0]["shared_scan"].as_i64().unwrap().to_string(),
            t0
        );
        assert_eq!(
            expert.call("scan_result", &[("scan_id", &t0)]).await.status,
            200
        );
        assert_eq!(
            expert.call("scan_result", &[("scan_id", &t1)]).await.status,
            404
        );
        // The entrepreneur sees that the expert read it.
        let looked = e
            .call("get_audit", &[("company", &company), ("page", "1")])
            .await;
        assert!(
            looked.body["entries"]["items"]
                .as_array()
                .unwrap()
                .iter()
                .any(|l| l["object"] == "expert_share" && l["role"] == "expert"),
            "{}",
            looked.body
        );

        // Withdrawn: the expert sees nothing of it any more, at once.
        let gone = e
            .call(
                "update_share",
                &[("form[engagement_id]", &id), ("form[withdraw]", "1")],
            )
            .await;
        assert_eq!(gone.status, 200, "{}", gone.body);
        let seen = expert.call("get_my_engagements", &[]).await;
        assert_eq!(seen.body[0]["shared_contact"], "");
        assert!(seen.body[0]["shared_scan"].is_null());
        assert_eq!(
            expert.call("scan_result", &[("scan_id", &t0)]).await.status,
            404
        );
        assert_eq!(
            e.call("get_my_shares", &[]).await.body["shares"][0]["active"],
            false
        );

        // Shared again: 90 days from today.
        let again = e
            .call(
                "update_share",
                &[("form[engagement_id]", &id), ("form[share_email]", "on")],
            )
            .await;
        assert_eq!(again.status, 200);
        let share = &e.call("get_my_shares", &[]).await.body["shares"][0];
        assert_eq!(share["active"], true);
        let until: chrono::DateTime<chrono::Utc> =
            serde_json::from_value(share["until"].clone()).unwrap();
        assert!(until > chrono::Utc::now() + chrono::Duration::days(89));
        assert_eq!(
            expert.call("get_my_engagements", &[]).await.body[0]["shared_contact"],
            owner.email.as_str()
        );
        // The page itself, rendered on the server.
        let (status, html) = e.get("/shares").await;
        assert_eq!(status, 200);
        assert!(html.contains("Alles intrekken"), "{html}");
    }
);
