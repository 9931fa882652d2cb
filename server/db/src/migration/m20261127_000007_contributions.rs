//! Financial contributions: schemes as data (funder, share of costs, minimum and maximum
//! amount, validity, whether it is de-minimis aid) and a company's applications, with amounts
//! in euro cents.
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum ContributionSchemes {
    Table,
    Id,
    Key,
    Name,
    Funder,
    SharePct,
    MinCents,
    MaxCents,
    ValidFrom,
    ValidUntil,
    DeMinimis,
}

#[derive(DeriveIden)]
enum ContributionApplications {
    Table,
    Id,
    CompanyId,
    SchemeId,
    EngagementId,
    RequestedCents,
    GrantedCents,
    Status,
    AppliedOn,
    DecidedOn,
    CreatedById,
}

#[derive(DeriveIden)]
enum Companies {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Engagements {
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

/// The programme's schemes: key, name, funder, share of costs (%), minimum and maximum in euro
/// cents, valid from, de-minimis aid.
const SCHEMES: [(&str, &str, &str, i32, i64, i64, &str, bool); 4] = [
    (
        "digitalisering",
        "Bijdrage digitaliseringsadvies",
        "Provincie Noord-Brabant",
        50,
        50_000,
        500_000,
        "2026-01-01",
        true,
    ),
    (
        "vervolgadvies",
        "Vervolgadvies na datacoaching",
        "Datacoaching Brabant",
        75,
        0,
        250_000,
        "2026-01-01",
        true,
    ),
    (
        "mit_haalbaarheid",
        "MIT-haalbaarheidsproject",
        "Rijksdienst voor Ondernemend Nederland en provincies",
        40,
        500_000,
        2_000_000,
        "2026-01-01",
        true,
    ),
    // De-minimis aid from elsewhere, as the company declares it: it counts towards the ceiling.
    (
        "overige_de_minimis",
        "Andere de-minimissteun (opgave van het bedrijf)",
        "Andere verstrekkers",
        0,
        1,
        30_000_000,
        "2020-01-01",
        true,
    ),
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(stamped(
            Table::create()
                .table(ContributionSchemes::Table)
                .col(big_pk_auto(ContributionSchemes::Id))
                .col(string_len_uniq(ContributionSchemes::Key, 32))
                .col(string_len(ContributionSchemes::Name, 200))
                .col(string_len(ContributionSchemes::Funder, 200))
                .col(integer(ContributionSchemes::SharePct))
                .col(big_integer(ContributionSchemes::MinCents))
                .col(big_integer(ContributionSchemes::MaxCents))
                .col(date(ContributionSchemes::ValidFrom))
                .col(date_null(ContributionSchemes::ValidUntil))
                .col(boolean(ContributionSchemes::DeMinimis))
                .to_owned(),
        ))
        .await?;
        let now = chrono::Utc::now();
        for (key, name, funder, pct, min, max, from, dm) in SCHEMES {
            let from = chrono::NaiveDate::parse_from_str(from, "%Y-%m-%d").expect("a valid date");
            m.exec_stmt(
                Query::insert()
                    .into_table(ContributionSchemes::Table)
                    .columns(
                        [
                            "key",
                            "name",
                            "funder",
                            "share_pct",
                            "min_cents",
                            "max_cents",
                            "valid_from",
                            "de_minimis",
                            "created_at",
                            "updated_at",
                        ]
                        .map(Alias::new),
                    )
                    .values_panic([
                        key.into(),
                        name.into(),
                        funder.into(),
                        pct.into(),
                        min.into(),
                        max.into(),
                        from.into(),
                        dm.into(),
                        now.into(),
                        now.into(),
                    ])
                    .to_owned(),
            )
            .await?;
        }

        m.create_table(stamped(
            Table::create()
                .table(ContributionApplications::Table)
                .col(big_pk_auto(ContributionApplications::Id))
                .col(big_integer(ContributionApplications::CompanyId))
                .col(big_integer(ContributionApplications::SchemeId))
                .col(big_integer_null(ContributionApplications::EngagementId))
                .col(big_integer(ContributionApplications::RequestedCents))
                .col(big_integer_null(ContributionApplications::GrantedCents))
                .col(string_len(ContributionApplications::Status, 16))
                .col(date(ContributionApplications::AppliedOn))
                .col(date_null(ContributionApplications::DecidedOn))
                .col(big_integer(ContributionApplications::CreatedById))
                .foreign_key(
                    ForeignKey::create()
                        .from(
                            ContributionApplications::Table,
                            ContributionApplications::CompanyId,
                        )
                        .to(Companies::Table, Companies::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(
                            ContributionApplications::Table,
                            ContributionApplications::SchemeId,
                        )
                        .to(ContributionSchemes::Table, ContributionSchemes::Id),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(
                            ContributionApplications::Table,
                            ContributionApplications::EngagementId,
                        )
                        .to(Engagements::Table, Engagements::Id),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(
                            ContributionApplications::Table,
                            ContributionApplications::CreatedById,
                        )
                        .to(Users::Table, Users::Id),
                )
                .to_owned(),
        ))
        .await?;
        m.create_index(
            Index::create()
                .name("idx_contribution_applications_company")
                .table(ContributionApplications::Table)
                .col(ContributionApplications::CompanyId)
                .col(ContributionApplications::AppliedOn)
                .to_owned(),
        )
        .await?;
        Ok(())
    }
}
