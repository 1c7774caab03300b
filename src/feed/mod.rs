//! Reading feeds: one entry point, [`read`], that detects the format of a feed's bytes
//! and turns it into clean [`Meeting`]s plus a record of every repair and problem.
//!
//! A record that is not an object, or holds nothing usable, is reported and skipped; every
//! other record becomes exactly one meeting, so `records == meetings.len() + skipped`.
//! Only bytes that are not JSON, or JSON that is not a list of meetings, fail the feed.

mod bmlt;
mod codes;
mod diagnostics;
mod html;
pub(crate) mod json;
mod lenient;
mod meeting_guide;
mod shared;

use std::fmt;

pub use diagnostics::{Action, Problem, ProblemKind, Severity, FOUND_MAX_CHARS};
/// Integer to text without `format!`, shared by the search core and the widget.
pub(crate) use lenient::push_int;
/// A word's number in a space-separated word list, shared with the type names.
pub(crate) use lenient::word_number;

use crate::model::Meeting;
use diagnostics::Collector;
use json::{JsonError, Parser};
pub(crate) use lenient::Val;
use lenient::{Item, Values};

/// The formats [`read`] understands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// A Meeting Guide JSON array (12 Step Meeting List, spreadsheets, BMLT's tsml).
    MeetingGuide,
    /// A BMLT `client_interface/json` answer (bare array or `{meetings, formats}`).
    Bmlt,
}

impl Format {
    /// A short stable name: `meeting-guide` or `bmlt`.
    pub fn as_str(self) -> &'static str {
        match self {
            Format::MeetingGuide => "meeting-guide",
            Format::Bmlt => "bmlt",
        }
    }
}

/// What the embed or the command line supplies beside the feed's bytes.
#[derive(Clone, Debug, Default)]
pub struct ReadOptions {
    /// IANA time zone for meetings whose feed gives none.
    pub default_timezone: Option<String>,
    /// The bytes of a BMLT `GetFormats` answer, to name the formats of a bare BMLT array.
    pub bmlt_formats: Option<Vec<u8>>,
}

/// A feed, read.
#[derive(Clone, Debug)]
pub struct Feed {
    /// The format detected.
    pub format: Format,
    /// How many records the feed held.
    pub records: usize,
    /// The meetings kept, in feed order.
    pub meetings: Vec<Meeting>,
    /// How many records were skipped (`records - meetings.len()`).
    pub skipped: usize,
    /// Every repair and problem, in record order.
    pub problems: Vec<Problem>,
    /// For BMLT: type code → name, from the formats table (empty otherwise).
    pub type_names: Vec<(String, String)>,
}

impl Feed {
    /// How many weekly occurrences the meetings have together.
    pub fn occurrences(&self) -> usize {
        self.meetings.iter().map(|m| m.occurrences.len()).sum()
    }
}

/// Why a feed could not be read at all.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FeedError {
    /// There are no bytes, or only white space.
    Empty,
    /// The bytes are not valid JSON.
    InvalidJson {
        /// 1-based line of the fault.
        line: usize,
        /// 1-based column of the fault.
        column: usize,
        /// What is wrong there, as the JSON parser words it ("trailing characters").
        reason: String,
    },
    /// Valid JSON, but not a list of meetings nor a BMLT answer.
    NotAFeed {
        /// What was found instead.
        found: &'static str,
    },
    /// The BMLT formats file given beside the feed is not valid JSON.
    InvalidFormats {
        /// 1-based line of the fault.
        line: usize,
        /// 1-based column of the fault.
        column: usize,
        /// What is wrong there.
        reason: String,
    },
}

impl fmt::Display for FeedError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FeedError::Empty => f.write_str("the feed is empty"),
            FeedError::InvalidJson {
                line,
                column,
                reason,
            } => write!(
                f,
                "the feed is not valid JSON: line {line}, column {column} ({reason})"
            ),
            FeedError::NotAFeed { found } => write!(
                f,
                "the feed is valid JSON but not a list of meetings: it is {found}"
            ),
            FeedError::InvalidFormats {
                line,
                column,
                reason,
            } => write!(
                f,
                "the BMLT formats file is not valid JSON: line {line}, column {column} ({reason})"
            ),
        }
    }
}

