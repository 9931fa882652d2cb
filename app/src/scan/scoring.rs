//! Scoring profile `dma-sme-v1`: answers to dimension scores 0..100, their mean, and a band.
//!
//! Every question yields one or more *parts* in 0..1 (a `grid2` question yields two, one per
//! column); a dimension is the plain mean of its questions' parts x 100. That single rule gives
//! exactly the reference's formulas, e.g. D1 = (invested + planned + q2) / 3 and D2 = (q3 + q4) / 2.
//! Scores keep full precision; only the exchange output rounds.
use serde::ser::SerializeMap;
use serde::{Deserialize, Serialize, Serializer};

use super::answers::{Answer, Answers, SCALE_MAX};
use super::questionnaire::{Question, QuestionKind, Questionnaire};

/// The id stored with every scored scan, so later profiles can sit beside this one.
pub const PROFILE: &str = "dma-sme-v1";

/// The maturity band of a score.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Band {
    Basic,
    Average,
    ModeratelyAdvanced,
    Advanced,
}

impl Band {
    /// `basic` s <= 25 < `average` <= 50 < `moderately_advanced` <= 75 < `advanced`.
    pub fn of(score: f64) -> Band {
        // True scores are fractions with small denominators, so anything within 1e-9 of an edge
        // *is* the edge; this keeps float noise (25.000000000000004) in the right band.
        const EPS: f64 = 1e-9;
        match score {
            s if s <= 25.0 + EPS => Band::Basic,
            s if s <= 50.0 + EPS => Band::Average,
            s if s <= 75.0 + EPS => Band::ModeratelyAdvanced,
            _ => Band::Advanced,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Band::Basic => "basic",
            Band::Average => "average",
            Band::ModeratelyAdvanced => "moderately_advanced",
            Band::Advanced => "advanced",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct DimensionScore {
    pub dimension: String,
    /// 0..=100, full precision.
    pub score: f64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Scores {
    pub profile: String,
    /// In questionnaire order.
    pub dimensions: Vec<DimensionScore>,
    /// The plain mean of the dimensions, 0..=100.
    pub overall: f64,
    pub band: Band,
}

impl Scores {
    pub fn dimension(&self, id: &str) -> Option<f64> {
        self.dimensions
            .iter()
            .find(|d| d.dimension == id)
            .map(|d| d.score)
    }

    /// `{"profile", "dimensions": {id: score}, "overall", "band"}`, numbers rounded to two
    /// decimals, dimensions in questionnaire order.
    pub fn to_exchange_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("serialising scores to a string cannot fail")
    }
}

/// Serialises to the exchange shape (rounded), so scores can also be embedded in a larger
/// export document.
impl Serialize for Scores {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        struct Dims<'a>(&'a [DimensionScore]);
        impl Serialize for Dims<'_> {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                let mut m = s.serialize_map(Some(self.0.len()))?;
                for d in self.0 {
                    m.serialize_entry(&d.dimension, &round2(d.score))?;
                }
                m.end()
            }
        }
        let mut m = s.serialize_map(Some(4))?;
        m.serialize_entry("profile", &self.profile)?;
        m.serialize_entry("dimensions", &Dims(&self.dimensions))?;
        m.serialize_entry("overall", &round2(self.overall))?;
        m.serialize_entry("band", &self.band)?;
        m.end()
    }
}

/// Rounds for output only.
pub fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

/// Scores answers with profile `dma-sme-v1`. Unanswered questions count as nothing ticked, all
/// rows 0 or `no`. Meant for validated answers; on invalid ones it stays within 0..100 by
/// ignoring unknown ids and wrong kinds and capping scale values at 5.
pub fn score(q: &Questionnaire, a: &Answers) -> Scores {
    let dimensions: Vec<DimensionScore> = q
        .dimensions
        .iter()
        .map(|d| DimensionScore {
            dimension: d.id.clone(),
            score: dimension_score(q, a, &d.id),
        })
        .collect();
    let overall = if dimensions.is_empty() {
        0.0
    } else {
        dimensions.iter().map(|d| d.score).sum::<f64>() / dimensions.len() as f64
    };
    Scores {
        profile: PROFILE.to_string(),
        dimensions,
        overall,
        band: Band::of(overall),
    }
}

/// One dimension's score, 0..=100 (0 for a dimension without questions or an unknown id).
pub fn dimension_score(q: &Questionnaire, a: &Answers, dimension: &str) -> f64 {
    let parts: Vec<f64> = q
        .questions_of(dimension)
        .flat_map(|qu| parts(qu, a.get(&qu.id)))
        .collect();
    if parts.is_empty() {
        0.0
    } else {
        parts.iter().sum::<f64>() / parts.len() as f64 * 100.0
    }
}

/// A question's points on the reference's 0..10 scale (two values for `grid2`: invested, planned).
pub fn question_points(question: &Question, answer: Option<&Answer>) -> Vec<f64> {
    parts(question, answer)
        .into_iter()
        .map(|p| p * 10.0)
        .collect()
}

