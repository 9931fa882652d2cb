//! Autosave under load: many respondents saving answers at once, against SQLite.
//!
//! Serves the real app on a loopback port with a fresh SQLite database, signs in N
//! respondents (each with their own scan), then lets every respondent save answers one after
//! another, the way the scan page does, all respondents at the same time. Prints p50/p95/p99
//! latency of one save (one HTTP request, one short transaction) and saves per second.
//!
//! Two runs: flat out (every respondent saves again the moment the last save returns, which
//! measures throughput and queueing), and paced (every respondent saves once per
//! `DATACOACH_BENCH_PACE_MS`, default 250 ms, already far faster than a person ticks boxes,
//! which measures the latency a respondent feels).
//!
//! `make bench` (or `cargo bench -p server --bench autosave`); `DATACOACH_BENCH_RESPONDENTS`
//! and `DATACOACH_BENCH_SAVES` change the load (defaults 64 and 40).
use datacoach_server::{Config, build_app, startup};
use db::testing::{Backend, fresh_database_url};
use std::time::{Duration, Instant};

const PASSWORD: &str = "benchmark-wachtwoord";

fn env_or(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

#[tokio::main]
async fn main() {
    let respondents = env_or("DATACOACH_BENCH_RESPONDENTS", 64);
    let saves = env_or("DATACOACH_BENCH_SAVES", 40);
    let url = fresh_database_url(Backend::Sqlite).await.unwrap().unwrap();
    let config = Config {
        database_url: url,
        seed_demo: true,
        db_max_connections: 8,
        ..Config::default()
    };
    let (conn, _) = datacoach_server::prepare_database(&config).await.unwrap();

    // One company with N entrepreneur accounts; each fills in their own scan of the same round.
    let company = db::companies::find_by_kvk(&conn, "12345678")
        .await
        .unwrap()
        .unwrap();
    let hash = db::password::hash_password(PASSWORD).unwrap();
    for i in 0..respondents {
        let u = db::accounts::create_user(
            &conn,
            db::accounts::NewUser {
                email: format!("bench{i}@bench.example"),
                name: format!("Bench {i}"),
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
    db::scans::record_consent(
        &conn,
        company.id,
        1,
        db::scans::CONSENT_SHARE,
        true,
        "bench",
    )
    .await
    .unwrap();

    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let config = Config {
        base_url: base.clone(),
        ..config
    };
    let state = startup::app_state(
        &config,
        conn.clone(),
        leptos::config::LeptosOptions::builder()
            .output_name("datacoach")
            .build(),
    );
    tokio::spawn(async move {
        datacoach_server::startup::serve(listener, build_app(state), std::future::pending())
            .await
            .unwrap()
    });

    let example: serde_json::Value =
        serde_json::from_str(include_str!("../../app/data/dma-sme-v1-example.json")).unwrap();
    let answers: Vec<(String, String)> = example["answers"]
        .as_object()
        .unwrap()
        .iter()
        .map(|(q, v)| (q.clone(), v.to_string()))
        .collect();

    // Sign everyone in and start their scans before the clock starts.
    let mut clients = Vec::new();
    for i in 0..respondents {
        let http = reqwest::Client::builder()
            .cookie_store(true)
            .build()
            .unwrap();
        let email = format!("bench{i}@bench.example");
        let r = http
            .post(format!("{base}/api/login"))
            .header("origin", base.to_string())
            .header("origin", base.to_string())
            .header("accept", "application/json")
            .form(&[("email", email.as_str()), ("password", PASSWORD)])
            .send()
            .await
            .unwrap();
        assert!(r.status().is_success(), "login {}", r.status());
        let r = http
            .post(format!("{base}/api/scan_start"))
            .header("origin", base.to_string())
            .header("origin", base.to_string())
            .header("accept", "application/json")
            .form(&[("company_id", company.id.to_string())])
            .send()
            .await
            .unwrap();
        let scan: i64 = r.json().await.unwrap();
        clients.push((http, scan));
    }

    let pace = Duration::from_millis(env_or("DATACOACH_BENCH_PACE_MS", 250) as u64);
    run("flat out", &base, &clients, &answers, saves, None).await;
    run(
        &format!("paced, one save per {} ms per respondent", pace.as_millis()),
        &base,
        &clients,
        &answers,
        saves,
        Some(pace),
    )
    .await;
}

async fn run(
    label: &str,
    base: &str,
    clients: &[(reqwest::Client, i64)],
    answers: &[(String, String)],
    saves: usize,
    pace: Option<Duration>,
) {
    let started = Instant::now();
    let mut tasks = Vec::new();
    for (i, (http, scan)) in clients.iter().cloned().enumerate() {
        let base = base.to_owned();
        let answers = answers.to_vec();
        let respondents = clients.len();
        let base = base.clone();
        let answers = answers.clone();
        tasks.push(tokio::spawn(async move {
            let mut latencies = Vec::with_capacity(saves);
            // Paced respondents start spread over one interval, as people do.
            if let Some(p) = pace {
                tokio::time::sleep(p * i as u32 / respondents as u32).await;
            }
            let mut next = tokio::time::Instant::now();
            for n in 0..saves {
                if let Some(p) = pace {
                    tokio::time::sleep_until(next).await;
                    next += p;
                }
                let (q, a) = &answers[n % answers.len()];
                let t = Instant::now();
                let r = http
                    .post(format!("{base}/api/scan_save"))
                    .header("origin", base.to_string())
                    .header("origin", base.to_string())
                    .header("origin", base.to_string())
                    .header("accept", "application/json")
                    .form(&[
                        ("scan_id", scan.to_string().as_str()),
                        ("question", q.as_str()),
                        ("answer", a.as_str()),
                    ])
                    .send()
                    .await
                    .unwrap();
                assert!(r.status().is_success(), "save failed: {}", r.status());
                let _ = r.bytes().await;
                latencies.push(t.elapsed());
            }
            latencies
        }));
    }
    let mut all: Vec<Duration> = Vec::new();
    for t in tasks {
        all.extend(t.await.unwrap());
    }
    let wall = started.elapsed();
    all.sort();
    let pct = |p: f64| all[((all.len() as f64 - 1.0) * p).round() as usize];
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "autosave benchmark ({label}): SQLite, {} concurrent respondents, {saves} saves each ({} saves)",
        clients.len(),
        all.len()
    );
    println!(
        "  p50 {:.2} ms   p95 {:.2} ms   p99 {:.2} ms   max {:.2} ms",
        ms(pct(0.50)),
        ms(pct(0.95)),
        ms(pct(0.99)),
        ms(*all.last().unwrap())
    );
    println!(
        "  {:.0} saves/s over {:.2} s",
        all.len() as f64 / wall.as_secs_f64(),
        wall.as_secs_f64()
    );
}
