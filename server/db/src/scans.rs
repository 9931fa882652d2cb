//! Scans: questionnaires as stored data, drafts saved one answer at a time, submission with
//! the scores as shown, and the consent records that decide who may see results.
use crate::entities::{consent, questionnaire, scan, scan_answer};
use crate::{DbError, DbResult, now};
use sea_orm::sea_query::OnConflict;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect, Set,
};

pub const STATUS_DRAFT: &str = "draft";
pub const STATUS_SUBMITTED: &str = "submitted";
pub const CONSENT_SHARE: &str = "share_coaching";
pub const CONSENT_BENCHMARK: &str = "benchmark";

/// The newest version of a questionnaire.
/// The id of the latest version of a questionnaire, without its (large) definition.
pub async fn latest_questionnaire_id<C: ConnectionTrait>(db: &C, key: &str) -> DbResult<i64> {
    questionnaire::Entity::find()
        .select_only()
        .column(questionnaire::Column::Id)
        .filter(questionnaire::Column::Key.eq(key))
        .order_by_desc(questionnaire::Column::Version)
        .into_tuple::<i64>()
        .one(db)
        .await?
        .ok_or(DbError::NotFound)
}

pub async fn latest_questionnaire<C: ConnectionTrait>(
    db: &C,
    key: &str,
) -> DbResult<questionnaire::Model> {
    questionnaire::Entity::find()
        .filter(questionnaire::Column::Key.eq(key))
        .order_by_desc(questionnaire::Column::Version)
        .one(db)
        .await?
        .ok_or(DbError::NotFound)
}

pub async fn questionnaire<C: ConnectionTrait>(db: &C, id: i64) -> DbResult<questionnaire::Model> {
    questionnaire::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(DbError::NotFound)
}

pub async fn find<C: ConnectionTrait>(db: &C, id: i64) -> DbResult<Option<scan::Model>> {
    Ok(scan::Entity::find_by_id(id).one(db).await?)
}

/// Every scan of a company, oldest round first.
pub async fn of_company<C: ConnectionTrait>(db: &C, company_id: i64) -> DbResult<Vec<scan::Model>> {
    Ok(scan::Entity::find()
        .filter(scan::Column::CompanyId.eq(company_id))
        .order_by_asc(scan::Column::Round)
        .order_by_asc(scan::Column::Id)
        .all(db)
        .await?)
}

#[derive(Debug, Clone)]
pub struct NewScan {
    pub company_id: i64,
    pub respondent_id: i64,
    pub round: i32,
    pub questionnaire_id: i64,
    pub prefill: Option<String>,
}

pub async fn create<C: ConnectionTrait>(db: &C, new: NewScan) -> DbResult<scan::Model> {
    let at = now();
    scan::ActiveModel {
        company_id: Set(new.company_id),
        respondent_id: Set(new.respondent_id),
        round: Set(new.round),
        questionnaire_id: Set(new.questionnaire_id),
        status: Set(STATUS_DRAFT.to_owned()),
        prefill: Set(new.prefill),
        scoring_profile: Set(None),
        scores: Set(None),
        overall: Set(None),
        band: Set(None),
        submitted_at: Set(None),
        created_at: Set(at),
        updated_at: Set(at),
        ..Default::default()
    }
    .insert(db)
    .await
    .map_err(|e| DbError::unique(e, "round"))
}

/// The confirmed answers of a scan: question id and answer JSON.
pub async fn answers<C: ConnectionTrait>(db: &C, scan_id: i64) -> DbResult<Vec<(String, String)>> {
    Ok(scan_answer::Entity::find()
        .filter(scan_answer::Column::ScanId.eq(scan_id))
        .all(db)
        .await?
        .into_iter()
        .map(|a| (a.question_id, a.answer))
        .collect())
}

