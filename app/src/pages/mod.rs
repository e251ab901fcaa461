//! One module per route.

pub mod account;
pub mod appointments;
pub mod consult;
pub mod display;
pub mod hall;
pub mod home;
pub mod inbox;
pub mod kiosk;
pub mod login;
pub mod not_found;
pub mod notices;
pub mod project;
pub mod projects;
pub mod register;
pub mod staff;
pub mod ticket;
pub mod video;
pub mod video_call;
