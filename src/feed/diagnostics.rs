//! What the readers record about a feed: every repair and every problem, with the
//! record's place, the field, what was found and what was done.
//!
//! Kinds and actions are plain enums with short stable names ([`ProblemKind::as_str`]);
//! the sentences a feed maintainer reads are written by the native `check` command, so
//! the widget's build carries no wording. The widget never reads the problems at all: in
//! the wasm build the [`Collector`] does nothing, and the code that describes found values
//! is not built.

use super::lenient::{int_text, push_decimal, Val};

/// The longest excerpt of a found value kept in a [`Problem`], in characters.
pub const FOUND_MAX_CHARS: usize = 60;

/// What kind of problem or repair a [`Problem`] records.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ProblemKind {
    /// A list element that is not an object: the record was skipped.
    RecordNotObject,
    /// An object with no usable name, day or time: the record was skipped.
    RecordEmpty,
    /// No name: one was made from the group, the location or the slug.
    MissingName,
    /// No slug: one was made from the name.
    MissingSlug,
    /// A slug used by an earlier meeting: this one got a numbered suffix.
    DuplicateSlug,
    /// A day that is not 0–6 or a day name.
    UnreadableDay,
    /// Day `7`, read as Sunday.
    DaySeven,
    /// A start or end time that could not be read.
    UnreadableTime,
    /// An end time equal to the start: taken as one hour after it.
    EndTimeIsStart,
    /// A day with no start time.
    MissingTime,
    /// A time with no day: the meeting is listed as "by appointment".
    TimeWithoutDay,
    /// An in-person meeting without coordinates: it cannot be found by distance.
    MissingCoordinates,
    /// Coordinates that are not numbers, out of range, or `0,0`.
    UnreadableCoordinates,
    /// An online or hybrid meeting with neither a link nor a phone number.
    OnlineWithoutLink,
    /// A conference link that is not `http(s)://`: dropped.
    ConferenceUrlNotWeb,
    /// A type code that no known fellowship's table has: kept as given.
    UnknownTypeCode,
    /// `types` given as text (`"O, C"`, `"[open]"`) rather than a list.
    TypesAsText,
    /// A BMLT format id or key that the formats table does not have.
    UnknownFormat,
    /// HTML tags or entities in a text field: made plain text.
    HtmlInText,
    /// An `attendance_option` or BMLT `venue_type` that is not one of the known values.
    UnknownAttendance,
    /// A field whose value is of the wrong kind (a list for a name, an object, …): ignored.
    UnexpectedValue,
    /// A list of records that was not a list (BMLT `meetings` or `formats`): ignored.
    NotAList,
}

impl ProblemKind {
    /// A short stable name, `snake_case`, for machine-readable output.
    pub fn as_str(self) -> &'static str {
        match self {
            ProblemKind::RecordNotObject => "record_not_object",
            ProblemKind::RecordEmpty => "record_empty",
            ProblemKind::MissingName => "missing_name",
            ProblemKind::MissingSlug => "missing_slug",
            ProblemKind::DuplicateSlug => "duplicate_slug",
            ProblemKind::UnreadableDay => "unreadable_day",
            ProblemKind::DaySeven => "day_seven",
            ProblemKind::UnreadableTime => "unreadable_time",
            ProblemKind::EndTimeIsStart => "end_time_is_start",
            ProblemKind::MissingTime => "missing_time",
            ProblemKind::TimeWithoutDay => "time_without_day",
            ProblemKind::MissingCoordinates => "missing_coordinates",
            ProblemKind::UnreadableCoordinates => "unreadable_coordinates",
            ProblemKind::OnlineWithoutLink => "online_without_link",
            ProblemKind::ConferenceUrlNotWeb => "conference_url_not_web",
            ProblemKind::UnknownTypeCode => "unknown_type_code",
            ProblemKind::TypesAsText => "types_as_text",
            ProblemKind::UnknownFormat => "unknown_format",
            ProblemKind::HtmlInText => "html_in_text",
            ProblemKind::UnknownAttendance => "unknown_attendance",
            ProblemKind::UnexpectedValue => "unexpected_value",
            ProblemKind::NotAList => "not_a_list",
        }
    }

    /// How much the problem matters to a visitor.
    pub fn severity(self) -> Severity {
        match self {
            ProblemKind::RecordNotObject | ProblemKind::RecordEmpty | ProblemKind::NotAList => {
                Severity::Error
            }
            ProblemKind::HtmlInText
            | ProblemKind::TypesAsText
            | ProblemKind::UnknownTypeCode
            | ProblemKind::DaySeven => Severity::Note,
            _ => Severity::Warning,
        }
    }
}

/// How much a problem matters.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// Repaired with no loss; worth fixing at the source.
    Note,
    /// Kept, but something is missing or was guessed.
    Warning,
    /// A record was lost.
    Error,
}

