//! Reading and changing the asker's own shares. Only the entrepreneur who made the contact,
//! while still a member of the company, sees or changes it; anyone else gets "not found".
use super::{MyShares, ScanChoice, Share, ShareChoice, ShareForm};
use crate::auth::CurrentUser;
use crate::domain::{Field, Msg, Role, ScanId};
use crate::error::AppError;
use crate::ssr::AppState;
use db::TransactionTrait;
use db::recommendations as recs;

/// The contact details as the expert reads them: one per line.
fn contact_lines(email: Option<&str>, phone: Option<&str>) -> String {
    email
        .into_iter()
        .chain(phone)
        .collect::<Vec<_>>()
        .join("\n")
}

/// The entrepreneur's own submitted scans of a company.
async fn own_scans(
    st: &AppState,
    u: &CurrentUser,
    company: i64,
) -> Result<Vec<ScanChoice>, AppError> {
    Ok(db::scans::of_company(&st.db, company)
        .await?
        .into_iter()
        .filter(|s| s.status == db::scans::STATUS_SUBMITTED && s.respondent_id == u.id.0)
        .map(|s| ScanChoice {
            id: ScanId(s.id),
            round: s.round,
            submitted_at: s.submitted_at,
        })
        .collect())
}

pub async fn mine(st: &AppState, u: &CurrentUser) -> Result<MyShares, AppError> {
    if u.role != Role::Entrepreneur {
        return Err(AppError::Forbidden);
    }
    let list = recs::engagements_of_entrepreneur(&st.db, u.id.0).await?;
    let experts = db::experts::names_of(&st.db, list.iter().map(|e| e.profile_id)).await?;
    let companies = db::companies::names_of(&st.db, list.iter().map(|e| e.company_id)).await?;
    let at = db::now();
    // Membership and the scans to choose from are per company, not per contact.
    let mut scans_of: std::collections::HashMap<i64, Option<Vec<ScanChoice>>> =
        std::collections::HashMap::new();
    let mut shares = vec![];
    for e in list {
        if !scans_of.contains_key(&e.company_id) {
            let member = db::accounts::is_member(&st.db, e.company_id, u.id.0).await?;
            let scans = match member {
                true => Some(own_scans(st, u, e.company_id).await?),
                false => None,
            };
            scans_of.insert(e.company_id, scans);
        }
        // A contact made for a company they have left is no longer theirs to manage.
        let Some(scans) = scans_of[&e.company_id].clone() else {
            continue;
        };
        let lines: Vec<&str> = e.shared_contact.lines().collect();
        shares.push(Share {
            engagement_id: e.id,
            expert: experts.get(&e.profile_id).cloned().unwrap_or_default(),
            company: companies.get(&e.company_id).cloned().unwrap_or_default(),
            contacted_at: e.created_at,
            email: lines.contains(&u.email.as_str()),
            phone: lines
                .iter()
                .find(|l| **l != u.email)
                .map(|l| (*l).to_owned()),
            scan: e.shared_scan_id.map(ScanId),
            until: recs::share_ends(&e),
            active: recs::share_active(&e, at),
            scans,
        });
    }
    Ok(MyShares {
        email: u.email.clone(),
        shares,
    })
}

/// Applies the choice; returns whether it was a withdrawal.
pub async fn update(st: &AppState, u: &CurrentUser, form: &ShareForm) -> Result<bool, AppError> {
    let e = recs::find_engagement(&st.db, form.engagement_id)
        .await?
        .filter(|e| e.entrepreneur_id == u.id.0 && u.role == Role::Entrepreneur)
        .ok_or(AppError::NotFound)?;
    if !db::accounts::is_member(&st.db, e.company_id, u.id.0).await? {
        return Err(AppError::NotFound);
    }
    let company = e.company_id;
    let choice = form.parse()?;
    let now = db::now();
    let txn = st.db.begin().await?;
    let withdrawn = match choice {
        ShareChoice::Withdraw => {
            recs::set_share(&txn, e, String::new(), None, now).await?;
            true
        }
        ShareChoice::Share { email, phone, scan } => {
            if let Some(id) = scan
                && !own_scans(st, u, company)
                    .await?
                    .iter()
                    .any(|s| s.id.0 == id)
            {
                let mut err = crate::error::FormErrors::new();
                err.add(Field::SharedScan, Msg::ChoiceInvalid);
                return Err(AppError::Invalid(err));
            }
            let contact = contact_lines(email.then_some(u.email.as_str()), phone.as_deref());
            recs::set_share(&txn, e, contact, scan, now + recs::SHARE_LASTS).await?;
            false
        }
    };
    crate::audit::service::change(&txn, u, "expert_share", Some(form.engagement_id), company)
        .await?;
    txn.commit().await?;
    Ok(withdrawn)
}
