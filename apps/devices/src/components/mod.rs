//! Pieces the TV display and the kiosk share.

pub mod device_head;
pub mod display_content;
pub mod pairing;
