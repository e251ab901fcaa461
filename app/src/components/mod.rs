//! Pieces shared by several pages.

pub mod bar_chart;
pub mod board;
pub mod book;
pub mod broadcast;
pub mod business_select;
pub mod call_chat;
pub mod call_screen;
pub mod cards;
pub mod chat_parts;
pub mod consult_thread;
pub mod device_head;
pub mod display_content;
pub mod feedback;
pub mod form;
pub mod guard;
pub mod hall_select;
pub mod header;
pub mod progress;
pub mod project_action;
pub mod published;
pub mod qr;
pub mod queue_labels;
pub mod rating;
pub mod slots;
pub mod take_number;
pub mod usage;
