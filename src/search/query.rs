//! Answering a [`Query`]: every filter becomes one bitset over the rows (most are stored
//! in the index; words, distance, an explicit time window and a multi-region choice are
//! computed into scratch buffers), the bitsets are intersected word by word, and the set
//! bits are read out in row order, which is already the default result order.
//!
//! Semantics (the tests hold them):
//! - **Days**: a result is one weekly occurrence. With days chosen, occurrences on those
//!   days match; with none, every occurrence matches and "by appointment" meetings match
//!   too, once each, after everything else.
//! - **Time**: a bucket ([`TimeOfDay::contains`]) or a window of start times, inclusive,
//!   wrapping past midnight when `from > to`. Untimed occurrences match no time filter.
//! - **Types**: all codes required; codes are compared in canonical upper case after
//!   mapping BMLT world ids ([`crate::types::canonical_code`]). A code no meeting has
//!   gives no results.
//! - **Region**: the name of a region at any depth (case- and accent-insensitive), or its
//!   whole path with its names separated by anything (`Delaware County > Woodlyn`); the
//!   meetings in every region so named and below it. A region path is the meeting's
//!   `regions`, else its city. An unknown region gives no results.
//! - **Attendance**: in person = in person or hybrid, online = online or hybrid, hybrid
//!   only, or inactive. Inactive meetings match only the inactive choice.
//! - **Distance**: with a point, only meetings with coordinates that are not online-only
//!   match; with a radius too, only those within it (haversine, R = 3,958.8 mi /
//!   6,371.0 km, inclusive). Each hit carries its distance.
//! - **Words**: each word of the text, folded ([`super::text`]), must be a prefix of a
//!   word of the meeting's name, location, address parts, formatted address,
//!   neighbourhood, location notes, group, group notes, notes, regions or type names.
//! - **Order**: without a point: day, start time (untimed after timed), folded name, slug;
//!   by appointment last. With "now": meetings in progress first (earliest start first),
//!   then the rolling week from now (occurrences that started earlier today come a week
//!   later), ties as above; by appointment last. With a point: by distance, ties in the
//!   order just described.
//! - **In progress**: with "now", an occurrence with `start <= now < start + duration`
//!   (counting across midnight and the week's end).

use super::bitset;
use super::geo::{chord2, chord2_limit, haversine, BoundingBox, GeoPoint};
use super::index::{
    GeoEntry, Index, Row, Scratch, ACTIVE, ATTENDANCE, BUCKETS, DAYS, GEO, NO_DAY, NO_TIME,
};
use super::sort::{f64_key, order_by, sort_keys};
use super::text::for_each_word;
use super::{AttendanceFilter, Hit, Now, Query, Results, TimeFilter};
use crate::model::{LatLon, Minutes, MINUTES_PER_DAY};
use crate::types::canonical_code;

/// A radius test prepared for one query.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Radius {
    p: LatLon,
    centre: GeoPoint,
    /// The centre on the unit sphere.
    c: [f64; 3],
    /// `4 sin²(within / 2R)`; negative when nothing can be inside.
    limit: f64,
    margin: f64,
    within: f64,
    r: f64,
    bbox: BoundingBox,
}

/// Minutes in a week.
const WEEK: u32 = 7 * MINUTES_PER_DAY as u32;

/// The dimensions of a query that facets count separately.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Dim {
    Day,
    Time,
    Types,
    Region,
    Attendance,
}

/// A query turned into bitsets. `None` = the dimension does not filter.
pub(crate) struct Masks<'a> {
    /// Nothing can match (an unknown type or region).
    pub(crate) never: bool,
    /// Chosen days as a bit mask (bit `d` = day `d`).
    pub(crate) days: Option<u8>,
    pub(crate) time: Option<&'a [u64]>,
    pub(crate) types: Vec<&'a [u64]>,
    pub(crate) region: Option<&'a [u64]>,
    pub(crate) attendance: &'a [u64],
    pub(crate) geo: Option<&'a [u64]>,
    pub(crate) text: Option<&'a [u64]>,
}

