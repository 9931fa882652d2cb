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
