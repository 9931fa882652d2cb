//! Property tests over random valid answers: scores stay in bounds, more maturity never lowers
//! a score, the exchange format round-trips, and next best steps are really the best.
use proptest::prelude::*;

use super::answers::Answers;
use super::scoring::{Band, dimension_score, score};
use super::steps::next_best_steps;
use super::testkit::*;

/// Float noise allowed when comparing scores that should be equal or ordered.
const NOISE: f64 = 1e-9;

fn valid_answers() -> impl Strategy<Value = Answers> {
    (prop::collection::vec(any::<u8>(), 96), any::<u16>())
        .prop_map(|(bytes, answered)| answers_from(&bytes, answered))
}

proptest! {
    #[test]
    fn generated_answers_are_valid(a in valid_answers()) {
        prop_assert_eq!(a.validate(q()), Ok(()));
    }

    #[test]
    fn every_score_stays_within_0_and_100(a in valid_answers()) {
        let s = score(q(), &a);
        for d in &s.dimensions {
            prop_assert!((0.0..=100.0).contains(&d.score), "{} = {}", d.dimension, d.score);
        }
        prop_assert!((0.0..=100.0).contains(&s.overall));
        prop_assert_eq!(s.band, Band::of(s.overall));
    }

    #[test]
    fn one_notch_more_never_lowers_any_score(a in valid_answers(), qi in 0..64usize, ci in 0..64usize, col: bool) {
        if let Some(more) = one_notch_more(&a, qi, ci, col) {
            prop_assert_eq!(more.validate(q()), Ok(()));
            let (before, after) = (score(q(), &a), score(q(), &more));
            for (b, m) in before.dimensions.iter().zip(&after.dimensions) {
                prop_assert!(m.score >= b.score - NOISE, "{}: {} -> {}", b.dimension, b.score, m.score);
            }
            prop_assert!(after.overall >= before.overall - NOISE);
            prop_assert!(after.band >= before.band);
        }
    }

    #[test]
    fn answers_round_trip_through_the_exchange_format(a in valid_answers()) {
        let json = a.to_exchange_json(q());
        prop_assert_eq!(Answers::from_exchange_json_draft(&json, q()), Ok(a.clone()));
        if a.missing(q()).is_empty() {
            prop_assert_eq!(Answers::from_exchange_json(&json, q()), Ok(a));
        }
    }

    #[test]
    fn the_first_next_best_step_beats_any_single_notch(a in valid_answers(), qi in 0..64usize, ci in 0..64usize, col: bool) {
        let Some(more) = one_notch_more(&a, qi, ci, col) else { return Ok(()) };
        for d in &q().dimensions {
            let gain = dimension_score(q(), &more, &d.id) - dimension_score(q(), &a, &d.id);
            let steps = next_best_steps(q(), &a, &d.id);
            prop_assert!(steps.len() <= 3);
            prop_assert!(steps.windows(2).all(|w| w[0].gain >= w[1].gain - 1e-6));
            // A tick of the exclusive option gains nothing, so it is never a missed best step.
            if gain > NOISE {
                prop_assert!(!steps.is_empty() && steps[0].gain >= gain - 1e-6, "{}: {gain} > {:?}", d.id, steps.first());
            }
        }
    }
}
