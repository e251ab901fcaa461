//! The web's defences, decided here and applied by the Worker in one place
//! (`functions/src/defences.rs`): the headers every response carries, the refusal of
//! state-changing requests from other sites, and the limits on what anyone may do without
//! signing in. README, "Security", says what each protects.

pub mod headers;
pub mod limits;
pub mod same_origin;
