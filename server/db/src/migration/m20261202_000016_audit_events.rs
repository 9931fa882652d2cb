//! The audit trail: who read a dossier, a scan result, a visit report or an export, and who
//! changed what, from which role. Append-only: rows are only ever inserted, and removed when
//! they pass the configured retention period.
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum AuditEvents {
    Table,
    Id,
    OccurredAt,
    ActorId,
    ActorRole,
    Action,
    Object,
    ObjectId,
    CompanyId,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        // No foreign keys: the trail outlives the accounts and companies it names (an erased
        // person stays a number).
        m.create_table(
            Table::create()
                .table(AuditEvents::Table)
                .col(big_pk_auto(AuditEvents::Id))
                .col(timestamp_with_time_zone(AuditEvents::OccurredAt))
                .col(big_integer_null(AuditEvents::ActorId))
                .col(string_len(AuditEvents::ActorRole, 32))
                .col(string_len(AuditEvents::Action, 16))
                .col(string_len(AuditEvents::Object, 32))
                .col(big_integer_null(AuditEvents::ObjectId))
                .col(big_integer_null(AuditEvents::CompanyId))
                .to_owned(),
        )
        .await?;
        // Per company and per user, newest first; the purge by time.
        for (name, col) in [
            ("idx_audit_events_company", AuditEvents::CompanyId),
            ("idx_audit_events_actor", AuditEvents::ActorId),
        ] {
            m.create_index(
                Index::create()
                    .name(name)
                    .table(AuditEvents::Table)
                    .col(col)
                    .col(AuditEvents::Id)
                    .to_owned(),
            )
            .await?;
        }
        m.create_index(
            Index::create()
                .name("idx_audit_events_occurred_at")
                .table(AuditEvents::Table)
                .col(AuditEvents::OccurredAt)
                .to_owned(),
        )
        .await
    }
}
