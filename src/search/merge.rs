//! Several feeds in one index: a meeting listed by two feeds is kept once, and the merge
//! is reported.
//!
//! Two meetings from different feeds are the same when they have the same folded name,
//! the same occurrences (days and start times) and the same place: coordinates equal to
//! four decimals (about 11 m) when both have them, else the same folded address
//! (formatted address, else street address and city), else, for meetings with no address,
//! the same conference link. The first feed's copy is kept. Duplicates within one feed
//! are the reader's business and are all kept. Slugs are made unique across feeds by
//! appending `-` and the feed's number (1-based), then a counter if needed.

use crate::feed::push_int;
use crate::model::Meeting;

use super::text::fold;
use crate::hash::TextMap;

/// What [`merge`] did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MergeReport {
    /// Per feed, in the order given: how many meetings it had and how many were kept.
    pub feeds: Vec<FeedCount>,
    /// Every meeting dropped as a copy of one already kept.
    pub duplicates: Vec<Duplicate>,
    /// Every slug changed to stay unique.
    pub renamed: Vec<Renamed>,
}

/// How many meetings one feed gave and how many were kept.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct FeedCount {
    /// Meetings in the feed.
    pub meetings: usize,
    /// Meetings kept (the others were duplicates).
    pub kept: usize,
}

/// A meeting dropped because another feed already listed it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Duplicate {
    /// The feed it came from (index in the input).
    pub feed: usize,
    /// Its slug in that feed.
    pub slug: String,
    /// The feed of the copy kept.
    pub kept_feed: usize,
    /// The slug of the copy kept (after any renaming).
    pub kept_slug: String,
}

/// A slug changed to stay unique across feeds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Renamed {
    /// The feed of the meeting.
    pub feed: usize,
    /// Its slug in the feed.
    pub from: String,
    /// Its slug in the merged list.
    pub to: String,
}

/// What makes two meetings the same (see the module docs), written as text so that the
/// crate's one [`TextMap`] holds it: the folded name (which has no `\0`), `\0`, each
/// occurrence as `day:start,` (`-` when untimed), `\0`, then the place: `P` and the
/// rounded coordinates, `A` and the folded address, or `L` and the link.
fn key(m: &Meeting) -> String {
    let p = &m.place;
    let mut key = fold(&m.name);
    key.push('\0');
    for o in &m.occurrences {
        push_int(&mut key, o.day.number() as i64);
        key.push(':');
        match o.time {
            Some(t) => push_int(&mut key, t.start as i64),
            None => key.push('-'),
        }
        key.push(',');
    }
    key.push('\0');
    match p.coordinates {
        Some(c) => {
            key.push('P');
            push_int(&mut key, (c.lat * 1e4).round() as i64);
            key.push(',');
            push_int(&mut key, (c.lon * 1e4).round() as i64);
        }
        None => {
            let address = if p.formatted_address.trim().is_empty() {
                let mut a = fold(&p.address);
                a.push(' ');
                a.push_str(&fold(&p.city));
                a
            } else {
                fold(&p.formatted_address)
            };
            if address.trim().is_empty() {
                key.push('L');
                key.push_str(m.conference.url.trim());
            } else {
                key.push('A');
                key.push_str(&address);
            }
        }
    }
    key
}

/// Merges `feeds` into one list (see the module docs), reporting what was dropped and
/// renamed.
pub fn merge(feeds: Vec<Vec<Meeting>>) -> (Vec<Meeting>, MergeReport) {
    let mut report = MergeReport::default();
    let out = merge_into(feeds, &mut report);
    (out, report)
}

/// Merges `feeds` as [`merge`] does, into the same list, without the report (the widget
/// has no use for it: no report is built, and no code building one is in the wasm).
pub fn merge_meetings(feeds: Vec<Vec<Meeting>>) -> Vec<Meeting> {
    merge_into(feeds, &mut ())
}

/// Where [`merge_into`] tells what it did: a [`MergeReport`], or nowhere (`()`).
trait Report {
    /// One feed's counts, once it is merged.
    fn feed(&mut self, count: FeedCount);
    /// Meeting `slug` of feed `feed` dropped as a copy of `kept_slug` of `kept_feed`.
    fn duplicate(&mut self, feed: usize, slug: String, kept_feed: usize, kept_slug: &str);
    /// Meeting `from` of feed `feed` renamed `to`.
    fn renamed(&mut self, feed: usize, from: String, to: &str);
}

impl Report for MergeReport {
    fn feed(&mut self, count: FeedCount) {
        self.feeds.push(count);
    }

    fn duplicate(&mut self, feed: usize, slug: String, kept_feed: usize, kept_slug: &str) {
        self.duplicates.push(Duplicate {
            feed,
            slug,
            kept_feed,
            kept_slug: kept_slug.into(),
        });
    }

    fn renamed(&mut self, feed: usize, from: String, to: &str) {
        self.renamed.push(Renamed {
            feed,
            from,
            to: to.into(),
        });
    }
}

impl Report for () {
    fn feed(&mut self, _: FeedCount) {}
    fn duplicate(&mut self, _: usize, _: String, _: usize, _: &str) {}
    fn renamed(&mut self, _: usize, _: String, _: &str) {}
}

/// [`merge`], telling `report` what it did.
fn merge_into(mut feeds: Vec<Vec<Meeting>>, report: &mut impl Report) -> Vec<Meeting> {
    // One feed (the widget's usual load): nothing can be dropped or renamed, so no
    // meeting's key is worked out.
    if feeds.len() == 1 {
        let out = feeds.pop().unwrap_or_default();
        report.feed(FeedCount {
            meetings: out.len(),
            kept: out.len(),
        });
        return out;
    }
    let mut out: Vec<Meeting> = Vec::new();
    // Key → the kept copy's feed (high 32 bits) and place in `out`.
    let mut seen = TextMap::default();
    // Slugs taken (a set: values 0).
    let mut slugs = TextMap::default();
    // (Each meeting taken out of its place, not moved out by `into_iter`, whose drop of
    // what is left is one more copy per element type in the wasm.)
    for (f, feed) in feeds.iter_mut().enumerate() {
        let mut count = FeedCount {
            meetings: feed.len(),
            kept: 0,
        };
        for m in feed.iter_mut() {
            let mut m = std::mem::take(m);
            let k = key(&m);
            if let Some(kept) = seen.get(&k) {
                let (kept_feed, at) = ((kept >> 32) as usize, kept as u32 as usize);
                if kept_feed != f {
                    report.duplicate(f, std::mem::take(&mut m.slug), kept_feed, &out[at].slug);
                    continue;
                }
            } else {
                seen.insert(k, (f as u64) << 32 | out.len() as u64);
            }
            if f > 0 && slugs.contains_key(&m.slug) {
                let mut base = m.slug.clone();
                base.push('-');
                push_int(&mut base, (f + 1) as i64);
                let mut candidate = base.clone();
                let mut n = 2;
                while slugs.contains_key(&candidate) {
                    candidate = base.clone();
                    candidate.push('-');
                    push_int(&mut candidate, n);
                    n += 1;
                }
                let from = std::mem::replace(&mut m.slug, candidate);
                report.renamed(f, from, &m.slug);
            }
            slugs.insert(m.slug.clone(), 0);
            count.kept += 1;
            out.push(m);
        }
        // Its emptied meetings' memory back now, as `into_iter` would.
        *feed = Vec::new();
        report.feed(count);
    }
    out
}
