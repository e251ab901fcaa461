//! A seeded discrete-event simulation of a hall's day, run on the real queue engine and the
//! real estimator: customers arrive by an hourly profile, counters call whoever the engine
//! gives them, and each estimate made at check-in is compared with the wait that followed.

use super::engine::{CheckIn, HallQueue};
use super::estimate::{baseline_minutes, estimate_waits};
use super::patience::Patience;
use super::stats::ServiceStats;
use super::{Acting, Clerk, CounterState, CounterStatus, Priority, QueueConfig, TicketState};
use crate::halls::BusinessType::{self, *};
use std::cmp::Reverse;
use std::collections::BinaryHeap;

const MIN: i64 = 60_000;
const WALK_MS: i64 = 15_000;

/// SplitMix64: small, fast and good enough for simulation, with no dependency.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in (0, 1).
    pub fn unit(&mut self) -> f64 {
        ((self.next_u64() >> 11) as f64 + 0.5) / (1u64 << 53) as f64
    }
    pub fn exponential(&mut self, rate: f64) -> f64 {
        -self.unit().ln() / rate
    }
    /// Log-normal with the given mean and coefficient of variation.
    pub fn lognormal(&mut self, mean: f64, cv: f64) -> f64 {
        let sigma2 = (1.0 + cv * cv).ln();
        let normal = (-2.0 * self.unit().ln()).sqrt() * (std::f64::consts::TAU * self.unit()).cos();
        (mean.ln() - sigma2 / 2.0 + sigma2.sqrt() * normal).exp()
    }
}

#[derive(Debug, Clone)]
pub struct SimConfig {
    pub seed: u64,
    pub days: u32,
    /// Days at the start that only teach the service times and are not measured.
    pub warm_up_days: u32,
    pub open_minute: i64,
    pub close_minute: i64,
    /// Customers per minute for each hour of the day.
    pub arrivals_per_minute: [f64; 24],
    /// Business type, share of arrivals, true mean service minutes.
    pub mix: Vec<(BusinessType, f64, f64)>,
    /// Spread of service times (log-normal); exactly 1 draws them exponential.
    pub service_cv: f64,
    pub priority_share: f64,
    pub counters: Vec<Vec<BusinessType>>,
    /// Mean minutes a waiting customer stays before giving up (exponential); `None`: all stay.
    pub patience_minutes: Option<f64>,
    /// Counters trained for every type take another line's customer after this many idle
    /// minutes (dynamic counters); `None`: each serves only its own types.
    pub overflow_idle_minutes: Option<u32>,
    /// Each counter's day, by index; a counter without one is open from opening to close.
    pub shifts: Vec<Shift>,
}

/// A clerk's day at one counter: when they sign in (minute of the day; `None`: at opening)
/// and the pauses they take (start minute, length in minutes).
#[derive(Debug, Clone, Default)]
pub struct Shift {
    pub signs_in: Option<i64>,
    pub pauses: Vec<(i64, i64)>,
}

/// What a hall learns from one day for the next: service times and patience.
#[derive(Debug, Clone, Default)]
struct History {
    stats: ServiceStats,
    patience: Patience,
}

/// A staffing change at a counter during a simulated day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Staffing {
    SignIn,
    Pause,
    Resume,
}

/// The seeds' hall: about 2.35 arrivals a minute over the day, peaks 9–11 and 15–17, a dip
/// 14:00–15:30, and six counters with the demo hall's skills.
pub fn seeds_hall_profile(seed: u64) -> SimConfig {
    let mut arrivals = [0.0; 24];
    for (hour, rate) in [
        (8, 1.8),
        (9, 2.8),
        (10, 2.8),
        (11, 2.5),
        (12, 2.0),
        (13, 2.2),
        (14, 1.6),
        (15, 2.6),
        (16, 2.8),
    ] {
        arrivals[hour] = rate;
    }
    SimConfig {
        seed,
        days: 6,
        warm_up_days: 1,
        open_minute: 8 * 60 + 30,
        close_minute: 17 * 60,
        arrivals_per_minute: arrivals,
        mix: vec![
            (Payment, 0.55, 1.2),
            (Invoice, 0.12, 1.2),
            (Consultation, 0.15, 2.0),
            (ChangeTransfer, 0.10, 3.5),
            (Expansion, 0.08, 5.0),
        ],
        service_cv: 0.5,
        priority_share: 0.1,
        counters: vec![
            vec![Payment, Invoice],
            vec![Payment, Consultation],
            vec![Expansion],
            vec![Expansion, ChangeTransfer],
            vec![ChangeTransfer, Consultation],
            vec![Payment, Expansion, ChangeTransfer, Consultation, Invoice],
        ],
        patience_minutes: None,
        overflow_idle_minutes: Some(QueueConfig::default().overflow_idle_minutes),
        shifts: Vec::new(),
    }
}

