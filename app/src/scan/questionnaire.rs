//! The questionnaire as data: dimensions, questions and their options or rows, in Dutch and
//! English. Texts and positions may change between versions; ids never do, so everything else
//! (answers, scoring, exports) refers to ids only.
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

/// A text in both product languages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Text {
    pub nl: String,
    pub en: String,
}

/// A tickable option, a row, a grid column or a `tri` value: an id with its labels.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Choice {
    pub id: String,
    pub nl: String,
    pub en: String,
    /// Only for `multi` options: ticking it excludes every other option (q7 `not_digital`).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub exclusive: bool,
}

/// The label of one step on the 0..5 scale shared by every `scale05` row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScaleLabel {
    pub value: u8,
    pub nl: String,
    pub en: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dimension {
    pub id: String,
    pub nl: String,
    pub en: String,
    /// One plain-language (B1) sentence for the entrepreneur.
    pub explain: Text,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum QuestionKind {
    /// Rows x the two tick columns `invested` and `planned`.
    Grid2,
    /// Tick any of the options.
    Multi,
    /// Each row 0..5.
    Scale05,
    /// Each row no / partly / yes.
    Tri,
}

impl QuestionKind {
    pub fn as_str(self) -> &'static str {
        match self {
            QuestionKind::Grid2 => "grid2",
            QuestionKind::Multi => "multi",
            QuestionKind::Scale05 => "scale05",
            QuestionKind::Tri => "tri",
        }
    }
}

impl std::fmt::Display for QuestionKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    pub id: String,
    pub dimension: String,
    pub kind: QuestionKind,
    pub nl: String,
    pub en: String,
    /// For `multi` questions.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub options: Vec<Choice>,
    /// For `grid2`, `scale05` and `tri` questions.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rows: Vec<Choice>,
}

impl Question {
    /// The options (`multi`) or rows (other kinds), whichever this question has.
    pub fn choices(&self) -> &[Choice] {
        match self.kind {
            QuestionKind::Multi => &self.options,
            _ => &self.rows,
        }
    }

    pub fn choice(&self, id: &str) -> Option<&Choice> {
        self.choices().iter().find(|c| c.id == id)
    }

