//! The workspace part of the demo data set: some forty extra companies in Brabant with their
//! entrepreneurs, shared scans (T0, and a T1 for about half), visits with reports and
//! persuasion approaches, planned visits, agreed actions (some overdue), notes, a few coach
//! reviews and the coaches' T-profiles, all with their timeline. Deterministic: the same data
//! on every machine. The three original demo companies are left as they are, so a newcomer
//! can walk through a first scan with them.
use app::error::AppError;
use app::scan::{
    Answer, Answers, QuestionKind, Questionnaire, TriValue, answer_to_value, next_best_steps, score,
};
use chrono::{DateTime, Duration, NaiveDate, Utc};
use db::TransactionTrait;
use db::workspace::{actions, caseload, coaching, reviews, timeline, tprofile, visits};
use std::collections::{BTreeMap, BTreeSet};

/// A small deterministic generator (xorshift): demo data must not change between runs.
struct Dice(u64);

impl Dice {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
    fn chance(&mut self, p: f64) -> bool {
        (self.below(10_000) as f64) < p * 10_000.0
    }
}

const TRADES: [&str; 15] = [
    "Bakkerij",
    "Metaalwerk",
    "Installatiebedrijf",
    "Transport",
    "Drukkerij",
    "Hoveniersbedrijf",
    "Kaasmakerij",
    "Timmerfabriek",
    "Kunststoffen",
    "Elektrotechniek",
    "Schoonmaakbedrijf",
    "Autobedrijf",
    "Machinebouw",
    "Tuincentrum",
    "Brouwerij",
];
const SECTOR_OF_TRADE: [&str; 15] = [
    "C", "C", "F", "H", "C", "N", "C", "C", "C", "F", "N", "G", "C", "G", "C",
];
const NAMES: [&str; 30] = [
    "De Jong",
    "Jansen",
    "De Vries",
    "Van den Heuvel",
    "Van Dijk",
    "Bakker",
    "Visser",
    "Smit",
    "Meijer",
    "De Boer",
    "Mulder",
    "De Groot",
    "Bos",
    "Vos",
    "Peters",
    "Hendriks",
    "Van Leeuwen",
    "Dekker",
    "Brouwer",
    "De Wit",
    "Dijkstra",
    "Smits",
    "De Graaf",
    "Van der Meer",
    "Kok",
    "Verhoeven",
    "Van Beek",
    "Willems",
    "Van Gils",
    "Maas",
];
const FIRST: [&str; 12] = [
    "Anna", "Bram", "Carla", "Dirk", "Femke", "Gert", "Hanneke", "Ivo", "Josje", "Kees", "Lotte",
    "Marco",
];
pub(crate) const TOWNS: [&str; 14] = [
    "Breda",
    "Tilburg",
    "Eindhoven",
    "'s-Hertogenbosch",
    "Helmond",
    "Oss",
    "Roosendaal",
    "Bergen op Zoom",
    "Waalwijk",
    "Meierijstad",
    "Maashorst",
    "Oosterhout",
    "Valkenswaard",
    "Boxtel",
];
/// How many companies (each with one entrepreneur) the workspace demo adds.
pub const COMPANIES: usize = 42;

const REPORTS: [&str; 4] = [
    "Kennismaking en de scan doorgelopen. De ondernemer ziet vooral kansen in het beter benutten van gegevens uit de administratie.",
    "Gesproken over planning en voorraad. Veel gebeurt nog op papier; er is interesse in een eenvoudig dashboard.",
    "Vervolggesprek: de eerste stappen zijn gezet. Het personeel moet nog worden meegenomen in de veranderingen.",
    "Samen gekeken naar cyberveiligheid en back-ups. De ondernemer wil eerst de basis op orde brengen.",
];
const ACTIONS: [(&str, &str); 6] = [
    (
        "Offerte voor een dashboard opvragen bij twee leveranciers",
        "entrepreneur",
    ),
    (
        "Back-up van de administratie instellen en testen",
        "entrepreneur",
    ),
    ("Voorbeeld van een databeleid sturen", "coach"),
    (
        "Medewerkers vragen welke handmatige taken het meeste tijd kosten",
        "entrepreneur",
    ),
    (
        "Subsidiemogelijkheden voor digitalisering uitzoeken",
        "coach",
    ),
    (
        "Workshop cyberveiligheid plannen voor het team",
        "entrepreneur",
    ),
];
const NOTES: [&str; 4] = [
    "Ondernemer is enthousiast maar heeft weinig tijd; korte, concrete stappen werken het best.",
    "Zoon neemt het bedrijf over de komende jaren over en wil digitaliseren.",
    "Let op: eerdere ervaring met een dure softwareleverancier was negatief.",
    "Goede klik met de bedrijfsleider; die is het aanspreekpunt voor data.",
];

