//! Pieces of the staff workspace's pages.

pub mod csv_button;
pub mod ops_tables;
