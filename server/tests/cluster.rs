//! The server as a service: real `server` processes (the binary cargo built for these tests) on
//! one database. Two servers alternate one journey on PostgreSQL; a server killed with SIGKILL
//! during autosave loses no acknowledged answer (SQLite and PostgreSQL); SIGTERM finishes the
//! request in flight; the health checks, the request id and the JSON log lines.
mod common;
use common::{Client, DEMO_PASSWORD, ENTREPRENEUR, smtp_sink};
use db::testing::{Backend, fresh_database_url};
use serde_json::Value;
use std::net::SocketAddr;
use std::process::Stdio;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::process::{Child, Command};

/// The public address behind the (imagined) load balancer: every server has this base URL,
/// and browsers send it as their origin.
const PUBLIC: &str = "http://datacoach.test";
/// The company of the demo whose members fill in the scans here.
const KVK: &str = "12345678";
const RESPONDENT_PASSWORD: &str = "een wachtwoord voor de proef";

/// One running `server` process and its log lines (JSON, one per line).
struct Server {
    child: Child,
    addr: SocketAddr,
    log: Arc<Mutex<Vec<String>>>,
}

impl Server {
    async fn start(database_url: &str, extra: &[(&str, String)]) -> Server {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_server"));
        cmd.current_dir(std::env::temp_dir())
            .env("DATACOACH_DATABASE_URL", database_url)
            .env("DATACOACH_LISTEN", "127.0.0.1:0")
            .env("DATACOACH_BASE_URL", PUBLIC)
            .env("DATACOACH_DB_MAX_CONNECTIONS", "4")
            .env("DATACOACH_LOG_FORMAT", "json")
            // The bundle's name (the deployment guide sets it the same way).
            .env("LEPTOS_OUTPUT_NAME", "datacoach")
            .env("RUST_LOG", "info,sqlx=warn,sea_orm=warn")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .kill_on_drop(true);
        for (k, v) in extra {
            cmd.env(k, v);
        }
        let mut child = cmd.spawn().expect("the server binary starts");
        let log = Arc::new(Mutex::new(Vec::new()));
        let (tx, rx) = tokio::sync::oneshot::channel();
        let stdout = child.stdout.take().expect("stdout");
        let lines_log = log.clone();
        tokio::spawn(async move {
            let mut tx = Some(tx);
            let mut lines = BufReader::new(stdout).lines();
            while let Ok(Some(line)) = lines.next_line().await {
                if let Ok(v) = serde_json::from_str::<Value>(&line)
                    && v["fields"]["message"] == "listening"
                    && let Some(tx) = tx.take()
                {
                    let _ = tx.send(v["fields"]["address"].as_str().unwrap_or("").to_owned());
                }
                lines_log.lock().unwrap().push(line);
            }
        });
        let addr = tokio::time::timeout(Duration::from_secs(60), rx)
            .await
            .expect("the server listens within a minute")
            .expect("the server logged its address");
        Server {
            child,
            addr: addr.parse().expect("a socket address"),
            log,
        }
    }

    fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    fn pid(&self) -> u32 {
        self.child.id().expect("running")
    }

    fn signal(&self, name: &str) {
        let ok = std::process::Command::new("kill")
            .args([&format!("-{name}"), &self.pid().to_string()])
            .status()
            .expect("kill runs")
            .success();
        assert!(ok, "kill -{name} worked");
    }

    fn log_lines(&self) -> Vec<String> {
        self.log.lock().unwrap().clone()
    }
}

/// A browser's cookie jar shared by clients of several servers (cookies ignore the port,
/// as they would behind one public address).
fn browser() -> reqwest::Client {
    reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .default_headers(reqwest::header::HeaderMap::from_iter([(
            reqwest::header::ORIGIN,
            PUBLIC.parse().expect("origin"),
        )]))
        .build()
        .expect("client")
}

fn on(http: &reqwest::Client, server: &Server) -> Client {
    Client {
        http: http.clone(),
        base: server.url(),
    }
}

