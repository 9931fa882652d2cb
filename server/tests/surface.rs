//! The whole API surface at once (issue #11's proof): every server function the app registers
//! must have a row in [`ACCESS`] (a new endpoint without one fails here), no endpoint gives
//! data to a role its row excludes, and malformed or hostile bodies never cause a server error
//! or a panic, whoever sends them. Ownership of single objects (own against another
//! organisation's company, scan, visit ...) is proven endpoint by endpoint in `access.rs`,
//! `workspace.rs`, `experts.rs`, `leads.rs` and `contributions.rs`.
mod common;
use common::*;
use std::collections::BTreeSet;

/// Who may call an endpoint at all.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Who {
    /// Anyone, signed in or not (signing in, links, the language, `me`).
    Anyone,
    /// Any signed-in user; what they may see is decided per object.
    SignedIn,
    /// Administrators only.
    Admin,
}

const ACCESS: &[(&str, Who)] = &[
    ("me", Who::Anyone),
    ("login", Who::Anyone),
    ("login_code", Who::Anyone),
    ("logout", Who::Anyone),
    ("set_language", Who::Anyone),
    ("forgot_password", Who::Anyone),
    ("link_info", Who::Anyone),
    ("set_password", Who::Anyone),
    ("admin_get_outbox_message", Who::Admin),
    ("admin_invite_staff", Who::Admin),
    ("admin_list_organisations", Who::Admin),
    ("admin_list_outbox", Who::Admin),
    ("admin_list_users", Who::Admin),
    ("admin_set_user_active", Who::Admin),
    ("admin_staff_form_options", Who::Admin),
    ("admin_reset_two_factor", Who::Admin),
    ("two_factor_confirm", Who::SignedIn),
    ("two_factor_disable", Who::SignedIn),
    ("two_factor_new_codes", Who::SignedIn),
    ("two_factor_overview", Who::SignedIn),
    ("add_action", Who::SignedIn),
    ("add_co_coach", Who::SignedIn),
    ("add_note", Who::SignedIn),
    ("bulk_hand_over", Who::SignedIn),
    ("get_actions", Who::SignedIn),
    ("get_caseload", Who::SignedIn),
    ("get_coach_review", Who::SignedIn),
    ("get_company_page", Who::SignedIn),
    ("get_staff_loads", Who::SignedIn),
    ("get_t_profile", Who::SignedIn),
    ("get_timeline", Who::SignedIn),
    ("get_visit", Who::SignedIn),
    ("get_visit_brief", Who::SignedIn),
    ("get_workspace", Who::SignedIn),
    ("hand_over", Who::SignedIn),
    ("plan_visit", Who::SignedIn),
    ("remove_co_coach", Who::SignedIn),
    ("request_co_coaching", Who::SignedIn),
    ("answer_co_coaching", Who::SignedIn),
    ("save_review", Who::SignedIn),
    ("save_t_profile", Who::SignedIn),
    ("save_visit", Who::SignedIn),
    ("set_action_done", Who::SignedIn),
    ("company_form_options", Who::SignedIn),
    ("create_company", Who::SignedIn),
    ("get_company", Who::SignedIn),
    ("invite_entrepreneur", Who::SignedIn),
    ("remove_member", Who::SignedIn),
    ("get_audit", Who::SignedIn),
    ("erasure_preview", Who::SignedIn),
    ("erase", Who::SignedIn),
    ("get_my_shares", Who::SignedIn),
    ("update_share", Who::SignedIn),
    ("list_companies", Who::SignedIn),
    ("company_profile", Who::SignedIn),
    ("company_profile_save", Who::SignedIn),
    ("apply_contribution", Who::SignedIn),
    ("decide_contribution", Who::SignedIn),
    ("get_contributions", Who::SignedIn),
    ("contact_expert", Who::SignedIn),
    ("get_expert", Who::SignedIn),
    ("get_expert_directory", Who::SignedIn),
    ("get_my_engagements", Who::SignedIn),
    ("get_own_expert_profile", Who::SignedIn),
    ("get_recommend_panel", Who::SignedIn),
    ("get_recommendations", Who::SignedIn),
    ("recommend_experts", Who::SignedIn),
    ("save_own_expert_profile", Who::SignedIn),
    ("update_engagement", Who::SignedIn),
    ("vet_expert", Who::SignedIn),
    ("accept_lead", Who::SignedIn),
    ("decline_lead", Who::SignedIn),
    ("get_lead_inbox", Who::SignedIn),
    ("get_my_leads", Who::SignedIn),
    ("propose_lead", Who::SignedIn),
    ("scan_consent", Who::SignedIn),
    ("scan_draft", Who::SignedIn),
    ("scan_history", Who::SignedIn),
    ("scan_home", Who::SignedIn),
    ("scan_import", Who::SignedIn),
    ("scan_result", Who::SignedIn),
    ("scan_save", Who::SignedIn),
    ("scan_start", Who::SignedIn),
    ("scan_submit", Who::SignedIn),
];

