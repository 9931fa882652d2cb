//! Next best steps: per dimension, the few smallest changes to the answers that would raise its
//! score most. A step is always one notch: tick one option or grid cell, raise one scale row by
//! one, or move one tri row up one value. That keeps advice concrete ("start considering IoT")
//! and makes the gains of different kinds comparable.
use std::cmp::Reverse;
use std::collections::BTreeSet;

use super::answers::{Answer, Answers, SCALE_MAX, TriValue};
use super::questionnaire::{QuestionKind, Questionnaire};
use super::scoring::dimension_score;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StepAction {
    /// Tick a `multi` option (an exclusive option already ticked is dropped).
    Tick,
    /// Tick a `grid2` row in the `invested` column.
    TickInvested,
    /// Tick a `grid2` row in the `planned` column.
    TickPlanned,
    /// Raise a `scale05` row by one.
    Raise { from: u8, to: u8 },
    /// Move a `tri` row up one value.
    Improve { from: TriValue, to: TriValue },
}

#[derive(Debug, Clone, PartialEq)]
pub struct Step {
    pub question: String,
    /// The option or row id.
    pub choice: String,
    pub action: StepAction,
    /// How much the dimension score (0..100) would rise.
    pub gain: f64,
}

impl Step {
    /// Makes the change in `answers`; an unanswered question starts from its empty answer.
    pub fn apply(&self, q: &Questionnaire, answers: &mut Answers) {
        let Some(question) = q.question(&self.question) else {
            return;
        };
        let mut answer = answers
            .get(&question.id)
            .cloned()
            .unwrap_or_else(|| Answer::empty(question.kind));
        let id = self.choice.clone();
        match (&mut answer, self.action) {
            (Answer::Multi(ticked), StepAction::Tick) => {
                // The exclusive option and any other cannot both stand: the new tick wins.
                let exclusive = question.choice(&id).is_some_and(|c| c.exclusive);
                ticked.retain(|t| !exclusive && !question.choice(t).is_some_and(|c| c.exclusive));
                ticked.insert(id);
            }
            (Answer::Grid2 { invested, .. }, StepAction::TickInvested) => {
                invested.insert(id);
            }
            (Answer::Grid2 { planned, .. }, StepAction::TickPlanned) => {
                planned.insert(id);
            }
            (Answer::Scale(values), StepAction::Raise { to, .. }) => {
                values.insert(id, to);
            }
            (Answer::Tri(values), StepAction::Improve { to, .. }) => {
                values.insert(id, to);
            }
            _ => return,
        }
        answers.set(question.id.clone(), answer);
    }
}

/// Up to three steps for `dimension` with the highest gain. Equal gains go first to the lowest
/// current value (so the weakest rows are named first), then to questionnaire order. Empty for
/// an unknown dimension or one with nothing left to gain.
pub fn next_best_steps(q: &Questionnaire, a: &Answers, dimension: &str) -> Vec<Step> {
    let base = dimension_score(q, a, dimension);
    // (current level, step) in questionnaire order.
    let mut candidates: Vec<(u8, Step)> = Vec::new();
    for question in q.questions_of(dimension) {
        let answer = a.get(&question.id).filter(|x| x.kind() == question.kind);
        let step = |choice: &str, action| Step {
            question: question.id.clone(),
            choice: choice.into(),
            action,
            gain: 0.0,
        };
        match (question.kind, answer) {
            (QuestionKind::Multi, _) => {
                let ticked = |id: &str| matches!(answer, Some(Answer::Multi(t)) if t.contains(id));
                for c in question
                    .options
                    .iter()
                    .filter(|c| !c.exclusive && !ticked(&c.id))
                {
                    candidates.push((0, step(&c.id, StepAction::Tick)));
                }
            }
            (QuestionKind::Grid2, _) => {
                let empty = BTreeSet::new();
                let (invested, planned) = match answer {
                    Some(Answer::Grid2 { invested, planned }) => (invested, planned),
                    _ => (&empty, &empty),
                };
                // Column by column, as the grid is read: all `invested` cells, then `planned`.
                for (cells, action) in [
                    (invested, StepAction::TickInvested),
                    (planned, StepAction::TickPlanned),
                ] {
                    for r in question.rows.iter().filter(|r| !cells.contains(&r.id)) {
                        candidates.push((0, step(&r.id, action)));
                    }
                }
            }
            (QuestionKind::Scale05, _) => {
                for r in &question.rows {
                    let from = match answer {
                        Some(Answer::Scale(v)) => v.get(&r.id).copied().unwrap_or(0),
                        _ => 0,
                    };
                    if from < SCALE_MAX {
                        candidates
                            .push((from, step(&r.id, StepAction::Raise { from, to: from + 1 })));
                    }
                }
            }
            (QuestionKind::Tri, _) => {
                for r in &question.rows {
                    let from = match answer {
                        Some(Answer::Tri(v)) => v.get(&r.id).copied().unwrap_or(TriValue::No),
                        _ => TriValue::No,
                    };
                    if let Some(to) = from.up() {
                        candidates
                            .push((from as u8, step(&r.id, StepAction::Improve { from, to })));
                    }
                }
            }
        }
    }
    for (_, s) in &mut candidates {
        let mut changed = a.clone();
        s.apply(q, &mut changed);
        s.gain = dimension_score(q, &changed, dimension) - base;
    }
    candidates.retain(|(_, s)| s.gain > 1e-9);
    // Gains are compared at 1e-6 so equal true gains from different questions tie despite float
    // noise; the sort is stable, which keeps questionnaire order as the last tie-breaker.
    candidates.sort_by_key(|(level, s)| (Reverse((s.gain * 1e6).round() as i64), *level));
    candidates.into_iter().take(3).map(|(_, s)| s).collect()
}

