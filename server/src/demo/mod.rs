//! The demo data set, in one place: the accounts and the first three companies
//! (`db::seed`), the coach workspace with some forty companies (`workspace`) and the experts
//! (`experts`). Seeded only into an empty database, so a real deployment is never touched.
pub mod experts;
pub mod workspace;

use db::DatabaseConnection;

/// Seeds the demo data set into an empty database. Returns whether it seeded.
pub async fn seed(
    conn: &DatabaseConnection,
) -> Result<bool, Box<dyn std::error::Error + Send + Sync>> {
    if !db::seed::seed_demo(conn).await? {
        return Ok(false);
    }
    workspace::seed_workspace(conn).await?;
    experts::seed_experts(conn).await?;
    Ok(true)
}
