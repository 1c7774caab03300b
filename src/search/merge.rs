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
use crate::model::{Meeting, Minutes};

use super::text::fold;
use crate::hash::{FxHashMap, FxHashSet};

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

#[derive(Hash, PartialEq, Eq)]
enum PlaceKey {
    Point(i64, i64),
    Address(String),
    Link(String),
}

#[derive(Hash, PartialEq, Eq)]
struct Key {
    name: String,
    times: Vec<(u8, Option<Minutes>)>,
    place: PlaceKey,
}

fn key(m: &Meeting) -> Key {
    let p = &m.place;
    let place = match p.coordinates {
        Some(c) => PlaceKey::Point((c.lat * 1e4).round() as i64, (c.lon * 1e4).round() as i64),
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
                PlaceKey::Link(m.conference.url.trim().into())
            } else {
                PlaceKey::Address(address)
            }
        }
    };
    Key {
        name: fold(&m.name),
        times: m
            .occurrences
            .iter()
            .map(|o| (o.day.number(), o.time.map(|t| t.start)))
            .collect(),
        place,
    }
}

/// Merges `feeds` into one list (see the module docs), reporting what was dropped and
/// renamed.
pub fn merge(mut feeds: Vec<Vec<Meeting>>) -> (Vec<Meeting>, MergeReport) {
    let mut report = MergeReport::default();
    // One feed (the widget's usual load): nothing can be dropped or renamed, so no
    // meeting's key is worked out.
    if feeds.len() == 1 {
        let out = feeds.pop().unwrap_or_default();
        report.feeds.push(FeedCount {
            meetings: out.len(),
            kept: out.len(),
        });
        return (out, report);
    }
    let mut out: Vec<Meeting> = Vec::new();
    let mut seen: FxHashMap<Key, (usize, usize)> = FxHashMap::default();
    let mut slugs: FxHashSet<String> = FxHashSet::default();
    for (f, feed) in feeds.into_iter().enumerate() {
        let mut count = FeedCount {
            meetings: feed.len(),
            kept: 0,
        };
        for mut m in feed {
            let k = key(&m);
            if let Some(&(kept_feed, at)) = seen.get(&k) {
                if kept_feed != f {
                    report.duplicates.push(Duplicate {
                        feed: f,
                        slug: m.slug,
                        kept_feed,
                        kept_slug: out[at].slug.clone(),
                    });
                    continue;
                }
            } else {
                seen.insert(k, (f, out.len()));
            }
            if f > 0 && slugs.contains(&m.slug) {
                let mut base = m.slug.clone();
                base.push('-');
                push_int(&mut base, (f + 1) as i64);
                let mut candidate = base.clone();
                let mut n = 2;
                while slugs.contains(&candidate) {
                    candidate = base.clone();
                    candidate.push('-');
                    push_int(&mut candidate, n);
                    n += 1;
                }
                report.renamed.push(Renamed {
                    feed: f,
                    from: std::mem::replace(&mut m.slug, candidate.clone()),
                    to: candidate,
                });
            }
            slugs.insert(m.slug.clone());
            count.kept += 1;
            out.push(m);
        }
        report.feeds.push(count);
    }
    (out, report)
}
