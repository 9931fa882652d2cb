//! The expert directory: expert firms' experts with their themes (data, linked to the scan's
//! questions), region, contact details and independence declaration. Experts keep their own
//! profile; a programme manager approves it before coaches can find it; coaches and programme
//! staff search and filter the directory by theme and region.
mod api;
pub mod form;
#[cfg(feature = "ssr")]
pub mod mail;
pub mod recommend;
#[cfg(feature = "ssr")]
pub mod recommend_service;
#[cfg(feature = "ssr")]
pub mod service;
mod types;
mod views;

pub use api::*;
pub use form::ExpertProfileForm;
pub use recommend::{
    ContactForm, EngagementForm, EngagementView, RecommendForm, RecommendPanel, RecommendationView,
};
pub use types::*;
pub use views::{
    ExpertDirectoryPage, ExpertPage, MyEngagementsPage, OwnExpertProfilePage, RecommendSection,
    RecommendedExperts,
};
