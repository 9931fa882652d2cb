//! The expert part of the demo data set: four expert firms with one expert each, three of them
//! approved (among them the demo expert who can log in) and one waiting for approval.
use app::error::AppError;
use db::TransactionTrait;
use db::experts::{self, APPROVED, ProfileSave};

struct DemoExpert {
    email: &'static str,
    name: &'static str,
    firm: &'static str,
    website: &'static str,
    headline: &'static str,
    description: &'static str,
    region: &'static str,
    independence: &'static str,
    conflicts: &'static str,
    themes: &'static [&'static str],
    approved: bool,
}

const EXPERTS: [DemoExpert; 4] = [
    DemoExpert {
        email: "expert@demo.datacoach.nl",
        name: "",
        firm: "",
        website: "",
        headline: "Dashboards en rapportages voor het mkb",
        description: "Ik help ondernemers hun cijfers uit de administratie en de productie op één plek te zien, met dashboards die het team zelf bijhoudt.",
        region: "Noord-Brabant",
        independence: "Ik adviseer onafhankelijk van leveranciers en verkoop geen eigen software of licenties.",
        conflicts: "",
        themes: &["dashboards", "data_strategy"],
        approved: true,
    },
    DemoExpert {
        email: "veilig@demo.datacoach.nl",
        name: "Fatima El Amrani (demo)",
        firm: "VeiligMKB (demo)",
        website: "https://veiligmkb.example",
        headline: "Cyberveiligheid die past bij een klein bedrijf",
        description: "Een nulmeting, een back-up die werkt en een team dat phishing herkent: in drie bijeenkomsten.",
        region: "Noord-Brabant",
        independence: "Ik verkoop geen beveiligingsproducten; waar nodig verwijs ik naar meerdere leveranciers.",
        conflicts: "",
        themes: &["cybersecurity"],
        approved: true,
    },
    DemoExpert {
        email: "machines@demo.datacoach.nl",
        name: "Tom Verbeek (demo)",
        firm: "Verbonden Machines (demo)",
        website: "https://verbondenmachines.example",
        headline: "Machines verbinden en productiedata gebruiken",
        description: "Sensoren, MES-koppelingen en de eerste stappen met voorspellend onderhoud.",
        region: "Eindhoven",
        independence: "Onafhankelijk adviseur; geen dealer van machines of software.",
        conflicts: "Ik geef gastcolleges bij een leverancier van sensoren.",
        themes: &["machine_connectivity", "automation_ai"],
        approved: true,
    },
    DemoExpert {
        email: "groen@demo.datacoach.nl",
        name: "Iris de Groen (demo)",
        firm: "Groen Advies (demo)",
        website: "https://groenadvies.example",
        headline: "Duurzaam ondernemen met data",
        description: "Energieverbruik meten, CO2-rapportage en de stap naar circulair inkopen.",
        region: "West-Brabant",
        independence: "Ik adviseer onafhankelijk.",
        conflicts: "",
        themes: &["sustainability"],
        approved: false,
    },
];

/// How many accounts the expert demo adds (the first demo expert already has one).
pub fn new_accounts() -> usize {
    EXPERTS.iter().filter(|e| !e.name.is_empty()).count()
}

/// Seeds the expert directory. Call right after `db::seed::seed_demo` seeded.
pub async fn seed_experts(conn: &db::DatabaseConnection) -> Result<(), AppError> {
    let themes = experts::themes(conn).await?;
    let pm = db::accounts::find_by_email(conn, "programma@demo.datacoach.nl")
        .await?
        .ok_or(AppError::Internal)?;
    let txn = conn.begin().await?;
    for e in EXPERTS.iter() {
        let user = match db::accounts::find_by_email(&txn, e.email).await? {
            Some(u) => u,
            None => {
                let firm = db::companies::create_expert_firm(&txn, e.firm, Some(e.website)).await?;
                db::accounts::create_user(
                    &txn,
                    db::accounts::NewUser {
                        email: e.email.into(),
                        name: e.name.into(),
                        language: "nl".into(),
                        role: db::roles::EXPERT,
                        organisation_id: None,
                        expert_firm_id: Some(firm.id),
                        password_hash: None,
                    },
                )
                .await?
            }
        };
        let saved = experts::save_profile(
            &txn,
            user.id,
            ProfileSave {
                headline: e.headline.into(),
                description: e.description.into(),
                region: e.region.into(),
                phone: None,
                contact_email: None,
                independence: e.independence.into(),
                conflicts: e.conflicts.into(),
                theme_ids: themes
                    .iter()
                    .filter(|t| e.themes.contains(&t.key.as_str()))
                    .map(|t| t.id)
                    .collect(),
            },
        )
        .await?;
        if e.approved {
            experts::set_vetting(&txn, saved.id, APPROVED, pm.id).await?;
        }
    }
    txn.commit().await?;
    Ok(())
}
