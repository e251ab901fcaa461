//! The figures of a set of tickets — volume, waits (TQ) and service times (TS) as mean and
//! 90th percentile, missed and cancelled rates, the share called within Tmax, satisfaction —
//! and the same figures per business type, counter, clerk or hall.

use super::facts::{Outcome, TicketFact};
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
    pub fn of<'a>(facts: impl IntoIterator<Item = &'a TicketFact>, tmax_minutes: f64) -> Figures {
        let mut f = Figures::default();
        let (mut waits, mut services, mut stars) = (Vec::new(), Vec::new(), Vec::new());
        for fact in facts {
            f.tickets += 1;
            match fact.outcome {
                Outcome::Served => f.served += 1,
                Outcome::NoShow => f.no_shows += 1,
                Outcome::Cancelled => f.cancelled += 1,
            }
            waits.extend(fact.wait_minutes());
            services.extend(fact.service_minutes());
            stars.extend(fact.stars.map(f64::from));
        }
        let in_time = waits.iter().filter(|&&w| w <= tmax_minutes).count();
        f.within_tmax = (f.tickets > 0).then(|| in_time as f64 / f.tickets as f64);
        f.rated = stars.len() as u32;
        f.mean_stars = mean(&stars);
        (f.mean_wait, f.p90_wait) = (mean(&waits), p90(&mut waits));
        (f.mean_service, f.p90_service) = (mean(&services), p90(&mut services));
        f
    }

    /// Missed calls per ticket.
    pub fn no_show_rate(&self) -> Option<f64> {
        self.share(self.no_shows)
    }

    pub fn cancel_rate(&self) -> Option<f64> {
        self.share(self.cancelled)
    }

    fn share(&self, n: u32) -> Option<f64> {
        (self.tickets > 0).then(|| n as f64 / self.tickets as f64)
    }
}

pub fn mean(values: &[f64]) -> Option<f64> {
    (!values.is_empty()).then(|| values.iter().sum::<f64>() / values.len() as f64)
}

/// The nearest-rank 90th percentile.
pub fn p90(values: &mut [f64]) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    values.sort_by(f64::total_cmp);
    let rank = (values.len() as f64 * 0.9).ceil() as usize;
    Some(values[rank.clamp(1, values.len()) - 1])
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

/// The figures per group, in key order; facts without a key are left out.
pub fn breakdown<K: Ord + Serialize>(
    facts: &[TicketFact],
    key: impl Fn(&TicketFact) -> Option<K>,
    tmax_minutes: f64,
) -> Vec<Row> {
    let mut groups: BTreeMap<K, Vec<&TicketFact>> = BTreeMap::new();
    for fact in facts {
        if let Some(k) = key(fact) {
            groups.entry(k).or_default().push(fact);
        }
    }
    groups
        .into_iter()
        .map(|(k, group)| Row {
            key: key_text(&k),
            name: None,
            figures: Figures::of(group, tmax_minutes),
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
