//! The Datacoach server: configuration, startup, the axum router and its middleware,
//! sessions, e-mail delivery and the admin CLI. Persistence lives in `server/db`.
// The app's view types are deep; a release build computes their layout here.
#![recursion_limit = "512"]
pub mod cli;
pub mod coach_forms;
pub mod config;
pub mod demo;
pub mod headers;
pub mod housekeeping;
pub mod limits;
pub mod mailer;
pub mod maintenance;
pub mod observe;
pub mod origin;
pub mod privacy;
pub mod probes;
pub mod scan_forms;
pub mod second_factor;
pub mod seed_bench;
pub mod session;
pub mod startup;

pub use config::Config;
pub use startup::{build_app, prepare_database};
