//! Pieces several signed-in pages share.

pub mod progress;
pub mod project_action;
pub mod usage;