impl Masks<'_> {
    /// Word `i` of the intersection of every dimension but `skip`.
    #[inline]
    pub(crate) fn word(&self, index: &Index, i: usize, skip: Option<Dim>) -> u64 {
        if self.never {
            return 0;
        }
        let mut w = !0u64;
        if skip != Some(Dim::Day) {
            if let Some(days) = self.days {
                let mut d = 0;
                for k in 0..7 {
                    if days & (1 << k) != 0 {
                        d |= bitset::word(&index.fixed, (DAYS + k) * index.words + i);
                    }
                }
                w &= d;
            }
        }
        if skip != Some(Dim::Time) {
            if let Some(t) = self.time {
                w &= bitset::word(t, i);
            }
        }
        if skip != Some(Dim::Types) {
            for t in &self.types {
                w &= bitset::word(t, i);
            }
        }
        if skip != Some(Dim::Region) {
            if let Some(r) = self.region {
                w &= bitset::word(r, i);
            }
        }
        if skip != Some(Dim::Attendance) {
            w &= bitset::word(self.attendance, i);
        }
        if let Some(g) = self.geo {
            w &= bitset::word(g, i);
        }
        if let Some(t) = self.text {
            w &= bitset::word(t, i);
        }
        w
    }
}

impl Index {
    /// The results of `query`, in order (see the module docs of `search::query` for the
    /// exact semantics).
    pub fn query(&self, query: &Query) -> Results {
        let mut guard = self.scratch.borrow_mut();
        let scratch = &mut *guard;
        self.fill_scratch(query, scratch);
        // A radius is either a bitset built from the latitude band, or, when the other
        // filters leave fewer rows than the band holds meetings, a test of each of those
        // rows as it is read out.
        let radius = query.near.and_then(|p| self.radius(p, query));
        let mut deferred = None;
        if let Some(rad) = radius {
            scratch.geo_deferred = true;
            let others = self.matching(&self.masks(query, scratch));
            if others < self.band(&rad).len() {
                deferred = Some(rad);
            } else {
                scratch.geo_deferred = false;
                self.fill_geo(&rad, scratch);
            }
        }
        let masks = self.masks(query, scratch);
        let mut hits = Vec::with_capacity(if query.now.is_some() {
            0
        } else {
            self.matching(&masks)
        });
        let mut emit = |r: usize, in_progress: bool| {
            let m = self.row_meeting[r];
            if let Some(rad) = &deferred {
                // (No such meeting: never the case; kept rather than hidden.)
                let xyz = self.geo().xyz.get(m as usize);
                if !xyz.is_none_or(|xyz| self.inside(rad, m as usize, xyz)) {
                    return;
                }
            }
            hits.push(Hit {
                meeting: m,
                occurrence: self.occurrence(r),
                distance: None,
                in_progress,
            });
        };
        match query.now {
            None => {
                for i in 0..self.words {
                    bitset::for_each_bit(i, masks.word(self, i, None), |r| emit(r, false));
                }
            }
            Some(now) => self.rolling(&masks, now, &mut emit),
        }
        if let Some(p) = query.near {
            let centre = GeoPoint::new(p, &self.trig);
            let radius = query.units.earth_radius();
            let points = &self.geo().point;
            // Each hit's distance, and as a key to order by.
            let mut keys: Vec<u64> = Vec::with_capacity(hits.len());
            for h in hits.iter_mut() {
                let d = match &points[h.meeting as usize] {
                    Some(q) => haversine(&centre, q, radius, &self.trig),
                    None => f64::INFINITY,
                };
                h.distance = Some(d);
                keys.push(f64_key(d));
            }
            // Stable: ties keep the day/time order.
            let order = order_by(hits.len(), &mut |a, b| keys[a].cmp(&keys[b]));
            let mut sorted = Vec::with_capacity(hits.len());
            for &i in &order {
                sorted.push(hits[i as usize]);
            }
            hits = sorted;
        }
        Results { hits }
    }

    /// How many rows `masks` match.
    fn matching(&self, masks: &Masks) -> usize {
        let mut n = 0;
        for i in 0..self.words {
            n += masks.word(self, i, None).count_ones() as usize;
        }
        n
    }

