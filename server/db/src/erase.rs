//! Erasure (AVG/GDPR article 17) of a person and of a company, and the dossier retention
//! that erases companies long after their last contact.
//!
//! A person's account row stays, because texts the organisation must keep (visit reports,
//! reviews, timeline lines, the audit trail) point at their author; the row is pseudonymised
//! to [`FORMER_USER`] with an address that reaches nobody, and everything that identifies the
//! person goes: sessions, links, second factor, memberships, e-mail to them, the contact
//! details they shared, and their name and address wherever they were typed into a text.
//! A company goes entirely: its dossier, scans, visits, actions, timeline, engagements,
//! contributions, leads about it and its audit lines; its name, KvK number and contact
//! details are blanked in the texts that remain (e-mail sent to others), and entrepreneurs
//! who belonged to no other company are erased as persons.
use crate::entities::{company, company_member, engagement, scan, timeline_event, user, visit};
use crate::{DbResult, now};
use sea_orm::sea_query::{Alias, Expr, ExprTrait, Func, Query};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter,
    QueryOrder, QuerySelect, Set,
};

/// An erased person's name, in their account and wherever their name stood in a text.
pub const FORMER_USER: &str = "Voormalige gebruiker";
/// What an erased company's name, number or contact detail becomes in a text that remains.
pub const ERASED: &str = "[gewist]";
/// The domain of an erased account's placeholder address (`.invalid` never resolves).
pub const ERASED_DOMAIN: &str = "erased.invalid";

/// Every free-text column in which a name, e-mail address or phone number may have been
/// typed or copied. A new text column that can hold personal data belongs here; the erasure
/// test scans every text column of every table and fails otherwise.
const TEXTS: &[(&str, &str)] = &[
    ("timeline_events", "body"),
    ("visits", "attendees"),
    ("visits", "topics"),
    ("visits", "report"),
    ("visit_revisions", "content"),
    ("visit_approaches", "note"),
    ("actions", "owner"),
    ("actions", "description"),
    ("scans", "prefill"),
    ("scan_answers", "answer"),
    ("scan_reviews", "coach_answer"),
    ("scan_reviews", "note"),
    ("recommendations", "reason"),
    ("engagements", "message"),
    ("engagements", "shared_contact"),
    ("engagements", "outcome"),
    ("engagements", "lesson"),
    ("leads", "company_name"),
    ("leads", "reason"),
    ("leads", "decline_reason"),
    ("expert_profiles", "headline"),
    ("expert_profiles", "description"),
    ("expert_profiles", "independence"),
    ("expert_profiles", "conflicts"),
    ("outbox_messages", "to_name"),
    ("outbox_messages", "subject"),
    ("outbox_messages", "body"),
    ("outbox_messages", "last_error"),
];

/// Whether an account has been erased (its placeholder address says so).
pub fn is_erased(email: &str) -> bool {
    email.ends_with(&format!("@{ERASED_DOMAIN}"))
}

/// Replaces `needle` by `with` in every text of [`TEXTS`]. Shorter needles than three
/// characters are left alone: they would hit ordinary words.
async fn scrub<C: ConnectionTrait>(db: &C, needle: &str, with: &str) -> DbResult<()> {
    let needle = needle.trim();
    if needle.chars().count() < 3 {
        return Ok(());
    }
    for (table, column) in TEXTS {
        let col = Alias::new(*column);
        let stmt = Query::update()
            .table(Alias::new(*table))
            .value(
                col.clone(),
                Func::cust("REPLACE")
                    .arg(Expr::col(col.clone()))
                    .arg(needle)
                    .arg(with),
            )
            .and_where(Expr::col(col).like(format!("%{needle}%")))
            .to_owned();
        db.execute(&stmt).await?;
    }
    Ok(())
}

/// Deletes the rows of `table` whose `column` is one of `ids`.
async fn delete_in<C: ConnectionTrait>(
    db: &C,
    table: &str,
    column: &str,
    ids: &[i64],
) -> DbResult<u64> {
    if ids.is_empty() {
        return Ok(0);
    }
    let stmt = Query::delete()
        .from_table(Alias::new(table))
        .and_where(Expr::col(Alias::new(column)).is_in(ids.iter().copied()))
        .to_owned();
    Ok(db.execute(&stmt).await?.rows_affected())
}

