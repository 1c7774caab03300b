//! Rendering: the filter controls' options and counts, the result rows, the detail.

/// Ends each field of the packed strings the loader reads (result rows, `results()`, the
/// detail, the skeleton's parts); [`list::field`] drops it, with [`NEXT`], from feed text.
pub const FIELD: char = '\u{1}';
/// Separates the packed rows (and results), and the detail's parts.
pub const NEXT: char = '\u{2}';
/// Ends an option's value and an option's label in the skeleton's options parts.
pub const OPTION: char = '\u{3}';

pub mod controls;
pub mod detail;
pub mod list;
