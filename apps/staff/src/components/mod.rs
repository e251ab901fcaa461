//! Pieces of the staff workspace's pages.

pub mod csv_button;
pub mod kpi_tiles;
pub mod manager;
pub mod ops_tables;
pub mod staffing_chart;
