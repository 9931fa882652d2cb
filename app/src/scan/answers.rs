//! What the entrepreneur answered, per question id, and the checks that an answer fits its
//! question. Answers hold ids only, never texts or positions, so they survive wording changes.
use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use super::error::AnswerError;
use super::questionnaire::{Question, QuestionKind, Questionnaire};

/// A `tri` row value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TriValue {
    No,
    Partly,
    Yes,
}

impl TriValue {
    pub const ALL: [TriValue; 3] = [TriValue::No, TriValue::Partly, TriValue::Yes];

    pub fn as_str(self) -> &'static str {
        match self {
            TriValue::No => "no",
            TriValue::Partly => "partly",
            TriValue::Yes => "yes",
        }
    }

    pub fn parse(s: &str) -> Option<TriValue> {
        TriValue::ALL.into_iter().find(|v| v.as_str() == s)
    }

    /// The weight used by the scoring profile: no 0, partly 0.5, yes 1.
    pub fn weight(self) -> f64 {
        match self {
            TriValue::No => 0.0,
            TriValue::Partly => 0.5,
            TriValue::Yes => 1.0,
        }
    }

    /// One step up, if there is one.
    pub fn up(self) -> Option<TriValue> {
        match self {
            TriValue::No => Some(TriValue::Partly),
            TriValue::Partly => Some(TriValue::Yes),
            TriValue::Yes => None,
        }
    }
}

/// The answer to one question. Missing rows in `Scale` and `Tri` mean 0 and `no`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    Grid2 {
        invested: BTreeSet<String>,
        planned: BTreeSet<String>,
    },
    Multi(BTreeSet<String>),
    Scale(BTreeMap<String, u8>),
    Tri(BTreeMap<String, TriValue>),
}

/// The highest value of a `scale05` row.
pub const SCALE_MAX: u8 = 5;

impl Answer {
    /// The answer that scores like an unanswered question: nothing ticked, all rows 0 or `no`.
    pub fn empty(kind: QuestionKind) -> Answer {
        match kind {
            QuestionKind::Grid2 => Answer::Grid2 {
                invested: BTreeSet::new(),
                planned: BTreeSet::new(),
            },
            QuestionKind::Multi => Answer::Multi(BTreeSet::new()),
            QuestionKind::Scale05 => Answer::Scale(BTreeMap::new()),
            QuestionKind::Tri => Answer::Tri(BTreeMap::new()),
        }
    }

    pub fn kind(&self) -> QuestionKind {
        match self {
            Answer::Grid2 { .. } => QuestionKind::Grid2,
            Answer::Multi(_) => QuestionKind::Multi,
            Answer::Scale(_) => QuestionKind::Scale05,
            Answer::Tri(_) => QuestionKind::Tri,
        }
    }

    /// Every way this answer does not fit `question`; empty when it fits. Rows left out are
    /// fine here (they count as 0 / `no`); see [`Answers::missing`] for completeness.
    pub fn errors(&self, question: &Question) -> Vec<AnswerError> {
        let qid = || question.id.clone();
        if self.kind() != question.kind {
            return vec![AnswerError::WrongKind {
                question: qid(),
                expected: question.kind,
            }];
        }
        let unknown_rows = |ids: &mut dyn Iterator<Item = &String>| -> Vec<AnswerError> {
            ids.filter(|id| !question.has_choice(id))
                .map(|id| AnswerError::UnknownRow {
                    question: qid(),
                    row: id.clone(),
                })
                .collect()
        };
        match self {
            Answer::Grid2 { invested, planned } => {
                // A row ticked in both columns is reported once.
                let all: BTreeSet<&String> = invested.iter().chain(planned).collect();
                unknown_rows(&mut all.into_iter())
            }
            Answer::Multi(ticked) => {
                let mut errs: Vec<_> = ticked
                    .iter()
                    .filter(|id| !question.has_choice(id))
                    .map(|id| AnswerError::UnknownOption {
                        question: qid(),
                        option: id.clone(),
                    })
                    .collect();
                if ticked.len() > 1 {
                    errs.extend(
                        ticked
                            .iter()
                            .filter(|id| question.choice(id).is_some_and(|c| c.exclusive))
                            .map(|id| AnswerError::ExclusiveCombined {
                                question: qid(),
                                option: id.clone(),
                            }),
                    );
                }
                errs
            }
            Answer::Scale(rows) => {
                let mut errs = unknown_rows(&mut rows.keys());
                errs.extend(
                    rows.iter()
                        .filter(|(_, v)| **v > SCALE_MAX)
                        .map(|(row, v)| AnswerError::OutOfRange {
                            question: qid(),
                            row: row.clone(),
                            value: i64::from(*v),
                        }),
                );
                errs
            }
            Answer::Tri(rows) => unknown_rows(&mut rows.keys()),
        }
    }
}

