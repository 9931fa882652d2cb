//! Every page, requested cold by every kind of visitor, answers without a server error and
//! without a panic anywhere in the server (a panic in a rendering task does not always turn
//! into a 500, so a panic hook counts them).
mod common;
use common::*;
use sea_orm::EntityTrait;
use std::sync::Mutex;

static PANICS: Mutex<Vec<String>> = Mutex::new(Vec::new());

fn record_panics() {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        PANICS.lock().unwrap().push(info.to_string());
        default(info);
    }));
}

/// The app's pages with ids taken from the demo data.
async fn all_pages(app: &TestApp) -> Vec<String> {
    use db::entities::*;
    let first = |id: Option<i64>| id.map(|i| i.to_string()).unwrap_or_else(|| "1".into());
    // A workspace demo company: it has scans, visits and actions.
    let visit = visit::Entity::find()
        .one(&app.db)
        .await
        .unwrap()
        .expect("a demo visit");
    let company = visit.company_id.to_string();
    let visit = visit.id.to_string();
    let scan = first(
        scan::Entity::find()
            .one(&app.db)
            .await
            .unwrap()
            .map(|m| m.id),
    );
    let expert = first(
        expert_profile::Entity::find()
            .one(&app.db)
            .await
            .unwrap()
            .map(|m| m.id),
    );
    let mail = first(
        outbox_message::Entity::find()
            .one(&app.db)
            .await
            .unwrap()
            .map(|m| m.id),
    );
    [
        "/",
        "/login",
        "/forgot-password",
        "/login/code",
        "/login/code?recovery=1",
        "/account/two-factor",
        "/account/two-factor?do=new-codes",
        "/account/two-factor?do=disable",
        "/reset-password/not-a-token",
        "/invitation/not-a-token",
        "/companies",
        "/companies/new",
        &format!("/companies/{company}"),
        &format!("/companies/{company}/scans"),
        &format!("/companies/{company}/profile"),
        &format!("/scans/{scan}"),
        &format!("/scans/{scan}/step/1"),
        &format!("/scans/{scan}/step/99"),
        &format!("/scans/{scan}/review"),
        &format!("/scans/{scan}/coach"),
        "/caseload",
        "/caseload?page=99999&sort=score",
        "/actions",
        &format!("/visits/{visit}"),
        &format!("/visits/{visit}/brief"),
        "/t-profile",
        "/handover",
        "/experts",
        &format!("/experts/{expert}"),
        "/expert-profile",
        "/my-engagements",
        "/leads",
        "/my-leads",
        "/admin/users",
        "/admin/users/invite",
        "/admin/outbox",
        &format!("/admin/outbox/{mail}"),
        "/admin/organisations",
        "/companies/abc",
        "/bestaat-niet",
        "/shares",
        "/account/erase",
        &format!("/companies/{company}/erase"),
        "/admin/users/1/erase",
        "/admin/users/abc/erase",
        "/audit",
    ]
    .iter()
    .map(|p| p.to_string())
    .collect()
}

async fn sweep(app: TestApp) {
    let pages = all_pages(&app).await;
    let mut visitors = vec![("anonymous", app.client())];
    for email in [
        ENTREPRENEUR,
        COACH,
        "programma@demo.datacoach.nl",
        EXPERT,
        ADMIN,
    ] {
        visitors.push((email, app.logged_in(email).await));
    }
    for (who, client) in &visitors {
        for page in &pages {
            let (status, html) =
                tokio::time::timeout(std::time::Duration::from_secs(20), client.get(page))
                    .await
                    .unwrap_or_else(|_| panic!("{who} {page}: no answer within 20 s"));
            assert!(status < 500, "{who} {page}: {status}\n{html}");
            assert!(
                html.contains("</html>"),
                "{who} {page}: the page is complete"
            );
        }
    }
    // Tasks spawned by the last pages get their turn before the count.
    tokio::time::sleep(std::time::Duration::from_millis(200)).await;
}

/// One test for both databases, one after the other: the panic hook is process-wide, so a
/// panic it records belongs to this sweep.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_page_as_every_visitor_answers_without_a_server_error_or_a_panic() {
    record_panics();
    common::run(db::testing::Backend::Sqlite, sweep).await;
    common::run(db::testing::Backend::Postgres, sweep).await;
    let panics = PANICS.lock().unwrap().clone();
    assert!(panics.is_empty(), "panics while serving: {panics:#?}");
}