impl std::error::Error for FeedError {}

/// Reads a feed's bytes, whatever its format.
///
/// The wasm build (the widget) collects no [`Feed::problems`]: they are always empty there,
/// and everything else is as in a native build.
pub fn read(bytes: &[u8], options: &ReadOptions) -> Result<Feed, FeedError> {
    read_collecting(bytes, options, true)
}

/// [`read`], keeping the problems only when `problems` is true (and the build can).
fn read_collecting(bytes: &[u8], options: &ReadOptions, problems: bool) -> Result<Feed, FeedError> {
    let bytes = strip_bom(bytes);
    let mut reader = Reader::new(problems);
    match read_into(bytes, options, &mut reader) {
        Ok((format, table)) => Ok(reader.finish(format, table.type_names())),
        Err(Fault::Json(e)) => Err(invalid_json(bytes, e, false)),
        Err(Fault::Feed(e)) => Err(e),
    }
}

/// Why [`read_into`] stopped: a JSON fault in the feed's bytes (turned into a
/// [`FeedError`] in one place, [`read_collecting`]), or another reason.
enum Fault {
    Json(JsonError),
    Feed(FeedError),
}

impl From<JsonError> for Fault {
    fn from(e: JsonError) -> Self {
        Fault::Json(e)
    }
}

impl From<FeedError> for Fault {
    fn from(e: FeedError) -> Self {
        Fault::Feed(e)
    }
}

/// Reads the feed `bytes` (without a byte order mark) into `reader`: its format and BMLT
/// formats table (empty for Meeting Guide).
fn read_into(
    bytes: &[u8],
    options: &ReadOptions,
    reader: &mut Reader,
) -> Result<(Format, bmlt::FormatTable), Fault> {
    // A BMLT list: the bytes it ends with, where it starts, and what came beside it.
    let (list, start, envelope) = match bytes.iter().find(|b| !b.is_ascii_whitespace()) {
        None => return Err(FeedError::Empty.into()),
        Some(b'[') => {
            let keys = sniff(bytes);
            if looks_like_formats_table(keys) {
                return Err(FeedError::NotAFeed {
                    found: "a BMLT formats list (give it as the formats file)",
                }
                .into());
            }
            if !looks_like_bmlt(keys) {
                let zone = options.default_timezone.as_deref();
                let mut p = Parser::new(bytes);
                reader.stream(
                    &mut p,
                    meeting_guide::Raw::KEYS,
                    &mut |values, index, out, meeting| {
                        let raw = meeting_guide::Raw(values);
                        meeting_guide::convert(&raw, index, zone, out, meeting)
                    },
                )?;
                p.end()?;
                return Ok((Format::MeetingGuide, bmlt::FormatTable::default()));
            }
            (bytes, 0, bmlt::Envelope::default())
        }
        Some(b'{') => read_envelope(bytes)?,
        Some(_) => {
            let mut p = Parser::new(bytes);
            let value = p.value()?;
            p.end()?;
            return Err(FeedError::NotAFeed {
                found: lenient::kind(&value),
            }
            .into());
        }
    };
    let table = read_bmlt(list, start, envelope, options, reader)?;
    Ok((Format::Bmlt, table))
}

/// `bytes` without a UTF-8 byte order mark.
fn strip_bom(bytes: &[u8]) -> &[u8] {
    match bytes {
        [0xEF, 0xBB, 0xBF, rest @ ..] => rest,
        _ => bytes,
    }
}

/// Checks a BMLT `{meetings, formats}` envelope: the bytes up to the end of its list of
/// meetings, where that list starts, and the envelope.
fn read_envelope(bytes: &[u8]) -> Result<(&[u8], usize, bmlt::Envelope), Fault> {
    let mut p = Parser::new(bytes);
    let envelope = bmlt::Envelope::read(&mut p)?;
    p.end()?;
    let Some((start, end)) = envelope.meetings else {
        return Err(FeedError::NotAFeed {
            found: "an object without a \"meetings\" list",
        }
        .into());
    };
    if envelope.meetings_not_a_list.is_some() {
        return Err(FeedError::NotAFeed {
            found: "an object whose \"meetings\" is not a list",
        }
        .into());
    }
    Ok((bytes.get(..end).unwrap_or(bytes), start, envelope))
}