/// The question's parts in 0..1.
fn parts(question: &Question, answer: Option<&Answer>) -> Vec<f64> {
    let rows = &question.rows;
    let share = |ticked: &dyn Fn(&str) -> bool| {
        // Exclusive options (q7 `not_digital`) neither count nor score: q7 is out of its 7 positives.
        let positives: Vec<_> = question.choices().iter().filter(|c| !c.exclusive).collect();
        let n = positives.iter().filter(|c| ticked(&c.id)).count();
        if positives.is_empty() {
            0.0
        } else {
            n as f64 / positives.len() as f64
        }
    };
    let row_mean = |weight: &dyn Fn(&str) -> f64| {
        if rows.is_empty() {
            0.0
        } else {
            rows.iter().map(|r| weight(&r.id)).sum::<f64>() / rows.len() as f64
        }
    };
    let answer = answer.filter(|a| a.kind() == question.kind);
    match (question.kind, answer) {
        (QuestionKind::Grid2, Some(Answer::Grid2 { invested, planned })) => {
            vec![
                share(&|id| invested.contains(id)),
                share(&|id| planned.contains(id)),
            ]
        }
        (QuestionKind::Grid2, _) => vec![0.0, 0.0],
        (QuestionKind::Multi, Some(Answer::Multi(ticked))) => {
            vec![share(&|id| ticked.contains(id))]
        }
        (QuestionKind::Scale05, Some(Answer::Scale(values))) => vec![row_mean(&|id| {
            f64::from(values.get(id).copied().unwrap_or(0).min(SCALE_MAX)) / f64::from(SCALE_MAX)
        })],
        (QuestionKind::Tri, Some(Answer::Tri(values))) => {
            vec![row_mean(&|id| values.get(id).map_or(0.0, |v| v.weight()))]
        }
        _ => vec![0.0],
    }
}

#[cfg(test)]
mod tests {
    use super::super::answers::TriValue;
    use super::super::testkit::*;
    use super::*;
    use serde_json::{Value, json};

    fn dim(a: &Answers, d: &str) -> f64 {
        score(q(), a).dimension(d).unwrap()
    }

    #[test]
    fn the_worked_example_scores_as_checked_by_hand() {
        let s = score(q(), &example());
        let rounded: Vec<(&str, f64)> = s
            .dimensions
            .iter()
            .map(|d| (d.dimension.as_str(), round2(d.score)))
            .collect();
        assert_eq!(
            rounded,
            [
                ("strategy", 40.0),
                ("readiness", 41.43),
                ("people", 46.43),
                ("data", 53.57),
                ("automation", 24.0),
                ("green", 30.0),
            ]
        );
        assert_eq!(round2(s.overall), 39.24);
        assert_eq!(s.band, Band::Average);
        assert_eq!(s.profile, "dma-sme-v1");
    }

    #[test]
    fn the_worked_example_scores_export_exactly_as_in_the_reference() {
        let out: Value = serde_json::from_str(&score(q(), &example()).to_exchange_json()).unwrap();
        assert_eq!(
            out,
            json!({ "profile": "dma-sme-v1",
            "dimensions": { "strategy": 40.0, "readiness": 41.43, "people": 46.43, "data": 53.57,
                            "automation": 24.0, "green": 30.0 },
            "overall": 39.24, "band": "average" })
        );
    }

    #[test]
    fn no_answers_score_zero_everywhere_and_band_basic() {
        let s = score(q(), &Answers::new());
        assert!(s.dimensions.iter().all(|d| d.score == 0.0));
        assert_eq!((s.overall, s.band), (0.0, Band::Basic));
    }

    #[test]
    fn multi_scores_ticked_options_out_of_all_options() {
        let a = with(vec![("q3", first("q3", 5))]);
        assert_eq!(
            question_points(q().question("q3").unwrap(), a.get("q3")),
            [5.0]
        );
        assert_eq!(dim(&a, "readiness"), 25.0);
    }

    #[test]
    fn scale_scores_the_mean_of_value_over_five() {
        assert_eq!(
            dim(
                &with(vec![("q9", scale("q9", &[5, 5, 5, 5, 5]))]),
                "automation"
            ),
            100.0
        );
        assert_eq!(
            dim(
                &with(vec![("q9", scale("q9", &[5, 0, 0, 0, 0]))]),
                "automation"
            ),
            20.0
        );
        // A row left out counts as 0.
        assert_eq!(
            dim(&with(vec![("q9", scale("q9", &[5]))]), "automation"),
            20.0
        );
    }

    #[test]
    fn tri_scores_no_0_partly_half_yes_1() {
        use TriValue::*;
        assert_eq!(
            dim(
                &with(vec![("q11", tri(&[Yes, Yes, Yes, Yes, Yes]))]),
                "green"
            ),
            50.0
        );
        assert_eq!(
            dim(
                &with(vec![(
                    "q11",
                    tri(&[Partly, Partly, Partly, Partly, Partly])
                )]),
                "green"
            ),
            25.0
        );
        assert_eq!(
            dim(&with(vec![("q11", tri(&[No, No, No, No, No]))]), "green"),
            0.0
        );
    }

