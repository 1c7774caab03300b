//! `meeting-search generate --meetings N --seed S`: a realistic Meeting Guide feed on
//! standard output, the same for the same seed (see `meeting_search::generate`).

use meeting_search::generate::{feed_json, meetings};

const USAGE: &str = "usage: meeting-search generate --meetings N [--seed S]";

/// Runs the subcommand with its arguments; returns the exit code.
pub fn run(args: &[String]) -> i32 {
    let mut count: Option<usize> = None;
    let mut seed: u64 = 1;
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        let value = it.next().map(String::as_str);
        match (arg.as_str(), value) {
            ("--meetings", Some(v)) => match v.parse() {
                Ok(n) => count = Some(n),
                Err(_) => return usage("--meetings wants a whole number"),
            },
            ("--seed", Some(v)) => match v.parse() {
                Ok(s) => seed = s,
                Err(_) => return usage("--seed wants a whole number"),
            },
            _ => return usage("unknown or incomplete option"),
        }
    }
    let Some(count) = count else {
        return usage("--meetings is required");
    };
    println!("{}", feed_json(&meetings(count, seed)));
    0
}

fn usage(problem: &str) -> i32 {
    eprintln!("meeting-search generate: {problem}\n{USAGE}");
    2
}
