use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "two_factors")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub user_id: i64,
    /// The TOTP secret in base32 (RFC 4648, no padding). Shown to its owner only while
    /// enrolling, never after.
    pub secret: String,
    /// Empty until the first correct code: an unconfirmed factor does not protect the login.
    pub confirmed_at: Option<DateTimeUtc>,
    /// The last accepted time step (unix time / 30): a code is accepted once.
    pub last_used_step: Option<i64>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
