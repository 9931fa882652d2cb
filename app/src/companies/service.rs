//! Server side of companies: which companies the asker may see, a company with its people,
//! creating one and inviting its entrepreneurs. Every function checks who asks first; another
//! organisation's company answers "not found", as if it did not exist.
use super::{
    CompanyDetail, CompanyForm, CompanyFormOptions, CompanySummary, InviteForm, Member, ValidInvite,
};
use crate::access::{self, CompanyFacts, CompanyScope};
use crate::auth::CurrentUser;
use crate::domain::{
    CompanyId, Field, Msg, OrganisationId, PER_PAGE, Paged, Role, UserId, offset_of,
};
use crate::error::AppError;
use crate::ssr::AppState;
use db::TransactionTrait;

fn summary(row: db::companies::CompanyRow) -> CompanySummary {
    let c = row.company;
    CompanySummary {
        id: CompanyId(c.id),
        name: c.name,
        kvk_number: c.kvk_number,
        municipality: c.municipality,
        size_band: c.size_band,
        primary_sector: c.primary_sector,
        organisation_name: row.organisation_name,
        primary_coach_name: row.primary_coach_name,
    }
}

fn db_scope(u: &CurrentUser) -> db::companies::Scope {
    match access::company_scope(u) {
        CompanyScope::All => db::companies::Scope::All,
        CompanyScope::Organisation(o) => db::companies::Scope::Organisation(o.0),
        CompanyScope::MemberOf => db::companies::Scope::MemberOf(u.id.0),
        CompanyScope::Nothing => db::companies::Scope::Nothing,
    }
}

/// Loads a company the user may view, with the facts access depends on.
pub(crate) async fn load_visible(
    st: &AppState,
    u: &CurrentUser,
    id: CompanyId,
) -> Result<(db::entities::company::Model, CompanyFacts), AppError> {
    let company = db::companies::find(&st.db, id.0)
        .await?
        .ok_or(AppError::NotFound)?;
    let is_member =
        u.role == Role::Entrepreneur && db::accounts::is_member(&st.db, company.id, u.id.0).await?;
    // Only a coach's access depends on coaching the company (see `access::can_coach_company`).
    let coaches = u.role == Role::Coach
        && (company.primary_coach_id == Some(u.id.0)
            || db::workspace::coaching::is_co_coach(&st.db, company.id, u.id.0).await?);
    let facts = CompanyFacts {
        organisation_id: OrganisationId(company.organisation_id),
        asker_is_member: is_member,
        asker_coaches: coaches,
    };
    if !access::can_view_company(u, &facts) {
        // Another organisation's company is as invisible as a missing one.
        return Err(AppError::NotFound);
    }
    Ok((company, facts))
}

/// A company whose coaching the user may do (its workspace, experts, contributions). Other
/// organisations' companies, and for a colleague the companies they do not coach, answer
/// "not found"; the company's own entrepreneurs are refused.
pub(crate) async fn load_coached(
    st: &AppState,
    u: &CurrentUser,
    id: CompanyId,
) -> Result<(db::entities::company::Model, CompanyFacts), AppError> {
    let (c, facts) = load_visible(st, u, id).await?;
    if !access::can_coach_company(u, &facts) {
        return Err(if u.role.is_coaching_staff() {
            AppError::NotFound
        } else {
            AppError::Forbidden
        });
    }
    Ok((c, facts))
}

/// The companies the user may see, filtered and paginated in the database.
pub async fn list(
    st: &AppState,
    u: &CurrentUser,
    q: Option<&str>,
    page: Option<u64>,
) -> Result<Paged<CompanySummary>, AppError> {
    let page = page.unwrap_or(1).max(1);
    let found = db::companies::list(&st.db, db_scope(u), q, offset_of(page), PER_PAGE).await?;
    Ok(Paged {
        items: found.items.into_iter().map(summary).collect(),
        total: found.total,
        page,
        per_page: PER_PAGE,
    })
}

/// A company with its people and what the asker may do with it.
pub(crate) async fn detail(
    st: &AppState,
    u: &CurrentUser,
    id: CompanyId,
) -> Result<CompanyDetail, AppError> {
    let (company, facts) = load_visible(st, u, id).await?;
    detail_of(st, u, company, &facts).await
}

