//! The rules a hall's queue runs by, with the defaults the issue and the seeds give.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct QueueConfig {
    /// Out of every `priority_share + normal_share` calls, at most `priority_share` go to
    /// priority tickets while normal tickets wait (default 1 : 2).
    pub priority_share: u32,
    pub normal_share: u32,
    /// A normal ticket waiting this long is called like a priority ticket, so none starves.
    pub ageing_minutes: u32,
    /// After this many calls without the customer coming, the ticket may be marked a no-show,
    /// and it may not be recalled again.
    pub max_calls: u32,
    /// The least time between two calls of one ticket.
    pub recall_gap_seconds: u32,
    /// An appointment's arrival window around its slot start.
    pub appointment_early_minutes: u32,
    pub appointment_late_minutes: u32,
    /// An appointment not arrived for is released this long after its slot starts.
    pub appointment_hold_minutes: u32,
    /// A counter open this long with none of its own types waiting takes the longest-waiting
    /// customer of a type its clerk is trained for (dynamic counters).
    #[serde(default = "default_overflow_idle")]
    pub overflow_idle_minutes: u32,
    /// A key account's ticket is held this long for its account manager's counter.
    #[serde(default = "default_account_manager_hold")]
    pub account_manager_hold_minutes: u32,
}

fn default_account_manager_hold() -> u32 {
    QueueConfig::default().account_manager_hold_minutes
}

fn default_overflow_idle() -> u32 {
    QueueConfig::default().overflow_idle_minutes
}

impl Default for QueueConfig {
    fn default() -> Self {
        QueueConfig {
            priority_share: 1,
            normal_share: 2,
            ageing_minutes: 20,
            max_calls: 3,
            recall_gap_seconds: 30,
            appointment_early_minutes: 15,
            appointment_late_minutes: 10,
            appointment_hold_minutes: 30,
            overflow_idle_minutes: 3,
            account_manager_hold_minutes: 10,
        }
    }
}
