//! Domain types shared by browser and server: ids, roles, languages, company facts, and the
//! parsing of form input into valid values (the same checks run in both places).
mod company;
mod fields;
mod ids;
mod role;
mod validate;

pub use company::{SECTORS, Sector, SizeBand};
pub use fields::{Field, Msg};
pub use ids::{
    ActionId, CompanyId, ExpertFirmId, OrganisationId, OutboxId, ScanId, UserId, VisitId,
};
pub use role::{Lang, Role};
pub use validate::*;

/// Rows per page in every server-paginated list.
pub const PER_PAGE: u64 = 20;

/// One page of a list, as it crosses the wire.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Paged<T> {
    pub items: Vec<T>,
    pub total: u64,
    /// 1-based.
    pub page: u64,
    pub per_page: u64,
}

impl<T> Paged<T> {
    pub fn pages(&self) -> u64 {
        self.total.div_ceil(self.per_page.max(1)).max(1)
    }
}

/// The highest page number asked of the database (a million rows at 10 per page and more):
/// a larger number from a URL would only make an offset the database cannot hold.
pub const MAX_PAGE: u64 = 100_000;

/// The offset for a 1-based page number (page 0 is treated as page 1, a page past
/// [`MAX_PAGE`] as that page: empty, never an error).
pub fn offset_of(page: u64) -> u64 {
    page.clamp(1, MAX_PAGE)
        .saturating_sub(1)
        .saturating_mul(PER_PAGE)
}
