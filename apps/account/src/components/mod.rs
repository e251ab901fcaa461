//! Pieces several signed-in pages share.

pub mod new_energy;
pub mod usage;
