//! Video-assisted service: a customer's call room with an agent, and what travels through it.
//! The call room Durable Object holds a `room::Room` and asks it about every join, message and
//! leave, so who may enter and who hears what is decided and tested here.

pub mod bodies;
pub mod desk;
pub mod protocol;
pub mod quality;
pub mod room;
pub mod signal;
