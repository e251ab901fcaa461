//! The messages on a hall's WebSocket and what a subscriber does with them. After each change
//! the queue object sends the hall's whole state; a call is also sent on its own just before,
//! because it is tiny and reaches every screen first, while the snapshot that follows carries
//! everything else. A reconnecting client gets a snapshot first, so it never misses a call.

use super::protocol::{CallView, QueueSnapshot, RECENT_CALLS};
use super::ticket::TicketState;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum QueueMessage {
    /// The hall's state after the change numbered `seq`.
    Snapshot(QueueSnapshot),
    /// A call or recall, the change numbered `seq`; its snapshot follows.
    Called { seq: u64, call: CallView },
}

impl QueueSnapshot {
    /// Shows a call before its snapshot arrives: at its counter, first among the recent calls,
    /// and no longer waiting. A call the snapshot already holds changes nothing.
    pub fn apply_call(&mut self, seq: u64, call: &CallView) {
        if seq <= self.seq {
            return;
        }
        self.seq = seq;
        if let Some(counter) = self.counters.iter_mut().find(|c| c.number == call.counter) {
            counter.current = Some(call.number);
            counter.current_id = Some(call.ticket_id);
            counter.current_state = Some(TicketState::Called);
        }
        self.waiting.retain(|w| w.id != call.ticket_id);
        self.recent_calls.insert(0, call.clone());
        self.recent_calls.truncate(RECENT_CALLS);
    }
}

/// The latest state a subscriber should show after `message`, given what it showed before.
pub fn receive(current: Option<QueueSnapshot>, message: QueueMessage) -> Option<QueueSnapshot> {
    match message {
        QueueMessage::Snapshot(snapshot) => Some(snapshot),
        QueueMessage::Called { seq, call } => current.map(|mut s| {
            s.apply_call(seq, &call);
            s
        }),
    }
}

#[cfg(test)]
mod tests;
