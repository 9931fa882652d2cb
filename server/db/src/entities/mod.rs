//! SeaORM entities. They mirror the migrations (the schema's truth) and never leave the server.
pub mod company;
pub mod company_member;
pub mod consent;
pub mod expert_firm;
pub mod organisation;
pub mod outbox_message;
pub mod questionnaire;
pub mod scan;
pub mod scan_answer;
pub mod session;
pub mod user;
pub mod user_token;
