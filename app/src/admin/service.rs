//! Server side of the admin screens: users, staff invitations, organisations and the e-mail
//! outbox. Every function refuses anyone but an admin first.
use super::{
    OrganisationRow, OutboxMessage, OutboxRow, STAFF_ROLES, StaffFormOptions, StaffInviteForm,
    UserRow,
};
use crate::access;
use crate::auth::CurrentUser;
use crate::domain::{
    ExpertFirmId, Field, Lang, MAX_NAME, Msg, OrganisationId, OutboxId, PER_PAGE, Paged, Role,
    UserId, offset_of, parse_email, required_text,
};
use crate::error::{AppError, FormErrors};
use crate::ssr::AppState;
use db::TransactionTrait;

fn require_admin(u: &CurrentUser) -> Result<(), AppError> {
    if access::can_administer(u) {
        Ok(())
    } else {
        Err(AppError::Forbidden)
    }
}

/// All accounts, searched by name or e-mail and filtered by role (an unknown role is ignored).
pub async fn users(
    st: &AppState,
    u: &CurrentUser,
    q: Option<String>,
    role: Option<String>,
    page: Option<u64>,
) -> Result<Paged<UserRow>, AppError> {
    require_admin(u)?;
    let page = page.unwrap_or(1).max(1);
    let role = role.filter(|r| Role::parse(r).is_some());
    let filter = db::accounts::UserFilter { search: q, role };
    let found = db::accounts::list_users(&st.db, &filter, offset_of(page), PER_PAGE).await?;
    let orgs = db::companies::organisation_names(&st.db).await?;
    let ids: Vec<i64> = found.items.iter().map(|u| u.id).collect();
    let enrolled = db::two_factor::enrolled_among(&st.db, &ids).await?;
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
                two_factor: enrolled.contains(&u.id),
                erased: db::erase::is_erased(&u.email),
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

/// Deactivating ends the person's sessions at once. Admins cannot deactivate themselves.
pub async fn set_user_active(
    st: &AppState,
    u: &CurrentUser,
    user_id: UserId,
    active: bool,
) -> Result<(), AppError> {
    require_admin(u)?;
    if !access::can_set_user_active(u, user_id, active) {
        return Err(AppError::Forbidden);
    }
    db::accounts::set_active(&st.db, user_id.0, active).await?;
    Ok(())
}

/// The organisations and expert firms a new staff member can belong to.
pub async fn staff_form_options(
    st: &AppState,
    u: &CurrentUser,
) -> Result<StaffFormOptions, AppError> {
    require_admin(u)?;
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

/// A staff invitation that passed every check.
struct ValidStaffInvite {
    email: String,
    name: String,
    language: Lang,
    role: Role,
    organisation_id: Option<i64>,
    expert_firm_id: Option<i64>,
    /// What was typed, given back with a conflict found only when saving.
    typed: Vec<(Field, String)>,
}

/// Invites a coach, programme manager, expert or admin by e-mail: the account, its invitation
/// link and the e-mail are created in one transaction.
pub async fn invite_staff(
    st: &AppState,
    u: &CurrentUser,
    form: &StaffInviteForm,
) -> Result<(), AppError> {
    require_admin(u)?;
    let valid = parse_staff_invite(st, form).await?;
    let txn = st.db.begin().await?;
    let user = db::accounts::create_user(
        &txn,
        db::accounts::NewUser {
            email: valid.email,
            name: valid.name,
            language: valid.language.as_str().to_owned(),
            role: valid.role.as_str(),
            organisation_id: valid.organisation_id,
            expert_firm_id: valid.expert_firm_id,
            password_hash: None,
        },
    )
    .await
    .map_err(|err| match AppError::from(err) {
        AppError::Invalid(mut f) => {
            f.values = valid.typed;
            AppError::Invalid(f)
        }
        other => other,
    })?;
    let token = db::accounts::issue_token(
        &txn,
        user.id,
        db::accounts::PURPOSE_INVITE,
        None,
        Some(u.id.0),
    )
    .await?;
    let mail = crate::auth::mail::invite(&st.settings, &user, &token, &u.name, None);
    db::outbox::enqueue(&txn, mail, st.settings.smtp_enabled).await?;
    txn.commit().await?;
    Ok(())
}

/// Checks every field of the invitation at once (the organisation and expert firm must exist),
/// so the form shows all its messages together.
async fn parse_staff_invite(
    st: &AppState,
    form: &StaffInviteForm,
) -> Result<ValidStaffInvite, AppError> {
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
    let email = parse_email(&form.email)
        .map_err(|m| e.add(Field::Email, m))
        .ok();
    let name = required_text(&form.name, MAX_NAME)
        .map_err(|m| e.add(Field::Name, m))
        .ok();
    let language = Lang::parse_strict(&form.language);
    if language.is_none() {
        e.add(Field::Language, Msg::ChoiceInvalid);
    }
    let role = Role::parse(&form.role).filter(|r| STAFF_ROLES.contains(r));
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
    let typed = e.values.clone();
    e.finish(())?;
    let (Some(email), Some(name), Some(language), Some(role)) = (email, name, language, role)
    else {
        return Err(AppError::Internal);
    };
    Ok(ValidStaffInvite {
        email,
        name,
        language,
        role,
        // Only the affiliation the role has is kept.
        organisation_id: if role.is_coaching_staff() { org } else { None },
        expert_firm_id: if role == Role::Expert { firm } else { None },
        typed,
    })
}

/// The coaching organisations with their numbers of coaches and companies.
pub async fn organisations(
    st: &AppState,
    u: &CurrentUser,
) -> Result<Vec<OrganisationRow>, AppError> {
    require_admin(u)?;
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

/// One page of the e-mail outbox.
pub async fn outbox(
    st: &AppState,
    u: &CurrentUser,
    page: Option<u64>,
) -> Result<Paged<OutboxRow>, AppError> {
    require_admin(u)?;
    let page = page.unwrap_or(1).max(1);
    let found = db::outbox::list(&st.db, offset_of(page), PER_PAGE).await?;
    Ok(Paged {
        items: found.items.iter().map(outbox_row).collect(),
        total: found.total,
        page,
        per_page: PER_PAGE,
    })
}

/// One queued or sent e-mail, with its body and delivery attempts.
pub async fn outbox_message(
    st: &AppState,
    u: &CurrentUser,
    id: OutboxId,
) -> Result<OutboxMessage, AppError> {
    require_admin(u)?;
    let m = db::outbox::find(&st.db, id.0)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(OutboxMessage {
        row: outbox_row(&m),
        // An admin may see that a link went out, never use it: it is the recipient's key.
        body: db::outbox::mask_links(&m.body),
        attempts: m.attempts,
        last_error: m.last_error,
        sent_at: m.sent_at,
    })
}
