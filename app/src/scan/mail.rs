//! The e-mail to a company's other entrepreneurs when one of them changes its sharing choice.
use crate::auth::mail::mail;
use crate::domain::Lang;
use crate::i18n::td_string;
use crate::ssr::Settings;
use db::entities::user;
use db::outbox::OutgoingMail;

pub fn consent_changed(
    s: &Settings,
    to: &user::Model,
    by: &str,
    company: &str,
    company_id: i64,
    share: bool,
    benchmark: bool,
) -> OutgoingMail {
    let l = Lang::parse(&to.language).locale();
    let share_line = if share {
        td_string!(l, mail.consent_share_yes).to_string()
    } else {
        td_string!(l, mail.consent_share_no).to_string()
    };
    let bench_line = if benchmark {
        td_string!(l, mail.consent_benchmark_yes).to_string()
    } else {
        td_string!(l, mail.consent_benchmark_no).to_string()
    };
    let body = format!(
        "{}\n\n{}\n\n- {}\n- {}\n\n{}\n\n{}/companies/{}\n\n{}\n",
        td_string!(l, mail.greeting, name = to.name.as_str()),
        td_string!(l, mail.consent_changed_intro, name = by, company = company),
        share_line,
        bench_line,
        td_string!(l, mail.consent_changed_outro),
        s.base_url,
        company_id,
        td_string!(l, mail.signature)
    );
    mail(
        to,
        "consent_changed",
        td_string!(l, mail.consent_changed_subject, company = company).to_string(),
        body,
    )
}