/// Answers of a company with maturity `m` (0..1): the higher, the more is ticked.
fn answers(q: &Questionnaire, m: f64, dice: &mut Dice) -> Answers {
    let mut a = Answers::new();
    for question in &q.questions {
        let answer = match question.kind {
            QuestionKind::Grid2 => {
                let mut invested = BTreeSet::new();
                let mut planned = BTreeSet::new();
                for r in &question.rows {
                    if dice.chance(m) {
                        invested.insert(r.id.clone());
                    } else if dice.chance(0.4) {
                        planned.insert(r.id.clone());
                    }
                }
                Answer::Grid2 { invested, planned }
            }
            QuestionKind::Multi => {
                let ticked: BTreeSet<String> = question
                    .options
                    .iter()
                    .filter(|o| !o.exclusive && dice.chance(m))
                    .map(|o| o.id.clone())
                    .collect();
                Answer::Multi(ticked)
            }
            QuestionKind::Scale05 => Answer::Scale(
                question
                    .rows
                    .iter()
                    .map(|r| {
                        (
                            r.id.clone(),
                            ((dice.below(6) as f64) * m * 1.3).round().min(5.0) as u8,
                        )
                    })
                    .collect::<BTreeMap<_, _>>(),
            ),
            QuestionKind::Tri => Answer::Tri(
                question
                    .rows
                    .iter()
                    .map(|r| {
                        let v = if dice.chance(m) {
                            TriValue::Yes
                        } else if dice.chance(0.5) {
                            TriValue::Partly
                        } else {
                            TriValue::No
                        };
                        (r.id.clone(), v)
                    })
                    .collect(),
            ),
        };
        let answer = if answer.errors(question).is_empty() {
            answer
        } else {
            Answer::empty(question.kind)
        };
        a.set(question.id.clone(), answer);
    }
    a
}

fn days_ago(now: DateTime<Utc>, d: i64) -> DateTime<Utc> {
    now - Duration::days(d)
}

async fn user_id(db: &db::DatabaseTransaction, email: &str) -> Result<i64, AppError> {
    Ok(db::accounts::find_by_email(db, email)
        .await?
        .map(|u| u.id)
        .ok_or(AppError::Internal)?)
}

