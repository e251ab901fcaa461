//! Running halls from numbers: the managers' dashboard over finished tickets, when customers
//! come and will come, and how many counters an hour needs (queueing formulas checked against
//! the queue simulation).

pub mod abandonment;
pub mod accuracy;
pub mod dashboard;
pub mod facts;
pub mod figures;
pub mod forecast;
pub mod kpis;
pub mod live_wait;
pub mod plan;
pub mod staffed;
pub mod staffing;
pub mod tally;

#[cfg(test)]
mod simulation_check;
#[cfg(test)]
mod tally_tests;
#[cfg(test)]
mod tests;