/// What was predicted at check-in and what happened.
#[derive(Debug, Clone, Copy)]
pub struct Outcome {
    pub expected: f64,
    pub low: u32,
    pub high: u32,
    pub baseline: f64,
    pub actual: f64,
}

#[derive(Debug, Clone, Default)]
pub struct SimReport {
    pub outcomes: Vec<Outcome>,
    pub max_waiting: usize,
    /// Minutes from check-in to the first call, for every ticket called on a measured day.
    pub waits: Vec<f64>,
    /// Customers who gave up waiting on a measured day.
    pub abandoned: usize,
}

impl SimReport {
    /// The share of arrivals called within `t` minutes; those who gave up count as not.
    pub fn share_called_within(&self, t: f64) -> f64 {
        let in_time = self.waits.iter().filter(|&&w| w <= t).count();
        in_time as f64 / (self.waits.len() + self.abandoned).max(1) as f64
    }

    fn mean(&self, f: impl Fn(&Outcome) -> f64) -> f64 {
        self.outcomes.iter().map(f).sum::<f64>() / self.outcomes.len().max(1) as f64
    }
    pub fn mae_estimate(&self) -> f64 {
        self.mean(|o| (o.expected - o.actual).abs())
    }
    pub fn mae_baseline(&self) -> f64 {
        self.mean(|o| (o.baseline - o.actual).abs())
    }
    /// Share of tickets whose actual wait fell inside the range shown (whole minutes).
    pub fn coverage(&self) -> f64 {
        self.mean(|o| {
            f64::from(u8::from(
                o.low as f64 <= o.actual.floor() && o.actual.floor() <= o.high as f64,
            ))
        })
    }
    /// How wide the ranges shown were, in minutes: coverage means little if they are wide.
    pub fn mean_range_width(&self) -> f64 {
        self.mean(|o| (o.high - o.low) as f64)
    }
    pub fn mean_wait(&self) -> f64 {
        self.mean(|o| o.actual)
    }
}

pub fn run(config: &SimConfig) -> SimReport {
    run_observed(config, |_, _| {})
}

/// Runs the days, handing each day's finished queue to `on_day` (the demo data's history).
pub fn run_observed(config: &SimConfig, mut on_day: impl FnMut(u32, &HallQueue)) -> SimReport {
    let mut rng = Rng::new(config.seed);
    let mut history = History::default();
    let mut report = SimReport::default();
    for day in 0..config.days {
        let measured = day >= config.warm_up_days;
        let queue = run_day(
            config,
            &mut rng,
            history,
            if measured { Some(&mut report) } else { None },
        );
        if measured {
            for t in &queue.tickets {
                match (t.first_called_at, t.state) {
                    (Some(called), _) => report
                        .waits
                        .push((called - t.issued_at) as f64 / MIN as f64),
                    (None, TicketState::Cancelled) => report.abandoned += 1,
                    _ => {}
                }
            }
        }
        on_day(day, &queue);
        history = History {
            stats: queue.stats,
            patience: queue.patience,
        };
    }
    report
}

fn pick_business(config: &SimConfig, rng: &mut Rng) -> (BusinessType, f64) {
    let mut x = rng.unit() * config.mix.iter().map(|m| m.1).sum::<f64>();
    for &(business, share, mean) in &config.mix {
        if x < share {
            return (business, mean);
        }
        x -= share;
    }
    let &(business, _, mean) = config.mix.last().expect("a business mix");
    (business, mean)
}

