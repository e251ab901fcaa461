//! Counters as the queue sees them: what they serve and whether they are calling.

use crate::halls::BusinessType;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum CounterStatus {
    Open,
    Paused { reason: String },
    Closed,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CounterState {
    pub number: u32,
    pub serves: Vec<BusinessType>,
    pub status: CounterStatus,
}

impl CounterState {
    /// An open counter serving `serves`.
    pub fn open(number: u32, serves: &[BusinessType]) -> CounterState {
        CounterState {
            number,
            serves: serves.to_vec(),
            status: CounterStatus::Open,
        }
    }

    pub fn is_open(&self) -> bool {
        self.status == CounterStatus::Open
    }
}
