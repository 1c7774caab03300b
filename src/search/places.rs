//! Places named by the feed itself, so "near Ardmore" resolves offline and sends nothing.
//!
//! At build time every meeting with coordinates names places: its town (the `city` field,
//! else the part of the formatted address, or of an address that holds the whole address,
//! before the state and postal code), its postal code, its neighbourhood and each region
//! of its path. A place's point is the median latitude and the median longitude of its
//! meetings (robust to a few badly geocoded ones).
//!
//! [`Index::places`] matches the folded text against place names and labels ("Ardmore",
//! "ardmore pa", "19003"): exact matches first; when there are none, names that begin with
//! the text. Candidates are ordered by kind (town, neighbourhood, postal code, region),
//! then by how many meetings name them; at most [`MAX_CANDIDATES`].

use std::cmp::Ordering;

use super::index::region_path;
use super::sort::{f64_from_key, f64_key, order_by, sort_keys};
use super::text::fold;
use super::Index;
use crate::feed::push_int;
use crate::hash::TextMap;
use crate::model::{LatLon, Meeting};

/// The most candidates [`Index::places`] returns.
pub const MAX_CANDIDATES: usize = 10;

/// A place the typed text may mean.
#[derive(Clone, Debug, PartialEq)]
pub struct PlaceCandidate {
    /// What to show: `Ardmore, PA`, `19003`, `Delaware County > Woodlyn`.
    pub label: String,
    /// Its point: the median of its meetings' coordinates.
    pub point: LatLon,
    /// How many meetings name it.
    pub meetings: u32,
}

/// What kind of name a place is; also the order candidates are offered in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
enum Kind {
    Town,
    Neighbourhood,
    Postal,
    Region,
}

#[derive(Clone, Debug)]
struct Place {
    kind: Kind,
    /// Folded name, e.g. `ardmore`.
    name: String,
    /// Folded label, e.g. `ardmore pa`.
    folded_label: String,
    candidate: PlaceCandidate,
}

/// The places of a feed, sorted by folded name.
#[derive(Clone, Debug, Default)]
pub(crate) struct Gazetteer {
    places: Vec<Place>,
}

/// Countries a formatted address may end with, folded, separated by `;`: a text,
/// where a table of `&str` takes 8 bytes of pointers a name in the wasm.
const COUNTRIES: &str = "usa;us;united states;united states of america;canada;mexico;uk;\
united kingdom;australia;new zealand;ireland";

/// Town, state and postal code read from a one-line address
/// (`1937 West MacDade Boulevard, Woodlyn, PA 19094, USA`,
/// `8318 104 St, Edmonton, Alberta, T6E 4E8, Canada`).
#[derive(Debug, Default, PartialEq, Eq)]
pub(crate) struct AddressParts<'a> {
    pub(crate) town: &'a str,
    pub(crate) state: &'a str,
    pub(crate) postal: &'a str,
}

fn has_digit(s: &str) -> bool {
    s.as_bytes().iter().any(u8::is_ascii_digit)
}

/// Splits a one-line address into town, state and postal code where it can.
pub(crate) fn parse_address(line: &str) -> AddressParts<'_> {
    let mut parts: Vec<&str> = Vec::new();
    for part in line.split(',') {
        let part = part.trim();
        if !part.is_empty() {
            parts.push(part);
        }
    }
    let mut out = AddressParts::default();
    if parts.len() >= 2 {
        if let Some(last) = parts.last() {
            let country = fold(last);
            if COUNTRIES.split(';').any(|c| c == country) {
                parts.pop();
            }
        }
    }
    // A part of its own that is a postal code (`T6E 4E8`).
    if parts.len() >= 2 {
        if let Some(&last) = parts.last() {
            if (has_digit(last) && last.len() <= 10 && !last.as_bytes().contains(&b' '))
                || is_ca_postal(last)
            {
                out.postal = last;
                parts.pop();
            }
        }
    }
    // `PA 19094`, or a state alone.
    if parts.len() >= 2 {
        if let Some(&last) = parts.last() {
            if let Some((state, postal)) = last.split_once(' ').filter(|(_, p)| has_digit(p)) {
                out.state = state.trim();
                if out.postal.is_empty() {
                    out.postal = postal.trim();
                }
                parts.pop();
            } else if !has_digit(last) {
                out.state = last;
                parts.pop();
            }
        }
    }
    if let Some(&town) = parts.last() {
        let street = town.bytes().next().is_some_and(|b| b.is_ascii_digit());
        if !street && (parts.len() >= 2 || !out.state.is_empty()) {
            out.town = town;
        }
    }
    out
}

