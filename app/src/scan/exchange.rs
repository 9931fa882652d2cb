//! The exchange format for answers: one JSON object `{"questionnaire", "version", "answers"}`,
//! used for export, import and the `score` command. Other fields beside them are ignored, so an
//! export may carry company data or scores too.
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use serde::ser::SerializeMap;
use serde::{Deserialize, Serialize, Serializer};
use serde_json::Value;

use super::answers::{Answer, Answers, TriValue};
use super::error::AnswerError;
use super::questionnaire::{Question, QuestionKind, Questionnaire};

/// Why an exchange document could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExchangeError {
    /// Not JSON, or the envelope (`questionnaire`, `version`, `answers`) is missing or mistyped.
    Json(String),
    /// The answers belong to another questionnaire or version.
    Questionnaire {
        found: String,
        version: u64,
        expected: String,
        expected_version: u32,
    },
    /// The envelope is fine but answers are wrong or missing; every problem is listed.
    Answers(Vec<AnswerError>),
}

impl fmt::Display for ExchangeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ExchangeError::Json(e) => write!(f, "not a valid scan document: {e}"),
            ExchangeError::Questionnaire {
                found,
                version,
                expected,
                expected_version,
            } => write!(
                f,
                "answers are for questionnaire {found} version {version}, expected {expected} version {expected_version}"
            ),
            ExchangeError::Answers(errs) => {
                let lines: Vec<String> = errs.iter().map(ToString::to_string).collect();
                f.write_str(&lines.join("; "))
            }
        }
    }
}

impl std::error::Error for ExchangeError {}

#[derive(Deserialize)]
struct Envelope {
    questionnaire: String,
    version: u64,
    answers: serde_json::Map<String, Value>,
}

impl Answers {
    /// Reads a complete scan: every question and every `scale05`/`tri` row must be present.
    pub fn from_exchange_json(json: &str, q: &Questionnaire) -> Result<Answers, ExchangeError> {
        read(json, q, true)
    }

    /// Reads a scan in progress: absent questions and rows are allowed (they score as nothing).
    pub fn from_exchange_json_draft(
        json: &str,
        q: &Questionnaire,
    ) -> Result<Answers, ExchangeError> {
        read(json, q, false)
    }

    /// Writes the exchange shape, questions and their options or rows in questionnaire order.
    /// Writes what is there: unanswered questions stay absent rather than being made up.
    pub fn to_exchange_json(&self, q: &Questionnaire) -> String {
        serde_json::to_string_pretty(&Exchange { q, answers: self })
            .expect("serialising answers to a string cannot fail")
    }
}

fn read(json: &str, q: &Questionnaire, complete: bool) -> Result<Answers, ExchangeError> {
    let env: Envelope =
        serde_json::from_str(json).map_err(|e| ExchangeError::Json(e.to_string()))?;
    if env.questionnaire != q.id || env.version != u64::from(q.version) {
        return Err(ExchangeError::Questionnaire {
            found: env.questionnaire,
            version: env.version,
            expected: q.id.clone(),
            expected_version: q.version,
        });
    }
    let mut errs: Vec<AnswerError> = env
        .answers
        .keys()
        .filter(|id| q.question(id).is_none())
        .map(|id| AnswerError::UnknownQuestion {
            question: id.clone(),
        })
        .collect();
    let mut answers = Answers::new();
    for question in &q.questions {
        match env.answers.get(&question.id) {
            None => continue,
            Some(value) => match parse_answer(question, value) {
                Ok(answer) => {
                    errs.extend(answer.errors(question));
                    answers.set(question.id.clone(), answer);
                }
                Err(e) => errs.extend(e),
            },
        }
    }
    if complete {
        // Only report what is truly absent; a question whose value was unreadable is already listed.
        errs.extend(answers.missing(q).into_iter().filter(|e| match e {
            AnswerError::MissingQuestion { question } => !env.answers.contains_key(question),
            _ => true,
        }));
    }
    if errs.is_empty() {
        Ok(answers)
    } else {
        Err(ExchangeError::Answers(errs))
    }
}

