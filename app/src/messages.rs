//! Turning codes into words: field labels, messages, role and sector names, in the current
//! locale. Every text comes from `locales/*.json`.
use crate::domain::{Field, Msg, Role, SizeBand};
use crate::error::{AppError, LinkProblem};
use crate::i18n::{Locale, td_string};

pub fn field_label(l: Locale, f: Field) -> &'static str {
    match f {
        Field::Form => td_string!(l, field.form),
        Field::Email => td_string!(l, field.email),
        Field::Password => td_string!(l, field.password),
        Field::PasswordConfirm => td_string!(l, field.password_confirm),
        Field::Name => td_string!(l, field.name),
        Field::Language => td_string!(l, field.language),
        Field::Role => td_string!(l, field.role),
        Field::Organisation => td_string!(l, field.organisation),
        Field::ExpertFirm => td_string!(l, field.expert_firm),
        Field::CompanyName => td_string!(l, field.company_name),
        Field::KvkNumber => td_string!(l, field.kvk_number),
        Field::Website => td_string!(l, field.website),
        Field::FoundingYear => td_string!(l, field.founding_year),
        Field::Address => td_string!(l, field.address),
        Field::Municipality => td_string!(l, field.municipality),
        Field::SizeBand => td_string!(l, field.size_band),
        Field::PrimarySector => td_string!(l, field.primary_sector),
        Field::SecondarySector => td_string!(l, field.secondary_sector),
        Field::PrimaryCoach => td_string!(l, field.primary_coach),
        Field::Document => td_string!(l, field.document),
        Field::Respondent => td_string!(l, field.respondent),
        Field::Round => td_string!(l, field.round),
        Field::ContactName => td_string!(l, field.contact_name),
        Field::ContactRole => td_string!(l, field.contact_role),
        Field::ContactEmail => td_string!(l, field.contact_email),
        Field::ContactPhone => td_string!(l, field.contact_phone),
        Field::NoteText => td_string!(l, field.note_text),
        Field::Shared => td_string!(l, field.shared),
        Field::VisitDate => td_string!(l, field.visit_on),
        Field::VisitStatus => td_string!(l, field.status),
        Field::Attendees => td_string!(l, field.attendees),
        Field::Topics => td_string!(l, field.topics),
        Field::Report => td_string!(l, field.report),
        Field::Approaches => td_string!(l, field.approaches),
        Field::ActionText => td_string!(l, field.description),
        Field::ActionOwner => td_string!(l, field.owner),
        Field::DueDate => td_string!(l, field.due_on),
        Field::Coach => td_string!(l, field.coach_id),
        Field::CoCoach => td_string!(l, field.co_coach_id),
        Field::HandoverNote => td_string!(l, field.handover_note),
        Field::FromCoach => td_string!(l, field.from_coach_id),
        Field::Specialism => td_string!(l, field.specialism),
        Field::Courses => td_string!(l, field.courses),
        Field::ReviewNote => td_string!(l, field.review_note),
        Field::Headline => td_string!(l, field.headline),
        Field::ExpertDescription => td_string!(l, field.expert_description),
        Field::Region => td_string!(l, field.region),
        Field::Independence => td_string!(l, field.independence),
        Field::Conflicts => td_string!(l, field.conflicts),
        Field::Themes => td_string!(l, field.themes),
        Field::Experts => td_string!(l, field.experts),
        Field::Dimension => td_string!(l, field.dimension),
        Field::Reason => td_string!(l, field.reason),
        Field::Message => td_string!(l, field.message),
        Field::Scheme => td_string!(l, field.scheme_id),
        Field::Amount => td_string!(l, field.amount),
        Field::AppliedOn => td_string!(l, field.applied_on),
        Field::Granted => td_string!(l, field.granted),
        Field::EngagementStatus => td_string!(l, field.engagement_status),
        Field::Outcome => td_string!(l, field.outcome),
        Field::Lesson => td_string!(l, field.lesson),
        Field::Engagement => td_string!(l, field.engagement_id),
        Field::Code => td_string!(l, field.code),
        Field::Confirm => td_string!(l, field.confirm),
        Field::SharedScan => td_string!(l, field.shared_scan),
    }
}

