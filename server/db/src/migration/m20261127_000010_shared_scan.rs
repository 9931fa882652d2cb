//! A scan result the entrepreneur explicitly shares with the expert they contact: the only way
//! an expert ever sees a scan.
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Engagements {
    Table,
    SharedScanId,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        let mut col = big_integer_null(Engagements::SharedScanId);
        m.alter_table(
            Table::alter()
                .table(Engagements::Table)
                .add_column(&mut col)
                .to_owned(),
        )
        .await?;
        Ok(())
    }
}
