//! The second factor end to end: admins and programme managers must set it up before anything
//! else, the login asks for the code, a code works once, recovery codes work once, and an
//! admin resets a lost factor of someone else (never their own).
mod common;
use common::*;

/// Sets up the second factor of the signed-in client `c` (user `email`) and returns the
/// recovery codes.
async fn enrol(app: &TestApp, c: &Client, email: &str) -> Vec<String> {
    let o = c.call("two_factor_overview", &[]).await;
    assert_eq!(o.status, 200, "{}", o.body);
    assert!(
        o.body["state"]["Setup"]["qr_svg"]
            .as_str()
            .unwrap()
            .contains("<svg")
    );
    let code = app.fresh_code(email).await;
    let r = c.call("two_factor_confirm", &[("code", &code)]).await;
    assert_eq!(r.status, 200, "{}", r.body);
    serde_json::from_value(r.body).expect("the recovery codes")
}

/// Logs out and in again with the password; the answer asks for the code.
async fn password_step(c: &Client, email: &str) {
    c.call("logout", &[]).await;
    let r = c.login(email, DEMO_PASSWORD).await;
    assert_eq!(r.status, 200, "{}", r.body);
    assert!(
        r.asks_for_code(),
        "the login asks for the code: {:?}",
        r.headers
    );
    assert!(c.me().await.is_null(), "the password alone signs nobody in");
}

