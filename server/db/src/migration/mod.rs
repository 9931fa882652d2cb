//! Migrations are the schema's truth. An applied migration is never edited: add a new one.
use sea_orm_migration::prelude::*;

mod m20261126_000001_foundation;
mod m20261126_000002_scans;
mod m20261126_000003_company_contact;
mod m20261126_000004_workspace;
mod m20261127_000005_experts;
mod m20261127_000006_recommendations;
mod m20261127_000007_contributions;
mod m20261127_000008_leads;
mod m20261127_000009_engagement_outcome;
mod m20261127_000010_shared_scan;
mod m20261130_000011_caseload_indexes;
mod m20261130_000012_auth_throttle;
mod m20261130_000013_two_factor;
mod m20261201_000014_operations;
mod m20261202_000015_co_coach_requests;
mod m20261202_000016_audit_events;
mod m20261203_000017_share_until;

pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261126_000001_foundation::Migration),
            Box::new(m20261126_000002_scans::Migration),
            Box::new(m20261126_000003_company_contact::Migration),
            Box::new(m20261126_000004_workspace::Migration),
            Box::new(m20261127_000005_experts::Migration),
            Box::new(m20261127_000006_recommendations::Migration),
            Box::new(m20261127_000007_contributions::Migration),
            Box::new(m20261127_000008_leads::Migration),
            Box::new(m20261127_000009_engagement_outcome::Migration),
            Box::new(m20261127_000010_shared_scan::Migration),
            Box::new(m20261130_000011_caseload_indexes::Migration),
            Box::new(m20261130_000012_auth_throttle::Migration),
            Box::new(m20261130_000013_two_factor::Migration),
            Box::new(m20261201_000014_operations::Migration),
            Box::new(m20261202_000015_co_coach_requests::Migration),
            Box::new(m20261202_000016_audit_events::Migration),
            Box::new(m20261203_000017_share_until::Migration),
        ]
    }
}

/// The names of this version's migrations, oldest first (as `seaql_migrations` records them).
pub fn names() -> Vec<String> {
    Migrator::migrations()
        .iter()
        .map(|m| m.name().to_owned())
        .collect()
}
