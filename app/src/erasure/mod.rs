//! The right to erasure (AVG/GDPR article 17), from the pages: an entrepreneur or expert
//! erases their own account (`/account/erase`), an admin any other account
//! (`/admin/users/:id/erase`), a programme manager a company of their organisation at the
//! end of the programme (`/companies/:id/erase`). Each asks to type the e-mail address or
//! the company name to confirm; what erasure removes and keeps is `db::erase`.
mod api;
#[cfg(feature = "ssr")]
mod service;
mod views;

pub use api::*;
pub use views::ErasePage;

use crate::domain::{CompanyId, UserId};
use serde::{Deserialize, Serialize};

/// What is about to be erased, for the confirmation page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ErasureFacts {
    pub target: ErasureTarget,
    /// The person's or company's name.
    pub name: String,
    /// What to type to confirm: the person's e-mail address, or the company's name.
    pub confirm_with: String,
    /// A person: the companies they leave. A company: the entrepreneurs erased with it
    /// (those who belong to no other company).
    pub related: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ErasureTarget {
    /// The asker's own account.
    Myself,
    Person(UserId),
    Company(CompanyId),
}

/// What kind of thing a confirmation page erases; with an id, an [`ErasureTarget`]. A plain
/// word, so the form posts it without JavaScript.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ErasureKind {
    Myself,
    Person,
    Company,
}

impl ErasureTarget {
    /// The target of a page: `None` when the id it needs is missing.
    pub fn of(kind: ErasureKind, id: Option<i64>) -> Option<ErasureTarget> {
        match (kind, id) {
            (ErasureKind::Myself, _) => Some(ErasureTarget::Myself),
            (ErasureKind::Person, Some(id)) => Some(ErasureTarget::Person(UserId(id))),
            (ErasureKind::Company, Some(id)) => Some(ErasureTarget::Company(CompanyId(id))),
            _ => None,
        }
    }
}
