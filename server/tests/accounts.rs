//! Accounts end to end: login and logout, sessions, invitations and password resets.
mod common;
use common::*;

on_both_databases!(
    a_demo_user_logs_in_gets_a_safe_cookie_and_logs_out_on_the_server,
    |app: TestApp| async move {
        let c = app.client();
        assert!(c.me().await.is_null(), "nobody is signed in yet");
        let r = c.login(COACH, DEMO_PASSWORD).await;
        assert_eq!(r.status, 200, "{}", r.body);
        let cookie = r
            .headers
            .get_all("set-cookie")
            .iter()
            .map(|v| v.to_str().unwrap().to_owned())
            .find(|v| v.starts_with("dc_session="))
            .expect("a session cookie");
        assert!(
            cookie.contains("HttpOnly")
                && cookie.contains("SameSite=Lax")
                && cookie.contains("Path=/"),
            "{cookie}"
        );
        assert!(
            !cookie.contains("Secure"),
            "plain http base URL: no Secure flag"
        );
        let me = c.me().await;
        assert_eq!(me["email"], COACH);
        assert_eq!(me["role"], "coach");

        // Copy the cookie into a second client, then log out with the first: the session is gone
        // on the server, not just in the browser.
        let secret = cookie
            .split(';')
            .next()
            .unwrap()
            .trim_start_matches("dc_session=")
            .to_owned();
        let thief = app.client();
        let stolen = thief
            .http
            .post(format!("{}/api/me", thief.base))
            .header("accept", "application/json")
            .header("cookie", format!("dc_session={secret}"))
            .send()
            .await
            .unwrap();
        assert!(stolen.text().await.unwrap().contains(COACH));
        assert_eq!(c.call("logout", &[]).await.status, 200);
        assert!(c.me().await.is_null());
        let after = thief
            .http
            .post(format!("{}/api/me", thief.base))
            .header("accept", "application/json")
            .header("cookie", format!("dc_session={secret}"))
            .send()
            .await
            .unwrap();
        assert_eq!(after.text().await.unwrap(), "null");
    }
);

on_both_databases!(
    an_unknown_email_and_a_wrong_password_get_the_same_answer,
    |app: TestApp| async move {
        let c = app.client();
        let wrong = c.login(COACH, "not the right password").await;
        let unknown = c.login("nobody@example.nl", "not the right password").await;
        assert_eq!(wrong.status, 422);
        assert_eq!(wrong.status, unknown.status);
        assert_eq!(
            wrong.invalid_fields(),
            vec![("email".to_owned(), "bad_credentials".to_owned())]
        );
        assert_eq!(wrong.invalid_fields(), unknown.invalid_fields());
        let empty = c.login("", "").await;
        assert_eq!(empty.status, 422);
        assert_eq!(empty.invalid_fields().len(), 2);
    }
);

on_both_databases!(
    every_login_starts_a_new_session,
    |app: TestApp| async move {
        let c = app.client();
        let first = c.login(ENTREPRENEUR, DEMO_PASSWORD).await;
        let second = c.login(ENTREPRENEUR, DEMO_PASSWORD).await;
        let id = |r: &Reply| {
            r.headers
                .get_all("set-cookie")
                .iter()
                .map(|v| v.to_str().unwrap().to_owned())
                .find(|v| v.starts_with("dc_session="))
                .unwrap()
        };
        assert_ne!(id(&first), id(&second));
        let secret = id(&first)
            .split(';')
            .next()
            .unwrap()
            .trim_start_matches("dc_session=")
            .to_owned();
        assert_eq!(
            db::sessions::resolve(&app.db, &secret).await.unwrap(),
            None,
            "the old session ended at the new login"
        );
    }
);

on_both_databases!(
    staff_sessions_idle_out_after_30_minutes_entrepreneurs_after_2_hours,
    |app: TestApp| async move {
        let coach = db::accounts::find_by_email(&app.db, COACH)
            .await
            .unwrap()
            .unwrap();
        let owner = db::accounts::find_by_email(&app.db, ENTREPRENEUR)
            .await
            .unwrap()
            .unwrap();
        let staff = db::sessions::create(&app.db, coach.id, chrono::Duration::minutes(30))
            .await
            .unwrap();
        let ent = db::sessions::create(&app.db, owner.id, chrono::Duration::minutes(120))
            .await
            .unwrap();
        db::sessions::age_for_tests(&app.db, &staff, chrono::Duration::minutes(31))
            .await
            .unwrap();
        db::sessions::age_for_tests(&app.db, &ent, chrono::Duration::minutes(31))
            .await
            .unwrap();
        assert!(
            db::sessions::resolve(&app.db, &staff)
                .await
                .unwrap()
                .is_none(),
            "a coach idle for 31 minutes is logged out"
        );
        assert!(
            db::sessions::resolve(&app.db, &ent)
                .await
                .unwrap()
                .is_some(),
            "an entrepreneur idle for 31 minutes is not"
        );
        db::sessions::age_for_tests(&app.db, &ent, chrono::Duration::minutes(121))
            .await
            .unwrap();
        assert!(
            db::sessions::resolve(&app.db, &ent)
                .await
                .unwrap()
                .is_none(),
            "after 2 hours idle the entrepreneur is logged out"
        );
    }
);

