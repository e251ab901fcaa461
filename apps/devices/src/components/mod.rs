//! The TV's own pieces: its slides and the outage ticker.

pub mod display_content;
