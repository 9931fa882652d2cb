//! Pages that show one object named in the URL (`/scans/:id`, `/companies/:id`, ...).
use crate::error::AppError;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use std::str::FromStr;

/// A typed route parameter; `None` when it is absent or does not parse.
pub fn route_param<T: FromStr>(
    name: &'static str,
) -> impl Fn() -> Option<T> + Copy + Send + Sync + 'static {
    let params = use_params_map();
    move || params.with(|p| p.get(name)).and_then(|s| s.parse().ok())
}

/// Loads the object for a parsed id; an id that is missing or malformed is "not found".
pub async fn load_by_id<I, T, Fut>(
    id: Option<I>,
    load: impl FnOnce(I) -> Fut,
) -> Result<T, AppError>
where
    Fut: Future<Output = Result<T, AppError>>,
{
    match id {
        Some(id) => load(id).await,
        None => Err(AppError::NotFound),
    }
}
