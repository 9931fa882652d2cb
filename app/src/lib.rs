//! Datacoach: the shared Leptos crate. Compiled twice, for the server (`ssr`) and for the
//! browser (`hydrate`). Organised by feature: each folder holds its types, its server functions
//! and its views side by side.
#![recursion_limit = "512"]

include!(concat!(env!("OUT_DIR"), "/i18n/mod.rs"));

pub mod access;
pub mod admin;
pub mod app;
pub mod audit;
pub mod auth;
pub mod coach;
pub mod companies;
pub mod contributions;
pub mod domain;
pub mod erasure;
pub mod error;
pub mod experts;
pub mod home;
pub mod layout;
pub mod leads;
pub mod messages;
#[cfg(feature = "ssr")]
pub mod privacy;
pub mod routes;
pub mod scan;
pub mod shares;
#[cfg(feature = "ssr")]
pub mod ssr;
pub mod ui;

pub use app::{App, shell};
pub use error::AppError;
