//! The [`Index`]: built once per load, linear in the feed (plus sorting), answering every
//! query from bitsets and sorted columns.
//!
//! Layout:
//! - **Rows**: one row per weekly occurrence (one for a "by appointment" meeting), sorted
//!   in the default result order (day, start time with untimed last, folded name, slug;
//!   by-appointment rows last). A query that keeps the default order never sorts. Each
//!   row is kept as its meeting and its sort key, which holds its day, start and duration.
//! - **Bitsets over rows** (`rows / 64` words each): each day, each time-of-day bucket,
//!   each attendance choice, "active", and "can match a distance filter" (coordinates and
//!   not online-only), one after another in one buffer ([`Index::bits`]); each type code and each region (its whole subtree), built on first
//!   use (a type or region filter, or the counts beside the filters) or by
//!   [`Index::prepare`].
//! - **Words** ([`Words`]): the word index, built on first use (a typed word) or by
//!   [`Index::prepare`], so that the first results need not wait for it.
//! - **Geography** ([`Geo`]): distance-eligible meetings sorted by latitude, for a band
//!   search, built on first use (a distance filter) or by [`Index::prepare`].
//! - **Places** ([`Gazetteer`]): the places the feed names, built on first use (a typed
//!   place name) or by [`Index::prepare`], like the word index.
//! - **Scratch**: reusable buffers behind a `RefCell`, so [`Index::query`] takes `&self` and
//!   allocates nothing proportional to the feed except the result list.

use std::cell::{OnceCell, RefCell};

use super::bitset::{self, words_for};
use super::geo::{GeoPoint, Trig};
use super::places::Gazetteer;
use super::sort::{group, grouped, order_by, sort_keys};
use super::text;
use super::words::{Words, WordsBuilder};
use super::TimeOfDay;
use crate::feed::push_int;
use crate::hash::TextMap;
use crate::model::{Attendance, Meeting, Minutes};
use crate::types::{canonical_code, TypeNames};

/// How many meetings' words one [`Index::prepare_step`] reads: a few milliseconds of
/// work in a browser.
pub const PREPARE_MEETINGS: usize = 500;

/// Start minute of an untimed row: after every real time.
pub(crate) const NO_TIME: Minutes = Minutes::MAX;

/// Day number of a "by appointment" row.
pub(crate) const NO_DAY: u8 = 7;

/// The first of the bitsets of [`Index::bits`] per day (and by appointment, the 8th).
pub(crate) const DAYS: usize = 0;
/// The first of the bitsets per time-of-day bucket: morning, midday, evening, night.
pub(crate) const BUCKETS: usize = 8;
/// The first of the bitsets per attendance choice: in person, online, hybrid, inactive.
pub(crate) const ATTENDANCE: usize = 12;
/// The bitset of the rows of meetings that are not inactive.
pub(crate) const ACTIVE: usize = 16;
/// The bitset of the rows of meetings that can match a distance filter.
pub(crate) const GEO: usize = 17;
/// How many bitsets [`Index::bits`] holds.
const FIXED: usize = 18;
// `fixed_bits` sets the attendance choices, active and distance-eligible as one run.
const _: () = assert!(ACTIVE == ATTENDANCE + 4 && GEO == ACTIVE + 1 && FIXED == GEO + 1);