/// The plain-HTML routes beside the server functions (forms without JavaScript, the export).
const FORM_ROUTES: &[&str] = &["/scans/1/step/1/save", "/scans/1/coach/save"];

fn registered_endpoints() -> BTreeSet<String> {
    leptos::server_fn::axum::server_fn_paths()
        .map(|(path, _)| path.trim_start_matches("/api/").to_owned())
        .collect()
}

#[test]
fn every_registered_server_function_has_a_row_in_the_access_table() {
    // Registering happens when the app is built into a router.
    let _ = std::hint::black_box(datacoach_server::build_app as fn(_) -> _);
    let registered = registered_endpoints();
    let listed: BTreeSet<String> = ACCESS.iter().map(|(e, _)| (*e).to_owned()).collect();
    let missing: Vec<_> = registered.difference(&listed).collect();
    let stale: Vec<_> = listed.difference(&registered).collect();
    assert!(
        missing.is_empty() && stale.is_empty(),
        "endpoints without a row: {missing:?}; rows without an endpoint: {stale:?}"
    );
    assert_eq!(listed.len(), ACCESS.len(), "one row per endpoint");
}

/// Bodies nobody's browser sends: empty, broken, huge numbers, wrong types, deep brackets,
/// control characters, random bytes. Deterministic, so a failure can be replayed.
fn hostile_bodies() -> Vec<(&'static str, Vec<u8>)> {
    const FORM: &str = "application/x-www-form-urlencoded";
    let mut bodies: Vec<(&'static str, Vec<u8>)> = [
        "",
        "=",
        "&&&",
        "id=-1&company_id=-1&scan_id=-1&page=-1",
        "id=9223372036854775807&company_id=9223372036854775807&page=18446744073709551615",
        "id=99999999999999999999999&company_id=1e309&version=2147483648&step=1e9",
        "id=abc&company_id=%00&email=%00%01&name=%F0%9F%92%A9",
        "form[a][b][c][d][e]=1&form[]=2&form[[[=3",
        "company_id=1&company_id=2&company_id=3",
        "email=a%40b.nl&password=&next=javascript%3Aalert(1)",
        "%zz=%zz&%=%",
    ]
    .into_iter()
    .map(|b| (FORM, b.as_bytes().to_vec()))
    .collect();
    bodies.push(("application/json", b"{\"a\":".to_vec()));
    bodies.push(("application/json", b"[1,2,3]".to_vec()));
    bodies.push((
        "application/json",
        b"{\"id\":-1,\"answers\":{\"x\":[[[[[]]]]]}}".to_vec(),
    ));
    bodies.push((
        "application/json",
        format!("{{\"n\":{}}}", "9".repeat(400)).into_bytes(),
    ));
    // A fixed xorshift stream of bytes: no crate needed for 4 KiB of noise.
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    let noise: Vec<u8> = (0..4096)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x as u8
        })
        .collect();
    bodies.push((FORM, noise.clone()));
    bodies.push(("application/json", noise));
    bodies
}

