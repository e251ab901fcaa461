//! Wait estimates. The queue is played forward on a copy: whenever a counter would be free it
//! calls whoever the real selection rules give it, each service taking the rolling mean for its
//! business, weighted by the chance the person is still there (`patience`). The spread of
//! those service times gives the low–high range.

mod lines;

use super::engine::HallQueue;
use super::select::CounterSkills;
use super::ticket::{Channel, Priority, Promised, Ticket, TicketNumber, TicketState};
use crate::halls::BusinessType;
use lines::Lines;
use serde::{Deserialize, Serialize};

const MS_PER_MIN: f64 = 60_000.0;
/// About 80 % of a normal distribution lies within this many standard deviations.
const Z: f64 = 1.0;
/// Priority tickets that arrive later can still go ahead: the high end leaves room for them.
const LATE_PRIORITY_ALLOWANCE: f64 = 0.1;
/// Time for a called customer to reach the counter, in minutes.
const WALK_MINUTES: f64 = 0.25;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct WaitRange {
    pub low_minutes: u32,
    pub high_minutes: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Estimate {
    pub ticket_id: u32,
    /// People the counters will call before this ticket.
    pub ahead: u32,
    pub expected_minutes: f64,
    pub range: WaitRange,
}

struct VirtualCounter<'a> {
    skills: CounterSkills<'a>,
    /// Minutes from now until it is free.
    free_in: f64,
    /// Variance of `free_in`.
    variance: f64,
}

/// Estimates for every waiting ticket that some open counter can serve, in call order.
pub fn estimate_waits(queue: &HallQueue, now: i64) -> Vec<Estimate> {
    let mut estimates = play_back(queue, None, now, None);
    fill_ahead(&mut estimates, queue);
    estimates
}

/// The estimate for one waiting ticket; the playback stops once it is called.
pub fn estimate_for(queue: &HallQueue, ticket_id: u32, now: i64) -> Option<Estimate> {
    let mut estimates = play_back(queue, None, now, Some(ticket_id));
    fill_ahead(&mut estimates, queue);
    estimates.pop().filter(|e| e.ticket_id == ticket_id)
}

/// The range a normal walk-in of `business` would be shown if they checked in now; `None`
/// when no open counter serves it.
pub fn newcomer_wait(queue: &HallQueue, business: BusinessType, now: i64) -> Option<WaitRange> {
    let id = queue.tickets.len() as u32 + 1;
    let number = TicketNumber {
        prefix: business.ticket_prefix(),
        seq: 0,
    };
    let newcomer = Ticket::waiting(id, number, business, Priority::Normal, Channel::Kiosk, now);
    play_back(queue, Some(&newcomer), now, Some(id))
        .last()
        .filter(|e| e.ticket_id == id)
        .map(|e| e.range)
}

/// Plays the queue forward, with `newcomer` joining it now: whenever a counter would be free
/// it calls whoever the selection rules give it. Stops early once `until` is called. `ahead`
/// is left at zero.
fn play_back(
    queue: &HallQueue,
    newcomer: Option<&Ticket>,
    now: i64,
    until: Option<u32>,
) -> Vec<Estimate> {
    let waiting: Vec<&Ticket> = queue
        .tickets
        .iter()
        .filter(|t| t.is_waiting())
        .chain(newcomer)
        .collect();
    let stats = &queue.stats;
    let mut counters: Vec<VirtualCounter> = queue
        .counters
        .iter()
        .filter(|c| c.is_open())
        .map(|c| {
            let mut skills = CounterSkills::of(c);
            let (free_in, variance) = match queue.current_at(c.number) {
                Some(t) => {
                    let (free_in, variance) = remaining_service(t, queue, now);
                    skills.idle_since = Some(at_minute(now, free_in));
                    (free_in, variance)
                }
                None => (0.0, 0.0),
            };
            VirtualCounter {
                skills,
                free_in,
                variance,
            }
        })
        .collect();
    let mut lines = Lines::new(&waiting);
    let mut fairness = queue.fairness;
    let mut estimates = Vec::new();
    while !counters.is_empty() {
        let (k, _) = counters
            .iter()
            .enumerate()
            .min_by(|a, b| {
                a.1.free_in
                    .total_cmp(&b.1.free_in)
                    .then(a.1.skills.number.cmp(&b.1.skills.number))
            })
            .expect("counters is not empty");
        let at = at_minute(now, counters[k].free_in);
        let Some((index, next_fairness)) =
            lines.take_next(counters[k].skills, fairness, &queue.config, at)
        else {
            let skills = counters[k].skills;
            let from = skills.overflow_from(&queue.config);
            if from > at && lines.oldest_overflow(skills).is_some() {
                // Others' customers wait: it takes one once it has stood idle long enough.
                counters[k].free_in = (from - now) as f64 / MS_PER_MIN;
            } else {
                // Nobody left for this counter; no new arrivals are assumed, so it is done.
                counters.remove(k);
            }
            continue;
        };
        fairness = next_fairness;
        let ticket = waiting[index];
        let c = &mut counters[k];
        let expected = c.free_in;
        let sd = c.variance.sqrt();
        let high = expected * (1.0 + LATE_PRIORITY_ALLOWANCE) + Z * sd + 0.5;
        let low = (expected - Z * sd - 0.5).max(0.0);
        estimates.push(Estimate {
            ticket_id: ticket.id,
            ahead: 0,
            expected_minutes: expected,
            range: WaitRange {
                low_minutes: low.floor() as u32,
                high_minutes: high.ceil() as u32,
            },
        });
        if until == Some(ticket.id) {
            break;
        }
        // Those ahead may give up before their turn: each is expected to take the counter's
        // time only as far as they are likely to still be there.
        let stays = queue.patience.stays(expected);
        let busy = stats.mean(ticket.business) + WALK_MINUTES;
        c.free_in += stays * busy;
        c.variance +=
            stays * stats.sd(ticket.business).powi(2) + stays * (1.0 - stays) * busy * busy;
        c.skills.idle_since = Some(at_minute(now, c.free_in));
    }
    estimates
}