/// The loaded meetings, indexed for search.
#[derive(Debug, Default)]
pub struct Index {
    pub(crate) meetings: Vec<Meeting>,
    pub(crate) trig: Trig,
    /// Row → meeting.
    pub(crate) row_meeting: Vec<u32>,
    /// Row → its sort key, which holds its day, start and duration (read by
    /// [`Index::row`]): one column, so one bounds check per row read.
    row_key: Vec<u64>,
    /// Rows of day `d` are `day_start[d]..day_start[d + 1]` (`d` = 7: by appointment).
    pub(crate) day_start: [u32; 9],
    /// Words per bitset.
    pub(crate) words: usize,
    /// The bitsets fixed at build time, `words` words each, numbered as [`DAYS`],
    /// [`BUCKETS`], [`ATTENDANCE`], [`ACTIVE`] and [`GEO`] say: one buffer rather than
    /// eighteen `Vec`s (one allocation, nothing to move or drop one by one).
    pub(crate) fixed: Vec<u64>,
    /// Type codes present (canonical upper case), sorted, with their rows; built on
    /// first use.
    types: OnceCell<Vec<(String, Vec<u64>)>>,
    /// Regions in tree order, built on first use.
    regions: OnceCell<Vec<RegionNode>>,
    /// The meetings' points, built on first use (a distance filter).
    geo: OnceCell<Geo>,
    /// Meeting `m`'s rows are `meeting_rows[meeting_row_start[m]..meeting_row_start[m + 1]]`.
    pub(crate) meeting_row_start: Vec<u32>,
    pub(crate) meeting_rows: Vec<u32>,
    /// The type names words are searched by (kept to build [`Words`] later).
    names: TypeNames,
    /// The word index, built on first use.
    words_index: OnceCell<Words>,
    /// The word index part-built by [`Index::prepare_step`].
    words_building: RefCell<WordsBuilder>,
    /// Places named by the feed, built on first use.
    gazetteer: OnceCell<Gazetteer>,
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

/// The meetings' points, for distance filters.
#[derive(Debug, Default)]
pub(crate) struct Geo {
    /// Distance-eligible meetings sorted by latitude.
    pub(crate) sorted: Vec<GeoEntry>,
    /// Meeting → prepared point (`None` when not distance-eligible).
    pub(crate) point: Vec<Option<GeoPoint>>,
    /// Meeting → point on the unit sphere (NaN when not distance-eligible).
    pub(crate) xyz: Vec<[f64; 3]>,
}

impl Geo {
    /// No points.
    const EMPTY: Geo = Geo {
        sorted: Vec::new(),
        point: Vec::new(),
        xyz: Vec::new(),
    };
}

/// A distance-eligible meeting in the latitude-sorted column.
#[derive(Clone, Copy, Debug)]
pub(crate) struct GeoEntry {
    pub(crate) lat: f64,
    pub(crate) lon: f64,
    /// The point on the unit sphere.
    pub(crate) xyz: [f64; 3],
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
    /// The bases of the facet counts, one per dimension.
    pub(crate) bases: [Vec<u64>; 5],
    /// One word's folded text.
    pub(crate) word: String,
    /// Whether `text` holds a filter for the current query.
    pub(crate) text_active: bool,
    /// Whether `region` holds a filter for the current query.
    pub(crate) region_active: bool,
    /// Whether the radius is tested row by row (so `geo` is not built).
    pub(crate) geo_deferred: bool,
}

/// The region path of a meeting, general → specific, into `path`: its `regions` (trimmed,
/// blanks skipped), else its city.
pub(crate) fn region_path<'a>(m: &'a Meeting, path: &mut Vec<&'a str>) {
    path.clear();
    for r in &m.regions {
        let r = r.trim();
        if !r.is_empty() {
            path.push(r);
        }
    }
    let city = m.place.city.trim();
    if path.is_empty() && !city.is_empty() {
        path.push(city);
    }
}

/// Whether a meeting can match a distance filter: it has coordinates and is not online-only.
pub(crate) fn distance_eligible(m: &Meeting) -> bool {
    m.place.coordinates.is_some() && m.attendance != Attendance::Online
}

/// `cell`'s value, built by `build` on first use. (Not `OnceCell::get_or_init`, whose
/// check that `build` did not fill the cell itself costs each part a panic path and a drop
/// of its value in the wasm: were that ever the case, the value built second is leaked
/// and the first kept.) `empty` is never returned: the cell is full by then.
fn built<'a, T>(cell: &'a OnceCell<T>, empty: &'a T, build: impl FnOnce() -> T) -> &'a T {
    if cell.get().is_none() {
        if let Err(value) = cell.set(build()) {
            std::mem::forget(value);
        }
    }
    cell.get().unwrap_or(empty)
}

/// What a row's key says of it.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Row {
    /// 0–6, or [`NO_DAY`].
    pub(crate) day: u8,
    /// Start minute ([`NO_TIME`] when untimed).
    pub(crate) start: Minutes,
    /// Duration in minutes (0 when untimed).
    pub(crate) duration: Minutes,
}