/// All answers of one scan, by question id.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Answers(pub BTreeMap<String, Answer>);

impl Answers {
    pub fn new() -> Answers {
        Answers::default()
    }

    pub fn get(&self, question: &str) -> Option<&Answer> {
        self.0.get(question)
    }

    pub fn set(&mut self, question: impl Into<String>, answer: Answer) {
        self.0.insert(question.into(), answer);
    }

    /// Checks every answer against the questionnaire; unanswered questions are not errors here.
    pub fn validate(&self, q: &Questionnaire) -> Result<(), Vec<AnswerError>> {
        let errs: Vec<_> = self
            .0
            .iter()
            .flat_map(|(id, answer)| match q.question(id) {
                Some(question) => answer.errors(question),
                None => vec![AnswerError::UnknownQuestion {
                    question: id.clone(),
                }],
            })
            .collect();
        if errs.is_empty() { Ok(()) } else { Err(errs) }
    }

    /// What is still missing before the scan can be submitted: questions without an answer and
    /// `scale05`/`tri` rows without a value, in questionnaire order.
    pub fn missing(&self, q: &Questionnaire) -> Vec<AnswerError> {
        let mut errs = Vec::new();
        for question in &q.questions {
            let present: Option<BTreeSet<&String>> = match self.get(&question.id) {
                None => {
                    errs.push(AnswerError::MissingQuestion {
                        question: question.id.clone(),
                    });
                    continue;
                }
                Some(Answer::Scale(rows)) => Some(rows.keys().collect()),
                Some(Answer::Tri(rows)) => Some(rows.keys().collect()),
                Some(_) => None,
            };
            if let Some(present) = present {
                errs.extend(
                    question
                        .rows
                        .iter()
                        .filter(|r| !present.contains(&r.id))
                        .map(|r| AnswerError::MissingRow {
                            question: question.id.clone(),
                            row: r.id.clone(),
                        }),
                );
            }
        }
        errs
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q() -> &'static Questionnaire {
        Questionnaire::dma_sme_v1()
    }

    fn ids(xs: &[&str]) -> BTreeSet<String> {
        xs.iter().map(|s| s.to_string()).collect()
    }

    fn errors_of(question: &str, answer: Answer) -> Vec<String> {
        let mut a = Answers::new();
        a.set(question, answer);
        a.validate(q())
            .unwrap_err()
            .iter()
            .map(ToString::to_string)
            .collect()
    }

    #[test]
    fn a_valid_partial_scan_passes_validation() {
        let mut a = Answers::new();
        a.set("q2", Answer::Multi(ids(&["finance", "risks"])));
        a.set("q4", Answer::Scale([("iot".to_string(), 5)].into()));
        a.set("q7", Answer::Multi(ids(&["not_digital"])));
        a.set(
            "q11",
            Answer::Tri([("ems".to_string(), TriValue::Partly)].into()),
        );
        assert_eq!(a.validate(q()), Ok(()));
    }

    #[test]
    fn q7_exclusive_option_combined_with_another_names_question_and_option() {
        let errs = errors_of("q7", Answer::Multi(ids(&["not_digital", "stored"])));
        assert_eq!(
            errs,
            ["q7: option not_digital cannot be combined with other options"]
        );
    }

    #[test]
    fn an_unknown_multi_option_names_question_and_option() {
        let errs = errors_of("q2", Answer::Multi(ids(&["finance", "astrology"])));
        assert_eq!(errs, ["q2: option astrology is unknown"]);
    }

    #[test]
    fn an_unknown_scale_row_names_question_and_row() {
        assert_eq!(
            errors_of("q4", Answer::Scale([("foo".to_string(), 1)].into())),
            ["q4: row foo is unknown"]
        );
    }

