//! TEMPORARY stand-in for the search index (a linear scan), so the widget can be seen
//! before the `search` branch lands. Only [`super::engine`] calls this
//! module; delete it (and the calls) once the real implementations are merged.

use crate::model::{Attendance, LatLon, Meeting, Occurrence};
use crate::search::{AttendanceFilter, Facets, Hit, Index, Query, Results, TimeFilter, TimeOfDay};

fn in_bucket(b: TimeOfDay, m: u16) -> bool {
    match b {
        TimeOfDay::Morning => (240..720).contains(&m),
        TimeOfDay::Midday => (660..1020).contains(&m),
        TimeOfDay::Evening => (960..1260).contains(&m),
        TimeOfDay::Night => !(300..1200).contains(&m),
    }
}

fn haversine(a: LatLon, b: LatLon, units: crate::search::Units) -> f64 {
    let r = match units {
        crate::search::Units::Miles => 3958.8,
        crate::search::Units::Kilometres => 6371.0,
    };
    let rad = core::f64::consts::PI / 180.0;
    let (la, lb) = (a.lat * rad, b.lat * rad);
    let dl = (b.lat - a.lat) * rad / 2.0;
    let dn = (b.lon - a.lon) * rad / 2.0;
    let h = js_sys::Math::sin(dl).powi(2)
        + js_sys::Math::cos(la) * js_sys::Math::cos(lb) * js_sys::Math::sin(dn).powi(2);
    2.0 * r * js_sys::Math::asin(h.sqrt().min(1.0))
}

fn words_match(m: &Meeting, text: &str) -> bool {
    let hay = [
        &m.name,
        &m.place.location,
        &m.place.formatted_address,
        &m.place.city,
        &m.group,
        &m.notes,
    ];
    text.split_whitespace().all(|w| {
        hay.iter().any(|h| {
            h.split(|c: char| !c.is_alphanumeric()).any(|x| {
                x.len() >= w.len() && x.as_bytes()[..w.len()].eq_ignore_ascii_case(w.as_bytes())
            })
        })
    })
}

/// Every hit of `q`, ordered by distance or by day and time.
pub fn search(index: &Index, q: &Query) -> Results {
    let mut hits = Vec::new();
    for (i, m) in index.meetings().iter().enumerate() {
        let att_ok = match q.attendance {
            None => m.attendance != Attendance::Inactive,
            Some(AttendanceFilter::InPerson) => m.attendance.in_person(),
            Some(AttendanceFilter::Online) => m.attendance.online(),
            Some(AttendanceFilter::Hybrid) => m.attendance == Attendance::Hybrid,
            Some(AttendanceFilter::Inactive) => m.attendance == Attendance::Inactive,
        };
        if !att_ok
            || !q.types.iter().all(|t| m.has_type(t))
            || !q
                .region
                .as_ref()
                .is_none_or(|r| m.regions.iter().any(|x| x == r))
            || !words_match(m, &q.text)
        {
            continue;
        }
        let distance = q
            .near
            .zip(m.place.coordinates)
            .map(|(a, b)| haversine(a, b, q.units));
        if q.near.is_some()
            && (distance.is_none() || q.within.zip(distance).is_some_and(|(w, d)| d > w))
        {
            continue;
        }
        let occ: Vec<Option<Occurrence>> = if m.occurrences.is_empty() {
            if q.days.is_empty() && q.time.is_none() {
                vec![None]
            } else {
                vec![]
            }
        } else {
            m.occurrences.iter().copied().map(Some).collect()
        };
        for o in occ {
            if let Some(o) = o {
                if !q.days.is_empty() && !q.days.contains(&o.day) {
                    continue;
                }
                let start = o.time.map(|t| t.start);
                let ok = match q.time {
                    None => true,
                    Some(TimeFilter::Bucket(b)) => start.is_some_and(|s| in_bucket(b, s)),
                    Some(TimeFilter::Window { from, to }) => {
                        start.is_some_and(|s| s >= from && s <= to)
                    }
                };
                if !ok {
                    continue;
                }
            }
            let in_progress = match (q.now, o) {
                (Some(n), Some(Occurrence { day, time: Some(t) })) => {
                    day == n.day && t.start <= n.minute && n.minute < t.start + t.duration()
                }
                _ => false,
            };
            hits.push(Hit {
                meeting: i as u32,
                occurrence: o,
                distance,
                in_progress,
            });
        }
    }
    let key = |h: &Hit| {
        let (d, t) = h
            .occurrence
            .map_or((9, 0), |o| (o.day.number(), o.time.map_or(0, |t| t.start)));
        let d = q.now.map_or(d, |n| (d + 7 - n.day.number()) % 7);
        (d, t)
    };
    if q.near.is_some() {
        hits.sort_unstable_by(|a, b| {
            a.distance
                .partial_cmp(&b.distance)
                .unwrap_or(core::cmp::Ordering::Equal)
        });
    } else {
        hits.sort_unstable_by_key(key);
    }
    Results { hits }
}

