use sea_orm::entity::prelude::*;

/// One line of the audit trail (see `crate::audit`).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "audit_events")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub occurred_at: DateTimeUtc,
    pub actor_id: Option<i64>,
    pub actor_role: String,
    /// `read` or `change`.
    pub action: String,
    /// What was read or changed: `dossier`, `scan_result`, `visit_report`, ... or, for a
    /// change, the kind of its timeline event.
    pub object: String,
    pub object_id: Option<i64>,
    pub company_id: Option<i64>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
