//! Pieces of the online hall's pages.

pub mod book;
