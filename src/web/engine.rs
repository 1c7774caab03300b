//! The widget's one door to the core: reading a feed, searching, counting and resolving
//! a typed place. Every call into `feed` and `search` goes through here, so the rest of
//! the widget does not change when the core's implementation does.

use super::text::push_u32;
use crate::feed::{self, FeedError, ReadOptions};
use crate::model::{LatLon, Meeting};
use crate::search::{merge_meetings, Facets, Index, Query, Results, Trig};
use crate::types::{Program, TypeNames};

/// The core's sort (one copy of the sorting code in the wasm) and substring test (no
/// two-way string searcher in the wasm), for the widget's own lists and texts.
pub(crate) use crate::search::sort::order_by;
pub(crate) use crate::search::text::contains;

/// A feed's text, read: how many records it held and the meetings kept.
pub struct Read {
    /// Records in the feed.
    pub records: usize,
    /// Meetings that could be read.
    pub meetings: Vec<Meeting>,
    /// Type names the feed itself gives (BMLT formats).
    pub type_names: Vec<(String, String)>,
}

/// Reads one feed (its UTF-8 bytes); the error is a message for the console (the visitor
/// sees a plain notice in their language).
pub fn read(feed: &[u8], timezone: Option<&str>, formats: Option<&str>) -> Result<Read, String> {
    let options = ReadOptions {
        default_timezone: timezone.map(String::from),
        bmlt_formats: formats.map(|f| f.as_bytes().to_vec()),
    };
    match feed::read(feed, &options) {
        Ok(feed) => Ok(Read {
            records: feed.records,
            meetings: feed.meetings,
            type_names: feed.type_names,
        }),
        Err(e) => Err(error_text(&e)),
    }
}

/// Why a feed was refused, without `format!` (which costs kilobytes of wasm).
fn error_text(e: &FeedError) -> String {
    let mut t = String::from("meeting-search: ");
    match e {
        FeedError::Empty => t.push_str("the feed is empty"),
        FeedError::NotAFeed { found } => {
            t.push_str("the feed is valid JSON but not a list of meetings: it is ");
            t.push_str(found);
        }
        FeedError::InvalidJson {
            line,
            column,
            reason,
        }
        | FeedError::InvalidFormats {
            line,
            column,
            reason,
        } => {
            t.push_str("not valid JSON at line ");
            push_u32(&mut t, *line as u32);
            t.push_str(", column ");
            push_u32(&mut t, *column as u32);
            t.push_str(": ");
            t.push_str(reason);
        }
    }
    t
}

/// The browser's `Math` functions: Rust's own trigonometry would add ~8 KB of wasm.
const TRIG: Trig = Trig {
    sin: js_sys::Math::sin,
    cos: js_sys::Math::cos,
    atan2: js_sys::Math::atan2,
};

/// The type names for `lang` from the Meeting Guide table `table` (`{code: {lang: name}}`),
/// for the fellowship `program` (`aa`, `al-anon`, `na`), with the embed's `overrides`
/// (`CODE=Name;...`).
pub fn type_names(table: &str, lang: &str, program: &str, overrides: &str) -> TypeNames {
    let program = match program.trim() {
        "al-anon" | "alanon" => Program::AlAnon,
        "na" => Program::Na,
        _ => Program::Aa,
    };
    TypeNames::new(table, lang, program, overrides)
}

/// One index over the meetings of every feed (a meeting listed by two feeds shown once).
pub fn index(feeds: Vec<Vec<Meeting>>, names: TypeNames) -> Index {
    Index::build(merge_meetings(feeds), names, TRIG)
}

/// The results of `query`, in order.
pub fn search(index: &Index, query: &Query) -> Results {
    index.query(query)
}

/// The counts beside each filter option.
pub fn facets(index: &Index, query: &Query) -> Facets {
    index.facets(query)
}

/// The point a typed place name stands for, found in the feed itself (no network).
pub fn place(index: &Index, name: &str) -> Option<LatLon> {
    index.place_point(name)
}

/// Builds one part of what the index otherwise builds on first use (type and region
/// columns, points, words, places); `true` while more remains.
pub fn prepare_step(index: &Index) -> bool {
    index.prepare_step()
}
