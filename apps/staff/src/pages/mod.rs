//! One module per route: the console (one page per job comes later) and operations.

pub mod console;
pub mod operations;
