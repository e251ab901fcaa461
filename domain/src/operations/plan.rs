//! The staffing recommendation: for each hour of the day, from the arrivals and service times
//! of a date range, the counters Erlang C and Erlang A (with customers who give up) say serve
//! the target share within Tmax, beside the counters that actually served in that hour.

use super::abandonment::ImpatientDemand;
use super::figures::grouped;
use super::staffing::Demand;
use super::tally::{DayTally, Sums};
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

/// The plan for each hour with arrivals, from one hall's days: the pooled row first, then one
/// per business type.
pub fn staffing(days: &[&DayTally], tmax_minutes: u32) -> Vec<StaffingRow> {
    let service = service_minutes(days);
    let mut arrivals: BTreeMap<(u8, Option<BusinessType>), u32> = BTreeMap::new();
    let mut at_work: BTreeMap<(u8, Option<BusinessType>), u32> = BTreeMap::new();
    let mut open_days: BTreeMap<u8, BTreeSet<chrono::NaiveDate>> = BTreeMap::new();
    for day in days {
        for hour in day.hours.iter().filter(|h| h.arrivals > 0) {
            open_days.entry(hour.hour).or_default().insert(day.day);
            for business in [None, Some(hour.business)] {
                *arrivals.entry((hour.hour, business)).or_default() += hour.arrivals;
            }
        }
        for w in &day.at_work {
            *at_work.entry((w.hour, w.business)).or_default() += w.counters;
        }
    }
    let pooled_service = pooled(&arrivals, &service);
    let tmax = f64::from(tmax_minutes);
    arrivals
        .into_iter()
        .map(|((hour, business), n)| {
            let days = open_days.get(&hour).map_or(1, BTreeSet::len).max(1) as f64;
            let service_minutes = business.map_or(pooled_service, |b| service[&b]);
            let arrivals = f64::from(n) / days;
            let demand = Demand {
                arrivals_per_minute: arrivals / 60.0,
                service_minutes,
            };
            let impatient = ImpatientDemand {
                demand,
                patience_minutes: PATIENCE_MINUTES,
            };
            let counters = at_work.get(&(hour, business)).copied().unwrap_or(0);
            StaffingRow {
                hour,
                business,
                arrivals,
                service_minutes,
                erlang_c: demand.counters_needed(TARGET_SHARE, tmax, MOST_COUNTERS),
                erlang_a: impatient.counters_needed(TARGET_SHARE, tmax, MOST_COUNTERS),
                actual: f64::from(counters) / days,
                staffed: None,
            }
        })
        .collect()
}

/// Mean service minutes per type from the served tickets; the type's default without any.
fn service_minutes(days: &[&DayTally]) -> BTreeMap<BusinessType, f64> {
    let served = grouped(days.iter().flat_map(|d| &d.by_business));
    BusinessType::ALL
        .iter()
        .map(|&b| {
            let minutes = served
                .get(&b)
                .and_then(|s| Sums::mean_minutes(s.service_ms, s.services.total()))
                .unwrap_or_else(|| f64::from(b.default_service_minutes()));
            // A service recorded as instant still took the clerk a moment.
            (b, minutes.max(SHORTEST_SERVICE_MINUTES))
        })
        .collect()
}

/// The service minutes of the hall's mix: each type weighted by its arrivals.
fn pooled(
    arrivals: &BTreeMap<(u8, Option<BusinessType>), u32>,
    service: &BTreeMap<BusinessType, f64>,
) -> f64 {
    let (mut minutes, mut n) = (0.0, 0u32);
    for (&(_, business), &count) in arrivals {
        if let Some(b) = business {
            minutes += f64::from(count) * service[&b];
            n += count;
        }
    }
    if n == 0 {
        3.0
    } else {
        minutes / f64::from(n)
    }
}
