//! A coach's review of a submitted scan: per question a note, a "check during the visit" flag
//! and, where the coach sees it differently, the coach's own answer. The entrepreneur's
//! answers are never touched; both are kept side by side.
use crate::entities::scan_review;
use crate::{DbResult, now};
use sea_orm::sea_query::OnConflict;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set};

pub async fn of_scan<C: ConnectionTrait>(
    db: &C,
    scan_id: i64,
) -> DbResult<Vec<scan_review::Model>> {
    Ok(scan_review::Entity::find()
        .filter(scan_review::Column::ScanId.eq(scan_id))
        .order_by_asc(scan_review::Column::Id)
        .all(db)
        .await?)
}

/// How far the review of each scan got: scan id -> (questions reviewed, questions flagged),
/// in one query however many scans.
pub async fn progress_of<C: ConnectionTrait>(
    db: &C,
    scan_ids: &[i64],
) -> DbResult<std::collections::HashMap<i64, (usize, usize)>> {
    let mut out = std::collections::HashMap::new();
    if scan_ids.is_empty() {
        return Ok(out);
    }
    let rows = scan_review::Entity::find()
        .filter(scan_review::Column::ScanId.is_in(scan_ids.to_vec()))
        .all(db)
        .await?;
    for r in rows {
        let e = out.entry(r.scan_id).or_insert((0, 0));
        e.0 += 1;
        e.1 += usize::from(r.flagged);
    }
    Ok(out)
}

#[derive(Debug, Clone)]
pub struct ReviewUpdate {
    pub scan_id: i64,
    pub question_id: String,
    /// The coach's answer as exchange-format JSON; `None`: the coach agrees with the entrepreneur.
    pub coach_answer: Option<String>,
    pub note: Option<String>,
    pub flagged: bool,
    pub reviewer_id: i64,
}

/// Saves the review of one question: one upsert, so a repeated save is harmless.
pub async fn save<C: ConnectionTrait>(db: &C, r: ReviewUpdate) -> DbResult<()> {
    let at = now();
    scan_review::Entity::insert(scan_review::ActiveModel {
        scan_id: Set(r.scan_id),
        question_id: Set(r.question_id),
        coach_answer: Set(r.coach_answer),
        note: Set(r.note),
        flagged: Set(r.flagged),
        reviewer_id: Set(r.reviewer_id),
        created_at: Set(at),
        updated_at: Set(at),
        ..Default::default()
    })
    .on_conflict(
        OnConflict::columns([scan_review::Column::ScanId, scan_review::Column::QuestionId])
            .update_columns([
                scan_review::Column::CoachAnswer,
                scan_review::Column::Note,
                scan_review::Column::Flagged,
                scan_review::Column::ReviewerId,
                scan_review::Column::UpdatedAt,
            ])
            .to_owned(),
    )
    .exec_without_returning(db)
    .await?;
    Ok(())
}
