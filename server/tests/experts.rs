//! The expert directory through its server functions, on SQLite and PostgreSQL: approval
//! before visibility, filters by theme and region, the expert's own profile, and every refusal.
mod common;
use common::*;

async fn directory(c: &Client, params: &[(&str, &str)]) -> Reply {
    let mut form: Vec<(String, String)> = vec![];
    for k in ["q", "theme", "region", "status"] {
        let v = params
            .iter()
            .find(|(p, _)| *p == k)
            .map(|(_, v)| *v)
            .unwrap_or("");
        form.push((format!("params[{k}]"), v.to_owned()));
    }
    form.push(("params[page]".into(), "1".into()));
    let pairs: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    c.call("get_expert_directory", &pairs).await
}

fn names(r: &Reply) -> Vec<String> {
    r.body["experts"]["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x["name"].as_str().unwrap().to_owned())
        .collect()
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

async fn profile_id(app: &TestApp, email: &str) -> String {
    let u = db::accounts::find_by_email(&app.db, email)
        .await
        .unwrap()
        .unwrap();
    db::experts::profile_of(&app.db, u.id)
        .await
        .unwrap()
        .unwrap()
        .id
        .to_string()
}

on_both_databases!(
    a_coach_recommends_an_expert_and_the_entrepreneur_contacts_them_directly,
    |app: TestApp| async move {
        let company = app.company_id("12345678").await;
        let daan = profile_id(&app, EXPERT).await;
        let iris = profile_id(&app, "groen@demo.datacoach.nl").await;
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
