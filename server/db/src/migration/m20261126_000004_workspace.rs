//! The coach workspace: co-coaches, the company timeline (which also holds the notes), coach
//! reviews of scan answers, visits with their persuasion approaches and saved revisions,
//! agreed actions, the T-profile (programme topics as data, courses and specialisms), and
//! per-company figures kept up to date for the caseload so that it stays one indexed query.
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Companies {
    Table,
    Id,
    LatestScanId,
    LatestScanAt,
    LatestOverall,
    LatestBand,
    LastContactOn,
    NextVisitOn,
    OpenActions,
    FirstDueOn,
}

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Scans {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum CompanyCoaches {
    Table,
    Id,
    CompanyId,
    UserId,
}

#[derive(DeriveIden)]
enum TimelineEvents {
    Table,
    Id,
    CompanyId,
    Kind,
    ActorId,
    OccurredAt,
    Shared,
    Body,
    RefId,
}

#[derive(DeriveIden)]
enum ScanReviews {
    Table,
    Id,
    ScanId,
    QuestionId,
    CoachAnswer,
    Note,
    Flagged,
    ReviewerId,
}

#[derive(DeriveIden)]
enum Visits {
    Table,
    Id,
    CompanyId,
    CoachId,
    VisitOn,
    Status,
    Attendees,
    Topics,
    Report,
    Version,
    UpdatedById,
}

#[derive(DeriveIden)]
enum VisitApproaches {
    Table,
    Id,
    VisitId,
    Approach,
    Response,
    Note,
}

#[derive(DeriveIden)]
enum VisitRevisions {
    Table,
    Id,
    VisitId,
    Version,
    AuthorId,
    Content,
    Refused,
}

#[derive(DeriveIden)]
enum Actions {
    Table,
    Id,
    CompanyId,
    VisitId,
    Description,
    Owner,
    OwnerUserId,
    DueOn,
    DoneAt,
    DoneById,
    CreatedById,
}

#[derive(DeriveIden)]
enum Topics {
    Table,
    Id,
    Key,
    Nl,
    En,
    Dimension,
    Position,
}

#[derive(DeriveIden)]
enum CoachCourses {
    Table,
    Id,
    UserId,
    TopicId,
    CompletedOn,
}

#[derive(DeriveIden)]
enum CoachSpecialisms {
    Table,
    Id,
    UserId,
    TopicId,
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

fn fk(
    from: (impl IntoIden, impl IntoIden),
    to: (impl IntoIden, impl IntoIden),
    cascade: bool,
) -> ForeignKeyCreateStatement {
    let mut f = ForeignKey::create();
    f.from(from.0, from.1).to(to.0, to.1);
    if cascade {
        f.on_delete(ForeignKeyAction::Cascade);
    }
    f.to_owned()
}

fn index(name: &str, table: impl IntoIden, cols: &[&'static str]) -> IndexCreateStatement {
    let mut i = Index::create();
    i.name(name).table(table);
    for c in cols {
        i.col(Alias::new(*c));
    }
    i.to_owned()
}

/// The programme's T-profile topics, each linked to the scan dimension it helps most with.
/// Data, not code: a programme changes this list with a new migration or in the database.
const TOPICS: [(&str, &str, &str, Option<&str>); 7] = [
    (
        "data",
        "Data en dashboards",
        "Data and dashboards",
        Some("data"),
    ),
    (
        "ai",
        "AI en automatisering",
        "AI and automation",
        Some("automation"),
    ),
    (
        "cybersecurity",
        "Cyberveiligheid",
        "Cybersecurity",
        Some("readiness"),
    ),
    (
        "energy",
        "Energie en duurzaamheid",
        "Energy and sustainability",
        Some("green"),
    ),
    (
        "maintenance",
        "Onderhoud en machines",
        "Maintenance and machines",
        Some("readiness"),
    ),
    (
        "strategy",
        "Strategie en businessmodel",
        "Strategy and business model",
        Some("strategy"),
    ),
    (
        "people",
        "Mensen en verandering",
        "People and change",
        Some("people"),
    ),
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        // Caseload figures (kept by the app in the same transaction as each change).
        for mut col in [
            big_integer_null(Companies::LatestScanId),
            timestamp_with_time_zone_null(Companies::LatestScanAt),
            double_null(Companies::LatestOverall),
            string_len_null(Companies::LatestBand, 32),
            date_null(Companies::LastContactOn),
            date_null(Companies::NextVisitOn),
            integer(Companies::OpenActions).default(0).to_owned(),
            date_null(Companies::FirstDueOn),
        ] {
            m.alter_table(
                Table::alter()
                    .table(Companies::Table)
                    .add_column(&mut col)
                    .to_owned(),
            )
            .await?;
        }
        for (name, col) in [
            ("idx_companies_latest_overall", "latest_overall"),
            ("idx_companies_latest_band", "latest_band"),
            ("idx_companies_last_contact", "last_contact_on"),
            ("idx_companies_next_visit", "next_visit_on"),
            ("idx_companies_first_due", "first_due_on"),
            ("idx_companies_municipality", "municipality"),
            ("idx_companies_sector", "primary_sector"),
        ] {
            m.create_index(index(name, Companies::Table, &[col]))
                .await?;
        }

        m.create_table(stamped(
            Table::create()
                .table(CompanyCoaches::Table)
                .col(big_pk_auto(CompanyCoaches::Id))
                .col(big_integer(CompanyCoaches::CompanyId))
                .col(big_integer(CompanyCoaches::UserId))
                .foreign_key(&mut fk(
                    (CompanyCoaches::Table, CompanyCoaches::CompanyId),
                    (Companies::Table, Companies::Id),
                    true,
                ))
                .foreign_key(&mut fk(
                    (CompanyCoaches::Table, CompanyCoaches::UserId),
                    (Users::Table, Users::Id),
                    true,
                ))
                .to_owned(),
        ))
        .await?;
        m.create_index(
            index(
                "uq_company_coaches",
                CompanyCoaches::Table,
                &["company_id", "user_id"],
            )
            .unique()
            .to_owned(),
        )
        .await?;
        m.create_index(index(
            "idx_company_coaches_user",
            CompanyCoaches::Table,
            &["user_id"],
        ))
        .await?;

        m.create_table(stamped(
            Table::create()
                .table(TimelineEvents::Table)
                .col(big_pk_auto(TimelineEvents::Id))
                .col(big_integer(TimelineEvents::CompanyId))
                .col(string_len(TimelineEvents::Kind, 32))
                .col(big_integer_null(TimelineEvents::ActorId))
                .col(timestamp_with_time_zone(TimelineEvents::OccurredAt))
                .col(boolean(TimelineEvents::Shared))
                .col(text(TimelineEvents::Body))
                .col(big_integer_null(TimelineEvents::RefId))
                .foreign_key(&mut fk(
                    (TimelineEvents::Table, TimelineEvents::CompanyId),
                    (Companies::Table, Companies::Id),
                    true,
                ))
                .foreign_key(&mut fk(
                    (TimelineEvents::Table, TimelineEvents::ActorId),
                    (Users::Table, Users::Id),
                    false,
                ))
                .to_owned(),
        ))
        .await?;
        m.create_index(index(
            "idx_timeline_company_time",
            TimelineEvents::Table,
            &["company_id", "occurred_at"],
        ))
        .await?;

        m.create_table(stamped(
            Table::create()
                .table(ScanReviews::Table)
                .col(big_pk_auto(ScanReviews::Id))
                .col(big_integer(ScanReviews::ScanId))
                .col(string_len(ScanReviews::QuestionId, 16))
                .col(text_null(ScanReviews::CoachAnswer))
                .col(text_null(ScanReviews::Note))
                .col(boolean(ScanReviews::Flagged))
                .col(big_integer(ScanReviews::ReviewerId))
                .foreign_key(&mut fk(
                    (ScanReviews::Table, ScanReviews::ScanId),
                    (Scans::Table, Scans::Id),
                    true,
                ))
                .foreign_key(&mut fk(
                    (ScanReviews::Table, ScanReviews::ReviewerId),
                    (Users::Table, Users::Id),
                    false,
                ))
                .to_owned(),
        ))
        .await?;
        m.create_index(
            index(
                "uq_scan_reviews",
                ScanReviews::Table,
                &["scan_id", "question_id"],
            )
            .unique()
            .to_owned(),
        )
        .await?;

        m.create_table(stamped(
            Table::create()
                .table(Visits::Table)
                .col(big_pk_auto(Visits::Id))
                .col(big_integer(Visits::CompanyId))
                .col(big_integer(Visits::CoachId))
                .col(date(Visits::VisitOn))
                .col(string_len(Visits::Status, 16))
                .col(text(Visits::Attendees))
                .col(text(Visits::Topics))
                .col(text(Visits::Report))
                .col(integer(Visits::Version))
                .col(big_integer_null(Visits::UpdatedById))
                .foreign_key(&mut fk(
                    (Visits::Table, Visits::CompanyId),
                    (Companies::Table, Companies::Id),
                    true,
                ))
                .foreign_key(&mut fk(
                    (Visits::Table, Visits::CoachId),
                    (Users::Table, Users::Id),
                    false,
                ))
                .to_owned(),
        ))
        .await?;
        m.create_index(index(
            "idx_visits_company_date",
            Visits::Table,
            &["company_id", "visit_on"],
        ))
        .await?;

        m.create_table(stamped(
            Table::create()
                .table(VisitApproaches::Table)
                .col(big_pk_auto(VisitApproaches::Id))
                .col(big_integer(VisitApproaches::VisitId))
                .col(string_len(VisitApproaches::Approach, 32))
                .col(string_len(VisitApproaches::Response, 16))
                .col(text(VisitApproaches::Note))
                .foreign_key(&mut fk(
                    (VisitApproaches::Table, VisitApproaches::VisitId),
                    (Visits::Table, Visits::Id),
                    true,
                ))
                .to_owned(),
        ))
        .await?;
        m.create_index(
            index(
                "uq_visit_approaches",
                VisitApproaches::Table,
                &["visit_id", "approach"],
            )
            .unique()
            .to_owned(),
        )
        .await?;

        m.create_table(stamped(
            Table::create()
                .table(VisitRevisions::Table)
                .col(big_pk_auto(VisitRevisions::Id))
                .col(big_integer(VisitRevisions::VisitId))
                .col(integer(VisitRevisions::Version))
                .col(big_integer(VisitRevisions::AuthorId))
                .col(text(VisitRevisions::Content))
                .col(boolean(VisitRevisions::Refused))
                .foreign_key(&mut fk(
                    (VisitRevisions::Table, VisitRevisions::VisitId),
                    (Visits::Table, Visits::Id),
                    true,
                ))
                .foreign_key(&mut fk(
                    (VisitRevisions::Table, VisitRevisions::AuthorId),
                    (Users::Table, Users::Id),
                    false,
                ))
                .to_owned(),
        ))
        .await?;
        m.create_index(index(
            "idx_visit_revisions_visit",
            VisitRevisions::Table,
            &["visit_id"],
        ))
        .await?;

        m.create_table(stamped(
            Table::create()
                .table(Actions::Table)
                .col(big_pk_auto(Actions::Id))
                .col(big_integer(Actions::CompanyId))
                .col(big_integer_null(Actions::VisitId))
                .col(string_len(Actions::Description, 500))
                .col(string_len(Actions::Owner, 16))
                .col(big_integer_null(Actions::OwnerUserId))
                .col(date(Actions::DueOn))
                .col(timestamp_with_time_zone_null(Actions::DoneAt))
                .col(big_integer_null(Actions::DoneById))
                .col(big_integer(Actions::CreatedById))
                .foreign_key(&mut fk(
                    (Actions::Table, Actions::CompanyId),
                    (Companies::Table, Companies::Id),
                    true,
                ))
                .foreign_key(&mut fk(
                    (Actions::Table, Actions::VisitId),
                    (Visits::Table, Visits::Id),
                    false,
                ))
                .foreign_key(&mut fk(
                    (Actions::Table, Actions::OwnerUserId),
                    (Users::Table, Users::Id),
                    false,
                ))
                .to_owned(),
        ))
        .await?;
        m.create_index(index(
            "idx_actions_company",
            Actions::Table,
            &["company_id", "done_at"],
        ))
        .await?;
        m.create_index(index(
            "idx_actions_owner",
            Actions::Table,
            &["owner_user_id", "done_at", "due_on"],
        ))
        .await?;

        m.create_table(stamped(
            Table::create()
                .table(Topics::Table)
                .col(big_pk_auto(Topics::Id))
                .col(string_len_uniq(Topics::Key, 32))
                .col(string_len(Topics::Nl, 100))
                .col(string_len(Topics::En, 100))
                .col(string_len_null(Topics::Dimension, 32))
                .col(integer(Topics::Position))
                .to_owned(),
        ))
        .await?;
        let now = chrono::Utc::now();
        for (i, (key, nl, en, dim)) in TOPICS.iter().enumerate() {
            m.exec_stmt(
                Query::insert()
                    .into_table(Topics::Table)
                    .columns(
                        [
                            "key",
                            "nl",
                            "en",
                            "dimension",
                            "position",
                            "created_at",
                            "updated_at",
                        ]
                        .map(Alias::new),
                    )
                    .values_panic([
                        (*key).into(),
                        (*nl).into(),
                        (*en).into(),
                        dim.map(str::to_owned).into(),
                        (i as i32 + 1).into(),
                        now.into(),
                        now.into(),
                    ])
                    .to_owned(),
            )
            .await?;
        }

        m.create_table(stamped(
            Table::create()
                .table(CoachCourses::Table)
                .col(big_pk_auto(CoachCourses::Id))
                .col(big_integer(CoachCourses::UserId))
                .col(big_integer(CoachCourses::TopicId))
                .col(date(CoachCourses::CompletedOn))
                .foreign_key(&mut fk(
                    (CoachCourses::Table, CoachCourses::UserId),
                    (Users::Table, Users::Id),
                    true,
                ))
                .foreign_key(&mut fk(
                    (CoachCourses::Table, CoachCourses::TopicId),
                    (Topics::Table, Topics::Id),
                    true,
                ))
                .to_owned(),
        ))
        .await?;
        m.create_index(
            index(
                "uq_coach_courses",
                CoachCourses::Table,
                &["user_id", "topic_id"],
            )
            .unique()
            .to_owned(),
        )
        .await?;

        m.create_table(stamped(
            Table::create()
                .table(CoachSpecialisms::Table)
                .col(big_pk_auto(CoachSpecialisms::Id))
                .col(big_integer_uniq(CoachSpecialisms::UserId))
                .col(big_integer(CoachSpecialisms::TopicId))
                .foreign_key(&mut fk(
                    (CoachSpecialisms::Table, CoachSpecialisms::UserId),
                    (Users::Table, Users::Id),
                    true,
                ))
                .foreign_key(&mut fk(
                    (CoachSpecialisms::Table, CoachSpecialisms::TopicId),
                    (Topics::Table, Topics::Id),
                    true,
                ))
                .to_owned(),
        ))
        .await?;
        m.create_index(index(
            "idx_coach_specialisms_topic",
            CoachSpecialisms::Table,
            &["topic_id"],
        ))
        .await?;
        Ok(())
    }
}
