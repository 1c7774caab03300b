//! The [`Index`]: built once per load, linear in the feed (plus sorting), answering every
//! query from bitsets and sorted columns.
//!
//! Layout:
//! - **Rows**: one row per weekly occurrence (one for a "by appointment" meeting), sorted
//!   in the default result order (day, start time with untimed last, folded name, slug;
//!   by-appointment rows last). A query that keeps the default order never sorts.
//! - **Bitsets over rows** (`rows / 64` words each): each day, each time-of-day bucket,
//!   each type code, each region (its whole subtree), each attendance choice, "active",
//!   and "can match a distance filter" (coordinates and not online-only).
//! - **Words**: a sorted vocabulary of folded words; a query word is a prefix, so it is a
//!   contiguous range of the vocabulary. Postings list the meetings of each word; each
//!   meeting also keeps its sorted word ids, so a very common prefix is checked per
//!   candidate row instead of unioning huge posting lists.
//! - **Geography**: distance-eligible meetings sorted by latitude, for a band search.
//! - **Scratch**: reusable buffers behind a `RefCell`, so [`Index::query`] takes `&self` and
//!   allocates nothing proportional to the feed except the result list.

use std::cell::RefCell;
use std::collections::{BTreeMap, HashMap};

use super::bitset::{self, words_for};
use super::geo::{GeoPoint, Trig};
use super::places::Gazetteer;
use super::text::{self, for_each_word};
use super::TimeOfDay;
use crate::model::{Attendance, Meeting, Minutes};
use crate::types::{canonical_code, TypeNames};

/// Start minute of an untimed row: after every real time.
pub(crate) const NO_TIME: Minutes = Minutes::MAX;

/// Day number of a "by appointment" row.
pub(crate) const NO_DAY: u8 = 7;

/// The loaded meetings, indexed for search.
#[derive(Debug, Default)]
pub struct Index {
    pub(crate) meetings: Vec<Meeting>,
    pub(crate) trig: Trig,
    /// Row → meeting.
    pub(crate) row_meeting: Vec<u32>,
    /// Row → day (0–6, [`NO_DAY`]).
    pub(crate) row_day: Vec<u8>,
    /// Row → start minute ([`NO_TIME`] when untimed).
    pub(crate) row_start: Vec<Minutes>,
    /// Row → duration in minutes (0 when untimed).
    pub(crate) row_duration: Vec<Minutes>,
    /// Rows of day `d` are `day_start[d]..day_start[d + 1]` (`d` = 7: by appointment).
    pub(crate) day_start: [u32; 9],
    /// Words per bitset.
    pub(crate) words: usize,
    /// Per day (and by appointment).
    pub(crate) day_bits: [Vec<u64>; 8],
    /// Per time-of-day bucket: morning, midday, evening, night.
    pub(crate) bucket_bits: [Vec<u64>; 4],
    /// Type codes present (canonical upper case), sorted, with their rows.
    pub(crate) types: Vec<(String, Vec<u64>)>,
    /// Regions in tree order.
    pub(crate) regions: Vec<RegionNode>,
    /// Per attendance choice: in person, online, hybrid, inactive.
    pub(crate) attendance_bits: [Vec<u64>; 4],
    /// Rows of meetings that are not inactive.
    pub(crate) active_bits: Vec<u64>,
    /// Rows of meetings that can match a distance filter.
    pub(crate) geo_bits: Vec<u64>,
    /// Distance-eligible meetings sorted by latitude.
    pub(crate) geo: Vec<GeoEntry>,
    /// Meeting → prepared point (`None` when not distance-eligible).
    pub(crate) meeting_point: Vec<Option<GeoPoint>>,
    /// Meeting `m`'s rows are `meeting_rows[meeting_row_start[m]..meeting_row_start[m + 1]]`.
    pub(crate) meeting_row_start: Vec<u32>,
    pub(crate) meeting_rows: Vec<u32>,
    /// Sorted folded vocabulary.
    pub(crate) vocab: Vec<String>,
    /// Word `w`'s meetings are `postings[posting_start[w]..posting_start[w + 1]]`.
    pub(crate) posting_start: Vec<u32>,
    pub(crate) postings: Vec<u32>,
    /// Meeting `m`'s sorted word ids are `meeting_words[meeting_word_start[m]..[m + 1]]`.
    pub(crate) meeting_word_start: Vec<u32>,
    pub(crate) meeting_words: Vec<u32>,
    /// Places named by the feed.
    pub(crate) gazetteer: Gazetteer,
    /// Reusable buffers.
    pub(crate) scratch: RefCell<Scratch>,
}

