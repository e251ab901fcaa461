//! Pieces shared by several pages.

pub mod book;
pub mod broadcast;
pub mod business_select;
pub mod cards;
pub mod device_head;
pub mod display_content;
pub mod feedback;
pub mod form;
pub mod guard;
pub mod header;
pub mod published;
pub mod qr;
pub mod queue_labels;
pub mod rating;
pub mod slots;
pub mod take_number;
