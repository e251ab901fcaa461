//! One module per route.

pub mod hall;
pub mod info;
pub mod login;
pub mod register;
