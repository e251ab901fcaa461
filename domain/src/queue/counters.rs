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
    pub fn is_open(&self) -> bool {
        self.status == CounterStatus::Open
    }
}
