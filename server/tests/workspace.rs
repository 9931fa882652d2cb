//! The coach workspace through its server functions, on SQLite and PostgreSQL: the caseload,
//! the timeline and its notes, the coach review of a scan, visit reports with optimistic
//! concurrency, actions, handover and co-coaching, the T-profile and the visit brief, and
//! every refusal.
mod common;
use common::*;
use serde_json::{Value, json};

/// Demo companies seeded for the workspace: the i-th has KvK number 50000000 + i * 7919.
/// Company 0 (coach Sanne) shares a T0 and a T1; company 22 (Sanne too) does not share its
/// results.
fn demo_kvk(i: usize) -> String {
    (50_000_000 + i * 7_919).to_string()
}

async fn user_id(app: &TestApp, email: &str) -> i64 {
    db::accounts::find_by_email(&app.db, email)
        .await
        .unwrap()
        .unwrap()
        .id
}

async fn caseload(c: &Client, params: &[(&str, &str)]) -> Reply {
    c.call_struct("get_caseload", "params", &CASELOAD, params)
        .await
}

async fn submitted_scans(app: &TestApp, company: &str) -> Vec<db::entities::scan::Model> {
    db::scans::of_company(&app.db, company.parse().unwrap())
        .await
        .unwrap()
        .into_iter()
        .filter(|s| s.status == db::scans::STATUS_SUBMITTED)
        .collect()
}

async fn plan_visit(c: &Client, company: &str, on: &str) -> String {
    let r = c
        .call("plan_visit", &[("company_id", company), ("visit_on", on)])
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    r.body.as_i64().unwrap().to_string()
}

async fn save_report(c: &Client, visit: &str, version: &str, fields: &[(&str, &str)]) -> Reply {
    let mut form = vec![
        ("id".to_owned(), visit.to_owned()),
        ("version".to_owned(), version.to_owned()),
    ];
    for (k, v) in fields {
        form.push((format!("report[{k}]"), (*v).to_owned()));
    }
    let pairs: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    c.call("save_visit", &pairs).await
}

on_both_databases!(
    a_coach_sees_their_own_companies_and_a_programme_manager_the_whole_organisation,
    |app: TestApp| async move {
        let sanne = user_id(&app, COACH).await;
        let coach = app.logged_in(COACH).await;
        let all = caseload(&coach, &[]).await;
        assert_eq!(all.status, 200, "{}", all.body);
        assert_eq!(all.body["whole_organisation"], false);
        let primary = db::workspace::coaching::primary_of(&app.db, sanne)
            .await
            .unwrap()
            .len() as u64;
        let total = all.body["rows"]["total"].as_u64().unwrap();
        assert!(
            total > primary,
            "co-coached companies are in the caseload too"
        );
        for row in all.body["rows"]["items"].as_array().unwrap() {
            assert!(
                row["co_coach"] == true || row["primary_coach"] == "Sanne de Vries (demo)",
                "{row}"
            );
        }
        assert_eq!(
            all.body["rows"]["items"].as_array().unwrap().len(),
            20,
            "server pages of 20"
        );

        let pm = app.logged_in("programma@demo.datacoach.nl").await;
        let org = caseload(&pm, &[]).await;
        assert_eq!(org.body["whole_organisation"], true);
        assert!(org.body["rows"]["total"].as_u64().unwrap() >= 45);

        for who in [ENTREPRENEUR, EXPERT, ADMIN] {
            let c = app.logged_in(who).await;
            assert_eq!(caseload(&c, &[]).await.status, 403, "{who} has no caseload");
        }
        assert_eq!(caseload(&app.client(), &[]).await.status, 401);
    }
);