/// The day, start and duration packed in a row's sort key.
fn row(key: u64) -> Row {
    Row {
        day: (key >> 60) as u8,
        start: (key >> 44) as Minutes,
        duration: key as Minutes,
    }
}

/// The row columns [`Index::build`] moves into the index.
struct Rows {
    meeting: Vec<u32>,
    key: Vec<u64>,
    day_start: [u32; 9],
    meeting_row_start: Vec<u32>,
    meeting_rows: Vec<u32>,
}

impl Rows {
    fn new(meetings: &[Meeting]) -> Rows {
        // Meetings ranked by folded name, then slug (then input order) ...
        // (Every name folded into one string, meeting m's at `ends[m]..ends[m + 1]`: no
        // allocation per meeting.)
        let mut folded = String::new();
        let mut buf = String::new();
        let mut ends: Vec<usize> = Vec::with_capacity(meetings.len() + 1);
        ends.push(0);
        for m in meetings {
            text::fold_into(&m.name, &mut folded, &mut buf);
            ends.push(folded.len());
        }
        // (A plain loop: a `collect` would be one more copy of that code in the wasm.)
        let mut names: Vec<&str> = Vec::with_capacity(meetings.len());
        for w in ends.windows(2) {
            names.push(folded.get(w[0]..w[1]).unwrap_or_default());
        }
        let by_name = order_by(meetings.len(), &mut |a, b| {
            names[a]
                .cmp(names[b])
                .then_with(|| meetings[a].slug.cmp(&meetings[b].slug))
        });
        let mut rank = vec![0u64; meetings.len()];
        for (r, &m) in by_name.iter().enumerate() {
            rank[m as usize] = r as u64;
        }
        // ... then every row as one sortable number: day (4 bits), start (16), rank (28),
        // duration (16), as [`row`] reads it.
        let mut keys: Vec<u64> = Vec::with_capacity(meetings.len() * 2);
        for (m, meeting) in meetings.iter().enumerate() {
            let key = |day: u8, start: Minutes, duration: Minutes| {
                (day as u64) << 60 | (start as u64) << 44 | rank[m] << 16 | duration as u64
            };
            if meeting.occurrences.is_empty() {
                keys.push(key(NO_DAY, NO_TIME, 0));
            }
            for o in &meeting.occurrences {
                keys.push(match o.time {
                    Some(t) => key(o.day.number(), t.start, t.duration()),
                    None => key(o.day.number(), NO_TIME, 0),
                });
            }
        }
        sort_keys(&mut keys);
        // Row → meeting, and the rows per day counted (day `d`'s in slot `d + 1`) ...
        let mut meeting = Vec::with_capacity(keys.len());
        let mut day_start = [0u32; 9];
        for &k in &keys {
            meeting.push(by_name[((k >> 16) & ((1 << 28) - 1)) as usize]);
            if let Some(n) = day_start.get_mut(row(k).day as usize + 1) {
                *n += 1;
            }
        }
        // ... then summed: day `d`'s rows start after every earlier day's.
        for d in 1..9 {
            day_start[d] += day_start[d - 1];
        }
        // Meeting → rows.
        let (meeting_row_start, meeting_rows) = group(&meeting, meetings.len(), &[]);
        Rows {
            meeting,
            key: keys,
            day_start,
            meeting_row_start,
            meeting_rows,
        }
    }
}

/// Per [`Attendance`] (in declaration order), the bitsets from [`ATTENDANCE`] on that its
/// rows are in: bit 0 in person, 1 online, 2 hybrid, 3 inactive, 4 active.
const ATTENDANCE_BITS: [u8; 4] = [0b1_0001, 0b1_0010, 0b1_0111, 0b0_1000];

