//! The expert directory: themes (data, each linked to the scan questions and options it helps
//! with), one profile per expert (description, region, contact details, independence
//! declaration, vetting by a programme manager) and the themes of each profile.
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Themes {
    Table,
    Id,
    Key,
    Nl,
    En,
    Links,
    Position,
}

#[derive(DeriveIden)]
enum ExpertProfiles {
    Table,
    Id,
    UserId,
    Headline,
    Description,
    Region,
    Phone,
    ContactEmail,
    Independence,
    Conflicts,
    Vetting,
    VettedById,
    VettedAt,
}

#[derive(DeriveIden)]
enum ExpertProfileThemes {
    Table,
    Id,
    ProfileId,
    ThemeId,
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

/// The programme's expert themes. `links` names the scan questions (and options or rows) a
/// theme helps with, so a weak answer there points to experts of that theme.
const THEMES: [(&str, &str, &str, &str); 8] = [
    (
        "dashboards",
        "Dashboards en rapportages",
        "Dashboards and reporting",
        "q7.self_service q9.bi",
    ),
    (
        "machine_connectivity",
        "Machines verbinden",
        "Machine connectivity",
        "q4.iot q4.mes",
    ),
    ("cybersecurity", "Cyberveiligheid", "Cybersecurity", "q8"),
    (
        "data_strategy",
        "Datastrategie en -beleid",
        "Data strategy and policy",
        "q2 q7.policy",
    ),
    (
        "ecommerce",
        "Online verkopen en marketing",
        "Online sales and marketing",
        "q3.ecommerce q3.emarketing",
    ),
    (
        "automation_ai",
        "Automatisering en AI",
        "Automation and AI",
        "q9.nlp q9.vision q9.robotics",
    ),
    (
        "people_change",
        "Mensen en verandering",
        "People and change",
        "q5 q6",
    ),
    (
        "sustainability",
        "Duurzaam ondernemen",
        "Sustainable business",
        "q10 q11",
    ),
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(stamped(
            Table::create()
                .table(Themes::Table)
                .col(big_pk_auto(Themes::Id))
                .col(string_len_uniq(Themes::Key, 32))
                .col(string_len(Themes::Nl, 100))
                .col(string_len(Themes::En, 100))
                .col(string_len(Themes::Links, 300))
                .col(integer(Themes::Position))
                .to_owned(),
        ))
        .await?;
        let now = chrono::Utc::now();
        for (i, (key, nl, en, links)) in THEMES.iter().enumerate() {
            m.exec_stmt(
                Query::insert()
                    .into_table(Themes::Table)
                    .columns(
                        [
                            "key",
                            "nl",
                            "en",
                            "links",
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
                        (*links).into(),
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
                .table(ExpertProfiles::Table)
                .col(big_pk_auto(ExpertProfiles::Id))
                .col(big_integer_uniq(ExpertProfiles::UserId))
                .col(string_len(ExpertProfiles::Headline, 200))
                .col(text(ExpertProfiles::Description))
                .col(string_len(ExpertProfiles::Region, 100))
                .col(string_len_null(ExpertProfiles::Phone, 40))
                .col(string_len_null(ExpertProfiles::ContactEmail, 254))
                .col(text(ExpertProfiles::Independence))
                .col(text(ExpertProfiles::Conflicts))
                .col(string_len(ExpertProfiles::Vetting, 16))
                .col(big_integer_null(ExpertProfiles::VettedById))
                .col(timestamp_with_time_zone_null(ExpertProfiles::VettedAt))
                .foreign_key(
                    ForeignKey::create()
                        .from(ExpertProfiles::Table, ExpertProfiles::UserId)
                        .to(Users::Table, Users::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(ExpertProfiles::Table, ExpertProfiles::VettedById)
                        .to(Users::Table, Users::Id),
                )
                .to_owned(),
        ))
        .await?;
        for (name, col) in [
            ("idx_expert_profiles_vetting", ExpertProfiles::Vetting),
            ("idx_expert_profiles_region", ExpertProfiles::Region),
        ] {
            m.create_index(
                Index::create()
                    .name(name)
                    .table(ExpertProfiles::Table)
                    .col(col)
                    .to_owned(),
            )
            .await?;
        }

        m.create_table(stamped(
            Table::create()
                .table(ExpertProfileThemes::Table)
                .col(big_pk_auto(ExpertProfileThemes::Id))
                .col(big_integer(ExpertProfileThemes::ProfileId))
                .col(big_integer(ExpertProfileThemes::ThemeId))
                .foreign_key(
                    ForeignKey::create()
                        .from(ExpertProfileThemes::Table, ExpertProfileThemes::ProfileId)
                        .to(ExpertProfiles::Table, ExpertProfiles::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(ExpertProfileThemes::Table, ExpertProfileThemes::ThemeId)
                        .to(Themes::Table, Themes::Id),
                )
                .to_owned(),
        ))
        .await?;
        m.create_index(
            Index::create()
                .name("uq_expert_profile_themes")
                .table(ExpertProfileThemes::Table)
                .col(ExpertProfileThemes::ProfileId)
                .col(ExpertProfileThemes::ThemeId)
                .unique()
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_expert_profile_themes_theme")
                .table(ExpertProfileThemes::Table)
                .col(ExpertProfileThemes::ThemeId)
                .to_owned(),
        )
        .await?;
        Ok(())
    }
}