/// A fresh database with the demo data and `n` entrepreneurs of the demo company, each with
/// the sharing consent given; `None` when PostgreSQL is skipped.
async fn prepared_database(backend: Backend, n: usize) -> Option<String> {
    let url = fresh_database_url(backend)
        .await
        .expect("a test database")?;
    let conn = db::connect(&url, 2).await.unwrap();
    db::migrate(&conn).await.unwrap();
    datacoach_server::startup::seed(&conn).await.unwrap();
    let company = db::companies::find_by_kvk(&conn, KVK)
        .await
        .unwrap()
        .unwrap();
    let hash = db::password::hash_password(RESPONDENT_PASSWORD).unwrap();
    for i in 0..n {
        let u = db::accounts::create_user(
            &conn,
            db::accounts::NewUser {
                email: format!("respondent{i}@proef.example"),
                name: format!("Respondent {i}"),
                language: "nl".into(),
                role: db::roles::ENTREPRENEUR,
                organisation_id: None,
                expert_firm_id: None,
                password_hash: Some(hash.clone()),
            },
        )
        .await
        .unwrap();
        db::companies::add_member(&conn, company.id, u.id)
            .await
            .unwrap();
    }
    db::scans::record_consent(&conn, company.id, 1, db::scans::CONSENT_SHARE, true, "test")
        .await
        .unwrap();
    conn.close().await.unwrap();
    Some(url)
}

/// The worked example's answers as (question, exchange-format JSON).
fn example_answers() -> Vec<(String, String)> {
    let example: Value =
        serde_json::from_str(include_str!("../../app/data/dma-sme-v1-example.json")).unwrap();
    example["answers"]
        .as_object()
        .unwrap()
        .iter()
        .map(|(q, v)| (q.clone(), v.to_string()))
        .collect()
}

async fn company_id(url: &str) -> i64 {
    let conn = db::connect(url, 1).await.unwrap();
    let id = db::companies::find_by_kvk(&conn, KVK)
        .await
        .unwrap()
        .unwrap()
        .id;
    conn.close().await.unwrap();
    id
}

async fn ready(server: &Server) -> Value {
    let r = reqwest::get(format!("{}/readyz", server.url()))
        .await
        .expect("readyz answers");
    assert_eq!(r.status(), 200, "ready");
    r.json().await.unwrap()
}

/// Waits for the process to end; its exit status.
async fn exit_of(server: &mut Server, within: Duration) -> std::process::ExitStatus {
    tokio::time::timeout(within, server.child.wait())
        .await
        .expect("the server stopped in time")
        .expect("exit status")
}

// ---------------------------------------------------------------------------------------------

