//! Test harness: a fresh database (SQLite file or PostgreSQL database) and the real app served
//! on port 0, driven over HTTP like a browser would.
#![allow(dead_code)]
use datacoach_server::{Config, build_app, startup};
use db::testing::Backend;
use reqwest::header::ACCEPT;
use serde_json::Value;
use std::future::Future;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use tokio::io::{AsyncBufReadExt, AsyncWriteExt};

pub use db::seed::DEMO_PASSWORD;
pub const ADMIN: &str = "admin@demo.datacoach.nl";
pub const COACH: &str = "coach@demo.datacoach.nl";
pub const COACH2: &str = "coach2@demo.datacoach.nl";
pub const ENTREPRENEUR: &str = "ondernemer@demo.datacoach.nl";
pub const ENTREPRENEUR2: &str = "metaal@demo.datacoach.nl";
pub const EXPERT: &str = "expert@demo.datacoach.nl";
pub const PM: &str = "programma@demo.datacoach.nl";
/// The demo organisation's companies: the three of the first demo plus the workspace demo's.
pub const DEMO_COMPANIES: u64 = 3 + datacoach_server::demo::workspace::COMPANIES as u64;
/// The demo accounts, one entrepreneur per workspace demo company and the demo experts.
pub fn demo_users() -> u64 {
    (db::seed::DEMO_LOGINS.len()
        + datacoach_server::demo::workspace::COMPANIES
        + datacoach_server::demo::experts::new_accounts()) as u64
}

pub struct TestApp {
    pub addr: SocketAddr,
    pub db: db::DatabaseConnection,
    pub backend: Backend,
    /// Every SQL statement the app's connection ran (see `TestApp::queries_of`).
    pub statements: Arc<Mutex<Vec<String>>>,
}

/// Runs `body` against a fresh app on `backend`. PostgreSQL tests are skipped only when
/// `DATACOACH_SKIP_POSTGRES=1` (set by `make test` with a visible warning, never under CI).
pub async fn run<F, Fut>(backend: Backend, body: F)
where
    F: FnOnce(TestApp) -> Fut,
    Fut: Future<Output = ()>,
{
    let Some(url) = db::testing::fresh_database_url(backend)
        .await
        .expect("a fresh test database")
    else {
        eprintln!("SKIPPED (PostgreSQL not available): this test ran on SQLite only");
        return;
    };
    // Bound first, so the base URL (links in e-mails, the same-origin check) is the real one.
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind port 0");
    let addr = listener.local_addr().expect("local addr");
    let config = Config {
        database_url: url,
        seed_demo: true,
        db_max_connections: 4,
        base_url: format!("http://{addr}"),
        ..Config::default()
    };
    let (mut conn, seeded) = datacoach_server::prepare_database(&config)
        .await
        .expect("database prepared");
    assert!(seeded, "a fresh database gets the demo data");
    let statements = Arc::new(Mutex::new(Vec::new()));
    let log = statements.clone();
    conn.set_metric_callback(move |info| {
        if let Ok(mut l) = log.lock() {
            l.push(info.statement.sql.clone());
        }
    });
    let state = startup::app_state(
        &config,
        conn.clone(),
        leptos::config::LeptosOptions::builder()
            .output_name("datacoach")
            .build(),
    );
    let app = build_app(state);
    tokio::spawn(async move {
        datacoach_server::startup::serve(listener, app, std::future::pending())
            .await
            .expect("serve")
    });
    // A stuck request fails the test with a message instead of stalling the whole run.
    let app = TestApp {
        addr,
        db: conn,
        backend,
        statements,
    };
    tokio::time::timeout(std::time::Duration::from_secs(180), body(app))
        .await
        .expect("the test finished within 3 minutes");
}

/// Declares one test per database backend.
#[macro_export]
macro_rules! on_both_databases {
    ($name:ident, $body:expr) => {
        mod $name {
            use super::*;
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() {
                common::run(db::testing::Backend::Sqlite, $body).await
            }
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn postgres() {
                common::run(db::testing::Backend::Postgres, $body).await
            }
        }
    };
}

/// The caseload's filter fields and their defaults.
pub const CASELOAD: [(&str, &str); 7] = [
    ("q", ""),
    ("sector", ""),
    ("band", ""),
    ("municipality", ""),
    ("overdue", "false"),
    ("sort", ""),
    ("page", "1"),
];

