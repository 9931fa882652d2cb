//! The right of access (AVG/GDPR articles 15 and 20): everything Datacoach holds about a person
//! and, for an entrepreneur, about their companies, as one JSON document (format
//! `datacoach-personal-data-v1`, described in the README). It is built from the services the
//! pages use, with their access checks, so it holds exactly what the person may see.
use crate::auth::CurrentUser;
use crate::domain::{CompanyId, Role};
use crate::error::AppError;
use crate::ssr::AppState;
use serde_json::{Value, json};

pub const FORMAT: &str = "datacoach-personal-data-v1";

pub async fn export(st: &AppState, u: &CurrentUser) -> Result<String, AppError> {
    let person = db::accounts::find_by_id(&st.db, u.id.0)
        .await?
        .ok_or(AppError::NotFound)?;
    let mut companies = Vec::new();
    if u.role == Role::Entrepreneur {
        let mut page = 1;
        loop {
            let list = crate::companies::list(st, u, None, Some(page)).await?;
            for c in &list.items {
                companies.push(company(st, u, c.id).await?);
            }
            if page >= list.pages() {
                break;
            }
            page += 1;
        }
    }
    let doc = json!({
        "format": FORMAT,
        "exported_at": chrono::Utc::now(),
        "person": {
            "name": person.name,
            "email": person.email,
            "language": person.language,
            "role": person.role,
            "active": person.active,
            "created_at": person.created_at,
        },
        "companies": companies,
    });
    serde_json::to_string_pretty(&doc).map_err(|_| AppError::Internal)
}

fn value<T: serde::Serialize>(v: &T) -> Result<Value, AppError> {
    serde_json::to_value(v).map_err(|_| AppError::Internal)
}

/// One company as its entrepreneur sees it: details and people, the sharing choice, every
/// scan result (in the exchange format) and their own draft, their actions, the timeline they
/// see, the experts recommended and contacted, and who of the organisation looked at it.
async fn company(st: &AppState, u: &CurrentUser, id: CompanyId) -> Result<Value, AppError> {
    let (model, _) = crate::companies::load_visible(st, u, id).await?;
    let detail = crate::companies::detail(st, u, id).await?;
    let home = crate::scan::service::home(st, u, id).await?;
    let mut results = Vec::new();
    for s in &home.submitted {
        let doc = crate::scan::service::export(st, u, s.scan_id).await?;
        results.push(serde_json::from_str::<Value>(&doc).map_err(|_| AppError::Internal)?);
    }
    let draft = match &home.draft {
        Some(d) => {
            let draft = crate::scan::service::draft(st, u, d.scan_id).await?;
            Some(json!({ "round": draft.round, "answers": draft.answers }))
        }
        None => None,
    };
    let mut timeline = Vec::new();
    let mut page = 1;
    loop {
        let t = crate::coach::service::timeline_page(st, u, id, "", page).await?;
        timeline.extend(
            t.events
                .items
                .iter()
                .map(value)
                .collect::<Result<Vec<_>, _>>()?,
        );
        if page >= t.events.pages() {
            break;
        }
        page += 1;
    }
    let mut looked = Vec::new();
    let mut page = 1;
    loop {
        let a = crate::audit::service::list(st, u, Some(id), None, Some(page)).await?;
        looked.extend(
            a.entries
                .items
                .iter()
                .map(value)
                .collect::<Result<Vec<_>, _>>()?,
        );
        if page >= a.entries.pages() {
            break;
        }
        page += 1;
    }
    Ok(json!({
        "company": value(&detail)?,
        "sharing": value(&home.consent)?,
        "scan_results": results,
        "scan_draft": draft,
        "actions": value(&crate::coach::service::portal(st, u, id).await?.actions)?,
        "timeline": timeline,
        "recommendations": value(&crate::experts::recommend_service::views(st, &model).await?)?,
        "looked_at_by": looked,
    }))
}
