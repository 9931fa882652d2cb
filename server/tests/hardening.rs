//! The web surface hardened (issue #11): same-origin requests only, body limits, security
//! headers, throttled guessing, single-use links that do not linger, masked links for admins,
//! safe redirects, capped and escaped searches and checked client numbers.
mod common;
use common::*;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};

async fn raw_post(c: &Client, path: &str, origin: Option<&str>, fetch_site: Option<&str>) -> u16 {
    // A client without the test client's default Origin header.
    let http = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let mut r = http
        .post(format!("{}{path}", c.base))
        .header("accept", "application/json")
        .form(&[("email", COACH), ("password", DEMO_PASSWORD)]);
    if let Some(o) = origin {
        r = r.header("origin", o);
    }
    if let Some(s) = fetch_site {
        r = r.header("sec-fetch-site", s);
    }
    r.send().await.unwrap().status().as_u16()
}

on_both_databases!(
    a_state_changing_request_must_come_from_a_page_of_this_site,
    |app: TestApp| async move {
        let c = app.client();
        let me = c.base.clone();
        assert_eq!(raw_post(&c, "/api/login", Some(&me), None).await, 200);
        // A sandboxed frame sends `Origin: null`; scripts outside a browser send nothing.
        assert_eq!(raw_post(&c, "/api/login", Some("null"), None).await, 403);
        assert_eq!(raw_post(&c, "/api/login", None, None).await, 403);
        assert_eq!(
            raw_post(&c, "/api/login", None, Some("cross-site")).await,
            403
        );
        assert_eq!(
            raw_post(&c, "/api/login", Some("null"), Some("same-origin")).await,
            200
        );
        let other_port = me.replace(&format!(":{}", app.addr.port()), ":1");
        assert_eq!(
            raw_post(&c, "/api/login", Some(&other_port), None).await,
            403
        );
        assert_eq!(
            raw_post(&c, "/api/login", Some("https://evil.example"), None).await,
            403
        );
        // The plain form routes are guarded the same way.
        assert_eq!(
            raw_post(&c, "/scans/1/step/1/save", Some("null"), None).await,
            403
        );
    }
);

on_both_databases!(
    a_body_over_the_limit_is_answered_413_and_never_read,
    |app: TestApp| async move {
        let c = app.logged_in(ENTREPRENEUR).await;
        let big = "x".repeat(300 * 1024);
        let res = c
            .http
            .post(format!("{}/api/login", c.base))
            .header("accept", "application/json")
            .form(&[("email", big.as_str()), ("password", "x")])
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 413);
        assert!(res.text().await.unwrap().contains("te groot"));
        let res = c
            .http
            .post(format!("{}/api/scan_save", c.base))
            .header("accept", "application/json")
            .header("content-type", "application/json")
            .body(format!("{{\"x\":\"{}\"}}", "y".repeat(3 * 1024 * 1024)))
            .send()
            .await;
        // A body of a few MiB is read and dropped, so the client reads the 413.
        assert_eq!(res.unwrap().status(), 413);
        // A far larger one is cut off at once: the client finds the connection closed under it
        // or reads the 413, never anything else.
        let huge = c
            .http
            .post(format!("{}/api/scan_save", c.base))
            .header("content-type", "application/json")
            .body(vec![b'x'; 20 * 1024 * 1024])
            .send()
            .await;
        match huge {
            Ok(res) => assert_eq!(res.status(), 413),
            Err(e) => assert!(e.is_request() || e.is_body(), "{e:?}"),
        }
        // The scan import may be larger than a form, up to its own limit.
        let medium = "z".repeat(1024 * 1024);
        let r = c
            .call(
                "scan_import",
                &[
                    ("company_id", "1"),
                    ("respondent_id", "1"),
                    ("document", medium.as_str()),
                ],
            )
            .await;
        assert_ne!(r.status, 413, "a 1 MiB import is read");
        assert!(r.status < 500, "{}", r.status);
    }
);

