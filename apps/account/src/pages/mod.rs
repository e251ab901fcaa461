//! One module per route.

pub mod account;
pub mod appointments;
pub mod consultations;
pub mod inbox;
mod notify_settings;
pub mod pay;
pub mod receipt;
pub mod services;
pub mod utility_account;
