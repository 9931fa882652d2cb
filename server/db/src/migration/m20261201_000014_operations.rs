//! Running on several app servers: the e-mail outbox gets a claim (which server is sending a
//! message, and until when nobody else may take it), and background jobs get a lease table so
//! each runs once across all servers.
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum OutboxMessages {
    Table,
    Status,
    Id,
    ClaimedBy,
    NextAttemptAt,
}

#[derive(DeriveIden)]
enum JobLeases {
    Table,
    Name,
    Holder,
    LeasedUntil,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        // One column per statement: SQLite alters one thing at a time.
        m.alter_table(
            Table::alter()
                .table(OutboxMessages::Table)
                .add_column(
                    ColumnDef::new(OutboxMessages::ClaimedBy)
                        .string_len(100)
                        .null(),
                )
                .to_owned(),
        )
        .await?;
        m.alter_table(
            Table::alter()
                .table(OutboxMessages::Table)
                .add_column(
                    ColumnDef::new(OutboxMessages::NextAttemptAt)
                        .timestamp_with_time_zone()
                        .null(),
                )
                .to_owned(),
        )
        .await?;
        // The worker's claim looks for unsent messages in id order.
        m.create_index(
            Index::create()
                .name("idx_outbox_messages_status_id")
                .table(OutboxMessages::Table)
                .col(OutboxMessages::Status)
                .col(OutboxMessages::Id)
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(JobLeases::Table)
                .col(
                    ColumnDef::new(JobLeases::Name)
                        .string_len(100)
                        .not_null()
                        .primary_key(),
                )
                .col(ColumnDef::new(JobLeases::Holder).string_len(100).not_null())
                .col(
                    ColumnDef::new(JobLeases::LeasedUntil)
                        .timestamp_with_time_zone()
                        .not_null(),
                )
                .to_owned(),
        )
        .await
    }
}