/// Erases a person (see the module). Returns false if there is no such account or it was
/// erased before. Run it in a transaction.
pub async fn person<C: ConnectionTrait>(db: &C, user_id: i64) -> DbResult<bool> {
    let Some(u) = user::Entity::find_by_id(user_id).one(db).await? else {
        return Ok(false);
    };
    if is_erased(&u.email) {
        return Ok(false);
    }
    let id = [u.id];
    // Access ends: sessions, sign-in and reset links, the second factor.
    for (table, column) in [
        ("sessions", "user_id"),
        ("login_challenges", "user_id"),
        ("user_tokens", "user_id"),
        ("two_factors", "user_id"),
        ("recovery_codes", "user_id"),
        // Memberships and coaching; the T-profile.
        ("company_members", "user_id"),
        ("company_coaches", "user_id"),
        ("co_coach_requests", "coach_id"),
        ("coach_courses", "user_id"),
        ("coach_specialisms", "user_id"),
    ] {
        delete_in(db, table, column, &id).await?;
    }
    company::Entity::update_many()
        .col_expr(company::Column::PrimaryCoachId, Expr::value(None::<i64>))
        .filter(company::Column::PrimaryCoachId.eq(u.id))
        .exec(db)
        .await?;
    // A company's contact person who is this person.
    company::Entity::update_many()
        .col_expr(company::Column::ContactName, Expr::value(None::<String>))
        .col_expr(company::Column::ContactRole, Expr::value(None::<String>))
        .col_expr(company::Column::ContactEmail, Expr::value(None::<String>))
        .col_expr(company::Column::ContactPhone, Expr::value(None::<String>))
        .filter(
            Condition::any()
                .add(company::Column::ContactEmail.eq(u.email.clone()))
                .add(company::Column::ContactName.eq(u.name.clone())),
        )
        .exec(db)
        .await?;
    // What they gave experts to reach them by, and every copy of it (the e-mail to the
    // expert quotes it).
    let shared: Vec<String> = engagement::Entity::find()
        .select_only()
        .column(engagement::Column::SharedContact)
        .filter(engagement::Column::EntrepreneurId.eq(u.id))
        .into_tuple()
        .all(db)
        .await?;
    for line in shared.iter().flat_map(|s| s.lines()) {
        scrub(db, line, FORMER_USER).await?;
    }
    engagement::Entity::update_many()
        .col_expr(engagement::Column::SharedContact, Expr::value(""))
        .filter(engagement::Column::EntrepreneurId.eq(u.id))
        .exec(db)
        .await?;
    // An expert's public contact details; the profile leaves the directory.
    crate::entities::expert_profile::Entity::update_many()
        .col_expr(
            crate::entities::expert_profile::Column::Vetting,
            Expr::value(crate::experts::REJECTED),
        )
        .col_expr(
            crate::entities::expert_profile::Column::Phone,
            Expr::value(None::<String>),
        )
        .col_expr(
            crate::entities::expert_profile::Column::ContactEmail,
            Expr::value(None::<String>),
        )
        .filter(crate::entities::expert_profile::Column::UserId.eq(u.id))
        .exec(db)
        .await?;
    // E-mail to them, and the sign-in throttle counted under their address.
    crate::entities::outbox_message::Entity::delete_many()
        .filter(crate::entities::outbox_message::Column::ToEmail.eq(u.email.clone()))
        .exec(db)
        .await?;
    crate::entities::auth_throttle::Entity::delete_many()
        .filter(crate::entities::auth_throttle::Column::Key.contains(&u.email))
        .exec(db)
        .await?;
    scrub(db, &u.email, FORMER_USER).await?;
    scrub(db, &u.name, FORMER_USER).await?;
    user::ActiveModel {
        id: Set(u.id),
        name: Set(FORMER_USER.to_owned()),
        email: Set(format!("erased-{}@{ERASED_DOMAIN}", u.id)),
        password_hash: Set(None),
        active: Set(false),
        updated_at: Set(now()),
        ..Default::default()
    }
    .update(db)
    .await?;
    Ok(true)
}

/// Erases a company (see the module). Returns the entrepreneurs erased with it (those who
/// belonged to no other company), or `None` if there is no such company. Run it in a
/// transaction.
pub async fn company<C: ConnectionTrait>(db: &C, company_id: i64) -> DbResult<Option<Vec<i64>>> {
    let Some(c) = company::Entity::find_by_id(company_id).one(db).await? else {
        return Ok(None);
    };
    // Its entrepreneurs who belong to no other company go first, while their engagements
    // still say what contact details they shared.
    let mut erased = vec![];
    for m in sole_member_ids(db, c.id).await? {
        if person(db, m).await? {
            erased.push(m);
        }
    }
    let scans: Vec<i64> = scan::Entity::find()
        .select_only()
        .column(scan::Column::Id)
        .filter(scan::Column::CompanyId.eq(c.id))
        .into_tuple()
        .all(db)
        .await?;
    let visits: Vec<i64> = visit::Entity::find()
        .select_only()
        .column(visit::Column::Id)
        .filter(visit::Column::CompanyId.eq(c.id))
        .into_tuple()
        .all(db)
        .await?;
    let this = [c.id];
    delete_in(db, "scan_answers", "scan_id", &scans).await?;
    delete_in(db, "scan_reviews", "scan_id", &scans).await?;
    delete_in(db, "visit_approaches", "visit_id", &visits).await?;
    delete_in(db, "visit_revisions", "visit_id", &visits).await?;
    for table in [
        "contribution_applications",
        "engagements",
        "recommendations",
        "actions",
        "visits",
        "timeline_events",
        "consents",
        "company_members",
        "company_coaches",
        "co_coach_requests",
        "user_tokens",
        "leads",
        "audit_events",
    ] {
        delete_in(db, table, "company_id", &this).await?;
    }
    // Leads about the company that were never linked to it.
    crate::entities::lead::Entity::delete_many()
        .filter(crate::entities::lead::Column::KvkNumber.eq(c.kvk_number.clone()))
        .exec(db)
        .await?;
    company::Entity::update_many()
        .col_expr(company::Column::LatestScanId, Expr::value(None::<i64>))
        .filter(company::Column::Id.eq(c.id))
        .exec(db)
        .await?;
    delete_in(db, "scans", "company_id", &this).await?;
    company::Entity::delete_by_id(c.id).exec(db).await?;
    for text in [
        Some(&c.name),
        Some(&c.kvk_number),
        c.address.as_ref(),
        c.contact_name.as_ref(),
        c.contact_email.as_ref(),
        c.contact_phone.as_ref(),
    ]
    .into_iter()
    .flatten()
    {
        scrub(db, text, ERASED).await?;
    }
    Ok(Some(erased))
}

