//! Organisations, expert firms, users, companies and their members, sessions, single-use
//! tokens (invitations, password resets) and the e-mail outbox.
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Organisations {
    Table,
    Id,
    Name,
}

#[derive(DeriveIden)]
enum ExpertFirms {
    Table,
    Id,
    Name,
    Website,
}

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
    Email,
    Name,
    Language,
    PasswordHash,
    Role,
    OrganisationId,
    ExpertFirmId,
    Active,
}

#[derive(DeriveIden)]
enum Companies {
    Table,
    Id,
    Name,
    KvkNumber,
    Website,
    FoundingYear,
    Address,
    Municipality,
    SizeBand,
    PrimarySector,
    SecondarySector,
    OrganisationId,
    PrimaryCoachId,
}

#[derive(DeriveIden)]
enum CompanyMembers {
    Table,
    Id,
    CompanyId,
    UserId,
}

#[derive(DeriveIden)]
enum Sessions {
    Table,
    Id,
    UserId,
    IdleTimeoutSecs,
    LastSeenAt,
    ExpiresAt,
}

#[derive(DeriveIden)]
enum UserTokens {
    Table,
    Id,
    TokenHash,
    UserId,
    Purpose,
    CompanyId,
    CreatedById,
    ExpiresAt,
    UsedAt,
}

#[derive(DeriveIden)]
enum OutboxMessages {
    Table,
    Id,
    ToEmail,
    ToName,
    Language,
    Kind,
    Subject,
    Body,
    Status,
    Attempts,
    LastError,
    SentAt,
}

#[derive(DeriveIden)]
enum Timestamps {
    CreatedAt,
    UpdatedAt,
}

/// Every table carries created/updated timestamps in UTC.
fn stamped(mut table: TableCreateStatement) -> TableCreateStatement {
    table
        .col(timestamp_with_time_zone(Timestamps::CreatedAt))
        .col(timestamp_with_time_zone(Timestamps::UpdatedAt));
    table
}

