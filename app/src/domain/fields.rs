//! Form fields and the messages about them. Both cross the wire as codes and are translated
//! where they are shown (`crate::messages`).
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    /// The form as a whole (not one field).
    Form,
    Email,
    Password,
    PasswordConfirm,
    Name,
    Language,
    Role,
    Organisation,
    ExpertFirm,
    CompanyName,
    KvkNumber,
    Website,
    FoundingYear,
    Address,
    Municipality,
    SizeBand,
    PrimarySector,
    SecondarySector,
    PrimaryCoach,
    Document,
    Respondent,
    Round,
    ContactName,
    ContactRole,
    ContactEmail,
    ContactPhone,
    NoteText,
    Shared,
    VisitDate,
    VisitStatus,
    Attendees,
    Topics,
    Report,
    Approaches,
    ActionText,
    ActionOwner,
    DueDate,
    Coach,
    CoCoach,
    HandoverNote,
    FromCoach,
    Specialism,
    Courses,
    ReviewNote,
    Headline,
    ExpertDescription,
    Region,
    Independence,
    Conflicts,
    Themes,
    Experts,
    Dimension,
    Reason,
    Message,
    Scheme,
    Amount,
    AppliedOn,
    Granted,
    EngagementStatus,
    Outcome,
    Lesson,
    Engagement,
    /// A second-factor code: six digits from the app, or a recovery code.
    Code,
    /// The typed confirmation of an erasure (an e-mail address or a company name).
    Confirm,
    /// The scan result shared with an expert.
    SharedScan,
}

impl Field {
    /// The HTML id of the input, for labels and error-summary links.
    pub fn id(self) -> &'static str {
        match self {
            Field::Form => "form",
            Field::Email => "email",
            Field::Password => "password",
            Field::PasswordConfirm => "password_confirm",
            Field::Name => "name",
            Field::Language => "language",
            Field::Role => "role",
            Field::Organisation => "organisation_id",
            Field::ExpertFirm => "expert_firm_id",
            Field::CompanyName => "company_name",
            Field::KvkNumber => "kvk_number",
            Field::Website => "website",
            Field::FoundingYear => "founding_year",
            Field::Address => "address",
            Field::Municipality => "municipality",
            Field::SizeBand => "size_band",
            Field::PrimarySector => "primary_sector",
            Field::SecondarySector => "secondary_sector",
            Field::PrimaryCoach => "primary_coach_id",
            Field::Document => "document",
            Field::Respondent => "respondent_id",
            Field::Round => "round",
            Field::ContactName => "contact_name",
            Field::ContactRole => "contact_role",
            Field::ContactEmail => "contact_email",
            Field::ContactPhone => "contact_phone",
            Field::NoteText => "note_text",
            Field::Shared => "shared",
            Field::VisitDate => "visit_on",
            Field::VisitStatus => "status",
            Field::Attendees => "attendees",
            Field::Topics => "topics",
            Field::Report => "report",
            Field::Approaches => "approaches",
            Field::ActionText => "description",
            Field::ActionOwner => "owner",
            Field::DueDate => "due_on",
            Field::Coach => "coach_id",
            Field::CoCoach => "co_coach_id",
            Field::HandoverNote => "handover_note",
            Field::FromCoach => "from_coach_id",
            Field::Specialism => "specialism",
            Field::Courses => "courses",
            Field::ReviewNote => "review_note",
            Field::Headline => "headline",
            Field::ExpertDescription => "expert_description",
            Field::Region => "region",
            Field::Independence => "independence",
            Field::Conflicts => "conflicts",
            Field::Themes => "themes",
            Field::Experts => "experts",
            Field::Dimension => "dimension",
            Field::Reason => "reason",
            Field::Message => "message",
            Field::Scheme => "scheme_id",
            Field::Amount => "amount",
            Field::AppliedOn => "applied_on",
            Field::Granted => "granted",
            Field::EngagementStatus => "engagement_status",
            Field::Outcome => "outcome",
            Field::Lesson => "lesson",
            Field::Engagement => "engagement_id",
            Field::Confirm => "confirm",
            Field::SharedScan => "scan_id",
            Field::Code => "code",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Msg {
    Required,
    TooLong(u32),
    EmailInvalid,
    EmailTaken,
    PasswordTooShort,
    PasswordTooLong,
    PasswordMismatch,
    KvkInvalid,
    KvkTaken,
    WebsiteInvalid,
    YearInvalid,
    ChoiceInvalid,
    FormIncomplete,
    RoleNotAllowed,
    BadCredentials,
    AlreadyMember,
    /// The scan was submitted and can no longer change.
    ScanLocked,
    /// The consent choice comes before the first scan.
    ConsentRequired,
    /// A question of the scan has no confirmed answer yet.
    QuestionUnanswered(String),
    /// An answer does not fit its question (unknown option, value out of range, ...).
    AnswerInvalid(String),
    /// An imported scan document is not JSON in the exchange format.
    ImportNotJson,
    /// An imported scan does not fit the questionnaire; the detail names question and option.
    ImportInvalid(String),
    /// This respondent already has a scan in that round.
    RoundTaken,
    /// A date is not a real calendar date (yyyy-mm-dd).
    DateInvalid,
    /// The chosen coach already has this role for the company.
    SameCoach,
    /// An approach was ticked without saying how the entrepreneur responded.
    ResponseRequired,
    /// Between one and this many experts must be chosen.
    ExpertCount(u32),
    /// The entrepreneur already contacted this expert for this recommendation.
    AlreadyContacted,
    /// Not an amount in euros.
    AmountInvalid,
    /// The amount is outside the scheme's minimum and maximum (in cents).
    AmountOutOfRange(i64, i64),
    /// The scheme is not open on that date.
    SchemeNotValid,
    /// The application would take the de-minimis total (in cents) past the ceiling; it can
    /// still be recorded once the coach confirms.
    DeMinimisCeiling(i64),
    /// The lead was accepted or declined already.
    LeadDecided,
    /// The expert whose lead brought the company in cannot be the only one recommended.
    Neutrality,
    /// Not the current code of the authenticator app, nor an unused recovery code.
    CodeInvalid,
    /// The code was right but has been used already (it works once).
    CodeUsed,
    /// The step after the password expired or had too many wrong codes: log in again.
    LoginExpired,
    /// This role must keep its second factor.
    FactorRequired,
    /// The typed confirmation does not repeat the address or name asked for.
    ConfirmMismatch,
}