/// Saves one answer of a draft: a single upsert. The caller has checked the scan is a draft
/// and the answer valid; the unique (scan, question) index makes a retried save harmless.
pub async fn save_answer<C: ConnectionTrait>(
    db: &C,
    scan_id: i64,
    question_id: &str,
    answer_json: &str,
) -> DbResult<()> {
    let at = now();
    let row = scan_answer::ActiveModel {
        scan_id: Set(scan_id),
        question_id: Set(question_id.to_owned()),
        answer: Set(answer_json.to_owned()),
        created_at: Set(at),
        updated_at: Set(at),
        ..Default::default()
    };
    scan_answer::Entity::insert(row)
        .on_conflict(
            OnConflict::columns([scan_answer::Column::ScanId, scan_answer::Column::QuestionId])
                .update_columns([scan_answer::Column::Answer, scan_answer::Column::UpdatedAt])
                .to_owned(),
        )
        .exec_without_returning(db)
        .await?;
    Ok(())
}

/// Locks a scan with the scores it was given. Only a draft can be submitted.
pub async fn submit<C: ConnectionTrait>(
    db: &C,
    scan: scan::Model,
    profile: &str,
    scores_json: String,
    overall: f64,
    band: &str,
) -> DbResult<scan::Model> {
    let mut am: scan::ActiveModel = scan.into();
    am.status = Set(STATUS_SUBMITTED.to_owned());
    am.scoring_profile = Set(Some(profile.to_owned()));
    am.scores = Set(Some(scores_json));
    am.overall = Set(Some(overall));
    am.band = Set(Some(band.to_owned()));
    am.submitted_at = Set(Some(now()));
    am.updated_at = Set(now());
    Ok(am.update(db).await?)
}

/// Records a consent choice; earlier choices stay as history.
pub async fn record_consent<C: ConnectionTrait>(
    db: &C,
    company_id: i64,
    user_id: i64,
    kind: &str,
    granted: bool,
    text_version: &str,
) -> DbResult<()> {
    let at = now();
    consent::ActiveModel {
        company_id: Set(company_id),
        user_id: Set(user_id),
        kind: Set(kind.to_owned()),
        granted: Set(granted),
        text_version: Set(text_version.to_owned()),
        created_at: Set(at),
        updated_at: Set(at),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(())
}

/// The company's current choice per consent kind (the newest record), if any was made.
pub async fn current_consent<C: ConnectionTrait>(
    db: &C,
    company_id: i64,
    kind: &str,
) -> DbResult<Option<consent::Model>> {
    Ok(consent::Entity::find()
        .filter(consent::Column::CompanyId.eq(company_id))
        .filter(consent::Column::Kind.eq(kind))
        .order_by_desc(consent::Column::Id)
        .one(db)
        .await?)
}

pub async fn delete_answer<C: ConnectionTrait>(
    db: &C,
    scan_id: i64,
    question_id: &str,
) -> DbResult<()> {
    scan_answer::Entity::delete_many()
        .filter(scan_answer::Column::ScanId.eq(scan_id))
        .filter(scan_answer::Column::QuestionId.eq(question_id))
        .exec(db)
        .await?;
    Ok(())
}

pub async fn count_answers<C: ConnectionTrait>(db: &C, scan_id: i64) -> DbResult<usize> {
    use sea_orm::PaginatorTrait;
    Ok(scan_answer::Entity::find()
        .filter(scan_answer::Column::ScanId.eq(scan_id))
        .count(db)
        .await? as usize)
}

/// Moves a submitted scan's submission time (imports and the demo data tell the past).
pub async fn set_submitted_at<C: ConnectionTrait>(
    db: &C,
    id: i64,
    at: chrono::DateTime<chrono::Utc>,
) -> DbResult<()> {
    use sea_orm::sea_query::Expr;
    scan::Entity::update_many()
        .col_expr(scan::Column::SubmittedAt, Expr::value(Some(at)))
        .filter(scan::Column::Id.eq(id))
        .exec(db)
        .await?;
    Ok(())
}
