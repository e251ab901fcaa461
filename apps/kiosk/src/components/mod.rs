//! The kiosk's own pieces: its camera for documents, and reading a screen aloud.

pub mod camera;
pub mod read_aloud;
