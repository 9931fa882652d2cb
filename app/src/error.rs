//! The one error type of the app. Each variant is an outcome the user must see; it crosses the
//! wire as JSON and is shown as a translated message. Database and internal failures are logged
//! on the server with their cause and arrive here only as `Internal`.
use crate::domain::{Field, Msg};
use serde::{Deserialize, Serialize};
use server_fn::codec::JsonEncoding;
use server_fn::error::{FromServerFnError, ServerFnErrorErr};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum AppError {
    #[error("not signed in")]
    Unauthenticated,
    #[error("forbidden")]
    Forbidden,
    #[error("not found")]
    NotFound,
    #[error("invalid input")]
    Invalid(FormErrors),
    #[error("link cannot be used: {0:?}")]
    Link(LinkProblem),
    /// Too many failed attempts (sign-in, links): try again after this many seconds.
    #[error("too many attempts, retry in {0} s")]
    TooManyAttempts(u32),
    /// Someone else changed the object since it was loaded; nothing was overwritten.
    #[error("changed by someone else")]
    Conflict,
    #[error("internal error")]
    Internal,
    /// Transport problems (no connection, a response that could not be read).
    #[error("request failed: {0}")]
    Request(String),
}

/// Why an e-mailed link cannot be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum LinkProblem {
    Unknown,
    Expired,
    Used,
}

/// Field messages of a refused form, plus the non-secret values the user typed, so a form
/// rendered again without JavaScript is never cleared.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FormErrors {
    pub errors: Vec<FieldError>,
    pub values: Vec<(Field, String)>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    pub field: Field,
    pub msg: Msg,
}

impl FormErrors {
    pub fn new() -> Self {
        Self::default()
    }
    pub fn add(&mut self, field: Field, msg: Msg) {
        self.errors.push(FieldError { field, msg });
    }
    pub fn keep(&mut self, field: Field, value: &str) {
        self.values.push((field, value.to_owned()));
    }
    pub fn is_empty(&self) -> bool {
        self.errors.is_empty()
    }
    pub fn message_for(&self, field: Field) -> Option<Msg> {
        self.errors
            .iter()
            .find(|e| e.field == field)
            .map(|e| e.msg.clone())
    }
    pub fn value_of(&self, field: Field) -> Option<&str> {
        self.values
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, v)| v.as_str())
    }
    /// `Ok(value)` when there are no errors, else `Err(AppError::Invalid(self))`.
    pub fn finish<T>(self, value: T) -> Result<T, AppError> {
        if self.errors.is_empty() {
            Ok(value)
        } else {
            Err(AppError::Invalid(self))
        }
    }
}

impl AppError {
    pub fn invalid(field: Field, msg: Msg) -> Self {
        let mut e = FormErrors::new();
        e.add(field, msg);
        AppError::Invalid(e)
    }

    /// The HTTP status this outcome maps to for API callers.
    pub fn status(&self) -> u16 {
        match self {
            AppError::Unauthenticated => 401,
            AppError::Forbidden => 403,
            AppError::NotFound => 404,
            AppError::Conflict => 409,
            AppError::TooManyAttempts(_) => 429,
            AppError::Invalid(_) | AppError::Link(_) => 422,
            AppError::Internal | AppError::Request(_) => 500,
        }
    }

    /// Refused for throttling, with the wait in whole seconds (at least one).
    pub fn too_many_attempts(wait_secs: i64) -> Self {
        AppError::TooManyAttempts(wait_secs.clamp(1, i64::from(u32::MAX)) as u32)
    }

    pub fn form_errors(&self) -> Option<&FormErrors> {
        match self {
            AppError::Invalid(f) => Some(f),
            _ => None,
        }
    }
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        match value {
            // A form post with a missing or malformed field arrives here: say so, not "internal".
            ServerFnErrorErr::Args(_) | ServerFnErrorErr::MissingArg(_) => {
                AppError::invalid(Field::Form, Msg::FormIncomplete)
            }
            // On the server, a body that does not decode at all (broken JSON, bytes that are
            // not text) is the sender's mistake too: 422, never a server error. In the browser
            // the same variant means the server's answer did not decode: a request problem.
            #[cfg(feature = "ssr")]
            ServerFnErrorErr::Deserialization(_) => {
                AppError::invalid(Field::Form, Msg::FormIncomplete)
            }
            other => AppError::Request(other.to_string()),
        }
    }
}
