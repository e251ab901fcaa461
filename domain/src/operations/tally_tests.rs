//! Properties of the day tallies: they add up like the tickets, survive the round trip through
//! D1 as JSON, and give the figures counted ticket by ticket.

use super::facts::{Outcome, TicketFact};
use super::figures::Figures;
use super::tally::{DayTally, Sums};
use crate::halls::BusinessType;
use crate::queue::{Channel, Priority};
use proptest::prelude::*;

const MIN: i64 = 60_000;
/// 2026-11-23 08:00 in the hall's time.
const EIGHT: i64 = 1_795_392_000_000;

fn fact() -> impl Strategy<Value = TicketFact> {
    (
        (0usize..2, 0i64..3, 0i64..9 * 60 * MIN),
        (0..BusinessType::ALL.len(), 0u8..3),
        (proptest::option::of(0i64..90 * MIN), 0i64..40 * MIN),
        (1u32..4, 1i64..4, proptest::option::of(1u8..=5)),
        proptest::option::of((0u32..30, 0u32..20)),
    )
        .prop_map(
            |(
                (hall, day, at),
                (business, outcome),
                (wait, service),
                (counter, staff, stars),
                shown,
            )| {
                let issued_at = EIGHT + day * 24 * 60 * MIN + at;
                let outcome = match (outcome, wait) {
                    (_, None) => Outcome::Cancelled,
                    (0, _) => Outcome::Served,
                    (1, _) => Outcome::NoShow,
                    _ => Outcome::Cancelled,
                };
                let called_at = wait.map(|w| issued_at + w);
                let started_at = called_at.filter(|_| outcome == Outcome::Served);
                TicketFact {
                    hall_id: ["xinghu", "gaoxin"][hall].into(),
                    day: format!("2026-11-{}", 23 + day),
                    ticket_id: 1,
                    business: BusinessType::ALL[business],
                    priority: Priority::Normal,
                    channel: Channel::Remote,
                    issued_at,
                    called_at,
                    started_at,
                    finished_at: started_at.unwrap_or(issued_at) + service,
                    outcome,
                    counter: Some(counter),
                    staff_id: Some(staff),
                    stars,
                    promised_minutes: shown.map(|(low, _)| f64::from(low) + 2.5),
                    promised_low: shown.map(|(low, _)| low),
                    promised_high: shown.map(|(low, span)| low + span),
                    baseline_minutes: shown.map(|(low, span)| f64::from(low + span)),
                }
            },
        )
}

/// The nearest-rank 90th percentile of minutes, rounded up to the whole minute.
fn p90_minute(mut ms: Vec<i64>) -> Option<f64> {
    ms.sort_unstable();
    let rank = (ms.len() * 9).div_ceil(10).max(1);
    let at = *ms.get(rank - 1)?;
    Some(((at + MIN - 1) / MIN) as f64)
}

fn close(a: Option<f64>, b: Option<f64>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => (a - b).abs() < 1e-9,
        (a, b) => a == b,
    }
}

proptest! {
    #[test]
    fn sums_add_up_like_the_tickets(
        a in proptest::collection::vec(fact(), 0..40),
        b in proptest::collection::vec(fact(), 0..40),
    ) {
        let mut added = Sums::of(&a);
        added.add(&Sums::of(&b));
        prop_assert_eq!(added, Sums::of(a.iter().chain(&b)));
    }

    #[test]
    fn tallies_survive_the_round_trip_through_json(facts in proptest::collection::vec(fact(), 0..60)) {
        for tally in DayTally::of_facts(&facts) {
            let text = serde_json::to_string(&tally).unwrap();
            prop_assert_eq!(serde_json::from_str::<DayTally>(&text).unwrap(), tally);
        }
    }

    #[test]
    fn figures_from_sums_are_the_figures_of_the_tickets(
        facts in proptest::collection::vec(fact(), 1..80),
        tmax in 1u32..120,
    ) {
        let f = Figures::of(&facts, tmax);
        let waits: Vec<i64> = facts.iter().filter_map(|f| Some(f.called_at? - f.issued_at)).collect();
        let services: Vec<i64> = facts.iter().filter_map(|f| {
            (f.outcome == Outcome::Served).then_some(f.finished_at - f.started_at?)
        }).collect();
        let within = waits.iter().filter(|&&w| w <= i64::from(tmax) * MIN).count();
        prop_assert_eq!(f.tickets as usize, facts.len());
        prop_assert!(close(f.within_tmax, Some(within as f64 / facts.len() as f64)));
        prop_assert_eq!(f.p90_wait, p90_minute(waits.clone()));
        prop_assert_eq!(f.p90_service, p90_minute(services.clone()));
        let mean = |v: &[i64]| (!v.is_empty()).then(|| v.iter().sum::<i64>() as f64 / v.len() as f64 / MIN as f64);
        prop_assert!(close(f.mean_wait, mean(&waits)));
        prop_assert!(close(f.mean_service, mean(&services)));
        let stars: Vec<i64> = facts.iter().filter_map(|f| f.stars.map(i64::from)).collect();
        prop_assert_eq!(f.rated as usize, stars.len());
        prop_assert!(close(f.mean_stars, mean(&stars).map(|m| m * MIN as f64)));
    }
}
