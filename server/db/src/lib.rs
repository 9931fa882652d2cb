//! Persistence for Datacoach: the SeaORM entities, the migrations (the schema's truth), and the
//! queries the server functions call. Nothing in here crosses the wire: `app` maps these models
//! to its own shared types.
pub mod accounts;
pub mod audit;
pub mod companies;
pub mod connect;
pub mod contributions;
pub mod entities;
pub mod erase;
pub mod error;
pub mod experts;
pub mod jobs;
pub mod leads;
pub mod login_challenges;
pub mod migration;
pub mod outbox;
pub mod password;
pub mod recommendations;
pub mod scans;
pub mod search;
pub mod seed;
pub mod sessions;
#[cfg(feature = "testing")]
pub mod testing;
pub mod throttle;
pub mod tokens;
pub mod two_factor;
pub mod workspace;

pub use connect::{connect, migrate, pending_migrations};
pub use error::{DbError, DbResult};
pub use sea_orm::{
    ConnectionTrait, DatabaseConnection, DatabaseTransaction, DbErr, TransactionTrait,
};

/// Role names as stored in `users.role`. `app::Role` maps to exactly these strings.
pub mod roles {
    pub const ENTREPRENEUR: &str = "entrepreneur";
    pub const COACH: &str = "coach";
    pub const PROGRAMME_MANAGER: &str = "programme_manager";
    pub const EXPERT: &str = "expert";
    pub const ADMIN: &str = "admin";
    pub const ALL: [&str; 5] = [ENTREPRENEUR, COACH, PROGRAMME_MANAGER, EXPERT, ADMIN];
}

/// One page of a list plus the total, so the UI can paginate on the server.
#[derive(Debug, Clone)]
pub struct Page<T> {
    pub items: Vec<T>,
    pub total: u64,
}

/// Current time in UTC; every timestamp in the database is UTC.
pub fn now() -> chrono::DateTime<chrono::Utc> {
    chrono::Utc::now()
}
