//! `meeting-search`: the native command for feed maintainers and scripts.
//!
//! `check FEED` reports what is wrong with a feed; `query FEED` searches it with the
//! same core as the widget; `generate` writes a realistic demo feed.

mod check;
mod generate;
mod query;

const USAGE: &str = "usage:
  meeting-search check FEED [--formats FILE] [--timezone ZONE] [--json]
  meeting-search query FEED [options]   (see --help after query)
  meeting-search generate --meetings N --seed S
FEED is a path, or - for standard input.";

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let code = match args.first().map(String::as_str) {
        Some("check") => check::run(&args[1..]),
        Some("query") => query::run(&args[1..]),
        Some("generate") => generate::run(&args[1..]),
        Some("-h" | "--help" | "help") => {
            println!("{USAGE}");
            0
        }
        _ => {
            eprintln!("{USAGE}");
            2
        }
    };
    std::process::exit(code);
}