/// Reads the BMLT list that starts at `start` and takes the rest of `list` into
/// `reader`, naming its formats with the envelope's and the formats file's; that table.
/// One copy for the bare list and the envelope's (whose list was read once already,
/// when the envelope was checked, so it reads alike and without fault again).
fn read_bmlt(
    list: &[u8],
    start: usize,
    envelope: bmlt::Envelope,
    options: &ReadOptions,
    reader: &mut Reader,
) -> Result<bmlt::FormatTable, Fault> {
    let table = formats_table(envelope.formats, options)?;
    // Before the first record's problems, as a problem of the list as a whole.
    if let Some(found) = envelope.formats_not_a_list {
        reader.out.start(0);
        reader
            .out
            .push("formats", ProblemKind::NotAList, found, Action::Ignored);
    }
    let zone = options.default_timezone.as_deref();
    let mut p = Parser::new_at(list, start);
    reader.stream(
        &mut p,
        bmlt::Raw::KEYS,
        &mut |values, index, out, meeting| {
            bmlt::convert(&bmlt::Raw(values), index, &table, zone, out, meeting)
        },
    )?;
    p.end()?;
    Ok(table)
}

/// The JSON error `e` of `bytes`, with its line and column: of the feed, or of the BMLT
/// formats file when `formats` (one copy for both).
#[inline(never)]
fn invalid_json(bytes: &[u8], e: JsonError, formats: bool) -> FeedError {
    let (line, column) = e.line_column(bytes);
    let reason = e.reason().to_owned();
    if formats {
        FeedError::InvalidFormats {
            line,
            column,
            reason,
        }
    } else {
        FeedError::InvalidJson {
            line,
            column,
            reason,
        }
    }
}

/// How far into a feed format detection looks for tell-tale keys.
const SNIFF_BYTES: usize = 64 * 1024;

/// The object keys that tell formats apart, in the order of the bits [`sniff`] sets.
const TELLING_KEYS: [&[u8]; 6] = [
    b"\"weekday_tinyint\"",
    b"\"id_bigint\"",
    b"\"meeting_name\"",
    b"\"key_string\"",
    b"\"world_id\"",
    b"\"day\"",
];

/// Which of [`TELLING_KEYS`] (with their quotes) appear as an object key, followed by a
/// colon, in the first [`SNIFF_BYTES`] bytes: bit `i` for key `i`. One pass that compares
/// only where a `"` is. Never inlined: in `read_collecting` this loop over 64 KB came
/// out 10% slower.
#[inline(never)]
fn sniff(bytes: &[u8]) -> u8 {
    let head = &bytes[..bytes.len().min(SNIFF_BYTES)];
    let mut found = 0;
    for (at, &b) in head.iter().enumerate() {
        if b != b'"' {
            continue;
        }
        let next = head.get(at + 1);
        for (i, key) in TELLING_KEYS.iter().enumerate() {
            // (Patterns, not `==` on `Option`s: each such comparison is a call in the wasm.)
            let is_key = matches!((next, key.get(1)), (Some(a), Some(b)) if a == b)
                && head[at..].starts_with(key)
                && matches!(
                    head[at + key.len()..]
                        .iter()
                        .find(|b| !b.is_ascii_whitespace()),
                    Some(b':')
                );
            if is_key {
                found |= 1 << i;
            }
        }
    }
    found
}

/// A BMLT meeting list names its fields `weekday_tinyint`, `id_bigint`, `meeting_name`.
fn looks_like_bmlt(keys: u8) -> bool {
    keys & 0b111 != 0
}

/// A `GetFormats` answer has `key_string` and `world_id` and no meeting fields.
fn looks_like_formats_table(keys: u8) -> bool {
    keys & 0b11_1111 == 0b01_1000
}

/// The BMLT formats table: the envelope's own entries (`table`), then the formats file's.
fn formats_table(
    mut table: bmlt::FormatTable,
    options: &ReadOptions,
) -> Result<bmlt::FormatTable, FeedError> {
    if let Some(extra) = &options.bmlt_formats {
        let extra = strip_bom(extra);
        let mut p = Parser::new(extra);
        if let Err(e) = table.read(&mut p).and_then(|_| p.end()) {
            return Err(invalid_json(extra, e, true));
        }
    }
    Ok(table)
}

