//! The e-mails about co-coaching, in the recipient's language.
use crate::auth::mail::mail;
use crate::domain::Lang;
use crate::i18n::td_string;
use crate::ssr::Settings;
use db::entities::user;
use db::outbox::OutgoingMail;

/// To the primary coach (or the programme managers): a colleague asks to co-coach.
pub fn co_coach_request(
    s: &Settings,
    to: &user::Model,
    colleague: &str,
    company: &str,
    company_id: i64,
) -> OutgoingMail {
    let l = Lang::parse(&to.language).locale();
    let body = format!(
        "{}\n\n{}\n\n{}/companies/{}#coaches\n\n{}\n",
        td_string!(l, mail.greeting, name = to.name.as_str()),
        td_string!(
            l,
            mail.co_coach_request_intro,
            colleague = colleague,
            company = company
        ),
        s.base_url,
        company_id,
        td_string!(l, mail.signature)
    );
    mail(
        to,
        "co_coach_request",
        td_string!(
            l,
            mail.co_coach_request_subject,
            colleague = colleague,
            company = company
        )
        .to_string(),
        body,
    )
}

/// To each entrepreneur of the company: who their data coach is from now on.
pub fn new_coach(
    s: &Settings,
    to: &user::Model,
    coach: &user::Model,
    company: &str,
    company_id: i64,
) -> OutgoingMail {
    let l = crate::auth::mail::locale_of(to);
    crate::auth::mail::letter(
        s,
        to,
        "new_coach",
        td_string!(l, mail.new_coach_subject, coach = coach.name.as_str()).to_string(),
        td_string!(
            l,
            mail.new_coach_intro,
            coach = coach.name.as_str(),
            company = company,
            email = coach.email.as_str()
        )
        .to_string(),
        &format!("/companies/{company_id}"),
    )
}

/// To the colleague who asked: the answer.
pub fn co_coach_answer(
    s: &Settings,
    to: &user::Model,
    by: &str,
    company: &str,
    company_id: i64,
    accepted: bool,
) -> OutgoingMail {
    let l = Lang::parse(&to.language).locale();
    let (subject, intro) = if accepted {
        (
            td_string!(l, mail.co_coach_accepted_subject, company = company).to_string(),
            td_string!(l, mail.co_coach_accepted_intro, by = by, company = company).to_string(),
        )
    } else {
        (
            td_string!(l, mail.co_coach_declined_subject, company = company).to_string(),
            td_string!(l, mail.co_coach_declined_intro, by = by, company = company).to_string(),
        )
    };
    let body = format!(
        "{}\n\n{}\n\n{}/companies/{}\n\n{}\n",
        td_string!(l, mail.greeting, name = to.name.as_str()),
        intro,
        s.base_url,
        company_id,
        td_string!(l, mail.signature)
    );
    mail(to, "co_coach_answer", subject, body)
}
