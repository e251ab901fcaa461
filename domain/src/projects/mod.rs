//! Business expansion (业扩报装): connection projects shared by the customer, the utility and four
//! kinds of firm, run on regulated working-day deadlines.

pub mod bodies;
pub mod clock_records;

pub mod deadlines;
pub mod glance;
pub mod guide;
pub mod kinds;
pub mod labels;
pub mod notify;
pub mod process;
pub mod report;
pub mod schedule;
pub mod solar;
pub mod whole;
