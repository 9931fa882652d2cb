use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "engagements")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub recommendation_id: Option<i64>,
    pub company_id: i64,
    pub profile_id: i64,
    pub entrepreneur_id: i64,
    pub message: String,
    pub shared_contact: String,
    pub status: String,
    pub outcome: Option<String>,
    pub lesson: Option<String>,
    pub shared_scan_id: Option<i64>,
    /// Until when the expert sees the shared contact details and scan; `None` (rows from
    /// before the column): 90 days after `created_at`.
    pub share_until: Option<DateTimeUtc>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
