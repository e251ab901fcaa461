//! Pieces that pages of more than one app use (those of one app live in that app).

pub mod bar_chart;
pub mod board;
pub mod broadcast;
pub mod business_select;
pub mod call_chat;
pub mod call_screen;
pub mod cards;
pub mod case_contacts;
pub mod chat_parts;
pub mod consultation_thread;
pub mod feedback;
pub mod form;
pub mod frame;
pub mod guard;
pub mod hall_select;
pub mod header;
pub mod icons;
pub mod not_found;
pub mod published;
pub mod qr;
pub mod queue_labels;
pub mod rating;
pub mod repair_times;
pub mod slots;
pub mod take_number;
pub mod workspace;
