//! The expert directory: themes, expert profiles with their themes and vetting status.
//! Profiles appear to coaches only once a programme manager approved them.
use crate::entities::{expert_firm, expert_profile, expert_profile_theme, theme, user};
use crate::{DbError, DbResult, Page, now};
use sea_orm::sea_query::{Expr, ExprTrait, Func, Query};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, EntityTrait, PaginatorTrait,
    QueryFilter, QueryOrder, QuerySelect, Set,
};
use std::collections::HashMap;

pub const PENDING: &str = "pending";
pub const APPROVED: &str = "approved";
pub const REJECTED: &str = "rejected";

pub async fn themes<C: ConnectionTrait>(db: &C) -> DbResult<Vec<theme::Model>> {
    Ok(theme::Entity::find()
        .order_by_asc(theme::Column::Position)
        .all(db)
        .await?)
}

pub async fn profile_of<C: ConnectionTrait>(
    db: &C,
    user_id: i64,
) -> DbResult<Option<expert_profile::Model>> {
    Ok(expert_profile::Entity::find()
        .filter(expert_profile::Column::UserId.eq(user_id))
        .one(db)
        .await?)
}

pub async fn find<C: ConnectionTrait>(db: &C, id: i64) -> DbResult<Option<expert_profile::Model>> {
    Ok(expert_profile::Entity::find_by_id(id).one(db).await?)
}

pub async fn theme_ids_of<C: ConnectionTrait>(
    db: &C,
    profile_ids: &[i64],
) -> DbResult<HashMap<i64, Vec<i64>>> {
    let mut out: HashMap<i64, Vec<i64>> = HashMap::new();
    if profile_ids.is_empty() {
        return Ok(out);
    }
    for row in expert_profile_theme::Entity::find()
        .filter(expert_profile_theme::Column::ProfileId.is_in(profile_ids.to_vec()))
        .all(db)
        .await?
    {
        out.entry(row.profile_id).or_default().push(row.theme_id);
    }
    Ok(out)
}

#[derive(Debug, Clone)]
pub struct ProfileSave {
    pub headline: String,
    pub description: String,
    pub region: String,
    pub phone: Option<String>,
    pub contact_email: Option<String>,
    pub independence: String,
    pub conflicts: String,
    pub theme_ids: Vec<i64>,
}

/// Creates or replaces an expert's own profile. Every change goes back to a programme manager
/// for approval before coaches see it again.
pub async fn save_profile<C: ConnectionTrait>(
    db: &C,
    user_id: i64,
    p: ProfileSave,
) -> DbResult<expert_profile::Model> {
    let at = now();
    let existing = profile_of(db, user_id).await?;
    let mut am: expert_profile::ActiveModel = match existing {
        Some(m) => m.into(),
        None => expert_profile::ActiveModel {
            user_id: Set(user_id),
            created_at: Set(at),
            ..Default::default()
        },
    };
    am.headline = Set(p.headline);
    am.description = Set(p.description);
    am.region = Set(p.region);
    am.phone = Set(p.phone);
    am.contact_email = Set(p.contact_email);
    am.independence = Set(p.independence);
    am.conflicts = Set(p.conflicts);
    am.vetting = Set(PENDING.to_owned());
    am.vetted_by_id = Set(None);
    am.vetted_at = Set(None);
    am.updated_at = Set(at);
    let saved = am.save(db).await?;
    let id = saved.id.clone().unwrap();
    expert_profile_theme::Entity::delete_many()
        .filter(expert_profile_theme::Column::ProfileId.eq(id))
        .exec(db)
        .await?;
    for t in p.theme_ids {
        expert_profile_theme::ActiveModel {
            profile_id: Set(id),
            theme_id: Set(t),
            created_at: Set(at),
            updated_at: Set(at),
            ..Default::default()
        }
        .insert(db)
        .await?;
    }
    find(db, id).await?.ok_or(DbError::NotFound)
}

/// Approves or rejects a profile.
pub async fn set_vetting<C: ConnectionTrait>(
    db: &C,
    id: i64,
    status: &str,
    by: i64,
) -> DbResult<()> {
    let p = find(db, id).await?.ok_or(DbError::NotFound)?;
    let mut am: expert_profile::ActiveModel = p.into();
    am.vetting = Set(status.to_owned());
    am.vetted_by_id = Set(Some(by));
    am.vetted_at = Set(Some(now()));
    am.updated_at = Set(now());
    am.update(db).await?;
    Ok(())
}

#[derive(Debug, Clone, Default)]
pub struct Filter {
    pub theme_id: Option<i64>,
    pub region: Option<String>,
    pub search: Option<String>,
    /// Only approved profiles (what coaches see), or all with this status.
    pub vetting: Option<String>,
}

/// A profile with its expert, firm and themes, for lists and the detail page.
#[derive(Debug, Clone)]
pub struct ExpertRow {
    pub profile: expert_profile::Model,
    pub expert: user::Model,
    pub firm: Option<expert_firm::Model>,
    pub theme_ids: Vec<i64>,
}