/// Seeds the workspace demo data. Call right after `db::seed::seed_demo` seeded.
pub async fn seed_workspace(conn: &db::DatabaseConnection) -> Result<(), AppError> {
    let row = db::scans::latest_questionnaire(conn, "dma-sme").await?;
    let q = Questionnaire::from_json(&row.definition).map_err(|_| AppError::Internal)?;
    let txn = conn.begin().await?;
    let sanne = user_id(&txn, "coach@demo.datacoach.nl").await?;
    let joris = user_id(&txn, "coach2@demo.datacoach.nl").await?;
    let pieter = user_id(&txn, "programma@demo.datacoach.nl").await?;
    let org = db::accounts::find_by_id(&txn, sanne)
        .await?
        .and_then(|u| u.organisation_id)
        .ok_or(AppError::Internal)?;
    seed_t_profiles(&txn, sanne, joris, pieter).await?;
    let now = Utc::now();
    let today = now.date_naive();
    let mut dice = Dice(0x5eed_da7a_c0ac_2026);
    for i in 0..COMPANIES {
        let trade = i % TRADES.len();
        // The shift after every 30 keeps each trade and family pair unique.
        let family = NAMES[(i * 7 + 3 + i / NAMES.len()) % NAMES.len()];
        let name = format!("{} {} (demo)", TRADES[trade], family);
        let town = TOWNS[(i * 5 + 1) % TOWNS.len()];
        let coach = if i % 5 < 3 { sanne } else { joris };
        let c = db::companies::create(
            &txn,
            db::companies::NewCompany {
                name: name.clone(),
                kvk_number: format!("{}", 50_000_000 + i * 7_919),
                website: None,
                founding_year: Some(1950 + (i as i32 * 13) % 70),
                address: None,
                municipality: town.to_owned(),
                size_band: ["micro", "small", "medium"][i % 3].to_owned(),
                primary_sector: SECTOR_OF_TRADE[trade].to_owned(),
                secondary_sector: None,
                organisation_id: org,
                primary_coach_id: Some(coach),
            },
        )
        .await?;
        let owner_name = format!("{} {} (demo)", FIRST[i % FIRST.len()], family);
        let owner = db::accounts::create_user(
            &txn,
            db::accounts::NewUser {
                email: format!("ondernemer{}@demo.datacoach.nl", i + 1),
                name: owner_name.clone(),
                language: "nl".into(),
                role: db::roles::ENTREPRENEUR,
                organisation_id: None,
                expert_firm_id: None,
                password_hash: None,
            },
        )
        .await?;
        db::companies::add_member(&txn, c.id, owner.id).await?;
        if i % 7 == 2 {
            let other = if coach == sanne { joris } else { sanne };
            coaching::add_co_coach(&txn, c.id, other).await?;
        }
        // Most companies share their results; a few have not decided or said no.
        let share = i % 9 != 4;
        let t0_age = 300 + dice.below(120) as i64;
        event(
            &txn,
            c.id,
            owner.id,
            timeline::CONSENT,
            true,
            format!("share={share} benchmark={}", i % 2 == 0),
            None,
            days_ago(now, t0_age + 3),
        )
        .await?;
        for (kind, granted) in [
            (db::scans::CONSENT_SHARE, share),
            (db::scans::CONSENT_BENCHMARK, i % 2 == 0),
        ] {
            db::scans::record_consent(
                &txn,
                c.id,
                owner.id,
                kind,
                granted,
                app::scan::types::CONSENT_TEXT_VERSION,
            )
            .await?;
        }
        let maturity = 0.15 + (dice.below(60) as f64) / 100.0;
        let t0 = answers(&q, maturity, &mut dice);
        let t0_id = submit_scan(
            &txn,
            &q,
            row.id,
            c.id,
            owner.id,
            0,
            &t0,
            days_ago(now, t0_age),
        )
        .await?;
        let first_visit = (now - Duration::days(t0_age - 14)).date_naive();
        let v1 = done_visit(&txn, c.id, coach, first_visit, &owner_name, i, &mut dice).await?;
        if i % 3 == 0 {
            let flagged = &q.questions[(i * 3) % q.questions.len()];
            reviews::save(
                &txn,
                reviews::ReviewUpdate {
                    scan_id: t0_id,
                    question_id: flagged.id.clone(),
                    coach_answer: None,
                    note: Some("Navragen: klopt dit met wat we op de werkvloer zagen?".into()),
                    flagged: true,
                    reviewer_id: coach,
                },
            )
            .await?;
        }
        if i % 2 == 0 {
            // A year on: the next round, with the steps taken that the visit suggested.
            let mut t1 = t0.clone();
            for d in q.dimensions.iter().take(2 + i % 3) {
                for step in next_best_steps(&q, &t1, &d.id).into_iter().take(2) {
                    step.apply(&q, &mut t1);
                }
            }
            let t1_age = 20 + dice.below(70) as i64;
            submit_scan(
                &txn,
                &q,
                row.id,
                c.id,
                owner.id,
                1,
                &t1,
                days_ago(now, t1_age),
            )
            .await?;
            done_visit(
                &txn,
                c.id,
                coach,
                (now - Duration::days(t1_age - 10).max(Duration::days(1))).date_naive(),
                &owner_name,
                i + 1,
                &mut dice,
            )
            .await?;
        }
        if i % 5 != 3 {
            let on = today + Duration::days(3 + dice.below(40) as i64);
            let v = visits::create(&txn, c.id, coach, on, visits::PLANNED).await?;
            event(
                &txn,
                c.id,
                coach,
                timeline::VISIT,
                true,
                format!("planned {}", on.format("%Y-%m-%d")),
                Some(v.id),
                days_ago(now, 2),
            )
            .await?;
        }
        for k in 0..(1 + i % 3) {
            let (text, who) = ACTIONS[(i + k * 2) % ACTIONS.len()];
            let due = today + Duration::days(dice.below(60) as i64 - 30);
            let a = actions::create(
                &txn,
                actions::NewAction {
                    company_id: c.id,
                    visit_id: Some(v1),
                    description: text.to_owned(),
                    owner: if who == "coach" {
                        actions::OWNER_COACH
                    } else {
                        actions::OWNER_ENTREPRENEUR
                    },
                    owner_user_id: (who == "coach").then_some(coach),
                    due_on: due,
                    created_by_id: coach,
                },
            )
            .await?;
            event(
                &txn,
                c.id,
                coach,
                timeline::ACTION,
                who != "coach",
                format!("agreed {text}"),
                Some(a.id),
                days_ago(now, t0_age - 14),
            )
            .await?;
            if k == 0 && i % 4 == 1 {
                actions::set_done(&txn, a.id, true, owner.id).await?;
                event(
                    &txn,
                    c.id,
                    owner.id,
                    timeline::ACTION,
                    who != "coach",
                    format!("done {text}"),
                    Some(a.id),
                    days_ago(now, 30),
                )
                .await?;
            }
        }
        if i % 2 == 1 {
            event(
                &txn,
                c.id,
                coach,
                timeline::NOTE,
                i % 6 == 1,
                NOTES[i % NOTES.len()].into(),
                None,
                days_ago(now, t0_age - 15),
            )
            .await?;
        }
        if i == 1 {
            // Declared de-minimis aid from elsewhere, close to the EU ceiling: a new
            // application for this company is warned about.
            seed_de_minimis(&txn, c.id, coach, today).await?;
        }
        caseload::refresh(&txn, c.id).await?;
    }
    txn.commit().await?;
    Ok(())
}

