//! What happened to a ticket, when and by whom: the record analytics and audits read.

use super::select::CallReason;
use super::ticket::TicketNumber;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum EventKind {
    Issued,
    Called,
    Recalled,
    ServiceStarted,
    Served,
    NoShow,
    Transferred,
    Cancelled,
    Rated,
    /// A priority asked for from home was confirmed at the hall.
    PriorityConfirmed,
}

impl EventKind {
    pub fn as_str(self) -> &'static str {
        match self {
            EventKind::Issued => "issued",
            EventKind::Called => "called",
            EventKind::Recalled => "recalled",
            EventKind::ServiceStarted => "service_started",
            EventKind::Served => "served",
            EventKind::NoShow => "no_show",
            EventKind::Transferred => "transferred",
            EventKind::Cancelled => "cancelled",
            EventKind::Rated => "rated",
            EventKind::PriorityConfirmed => "priority_confirmed",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct QueueEvent {
    /// Increases by one with every change to the hall's queue.
    pub seq: u64,
    pub at: i64,
    pub kind: EventKind,
    pub ticket_id: u32,
    pub number: TicketNumber,
    pub counter: Option<u32>,
    /// The user who acted; `None` for a kiosk or the system.
    pub actor: Option<i64>,
    /// Why a ticket was called, when it was.
    pub reason: Option<CallReason>,
    /// Free text: a pause reason, a transfer target, a rating.
    pub detail: Option<String>,
}