/// Two app servers on one PostgreSQL database, behind one public address: a whole journey
/// alternates between them; sign-in throttling counts across both; e-mail queued on either is
/// sent once, by one of them.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_servers_on_one_postgresql_database_serve_one_journey() {
    let Some(url) = prepared_database(Backend::Postgres, 0).await else {
        eprintln!("SKIPPED (PostgreSQL not available): two servers need PostgreSQL");
        return;
    };
    let (smtp_port, received) = smtp_sink().await;
    let env = [
        // As in the deployment guide: migrations by `server migrate`, not on start.
        ("DATACOACH_MIGRATE_ON_START", "false".to_owned()),
        ("DATACOACH_SMTP__HOST", "127.0.0.1".to_owned()),
        ("DATACOACH_SMTP__PORT", smtp_port.to_string()),
        ("DATACOACH_SMTP__SECURITY", "none".to_owned()),
        (
            "DATACOACH_SMTP__FROM",
            "Datacoach <noreply@datacoach.test>".to_owned(),
        ),
    ];
    let mut a = Server::start(&url, &env).await;
    let mut b = Server::start(&url, &env).await;
    ready(&a).await;
    ready(&b).await;

    // The entrepreneur signs in on A and goes on on B, then back.
    let http = browser();
    let (on_a, on_b) = (on(&http, &a), on(&http, &b));
    let r = on_a.login(ENTREPRENEUR, DEMO_PASSWORD).await;
    assert!(r.status < 400, "login on A: {} {}", r.status, r.body);
    assert_eq!(
        on_b.me().await["email"],
        ENTREPRENEUR,
        "B knows the session"
    );
    let company = company_id(&url).await.to_string();
    let r = on_b.call("scan_start", &[("company_id", &company)]).await;
    assert_eq!(r.status, 200, "scan started on B: {}", r.body);
    let scan = r.body.as_i64().expect("a scan id").to_string();
    let answers = example_answers();
    for (i, (q, a)) in answers.iter().take(6).enumerate() {
        let c = if i % 2 == 0 { &on_a } else { &on_b };
        let r = c
            .call(
                "scan_save",
                &[("scan_id", &scan), ("question", q), ("answer", a)],
            )
            .await;
        assert_eq!(r.status, 200, "autosave {i}: {}", r.body);
    }
    let draft = on_a.call("scan_draft", &[("scan_id", &scan)]).await;
    assert_eq!(draft.status, 200, "{}", draft.body);
    let text = draft.body.to_string();
    for (q, _) in answers.iter().take(6) {
        assert!(
            text.contains(q.as_str()),
            "A sees the answer to {q} saved on either server"
        );
    }
    // Signing out on B ends the session on A too.
    let r = on_b.call("logout", &[]).await;
    assert!(r.status < 400, "logout on B: {}", r.status);
    let (q, ans) = &answers[0];
    let r = on_a
        .call(
            "scan_save",
            &[("scan_id", &scan), ("question", q), ("answer", ans)],
        )
        .await;
    assert!(
        r.status == 401 || r.status == 403,
        "A refuses the ended session: {} {}",
        r.status,
        r.body
    );

    // Wrong passwords on A and B count together: after the free ones, either server waits.
    let guesser = browser();
    for i in 0..5 {
        let server = if i % 2 == 0 { &a } else { &b };
        let r = on(&guesser, server)
            .login(common::COACH, "niet het wachtwoord")
            .await;
        assert_ne!(r.status, 429, "failure {i} is still free");
        assert!(r.status >= 400, "a wrong password is refused");
    }
    let r = on(&guesser, &b)
        .login(common::COACH, "niet het wachtwoord")
        .await;
    assert_eq!(
        r.status, 429,
        "the sixth attempt waits, whichever server: {}",
        r.body
    );
    assert!(r.headers.get("retry-after").is_some());

    // Reset links asked on both servers: each e-mail is sent once.
    let people = [
        common::COACH,
        common::COACH2,
        common::ENTREPRENEUR2,
        common::EXPERT,
        ENTREPRENEUR,
        common::ADMIN,
    ];
    for (i, email) in people.iter().enumerate() {
        let server = if i % 2 == 0 { &a } else { &b };
        let r = on(&browser(), server)
            .call("forgot_password", &[("email", email)])
            .await;
        assert!(
            r.status < 400,
            "reset asked for {email}: {} {}",
            r.status,
            r.body
        );
    }
    let deadline = tokio::time::Instant::now() + Duration::from_secs(40);
    while received.lock().unwrap().len() < people.len() && tokio::time::Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    // A little longer: a duplicate would arrive now.
    tokio::time::sleep(Duration::from_secs(6)).await;
    let got = received.lock().unwrap().clone();
    for email in people {
        let n = got
            .iter()
            .filter(|m| m.contains(&format!("<{email}>")))
            .count();
        assert_eq!(n, 1, "{email} got {n} e-mails: {got:#?}");
    }
    assert_eq!(got.len(), people.len());
    let conn = db::connect(&url, 1).await.unwrap();
    let outbox = db::outbox::list(&conn, 0, 100).await.unwrap();
    assert!(
        outbox
            .items
            .iter()
            .all(|m| m.status == "sent" && m.claimed_by.is_none()),
        "all sent, no claim left"
    );
    // Both servers asked for the housekeeping lease; one holds it.
    let leases = db::jobs::try_acquire(
        &conn,
        datacoach_server::housekeeping::JOB,
        "the test",
        chrono::Duration::hours(1),
        db::now(),
    )
    .await
    .unwrap();
    assert!(
        !leases,
        "one of the servers holds this hour's housekeeping lease"
    );
    conn.close().await.unwrap();

    a.signal("TERM");
    b.signal("TERM");
    assert!(exit_of(&mut a, Duration::from_secs(30)).await.success());
    assert!(exit_of(&mut b, Duration::from_secs(30)).await.success());
}