/// A browser-like client with its own cookie jar.
pub struct Client {
    pub http: reqwest::Client,
    pub base: String,
}

pub struct Reply {
    pub status: u16,
    pub body: Value,
    pub headers: reqwest::header::HeaderMap,
}

impl Reply {
    /// Status, headers and the body as JSON (or as a JSON string when it is not JSON).
    async fn read(res: reqwest::Response) -> Reply {
        let status = res.status().as_u16();
        let headers = res.headers().clone();
        let text = res.text().await.unwrap_or_default();
        let body = serde_json::from_str(&text).unwrap_or(Value::String(text));
        Reply {
            status,
            body,
            headers,
        }
    }

    /// Whether a login answer sends on to the second factor's code.
    pub fn asks_for_code(&self) -> bool {
        self.headers
            .get(reqwest::header::LOCATION)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|l| l.starts_with("/login/code"))
    }

    /// The field codes of an `Invalid` error.
    pub fn invalid_fields(&self) -> Vec<(String, String)> {
        self.body["Invalid"]["errors"]
            .as_array()
            .map(|a| {
                a.iter()
                    .map(|e| {
                        (
                            e["field"].as_str().unwrap_or_default().to_owned(),
                            e["msg"].to_string().trim_matches('"').to_owned(),
                        )
                    })
                    .collect()
            })
            .unwrap_or_default()
    }
}

/// A second organisation with its own coach and company: what nobody of the demo
/// organisation may reach.
pub struct OtherOrganisation {
    pub coach_email: &'static str,
    pub coach_id: i64,
    pub company_id: i64,
}

impl TestApp {
    pub async fn other_organisation(&self) -> OtherOrganisation {
        let org = db::companies::create_organisation(&self.db, "Andere Organisatie")
            .await
            .unwrap();
        let coach_email = "coach@andere.nl";
        let coach_id = self
            .add_user(coach_email, "Andere Coach", db::roles::COACH, Some(org.id))
            .await;
        let company = db::companies::create(
            &self.db,
            db::companies::NewCompany {
                name: "Elders BV".into(),
                kvk_number: "99999999".into(),
                website: None,
                founding_year: None,
                address: None,
                municipality: "Breda".into(),
                size_band: "micro".into(),
                primary_sector: "J".into(),
                secondary_sector: None,
                organisation_id: org.id,
                primary_coach_id: None,
            },
        )
        .await
        .unwrap();
        OtherOrganisation {
            coach_email,
            coach_id,
            company_id: company.id,
        }
    }
}

impl TestApp {
    pub fn client(&self) -> Client {
        Client {
            http: reqwest::Client::builder()
                .cookie_store(true)
                .redirect(reqwest::redirect::Policy::none())
                // As a browser does on every POST from a page of the site.
                .default_headers(reqwest::header::HeaderMap::from_iter([(
                    reqwest::header::ORIGIN,
                    format!("http://{}", self.addr)
                        .parse()
                        .expect("origin header"),
                )]))
                .build()
                .expect("client"),
            base: format!("http://{}", self.addr),
        }
    }

    /// A client signed in as `email`, with the second factor's code when the account has one
    /// (the demo admin and programme manager do).
    pub async fn logged_in(&self, email: &str) -> Client {
        let c = self.client();
        let r = c.login(email, DEMO_PASSWORD).await;
        assert!(
            r.status < 400,
            "login of {email} failed: {} {}",
            r.status,
            r.body
        );
        if r.asks_for_code() {
            let r = self.second_step(&c, email).await;
            assert_eq!(r.status, 200, "code step of {email} failed: {}", r.body);
        }
        c
    }

    /// The login's second step with a code the server accepts now.
    pub async fn second_step(&self, c: &Client, email: &str) -> Reply {
        let code = self.fresh_code(email).await;
        c.call("login_code", &[("code", &code)]).await
    }

    /// The user id of an account, for setting up a situation.
    pub async fn user_id(&self, email: &str) -> i64 {
        db::accounts::find_by_email(&self.db, email)
            .await
            .unwrap()
            .expect("an account with this e-mail")
            .id
    }

