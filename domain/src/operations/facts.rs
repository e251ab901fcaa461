//! One row per finished ticket, the record the dashboard reads: written when a ticket is served,
//! missed or cancelled, and given its stars when the customer rates it.

use crate::halls::BusinessType;
use crate::hours::china_tz;
use crate::queue::{Channel, Priority, Ticket, TicketState};
use chrono::{DateTime, NaiveDate, Timelike};
use serde::{Deserialize, Serialize};

const MINUTE_MS: f64 = 60_000.0;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    Served,
    NoShow,
    /// Cancelled by the customer, or left the line.
    Cancelled,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct TicketFact {
    pub hall_id: String,
    pub day: String,
    pub ticket_id: u32,
    pub business: BusinessType,
    pub priority: Priority,
    pub channel: Channel,
    pub issued_at: i64,
    pub called_at: Option<i64>,
    pub started_at: Option<i64>,
    pub finished_at: i64,
    pub outcome: Outcome,
    pub counter: Option<u32>,
    /// Who finished it: the clerk who served or missed it.
    pub staff_id: Option<i64>,
    pub stars: Option<u8>,
    /// What it was shown at check-in (none before it was kept, or with no counter open).
    #[serde(default)]
    pub promised_minutes: Option<f64>,
    #[serde(default)]
    pub promised_low: Option<u32>,
    #[serde(default)]
    pub promised_high: Option<u32>,
    #[serde(default)]
    pub baseline_minutes: Option<f64>,
}

impl TicketFact {
    /// The fact of a ticket that has just finished; `None` while it is still open.
    pub fn of(hall_id: &str, day: &str, t: &Ticket, staff_id: Option<i64>) -> Option<TicketFact> {
        let outcome = match t.state {
            TicketState::Served => Outcome::Served,
            TicketState::NoShow => Outcome::NoShow,
            TicketState::Cancelled => Outcome::Cancelled,
            _ => return None,
        };
        Some(TicketFact {
            hall_id: hall_id.into(),
            day: day.into(),
            ticket_id: t.id,
            business: t.business,
            priority: t.priority,
            channel: t.channel,
            issued_at: t.issued_at,
            called_at: t.first_called_at,
            started_at: t.service_started_at,
            finished_at: t.finished_at.unwrap_or(t.issued_at),
            outcome,
            counter: t.counter,
            staff_id,
            stars: t.rating.as_ref().map(|r| r.stars),
            promised_minutes: t.promised.map(|p| p.expected_minutes()),
            promised_low: t.promised.map(|p| p.low_minutes),
            promised_high: t.promised.map(|p| p.high_minutes),
            baseline_minutes: t.promised.map(|p| p.baseline_minutes()),
        })
    }

    /// Milliseconds from the ticket to its first call (TQ); none for who left before a call.
    pub fn wait_ms(&self) -> Option<i64> {
        self.called_at.map(|c| (c - self.issued_at).max(0))
    }

    pub fn wait_minutes(&self) -> Option<f64> {
        self.wait_ms().map(|ms| ms as f64 / MINUTE_MS)
    }

    /// Milliseconds at the counter (TS), for a served ticket.
    pub fn service_ms(&self) -> Option<i64> {
        match (self.outcome, self.started_at) {
            (Outcome::Served, Some(s)) => Some((self.finished_at - s).max(0)),
            _ => None,
        }
    }

    /// The hall's local date and hour of the check-in.
    pub fn arrival(&self) -> (NaiveDate, usize) {
        local_date_hour(self.issued_at)
    }

    /// The local hour service started, for counting the counters at work.
    pub fn service_hour(&self) -> Option<(NaiveDate, usize)> {
        self.started_at.map(local_date_hour)
    }
}

pub fn local_date_hour(ms: i64) -> (NaiveDate, usize) {
    let at = DateTime::from_timestamp_millis(ms)
        .unwrap_or_default()
        .with_timezone(&china_tz());
    (at.date_naive(), at.hour() as usize)
}
