//! One module per route.

pub mod ticket;
