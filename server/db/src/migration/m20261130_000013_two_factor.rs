//! The second factor: a TOTP secret per user (RFC 6238), its one-time recovery codes (only
//! their SHA-256 is kept), and the short-lived login challenge between a correct password and
//! a correct code. A challenge is not a session: nothing treats it as signed in.
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum TwoFactors {
    Table,
    UserId,
    Secret,
    ConfirmedAt,
    LastUsedStep,
}

#[derive(DeriveIden)]
enum RecoveryCodes {
    Table,
    Id,
    UserId,
    CodeHash,
    UsedAt,
}

#[derive(DeriveIden)]
enum LoginChallenges {
    Table,
    Id,
    UserId,
    Attempts,
    ExpiresAt,
}

#[derive(DeriveIden)]
enum Timestamps {
    CreatedAt,
    UpdatedAt,
}

fn stamped(mut table: TableCreateStatement) -> TableCreateStatement {
    table
        .col(timestamp_with_time_zone(Timestamps::CreatedAt))
        .col(timestamp_with_time_zone(Timestamps::UpdatedAt));
    table
}

/// Everything here belongs to one user and goes with them.
fn owned_by_user(from: impl IntoTableRef, column: impl IntoIden) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .from(from, column)
        .to(Users::Table, Users::Id)
        .on_delete(ForeignKeyAction::Cascade)
        .to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        // One factor per user, so the user is the key. `confirmed_at` stays empty until the
        // first correct code; `last_used_step` refuses a code a second time.
        m.create_table(stamped(
            Table::create()
                .table(TwoFactors::Table)
                .col(big_integer(TwoFactors::UserId).primary_key())
                .col(string_len(TwoFactors::Secret, 64))
                .col(timestamp_with_time_zone_null(TwoFactors::ConfirmedAt))
                .col(big_integer_null(TwoFactors::LastUsedStep))
                .foreign_key(&mut owned_by_user(TwoFactors::Table, TwoFactors::UserId))
                .to_owned(),
        ))
        .await?;

        m.create_table(stamped(
            Table::create()
                .table(RecoveryCodes::Table)
                .col(big_pk_auto(RecoveryCodes::Id))
                .col(big_integer(RecoveryCodes::UserId))
                .col(string_len(RecoveryCodes::CodeHash, 64))
                .col(timestamp_with_time_zone_null(RecoveryCodes::UsedAt))
                .foreign_key(&mut owned_by_user(
                    RecoveryCodes::Table,
                    RecoveryCodes::UserId,
                ))
                .to_owned(),
        ))
        .await?;
        m.create_index(
            Index::create()
                .name("idx_recovery_codes_user_hash")
                .table(RecoveryCodes::Table)
                .col(RecoveryCodes::UserId)
                .col(RecoveryCodes::CodeHash)
                .to_owned(),
        )
        .await?;

        // The cookie holds a random secret; the key is its SHA-256, as for sessions.
        m.create_table(stamped(
            Table::create()
                .table(LoginChallenges::Table)
                .col(string_len(LoginChallenges::Id, 64).primary_key())
                .col(big_integer(LoginChallenges::UserId))
                .col(integer(LoginChallenges::Attempts))
                .col(timestamp_with_time_zone(LoginChallenges::ExpiresAt))
                .foreign_key(&mut owned_by_user(
                    LoginChallenges::Table,
                    LoginChallenges::UserId,
                ))
                .to_owned(),
        ))
        .await?;
        m.create_index(
            Index::create()
                .name("idx_login_challenges_user")
                .table(LoginChallenges::Table)
                .col(LoginChallenges::UserId)
                .to_owned(),
        )
        .await?;
        Ok(())
    }
}