/// The bitsets of [`Index::bits`] over `rows`, `words` words each.
fn fixed_bits(rows: &Rows, meetings: &[Meeting], words: usize) -> Vec<u64> {
    let mut fixed = vec![0; FIXED * words];
    for (r, (&key, &m)) in rows.key.iter().zip(&rows.meeting).enumerate() {
        let mut set = |k: usize| bitset::set(&mut fixed, k * words * 64 + r);
        let Row { day, start, .. } = row(key);
        set(DAYS + day as usize);
        if start != NO_TIME {
            for (k, bucket) in TimeOfDay::ALL.iter().enumerate() {
                if bucket.contains(start) {
                    set(BUCKETS + k);
                }
            }
        }
        let m = &meetings[m as usize];
        // Attendance choices, then active, then distance-eligible, as bits.
        let mut flags = ATTENDANCE_BITS[m.attendance as usize % 4] as usize
            | usize::from(distance_eligible(m)) << 5;
        while flags != 0 {
            set(ATTENDANCE + flags.trailing_zeros() as usize);
            flags &= flags - 1;
        }
    }
    fixed
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
        Index::build(meetings, names, Trig::STD)
    }

    /// The type names words are searched by, as [`Index::build`] was given them.
    pub fn names(&self) -> &TypeNames {
        &self.names
    }

    /// Takes the type names back (for the next index); this index's word search then knows
    /// type codes only.
    pub fn take_names(&mut self) -> TypeNames {
        std::mem::take(&mut self.names)
    }

    /// Builds the index over `meetings`, searching type names as `names` gives them and
    /// computing distances with `trig`.
    pub fn build(meetings: Vec<Meeting>, names: TypeNames, trig: Trig) -> Index {
        // Every field written once (no default index filled and then overwritten).
        let rows = Rows::new(&meetings);
        let words = words_for(rows.meeting.len());
        let fixed = fixed_bits(&rows, &meetings, words);
        Index {
            meetings,
            trig,
            row_meeting: rows.meeting,
            row_key: rows.key,
            day_start: rows.day_start,
            words,
            fixed,
            types: OnceCell::new(),
            regions: OnceCell::new(),
            geo: OnceCell::new(),
            meeting_row_start: rows.meeting_row_start,
            meeting_rows: rows.meeting_rows,
            names,
            words_index: OnceCell::new(),
            words_building: RefCell::default(),
            gazetteer: OnceCell::new(),
            scratch: RefCell::default(),
        }
    }

    /// Builds now what is otherwise built on first use (the type and region columns, the
    /// points, the word index and the places), so that a later query does not wait for it:
    /// the widget calls this once the first results are painted.
    pub fn prepare(&self) {
        while self.prepare_step() {}
    }

    /// Builds one part of what [`Index::prepare`] builds (the word index
    /// [`PREPARE_MEETINGS`] meetings at a time), so that the page is never held for long;
    /// `true` while something remains.
    pub fn prepare_step(&self) -> bool {
        if self.types.get().is_none() {
            self.types();
        } else if self.regions.get().is_none() {
            self.regions();
        } else if self.geo.get().is_none() {
            self.geo();
        } else if self.words_index.get().is_none() {
            let read = self.words_building.borrow_mut().read(
                &self.meetings,
                &self.names,
                PREPARE_MEETINGS,
            );
            if read {
                self.words();
            }
        } else if self.gazetteer.get().is_none() {
            self.gazetteer();
        } else {
            return false;
        }
        true
    }

    /// The places the feed names, built on first use.
    pub(crate) fn gazetteer(&self) -> &Gazetteer {
        static NONE: Gazetteer = Gazetteer::EMPTY;
        built(&self.gazetteer, &NONE, || Gazetteer::build(&self.meetings))
    }

    /// The type codes present (canonical upper case), sorted, with their rows; built on
    /// first use (a type filter or the counts beside the filters).
    pub(crate) fn types(&self) -> &[(String, Vec<u64>)] {
        static NONE: Vec<(String, Vec<u64>)> = Vec::new();
        built::<Vec<_>>(&self.types, &NONE, || self.build_types())
    }

    /// The regions in tree order, built on first use (a region filter or the counts).
    pub(crate) fn regions(&self) -> &[RegionNode] {
        static NONE: Vec<RegionNode> = Vec::new();
        built::<Vec<_>>(&self.regions, &NONE, || self.build_regions())
    }

    /// The meetings' points, built on first use (a distance filter).
    pub(crate) fn geo(&self) -> &Geo {
        static NONE: Geo = Geo::EMPTY;
        built(&self.geo, &NONE, || self.build_geo())
    }

    /// The word index, built on first use.
    pub(crate) fn words(&self) -> &Words {
        static NONE: Words = Words::EMPTY;
        built(&self.words_index, &NONE, || {
            // Whatever prepare_step() has read already is kept.
            let mut builder = std::mem::take(&mut *self.words_building.borrow_mut());
            builder.read(&self.meetings, &self.names, self.meetings.len());
            builder.finish()
        })
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

    /// Row `r`'s day, start and duration.
    pub(crate) fn row(&self, r: usize) -> Row {
        row(self.row_key[r])
    }

    /// The start minute of every row, in row order.
    pub(crate) fn row_starts(&self) -> impl Iterator<Item = Minutes> + '_ {
        self.row_key.iter().map(|&k| row(k).start)
    }

    /// Bitset `k` of the fixed ones ([`DAYS`], [`BUCKETS`], ...).
    pub(crate) fn bits(&self, k: usize) -> &[u64] {
        self.fixed
            .get(k * self.words..(k + 1) * self.words)
            .unwrap_or_default()
    }

    fn new_bits(&self) -> Vec<u64> {
        vec![0; self.words]
    }

    fn build_types(&self) -> Vec<(String, Vec<u64>)> {
        // Feed spelling → slot (`u64::MAX` for a blank code).
        let mut spelling = TextMap::default();
        let mut slots: Vec<(String, Vec<u64>)> = Vec::new();
        for (m, meeting) in self.meetings.iter().enumerate() {
            for code in &meeting.types {
                let slot = match spelling.get(code.as_str()) {
                    Some(s) => s,
                    None => {
                        // A new spelling: its canonical code's slot, found among the few
                        // codes so far (no second map to carry in the wasm).
                        let c = canonical_code(code);
                        let mut s = u64::MAX;
                        if !c.is_empty() {
                            s = slots.len() as u64;
                            for (i, (known, _)) in slots.iter().enumerate() {
                                if *known == c {
                                    s = i as u64;
                                }
                            }
                            if s == slots.len() as u64 {
                                slots.push((c, self.new_bits()));
                            }
                        }
                        spelling.insert(code.clone(), s);
                        s
                    }
                };
                if let Some((_, bits)) = slots.get_mut(slot as usize) {
                    for &r in self.rows_of(m) {
                        bitset::set(bits, r as usize);
                    }
                }
            }
        }
        // Codes are distinct, so the index tie-break changes nothing.
        let order = order_by(slots.len(), &mut |a, b| slots[a].0.cmp(&slots[b].0));
        let mut sorted = Vec::with_capacity(slots.len());
        for &i in &order {
            sorted.push(std::mem::take(&mut slots[i as usize]));
        }
        sorted
    }

    /// The rows of meeting `m` (none for a number past the last meeting).
    pub(crate) fn rows_of(&self, m: usize) -> &[u32] {
        grouped(&self.meeting_row_start, &self.meeting_rows, m, m + 1)
    }

    fn build_regions(&self) -> Vec<RegionNode> {
        // Every prefix of every path is a node, found by its parent and its name written
        // as text: the parent's id + 1 (0 at the top), `:`, the name.
        let mut ids = TextMap::default();
        let mut key = String::new();
        let mut nodes: Vec<RegionNode> = Vec::new();
        // Node → the ids of its path, from the top down to itself.
        let mut chains: Vec<Vec<u32>> = Vec::new();
        let mut path = Vec::new();
        for (m, meeting) in self.meetings.iter().enumerate() {
            let mut parent = None;
            region_path(meeting, &mut path);
            for &name in &path {
                key.clear();
                push_int(&mut key, parent.map_or(0, |p: usize| p as i64 + 1));
                key.push(':');
                key.push_str(name);
                let id = match ids.get(&key) {
                    Some(id) => id as usize,
                    None => {
                        let mut node = RegionNode {
                            folded_name: text::fold(name),
                            bits: self.new_bits(),
                            ..RegionNode::default()
                        };
                        let mut chain = Vec::new();
                        if let Some(p) = parent {
                            node.path = nodes[p].path.clone();
                            node.folded_path = nodes[p].folded_path.clone();
                            node.folded_path.push(' ');
                            chain.extend_from_slice(&chains[p]);
                        }
                        node.path.push(name.into());
                        node.folded_path.push_str(&node.folded_name);
                        chain.push(nodes.len() as u32);
                        nodes.push(node);
                        chains.push(chain);
                        ids.insert(key.clone(), nodes.len() as u64 - 1);
                        nodes.len() - 1
                    }
                };
                for &r in self.rows_of(m) {
                    bitset::set(&mut nodes[id].bits, r as usize);
                }
                parent = Some(id);
            }
        }
        // Tree order: paths compared name by name, each as (folded name, name), which is
        // the tree in preorder with each node's children ordered by (folded name, name).
        // Sibling names are distinct, so no two paths are equal.
        let level = |&id: &u32| {
            let n = &nodes[id as usize];
            // (A node's path ends with its own name, so `""` is never used.)
            (
                n.folded_name.as_str(),
                n.path.last().map_or("", String::as_str),
            )
        };
        let order = order_by(nodes.len(), &mut |a, b| {
            // (A loop, not `Iterator::cmp`, whose generic copies cost more in the wasm.)
            let (a, b) = (&chains[a], &chains[b]);
            for (x, y) in a.iter().zip(b) {
                let o = level(x).cmp(&level(y));
                if o.is_ne() {
                    return o;
                }
            }
            a.len().cmp(&b.len())
        });
        let mut regions = Vec::with_capacity(nodes.len());
        for &id in &order {
            regions.push(std::mem::take(&mut nodes[id as usize]));
        }
        regions
    }

    fn build_geo(&self) -> Geo {
        let trig = &self.trig;
        let n = self.meetings.len();
        let (mut point, mut xyz) = (Vec::with_capacity(n), Vec::with_capacity(n));
        let mut entries = Vec::new();
        for (i, m) in self.meetings.iter().enumerate() {
            let (p, unit) = match m.place.coordinates {
                Some(c) if distance_eligible(m) => {
                    let p = GeoPoint::new(c, trig);
                    let unit = p.unit(trig);
                    entries.push(GeoEntry {
                        lat: c.lat,
                        lon: c.lon,
                        xyz: unit,
                        meeting: i as u32,
                    });
                    (Some(p), unit)
                }
                _ => (None, [f64::NAN; 3]),
            };
            point.push(p);
            xyz.push(unit);
        }
        // By latitude, then meeting number (the entries' order: the index tie-break).
        let order = order_by(entries.len(), &mut |a, b| {
            entries[a].lat.total_cmp(&entries[b].lat)
        });
        let mut sorted = Vec::with_capacity(order.len());
        for &i in &order {
            sorted.push(entries[i as usize]);
        }
        Geo { sorted, point, xyz }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::LatLon;
    use crate::search::Query;

    #[test]
    fn attendance_bits_follow_the_attendance_methods() {
        use Attendance::*;
        for a in [InPerson, Online, Hybrid, Inactive] {
            let want = [
                a.in_person(),
                a.online(),
                a == Hybrid,
                a == Inactive,
                a != Inactive,
            ];
            for (k, on) in want.into_iter().enumerate() {
                assert_eq!(
                    ATTENDANCE_BITS[a as usize] >> k & 1 == 1,
                    on,
                    "{a:?} bit {k}"
                );
            }
        }
    }

    #[test]
    fn word_index_is_built_on_first_word_or_prepare() {
        let meeting = |name: &str| Meeting {
            name: name.into(),
            slug: name.into(),
            ..Meeting::default()
        };
        let index = Index::new(vec![meeting("Early Birds"), meeting("Night Owls")]);
        assert!(index.words_index.get().is_none(), "built at load");
        assert_eq!(index.query(&Query::default()).hits.len(), 2);
        let blank = Query {
            text: " , ".into(),
            ..Query::default()
        };
        assert_eq!(index.query(&blank).hits.len(), 2);
        assert!(index.words_index.get().is_none(), "built for no word");
        let owls = Query {
            text: "owl".into(),
            ..Query::default()
        };
        assert_eq!(index.query(&owls).hits.len(), 1);
        assert!(index.words_index.get().is_some());

        let index = Index::new(vec![meeting("Early Birds")]);
        index.prepare();
        assert!(index.words_index.get().is_some());
        assert!(index.gazetteer.get().is_some());
        assert!(index.types.get().is_some() && index.regions.get().is_some());
        assert!(index.geo.get().is_some());
    }

    #[test]
    fn types_regions_and_points_are_built_on_first_use() {
        let mut m = Meeting {
            name: "Early Birds".into(),
            slug: "early-birds".into(),
            types: vec!["W".into()],
            regions: vec!["Delaware County".into()],
            ..Meeting::default()
        };
        m.place.coordinates = Some(LatLon {
            lat: 39.9,
            lon: -75.3,
        });
        let index = Index::new(vec![m]);
        let built = |i: &Index| {
            usize::from(i.types.get().is_some())
                + usize::from(i.regions.get().is_some())
                + usize::from(i.geo.get().is_some())
        };
        assert_eq!(index.query(&Query::default()).hits.len(), 1);
        assert_eq!(built(&index), 0, "built for a query without them");
        let women = Query {
            types: vec!["w".into()],
            ..Query::default()
        };
        assert_eq!(index.query(&women).hits.len(), 1);
        assert!(index.types.get().is_some());
        assert!(index.regions.get().is_none() && index.geo.get().is_none());
        let near = Query {
            near: Some(LatLon {
                lat: 39.9,
                lon: -75.3,
            }),
            within: Some(1.0),
            ..Query::default()
        };
        assert_eq!(index.query(&near).hits.len(), 1);
        assert!(index.geo.get().is_some() && index.regions.get().is_none());
        let facets = index.facets(&Query::default());
        assert_eq!(facets.regions.len(), 1);
        assert_eq!(built(&index), 3);
    }

    #[test]
    fn the_word_index_prepared_in_steps_is_the_one_built_at_once() {
        // Not a multiple of PREPARE_MEETINGS, so the last step reads fewer.
        let meetings = crate::generate::meetings(PREPARE_MEETINGS * 2 + 123, 7);
        let whole = Index::new(meetings.clone());
        let stepped = Index::new(meetings.clone());
        let mut steps = 0;
        while stepped.prepare_step() {
            steps += 1;
        }
        // Types, regions, points, three slices of words, places.
        assert_eq!(steps, 7);
        assert!(!stepped.prepare_step());
        assert_eq!(
            format!("{:?}", stepped.words()),
            format!("{:?}", whole.words())
        );
        // A typed word halfway through: the words not read yet are read at once.
        let halfway = Index::new(meetings);
        for _ in 0..4 {
            assert!(halfway.prepare_step());
        }
        assert!(halfway.words_index.get().is_none());
        let step = Query {
            text: "step".into(),
            ..Query::default()
        };
        let hits = whole.query(&step).hits;
        assert!(!hits.is_empty());
        assert_eq!(halfway.query(&step).hits, hits);
        assert_eq!(
            format!("{:?}", halfway.words()),
            format!("{:?}", whole.words())
        );
    }

    #[test]
    fn places_are_built_on_first_place_or_prepare() {
        let meeting = |name: &str, city: &str| {
            let mut m = Meeting {
                name: name.into(),
                slug: name.into(),
                ..Meeting::default()
            };
            m.place.city = city.into();
            m.place.coordinates = Some(LatLon {
                lat: 40.0,
                lon: -75.3,
            });
            m
        };
        let index = Index::new(vec![meeting("Early Birds", "Ardmore")]);
        assert!(index.gazetteer.get().is_none(), "built at load");
        let owls = Query {
            text: "early".into(),
            near: Some(LatLon {
                lat: 40.0,
                lon: -75.3,
            }),
            ..Query::default()
        };
        assert_eq!(index.query(&owls).hits.len(), 1);
        assert!(index.gazetteer.get().is_none(), "built for a query");
        assert_eq!(index.places("ardmore").len(), 1);
        assert!(index.gazetteer.get().is_some());

        let index = Index::new(vec![meeting("Early Birds", "Ardmore")]);
        index.prepare();
        assert!(index.gazetteer.get().is_some());
        assert_eq!(index.places("ardm")[0].label, "Ardmore");
    }
}
