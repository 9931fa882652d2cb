//! The visit report as a form: parsed once from the posted name/value pairs, the same way for
//! the plain form (no JavaScript) and for autosave. Persuasion approaches are the programme's
//! four ways of convincing an entrepreneur, each with how the entrepreneur responded.
use super::types::{ApproachEntry, ReportContent};
use crate::domain::{Field, Msg, optional_text};
use crate::error::{AppError, FormErrors};
use chrono::NaiveDate;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Approach {
    /// Business case / sales arguments.
    BusinessCase,
    Scenarios,
    /// Sketching a perspective.
    Perspective,
    /// Fear of falling behind competitors.
    Competitors,
}

impl Approach {
    pub const ALL: [Approach; 4] = [
        Approach::BusinessCase,
        Approach::Scenarios,
        Approach::Perspective,
        Approach::Competitors,
    ];
    pub fn as_str(self) -> &'static str {
        match self {
            Approach::BusinessCase => "business_case",
            Approach::Scenarios => "scenarios",
            Approach::Perspective => "perspective",
            Approach::Competitors => "competitors",
        }
    }
    pub fn parse(s: &str) -> Option<Approach> {
        Approach::ALL.into_iter().find(|a| a.as_str() == s)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Response {
    Positive,
    Neutral,
    Negative,
}

impl Response {
    pub const ALL: [Response; 3] = [Response::Positive, Response::Neutral, Response::Negative];
    pub fn as_str(self) -> &'static str {
        match self {
            Response::Positive => "positive",
            Response::Neutral => "neutral",
            Response::Negative => "negative",
        }
    }
    pub fn parse(s: &str) -> Option<Response> {
        Response::ALL.into_iter().find(|r| r.as_str() == s)
    }
}

pub const PLANNED: &str = "planned";
pub const DONE: &str = "done";

/// A valid visit report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VisitReport {
    pub visit_on: NaiveDate,
    pub status: &'static str,
    pub attendees: String,
    pub topics: String,
    pub report: String,
    pub approaches: Vec<(Approach, Response, String)>,
}

const SHORT: usize = 1_000;
const LONG: usize = 20_000;

pub use crate::domain::parse_date;

/// The report form as posted: one named field per input (`report[visit_on]`, ...), so the
/// same server function serves the plain form and autosave. Approaches are ticked with
/// `used_<approach>`, answered with `response_<approach>` and explained in `note_<approach>`.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct VisitForm {
    pub visit_on: String,
    pub status: String,
    pub attendees: String,
    pub topics: String,
    pub report: String,
    pub used_business_case: Option<String>,
    pub response_business_case: Option<String>,
    pub note_business_case: Option<String>,
    pub used_scenarios: Option<String>,
    pub response_scenarios: Option<String>,
    pub note_scenarios: Option<String>,
    pub used_perspective: Option<String>,
    pub response_perspective: Option<String>,
    pub note_perspective: Option<String>,
    pub used_competitors: Option<String>,
    pub response_competitors: Option<String>,
    pub note_competitors: Option<String>,
}

impl VisitForm {
    /// The (used, response, note) fields of one approach.
    pub fn approach(&self, a: Approach) -> (bool, &str, &str) {
        let (u, r, n) = match a {
            Approach::BusinessCase => (
                &self.used_business_case,
                &self.response_business_case,
                &self.note_business_case,
            ),
            Approach::Scenarios => (
                &self.used_scenarios,
                &self.response_scenarios,
                &self.note_scenarios,
            ),
            Approach::Perspective => (
                &self.used_perspective,
                &self.response_perspective,
                &self.note_perspective,
            ),
            Approach::Competitors => (
                &self.used_competitors,
                &self.response_competitors,
                &self.note_competitors,
            ),
        };
        (
            u.as_deref().is_some_and(|v| !v.is_empty()),
            r.as_deref().unwrap_or(""),
            n.as_deref().unwrap_or(""),
        )
    }

