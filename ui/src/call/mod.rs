//! Video calls in the browser: devices (`media`), the WebRTC connection (`peer`) and one
//! participant's side of a call (`session`). Pages and components use `session`.

pub mod media;
pub mod peer;
pub mod session;
