//! Pieces shared by several pages.

pub mod cards;
pub mod feedback;
pub mod form;
pub mod guard;
pub mod header;
pub mod queue_labels;
pub mod take_number;
