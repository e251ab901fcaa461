//! The virtual queue of one hall for one day: tickets, who is called next, the state machine,
//! wait estimates and the simulation that measures them.

pub mod config;
pub mod select;
pub mod ticket;

pub use config::QueueConfig;
pub use ticket::{Channel, Offer, Priority, Promised, Rating, Ticket, TicketNumber, TicketState};

pub mod counters;
pub mod engine;
pub mod events;
pub mod patience;
pub mod stats;

pub use counters::{Clerk, CounterChange, CounterState, CounterStatus};
pub use engine::{check_rating, Acting, CheckIn, HallQueue, Transfer};
pub use events::{EventKind, QueueEvent};
pub mod estimate;
pub use estimate::{estimate_waits, Estimate, WaitRange};
pub mod announce;
pub mod board;
pub mod feed;
pub mod persist;
pub mod protocol;
pub mod sim;
pub use persist::QueueMeta;
pub mod appointments;
pub mod remote;
pub mod requests;
pub mod shortcuts;