    /// A code of `email`'s second factor (set up or being set up) that the server accepts
    /// now: the earliest step within the allowed skew (one step either way) that was not
    /// used yet. When all three were used, it waits for the next step, as a person would.
    pub async fn fresh_code(&self, email: &str) -> String {
        let user_id = self.user_id(email).await;
        loop {
            let f = db::two_factor::find(&self.db, user_id)
                .await
                .unwrap()
                .expect("a second factor");
            let now = unix_now();
            let step = (now / 30) as i64;
            let earliest = f.last_used_step.map_or(step - 1, |l| (l + 1).max(step - 1));
            if earliest <= step + 1 {
                return totp_code(&f.secret, earliest as u64 * 30);
            }
            let wait = (earliest as u64 - 1) * 30 - now + 1;
            tokio::time::sleep(std::time::Duration::from_secs(wait)).await;
        }
    }

    /// The SQL statements the server ran while `request` was answered (nothing else may run
    /// meanwhile: the test drives one request at a time).
    pub async fn queries_of<F, Fut, T>(&self, request: F) -> (T, Vec<String>)
    where
        F: FnOnce() -> Fut,
        Fut: Future<Output = T>,
    {
        self.statements.lock().unwrap().clear();
        let out = request().await;
        let statements = std::mem::take(&mut *self.statements.lock().unwrap());
        (out, statements)
    }

    /// Latest outbox message to `email`, if any.
    pub async fn last_mail_to(&self, email: &str) -> Option<db::entities::outbox_message::Model> {
        let page = db::outbox::list(&self.db, 0, 500).await.expect("outbox");
        page.items.into_iter().find(|m| m.to_email == email)
    }

    /// The id of the company with this KvK number, as a form value.
    pub async fn company_id(&self, kvk: &str) -> String {
        db::companies::find_by_kvk(&self.db, kvk)
            .await
            .unwrap()
            .expect("a company with this KvK number")
            .id
            .to_string()
    }

    /// An active account with the demo password, for setting up a situation.
    pub async fn add_user(
        &self,
        email: &str,
        name: &str,
        role: &'static str,
        organisation_id: Option<i64>,
    ) -> i64 {
        let hash = db::password::hash_password(DEMO_PASSWORD).unwrap();
        db::accounts::create_user(
            &self.db,
            db::accounts::NewUser {
                email: email.into(),
                name: name.into(),
                language: "nl".into(),
                role,
                organisation_id,
                expert_firm_id: None,
                password_hash: Some(hash),
            },
        )
        .await
        .unwrap()
        .id
    }

    /// The expert profile id of the expert with this e-mail address, as a form value.
    pub async fn expert_profile_id(&self, email: &str) -> String {
        let u = db::accounts::find_by_email(&self.db, email)
            .await
            .unwrap()
            .unwrap();
        db::experts::profile_of(&self.db, u.id)
            .await
            .unwrap()
            .unwrap()
            .id
            .to_string()
    }

    /// A signed-in coach of another coaching organisation, who must see nothing of the demo's.
    pub async fn stranger_coach(&self) -> Client {
        let org = db::companies::create_organisation(&self.db, "Andere coaches")
            .await
            .unwrap();
        self.add_user(
            "vreemd@example.nl",
            "Vreemde Coach",
            db::roles::COACH,
            Some(org.id),
        )
        .await;
        self.logged_in("vreemd@example.nl").await
    }

    pub async fn outbox_count(&self) -> u64 {
        db::outbox::list(&self.db, 0, 1)
            .await
            .expect("outbox")
            .total
    }
}

pub fn unix_now() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs()
}

/// The RFC 6238 code of a base32 secret at `unix_time` (six digits, 30 s, SHA-1), computed
/// with totp-rs apart from the app's own code.
pub fn totp_code(secret: &str, unix_time: u64) -> String {
    totp_rs::Builder::new()
        .with_secret(totp_rs::Secret::try_from_base32(secret).expect("a base32 secret"))
        .build()
        .expect("a valid TOTP")
        .generate(unix_time)
        .to_string()
}

/// The token at the end of the first link in a mail body that starts with `prefix`.
pub fn link_token(body: &str, prefix: &str) -> String {
    let start = body
        .find(prefix)
        .unwrap_or_else(|| panic!("no {prefix} link in: {body}"))
        + prefix.len();
    body[start..]
        .split_whitespace()
        .next()
        .unwrap_or_default()
        .to_owned()
}

