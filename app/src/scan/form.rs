//! The step form of the scan, read the same way in the browser (autosave) and on the server
//! (a plain form post without JavaScript).
//!
//! Names: a `multi` option is `q3=website`; a `grid2` cell `q1.invested=design`; a `scale05`
//! or `tri` row `q4.iot=3`, `q11.ems=partly`; "none of these" is `q3=__none`; every question
//! on the page sends `shown=q3`.
use super::{Question, QuestionKind, Questionnaire};
use serde_json::{Map, Value, json};

pub const NONE: &str = "__none";

/// One question's answer from the submitted name/value pairs, as exchange-format JSON, or
/// `None` when the question was left open (nothing ticked and "none of these" not chosen).
pub fn read_question(question: &Question, pairs: &[(String, String)]) -> Option<Value> {
    let id = question.id.as_str();
    fn values<'a>(
        pairs: &'a [(String, String)],
        name: &'a str,
    ) -> impl Iterator<Item = &'a str> + 'a {
        pairs
            .iter()
            .filter(move |(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
    let none = values(pairs, id).any(|v| v == NONE);
    match question.kind {
        QuestionKind::Multi => {
            let ticked: Vec<&str> = values(pairs, id).filter(|v| *v != NONE).collect();
            (!ticked.is_empty() || none).then(|| json!(ticked))
        }
        QuestionKind::Grid2 => {
            let (inv_name, plan_name) = (format!("{id}.invested"), format!("{id}.planned"));
            let invested: Vec<&str> = values(pairs, &inv_name).collect();
            let planned: Vec<&str> = values(pairs, &plan_name).collect();
            (!invested.is_empty() || !planned.is_empty() || none)
                .then(|| json!({ "invested": invested, "planned": planned }))
        }
        QuestionKind::Scale05 | QuestionKind::Tri => {
            let mut rows = Map::new();
            for row in &question.rows {
                let name = format!("{id}.{}", row.id);
                if let Some(v) = values(pairs, &name).next().filter(|v| !v.is_empty()) {
                    let value = match question.kind {
                        QuestionKind::Scale05 => v
                            .parse::<u64>()
                            .map(Value::from)
                            .unwrap_or_else(|_| Value::from(v)),
                        _ => Value::from(v),
                    };
                    rows.insert(row.id.clone(), value);
                }
            }
            // Every row must be chosen before the question counts as answered.
            (rows.len() == question.rows.len()).then_some(Value::Object(rows))
        }
    }
}

/// The questions the page showed, with what was answered for each.
pub fn read_step(q: &Questionnaire, pairs: &[(String, String)]) -> Vec<(String, Option<Value>)> {
    let shown: Vec<&str> = pairs
        .iter()
        .filter(|(n, _)| n == "shown")
        .map(|(_, v)| v.as_str())
        .collect();
    q.questions
        .iter()
        .filter(|question| shown.contains(&question.id.as_str()))
        .map(|question| (question.id.clone(), read_question(question, pairs)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    }

    #[test]
    fn a_step_form_becomes_one_answer_per_shown_question() {
        let q = Questionnaire::dma_sme_v1();
        let got = read_step(
            q,
            &pairs(&[
                ("shown", "q3"),
                ("q3", "website"),
                ("q3", "ecommerce"),
                ("shown", "q4"),
                ("q4.simulation", "0"),
                ("q4.vr_ar", "1"),
                ("q4.cad_cam", "2"),
                ("q4.mes", "0"),
                ("q4.iot", "4"),
                ("q4.blockchain", "0"),
                ("q4.additive", "1"),
            ]),
        );
        assert_eq!(got[0], ("q3".into(), Some(json!(["website", "ecommerce"]))));
        assert_eq!(got[1].1.as_ref().unwrap()["iot"], 4);
    }

    #[test]
    fn nothing_ticked_is_open_unless_none_of_these_is_chosen() {
        let q = Questionnaire::dma_sme_v1();
        assert_eq!(
            read_step(q, &pairs(&[("shown", "q5")])),
            vec![("q5".into(), None)]
        );
        assert_eq!(
            read_step(q, &pairs(&[("shown", "q5"), ("q5", NONE)])),
            vec![("q5".into(), Some(json!([])))]
        );
        let grid = read_step(q, &pairs(&[("shown", "q1"), ("q1.planned", "design")]));
        assert_eq!(
            grid[0].1,
            Some(json!({"invested": [], "planned": ["design"]}))
        );
    }

    #[test]
    fn a_scale_question_counts_only_when_every_row_is_chosen() {
        let q = Questionnaire::dma_sme_v1();
        let got = read_step(
            q,
            &pairs(&[("shown", "q9"), ("q9.nlp", "1"), ("q9.vision", "")]),
        );
        assert_eq!(got, vec![("q9".into(), None)]);
    }
}
