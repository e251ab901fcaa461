//! The staffing recommendation: for each hour of the day, from the arrivals and service times
//! of a date range, the counters Erlang C and Erlang A (with customers who give up) say serve
//! the target share within Tmax, beside the counters that actually served in that hour.

use super::abandonment::ImpatientDemand;
use super::facts::TicketFact;
use super::figures::mean;
use super::staffing::Demand;
use crate::halls::BusinessType;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// The seeds: people's patience is about 13–14 minutes.
pub const PATIENCE_MINUTES: f64 = 13.5;
/// Served within Tmax: the share the recommendation aims for.
pub const TARGET_SHARE: f64 = 0.8;
/// The shortest mean service the plan assumes, in minutes.
const SHORTEST_SERVICE_MINUTES: f64 = 0.5;
/// No hour is planned with more counters than this.
const MOST_COUNTERS: u32 = 40;

/// One hour's plan for one business type, or for the hall as one pool (`business: None`: any
/// counter may serve any type when needed, as the seeds' dynamic counters do).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct StaffingRow {
    pub hour: u8,
    pub business: Option<BusinessType>,
    /// Mean arrivals in the hour, over the days the hall had any.
    pub arrivals: f64,
    pub service_minutes: f64,
    pub erlang_c: u32,
    pub erlang_a: u32,
    /// Mean counters that started a service of this kind in the hour.
    pub actual: f64,
    /// On the pooled row: mean counters open in the hour by the sign-in record
    /// (operations::staffed); none before counters were signed in to.
    #[serde(default)]
    pub staffed: Option<f64>,
}

#[derive(Default)]
struct Tally {
    arrivals: u32,
    /// Counters at work per day.
    counters: BTreeMap<chrono::NaiveDate, BTreeSet<u32>>,
}

/// The plan for each hour with arrivals: the pooled row first, then one per business type.
pub fn staffing(facts: &[TicketFact], tmax_minutes: f64) -> Vec<StaffingRow> {
    let service = service_minutes(facts);
    let mut tallies: BTreeMap<(usize, Option<BusinessType>), Tally> = BTreeMap::new();
    let mut open_days: BTreeMap<usize, BTreeSet<chrono::NaiveDate>> = BTreeMap::new();
    for fact in facts {
        let (day, hour) = fact.arrival();
        open_days.entry(hour).or_default().insert(day);
        for business in [None, Some(fact.business)] {
            tallies.entry((hour, business)).or_default().arrivals += 1;
            if let (Some((day, hour)), Some(counter)) = (fact.service_hour(), fact.counter) {
                let tally = tallies.entry((hour, business)).or_default();
                tally.counters.entry(day).or_default().insert(counter);
            }
        }
    }
    let pooled_service = pooled(facts, &service);
    tallies
        .into_iter()
        .filter(|(_, t)| t.arrivals > 0)
        .map(|((hour, business), tally)| {
            let days = open_days.get(&hour).map_or(1, BTreeSet::len).max(1) as f64;
            let service_minutes = business.map_or(pooled_service, |b| service[&b]);
            let arrivals = tally.arrivals as f64 / days;
            let demand = Demand {
                arrivals_per_minute: arrivals / 60.0,
                service_minutes,
            };
            let impatient = ImpatientDemand {
                demand,
                patience_minutes: PATIENCE_MINUTES,
            };
            let at_work: usize = tally.counters.values().map(BTreeSet::len).sum();
            StaffingRow {
                hour: hour as u8,
                business,
                arrivals,
                service_minutes,
                erlang_c: demand.counters_needed(TARGET_SHARE, tmax_minutes, MOST_COUNTERS),
                erlang_a: impatient.counters_needed(TARGET_SHARE, tmax_minutes, MOST_COUNTERS),
                actual: at_work as f64 / days,
                staffed: None,
            }
        })
        .collect()
}

/// Mean service minutes per type from the served tickets; the type's default without any.
fn service_minutes(facts: &[TicketFact]) -> BTreeMap<BusinessType, f64> {
    BusinessType::ALL
        .iter()
        .map(|&b| {
            let served: Vec<f64> = facts
                .iter()
                .filter(|f| f.business == b)
                .filter_map(TicketFact::service_minutes)
                .collect();
            // A service recorded as instant still took the clerk a moment.
            let minutes = mean(&served).unwrap_or(b.default_service_minutes() as f64);
            (b, minutes.max(SHORTEST_SERVICE_MINUTES))
        })
        .collect()
}

/// The service minutes of the hall's mix: each type weighted by its arrivals.
fn pooled(facts: &[TicketFact], service: &BTreeMap<BusinessType, f64>) -> f64 {
    let minutes: Vec<f64> = facts.iter().map(|f| service[&f.business]).collect();
    mean(&minutes).unwrap_or(3.0)
}