/// What [`Reader::stream`] turns each record into a meeting with, as a trait object: this
/// one's vtable holds just the method, where an `FnMut`'s also holds `call_once`, a second
/// copy of the reader's closure in the wasm.
trait Convert<'de> {
    /// Fills `meeting` from the record's values, its index, with problems going to `out`;
    /// whether to keep it.
    fn convert(
        &mut self,
        values: &Values<'de>,
        index: usize,
        out: &mut Collector,
        meeting: &mut Meeting,
    ) -> bool;
}

impl<'de, F: FnMut(&Values<'de>, usize, &mut Collector, &mut Meeting) -> bool> Convert<'de> for F {
    fn convert(
        &mut self,
        values: &Values<'de>,
        index: usize,
        out: &mut Collector,
        meeting: &mut Meeting,
    ) -> bool {
        self(values, index, out, meeting)
    }
}

/// Turns records into meetings one at a time, keeping count and collecting problems.
struct Reader {
    records: usize,
    meetings: Vec<Meeting>,
    /// The record index of every meeting, when problems are kept (they name records).
    indices: Vec<usize>,
    out: Collector,
}

impl Reader {
    /// A reader that keeps the problems when `problems` is true.
    fn new(problems: bool) -> Self {
        Reader {
            records: 0,
            meetings: Vec::new(),
            indices: Vec::new(),
            out: Collector::new(problems),
        }
    }

    /// Takes every record of the list at `p` (read with the record type's `keys`):
    /// converts each object, reports anything else. `convert` fills a default meeting in
    /// place at the end of the list and says whether to keep it. One copy for every
    /// reader: only `convert` differs (this generic front is always inlined).
    #[inline(always)]
    fn stream<'de, F: FnMut(&Values<'de>, usize, &mut Collector, &mut Meeting) -> bool>(
        &mut self,
        p: &mut Parser<'de>,
        keys: &'static str,
        convert: &mut F,
    ) -> Result<(), JsonError> {
        self.stream_dyn(p, keys, convert)
    }

    /// The body of [`Reader::stream`].
    fn stream_dyn<'de>(
        &mut self,
        p: &mut Parser<'de>,
        keys: &'static str,
        convert: &mut dyn Convert<'de>,
    ) -> Result<(), JsonError> {
        lenient::stream(p, keys, &mut |item| {
            let index = self.begin();
            let kept = match (item, self.meetings.last_mut()) {
                (Item::Record(raw), Some(meeting)) => {
                    convert.convert(raw, index, &mut self.out, meeting)
                }
                (Item::NotObject(found), _) => {
                    self.out
                        .push("", ProblemKind::RecordNotObject, found, Action::Skipped);
                    false
                }
                (Item::Record(_), None) => false,
            };
            self.end(index, kept);
        })?;
        Ok(())
    }

    /// Starts the next record: its index, and a default meeting at the end of the list.
    #[inline(never)]
    fn begin(&mut self) -> usize {
        let index = self.records;
        self.records += 1;
        self.out.start(index);
        self.meetings.push(Meeting::default());
        index
    }

    /// Ends record `index`: keeps its meeting or drops it, and names its problems.
    #[inline(never)]
    fn end(&mut self, index: usize, kept: bool) {
        match self.meetings.last() {
            Some(meeting) if kept => {
                self.out.finish(&meeting.slug);
                if self.out.on() {
                    self.indices.push(index);
                }
            }
            _ => {
                self.meetings.pop();
                self.out.finish("");
            }
        }
    }

    /// Makes slugs unique and puts the problems in record order.
    fn finish(mut self, format: Format, type_names: Vec<(String, String)>) -> Feed {
        let read = self.out.problems.len();
        shared::unique_slugs(&mut self.meetings, &self.indices, &mut self.out);
        let problems = if self.out.on() {
            merge_by_record(self.out.problems, read)
        } else {
            Vec::new()
        };
        Feed {
            format,
            records: self.records,
            skipped: self.records - self.meetings.len(),
            meetings: self.meetings,
            problems,
            type_names,
        }
    }
}

