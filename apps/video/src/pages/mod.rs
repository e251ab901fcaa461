//! One module per route.

pub mod video;
pub mod video_call;