on_both_databases!(
    pages_carry_a_nonce_policy_and_other_answers_one_that_runs_nothing,
    |app: TestApp| async move {
        let c = app.client();
        let res = c
            .http
            .get(format!("{}/login", c.base))
            .send()
            .await
            .unwrap();
        let csp = res.headers()["content-security-policy"]
            .to_str()
            .unwrap()
            .to_owned();
        let html = res.text().await.unwrap();
        let nonce = csp
            .split("'nonce-")
            .nth(1)
            .and_then(|r| r.split('\'').next())
            .expect("a nonce in the policy");
        assert!(nonce.len() >= 16, "{nonce}");
        assert!(csp.contains("frame-ancestors 'none'") && csp.contains("object-src 'none'"));
        // Every inline script with content carries this response's nonce (an empty
        // `<script></script>`, which Leptos leaves as a marker, runs nothing).
        let tags: Vec<&str> = html
            .split("<script")
            .skip(1)
            .filter(|t| !t.starts_with("></script>"))
            .filter_map(|t| t.split('>').next())
            .collect();
        let without: Vec<&&str> = tags
            .iter()
            .filter(|t| !t.contains(&format!("nonce=\"{nonce}\"")))
            .collect();
        assert!(
            !tags.is_empty() && without.is_empty(),
            "scripts without the nonce: {without:?}"
        );
        // Another request, another nonce.
        let again = c
            .http
            .get(format!("{}/login", c.base))
            .send()
            .await
            .unwrap();
        assert!(
            !again.headers()["content-security-policy"]
                .to_str()
                .unwrap()
                .contains(nonce)
        );
        let api = c.call("me", &[]).await;
        assert_eq!(
            api.headers["content-security-policy"],
            datacoach_server::headers::NON_PAGE_POLICY
        );
        assert!(
            api.headers.get("strict-transport-security").is_none(),
            "no HSTS over plain http"
        );
        let signed_in = app.logged_in(COACH).await;
        let res = signed_in
            .http
            .get(format!("{}/caseload", c.base))
            .send()
            .await
            .unwrap();
        assert_eq!(res.headers()["cache-control"], "no-store");
    }
);

on_both_databases!(
    wrong_passwords_slow_down_the_account_and_the_address_then_answer_429,
    |app: TestApp| async move {
        let c = app.client();
        for _ in 0..db::throttle::LOGIN_ACCOUNT.free_failures {
            let r = c.login(COACH, "wrong password!!").await;
            assert_eq!(r.status, 422, "{}", r.body);
        }
        // The next attempt, even with the right password, must wait: it is not checked at all.
        let r = c.login(COACH, DEMO_PASSWORD).await;
        assert_eq!(r.status, 429, "{}", r.body);
        let wait: u64 = r.headers["retry-after"].to_str().unwrap().parse().unwrap();
        assert!((1..=60).contains(&wait), "{wait}");
        assert!(r.body["TooManyAttempts"].is_number(), "{}", r.body);
        // Another account from the same address is not slowed by this one's failures yet.
        assert_eq!(c.login(COACH2, DEMO_PASSWORD).await.status, 200);
        // Without JavaScript the same refusal is a page that says how long to wait.
        let res = c
            .http
            .post(format!("{}/api/login", c.base))
            .header("accept", "text/html")
            .header("referer", format!("{}/login", c.base))
            .form(&[("email", COACH), ("password", DEMO_PASSWORD)])
            .send()
            .await
            .unwrap();
        assert!(res.status().is_redirection(), "{}", res.status());
        let location = res.headers()["location"].to_str().unwrap().to_owned();
        let page = c
            .http
            .get(&location)
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(page.contains("Te veel mislukte pogingen"), "{location}");
        // After the wait the owner gets in, and that clears the account's count.
        tokio::time::sleep(std::time::Duration::from_secs(wait + 1)).await;
        assert_eq!(c.login(COACH, DEMO_PASSWORD).await.status, 200);
        assert_eq!(c.login(COACH, "wrong password!!").await.status, 422);
    }
);

