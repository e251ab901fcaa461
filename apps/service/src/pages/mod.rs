//! One module per route.

pub mod application;
pub mod applications;
pub mod intake;
pub mod work_order;
pub mod work_orders;
