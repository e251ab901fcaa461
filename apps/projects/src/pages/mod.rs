//! One module per route.

pub mod project;
pub mod projects;