/// `A1A 1A1`, a Canadian postal code.
fn is_ca_postal(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 7
        && b[3] == b' '
        && b[0].is_ascii_alphabetic()
        && b[2].is_ascii_alphabetic()
        && b[5].is_ascii_alphabetic()
        && b[1].is_ascii_digit()
        && b[4].is_ascii_digit()
        && b[6].is_ascii_digit()
}

/// A place while [`Gazetteer::build`] collects it: its point and count are filled in once
/// every meeting naming it is read.
const COLLECTING: Place = Place {
    kind: Kind::Town,
    name: String::new(),
    folded_label: String::new(),
    candidate: PlaceCandidate {
        label: String::new(),
        point: LatLon { lat: 0.0, lon: 0.0 },
        meetings: 0,
    },
};

/// The median latitude (`lon` false) or longitude (`lon` true) of `points`.
fn median(points: &[LatLon], lon: bool) -> f64 {
    let mut keys = vec![0u64; points.len()];
    for (k, p) in keys.iter_mut().zip(points) {
        *k = f64_key(if lon { p.lon } else { p.lat });
    }
    sort_keys(&mut keys);
    let n = keys.len();
    let at = |i: usize| f64_from_key(keys[i]);
    if n % 2 == 1 {
        at(n / 2)
    } else {
        (at(n / 2 - 1) + at(n / 2)) / 2.0
    }
}

/// No place: the id of a name that folds to nothing.
const NONE: u64 = u64::MAX;

/// Places as the feed spells them, merged when they fold alike.
#[derive(Default)]
struct Collector {
    /// (kind, name, qualifier, depth) as the feed spells them → place id (or [`NONE`]),
    /// the key written as text: kind, depth, `:`, the name's length, `:`, name, qualifier.
    spelled: TextMap,
    /// (kind, folded name, folded label) → place id, written as text: kind, folded name,
    /// `\0`, folded label (folded text holds no `\0`).
    folded: TextMap,
    key: String,
    /// The places found, their points still [`COLLECTING`]'s ...
    found: Vec<Place>,
    /// ... and the coordinates of the meetings that name each.
    points: Vec<Vec<LatLon>>,
}