on_both_databases!(
    the_caseload_filters_sorts_and_shows_only_shared_scores,
    |app: TestApp| async move {
        let coach = app.logged_in(COACH).await;
        let tilburg = caseload(&coach, &[("municipality", "Tilburg")]).await;
        let rows = tilburg.body["rows"]["items"].as_array().unwrap().clone();
        assert!(!rows.is_empty());
        assert!(rows.iter().all(|r| r["municipality"] == "Tilburg"));

        let by_score = caseload(&coach, &[("sort", "-score")]).await;
        let scores: Vec<f64> = by_score.body["rows"]["items"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|r| r["overall"].as_f64())
            .collect();
        assert!(scores.windows(2).all(|w| w[0] >= w[1]), "{scores:?}");

        let band = caseload(&coach, &[("band", "basic")]).await;
        assert!(
            band.body["rows"]["items"]
                .as_array()
                .unwrap()
                .iter()
                .all(|r| r["band"] == "basic")
        );

        let found = caseload(&coach, &[("q", &demo_kvk(0))]).await;
        assert_eq!(found.body["rows"]["total"], 1);
        assert!(
            found.body["rows"]["items"][0]["overall"].is_number(),
            "a shared scan shows"
        );
        let unshared = caseload(&coach, &[("q", &demo_kvk(22))]).await;
        assert_eq!(unshared.body["rows"]["total"], 1);
        assert!(
            unshared.body["rows"]["items"][0]["overall"].is_null(),
            "a company that does not share shows no score"
        );

        let overdue = caseload(&coach, &[("overdue", "true")]).await;
        assert!(
            overdue.body["rows"]["items"]
                .as_array()
                .unwrap()
                .iter()
                .all(|r| r["overdue"] == true)
        );
        // Unknown filter values from an edited URL are ignored, not an error.
        assert_eq!(caseload(&coach, &[("band", "<script>")]).await.status, 200);
    }
);

