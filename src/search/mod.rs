//! Searching the loaded meetings: an [`Index`] built once per load answers a [`Query`]
//! with [`Results`] (one [`Hit`] per matching weekly occurrence, in order) and
//! [`Facets`] (how many results each still-open choice would give).
//!
//! This file is the contract the widget and the native command are written against;
//! the implementation lives in the submodules: [`index`] (the structure, built once),
//! [`query`] (filters and order: the semantics are documented there), [`facets`]
//! (counts), [`text`] (folding), `words` (the word index), [`geo`] (haversine, pluggable trigonometry), [`places`]
//! (places named by the feed) and [`merge`] (several feeds).

mod bitset;
pub mod facets;
pub mod geo;
pub mod index;
pub mod merge;
pub mod places;
pub mod query;
pub(crate) mod sort;
pub mod text;
mod words;

pub use geo::Trig;
pub use index::Index;
pub use merge::{merge, merge_meetings, MergeReport};
pub use places::PlaceCandidate;

use crate::model::{LatLon, Minutes, Occurrence, Weekday};

/// Distance units.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Units {
    /// Statute miles (R = 3,958.8 mi).
    #[default]
    Miles,
    /// Kilometres (R = 6,371.0 km).
    Kilometres,
}

/// The reference's overlapping time-of-day buckets, minutes after midnight.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TimeOfDay {
    /// 04:00–11:59.
    Morning,
    /// 11:00–16:59.
    Midday,
    /// 16:00–20:59.
    Evening,
    /// 20:00–04:59 (wraps past midnight).
    Night,
}

/// A time filter: a named bucket or an explicit window of start times.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TimeFilter {
    /// One of the named buckets.
    Bucket(TimeOfDay),
    /// Start time within `from..=to` (wrapping past midnight when `from > to`).
    Window {
        /// First start minute included.
        from: Minutes,
        /// Last start minute included.
        to: Minutes,
    },
}

/// The attendance filter.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AttendanceFilter {
    /// In person or hybrid.
    InPerson,
    /// Online or hybrid.
    Online,
    /// Hybrid only.
    Hybrid,
    /// Inactive meetings (hidden otherwise).
    Inactive,
}

/// The visitor's current day and minute in the feed's time zone.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Now {
    /// Today.
    pub day: Weekday,
    /// Minutes after midnight.
    pub minute: Minutes,
}

/// What the visitor chose. `Query::default()` matches every active meeting.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Query {
    /// Days chosen; empty = any day (and "by appointment" meetings match only then).
    pub days: Vec<Weekday>,
    /// Time of day.
    pub time: Option<TimeFilter>,
    /// Type codes, all required, any case.
    pub types: Vec<String>,
    /// A region name: matches meetings in it and every region below it.
    pub region: Option<String>,
    /// Attendance.
    pub attendance: Option<AttendanceFilter>,
    /// The point to measure distance from; with it, results are ordered by distance and
    /// meetings without coordinates or online only are left out.
    pub near: Option<LatLon>,
    /// Radius around `near`, in `units`, inclusive (ignored without `near`; a negative
    /// radius holds nothing).
    pub within: Option<f64>,
    /// Units of `within` and of each hit's distance.
    pub units: Units,
    /// Words, each of which must begin a word of the meeting's text.
    pub text: String,
    /// "Now": with it, results are ordered as a rolling week from now and in-progress
    /// meetings are marked.
    pub now: Option<Now>,
}

/// One result: one weekly occurrence of one meeting.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Hit {
    /// Position of the meeting in [`Index::meetings`].
    pub meeting: u32,
    /// The occurrence matched; `None` for a "by appointment" meeting.
    pub occurrence: Option<Occurrence>,
    /// Distance from the query's point, in the query's units.
    pub distance: Option<f64>,
    /// Whether the meeting is under way at the query's "now".
    pub in_progress: bool,
}

/// The results of a query, in order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Results {
    /// The hits, in result order.
    pub hits: Vec<Hit>,
}

/// How many results each option would give if chosen, all other choices kept.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Facets {
    /// Per day, Sunday first.
    pub days: [u32; 7],
    /// Per time of day: morning, midday, evening, night.
    pub times: [u32; 4],
    /// Per type code present in the feed, in code order.
    pub types: Vec<(String, u32)>,
    /// Per region, as full paths (general → specific), in tree order.
    pub regions: Vec<(Vec<String>, u32)>,
    /// Per attendance choice: in person, online, hybrid, inactive.
    pub attendance: [u32; 4],
}
