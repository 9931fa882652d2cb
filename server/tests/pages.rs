//! Server-rendered pages: Dutch by default whatever the browser asks, translated error pages
//! with the right status, and forms that work without JavaScript.
mod common;
use common::*;

on_both_databases!(
    the_login_page_is_dutch_whatever_the_browser_prefers,
    |app: TestApp| async move {
        let c = app.client();
        let res = c
            .http
            .get(format!("{}/login", c.base))
            .header("accept-language", "en-GB,en;q=0.9")
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 200);
        let html = res.text().await.unwrap();
        assert!(html.contains("lang=\"nl\""), "html lang is nl");
        assert!(html.contains("Inloggen"));
        let label = html
            .split("<label for=\"email\">")
            .nth(1)
            .expect("a label for the e-mail field");
        assert!(label.starts_with("E-mailadres"), "{label}");
        // With the language cookie the same page is English.
        let res = c
            .http
            .get(format!("{}/login", c.base))
            .header("cookie", "dc_lang=en")
            .send()
            .await
            .unwrap();
        let html = res.text().await.unwrap();
        assert!(html.contains("lang=\"en\"") && html.contains("Log in"));
    }
);

on_both_databases!(
    unknown_pages_get_a_translated_404_and_protected_pages_send_to_login,
    |app: TestApp| async move {
        let c = app.client();
        let (status, html) = c.get("/bestaat-niet").await;
        assert_eq!(status, 404);
        assert!(html.contains("Pagina niet gevonden"));
        let res = c
            .http
            .get(format!("{}/companies", c.base))
            .header("accept", "text/html")
            .send()
            .await
            .unwrap();
        assert!(
            res.status().is_redirection(),
            "anonymous visitors are sent to the login page: {}",
            res.status()
        );
        assert_eq!(res.headers()["location"], "/login?next=/companies");
        let e = app.logged_in(ENTREPRENEUR).await;
        let (status, html) = e.get("/admin/users").await;
        assert_eq!(status, 403);
        assert!(html.contains("Geen toegang"));
    }
);

on_both_databases!(
    login_and_logout_work_as_plain_html_forms,
    |app: TestApp| async move {
        let c = app.client();
        let post = |path: &'static str, form: Vec<(&'static str, String)>| {
            let http = c.http.clone();
            let url = format!("{}{}", c.base, path);
            let referer = format!("{}/login", c.base);
            async move {
                http.post(url)
                    .header("accept", "text/html")
                    .header("referer", referer)
                    .form(&form)
                    .send()
                    .await
                    .unwrap()
            }
        };
        let bad = post(
            "/api/login",
            vec![
                ("email", COACH.into()),
                ("password", "wrong password!".into()),
            ],
        )
        .await;
        assert!(bad.status().is_redirection());
        let to = bad.headers()["location"].to_str().unwrap().to_owned();
        assert!(
            to.contains("/login?") && to.contains("__err="),
            "the error travels back in the URL: {to}"
        );
        let page = c.http.get(&to).send().await.unwrap().text().await.unwrap();
        assert!(
            page.contains("Er is een probleem")
                && page.contains("Het e-mailadres of het wachtwoord klopt niet."),
            "error summary rendered on the server"
        );
        assert!(
            page.contains(&format!("value=\"{COACH}\"")),
            "the typed e-mail address is kept"
        );

        let good = post(
            "/api/login",
            vec![("email", COACH.into()), ("password", DEMO_PASSWORD.into())],
        )
        .await;
        assert!(good.status().is_redirection());
        assert_eq!(good.headers()["location"], "/");
        let home = c
            .http
            .get(format!("{}/", c.base))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(home.contains("Welkom, Sanne de Vries (demo)"));
        let out = post("/api/logout", vec![]).await;
        assert!(out.status().is_redirection());
        assert_eq!(out.headers()["location"], "/login?logged_out=1");
        assert!(c.me().await.is_null());
    }
);

on_both_databases!(
    responses_carry_security_headers,
    |app: TestApp| async move {
        let c = app.client();
        let res = c
            .http
            .get(format!("{}/login", c.base))
            .send()
            .await
            .unwrap();
        assert_eq!(res.headers()["x-content-type-options"], "nosniff");
        assert_eq!(res.headers()["x-frame-options"], "DENY");
        assert_eq!(res.headers()["referrer-policy"], "same-origin");
    }
);

on_both_databases!(
    a_form_posted_from_another_site_is_refused,
    |app: TestApp| async move {
        let c = app.client();
        let res = c
            .http
            .post(format!("{}/api/login", c.base))
            .header("origin", "https://evil.example")
            .header("accept", "text/html")
            .form(&[("email", COACH), ("password", DEMO_PASSWORD)])
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 403);
        assert!(
            res.headers().get("set-cookie").is_none(),
            "no session was started"
        );
        let same = c
            .http
            .post(format!("{}/api/login", c.base))
            .header("origin", c.base.clone())
            .header("accept", "application/json")
            .form(&[("email", COACH), ("password", DEMO_PASSWORD)])
            .send()
            .await
            .unwrap();
        assert_eq!(same.status(), 200);
    }
);
