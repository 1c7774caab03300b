//! `meeting-search query FEED [options]`: searches a feed with the same core as the widget
//! and prints one line per result, `slug<TAB>day<TAB>HH:MM` (`-` when missing) plus
//! `<TAB>distance` with two decimals when a point is set; `--count` prints the number of
//! results only, `--facets` the counts a filter menu would show.

use std::io::Read;

use meeting_search::feed::{self, ReadOptions};
use meeting_search::model::{LatLon, Minutes, Weekday};
use meeting_search::search::{
    AttendanceFilter, Facets, Index, Now, Query, TimeFilter, TimeOfDay, Units,
};
use meeting_search::types::{Program, TypeNames};

const USAGE: &str = "usage: meeting-search query FEED [options]
  --day N                 0 = Sunday … 6 = Saturday (repeatable)
  --type CODE             type code, any case (repeatable; all required)
  --time BUCKET|HH:MM-HH:MM   morning, midday, evening, night, or a start-time window
  --attendance CHOICE     in-person, online, hybrid or inactive
  --region NAME           a region and everything below it
  --near LAT,LON          order by distance from a point (meetings without coordinates
                          and online-only meetings are left out)
  --near-place TEXT       the same, from a town, postal code or region named in the feed
  --within N              radius around the point
  --units mi|km           units of --within and of the distances (default mi)
  --text WORDS            every word must begin a word of the meeting
  --now DAY,HH:MM         order as a rolling week from then; marks meetings in progress
  --timezone ZONE         time zone for meetings whose feed gives none
  --formats FILE          BMLT GetFormats answer naming a bare BMLT feed's formats
  --program aa|al-anon|na which fellowship's type names the words search (default aa)
  --count                 print only the number of results
  --facets                print the counts for every option
FEED is a path, or - for standard input.";

/// What to print.
#[derive(PartialEq, Eq)]
enum Output {
    Lines,
    Count,
    Facets,
}

/// Everything the command line said.
struct Args {
    feed: String,
    query: Query,
    near_place: Option<String>,
    options: ReadOptions,
    program: Program,
    output: Output,
}

/// Runs the subcommand with its arguments; returns the exit code.
pub fn run(args: &[String]) -> i32 {
    if args.iter().any(|a| a == "-h" || a == "--help") {
        println!("{USAGE}");
        return 0;
    }
    let args = match parse(args) {
        Ok(a) => a,
        Err(problem) => {
            eprintln!("meeting-search query: {problem}\n{USAGE}");
            return 2;
        }
    };
    let bytes = match read_input(&args.feed) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("meeting-search query: cannot read {}: {e}", args.feed);
            return 1;
        }
    };
    let feed = match feed::read(&bytes, &args.options) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("meeting-search query: {}: {e}", args.feed);
            return 1;
        }
    };
    let mut names = TypeNames::english(args.program);
    for (code, name) in &feed.type_names {
        names.add_name(code, name);
    }
    let index = Index::build(feed.meetings, names, Default::default());
    let mut query = args.query;
    if let Some(text) = &args.near_place {
        let candidates = index.places(text);
        let Some(first) = candidates.first() else {
            eprintln!("meeting-search query: no place in the feed is called {text:?}");
            return 1;
        };
        eprintln!(
            "near {} ({:.5},{:.5}), named by {} meetings",
            first.label, first.point.lat, first.point.lon, first.meetings
        );
        for other in &candidates[1..] {
            eprintln!("  (also: {}, {} meetings)", other.label, other.meetings);
        }
        query.near = Some(first.point);
    }
    match args.output {
        Output::Count => println!("{}", index.query(&query).hits.len()),
        Output::Facets => print_facets(&index.facets(&query)),
        Output::Lines => {
            let meetings = index.meetings();
            let mut out = String::new();
            for hit in index.query(&query).hits {
                let m = &meetings[hit.meeting as usize];
                out.push_str(&m.slug);
                out.push('\t');
                match hit.occurrence {
                    Some(o) => out.push_str(&o.day.number().to_string()),
                    None => out.push('-'),
                }
                out.push('\t');
                match hit.occurrence.and_then(|o| o.time) {
                    Some(t) => out.push_str(&hhmm(t.start)),
                    None => out.push('-'),
                }
                if let Some(d) = hit.distance {
                    out.push_str(&format!("\t{d:.2}"));
                }
                out.push('\n');
            }
            print!("{out}");
        }
    }
    0
}

fn read_input(path: &str) -> std::io::Result<Vec<u8>> {
    if path == "-" {
        let mut bytes = Vec::new();
        std::io::stdin().read_to_end(&mut bytes)?;
        Ok(bytes)
    } else {
        std::fs::read(path)
    }
}

fn hhmm(m: Minutes) -> String {
    format!("{:02}:{:02}", m / 60, m % 60)
}

fn print_facets(f: &Facets) {
    for (d, n) in f.days.iter().enumerate() {
        println!("day\t{d}\t{n}");
    }
    for (name, n) in ["morning", "midday", "evening", "night"]
        .iter()
        .zip(f.times)
    {
        println!("time\t{name}\t{n}");
    }
    for (code, n) in &f.types {
        println!("type\t{code}\t{n}");
    }
    for (path, n) in &f.regions {
        println!("region\t{}\t{n}", path.join(" > "));
    }
    let choices = ["in-person", "online", "hybrid", "inactive"];
    for (name, n) in choices.iter().zip(f.attendance) {
        println!("attendance\t{name}\t{n}");
    }
}