/// 64 respondents autosave flat out; the server is killed with SIGKILL in the middle. After a
/// restart every answer whose save was acknowledged (200) is there.
async fn no_acknowledged_answer_is_lost_in_a_crash(backend: Backend) {
    const RESPONDENTS: usize = 64;
    let Some(url) = prepared_database(backend, RESPONDENTS).await else {
        eprintln!("SKIPPED (PostgreSQL not available): this test ran on SQLite only");
        return;
    };
    let mut server = Server::start(&url, &[]).await;
    let company = company_id(&url).await.to_string();
    let mut respondents = Vec::new();
    for i in 0..RESPONDENTS {
        let c = on(&browser(), &server);
        let r = c
            .login(&format!("respondent{i}@proef.example"), RESPONDENT_PASSWORD)
            .await;
        assert!(r.status < 400, "login {i}: {} {}", r.status, r.body);
        let r = c.call("scan_start", &[("company_id", &company)]).await;
        assert_eq!(r.status, 200, "scan {i}: {}", r.body);
        respondents.push((c, r.body.as_i64().expect("a scan id")));
    }
    let answers = Arc::new(example_answers());
    let acknowledged = Arc::new(Mutex::new(Vec::<(i64, String, String)>::new()));
    let mut tasks = Vec::new();
    for (c, scan) in respondents {
        let answers = answers.clone();
        let acknowledged = acknowledged.clone();
        tasks.push(tokio::spawn(async move {
            for (q, a) in answers.iter().cycle() {
                let sent = c
                    .http
                    .post(format!("{}/api/scan_save", c.base))
                    .header("accept", "application/json")
                    .form(&[
                        ("scan_id", scan.to_string().as_str()),
                        ("question", q.as_str()),
                        ("answer", a.as_str()),
                    ])
                    .send()
                    .await;
                match sent {
                    Ok(r) if r.status() == 200 => {
                        // Acknowledged only once the whole answer has arrived.
                        if r.bytes().await.is_ok() {
                            acknowledged
                                .lock()
                                .unwrap()
                                .push((scan, q.clone(), a.clone()));
                        } else {
                            return;
                        }
                    }
                    Ok(r) => panic!("a save failed before the crash: {}", r.status()),
                    Err(_) => return, // the server is gone
                }
            }
        }));
    }
    // Kill it once plenty of saves went through, in the middle of the load.
    let deadline = tokio::time::Instant::now() + Duration::from_secs(60);
    while acknowledged.lock().unwrap().len() < 400 && tokio::time::Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    server.signal("KILL");
    let status = exit_of(&mut server, Duration::from_secs(10)).await;
    assert!(!status.success(), "killed, not stopped: {status:?}");
    for t in tasks {
        t.await.expect("a respondent's task");
    }
    let acknowledged = acknowledged.lock().unwrap().clone();
    assert!(
        acknowledged.len() >= 400,
        "the load ran: {} saves",
        acknowledged.len()
    );

    // Restarted on the same database, it is ready, and every acknowledged answer is there.
    let mut again = Server::start(&url, &[]).await;
    ready(&again).await;
    let conn = db::connect(&url, 1).await.unwrap();
    let mut stored = std::collections::HashMap::new();
    let scans: std::collections::BTreeSet<i64> = acknowledged.iter().map(|(s, _, _)| *s).collect();
    for scan in &scans {
        for (q, a) in db::scans::answers(&conn, *scan).await.unwrap() {
            stored.insert((*scan, q), serde_json::from_str::<Value>(&a).unwrap());
        }
    }
    for (scan, q, a) in &acknowledged {
        let expected: Value = serde_json::from_str(a).unwrap();
        assert_eq!(
            stored.get(&(*scan, q.clone())),
            Some(&expected),
            "scan {scan}, question {q}: an acknowledged answer was lost"
        );
    }
    conn.close().await.unwrap();
    again.signal("TERM");
    assert!(exit_of(&mut again, Duration::from_secs(30)).await.success());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn no_acknowledged_answer_is_lost_in_a_crash_on_sqlite() {
    no_acknowledged_answer_is_lost_in_a_crash(Backend::Sqlite).await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn no_acknowledged_answer_is_lost_in_a_crash_on_postgres() {
    no_acknowledged_answer_is_lost_in_a_crash(Backend::Postgres).await
}

/// SIGTERM while a save is half sent: the server stops taking new connections but finishes
/// that request (the answer is saved and acknowledged), then exits cleanly.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sigterm_finishes_the_request_in_flight() {
    let url = prepared_database(Backend::Sqlite, 1).await.unwrap();
    let mut server = Server::start(&url, &[]).await;
    let jar = Arc::new(reqwest::cookie::Jar::default());
    let http = reqwest::Client::builder()
        .cookie_provider(jar.clone())
        .redirect(reqwest::redirect::Policy::none())
        .default_headers(reqwest::header::HeaderMap::from_iter([(
            reqwest::header::ORIGIN,
            PUBLIC.parse().unwrap(),
        )]))
        .build()
        .unwrap();
    let c = on(&http, &server);
    let r = c
        .login("respondent0@proef.example", RESPONDENT_PASSWORD)
        .await;
    assert!(r.status < 400, "{}", r.body);
    let company = company_id(&url).await.to_string();
    let scan = c.call("scan_start", &[("company_id", &company)]).await.body;
    let scan = scan.as_i64().expect("a scan id");
    use reqwest::cookie::CookieStore;
    let cookie = jar
        .cookies(&server.url().parse().unwrap())
        .expect("the session cookie")
        .to_str()
        .unwrap()
        .to_owned();

    let (q, a) = example_answers().into_iter().next().unwrap();
    let body = serde_urlencoded_form(&[
        ("scan_id", &scan.to_string()),
        ("question", &q),
        ("answer", &a),
    ]);
    let (first, rest) = body.split_at(body.len() / 2);
    let mut tcp = tokio::net::TcpStream::connect(server.addr).await.unwrap();
    let head = format!(
        "POST /api/scan_save HTTP/1.1\r\nHost: {}\r\nOrigin: {PUBLIC}\r\nCookie: {cookie}\r\n\
         Accept: application/json\r\nContent-Type: application/x-www-form-urlencoded\r\n\
         Content-Length: {}\r\nConnection: close\r\n\r\n",
        server.addr,
        body.len()
    );
    tcp.write_all(head.as_bytes()).await.unwrap();
    tcp.write_all(first.as_bytes()).await.unwrap();
    tokio::time::sleep(Duration::from_millis(400)).await;
    server.signal("TERM");
    tokio::time::sleep(Duration::from_millis(400)).await;
    // Shutting down: a new connection is refused ...
    assert!(
        tokio::net::TcpStream::connect(server.addr).await.is_err(),
        "no new connections after SIGTERM"
    );
    // ... and the process waits for the request in flight, which completes.
    assert!(
        server.child.try_wait().unwrap().is_none(),
        "still running for the request in flight"
    );
    tcp.write_all(rest.as_bytes()).await.unwrap();
    let mut answer = String::new();
    tcp.read_to_string(&mut answer).await.unwrap();
    assert!(
        answer.starts_with("HTTP/1.1 200"),
        "answered in full: {answer}"
    );
    assert!(
        exit_of(&mut server, Duration::from_secs(30))
            .await
            .success(),
        "a clean exit"
    );
    let conn = db::connect(&url, 1).await.unwrap();
    let saved = db::scans::answers(&conn, scan).await.unwrap();
    assert!(
        saved.iter().any(|(sq, _)| *sq == q),
        "the answer in flight was saved"
    );
    assert!(
        server
            .log_lines()
            .iter()
            .any(|l| l.contains("shutting down")),
        "the shutdown is logged"
    );
}

/// Form encoding without another dependency: what a browser sends for these fields.
fn serde_urlencoded_form(fields: &[(&str, &str)]) -> String {
    url::form_urlencoded::Serializer::new(String::new())
        .extend_pairs(fields)
        .finish()
}

/// The health checks answer without a session; readiness names pending migrations; every
/// answer has a request id, and the JSON log line of the request carries the same id.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn probes_request_ids_and_json_logs() {
    let url = prepared_database(Backend::Sqlite, 0).await.unwrap();
    let mut server = Server::start(&url, &[]).await;
    let r = reqwest::get(format!("{}/healthz", server.url()))
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    assert_eq!(r.headers()["cache-control"], "no-store");
    let body = ready(&server).await;
    assert_eq!(body["migrations"], "current");

    // A client's own request id is not taken over (no trusted proxy configured) ...
    let r = reqwest::Client::new()
        .get(format!("{}/login", server.url()))
        .header("x-request-id", "forged\"id")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    let id = r.headers()["x-request-id"].to_str().unwrap().to_owned();
    assert_ne!(id, "forged\"id");
    assert_eq!(id.len(), 36, "a UUID: {id}");
    // ... and the log has one JSON object per line, the request's with its id.
    tokio::time::sleep(Duration::from_millis(200)).await;
    let lines = server.log_lines();
    assert!(!lines.is_empty());
    for l in &lines {
        serde_json::from_str::<Value>(l).unwrap_or_else(|e| panic!("not JSON ({e}): {l}"));
    }
    assert!(
        lines.iter().any(|l| {
            let v: Value = serde_json::from_str(l).unwrap();
            v["span"]["request_id"] == id.as_str() && v["span"]["path"] == "/login"
        }),
        "a log line of the request carries its id: {lines:#?}"
    );
    // A database behind this version's schema (a migration's record removed): not ready, and
    // the answer names the migration; the process itself is still alive.
    let conn = db::connect(&url, 1).await.unwrap();
    use db::ConnectionTrait;
    let last = db::migration::names().pop().unwrap();
    conn.execute_unprepared(&format!(
        "DELETE FROM seaql_migrations WHERE version = '{last}'"
    ))
    .await
    .unwrap();
    let r = reqwest::get(format!("{}/readyz", server.url()))
        .await
        .unwrap();
    assert_eq!(r.status(), 503);
    let body: Value = r.json().await.unwrap();
    assert_eq!(body["migrations"], "pending");
    assert_eq!(body["pending"][0], last.as_str());
    let r = reqwest::get(format!("{}/healthz", server.url()))
        .await
        .unwrap();
    assert_eq!(r.status(), 200, "alive all the same");
    conn.execute_unprepared(&format!(
        "INSERT INTO seaql_migrations (version, applied_at) VALUES ('{last}', 0)"
    ))
    .await
    .unwrap();
    assert_eq!(ready(&server).await["migrations"], "current", "ready again");
    conn.close().await.unwrap();
    server.signal("TERM");
    assert!(
        exit_of(&mut server, Duration::from_secs(30))
            .await
            .success()
    );

    // Behind a trusted proxy, the proxy's id is kept.
    let mut proxied =
        Server::start(&url, &[("DATACOACH_TRUST_FORWARDED_FOR", "true".into())]).await;
    let r = reqwest::Client::new()
        .get(format!("{}/healthz", proxied.url()))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    let r = reqwest::Client::new()
        .get(format!("{}/login", proxied.url()))
        .header("x-request-id", "nginx-4f2a9c")
        .send()
        .await
        .unwrap();
    assert_eq!(r.headers()["x-request-id"], "nginx-4f2a9c");
    proxied.signal("TERM");
    assert!(
        exit_of(&mut proxied, Duration::from_secs(30))
            .await
            .success()
    );
}

