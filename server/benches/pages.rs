//! The coach's pages at programme scale, side by side with a static file of the same size on
//! the same server in the same run.
//!
//! Seeds a fresh SQLite database with `server seed-bench --companies N` (default 10,000;
//! `DATACOACH_BENCH_COMPANIES`), starts the server binary on a loopback port and keeps
//! 8 or 32 kept-alive connections busy for a few seconds per row:
//! - a static file of the caseload page's size (`/pkg/…`, what the hardware allows),
//! - the login page (server-rendered, no database),
//! - the programme manager's caseload page (all companies of the organisation, first page),
//!   its JSON, and filtered and deep pages,
//! - a company dossier page of a coach,
//! and prints requests/s, p50 and p99 with the ratio to the static file, the goals of issue
//! #10 beside them, and the server's memory (RSS) at the end.
//!
//! `make bench` (or `cargo bench -p server --bench pages`).
use chrono::Utc;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const MEASURE: Duration = Duration::from_secs(4);
const WARM_UP: Duration = Duration::from_millis(500);

struct Server {
    child: Child,
    base: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[derive(Clone)]
struct Target {
    label: String,
    method: reqwest::Method,
    path: String,
    form: Vec<(String, String)>,
    cookie: Option<String>,
}

struct Outcome {
    rps: f64,
    p50: Duration,
    p99: Duration,
    bytes: usize,
}

#[tokio::main]
async fn main() {
    let n: u32 = std::env::var("DATACOACH_BENCH_COMPANIES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(10_000);
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..");
    let work = std::env::temp_dir().join(format!("datacoach-bench-{}", std::process::id()));
    std::fs::create_dir_all(work.join("site/pkg")).unwrap();
    let url = format!("sqlite://{}?mode=rwc", work.join("bench.sqlite").display());
    let exe = env!("CARGO_BIN_EXE_server");

    let started = Instant::now();
    let seeded = Command::new(exe)
        .args(["seed-bench", "--companies", &n.to_string()])
        .current_dir(&root)
        .env("DATACOACH_DATABASE_URL", &url)
        .output()
        .expect("run server seed-bench");
    assert!(
        seeded.status.success(),
        "seed-bench failed: {}",
        String::from_utf8_lossy(&seeded.stderr)
    );
    print!("{}", String::from_utf8_lossy(&seeded.stdout));
    println!(
        "(seed-bench took {:.1} s in all, migrations and demo data included)",
        started.elapsed().as_secs_f64()
    );

    let port = free_port();
    let server = start(exe, &root, &work, &url, port);
    let http = client();
    let pm = login(&http, &server.base, "programma@demo.datacoach.nl").await;
    let coach = login(&http, &server.base, "coach@demo.datacoach.nl").await;
    let company = first_bench_company_of_coach(&http, &server.base, &coach).await;

    let page = |label: &str, path: &str, cookie: &str| Target {
        label: label.to_owned(),
        method: reqwest::Method::GET,
        path: path.to_owned(),
        form: vec![],
        cookie: Some(cookie.to_owned()),
    };
    let caseload = page("caseload page (programme manager)", "/caseload", &pm);
    // The static file is as big as the caseload page, so the comparison is like for like.
    let size = fetch(&http, &server.base, &caseload).await.len();
    std::fs::write(work.join("site/pkg/static-caseload.html"), "x".repeat(size)).unwrap();
    let static_file = Target {
        label: format!("static file of the same size ({} KB)", size / 1024),
        cookie: None,
        ..page("", "/pkg/static-caseload.html", "")
    };
    let mut json = page(
        "caseload JSON (POST /api/get_caseload)",
        "/api/get_caseload",
        &pm,
    );
    json.method = reqwest::Method::POST;
    json.form = [
        ("q", ""),
        ("sector", ""),
        ("band", ""),
        ("municipality", ""),
        ("sort", ""),
        ("overdue", "false"),
        ("page", "1"),
    ]
    .iter()
    .map(|(k, v)| (format!("params[{k}]"), (*v).to_owned()))
    .collect();
    let login_page = Target {
        cookie: None,
        ..page("login page (no database)", "/login", "")
    };
    let dossier = page(
        "company dossier page (coach)",
        &format!("/companies/{company}"),
        &coach,
    );
    let rows: Vec<(Target, usize)> = vec![
        (static_file.clone(), 8),
        (login_page, 8),
        (caseload.clone(), 8),
        (json, 8),
        (
            page(
                "caseload, band + town, lowest score",
                "/caseload?band=average&municipality=Tilburg&sort=score",
                &pm,
            ),
            8,
        ),
        (page("caseload, page 200", "/caseload?page=200", &pm), 8),
        (page("caseload, search '0421'", "/caseload?q=0421", &pm), 8),
        (page("caseload page (coach)", "/caseload", &coach), 8),
        (dossier.clone(), 8),
        (static_file.clone(), 32),
        (caseload.clone(), 32),
        (dossier.clone(), 32),
    ];

    println!(
        "\npages benchmark: SQLite, {} companies, release build, {} cores, {} s per row",
        n + 3,
        std::thread::available_parallelism().map_or(0, |p| p.get()),
        MEASURE.as_secs()
    );
    println!(
        "{:<44} {:>5} {:>9} {:>9} {:>9} {:>8} {:>9}",
        "what", "conns", "req/s", "p50 ms", "p99 ms", "KB", "vs static"
    );
    let mut static_rps = [0.0f64; 2];
    let mut results = Vec::new();
    for (t, conns) in rows {
        let o = load(&server.base, &t, conns).await;
        let slot = usize::from(conns == 32);
        if t.path.starts_with("/pkg/") {
            static_rps[slot] = o.rps;
        }
        println!(
            "{:<44} {:>5} {:>9.0} {:>9.2} {:>9.2} {:>8.1} {:>8.2}x",
            t.label,
            conns,
            o.rps,
            ms(o.p50),
            ms(o.p99),
            o.bytes as f64 / 1024.0,
            o.rps / static_rps[slot].max(1.0)
        );
        results.push((t.label.clone(), conns, o));
    }
    let rss = rss_kb(server.child.id());
    println!(
        "server memory after the benchmark: RSS {:.0} MB (peak {:.0} MB)",
        rss.0 as f64 / 1024.0,
        rss.1 as f64 / 1024.0
    );

    let find = |label: &str, conns: usize| {
        results
            .iter()
            .find(|(l, c, _)| l == label && *c == conns)
            .map(|(_, _, o)| o)
            .unwrap()
    };
    let c8 = find(&caseload.label, 8);
    let c32 = find(&caseload.label, 32);
    let d32 = find(&dossier.label, 32);
    println!("\ngoals (issue #10):");
    goal(
        "caseload throughput >= 0.5x static file (8 conns)",
        c8.rps / static_rps[0],
        0.5,
        true,
    );
    goal(
        "caseload p99 at 32 conns <= 20 ms",
        ms(c32.p99),
        20.0,
        false,
    );
    goal("dossier p99 at 32 conns <= 30 ms", ms(d32.p99), 30.0, false);
    goal(
        "server RSS after the benchmark <= 150 MB",
        rss.0 as f64 / 1024.0,
        150.0,
        false,
    );
    drop(server);
    let _ = std::fs::remove_dir_all(&work);
}

fn goal(what: &str, value: f64, limit: f64, at_least: bool) {
    let met = if at_least {
        value >= limit
    } else {
        value <= limit
    };
    println!(
        "  {:<52} {:>8.2}  {}",
        what,
        value,
        if met { "met" } else { "NOT met" }
    );
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

fn start(exe: &str, root: &PathBuf, work: &std::path::Path, url: &str, port: u16) -> Server {
    let child = Command::new(exe)
        .current_dir(root)
        .env("DATACOACH_DATABASE_URL", url)
        .env("DATACOACH_LISTEN", format!("127.0.0.1:{port}"))
        .env("DATACOACH_BASE_URL", format!("http://127.0.0.1:{port}"))
        .env("DATACOACH_SEED_DEMO", "false")
        .env("LEPTOS_SITE_ROOT", work.join("site"))
        .env("RUST_LOG", "warn")
        .stdout(Stdio::null())
        .spawn()
        .expect("start the server");
    let base = format!("http://127.0.0.1:{port}");
    for _ in 0..200 {
        if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
            return Server { child, base };
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    panic!("the server did not start on port {port}");
}

/// One kept-alive connection per client.
fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .pool_max_idle_per_host(1)
        .tcp_nodelay(true)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
}

async fn login(http: &reqwest::Client, base: &str, email: &str) -> String {
    let r = http
        .post(format!("{base}/api/login"))
        .header("origin", base.to_string())
        .header("accept", "application/json")
        .form(&[("email", email), ("password", db::seed::DEMO_PASSWORD)])
        .send()
        .await
        .unwrap();
    assert!(r.status().is_success(), "login {email}: {}", r.status());
    let r = match cookie_named(&r, "dc_login_challenge=") {
        // The demo programme manager has a second factor: the code step with the demo secret.
        Some(challenge) => {
            let code = totp_rs::Builder::new()
                .with_secret(totp_rs::Secret::try_from_base32(db::seed::DEMO_TOTP_SECRET).unwrap())
                .build()
                .unwrap()
                .generate(Utc::now().timestamp() as u64)
                .to_string();
            let r = http
                .post(format!("{base}/api/login_code"))
                .header("accept", "application/json")
                .header("cookie", challenge)
                .form(&[("code", code)])
                .send()
                .await
                .unwrap();
            assert!(r.status().is_success(), "code step {email}: {}", r.status());
            r
        }
        None => r,
    };
    cookie_named(&r, "dc_session=").expect("a session cookie")
}

fn cookie_named(r: &reqwest::Response, prefix: &str) -> Option<String> {
    r.headers()
        .get_all(reqwest::header::SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with(prefix))
        .and_then(|v| v.split(';').next())
        .map(str::to_owned)
}

/// A company of the demo coach from the seeded companies (with scans, visits and a
/// timeline), found the way the coach finds it: in their caseload.
async fn first_bench_company_of_coach(http: &reqwest::Client, base: &str, cookie: &str) -> i64 {
    let r = http
        .post(format!("{base}/api/get_caseload"))
        .header("origin", base.to_string())
        .header("accept", "application/json")
        .header("cookie", cookie)
        .form(&[
            ("params[q]", "(bench)"),
            ("params[sector]", ""),
            ("params[band]", ""),
            ("params[municipality]", ""),
            ("params[sort]", ""),
            ("params[overdue]", "false"),
            ("params[page]", "1"),
        ])
        .send()
        .await
        .unwrap();
    let body: serde_json::Value = r.json().await.unwrap();
    body["rows"]["items"]
        .as_array()
        .and_then(|rows| rows.iter().find(|r| r["overall"].is_number()))
        .and_then(|r| r["id"].as_i64())
        .expect("a seeded company in the coach's caseload")
}

fn request(http: &reqwest::Client, base: &str, t: &Target) -> reqwest::RequestBuilder {
    let mut r = http.request(t.method.clone(), format!("{base}{}", t.path));
    if let Some(c) = &t.cookie {
        r = r.header("cookie", c);
    }
    if !t.form.is_empty() {
        r = r
            .header("origin", base)
            .header("accept", "application/json")
            .form(&t.form);
    }
    r
}

async fn fetch(http: &reqwest::Client, base: &str, t: &Target) -> Vec<u8> {
    let r = request(http, base, t).send().await.unwrap();
    assert!(r.status().is_success(), "{}: {}", t.path, r.status());
    r.bytes().await.unwrap().to_vec()
}

/// `conns` clients, each on its own kept-alive connection, request the target back to back
/// for `MEASURE` after a warm-up.
async fn load(base: &str, t: &Target, conns: usize) -> Outcome {
    let mut tasks = Vec::new();
    for _ in 0..conns {
        let (base, t) = (base.to_owned(), t.clone());
        tasks.push(tokio::spawn(async move {
            let http = client();
            let warm_until = Instant::now() + WARM_UP;
            while Instant::now() < warm_until {
                fetch(&http, &base, &t).await;
            }
            let end = Instant::now() + MEASURE;
            let mut times = Vec::new();
            let mut bytes = 0;
            while Instant::now() < end {
                let at = Instant::now();
                bytes = fetch(&http, &base, &t).await.len();
                times.push(at.elapsed());
            }
            (times, bytes)
        }));
    }
    let mut all = Vec::new();
    let mut bytes = 0;
    for task in tasks {
        let (times, b) = task.await.unwrap();
        all.extend(times);
        bytes = b;
    }
    all.sort();
    let pick = |q: f64| all[((all.len() as f64 * q) as usize).min(all.len() - 1)];
    Outcome {
        rps: all.len() as f64 / MEASURE.as_secs_f64(),
        p50: pick(0.50),
        p99: pick(0.99),
        bytes,
    }
}

/// The resident and peak resident memory of a process, in KB (Linux).
fn rss_kb(pid: u32) -> (u64, u64) {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    let field = |name: &str| {
        status
            .lines()
            .find(|l| l.starts_with(name))
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|v| v.parse().ok())
            .unwrap_or(0)
    };
    (field("VmRSS:"), field("VmHWM:"))
}