#[cfg(test)]
mod tests {
    use super::super::testkit::*;
    use super::*;

    fn summary(steps: &[Step]) -> Vec<(String, String, f64)> {
        steps
            .iter()
            .map(|s| {
                (
                    s.question.clone(),
                    s.choice.clone(),
                    (s.gain * 100.0).round() / 100.0,
                )
            })
            .collect()
    }

    fn row(question: &str, choice: &str, gain: f64) -> (String, String, f64) {
        (question.into(), choice.into(), gain)
    }

    #[test]
    fn with_no_answers_the_highest_gain_comes_first_in_questionnaire_order() {
        // A q3 tick is worth 5 points of D2; one notch on a q4 row only 1.43.
        let steps = next_best_steps(q(), &Answers::new(), "readiness");
        assert_eq!(
            summary(&steps),
            [
                row("q3", "connectivity", 5.0),
                row("q3", "website", 5.0),
                row("q3", "webforms", 5.0)
            ]
        );
        assert!(steps.iter().all(|s| s.action == StepAction::Tick));
    }

    #[test]
    fn grid_cells_are_suggested_column_by_column() {
        let steps = next_best_steps(q(), &Answers::new(), "strategy");
        assert_eq!(
            summary(&steps),
            [
                row("q1", "design", 3.33),
                row("q1", "planning", 3.33),
                row("q1", "operations", 3.33)
            ]
        );
        assert!(steps.iter().all(|s| s.action == StepAction::TickInvested));
    }

    #[test]
    fn equal_gains_name_the_lowest_rows_first() {
        // q10 tick and q11 no->partly are both worth 5 points of D6; q11 strategy is already partly.
        let a = with(vec![
            ("q10", first("q10", 9)),
            ("q11", tri(&[TriValue::Partly])),
        ]);
        let steps = next_best_steps(q(), &a, "green");
        assert_eq!(
            summary(&steps),
            [
                row("q10", "paperless", 5.0),
                row("q11", "ems", 5.0),
                row("q11", "procurement", 5.0)
            ]
        );
        assert_eq!(
            steps[1].action,
            StepAction::Improve {
                from: TriValue::No,
                to: TriValue::Partly
            }
        );
    }

    #[test]
    fn a_scale_step_raises_one_row_by_one() {
        let a = with(vec![("q9", scale("q9", &[5, 5, 5, 5, 4]))]);
        let steps = next_best_steps(q(), &a, "automation");
        assert_eq!(summary(&steps), [row("q9", "bi", 4.0)]);
        assert_eq!(steps[0].action, StepAction::Raise { from: 4, to: 5 });
    }

    #[test]
    fn a_full_dimension_or_an_unknown_one_has_no_steps() {
        let a = with(vec![("q9", scale("q9", &[5, 5, 5, 5, 5]))]);
        assert!(next_best_steps(q(), &a, "automation").is_empty());
        assert!(next_best_steps(q(), &Answers::new(), "nope").is_empty());
    }

    #[test]
    fn after_not_digital_a_positive_q7_option_is_suggested_and_replaces_it() {
        let a = with(vec![
            ("q7", multi(&["not_digital"])),
            ("q8", first("q8", 6)),
        ]);
        let steps = next_best_steps(q(), &a, "data");
        assert_eq!(
            summary(&steps),
            [
                row("q7", "policy", 7.14),
                row("q7", "stored", 7.14),
                row("q7", "integrated", 7.14)
            ]
        );
        let mut after = a.clone();
        steps[0].apply(q(), &mut after);
        assert_eq!(after.get("q7"), Some(&multi(&["policy"])));
        assert_eq!(after.validate(q()), Ok(()));
    }

    #[test]
    fn the_exclusive_option_is_never_suggested() {
        for s in next_best_steps(q(), &Answers::new(), "data") {
            assert_ne!(s.choice, "not_digital");
        }
    }

    #[test]
    fn applying_a_step_raises_the_dimension_by_its_gain() {
        let a = example();
        for d in &q().dimensions {
            for s in next_best_steps(q(), &a, &d.id) {
                let mut after = a.clone();
                s.apply(q(), &mut after);
                let rise = dimension_score(q(), &after, &d.id) - dimension_score(q(), &a, &d.id);
                assert!((rise - s.gain).abs() < 1e-9, "{s:?}");
            }
        }
    }
}