/// One question's answer as the exchange format writes it (for storing and sending a single
/// answer as it is given).
pub fn answer_to_value(question: &Question, answer: &Answer) -> Value {
    serde_json::to_value(AnswerOut {
        question: Some(question),
        answer,
    })
    .unwrap_or(Value::Null)
}

/// Reads one question's answer in the exchange format and checks it against the question:
/// shape, ids, ranges and the exclusive option.
pub fn answer_from_value(question: &Question, value: &Value) -> Result<Answer, Vec<AnswerError>> {
    let answer = parse_answer(question, value)?;
    let errors = answer.errors(question);
    if errors.is_empty() {
        Ok(answer)
    } else {
        Err(errors)
    }
}

/// Turns one JSON value into an answer of the question's kind. Ids are not checked here
/// (that is [`Answer::errors`]); only the shape and value types are.
fn parse_answer(question: &Question, value: &Value) -> Result<Answer, Vec<AnswerError>> {
    let qid = || question.id.clone();
    let wrong_kind = || {
        vec![AnswerError::WrongKind {
            question: qid(),
            expected: question.kind,
        }]
    };
    let id_list = |v: &Value| -> Option<BTreeSet<String>> {
        v.as_array()?
            .iter()
            .map(|x| x.as_str().map(str::to_owned))
            .collect()
    };
    match question.kind {
        QuestionKind::Multi => id_list(value).map(Answer::Multi).ok_or_else(wrong_kind),
        QuestionKind::Grid2 => {
            let obj = value.as_object().ok_or_else(wrong_kind)?;
            let mut errs: Vec<_> = obj
                .keys()
                .filter(|k| *k != "invested" && *k != "planned")
                .map(|k| AnswerError::UnknownColumn {
                    question: qid(),
                    column: k.clone(),
                })
                .collect();
            let mut column = |name: &str| match obj.get(name) {
                None => {
                    errs.push(AnswerError::MissingColumn {
                        question: qid(),
                        column: name.into(),
                    });
                    None
                }
                Some(v) => id_list(v).or_else(|| {
                    errs.extend(wrong_kind());
                    None
                }),
            };
            let (invested, planned) = (column("invested"), column("planned"));
            match (invested, planned) {
                (Some(invested), Some(planned)) if errs.is_empty() => {
                    Ok(Answer::Grid2 { invested, planned })
                }
                _ => Err(errs),
            }
        }
        QuestionKind::Scale05 | QuestionKind::Tri => {
            let obj = value.as_object().ok_or_else(wrong_kind)?;
            let mut errs = Vec::new();
            let mut scale = BTreeMap::new();
            let mut tri = BTreeMap::new();
            for (row, v) in obj {
                let invalid = || AnswerError::InvalidValue {
                    question: qid(),
                    row: row.clone(),
                    value: v.to_string(),
                    kind: question.kind,
                };
                if question.kind == QuestionKind::Tri {
                    match v.as_str().and_then(TriValue::parse) {
                        Some(t) => {
                            tri.insert(row.clone(), t);
                        }
                        None => errs.push(invalid()),
                    }
                } else if let Some(n) = v.as_i64() {
                    // Values that do not fit a u8 are out of range all the same; report them as such.
                    match u8::try_from(n) {
                        Ok(n) => {
                            scale.insert(row.clone(), n);
                        }
                        Err(_) => errs.push(AnswerError::OutOfRange {
                            question: qid(),
                            row: row.clone(),
                            value: n,
                        }),
                    }
                } else {
                    errs.push(invalid());
                }
            }
            match (errs.is_empty(), question.kind) {
                (false, _) => Err(errs),
                (true, QuestionKind::Tri) => Ok(Answer::Tri(tri)),
                (true, _) => Ok(Answer::Scale(scale)),
            }
        }
    }
}

/// The document written by [`Answers::to_exchange_json`]. Serialised by hand so keys follow
/// the questionnaire (q1, q2, ..., q10), whatever map type serde_json was built with.
struct Exchange<'a> {
    q: &'a Questionnaire,
    answers: &'a Answers,
}

impl Serialize for Exchange<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(3))?;
        m.serialize_entry("questionnaire", &self.q.id)?;
        m.serialize_entry("version", &self.q.version)?;
        m.serialize_entry("answers", &AnswersOut(self))?;
        m.end()
    }
}

