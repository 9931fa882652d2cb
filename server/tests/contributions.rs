//! Contributions through their server functions, on SQLite and PostgreSQL: applications fit
//! their scheme, amounts are euro cents, the de-minimis ceiling is warned about, and refusals.
mod common;
use common::*;

async fn scheme_id(app: &TestApp, key: &str) -> String {
    db::contributions::schemes(&app.db)
        .await
        .unwrap()
        .into_iter()
        .find(|s| s.key == key)
        .unwrap()
        .id
        .to_string()
}

fn today() -> String {
    chrono::Utc::now().date_naive().to_string()
}

on_both_databases!(
    applications_fit_their_scheme_and_the_de_minimis_ceiling_is_warned_about,
    |app: TestApp| async move {
        let coach = app.logged_in(COACH).await;
        let bakery = app.company_id("12345678").await;
        let digital = scheme_id(&app, "digitalisering").await;
        let on = today();

        let bad = coach
            .call(
                "apply_contribution",
                &[
                    ("company_id", &bakery),
                    ("form[scheme_id]", ""),
                    ("form[amount]", "veel"),
                    ("form[applied_on]", "gisteren"),
                ],
            )
            .await;
        assert_eq!(bad.status, 422);
        assert_eq!(bad.invalid_fields().len(), 3, "{:?}", bad.invalid_fields());
        let too_much = coach
            .call(
                "apply_contribution",
                &[
                    ("company_id", &bakery),
                    ("form[scheme_id]", &digital),
                    ("form[amount]", "6.000,00"),
                    ("form[applied_on]", &on),
                ],
            )
            .await;
        assert_eq!(
            too_much.invalid_fields(),
            vec![(
                "amount".to_owned(),
                "{\"amount_out_of_range\":[50000,500000]}".to_owned()
            )]
        );
        let ok = coach
            .call(
                "apply_contribution",
                &[
                    ("company_id", &bakery),
                    ("form[scheme_id]", &digital),
                    ("form[amount]", "2.500,00"),
                    ("form[applied_on]", &on),
                ],
            )
            .await;
        assert_eq!(ok.status, 200, "{}", ok.body);
        let panel = coach
            .call("get_contributions", &[("company_id", &bakery)])
            .await;
        assert_eq!(panel.body["de_minimis_cents"], 250_000);
        assert_eq!(panel.body["applications"][0]["requested_cents"], 250_000);

        let id = ok.body.as_i64().unwrap().to_string();
        let over = coach
            .call("decide_contribution", &[("id", &id), ("granted", "3000")])
            .await;
        assert_eq!(over.status, 422);
        assert_eq!(
            coach
                .call("decide_contribution", &[("id", &id), ("granted", "2000")])
                .await
                .status,
            200
        );
        let panel = coach
            .call("get_contributions", &[("company_id", &bakery)])
            .await;
        assert_eq!(panel.body["applications"][0]["status"], "granted");
        assert_eq!(
            panel.body["de_minimis_cents"], 200_000,
            "the granted amount counts"
        );

        // The demo metal company declared EUR 296,000 of de-minimis aid: EUR 5,000 more passes
        // the ceiling and is warned about until the coach confirms.
        let metal = app.company_id(&(50_000_000 + 7_919).to_string()).await;
        let warned = coach
            .call(
                "apply_contribution",
                &[
                    ("company_id", &metal),
                    ("form[scheme_id]", &digital),
                    ("form[amount]", "5000"),
                    ("form[applied_on]", &on),
                ],
            )
            .await;
        assert_eq!(
            warned.invalid_fields(),
            vec![(
                "amount".to_owned(),
                "{\"de_minimis_ceiling\":30100000}".to_owned()
            )]
        );
        let confirmed = coach
            .call(
                "apply_contribution",
                &[
                    ("company_id", &metal),
                    ("form[scheme_id]", &digital),
                    ("form[amount]", "5000"),
                    ("form[applied_on]", &on),
                    ("form[accept_ceiling]", "on"),
                ],
            )
            .await;
        assert_eq!(confirmed.status, 200, "{}", confirmed.body);

        // An application can name the expert engagement it pays for, of this company only.
        let daan: i64 = app.expert_profile_id(EXPERT).await.parse().unwrap();
        let owner = db::accounts::find_by_email(&app.db, ENTREPRENEUR)
            .await
            .unwrap()
            .unwrap()
            .id;
        let engagement = db::recommendations::engage(
            &app.db,
            db::recommendations::NewEngagement {
                recommendation_id: None,
                company_id: bakery.parse().unwrap(),
                profile_id: daan,
                entrepreneur_id: owner,
                message: "Hallo".into(),
                shared_contact: String::new(),
                shared_scan_id: None,
            },
        )
        .await
        .unwrap()
        .id
        .to_string();
        let linked = coach
            .call(
                "apply_contribution",
                &[
                    ("company_id", &bakery),
                    ("form[scheme_id]", &digital),
                    ("form[amount]", "1000"),
                    ("form[applied_on]", &on),
                    ("form[engagement_id]", &engagement),
                ],
            )
            .await;
        assert_eq!(linked.status, 200, "{}", linked.body);
        let panel = coach
            .call("get_contributions", &[("company_id", &bakery)])
            .await;
        assert!(
            panel.body["applications"][0]["engagement"]
                .as_str()
                .unwrap()
                .starts_with("Daan Dashboard (demo)")
        );
        let foreign = coach
            .call(
                "apply_contribution",
                &[
                    ("company_id", &metal),
                    ("form[scheme_id]", &digital),
                    ("form[amount]", "1000"),
                    ("form[applied_on]", &on),
                    ("form[engagement_id]", &engagement),
                    ("form[accept_ceiling]", "on"),
                ],
            )
            .await;
        assert_eq!(
            foreign.invalid_fields(),
            vec![("engagement".to_owned(), "choice_invalid".to_owned())]
        );

        let e = app.logged_in(ENTREPRENEUR).await;
        assert_eq!(
            e.call(
                "apply_contribution",
                &[
                    ("company_id", &bakery),
                    ("form[scheme_id]", &digital),
                    ("form[amount]", "1000"),
                    ("form[applied_on]", &on)
                ]
            )
            .await
            .status,
            403
        );
        assert_eq!(
            e.call("get_contributions", &[("company_id", &bakery)])
                .await
                .status,
            403
        );
        assert_eq!(
            e.call("decide_contribution", &[("id", &id), ("granted", "")])
                .await
                .status,
            404
        );
        let stranger = app.stranger_coach().await;
        assert_eq!(
            stranger
                .call("get_contributions", &[("company_id", &bakery)])
                .await
                .status,
            404
        );
    }
);