    /// Builds the form from posted name/value pairs (`report[field]` or plain `field`).
    pub fn from_pairs(pairs: &[(String, String)]) -> VisitForm {
        let mut f = VisitForm::default();
        for (k, v) in pairs {
            let key = k
                .strip_prefix("report[")
                .and_then(|x| x.strip_suffix(']'))
                .unwrap_or(k);
            let v = v.clone();
            match key {
                "visit_on" => f.visit_on = v,
                "status" => f.status = v,
                "attendees" => f.attendees = v,
                "topics" => f.topics = v,
                "report" => f.report = v,
                "used_business_case" => f.used_business_case = Some(v),
                "response_business_case" => f.response_business_case = Some(v),
                "note_business_case" => f.note_business_case = Some(v),
                "used_scenarios" => f.used_scenarios = Some(v),
                "response_scenarios" => f.response_scenarios = Some(v),
                "note_scenarios" => f.note_scenarios = Some(v),
                "used_perspective" => f.used_perspective = Some(v),
                "response_perspective" => f.response_perspective = Some(v),
                "note_perspective" => f.note_perspective = Some(v),
                "used_competitors" => f.used_competitors = Some(v),
                "response_competitors" => f.response_competitors = Some(v),
                "note_competitors" => f.note_competitors = Some(v),
                _ => {}
            }
        }
        f
    }

    /// What the form holds, valid or not: kept as a refused version when a save loses a race.
    pub fn content(&self) -> ReportContent {
        ReportContent {
            visit_on: self.visit_on.trim().to_owned(),
            status: self.status.clone(),
            attendees: self.attendees.clone(),
            topics: self.topics.clone(),
            report: self.report.clone(),
            approaches: Approach::ALL
                .into_iter()
                .filter(|a| self.approach(*a).0)
                .map(|a| {
                    let (_, r, n) = self.approach(a);
                    ApproachEntry {
                        approach: a.as_str().to_owned(),
                        response: r.to_owned(),
                        note: n.to_owned(),
                    }
                })
                .collect(),
        }
    }
}

impl VisitReport {
    /// Parses the posted form; every problem is named by its field and the typed values are
    /// kept for the form shown again.
    pub fn parse(form: &VisitForm) -> Result<VisitReport, AppError> {
        let c = form.content();
        let mut errors = FormErrors::new();
        for (field, v) in [
            (Field::VisitDate, &c.visit_on),
            (Field::Attendees, &c.attendees),
            (Field::Topics, &c.topics),
            (Field::Report, &c.report),
        ] {
            errors.keep(field, v);
        }
        let visit_on = parse_date(&c.visit_on)
            .map_err(|m| errors.add(Field::VisitDate, m))
            .ok();
        let status = match c.status.as_str() {
            PLANNED => PLANNED,
            DONE => DONE,
            _ => {
                errors.add(Field::VisitStatus, Msg::ChoiceInvalid);
                PLANNED
            }
        };
        let mut text = |field: Field, v: &str, max: usize| {
            optional_text(v, max)
                .map(Option::unwrap_or_default)
                .map_err(|m| errors.add(field, m))
                .unwrap_or_default()
        };
        let attendees = text(Field::Attendees, &c.attendees, SHORT);
        let topics = text(Field::Topics, &c.topics, SHORT);
        let report = text(Field::Report, &c.report, LONG);
        errors.keep(Field::VisitStatus, &c.status);
        errors.keep(
            Field::Approaches,
            &serde_json::to_string(&c.approaches).unwrap_or_default(),
        );
        let mut approaches = Vec::new();
        for entry in &c.approaches {
            let Some(a) = Approach::parse(&entry.approach) else {
                continue;
            };
            let note = match optional_text(&entry.note, SHORT) {
                Ok(n) => n.unwrap_or_default(),
                Err(m) => {
                    errors.add(Field::Approaches, m);
                    String::new()
                }
            };
            match Response::parse(&entry.response) {
                Some(r) => approaches.push((a, r, note)),
                None => errors.add(Field::Approaches, Msg::ResponseRequired),
            }
        }
        let visit_on = errors.finish(visit_on)?;
        Ok(VisitReport {
            visit_on: visit_on.ok_or(AppError::Internal)?,
            status,
            attendees,
            topics,
            report,
            approaches,
        })
    }

