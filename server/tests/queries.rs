//! What a page costs in SQL statements does not grow with what it shows: no query per row
//! (N+1). Each test counts the statements of one page, adds more of everything the page
//! lists, and counts again.
mod common;
use common::*;
use db::entities::{scan, scan_answer, scan_review};
use db::workspace::{actions, timeline, visits};
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, NotSet, QueryFilter, QueryOrder, Set};

/// The company page may cost this many statements at most (session, company, people,
/// workspace, scans, timeline, experts, contributions, the open co-coaching requests and the
/// audit line of the read).
const COMPANY_PAGE_LIMIT: usize = 42;
const LEAD_INBOX_LIMIT: usize = 12;
/// The scan step page may cost this many statements at most (the session, then the draft: scan,
/// company, membership, answers): its data is fetched once, not once per walk of the guard's
/// `Suspense` (which made it 3 times the draft's statements).
const SCAN_STEP_LIMIT: usize = 6;

/// More of everything the company page lists: two submitted scans with review lines, two
/// visits, two actions and two notes.
async fn grow_history(db: &db::DatabaseConnection, company_id: i64, coach_id: i64) {
    let latest = scan::Entity::find()
        .filter(scan::Column::CompanyId.eq(company_id))
        .filter(scan::Column::Status.eq(db::scans::STATUS_SUBMITTED))
        .order_by_desc(scan::Column::Round)
        .one(db)
        .await
        .unwrap()
        .expect("the demo company has a submitted scan");
    let answers = scan_answer::Entity::find()
        .filter(scan_answer::Column::ScanId.eq(latest.id))
        .all(db)
        .await
        .unwrap();
    for k in 1..=2 {
        let mut copy: scan::ActiveModel = latest.clone().into();
        copy.id = NotSet;
        copy.round = Set(latest.round + k);
        let copy = copy.insert(db).await.unwrap();
        for a in &answers {
            let mut row: scan_answer::ActiveModel = a.clone().into();
            row.id = NotSet;
            row.scan_id = Set(copy.id);
            row.insert(db).await.unwrap();
        }
        scan_review::ActiveModel {
            scan_id: Set(copy.id),
            question_id: Set(answers[0].question_id.clone()),
            coach_answer: Set(None),
            note: Set(Some("Navragen tijdens het bezoek".into())),
            flagged: Set(true),
            reviewer_id: Set(coach_id),
            created_at: Set(chrono::Utc::now()),
            updated_at: Set(chrono::Utc::now()),
            ..Default::default()
        }
        .insert(db)
        .await
        .unwrap();
    }
    let today = chrono::Utc::now().date_naive();
    for k in 0..2 {
        visits::create(
            db,
            company_id,
            coach_id,
            today - chrono::Duration::days(30 + k),
            visits::DONE,
        )
        .await
        .unwrap();
        actions::create(
            db,
            actions::NewAction {
                company_id,
                visit_id: None,
                description: format!("Extra actie {k}"),
                owner: actions::OWNER_COACH,
                owner_user_id: Some(coach_id),
                due_on: today + chrono::Duration::days(7 + k),
                created_by_id: coach_id,
            },
        )
        .await
        .unwrap();
        timeline::add(
            db,
            timeline::NewEvent {
                company_id,
                kind: timeline::NOTE,
                actor_id: Some(coach_id),
                shared: false,
                body: format!("Notitie {k}"),
                ref_id: None,
            },
        )
        .await
        .unwrap();
    }
}

