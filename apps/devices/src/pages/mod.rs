//! One module per route.

pub mod display;
