//! The e-mails about accounts, in the recipient's language. Plain text: it reads everywhere.
use crate::domain::Lang;
use crate::i18n::{Locale, td_string};
use crate::ssr::Settings;
use db::entities::user;
use db::outbox::OutgoingMail;

fn lang_of(u: &user::Model) -> Lang {
    Lang::parse(&u.language)
}

pub(crate) fn mail(
    u: &user::Model,
    kind: &'static str,
    subject: String,
    body: String,
) -> OutgoingMail {
    OutgoingMail {
        to_email: u.email.clone(),
        to_name: u.name.clone(),
        language: lang_of(u).as_str().to_owned(),
        kind,
        subject,
        body,
    }
}

/// A short letter to `to`: greeting, what happened, a link to where it can be seen, the
/// signature. The caller writes `intro` in `to`'s language (`lang_of(to)`).
pub(crate) fn letter(
    s: &Settings,
    to: &user::Model,
    kind: &'static str,
    subject: String,
    intro: String,
    path: &str,
) -> OutgoingMail {
    let l = lang_of(to).locale();
    let body = format!(
        "{}\n\n{}\n\n{}{}{}",
        td_string!(l, mail.greeting, name = to.name.as_str()),
        intro,
        s.base_url,
        path,
        signature(l)
    );
    mail(to, kind, subject, body)
}

/// The locale of `to`'s e-mails.
pub(crate) fn locale_of(to: &user::Model) -> Locale {
    lang_of(to).locale()
}

fn signature(l: Locale) -> String {
    format!("\n\n{}\n", td_string!(l, mail.signature))
}

pub fn reset(s: &Settings, u: &user::Model, token: &str) -> OutgoingMail {
    let l = lang_of(u).locale();
    let link = format!("{}/reset-password/{token}", s.base_url);
    let body = format!(
        "{}\n\n{}\n\n{}\n\n{}{}",
        td_string!(l, mail.greeting, name = u.name.as_str()),
        td_string!(l, mail.reset_intro),
        link,
        td_string!(l, mail.reset_outro),
        signature(l)
    );
    mail(
        u,
        "reset",
        td_string!(l, mail.reset_subject).to_string(),
        body,
    )
}

/// An invitation to set a password; `company` when it is an entrepreneur joining a company.
pub fn invite(
    s: &Settings,
    u: &user::Model,
    token: &str,
    inviter: &str,
    company: Option<&str>,
) -> OutgoingMail {
    let l = lang_of(u).locale();
    let link = format!("{}/invitation/{token}", s.base_url);
    let intro = match company {
        Some(c) => {
            td_string!(l, mail.invite_company_intro, inviter = inviter, company = c).to_string()
        }
        None => td_string!(l, mail.invite_staff_intro, inviter = inviter).to_string(),
    };
    let body = format!(
        "{}\n\n{}\n\n{}\n\n{}\n\n{}{}",
        td_string!(l, mail.greeting, name = u.name.as_str()),
        intro,
        td_string!(l, mail.invite_action),
        link,
        td_string!(l, mail.invite_outro),
        signature(l)
    );
    mail(
        u,
        "invite",
        td_string!(l, mail.invite_subject).to_string(),
        body,
    )
}

/// An existing account was added to another company.
pub fn added_to_company(
    s: &Settings,
    u: &user::Model,
    inviter: &str,
    company: &str,
) -> OutgoingMail {
    let l = lang_of(u).locale();
    let body = format!(
        "{}\n\n{}\n\n{}/login{}",
        td_string!(l, mail.greeting, name = u.name.as_str()),
        td_string!(l, mail.added_intro, inviter = inviter, company = company),
        s.base_url,
        signature(l)
    );
    mail(
        u,
        "added_to_company",
        td_string!(l, mail.added_subject, company = company).to_string(),
        body,
    )
}