struct AnswersOut<'a>(&'a Exchange<'a>);

impl Serialize for AnswersOut<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let Exchange { q, answers } = self.0;
        let known = q.questions.iter().map(|qu| qu.id.as_str());
        let mut m = s.serialize_map(None)?;
        for id in in_order(known, answers.0.keys()) {
            let question = q.question(id);
            m.serialize_entry(
                id,
                &AnswerOut {
                    question,
                    answer: &answers.0[id],
                },
            )?;
        }
        m.end()
    }
}

struct AnswerOut<'a> {
    question: Option<&'a Question>,
    answer: &'a Answer,
}

impl<'a> Serialize for AnswerOut<'a> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let choices = || {
            self.question
                .into_iter()
                .flat_map(|q| q.choices().iter().map(|c| c.id.as_str()))
        };
        let list = |ids: &'a BTreeSet<String>| in_order(choices(), ids.iter());
        match self.answer {
            Answer::Multi(ticked) => list(ticked).serialize(s),
            Answer::Grid2 { invested, planned } => {
                let mut m = s.serialize_map(Some(2))?;
                m.serialize_entry("invested", &list(invested))?;
                m.serialize_entry("planned", &list(planned))?;
                m.end()
            }
            Answer::Scale(rows) => {
                let mut m = s.serialize_map(Some(rows.len()))?;
                for row in in_order(choices(), rows.keys()) {
                    m.serialize_entry(row, &rows[row])?;
                }
                m.end()
            }
            Answer::Tri(rows) => {
                let mut m = s.serialize_map(Some(rows.len()))?;
                for row in in_order(choices(), rows.keys()) {
                    m.serialize_entry(row, rows[row].as_str())?;
                }
                m.end()
            }
        }
    }
}

