//! `meeting-search generate`.

/// Runs the subcommand with its arguments; returns the exit code.
pub fn run(_args: &[String]) -> i32 {
    eprintln!("not built yet");
    2
}
