//! The e-mails about leads, in the recipient's language: a new lead to the programme
//! managers, the decision to the expert who proposed it.
use crate::auth::mail::{letter, locale_of};
use crate::i18n::td_string;
use crate::ssr::Settings;
use db::entities::user;
use db::outbox::OutgoingMail;

/// To a programme manager of the organisation: an expert proposed a company.
pub fn arrived(s: &Settings, to: &user::Model, expert: &str, company: &str) -> OutgoingMail {
    let l = locale_of(to);
    letter(
        s,
        to,
        "lead_arrived",
        td_string!(
            l,
            mail.lead_arrived_subject,
            expert = expert,
            company = company
        )
        .to_string(),
        td_string!(
            l,
            mail.lead_arrived_intro,
            expert = expert,
            company = company
        )
        .to_string(),
        "/leads",
    )
}

/// To the expert who proposed the lead: accepted, or declined with the reason.
pub fn decided(
    s: &Settings,
    to: &user::Model,
    company: &str,
    declined_because: Option<&str>,
) -> OutgoingMail {
    let l = locale_of(to);
    let (subject, intro) = match declined_because {
        None => (
            td_string!(l, mail.lead_accepted_subject, company = company).to_string(),
            td_string!(l, mail.lead_accepted_intro, company = company).to_string(),
        ),
        Some(reason) => (
            td_string!(l, mail.lead_declined_subject, company = company).to_string(),
            format!(
                "{}\n{}",
                td_string!(l, mail.lead_declined_intro, company = company),
                reason
            ),
        ),
    };
    letter(s, to, "lead_decided", subject, intro, "/my-leads")
}
