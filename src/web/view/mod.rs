//! Rendering: the filter controls' options and counts, the result rows, the detail.

pub mod controls;
pub mod detail;
pub mod list;
