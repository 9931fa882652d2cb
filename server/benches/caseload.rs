//! The caseload with thousands of companies, against SQLite.
//!
//! Serves the real app on a loopback port with a fresh SQLite database and the demo data, adds
//! `DATACOACH_BENCH_COMPANIES` companies (default 5,000) to the demo organisation with caseload
//! figures (latest score and band, last contact, next visit, open and overdue actions), then
//! asks for caseload pages the way the page does: first and deep pages, filtered, sorted, as a
//! coach (their own companies) and as a programme manager (the whole organisation). Prints
//! p50/p99 per request (one HTTP request: session, two counted and paged indexed queries, the
//! municipality list and the coach names).
//!
//! `make bench` (or `cargo bench -p server --bench caseload`).
use datacoach_server::{Config, build_app, startup};
use db::entities::company;
use db::testing::{Backend, fresh_database_url};
use sea_orm::{ActiveModelTrait, Set, TransactionTrait};
use std::time::{Duration, Instant};

const TOWNS: [&str; 12] = [
    "Breda",
    "Tilburg",
    "Eindhoven",
    "'s-Hertogenbosch",
    "Helmond",
    "Oss",
    "Roosendaal",
    "Bergen op Zoom",
    "Waalwijk",
    "Oosterhout",
    "Veldhoven",
    "Uden",
];
const BANDS: [&str; 4] = ["basic", "average", "moderately_advanced", "advanced"];

#[tokio::main]
async fn main() {
    let n: usize = std::env::var("DATACOACH_BENCH_COMPANIES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(5_000);
    let url = fresh_database_url(Backend::Sqlite).await.unwrap().unwrap();
    let config = Config {
        database_url: url,
        seed_demo: true,
        db_max_connections: 8,
        ..Config::default()
    };
    let (conn, _) = datacoach_server::prepare_database(&config).await.unwrap();
    let coach = db::accounts::find_by_email(&conn, "coach@demo.datacoach.nl")
        .await
        .unwrap()
        .unwrap();
    let coach2 = db::accounts::find_by_email(&conn, "coach2@demo.datacoach.nl")
        .await
        .unwrap()
        .unwrap();
    let org = coach.organisation_id.unwrap();
    let today = chrono::Utc::now().date_naive();
    let txn = conn.begin().await.unwrap();
    for i in 0..n {
        let now = chrono::Utc::now();
        let scanned = i % 5 != 0;
        company::ActiveModel {
            name: Set(format!("Benchbedrijf {i:05}")),
            kvk_number: Set(format!("{}", 70_000_000 + i)),
            website: Set(None),
            founding_year: Set(None),
            address: Set(None),
            municipality: Set(TOWNS[i % TOWNS.len()].to_owned()),
            size_band: Set("small".into()),
            primary_sector: Set(["C", "F", "G", "H", "J"][i % 5].to_owned()),
            secondary_sector: Set(None),
            organisation_id: Set(org),
            primary_coach_id: Set(Some(if i % 2 == 0 { coach.id } else { coach2.id })),
            contact_name: Set(None),
            contact_role: Set(None),
            contact_email: Set(None),
            contact_phone: Set(None),
            latest_scan_id: Set(None),
            latest_scan_at: Set(scanned.then_some(now)),
            latest_overall: Set(scanned.then_some((i * 37 % 1000) as f64 / 10.0)),
            latest_band: Set(scanned.then(|| BANDS[i % 4].to_owned())),
            last_contact_on: Set(Some(today - chrono::Duration::days((i % 400) as i64))),
            next_visit_on: Set(
                (i % 3 == 0).then(|| today + chrono::Duration::days((i % 60) as i64))
            ),
            open_actions: Set((i % 4) as i32),
            first_due_on: Set(
                (i % 4 != 0).then(|| today + chrono::Duration::days((i % 50) as i64 - 20))
            ),
            created_at: Set(now),
            updated_at: Set(now),
            ..Default::default()
        }
        .insert(&txn)
        .await
        .unwrap();
    }
    txn.commit().await.unwrap();

    let state = startup::app_state(
        &config,
        conn.clone(),
        leptos::config::LeptosOptions::builder()
            .output_name("datacoach")
            .build(),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(async move {
        datacoach_server::startup::serve(listener, build_app(state), std::future::pending())
            .await
            .unwrap()
    });

    println!(
        "caseload benchmark: SQLite, {} companies in the organisation",
        n + 45
    );
    for (who, email) in [
        ("coach", "coach@demo.datacoach.nl"),
        ("programme manager", "programma@demo.datacoach.nl"),
    ] {
        let http = reqwest::Client::builder()
            .cookie_store(true)
            .build()
            .unwrap();
        let r = http
            .post(format!("{base}/api/login"))
            .header("accept", "application/json")
            .form(&[("email", email), ("password", db::seed::DEMO_PASSWORD)])
            .send()
            .await
            .unwrap();
        assert!(r.status().is_success());
        for (label, params) in [
            ("first page, by name", vec![]),
            ("page 100, by name", vec![("page", "100")]),
            ("lowest score first", vec![("sort", "score")]),
            (
                "band 'average', Tilburg",
                vec![("band", "average"), ("municipality", "Tilburg")],
            ),
            (
                "overdue only, by due date",
                vec![("overdue", "true"), ("sort", "due")],
            ),
            ("search '0421'", vec![("q", "0421")]),
        ] {
            measure(&http, &base, who, label, &params).await;
        }
    }
}

async fn measure(
    http: &reqwest::Client,
    base: &str,
    who: &str,
    label: &str,
    params: &[(&str, &str)],
) {
    let mut form: Vec<(String, String)> = Vec::new();
    for key in ["q", "sector", "band", "municipality", "sort"] {
        let v = params
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, v)| *v)
            .unwrap_or("");
        form.push((format!("params[{key}]"), v.to_owned()));
    }
    let overdue = params.iter().any(|(k, _)| *k == "overdue");
    form.push(("params[overdue]".into(), overdue.to_string()));
    let page = params
        .iter()
        .find(|(k, _)| *k == "page")
        .map(|(_, v)| *v)
        .unwrap_or("1");
    form.push(("params[page]".into(), page.to_owned()));
    let mut all = Vec::new();
    let mut rows = 0u64;
    for _ in 0..200 {
        let t = Instant::now();
        let r = http
            .post(format!("{base}/api/get_caseload"))
            .header("accept", "application/json")
            .form(&form)
            .send()
            .await
            .unwrap();
        assert!(r.status().is_success(), "{}", r.status());
        let body: serde_json::Value = r.json().await.unwrap();
        all.push(t.elapsed());
        rows = body["rows"]["total"].as_u64().unwrap_or(0);
    }
    all.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "  {who:>17}: {label:<28} {rows:>5} matches   p50 {:.2} ms   p99 {:.2} ms",
        ms(all[all.len() / 2]),
        ms(all[(all.len() * 99) / 100])
    );
}