    /// The occurrence of row `r`, from the row's columns alone (the row keeps the
    /// duration, so the end is exact).
    fn occurrence(&self, r: usize) -> Option<crate::model::Occurrence> {
        let row = self.row(r);
        let day = crate::model::Weekday::new(row.day)?;
        let start = row.start;
        let time = (start != NO_TIME).then(|| crate::model::TimeSpan {
            start,
            end: (start + row.duration) % MINUTES_PER_DAY,
        });
        Some(crate::model::Occurrence { day, time })
    }

    /// Whether row `r` is under way at `now` (minute of the week).
    fn in_progress(&self, r: usize, now: u32) -> bool {
        let Row {
            day,
            start,
            duration,
        } = self.row(r);
        if start == NO_TIME || day == NO_DAY {
            return false;
        }
        let at = day as u32 * MINUTES_PER_DAY as u32 + start as u32;
        (now + WEEK - at) % WEEK < duration as u32
    }

    /// Emits the matching rows in the rolling-week order from `now`.
    fn rolling(&self, masks: &Masks, now: Now, emit: &mut impl FnMut(usize, bool)) {
        // (`% 7` changes no weekday's number; it shows the compiler that the day indexes
        // below are in range, so they carry no panic path.)
        let today = now.day.number() % 7;
        let now_min = today as u32 * MINUTES_PER_DAY as u32 + now.minute as u32;
        let timed_end = self.day_start[NO_DAY as usize] as usize;
        let matches = |r: usize| (masks.word(self, r / 64, None) >> (r % 64)) & 1 == 1;
        // 1. In progress: begun within the last day, so yesterday's or today's rows.
        let yesterday = (today + 6) % 7;
        for &d in &[yesterday, today] {
            let (s, e) = (
                self.day_start[d as usize] as usize,
                self.day_start[d as usize + 1] as usize,
            );
            for r in s..e {
                if self.in_progress(r, now_min) && matches(r) {
                    emit(r, true);
                }
            }
        }
        // 2. Upcoming: the rows after now, then the week wraps round.
        // (Rows are sorted by day and start: the first after now is among today's.)
        let mut p = self.day_start[today as usize] as usize;
        while p < timed_end {
            let row = self.row(p);
            if row.day != today || row.start > now.minute {
                break;
            }
            p += 1;
        }
        self.emit_range(masks, p, timed_end, now_min, emit);
        self.emit_range(masks, 0, p, now_min, emit);
        // 3. By appointment.
        self.emit_range(masks, timed_end, self.row_meeting.len(), now_min, emit);
    }

    /// Emits the matching rows of `from..to` that are not in progress.
    fn emit_range(
        &self,
        masks: &Masks,
        from: usize,
        to: usize,
        now_min: u32,
        emit: &mut impl FnMut(usize, bool),
    ) {
        if from >= to {
            return;
        }
        for i in from / 64..=(to - 1) / 64 {
            let mut w = masks.word(self, i, None);
            if i == from / 64 {
                w &= !0u64 << (from % 64);
            }
            if i == (to - 1) / 64 {
                let last = (to - 1) % 64;
                if last < 63 {
                    w &= (1u64 << (last + 1)) - 1;
                }
            }
            bitset::for_each_bit(i, w, |r| {
                if !self.in_progress(r, now_min) {
                    emit(r, false);
                }
            });
        }
    }

    /// Computes the query's dynamic bitsets (words, distance, time window, regions) into
    /// `scratch`.
    pub(crate) fn fill_scratch(&self, query: &Query, scratch: &mut Scratch) {
        if let Some(TimeFilter::Window { from, to }) = query.time {
            bitset::clear(&mut scratch.window, self.words);
            for (r, s) in self.row_starts().enumerate() {
                if s != NO_TIME && in_window(s, from, to) {
                    bitset::set(&mut scratch.window, r);
                }
            }
        }
        scratch.region_active = false;
        if let Some(name) = &query.region {
            let folded = super::text::fold(name);
            scratch.region_active = !folded.is_empty();
            bitset::clear(&mut scratch.region, self.words);
            for node in self.regions() {
                if node.folded_name == folded || node.folded_path == folded {
                    for (a, b) in scratch.region.iter_mut().zip(&node.bits) {
                        *a |= b;
                    }
                }
            }
        }
        scratch.geo_deferred = false;
        self.fill_text(&query.text, scratch);
    }

