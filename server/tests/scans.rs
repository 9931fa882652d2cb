//! The scan end to end through its server functions: consent, autosave, validation, submit,
//! results, access, the plain step form, export and the next round.
mod common;
use common::*;
use serde_json::Value;

fn example() -> Value {
    serde_json::from_str(include_str!("../../app/data/dma-sme-v1-example.json")).unwrap()
}

/// Consents (sharing on) and starts a scan; returns its id.
async fn started_scan(app: &TestApp, e: &Client, share: bool) -> String {
    let company = app.company_id("12345678").await;
    let mut form = vec![("company_id", company.as_str())];
    if share {
        form.push(("share", "yes"));
    }
    assert_eq!(e.call("scan_consent", &form).await.status, 200);
    let r = e.call("scan_start", &[("company_id", &company)]).await;
    assert_eq!(r.status, 200, "{}", r.body);
    r.body.as_i64().unwrap().to_string()
}

async fn answer_all(e: &Client, scan: &str) -> Value {
    let answers = example()["answers"].clone();
    let mut last = Value::Null;
    for (qid, v) in answers.as_object().unwrap() {
        let r = e
            .call(
                "scan_save",
                &[
                    ("scan_id", scan),
                    ("question", qid),
                    ("answer", &v.to_string()),
                ],
            )
            .await;
        assert_eq!(r.status, 200, "{qid}: {}", r.body);
        last = r.body;
    }
    last
}

