//! Privacy by design, scope: a coach works only in the companies they coach. A colleague of the
//! organisation who wants to help asks to be added as co-coach; the primary coach or a
//! programme manager agrees. One open request per coach and company.
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Companies {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum CoCoachRequests {
    Table,
    Id,
    CompanyId,
    CoachId,
    CreatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(CoCoachRequests::Table)
                .col(big_pk_auto(CoCoachRequests::Id))
                .col(big_integer(CoCoachRequests::CompanyId))
                .col(big_integer(CoCoachRequests::CoachId))
                .col(timestamp_with_time_zone(CoCoachRequests::CreatedAt))
                .foreign_key(
                    ForeignKey::create()
                        .from(CoCoachRequests::Table, CoCoachRequests::CompanyId)
                        .to(Companies::Table, Companies::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(CoCoachRequests::Table, CoCoachRequests::CoachId)
                        .to(Users::Table, Users::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("uq_co_coach_requests")
                .table(CoCoachRequests::Table)
                .col(CoCoachRequests::CompanyId)
                .col(CoCoachRequests::CoachId)
                .unique()
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_co_coach_requests_coach")
                .table(CoCoachRequests::Table)
                .col(CoCoachRequests::CoachId)
                .to_owned(),
        )
        .await
    }
}