impl Client {
    /// Calls a server function the way the hydrated app does (JSON answer).
    pub async fn call(&self, endpoint: &str, form: &[(&str, &str)]) -> Reply {
        let res = self
            .http
            .post(format!("{}/api/{endpoint}", self.base))
            .header(ACCEPT, "application/json")
            .form(form)
            .send()
            .await
            .expect("request");
        Reply::read(res).await
    }

    /// Calls a server function whose one argument is a struct, the way its form sends it:
    /// every field `prefix[key]`, from `defaults` unless `given` sets it.
    pub async fn call_struct(
        &self,
        endpoint: &str,
        prefix: &str,
        defaults: &[(&str, &str)],
        given: &[(&str, &str)],
    ) -> Reply {
        let form: Vec<(String, String)> = defaults
            .iter()
            .map(|(k, d)| {
                let v = given.iter().find(|(g, _)| g == k).map_or(*d, |(_, v)| *v);
                (format!("{prefix}[{k}]"), v.to_owned())
            })
            .collect();
        let pairs: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        self.call(endpoint, &pairs).await
    }

    /// Calls a server function that takes JSON (autosave-style endpoints).
    pub async fn call_json(&self, endpoint: &str, body: &Value) -> Reply {
        let res = self
            .http
            .post(format!("{}/api/{endpoint}", self.base))
            .header(ACCEPT, "application/json")
            .json(body)
            .send()
            .await
            .expect("request");
        Reply::read(res).await
    }

    /// Posts a plain HTML form (no JavaScript) and returns the status and `Location`.
    pub async fn post_form(&self, path: &str, form: &[(&str, &str)]) -> (u16, String) {
        let res = self
            .http
            .post(format!("{}{path}", self.base))
            .header(ACCEPT, "text/html")
            .form(form)
            .send()
            .await
            .expect("request");
        let location = res
            .headers()
            .get(reqwest::header::LOCATION)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_owned();
        (res.status().as_u16(), location)
    }

    pub async fn login(&self, email: &str, password: &str) -> Reply {
        self.call("login", &[("email", email), ("password", password)])
            .await
    }

    pub async fn me(&self) -> Value {
        self.call("me", &[]).await.body
    }

    pub async fn get(&self, path: &str) -> (u16, String) {
        // Like a browser: pages are asked for as HTML.
        let res = self
            .http
            .get(format!("{}{path}", self.base))
            .header(ACCEPT, "text/html")
            .send()
            .await
            .expect("request");
        let status = res.status().as_u16();
        (status, res.text().await.unwrap_or_default())
    }
}

/// Accepts SMTP sessions and keeps every message body it receives.
pub async fn smtp_sink() -> (u16, Arc<Mutex<Vec<String>>>) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let received = Arc::new(Mutex::new(Vec::new()));
    let store = received.clone();
    tokio::spawn(async move {
        while let Ok((socket, _)) = listener.accept().await {
            let store = store.clone();
            tokio::spawn(async move {
                let (r, mut w) = socket.into_split();
                let mut lines = tokio::io::BufReader::new(r).lines();
                w.write_all(b"220 sink ESMTP\r\n").await.ok();
                let mut in_data = false;
                let mut body = String::new();
                while let Ok(Some(line)) = lines.next_line().await {
                    if in_data {
                        if line == "." {
                            in_data = false;
                            store.lock().unwrap().push(std::mem::take(&mut body));
                            w.write_all(b"250 queued\r\n").await.ok();
                        } else {
                            body.push_str(&line);
                            body.push('\n');
                        }
                        continue;
                    }
                    let cmd = line.to_ascii_uppercase();
                    let reply: &[u8] = if cmd.starts_with("EHLO") || cmd.starts_with("HELO") {
                        b"250 sink\r\n"
                    } else if cmd.starts_with("DATA") {
                        in_data = true;
                        b"354 go ahead\r\n"
                    } else if cmd.starts_with("QUIT") {
                        w.write_all(b"221 bye\r\n").await.ok();
                        break;
                    } else {
                        b"250 ok\r\n"
                    };
                    w.write_all(reply).await.ok();
                }
            });
        }
    });
    (port, received)
}
