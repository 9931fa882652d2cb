//! `server`: serves Datacoach, or runs one of the admin commands (see `server --help`).
use clap::Parser;
use datacoach_server::cli::{Cli, Command};
use datacoach_server::{Config, build_app, prepare_database, startup};
use std::io::{BufRead, IsTerminal};
use std::process::ExitCode;

#[tokio::main]
async fn main() -> ExitCode {
    let cli = Cli::parse();
    let config = match Config::load() {
        Ok(c) => c,
        Err(e) => {
            eprintln!("Configuration error: {e}");
            return ExitCode::from(2);
        }
    };
    datacoach_server::observe::init_logging(config.log_format);
    let result = match cli.command.unwrap_or(Command::Serve) {
        Command::Serve => serve(config).await,
        Command::Migrate => migrate(config).await,
        Command::CreateAdmin {
            email,
            name,
            language,
        } => create_admin(config, email, name, language).await,
        Command::SeedDemo => seed(config).await,
        Command::SeedBench { companies } => seed_bench(config, companies as usize).await,
        Command::Score { profile, file } => score(&profile, &file),
        Command::Backup { file } => backup(config, &file).await,
        Command::Restore { file } => restore(config, &file).await,
        Command::Purge => purge(config).await,
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("Error: {e}");
            ExitCode::FAILURE
        }
    }
}

type Res = Result<(), Box<dyn std::error::Error + Send + Sync>>;

fn print_demo_logins() {
    println!("\nDemo data seeded. Log in at the address below with one of these accounts");
    println!("(password for all: {}):", db::seed::DEMO_PASSWORD);
    for l in db::seed::DEMO_LOGINS.iter() {
        println!("  {:<18} {:<32} {}", l.role, l.email, l.name);
    }
    println!(
        "The admin and the programme manager also need a code from an authenticator app \
         (TOTP); add this secret to one: {}",
        db::seed::DEMO_TOTP_SECRET
    );
    println!();
}

async fn serve(config: Config) -> Res {
    let (conn, seeded) = prepare_database(&config).await?;
    if seeded {
        print_demo_logins();
    }
    let options = startup::leptos_options();
    let state = startup::app_state(&config, conn.clone(), options);
    // This server among several on one database: the outbox claims and job leases name it.
    let worker = db::jobs::worker_id();
    if let Some(smtp) = config.smtp.clone() {
        tokio::spawn(datacoach_server::mailer::run(
            conn.clone(),
            smtp,
            worker.clone(),
        ));
    } else {
        tracing::info!("no SMTP configured: e-mail is kept in the outbox (admin > E-mails)");
    }
    tokio::spawn(datacoach_server::housekeeping::run(
        conn.clone(),
        worker.clone(),
        datacoach_server::housekeeping::Retention::from_config(&config),
    ));
    let app = build_app(state);
    let listener = tokio::net::TcpListener::bind(config.listen).await?;
    let address = listener.local_addr()?;
    tracing::info!(%address, %worker, "listening");
    if config.log_format == datacoach_server::config::LogFormat::Text {
        println!("Datacoach is running at {}", config.base_url());
    }
    startup::serve(listener, app, shutdown()).await?;
    conn.close().await.ok();
    tracing::info!("stopped");
    Ok(())
}

async fn backup(config: Config, file: &std::path::Path) -> Res {
    let c = datacoach_server::maintenance::backup(&config.database_url, file).await?;
    println!(
        "Backup written to {} ({} bytes; {} users, {} companies, {} scans), checked intact.",
        c.file.display(),
        c.bytes,
        c.users,
        c.companies,
        c.scans
    );
    Ok(())
}

async fn restore(config: Config, file: &std::path::Path) -> Res {
    let (c, kept) = datacoach_server::maintenance::restore(&config.database_url, file).await?;
    println!(
        "Database {} restored from {} ({} users, {} companies, {} scans).",
        c.file.display(),
        file.display(),
        c.users,
        c.companies,
        c.scans
    );
    if let Some(kept) = kept {
        println!("The database it replaced is kept as {}.", kept.display());
    }
    println!("Start the server: it applies this version's migrations if the backup lacks any.");
    Ok(())
}

/// Ctrl-C or SIGTERM (systemd, a container runtime): stop accepting, finish what is in flight.
async fn shutdown() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = term => {},
    }
    tracing::info!("shutting down: finishing requests in flight");
}

async fn migrate(config: Config) -> Res {
    let conn = db::connect(&config.database_url, 1).await?;
    db::migrate(&conn).await?;
    println!("Migrations applied.");
    Ok(())
}

