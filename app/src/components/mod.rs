//! Pieces shared by several pages.

pub mod cards;
pub mod feedback;
pub mod form;
pub mod guard;
pub mod header;