/// One region of the tree, with the rows of its whole subtree.
#[derive(Debug, Default)]
pub(crate) struct RegionNode {
    /// The path from the top, general → specific.
    pub(crate) path: Vec<String>,
    /// The folded last name.
    pub(crate) folded_name: String,
    /// The folded path, its names joined by spaces.
    pub(crate) folded_path: String,
    /// Rows in it and below it.
    pub(crate) bits: Vec<u64>,
}

/// A distance-eligible meeting in the latitude-sorted column.
#[derive(Clone, Copy, Debug)]
pub(crate) struct GeoEntry {
    pub(crate) lat: f64,
    pub(crate) lon: f64,
    pub(crate) meeting: u32,
}

/// Buffers reused across queries (each grows once to the feed's size).
#[derive(Debug, Default)]
pub(crate) struct Scratch {
    pub(crate) text: Vec<u64>,
    pub(crate) tmp: Vec<u64>,
    pub(crate) geo: Vec<u64>,
    pub(crate) window: Vec<u64>,
    pub(crate) region: Vec<u64>,
    /// Per-meeting distance from the query's point, valid for meetings in `geo`.
    pub(crate) distance: Vec<f64>,
    /// The bases of the facet counts, one per dimension.
    pub(crate) bases: [Vec<u64>; 5],
    /// One word's folded text.
    pub(crate) word: String,
    /// Whether `text` holds a filter for the current query.
    pub(crate) text_active: bool,
    /// Whether `region` holds a filter for the current query.
    pub(crate) region_active: bool,
}

/// The region path of a meeting: `regions`, else its city.
pub(crate) fn region_path(m: &Meeting) -> Vec<&str> {
    let path: Vec<&str> = m
        .regions
        .iter()
        .map(|r| r.trim())
        .filter(|r| !r.is_empty())
        .collect();
    if !path.is_empty() {
        return path;
    }
    let city = m.place.city.trim();
    if city.is_empty() {
        Vec::new()
    } else {
        vec![city]
    }
}

/// Whether a meeting can match a distance filter: it has coordinates and is not online-only.
pub(crate) fn distance_eligible(m: &Meeting) -> bool {
    m.place.coordinates.is_some() && m.attendance != Attendance::Online
}

impl TimeOfDay {
    /// The four buckets: morning, midday, evening, night.
    pub const ALL: [TimeOfDay; 4] = [
        TimeOfDay::Morning,
        TimeOfDay::Midday,
        TimeOfDay::Evening,
        TimeOfDay::Night,
    ];

    /// Whether a meeting starting at `start` falls in this bucket: morning 04:00–11:59,
    /// midday 11:00–16:59, evening 16:00–20:59, night 20:00–04:59 (they overlap on purpose).
    pub fn contains(self, start: Minutes) -> bool {
        match self {
            TimeOfDay::Morning => (240..720).contains(&start),
            TimeOfDay::Midday => (660..1020).contains(&start),
            TimeOfDay::Evening => (960..1260).contains(&start),
            TimeOfDay::Night => (1200..1440).contains(&start) || start < 300,
        }
    }
}

impl Index {
    /// Builds the index over `meetings`, with the English Meeting Guide type names for word
    /// search (natively; in WebAssembly type codes are searched as themselves unless the
    /// widget passes names to [`Index::build`]) and Rust's own trigonometry.
    pub fn new(meetings: Vec<Meeting>) -> Index {
        #[cfg(not(target_arch = "wasm32"))]
        let names = TypeNames::english(crate::types::Program::Aa);
        #[cfg(target_arch = "wasm32")]
        let names = TypeNames::default();
        Index::build(meetings, &names, Trig::STD)
    }