on_both_databases!(
    every_session_ends_after_8_hours_however_active,
    |app: TestApp| async move {
        let owner = db::accounts::find_by_email(&app.db, ENTREPRENEUR)
            .await
            .unwrap()
            .unwrap();
        let s = db::sessions::create(&app.db, owner.id, chrono::Duration::minutes(120))
            .await
            .unwrap();
        // Active a minute ago, but started 8 hours and a minute ago.
        db::sessions::age_for_tests(&app.db, &s, chrono::Duration::minutes(1))
            .await
            .unwrap();
        assert!(db::sessions::resolve(&app.db, &s).await.unwrap().is_some());
        db::sessions::age_for_tests(&app.db, &s, chrono::Duration::hours(8))
            .await
            .unwrap();
        assert!(db::sessions::resolve(&app.db, &s).await.unwrap().is_none());
    }
);

on_both_databases!(
    a_deactivated_user_loses_access_at_once,
    |app: TestApp| async move {
        let coach2 = app.logged_in(COACH2).await;
        assert_eq!(coach2.me().await["email"], COACH2);
        let admin = app.logged_in(ADMIN).await;
        let id = db::accounts::find_by_email(&app.db, COACH2)
            .await
            .unwrap()
            .unwrap()
            .id
            .to_string();
        let r = admin
            .call(
                "admin_set_user_active",
                &[("user_id", &id), ("active", "false")],
            )
            .await;
        assert_eq!(r.status, 200, "{}", r.body);
        assert!(coach2.me().await.is_null(), "the running session is gone");
        assert_eq!(
            coach2.login(COACH2, DEMO_PASSWORD).await.status,
            422,
            "and logging in again is refused"
        );
    }
);

on_both_databases!(
    an_invited_entrepreneur_sets_a_password_once_through_the_emailed_link,
    |app: TestApp| async move {
        let coach = app.logged_in(COACH).await;
        let company = app.company_id("12345678").await;
        let r = coach
            .call(
                "invite_entrepreneur",
                &[
                    ("company_id", &company),
                    ("invite[email]", "Nieuw@Bakkerij.NL"),
                    ("invite[name]", "Nina Nieuw"),
                    ("invite[language]", "en"),
                ],
            )
            .await;
        assert_eq!(r.status, 200, "{}", r.body);
        let mail = app
            .last_mail_to("nieuw@bakkerij.nl")
            .await
            .expect("an invitation in the outbox");
        assert_eq!(
            mail.status, "stored",
            "no SMTP configured: kept for the admin"
        );
        assert_eq!(mail.language, "en");
        assert_eq!(
            mail.subject, "Invitation to Datacoach",
            "in the recipient's language"
        );
        let token = link_token(&mail.body, "/invitation/");

        let visitor = app.client();
        let info = visitor
            .call("link_info", &[("token", &token), ("purpose", "invite")])
            .await;
        assert_eq!(info.body["email"], "nieuw@bakkerij.nl");
        let short = visitor
            .call(
                "set_password",
                &[
                    ("token", &token),
                    ("purpose", "invite"),
                    ("name", "Nina"),
                    ("password", "short"),
                    ("password_confirm", "short"),
                ],
            )
            .await;
        assert_eq!(
            short.invalid_fields(),
            vec![("password".to_owned(), "password_too_short".to_owned())]
        );
        let ok = visitor
            .call(
                "set_password",
                &[
                    ("token", &token),
                    ("purpose", "invite"),
                    ("name", "Nina Nieuw"),
                    ("password", "een lange zin als wachtwoord"),
                    ("password_confirm", "een lange zin als wachtwoord"),
                ],
            )
            .await;
        assert_eq!(ok.status, 200, "{}", ok.body);
        assert_eq!(
            visitor.me().await["email"],
            "nieuw@bakkerij.nl",
            "signed in right away"
        );
        let list = visitor.call("list_companies", &[]).await;
        assert_eq!(list.body["total"], 1);

        let again = app
            .client()
            .call(
                "set_password",
                &[
                    ("token", &token),
                    ("purpose", "invite"),
                    ("name", "X"),
                    ("password", "another long password"),
                    ("password_confirm", "another long password"),
                ],
            )
            .await;
        assert_eq!(again.status, 422);
        assert_eq!(again.body["Link"], "Used", "a link works once");
    }
);