    pub fn has_choice(&self, id: &str) -> bool {
        self.choice(id).is_some()
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Questionnaire {
    pub id: String,
    pub version: u32,
    pub title: Text,
    /// Exactly `invested` and `planned`, in that order.
    pub grid2_columns: Vec<Choice>,
    /// Exactly the values 0..=5, in order.
    pub scale05_labels: Vec<ScaleLabel>,
    /// Exactly `no`, `partly`, `yes`, in order.
    pub tri_labels: Vec<Choice>,
    pub dimensions: Vec<Dimension>,
    pub questions: Vec<Question>,
}

impl Questionnaire {
    /// The DMA-compatible SME questionnaire, version 1. Parsed once; the data is compiled in and
    /// checked by the tests, so a failure here is a build defect, not a runtime condition.
    pub fn dma_sme_v1() -> &'static Questionnaire {
        static Q: OnceLock<Questionnaire> = OnceLock::new();
        Q.get_or_init(|| {
            Questionnaire::from_json(include_str!("../../data/dma-sme-v1.json"))
                .expect("app/data/dma-sme-v1.json is a valid questionnaire")
        })
    }

    /// Parses a questionnaire and checks the invariants the rest of the module relies on.
    pub fn from_json(json: &str) -> Result<Questionnaire, String> {
        let q: Questionnaire = serde_json::from_str(json).map_err(|e| e.to_string())?;
        q.check()?;
        Ok(q)
    }

    pub fn question(&self, id: &str) -> Option<&Question> {
        self.questions.iter().find(|q| q.id == id)
    }

    pub fn dimension(&self, id: &str) -> Option<&Dimension> {
        self.dimensions.iter().find(|d| d.id == id)
    }

    /// The questions of one dimension, in questionnaire order.
    pub fn questions_of<'a>(&'a self, dimension: &'a str) -> impl Iterator<Item = &'a Question> {
        self.questions
            .iter()
            .filter(move |q| q.dimension == dimension)
    }

    fn check(&self) -> Result<(), String> {
        let ids = |cs: &[Choice]| cs.iter().map(|c| c.id.clone()).collect::<Vec<_>>();
        if ids(&self.grid2_columns) != ["invested", "planned"] {
            return Err("grid2_columns must be exactly invested, planned".into());
        }
        if ids(&self.tri_labels) != ["no", "partly", "yes"] {
            return Err("tri_labels must be exactly no, partly, yes".into());
        }
        if !self.scale05_labels.iter().map(|l| l.value).eq(0..=5) {
            return Err("scale05_labels must be exactly the values 0..=5".into());
        }
        unique("dimension", self.dimensions.iter().map(|d| d.id.as_str()))?;
        unique("question", self.questions.iter().map(|q| q.id.as_str()))?;
        for q in &self.questions {
            if self.dimension(&q.dimension).is_none() {
                return Err(format!("{}: unknown dimension {}", q.id, q.dimension));
            }
            let (used, unused) = match q.kind {
                QuestionKind::Multi => (&q.options, &q.rows),
                _ => (&q.rows, &q.options),
            };
            if used.is_empty() || !unused.is_empty() {
                return Err(format!(
                    "{}: a {} question needs its own choices only",
                    q.id, q.kind
                ));
            }
            unique(&q.id, used.iter().map(|c| c.id.as_str()))?;
            if q.kind != QuestionKind::Multi && used.iter().any(|c| c.exclusive) {
                return Err(format!("{}: only multi options can be exclusive", q.id));
            }
            if used.iter().all(|c| c.exclusive) {
                return Err(format!("{}: needs at least one non-exclusive choice", q.id));
            }
        }
        Ok(())
    }
}

fn unique<'a>(what: &str, ids: impl Iterator<Item = &'a str>) -> Result<(), String> {
    let mut seen = std::collections::BTreeSet::new();
    for id in ids {
        if id.is_empty() || !seen.insert(id) {
            return Err(format!("{what}: id {id:?} is empty or repeated"));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_questionnaire_loads_and_has_six_dimensions_and_eleven_questions() {
        let q = Questionnaire::dma_sme_v1();
        assert_eq!((q.id.as_str(), q.version), ("dma-sme", 1));
        let dims: Vec<_> = q.dimensions.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(
            dims,
            [
                "strategy",
                "readiness",
                "people",
                "data",
                "automation",
                "green"
            ]
        );
        let qs: Vec<_> = q.questions.iter().map(|q| q.id.as_str()).collect();
        assert_eq!(
            qs,
            [
                "q1", "q2", "q3", "q4", "q5", "q6", "q7", "q8", "q9", "q10", "q11"
            ]
        );
    }

    #[test]
    fn question_kinds_and_choice_counts_match_the_reference() {
        let q = Questionnaire::dma_sme_v1();
        let expected = [
            ("q1", QuestionKind::Grid2, 10),
            ("q2", QuestionKind::Multi, 10),
            ("q3", QuestionKind::Multi, 10),
            ("q4", QuestionKind::Scale05, 7),
            ("q5", QuestionKind::Multi, 7),
            ("q6", QuestionKind::Multi, 8),
            ("q7", QuestionKind::Multi, 8),
            ("q8", QuestionKind::Multi, 6),
            ("q9", QuestionKind::Scale05, 5),
            ("q10", QuestionKind::Multi, 10),
            ("q11", QuestionKind::Tri, 5),
        ];
        for (id, kind, n) in expected {
            let question = q.question(id).unwrap();
            assert_eq!((question.kind, question.choices().len()), (kind, n), "{id}");
        }
    }

    #[test]
    fn only_q7_not_digital_is_exclusive() {
        let q = Questionnaire::dma_sme_v1();
        let exclusive: Vec<_> = q
            .questions
            .iter()
            .flat_map(|qu| {
                qu.choices()
                    .iter()
                    .filter(|c| c.exclusive)
                    .map(|c| (&qu.id, &c.id))
            })
            .collect();
        assert_eq!(exclusive, [(&"q7".to_string(), &"not_digital".to_string())]);
    }

    #[test]
    fn every_text_is_present_in_dutch_and_english() {
        let q = Questionnaire::dma_sme_v1();
        let mut texts = vec![&q.title.nl, &q.title.en];
        for d in &q.dimensions {
            texts.extend([&d.nl, &d.en, &d.explain.nl, &d.explain.en]);
        }
        for qu in &q.questions {
            texts.extend([&qu.nl, &qu.en]);
            texts.extend(qu.choices().iter().flat_map(|c| [&c.nl, &c.en]));
        }
        assert!(texts.iter().all(|t| !t.trim().is_empty()));
    }

    #[test]
    fn lookups_find_by_id_and_return_none_for_unknown_ids() {
        let q = Questionnaire::dma_sme_v1();
        assert_eq!(
            q.question("q4").unwrap().choice("iot").unwrap().en,
            "IoT / industrial IoT"
        );
        assert!(q.question("q12").is_none());
        assert!(q.dimension("nope").is_none());
        let green: Vec<_> = q.questions_of("green").map(|q| q.id.as_str()).collect();
        assert_eq!(green, ["q10", "q11"]);
    }

    #[test]
    fn a_questionnaire_with_a_repeated_option_id_is_rejected() {
        let json = include_str!("../../data/dma-sme-v1.json").replacen(
            "\"website\"",
            "\"connectivity\"",
            1,
        );
        let err = Questionnaire::from_json(&json).unwrap_err();
        assert!(err.contains("q3"), "{err}");
    }

    #[test]
    fn the_questionnaire_round_trips_through_serde() {
        let q = Questionnaire::dma_sme_v1();
        let again = Questionnaire::from_json(&serde_json::to_string(q).unwrap()).unwrap();
        assert_eq!(&again, q);
    }
}
