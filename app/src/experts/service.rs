//! Server-side logic of the expert directory: who may see, edit and approve what.
use super::form::ExpertProfileForm;
use super::types::*;
use crate::access;
use crate::auth::CurrentUser;
use crate::domain::{PER_PAGE, Paged, Role, offset_of};
use crate::error::AppError;
use crate::ssr::AppState;
use db::TransactionTrait;
use db::experts::{self, APPROVED, ExpertRow, PENDING, REJECTED};

pub(crate) fn theme_view(t: db::entities::theme::Model) -> ThemeView {
    ThemeView {
        links: t.links.split_whitespace().map(str::to_owned).collect(),
        id: t.id,
        key: t.key,
        nl: t.nl,
        en: t.en,
    }
}

pub(crate) fn card(r: &ExpertRow) -> ExpertCard {
    ExpertCard {
        id: r.profile.id,
        name: r.expert.name.clone(),
        firm: r.firm.as_ref().map(|f| f.name.clone()),
        headline: r.profile.headline.clone(),
        region: r.profile.region.clone(),
        theme_ids: r.theme_ids.clone(),
        vetting: r.profile.vetting.clone(),
    }
}

pub async fn directory(
    st: &AppState,
    u: &CurrentUser,
    p: &DirectoryParams,
) -> Result<Directory, AppError> {
    if !access::can_browse_experts(u) {
        return Err(AppError::Forbidden);
    }
    let can_vet = access::can_vet_experts(u);
    // Only programme staff list profiles that are not (or no longer) approved.
    let vetting = match p.status.as_str() {
        PENDING | REJECTED if can_vet => p.status.clone(),
        _ => APPROVED.to_owned(),
    };
    let themes: Vec<ThemeView> = experts::themes(&st.db)
        .await?
        .into_iter()
        .map(theme_view)
        .collect();
    let theme_id = themes.iter().find(|t| t.key == p.theme).map(|t| t.id);
    let filter = experts::Filter {
        theme_id,
        region: Some(p.region.trim().to_owned()).filter(|r| !r.is_empty()),
        search: Some(p.q.clone()),
        vetting: Some(vetting),
    };
    let page = p.page.max(1);
    let found = experts::list(&st.db, &filter, offset_of(page), PER_PAGE).await?;
    Ok(Directory {
        experts: Paged {
            items: found.items.iter().map(card).collect(),
            total: found.total,
            page,
            per_page: PER_PAGE,
        },
        themes,
        regions: experts::regions(&st.db, !can_vet).await?,
        can_vet,
    })
}

async fn detail(st: &AppState, row: ExpertRow, can_vet: bool) -> Result<ExpertDetail, AppError> {
    let all = experts::themes(&st.db).await?;
    let vetted_by = match row.profile.vetted_by_id {
        Some(id) => db::accounts::find_by_id(&st.db, id).await?.map(|u| u.name),
        None => None,
    };
    Ok(ExpertDetail {
        card: card(&row),
        themes: all
            .into_iter()
            .filter(|t| row.theme_ids.contains(&t.id))
            .map(theme_view)
            .collect(),
        description: row.profile.description,
        email: row.profile.contact_email.unwrap_or(row.expert.email),
        phone: row.profile.phone,
        website: row.firm.and_then(|f| f.website),
        independence: row.profile.independence,
        conflicts: row.profile.conflicts,
        can_vet,
        vetted_by,
        vetted_at: row.profile.vetted_at,
        lessons: vec![],
    })
}

/// One expert: approved ones for the coaching staff, any for programme staff and for the
/// expert themself.
pub async fn expert(st: &AppState, u: &CurrentUser, id: i64) -> Result<ExpertDetail, AppError> {
    let profile = experts::find(&st.db, id).await?.ok_or(AppError::NotFound)?;
    let own = profile.user_id == u.id.0;
    let can_vet = access::can_vet_experts(u);
    let visible = own || can_vet || (access::can_browse_experts(u) && profile.vetting == APPROVED);
    if !visible {
        return Err(AppError::NotFound);
    }
    let row = experts::rows(&st.db, vec![profile])
        .await?
        .pop()
        .ok_or(AppError::NotFound)?;
    let mut d = detail(st, row, can_vet).await?;
    if let Some(org) = u.organisation_id.filter(|_| u.role.is_coaching_staff()) {
        d.lessons = super::recommend_service::lessons(st, id, org.0).await?;
    }
    Ok(d)
}

pub async fn own_profile(st: &AppState, u: &CurrentUser) -> Result<OwnProfile, AppError> {
    if u.role != Role::Expert {
        return Err(AppError::Forbidden);
    }
    let themes = experts::themes(&st.db)
        .await?
        .into_iter()
        .map(theme_view)
        .collect();
    let profile = match experts::profile_of(&st.db, u.id.0).await? {
        Some(p) => {
            let row = experts::rows(&st.db, vec![p])
                .await?
                .pop()
                .ok_or(AppError::NotFound)?;
            Some(detail(st, row, false).await?)
        }
        None => None,
    };
    Ok(OwnProfile { profile, themes })
}

/// Saves the expert's own profile; it waits for a programme manager's approval again.
pub async fn save_own_profile(
    st: &AppState,
    u: &CurrentUser,
    form: &ExpertProfileForm,
) -> Result<i64, AppError> {
    if u.role != Role::Expert {
        return Err(AppError::Forbidden);
    }
    let themes = experts::themes(&st.db).await?;
    let keys: Vec<String> = themes.iter().map(|t| t.key.clone()).collect();
    let v = form.parse(&keys)?;
    let theme_ids = themes
        .iter()
        .filter(|t| v.theme_keys.contains(&t.key))
        .map(|t| t.id)
        .collect();
    let txn = st.db.begin().await?;
    let saved = experts::save_profile(
        &txn,
        u.id.0,
        experts::ProfileSave {
            headline: v.headline,
            description: v.description,
            region: v.region,
            phone: v.phone,
            contact_email: v.contact_email,
            independence: v.independence,
            conflicts: v.conflicts,
            theme_ids,
        },
    )
    .await?;
    txn.commit().await?;
    Ok(saved.id)
}

/// Approves (`approve`) or rejects a profile.
pub async fn vet(st: &AppState, u: &CurrentUser, id: i64, approve: bool) -> Result<(), AppError> {
    if !access::can_vet_experts(u) {
        return Err(AppError::Forbidden);
    }
    experts::find(&st.db, id).await?.ok_or(AppError::NotFound)?;
    experts::set_vetting(
        &st.db,
        id,
        if approve { APPROVED } else { REJECTED },
        u.id.0,
    )
    .await?;
    Ok(())
}