fn index(name: &str, table: impl IntoIden, column: impl IntoIden) -> IndexCreateStatement {
    Index::create()
        .name(name)
        .table(table)
        .col(column)
        .to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(stamped(
            Table::create()
                .table(Organisations::Table)
                .col(big_pk_auto(Organisations::Id))
                .col(string_len(Organisations::Name, 200))
                .to_owned(),
        ))
        .await?;

        m.create_table(stamped(
            Table::create()
                .table(ExpertFirms::Table)
                .col(big_pk_auto(ExpertFirms::Id))
                .col(string_len(ExpertFirms::Name, 200))
                .col(string_len_null(ExpertFirms::Website, 300))
                .to_owned(),
        ))
        .await?;

        m.create_table(stamped(
            Table::create()
                .table(Users::Table)
                .col(big_pk_auto(Users::Id))
                .col(string_len_uniq(Users::Email, 254))
                .col(string_len(Users::Name, 200))
                .col(string_len(Users::Language, 5))
                .col(string_len_null(Users::PasswordHash, 200))
                .col(string_len(Users::Role, 32))
                .col(big_integer_null(Users::OrganisationId))
                .col(big_integer_null(Users::ExpertFirmId))
                .col(boolean(Users::Active))
                .foreign_key(
                    ForeignKey::create()
                        .from(Users::Table, Users::OrganisationId)
                        .to(Organisations::Table, Organisations::Id),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(Users::Table, Users::ExpertFirmId)
                        .to(ExpertFirms::Table, ExpertFirms::Id),
                )
                .to_owned(),
        ))
        .await?;
        m.create_index(index(
            "idx_users_organisation",
            Users::Table,
            Users::OrganisationId,
        ))
        .await?;

        m.create_table(stamped(
            Table::create()
                .table(Companies::Table)
                .col(big_pk_auto(Companies::Id))
                .col(string_len(Companies::Name, 200))
                .col(string_len_uniq(Companies::KvkNumber, 8))
                .col(string_len_null(Companies::Website, 300))
                .col(integer_null(Companies::FoundingYear))
                .col(string_len_null(Companies::Address, 300))
                .col(string_len(Companies::Municipality, 100))
                .col(string_len(Companies::SizeBand, 16))
                .col(string_len(Companies::PrimarySector, 1))
                .col(string_len_null(Companies::SecondarySector, 1))
                .col(big_integer(Companies::OrganisationId))
                .col(big_integer_null(Companies::PrimaryCoachId))
                .foreign_key(
                    ForeignKey::create()
                        .from(Companies::Table, Companies::OrganisationId)
                        .to(Organisations::Table, Organisations::Id),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(Companies::Table, Companies::PrimaryCoachId)
                        .to(Users::Table, Users::Id),
                )
                .to_owned(),
        ))
        .await?;
        m.create_index(index(
            "idx_companies_organisation",
            Companies::Table,
            Companies::OrganisationId,
        ))
        .await?;
        m.create_index(index(
            "idx_companies_primary_coach",
            Companies::Table,
            Companies::PrimaryCoachId,
        ))
        .await?;
        m.create_index(index(
            "idx_companies_name",
            Companies::Table,
            Companies::Name,
        ))
        .await?;

        m.create_table(stamped(
            Table::create()
                .table(CompanyMembers::Table)
                .col(big_pk_auto(CompanyMembers::Id))
                .col(big_integer(CompanyMembers::CompanyId))
                .col(big_integer(CompanyMembers::UserId))
                .foreign_key(
                    ForeignKey::create()
                        .from(CompanyMembers::Table, CompanyMembers::CompanyId)
                        .to(Companies::Table, Companies::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(CompanyMembers::Table, CompanyMembers::UserId)
                        .to(Users::Table, Users::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        ))
        .await?;
        m.create_index(
            Index::create()
                .name("uq_company_members_company_user")
                .table(CompanyMembers::Table)
                .col(CompanyMembers::CompanyId)
                .col(CompanyMembers::UserId)
                .unique()
                .to_owned(),
        )
        .await?;
        m.create_index(index(
            "idx_company_members_user",
            CompanyMembers::Table,
            CompanyMembers::UserId,
        ))
        .await?;

        m.create_table(stamped(
            Table::create()
                .table(Sessions::Table)
                .col(string_len(Sessions::Id, 64).primary_key())
                .col(big_integer(Sessions::UserId))
                .col(big_integer(Sessions::IdleTimeoutSecs))
                .col(timestamp_with_time_zone(Sessions::LastSeenAt))
                .col(timestamp_with_time_zone(Sessions::ExpiresAt))
                .foreign_key(
                    ForeignKey::create()
                        .from(Sessions::Table, Sessions::UserId)
                        .to(Users::Table, Users::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        ))
        .await?;
        m.create_index(index(
            "idx_sessions_user",
            Sessions::Table,
            Sessions::UserId,
        ))
        .await?;

        m.create_table(stamped(
            Table::create()
                .table(UserTokens::Table)
                .col(big_pk_auto(UserTokens::Id))
                .col(string_len_uniq(UserTokens::TokenHash, 64))
                .col(big_integer(UserTokens::UserId))
                .col(string_len(UserTokens::Purpose, 16))
                .col(big_integer_null(UserTokens::CompanyId))
                .col(big_integer_null(UserTokens::CreatedById))
                .col(timestamp_with_time_zone(UserTokens::ExpiresAt))
                .col(timestamp_with_time_zone_null(UserTokens::UsedAt))
                .foreign_key(
                    ForeignKey::create()
                        .from(UserTokens::Table, UserTokens::UserId)
                        .to(Users::Table, Users::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(UserTokens::Table, UserTokens::CompanyId)
                        .to(Companies::Table, Companies::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        ))
        .await?;
        m.create_index(index(
            "idx_user_tokens_user",
            UserTokens::Table,
            UserTokens::UserId,
        ))
        .await?;

        m.create_table(stamped(
            Table::create()
                .table(OutboxMessages::Table)
                .col(big_pk_auto(OutboxMessages::Id))
                .col(string_len(OutboxMessages::ToEmail, 254))
                .col(string_len(OutboxMessages::ToName, 200))
                .col(string_len(OutboxMessages::Language, 5))
                .col(string_len(OutboxMessages::Kind, 32))
                .col(string_len(OutboxMessages::Subject, 300))
                .col(text(OutboxMessages::Body))
                .col(string_len(OutboxMessages::Status, 16))
                .col(integer(OutboxMessages::Attempts))
                .col(text_null(OutboxMessages::LastError))
                .col(timestamp_with_time_zone_null(OutboxMessages::SentAt))
                .to_owned(),
        ))
        .await?;
        m.create_index(index(
            "idx_outbox_status",
            OutboxMessages::Table,
            OutboxMessages::Status,
        ))
        .await?;
        Ok(())
    }
}
