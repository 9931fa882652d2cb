//! The frame around every page: skip link, header with role-aware navigation, the language
//! switch and the user menu, the footer, the error pages, and the sign-in guard.
mod errors;
mod guard;
mod header;

pub use errors::{ErrorPage, Forbidden, NotFound};
pub use guard::{RequireUser, encode_query_value as encode};
pub use header::{Footer, Header};
