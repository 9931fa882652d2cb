//! Why answers do not fit the questionnaire. Every error names the question and, where it
//! applies, the option, row or column at fault, so the CLI can print it in English and the UI can
//! translate the code with its own texts.
use std::fmt;

use serde::{Deserialize, Serialize};

use super::answers::SCALE_MAX;
use super::questionnaire::QuestionKind;

/// Why answers do not fit the questionnaire. Each names the question and, where it applies, the
/// option, row or column at fault; `Display` is English for the CLI, the UI translates codes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum AnswerError {
    UnknownQuestion {
        question: String,
    },
    MissingQuestion {
        question: String,
    },
    WrongKind {
        question: String,
        expected: QuestionKind,
    },
    UnknownOption {
        question: String,
        option: String,
    },
    UnknownRow {
        question: String,
        row: String,
    },
    MissingRow {
        question: String,
        row: String,
    },
    UnknownColumn {
        question: String,
        column: String,
    },
    MissingColumn {
        question: String,
        column: String,
    },
    OutOfRange {
        question: String,
        row: String,
        value: i64,
    },
    /// A value of the wrong type, e.g. `2.5` or `"maybe"`.
    InvalidValue {
        question: String,
        row: String,
        value: String,
        kind: QuestionKind,
    },
    ExclusiveCombined {
        question: String,
        option: String,
    },
}

impl AnswerError {
    /// The question the error is about.
    pub fn question(&self) -> &str {
        use AnswerError::*;
        match self {
            UnknownQuestion { question }
            | MissingQuestion { question }
            | WrongKind { question, .. }
            | UnknownOption { question, .. }
            | UnknownRow { question, .. }
            | MissingRow { question, .. }
            | UnknownColumn { question, .. }
            | MissingColumn { question, .. }
            | OutOfRange { question, .. }
            | InvalidValue { question, .. }
            | ExclusiveCombined { question, .. } => question,
        }
    }
}

impl fmt::Display for AnswerError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use AnswerError::*;
        match self {
            UnknownQuestion { question } => write!(f, "{question}: question is unknown"),
            MissingQuestion { question } => write!(f, "{question}: question is not answered"),
            WrongKind { question, expected } => {
                let shape = match expected {
                    QuestionKind::Grid2 => "an object with lists \"invested\" and \"planned\"",
                    QuestionKind::Multi => "a list of option ids",
                    QuestionKind::Scale05 => "an object of row ids to 0..5",
                    QuestionKind::Tri => "an object of row ids to no/partly/yes",
                };
                write!(f, "{question}: expected a {expected} answer ({shape})")
            }
            UnknownOption { question, option } => {
                write!(f, "{question}: option {option} is unknown")
            }
            UnknownRow { question, row } => write!(f, "{question}: row {row} is unknown"),
            MissingRow { question, row } => write!(f, "{question}: row {row} is not answered"),
            UnknownColumn { question, column } => {
                write!(
                    f,
                    "{question}: column {column} is unknown (expected invested, planned)"
                )
            }
            MissingColumn { question, column } => {
                write!(f, "{question}: column {column} is missing")
            }
            OutOfRange {
                question,
                row,
                value,
            } => {
                write!(
                    f,
                    "{question}.{row}: value {value} is out of range 0..{SCALE_MAX}"
                )
            }
            InvalidValue {
                question,
                row,
                value,
                kind,
            } => {
                let expected = match kind {
                    QuestionKind::Tri => "one of no, partly, yes",
                    _ => "a whole number 0..5",
                };
                write!(
                    f,
                    "{question}.{row}: value {value} is not valid, expected {expected}"
                )
            }
            ExclusiveCombined { question, option } => {
                write!(
                    f,
                    "{question}: option {option} cannot be combined with other options"
                )
            }
        }
    }
}

impl std::error::Error for AnswerError {}