async fn purge(config: Config) -> Res {
    let conn = db::connect(&config.database_url, 2).await?;
    if !db::pending_migrations(&conn).await?.is_empty() {
        return Err("the database has pending migrations: run `server migrate` first".into());
    }
    let keep = datacoach_server::housekeeping::Retention::from_config(&config);
    let report = datacoach_server::housekeeping::purge_once(&conn, keep).await;
    println!("Retention policy applied (see the README's privacy statement):");
    for (what, n) in &report.removed {
        println!("  {what:<18} {n} removed");
    }
    if !report.failed.is_empty() {
        return Err(format!("failed: {} (see the log above)", report.failed.join(", ")).into());
    }
    Ok(())
}

async fn seed(config: Config) -> Res {
    let conn = db::connect(&config.database_url, 2).await?;
    db::migrate(&conn).await?;
    if startup::seed(&conn).await? {
        print_demo_logins();
    } else {
        println!("The database already has users: demo data not seeded.");
    }
    Ok(())
}

async fn seed_bench(config: Config, companies: usize) -> Res {
    let conn = db::connect(&config.database_url, 2).await?;
    db::migrate(&conn).await?;
    if startup::seed(&conn).await? {
        println!("The database was empty: demo data seeded first.");
    }
    let s = datacoach_server::seed_bench::seed(&conn, companies).await?;
    println!(
        "Added {} companies, {} entrepreneurs, {} scans ({} answers), {} visits, {} actions and \
         {} timeline events in {:.1} s.",
        s.companies, s.users, s.scans, s.answers, s.visits, s.actions, s.events, s.seconds
    );
    Ok(())
}

fn read_password() -> Result<String, Box<dyn std::error::Error + Send + Sync>> {
    if std::io::stdin().is_terminal() {
        let p = rpassword::prompt_password("Password (at least 12 characters): ")?;
        let again = rpassword::prompt_password("Repeat password: ")?;
        if p != again {
            return Err("the passwords are not the same".into());
        }
        Ok(p)
    } else {
        let mut line = String::new();
        std::io::stdin().lock().read_line(&mut line)?;
        Ok(line.trim_end_matches(['\n', '\r']).to_owned())
    }
}

async fn create_admin(config: Config, email: String, name: String, language: String) -> Res {
    let email = app::domain::parse_email(&email)
        .map_err(|_| format!("'{email}' is not a valid e-mail address"))?;
    let name = app::domain::required_text(&name, app::domain::MAX_NAME)
        .map_err(|_| "--name must be 1 to 200 characters")?;
    let language =
        app::domain::Lang::parse_strict(&language).ok_or("--language must be nl or en")?;
    let password = read_password()?;
    let password = app::domain::parse_new_password(&password).map_err(|_| {
        format!(
            "the password must be {} to {} characters",
            app::domain::MIN_PASSWORD,
            app::domain::MAX_PASSWORD
        )
    })?;
    let conn = db::connect(&config.database_url, 2).await?;
    db::migrate(&conn).await?;
    let hash = db::password::hash_password_async(password).await?;
    let created = db::accounts::create_user(
        &conn,
        db::accounts::NewUser {
            email,
            name,
            language: language.as_str().to_owned(),
            role: db::roles::ADMIN,
            organisation_id: None,
            expert_firm_id: None,
            password_hash: Some(hash),
        },
    )
    .await
    .map_err(|e| match e {
        db::DbError::Conflict(_) => {
            "an account with this e-mail address already exists".to_string()
        }
        other => other.to_string(),
    })?;
    println!("Administrator {} created.", created.email);
    Ok(())
}

/// Scores a scan file and prints the reference's score format. Errors name the question and
/// option at fault.
fn score(profile: &str, file: &std::path::Path) -> Res {
    use app::scan::{Answers, PROFILE, Questionnaire, score};
    if profile != PROFILE {
        return Err(format!("unknown scoring profile '{profile}' (known: {PROFILE})").into());
    }
    let text = if file.as_os_str() == "-" {
        std::io::read_to_string(std::io::stdin())?
    } else {
        std::fs::read_to_string(file).map_err(|e| format!("cannot read {}: {e}", file.display()))?
    };
    let q = Questionnaire::dma_sme_v1();
    let answers =
        Answers::from_exchange_json(&text, q).map_err(|e| format!("{}: {e}", file.display()))?;
    println!("{}", score(q, &answers).to_exchange_json());
    Ok(())
}
