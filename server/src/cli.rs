//! The command line of the server binary: serve (default), migrate, create-admin, seed-demo,
//! seed-bench, score, backup, restore, purge.
use clap::{Parser, Subcommand};

#[derive(Debug, Parser)]
#[command(
    name = "server",
    about = "Datacoach server and admin commands",
    version
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Serve the web application (the default).
    Serve,
    /// Apply pending database migrations and exit.
    Migrate,
    /// Create an administrator. The password is read from standard input (asked for on a terminal).
    CreateAdmin {
        #[arg(long)]
        email: String,
        #[arg(long)]
        name: String,
        /// Preferred language for e-mails: nl or en.
        #[arg(long, default_value = "nl")]
        language: String,
    },
    /// Seed the demo data set into an empty database.
    SeedDemo,
    /// Add N companies with scans, visits, actions, notes and timelines to the demo
    /// organisation (seeding the demo first if the database is empty), for benchmarks.
    SeedBench {
        /// How many companies to add (1 to 1,000,000).
        #[arg(long, value_parser = clap::value_parser!(u32).range(1..=1_000_000))]
        companies: u32,
    },
    /// Score a scan in the exchange format (JSON) and print the scores as JSON.
    Score {
        /// The scoring profile.
        #[arg(long, default_value = "dma-sme-v1")]
        profile: String,
        /// The scan file; `-` reads standard input.
        file: std::path::PathBuf,
    },
    /// SQLite: write an online, consistent copy of the database to FILE (while the server
    /// runs). PostgreSQL: use pg_dump (see the README).
    Backup {
        /// Where to write the copy; must not exist yet.
        file: std::path::PathBuf,
    },
    /// SQLite: replace the database with the backup FILE (stop the servers first). The
    /// replaced database is kept beside it.
    Restore {
        /// A file written by `server backup`.
        file: std::path::PathBuf,
    },
    /// Apply the retention policy now (what the hourly task does): expired sessions and
    /// links, sent e-mail, audit lines and dormant dossiers past their configured periods.
    Purge,
}
