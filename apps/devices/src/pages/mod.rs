//! One module per route.

pub mod display;
pub mod kiosk;