    #[test]
    fn a_scale_value_above_five_is_out_of_range() {
        let errs = errors_of("q4", Answer::Scale([("iot".to_string(), 7)].into()));
        assert_eq!(errs, ["q4.iot: value 7 is out of range 0..5"]);
    }

    #[test]
    fn an_unknown_tri_row_names_question_and_row() {
        let errs = errors_of(
            "q11",
            Answer::Tri([("vibes".to_string(), TriValue::Yes)].into()),
        );
        assert_eq!(errs, ["q11: row vibes is unknown"]);
    }

    #[test]
    fn an_unknown_grid_row_is_reported_once_even_when_ticked_in_both_columns() {
        let errs = errors_of(
            "q1",
            Answer::Grid2 {
                invested: ids(&["design", "moon"]),
                planned: ids(&["moon"]),
            },
        );
        assert_eq!(errs, ["q1: row moon is unknown"]);
    }

    #[test]
    fn an_answer_of_the_wrong_kind_names_the_expected_kind() {
        let mut a = Answers::new();
        a.set("q4", Answer::Multi(ids(&["iot"])));
        let errs = a.validate(q()).unwrap_err();
        assert_eq!(
            errs,
            [AnswerError::WrongKind {
                question: "q4".into(),
                expected: QuestionKind::Scale05
            }]
        );
        assert!(
            errs[0]
                .to_string()
                .starts_with("q4: expected a scale05 answer")
        );
    }

    #[test]
    fn an_answer_to_an_unknown_question_is_rejected() {
        assert_eq!(
            errors_of("q12", Answer::Multi(BTreeSet::new())),
            ["q12: question is unknown"]
        );
    }

    #[test]
    fn every_error_is_reported_not_just_the_first() {
        let mut a = Answers::new();
        a.set(
            "q4",
            Answer::Scale([("iot".to_string(), 9), ("foo".to_string(), 0)].into()),
        );
        a.set("q7", Answer::Multi(ids(&["not_digital", "policy"])));
        let errs = a.validate(q()).unwrap_err();
        let questions: Vec<_> = errs.iter().map(AnswerError::question).collect();
        assert_eq!(questions, ["q4", "q4", "q7"]);
    }

    #[test]
    fn missing_lists_unanswered_questions_and_rows_in_questionnaire_order() {
        let mut a = Answers::new();
        for question in &q().questions {
            a.set(question.id.clone(), Answer::empty(question.kind));
        }
        a.0.remove("q3");
        a.set(
            "q9",
            Answer::Scale(
                [("nlp", 1), ("vision", 0), ("audio", 0), ("robotics", 2)]
                    .map(|(k, v)| (k.to_string(), v))
                    .into(),
            ),
        );
        let missing: Vec<_> = a.missing(q()).iter().map(ToString::to_string).collect();
        let mut expected = vec!["q3: question is not answered".to_string()];
        expected.extend(
            q().question("q4")
                .unwrap()
                .rows
                .iter()
                .map(|r| format!("q4: row {} is not answered", r.id)),
        );
        expected.push("q9: row bi is not answered".into());
        expected.extend(
            q().question("q11")
                .unwrap()
                .rows
                .iter()
                .map(|r| format!("q11: row {} is not answered", r.id)),
        );
        assert_eq!(missing, expected);
    }

    #[test]
    fn tri_values_step_up_from_no_to_partly_to_yes_with_weights_0_half_1() {
        assert_eq!(TriValue::No.up(), Some(TriValue::Partly));
        assert_eq!(TriValue::Partly.up(), Some(TriValue::Yes));
        assert_eq!(TriValue::Yes.up(), None);
        assert_eq!(TriValue::ALL.map(TriValue::weight), [0.0, 0.5, 1.0]);
        assert_eq!(TriValue::parse("partly"), Some(TriValue::Partly));
        assert_eq!(TriValue::parse("Partly"), None);
    }

    #[test]
    fn errors_cross_the_wire_as_codes_with_their_ids() {
        let e = AnswerError::ExclusiveCombined {
            question: "q7".into(),
            option: "not_digital".into(),
        };
        let json = serde_json::to_value(&e).unwrap();
        assert_eq!(
            json,
            serde_json::json!({"code": "exclusive_combined", "question": "q7", "option": "not_digital"})
        );
        assert_eq!(serde_json::from_value::<AnswerError>(json).unwrap(), e);
    }
}
