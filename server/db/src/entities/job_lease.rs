use sea_orm::entity::prelude::*;

/// Who runs a background job now: one row per job, taken over once its lease has run out.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "job_leases")]
pub struct Model {
    /// The job, for example `housekeeping`.
    #[sea_orm(primary_key, auto_increment = false)]
    pub name: String,
    /// The worker (app server) holding the lease.
    pub holder: String,
    pub leased_until: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
