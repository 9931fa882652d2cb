//! Server functions of the expert directory.
use super::form::ExpertProfileForm;
use super::types::*;
use crate::error::AppError;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use super::service;
#[cfg(feature = "ssr")]
use crate::ssr::call;

#[server(prefix = "/api", endpoint = "get_expert_directory")]
pub async fn get_expert_directory(params: DirectoryParams) -> Result<Directory, AppError> {
    call!(|st, u| service::directory(&st, &u, &params))
}

#[server(prefix = "/api", endpoint = "get_expert")]
pub async fn get_expert(id: i64) -> Result<ExpertDetail, AppError> {
    call!(|st, u| service::expert(&st, &u, id))
}

#[server(prefix = "/api", endpoint = "get_own_expert_profile")]
pub async fn get_own_expert_profile() -> Result<OwnProfile, AppError> {
    call!(|st, u| service::own_profile(&st, &u))
}

#[server(prefix = "/api", endpoint = "save_own_expert_profile")]
pub async fn save_own_expert_profile(profile: ExpertProfileForm) -> Result<i64, AppError> {
    call!(|st, u| service::save_own_profile(&st, &u, &profile))
}

#[server(prefix = "/api", endpoint = "vet_expert")]
pub async fn vet_expert(id: i64, approve: bool) -> Result<(), AppError> {
    call!(|st, u| service::vet(&st, &u, id, approve))
}

#[server(prefix = "/api", endpoint = "get_recommend_panel")]
pub async fn get_recommend_panel(
    company_id: crate::domain::CompanyId,
) -> Result<super::RecommendPanel, AppError> {
    call!(|st, u| super::recommend_service::for_coach(&st, &u, company_id))
}

#[server(prefix = "/api", endpoint = "get_recommendations")]
pub async fn get_recommendations(
    company_id: crate::domain::CompanyId,
) -> Result<Vec<super::RecommendationView>, AppError> {
    call!(|st, u| super::recommend_service::for_entrepreneur(&st, &u, company_id))
}

/// A coach recommends one to three experts to a company.
#[server(prefix = "/api", endpoint = "recommend_experts")]
pub async fn recommend_experts(
    company_id: crate::domain::CompanyId,
    form: super::RecommendForm,
) -> Result<usize, AppError> {
    call!(|st, u| super::recommend_service::recommend(&st, &u, company_id, &form))
}

/// The entrepreneur contacts a recommended expert.
#[server(prefix = "/api", endpoint = "contact_expert")]
pub async fn contact_expert(
    recommendation_id: i64,
    form: super::ContactForm,
) -> Result<(), AppError> {
    call!(|st, u| super::recommend_service::contact(&st, &u, recommendation_id, &form))
}

#[server(prefix = "/api", endpoint = "get_my_engagements")]
pub async fn get_my_engagements() -> Result<Vec<super::EngagementView>, AppError> {
    call!(|st, u| super::recommend_service::my_engagements(&st, &u))
}

/// Coach or expert update an engagement (the lesson learned is the coach's).
#[server(prefix = "/api", endpoint = "update_engagement")]
pub async fn update_engagement(id: i64, form: super::EngagementForm) -> Result<(), AppError> {
    call!(|st, u| super::recommend_service::update_engagement(&st, &u, id, &form))
}