impl Collector {
    /// Adds a meeting at `p` to the place `name` of `kind` (nothing for an empty name);
    /// its label is `name`, `sep` and `qualifier`, or for a region the first `depth + 1`
    /// names of `path`.
    #[allow(clippy::too_many_arguments)]
    fn add(
        &mut self,
        kind: Kind,
        name: &str,
        qualifier: &str,
        sep: &str,
        path: &[&str],
        depth: usize,
        p: LatLon,
    ) {
        if name.is_empty() {
            return;
        }
        let key = &mut self.key;
        key.clear();
        push_int(key, kind as i64);
        push_int(key, depth as i64);
        key.push(':');
        push_int(key, name.len() as i64);
        key.push(':');
        key.push_str(name);
        key.push_str(qualifier);
        let id = match self.spelled.get(key.as_str()) {
            Some(id) => id,
            None => {
                let mut label = String::new();
                if kind == Kind::Region {
                    // (A loop: `push_joined` over this iterator type would be one more
                    // copy of it in the wasm.)
                    // (The path's names are never empty: see `region_path`.)
                    for part in path.get(..=depth).unwrap_or_default() {
                        if !label.is_empty() {
                            label.push_str(" > ");
                        }
                        label.push_str(part);
                    }
                } else {
                    label.push_str(name);
                    if !qualifier.is_empty() {
                        label.push_str(sep);
                        label.push_str(qualifier);
                    }
                }
                let name = fold(name);
                let folded_label = fold(&label);
                let id = if name.is_empty() {
                    NONE
                } else {
                    let mut k = String::new();
                    push_int(&mut k, kind as i64);
                    k.push_str(&name);
                    k.push('\0');
                    k.push_str(&folded_label);
                    match self.folded.get(&k) {
                        Some(id) => id,
                        None => {
                            self.found.push(Place {
                                kind,
                                name,
                                folded_label,
                                candidate: PlaceCandidate {
                                    label,
                                    ..COLLECTING.candidate
                                },
                            });
                            self.points.push(Vec::new());
                            let id = self.found.len() as u64 - 1;
                            self.folded.insert(k, id);
                            id
                        }
                    }
                };
                self.spelled.insert(key.clone(), id);
                id
            }
        };
        if let Some(points) = self.points.get_mut(id as usize) {
            points.push(p);
        }
    }
}

impl Gazetteer {
    /// No places.
    pub(crate) const EMPTY: Gazetteer = Gazetteer { places: Vec::new() };

    /// The places named by `meetings` (those with coordinates).
    pub(crate) fn build(meetings: &[Meeting]) -> Gazetteer {
        let mut c = Collector::default();
        let mut path = Vec::new();
        for m in meetings {
            let Some(p) = m.place.coordinates else {
                continue;
            };
            region_path(m, &mut path);
            let place = &m.place;
            let line = if place.formatted_address.trim().is_empty() {
                place.address.as_str()
            } else {
                place.formatted_address.as_str()
            };
            let parsed = parse_address(line);
            let town = first_nonempty(&place.city, parsed.town);
            let state = first_nonempty(&place.state, parsed.state);
            let postal = first_nonempty(&place.postal_code, parsed.postal);
            let n = place.neighborhood.trim();
            c.add(Kind::Town, town, state, ", ", &[], 0, p);
            c.add(Kind::Neighbourhood, n, town, ", ", &[], 0, p);
            c.add(Kind::Postal, postal, town, " ", &[], 0, p);
            let mut parent = "";
            for (depth, &name) in path.iter().enumerate() {
                c.add(Kind::Region, name, parent, "", &path, depth, p);
                parent = name;
            }
        }
        // By folded name, then kind and folded label (spellings that fold alike are one
        // place already).
        let mut found = c.found;
        let order = order_by(found.len(), &mut |a, b| {
            let (a, b) = (&found[a], &found[b]);
            (&a.name, a.kind, &a.folded_label).cmp(&(&b.name, b.kind, &b.folded_label))
        });
        let mut places = Vec::with_capacity(found.len());
        for &i in &order {
            let i = i as usize;
            let mut place = std::mem::replace(&mut found[i], COLLECTING);
            let points = c.points.get(i).map_or(&[][..], |p| p);
            place.candidate.point = LatLon {
                lat: median(points, false),
                lon: median(points, true),
            };
            place.candidate.meetings = points.len() as u32;
            places.push(place);
        }
        Gazetteer { places }
    }
}

fn first_nonempty<'a>(a: &'a str, b: &'a str) -> &'a str {
    let a = a.trim();
    if a.is_empty() {
        b.trim()
    } else {
        a
    }
}

