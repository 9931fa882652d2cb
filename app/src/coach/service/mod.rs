//! Server-side workspace logic shared by the server functions and the plain form handlers:
//! each function checks who asks and what they may touch, then does one thing, changes and
//! their timeline entry and caseload figures in one transaction.
mod caseload;
mod dossier;
mod review;
mod visits;

pub use caseload::*;
pub use dossier::*;
pub use review::*;
pub use visits::*;

use super::types::{ActionView, Person};
use crate::access::{self, CompanyFacts};
use crate::domain::{ActionId, CompanyId, Field, Msg, UserId, VisitId};
use crate::error::AppError;
use crate::ssr::AppState;
use db::entities::{action, user};
use db::workspace::today;
use std::collections::HashMap;

/// A company whose workspace the user may work in (see `companies::load_coached`).
pub(crate) use crate::companies::load_coached as coached_company;

pub(crate) fn person(u: &user::Model) -> Person {
    Person {
        id: UserId(u.id),
        name: u.name.clone(),
        email: u.email.clone(),
    }
}

pub(crate) fn action_view(
    a: action::Model,
    company_name: &str,
    names: &HashMap<i64, String>,
    can_complete: bool,
) -> ActionView {
    let done = a.done_at.is_some();
    ActionView {
        id: ActionId(a.id),
        company_id: CompanyId(a.company_id),
        company_name: company_name.to_owned(),
        owner_name: a.owner_user_id.and_then(|id| names.get(&id).cloned()),
        overdue: !done && a.due_on < today(),
        due_on: a.due_on,
        done,
        visit_id: a.visit_id.map(VisitId),
        description: a.description,
        owner: a.owner,
        can_complete,
    }
}

/// A coach of the company's organisation who may take it on, or a field error on `field`.
pub(crate) async fn eligible_coach(
    st: &AppState,
    facts: &CompanyFacts,
    id: UserId,
    field: Field,
) -> Result<user::Model, AppError> {
    let u = db::accounts::find_by_id(&st.db, id.0).await?;
    match u {
        Some(u)
            if u.active
                && crate::domain::Role::parse(&u.role).is_some_and(|r| {
                    access::may_coach_in(
                        r,
                        u.organisation_id.map(crate::domain::OrganisationId),
                        facts,
                    )
                }) =>
        {
            Ok(u)
        }
        _ => Err(AppError::invalid(field, Msg::ChoiceInvalid)),
    }
}
