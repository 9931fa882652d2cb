//! An engagement's outcome (kept by the coach and the expert) and the coach's lesson learned,
//! kept for reuse with the next company. One column per statement: SQLite alters one thing at
//! a time.
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Engagements {
    Table,
    Outcome,
    Lesson,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for mut col in [
            text_null(Engagements::Outcome),
            text_null(Engagements::Lesson),
        ] {
            m.alter_table(
                Table::alter()
                    .table(Engagements::Table)
                    .add_column(&mut col)
                    .to_owned(),
            )
            .await?;
        }
        Ok(())
    }
}