    #[test]
    fn grid2_columns_count_on_their_own_as_two_of_three_parts_of_d1() {
        let all: Vec<String> = q()
            .question("q1")
            .unwrap()
            .rows
            .iter()
            .map(|r| r.id.clone())
            .collect();
        let grid = |inv: &[String], plan: &[String]| Answer::Grid2 {
            invested: inv.iter().cloned().collect(),
            planned: plan.iter().cloned().collect(),
        };
        assert_eq!(
            round2(dim(&with(vec![("q1", grid(&all, &[]))]), "strategy")),
            33.33
        );
        assert_eq!(
            round2(dim(&with(vec![("q1", grid(&all, &all))]), "strategy")),
            66.67
        );
        // The same row in both columns counts twice.
        let both = with(vec![("q1", grid(&all[..1], &all[..1]))]);
        assert_eq!(
            question_points(q().question("q1").unwrap(), both.get("q1")),
            [1.0, 1.0]
        );
        assert_eq!(
            dim(
                &with(vec![("q1", grid(&all, &all)), ("q2", first("q2", 10))]),
                "strategy"
            ),
            100.0
        );
    }

    #[test]
    fn q7_counts_seven_positive_options_and_not_digital_scores_zero() {
        let q7 = q().question("q7").unwrap();
        let positives: Vec<&str> = q7
            .options
            .iter()
            .filter(|c| !c.exclusive)
            .map(|c| c.id.as_str())
            .collect();
        assert_eq!(positives.len(), 7);
        assert_eq!(question_points(q7, Some(&multi(&positives))), [10.0]);
        assert_eq!(question_points(q7, Some(&multi(&["not_digital"]))), [0.0]);
        assert_eq!(dim(&with(vec![("q7", multi(&positives))]), "data"), 50.0);
        assert_eq!(
            round2(question_points(q7, Some(&multi(&positives[..4])))[0]),
            5.71
        );
    }

    #[test]
    fn band_edges_belong_to_the_lower_band() {
        assert_eq!(Band::of(0.0), Band::Basic);
        assert_eq!(Band::of(25.0), Band::Basic);
        assert_eq!(Band::of(50.0), Band::Average);
        assert_eq!(Band::of(75.0), Band::ModeratelyAdvanced);
        assert_eq!(Band::of(100.0), Band::Advanced);
    }

    #[test]
    fn just_above_an_edge_is_the_next_band() {
        // Real scores are at least ~1e-4 apart, so 0.01 above is a true "just above".
        assert_eq!(Band::of(25.01), Band::Average);
        assert_eq!(Band::of(50.01), Band::ModeratelyAdvanced);
        assert_eq!(Band::of(75.01), Band::Advanced);
    }

    #[test]
    fn float_noise_at_an_edge_does_not_change_the_band() {
        assert_eq!(Band::of(25.000000000000004), Band::Basic);
        // Six dimensions averaging exactly 50 (D5 40 and D6 60 carry float noise).
        let a = with(vec![
            (
                "q1",
                Answer::Grid2 {
                    invested: q()
                        .question("q1")
                        .unwrap()
                        .rows
                        .iter()
                        .map(|r| r.id.clone())
                        .collect(),
                    planned: Default::default(),
                },
            ),
            ("q2", first("q2", 5)),
            ("q3", first("q3", 10)),
            ("q5", first("q5", 7)),
            (
                "q7",
                multi(&[
                    "policy",
                    "stored",
                    "integrated",
                    "realtime",
                    "analysed",
                    "external",
                    "self_service",
                ]),
            ),
            ("q9", scale("q9", &[2, 2, 2, 2, 2])),
            ("q10", first("q10", 10)),
            ("q11", tri(&[TriValue::Partly, TriValue::Partly])),
        ]);
        let s = score(q(), &a);
        let dims: Vec<f64> = s.dimensions.iter().map(|d| round2(d.score)).collect();
        assert_eq!(dims, [50.0, 50.0, 50.0, 50.0, 40.0, 60.0]);
        assert_eq!((round2(s.overall), s.band), (50.0, Band::Average));
        // One more tick lifts it over the edge.
        let mut more = a.clone();
        more.set("q8", first("q8", 1));
        assert_eq!(score(q(), &more).band, Band::ModeratelyAdvanced);
    }

    #[test]
    fn a_dimension_exactly_at_25_is_basic() {
        let s = score(q(), &with(vec![("q6", first("q6", 4))]));
        assert_eq!(s.dimension("people"), Some(25.0));
        assert_eq!(Band::of(25.0), Band::Basic);
    }

    #[test]
    fn invalid_answers_still_score_within_bounds() {
        let a = with(vec![
            ("q4", scale("q4", &[200, 9, 5, 5, 5, 5, 5])),
            ("q3", multi(&["website", "fax", "telex"])),
            ("q9", multi(&["nlp"])),
        ]);
        let s = score(q(), &a);
        assert_eq!(s.dimension("readiness").map(round2), Some(55.0));
        assert_eq!(s.dimension("automation"), Some(0.0));
    }
}