fn parse(args: &[String]) -> Result<Args, String> {
    let mut feed = None;
    let mut query = Query::default();
    let mut near_place = None;
    let mut options = ReadOptions::default();
    let mut program = Program::Aa;
    let mut output = Output::Lines;
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        let mut value = || {
            it.next()
                .map(String::as_str)
                .ok_or_else(|| format!("{arg} needs a value"))
        };
        match arg.as_str() {
            "--day" => query.days.push(day(value()?)?),
            "--type" => query.types.push(value()?.to_string()),
            "--time" => query.time = Some(time(value()?)?),
            "--attendance" => {
                query.attendance = Some(match value()? {
                    "in-person" | "in_person" => AttendanceFilter::InPerson,
                    "online" => AttendanceFilter::Online,
                    "hybrid" => AttendanceFilter::Hybrid,
                    "inactive" => AttendanceFilter::Inactive,
                    v => return Err(format!("unknown attendance {v:?}")),
                })
            }
            "--region" => query.region = Some(value()?.to_string()),
            "--near" => {
                let v = value()?;
                let (lat, lon) = v
                    .split_once(',')
                    .ok_or_else(|| format!("--near wants LAT,LON, not {v:?}"))?;
                query.near = Some(
                    LatLon::new(number(lat)?, number(lon)?)
                        .ok_or_else(|| format!("{v:?} is not a point on the earth"))?,
                );
            }
            "--near-place" => near_place = Some(value()?.to_string()),
            "--within" => {
                let w = number(value()?)?;
                if w < 0.0 {
                    return Err("--within cannot be negative".into());
                }
                query.within = Some(w);
            }
            "--units" => {
                query.units = match value()? {
                    "mi" => Units::Miles,
                    "km" => Units::Kilometres,
                    v => return Err(format!("unknown units {v:?} (mi or km)")),
                }
            }
            "--text" => query.text = value()?.to_string(),
            "--now" => {
                let v = value()?;
                let (d, t) = v
                    .split_once(',')
                    .ok_or_else(|| format!("--now wants DAY,HH:MM, not {v:?}"))?;
                query.now = Some(Now {
                    day: day(d)?,
                    minute: clock(t)?,
                });
            }
            "--timezone" => options.default_timezone = Some(value()?.to_string()),
            "--formats" => {
                let path = value()?;
                let bytes = std::fs::read(path).map_err(|e| format!("cannot read {path}: {e}"))?;
                options.bmlt_formats = Some(bytes);
            }
            "--program" => {
                program = match value()? {
                    "aa" => Program::Aa,
                    "al-anon" => Program::AlAnon,
                    "na" => Program::Na,
                    v => return Err(format!("unknown program {v:?} (aa, al-anon, na)")),
                }
            }
            "--count" => output = Output::Count,
            "--facets" => output = Output::Facets,
            a if a.starts_with("--") => return Err(format!("unknown option {a}")),
            a => {
                if feed.replace(a.to_string()).is_some() {
                    return Err("only one FEED".into());
                }
            }
        }
    }
    if query.within.is_some() && query.near.is_none() && near_place.is_none() {
        return Err("--within needs --near or --near-place".into());
    }
    Ok(Args {
        feed: feed.ok_or("FEED is required")?,
        query,
        near_place,
        options,
        program,
        output,
    })
}

fn number(s: &str) -> Result<f64, String> {
    s.trim()
        .parse::<f64>()
        .ok()
        .filter(|x| x.is_finite())
        .ok_or_else(|| format!("{s:?} is not a number"))
}

fn day(s: &str) -> Result<Weekday, String> {
    s.trim()
        .parse::<u8>()
        .ok()
        .and_then(Weekday::new)
        .ok_or_else(|| format!("{s:?} is not a day number 0 (Sunday) … 6 (Saturday)"))
}

fn clock(s: &str) -> Result<Minutes, String> {
    let bad = || format!("{s:?} is not a time HH:MM");
    let (h, m) = s.trim().split_once(':').ok_or_else(bad)?;
    let h: Minutes = h.parse().map_err(|_| bad())?;
    let m: Minutes = m.parse().map_err(|_| bad())?;
    if h < 24 && m < 60 {
        Ok(h * 60 + m)
    } else {
        Err(bad())
    }
}

fn time(s: &str) -> Result<TimeFilter, String> {
    Ok(match s {
        "morning" => TimeFilter::Bucket(TimeOfDay::Morning),
        "midday" => TimeFilter::Bucket(TimeOfDay::Midday),
        "evening" => TimeFilter::Bucket(TimeOfDay::Evening),
        "night" => TimeFilter::Bucket(TimeOfDay::Night),
        window => {
            let (from, to) = window.split_once('-').ok_or_else(|| {
                format!("{window:?} is not morning, midday, evening, night or HH:MM-HH:MM")
            })?;
            TimeFilter::Window {
                from: clock(from)?,
                to: clock(to)?,
            }
        }
    })
}
