//! The public live wait: each hall's waiting count and the wait range for someone checking in
//! now, per business type and for the hall as a whole. Served as open data, cacheable briefly.

use crate::queue::estimate::WaitRange;
use crate::queue::protocol::{QueueSnapshot, TypeWaiting};
use serde::{Deserialize, Serialize};

/// Seconds a client or cache may keep the figures.
pub const MAX_AGE_SECONDS: u32 = 5;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct HallWait {
    pub hall_id: String,
    pub name: String,
    pub name_en: String,
    pub open: bool,
    pub waiting: u32,
    /// From the quickest to the slowest type an open counter serves; none when none is open.
    pub wait: Option<WaitRange>,
    pub by_type: Vec<TypeWaiting>,
    /// Last week's share of tickets called inside the range they were shown; none before any
    /// were measured.
    #[serde(default)]
    pub inside_share_last_week: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct LiveWait {
    /// Epoch milliseconds the figures were read.
    pub at: i64,
    pub max_age_seconds: u32,
    pub halls: Vec<HallWait>,
}

impl HallWait {
    pub fn new(id: &str, name: &str, name_en: &str, open: bool, queue: &QueueSnapshot) -> Self {
        let ranges = || queue.by_type.iter().filter_map(|t| t.wait);
        let wait = ranges()
            .map(|r| r.low_minutes)
            .min()
            .zip(ranges().map(|r| r.high_minutes).max())
            .map(|(low_minutes, high_minutes)| WaitRange {
                low_minutes,
                high_minutes,
            });
        HallWait {
            hall_id: id.into(),
            name: name.into(),
            name_en: name_en.into(),
            open,
            waiting: queue.by_type.iter().map(|t| t.waiting).sum(),
            wait: wait.filter(|_| open),
            // A closed hall promises no wait, whatever its counters' state.
            by_type: queue
                .by_type
                .iter()
                .map(|t| TypeWaiting {
                    wait: t.wait.filter(|_| open),
                    ..t.clone()
                })
                .collect(),
            inside_share_last_week: None,
        }
    }
}
