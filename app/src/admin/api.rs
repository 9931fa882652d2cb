//! Admin server functions. Every one requires an admin.
use super::{
    OrganisationRow, OutboxMessage, OutboxRow, StaffFormOptions, StaffInviteForm, UserRow,
};
use crate::domain::{OutboxId, Paged, UserId};
use crate::error::AppError;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use crate::{
    access,
    auth::CurrentUser,
    domain::{ExpertFirmId, Field, Lang, Msg, OrganisationId, PER_PAGE, Role, offset_of},
    error::FormErrors,
    ssr::{self, respond},
};

#[cfg(feature = "ssr")]
fn require_admin() -> Result<CurrentUser, AppError> {
    let u = ssr::require_user()?;
    if access::can_administer(&u) {
        Ok(u)
    } else {
        Err(AppError::Forbidden)
    }
}

#[server(prefix = "/api", endpoint = "admin_list_users")]
pub async fn list_users(
    q: Option<String>,
    role: Option<String>,
    page: Option<u64>,
) -> Result<Paged<UserRow>, AppError> {
    respond(
        async {
            require_admin()?;
            let st = ssr::state()?;
            let page = page.unwrap_or(1).max(1);
            let role = role.filter(|r| Role::parse(r).is_some());
            let filter = db::accounts::UserFilter { search: q, role };
            let found =
                db::accounts::list_users(&st.db, &filter, offset_of(page), PER_PAGE).await?;
            let orgs = db::companies::organisation_names(&st.db).await?;
            let items = found
                .items
                .into_iter()
                .filter_map(|u| {
                    Some(UserRow {
                        id: UserId(u.id),
                        role: Role::parse(&u.role)?,
                        active: u.active,
                        pending: u.password_hash.is_none(),
                        organisation: u.organisation_id.and_then(|o| orgs.get(&o).cloned()),
                        name: u.name,
                        email: u.email,
                    })
                })
                .collect();
            Ok(Paged {
                items,
                total: found.total,
                page,
                per_page: PER_PAGE,
            })
        }
        .await,
    )
}

/// Deactivating ends the person's sessions at once. Admins cannot deactivate themselves.
#[server(prefix = "/api", endpoint = "admin_set_user_active")]
pub async fn set_user_active(user_id: UserId, active: bool) -> Result<(), AppError> {
    respond(
        async {
            let admin = require_admin()?;
            if admin.id == user_id && !active {
                return Err(AppError::Forbidden);
            }
            let st = ssr::state()?;
            db::accounts::set_active(&st.db, user_id.0, active).await?;
            Ok(())
        }
        .await,
    )
}

#[server(prefix = "/api", endpoint = "admin_staff_form_options")]
pub async fn load_staff_form_options() -> Result<StaffFormOptions, AppError> {
    respond(
        async {
            require_admin()?;
            let st = ssr::state()?;
            let orgs = db::companies::organisations(&st.db).await?;
            let firms = db::companies::expert_firms(&st.db).await?;
            Ok(StaffFormOptions {
                organisations: orgs
                    .into_iter()
                    .map(|o| (OrganisationId(o.organisation.id), o.organisation.name))
                    .collect(),
                expert_firms: firms
                    .into_iter()
                    .map(|f| (ExpertFirmId(f.id), f.name))
                    .collect(),
            })
        }
        .await,
    )
}

