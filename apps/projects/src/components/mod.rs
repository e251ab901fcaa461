//! Pieces the project pages share.

pub mod project_action;
