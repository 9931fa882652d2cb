//! Leads: an expert proposes a company to a coaching organisation (name, KvK number, reason);
//! a coach accepts it (linking or creating the company and assigning a coach) or declines it.
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Leads {
    Table,
    Id,
    OrganisationId,
    ProfileId,
    CompanyName,
    KvkNumber,
    Reason,
    Status,
    DeclineReason,
    CompanyId,
    DecidedById,
    DecidedAt,
}

#[derive(DeriveIden)]
enum Organisations {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum ExpertProfiles {
    Table,
    Id,
}

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
enum Timestamps {
    CreatedAt,
    UpdatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(Leads::Table)
                .col(big_pk_auto(Leads::Id))
                .col(big_integer(Leads::OrganisationId))
                .col(big_integer(Leads::ProfileId))
                .col(string_len(Leads::CompanyName, 200))
                .col(string_len(Leads::KvkNumber, 8))
                .col(text(Leads::Reason))
                .col(string_len(Leads::Status, 16))
                .col(text_null(Leads::DeclineReason))
                .col(big_integer_null(Leads::CompanyId))
                .col(big_integer_null(Leads::DecidedById))
                .col(timestamp_with_time_zone_null(Leads::DecidedAt))
                .col(timestamp_with_time_zone(Timestamps::CreatedAt))
                .col(timestamp_with_time_zone(Timestamps::UpdatedAt))
                .foreign_key(
                    ForeignKey::create()
                        .from(Leads::Table, Leads::OrganisationId)
                        .to(Organisations::Table, Organisations::Id),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(Leads::Table, Leads::ProfileId)
                        .to(ExpertProfiles::Table, ExpertProfiles::Id),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(Leads::Table, Leads::CompanyId)
                        .to(Companies::Table, Companies::Id)
                        .on_delete(ForeignKeyAction::SetNull),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(Leads::Table, Leads::DecidedById)
                        .to(Users::Table, Users::Id),
                )
                .to_owned(),
        )
        .await?;
        for (name, cols) in [
            (
                "idx_leads_organisation_status",
                vec![Leads::OrganisationId, Leads::Status],
            ),
            ("idx_leads_profile", vec![Leads::ProfileId]),
            ("idx_leads_company", vec![Leads::CompanyId]),
        ] {
            let mut i = Index::create();
            i.name(name).table(Leads::Table);
            for c in cols {
                i.col(c);
            }
            m.create_index(i.to_owned()).await?;
        }
        Ok(())
    }
}
