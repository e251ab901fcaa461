//! How a queue is stored: the small state in one record, each ticket in its own, so a change
//! writes what it touched rather than the whole day.

use super::board::Board;
use super::config::QueueConfig;
use super::counters::CounterState;
use super::engine::HallQueue;
use super::patience::Patience;
use super::select::Fairness;
use super::stats::ServiceStats;
use super::ticket::Ticket;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Everything but the tickets and the idempotency keys.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct QueueMeta {
    pub hall_id: String,
    pub day: String,
    pub config: QueueConfig,
    pub counters: Vec<CounterState>,
    pub fairness: Fairness,
    pub next_seq: BTreeMap<char, u32>,
    #[serde(default)]
    pub business: crate::halls::business::BusinessSettings,
    pub stats: ServiceStats,
    #[serde(default)]
    pub patience: Patience,
    pub seq: u64,
    /// Absent in queues stored before the board existed.
    #[serde(default)]
    pub board: Board,
    /// The day's closing, until the counters were signed out at it.
    #[serde(default)]
    pub closes_at: Option<i64>,
}

impl HallQueue {
    pub fn meta(&self) -> QueueMeta {
        QueueMeta {
            hall_id: self.hall_id.clone(),
            day: self.day.clone(),
            config: self.config.clone(),
            counters: self.counters.clone(),
            fairness: self.fairness,
            next_seq: self.next_seq.clone(),
            business: self.business.clone(),
            stats: self.stats.clone(),
            patience: self.patience,
            seq: self.seq,
            board: self.board.clone(),
            closes_at: self.closes_at,
        }
    }

    /// Rebuilds a queue from its stored parts; tickets may come in any order.
    pub fn restore(
        meta: QueueMeta,
        mut tickets: Vec<Ticket>,
        idempotency: BTreeMap<String, u32>,
    ) -> HallQueue {
        tickets.sort_by_key(|t| t.id);
        let mut queue = HallQueue::new(&meta.hall_id, &meta.day, meta.counters, meta.config);
        queue.fairness = meta.fairness;
        queue.next_seq = meta.next_seq;
        queue.business = meta.business;
        queue.stats = meta.stats;
        queue.patience = meta.patience;
        queue.seq = meta.seq;
        queue.board = meta.board;
        queue.closes_at = meta.closes_at;
        queue.tickets = tickets;
        queue.idempotency = idempotency;
        queue
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::halls::BusinessType::Payment;
    use crate::queue::{CheckIn, Priority};

    #[test]
    fn a_restored_queue_equals_the_original() {
        let counters = vec![CounterState::open(1, &[Payment])];
        let mut q = HallQueue::new("h", "2026-11-23", counters, QueueConfig::default());
        let mut business = crate::halls::business::BusinessSettings::default();
        let capped = crate::halls::business::BusinessSetting {
            daily_cap: Some(9),
            ..*business.get(Payment)
        };
        business.set(capped).unwrap();
        q.set_business(business);
        for i in 0..3 {
            let req = CheckIn {
                idempotency_key: Some(format!("k{i}")),
                ..CheckIn::walk_in(Payment, Priority::Normal)
            };
            q.check_in(req, i * 1000).unwrap();
        }
        q.call_next(1, None, 5000).unwrap();
        q.take_events();
        let mut tickets = q.tickets.clone();
        tickets.reverse();
        let restored = HallQueue::restore(q.meta(), tickets, q.idempotency.clone());
        assert_eq!(restored, q);
    }
}