/// Runs one day and returns its queue, whose service times the next day starts from.
fn run_day(
    config: &SimConfig,
    rng: &mut Rng,
    history: History,
    mut report: Option<&mut SimReport>,
) -> HallQueue {
    let counters = config
        .counters
        .iter()
        .enumerate()
        .map(|(i, serves)| {
            let mut counter = CounterState::open(i as u32 + 1, serves);
            counter.idle_since = Some(config.open_minute * MIN);
            if config.shifts.get(i).is_some_and(|s| s.signs_in.is_some()) {
                counter.status = CounterStatus::Closed;
            }
            if config.overflow_idle_minutes.is_none() {
                counter.trained.clear();
            }
            counter
        })
        .collect();
    let queue_config = QueueConfig {
        overflow_idle_minutes: config.overflow_idle_minutes.unwrap_or(0),
        ..QueueConfig::default()
    };
    let mut queue = HallQueue::new("sim", "day", counters, queue_config);
    queue.stats = history.stats;
    queue.patience = history.patience;
    let mut staffing = staffing_changes(config);
    // Per counter: the ticket it serves and when that service ends.
    let mut busy: Vec<Option<(u32, i64)>> = vec![None; config.counters.len()];
    let mut true_means = std::collections::BTreeMap::new();
    let mut pending: Vec<(u32, f64, u32, u32, f64)> = Vec::new(); // id, expected, low, high, baseline
    let close = config.close_minute * MIN;
    let mut next_arrival = next_arrival_after(config, rng, config.open_minute * MIN);
    // When each waiting customer gives up, soonest first.
    let mut give_ups: BinaryHeap<Reverse<(i64, u32)>> = BinaryHeap::new();
    // The time of the last event handled.
    let mut last = config.open_minute * MIN;
    loop {
        let next_finish = busy.iter().flatten().map(|&(_, end)| end).min();
        let next_give_up = give_ups.peek().map(|Reverse((at, _))| *at);
        let Some(now) = [
            next_arrival.filter(|&a| a < close),
            next_finish,
            next_give_up,
            queue.next_overflow_at(last),
            staffing.last().map(|&(at, _, _)| at),
        ]
        .into_iter()
        .flatten()
        .min() else {
            break;
        };
        last = now;
        while staffing.last().is_some_and(|&(at, _, _)| at <= now) {
            if let Some((at, counter, change)) = staffing.pop() {
                change_staffing(&mut queue, counter, change, at);
            }
        }
        while let Some(&Reverse((at, id))) = give_ups.peek() {
            if at > now {
                break;
            }
            give_ups.pop();
            if queue.ticket(id).is_ok_and(|t| t.is_waiting()) {
                let _ = queue.cancel(id, None, at);
            }
        }
        for (i, slot) in busy.iter_mut().enumerate() {
            if let Some((id, end)) = *slot {
                if end <= now {
                    let _ = queue.finish(i as u32 + 1, id, None, end);
                    *slot = None;
                }
            }
        }
        if next_arrival == Some(now) {
            let (business, mean) = pick_business(config, rng);
            true_means.insert(business, mean);
            let priority = if rng.unit() < config.priority_share {
                Priority::GreenChannel
            } else {
                Priority::Normal
            };
            let req = CheckIn::walk_in(business, priority);
            if let Ok((ticket, _)) = queue.check_in(req, now) {
                if let Some(mean) = config.patience_minutes {
                    let patience = (rng.exponential(1.0 / mean) * MIN as f64) as i64;
                    give_ups.push(Reverse((now + patience.max(1), ticket.id)));
                }
                call_free_counters(&mut queue, &mut busy, config, rng, now);
                if report.is_none() {
                    // An unmeasured day only teaches service times: skip the estimates.
                } else if let Some(e) = estimate_waits(&queue, now)
                    .into_iter()
                    .find(|e| e.ticket_id == ticket.id)
                {
                    pending.push((
                        ticket.id,
                        e.expected_minutes,
                        e.range.low_minutes,
                        e.range.high_minutes,
                        baseline_minutes(&queue, &ticket),
                    ));
                } else if let Ok(t) = queue.ticket(ticket.id) {
                    // Called at once: the estimate was "now".
                    let expected = if t.is_waiting() { f64::NAN } else { 0.0 };
                    pending.push((ticket.id, expected, 0, 1, 0.0));
                }
            }
            next_arrival = next_arrival_after(config, rng, now);
        }
        call_free_counters(&mut queue, &mut busy, config, rng, now);
        let waiting = queue.tickets.iter().filter(|t| t.is_waiting()).count();
        if let Some(r) = report.as_deref_mut() {
            r.max_waiting = r.max_waiting.max(waiting);
        }
    }
    if let Some(r) = report {
        for (id, expected, low, high, baseline) in pending {
            let Ok(t) = queue.ticket(id) else { continue };
            if let (Some(called), false) = (t.first_called_at, expected.is_nan()) {
                let actual = (called - t.issued_at) as f64 / MIN as f64;
                r.outcomes.push(Outcome {
                    expected,
                    low,
                    high,
                    baseline,
                    actual,
                });
            }
        }
    }
    queue
}

/// Every shift's sign-in, pauses and resumptions as (time, counter, change), latest first.
fn staffing_changes(config: &SimConfig) -> Vec<(i64, u32, Staffing)> {
    let mut changes = Vec::new();
    for (i, shift) in config.shifts.iter().enumerate() {
        let counter = i as u32 + 1;
        if let Some(minute) = shift.signs_in {
            changes.push((minute * MIN, counter, Staffing::SignIn));
        }
        for &(start, minutes) in &shift.pauses {
            changes.push((start * MIN, counter, Staffing::Pause));
            changes.push(((start + minutes) * MIN, counter, Staffing::Resume));
        }
    }
    changes.sort_unstable_by(|a, b| b.cmp(a));
    changes
}

