//! What customers ask of the utility online besides paying: applications that change an account
//! (rename, tariff change, suspension, new connection) and work orders of the 95598 kinds.

pub mod applications;
pub mod contacts;
pub mod guides;
pub mod intake;
pub mod work_orders;