/// The time `minutes` after `now`, in epoch ms.
fn at_minute(now: i64, minutes: f64) -> i64 {
    // Rounded, so that a time turned into minutes and back is the same time.
    now + (minutes * MS_PER_MIN).round() as i64
}

/// The minutes (and their variance) until the ticket at a counter is done.
fn remaining_service(t: &Ticket, queue: &HallQueue, now: i64) -> (f64, f64) {
    let mean = queue.stats.mean(t.business);
    let sd = queue.stats.sd(t.business);
    let elapsed = t
        .service_started_at
        .map(|s| (now - s) as f64 / MS_PER_MIN)
        .unwrap_or(0.0);
    let walk = if t.state == TicketState::Called {
        WALK_MINUTES
    } else {
        0.0
    };
    // Past its mean a service is expected to end soon, not at once.
    ((mean - elapsed).max(mean * 0.25) + walk, sd * sd)
}

/// People ahead: tickets called earlier in the playback that a counter serving this ticket
/// could also have taken. Counted per business as the playback order is walked.
fn fill_ahead(estimates: &mut [Estimate], queue: &HallQueue) {
    const TYPES: usize = BusinessType::ALL.len();
    let mut shared = [[false; TYPES]; TYPES];
    for c in queue.counters.iter().filter(|c| c.is_open()) {
        for a in &c.serves {
            for b in &c.serves {
                shared[a.index()][b.index()] = true;
            }
        }
    }
    let mut called_before = [0u32; TYPES];
    for e in estimates.iter_mut() {
        let Ok(mine) = queue.ticket(e.ticket_id).map(|t| t.business.index()) else {
            continue;
        };
        e.ahead = (0..TYPES)
            .filter(|&b| shared[mine][b])
            .map(|b| called_before[b])
            .sum();
        called_before[mine] += 1;
    }
}

/// Keeps on the ticket what it is shown now, at check-in: the estimate and the baseline. A
/// ticket no open counter serves yet is shown no wait and keeps nothing.
pub fn promise(queue: &mut HallQueue, ticket_id: u32, now: i64) {
    let Some(e) = estimate_for(queue, ticket_id, now) else {
        return;
    };
    let Ok(index) = queue.ticket_index(ticket_id) else {
        return;
    };
    let ticket = &queue.tickets[index];
    let promised = Promised {
        expected_seconds: Promised::seconds(e.expected_minutes),
        low_minutes: e.range.low_minutes,
        high_minutes: e.range.high_minutes,
        baseline_seconds: Promised::seconds(baseline_minutes(queue, ticket)),
    };
    queue.tickets[index].promised = Some(promised);
}

/// The baseline the issue compares against: people ahead × mean service time ÷ open counters.
pub fn baseline_minutes(queue: &HallQueue, ticket: &Ticket) -> f64 {
    let ahead = queue
        .tickets
        .iter()
        .filter(|t| t.is_waiting() && t.issued_at < ticket.issued_at)
        .count() as f64;
    let open = queue.counters.iter().filter(|c| c.is_open()).count().max(1) as f64;
    let served: Vec<f64> = queue
        .tickets
        .iter()
        .filter(|t| t.state == TicketState::Served)
        .map(|t| queue.stats.mean(t.business))
        .collect();
    let mean = if served.is_empty() {
        queue.stats.mean(ticket.business)
    } else {
        served.iter().sum::<f64>() / served.len() as f64
    };
    ahead * mean / open
}

#[cfg(test)]
mod tests;