    /// Builds the index over `meetings`, searching type names as `names` gives them and
    /// computing distances with `trig`.
    pub fn build(meetings: Vec<Meeting>, names: &TypeNames, trig: Trig) -> Index {
        let mut index = Index {
            trig,
            ..Index::default()
        };
        index.build_rows(&meetings);
        index.words = words_for(index.row_meeting.len());
        index.build_row_bits(&meetings);
        index.build_types(&meetings);
        index.build_regions(&meetings);
        index.build_geo(&meetings);
        index.build_words(&meetings, names);
        index.gazetteer = Gazetteer::build(&meetings);
        index.meetings = meetings;
        index
    }

    /// The meetings, in the order given to [`Index::new`].
    pub fn meetings(&self) -> &[Meeting] {
        &self.meetings
    }

    /// How many rows (weekly occurrences, plus one per "by appointment" meeting) there are:
    /// the number of results of a query that matches everything.
    pub fn rows(&self) -> usize {
        self.row_meeting.len()
    }

    fn build_rows(&mut self, meetings: &[Meeting]) {
        // (day, start, meeting) for every occurrence, then sorted in result order.
        let mut rows: Vec<(u8, Minutes, Minutes, u32)> = Vec::new();
        for (m, meeting) in meetings.iter().enumerate() {
            let m = m as u32;
            if meeting.occurrences.is_empty() {
                rows.push((NO_DAY, NO_TIME, 0, m));
            }
            for o in &meeting.occurrences {
                let (start, duration) = match o.time {
                    Some(t) => (t.start, t.duration()),
                    None => (NO_TIME, 0),
                };
                rows.push((o.day.number(), start, duration, m));
            }
        }
        let folded: Vec<String> = meetings.iter().map(|m| text::fold(&m.name)).collect();
        rows.sort_unstable_by(|a, b| {
            (a.0, a.1)
                .cmp(&(b.0, b.1))
                .then_with(|| folded[a.3 as usize].cmp(&folded[b.3 as usize]))
                .then_with(|| {
                    meetings[a.3 as usize]
                        .slug
                        .cmp(&meetings[b.3 as usize].slug)
                })
                .then_with(|| a.3.cmp(&b.3))
                .then_with(|| a.2.cmp(&b.2))
        });
        self.row_day = rows.iter().map(|r| r.0).collect();
        self.row_start = rows.iter().map(|r| r.1).collect();
        self.row_duration = rows.iter().map(|r| r.2).collect();
        self.row_meeting = rows.iter().map(|r| r.3).collect();
        for d in 0..9u8 {
            self.day_start[d as usize] = self.row_day.partition_point(|&x| x < d) as u32;
        }
        // Meeting → rows.
        let mut counts = vec![0u32; meetings.len() + 1];
        for &m in &self.row_meeting {
            counts[m as usize + 1] += 1;
        }
        for i in 1..counts.len() {
            counts[i] += counts[i - 1];
        }
        let mut fill = counts.clone();
        let mut list = vec![0u32; self.row_meeting.len()];
        for (r, &m) in self.row_meeting.iter().enumerate() {
            list[fill[m as usize] as usize] = r as u32;
            fill[m as usize] += 1;
        }
        self.meeting_row_start = counts;
        self.meeting_rows = list;
    }

    fn new_bits(&self) -> Vec<u64> {
        vec![0; self.words]
    }