/// `detail` for a company already loaded and checked by `load_visible`.
pub(crate) async fn detail_of(
    st: &AppState,
    u: &CurrentUser,
    company: db::entities::company::Model,
    facts: &CompanyFacts,
) -> Result<CompanyDetail, AppError> {
    // A colleague who does not coach the company sees that it exists and who coaches it, not
    // its people.
    let personal = access::can_read_dossier(u, facts);
    let members = if personal {
        db::companies::members(&st.db, company.id).await?
    } else {
        vec![]
    };
    let org_name = db::companies::find_organisation(&st.db, company.organisation_id)
        .await?
        .map(|o| o.name)
        .unwrap_or_default();
    let coach_name = match company.primary_coach_id {
        Some(cid) => db::accounts::find_by_id(&st.db, cid).await?.map(|c| c.name),
        None => None,
    };
    let can_manage = access::can_manage_company(u, facts);
    let can_edit_profile = access::can_edit_company_profile(u, facts);
    let contact = company.contact_name.clone().filter(|_| personal).map(|n| {
        (
            n,
            company.contact_role.clone().unwrap_or_default(),
            company.contact_email.clone().unwrap_or_default(),
            company.contact_phone.clone().unwrap_or_default(),
        )
    });
    Ok(CompanyDetail {
        website: company.website.clone(),
        founding_year: company.founding_year,
        address: company.address.clone(),
        secondary_sector: company.secondary_sector.clone(),
        members: members
            .into_iter()
            .map(|m| Member {
                id: UserId(m.id),
                pending: m.password_hash.is_none(),
                name: m.name,
                email: m.email,
            })
            .collect(),
        can_manage,
        can_edit_profile,
        contact,
        personal,
        can_remove_members: access::can_remove_member(u, facts),
        can_erase: access::can_erase_company(u, facts),
        audit: access::company_audit(u, facts),
        summary: summary(db::companies::CompanyRow {
            company,
            organisation_name: org_name,
            primary_coach_name: coach_name,
        }),
    })
}

/// The choices of the new-company form: an admin picks any organisation and any of their
/// coaches, coaching staff pick a coach of their own organisation.
pub async fn form_options(st: &AppState, u: &CurrentUser) -> Result<CompanyFormOptions, AppError> {
    match u.role {
        Role::Admin => {
            let orgs = db::companies::organisations(&st.db).await?;
            let mut coaches = Vec::new();
            for o in &orgs {
                for c in db::companies::coaches_of(&st.db, o.organisation.id).await? {
                    coaches.push((
                        UserId(c.id),
                        format!("{} ({})", c.name, o.organisation.name),
                    ));
                }
            }
            Ok(CompanyFormOptions {
                organisations: orgs
                    .into_iter()
                    .map(|o| (OrganisationId(o.organisation.id), o.organisation.name))
                    .collect(),
                coaches,
            })
        }
        Role::Coach | Role::ProgrammeManager => {
            let org = u.organisation_id.ok_or(AppError::Forbidden)?;
            let coaches = db::companies::coaches_of(&st.db, org.0).await?;
            Ok(CompanyFormOptions {
                organisations: vec![],
                coaches: coaches
                    .into_iter()
                    .map(|c| (UserId(c.id), c.name))
                    .collect(),
            })
        }
        Role::Entrepreneur | Role::Expert => Err(AppError::Forbidden),
    }
}

