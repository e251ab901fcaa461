//! Tickets: their numbers, priority classes, channels and states.

use crate::halls::BusinessType;
use serde::{Deserialize, Serialize};
use std::fmt;

/// What a ticket was shown at check-in: the point estimate and range, and what the
/// baseline (people ahead × mean service ÷ open counters) would have said.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Promised {
    pub expected_seconds: u32,
    pub low_minutes: u32,
    pub high_minutes: u32,
    pub baseline_seconds: u32,
}

impl Promised {
    /// Whole seconds of `minutes`, for keeping.
    pub fn seconds(minutes: f64) -> u32 {
        // A float's cast saturates: negative and NaN give 0, huge gives u32::MAX.
        (minutes * 60.0).round() as u32
    }

    pub fn expected_minutes(&self) -> f64 {
        f64::from(self.expected_seconds) / 60.0
    }

    pub fn baseline_minutes(&self) -> f64 {
        f64::from(self.baseline_seconds) / 60.0
    }
}

/// "A012": the business type's prefix and a per-day sequence, at least three digits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct TicketNumber {
    pub prefix: char,
    pub seq: u32,
}

impl fmt::Display for TicketNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}{:03}", self.prefix, self.seq)
    }
}

/// Why a ticket may go ahead of walk-ins. Everything but `Normal` is a priority ticket.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Priority {
    Normal,
    /// Arrived within the window of a booked appointment.
    Appointment,
    /// Elderly or disabled customers (绿色通道).
    GreenChannel,
    /// Recognised key accounts (大客户).
    KeyAccount,
}

impl Priority {
    pub fn is_priority(self) -> bool {
        self != Priority::Normal
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    /// A signed-in customer on the web, or a scan of the hall's QR code.
    Remote,
    Kiosk,
    Appointment,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum TicketState {
    Waiting,
    /// Called to a counter; the customer is on the way.
    Called,
    Serving,
    Served,
    NoShow,
    Cancelled,
}

impl TicketState {
    /// Still in the hall's queue or at a counter.
    pub fn is_active(self) -> bool {
        matches!(
            self,
            TicketState::Waiting | TicketState::Called | TicketState::Serving
        )
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Rating {
    /// 1 (bad) to 5 (good).
    pub stars: u8,
    pub comment: String,
    pub at: i64,
}

/// Times are epoch milliseconds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Ticket {
    /// Position in the day's issue order, from 1; unique within the hall's day.
    pub id: u32,
    pub number: TicketNumber,
    pub business: BusinessType,
    pub priority: Priority,
    pub channel: Channel,
    pub customer_id: Option<i64>,
    pub phone: Option<String>,
    /// When the customer checked in; kept across transfers, so a transfer never loses a place.
    pub issued_at: i64,
    pub state: TicketState,
    /// The counter it was called to, or the one it was transferred to.
    pub counter: Option<u32>,
    /// How many times it has been called at its current counter.
    pub calls: u32,
    pub last_called_at: Option<i64>,
    pub first_called_at: Option<i64>,
    pub service_started_at: Option<i64>,
    pub finished_at: Option<i64>,
    pub rating: Option<Rating>,
    /// The wait it was shown at check-in, kept to measure the live figures' accuracy.
    #[serde(default)]
    pub promised: Option<Promised>,
    /// A key account's ticket offered first to its account manager's counter.
    #[serde(default)]
    pub offered: Option<Offer>,
    /// The priority asked for from home (green channel, key account): the ticket waits as
    /// normal until someone at the hall (the kiosk, a clerk) confirms it.
    #[serde(default)]
    pub requested: Option<Priority>,
}

/// A ticket held for one counter (its key account's manager) until a time; after it, or once
/// that counter stops calling, any counter of its business may call it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Offer {
    pub counter: u32,
    pub until: i64,
}

impl Ticket {
    /// A ticket just issued: waiting, never called, no customer attached.
    pub fn waiting(
        id: u32,
        number: TicketNumber,
        business: BusinessType,
        priority: Priority,
        channel: Channel,
        issued_at: i64,
    ) -> Ticket {
        Ticket {
            id,
            number,
            business,
            priority,
            channel,
            customer_id: None,
            phone: None,
            issued_at,
            state: TicketState::Waiting,
            counter: None,
            calls: 0,
            last_called_at: None,
            first_called_at: None,
            service_started_at: None,
            finished_at: None,
            rating: None,
            promised: None,
            offered: None,
            requested: None,
        }
    }

    /// The counter it is held for now, if any.
    pub fn held_for(&self, now: i64) -> Option<u32> {
        self.offered
            .filter(|o| self.is_waiting() && now < o.until)
            .map(|o| o.counter)
    }

    pub fn is_waiting(&self) -> bool {
        self.state == TicketState::Waiting
    }

    /// Minutes since check-in.
    pub fn waited_minutes(&self, now: i64) -> f64 {
        (now - self.issued_at).max(0) as f64 / 60_000.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_have_at_least_three_digits() {
        assert_eq!(
            TicketNumber {
                prefix: 'A',
                seq: 12
            }
            .to_string(),
            "A012"
        );
        assert_eq!(
            TicketNumber {
                prefix: 'B',
                seq: 1234
            }
            .to_string(),
            "B1234"
        );
    }
}
