//! A hall's finished tickets of one day, summed: the record the dashboard reads instead of the
//! tickets (docs/SCALE.md, "hot figures as aggregates"). Sums add up, so a range's figures are
//! the sum of its days'; waits and service times are kept as counts per whole minute, so the
//! share within any Tmax is exact and the 90th percentile is the minute it falls in.

use super::facts::{Outcome, TicketFact};
use crate::halls::BusinessType;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

const MINUTE_MS: i64 = 60_000;
/// Longer waits and services count in the last minute kept (a day).
const LONGEST_MINUTES: usize = 24 * 60;

/// Counts per whole minute: `[m]` counts the durations over m − 1 and up to m minutes.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Minutes(pub Vec<u32>);

impl Minutes {
    fn count(&mut self, ms: i64) {
        let minute = usize::try_from((ms.max(0) + MINUTE_MS - 1) / MINUTE_MS)
            .unwrap_or(LONGEST_MINUTES)
            .min(LONGEST_MINUTES);
        if self.0.len() <= minute {
            self.0.resize(minute + 1, 0);
        }
        self.0[minute] += 1;
    }

    fn add(&mut self, other: &Minutes) {
        if self.0.len() < other.0.len() {
            self.0.resize(other.0.len(), 0);
        }
        self.0.iter_mut().zip(&other.0).for_each(|(a, b)| *a += b);
    }

    pub fn total(&self) -> u32 {
        self.0.iter().sum()
    }

    /// How many took `minutes` or less.
    pub fn up_to(&self, minutes: u32) -> u32 {
        let last = usize::try_from(minutes).unwrap_or(usize::MAX);
        self.0.iter().take(last.saturating_add(1)).sum()
    }

    /// The minute the nearest-rank 90th percentile falls in.
    pub fn p90(&self) -> Option<f64> {
        let n = self.total();
        let rank = (u64::from(n) * 9).div_ceil(10).max(1);
        let mut seen = 0u64;
        for (minute, &count) in self.0.iter().enumerate() {
            seen += u64::from(count);
            if n > 0 && seen >= rank {
                return u32::try_from(minute).ok().map(f64::from);
            }
        }
        None
    }
}

/// The sums of a set of tickets, from which `Figures` are read.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Sums {
    pub tickets: u32,
    pub served: u32,
    pub no_shows: u32,
    pub cancelled: u32,
    /// Time to the first call (TQ) of the tickets called.
    pub waits: Minutes,
    pub wait_ms: i64,
    /// Time at the counter (TS) of the tickets served.
    pub services: Minutes,
    pub service_ms: i64,
    pub rated: u32,
    pub stars: u32,
}

impl Sums {
    pub fn of<'a>(facts: impl IntoIterator<Item = &'a TicketFact>) -> Sums {
        let mut sums = Sums::default();
        facts.into_iter().for_each(|f| sums.count(f));
        sums
    }

    pub fn count(&mut self, fact: &TicketFact) {
        self.tickets += 1;
        match fact.outcome {
            Outcome::Served => self.served += 1,
            Outcome::NoShow => self.no_shows += 1,
            Outcome::Cancelled => self.cancelled += 1,
        }
        if let Some(ms) = fact.wait_ms() {
            self.waits.count(ms);
            self.wait_ms += ms;
        }
        if let Some(ms) = fact.service_ms() {
            self.services.count(ms);
            self.service_ms += ms;
        }
        if let Some(stars) = fact.stars {
            self.rated += 1;
            self.stars += u32::from(stars);
        }
    }

    pub fn add(&mut self, other: &Sums) {
        self.tickets += other.tickets;
        self.served += other.served;
        self.no_shows += other.no_shows;
        self.cancelled += other.cancelled;
        self.waits.add(&other.waits);
        self.wait_ms += other.wait_ms;
        self.services.add(&other.services);
        self.service_ms += other.service_ms;
        self.rated += other.rated;
        self.stars += other.stars;
    }

    /// Mean minutes of a duration summed in ms over `n`.
    pub fn mean_minutes(ms: i64, n: u32) -> Option<f64> {
        (n > 0).then(|| ms as f64 / f64::from(n) / MINUTE_MS as f64)
    }
}

/// How close the waits shown at check-in came, for the tickets measured (operations::accuracy).
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct Accuracy {
    pub tickets: u32,
    /// Between the wait shown and the wait that followed, summed to the ms.
    pub error_ms: i64,
    pub inside: u32,
    pub baseline_error_ms: i64,
}

impl Accuracy {
    pub fn add(&mut self, other: &Accuracy) {
        self.tickets += other.tickets;
        self.error_ms += other.error_ms;
        self.inside += other.inside;
        self.baseline_error_ms += other.baseline_error_ms;
    }