    pub fn content(&self) -> ReportContent {
        ReportContent {
            visit_on: crate::domain::date_input(self.visit_on),
            status: self.status.to_owned(),
            attendees: self.attendees.clone(),
            topics: self.topics.clone(),
            report: self.report.clone(),
            approaches: self
                .approaches
                .iter()
                .map(|(a, r, n)| ApproachEntry {
                    approach: a.as_str().to_owned(),
                    response: r.as_str().to_owned(),
                    note: n.clone(),
                })
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(items: &[(&str, &str)]) -> VisitForm {
        let pairs: Vec<(String, String)> = items
            .iter()
            .map(|(k, v)| (format!("report[{k}]"), v.to_string()))
            .collect();
        VisitForm::from_pairs(&pairs)
    }

    #[test]
    fn a_complete_report_parses_with_its_approaches() {
        let r = VisitReport::parse(&form(&[
            ("visit_on", "2026-12-01"),
            ("status", "done"),
            ("attendees", "Eva, Sanne"),
            ("topics", "Dashboards"),
            ("report", "Goed gesprek."),
            ("used_scenarios", "on"),
            ("response_scenarios", "positive"),
            ("note_scenarios", "Sloeg aan"),
            ("response_perspective", "negative"),
        ]))
        .unwrap();
        assert_eq!(r.visit_on, NaiveDate::from_ymd_opt(2026, 12, 1).unwrap());
        assert_eq!(r.status, DONE);
        // An approach not ticked is not recorded, even with a response chosen.
        assert_eq!(
            r.approaches,
            vec![(Approach::Scenarios, Response::Positive, "Sloeg aan".into())]
        );
        assert_eq!(r.content().approaches.len(), 1);
    }

    #[test]
    fn a_ticked_approach_needs_a_response_and_the_date_must_be_real() {
        let e = VisitReport::parse(&form(&[
            ("visit_on", "2026-02-30"),
            ("status", "done"),
            ("used_competitors", "on"),
        ]))
        .unwrap_err();
        let f = e.form_errors().unwrap();
        assert_eq!(f.message_for(Field::VisitDate), Some(Msg::DateInvalid));
        assert_eq!(
            f.message_for(Field::Approaches),
            Some(Msg::ResponseRequired)
        );
        assert_eq!(f.value_of(Field::VisitDate), Some("2026-02-30"));
    }

    #[test]
    fn an_unknown_status_and_an_overlong_report_are_refused_by_field() {
        let long = "x".repeat(LONG + 1);
        let e = VisitReport::parse(&form(&[
            ("visit_on", "2026-12-01"),
            ("status", "cancelled"),
            ("report", &long),
        ]))
        .unwrap_err();
        let f = e.form_errors().unwrap();
        assert_eq!(f.message_for(Field::VisitStatus), Some(Msg::ChoiceInvalid));
        assert!(matches!(
            f.message_for(Field::Report),
            Some(Msg::TooLong(_))
        ));
        // Nothing typed is lost: the refused content keeps the whole text.
        assert_eq!(form(&[("report", &long)]).content().report.len(), LONG + 1);
    }

    #[test]
    fn dates_are_written_the_dutch_way_or_as_a_date_picker_sends_them() {
        let first_december = chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        assert_eq!(parse_date(""), Err(Msg::Required));
        for typed in [
            "1-12-2026",
            "01-12-2026",
            "1/12/2026",
            "01.12.2026",
            " 2026-12-01 ",
        ] {
            assert_eq!(parse_date(typed), Ok(first_december), "{typed}");
        }
        for wrong in ["31-02-2026", "12-2026", "morgen", "2026-13-01"] {
            assert_eq!(parse_date(wrong), Err(Msg::DateInvalid), "{wrong}");
        }
        assert_eq!(crate::domain::date_input(first_december), "01-12-2026");
    }
}
