//! The digital-maturity scan: versioned questionnaires (data, seeded here), scans per company,
//! respondent and round, answers saved one question at a time, and consent records.
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Questionnaires {
    Table,
    Id,
    Key,
    Version,
    Definition,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum Scans {
    Table,
    Id,
    CompanyId,
    RespondentId,
    Round,
    QuestionnaireId,
    Status,
    Prefill,
    ScoringProfile,
    Scores,
    Overall,
    Band,
    SubmittedAt,
}

#[derive(DeriveIden)]
enum ScanAnswers {
    Table,
    Id,
    ScanId,
    QuestionId,
    Answer,
}

#[derive(DeriveIden)]
enum Consents {
    Table,
    Id,
    CompanyId,
    UserId,
    Kind,
    Granted,
    TextVersion,
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

// Each migration keeps its own small helpers: an applied migration must never change because a
// helper shared with a later one did.
fn stamped(mut table: TableCreateStatement) -> TableCreateStatement {
    table
        .col(timestamp_with_time_zone(Timestamps::CreatedAt))
        .col(timestamp_with_time_zone(Timestamps::UpdatedAt));
    table
}

/// Version 1 of the questionnaire, exactly as first used. Never edited: a new version gets a
/// new migration and a new row.
const DMA_SME_V1: &str = include_str!("../../../../app/data/dma-sme-v1.json");

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(Questionnaires::Table)
                .col(big_pk_auto(Questionnaires::Id))
                .col(string_len(Questionnaires::Key, 32))
                .col(integer(Questionnaires::Version))
                .col(text(Questionnaires::Definition))
                .col(timestamp_with_time_zone(Questionnaires::CreatedAt))
                .col(timestamp_with_time_zone(Questionnaires::UpdatedAt))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("uq_questionnaires_key_version")
                .table(Questionnaires::Table)
                .col(Questionnaires::Key)
                .col(Questionnaires::Version)
                .unique()
                .to_owned(),
        )
        .await?;
        let now = chrono::Utc::now();
        m.exec_stmt(
            Query::insert()
                .into_table(Questionnaires::Table)
                .columns([
                    Questionnaires::Key,
                    Questionnaires::Version,
                    Questionnaires::Definition,
                    Questionnaires::CreatedAt,
                    Questionnaires::UpdatedAt,
                ])
                .values_panic([
                    "dma-sme".into(),
                    1.into(),
                    DMA_SME_V1.into(),
                    now.into(),
                    now.into(),
                ])
                .to_owned(),
        )
        .await?;

        m.create_table(stamped(
            Table::create()
                .table(Scans::Table)
                .col(big_pk_auto(Scans::Id))
                .col(big_integer(Scans::CompanyId))
                .col(big_integer(Scans::RespondentId))
                .col(integer(Scans::Round))
                .col(big_integer(Scans::QuestionnaireId))
                .col(string_len(Scans::Status, 16))
                .col(text_null(Scans::Prefill))
                .col(string_len_null(Scans::ScoringProfile, 32))
                .col(text_null(Scans::Scores))
                .col(double_null(Scans::Overall))
                .col(string_len_null(Scans::Band, 32))
                .col(timestamp_with_time_zone_null(Scans::SubmittedAt))
                .foreign_key(
                    ForeignKey::create()
                        .from(Scans::Table, Scans::CompanyId)
                        .to(Companies::Table, Companies::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(Scans::Table, Scans::RespondentId)
                        .to(Users::Table, Users::Id),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(Scans::Table, Scans::QuestionnaireId)
                        .to(Questionnaires::Table, Questionnaires::Id),
                )
                .to_owned(),
        ))
        .await?;
        m.create_index(
            Index::create()
                .name("uq_scans_company_respondent_round")
                .table(Scans::Table)
                .col(Scans::CompanyId)
                .col(Scans::RespondentId)
                .col(Scans::Round)
                .unique()
                .to_owned(),
        )
        .await?;

        m.create_table(stamped(
            Table::create()
                .table(ScanAnswers::Table)
                .col(big_pk_auto(ScanAnswers::Id))
                .col(big_integer(ScanAnswers::ScanId))
                .col(string_len(ScanAnswers::QuestionId, 16))
                .col(text(ScanAnswers::Answer))
                .foreign_key(
                    ForeignKey::create()
                        .from(ScanAnswers::Table, ScanAnswers::ScanId)
                        .to(Scans::Table, Scans::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        ))
        .await?;
        m.create_index(
            Index::create()
                .name("uq_scan_answers_scan_question")
                .table(ScanAnswers::Table)
                .col(ScanAnswers::ScanId)
                .col(ScanAnswers::QuestionId)
                .unique()
                .to_owned(),
        )
        .await?;

        m.create_table(stamped(
            Table::create()
                .table(Consents::Table)
                .col(big_pk_auto(Consents::Id))
                .col(big_integer(Consents::CompanyId))
                .col(big_integer(Consents::UserId))
                .col(string_len(Consents::Kind, 32))
                .col(boolean(Consents::Granted))
                .col(string_len(Consents::TextVersion, 32))
                .foreign_key(
                    ForeignKey::create()
                        .from(Consents::Table, Consents::CompanyId)
                        .to(Companies::Table, Companies::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(Consents::Table, Consents::UserId)
                        .to(Users::Table, Users::Id),
                )
                .to_owned(),
        ))
        .await?;
        m.create_index(
            Index::create()
                .name("idx_consents_company")
                .table(Consents::Table)
                .col(Consents::CompanyId)
                .col(Consents::Kind)
                .to_owned(),
        )
        .await?;
        Ok(())
    }
}