    fn count(&mut self, f: &TicketFact) {
        let (Some(expected), Some(low), Some(high), Some(baseline), Some(waited)) = (
            f.promised_minutes,
            f.promised_low,
            f.promised_high,
            f.baseline_minutes,
            f.wait_ms(),
        ) else {
            return;
        };
        let off = |minutes: f64| (minutes * MINUTE_MS as f64 - waited as f64).abs().round() as i64;
        let whole = u32::try_from(waited / MINUTE_MS).unwrap_or(u32::MAX);
        self.tickets += 1;
        self.error_ms += off(expected);
        self.inside += u32::from(low <= whole && whole <= high);
        self.baseline_error_ms += off(baseline);
    }
}

/// One hour of check-ins of one business type.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HourTally {
    pub hour: u8,
    pub business: BusinessType,
    pub arrivals: u32,
    pub accuracy: Accuracy,
}

/// Counters that started a service in an hour: of a business type, or (`None`) of any.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AtWork {
    pub hour: u8,
    pub business: Option<BusinessType>,
    pub counters: u32,
}

/// One hall's finished tickets of one day (the day they were issued in). Kept as JSON in D1,
/// also for days whose facts have left for R2 (after 120 days): a change to this shape must
/// read the old one (new fields with defaults).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DayTally {
    pub hall_id: String,
    pub day: NaiveDate,
    pub by_business: Vec<(BusinessType, Sums)>,
    pub by_counter: Vec<(u32, Sums)>,
    pub by_staff: Vec<(i64, Sums)>,
    pub hours: Vec<HourTally>,
    pub at_work: Vec<AtWork>,
}

impl DayTally {
    /// The tally of the facts of one hall and day.
    pub fn of<'a>(
        hall_id: &str,
        day: NaiveDate,
        facts: impl IntoIterator<Item = &'a TicketFact>,
    ) -> DayTally {
        let mut by_business: BTreeMap<BusinessType, Sums> = BTreeMap::new();
        let mut by_counter: BTreeMap<u32, Sums> = BTreeMap::new();
        let mut by_staff: BTreeMap<i64, Sums> = BTreeMap::new();
        let mut hours: BTreeMap<(u8, BusinessType), (u32, Accuracy)> = BTreeMap::new();
        let mut at_work: BTreeMap<(u8, Option<BusinessType>), BTreeSet<u32>> = BTreeMap::new();
        for f in facts {
            by_business.entry(f.business).or_default().count(f);
            if let Some(counter) = f.counter {
                by_counter.entry(counter).or_default().count(f);
            }
            if let Some(staff) = f.staff_id {
                by_staff.entry(staff).or_default().count(f);
            }
            let hour = hour_of(f.arrival().1);
            let (arrivals, accuracy) = hours.entry((hour, f.business)).or_default();
            *arrivals += 1;
            accuracy.count(f);
            if let (Some((_, started)), Some(counter)) = (f.service_hour(), f.counter) {
                for business in [None, Some(f.business)] {
                    let counters = at_work.entry((hour_of(started), business)).or_default();
                    counters.insert(counter);
                }
            }
        }
        DayTally {
            hall_id: hall_id.into(),
            day,
            by_business: by_business.into_iter().collect(),
            by_counter: by_counter.into_iter().collect(),
            by_staff: by_staff.into_iter().collect(),
            hours: hours
                .into_iter()
                .map(|((hour, business), (arrivals, accuracy))| HourTally {
                    hour,
                    business,
                    arrivals,
                    accuracy,
                })
                .collect(),
            at_work: at_work
                .into_iter()
                .map(|((hour, business), counters)| AtWork {
                    hour,
                    business,
                    counters: u32::try_from(counters.len()).unwrap_or(u32::MAX),
                })
                .collect(),
        }
    }

    /// The tallies of any facts, one per hall and day (a fact's day, or its check-in's date
    /// should the day not read as one), in that order.
    pub fn of_facts(facts: &[TicketFact]) -> Vec<DayTally> {
        let mut days: BTreeMap<(&str, NaiveDate), Vec<&TicketFact>> = BTreeMap::new();
        for f in facts {
            let day = f.day.parse().unwrap_or(f.arrival().0);
            days.entry((&f.hall_id, day)).or_default().push(f);
        }
        days.into_iter()
            .map(|((hall, day), facts)| DayTally::of(hall, day, facts))
            .collect()
    }

    /// All the day's tickets.
    pub fn totals(&self) -> Sums {
        let mut sums = Sums::default();
        self.by_business.iter().for_each(|(_, s)| sums.add(s));
        sums
    }
}

fn hour_of(hour: usize) -> u8 {
    u8::try_from(hour).unwrap_or(u8::MAX)
}
