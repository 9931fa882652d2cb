//! `server seed-bench --companies N`: a programme at scale, for benchmarks and for trying the
//! coach's pages with a realistic amount of data. N companies in the demo organisation, spread
//! over its coaches, each with one or two entrepreneurs, the sharing consent, scans (T0 for
//! most, T1 for half, a draft of the next round for some), visits, actions, notes and the
//! timeline events all of these leave. For N = 10,000: about 27,000 scans and 110,000
//! timeline events.
//!
//! Rows go in with multi-row inserts inside one transaction, so seeding takes seconds. The
//! submitted scans copy the answers, scores and band of the demo's own submitted scans, so
//! every page (result, dossier, colleague hint) has real data to show. The caseload figures on
//! each company row are computed here from what is inserted, exactly as `caseload::refresh`
//! would compute them.
use chrono::{DateTime, Duration, Utc};
use db::entities::{
    action, company, company_coach, company_member, consent, scan, scan_answer, timeline_event,
    user, visit,
};
use db::workspace::{actions as wa, timeline as tl, visits as wv};
use db::{DatabaseConnection, roles, scans};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, Set,
    TransactionTrait,
};
use std::time::Instant;

type Res<T> = Result<T, Box<dyn std::error::Error + Send + Sync>>;

/// Rows per multi-row INSERT: well below SQLite's and PostgreSQL's limits on bound values
/// for the widest table (company, 27 columns).
const CHUNK: usize = 400;

/// The demo's municipalities, so the bench companies sit among the demo ones.
use crate::demo::workspace::TOWNS;
const SECTORS: [&str; 6] = ["C", "F", "G", "H", "J", "M"];
const SIZES: [&str; 3] = ["micro", "small", "medium"];
const NOTES: [&str; 4] = [
    "Gebeld over de offerte van de ERP-leverancier; ze twijfelen nog over de koppeling met de webshop.",
    "Directeur wil eerst de voorraadadministratie op orde hebben voordat we verder praten over dashboards.",
    "Na de scan samen gekeken naar back-ups: alles staat nog op één NAS in het kantoor.",
    "Enthousiast over de bijeenkomst over AI in de maakindustrie; wil een vervolgafspraak.",
];
const ACTIONS: [&str; 4] = [
    "Offertes voor een nieuw ERP-pakket vergelijken",
    "Back-up buiten de deur regelen",
    "Wachtwoordbeleid opstellen met de medewerkers",
    "Klantgegevens uit Excel overzetten naar het CRM",
];

/// What the seed reports when it is done.
#[derive(Debug, Default)]
pub struct Seeded {
    pub companies: usize,
    pub users: usize,
    pub scans: usize,
    pub answers: usize,
    pub visits: usize,
    pub actions: usize,
    pub events: usize,
    pub seconds: f64,
}

/// A submitted demo scan whose answers and scores the bench scans copy.
struct Template {
    questionnaire_id: i64,
    profile: Option<String>,
    scores: Option<String>,
    overall: Option<f64>,
    band: Option<String>,
    answers: Vec<(String, String)>,
}

/// A scan to insert, with what its rows depend on.
struct PlannedScan {
    company: usize,
    respondent: usize,
    round: i32,
    submitted_at: Option<DateTime<Utc>>,
    template: usize,
}