async fn seed_de_minimis(
    db: &db::DatabaseTransaction,
    company_id: i64,
    coach: i64,
    today: NaiveDate,
) -> Result<(), AppError> {
    let schemes = db::contributions::schemes(db).await?;
    let Some(other) = schemes.iter().find(|s| s.key == "overige_de_minimis") else {
        return Ok(());
    };
    let on = today - Duration::days(400);
    let a = db::contributions::apply(
        db,
        db::contributions::NewApplication {
            company_id,
            scheme_id: other.id,
            requested_cents: 296_000_00,
            applied_on: on,
            created_by_id: coach,
            engagement_id: None,
        },
    )
    .await?;
    db::contributions::decide(db, a.id, Some(296_000_00), on + Duration::days(30)).await?;
    Ok(())
}

#[allow(clippy::too_many_arguments)]
async fn event(
    db: &db::DatabaseTransaction,
    company_id: i64,
    actor: i64,
    kind: &'static str,
    shared: bool,
    body: String,
    ref_id: Option<i64>,
    at: DateTime<Utc>,
) -> Result<(), AppError> {
    timeline::add_at(
        db,
        timeline::NewEvent {
            company_id,
            kind,
            actor_id: Some(actor),
            shared,
            body,
            ref_id,
        },
        at,
    )
    .await?;
    Ok(())
}