    /// The radius test of `query` around `p`, when it has a radius.
    pub(crate) fn radius(&self, p: LatLon, query: &Query) -> Option<Radius> {
        let within = query.within?;
        let r = query.units.earth_radius();
        let centre = GeoPoint::new(p, &self.trig);
        // A negative or NaN radius holds nothing: a limit no chord is below.
        let (within, limit) = if within.is_nan() || within < 0.0 {
            (-1.0, -1.0)
        } else {
            (within, chord2_limit(within, r, &self.trig))
        };
        Some(Radius {
            p,
            c: centre.unit(&self.trig),
            centre,
            limit,
            margin: if limit > 0.0 { limit * 1e-9 } else { 0.0 } + 1e-15,
            within,
            r,
            bbox: BoundingBox::around(p, within.max(0.0), r, &self.trig),
        })
    }

    /// The distance-eligible meetings in the radius's latitude band.
    pub(crate) fn band(&self, rad: &Radius) -> &[GeoEntry] {
        let sorted = &self.geo().sorted;
        let lo = lat_bound(sorted, rad.bbox.min_lat, false);
        let hi = lat_bound(sorted, rad.bbox.max_lat, true).max(lo);
        &sorted[lo..hi]
    }

    /// Whether meeting `m`, at `xyz` on the unit sphere, is within the radius: by the
    /// squared chord, and by the exact haversine within a rounding margin of the limit.
    pub(crate) fn inside(&self, rad: &Radius, m: usize, xyz: &[f64; 3]) -> bool {
        if rad.limit < 0.0 {
            return false;
        }
        let d2 = chord2(xyz, &rad.c);
        if rad.limit.is_infinite() || d2 < rad.limit - rad.margin {
            true
        } else if d2 <= rad.limit + rad.margin {
            match self.geo().point.get(m) {
                Some(Some(q)) => haversine(&rad.centre, q, rad.r, &self.trig) <= rad.within,
                Some(None) => false,
                // (No such meeting: never the case; kept rather than hidden.)
                None => true,
            }
        } else {
            false
        }
    }

    /// The radius as a bitset over the rows, in `scratch.geo`.
    pub(crate) fn fill_geo(&self, rad: &Radius, scratch: &mut Scratch) {
        bitset::clear(&mut scratch.geo, self.words);
        for g in self.band(rad) {
            if rad.bbox.lon_ok(rad.p.lon, g.lon) && self.inside(rad, g.meeting as usize, &g.xyz) {
                for &row in self.rows_of(g.meeting as usize) {
                    bitset::set(&mut scratch.geo, row as usize);
                }
            }
        }
    }

    /// The text mask: for each query word (rarest first), the rows of meetings with a word
    /// it begins; a word with many postings is checked per remaining row instead.
    fn fill_text(&self, text: &str, scratch: &mut Scratch) {
        let mut ranges: Vec<(usize, usize)> = Vec::new();
        // Per word, its postings count and its place in `ranges`, packed to sort.
        let mut keys: Vec<u64> = Vec::new();
        let mut word = std::mem::take(&mut scratch.word);
        // The word index is built only when the text holds a word.
        let mut index: Option<&super::words::Words> = None;
        for_each_word(text, &mut word, |w| {
            let words = *index.get_or_insert_with(|| self.words());
            let (lo, hi) = words.prefix_range(w);
            let postings = words.postings(lo, hi).len();
            keys.push((postings as u64) << 32 | ranges.len() as u64);
            ranges.push((lo, hi));
        });
        scratch.word = word;
        scratch.text_active = !ranges.is_empty();
        let Some(words) = index else {
            return;
        };
        // Rarest first (ties in text order).
        sort_keys(&mut keys);
        let rows = self.row_meeting.len();
        for (k, &key) in keys.iter().enumerate() {
            // (Always there; a word not there would filter nothing rather than hide.)
            let Some(&(lo, hi)) = ranges.get(key as u32 as usize) else {
                continue;
            };
            let postings = (key >> 32) as usize;
            // Setting a bit per posting costs a few ns; checking a candidate row's sorted
            // word ids costs a scan of them, several times more.
            let candidates = if k == 0 {
                rows
            } else {
                // (The set's own intersection: its size, with no count function of its own.)
                bitset::and_count(&scratch.text, &scratch.text) as usize
            };
            if postings <= 4 * candidates {
                let target = if k == 0 {
                    &mut scratch.text
                } else {
                    &mut scratch.tmp
                };
                bitset::clear(target, self.words);
                for &m in words.postings(lo, hi) {
                    for &r in self.rows_of(m as usize) {
                        bitset::set(target, r as usize);
                    }
                }
                if k > 0 {
                    for (a, b) in scratch.text.iter_mut().zip(&scratch.tmp) {
                        *a &= b;
                    }
                }
                continue;
            }
            if k == 0 {
                bitset::clear(&mut scratch.text, self.words);
                for r in 0..rows {
                    bitset::set(&mut scratch.text, r);
                }
            }
            for (i, slot) in scratch.text.iter_mut().enumerate() {
                let mut w = *slot;
                let mut keep = w;
                while w != 0 {
                    let b = w.trailing_zeros() as usize;
                    w &= w - 1;
                    let r = i * 64 + b;
                    // (A row past the last, never set, would be kept rather than hidden.)
                    let m = self.row_meeting.get(r);
                    if !m.is_none_or(|&m| words.meeting_has_word_in(m as usize, lo, hi)) {
                        keep &= !(1u64 << b);
                    }
                }
                *slot = keep;
            }
        }
    }