on_both_databases!(
    an_admin_without_a_factor_must_set_one_up_before_anything_else,
    |app: TestApp| async move {
        app.add_user("nieuw@example.nl", "Nieuwe Admin", db::roles::ADMIN, None)
            .await;
        let c = app.client();
        let r = c.login("nieuw@example.nl", DEMO_PASSWORD).await;
        assert_eq!(r.status, 200, "{}", r.body);
        assert!(!r.asks_for_code(), "no factor yet: nothing to ask");
        assert_eq!(c.me().await["must_enrol"], true);

        // Every other server function and page is closed, in one place on the server.
        let users = c.call("admin_list_users", &[]).await;
        assert_eq!(users.status, 403, "{}", users.body);
        assert_eq!(c.call("get_caseload", &[]).await.status, 403);
        let (status, location) = c.post_form("/api/admin_list_users", &[]).await;
        assert_eq!((status, location.as_str()), (303, "/account/two-factor"));
        let page = c
            .http
            .get(format!("{}/admin/users", c.base))
            .header("accept", "text/html")
            .send()
            .await
            .unwrap();
        assert_eq!(page.status().as_u16(), 303);
        assert_eq!(page.headers()["location"], "/account/two-factor");

        // The enrolment page: the QR code inline with its name, the key in groups of four.
        let (status, html) = c.get("/account/two-factor").await;
        assert_eq!(status, 200);
        assert!(html.contains(r#"role="img""#) && html.contains("<svg aria-hidden"));
        assert!(html.contains("QR-code om te scannen"));
        assert!(html.contains("otpauth://totp/Datacoach:nieuw%40example.nl?secret="));
        assert!(html.contains(r#"autocomplete="one-time-code""#));
        assert!(html.contains(r#"inputmode="numeric""#));

        // A wrong first code is a field message, not an error page.
        let wrong = c.call("two_factor_confirm", &[("code", "000000")]).await;
        assert_eq!(wrong.status, 422, "{}", wrong.body);
        assert_eq!(
            wrong.invalid_fields(),
            vec![("code".to_owned(), "code_invalid".to_owned())]
        );
        let empty = c.call("two_factor_confirm", &[("code", " ")]).await;
        assert_eq!(
            empty.invalid_fields(),
            vec![("code".to_owned(), "required".to_owned())]
        );

        let codes = enrol_confirm(&app, &c, "nieuw@example.nl").await;
        assert_eq!(codes.len(), 10);
        assert!(
            codes
                .iter()
                .all(|c| c.len() == 14 && c.matches('-').count() == 2)
        );
        assert_eq!(c.me().await["must_enrol"], false);
        assert_eq!(c.call("admin_list_users", &[]).await.status, 200);

        // The codes are shown once on the page (carried there by a cookie), then never again.
        let (_, html) = c.get("/account/two-factor").await;
        assert!(
            html.contains(&codes[0]),
            "the page shows the new codes once"
        );
        let (_, html) = c.get("/account/two-factor").await;
        assert!(!html.contains(&codes[0]), "and only once");
        assert!(
            !html.contains("otpauth://"),
            "the secret is never shown again"
        );
    }
);

/// Confirms with the current code (the overview has started the setup).
async fn enrol_confirm(app: &TestApp, c: &Client, email: &str) -> Vec<String> {
    let code = app.fresh_code(email).await;
    let r = c.call("two_factor_confirm", &[("code", &code)]).await;
    assert_eq!(r.status, 200, "{}", r.body);
    serde_json::from_value(r.body).expect("the recovery codes")
}

on_both_databases!(
    the_login_needs_the_code_and_a_code_works_once,
    |app: TestApp| async move {
        let c = app.logged_in(COACH).await;
        enrol(&app, &c, COACH).await;
        password_step(&c, COACH).await;
        let caseload = c
            .call_struct("get_caseload", "params", &CASELOAD, &[])
            .await;
        assert_eq!(caseload.status, 401, "{}", caseload.body);

        let wrong = c.call("login_code", &[("code", "123456")]).await;
        assert_eq!(wrong.status, 422, "{}", wrong.body);
        assert_eq!(
            wrong.invalid_fields(),
            vec![("code".to_owned(), "code_invalid".to_owned())]
        );
        let code = app.fresh_code(COACH).await;
        let ok = c.call("login_code", &[("code", &code)]).await;
        assert_eq!(ok.status, 200, "{}", ok.body);
        assert_eq!(c.me().await["email"], COACH);

        // The same code again, on a new login: refused, with its own message.
        password_step(&c, COACH).await;
        let replay = c.call("login_code", &[("code", &code)]).await;
        assert_eq!(replay.status, 422, "{}", replay.body);
        assert_eq!(
            replay.invalid_fields(),
            vec![("code".to_owned(), "code_used".to_owned())]
        );
        assert!(c.me().await.is_null());
    }
);

on_both_databases!(
    a_recovery_code_works_once_however_it_is_typed,
    |app: TestApp| async move {
        let c = app.logged_in(COACH).await;
        let codes = enrol(&app, &c, COACH).await;
        password_step(&c, COACH).await;
        let first = c.call("login_code", &[("code", &codes[0])]).await;
        assert_eq!(first.status, 200, "{}", first.body);
        assert_eq!(c.me().await["email"], COACH);

        password_step(&c, COACH).await;
        let again = c.call("login_code", &[("code", &codes[0])]).await;
        assert_eq!(
            again.invalid_fields(),
            vec![("code".to_owned(), "code_invalid".to_owned())]
        );
        let typed = codes[1].replace('-', " ").to_uppercase();
        let second = c.call("login_code", &[("code", &typed)]).await;
        assert_eq!(second.status, 200, "{}", second.body);
        let o = c.call("two_factor_overview", &[]).await;
        assert_eq!(o.body["state"]["On"]["recovery_codes_left"], 8);

        // New codes after a current code: the old ones stop working.
        let code = app.fresh_code(COACH).await;
        let renewed = c.call("two_factor_new_codes", &[("code", &code)]).await;
        assert_eq!(renewed.status, 200, "{}", renewed.body);
        password_step(&c, COACH).await;
        let old = c.call("login_code", &[("code", &codes[2])]).await;
        assert_eq!(old.status, 422);
    }
);

on_both_databases!(
    five_wrong_codes_end_the_login_step,
    |app: TestApp| async move {
        let c = app.client();
        let r = c.login(ADMIN, DEMO_PASSWORD).await;
        assert!(r.asks_for_code(), "the demo admin has a factor");
        for _ in 0..4 {
            let r = c.call("login_code", &[("code", "000000")]).await;
            assert_eq!(r.invalid_fields()[0].1, "code_invalid");
        }
        let fifth = c.call("login_code", &[("code", "000000")]).await;
        assert_eq!(fifth.invalid_fields()[0].1, "login_expired");
        let right = app.fresh_code(ADMIN).await;
        let late = c.call("login_code", &[("code", &right)]).await;
        assert_eq!(late.status, 422);
        assert_eq!(late.invalid_fields()[0].1, "login_expired");
        assert!(c.me().await.is_null());
        // Without the password step there is nothing to answer.
        let fresh = app.client();
        let r = fresh.call("login_code", &[("code", &right)]).await;
        assert_eq!(r.invalid_fields()[0].1, "login_expired");
    }
);

on_both_databases!(
    the_second_step_works_without_javascript,
    |app: TestApp| async move {
        let c = app.client();
        let (status, location) = c
            .post_form(
                "/api/login",
                &[
                    ("email", ADMIN),
                    ("password", DEMO_PASSWORD),
                    ("next", "/admin/users"),
                ],
            )
            .await;
        assert_eq!(status, 302, "{location}");
        assert_eq!(location, "/login/code?next=/admin/users");
        let (status, html) = c.get(&location).await;
        assert_eq!(status, 200);
        assert!(html.contains(r#"autocomplete="one-time-code""#));
        assert!(html.contains(r#"inputmode="numeric""#));
        assert!(html.contains(r#"for="code""#), "the field has a label");
        let code = app.fresh_code(ADMIN).await;
        let (status, location) = c
            .post_form(
                "/api/login_code",
                &[("code", &code), ("next", "/admin/users")],
            )
            .await;
        assert_eq!((status, location.as_str()), (302, "/admin/users"));
        assert_eq!(c.me().await["email"], ADMIN);
    }
);

on_both_databases!(
    an_admin_resets_a_lost_factor_and_nobody_else_can,
    |app: TestApp| async move {
        let coach = app.logged_in(COACH).await;
        enrol(&app, &coach, COACH).await;
        let coach_id = app.user_id(COACH).await.to_string();

        // Not a programme manager, not the coach, and not an admin for themselves.
        let pm = app.logged_in(PM).await;
        let r = pm
            .call("admin_reset_two_factor", &[("user_id", &coach_id)])
            .await;
        assert_eq!(r.status, 403);
        let r = coach
            .call("admin_reset_two_factor", &[("user_id", &coach_id)])
            .await;
        assert_eq!(r.status, 403);
        let admin = app.logged_in(ADMIN).await;
        let admin_id = app.user_id(ADMIN).await.to_string();
        let r = admin
            .call("admin_reset_two_factor", &[("user_id", &admin_id)])
            .await;
        assert_eq!(r.status, 403);
        assert!(
            db::two_factor::is_enrolled(&app.db, app.user_id(ADMIN).await)
                .await
                .unwrap()
        );

        // The admin's list shows who has a factor, and the reset for the others.
        let (_, html) = admin.get("/admin/users?q=coach%40demo").await;
        assert!(html.contains("Tweede factor resetten"), "{html}");

        let r = admin
            .call("admin_reset_two_factor", &[("user_id", &coach_id)])
            .await;
        assert_eq!(r.status, 200, "{}", r.body);
        assert!(coach.me().await.is_null(), "the coach's sessions ended");
        let id = app.user_id(COACH).await;
        assert!(db::two_factor::find(&app.db, id).await.unwrap().is_none());
        // The password alone signs the coach in again (the factor is optional for coaches).
        let r = coach.login(COACH, DEMO_PASSWORD).await;
        assert!(!r.asks_for_code());
        assert_eq!(coach.me().await["email"], COACH);
    }
);

on_both_databases!(
    a_coach_turns_the_factor_off_with_a_code_but_a_programme_manager_cannot,
    |app: TestApp| async move {
        let coach = app.logged_in(COACH).await;
        enrol(&app, &coach, COACH).await;
        let wrong = coach
            .call("two_factor_disable", &[("code", "000000")])
            .await;
        assert_eq!(wrong.invalid_fields()[0].1, "code_invalid");
        let code = app.fresh_code(COACH).await;
        let off = coach.call("two_factor_disable", &[("code", &code)]).await;
        assert_eq!(off.status, 200, "{}", off.body);
        password_step_without_code(&coach, COACH).await;

        let pm = app.logged_in(PM).await;
        let code = app.fresh_code(PM).await;
        let r = pm.call("two_factor_disable", &[("code", &code)]).await;
        assert_eq!(r.invalid_fields()[0].1, "factor_required");
        assert!(
            db::two_factor::is_enrolled(&app.db, app.user_id(PM).await)
                .await
                .unwrap()
        );
    }
);

async fn password_step_without_code(c: &Client, email: &str) {
    c.call("logout", &[]).await;
    let r = c.login(email, DEMO_PASSWORD).await;
    assert!(!r.asks_for_code());
    assert_eq!(c.me().await["email"], email);
}

on_both_databases!(
    a_password_reset_link_does_not_skip_the_second_factor,
    |app: TestApp| async move {
        let c = app.client();
        c.call("forgot_password", &[("email", PM)]).await;
        let mail = app.last_mail_to(PM).await.expect("a reset mail");
        let token = link_token(&mail.body, "/reset-password/");
        let r = c
            .call(
                "set_password",
                &[
                    ("token", &token),
                    ("purpose", "reset"),
                    ("password", "nieuw wachtwoord 2026"),
                    ("password_confirm", "nieuw wachtwoord 2026"),
                ],
            )
            .await;
        assert_eq!(r.status, 200, "{}", r.body);
        assert!(
            r.asks_for_code(),
            "the link proves the e-mail, not the factor"
        );
        assert!(c.me().await.is_null());
        let r = app.second_step(&c, PM).await;
        assert_eq!(r.status, 200, "{}", r.body);
        assert_eq!(c.me().await["email"], PM);
    }
);