pub fn field_hint(l: Locale, f: Field) -> Option<&'static str> {
    match f {
        Field::Password => Some(td_string!(l, hint.password)),
        Field::KvkNumber => Some(td_string!(l, hint.kvk_number)),
        Field::Website => Some(td_string!(l, hint.website)),
        Field::Document => Some(td_string!(l, hint.document)),
        Field::Round => Some(td_string!(l, hint.round)),
        Field::Language => Some(td_string!(l, hint.language)),
        Field::Independence => Some(td_string!(l, hint.independence)),
        Field::Code => Some(td_string!(l, hint.code)),
        Field::VisitDate | Field::DueDate | Field::AppliedOn => Some(td_string!(l, hint.date)),
        _ => None,
    }
}

/// A message that names the field it is about.
pub fn msg_text(l: Locale, m: &Msg, f: Field) -> String {
    let field = field_label(l, f);
    match m {
        Msg::Required => td_string!(l, msg.required, field = field).to_string(),
        Msg::TooLong(max) => td_string!(l, msg.too_long, field = field, max = *max).to_string(),
        Msg::EmailInvalid => td_string!(l, msg.email_invalid).to_string(),
        Msg::EmailTaken => td_string!(l, msg.email_taken).to_string(),
        Msg::PasswordTooShort => td_string!(l, msg.password_too_short).to_string(),
        Msg::PasswordTooLong => td_string!(l, msg.password_too_long).to_string(),
        Msg::PasswordMismatch => td_string!(l, msg.password_mismatch).to_string(),
        Msg::KvkInvalid => td_string!(l, msg.kvk_invalid).to_string(),
        Msg::KvkTaken => td_string!(l, msg.kvk_taken).to_string(),
        Msg::WebsiteInvalid => td_string!(l, msg.website_invalid).to_string(),
        Msg::YearInvalid => td_string!(l, msg.year_invalid).to_string(),
        Msg::ChoiceInvalid => td_string!(l, msg.choice_invalid, field = field).to_string(),
        Msg::FormIncomplete => td_string!(l, msg.form_incomplete).to_string(),
        Msg::RoleNotAllowed => td_string!(l, msg.role_not_allowed).to_string(),
        Msg::BadCredentials => td_string!(l, msg.bad_credentials).to_string(),
        Msg::AlreadyMember => td_string!(l, msg.already_member).to_string(),
        Msg::ScanLocked => td_string!(l, msg.scan_locked).to_string(),
        Msg::ConsentRequired => td_string!(l, msg.consent_required).to_string(),
        Msg::QuestionUnanswered(q) => {
            td_string!(l, msg.question_unanswered, question = q.as_str()).to_string()
        }
        Msg::AnswerInvalid(q) => {
            td_string!(l, msg.answer_invalid, question = q.as_str()).to_string()
        }
        Msg::ImportNotJson => td_string!(l, msg.import_not_json).to_string(),
        Msg::ImportInvalid(detail) => {
            td_string!(l, msg.import_invalid, detail = detail.as_str()).to_string()
        }
        Msg::RoundTaken => td_string!(l, msg.round_taken).to_string(),
        Msg::DateInvalid => td_string!(l, msg.date_invalid, field = field).to_string(),
        Msg::SameCoach => td_string!(l, msg.same_coach).to_string(),
        Msg::ResponseRequired => td_string!(l, msg.response_required).to_string(),
        Msg::ExpertCount(max) => td_string!(l, msg.expert_count, max = *max).to_string(),
        Msg::AlreadyContacted => td_string!(l, msg.already_contacted).to_string(),
        Msg::AmountInvalid => td_string!(l, msg.amount_invalid, field = field).to_string(),
        Msg::AmountOutOfRange(min, max) => td_string!(
            l,
            msg.amount_out_of_range,
            min = crate::contributions::money::format_euro(l, *min),
            max = crate::contributions::money::format_euro(l, *max)
        )
        .to_string(),
        Msg::SchemeNotValid => td_string!(l, msg.scheme_not_valid).to_string(),
        Msg::LeadDecided => td_string!(l, msg.lead_decided).to_string(),
        Msg::Neutrality => td_string!(l, msg.neutrality).to_string(),
        Msg::CodeInvalid => td_string!(l, msg.code_invalid).to_string(),
        Msg::CodeUsed => td_string!(l, msg.code_used).to_string(),
        Msg::LoginExpired => td_string!(l, msg.login_expired).to_string(),
        Msg::FactorRequired => td_string!(l, msg.factor_required).to_string(),
        Msg::ConfirmMismatch => td_string!(l, msg.confirm_mismatch, field = field).to_string(),
        Msg::DeMinimisCeiling(total) => td_string!(
            l,
            msg.de_minimis_ceiling,
            total = crate::contributions::money::format_euro(l, *total)
        )
        .to_string(),
    }
}

