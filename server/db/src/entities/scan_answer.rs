use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "scan_answers")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub scan_id: i64,
    pub question_id: String,
    /// One question's answer as JSON; a row means the respondent saw and confirmed it.
    #[sea_orm(column_type = "Text")]
    pub answer: String,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