on_both_databases!(
    notes_stay_internal_unless_shared_and_never_cross_organisations,
    |app: TestApp| async move {
        let company = app.company_id("12345678").await;
        let coach = app.logged_in(COACH).await;
        let internal = coach
            .call(
                "add_note",
                &[
                    ("company_id", &company),
                    ("note_text", "Let op: investeert liever niet dit jaar."),
                ],
            )
            .await;
        assert_eq!(internal.status, 200, "{}", internal.body);
        let shared = coach
            .call(
                "add_note",
                &[
                    ("company_id", &company),
                    ("note_text", "Fijn gesprek, tot de volgende keer!"),
                    ("shared", "on"),
                ],
            )
            .await;
        assert_eq!(shared.status, 200);
        let empty = coach
            .call("add_note", &[("company_id", &company), ("note_text", "  ")])
            .await;
        assert_eq!(
            empty.invalid_fields(),
            vec![("note_text".to_owned(), "required".to_owned())]
        );

        let tl = coach
            .call(
                "get_timeline",
                &[("id", &company), ("kind", "note"), ("page", "1")],
            )
            .await;
        assert_eq!(tl.body["events"]["total"], 2);
        assert_eq!(tl.body["internal"], true);

        let e = app.logged_in(ENTREPRENEUR).await;
        let seen = e
            .call(
                "get_timeline",
                &[("id", &company), ("kind", ""), ("page", "1")],
            )
            .await;
        assert_eq!(seen.status, 200);
        let bodies: Vec<&str> = seen.body["events"]["items"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|x| x["body"].as_str())
            .collect();
        assert!(bodies.contains(&"Fijn gesprek, tot de volgende keer!"));
        assert!(
            !bodies.iter().any(|b| b.contains("investeert")),
            "internal notes never reach the entrepreneur"
        );
        assert_eq!(
            e.call("add_note", &[("company_id", &company), ("note_text", "x")])
                .await
                .status,
            403
        );

        // Another organisation's coach sees nothing of it.
        let stranger = app.stranger_coach().await;
        assert_eq!(
            stranger
                .call(
                    "get_timeline",
                    &[("id", &company), ("kind", ""), ("page", "1")]
                )
                .await
                .status,
            404
        );
        assert_eq!(
            stranger
                .call("add_note", &[("company_id", &company), ("note_text", "x")])
                .await
                .status,
            404
        );
        assert_eq!(
            stranger
                .call("get_workspace", &[("id", &company)])
                .await
                .status,
            404
        );
        let other_metaal = app.logged_in(ENTREPRENEUR2).await;
        assert_eq!(
            other_metaal
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
    a_coach_review_gives_a_coach_score_and_never_changes_the_entrepreneurs_answers,
    |app: TestApp| async move {
        let company = app.company_id(&demo_kvk(0)).await;
        let scan = submitted_scans(&app, &company).await[0].clone();
        let scan_id = scan.id.to_string();
        let coach = app.logged_in(COACH).await;
        let before = coach.call("get_coach_review", &[("id", &scan_id)]).await;
        assert_eq!(before.status, 200, "{}", before.body);
        assert_eq!(before.body["overall"], before.body["coach_overall"]);

        let saved = coach
            .call_json("save_review", &json!({
                "scan_id": scan.id, "question": "q8",
                "coach_answer": ["security_policy", "customer_data", "staff_training", "backup", "continuity"],
                "note": "Back-ups worden niet getest.", "flagged": true
            }))
            .await;
        assert_eq!(saved.status, 200, "{}", saved.body);
        let flag_only = coach
            .call_json("save_review", &json!({
                "scan_id": scan.id, "question": "q2", "coach_answer": null, "note": "", "flagged": true
            }))
            .await;
        assert_eq!(flag_only.status, 200);
        let after = coach.call("get_coach_review", &[("id", &scan_id)]).await;
        assert_eq!(
            after.body["overall"], before.body["overall"],
            "the entrepreneur's score stays"
        );
        assert_ne!(
            after.body["coach_overall"], after.body["overall"],
            "the coach score moves"
        );
        let reviewed = before.body["reviews"].as_array().unwrap().len();
        let reviewed_now = after.body["reviews"].as_array().unwrap().len();
        assert!(reviewed_now > reviewed && reviewed_now <= reviewed + 2);

        let invalid = coach
            .call_json("save_review", &json!({
                "scan_id": scan.id, "question": "q8", "coach_answer": ["no_such_option"], "note": "", "flagged": false
            }))
            .await;
        assert_eq!(invalid.status, 422);
        assert_eq!(invalid.invalid_fields()[0].0, "form");

        // The plain form (no JavaScript) saves one question and returns to it.
        let (status, location) = coach
            .post_form(
                &format!("/scans/{scan_id}/coach/save"),
                &[
                    ("question", "q11"),
                    ("shown", "q11"),
                    ("q11.strategy", "yes"),
                    ("q11.ems", "yes"),
                    ("q11.procurement", "yes"),
                    ("q11.energy_use", "yes"),
                    ("q11.recycling", "yes"),
                    ("review_note", "Duurzaamheid is sterker dan ingevuld."),
                ],
            )
            .await;
        assert_eq!(status, 303, "{location}");
        assert!(location.contains("saved=q11"), "{location}");
        let third = coach.call("get_coach_review", &[("id", &scan_id)]).await;
        assert_eq!(
            third.body["reviews"].as_array().unwrap().len(),
            reviewed_now + 1
        );

        // The entrepreneur sees their own results, untouched, and nothing of the review.
        let owner = db::accounts::find_by_id(&app.db, scan.respondent_id)
            .await
            .unwrap()
            .unwrap();
        db::accounts::set_password_hash(
            &app.db,
            owner.id,
            db::password::hash_password(DEMO_PASSWORD).unwrap(),
        )
        .await
        .unwrap();
        let e = app.logged_in(&owner.email).await;
        let result = e.call("scan_result", &[("scan_id", &scan_id)]).await;
        assert_eq!(result.status, 200, "{}", result.body);
        assert_eq!(result.body["overall"], before.body["overall"]);
        assert_eq!(
            e.call("get_coach_review", &[("id", &scan_id)]).await.status,
            404
        );
        let sneaky = e
            .call_json("save_review", &json!({
                "scan_id": scan.id, "question": "q8", "coach_answer": null, "note": "", "flagged": false
            }))
            .await;
        assert_eq!(sneaky.status, 404);
        // Nor can a coach review a scan the company does not share.
        let unshared = app.company_id(&demo_kvk(22)).await;
        let hidden = submitted_scans(&app, &unshared).await[0].id.to_string();
        assert_eq!(
            coach
                .call("get_coach_review", &[("id", &hidden)])
                .await
                .status,
            404
        );
    }
);

on_both_databases!(
    a_stale_report_save_is_refused_and_both_texts_are_kept,
    |app: TestApp| async move {
        let company = app.company_id("12345678").await;
        let sanne = app.logged_in(COACH).await;
        let joris = app.logged_in(COACH2).await;
        // Two coaches of one company: Joris co-coaches Sanne's.
        db::workspace::coaching::add_co_coach(
            &app.db,
            company.parse().unwrap(),
            user_id(&app, COACH2).await,
        )
        .await
        .unwrap();
        let visit = plan_visit(&sanne, &company, "2026-12-10").await;

        let first = save_report(
            &sanne,
            &visit,
            "1",
            &[
                ("visit_on", "2026-12-10"),
                ("status", "done"),
                ("attendees", "Eva, Sanne"),
                ("topics", "Dashboards"),
                ("report", "Sanne's verslag."),
                ("used_scenarios", "on"),
                ("response_scenarios", "positive"),
                ("note_scenarios", "Sloeg aan"),
            ],
        )
        .await;
        assert_eq!(first.status, 200, "{}", first.body);
        assert_eq!(first.body["version"], 2);

        // Joris loaded version 1 too and saves after Sanne: refused, nothing overwritten.
        let second = save_report(
            &joris,
            &visit,
            "1",
            &[
                ("visit_on", "2026-12-10"),
                ("status", "done"),
                ("report", "Joris' verslag."),
            ],
        )
        .await;
        assert_eq!(second.status, 409, "{}", second.body);
        let v = joris.call("get_visit", &[("id", &visit)]).await;
        assert_eq!(v.body["content"]["report"], "Sanne's verslag.");
        assert_eq!(v.body["content"]["approaches"][0]["approach"], "scenarios");
        assert_eq!(v.body["refused"][0]["content"]["report"], "Joris' verslag.");
        assert_eq!(v.body["refused"][0]["author"], "Joris Bakker (demo)");

        // With the current version his save goes through.
        let third = save_report(
            &joris,
            &visit,
            "2",
            &[
                ("visit_on", "2026-12-10"),
                ("status", "done"),
                ("report", "Samengevoegd verslag."),
            ],
        )
        .await;
        assert_eq!(third.status, 200);

        let invalid = save_report(
            &sanne,
            &visit,
            "3",
            &[
                ("visit_on", "2026-02-30"),
                ("status", "done"),
                ("used_competitors", "on"),
            ],
        )
        .await;
        assert_eq!(invalid.status, 422);
        let fields = invalid.invalid_fields();
        assert!(
            fields.contains(&("visit_date".into(), "date_invalid".into())),
            "{fields:?}"
        );
        assert!(
            fields.contains(&("approaches".into(), "response_required".into())),
            "{fields:?}"
        );

        let timeline = sanne
            .call(
                "get_timeline",
                &[("id", &company), ("kind", "visit"), ("page", "1")],
            )
            .await;
        assert_eq!(timeline.body["events"]["total"], 2, "planned, then done");

        let e = app.logged_in(ENTREPRENEUR).await;
        assert_eq!(e.call("get_visit", &[("id", &visit)]).await.status, 404);
        assert_eq!(
            save_report(
                &e,
                &visit,
                "3",
                &[("visit_on", "2026-12-10"), ("status", "done")]
            )
            .await
            .status,
            404
        );
        assert_eq!(
            sanne
                .call(
                    "plan_visit",
                    &[("company_id", &company), ("visit_on", "morgen")]
                )
                .await
                .invalid_fields(),
            vec![("visit_date".to_owned(), "date_invalid".to_owned())]
        );
    }
);

on_both_databases!(
    actions_are_agreed_ticked_off_by_their_owner_and_listed_when_overdue,
    |app: TestApp| async move {
        let company = app.company_id("12345678").await;
        let coach = app.logged_in(COACH).await;
        let overdue_before = coach
            .call("get_actions", &[("overdue", "true"), ("page", "1")])
            .await
            .body["total"]
            .as_u64()
            .unwrap();
        let yesterday = (chrono::Utc::now().date_naive() - chrono::Duration::days(1)).to_string();
        let next_week = (chrono::Utc::now().date_naive() + chrono::Duration::days(7)).to_string();
        let mine = coach
            .call(
                "add_action",
                &[
                    ("company_id", &company),
                    ("description", "Offerte dashboard opvragen"),
                    ("owner", "entrepreneur"),
                    ("due_on", &yesterday),
                ],
            )
            .await;
        assert_eq!(mine.status, 200, "{}", mine.body);
        let coach_action = coach
            .call(
                "add_action",
                &[
                    ("company_id", &company),
                    ("description", "Voorbeeld databeleid sturen"),
                    ("owner", "coach"),
                    ("due_on", &next_week),
                ],
            )
            .await;
        let bad = coach
            .call(
                "add_action",
                &[
                    ("company_id", &company),
                    ("description", ""),
                    ("owner", "iedereen"),
                    ("due_on", "gisteren"),
                ],
            )
            .await;
        assert_eq!(bad.status, 422);
        assert_eq!(bad.invalid_fields().len(), 3, "{:?}", bad.invalid_fields());

        let overdue = coach
            .call("get_actions", &[("overdue", "true"), ("page", "1")])
            .await;
        let items = overdue.body["items"].as_array().unwrap();
        assert!(items.iter().all(|a| a["overdue"] == true));
        assert_eq!(
            overdue.body["total"].as_u64(),
            Some(overdue_before + 1),
            "the new action is listed"
        );
        let own = coach
            .call("get_actions", &[("overdue", "false"), ("page", "1")])
            .await;
        assert!(
            own.body["items"]
                .as_array()
                .unwrap()
                .iter()
                .any(|a| a["description"] == "Voorbeeld databeleid sturen")
        );
        let row = caseload(&coach, &[("q", "12345678")]).await;
        assert_eq!(row.body["rows"]["items"][0]["overdue"], true);
        assert_eq!(row.body["rows"]["items"][0]["open_actions"], 2);

        let e = app.logged_in(ENTREPRENEUR).await;
        let page = e
            .call(
                "get_company_page",
                &[("id", &company), ("kind", ""), ("page", "1")],
            )
            .await;
        let portal = &page.body[1]["portal"];
        assert!(
            page.body[1]["workspace"].is_null(),
            "no coach workspace for the entrepreneur"
        );
        assert_eq!(
            portal["actions"].as_array().unwrap().len(),
            1,
            "only the entrepreneur's own"
        );
        let id = mine.body.as_i64().unwrap().to_string();
        let coach_id = coach_action.body.as_i64().unwrap().to_string();
        assert_eq!(
            e.call("set_action_done", &[("id", &coach_id), ("done", "true")])
                .await
                .status,
            404
        );
        assert_eq!(
            e.call("set_action_done", &[("id", &id), ("done", "true")])
                .await
                .status,
            200
        );
        let row = caseload(&coach, &[("q", "12345678")]).await;
        assert_eq!(row.body["rows"]["items"][0]["overdue"], false);
        assert_eq!(row.body["rows"]["items"][0]["open_actions"], 1);
        let other = app.logged_in(ENTREPRENEUR2).await;
        assert_eq!(
            other
                .call("set_action_done", &[("id", &id), ("done", "false")])
                .await
                .status,
            404
        );
        assert_eq!(
            e.call(
                "add_action",
                &[
                    ("company_id", &company),
                    ("description", "x"),
                    ("owner", "coach"),
                    ("due_on", &next_week),
                ]
            )
            .await
            .status,
            403
        );
    }
);

on_both_databases!(
    a_handover_needs_a_note_and_the_new_coach_finds_the_company_with_its_history,
    |app: TestApp| async move {
        let company = app.company_id("12345678").await;
        let sanne = app.logged_in(COACH).await;
        let joris = app.logged_in(COACH2).await;
        let joris_id = user_id(&app, COACH2).await.to_string();
        sanne
            .call(
                "add_note",
                &[
                    ("company_id", &company),
                    ("note_text", "Eerste indruk: enthousiast."),
                ],
            )
            .await;

        let no_note = sanne
            .call(
                "hand_over",
                &[
                    ("company_id", &company),
                    ("coach_id", &joris_id),
                    ("handover_note", ""),
                ],
            )
            .await;
        assert_eq!(
            no_note.invalid_fields(),
            vec![("handover_note".to_owned(), "required".to_owned())]
        );
        // Joris does not coach this company: for him it is not there to give away.
        let sanne_id = user_id(&app, COACH).await.to_string();
        assert_eq!(
            joris
                .call(
                    "hand_over",
                    &[
                        ("company_id", &company),
                        ("coach_id", &sanne_id),
                        ("handover_note", "x")
                    ]
                )
                .await
                .status,
            404
        );

        let done = sanne
            .call(
                "hand_over",
                &[
                    ("company_id", &company),
                    ("coach_id", &joris_id),
                    ("handover_note", "Eva wil starten met een dashboard."),
                ],
            )
            .await;
        assert_eq!(done.status, 200, "{}", done.body);
        // The entrepreneur is introduced to the new coach (the handover note stays inside).
        let intro = app
            .last_mail_to(ENTREPRENEUR)
            .await
            .expect("a mail to the entrepreneur");
        assert!(
            intro.subject.ends_with("is je nieuwe datacoach"),
            "{}",
            intro.subject
        );
        assert!(
            intro.body.contains(COACH2),
            "how to reach the new coach: {}",
            intro.body
        );
        assert!(
            !intro.body.contains("dashboard"),
            "the internal note is not in it"
        );
        let list = caseload(&joris, &[("q", "12345678")]).await;
        assert_eq!(
            list.body["rows"]["total"], 1,
            "the company is in the new coach's caseload"
        );
        assert_eq!(
            caseload(&sanne, &[("q", "12345678")]).await.body["rows"]["total"],
            0
        );
        let history = joris
            .call(
                "get_timeline",
                &[("id", &company), ("kind", ""), ("page", "1")],
            )
            .await;
        let kinds: Vec<&str> = history.body["events"]["items"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|e| e["kind"].as_str())
            .collect();
        assert!(
            kinds.contains(&"handover") && kinds.contains(&"note"),
            "{kinds:?}"
        );
        let again = joris
            .call(
                "hand_over",
                &[
                    ("company_id", &company),
                    ("coach_id", &joris_id),
                    ("handover_note", "x"),
                ],
            )
            .await;
        assert_eq!(
            again.invalid_fields(),
            vec![("coach".to_owned(), "same_coach".to_owned())]
        );
        let e = app.logged_in(ENTREPRENEUR).await;
        assert_eq!(
            e.call(
                "hand_over",
                &[
                    ("company_id", &company),
                    ("coach_id", &sanne_id),
                    ("handover_note", "x")
                ]
            )
            .await
            .status,
            403
        );
    }
);

on_both_databases!(
    a_leaving_coach_hands_over_everything_at_once_and_a_deactivated_coach_loses_access,
    |app: TestApp| async move {
        let sanne_id = user_id(&app, COACH).await;
        let joris_id = user_id(&app, COACH2).await.to_string();
        let sanne = app.logged_in(COACH).await;
        let before = db::workspace::coaching::primary_of(&app.db, sanne_id)
            .await
            .unwrap()
            .len();
        assert!(before > 10);
        let bulk_by_coach = sanne
            .call(
                "bulk_hand_over",
                &[
                    ("from_coach_id", &sanne_id.to_string()),
                    ("coach_id", &joris_id),
                    ("handover_note", "x"),
                ],
            )
            .await;
        assert_eq!(bulk_by_coach.status, 403);

        let pm = app.logged_in("programma@demo.datacoach.nl").await;
        let loads = pm.call("get_staff_loads", &[]).await;
        assert!(
            loads
                .body
                .as_array()
                .unwrap()
                .iter()
                .any(|s| s["companies"].as_u64() == Some(before as u64))
        );
        let moved = pm
            .call(
                "bulk_hand_over",
                &[
                    ("from_coach_id", &sanne_id.to_string()),
                    ("coach_id", &joris_id),
                    ("handover_note", "Sanne stopt per 1 januari."),
                ],
            )
            .await;
        assert_eq!(moved.status, 200, "{}", moved.body);
        assert_eq!(moved.body.as_u64(), Some(before as u64));
        assert!(
            db::workspace::coaching::primary_of(&app.db, sanne_id)
                .await
                .unwrap()
                .is_empty()
        );

        let admin = app.logged_in(ADMIN).await;
        let off = admin
            .call(
                "admin_set_user_active",
                &[("user_id", &sanne_id.to_string()), ("active", "false")],
            )
            .await;
        assert_eq!(off.status, 200, "{}", off.body);
        assert_eq!(
            caseload(&sanne, &[]).await.status,
            401,
            "a deactivated coach is out at once"
        );
    }
);

on_both_databases!(
    a_co_coach_finds_the_company_in_their_caseload,
    |app: TestApp| async move {
        let company = app.company_id("12345678").await;
        let sanne = app.logged_in(COACH).await;
        let joris = app.logged_in(COACH2).await;
        let joris_id = user_id(&app, COACH2).await.to_string();
        assert_eq!(
            caseload(&joris, &[("q", "12345678")]).await.body["rows"]["total"],
            0
        );
        let added = sanne
            .call(
                "add_co_coach",
                &[("company_id", &company), ("coach_id", &joris_id)],
            )
            .await;
        assert_eq!(added.status, 200, "{}", added.body);
        let row = caseload(&joris, &[("q", "12345678")]).await;
        assert_eq!(row.body["rows"]["items"][0]["co_coach"], true);
        let twice = sanne
            .call(
                "add_co_coach",
                &[("company_id", &company), ("coach_id", &joris_id)],
            )
            .await;
        assert_eq!(
            twice.invalid_fields(),
            vec![("co_coach".to_owned(), "same_coach".to_owned())]
        );
        let entrepreneur_id = user_id(&app, ENTREPRENEUR).await.to_string();
        let not_a_coach = sanne
            .call(
                "add_co_coach",
                &[("company_id", &company), ("coach_id", &entrepreneur_id)],
            )
            .await;
        assert_eq!(
            not_a_coach.invalid_fields(),
            vec![("co_coach".to_owned(), "choice_invalid".to_owned())]
        );
        let removed = sanne
            .call(
                "remove_co_coach",
                &[("company_id", &company), ("coach_id", &joris_id)],
            )
            .await;
        assert_eq!(removed.status, 200);
        assert_eq!(
            caseload(&joris, &[("q", "12345678")]).await.body["rows"]["total"],
            0
        );
    }
);

on_both_databases!(
    the_t_profile_tells_who_to_ask_about_the_weakest_dimension,
    |app: TestApp| async move {
        let company = app.company_id(&demo_kvk(0)).await;
        let sanne = app.logged_in(COACH).await;
        let w = sanne.call("get_workspace", &[("id", &company)]).await;
        assert_eq!(w.status, 200, "{}", w.body);
        let weakest = w.body["colleagues"]["weakest"].as_str().unwrap().to_owned();
        let topics = db::workspace::tprofile::topics(&app.db).await.unwrap();
        let fitting = topics
            .iter()
            .find(|t| t.dimension.as_deref() == Some(weakest.as_str()))
            .unwrap();

        let joris = app.logged_in(COACH2).await;
        let profile = joris.call("get_t_profile", &[]).await;
        assert_eq!(profile.status, 200);
        let bad = joris
            .call(
                "save_t_profile",
                &[
                    ("profile[courses][data]", "2099-01-01"),
                    ("profile[specialism]", ""),
                ],
            )
            .await;
        assert_eq!(
            bad.invalid_fields(),
            vec![("courses".to_owned(), "date_invalid".to_owned())]
        );
        let spec = fitting.id.to_string();
        let ok = joris
            .call(
                "save_t_profile",
                &[
                    ("profile[courses][data]", "2025-03-12"),
                    ("profile[specialism]", &spec),
                ],
            )
            .await;
        assert_eq!(ok.status, 200, "{}", ok.body);
        let w = sanne.call("get_workspace", &[("id", &company)]).await;
        let people: Vec<&str> = w.body["colleagues"]["people"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|p| p[0]["name"].as_str())
            .collect();
        assert_eq!(people, vec!["Joris Bakker (demo)"]);

        let e = app.logged_in(ENTREPRENEUR).await;
        assert_eq!(e.call("get_t_profile", &[]).await.status, 403);
        assert_eq!(
            e.call(
                "get_workspace",
                &[("id", &app.company_id("12345678").await)]
            )
            .await
            .status,
            403
        );
    }
);

on_both_databases!(
    the_brief_holds_scan_changes_flags_open_actions_and_earlier_approaches,
    |app: TestApp| async move {
        let company = app.company_id(&demo_kvk(0)).await;
        let coach = app.logged_in(COACH).await;
        let latest = submitted_scans(&app, &company)
            .await
            .into_iter()
            .max_by_key(|s| s.round)
            .unwrap();
        assert_eq!(latest.round, 1);
        coach.call_json("save_review", &json!({
            "scan_id": latest.id, "question": "q7", "coach_answer": null, "note": "Waar staan de gegevens?", "flagged": true
        })).await;
        let earlier = plan_visit(&coach, &company, "2026-11-01").await;
        let r = save_report(
            &coach,
            &earlier,
            "1",
            &[
                ("visit_on", "2026-11-01"),
                ("status", "done"),
                ("used_competitors", "on"),
                ("response_competitors", "negative"),
                ("note_competitors", "Werkte averechts"),
            ],
        )
        .await;
        assert_eq!(r.status, 200, "{}", r.body);
        let next = plan_visit(&coach, &company, "2026-12-15").await;
        let brief = coach.call("get_visit_brief", &[("id", &next)]).await;
        assert_eq!(brief.status, 200, "{}", brief.body);
        let b = &brief.body;
        assert_eq!(b["scan"]["round"], 1);
        assert_eq!(b["scan"]["previous_round"], 0);
        assert_eq!(b["scan"]["weakest"].as_array().unwrap().len(), 3);
        assert_eq!(b["scan"]["changes"].as_array().unwrap().len(), 6);
        assert_eq!(b["flagged"][0], json!(["q7", "Waar staan de gegevens?"]));
        assert!(
            b["approaches"]
                .as_array()
                .unwrap()
                .iter()
                .any(|a| a["entry"]["approach"] == "competitors"
                    && a["entry"]["response"] == "negative")
        );
        assert!(!b["talking_points"].as_array().unwrap().is_empty());
        assert!(
            !b["open_actions"].as_array().unwrap().is_empty(),
            "the demo company has open actions"
        );
        let e = app.logged_in(ENTREPRENEUR).await;
        assert_eq!(
            e.call("get_visit_brief", &[("id", &next)]).await.status,
            404
        );

        // The pages render on the server for the coach.
        for path in [
            format!("/visits/{next}/brief"),
            format!("/visits/{next}"),
            format!("/scans/{}/coach", latest.id),
            "/caseload".into(),
            format!("/companies/{company}"),
        ] {
            let (status, html) = coach.get(&path).await;
            assert_eq!(status, 200, "{path}");
            assert!(html.contains("<main"), "{path}");
        }
    }
);

on_both_databases!(
    the_demo_workspace_looks_like_a_real_programme,
    |app: TestApp| async move {
        let pm = app.logged_in("programma@demo.datacoach.nl").await;
        let all = caseload(&pm, &[]).await;
        assert!(all.body["rows"]["total"].as_u64().unwrap() >= 45);
        let scored = caseload(&pm, &[("sort", "score")]).await;
        assert!(scored.body["rows"]["items"][0]["overall"].is_number());
        assert!(
            !caseload(&pm, &[("overdue", "true")]).await.body["rows"]["items"]
                .as_array()
                .unwrap()
                .is_empty()
        );
        let company = app.company_id(&demo_kvk(0)).await;
        let w = pm.call("get_workspace", &[("id", &company)]).await;
        assert!(w.body["visits"].as_array().unwrap().len() >= 2);
        assert_eq!(w.body["scans"].as_array().unwrap().len(), 2);
        let _: Value = w.body;
    }
);
