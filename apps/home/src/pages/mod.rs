//! One module per route.

pub mod home;
pub mod live_wait;
pub mod notices;
