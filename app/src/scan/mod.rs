//! The digital-maturity scan (DMA-compatible, SME version), as pure domain code: the
//! questionnaire as data, the answers and their validation, the JSON exchange format, scoring
//! profile `dma-sme-v1` and next best steps. No I/O, no UI, no database; the reference is
//! `shared/reference/dma-sme-scan.md`.
pub mod answers;
mod api;
pub mod error;
pub mod exchange;
pub mod form;
#[cfg(feature = "ssr")]
mod mail;
pub mod questionnaire;
pub mod scoring;
#[cfg(feature = "ssr")]
pub mod service;
#[cfg(feature = "ssr")]
pub mod shared;
pub mod steps;
pub mod types;
pub(crate) mod views;

#[cfg(test)]
mod properties;
#[cfg(test)]
mod testkit;

pub use answers::{Answer, Answers, SCALE_MAX, TriValue};
pub use error::AnswerError;
pub use exchange::{ExchangeError, answer_from_value, answer_to_value};
pub use questionnaire::{
    Choice, Dimension, Question, QuestionKind, Questionnaire, ScaleLabel, Text,
};
pub use scoring::{Band, DimensionScore, PROFILE, Scores, dimension_score, question_points, score};
pub use steps::{Step, StepAction, next_best_steps};

pub use api::*;
pub use views::{
    ScanHistoryPage, ScanResultPage, ScanReviewPage, ScanSection, ScanSectionData, ScanStepPage,
};
