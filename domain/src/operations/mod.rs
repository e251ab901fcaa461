//! Running halls from numbers: how many counters an hour needs (queueing formulas checked
//! against the queue simulation), and the figures the managers' dashboard shows.

pub mod abandonment;
pub mod staffing;

#[cfg(test)]
mod simulation_check;