fn change_staffing(queue: &mut HallQueue, counter: u32, change: Staffing, at: i64) {
    let nobody = Acting {
        user: None,
        manager: true,
    };
    let clerk = Clerk {
        id: i64::from(counter),
        name: format!("clerk {counter}"),
    };
    // A refused change (a pause at a closed counter) changes nothing, as in the hall.
    let _ = match change {
        Staffing::SignIn => queue.sign_in(counter, clerk, at).map(|_| ()),
        Staffing::Pause => queue.pause(counter, "休息", nobody, at).map(|_| ()),
        Staffing::Resume => queue.resume(counter, nobody, at).map(|_| ()),
    };
}

fn call_free_counters(
    queue: &mut HallQueue,
    busy: &mut [Option<(u32, i64)>],
    config: &SimConfig,
    rng: &mut Rng,
    now: i64,
) {
    for (i, slot) in busy
        .iter_mut()
        .enumerate()
        .filter(|(_, slot)| slot.is_none())
    {
        let counter = i as u32 + 1;
        if let Ok((ticket, _)) = queue.call_next(counter, None, now) {
            let mean = config
                .mix
                .iter()
                .find(|m| m.0 == ticket.business)
                .map(|m| m.2)
                .unwrap_or(3.0);
            let minutes = if config.service_cv == 1.0 {
                rng.exponential(1.0 / mean) // the queueing formulas' assumption
            } else {
                rng.lognormal(mean, config.service_cv)
            };
            let service = (minutes * MIN as f64) as i64;
            let start = now + WALK_MS;
            let _ = queue.start_service(counter, ticket.id, None, start);
            *slot = Some((ticket.id, start + service));
        }
    }
}

/// The next arrival of a Poisson process whose rate changes by the hour.
fn next_arrival_after(config: &SimConfig, rng: &mut Rng, from: i64) -> Option<i64> {
    let mut t = from;
    while t < config.close_minute * MIN {
        let hour = (t / (60 * MIN)) as usize % 24;
        let hour_end = (hour as i64 + 1) * 60 * MIN;
        let rate = config.arrivals_per_minute[hour];
        if rate > 0.0 {
            let gap = (rng.exponential(rate) * MIN as f64) as i64;
            if t + gap < hour_end {
                return Some(t + gap.max(1));
            }
        }
        // Memoryless: start again at the hour boundary with the new rate.
        t = hour_end;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_gives_the_same_day() {
        let mut config = seeds_hall_profile(7);
        config.days = 2;
        let (a, b) = (run(&config), run(&config));
        assert_eq!(a.outcomes.len(), b.outcomes.len());
        assert_eq!(a.mae_estimate(), b.mae_estimate());
    }

    #[test]
    fn arrivals_follow_the_profile() {
        let config = seeds_hall_profile(1);
        let mut rng = Rng::new(3);
        let (mut t, mut count) = (config.open_minute * MIN, 0);
        while let Some(next) = next_arrival_after(&config, &mut rng, t) {
            t = next;
            count += 1;
        }
        let expected: f64 = (9..17)
            .map(|h| config.arrivals_per_minute[h] * 60.0)
            .sum::<f64>()
            + 30.0 * 1.8;
        assert!(
            (count as f64 - expected).abs() < expected * 0.1,
            "{count} arrivals, about {expected} expected"
        );
    }

    #[test]
    fn dynamic_counters_shorten_the_seeds_halls_waits() {
        // One day can go either way (a payment clerk busy with a long expansion case when a
        // surge comes); over several days the idle counters' help wins clearly.
        let mean_wait = |overflow_idle_minutes: Option<u32>| {
            let waits: Vec<f64> = (1..=6)
                .map(|seed| {
                    let config = SimConfig {
                        days: 3,
                        overflow_idle_minutes,
                        ..seeds_hall_profile(seed)
                    };
                    run(&config).mean_wait()
                })
                .collect();
            waits.iter().sum::<f64>() / waits.len() as f64
        };
        let (dynamic, fixed) = (mean_wait(Some(3)), mean_wait(None));
        assert!(dynamic < fixed * 0.9, "{dynamic:.2} vs {fixed:.2} minutes");
    }

    #[test]
    fn the_estimate_beats_the_baseline_on_the_seeds_hall() {
        let report = run(&seeds_hall_profile(2026));
        assert!(report.outcomes.len() > 2000);
        assert!(
            report.mae_estimate() < report.mae_baseline(),
            "{} vs {}",
            report.mae_estimate(),
            report.mae_baseline()
        );
    }
}