async fn send(c: &Client, path: &str, content_type: &str, body: Vec<u8>) -> Result<u16, String> {
    c.http
        .post(format!("{}{path}", c.base))
        .header("accept", "application/json")
        .header("content-type", content_type)
        .body(body)
        .send()
        .await
        .map(|r| r.status().as_u16())
        .map_err(|e| e.to_string())
}

on_both_databases!(
    hostile_bodies_to_every_endpoint_as_every_role_never_cause_a_server_error,
    |app: TestApp| async move {
        let endpoints = registered_endpoints();
        let mut visitors = vec![("anonymous", app.client())];
        for who in [ENTREPRENEUR, COACH, PM, EXPERT, ADMIN] {
            visitors.push((who, app.logged_in(who).await));
        }
        let bodies = hostile_bodies();
        let mut problems = Vec::new();
        for (who, c) in &visitors {
            let paths = endpoints
                .iter()
                .filter(|e| !matches!(e.as_str(), "logout"))
                .map(|e| format!("/api/{e}"))
                .chain(FORM_ROUTES.iter().map(|p| (*p).to_owned()));
            for path in paths {
                for (i, (content_type, body)) in bodies.iter().enumerate() {
                    match send(c, &path, content_type, body.clone()).await {
                        Ok(s) if s < 500 => {}
                        other => problems.push(format!("{who} {path} body #{i}: {other:?}")),
                    }
                }
            }
        }
        assert!(
            problems.is_empty(),
            "{} failures:\n{}",
            problems.len(),
            problems.join("\n")
        );
    }
);

on_both_databases!(
    no_endpoint_answers_a_role_its_row_excludes,
    |app: TestApp| async move {
        let anonymous = app.client();
        let mut staff = Vec::new();
        for who in [ENTREPRENEUR, COACH, PM, EXPERT] {
            staff.push((who, app.logged_in(who).await));
        }
        let mut problems = Vec::new();
        for (endpoint, who) in ACCESS {
            // Empty arguments: an endpoint whose arguments are all optional runs its checks.
            if *who != Who::Anyone {
                let r = anonymous.call(endpoint, &[]).await;
                if r.status < 400 {
                    problems.push(format!("anonymous got {} from {endpoint}", r.status));
                }
            }
            if *who == Who::Admin {
                for (role, c) in &staff {
                    let r = c.call(endpoint, &[]).await;
                    if r.status < 400 {
                        problems.push(format!("{role} got {} from {endpoint}", r.status));
                    }
                }
            }
        }
        assert!(problems.is_empty(), "{}", problems.join("\n"));
    }
);

/// Another organisation with its own coach, a company, a draft scan and a planned visit:
/// the objects nobody of the demo organisation may reach.
async fn elsewhere(app: &TestApp) -> (String, String, String) {
    let other = app.other_organisation().await;
    let (company_id, coach_id) = (other.company_id, other.coach_id);
    let questionnaire_id = db::scans::latest_questionnaire_id(&app.db, "dma-sme")
        .await
        .unwrap();
    let scan = db::scans::create(
        &app.db,
        db::scans::NewScan {
            company_id,
            respondent_id: coach_id,
            round: 0,
            questionnaire_id,
            prefill: None,
        },
    )
    .await
    .unwrap();
    let visit = db::workspace::visits::create(
        &app.db,
        company_id,
        coach_id,
        chrono::NaiveDate::from_ymd_opt(2027, 1, 15).unwrap(),
        "planned",
    )
    .await
    .unwrap();
    (
        company_id.to_string(),
        scan.id.to_string(),
        visit.id.to_string(),
    )
}