/// Puts `problems` in record order, keeping the order within a record, when its first
/// `split` entries (those found while reading, record after record) and the rest (the
/// repeated slugs, also in record order) are each in record order already: one linear
/// merge, so the wasm build carries no stable sort of problems (about 5 KB).
fn merge_by_record(mut problems: Vec<Problem>, split: usize) -> Vec<Problem> {
    debug_assert!(problems[..split].is_sorted_by_key(|p| p.record));
    debug_assert!(problems[split..].is_sorted_by_key(|p| p.record));
    let later = problems.split_off(split);
    if later.is_empty() {
        return problems;
    }
    let mut merged = Vec::with_capacity(problems.len() + later.len());
    let mut later = later.into_iter().peekable();
    for p in problems {
        while let Some(l) = later.next_if(|l| l.record < p.record) {
            merged.push(l);
        }
        merged.push(p);
    }
    merged.extend(later);
    merged
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every feed file under `dir` (recursively), sorted.
    fn feed_files(dir: &std::path::Path, files: &mut Vec<std::path::PathBuf>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                feed_files(&path, files);
            } else if path.extension().is_some_and(|e| e == "json") {
                files.push(path);
            }
        }
        files.sort();
    }

    #[test]
    fn reading_without_problems_changes_nothing_else() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut files = Vec::new();
        for dir in ["../shared/feeds", "tests/data", "out/feeds"] {
            feed_files(&root.join(dir), &mut files);
        }
        if !files.iter().any(|f| f.starts_with(root.join("../shared"))) {
            eprintln!("note: ../shared/feeds not found; only the local feeds are compared");
        }
        let formats = std::fs::read(root.join("../shared/feeds/bmlt/formats.json")).ok();
        let with_formats = ReadOptions {
            default_timezone: Some("America/Chicago".to_owned()),
            bmlt_formats: formats,
        };
        let mut inline: Vec<(String, Vec<u8>)> = [
            "",
            "[1, {}, {\"name\": \"A\"}, {\"name\": \"A\", \"day\": 9}]",
            "{\"meetings\": [2, {\"meeting_name\": \"B\", \"weekday_tinyint\": \"8\"}], \"formats\": 3}",
            "{\"meetings\": 1}",
            "3",
        ]
        .iter()
        .map(|s| ((*s).to_owned(), s.as_bytes().to_vec()))
        .collect();
        for f in &files {
            let bytes = std::fs::read(f).unwrap_or_default();
            inline.push((f.display().to_string(), bytes));
        }
        let mut problems = 0;
        for (name, bytes) in &inline {
            for options in [&ReadOptions::default(), &with_formats] {
                let full = read_collecting(bytes, options, true);
                let quiet = read_collecting(bytes, options, false);
                match (full, quiet) {
                    (Ok(full), Ok(quiet)) => {
                        assert_eq!(full.format, quiet.format, "{name}");
                        assert_eq!(full.records, quiet.records, "{name}");
                        assert_eq!(full.skipped, quiet.skipped, "{name}");
                        assert_eq!(full.meetings, quiet.meetings, "{name}");
                        assert_eq!(full.type_names, quiet.type_names, "{name}");
                        assert_eq!(quiet.problems, Vec::new(), "{name}");
                        problems += full.problems.len();
                    }
                    (full, quiet) => {
                        assert_eq!(full.err(), quiet.err(), "{name}");
                    }
                }
            }
        }
        assert!(
            problems > 0,
            "the feeds compared have problems to leave out"
        );
    }

    #[test]
    fn merge_keeps_record_order_and_order_within_a_record() {
        let p = |record, found: &str| Problem {
            record,
            slug: String::new(),
            field: "slug",
            kind: ProblemKind::DuplicateSlug,
            found: found.to_owned(),
            action: Action::Repaired,
        };
        let problems = vec![
            p(0, "a"),
            p(2, "b"),
            p(2, "c"),
            p(5, "d"),
            p(1, "x"),
            p(2, "y"),
            p(7, "z"),
        ];
        let mut want = problems.clone();
        want.sort_by_key(|p| p.record);
        assert_eq!(merge_by_record(problems.clone(), 4), want);
        let first = problems[..4].to_vec();
        assert_eq!(merge_by_record(first.clone(), 4), first);
    }
}