    fn build_row_bits(&mut self, meetings: &[Meeting]) {
        let mut days: [Vec<u64>; 8] = Default::default();
        let mut buckets: [Vec<u64>; 4] = Default::default();
        let mut attendance: [Vec<u64>; 4] = Default::default();
        for b in days.iter_mut().chain(&mut buckets).chain(&mut attendance) {
            *b = self.new_bits();
        }
        let mut active = self.new_bits();
        let mut geo = self.new_bits();
        for r in 0..self.row_meeting.len() {
            bitset::set(&mut days[self.row_day[r] as usize], r);
            let start = self.row_start[r];
            if start != NO_TIME {
                for (k, bucket) in TimeOfDay::ALL.iter().enumerate() {
                    if bucket.contains(start) {
                        bitset::set(&mut buckets[k], r);
                    }
                }
            }
            let m = &meetings[self.row_meeting[r] as usize];
            let a = m.attendance;
            let flags = [
                a.in_person(),
                a.online(),
                a == Attendance::Hybrid,
                a == Attendance::Inactive,
            ];
            for (k, on) in flags.into_iter().enumerate() {
                if on {
                    bitset::set(&mut attendance[k], r);
                }
            }
            if a != Attendance::Inactive {
                bitset::set(&mut active, r);
            }
            if distance_eligible(m) {
                bitset::set(&mut geo, r);
            }
        }
        self.day_bits = days;
        self.bucket_bits = buckets;
        self.attendance_bits = attendance;
        self.active_bits = active;
        self.geo_bits = geo;
    }

    fn build_types(&mut self, meetings: &[Meeting]) {
        let mut by_code: BTreeMap<String, Vec<u64>> = BTreeMap::new();
        for (m, meeting) in meetings.iter().enumerate() {
            for code in &meeting.types {
                let code = canonical_code(code);
                if code.is_empty() {
                    continue;
                }
                let words = self.words;
                let bits = by_code.entry(code).or_insert_with(|| vec![0; words]);
                for &r in self.rows_of(m) {
                    bitset::set(bits, r as usize);
                }
            }
        }
        self.types = by_code.into_iter().collect();
    }

    /// The rows of meeting `m`.
    pub(crate) fn rows_of(&self, m: usize) -> &[u32] {
        let s = self.meeting_row_start[m] as usize;
        let e = self.meeting_row_start[m + 1] as usize;
        &self.meeting_rows[s..e]
    }

    fn build_regions(&mut self, meetings: &[Meeting]) {
        // Every prefix of every path is a node; order: folded names component-wise.
        let mut nodes: BTreeMap<Vec<(String, String)>, Vec<u64>> = BTreeMap::new();
        for (m, meeting) in meetings.iter().enumerate() {
            let path = region_path(meeting);
            let mut key: Vec<(String, String)> = Vec::with_capacity(path.len());
            for name in path {
                key.push((text::fold(name), name.into()));
                let words = self.words;
                let bits = nodes.entry(key.clone()).or_insert_with(|| vec![0; words]);
                for &r in self.rows_of(m) {
                    bitset::set(bits, r as usize);
                }
            }
        }
        self.regions = nodes
            .into_iter()
            .map(|(key, bits)| {
                let folded_path = key
                    .iter()
                    .map(|(f, _)| f.as_str())
                    .collect::<Vec<_>>()
                    .join(" ");
                RegionNode {
                    folded_name: key.last().map(|(f, _)| f.clone()).unwrap_or_default(),
                    folded_path,
                    path: key.into_iter().map(|(_, n)| n).collect(),
                    bits,
                }
            })
            .collect();
    }

    fn build_geo(&mut self, meetings: &[Meeting]) {
        let trig = self.trig;
        self.meeting_point = meetings
            .iter()
            .map(|m| match m.place.coordinates {
                Some(p) if distance_eligible(m) => Some(GeoPoint::new(p, &trig)),
                _ => None,
            })
            .collect();
        let mut geo: Vec<GeoEntry> = meetings
            .iter()
            .enumerate()
            .filter(|(_, m)| distance_eligible(m))
            .filter_map(|(i, m)| {
                m.place.coordinates.map(|p| GeoEntry {
                    lat: p.lat,
                    lon: p.lon,
                    meeting: i as u32,
                })
            })
            .collect();
        geo.sort_unstable_by(|a, b| a.lat.total_cmp(&b.lat).then(a.meeting.cmp(&b.meeting)));
        self.geo = geo;
    }

