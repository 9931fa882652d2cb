//! The T-profile of a coach: broad base courses on the programme's topics (each with the date
//! it was completed) and one deep specialism. Topics are data, seeded by a migration.
use super::Date;
use crate::entities::{coach_course, coach_specialism, topic, user};
use crate::{DbResult, now, roles};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set,
};

pub async fn topics<C: ConnectionTrait>(db: &C) -> DbResult<Vec<topic::Model>> {
    Ok(topic::Entity::find()
        .order_by_asc(topic::Column::Position)
        .all(db)
        .await?)
}

pub async fn courses_of<C: ConnectionTrait>(
    db: &C,
    user_id: i64,
) -> DbResult<Vec<coach_course::Model>> {
    Ok(coach_course::Entity::find()
        .filter(coach_course::Column::UserId.eq(user_id))
        .all(db)
        .await?)
}

pub async fn specialism_of<C: ConnectionTrait>(db: &C, user_id: i64) -> DbResult<Option<i64>> {
    Ok(coach_specialism::Entity::find()
        .filter(coach_specialism::Column::UserId.eq(user_id))
        .one(db)
        .await?
        .map(|s| s.topic_id))
}

/// Replaces a coach's T-profile: the courses completed and the specialism.
pub async fn save<C: ConnectionTrait>(
    db: &C,
    user_id: i64,
    courses: &[(i64, Date)],
    specialism: Option<i64>,
) -> DbResult<()> {
    let at = now();
    coach_course::Entity::delete_many()
        .filter(coach_course::Column::UserId.eq(user_id))
        .exec(db)
        .await?;
    for (topic_id, on) in courses {
        coach_course::ActiveModel {
            user_id: Set(user_id),
            topic_id: Set(*topic_id),
            completed_on: Set(*on),
            created_at: Set(at),
            updated_at: Set(at),
            ..Default::default()
        }
        .insert(db)
        .await?;
    }
    coach_specialism::Entity::delete_many()
        .filter(coach_specialism::Column::UserId.eq(user_id))
        .exec(db)
        .await?;
    if let Some(topic_id) = specialism {
        coach_specialism::ActiveModel {
            user_id: Set(user_id),
            topic_id: Set(topic_id),
            created_at: Set(at),
            updated_at: Set(at),
            ..Default::default()
        }
        .insert(db)
        .await?;
    }
    Ok(())
}

/// Active coaching staff of an organisation whose specialism is one of `topic_ids`, with it.
pub async fn specialists<C: ConnectionTrait>(
    db: &C,
    organisation_id: i64,
    topic_ids: &[i64],
) -> DbResult<Vec<(user::Model, i64)>> {
    if topic_ids.is_empty() {
        return Ok(vec![]);
    }
    let specs = coach_specialism::Entity::find()
        .filter(coach_specialism::Column::TopicId.is_in(topic_ids.to_vec()))
        .all(db)
        .await?;
    if specs.is_empty() {
        return Ok(vec![]);
    }
    let users = user::Entity::find()
        .filter(user::Column::Id.is_in(specs.iter().map(|s| s.user_id).collect::<Vec<_>>()))
        .filter(user::Column::OrganisationId.eq(organisation_id))
        .filter(user::Column::Active.eq(true))
        .filter(user::Column::Role.is_in([roles::COACH, roles::PROGRAMME_MANAGER]))
        .order_by_asc(user::Column::Name)
        .all(db)
        .await?;
    Ok(users
        .into_iter()
        .filter_map(|u| {
            let t = specs.iter().find(|s| s.user_id == u.id)?.topic_id;
            Some((u, t))
        })
        .collect())
}
