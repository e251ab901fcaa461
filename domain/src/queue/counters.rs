//! Counters as the queue sees them: what they serve, who is signed in, and whether they are
//! calling. A day starts with every counter closed; a clerk signing in opens one
//! (`engine::staffing`).

use crate::halls::BusinessType;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum CounterStatus {
    Open,
    Paused { reason: String },
    Closed,
}

impl CounterStatus {
    pub fn word(&self) -> &'static str {
        match self {
            CounterStatus::Open => "open",
            CounterStatus::Paused { .. } => "paused",
            CounterStatus::Closed => "closed",
        }
    }
}

/// The clerk signed in at a counter, by the name the console and the TV show.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Clerk {
    pub id: i64,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CounterState {
    pub number: u32,
    pub serves: Vec<BusinessType>,
    pub status: CounterStatus,
    /// Who is signed in; absent in queues stored before sign-in existed.
    #[serde(default)]
    pub clerk: Option<Clerk>,
    /// The types its clerk may take from another line when none of `serves` wait (the
    /// overflow rule, `select`); every type unless the hall narrows it.
    #[serde(default = "every_type")]
    pub trained: Vec<BusinessType>,
    /// Since when it has stood open with nothing in hand; `None` when not known (taken as
    /// long idle).
    #[serde(default)]
    pub idle_since: Option<i64>,
}

fn every_type() -> Vec<BusinessType> {
    BusinessType::ALL.to_vec()
}

impl CounterState {
    /// An open counter serving `serves`, with nobody named (simulations and tests).
    pub fn open(number: u32, serves: &[BusinessType]) -> CounterState {
        CounterState {
            number,
            serves: serves.to_vec(),
            status: CounterStatus::Open,
            clerk: None,
            trained: every_type(),
            idle_since: None,
        }
    }

    /// A counter nobody has signed in to: how every counter starts the day.
    pub fn closed(number: u32, serves: &[BusinessType]) -> CounterState {
        CounterState {
            status: CounterStatus::Closed,
            ..CounterState::open(number, serves)
        }
    }

    pub fn is_open(&self) -> bool {
        self.status == CounterStatus::Open
    }
}

/// A counter's staffing changed: the record of staffed hours (D1 `counter_changes`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CounterChange {
    /// From the queue's one sequence, shared with the tickets' events.
    pub seq: u64,
    pub at: i64,
    pub counter: u32,
    pub status: CounterStatus,
    /// The clerk signed in after the change (none once closed).
    pub clerk_id: Option<i64>,
    /// Who made the change; none for the closing of the hall.
    pub by: Option<i64>,
    /// The business types it serves from now, when the change was to them (a manager moving
    /// the counter to another line).
    #[serde(default)]
    pub serves: Option<Vec<BusinessType>>,
}