on_both_databases!(
    the_company_page_costs_the_same_queries_however_long_its_history,
    |app: TestApp| async move {
        let coach = app.logged_in(COACH).await;
        let coach_id = db::accounts::find_by_email(&app.db, COACH)
            .await
            .unwrap()
            .unwrap()
            .id;
        // A demo company of the coach that shares its scan results.
        let id = db::entities::company::Entity::find()
            .filter(db::entities::company::Column::PrimaryCoachId.eq(coach_id))
            .filter(db::entities::company::Column::LatestScanId.is_not_null())
            .order_by_asc(db::entities::company::Column::Id)
            .one(&app.db)
            .await
            .unwrap()
            .expect("a demo company of the coach with a shared scan")
            .id
            .to_string();
        let path = format!("/companies/{id}");
        // Once to fill the caches of versioned data (the questionnaire), then counted.
        assert_eq!(coach.get(&path).await.0, 200);
        let ((status, _), before) = app.queries_of(|| coach.get(&path)).await;
        assert_eq!(status, 200);
        grow_history(&app.db, id.parse().unwrap(), coach_id).await;
        let ((status, html), after) = app.queries_of(|| coach.get(&path)).await;
        assert_eq!(status, 200);
        assert!(
            html.contains("Extra actie 1"),
            "the page shows the new rows"
        );
        assert!(
            before.len() <= COMPANY_PAGE_LIMIT,
            "the company page ran {} statements:\n{}",
            before.len(),
            before.join("\n")
        );
        assert_eq!(
            before.len(),
            after.len(),
            "statements grew with the company's history:\nbefore:\n{}\nafter:\n{}",
            before.join("\n"),
            after.join("\n")
        );
    }
);

on_both_databases!(
    the_lead_inbox_costs_the_same_queries_however_many_leads,
    |app: TestApp| async move {
        let coach = app.logged_in(COACH).await;
        let coach_user = db::accounts::find_by_email(&app.db, COACH)
            .await
            .unwrap()
            .unwrap();
        let expert = db::accounts::find_by_email(&app.db, EXPERT)
            .await
            .unwrap()
            .unwrap();
        let profile = db::experts::profile_of(&app.db, expert.id)
            .await
            .unwrap()
            .expect("the demo expert has a profile");
        let propose = |n: usize| {
            let db = app.db.clone();
            let org = coach_user.organisation_id.unwrap();
            async move {
                for k in 0..n {
                    db::leads::propose(
                        &db,
                        db::leads::NewLead {
                            organisation_id: org,
                            profile_id: profile.id,
                            company_name: format!("Voorstel {k}"),
                            // One of them matches a company the organisation already has.
                            kvk_number: if k == 0 {
                                "12345678".into()
                            } else {
                                format!("{}", 87_000_000 + k)
                            },
                            reason: "Zoekt hulp bij de webshop".into(),
                        },
                    )
                    .await
                    .unwrap();
                }
            }
        };
        propose(1).await;
        assert_eq!(coach.get("/leads").await.0, 200);
        let ((status, _), before) = app.queries_of(|| coach.get("/leads")).await;
        assert_eq!(status, 200);
        propose(5).await;
        let ((status, html), after) = app.queries_of(|| coach.get("/leads")).await;
        assert_eq!(status, 200);
        assert!(html.contains("Voorstel 4"), "the inbox shows the new leads");
        assert!(
            before.len() <= LEAD_INBOX_LIMIT,
            "the lead inbox ran {} statements:\n{}",
            before.len(),
            before.join("\n")
        );
        assert_eq!(
            before.len(),
            after.len(),
            "statements grew with the number of leads:\nbefore:\n{}\nafter:\n{}",
            before.join("\n"),
            after.join("\n")
        );
    }
);

on_both_databases!(
    the_scan_step_page_reads_its_draft_once,
    |app: TestApp| async move {
        let e = app.logged_in(ENTREPRENEUR).await;
        let company = app.company_id("12345678").await;
        let consent = e
            .call(
                "scan_consent",
                &[("company_id", &company), ("share", "yes")],
            )
            .await;
        assert_eq!(consent.status, 200, "{}", consent.body);
        let started = e.call("scan_start", &[("company_id", &company)]).await;
        assert_eq!(started.status, 200, "{}", started.body);
        let path = format!("/scans/{}/step/1", started.body.as_i64().unwrap());
        // Once to fill the caches of versioned data (the questionnaire), then counted.
        assert_eq!(e.get(&path).await.0, 200);
        let ((status, html), statements) = app.queries_of(|| e.get(&path)).await;
        assert_eq!(status, 200);
        assert!(html.contains("Stap 1 van 6"), "the step is shown");
        let answers = statements
            .iter()
            .filter(|s| s.contains("scan_answer"))
            .count();
        assert_eq!(
            answers,
            1,
            "the draft's answers were read {answers} times:\n{}",
            statements.join("\n")
        );
        assert!(
            statements.len() <= SCAN_STEP_LIMIT,
            "the scan step page ran {} statements:\n{}",
            statements.len(),
            statements.join("\n")
        );
    }
);
