use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "outbox_messages")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub to_email: String,
    pub to_name: String,
    pub language: String,
    /// What the message is about: `invite`, `reset`, `added_to_company`, ...
    pub kind: String,
    pub subject: String,
    #[sea_orm(column_type = "Text")]
    pub body: String,
    /// `pending` (waiting for SMTP), `sent`, `failed` (retrying), or `stored` (no SMTP configured).
    pub status: String,
    pub attempts: i32,
    pub last_error: Option<String>,
    pub sent_at: Option<DateTimeUtc>,
    /// The worker (one app server) that claimed the message to send it, while it sends.
    pub claimed_by: Option<String>,
    /// Nobody claims the message before this time: the claim's lease while it is being sent,
    /// the back-off after a failure. `None`: due now.
    pub next_attempt_at: Option<DateTimeUtc>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
