//! Server side of contributions: the coaching staff keep a company's applications.
use super::rules::{self, AidLine, DE_MINIMIS_CEILING_CENTS, SchemeRules};
use super::types::*;
use crate::auth::CurrentUser;
use crate::domain::{CompanyId, Field, Msg};
use crate::error::{AppError, FormErrors};
use crate::ssr::AppState;
use db::TransactionTrait;
use db::contributions as db_c;
use db::entities::{company, contribution_scheme};

fn scheme_view(s: &contribution_scheme::Model) -> SchemeView {
    SchemeView {
        id: s.id,
        name: s.name.clone(),
        funder: s.funder.clone(),
        share_pct: s.share_pct,
        min_cents: s.min_cents,
        max_cents: s.max_cents,
        valid_from: s.valid_from,
        valid_until: s.valid_until,
        de_minimis: s.de_minimis,
    }
}

fn rules_of(s: &contribution_scheme::Model) -> SchemeRules {
    SchemeRules {
        min_cents: s.min_cents,
        max_cents: s.max_cents,
        valid_from: s.valid_from,
        valid_until: s.valid_until,
        de_minimis: s.de_minimis,
    }
}

/// The company's engagements with experts: id and "expert (date)".
async fn engagements(st: &AppState, company_id: i64) -> Result<Vec<(i64, String)>, AppError> {
    let list = db::recommendations::engagements_of_company(&st.db, company_id).await?;
    let names = db::experts::names_of(&st.db, list.iter().map(|e| e.profile_id)).await?;
    Ok(list
        .into_iter()
        .map(|e| {
            let name = names.get(&e.profile_id).map_or("", String::as_str);
            (
                e.id,
                format!("{name} ({})", e.created_at.format("%Y-%m-%d")),
            )
        })
        .collect())
}

async fn total(
    st: &AppState,
    company_id: i64,
    schemes: &[contribution_scheme::Model],
    linked: &[(i64, String)],
) -> Result<(Vec<ApplicationView>, i64), AppError> {
    let apps = db_c::of_company(&st.db, company_id).await?;
    let dm = |id: i64| {
        schemes
            .iter()
            .find(|s| s.id == id)
            .is_some_and(|s| s.de_minimis)
    };
    let lines: Vec<AidLine> = apps
        .iter()
        .map(|a| AidLine {
            de_minimis: dm(a.scheme_id),
            applied_on: a.applied_on,
            counted_cents: a.granted_cents.unwrap_or(a.requested_cents),
            rejected: a.status == db_c::REJECTED,
        })
        .collect();
    let sum = rules::de_minimis_total(&lines, db::workspace::today());
    let views = apps
        .into_iter()
        .map(|a| ApplicationView {
            scheme: schemes
                .iter()
                .find(|s| s.id == a.scheme_id)
                .map(|s| s.name.clone())
                .unwrap_or_default(),
            de_minimis: dm(a.scheme_id),
            engagement: a.engagement_id.and_then(|e| {
                linked
                    .iter()
                    .find(|(id, _)| *id == e)
                    .map(|(_, l)| l.clone())
            }),
            id: a.id,
            requested_cents: a.requested_cents,
            granted_cents: a.granted_cents,
            status: a.status,
            applied_on: a.applied_on,
            decided_on: a.decided_on,
        })
        .collect();
    Ok((views, sum))
}

pub async fn panel(st: &AppState, c: &company::Model) -> Result<ContributionsPanel, AppError> {
    let schemes = db_c::schemes(&st.db).await?;
    let linked = engagements(st, c.id).await?;
    let (applications, de_minimis_cents) = total(st, c.id, &schemes, &linked).await?;
    Ok(ContributionsPanel {
        schemes: schemes.iter().map(scheme_view).collect(),
        applications,
        de_minimis_cents,
        ceiling_cents: DE_MINIMIS_CEILING_CENTS,
        engagements: linked,
    })
}