/// Invites a coach, programme manager, expert or admin by e-mail.
#[server(prefix = "/api", endpoint = "admin_invite_staff")]
pub async fn invite_staff(form: StaffInviteForm) -> Result<(), AppError> {
    respond(
        async {
            use db::TransactionTrait;
            let admin = require_admin()?;
            let st = ssr::state()?;
            let mut e = FormErrors::new();
            for (f, v) in [
                (Field::Email, &form.email),
                (Field::Name, &form.name),
                (Field::Language, &form.language),
                (Field::Role, &form.role),
                (Field::Organisation, &form.organisation_id),
                (Field::ExpertFirm, &form.expert_firm_id),
            ] {
                e.keep(f, v);
            }
            let email = crate::domain::parse_email(&form.email)
                .map_err(|m| e.add(Field::Email, m))
                .ok();
            let name = crate::domain::required_text(&form.name, crate::domain::MAX_NAME)
                .map_err(|m| e.add(Field::Name, m))
                .ok();
            let language = Lang::parse_strict(&form.language);
            if language.is_none() {
                e.add(Field::Language, Msg::ChoiceInvalid);
            }
            let role = Role::parse(&form.role).filter(|r| super::STAFF_ROLES.contains(r));
            if role.is_none() {
                e.add(
                    Field::Role,
                    if form.role.is_empty() {
                        Msg::Required
                    } else {
                        Msg::RoleNotAllowed
                    },
                );
            }
            let org = form.organisation_id.trim().parse::<i64>().ok();
            let firm = form.expert_firm_id.trim().parse::<i64>().ok();
            if let Some(r) = role {
                if r.is_coaching_staff()
                    && (org.is_none()
                        || db::companies::find_organisation(&st.db, org.unwrap_or_default())
                            .await?
                            .is_none())
                {
                    e.add(Field::Organisation, Msg::Required);
                }
                if r == Role::Expert
                    && (firm.is_none()
                        || db::companies::find_expert_firm(&st.db, firm.unwrap_or_default())
                            .await?
                            .is_none())
                {
                    e.add(Field::ExpertFirm, Msg::Required);
                }
            }
            let keep_values = e.values.clone();
            e.finish(())?;
            let (Some(email), Some(name), Some(language), Some(role)) =
                (email, name, language, role)
            else {
                return Err(AppError::Internal);
            };
            let txn = st.db.begin().await?;
            let user = db::accounts::create_user(
                &txn,
                db::accounts::NewUser {
                    email,
                    name,
                    language: language.as_str().to_owned(),
                    role: role.as_str(),
                    organisation_id: if role.is_coaching_staff() { org } else { None },
                    expert_firm_id: if role == Role::Expert { firm } else { None },
                    password_hash: None,
                },
            )
            .await
            .map_err(|err| match AppError::from(err) {
                AppError::Invalid(mut f) => {
                    f.values = keep_values.clone();
                    AppError::Invalid(f)
                }
                other => other,
            })?;
            let token = db::accounts::issue_token(
                &txn,
                user.id,
                db::accounts::PURPOSE_INVITE,
                None,
                Some(admin.id.0),
            )
            .await?;
            let mail = crate::auth::mail::invite(&st.settings, &user, &token, &admin.name, None);
            db::outbox::enqueue(&txn, mail, st.settings.smtp_enabled).await?;
            txn.commit().await?;
            leptos_axum::redirect("/admin/users?invited=1");
            Ok(())
        }
        .await,
    )
}

#[server(prefix = "/api", endpoint = "admin_list_organisations")]
pub async fn list_organisations() -> Result<Vec<OrganisationRow>, AppError> {
    respond(
        async {
            require_admin()?;
            let st = ssr::state()?;
            Ok(db::companies::organisations(&st.db)
                .await?
                .into_iter()
                .map(|o| OrganisationRow {
                    id: OrganisationId(o.organisation.id),
                    name: o.organisation.name,
                    coaches: o.coaches,
                    companies: o.companies,
                })
                .collect())
        }
        .await,
    )
}

#[cfg(feature = "ssr")]
fn outbox_row(m: &db::entities::outbox_message::Model) -> OutboxRow {
    OutboxRow {
        id: OutboxId(m.id),
        to_email: m.to_email.clone(),
        to_name: m.to_name.clone(),
        subject: m.subject.clone(),
        kind: m.kind.clone(),
        status: m.status.clone(),
        language: Lang::parse(&m.language),
        created_at: m.created_at,
    }
}

#[server(prefix = "/api", endpoint = "admin_list_outbox")]
pub async fn list_outbox(page: Option<u64>) -> Result<Paged<OutboxRow>, AppError> {
    respond(
        async {
            require_admin()?;
            let st = ssr::state()?;
            let page = page.unwrap_or(1).max(1);
            let found = db::outbox::list(&st.db, offset_of(page), PER_PAGE).await?;
            Ok(Paged {
                items: found.items.iter().map(outbox_row).collect(),
                total: found.total,
                page,
                per_page: PER_PAGE,
            })
        }
        .await,
    )
}

#[server(prefix = "/api", endpoint = "admin_get_outbox_message")]
pub async fn get_outbox_message(id: OutboxId) -> Result<OutboxMessage, AppError> {
    respond(
        async {
            require_admin()?;
            let st = ssr::state()?;
            let m = db::outbox::find(&st.db, id.0)
                .await?
                .ok_or(AppError::NotFound)?;
            Ok(OutboxMessage {
                row: outbox_row(&m),
                body: m.body,
                attempts: m.attempts,
                last_error: m.last_error,
                sent_at: m.sent_at,
            })
        }
        .await,
    )
}