/// What the reader did about a problem.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Action {
    /// The value was kept as given.
    Kept,
    /// The value was rewritten into what it evidently meant.
    Repaired,
    /// A missing value was filled in (a default or a made-up value).
    Filled,
    /// The value was ignored.
    Ignored,
    /// The whole record was skipped.
    Skipped,
}

impl Action {
    /// A short stable name, `snake_case`.
    pub fn as_str(self) -> &'static str {
        match self {
            Action::Kept => "kept",
            Action::Repaired => "repaired",
            Action::Filled => "filled",
            Action::Ignored => "ignored",
            Action::Skipped => "skipped",
        }
    }
}

/// One problem or repair in one record.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// The record's 0-based index in the feed's list.
    pub record: usize,
    /// The meeting's slug when known (after repairs; empty when unknown).
    pub slug: String,
    /// The field concerned, as the feed names it (empty for the record as a whole).
    pub field: &'static str,
    /// What is wrong.
    pub kind: ProblemKind,
    /// What was found, shortened to [`FOUND_MAX_CHARS`] characters.
    pub found: String,
    /// What was done.
    pub action: Action,
}

/// Whether this build collects problems: not the wasm one, whose only reader (the
/// widget) never looks at them. A constant, so that there every use folds away.
const CAN_COLLECT: bool = cfg!(not(target_arch = "wasm32"));

/// The problems of one feed as they are collected, record by record; the default one
/// collects nothing (for what no one reads, such as the formats table's repairs).
#[derive(Debug, Default)]
pub(crate) struct Collector {
    pub(crate) problems: Vec<Problem>,
    record: usize,
    record_start: usize,
    collecting: bool,
}

impl Collector {
    /// A collector that keeps the problems it is given when `collecting` (and the build
    /// can), and drops them otherwise.
    pub(crate) fn new(collecting: bool) -> Self {
        Collector {
            collecting,
            ..Collector::default()
        }
    }

    /// Whether problems are kept: callers check it before working out a found text.
    #[inline(always)]
    pub(crate) fn on(&self) -> bool {
        CAN_COLLECT && self.collecting
    }

    /// Starts collecting for record `index`.
    pub(crate) fn start(&mut self, index: usize) {
        if !self.on() {
            return;
        }
        self.record = index;
        self.record_start = self.problems.len();
    }

    /// Records a problem in the current record with a found text.
    pub(crate) fn push(
        &mut self,
        field: &'static str,
        kind: ProblemKind,
        found: &str,
        action: Action,
    ) {
        if !self.on() {
            return;
        }
        self.problems.push(Problem {
            record: self.record,
            slug: String::new(),
            field,
            kind,
            found: shorten(found),
            action,
        });
    }

    /// Records a problem with the found value described from its JSON.
    pub(crate) fn push_val(
        &mut self,
        field: &'static str,
        kind: ProblemKind,
        found: &Val,
        action: Action,
    ) {
        if !self.on() {
            return;
        }
        let text = describe(found);
        self.push(field, kind, &text, action);
    }

    /// Whether the current record already has a problem of this kind (never, when
    /// problems are not kept).
    pub(crate) fn has(&self, kind: ProblemKind) -> bool {
        self.on()
            && self.problems[self.record_start..]
                .iter()
                .any(|p| p.kind == kind)
    }

    /// Names the current record's problems with its slug, once known.
    pub(crate) fn finish(&mut self, slug: &str) {
        if !self.on() {
            return;
        }
        for p in &mut self.problems[self.record_start..] {
            if p.slug.is_empty() {
                p.slug.push_str(slug);
            }
        }
    }
}

/// At most [`FOUND_MAX_CHARS`] characters of `s`, with `…` when cut.
fn shorten(s: &str) -> String {
    match s.char_indices().nth(FOUND_MAX_CHARS) {
        Some((at, _)) => {
            let mut out = String::with_capacity(at + 3);
            out.push_str(s.get(..at).unwrap_or(s));
            out.push('…');
            out
        }
        None => s.to_owned(),
    }
}

/// A short description of a value as it appeared in the feed.
pub(crate) fn describe(v: &Val) -> String {
    match v {
        Val::Null => "null".to_owned(),
        Val::Bool(true) => "true".to_owned(),
        Val::Bool(false) => "false".to_owned(),
        Val::Int(n) => int_text(*n),
        Val::Float(f) => {
            let mut out = String::new();
            push_decimal(&mut out, *f);
            out
        }
        Val::Str(s) => {
            let mut out = String::with_capacity(s.len() + 2);
            out.push('"');
            out.push_str(s);
            out.push('"');
            out
        }
        Val::List(items) => {
            let mut out = String::from("[");
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                match item {
                    Val::List(_) => out.push_str("[…]"),
                    Val::Object => out.push_str("{…}"),
                    other => out.push_str(&describe(other)),
                }
                if out.len() > FOUND_MAX_CHARS * 4 {
                    break;
                }
            }
            out.push(']');
            out
        }
        Val::Object => "an object".to_owned(),
    }
}
