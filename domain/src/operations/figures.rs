//! The figures of a set of tickets — volume, waits (TQ) and service times (TS) as mean and
//! 90th percentile (the whole minute it falls in), missed and cancelled rates, the share called
//! within Tmax, satisfaction — and the same figures per business type, counter, clerk or hall.

use super::facts::TicketFact;
use super::tally::Sums;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Figures {
    pub tickets: u32,
    pub served: u32,
    pub no_shows: u32,
    pub cancelled: u32,
    pub mean_wait: Option<f64>,
    pub p90_wait: Option<f64>,
    pub mean_service: Option<f64>,
    pub p90_service: Option<f64>,
    /// The share of tickets called within Tmax; who left before a call counts as not.
    pub within_tmax: Option<f64>,
    pub rated: u32,
    pub mean_stars: Option<f64>,
}

impl Figures {
    pub fn of<'a>(facts: impl IntoIterator<Item = &'a TicketFact>, tmax_minutes: u32) -> Figures {
        Figures::from_sums(&Sums::of(facts), tmax_minutes)
    }

    pub fn from_sums(s: &Sums, tmax_minutes: u32) -> Figures {
        let share = |n: u32| (s.tickets > 0).then(|| f64::from(n) / f64::from(s.tickets));
        Figures {
            tickets: s.tickets,
            served: s.served,
            no_shows: s.no_shows,
            cancelled: s.cancelled,
            mean_wait: Sums::mean_minutes(s.wait_ms, s.waits.total()),
            p90_wait: s.waits.p90(),
            mean_service: Sums::mean_minutes(s.service_ms, s.services.total()),
            p90_service: s.services.p90(),
            within_tmax: share(s.waits.up_to(tmax_minutes)),
            rated: s.rated,
            mean_stars: (s.rated > 0).then(|| f64::from(s.stars) / f64::from(s.rated)),
        }
    }

    /// Missed calls per ticket.
    pub fn no_show_rate(&self) -> Option<f64> {
        self.share(self.no_shows)
    }

    pub fn cancel_rate(&self) -> Option<f64> {
        self.share(self.cancelled)
    }

    fn share(&self, n: u32) -> Option<f64> {
        (self.tickets > 0).then(|| f64::from(n) / f64::from(self.tickets))
    }
}

/// One line of a breakdown: the group's key (a business type's wire name, a counter number, a
/// clerk's id, a hall's id), a name where the key is not one, and its figures.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Row {
    pub key: String,
    pub name: Option<String>,
    pub figures: Figures,
}

/// The sums of each group, added up over the groups' parts.
pub fn grouped<'a, K: Ord + Clone + 'a>(
    parts: impl IntoIterator<Item = &'a (K, Sums)>,
) -> BTreeMap<K, Sums> {
    let mut groups: BTreeMap<K, Sums> = BTreeMap::new();
    for (key, sums) in parts {
        groups.entry(key.clone()).or_default().add(sums);
    }
    groups
}

/// The figures per group, in key order.
pub fn breakdown<K: Serialize>(groups: &BTreeMap<K, Sums>, tmax_minutes: u32) -> Vec<Row> {
    groups
        .iter()
        .map(|(k, sums)| Row {
            key: key_text(k),
            name: None,
            figures: Figures::from_sums(sums, tmax_minutes),
        })
        .collect()
}

/// A key as text: a type's wire name, a number's digits.
fn key_text<K: Serialize>(key: &K) -> String {
    match serde_json::to_value(key) {
        Ok(serde_json::Value::String(s)) => s,
        Ok(other) => other.to_string(),
        Err(_) => String::new(),
    }
}
