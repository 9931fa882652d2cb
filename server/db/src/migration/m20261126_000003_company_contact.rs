//! The company profile of the scan's first module: a contact person (name, role, e-mail,
//! phone). One column per statement: SQLite alters one thing at a time.
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Companies {
    Table,
    ContactName,
    ContactRole,
    ContactEmail,
    ContactPhone,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for col in [
            string_len_null(Companies::ContactName, 200),
            string_len_null(Companies::ContactRole, 100),
            string_len_null(Companies::ContactEmail, 254),
            string_len_null(Companies::ContactPhone, 40),
        ] {
            let mut col = col;
            m.alter_table(
                Table::alter()
                    .table(Companies::Table)
                    .add_column(&mut col)
                    .to_owned(),
            )
            .await?;
        }
        Ok(())
    }
}