/// Creates a company record, before or without an entrepreneur account. Without a chosen
/// primary coach, coaching staff coach it themselves.
pub async fn create(
    st: &AppState,
    u: &CurrentUser,
    form: &CompanyForm,
) -> Result<CompanyId, AppError> {
    use chrono::Datelike;
    if !access::can_create_companies(u) {
        return Err(AppError::Forbidden);
    }
    let valid = form.parse(chrono::Utc::now().year())?;
    let org = access::may_create_company_in(u, valid.organisation_id)
        .ok_or_else(|| AppError::invalid(Field::Organisation, Msg::Required))?;
    if db::companies::find_organisation(&st.db, org.0)
        .await?
        .is_none()
    {
        return Err(AppError::invalid(Field::Organisation, Msg::ChoiceInvalid));
    }
    // The primary coach must be coaching staff of that same organisation.
    let coach = match valid.primary_coach_id {
        Some(c) => {
            let ok = db::companies::coaches_of(&st.db, org.0)
                .await?
                .iter()
                .any(|x| x.id == c.0);
            if !ok {
                return Err(AppError::invalid(Field::PrimaryCoach, Msg::ChoiceInvalid));
            }
            Some(c.0)
        }
        None if u.role.is_coaching_staff() => Some(u.id.0),
        None => None,
    };
    let created = db::companies::create(
        &st.db,
        db::companies::NewCompany {
            name: valid.name,
            kvk_number: valid.kvk_number,
            website: valid.website,
            founding_year: valid.founding_year,
            address: valid.address,
            municipality: valid.municipality,
            size_band: valid.size_band.as_str().to_owned(),
            primary_sector: valid.primary_sector.code().to_string(),
            secondary_sector: valid.secondary_sector.map(|s| s.code().to_string()),
            organisation_id: org.0,
            primary_coach_id: coach,
        },
    )
    .await?;
    Ok(CompanyId(created.id))
}

/// Removes one of the company's entrepreneurs, who loses access at once (every request checks
/// the membership). The company's timeline records who did it.
pub async fn remove_member(
    st: &AppState,
    u: &CurrentUser,
    company_id: CompanyId,
    member: UserId,
) -> Result<(), AppError> {
    let (company, facts) = load_visible(st, u, company_id).await?;
    if !access::can_remove_member(u, &facts) {
        return Err(if access::can_read_dossier(u, &facts) {
            AppError::Forbidden
        } else {
            AppError::NotFound
        });
    }
    let name = db::accounts::find_by_id(&st.db, member.0)
        .await?
        .map(|m| m.name)
        .unwrap_or_default();
    let txn = st.db.begin().await?;
    if !db::companies::remove_member(&txn, company.id, member.0).await? {
        return Err(AppError::NotFound);
    }
    db::workspace::timeline::add(
        &txn,
        db::workspace::timeline::NewEvent {
            company_id: company.id,
            kind: db::workspace::timeline::COMPANY,
            actor_id: Some(u.id.0),
            shared: true,
            body: format!("member-removed {name}"),
            ref_id: Some(member.0),
        },
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

/// Invites an entrepreneur to a company by e-mail, creating the account when needed: the
/// membership, any invitation link and the e-mail are saved in one transaction.
pub async fn invite_entrepreneur(
    st: &AppState,
    u: &CurrentUser,
    company_id: CompanyId,
    invite: &InviteForm,
) -> Result<(), AppError> {
    let (company, facts) = load_visible(st, u, company_id).await?;
    if !access::can_manage_company(u, &facts) {
        return Err(AppError::Forbidden);
    }
    let valid = ValidInvite::try_from(invite)?;
    // A refusal found in the database gives the typed values back, like a form error does.
    let keep = |mut err: AppError| {
        if let AppError::Invalid(f) = &mut err {
            f.keep(Field::Email, &invite.email);
            f.keep(Field::Name, &invite.name);
            f.keep(Field::Language, &invite.language);
        }
        err
    };
    if let Some(existing) = db::accounts::find_by_email(&st.db, &valid.email).await?
        && db::accounts::is_member(&st.db, company.id, existing.id).await?
    {
        return Err(keep(AppError::invalid(Field::Email, Msg::AlreadyMember)));
    }
    let txn = st.db.begin().await?;
    let outcome = db::accounts::invite_entrepreneur(
        &txn,
        company.id,
        &valid.email,
        &valid.name,
        valid.language.as_str(),
        u.id.0,
    )
    .await
    .map_err(|e| keep(e.into()))?;
    let mail = match &outcome.token {
        Some(token) => crate::auth::mail::invite(
            &st.settings,
            &outcome.user,
            token,
            &u.name,
            Some(&company.name),
        ),
        None => {
            crate::auth::mail::added_to_company(&st.settings, &outcome.user, &u.name, &company.name)
        }
    };
    db::outbox::enqueue(&txn, mail, st.settings.smtp_enabled).await?;
    txn.commit().await?;
    Ok(())
}