pub fn role_label(l: Locale, r: Role) -> &'static str {
    match r {
        Role::Entrepreneur => td_string!(l, role.entrepreneur),
        Role::Coach => td_string!(l, role.coach),
        Role::ProgrammeManager => td_string!(l, role.programme_manager),
        Role::Expert => td_string!(l, role.expert),
        Role::Admin => td_string!(l, role.admin),
    }
}

pub fn size_label(l: Locale, b: SizeBand) -> &'static str {
    match b {
        SizeBand::Micro => td_string!(l, size.micro),
        SizeBand::Small => td_string!(l, size.small),
        SizeBand::Medium => td_string!(l, size.medium),
        SizeBand::Large => td_string!(l, size.large),
    }
}

pub fn sector_label(l: Locale, code: char) -> &'static str {
    match code {
        'A' => td_string!(l, sector.a),
        'B' => td_string!(l, sector.b),
        'C' => td_string!(l, sector.c),
        'D' => td_string!(l, sector.d),
        'E' => td_string!(l, sector.e),
        'F' => td_string!(l, sector.f),
        'G' => td_string!(l, sector.g),
        'H' => td_string!(l, sector.h),
        'I' => td_string!(l, sector.i),
        'J' => td_string!(l, sector.j),
        'K' => td_string!(l, sector.k),
        'L' => td_string!(l, sector.l),
        'M' => td_string!(l, sector.m),
        'N' => td_string!(l, sector.n),
        'O' => td_string!(l, sector.o),
        'P' => td_string!(l, sector.p),
        'Q' => td_string!(l, sector.q),
        'R' => td_string!(l, sector.r),
        'S' => td_string!(l, sector.s),
        'T' => td_string!(l, sector.t),
        'U' => td_string!(l, sector.u),
        _ => "",
    }
}

/// The SBI main sections as `(code, "C Industrie")` choices for a select.
pub fn sector_options(l: Locale) -> Vec<(String, String)> {
    crate::domain::SECTORS
        .iter()
        .map(|c| (c.to_string(), format!("{} {}", c, sector_label(l, *c))))
        .collect()
}

/// The size bands as choices for a select.
pub fn size_options(l: Locale) -> Vec<(String, String)> {
    SizeBand::ALL
        .iter()
        .map(|b| (b.as_str().to_string(), size_label(l, *b).to_string()))
        .collect()
}

pub fn link_problem_text(l: Locale, p: LinkProblem) -> &'static str {
    match p {
        LinkProblem::Unknown => td_string!(l, link.unknown),
        LinkProblem::Expired => td_string!(l, link.expired),
        LinkProblem::Used => td_string!(l, link.used),
    }
}

