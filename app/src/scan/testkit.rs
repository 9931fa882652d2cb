//! Test helpers: short ways to build answers, and a generator of random valid answers for the
//! property tests.
use std::collections::{BTreeMap, BTreeSet};

use super::answers::{Answer, Answers, TriValue};
use super::questionnaire::{QuestionKind, Questionnaire};

pub fn q() -> &'static Questionnaire {
    Questionnaire::dma_sme_v1()
}

pub fn example() -> Answers {
    Answers::from_exchange_json(include_str!("../../data/dma-sme-v1-example.json"), q()).unwrap()
}

pub fn multi(xs: &[&str]) -> Answer {
    Answer::Multi(xs.iter().map(|s| s.to_string()).collect::<BTreeSet<_>>())
}

/// The first `n` options of a multi question.
pub fn first(question: &str, n: usize) -> Answer {
    let ids: Vec<&str> = q()
        .question(question)
        .unwrap()
        .options
        .iter()
        .map(|c| c.id.as_str())
        .collect();
    multi(&ids[..n])
}

/// Values for the first rows of a scale question, in questionnaire order.
pub fn scale(question: &str, values: &[u8]) -> Answer {
    let rows = &q().question(question).unwrap().rows;
    Answer::Scale(
        rows.iter()
            .zip(values)
            .map(|(r, v)| (r.id.clone(), *v))
            .collect::<BTreeMap<_, _>>(),
    )
}

/// Values for the first rows of q11, in questionnaire order.
pub fn tri(values: &[TriValue]) -> Answer {
    let rows = &q().question("q11").unwrap().rows;
    Answer::Tri(
        rows.iter()
            .zip(values)
            .map(|(r, v)| (r.id.clone(), *v))
            .collect(),
    )
}

pub fn with(pairs: Vec<(&str, Answer)>) -> Answers {
    let mut a = Answers::new();
    for (id, answer) in pairs {
        a.set(id, answer);
    }
    a
}

/// Deterministically turns random bytes into valid (possibly partial) answers: `answered` has a
/// bit per question; rows may be left out; q7 is sometimes just its exclusive option.
pub fn answers_from(bytes: &[u8], answered: u16) -> Answers {
    let mut next = bytes.iter().copied().cycle();
    let mut byte = || next.next().unwrap_or(0);
    let mut a = Answers::new();
    for (i, question) in q().questions.iter().enumerate() {
        if answered & (1 << i) == 0 {
            continue;
        }
        let rows = question.rows.iter().map(|r| r.id.clone());
        let answer = match question.kind {
            QuestionKind::Grid2 => {
                let (mut invested, mut planned) = (BTreeSet::new(), BTreeSet::new());
                for r in rows {
                    let b = byte();
                    if b & 1 == 1 {
                        invested.insert(r.clone());
                    }
                    if b & 2 == 2 {
                        planned.insert(r);
                    }
                }
                Answer::Grid2 { invested, planned }
            }
            QuestionKind::Multi => {
                let exclusive = question.options.iter().find(|c| c.exclusive);
                match exclusive {
                    Some(c) if byte() % 5 == 0 => multi(&[&c.id]),
                    _ => Answer::Multi(
                        question
                            .options
                            .iter()
                            .filter(|c| !c.exclusive && byte() & 1 == 1)
                            .map(|c| c.id.clone())
                            .collect(),
                    ),
                }
            }
            QuestionKind::Scale05 => Answer::Scale(
                rows.filter_map(|r| Some((r, byte() % 7)).filter(|(_, v)| *v <= 5))
                    .collect(),
            ),
            QuestionKind::Tri => Answer::Tri(
                rows.filter_map(|r| TriValue::ALL.get(usize::from(byte() % 4)).map(|v| (r, *v)))
                    .collect(),
            ),
        };
        a.set(question.id.clone(), answer);
    }
    a
}

/// One notch more, chosen by the three indices, done the way the UI would: tick an option (an
/// exclusive one only when nothing else is ticked), raise a scale row by one, move a tri row up.
/// `None` when that notch is already at the top or would make the answers invalid.
pub fn one_notch_more(a: &Answers, qi: usize, ci: usize, column: bool) -> Option<Answers> {
    let question = &q().questions[qi % q().questions.len()];
    let choice = &question.choices()[ci % question.choices().len()];
    let mut answer = a
        .get(&question.id)
        .cloned()
        .unwrap_or_else(|| Answer::empty(question.kind));
    let id = choice.id.clone();
    let changed = match &mut answer {
        Answer::Grid2 { invested, planned } => if column { invested } else { planned }.insert(id),
        Answer::Multi(ticked) if choice.exclusive => ticked.is_empty() && ticked.insert(id),
        Answer::Multi(ticked) => {
            ticked.retain(|t| !question.choice(t).is_some_and(|c| c.exclusive));
            ticked.insert(id)
        }
        Answer::Scale(values) => {
            let v = values.get(&id).copied().unwrap_or(0);
            if v < 5 {
                values.insert(id, v + 1);
            }
            v < 5
        }
        Answer::Tri(values) => match values.get(&id).copied().unwrap_or(TriValue::No).up() {
            Some(up) => {
                values.insert(id, up);
                true
            }
            None => false,
        },
    };
    let mut out = a.clone();
    out.set(question.id.clone(), answer);
    changed.then_some(out)
}
