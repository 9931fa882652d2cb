//! Recommendations (a coach recommends an approved expert to a company for an improvement in
//! one scan dimension, with a reason) and engagements (the entrepreneur contacted the expert,
//! with the message and the contact details they chose to share).
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Recommendations {
    Table,
    Id,
    CompanyId,
    ProfileId,
    CoachId,
    Dimension,
    Reason,
}

#[derive(DeriveIden)]
enum Engagements {
    Table,
    Id,
    RecommendationId,
    CompanyId,
    ProfileId,
    EntrepreneurId,
    Message,
    SharedContact,
    Status,
}

#[derive(DeriveIden)]
enum Companies {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum ExpertProfiles {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Timestamps {
    CreatedAt,
    UpdatedAt,
}

// Each migration keeps its own small helpers: an applied migration must never change because a
// helper shared with a later one did.
fn stamped(mut table: TableCreateStatement) -> TableCreateStatement {
    table
        .col(timestamp_with_time_zone(Timestamps::CreatedAt))
        .col(timestamp_with_time_zone(Timestamps::UpdatedAt));
    table
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(stamped(
            Table::create()
                .table(Recommendations::Table)
                .col(big_pk_auto(Recommendations::Id))
                .col(big_integer(Recommendations::CompanyId))
                .col(big_integer(Recommendations::ProfileId))
                .col(big_integer(Recommendations::CoachId))
                .col(string_len(Recommendations::Dimension, 32))
                .col(text(Recommendations::Reason))
                .foreign_key(
                    ForeignKey::create()
                        .from(Recommendations::Table, Recommendations::CompanyId)
                        .to(Companies::Table, Companies::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(Recommendations::Table, Recommendations::ProfileId)
                        .to(ExpertProfiles::Table, ExpertProfiles::Id),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(Recommendations::Table, Recommendations::CoachId)
                        .to(Users::Table, Users::Id),
                )
                .to_owned(),
        ))
        .await?;
        m.create_index(
            Index::create()
                .name("idx_recommendations_company")
                .table(Recommendations::Table)
                .col(Recommendations::CompanyId)
                .to_owned(),
        )
        .await?;

        m.create_table(stamped(
            Table::create()
                .table(Engagements::Table)
                .col(big_pk_auto(Engagements::Id))
                .col(big_integer_null(Engagements::RecommendationId))
                .col(big_integer(Engagements::CompanyId))
                .col(big_integer(Engagements::ProfileId))
                .col(big_integer(Engagements::EntrepreneurId))
                .col(text(Engagements::Message))
                .col(text(Engagements::SharedContact))
                .col(string_len(Engagements::Status, 16))
                .foreign_key(
                    ForeignKey::create()
                        .from(Engagements::Table, Engagements::RecommendationId)
                        .to(Recommendations::Table, Recommendations::Id),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(Engagements::Table, Engagements::CompanyId)
                        .to(Companies::Table, Companies::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(Engagements::Table, Engagements::ProfileId)
                        .to(ExpertProfiles::Table, ExpertProfiles::Id),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(Engagements::Table, Engagements::EntrepreneurId)
                        .to(Users::Table, Users::Id),
                )
                .to_owned(),
        ))
        .await?;
        for (name, col) in [
            ("idx_engagements_company", Engagements::CompanyId),
            ("idx_engagements_profile", Engagements::ProfileId),
            (
                "idx_engagements_recommendation",
                Engagements::RecommendationId,
            ),
        ] {
            m.create_index(
                Index::create()
                    .name(name)
                    .table(Engagements::Table)
                    .col(col)
                    .to_owned(),
            )
            .await?;
        }
        Ok(())
    }
}
