//! The staffing formulas against the queue simulation: a hall of identical counters run on the
//! real queue engine should serve the share Erlang C (or, with customers who give up, Erlang A)
//! predicts, and the recommended number of counters should meet the target where one fewer
//! does not.

use super::abandonment::ImpatientDemand;
use super::staffing::Demand;
use crate::halls::BusinessType::{Consultation, Payment};
use crate::queue::sim::{run, SimConfig, SimReport};
use crate::queue::QueueConfig;

const ARRIVALS: f64 = 2.0;
const SERVICE: f64 = 2.5;
/// The simulated clerk's counter is taken from the call: 15 seconds' walk, then the service.
const BUSY: f64 = SERVICE + 0.25;
const TMAX: f64 = 1.0;
const TARGET: f64 = 0.85;

/// Round-the-clock days at a steady rate, so an empty hall each morning does not flatter the
/// figures the formulas give for the steady state.
fn simulate(counters: u32, patience: Option<f64>) -> SimReport {
    run(&steady_hall(counters, patience))
}

fn steady_hall(counters: u32, patience: Option<f64>) -> SimConfig {
    let mut arrivals = [0.0; 24];
    arrivals.fill(ARRIVALS);
    SimConfig {
        seed: 11,
        days: 5,
        warm_up_days: 1,
        open_minute: 0,
        close_minute: 24 * 60,
        arrivals_per_minute: arrivals,
        mix: vec![(Payment, 1.0, SERVICE)],
        service_cv: 1.0,
        priority_share: 0.0,
        counters: vec![vec![Payment]; counters as usize],
        patience_minutes: patience,
        overflow_idle_minutes: None,
        shifts: Vec::new(),
    }
}

fn demand() -> Demand {
    Demand {
        arrivals_per_minute: ARRIVALS,
        service_minutes: BUSY,
    }
}

/// The simulated share within Tmax for one fewer, the recommended and one more counter; each
/// near the prediction, the recommended one on target and one fewer short of it.
fn check(needed: u32, patience: Option<f64>, predicted: impl Fn(u32) -> f64) -> Vec<SimReport> {
    let reports: Vec<SimReport> = (needed - 1..=needed + 1)
        .map(|c| simulate(c, patience))
        .collect();
    for (c, report) in (needed - 1..).zip(&reports) {
        let (simulated, expected) = (report.share_called_within(TMAX), predicted(c));
        assert!(
            (simulated - expected).abs() < 0.04,
            "{c} counters: simulated {simulated:.3}, predicted {expected:.3}"
        );
    }
    assert!(reports[1].share_called_within(TMAX) >= TARGET);
    assert!(reports[0].share_called_within(TMAX) < TARGET);
    reports
}

#[test]
fn erlang_c_recommendation_holds_in_the_simulation() {
    let needed = demand().counters_needed(TARGET, TMAX, 30);
    assert_eq!(needed, 8);
    check(needed, None, |c| demand().service_level(c, TMAX));
}

#[test]
fn erlang_a_recommendation_holds_in_the_simulation() {
    let impatient = ImpatientDemand {
        demand: demand(),
        patience_minutes: 3.0,
    };
    let needed = impatient.counters_needed(TARGET, TMAX, 30);
    assert_eq!(
        needed, 7,
        "those who give up leave the line shorter: one fewer than Erlang C"
    );
    let reports = check(needed, Some(3.0), |c| impatient.service_level(c, TMAX));
    for (c, report) in (needed - 1..).zip(&reports) {
        let lost = report.abandoned as f64 / (report.waits.len() + report.abandoned) as f64;
        assert!(
            (lost - impatient.abandon_share(c)).abs() < 0.02,
            "{c}: {lost}"
        );
    }
}

/// A hall split into a payment line (five counters) and a consultation line (three), both
/// lines as busy as the pooled plan's eight counters, run with each counter serving only its
/// own line, with dynamic counters at the default idle time, and with counters that overflow
/// at once.
fn split_hall(overflow_idle_minutes: Option<u32>) -> SimReport {
    let mut config = SimConfig {
        mix: vec![(Payment, 0.625, SERVICE), (Consultation, 0.375, SERVICE)],
        counters: [vec![vec![Payment]; 5], vec![vec![Consultation]; 3]].concat(),
        overflow_idle_minutes,
        ..steady_hall(8, None)
    };
    config.seed = 12;
    run(&config)
}

#[test]
fn the_pooled_plan_holds_when_counters_overflow() {
    let pooled = demand().service_level(8, TMAX);
    let (own_lines, dynamic, at_once) = (
        split_hall(None).share_called_within(TMAX),
        split_hall(Some(QueueConfig::default().overflow_idle_minutes)),
        split_hall(Some(0)).share_called_within(TMAX),
    );
    assert!(
        (at_once - pooled).abs() < 0.04,
        "overflowing at once, the split hall serves {at_once:.3} within Tmax; the pooled plan says {pooled:.3}"
    );
    assert!(
        own_lines < pooled - 0.04,
        "two fixed lines serve {own_lines:.3}, clearly below the pooled {pooled:.3}"
    );
    let dynamic = dynamic.share_called_within(TMAX);
    assert!(
        own_lines < dynamic && dynamic <= at_once,
        "the default idle time lies between: {own_lines:.3} < {dynamic:.3} ≤ {at_once:.3}"
    );
}
