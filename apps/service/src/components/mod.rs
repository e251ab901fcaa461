//! Pieces the application and work-order pages share.

pub mod progress;
