//! Questionnaire texts in the reader's language, and answers in words.
use crate::i18n::{Locale, td_string};
use crate::scan::{Question, QuestionKind, Questionnaire};
use serde_json::Value;

pub fn tr<'a>(l: Locale, nl: &'a str, en: &'a str) -> &'a str {
    match l {
        Locale::en => en,
        _ => nl,
    }
}

pub fn dimension_name(l: Locale, q: &Questionnaire, id: &str) -> String {
    q.dimension(id)
        .map(|d| tr(l, &d.nl, &d.en).to_owned())
        .unwrap_or_else(|| id.to_owned())
}

pub fn choice_label(l: Locale, question: &Question, id: &str) -> String {
    question
        .choice(id)
        .map(|c| tr(l, &c.nl, &c.en).to_owned())
        .unwrap_or_else(|| id.to_owned())
}

pub fn band_name(l: Locale, band: &str) -> &'static str {
    match band {
        "advanced" => td_string!(l, scan.band_advanced),
        "moderately_advanced" => td_string!(l, scan.band_moderately_advanced),
        "average" => td_string!(l, scan.band_average),
        _ => td_string!(l, scan.band_basic),
    }
}

pub fn band_explain(l: Locale, band: &str) -> &'static str {
    match band {
        "advanced" => td_string!(l, scan.band_advanced_explain),
        "moderately_advanced" => td_string!(l, scan.band_moderately_advanced_explain),
        "average" => td_string!(l, scan.band_average_explain),
        _ => td_string!(l, scan.band_basic_explain),
    }
}

/// One answer in words, for the review page.
pub fn answer_summary(l: Locale, q: &Questionnaire, question: &Question, value: &Value) -> String {
    let none = || td_string!(l, scan.none_of_these).to_owned();
    let list = |v: &Value| -> Vec<String> {
        v.as_array()
            .map(|a| {
                a.iter()
                    .filter_map(Value::as_str)
                    .map(|id| choice_label(l, question, id))
                    .collect()
            })
            .unwrap_or_default()
    };
    match question.kind {
        QuestionKind::Multi => {
            let items = list(value);
            if items.is_empty() {
                none()
            } else {
                items.join(", ")
            }
        }
        QuestionKind::Grid2 => {
            let inv = list(&value["invested"]);
            let plan = list(&value["planned"]);
            if inv.is_empty() && plan.is_empty() {
                return none();
            }
            let col = |i: usize| {
                q.grid2_columns
                    .get(i)
                    .map(|c| tr(l, &c.nl, &c.en).to_owned())
                    .unwrap_or_default()
            };
            format!(
                "{}: {}. {}: {}.",
                col(0),
                if inv.is_empty() {
                    "-".into()
                } else {
                    inv.join(", ")
                },
                col(1),
                if plan.is_empty() {
                    "-".into()
                } else {
                    plan.join(", ")
                }
            )
        }
        QuestionKind::Scale05 => question
            .rows
            .iter()
            .map(|r| {
                let v = value[&r.id].as_u64().unwrap_or(0) as u8;
                let label = q
                    .scale05_labels
                    .iter()
                    .find(|s| s.value == v)
                    .map(|s| tr(l, &s.nl, &s.en))
                    .unwrap_or("");
                format!("{}: {}", tr(l, &r.nl, &r.en), label)
            })
            .collect::<Vec<_>>()
            .join("; "),
        QuestionKind::Tri => question
            .rows
            .iter()
            .map(|r| {
                let v = value[&r.id].as_str().unwrap_or("no");
                let label = q
                    .tri_labels
                    .iter()
                    .find(|t| t.id == v)
                    .map(|t| tr(l, &t.nl, &t.en))
                    .unwrap_or(v);
                format!("{}: {}", tr(l, &r.nl, &r.en), label)
            })
            .collect::<Vec<_>>()
            .join("; "),
    }
}

/// What a next best step asks, in words.
pub fn step_text(
    l: Locale,
    q: &Questionnaire,
    question_id: &str,
    choice: &str,
    action: &str,
) -> String {
    let Some(question) = q.question(question_id) else {
        return String::new();
    };
    let label = choice_label(l, question, choice);
    match action {
        "tick_invested" => td_string!(l, scan.step_invest, item = label.as_str()).to_string(),
        "tick_planned" => td_string!(l, scan.step_plan, item = label.as_str()).to_string(),
        "raise" => td_string!(l, scan.step_raise, item = label.as_str()).to_string(),
        "improve" => td_string!(l, scan.step_improve, item = label.as_str()).to_string(),
        _ => td_string!(l, scan.step_tick, item = label.as_str()).to_string(),
    }
}