/// Adds `n` companies (with everything around them) to the demo organisation. The demo data
/// set must be there: it provides the organisation, the coaches and the scans to copy.
pub async fn seed(db: &DatabaseConnection, n: usize) -> Res<Seeded> {
    let started = Instant::now();
    let coach = db::accounts::find_by_email(db, "coach@demo.datacoach.nl")
        .await?
        .ok_or("the demo data set is missing: run `server seed-demo` first")?;
    let org = coach
        .organisation_id
        .ok_or("the demo coach has no organisation")?;
    let coaches: Vec<i64> = user::Entity::find()
        .filter(user::Column::OrganisationId.eq(org))
        .filter(user::Column::Role.eq(roles::COACH))
        .order_by_asc(user::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .map(|u| u.id)
        .collect();
    let templates = templates(db).await?;
    if templates.is_empty() {
        return Err("the demo data set has no submitted scan to copy".into());
    }
    let hash = coach.password_hash.clone();
    let first = company::Entity::find().count(db).await? as usize;
    let now = Utc::now();
    let today = now.date_naive();
    let days = |d: i64| now - Duration::days(d);
    let day = |d: i64| today + Duration::days(d);

    let txn = db.begin().await?;
    let mut out = Seeded::default();

    // People: one entrepreneur per company, a second one for three companies in five.
    let mut people: Vec<(usize, user::ActiveModel)> = Vec::new();
    for i in 0..n {
        for k in 0..(1 + usize::from(i % 5 < 3)) {
            let no = first + i;
            people.push((
                i,
                user::ActiveModel {
                    email: Set(format!("ondernemer{no}-{k}@bench.datacoach.nl")),
                    name: Set(format!("Ondernemer {no}-{k} (bench)")),
                    language: Set(if i % 10 == 0 { "en" } else { "nl" }.to_owned()),
                    password_hash: Set(hash.clone()),
                    role: Set(roles::ENTREPRENEUR.to_owned()),
                    organisation_id: Set(None),
                    expert_firm_id: Set(None),
                    active: Set(true),
                    created_at: Set(days(800)),
                    updated_at: Set(days(800)),
                    ..Default::default()
                },
            ));
        }
    }
    let owners: Vec<usize> = people.iter().map(|(c, _)| *c).collect();
    let user_ids = insert_keys::<user::ActiveModel>(&txn, people.into_iter().map(|p| p.1)).await?;
    out.users = user_ids.len();
    let mut members: Vec<Vec<i64>> = vec![Vec::new(); n];
    for (c, id) in owners.iter().zip(&user_ids) {
        members[*c].push(*id);
    }

    // Scans: T0 for 19 companies in 20, T1 for every other, a draft of the next round for
    // three in ten. Each member answers each round.
    let mut planned: Vec<PlannedScan> = Vec::new();
    for (i, ms) in members.iter().enumerate() {
        let rounds = if i % 20 == 19 {
            0
        } else if i % 2 == 0 {
            2
        } else {
            1
        };
        for round in 0..rounds {
            for (r, _) in ms.iter().enumerate() {
                let age = if round == 0 {
                    400 + (i % 300)
                } else {
                    20 + (i % 300)
                };
                planned.push(PlannedScan {
                    company: i,
                    respondent: r,
                    round,
                    submitted_at: Some(days(age as i64 - r as i64)),
                    template: (i + r + round as usize) % templates.len(),
                });
            }
        }
        if rounds > 0 && i % 10 < 3 {
            planned.push(PlannedScan {
                company: i,
                respondent: 0,
                round: rounds,
                submitted_at: None,
                template: i % templates.len(),
            });
        }
    }

    // Companies, with the caseload figures their scans, visits and actions give.
    let mut companies = Vec::with_capacity(n);
    for i in 0..n {
        let no = first + i;
        let latest = planned
            .iter()
            .filter(|s| s.company == i && s.submitted_at.is_some())
            .max_by_key(|s| (s.submitted_at, s.round));
        let t = latest.map(|s| &templates[s.template]);
        let (last_contact, next_visit) = visit_days(i);
        let (open, first_due) = open_actions(i);
        companies.push(company::ActiveModel {
            name: Set(format!("{} {no:05} (bench)", company_word(i))),
            kvk_number: Set(format!("{}", 60_000_000 + no)),
            website: Set(Some(format!("https://bedrijf{no}.example"))),
            founding_year: Set(Some(1950 + (i % 70) as i32)),
            address: Set(Some(format!("Industrieweg {}", 1 + i % 200))),
            municipality: Set(TOWNS[i % TOWNS.len()].to_owned()),
            size_band: Set(SIZES[i % SIZES.len()].to_owned()),
            primary_sector: Set(SECTORS[i % SECTORS.len()].to_owned()),
            secondary_sector: Set((i % 7 == 0).then(|| "G".to_owned())),
            organisation_id: Set(org),
            primary_coach_id: Set(Some(coaches[i % coaches.len()])),
            contact_name: Set(Some(format!("Ondernemer {no}-0 (bench)"))),
            contact_role: Set(Some("Eigenaar".to_owned())),
            contact_email: Set(Some(format!("ondernemer{no}-0@bench.datacoach.nl"))),
            contact_phone: Set(Some(format!("013-{:07}", no))),
            // Set below, once the scans have their ids.
            latest_scan_id: Set(None),
            latest_scan_at: Set(latest.and_then(|s| s.submitted_at)),
            latest_overall: Set(t.and_then(|t| t.overall)),
            latest_band: Set(t.and_then(|t| t.band.clone())),
            last_contact_on: Set(last_contact.map(day)),
            next_visit_on: Set(next_visit.map(day)),
            open_actions: Set(open),
            first_due_on: Set(first_due.map(day)),
            created_at: Set(days(900)),
            updated_at: Set(days(1)),
            ..Default::default()
        });
    }
    let company_ids: &[i64] = &insert_keys::<company::ActiveModel>(&txn, companies).await?;
    out.companies = company_ids.len();

    let member_rows = members.iter().enumerate().flat_map(|(i, ms)| {
        ms.iter().map(move |u| company_member::ActiveModel {
            company_id: Set(company_ids[i]),
            user_id: Set(*u),
            created_at: Set(days(800)),
            updated_at: Set(days(800)),
            ..Default::default()
        })
    });
    insert_all::<company_member::ActiveModel>(&txn, member_rows).await?;
    // A co-coach for one company in eight.
    let co = (0..n)
        .filter(|i| i % 8 == 0)
        .map(|i| company_coach::ActiveModel {
            company_id: Set(company_ids[i]),
            user_id: Set(coaches[(i + 1) % coaches.len()]),
            created_at: Set(days(300)),
            updated_at: Set(days(300)),
            ..Default::default()
        });
    insert_all::<company_coach::ActiveModel>(&txn, co).await?;
    let consents = (0..n)
        .filter(|i| i % 20 != 19)
        .map(|i| consent::ActiveModel {
            company_id: Set(company_ids[i]),
            user_id: Set(members[i][0]),
            kind: Set(scans::CONSENT_SHARE.to_owned()),
            granted: Set(true),
            text_version: Set("2026-01".to_owned()),
            created_at: Set(days(800)),
            updated_at: Set(days(800)),
            ..Default::default()
        });
    insert_all::<consent::ActiveModel>(&txn, consents).await?;

    let scan_rows = planned.iter().map(|s| {
        let t = &templates[s.template];
        let submitted = s.submitted_at.is_some();
        scan::ActiveModel {
            company_id: Set(company_ids[s.company]),
            respondent_id: Set(members[s.company][s.respondent]),
            round: Set(s.round),
            questionnaire_id: Set(t.questionnaire_id),
            status: Set(if submitted {
                scans::STATUS_SUBMITTED
            } else {
                scans::STATUS_DRAFT
            }
            .to_owned()),
            prefill: Set(None),
            scoring_profile: Set(submitted.then(|| t.profile.clone()).flatten()),
            scores: Set(submitted.then(|| t.scores.clone()).flatten()),
            overall: Set(submitted.then_some(t.overall).flatten()),
            band: Set(submitted.then(|| t.band.clone()).flatten()),
            submitted_at: Set(s.submitted_at),
            created_at: Set(s.submitted_at.unwrap_or(now) - Duration::days(2)),
            updated_at: Set(s.submitted_at.unwrap_or(now)),
            ..Default::default()
        }
    });
    let scan_ids = insert_keys::<scan::ActiveModel>(&txn, scan_rows).await?;
    out.scans = scan_ids.len();
    let answers = planned.iter().zip(&scan_ids).flat_map(|(s, id)| {
        let t = &templates[s.template];
        // A draft holds the first few answers given so far.
        let take = if s.submitted_at.is_some() {
            t.answers.len()
        } else {
            5
        };
        let at = s.submitted_at.unwrap_or(now);
        t.answers
            .iter()
            .take(take)
            .map(move |(q, a)| scan_answer::ActiveModel {
                scan_id: Set(*id),
                question_id: Set(q.clone()),
                answer: Set(a.clone()),
                created_at: Set(at),
                updated_at: Set(at),
                ..Default::default()
            })
    });
    out.answers = insert_all::<scan_answer::ActiveModel>(&txn, answers).await?;
    // The latest submitted scan of each company, for its row.
    let mut latest: Vec<Option<(Option<DateTime<Utc>>, i32, i64)>> = vec![None; n];
    for (s, id) in planned.iter().zip(&scan_ids) {
        if s.submitted_at.is_some() {
            let key = (s.submitted_at, s.round, *id);
            let slot = &mut latest[s.company];
            if slot.is_none_or(|l| (l.0, l.1) < (key.0, key.1)) {
                *slot = Some(key);
            }
        }
    }
    for (i, l) in latest.iter().enumerate() {
        if let Some((_, _, scan_id)) = l {
            company::Entity::update_many()
                .set(company::ActiveModel {
                    latest_scan_id: Set(Some(*scan_id)),
                    ..Default::default()
                })
                .filter(company::Column::Id.eq(company_ids[i]))
                .exec(&txn)
                .await?;
        }
    }

    // Visits: a done visit every 90 days going back, a planned one for a third.
    let mut visit_rows = Vec::new();
    let mut visit_of = Vec::new();
    for i in 0..n {
        let coach_id = coaches[i % coaches.len()];
        let (last, next) = visit_days(i);
        if let Some(last) = last {
            for k in 0..(1 + i % 4) as i64 {
                visit_of.push((i, last - 90 * k, wv::DONE));
            }
        }
        if let Some(next) = next {
            visit_of.push((i, next, wv::PLANNED));
        }
        for (_, on, status) in visit_of.iter().skip(visit_rows.len()) {
            visit_rows.push(visit::ActiveModel {
                company_id: Set(company_ids[i]),
                coach_id: Set(coach_id),
                visit_on: Set(day(*on)),
                status: Set((*status).to_owned()),
                attendees: Set("Eigenaar, coach".to_owned()),
                topics: Set("Resultaten van de scan, volgende stappen".to_owned()),
                report: Set(if *status == wv::DONE {
                    "We hebben de uitkomsten van de scan besproken. De grootste winst zit in de \
                     koppeling tussen webshop en voorraad; de eigenaar vraagt offertes op."
                        .to_owned()
                } else {
                    String::new()
                }),
                version: Set(1),
                updated_by_id: Set(Some(coach_id)),
                created_at: Set(days(-*on.min(&0))),
                updated_at: Set(days(-*on.min(&0))),
                ..Default::default()
            });
        }
    }
    let visit_ids = insert_keys::<visit::ActiveModel>(&txn, visit_rows).await?;
    out.visits = visit_ids.len();

    // Actions: the open ones the caseload counts, and as many done.
    let mut action_of = Vec::new();
    for i in 0..n {
        let (open, first_due) = open_actions(i);
        for k in 0..open {
            action_of.push((i, first_due.unwrap_or(0) + 14 * k as i64, false, k as usize));
        }
        for k in 0..(i % 3) {
            action_of.push((i, -60 - 30 * k as i64, true, k + 1));
        }
    }
    let action_rows = action_of.iter().map(|(i, due, done, k)| {
        let coach_id = coaches[i % coaches.len()];
        let owner = if k % 2 == 0 {
            wa::OWNER_COACH
        } else {
            wa::OWNER_ENTREPRENEUR
        };
        action::ActiveModel {
            company_id: Set(company_ids[*i]),
            visit_id: Set(None),
            description: Set(ACTIONS[(i + k) % ACTIONS.len()].to_owned()),
            owner: Set(owner.to_owned()),
            owner_user_id: Set((owner == wa::OWNER_COACH).then_some(coach_id)),
            due_on: Set(day(*due)),
            done_at: Set(done.then(|| days(-due - 5))),
            done_by_id: Set(done.then_some(coach_id)),
            created_by_id: Set(coach_id),
            created_at: Set(days(-due + 30)),
            updated_at: Set(days(-due + 30)),
            ..Default::default()
        }
    });
    let action_ids = insert_keys::<action::ActiveModel>(&txn, action_rows).await?;
    out.actions = action_ids.len();

    // The timeline: what each of those left, plus the coaches' notes.
    let ev = |i: usize,
              kind: &str,
              actor: i64,
              at: DateTime<Utc>,
              shared: bool,
              body: String,
              ref_id: Option<i64>| timeline_event::ActiveModel {
        company_id: Set(company_ids[i]),
        kind: Set(kind.to_owned()),
        actor_id: Set(Some(actor)),
        occurred_at: Set(at),
        shared: Set(shared),
        body: Set(body),
        ref_id: Set(ref_id),
        created_at: Set(at),
        updated_at: Set(at),
        ..Default::default()
    };
    let mut events = Vec::new();
    for i in (0..n).filter(|i| i % 20 != 19) {
        events.push(ev(
            i,
            tl::CONSENT,
            members[i][0],
            days(800),
            true,
            "share=true".into(),
            None,
        ));
    }
    for (s, id) in planned.iter().zip(&scan_ids) {
        if let Some(at) = s.submitted_at {
            let who = members[s.company][s.respondent];
            events.push(ev(
                s.company,
                tl::SCAN,
                who,
                at,
                true,
                format!("T{}", s.round),
                Some(*id),
            ));
        }
    }
    for ((i, on, status), id) in visit_of.iter().zip(&visit_ids) {
        let coach_id = coaches[i % coaches.len()];
        let d = day(*on).format("%Y-%m-%d");
        let at = days(-*on.min(&0));
        events.push(ev(
            *i,
            tl::VISIT,
            coach_id,
            at,
            true,
            format!("planned {d}"),
            Some(*id),
        ));
        if *status == wv::DONE {
            events.push(ev(
                *i,
                tl::VISIT,
                coach_id,
                at,
                true,
                format!("done {d}"),
                Some(*id),
            ));
        }
    }
    for ((i, due, done, k), id) in action_of.iter().zip(&action_ids) {
        let coach_id = coaches[i % coaches.len()];
        let text = ACTIONS[(i + k) % ACTIONS.len()];
        let shared = k % 2 == 1;
        let at = days(-due + 30);
        events.push(ev(
            *i,
            tl::ACTION,
            coach_id,
            at,
            shared,
            format!("agreed {text}"),
            Some(*id),
        ));
        if *done {
            let at = days(-due - 5);
            events.push(ev(
                *i,
                tl::ACTION,
                coach_id,
                at,
                shared,
                format!("done {text}"),
                Some(*id),
            ));
        }
    }
    for i in 0..n {
        let coach_id = coaches[i % coaches.len()];
        for k in 0..(1 + i % 3) {
            let at = days((10 + 45 * k + i % 40) as i64);
            events.push(ev(
                i,
                tl::NOTE,
                coach_id,
                at,
                false,
                NOTES[(i + k) % NOTES.len()].into(),
                None,
            ));
        }
    }
    out.events = insert_all::<timeline_event::ActiveModel>(&txn, events).await?;
    txn.commit().await?;
    out.seconds = started.elapsed().as_secs_f64();
    Ok(out)
}

/// Days from today of the last done visit and the next planned one.
fn visit_days(i: usize) -> (Option<i64>, Option<i64>) {
    let last = (i % 11 != 0).then(|| -((i % 400) as i64) - 1);
    let next = (i % 3 == 0).then(|| 1 + (i % 60) as i64);
    (last, next)
}

/// The number of open actions and the days from today of the first one due.
fn open_actions(i: usize) -> (i32, Option<i64>) {
    let open = (i % 4) as i32;
    (open, (open > 0).then(|| (i % 50) as i64 - 20))
}

fn company_word(i: usize) -> &'static str {
    [
        "Bakkerij",
        "Metaalbewerking",
        "Transport",
        "Installatiebedrijf",
        "Drukkerij",
        "Houthandel",
        "Adviesbureau",
        "Tuincentrum",
    ][i % 8]
}

