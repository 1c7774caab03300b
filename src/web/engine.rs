//! The widget's one door to the core: reading a feed, searching, counting and resolving
//! a typed place. Every call into `feed` and `search` goes through here, so the rest of
//! the widget does not change when the core's implementation does.

use super::interim;
use crate::model::{LatLon, Meeting};
use crate::search::{Facets, Index, Query, Results};

/// A feed's text, read: how many records it held and the meetings kept.
pub struct Read {
    /// Records in the feed.
    pub records: usize,
    /// Meetings that could be read.
    pub meetings: Vec<Meeting>,
}

/// Reads one feed's text; `None` when it is not a feed at all.
pub fn read(text: &str, _timezone: Option<&str>, _formats: Option<&str>) -> Option<Read> {
    let (records, meetings) = interim::read(text)?;
    Some(Read { records, meetings })
}

/// The results of `query`, in order.
pub fn search(index: &Index, query: &Query) -> Results {
    interim::search(index, query)
}

/// The counts beside each filter option.
pub fn facets(index: &Index, query: &Query) -> Facets {
    interim::facets(index, query)
}

/// The point a typed place name stands for, found in the feed itself (no network).
pub fn place(index: &Index, name: &str) -> Option<LatLon> {
    interim::place(index, name)
}
