//! Companies, their members and coaching organisations.
use crate::entities::{company, company_member, expert_firm, organisation, user};
use crate::{DbError, DbResult, Page, now, roles};
use sea_orm::sea_query::{Expr, ExprTrait, Func};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, EntityTrait, PaginatorTrait,
    QueryFilter, QueryOrder, QuerySelect, RelationTrait, Set,
};
use std::collections::HashMap;

/// Which companies a list may contain. Derived from the asking user by `app`'s access rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    All,
    Organisation(i64),
    MemberOf(i64),
    Nothing,
}

#[derive(Debug, Clone)]
pub struct NewCompany {
    pub name: String,
    pub kvk_number: String,
    pub website: Option<String>,
    pub founding_year: Option<i32>,
    pub address: Option<String>,
    pub municipality: String,
    pub size_band: String,
    pub primary_sector: String,
    pub secondary_sector: Option<String>,
    pub organisation_id: i64,
    pub primary_coach_id: Option<i64>,
}

pub async fn create<C: ConnectionTrait>(db: &C, new: NewCompany) -> DbResult<company::Model> {
    if find_by_kvk(db, &new.kvk_number).await?.is_some() {
        return Err(DbError::Conflict("kvk_number"));
    }
    let at = now();
    company::ActiveModel {
        name: Set(new.name),
        kvk_number: Set(new.kvk_number),
        website: Set(new.website),
        founding_year: Set(new.founding_year),
        address: Set(new.address),
        municipality: Set(new.municipality),
        size_band: Set(new.size_band),
        primary_sector: Set(new.primary_sector),
        secondary_sector: Set(new.secondary_sector),
        organisation_id: Set(new.organisation_id),
        primary_coach_id: Set(new.primary_coach_id),
        contact_name: Set(None),
        contact_role: Set(None),
        contact_email: Set(None),
        contact_phone: Set(None),
        created_at: Set(at),
        updated_at: Set(at),
        ..Default::default()
    }
    .insert(db)
    .await
    .map_err(|e| DbError::unique(e, "kvk_number"))
}

pub async fn find<C: ConnectionTrait>(db: &C, id: i64) -> DbResult<Option<company::Model>> {
    Ok(company::Entity::find_by_id(id).one(db).await?)
}

pub async fn find_by_kvk<C: ConnectionTrait>(
    db: &C,
    kvk: &str,
) -> DbResult<Option<company::Model>> {
    Ok(company::Entity::find()
        .filter(company::Column::KvkNumber.eq(kvk))
        .one(db)
        .await?)
}

