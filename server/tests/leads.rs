//! Leads from experts through their server functions, on SQLite and PostgreSQL: proposing,
//! the inbox with KvK matching, accepting into a caseload, declining, the neutrality rule, and
//! the proposer seeing only the status.
mod common;
use common::*;

async fn org_id(app: &TestApp) -> String {
    db::accounts::find_by_email(&app.db, COACH)
        .await
        .unwrap()
        .unwrap()
        .organisation_id
        .unwrap()
        .to_string()
}

async fn propose(c: &Client, org: &str, name: &str, kvk: &str) -> Reply {
    c.call(
        "propose_lead",
        &[
            ("form[organisation_id]", org),
            ("form[company_name]", name),
            ("form[kvk_number]", kvk),
            ("form[reason]", "Wil meer met data doen."),
        ],
    )
    .await
}

on_both_databases!(
    an_expert_proposes_a_lead_and_a_coach_accepts_it_into_a_caseload,
    |app: TestApp| async move {
        let org = org_id(&app).await;
        let expert = app.logged_in(EXPERT).await;
        let bad = propose(&expert, &org, "", "12").await;
        assert_eq!(bad.status, 422);
        let fields: Vec<String> = bad.invalid_fields().into_iter().map(|(f, _)| f).collect();
        assert!(
            fields.contains(&"company_name".into()) && fields.contains(&"kvk_number".into()),
            "{fields:?}"
        );
        let lead = propose(&expert, &org, "Houtbewerking Pietersen", "87654321").await;
        assert_eq!(lead.status, 200, "{}", lead.body);
        let id = lead.body.as_i64().unwrap().to_string();

        for who in [ENTREPRENEUR, EXPERT] {
            assert_eq!(
                app.logged_in(who)
                    .await
                    .call("get_lead_inbox", &[("page", "1")])
                    .await
                    .status,
                403,
                "{who}"
            );
        }
        let coach = app.logged_in(COACH).await;
        let inbox = coach.call("get_lead_inbox", &[("page", "1")]).await;
        assert_eq!(inbox.status, 200, "{}", inbox.body);
        assert_eq!(
            inbox.body["leads"]["items"][0]["expert"],
            "Daan Dashboard (demo)"
        );
        assert!(inbox.body["leads"]["items"][0]["matched"].is_null());

        let incomplete = coach
            .call(
                "accept_lead",
                &[
                    ("id", &id),
                    ("form[coach_id]", ""),
                    ("form[municipality]", ""),
                    ("form[size_band]", ""),
                    ("form[primary_sector]", ""),
                ],
            )
            .await;
        let fields: Vec<String> = incomplete
            .invalid_fields()
            .into_iter()
            .map(|(f, _)| f)
            .collect();
        for f in ["coach", "municipality", "size_band", "primary_sector"] {
            assert!(fields.contains(&f.to_owned()), "{f} in {fields:?}");
        }
        let joris = db::accounts::find_by_email(&app.db, COACH2)
            .await
            .unwrap()
            .unwrap()
            .id
            .to_string();
        let accepted = coach
            .call(
                "accept_lead",
                &[
                    ("id", &id),
                    ("form[coach_id]", &joris),
                    ("form[municipality]", "Tilburg"),
                    ("form[size_band]", "small"),
                    ("form[primary_sector]", "C"),
                ],
            )
            .await;
        assert_eq!(accepted.status, 200, "{}", accepted.body);
        let company = accepted.body.as_i64().unwrap().to_string();
        let joris_client = app.logged_in(COACH2).await;
        let found = joris_client
            .call_struct("get_caseload", "params", &CASELOAD, &[("q", "87654321")])
            .await;
        assert_eq!(
            found.body["rows"]["total"], 1,
            "the company is in the assigned coach's caseload"
        );
        let tl = joris_client
            .call(
                "get_timeline",
                &[("id", &company), ("kind", ""), ("page", "1")],
            )
            .await;
        assert_eq!(tl.body["events"]["items"][0]["kind"], "company");
        assert_eq!(
            coach
                .call("accept_lead", &[("id", &id), ("form[coach_id]", &joris)])
                .await
                .invalid_fields(),
            vec![("form".to_owned(), "lead_decided".to_owned())]
        );

        // The proposer sees the status only, and never the dossier.
        let mine = expert.call("get_my_leads", &[]).await;
        assert_eq!(mine.body["leads"][0]["status"], "accepted");
        assert!(
            mine.body["leads"][0]["company"].is_null() && mine.body["leads"][0]["reason"].is_null()
        );
        assert_eq!(
            expert.call("get_company", &[("id", &company)]).await.status,
            404
        );

        // A lead for a known company is matched by KvK number and linked.
        let known = propose(&expert, &org, "Bakkerij Van den Berg", "12345678")
            .await
            .body
            .as_i64()
            .unwrap()
            .to_string();
        let inbox = coach.call("get_lead_inbox", &[("page", "1")]).await;
        let row = inbox.body["leads"]["items"]
            .as_array()
            .unwrap()
            .iter()
            .find(|l| l["id"].as_i64().unwrap().to_string() == known)
            .unwrap()
            .clone();
        assert_eq!(row["matched"][1], "Bakkerij Van den Berg (demo)");
        let sanne = db::accounts::find_by_email(&app.db, COACH)
            .await
            .unwrap()
            .unwrap()
            .id
            .to_string();
        let linked = coach
            .call("accept_lead", &[("id", &known), ("form[coach_id]", &sanne)])
            .await;
        assert_eq!(linked.status, 200, "{}", linked.body);
        let bakery = app.company_id("12345678").await;
        assert_eq!(linked.body.as_i64().unwrap().to_string(), bakery);

        // Neutrality: the proposing expert is never the only one recommended.
        let daan = app.expert_profile_id(EXPERT).await;
        let fatima = app.expert_profile_id("veilig@demo.datacoach.nl").await;
        let only = format!("form[experts][{daan}]");
        let alone = coach
            .call(
                "recommend_experts",
                &[
                    ("company_id", &bakery),
                    (&only, "on"),
                    ("form[dimension]", "data"),
                    ("form[reason]", "Dashboard"),
                ],
            )
            .await;
        assert_eq!(
            alone.invalid_fields(),
            vec![("experts".to_owned(), "neutrality".to_owned())]
        );
        let other = format!("form[experts][{fatima}]");
        let together = coach
            .call(
                "recommend_experts",
                &[
                    ("company_id", &bakery),
                    (&only, "on"),
                    (&other, "on"),
                    ("form[dimension]", "data"),
                    ("form[reason]", "Dashboard en beveiliging"),
                ],
            )
            .await;
        assert_eq!(together.status, 200, "{}", together.body);
        // The bakery's entrepreneur is told that their coach recommends experts.
        let told = app
            .last_mail_to(ENTREPRENEUR)
            .await
            .expect("a mail to the entrepreneur");
        assert!(
            told.subject.starts_with("Je coach raadt experts aan"),
            "{}",
            told.subject
        );
        assert!(
            told.body.contains(&format!("/companies/{bakery}#experts")),
            "{}",
            told.body
        );

        // Declining needs a reason; the proposer sees "declined".
        let third = propose(&expert, &org, "Twijfelachtig BV", "11223344")
            .await
            .body
            .as_i64()
            .unwrap()
            .to_string();
        // The programme manager hears of a new lead at once.
        let arrived = app
            .last_mail_to(PM)
            .await
            .expect("a mail to the programme manager");
        assert!(
            arrived.subject.contains("Twijfelachtig BV"),
            "{}",
            arrived.subject
        );
        assert!(arrived.body.contains("/leads"));
        assert_eq!(
            coach
                .call("decline_lead", &[("id", &third), ("reason", " ")])
                .await
                .invalid_fields(),
            vec![("reason".to_owned(), "required".to_owned())]
        );
        assert_eq!(
            coach
                .call(
                    "decline_lead",
                    &[("id", &third), ("reason", "Buiten onze regio.")]
                )
                .await
                .status,
            200
        );
        // The expert is told, with the reason.
        let decided = app
            .last_mail_to(EXPERT)
            .await
            .expect("a mail to the expert");
        assert_eq!(
            decided.subject,
            "Je lead Twijfelachtig BV is niet overgenomen"
        );
        assert!(
            decided.body.contains("Buiten onze regio."),
            "{}",
            decided.body
        );
        let mine = expert.call("get_my_leads", &[]).await;
        assert!(
            mine.body["leads"]
                .as_array()
                .unwrap()
                .iter()
                .any(|l| l["status"] == "declined" && l["decline_reason"].is_null())
        );
        let stranger = app.stranger_coach().await;
        assert_eq!(
            stranger
                .call("decline_lead", &[("id", &third), ("reason", "x")])
                .await
                .status,
            404
        );
    }
);