on_both_databases!(
    a_password_reset_link_works_once_for_one_hour_and_a_new_one_revokes_the_old,
    |app: TestApp| async move {
        let c = app.client();
        assert_eq!(
            c.call("forgot_password", &[("email", ENTREPRENEUR)])
                .await
                .status,
            200
        );
        let first = link_token(
            &app.last_mail_to(ENTREPRENEUR).await.unwrap().body,
            "/reset-password/",
        );
        assert_eq!(
            c.call("forgot_password", &[("email", ENTREPRENEUR)])
                .await
                .status,
            200
        );
        let second = link_token(
            &app.last_mail_to(ENTREPRENEUR).await.unwrap().body,
            "/reset-password/",
        );
        assert_ne!(first, second);
        let info = |t: String| {
            let c = &c;
            async move {
                c.call("link_info", &[("token", &t), ("purpose", "reset")])
                    .await
            }
        };
        assert_eq!(
            info(first.clone()).await.body["Link"],
            "Expired",
            "the older link is revoked"
        );
        assert_eq!(info(second.clone()).await.status, 200);
        let row = db::entities::user_token::Entity::find()
            .filter(db::entities::user_token::Column::TokenHash.eq(db::tokens::digest(&second)))
            .one(&app.db)
            .await
            .unwrap()
            .unwrap();
        let ttl = row.expires_at - row.created_at;
        assert_eq!(ttl, chrono::Duration::hours(1));
        // Two requests race with the same link: exactly one sets the password.
        let set = |who: &'static str| {
            let (c, t) = (app.client(), second.clone());
            async move {
                c.call(
                    "set_password",
                    &[
                        ("token", t.as_str()),
                        ("purpose", "reset"),
                        ("password", who),
                        ("password_confirm", who),
                    ],
                )
                .await
                .status
            }
        };
        let (a, b) = tokio::join!(
            set("eerste nieuw wachtwoord"),
            set("tweede nieuw wachtwoord")
        );
        let mut statuses = [a, b];
        statuses.sort();
        assert_eq!(
            statuses,
            [200, 422],
            "one wins, the other is told the link is used"
        );
    }
);

on_both_databases!(
    a_third_reset_request_for_one_address_within_the_hour_waits,
    |app: TestApp| async move {
        let c = app.client();
        let before = app.outbox_count().await;
        for _ in 0..db::throttle::RESET_ACCOUNT.free_failures {
            assert_eq!(
                c.call("forgot_password", &[("email", ENTREPRENEUR)])
                    .await
                    .status,
                200
            );
        }
        let r = c.call("forgot_password", &[("email", ENTREPRENEUR)]).await;
        assert_eq!(r.status, 429, "{}", r.body);
        assert_eq!(
            app.outbox_count().await,
            before + db::throttle::RESET_ACCOUNT.free_failures as u64,
            "no mail for the refused request"
        );
    }
);

on_both_databases!(
    guessing_link_secrets_from_one_address_is_throttled,
    |app: TestApp| async move {
        let c = app.client();
        for i in 0..db::throttle::LINK_ADDRESS.free_failures {
            let r = c
                .call(
                    "link_info",
                    &[("token", &format!("{i:064}")), ("purpose", "invite")],
                )
                .await;
            assert_eq!(r.body["Link"], "Unknown", "{}", r.body);
        }
        let r = c
            .call("link_info", &[("token", "0"), ("purpose", "invite")])
            .await;
        assert_eq!(r.status, 429, "{}", r.body);
    }
);

on_both_databases!(
    admins_read_e_mails_with_sign_in_links_masked,
    |app: TestApp| async move {
        let c = app.client();
        c.call("forgot_password", &[("email", COACH2)]).await;
        let mail = app.last_mail_to(COACH2).await.unwrap();
        let token = link_token(&mail.body, "/reset-password/");
        let admin = app.logged_in(ADMIN).await;
        let r = admin
            .call("admin_get_outbox_message", &[("id", &mail.id.to_string())])
            .await;
        assert_eq!(r.status, 200, "{}", r.body);
        let body = r.body["body"].as_str().unwrap();
        assert!(!body.contains(&token), "{body}");
        assert!(
            body.contains(&format!("/reset-password/{}", db::outbox::MASK)),
            "{body}"
        );
        // Once sent, the stored text holds no usable link either.
        db::outbox::mark(&app.db, mail.clone(), Ok(()))
            .await
            .unwrap();
        let stored = db::outbox::find(&app.db, mail.id).await.unwrap().unwrap();
        assert!(!stored.body.contains(&token));
    }
);

