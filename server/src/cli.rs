//! The command line of the server binary: serve (default), migrate, create-admin, seed-demo.
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
    /// Score a scan in the exchange format (JSON) and print the scores as JSON.
    Score {
        /// The scoring profile.
        #[arg(long, default_value = "dma-sme-v1")]
        profile: String,
        /// The scan file; `-` reads standard input.
        file: std::path::PathBuf,
    },
}
