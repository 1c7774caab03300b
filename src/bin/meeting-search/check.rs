//! `meeting-search check FEED [--formats FILE] [--timezone ZONE] [--json]`: reads a feed
//! with the widget's own reader and tells its maintainer what is wrong with it, grouped
//! by problem with counts and the first few places.
//!
//! Exit codes: 0 the feed was read (even with warnings), 1 it could not be read at all,
//! 2 the command line is wrong.

use std::collections::BTreeMap;
use std::io::Read;

use meeting_search::feed::{self, Feed, Problem, ProblemKind, ReadOptions, Severity};
use serde_json::{json, Value};

/// How many places each group of problems lists.
const PLACES_SHOWN: usize = 3;
/// How many distinct found values each group lists.
const VALUES_SHOWN: usize = 5;

const USAGE: &str = "usage: meeting-search check FEED [--formats FILE] [--timezone ZONE] [--json]
  FEED             a feed file (Meeting Guide JSON or BMLT), or - for standard input
  --formats FILE   a BMLT GetFormats answer naming the feed's formats
  --timezone ZONE  the time zone of meetings whose feed gives none (e.g. America/New_York)
  --json           print one JSON object instead of text";

/// The parsed command line.
struct Args {
    feed: String,
    formats: Option<String>,
    timezone: Option<String>,
    json: bool,
}

fn parse_args(args: &[String]) -> Result<Args, String> {
    let mut feed = None;
    let mut formats = None;
    let mut timezone = None;
    let mut json = false;
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--json" => json = true,
            "--formats" => {
                formats = Some(it.next().ok_or("--formats needs a file")?.clone());
            }
            "--timezone" => {
                timezone = Some(it.next().ok_or("--timezone needs a zone")?.clone());
            }
            "-h" | "--help" => return Err(String::new()),
            other if other.starts_with("--") => return Err(format!("unknown option {other}")),
            other => {
                if feed.replace(other.to_owned()).is_some() {
                    return Err("give one feed only".to_owned());
                }
            }
        }
    }
    Ok(Args {
        feed: feed.ok_or("give a feed file, or - for standard input")?,
        formats,
        timezone,
        json,
    })
}

/// Runs the subcommand with its arguments; returns the exit code.
pub fn run(args: &[String]) -> i32 {
    let args = match parse_args(args) {
        Ok(args) => args,
        Err(message) if message.is_empty() => {
            println!("{USAGE}");
            return 0;
        }
        Err(message) => {
            eprintln!("meeting-search check: {message}\n{USAGE}");
            return 2;
        }
    };
    let bytes = match load(&args.feed) {
        Ok(bytes) => bytes,
        Err(reason) => return fail(&args, &reason),
    };
    let bmlt_formats = match args.formats.as_deref().map(load).transpose() {
        Ok(formats) => formats,
        Err(reason) => return fail(&args, &reason),
    };
    let options = ReadOptions {
        default_timezone: args.timezone.clone(),
        bmlt_formats,
    };
    match feed::read(&bytes, &options) {
        Ok(feed) => {
            if args.json {
                println!("{}", report_json(&feed));
            } else {
                print!("{}", report_text(&args.feed, &feed));
            }
            0
        }
        Err(e) => fail(&args, &e.to_string()),
    }
}

/// Reads a file, or standard input for `-`.
fn load(path: &str) -> Result<Vec<u8>, String> {
    let mut bytes = Vec::new();
    let result = if path == "-" {
        std::io::stdin().read_to_end(&mut bytes).map(|_| ())
    } else {
        std::fs::read(path).map(|b| bytes = b)
    };
    result
        .map(|()| bytes)
        .map_err(|e| format!("cannot read {path}: {e}"))
}

/// Reports a feed that could not be read; exit code 1.
fn fail(args: &Args, reason: &str) -> i32 {
    if args.json {
        println!("{}", json!({ "ok": false, "error": reason }));
    } else {
        eprintln!("{}: could not be read: {reason}", args.feed);
    }
    1
}