pub async fn list<C: ConnectionTrait>(
    db: &C,
    f: &Filter,
    offset: u64,
    limit: u64,
) -> DbResult<Page<ExpertRow>> {
    let mut q = expert_profile::Entity::find();
    if let Some(v) = &f.vetting {
        q = q.filter(expert_profile::Column::Vetting.eq(v.as_str()));
    }
    if let Some(t) = f.theme_id {
        q = q.filter(
            expert_profile::Column::Id.in_subquery(
                Query::select()
                    .column(expert_profile_theme::Column::ProfileId)
                    .from(expert_profile_theme::Entity)
                    .and_where(expert_profile_theme::Column::ThemeId.eq(t))
                    .to_owned(),
            ),
        );
    }
    if let Some(r) = &f.region {
        q = q.filter(expert_profile::Column::Region.eq(r.as_str()));
    }
    if let Some(like) = crate::search::contains(f.search.as_deref()) {
        q = q.filter(
            Condition::any()
                .add(
                    Expr::expr(Func::lower(Expr::col((
                        expert_profile::Entity,
                        expert_profile::Column::Headline,
                    ))))
                    .like(like.clone()),
                )
                .add(
                    Expr::expr(Func::lower(Expr::col((
                        expert_profile::Entity,
                        expert_profile::Column::Description,
                    ))))
                    .like(like),
                ),
        );
    }
    let total = q.clone().count(db).await?;
    let profiles = q
        .order_by_asc(expert_profile::Column::Headline)
        .order_by_asc(expert_profile::Column::Id)
        .offset(offset)
        .limit(limit)
        .all(db)
        .await?;
    Ok(Page {
        items: rows(db, profiles).await?,
        total,
    })
}

/// Completes profiles with their expert, firm and themes (three queries, whatever the count).
pub async fn rows<C: ConnectionTrait>(
    db: &C,
    profiles: Vec<expert_profile::Model>,
) -> DbResult<Vec<ExpertRow>> {
    let ids: Vec<i64> = profiles.iter().map(|p| p.id).collect();
    let mut themes = theme_ids_of(db, &ids).await?;
    let users: HashMap<i64, user::Model> = user::Entity::find()
        .filter(user::Column::Id.is_in(profiles.iter().map(|p| p.user_id).collect::<Vec<_>>()))
        .all(db)
        .await?
        .into_iter()
        .map(|u| (u.id, u))
        .collect();
    let firm_ids: Vec<i64> = users.values().filter_map(|u| u.expert_firm_id).collect();
    let firms: HashMap<i64, expert_firm::Model> = expert_firm::Entity::find()
        .filter(expert_firm::Column::Id.is_in(firm_ids))
        .all(db)
        .await?
        .into_iter()
        .map(|f| (f.id, f))
        .collect();
    Ok(profiles
        .into_iter()
        .filter_map(|p| {
            let expert = users.get(&p.user_id)?.clone();
            Some(ExpertRow {
                firm: expert.expert_firm_id.and_then(|f| firms.get(&f).cloned()),
                theme_ids: themes.remove(&p.id).unwrap_or_default(),
                expert,
                profile: p,
            })
        })
        .collect())
}

/// The regions that approved (or, for `all`, any) profiles name, for the filter.
pub async fn regions<C: ConnectionTrait>(db: &C, approved_only: bool) -> DbResult<Vec<String>> {
    let mut q = expert_profile::Entity::find()
        .select_only()
        .column(expert_profile::Column::Region)
        .distinct()
        .order_by_asc(expert_profile::Column::Region);
    if approved_only {
        q = q.filter(expert_profile::Column::Vetting.eq(APPROVED));
    }
    Ok(q.into_tuple::<String>().all(db).await?)
}

/// The names of the experts behind profiles (profile id -> the expert's name), in two
/// queries however many profiles.
pub async fn names_of<C: ConnectionTrait>(
    db: &C,
    profile_ids: impl IntoIterator<Item = i64>,
) -> DbResult<HashMap<i64, String>> {
    let mut ids: Vec<i64> = profile_ids.into_iter().collect();
    ids.sort_unstable();
    ids.dedup();
    let profiles = find_many(db, &ids).await?;
    let names =
        crate::workspace::timeline::user_names(db, profiles.iter().map(|p| p.user_id)).await?;
    Ok(profiles
        .into_iter()
        .filter_map(|p| names.get(&p.user_id).map(|n| (p.id, n.clone())))
        .collect())
}

/// Profiles by id, in one query.
pub async fn find_many<C: ConnectionTrait>(
    db: &C,
    ids: &[i64],
) -> DbResult<Vec<expert_profile::Model>> {
    if ids.is_empty() {
        return Ok(vec![]);
    }
    Ok(expert_profile::Entity::find()
        .filter(expert_profile::Column::Id.is_in(ids.to_vec()))
        .all(db)
        .await?)
}
