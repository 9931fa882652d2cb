//! The e-mails about experts, in the recipient's language.
use crate::domain::Lang;
use crate::i18n::td_string;
use crate::ssr::Settings;
use db::entities::user;
use db::outbox::OutgoingMail;

fn outgoing(u: &user::Model, kind: &'static str, subject: String, body: String) -> OutgoingMail {
    OutgoingMail {
        to_email: u.email.clone(),
        to_name: u.name.clone(),
        language: Lang::parse(&u.language).as_str().to_owned(),
        kind,
        subject,
        body,
    }
}

/// To the expert: an entrepreneur's message, with the contact details they chose to share.
pub fn contact(
    _s: &Settings,
    expert: &user::Model,
    entrepreneur: &str,
    company: &str,
    message: &str,
    shared: &str,
    coach_email: Option<&str>,
) -> OutgoingMail {
    let l = Lang::parse(&expert.language).locale();
    let reach = if shared.is_empty() {
        td_string!(
            l,
            mail.contact_no_details,
            coach = coach_email.unwrap_or("-")
        )
        .to_string()
    } else {
        format!("{}\n{}", td_string!(l, mail.contact_details), shared)
    };
    let body = format!(
        "{}\n\n{}\n\n{}\n\n{}\n\n{}\n",
        td_string!(l, mail.greeting, name = expert.name.as_str()),
        td_string!(
            l,
            mail.contact_intro,
            entrepreneur = entrepreneur,
            company = company
        ),
        message,
        reach,
        td_string!(l, mail.signature)
    );
    outgoing(
        expert,
        "expert_contact",
        td_string!(l, mail.contact_subject, company = company).to_string(),
        body,
    )
}

/// To the company's coach: the entrepreneur contacted an expert the coach recommended.
pub fn coach_notice(
    s: &Settings,
    coach: &user::Model,
    entrepreneur: &str,
    company: &str,
    expert: &str,
    company_id: i64,
) -> OutgoingMail {
    let l = Lang::parse(&coach.language).locale();
    let body = format!(
        "{}\n\n{}\n\n{}/companies/{}#timeline\n\n{}\n",
        td_string!(l, mail.greeting, name = coach.name.as_str()),
        td_string!(
            l,
            mail.coach_notice_intro,
            entrepreneur = entrepreneur,
            company = company,
            expert = expert
        ),
        s.base_url,
        company_id,
        td_string!(l, mail.signature)
    );
    outgoing(
        coach,
        "expert_contacted",
        td_string!(l, mail.coach_notice_subject, company = company).to_string(),
        body,
    )
}