#[allow(clippy::too_many_arguments)]
async fn submit_scan(
    db: &db::DatabaseTransaction,
    q: &Questionnaire,
    questionnaire_id: i64,
    company_id: i64,
    respondent: i64,
    round: i32,
    a: &Answers,
    at: DateTime<Utc>,
) -> Result<i64, AppError> {
    let s = db::scans::create(
        db,
        db::scans::NewScan {
            company_id,
            respondent_id: respondent,
            round,
            questionnaire_id,
            prefill: None,
        },
    )
    .await?;
    for question in &q.questions {
        if let Some(x) = a.get(&question.id) {
            db::scans::save_answer(
                db,
                s.id,
                &question.id,
                &answer_to_value(question, x).to_string(),
            )
            .await?;
        }
    }
    let scores = score(q, a);
    let json = serde_json::to_string(&scores).map_err(|_| AppError::Internal)?;
    let s = db::scans::submit(
        db,
        s,
        app::scan::PROFILE,
        json,
        scores.overall,
        scores.band.as_str(),
    )
    .await?;
    db::scans::set_submitted_at(db, s.id, at).await?;
    event(
        db,
        company_id,
        respondent,
        timeline::SCAN,
        true,
        app::scan::types::round_label(round),
        Some(s.id),
        at,
    )
    .await?;
    Ok(s.id)
}

async fn done_visit(
    db: &db::DatabaseTransaction,
    company_id: i64,
    coach: i64,
    on: NaiveDate,
    owner_name: &str,
    i: usize,
    dice: &mut Dice,
) -> Result<i64, AppError> {
    let v = visits::create(db, company_id, coach, on, visits::PLANNED).await?;
    let mut approaches = Vec::new();
    for a in app::coach::Approach::ALL {
        if approaches.len() < 2 && dice.chance(0.45) {
            approaches.push(visits::ApproachRow {
                approach: a.as_str().to_owned(),
                response: app::coach::Response::ALL[dice.below(3) as usize]
                    .as_str()
                    .to_owned(),
                note: String::new(),
            });
        }
    }
    let report = visits::Report {
        visit_on: on,
        status: visits::DONE.into(),
        attendees: format!("{owner_name}, coach"),
        topics: [
            "Data en administratie",
            "Planning en voorraad",
            "Mensen en verandering",
            "Cyberveiligheid",
        ][i % 4]
            .into(),
        report: REPORTS[i % REPORTS.len()].into(),
        approaches,
    };
    visits::save(db, v.id, 1, coach, &report, String::new()).await?;
    let at = on
        .and_hms_opt(15, 0, 0)
        .map(|d| d.and_utc())
        .unwrap_or_else(Utc::now);
    event(
        db,
        company_id,
        coach,
        timeline::VISIT,
        true,
        format!("done {}", on.format("%Y-%m-%d")),
        Some(v.id),
        at,
    )
    .await?;
    Ok(v.id)
}

async fn seed_t_profiles(
    db: &db::DatabaseTransaction,
    sanne: i64,
    joris: i64,
    pieter: i64,
) -> Result<(), AppError> {
    let topics = tprofile::topics(db).await?;
    let id = |key: &str| topics.iter().find(|t| t.key == key).map(|t| t.id);
    let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default();
    let plan = [
        (
            sanne,
            vec![
                ("data", day(2025, 3, 12)),
                ("cybersecurity", day(2025, 6, 2)),
                ("energy", day(2025, 9, 18)),
            ],
            "energy",
        ),
        (
            joris,
            vec![("data", day(2025, 3, 12)), ("ai", day(2025, 5, 20))],
            "data",
        ),
        (pieter, vec![("strategy", day(2024, 11, 4))], "strategy"),
    ];
    for (user, courses, spec) in plan {
        let courses: Vec<(i64, NaiveDate)> = courses
            .into_iter()
            .filter_map(|(k, d)| id(k).map(|t| (t, d)))
            .collect();
        tprofile::save(db, user, &courses, id(spec)).await?;
    }
    Ok(())
}