/// With migrations on start switched off, a server refuses a database that lacks migrations
/// and says what to do; `server migrate` then makes it ready.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_server_without_migrate_on_start_refuses_an_old_schema() {
    let url = fresh_database_url(Backend::Sqlite).await.unwrap().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_server"))
        .current_dir(std::env::temp_dir())
        .env("DATACOACH_DATABASE_URL", &url)
        .env("DATACOACH_LISTEN", "127.0.0.1:0")
        .env("DATACOACH_MIGRATE_ON_START", "false")
        .env("RUST_LOG", "warn")
        .output()
        .await
        .unwrap();
    assert!(!out.status.success());
    let text = String::from_utf8_lossy(&out.stderr);
    assert!(text.contains("run `server migrate`"), "{text}");
    let out = Command::new(env!("CARGO_BIN_EXE_server"))
        .arg("migrate")
        .current_dir(std::env::temp_dir())
        .env("DATACOACH_DATABASE_URL", &url)
        .env("RUST_LOG", "warn")
        .output()
        .await
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut server = Server::start(&url, &[("DATACOACH_MIGRATE_ON_START", "false".into())]).await;
    ready(&server).await;
    server.signal("TERM");
    assert!(
        exit_of(&mut server, Duration::from_secs(30))
            .await
            .success()
    );
}