impl Index {
    /// The places the feed names that `text` may mean (see the module docs): exact matches
    /// of a name or label first, otherwise names beginning with the text; by kind (town,
    /// neighbourhood, postal code, region), then by number of meetings. Empty when nothing
    /// matches.
    pub fn places(&self, text: &str) -> Vec<PlaceCandidate> {
        let picked = self.picked(text);
        let order = order_by(picked.len(), &mut |a, b| rank(picked[a], picked[b]));
        let mut out: Vec<PlaceCandidate> = Vec::new();
        let mut labels: Vec<&str> = Vec::new();
        for &i in &order {
            let p = picked[i as usize];
            if out.len() == MAX_CANDIDATES {
                break;
            }
            if !labels.contains(&p.folded_label.as_str()) {
                labels.push(&p.folded_label);
                out.push(p.candidate.clone());
            }
        }
        out
    }

    /// The point of the first of [`Index::places`] (the place `text` most likely means),
    /// without ordering or copying the others: what the widget needs.
    pub fn place_point(&self, text: &str) -> Option<LatLon> {
        let mut best: Option<&Place> = None;
        for p in self.picked(text) {
            // Strictly better only: of equals, the first picked, as the stable order.
            if best.is_none_or(|b| rank(p, b).is_lt()) {
                best = Some(p);
            }
        }
        best.map(|p| p.candidate.point)
    }

    /// The places `text` may mean, in the order found: exact matches of a name or label,
    /// otherwise names beginning with the text, then labels. None for a blank text.
    fn picked(&self, text: &str) -> Vec<&Place> {
        let q = fold(text);
        let mut picked: Vec<&Place> = Vec::new();
        if q.is_empty() {
            return picked;
        }
        let places = &self.gazetteer().places;
        for p in places {
            if p.name == q || p.folded_label == q {
                picked.push(p);
            }
        }
        if picked.is_empty() {
            // Names that begin with the text, then labels. (A scan, as for the labels,
            // not a binary search for the run of the sorted names: no `partition_point`
            // to carry in the wasm.)
            for p in places {
                if p.name.starts_with(&q) {
                    picked.push(p);
                }
            }
            for p in places {
                if p.folded_label.starts_with(&q) && !p.name.starts_with(&q) {
                    picked.push(p);
                }
            }
        }
        picked
    }
}

/// The order candidates are offered in: by kind, then most meetings first, then label.
fn rank(a: &Place, b: &Place) -> Ordering {
    a.kind
        .cmp(&b.kind)
        .then(b.candidate.meetings.cmp(&a.candidate.meetings))
        .then(a.folded_label.cmp(&b.folded_label))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_place_point_is_the_first_candidates() {
        let index = Index::new(crate::generate::meetings(600, 3));
        let mut texts: Vec<String> = ["", " ", "a", "s", "ne", "1", "19", "zzz"]
            .iter()
            .map(|t| t.to_string())
            .collect();
        for m in index.meetings().iter().take(60) {
            texts.push(m.place.city.clone());
            texts.push(m.place.postal_code.clone());
            texts.extend(m.regions.iter().cloned());
            texts.push(m.place.city.chars().take(3).collect());
        }
        let mut found = 0;
        for t in &texts {
            let want = index.places(t).first().map(|c| c.point);
            found += usize::from(want.is_some());
            assert_eq!(index.place_point(t), want, "{t:?}");
        }
        assert!(found > 20, "too few texts name a place: {found}");
    }

    #[test]
    fn reads_address_lines() {
        let p = parse_address("1937 West MacDade Boulevard, Woodlyn, PA 19094, USA");
        assert_eq!((p.town, p.state, p.postal), ("Woodlyn", "PA", "19094"));
        let p = parse_address("Philadelphia, PA, USA");
        assert_eq!((p.town, p.state, p.postal), ("Philadelphia", "PA", ""));
        let p = parse_address("8318 104 St, Edmonton, Alberta, T6E 4E8, Canada");
        assert_eq!(
            (p.town, p.state, p.postal),
            ("Edmonton", "Alberta", "T6E 4E8")
        );
        let p = parse_address("6101 Ward Pkwy");
        assert_eq!((p.town, p.state, p.postal), ("", "", ""));
        let p = parse_address("");
        assert_eq!(p, AddressParts::default());
    }
}
