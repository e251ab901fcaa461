//! One module per route.

pub mod kiosk;
