//! The demo data set: one coaching organisation with two coaches, a programme manager, an
//! admin, three companies with entrepreneur accounts and one expert. Every name says "demo".
//! Seeding happens only into an empty database, so a real deployment is never touched.
use crate::accounts::{NewUser, create_user};
use crate::companies::{NewCompany, add_member, create, create_expert_firm, create_organisation};
use crate::entities::user;
use crate::{DbResult, password, roles};
use sea_orm::{EntityTrait, PaginatorTrait, TransactionTrait};

/// The password of every demo account.
pub const DEMO_PASSWORD: &str = "demo-wachtwoord-2026";

/// The TOTP secret (base32, 160 bits) of the demo admin and programme manager, whose roles
/// need a second factor. Fixed and public on purpose: a newcomer adds it to an authenticator
/// app (or computes the code, as the tests do) to log in to the demo.
pub const DEMO_TOTP_SECRET: &str = "JBSWY3DPEHPK3PXPDATACOACHDEMO234";

#[derive(Debug, Clone)]
pub struct DemoLogin {
    pub role: &'static str,
    pub email: &'static str,
    pub name: &'static str,
}

pub const DEMO_LOGINS: [DemoLogin; 8] = [
    DemoLogin {
        role: roles::ADMIN,
        email: "admin@demo.datacoach.nl",
        name: "Anouk Admin (demo)",
    },
    DemoLogin {
        role: roles::PROGRAMME_MANAGER,
        email: "programma@demo.datacoach.nl",
        name: "Pieter Programma (demo)",
    },
    DemoLogin {
        role: roles::COACH,
        email: "coach@demo.datacoach.nl",
        name: "Sanne de Vries (demo)",
    },
    DemoLogin {
        role: roles::COACH,
        email: "coach2@demo.datacoach.nl",
        name: "Joris Bakker (demo)",
    },
    DemoLogin {
        role: roles::ENTREPRENEUR,
        email: "ondernemer@demo.datacoach.nl",
        name: "Eva van den Berg (demo)",
    },
    DemoLogin {
        role: roles::ENTREPRENEUR,
        email: "metaal@demo.datacoach.nl",
        name: "Mehmet Yilmaz (demo)",
    },
    DemoLogin {
        role: roles::ENTREPRENEUR,
        email: "transport@demo.datacoach.nl",
        name: "Linda Janssen (demo)",
    },
    DemoLogin {
        role: roles::EXPERT,
        email: "expert@demo.datacoach.nl",
        name: "Daan Dashboard (demo)",
    },
];

/// Seeds the demo data when the database has no users yet. Returns whether it seeded.
pub async fn seed_demo(db: &sea_orm::DatabaseConnection) -> DbResult<bool> {
    if user::Entity::find().count(db).await? > 0 {
        return Ok(false);
    }
    let hash = password::hash_password_async(DEMO_PASSWORD.to_owned()).await?;
    let txn = db.begin().await?;
    let org = create_organisation(&txn, "Datacoaching Brabant (demo)").await?;
    let firm = create_expert_firm(
        &txn,
        "DataWerk Advies (demo)",
        Some("https://datawerk.example"),
    )
    .await?;
    let mut ids = Vec::new();
    for login in DEMO_LOGINS.iter() {
        let staff = matches!(login.role, r if r == roles::COACH || r == roles::PROGRAMME_MANAGER);
        let u = create_user(
            &txn,
            NewUser {
                email: login.email.to_owned(),
                name: login.name.to_owned(),
                language: "nl".to_owned(),
                role: login.role,
                organisation_id: staff.then_some(org.id),
                expert_firm_id: (login.role == roles::EXPERT).then_some(firm.id),
                password_hash: Some(hash.clone()),
            },
        )
        .await?;
        ids.push(u.id);
    }
    for (user_id, login) in ids.iter().zip(DEMO_LOGINS.iter()) {
        if login.role == roles::ADMIN || login.role == roles::PROGRAMME_MANAGER {
            crate::two_factor::enrol_confirmed(&txn, *user_id, DEMO_TOTP_SECRET).await?;
        }
    }
    let (coach, coach2) = (ids[2], ids[3]);
    let companies = [
        (
            "Bakkerij Van den Berg (demo)",
            "12345678",
            "Tilburg",
            "small",
            "C",
            Some("G"),
            coach,
            ids[4],
            1987,
            "Heuvelstraat 12",
        ),
        (
            "Metaalbewerking Yilmaz (demo)",
            "23456789",
            "Eindhoven",
            "medium",
            "C",
            None,
            coach,
            ids[5],
            2004,
            "Esp 210",
        ),
        (
            "Janssen Transport (demo)",
            "34567890",
            "'s-Hertogenbosch",
            "small",
            "H",
            None,
            coach2,
            ids[6],
            1995,
            "De Rietvelden 5",
        ),
    ];
    for (name, kvk, town, size, sector, sector2, coach_id, member, year, address) in companies {
        let c = create(
            &txn,
            NewCompany {
                name: name.to_owned(),
                kvk_number: kvk.to_owned(),
                website: Some(format!("https://{}.example", kvk)),
                founding_year: Some(year),
                address: Some(address.to_owned()),
                municipality: town.to_owned(),
                size_band: size.to_owned(),
                primary_sector: sector.to_owned(),
                secondary_sector: sector2.map(str::to_owned),
                organisation_id: org.id,
                primary_coach_id: Some(coach_id),
            },
        )
        .await?;
        add_member(&txn, c.id, member).await?;
    }
    txn.commit().await?;
    Ok(true)
}
