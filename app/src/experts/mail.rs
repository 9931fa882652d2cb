//! The e-mails about experts, in the recipient's language.
use crate::domain::Lang;
use crate::i18n::td_string;
use crate::ssr::Settings;
use db::entities::user;
use db::outbox::OutgoingMail;

/// To each entrepreneur of the company: their coach recommends experts (they decide whether
/// to contact them).
pub fn recommended(
    s: &Settings,
    to: &user::Model,
    coach: &str,
    company: &str,
    company_id: i64,
    count: usize,
) -> OutgoingMail {
    let l = crate::auth::mail::locale_of(to);
    crate::auth::mail::letter(
        s,
        to,
        "experts_recommended",
        td_string!(l, mail.recommended_subject, company = company).to_string(),
        td_string!(
            l,
            mail.recommended_intro,
            coach = coach,
            count = count,
            company = company
        )
        .to_string(),
        &format!("/companies/{company_id}#experts"),
    )
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
    crate::auth::mail::mail(
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
    crate::auth::mail::mail(
        coach,
        "expert_contacted",
        td_string!(l, mail.coach_notice_subject, company = company).to_string(),
        body,
    )
}