/// Records an application. It must fit its scheme; one that would take the de-minimis total past
/// the ceiling is refused with a warning until the coach confirms it.
pub async fn apply(
    st: &AppState,
    u: &CurrentUser,
    company_id: CompanyId,
    f: &ApplyForm,
) -> Result<i64, AppError> {
    let (c, _) = crate::companies::load_coached(st, u, company_id).await?;
    let schemes = db_c::schemes(&st.db).await?;
    let mut e = FormErrors::new();
    e.keep(Field::Scheme, &f.scheme_id);
    e.keep(Field::Amount, &f.amount);
    e.keep(Field::AppliedOn, &f.applied_on);
    let scheme = f
        .scheme_id
        .parse::<i64>()
        .ok()
        .and_then(|id| schemes.iter().find(|s| s.id == id));
    if scheme.is_none() {
        e.add(Field::Scheme, Msg::ChoiceInvalid);
    }
    let amount = super::money::parse_euro(&f.amount)
        .map_err(|m| e.add(Field::Amount, m))
        .ok();
    let on = crate::domain::parse_date(&f.applied_on)
        .map_err(|m| e.add(Field::AppliedOn, m))
        .ok();
    e.keep(Field::Engagement, &f.engagement_id);
    let engagement = match f.engagement_id.trim() {
        "" => None,
        raw => {
            let found = match raw.parse::<i64>().ok() {
                Some(id) => db::recommendations::find_engagement(&st.db, id)
                    .await?
                    .filter(|x| x.company_id == c.id),
                None => None,
            };
            if found.is_none() {
                e.add(Field::Engagement, Msg::ChoiceInvalid);
            }
            found.map(|x| x.id)
        }
    };
    if let (Some(s), Some(a), Some(d)) = (scheme, amount, on) {
        if let Err(m) = rules::check_application(&rules_of(s), a, d) {
            let field = if m == Msg::SchemeNotValid {
                Field::AppliedOn
            } else {
                Field::Amount
            };
            e.add(field, m);
        } else if s.de_minimis && f.accept_ceiling.is_none() {
            let (_, sum) = total(st, c.id, &schemes, &[]).await?;
            if rules::passes_ceiling(sum, a) {
                e.add(Field::Amount, Msg::DeMinimisCeiling(sum + a));
            }
        }
    }
    let (scheme, amount, on) = e.finish((scheme, amount, on))?;
    let (Some(scheme), Some(amount), Some(on)) = (scheme, amount, on) else {
        return Err(AppError::Internal);
    };
    let txn = st.db.begin().await?;
    let a = db_c::apply(
        &txn,
        db_c::NewApplication {
            company_id: c.id,
            scheme_id: scheme.id,
            requested_cents: amount,
            applied_on: on,
            created_by_id: u.id.0,
            engagement_id: engagement,
        },
    )
    .await?;
    txn.commit().await?;
    Ok(a.id)
}

/// Records the funder's decision: `granted` amount (empty: rejected).
pub async fn decide(
    st: &AppState,
    u: &CurrentUser,
    id: i64,
    granted: &str,
) -> Result<(), AppError> {
    let a = db_c::find(&st.db, id).await?.ok_or(AppError::NotFound)?;
    crate::companies::load_coached(st, u, CompanyId(a.company_id))
        .await
        .map_err(|_| AppError::NotFound)?;
    let amount = if granted.trim().is_empty() {
        None
    } else {
        let mut e = FormErrors::new();
        e.keep(Field::Granted, granted);
        let v = super::money::parse_euro(granted)
            .map_err(|m| e.add(Field::Granted, m))
            .ok();
        if v.is_some_and(|v| v > a.requested_cents) {
            e.add(Field::Granted, Msg::AmountOutOfRange(0, a.requested_cents));
        }
        e.finish(v)?
    };
    db_c::decide(&st.db, id, amount, db::workspace::today()).await?;
    Ok(())
}