on_both_databases!(
    an_expired_invitation_is_refused_with_its_reason,
    |app: TestApp| async move {
        use sea_orm::{ActiveModelTrait, EntityTrait, Set};
        let admin = app.logged_in(ADMIN).await;
        let org = db::companies::organisation_names(&app.db)
            .await
            .unwrap()
            .into_keys()
            .next()
            .unwrap()
            .to_string();
        let r = admin
            .call(
                "admin_invite_staff",
                &[
                    ("form[email]", "laat@coach.nl"),
                    ("form[name]", "Laat"),
                    ("form[language]", "nl"),
                    ("form[role]", "coach"),
                    ("form[organisation_id]", &org),
                ],
            )
            .await;
        assert_eq!(r.status, 200, "{}", r.body);
        let token = link_token(
            &app.last_mail_to("laat@coach.nl").await.unwrap().body,
            "/invitation/",
        );
        for t in db::entities::user_token::Entity::find()
            .all(&app.db)
            .await
            .unwrap()
        {
            let mut am: db::entities::user_token::ActiveModel = t.into();
            am.expires_at = Set(chrono::Utc::now() - chrono::Duration::days(1));
            am.update(&app.db).await.unwrap();
        }
        let r = app
            .client()
            .call("link_info", &[("token", &token), ("purpose", "invite")])
            .await;
        assert_eq!(r.status, 422);
        assert_eq!(r.body["Link"], "Expired");
        let r = app
            .client()
            .call(
                "link_info",
                &[("token", "not-a-token"), ("purpose", "invite")],
            )
            .await;
        assert_eq!(r.body["Link"], "Unknown");
    }
);

on_both_databases!(
    a_forgotten_password_is_reset_by_email_link,
    |app: TestApp| async move {
        let c = app.client();
        let unknown = c
            .call("forgot_password", &[("email", "nobody@example.nl")])
            .await;
        let known = c.call("forgot_password", &[("email", ENTREPRENEUR)]).await;
        assert_eq!(
            unknown.status, known.status,
            "the answer does not tell who has an account"
        );
        assert!(app.last_mail_to("nobody@example.nl").await.is_none());
        let mail = app.last_mail_to(ENTREPRENEUR).await.expect("a reset mail");
        assert_eq!(mail.subject, "Nieuw wachtwoord voor Datacoach");
        let token = link_token(&mail.body, "/reset-password/");
        let mismatch = c
            .call(
                "set_password",
                &[
                    ("token", &token),
                    ("purpose", "reset"),
                    ("password", "nieuw wachtwoord 2026"),
                    ("password_confirm", "iets anders dan dat"),
                ],
            )
            .await;
        assert_eq!(
            mismatch.invalid_fields(),
            vec![(
                "password_confirm".to_owned(),
                "password_mismatch".to_owned()
            )]
        );
        let ok = c
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
        assert_eq!(ok.status, 200, "{}", ok.body);
        assert_eq!(
            app.client().login(ENTREPRENEUR, DEMO_PASSWORD).await.status,
            422,
            "the old password no longer works"
        );
        assert_eq!(
            app.client()
                .login(ENTREPRENEUR, "nieuw wachtwoord 2026")
                .await
                .status,
            200
        );
    }
);

on_both_databases!(
    the_language_choice_is_remembered_for_the_account,
    |app: TestApp| async move {
        let c = app.logged_in(ENTREPRENEUR).await;
        let r = c.call("set_language", &[("lang", "en")]).await;
        assert_eq!(r.status, 200);
        assert!(
            r.headers
                .get_all("set-cookie")
                .iter()
                .any(|v| v.to_str().unwrap().starts_with("dc_lang=en"))
        );
        assert_eq!(
            db::accounts::find_by_email(&app.db, ENTREPRENEUR)
                .await
                .unwrap()
                .unwrap()
                .language,
            "en"
        );
        assert_eq!(c.call("set_language", &[("lang", "fr")]).await.status, 422);
    }
);