/// The present ids, known ones in `order` first, then any unknown ones so nothing is lost.
fn in_order<'a>(
    order: impl Iterator<Item = &'a str>,
    present: impl Iterator<Item = &'a String>,
) -> Vec<&'a str> {
    let present: BTreeSet<&str> = present.map(String::as_str).collect();
    let mut out: Vec<&str> = order.filter(|id| present.contains(id)).collect();
    let rest: Vec<&str> = present
        .iter()
        .copied()
        .filter(|id| !out.contains(id))
        .collect();
    out.extend(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    const EXAMPLE: &str = include_str!("../../data/dma-sme-v1-example.json");

    fn q() -> &'static Questionnaire {
        Questionnaire::dma_sme_v1()
    }

    fn example() -> Value {
        serde_json::from_str(EXAMPLE).unwrap()
    }

    fn read_value(v: &Value) -> Result<Answers, ExchangeError> {
        Answers::from_exchange_json(&v.to_string(), q())
    }

    fn answer_errors(v: &Value) -> Vec<String> {
        match read_value(v) {
            Err(ExchangeError::Answers(errs)) => errs.iter().map(ToString::to_string).collect(),
            other => panic!("expected answer errors, got {other:?}"),
        }
    }

    #[test]
    fn the_worked_example_parses_into_answers_of_every_kind() {
        let a = read_value(&example()).unwrap();
        assert_eq!(a.0.len(), 11);
        let Some(Answer::Grid2 { invested, planned }) = a.get("q1") else {
            panic!("q1")
        };
        assert_eq!((invested.len(), planned.len()), (4, 3));
        assert_eq!(
            a.get("q4"),
            Some(&Answer::Scale(
                [
                    ("simulation", 0),
                    ("vr_ar", 1),
                    ("cad_cam", 2),
                    ("mes", 0),
                    ("iot", 4),
                    ("blockchain", 0),
                    ("additive", 1)
                ]
                .map(|(k, v)| (k.to_string(), v))
                .into()
            ))
        );
        let Some(Answer::Tri(q11)) = a.get("q11") else {
            panic!("q11")
        };
        assert_eq!(q11["strategy"], TriValue::Yes);
    }

    #[test]
    fn the_worked_example_round_trips_to_the_same_json() {
        let a = read_value(&example()).unwrap();
        let out = a.to_exchange_json(q());
        let mut expected = example();
        expected.as_object_mut().unwrap().remove("note");
        assert_eq!(serde_json::from_str::<Value>(&out).unwrap(), expected);
        assert_eq!(Answers::from_exchange_json(&out, q()).unwrap(), a);
    }

    #[test]
    fn output_follows_questionnaire_order_not_alphabetical_order() {
        let out = read_value(&example()).unwrap().to_exchange_json(q());
        let pos = |s: &str| out.find(s).unwrap();
        assert!(pos("\"q2\"") < pos("\"q10\""));
        assert!(pos("\"simulation\"") < pos("\"additive\""));
        assert!(pos("\"questionnaire\"") < pos("\"answers\""));
    }

    #[test]
    fn a_missing_question_is_named() {
        let mut v = example();
        v["answers"].as_object_mut().unwrap().remove("q6");
        assert_eq!(answer_errors(&v), ["q6: question is not answered"]);
        assert!(Answers::from_exchange_json_draft(&v.to_string(), q()).is_ok());
    }

    #[test]
    fn an_empty_list_is_an_explicit_none_of_these_answer() {
        let mut v = example();
        v["answers"]["q10"] = json!([]);
        let a = read_value(&v).unwrap();
        assert_eq!(a.get("q10"), Some(&Answer::Multi(BTreeSet::new())));
    }

    #[test]
    fn unknown_fields_beside_the_answers_are_ignored() {
        let mut v = example();
        v["company"] = json!({"name": "Bakkerij De Korenaar", "kvk": "12345678"});
        v["scores"] = json!({"overall": 39.24});
        assert!(read_value(&v).is_ok());
    }

    #[test]
    fn another_questionnaire_or_version_is_refused() {
        let mut v = example();
        v["version"] = json!(2);
        let err = read_value(&v).unwrap_err();
        assert!(
            matches!(err, ExchangeError::Questionnaire { version: 2, .. }),
            "{err}"
        );
        assert_eq!(
            err.to_string(),
            "answers are for questionnaire dma-sme version 2, expected dma-sme version 1"
        );
    }

    #[test]
    fn a_broken_envelope_is_a_json_error() {
        assert!(matches!(
            Answers::from_exchange_json("{", q()),
            Err(ExchangeError::Json(_))
        ));
        let no_answers = json!({"questionnaire": "dma-sme", "version": 1});
        let err = read_value(&no_answers).unwrap_err();
        assert!(err.to_string().contains("missing field `answers`"), "{err}");
    }

    #[test]
    fn wrong_values_are_named_with_question_and_row() {
        let mut v = example();
        v["answers"]["q4"]["iot"] = json!(7);
        v["answers"]["q9"]["bi"] = json!(-1);
        v["answers"]["q9"]["nlp"] = json!(2.5);
        v["answers"]["q11"]["ems"] = json!("maybe");
        assert_eq!(
            answer_errors(&v),
            [
                "q4.iot: value 7 is out of range 0..5",
                "q9.bi: value -1 is out of range 0..5",
                "q9.nlp: value 2.5 is not valid, expected a whole number 0..5",
                "q11.ems: value \"maybe\" is not valid, expected one of no, partly, yes",
            ]
        );
    }

    #[test]
    fn unknown_ids_and_wrong_shapes_are_named() {
        let mut v = example();
        v["answers"]["q12"] = json!([]);
        v["answers"]["q1"] = json!({"invested": ["design"], "planed": []});
        v["answers"]["q3"] = json!(["website", "fax"]);
        v["answers"]["q4"] = json!(["iot"]);
        v["answers"]["q7"] = json!(["not_digital", "stored"]);
        v["answers"]["q11"].as_object_mut().unwrap().remove("ems");
        assert_eq!(
            answer_errors(&v),
            [
                "q12: question is unknown",
                "q1: column planed is unknown (expected invested, planned)",
                "q1: column planned is missing",
                "q3: option fax is unknown",
                "q4: expected a scale05 answer (an object of row ids to 0..5)",
                "q7: option not_digital cannot be combined with other options",
                "q11: row ems is not answered",
            ]
        );
    }
}