on_both_databases!(
    spent_links_old_sent_mail_and_idle_throttle_counters_are_purged,
    |app: TestApp| async move {
        use sea_orm::{ActiveModelTrait, Set};
        let c = app.client();
        c.call("forgot_password", &[("email", COACH2)]).await;
        c.login(COACH, "wrong password!!").await;
        let long_ago = chrono::Utc::now() - chrono::Duration::days(40);
        let token = db::entities::user_token::Entity::find()
            .one(&app.db)
            .await
            .unwrap()
            .unwrap();
        let mut t: db::entities::user_token::ActiveModel = token.into();
        t.expires_at = Set(long_ago);
        t.update(&app.db).await.unwrap();
        let mail = app.last_mail_to(COACH2).await.unwrap();
        let id = mail.id;
        db::outbox::mark(&app.db, mail, Ok(())).await.unwrap();
        let m = db::outbox::find(&app.db, id).await.unwrap().unwrap();
        let mut m: db::entities::outbox_message::ActiveModel = m.into();
        m.sent_at = Set(Some(long_ago));
        m.update(&app.db).await.unwrap();
        let row = db::entities::auth_throttle::Entity::find()
            .one(&app.db)
            .await
            .unwrap()
            .unwrap();
        let mut r: db::entities::auth_throttle::ActiveModel = row.into();
        r.last_failure_at = Set(long_ago);
        r.update(&app.db).await.unwrap();

        datacoach_server::housekeeping::purge_once(
            &app.db,
            datacoach_server::housekeeping::Retention::from_config(
                &datacoach_server::config::Config::default(),
            ),
        )
        .await;
        assert!(db::outbox::find(&app.db, id).await.unwrap().is_none());
        assert_eq!(
            db::entities::auth_throttle::Entity::find()
                .filter(
                    db::entities::auth_throttle::Column::LastFailureAt
                        .lt(chrono::Utc::now() - chrono::Duration::days(1))
                )
                .count(&app.db)
                .await
                .unwrap(),
            0
        );
        assert_eq!(
            db::entities::user_token::Entity::find()
                .filter(
                    db::entities::user_token::Column::ExpiresAt
                        .lt(chrono::Utc::now() - chrono::Duration::days(8))
                )
                .count(&app.db)
                .await
                .unwrap(),
            0
        );
    }
);

on_both_databases!(
    after_a_form_only_paths_of_this_site_are_followed,
    |app: TestApp| async move {
        for evil in [
            "/\t/evil.example",
            "/\\evil.example",
            "//evil.example",
            "https://evil.example",
        ] {
            let c = app.client();
            let (status, location) = c
                .post_form(
                    "/api/login",
                    &[
                        ("email", COACH),
                        ("password", DEMO_PASSWORD),
                        ("next", evil),
                    ],
                )
                .await;
            assert!(status == 302 || status == 303, "{status}");
            assert_eq!(location, "/", "{evil:?}");
        }
        let c = app.client();
        let (_, location) = c
            .post_form(
                "/api/login",
                &[
                    ("email", COACH),
                    ("password", DEMO_PASSWORD),
                    ("next", "/caseload?page=2"),
                ],
            )
            .await;
        assert_eq!(location, "/caseload?page=2");
    }
);

on_both_databases!(
    searches_match_wildcards_literally_and_numbers_from_clients_never_overflow,
    |app: TestApp| async move {
        let c = app.logged_in(ADMIN).await;
        let all = c.call("admin_list_users", &[]).await;
        assert_eq!(all.status, 200, "{}", all.body);
        let percent = c.call("admin_list_users", &[("q", "%")]).await;
        assert_eq!(percent.status, 200, "{}", percent.body);
        assert_eq!(
            percent.body["total"], 0,
            "'%' is a character, not 'everything'"
        );
        let under = c.call("admin_list_users", &[("q", "_")]).await;
        assert_eq!(under.body["total"], 0);
        let long = "a".repeat(300 * 1024);
        let r = c.call("admin_list_users", &[("q", long.as_str())]).await;
        assert_eq!(
            r.status, 413,
            "a search longer than any form is refused before any query"
        );
        let r = c
            .call("admin_list_users", &[("q", &"a".repeat(5_000))])
            .await;
        assert_eq!(r.status, 200);
        // Page numbers past any real page are an empty page, not a database error.
        let r = c
            .call("admin_list_users", &[("page", &u64::MAX.to_string())])
            .await;
        assert_eq!(r.status, 200, "{}", r.body);
        assert_eq!(r.body["items"].as_array().map(Vec::len), Some(0));
        // A scan round far out of range is a field message.
        let coach = app.logged_in(COACH).await;
        let company = app.company_id("12345678").await;
        let r = coach
            .call(
                "scan_import",
                &[
                    ("company_id", company.as_str()),
                    ("respondent_id", "1"),
                    ("round", "T2147483647"),
                    ("document", "{}"),
                ],
            )
            .await;
        assert_eq!(r.status, 422, "{}", r.body);
        assert!(
            r.invalid_fields().iter().any(|(f, _)| f == "round"),
            "{}",
            r.body
        );
        // The next step after the largest step number a URL can hold.
        let entrepreneur = app.logged_in(ENTREPRENEUR).await;
        let (status, _) = entrepreneur
            .post_form(
                &format!("/scans/1/step/{}/save", usize::MAX),
                &[("nav", "next")],
            )
            .await;
        assert!(status < 500, "{status}");
    }
);
