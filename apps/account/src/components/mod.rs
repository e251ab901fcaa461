//! Pieces several signed-in pages share.

pub mod usage;