/// What a group of problems means, for the person who maintains the feed.
fn explain(kind: ProblemKind) -> &'static str {
    match kind {
        ProblemKind::RecordNotObject => {
            "List entries that are not meeting objects. They were skipped."
        }
        ProblemKind::RecordEmpty => {
            "Records with no name, slug, day or time. They were skipped."
        }
        ProblemKind::MissingName => {
            "Meetings without a name. The group, location or slug is shown instead."
        }
        ProblemKind::MissingSlug => {
            "Meetings without a slug. One was made from the name; give each meeting a stable, unique slug so links to it keep working."
        }
        ProblemKind::DuplicateSlug => {
            "Slugs used by more than one meeting. Later ones got -2, -3, ...; links to these meetings may open the wrong one."
        }
        ProblemKind::UnreadableDay => {
            "Days that could not be read (write 0-6, Sunday = 0). The meeting is listed without that day."
        }
        ProblemKind::DaySeven => "Day 7 was read as Sunday (the spec numbers Sunday 0).",
        ProblemKind::UnreadableTime => {
            "Times that could not be read (write HH:MM, 24-hour). A missing end time is taken as one hour after the start."
        }
        ProblemKind::EndTimeIsStart => {
            "End times equal to the start time. The meeting is shown as lasting one hour."
        }
        ProblemKind::MissingTime => {
            "Meetings with a day but no start time. They cannot be filtered by time of day."
        }
        ProblemKind::TimeWithoutDay => {
            "A time without a day. The meeting is listed as by appointment."
        }
        ProblemKind::MissingCoordinates => {
            "In-person meetings without coordinates. They cannot be found by distance; add latitude and longitude."
        }
        ProblemKind::UnreadableCoordinates => {
            "Coordinates that are not numbers, are out of range, or are 0,0. They were ignored."
        }
        ProblemKind::OnlineWithoutLink => {
            "Online or hybrid meetings with neither a conference link nor a phone number. Visitors cannot join them."
        }
        ProblemKind::ConferenceUrlNotWeb => {
            "Conference links that are not http(s) addresses. They were dropped."
        }
        ProblemKind::UnknownTypeCode => {
            "Type codes that are in no known list (a typo, or your fellowship's own code). They are kept and shown as written; the embed can name them."
        }
        ProblemKind::TypesAsText => {
            "Types written as text instead of a list (the spec wants [\"O\", \"C\"]). They were read as a list."
        }
        ProblemKind::UnknownFormat => {
            "BMLT formats missing from the formats table: an unknown key is kept as a type code, an unknown id is dropped. Give the formats file of the same server."
        }
        ProblemKind::HtmlInText => "HTML tags or entities in text. They were turned into plain text.",
        ProblemKind::UnknownAttendance => {
            "Attendance values (attendance_option, venue_type) that are not known. Attendance was worked out from the link and address instead."
        }
        ProblemKind::UnexpectedValue => {
            "Values of the wrong kind (a list or object where text belongs). They were ignored."
        }
        ProblemKind::NotAList => "A formats list that is not a list. It was ignored.",
    }
}

fn severity_name(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Note => "note",
    }
}

fn format_name(format: feed::Format) -> &'static str {
    match format {
        feed::Format::MeetingGuide => "Meeting Guide JSON",
        feed::Format::Bmlt => "BMLT",
    }
}

/// Problems grouped by kind: errors first, then warnings, then notes; larger groups first.
fn groups(problems: &[Problem]) -> Vec<(ProblemKind, Vec<&Problem>)> {
    let mut by_kind: BTreeMap<ProblemKind, Vec<&Problem>> = BTreeMap::new();
    for p in problems {
        by_kind.entry(p.kind).or_default().push(p);
    }
    let mut groups: Vec<_> = by_kind.into_iter().collect();
    groups.sort_by_key(|(kind, list)| {
        (
            std::cmp::Reverse(kind.severity()),
            std::cmp::Reverse(list.len()),
        )
    });
    groups
}

/// The most frequent found values of a group, when some repeat.
fn common_values(kind: ProblemKind, list: &[&Problem]) -> Vec<(String, usize)> {
    if matches!(
        kind,
        ProblemKind::HtmlInText | ProblemKind::MissingCoordinates
    ) {
        return Vec::new();
    }
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for p in list.iter().filter(|p| !p.found.is_empty()) {
        *counts.entry(p.found.as_str()).or_default() += 1;
    }
    if counts.len() >= list.len() || counts.is_empty() {
        return Vec::new();
    }
    let mut values: Vec<_> = counts.into_iter().map(|(v, n)| (v.to_owned(), n)).collect();
    values.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    values.truncate(VALUES_SHOWN);
    values
}