/// The demo's submitted scans with their answers.
async fn templates(db: &DatabaseConnection) -> Res<Vec<Template>> {
    let submitted = scan::Entity::find()
        .filter(scan::Column::Status.eq(scans::STATUS_SUBMITTED))
        .order_by_asc(scan::Column::Id)
        .all(db)
        .await?;
    let mut out = Vec::new();
    for s in submitted.into_iter().take(6) {
        let answers = scan_answer::Entity::find()
            .filter(scan_answer::Column::ScanId.eq(s.id))
            .order_by_asc(scan_answer::Column::Id)
            .all(db)
            .await?
            .into_iter()
            .map(|a| (a.question_id, a.answer))
            .collect();
        out.push(Template {
            questionnaire_id: s.questionnaire_id,
            profile: s.scoring_profile,
            scores: s.scores,
            overall: s.overall,
            band: s.band,
            answers,
        });
    }
    Ok(out)
}

/// Inserts rows in chunks and returns their ids, in order.
async fn insert_keys<A>(
    db: &impl sea_orm::ConnectionTrait,
    rows: impl IntoIterator<Item = A>,
) -> Res<Vec<i64>>
where
    A: ActiveModelTrait + Send,
    A::Entity: EntityTrait,
    <<A::Entity as EntityTrait>::PrimaryKey as sea_orm::PrimaryKeyTrait>::ValueType: Into<i64>,
    <A::Entity as EntityTrait>::Model: sea_orm::IntoActiveModel<A>,
{
    let rows: Vec<A> = rows.into_iter().collect();
    let mut ids = Vec::with_capacity(rows.len());
    let mut rest = rows.into_iter().peekable();
    while rest.peek().is_some() {
        let chunk: Vec<A> = rest.by_ref().take(CHUNK).collect();
        let keys = <A::Entity as EntityTrait>::insert_many(chunk)
            .exec_with_returning_keys(db)
            .await?;
        ids.extend(keys.into_iter().map(Into::into));
    }
    Ok(ids)
}

/// Inserts rows in chunks and returns how many.
async fn insert_all<A>(
    db: &impl sea_orm::ConnectionTrait,
    rows: impl IntoIterator<Item = A>,
) -> Res<usize>
where
    A: ActiveModelTrait + Send,
{
    let mut n = 0;
    let mut rest = rows.into_iter().peekable();
    while rest.peek().is_some() {
        let chunk: Vec<A> = rest.by_ref().take(CHUNK).collect();
        n += chunk.len();
        <A::Entity as EntityTrait>::insert_many(chunk)
            .exec_without_returning(db)
            .await?;
    }
    Ok(n)
}
