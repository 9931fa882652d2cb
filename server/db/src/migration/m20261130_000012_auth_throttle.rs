//! Failed sign-in attempts and link lookups, per account and per client address, kept in the
//! database so every app server sees the same counts (several servers share one database).
//! One row per key; it is forgotten an hour after its last failure.
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum AuthThrottle {
    Table,
    Key,
    Failures,
    LastFailureAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(AuthThrottle::Table)
                .col(
                    ColumnDef::new(AuthThrottle::Key)
                        .string_len(300)
                        .not_null()
                        .primary_key(),
                )
                .col(ColumnDef::new(AuthThrottle::Failures).integer().not_null())
                .col(
                    ColumnDef::new(AuthThrottle::LastFailureAt)
                        .timestamp_with_time_zone()
                        .not_null(),
                )
                .to_owned(),
        )
        .await?;
        // The hourly purge deletes by age.
        m.create_index(
            Index::create()
                .name("idx_auth_throttle_last_failure_at")
                .table(AuthThrottle::Table)
                .col(AuthThrottle::LastFailureAt)
                .to_owned(),
        )
        .await
    }
}
