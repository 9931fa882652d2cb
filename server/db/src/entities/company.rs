use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "companies")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub name: String,
    #[sea_orm(unique)]
    pub kvk_number: String,
    pub website: Option<String>,
    pub founding_year: Option<i32>,
    pub address: Option<String>,
    pub municipality: String,
    pub size_band: String,
    pub primary_sector: String,
    pub secondary_sector: Option<String>,
    pub organisation_id: i64,
    pub primary_coach_id: Option<i64>,
    pub contact_name: Option<String>,
    pub contact_role: Option<String>,
    pub contact_email: Option<String>,
    pub contact_phone: Option<String>,
    pub latest_scan_id: Option<i64>,
    pub latest_scan_at: Option<DateTimeUtc>,
    pub latest_overall: Option<f64>,
    pub latest_band: Option<String>,
    pub last_contact_on: Option<Date>,
    pub next_visit_on: Option<Date>,
    pub open_actions: i32,
    pub first_due_on: Option<Date>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::organisation::Entity",
        from = "Column::OrganisationId",
        to = "super::organisation::Column::Id"
    )]
    Organisation,
    #[sea_orm(has_many = "super::company_member::Entity")]
    Members,
}

impl Related<super::organisation::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Organisation.def()
    }
}

impl Related<super::company_member::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Members.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