on_both_databases!(
    an_entrepreneur_fills_in_saves_submits_and_sees_the_reference_scores,
    |app: TestApp| async move {
        let e = app.logged_in(ENTREPRENEUR).await;
        let company = app.company_id("12345678").await;
        let home = e.call("scan_home", &[("company_id", &company)]).await;
        assert_eq!(home.body["can_fill"], true);
        assert!(home.body["consent"].is_null());
        let refused = e.call("scan_start", &[("company_id", &company)]).await;
        assert_eq!(refused.status, 422);
        assert_eq!(
            refused.invalid_fields(),
            vec![("form".to_owned(), "consent_required".to_owned())]
        );

        let scan = started_scan(&app, &e, true).await;
        let one = e
            .call(
                "scan_save",
                &[
                    ("scan_id", &scan),
                    ("question", "q3"),
                    ("answer", r#"["website","ecommerce"]"#),
                ],
            )
            .await;
        assert_eq!(one.body, serde_json::json!({"answered": 1, "total": 11}));
        let draft = e.call("scan_draft", &[("scan_id", &scan)]).await;
        assert_eq!(
            draft.body["answers"][0],
            serde_json::json!(["q3", ["website", "ecommerce"]]),
            "a reload finds the answer back"
        );

        let incomplete = e.call("scan_submit", &[("scan_id", &scan)]).await;
        assert_eq!(incomplete.status, 422);
        assert_eq!(
            incomplete.invalid_fields().len(),
            10,
            "every open question is named"
        );

        let progress = answer_all(&e, &scan).await;
        assert_eq!(progress["answered"], 11);
        let ok = e.call("scan_submit", &[("scan_id", &scan)]).await;
        assert_eq!(ok.status, 200, "{}", ok.body);
        let result = e.call("scan_result", &[("scan_id", &scan)]).await;
        assert_eq!(result.status, 200, "{}", result.body);
        assert_eq!(result.body["band"], "average");
        assert!((result.body["overall"].as_f64().unwrap() - 39.24).abs() < 0.005);
        assert_eq!(result.body["profile"], "dma-sme-v1");
        let d4 = result.body["dimensions"]
            .as_array()
            .unwrap()
            .iter()
            .find(|d| d[0] == "data")
            .unwrap()[1]
            .as_f64()
            .unwrap();
        assert!((d4 - 53.57).abs() < 0.005);

        let locked = e
            .call(
                "scan_save",
                &[("scan_id", &scan), ("question", "q3"), ("answer", "[]")],
            )
            .await;
        assert_eq!(
            locked.invalid_fields(),
            vec![("form".to_owned(), "scan_locked".to_owned())]
        );
    }
);

on_both_databases!(
    bad_answers_are_refused_naming_the_question,
    |app: TestApp| async move {
        let e = app.logged_in(ENTREPRENEUR).await;
        let scan = started_scan(&app, &e, true).await;
        for (q, a) in [
            ("q3", r#"["website","teleport"]"#),
            ("q7", r#"["not_digital","policy"]"#),
            (
                "q4",
                r#"{"simulation":7,"vr_ar":0,"cad_cam":0,"mes":0,"iot":0,"blockchain":0,"additive":0}"#,
            ),
            ("q11", r#"{"strategy":"maybe"}"#),
            ("q99", "[]"),
            ("q3", "not json"),
        ] {
            let r = e
                .call(
                    "scan_save",
                    &[("scan_id", &scan), ("question", q), ("answer", a)],
                )
                .await;
            assert_eq!(r.status, 422, "{q} {a}: {}", r.body);
            assert_eq!(
                r.body["Invalid"]["errors"][0]["msg"]["answer_invalid"], q,
                "{}",
                r.body
            );
        }
        let draft = e.call("scan_draft", &[("scan_id", &scan)]).await;
        assert_eq!(
            draft.body["answers"],
            serde_json::json!([]),
            "nothing was half-saved"
        );
    }
);

on_both_databases!(
    a_coach_sees_submitted_scans_only_while_shared_and_never_a_draft,
    |app: TestApp| async move {
        let e = app.logged_in(ENTREPRENEUR).await;
        let company = app.company_id("12345678").await;
        let scan = started_scan(&app, &e, true).await;
        let coach = app.logged_in(COACH).await;
        assert_eq!(
            coach.call("scan_draft", &[("scan_id", &scan)]).await.status,
            404
        );
        assert_eq!(
            coach
                .call("scan_result", &[("scan_id", &scan)])
                .await
                .status,
            404,
            "a draft is not a result"
        );
        answer_all(&e, &scan).await;
        assert_eq!(
            e.call("scan_submit", &[("scan_id", &scan)]).await.status,
            200
        );
        assert_eq!(
            coach
                .call("scan_result", &[("scan_id", &scan)])
                .await
                .status,
            200
        );
        assert_eq!(
            coach
                .call("scan_home", &[("company_id", &company)])
                .await
                .body["submitted"]
                .as_array()
                .unwrap()
                .len(),
            1
        );
        // The entrepreneur withdraws sharing: the coach sees nothing any more.
        assert_eq!(
            e.call("scan_consent", &[("company_id", &company)])
                .await
                .status,
            200
        );
        assert_eq!(
            coach
                .call("scan_result", &[("scan_id", &scan)])
                .await
                .status,
            404
        );
        let home = coach.call("scan_home", &[("company_id", &company)]).await;
        assert_eq!(home.body["submitted"], serde_json::json!([]));
        assert_eq!(home.body["hidden_by_consent"], true);
        // Coaches do not fill in or consent for the company.
        assert_eq!(
            coach
                .call("scan_start", &[("company_id", &company)])
                .await
                .status,
            403
        );
        assert_eq!(
            coach
                .call(
                    "scan_consent",
                    &[("company_id", &company), ("share", "yes")]
                )
                .await
                .status,
            403
        );
    }
);

on_both_databases!(
    another_companys_people_reach_none_of_the_scan,
    |app: TestApp| async move {
        let e = app.logged_in(ENTREPRENEUR).await;
        let company = app.company_id("12345678").await;
        let scan = started_scan(&app, &e, true).await;
        let other = app.logged_in(ENTREPRENEUR2).await;
        let calls: [(&str, Vec<(&str, &str)>); 6] = [
            ("scan_home", vec![("company_id", &company)]),
            ("scan_draft", vec![("scan_id", &scan)]),
            (
                "scan_save",
                vec![("scan_id", &scan), ("question", "q3"), ("answer", "[]")],
            ),
            ("scan_submit", vec![("scan_id", &scan)]),
            ("scan_result", vec![("scan_id", &scan)]),
            ("scan_start", vec![("company_id", &company)]),
        ];
        for (endpoint, form) in &calls {
            assert_eq!(other.call(endpoint, form).await.status, 404, "{endpoint}");
        }
        let (status, _) = other.get(&format!("/scans/{scan}/export.json")).await;
        assert_eq!(status, 404);
        let other_coach_org = app.logged_in(EXPERT).await;
        assert_eq!(
            other_coach_org
                .call("scan_result", &[("scan_id", &scan)])
                .await
                .status,
            404
        );
    }
);

on_both_databases!(
    a_step_posted_without_javascript_saves_and_moves_on,
    |app: TestApp| async move {
        let e = app.logged_in(ENTREPRENEUR).await;
        let scan = started_scan(&app, &e, true).await;
        let res = e
            .http
            .post(format!("{}/scans/{scan}/step/2/save", e.base))
            .form(&[
                ("shown", "q3"),
                ("q3", "website"),
                ("q3", "intranet"),
                ("shown", "q4"),
                ("q4.simulation", "0"),
                ("q4.vr_ar", "1"),
                ("q4.cad_cam", "2"),
                ("q4.mes", "0"),
                ("q4.iot", "4"),
                ("q4.blockchain", "0"),
                ("q4.additive", "1"),
                ("nav", "next"),
            ])
            .send()
            .await
            .unwrap();
        assert!(res.status().is_redirection());
        assert_eq!(res.headers()["location"], format!("/scans/{scan}/step/3"));
        let draft = e.call("scan_draft", &[("scan_id", &scan)]).await;
        assert_eq!(draft.body["answers"].as_array().unwrap().len(), 2);
        // The step page renders on the server with the saved answers ticked.
        let (status, html) = e.get(&format!("/scans/{scan}/step/2")).await;
        assert_eq!(status, 200);
        assert!(html.contains("Stap 2 van 6"), "progress is shown");
        assert!(
            html.contains(r#"value="intranet" checked"#),
            "{}",
            &html[..html.len().min(400)]
        );
    }
);

on_both_databases!(
    a_submitted_scan_exports_and_the_next_round_is_prefilled,
    |app: TestApp| async move {
        let e = app.logged_in(ENTREPRENEUR).await;
        let company = app.company_id("12345678").await;
        let scan = started_scan(&app, &e, true).await;
        answer_all(&e, &scan).await;
        assert_eq!(
            e.call("scan_submit", &[("scan_id", &scan)]).await.status,
            200
        );
        let (status, body) = e.get(&format!("/scans/{scan}/export.json")).await;
        assert_eq!(status, 200);
        let doc: Value = serde_json::from_str(&body).unwrap();
        assert_eq!(doc["questionnaire"], "dma-sme");
        assert_eq!(doc["version"], 1);
        assert_eq!(doc["stage"], "T0");
        assert_eq!(
            doc["answers"],
            example()["answers"],
            "answers keyed by question and option ids"
        );
        assert_eq!(doc["scores"]["overall"], 39.24);
        assert_eq!(
            doc["company"]["kvk_number"], "12345678",
            "module 1, the company profile, travels along"
        );
        assert_eq!(doc["company"]["primary_sector"], "C");

        let next = e.call("scan_start", &[("company_id", &company)]).await;
        let next_id = next.body.as_i64().unwrap().to_string();
        assert_ne!(next_id, scan);
        let draft = e.call("scan_draft", &[("scan_id", &next_id)]).await;
        assert_eq!(draft.body["round"], 1, "T1");
        assert_eq!(
            draft.body["answers"],
            serde_json::json!([]),
            "nothing confirmed yet"
        );
        assert_eq!(
            draft.body["prefill"].as_array().unwrap().len(),
            11,
            "every previous answer is offered"
        );
        let home = e.call("scan_home", &[("company_id", &company)]).await;
        assert_eq!(home.body["draft"]["round"], 1);
        assert_eq!(home.body["submitted"][0]["round"], 0);
    }
);

on_both_databases!(
    the_history_shows_rounds_and_marks_respondents_who_differ,
    |app: TestApp| async move {
        let company = app.company_id("12345678").await;
        // A second entrepreneur of the same company, who scores lower everywhere.
        let second = app
            .add_user(
                "tweede@bakkerij.example",
                "Tweede Invuller",
                db::roles::ENTREPRENEUR,
                None,
            )
            .await;
        db::companies::add_member(&app.db, company.parse().unwrap(), second)
            .await
            .unwrap();
        let e = app.logged_in(ENTREPRENEUR).await;
        let scan = started_scan(&app, &e, true).await;
        answer_all(&e, &scan).await;
        assert_eq!(
            e.call("scan_submit", &[("scan_id", &scan)]).await.status,
            200
        );

        let t = app.logged_in("tweede@bakkerij.example").await;
        let r = t.call("scan_start", &[("company_id", &company)]).await;
        let scan2 = r.body.as_i64().unwrap().to_string();
        let draft = t.call("scan_draft", &[("scan_id", &scan2)]).await;
        assert_eq!(
            draft.body["round"], 0,
            "a second respondent joins the same round"
        );
        // Everything "none" / zero: every dimension differs by 20 or more except automation (24 vs 0 also differs).
        for (q, a) in [
            ("q1", r#"{"invested":[],"planned":[]}"#),
            ("q2", "[]"),
            ("q3", "[]"),
            (
                "q4",
                r#"{"simulation":0,"vr_ar":0,"cad_cam":0,"mes":0,"iot":0,"blockchain":0,"additive":0}"#,
            ),
            ("q5", "[]"),
            ("q6", "[]"),
            ("q7", "[]"),
            ("q8", "[]"),
            (
                "q9",
                r#"{"nlp":0,"vision":0,"audio":0,"robotics":0,"bi":0}"#,
            ),
            ("q10", r#"["business_model","services"]"#),
            (
                "q11",
                r#"{"strategy":"yes","ems":"partly","procurement":"no","energy_use":"no","recycling":"partly"}"#,
            ),
        ] {
            assert_eq!(
                t.call(
                    "scan_save",
                    &[("scan_id", &scan2), ("question", q), ("answer", a)]
                )
                .await
                .status,
                200
            );
        }
        assert_eq!(
            t.call("scan_submit", &[("scan_id", &scan2)]).await.status,
            200
        );

        let coach = app.logged_in(COACH).await;
        let h = coach
            .call("scan_history", &[("company_id", &company)])
            .await;
        assert_eq!(h.status, 200, "{}", h.body);
        let round = &h.body["rounds"][0];
        assert_eq!(round["respondents"].as_array().unwrap().len(), 2);
        let divergent: Vec<&str> = round["divergent"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap())
            .collect();
        assert_eq!(
            divergent,
            vec!["strategy", "readiness", "people", "data", "automation"],
            "green is equal for both"
        );
        assert!((round["mean"][5].as_f64().unwrap() - 30.0).abs() < 1e-9);
        let outsider = app.logged_in(ENTREPRENEUR2).await;
        assert_eq!(
            outsider
                .call("scan_history", &[("company_id", &company)])
                .await
                .status,
            404
        );
    }
);

on_both_databases!(
    programme_staff_import_a_scan_with_precise_errors,
    |app: TestApp| async move {
        let company = app.company_id("12345678").await;
        let eva = db::accounts::find_by_email(&app.db, ENTREPRENEUR)
            .await
            .unwrap()
            .unwrap()
            .id
            .to_string();
        let pm = app.logged_in("programma@demo.datacoach.nl").await;
        let good = serde_json::to_string(&serde_json::json!({ "questionnaire": "dma-sme", "version": 1, "stage": "T0", "answers": example()["answers"] })).unwrap();

        let bad = good.replace("\"policy\"", "\"not_digital\",\"policy\"");
        let r = pm
            .call(
                "scan_import",
                &[
                    ("company_id", &company),
                    ("respondent_id", &eva),
                    ("document", &bad),
                ],
            )
            .await;
        assert_eq!(r.status, 422);
        let msg = r.body["Invalid"]["errors"][0]["msg"]["import_invalid"]
            .as_str()
            .unwrap_or_default()
            .to_owned();
        assert!(
            msg.contains("q7") && msg.contains("not_digital"),
            "{}",
            r.body
        );
        let r = pm
            .call(
                "scan_import",
                &[
                    ("company_id", &company),
                    ("respondent_id", &eva),
                    ("document", "{not json"),
                ],
            )
            .await;
        assert_eq!(
            r.invalid_fields(),
            vec![("document".to_owned(), "import_not_json".to_owned())]
        );
        let stranger = db::accounts::find_by_email(&app.db, ENTREPRENEUR2)
            .await
            .unwrap()
            .unwrap()
            .id
            .to_string();
        let r = pm
            .call(
                "scan_import",
                &[
                    ("company_id", &company),
                    ("respondent_id", &stranger),
                    ("document", &good),
                ],
            )
            .await;
        assert_eq!(
            r.invalid_fields(),
            vec![("respondent".to_owned(), "choice_invalid".to_owned())]
        );

        let ok = pm
            .call(
                "scan_import",
                &[
                    ("company_id", &company),
                    ("respondent_id", &eva),
                    ("document", &good),
                ],
            )
            .await;
        assert_eq!(ok.status, 200, "{}", ok.body);
        let id = ok.body.as_i64().unwrap().to_string();
        let result = pm.call("scan_result", &[("scan_id", &id)]).await;
        assert_eq!(
            result.status, 404,
            "programme staff see results only while the company shares them"
        );
        let e = app.logged_in(ENTREPRENEUR).await;
        let mine = e.call("scan_result", &[("scan_id", &id)]).await;
        assert!((mine.body["overall"].as_f64().unwrap() - 39.24).abs() < 0.005);
        assert_eq!(mine.body["round"], 0);
        let again = pm
            .call(
                "scan_import",
                &[
                    ("company_id", &company),
                    ("respondent_id", &eva),
                    ("document", &good),
                ],
            )
            .await;
        assert_eq!(
            again.invalid_fields(),
            vec![("round".to_owned(), "round_taken".to_owned())]
        );
        // Coaches and entrepreneurs do not import.
        let coach = app.logged_in(COACH).await;
        assert_eq!(
            coach
                .call(
                    "scan_import",
                    &[
                        ("company_id", &company),
                        ("respondent_id", &eva),
                        ("document", &good)
                    ]
                )
                .await
                .status,
            403
        );
        assert_eq!(
            e.call(
                "scan_import",
                &[
                    ("company_id", &company),
                    ("respondent_id", &eva),
                    ("document", &good)
                ]
            )
            .await
            .status,
            403
        );
    }
);

on_both_databases!(
    a_changed_sharing_choice_names_who_made_it_and_tells_the_other_entrepreneurs,
    |app: TestApp| async move {
        let company = app.company_id("12345678").await;
        // A second entrepreneur of the bakery, with an account of their own.
        let other = app.user_id(ENTREPRENEUR2).await;
        db::companies::add_member(&app.db, company.parse().unwrap(), other)
            .await
            .unwrap();
        let eva = app.logged_in(ENTREPRENEUR).await;
        let on = [("company_id", company.as_str()), ("share", "on")];
        let off = [("company_id", company.as_str())];
        assert_eq!(eva.call("scan_consent", &on).await.status, 200);
        let home = eva.call("scan_home", &[("company_id", &company)]).await;
        assert_eq!(home.body["consent"]["chosen_by"], "Eva van den Berg (demo)");

        let mails = app.outbox_count().await;
        assert_eq!(eva.call("scan_consent", &off).await.status, 200);
        assert_eq!(
            app.outbox_count().await,
            mails + 1,
            "one e-mail, to the other"
        );
        let mail = app.last_mail_to(ENTREPRENEUR2).await.unwrap();
        assert!(mail.subject.contains("deelkeuze"), "{}", mail.subject);
        assert!(mail.body.contains("Eva van den Berg (demo)"));
        assert!(
            mail.body
                .contains("De coaches zien de scanresultaten niet.")
        );
        assert!(app.last_mail_to(ENTREPRENEUR).await.is_none());
        // The same choice again is no news.
        assert_eq!(eva.call("scan_consent", &off).await.status, 200);
        assert_eq!(app.outbox_count().await, mails + 1);
        // The other entrepreneur sees who chose.
        let metaal = app.logged_in(ENTREPRENEUR2).await;
        let home = metaal.call("scan_home", &[("company_id", &company)]).await;
        assert_eq!(home.body["consent"]["share"], false);
        assert_eq!(home.body["consent"]["chosen_by"], "Eva van den Berg (demo)");
    }
);
