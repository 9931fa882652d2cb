use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "scans")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub company_id: i64,
    pub respondent_id: i64,
    /// 0 for T0, 1 for T1, ...
    pub round: i32,
    pub questionnaire_id: i64,
    /// `draft` or `submitted`.
    pub status: String,
    /// Answers of the previous round, offered for confirmation (exchange-format JSON).
    #[sea_orm(column_type = "Text", nullable)]
    pub prefill: Option<String>,
    pub scoring_profile: Option<String>,
    /// The scores as shown when submitted (score-format JSON).
    #[sea_orm(column_type = "Text", nullable)]
    pub scores: Option<String>,
    pub overall: Option<f64>,
    pub band: Option<String>,
    pub submitted_at: Option<DateTimeUtc>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
