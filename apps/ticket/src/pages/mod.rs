//! One module per route, and the ticket's reminder form.

mod reminder;
pub mod ticket;
