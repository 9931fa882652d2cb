//! The persistence error: outcomes a caller must tell apart, plus the database's own failures.
use sea_orm::{DbErr, SqlErr};

#[derive(Debug, thiserror::Error)]
pub enum DbError {
    #[error("not found")]
    NotFound,
    /// A unique value is already taken; names the field (for example `email`, `kvk_number`).
    #[error("conflict on {0}")]
    Conflict(&'static str),
    #[error("database error: {0}")]
    Database(#[from] DbErr),
    #[error("password hashing failed: {0}")]
    Hashing(String),
    #[error("token cannot be used: {0:?}")]
    Token(TokenProblem),
}

pub type DbResult<T> = Result<T, DbError>;

impl DbError {
    /// Maps a unique-constraint violation to `Conflict(field)`, anything else stays a database error.
    pub fn unique(err: DbErr, field: &'static str) -> Self {
        match err.sql_err() {
            Some(SqlErr::UniqueConstraintViolation(_)) => DbError::Conflict(field),
            _ => DbError::Database(err),
        }
    }
}

/// Why an e-mailed link (invitation, password reset) cannot be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenProblem {
    Unknown,
    Expired,
    Used,
}

impl From<TokenProblem> for DbError {
    fn from(p: TokenProblem) -> Self {
        DbError::Token(p)
    }
}
