//! Gridhall's domain: the types, rules and policies shared by the Worker (`functions`) and the
//! app. Pure Rust with no I/O, so everything here is tested natively.

pub mod accounts;
pub mod apps;
pub mod billing;
pub mod calendar;
pub mod clock_text;
pub mod consultations;
pub mod content;
pub mod csv;
pub mod displays;
pub mod error;
pub mod files;
pub mod firms;
pub mod follow_ups;
pub mod halls;
pub mod hours;
pub mod kiosk;
pub mod notices;
pub mod notify;
#[cfg(feature = "schema")]
pub mod openapi;
pub mod operations;
pub mod period;
pub mod policy;
pub mod projects;
pub mod queue;
pub mod roles;
pub mod routes;
pub mod security;
pub mod service;
pub mod users;
pub mod video;
pub mod wire;
pub mod workspace;

pub use error::{ApiError, ApiResult, ErrorCode, Reason};
pub use roles::Role;

/// Largest request body the API reads.
pub const MAX_BODY_BYTES: usize = 1024 * 1024;