    fn build_words(&mut self, meetings: &[Meeting], names: &TypeNames) {
        let mut ids: HashMap<String, u32> = HashMap::new();
        let mut vocab: Vec<String> = Vec::new();
        let mut per_meeting: Vec<u32> = Vec::new();
        let mut starts: Vec<u32> = Vec::with_capacity(meetings.len() + 1);
        let mut buf = String::new();
        starts.push(0);
        for meeting in meetings {
            let begin = per_meeting.len();
            let mut add = |text: &str, buf: &mut String| {
                for_each_word(text, buf, |w| {
                    let id = match ids.get(w) {
                        Some(&id) => id,
                        None => {
                            let id = vocab.len() as u32;
                            ids.insert(w.into(), id);
                            vocab.push(w.into());
                            id
                        }
                    };
                    per_meeting.push(id);
                });
            };
            let p = &meeting.place;
            for field in [
                &meeting.name,
                &p.location,
                &p.address,
                &p.city,
                &p.state,
                &p.postal_code,
                &p.formatted_address,
                &p.neighborhood,
                &p.notes,
                &meeting.group,
                &meeting.group_notes,
                &meeting.notes,
            ] {
                add(field, &mut buf);
            }
            for region in &meeting.regions {
                add(region, &mut buf);
            }
            for code in &meeting.types {
                add(names.name(code), &mut buf);
            }
            per_meeting[begin..].sort_unstable();
            let mut w = begin;
            for r in begin..per_meeting.len() {
                if w == begin || per_meeting[w - 1] != per_meeting[r] {
                    per_meeting[w] = per_meeting[r];
                    w += 1;
                }
            }
            per_meeting.truncate(w);
            starts.push(per_meeting.len() as u32);
        }
        // Renumber words by their rank in the sorted vocabulary.
        let mut order: Vec<u32> = (0..vocab.len() as u32).collect();
        order.sort_unstable_by(|&a, &b| vocab[a as usize].cmp(&vocab[b as usize]));
        let mut rank = vec![0u32; vocab.len()];
        for (r, &id) in order.iter().enumerate() {
            rank[id as usize] = r as u32;
        }
        for id in per_meeting.iter_mut() {
            *id = rank[*id as usize];
        }
        for m in 0..meetings.len() {
            per_meeting[starts[m] as usize..starts[m + 1] as usize].sort_unstable();
        }
        let mut sorted_vocab: Vec<String> = vec![String::new(); vocab.len()];
        for (id, word) in vocab.into_iter().enumerate() {
            sorted_vocab[rank[id] as usize] = word;
        }
        // Postings: word → meetings, by counting.
        let mut posting_start = vec![0u32; sorted_vocab.len() + 1];
        for &w in &per_meeting {
            posting_start[w as usize + 1] += 1;
        }
        for i in 1..posting_start.len() {
            posting_start[i] += posting_start[i - 1];
        }
        let mut fill = posting_start.clone();
        let mut postings = vec![0u32; per_meeting.len()];
        for m in 0..meetings.len() {
            for &w in &per_meeting[starts[m] as usize..starts[m + 1] as usize] {
                postings[fill[w as usize] as usize] = m as u32;
                fill[w as usize] += 1;
            }
        }
        self.vocab = sorted_vocab;
        self.posting_start = posting_start;
        self.postings = postings;
        self.meeting_word_start = starts;
        self.meeting_words = per_meeting;
    }

    /// The range of vocabulary ids whose words begin with `prefix` (already folded).
    pub(crate) fn prefix_range(&self, prefix: &str) -> (usize, usize) {
        let lo = self.vocab.partition_point(|w| w.as_str() < prefix);
        let hi = lo + self.vocab[lo..].partition_point(|w| w.starts_with(prefix));
        (lo, hi)
    }

    /// Whether meeting `m` has a word with an id in `lo..hi`.
    pub(crate) fn meeting_has_word_in(&self, m: usize, lo: usize, hi: usize) -> bool {
        let s = self.meeting_word_start[m] as usize;
        let e = self.meeting_word_start[m + 1] as usize;
        let ids = &self.meeting_words[s..e];
        let i = ids.partition_point(|&w| (w as usize) < lo);
        i < ids.len() && (ids[i] as usize) < hi
    }
}