on_both_databases!(
    nobody_of_one_organisation_reaches_another_organisations_company_scan_or_visit,
    |app: TestApp| async move {
        let (company, scan, visit) = elsewhere(&app).await;
        let (c, s, v) = (company.as_str(), scan.as_str(), visit.as_str());
        // Every endpoint that takes one company, scan or visit, with complete arguments, so
        // the refusal comes from the access rule and not from a missing field.
        let rows: Vec<(&str, Vec<(&str, &str)>)> = vec![
            ("get_company", vec![("id", c)]),
            ("get_workspace", vec![("id", c)]),
            (
                "get_company_page",
                vec![("id", c), ("kind", ""), ("page", "1")],
            ),
            ("get_timeline", vec![("id", c), ("kind", ""), ("page", "1")]),
            ("add_note", vec![("company_id", c), ("note_text", "Gezien")]),
            ("add_co_coach", vec![("company_id", c), ("coach_id", "1")]),
            (
                "remove_co_coach",
                vec![("company_id", c), ("coach_id", "1")],
            ),
            ("request_co_coaching", vec![("company_id", c)]),
            (
                "answer_co_coaching",
                vec![("company_id", c), ("coach_id", "1"), ("accept", "true")],
            ),
            (
                "hand_over",
                vec![("company_id", c), ("coach_id", "1"), ("handover_note", "x")],
            ),
            (
                "plan_visit",
                vec![("company_id", c), ("visit_on", "2027-02-01")],
            ),
            ("get_visit", vec![("id", v)]),
            ("get_visit_brief", vec![("id", v)]),
            ("company_profile", vec![("company_id", c)]),
            ("remove_member", vec![("company_id", c), ("user_id", "1")]),
            ("get_audit", vec![("company", c)]),
            ("erasure_preview", vec![("kind", "company"), ("id", c)]),
            (
                "erase",
                vec![("kind", "company"), ("id", c), ("confirm", "Elders BV")],
            ),
            ("get_contributions", vec![("company_id", c)]),
            ("get_recommend_panel", vec![("company_id", c)]),
            ("get_recommendations", vec![("company_id", c)]),
            ("scan_home", vec![("company_id", c)]),
            ("scan_consent", vec![("company_id", c), ("share", "on")]),
            ("scan_start", vec![("company_id", c)]),
            ("scan_history", vec![("company_id", c)]),
            ("scan_draft", vec![("scan_id", s)]),
            ("scan_save", vec![("scan_id", s), ("question", "q1")]),
            ("scan_submit", vec![("scan_id", s)]),
            ("scan_result", vec![("scan_id", s)]),
            ("get_coach_review", vec![("id", s)]),
        ];
        // A misspelt endpoint would answer 404 too: every row names a registered one.
        let registered = registered_endpoints();
        for (endpoint, _) in &rows {
            assert!(
                registered.contains(*endpoint),
                "{endpoint} is not an endpoint"
            );
        }
        // And with the demo organisation's own company the same call goes through.
        let own = app.company_id("12345678").await;
        let coach = app.logged_in(COACH).await;
        assert_eq!(
            coach
                .call("get_workspace", &[("id", own.as_str())])
                .await
                .status,
            200
        );
        let mut problems = Vec::new();
        for who in [ENTREPRENEUR, COACH, PM, EXPERT] {
            let client = app.logged_in(who).await;
            for (endpoint, args) in &rows {
                let r = client.call(endpoint, args).await;
                if !matches!(r.status, 403 | 404) {
                    problems.push(format!("{who} {endpoint}: {} {}", r.status, r.body));
                }
            }
            let r = client
                .call_json(
                    "save_review",
                    &serde_json::json!({"scan_id": scan.parse::<i64>().unwrap(), "question": "q1",
                        "coach_answer": null, "note": "", "flagged": false}),
                )
                .await;
            if !matches!(r.status, 403 | 404) {
                problems.push(format!("{who} save_review: {} {}", r.status, r.body));
            }
        }
        assert!(problems.is_empty(), "{}", problems.join("\n"));
    }
);