fn place(p: &Problem) -> String {
    let mut s = format!("record {}", p.record);
    if !p.slug.is_empty() {
        s.push_str(&format!(" ({})", p.slug));
    }
    if !p.field.is_empty() {
        s.push_str(&format!(", {}", p.field));
    }
    if !p.found.is_empty() {
        s.push_str(&format!(": {}", one_line(&p.found)));
    }
    s
}

/// A found value on one line: line breaks shown as `⏎`.
fn one_line(s: &str) -> String {
    s.replace("\r\n", "⏎").replace(['\n', '\r'], "⏎")
}

fn report_text(name: &str, feed: &Feed) -> String {
    let mut s = String::new();
    let count = |severity| {
        feed.problems
            .iter()
            .filter(|p| p.kind.severity() == severity)
            .count()
    };
    s.push_str(&format!("{name}: {}\n", format_name(feed.format)));
    s.push_str(&format!("  records read:       {}\n", feed.records));
    s.push_str(&format!("  meetings kept:      {}\n", feed.meetings.len()));
    s.push_str(&format!("  weekly occurrences: {}\n", feed.occurrences()));
    s.push_str(&format!("  records skipped:    {}\n", feed.skipped));
    if !feed.type_names.is_empty() {
        s.push_str(&format!(
            "  format names:       {}\n",
            feed.type_names.len()
        ));
    } else if feed.format == feed::Format::Bmlt {
        s.push_str("  formats:            the server's own keys (give --formats FILE for cross-server codes)\n");
    }
    let zoneless = feed
        .meetings
        .iter()
        .filter(|m| m.timezone.is_none())
        .count();
    if zoneless > 0 {
        s.push_str(&format!(
            "  time zone:          none for {zoneless} meetings (the embed must give a default, or pass --timezone)\n"
        ));
    }
    if feed.problems.is_empty() {
        s.push_str("No problems found.\n");
        return s;
    }
    s.push_str(&format!(
        "{} errors, {} warnings, {} notes (records are numbered from 0, in feed order)\n",
        count(Severity::Error),
        count(Severity::Warning),
        count(Severity::Note)
    ));
    for (kind, list) in groups(&feed.problems) {
        s.push_str(&format!(
            "\n{} {} ({}×)\n  {}\n",
            severity_name(kind.severity()),
            kind.as_str(),
            list.len(),
            explain(kind)
        ));
        let values = common_values(kind, &list);
        if !values.is_empty() {
            let shown: Vec<String> = values
                .iter()
                .map(|(v, n)| format!("{} ({n}×)", one_line(v)))
                .collect();
            s.push_str(&format!("  most found: {}\n", shown.join(", ")));
        }
        for p in list.iter().take(PLACES_SHOWN) {
            s.push_str(&format!("  - {}\n", place(p)));
        }
        if list.len() > PLACES_SHOWN {
            s.push_str(&format!("  - ... and {} more\n", list.len() - PLACES_SHOWN));
        }
    }
    s
}

fn report_json(feed: &Feed) -> Value {
    let problems: Vec<Value> = feed
        .problems
        .iter()
        .map(|p| {
            json!({
                "record": p.record,
                "slug": p.slug,
                "field": p.field,
                "kind": p.kind.as_str(),
                "severity": severity_name(p.kind.severity()),
                "found": p.found,
                "action": p.action.as_str(),
            })
        })
        .collect();
    let summary: Vec<Value> = groups(&feed.problems)
        .iter()
        .map(|(kind, list)| {
            json!({
                "kind": kind.as_str(),
                "severity": severity_name(kind.severity()),
                "count": list.len(),
                "message": explain(*kind),
            })
        })
        .collect();
    json!({
        "ok": true,
        "format": feed.format.as_str(),
        "records": feed.records,
        "meetings": feed.meetings.len(),
        "occurrences": feed.occurrences(),
        "skipped": feed.skipped,
        "type_names": feed.type_names.iter().map(|(c, n)| json!([c, n])).collect::<Vec<_>>(),
        "summary": summary,
        "problems": problems,
    })
}