/// Adds a member; adding an existing member again is a no-op.
pub async fn add_member<C: ConnectionTrait>(db: &C, company_id: i64, user_id: i64) -> DbResult<()> {
    if crate::accounts::is_member(db, company_id, user_id).await? {
        return Ok(());
    }
    let at = now();
    company_member::ActiveModel {
        company_id: Set(company_id),
        user_id: Set(user_id),
        created_at: Set(at),
        updated_at: Set(at),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(())
}

/// The names of some companies, by id (for lists that name the company of each row).
pub async fn names_of<C: ConnectionTrait>(
    db: &C,
    ids: impl IntoIterator<Item = i64>,
) -> DbResult<std::collections::HashMap<i64, String>> {
    let mut ids: Vec<i64> = ids.into_iter().collect();
    ids.sort_unstable();
    ids.dedup();
    if ids.is_empty() {
        return Ok(Default::default());
    }
    Ok(company::Entity::find()
        .filter(company::Column::Id.is_in(ids))
        .select_only()
        .column(company::Column::Id)
        .column(company::Column::Name)
        .into_tuple::<(i64, String)>()
        .all(db)
        .await?
        .into_iter()
        .collect())
}

/// Ends a membership; whether there was one.
pub async fn remove_member<C: ConnectionTrait>(
    db: &C,
    company_id: i64,
    user_id: i64,
) -> DbResult<bool> {
    let res = company_member::Entity::delete_many()
        .filter(company_member::Column::CompanyId.eq(company_id))
        .filter(company_member::Column::UserId.eq(user_id))
        .exec(db)
        .await?;
    Ok(res.rows_affected > 0)
}

pub async fn members<C: ConnectionTrait>(db: &C, company_id: i64) -> DbResult<Vec<user::Model>> {
    Ok(user::Entity::find()
        .join(sea_orm::JoinType::InnerJoin, user_relation_to_members())
        .filter(company_member::Column::CompanyId.eq(company_id))
        .order_by_asc(user::Column::Name)
        .all(db)
        .await?)
}

fn user_relation_to_members() -> sea_orm::RelationDef {
    company_member::Relation::User.def().rev()
}

/// A company in a list, with the names a list shows beside it.
#[derive(Debug, Clone)]
pub struct CompanyRow {
    pub company: company::Model,
    pub organisation_name: String,
    pub primary_coach_name: Option<String>,
}

pub async fn list<C: ConnectionTrait>(
    db: &C,
    scope: Scope,
    search: Option<&str>,
    offset: u64,
    limit: u64,
) -> DbResult<Page<CompanyRow>> {
    let mut q = company::Entity::find();
    q = match scope {
        Scope::All => q,
        Scope::Organisation(org) => q.filter(company::Column::OrganisationId.eq(org)),
        Scope::MemberOf(uid) => q
            .join(
                sea_orm::JoinType::InnerJoin,
                company::Relation::Members.def(),
            )
            .filter(company_member::Column::UserId.eq(uid)),
        Scope::Nothing => {
            return Ok(Page {
                items: vec![],
                total: 0,
            });
        }
    };
    if let Some(like) = crate::search::contains(search) {
        q = q.filter(
            Condition::any()
                .add(
                    Expr::expr(Func::lower(Expr::col((
                        company::Entity,
                        company::Column::Name,
                    ))))
                    .like(like.clone()),
                )
                .add(company::Column::KvkNumber.like(like.clone()))
                .add(
                    Expr::expr(Func::lower(Expr::col((
                        company::Entity,
                        company::Column::Municipality,
                    ))))
                    .like(like),
                ),
        );
    }
    let total = q.clone().count(db).await?;
    let companies = q
        .order_by_asc(company::Column::Name)
        .order_by_asc(company::Column::Id)
        .offset(offset)
        .limit(limit)
        .all(db)
        .await?;
    let org_names = organisation_names(db).await?;
    let coach_ids: Vec<i64> = companies
        .iter()
        .filter_map(|c| c.primary_coach_id)
        .collect();
    let coach_names: HashMap<i64, String> = if coach_ids.is_empty() {
        HashMap::new()
    } else {
        user::Entity::find()
            .filter(user::Column::Id.is_in(coach_ids))
            .all(db)
            .await?
            .into_iter()
            .map(|u| (u.id, u.name))
            .collect()
    };
    let items = companies
        .into_iter()
        .map(|c| CompanyRow {
            organisation_name: org_names
                .get(&c.organisation_id)
                .cloned()
                .unwrap_or_default(),
            primary_coach_name: c
                .primary_coach_id
                .and_then(|id| coach_names.get(&id).cloned()),
            company: c,
        })
        .collect();
    Ok(Page { items, total })
}

pub async fn organisation_names<C: ConnectionTrait>(db: &C) -> DbResult<HashMap<i64, String>> {
    Ok(organisation::Entity::find()
        .all(db)
        .await?
        .into_iter()
        .map(|o| (o.id, o.name))
        .collect())
}

pub async fn create_organisation<C: ConnectionTrait>(
    db: &C,
    name: &str,
) -> DbResult<organisation::Model> {
    let at = now();
    Ok(organisation::ActiveModel {
        name: Set(name.to_owned()),
        created_at: Set(at),
        updated_at: Set(at),
        ..Default::default()
    }
    .insert(db)
    .await?)
}

pub async fn create_expert_firm<C: ConnectionTrait>(
    db: &C,
    name: &str,
    website: Option<&str>,
) -> DbResult<expert_firm::Model> {
    let at = now();
    Ok(expert_firm::ActiveModel {
        name: Set(name.to_owned()),
        website: Set(website.map(str::to_owned)),
        created_at: Set(at),
        updated_at: Set(at),
        ..Default::default()
    }
    .insert(db)
    .await?)
}

pub async fn find_organisation<C: ConnectionTrait>(
    db: &C,
    id: i64,
) -> DbResult<Option<organisation::Model>> {
    Ok(organisation::Entity::find_by_id(id).one(db).await?)
}

pub async fn find_expert_firm<C: ConnectionTrait>(
    db: &C,
    id: i64,
) -> DbResult<Option<expert_firm::Model>> {
    Ok(expert_firm::Entity::find_by_id(id).one(db).await?)
}

pub async fn expert_firms<C: ConnectionTrait>(db: &C) -> DbResult<Vec<expert_firm::Model>> {
    Ok(expert_firm::Entity::find()
        .order_by_asc(expert_firm::Column::Name)
        .all(db)
        .await?)
}

/// An organisation with the number of its staff and companies.
#[derive(Debug, Clone)]
pub struct OrganisationRow {
    pub organisation: organisation::Model,
    pub coaches: u64,
    pub companies: u64,
}

pub async fn organisations<C: ConnectionTrait>(db: &C) -> DbResult<Vec<OrganisationRow>> {
    let orgs = organisation::Entity::find()
        .order_by_asc(organisation::Column::Name)
        .all(db)
        .await?;
    let mut rows = Vec::with_capacity(orgs.len());
    // A handful of organisations per deployment: two counts each is fine.
    for o in orgs {
        let coaches = user::Entity::find()
            .filter(user::Column::OrganisationId.eq(o.id))
            .filter(user::Column::Role.is_in([roles::COACH, roles::PROGRAMME_MANAGER]))
            .count(db)
            .await?;
        let companies = company::Entity::find()
            .filter(company::Column::OrganisationId.eq(o.id))
            .count(db)
            .await?;
        rows.push(OrganisationRow {
            organisation: o,
            coaches,
            companies,
        });
    }
    Ok(rows)
}

/// Coaches (and programme managers) of an organisation, for choosing a primary coach.
pub async fn coaches_of<C: ConnectionTrait>(
    db: &C,
    organisation_id: i64,
) -> DbResult<Vec<user::Model>> {
    Ok(user::Entity::find()
        .filter(user::Column::OrganisationId.eq(organisation_id))
        .filter(user::Column::Role.is_in([roles::COACH, roles::PROGRAMME_MANAGER]))
        .filter(user::Column::Active.eq(true))
        .order_by_asc(user::Column::Name)
        .all(db)
        .await?)
}

/// The editable company profile (the scan's first module).
#[derive(Debug, Clone)]
pub struct ProfileUpdate {
    pub name: String,
    pub website: Option<String>,
    pub founding_year: Option<i32>,
    pub address: Option<String>,
    pub municipality: String,
    pub size_band: String,
    pub primary_sector: String,
    pub secondary_sector: Option<String>,
    pub contact_name: Option<String>,
    pub contact_role: Option<String>,
    pub contact_email: Option<String>,
    pub contact_phone: Option<String>,
}

pub async fn update_profile<C: ConnectionTrait>(
    db: &C,
    id: i64,
    p: ProfileUpdate,
) -> DbResult<company::Model> {
    let c = find(db, id).await?.ok_or(DbError::NotFound)?;
    let mut am: company::ActiveModel = c.into();
    am.name = Set(p.name);
    am.website = Set(p.website);
    am.founding_year = Set(p.founding_year);
    am.address = Set(p.address);
    am.municipality = Set(p.municipality);
    am.size_band = Set(p.size_band);
    am.primary_sector = Set(p.primary_sector);
    am.secondary_sector = Set(p.secondary_sector);
    am.contact_name = Set(p.contact_name);
    am.contact_role = Set(p.contact_role);
    am.contact_email = Set(p.contact_email);
    am.contact_phone = Set(p.contact_phone);
    am.updated_at = Set(now());
    Ok(am.update(db).await?)
}