/// Companies whose dossier saw nothing (no contact, scan, visit or change) since `before`:
/// what the retention policy erases.
pub async fn stale_companies<C: ConnectionTrait>(
    db: &C,
    before: chrono::DateTime<chrono::Utc>,
    limit: u64,
) -> DbResult<Vec<i64>> {
    Ok(company::Entity::find()
        .select_only()
        .column(company::Column::Id)
        .filter(company::Column::UpdatedAt.lt(before))
        .filter(company::Column::CreatedAt.lt(before))
        .filter(
            Condition::any()
                .add(company::Column::LastContactOn.is_null())
                .add(company::Column::LastContactOn.lt(before.date_naive())),
        )
        .filter(
            Condition::any()
                .add(company::Column::LatestScanAt.is_null())
                .add(company::Column::LatestScanAt.lt(before)),
        )
        // Anything that happened in the dossier is a line on its timeline.
        .filter(
            company::Column::Id.not_in_subquery(
                Query::select()
                    .column(timeline_event::Column::CompanyId)
                    .from(timeline_event::Entity)
                    .and_where(timeline_event::Column::OccurredAt.gte(before))
                    .to_owned(),
            ),
        )
        .limit(limit)
        .into_tuple()
        .all(db)
        .await?)
}

/// The names of the companies a person belongs to or coaches as primary coach (what their
/// erasure takes them out of).
pub async fn companies_of<C: ConnectionTrait>(db: &C, user_id: i64) -> DbResult<Vec<String>> {
    let member_of: Vec<i64> = company_member::Entity::find()
        .select_only()
        .column(company_member::Column::CompanyId)
        .filter(company_member::Column::UserId.eq(user_id))
        .into_tuple()
        .all(db)
        .await?;
    Ok(company::Entity::find()
        .select_only()
        .column(company::Column::Name)
        .filter(
            Condition::any()
                .add(company::Column::Id.is_in(member_of))
                .add(company::Column::PrimaryCoachId.eq(user_id)),
        )
        .order_by_asc(company::Column::Name)
        .into_tuple()
        .all(db)
        .await?)
}

/// The ids of a company's entrepreneurs who belong to no other company: erasing the company
/// erases them too.
async fn sole_member_ids<C: ConnectionTrait>(db: &C, company_id: i64) -> DbResult<Vec<i64>> {
    let members: Vec<i64> = company_member::Entity::find()
        .select_only()
        .column(company_member::Column::UserId)
        .filter(company_member::Column::CompanyId.eq(company_id))
        .into_tuple()
        .all(db)
        .await?;
    let elsewhere: Vec<i64> = company_member::Entity::find()
        .select_only()
        .column(company_member::Column::UserId)
        .filter(company_member::Column::UserId.is_in(members.clone()))
        .filter(company_member::Column::CompanyId.ne(company_id))
        .into_tuple()
        .all(db)
        .await?;
    Ok(members
        .into_iter()
        .filter(|m| !elsewhere.contains(m))
        .collect())
}

/// The names of a company's entrepreneurs who belong to no other company (the confirmation
/// page lists them).
pub async fn sole_members<C: ConnectionTrait>(db: &C, company_id: i64) -> DbResult<Vec<String>> {
    let sole = sole_member_ids(db, company_id).await?;
    Ok(user::Entity::find()
        .select_only()
        .column(user::Column::Name)
        .filter(user::Column::Id.is_in(sole))
        .order_by_asc(user::Column::Name)
        .into_tuple()
        .all(db)
        .await?)
}
