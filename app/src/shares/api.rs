//! The shares endpoints; `service` checks that the share is the asker's.
use super::{MyShares, ShareForm};
use crate::error::AppError;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use crate::ssr::call;

/// The asking entrepreneur's contacts with experts and what each shares.
#[server(prefix = "/api", endpoint = "get_my_shares")]
pub async fn get_my_shares() -> Result<MyShares, AppError> {
    call!(|st, u| super::service::mine(&st, &u))
}

/// Changes and renews (90 days) what one contact shares, or withdraws it.
#[server(prefix = "/api", endpoint = "update_share")]
pub async fn update_share(form: ShareForm) -> Result<(), AppError> {
    call!(|st, u| async {
        let withdrawn = super::service::update(&st, &u, &form).await?;
        leptos_axum::redirect(if withdrawn {
            "/shares?withdrawn=1"
        } else {
            "/shares?saved=1"
        });
        Ok(())
    })
}