/// The counts each option would give, computed by brute force.
pub fn facets(index: &Index, q: &Query) -> Facets {
    let ms = index.meetings();
    let mut f = Facets::default();
    let mut base = q.clone();
    base.days.clear();
    for h in search(index, &base).hits {
        if let Some(o) = h.occurrence {
            f.days[o.day.number() as usize] += 1;
        }
    }
    let mut base = q.clone();
    base.time = None;
    let buckets = [
        TimeOfDay::Morning,
        TimeOfDay::Midday,
        TimeOfDay::Evening,
        TimeOfDay::Night,
    ];
    for h in search(index, &base).hits {
        if let Some(t) = h.occurrence.and_then(|o| o.time) {
            for (i, b) in buckets.iter().enumerate() {
                f.times[i] += u32::from(in_bucket(*b, t.start));
            }
        }
    }
    let hits = search(index, q).hits;
    let mut codes: Vec<String> = ms.iter().flat_map(|m| m.types.iter().cloned()).collect();
    codes.sort_unstable();
    codes.dedup();
    f.types = codes
        .into_iter()
        .map(|c| {
            let n = hits
                .iter()
                .filter(|h| ms[h.meeting as usize].has_type(&c))
                .count() as u32;
            (c, n)
        })
        .collect();
    let mut base = q.clone();
    base.region = None;
    let rh = search(index, &base).hits;
    let mut paths: Vec<Vec<String>> = ms
        .iter()
        .flat_map(|m| (1..=m.regions.len()).map(|n| m.regions[..n].to_vec()))
        .collect();
    paths.sort_unstable();
    paths.dedup();
    f.regions = paths
        .into_iter()
        .map(|p| {
            let n = rh
                .iter()
                .filter(|h| ms[h.meeting as usize].regions.starts_with(&p))
                .count() as u32;
            (p, n)
        })
        .collect();
    let mut base = q.clone();
    for (i, a) in [
        AttendanceFilter::InPerson,
        AttendanceFilter::Online,
        AttendanceFilter::Hybrid,
        AttendanceFilter::Inactive,
    ]
    .into_iter()
    .enumerate()
    {
        base.attendance = Some(a);
        f.attendance[i] = search(index, &base).hits.len() as u32;
    }
    f
}

/// A typed place: the middle of the meetings whose city, location or region starts with it.
pub fn place(index: &Index, name: &str) -> Option<LatLon> {
    let name = name.trim();
    if name.is_empty() {
        return None;
    }
    let starts = |h: &str| {
        h.len() >= name.len() && h.as_bytes()[..name.len()].eq_ignore_ascii_case(name.as_bytes())
    };
    let pts: Vec<LatLon> = index
        .meetings()
        .iter()
        .filter(|m| {
            starts(&m.place.city)
                || starts(&m.place.location)
                || m.regions.iter().any(|r| starts(r))
        })
        .filter_map(|m| m.place.coordinates)
        .collect();
    let n = pts.len() as f64;
    (n > 0.0).then(|| LatLon {
        lat: pts.iter().map(|p| p.lat).sum::<f64>() / n,
        lon: pts.iter().map(|p| p.lon).sum::<f64>() / n,
    })
}