    /// The query's bitsets, borrowing the scratch buffers filled by [`Index::fill_scratch`].
    pub(crate) fn masks<'a>(&'a self, query: &Query, scratch: &'a Scratch) -> Masks<'a> {
        let mut never = false;
        let days = (!query.days.is_empty())
            .then(|| query.days.iter().fold(0u8, |m, d| m | 1 << d.number()));
        let time = query.time.map(|t| match t {
            TimeFilter::Bucket(b) => self.bits(BUCKETS + b as usize),
            TimeFilter::Window { .. } => scratch.window.as_slice(),
        });
        let mut types = Vec::with_capacity(query.types.len());
        for code in &query.types {
            let code = canonical_code(code);
            let all = self.types();
            match all.binary_search_by(|(c, _)| c.as_str().cmp(&code)) {
                // (Always there; a code not there would filter nothing rather than hide.)
                Ok(i) => {
                    if let Some((_, bits)) = all.get(i) {
                        types.push(bits.as_slice());
                    }
                }
                Err(_) => never = true,
            }
        }
        let region = scratch.region_active.then_some(scratch.region.as_slice());
        let attendance = self.bits(match query.attendance {
            None => ACTIVE,
            Some(AttendanceFilter::InPerson) => ATTENDANCE,
            Some(AttendanceFilter::Online) => ATTENDANCE + 1,
            Some(AttendanceFilter::Hybrid) => ATTENDANCE + 2,
            Some(AttendanceFilter::Inactive) => ATTENDANCE + 3,
        });
        let geo = query.near.map(|_| {
            if query.within.is_some() && !scratch.geo_deferred {
                scratch.geo.as_slice()
            } else {
                self.bits(GEO)
            }
        });
        let text = scratch.text_active.then_some(scratch.text.as_slice());
        Masks {
            never,
            days,
            time,
            types,
            region,
            attendance,
            geo,
            text,
        }
    }
}

/// Whether `start` is within `from..=to`, wrapping past midnight when `from > to`.
pub(crate) fn in_window(start: Minutes, from: Minutes, to: Minutes) -> bool {
    if from <= to {
        (from..=to).contains(&start)
    } else {
        start >= from || start <= to
    }
}

/// The first entry of `sorted` (by latitude) whose latitude is above `lat`, or at or above
/// it unless `inclusive`: one binary search for both ends of a band (`partition_point`
/// compiled to one copy of WebAssembly per end).
fn lat_bound(sorted: &[GeoEntry], lat: f64, inclusive: bool) -> usize {
    let (mut lo, mut hi) = (0, sorted.len());
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        let g = sorted.get(mid).map_or(f64::NAN, |g| g.lat);
        if g < lat || (inclusive && g == lat) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    lo
}