/// A sentence for an error that is not about one field.
pub fn error_text(l: Locale, e: &AppError) -> String {
    match e {
        AppError::Unauthenticated => td_string!(l, error.unauthenticated).to_string(),
        AppError::Forbidden => td_string!(l, error.forbidden_text).to_string(),
        AppError::NotFound => td_string!(l, error.not_found_text).to_string(),
        AppError::Invalid(_) => td_string!(l, form.error_summary_title).to_string(),
        AppError::Link(p) => link_problem_text(l, *p).to_string(),
        AppError::Conflict => td_string!(l, error.conflict_text).to_string(),
        AppError::TooManyAttempts(secs) if *secs <= 90 => {
            td_string!(l, error.too_many_seconds, seconds = *secs).to_string()
        }
        AppError::TooManyAttempts(secs) => {
            td_string!(l, error.too_many_minutes, minutes = secs.div_ceil(60)).to_string()
        }
        AppError::Internal => td_string!(l, error.internal_text).to_string(),
        AppError::Request(_) => td_string!(l, error.request_text).to_string(),
    }
}

pub fn month_name(l: Locale, month: u32) -> &'static str {
    match month {
        1 => td_string!(l, month.m01),
        2 => td_string!(l, month.m02),
        3 => td_string!(l, month.m03),
        4 => td_string!(l, month.m04),
        5 => td_string!(l, month.m05),
        6 => td_string!(l, month.m06),
        7 => td_string!(l, month.m07),
        8 => td_string!(l, month.m08),
        9 => td_string!(l, month.m09),
        10 => td_string!(l, month.m10),
        11 => td_string!(l, month.m11),
        _ => td_string!(l, month.m12),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::Value;
    use std::collections::BTreeSet;

    fn keys(v: &Value, prefix: &str, out: &mut BTreeSet<String>) {
        if let Value::Object(map) = v {
            for (k, v) in map {
                let key = format!("{prefix}{k}");
                match v {
                    Value::Object(_) => keys(v, &format!("{key}."), out),
                    Value::String(s) => {
                        assert!(!s.trim().is_empty(), "translation {key} is empty");
                        out.insert(key);
                    }
                    other => panic!("translation {key} is not a string: {other}"),
                }
            }
        }
    }

    fn locale_keys(json: &str) -> BTreeSet<String> {
        let mut out = BTreeSet::new();
        keys(
            &serde_json::from_str(json).expect("valid JSON"),
            "",
            &mut out,
        );
        out
    }

    #[test]
    fn dutch_and_english_have_exactly_the_same_keys() {
        let nl = locale_keys(include_str!("../locales/nl.json"));
        let en = locale_keys(include_str!("../locales/en.json"));
        let only_nl: Vec<_> = nl.difference(&en).collect();
        let only_en: Vec<_> = en.difference(&nl).collect();
        assert!(
            only_nl.is_empty() && only_en.is_empty(),
            "missing in en: {only_nl:?}; missing in nl: {only_en:?}"
        );
        assert!(nl.len() > 150);
    }

    #[test]
    fn messages_name_their_field_in_both_languages() {
        assert_eq!(
            msg_text(Locale::nl, &Msg::Required, Field::Email),
            "Vul 'E-mailadres' in."
        );
        assert_eq!(
            msg_text(Locale::en, &Msg::TooLong(200), Field::Name),
            "'Name' can be at most 200 characters."
        );
    }

    #[test]
    fn every_sector_a_to_u_has_a_name_in_both_languages() {
        for c in crate::domain::SECTORS {
            assert!(!sector_label(Locale::nl, c).is_empty());
            assert!(!sector_label(Locale::en, c).is_empty());
        }
        assert_eq!(sector_label(Locale::nl, 'C'), "Industrie");
    }

    #[test]
    fn role_names_match_the_database() {
        for r in Role::ALL {
            assert!(db::roles::ALL.contains(&r.as_str()));
            assert!(!role_label(Locale::nl, r).is_empty());
        }
    }
}
