//! One module per route.

pub mod account;
pub mod application;
pub mod applications;
pub mod appointments;
pub mod consult;
pub mod inbox;
pub mod pay;
pub mod project;
pub mod projects;
pub mod receipt;
pub mod services;
pub mod utility_account;
pub mod work_order;
pub mod work_orders;
