//! Who may erase what (`access::can_erase_person`, `access::can_erase_company`), the typed
//! confirmation, and the erasure itself in one transaction with its line in the audit trail.
use super::{ErasureFacts, ErasureTarget};
use crate::access;
use crate::auth::CurrentUser;
use crate::domain::{Field, Msg, UserId};
use crate::error::AppError;
use crate::ssr::AppState;
use db::TransactionTrait;

/// The confirmation page's facts; refuses (as "not found") whoever may not erase `target`.
pub async fn preview(
    st: &AppState,
    u: &CurrentUser,
    target: ErasureTarget,
) -> Result<ErasureFacts, AppError> {
    match target {
        ErasureTarget::Myself | ErasureTarget::Person(_) => {
            let id = person_of(u, target);
            if !access::can_erase_person(u, id) {
                return Err(if id == u.id {
                    AppError::Forbidden
                } else {
                    AppError::NotFound
                });
            }
            let person = db::accounts::find_by_id(&st.db, id.0)
                .await?
                .filter(|p| !db::erase::is_erased(&p.email))
                .ok_or(AppError::NotFound)?;
            Ok(ErasureFacts {
                target,
                related: db::erase::companies_of(&st.db, person.id).await?,
                name: person.name,
                confirm_with: person.email,
            })
        }
        ErasureTarget::Company(id) => {
            let (company, facts) = crate::companies::load_visible(st, u, id).await?;
            if !access::can_erase_company(u, &facts) {
                return Err(AppError::NotFound);
            }
            Ok(ErasureFacts {
                target,
                related: db::erase::sole_members(&st.db, company.id).await?,
                confirm_with: company.name.clone(),
                name: company.name,
            })
        }
    }
}

fn person_of(u: &CurrentUser, target: ErasureTarget) -> UserId {
    match target {
        ErasureTarget::Person(id) => id,
        _ => u.id,
    }
}

/// Whether what was typed confirms `expected` (spaces around it and letter case aside).
fn confirms(typed: &str, expected: &str) -> bool {
    typed.trim().to_lowercase() == expected.trim().to_lowercase()
}

/// Erases `target` after the checks of [`preview`] and the typed confirmation.
pub async fn erase(
    st: &AppState,
    u: &CurrentUser,
    target: ErasureTarget,
    confirm: &str,
) -> Result<(), AppError> {
    let p = preview(st, u, target).await?;
    if !confirms(confirm, &p.confirm_with) {
        let mut e = crate::error::FormErrors::new();
        e.add(Field::Confirm, Msg::ConfirmMismatch);
        e.keep(Field::Confirm, confirm);
        return Err(AppError::Invalid(e));
    }
    let txn = st.db.begin().await?;
    let (object, id) = match target {
        ErasureTarget::Company(c) => {
            db::erase::company(&txn, c.0)
                .await?
                .ok_or(AppError::NotFound)?;
            ("company", c.0)
        }
        _ => {
            let id = person_of(u, target).0;
            if !db::erase::person(&txn, id).await? {
                return Err(AppError::NotFound);
            }
            ("person", id)
        }
    };
    db::audit::record(
        &txn,
        db::audit::NewAudit {
            actor_id: Some(u.id.0),
            actor_role: u.role.as_str(),
            action: db::audit::ERASE,
            object,
            object_id: Some(id),
            company_id: None,
        },
    )
    .await?;
    txn.commit().await?;
    tracing::info!(target: "audit", object, id, by = u.id.0, "erased");
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::confirms;

    #[test]
    fn the_confirmation_must_repeat_the_address_or_name() {
        assert!(confirms(" Ans@Bakkerij.nl ", "ans@bakkerij.nl"));
        assert!(confirms("bakkerij de vries", "Bakkerij De Vries"));
        assert!(!confirms("", "Bakkerij De Vries"));
        assert!(!confirms("Bakkerij", "Bakkerij De Vries"));
    }
}
