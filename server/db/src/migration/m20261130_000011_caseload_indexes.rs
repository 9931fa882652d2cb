//! The caseload of a whole organisation (10,000 companies and more) stays an index walk: its
//! default order (by name) and its municipality filter list are read from indexes that start
//! with the organisation, instead of sorting or scanning the organisation's rows.
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Companies {
    Table,
    OrganisationId,
    Name,
    Municipality,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for (name, column) in [
            ("idx_companies_organisation_name", Companies::Name),
            (
                "idx_companies_organisation_municipality",
                Companies::Municipality,
            ),
        ] {
            m.create_index(
                Index::create()
                    .name(name)
                    .table(Companies::Table)
                    .col(Companies::OrganisationId)
                    .col(column)
                    .to_owned(),
            )
            .await?;
        }
        Ok(())
    }
}
