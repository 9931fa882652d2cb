//! What an entrepreneur shares with an expert is visible until a date they control: renewed
//! for 90 days at a time, or ended at once by withdrawing it. Rows from before have no date
//! and keep their first 90 days after the contact (`recommendations::share_active`).
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Engagements {
    Table,
    ShareUntil,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table(Engagements::Table)
                .add_column(
                    ColumnDef::new(Engagements::ShareUntil)
                        .timestamp_with_time_zone()
                        .null(),
                )
                .to_owned(),
        )
        .await
    }
}
