//! The index against a reference implementation written as plainly as possible: for
//! generated feeds and queries, the same hits (set, order, distances, in-progress marks)
//! and the same facet counts.
#![cfg(not(target_arch = "wasm32"))]

use meeting_search::generate;
use meeting_search::model::{Attendance, Meeting, Weekday};
use meeting_search::search::text::{fold, words};
use meeting_search::search::{
    AttendanceFilter, Facets, Hit, Index, Now, Query, TimeFilter, TimeOfDay, Units,
};
use meeting_search::types::{canonical_code, Program, TypeNames};
use proptest::prelude::*;

// ---------------------------------------------------------------- the reference

fn in_bucket(b: TimeOfDay, s: u16) -> bool {
    match b {
        TimeOfDay::Morning => (240..=719).contains(&s),
        TimeOfDay::Midday => (660..=1019).contains(&s),
        TimeOfDay::Evening => (960..=1259).contains(&s),
        TimeOfDay::Night => s >= 1200 || s <= 299,
    }
}

fn region_path(m: &Meeting) -> Vec<String> {
    let p: Vec<String> = m
        .regions
        .iter()
        .map(|r| r.trim().to_string())
        .filter(|r| !r.is_empty())
        .collect();
    if !p.is_empty() {
        p
    } else if !m.place.city.trim().is_empty() {
        vec![m.place.city.trim().to_string()]
    } else {
        vec![]
    }
}

fn distance(m: &Meeting, q: &Query) -> f64 {
    let p = q.near.unwrap();
    let c = m.place.coordinates.unwrap();
    let r = match q.units {
        Units::Miles => 3958.8,
        Units::Kilometres => 6371.0,
    };
    let k = std::f64::consts::PI / 180.0;
    let (lat1, lon1) = (p.lat * k, p.lon * k);
    let (lat2, lon2) = (c.lat * k, c.lon * k);
    let s_lat = ((lat2 - lat1) / 2.0).sin();
    let s_lon = ((lon2 - lon1) / 2.0).sin();
    let h = s_lat * s_lat + lat1.cos() * lat2.cos() * s_lon * s_lon;
    let h = h.clamp(0.0, 1.0);
    2.0 * r * h.sqrt().atan2((1.0 - h).sqrt())
}

fn meeting_words(m: &Meeting, names: &TypeNames) -> Vec<String> {
    let p = &m.place;
    let mut all = vec![
        m.name.clone(),
        p.location.clone(),
        p.address.clone(),
        p.city.clone(),
        p.state.clone(),
        p.postal_code.clone(),
        p.formatted_address.clone(),
        p.neighborhood.clone(),
        p.notes.clone(),
        m.group.clone(),
        m.group_notes.clone(),
        m.notes.clone(),
    ];
    all.extend(m.regions.iter().cloned());
    all.extend(m.types.iter().map(|t| names.name(t).to_string()));
    all.iter().flat_map(|t| words(t)).collect()
}

/// One candidate result: meeting, day (7 = by appointment), start (None = untimed).
struct Row {
    m: usize,
    day: u8,
    start: Option<u16>,
    duration: u16,
}

fn matches(ms: &[Meeting], row: &Row, q: &Query, names: &TypeNames) -> bool {
    let m = &ms[row.m];
    if !q.days.is_empty() && !q.days.iter().any(|d| d.number() == row.day) {
        return false;
    }
    if let Some(t) = q.time {
        let Some(s) = row.start else { return false };
        let ok = match t {
            TimeFilter::Bucket(b) => in_bucket(b, s),
            TimeFilter::Window { from, to } => {
                if from <= to {
                    from <= s && s <= to
                } else {
                    s >= from || s <= to
                }
            }
        };
        if !ok {
            return false;
        }
    }
    let codes: Vec<String> = m.types.iter().map(|t| canonical_code(t)).collect();
    if !q.types.iter().all(|t| codes.contains(&canonical_code(t))) {
        return false;
    }
    if let Some(region) = &q.region {
        let want = fold(region);
        if !want.is_empty() {
            let path = region_path(m);
            let hit = (0..path.len())
                .any(|k| fold(&path[k]) == want || fold(&path[..=k].join(" ")) == want);
            if !hit {
                return false;
            }
        }
    }
    let a = m.attendance;
    let ok = match q.attendance {
        None => a != Attendance::Inactive,
        Some(AttendanceFilter::InPerson) => a == Attendance::InPerson || a == Attendance::Hybrid,
        Some(AttendanceFilter::Online) => a == Attendance::Online || a == Attendance::Hybrid,
        Some(AttendanceFilter::Hybrid) => a == Attendance::Hybrid,
        Some(AttendanceFilter::Inactive) => a == Attendance::Inactive,
    };
    if !ok {
        return false;
    }
    if q.near.is_some() {
        if m.place.coordinates.is_none() || a == Attendance::Online {
            return false;
        }
        if let Some(w) = q.within {
            if distance(m, q) > w {
                return false;
            }
        }
    }
    let have = meeting_words(m, names);
    words(&q.text)
        .iter()
        .all(|w| have.iter().any(|h| h.starts_with(w.as_str())))
}

fn reference(ms: &[Meeting], q: &Query, names: &TypeNames) -> Vec<Hit> {
    let mut rows = Vec::new();
    for (i, m) in ms.iter().enumerate() {
        if m.occurrences.is_empty() {
            rows.push(Row {
                m: i,
                day: 7,
                start: None,
                duration: 0,
            });
        }
        for o in &m.occurrences {
            rows.push(Row {
                m: i,
                day: o.day.number(),
                start: o.time.map(|t| t.start),
                duration: o.time.map(|t| t.duration()).unwrap_or(0),
            });
        }
    }
    rows.retain(|r| matches(ms, r, q, names));
    let in_progress = |r: &Row| -> bool {
        let (Some(now), Some(s)) = (q.now, r.start) else {
            return false;
        };
        if r.day == 7 {
            return false;
        }
        let now_abs = now.day.number() as i64 * 1440 + now.minute as i64;
        let at = r.day as i64 * 1440 + s as i64;
        (now_abs - at).rem_euclid(10080) < r.duration as i64
    };
    // The order key, as a tuple of numbers then name and slug.
    let key = |r: &Row| -> (u32, i64, i64, String, String) {
        let m = &ms[r.m];
        let start = r.start.map(|s| s as i64).unwrap_or(100_000);
        let nums = match q.now {
            None => (0, r.day as i64, start),
            Some(now) => {
                if r.day == 7 {
                    (3, 0, 0)
                } else if in_progress(r) {
                    let now_abs = now.day.number() as i64 * 1440 + now.minute as i64;
                    let at = r.day as i64 * 1440 + r.start.unwrap() as i64;
                    (0, -((now_abs - at).rem_euclid(10080)), 0)
                } else {
                    let today = now.day.number() as i64;
                    let mut ahead = (r.day as i64 - today).rem_euclid(7);
                    if ahead == 0 && start <= now.minute as i64 {
                        ahead = 7;
                    }
                    (1, ahead, start)
                }
            }
        };
        (nums.0, nums.1, nums.2, fold(&m.name), m.slug.clone())
    };
    rows.sort_by_key(|a| key(a));
    let mut hits: Vec<Hit> = rows
        .iter()
        .map(|r| Hit {
            meeting: r.m as u32,
            occurrence: (r.day < 7).then(|| {
                let day = Weekday::new(r.day).unwrap();
                *ms[r.m]
                    .occurrences
                    .iter()
                    .find(|o| o.day == day && o.time.map(|t| t.start) == r.start)
                    .unwrap()
            }),
            distance: q.near.map(|_| distance(&ms[r.m], q)),
            in_progress: in_progress(r),
        })
        .collect();
    if q.near.is_some() {
        hits.sort_by(|a, b| a.distance.unwrap().total_cmp(&b.distance.unwrap()));
    }
    hits
}

fn reference_facets(ms: &[Meeting], q: &Query, names: &TypeNames) -> Facets {
    let count = |q: &Query| reference(ms, q, names).len() as u32;
    let mut f = Facets::default();
    for d in 0..7 {
        f.days[d] = count(&Query {
            days: vec![Weekday::new(d as u8).unwrap()],
            ..q.clone()
        });
    }
    for (k, b) in TimeOfDay::ALL.iter().enumerate() {
        f.times[k] = count(&Query {
            time: Some(TimeFilter::Bucket(*b)),
            ..q.clone()
        });
    }
    let mut codes: Vec<String> = ms
        .iter()
        .flat_map(|m| m.types.iter().map(|t| canonical_code(t)))
        .filter(|c| !c.is_empty())
        .collect();
    codes.sort();
    codes.dedup();
    for c in codes {
        let mut types = q.types.clone();
        types.push(c.clone());
        f.types.push((c, count(&Query { types, ..q.clone() })));
    }
    let mut nodes: Vec<Vec<String>> = ms
        .iter()
        .flat_map(|m| {
            let p = region_path(m);
            (1..=p.len()).map(move |k| p[..k].to_vec())
        })
        .collect();
    nodes.sort_by_key(|p| p.iter().map(|n| (fold(n), n.clone())).collect::<Vec<_>>());
    nodes.dedup();
    let without_region = reference(
        ms,
        &Query {
            region: None,
            ..q.clone()
        },
        names,
    );
    for node in nodes {
        let n = without_region
            .iter()
            .filter(|h| region_path(&ms[h.meeting as usize]).starts_with(&node))
            .count() as u32;
        f.regions.push((node, n));
    }
    let choices = [
        AttendanceFilter::InPerson,
        AttendanceFilter::Online,
        AttendanceFilter::Hybrid,
        AttendanceFilter::Inactive,
    ];
    for (k, a) in choices.iter().enumerate() {
        f.attendance[k] = count(&Query {
            attendance: Some(*a),
            ..q.clone()
        });
    }
    f
}

// ---------------------------------------------------------------- generated inputs

/// A generated feed, roughened: some meetings lose their regions (city fallback), some
/// type codes are lower case, some meetings lose their coordinates.
fn feed(n: usize, seed: u64) -> Vec<Meeting> {
    let mut ms = generate::meetings(n, seed);
    for (i, m) in ms.iter_mut().enumerate() {
        if i % 7 == 3 {
            m.regions.clear();
        }
        if i % 5 == 1 {
            for t in &mut m.types {
                *t = t.to_lowercase();
            }
        }
        if i % 11 == 4 {
            m.place.coordinates = None;
        }
        if i % 13 == 6 {
            m.name = m.name.to_uppercase();
        }
    }
    ms
}

fn query_strategy() -> impl Strategy<Value = Query> {
    let days = prop::collection::vec(0u8..7, 0..3);
    let time = prop_oneof![
        3 => Just(None),
        1 => (0usize..4).prop_map(|k| Some(TimeFilter::Bucket(TimeOfDay::ALL[k]))),
        1 => (0u16..1440, 0u16..1440).prop_map(|(from, to)| Some(TimeFilter::Window { from, to })),
    ];
    let types = prop::collection::vec(
        prop::sample::select(vec!["O", "c", "D", "w", "X", "ONL", "OPEN", "ZZZ", "B"]),
        0..3,
    );
    let region = prop::sample::select(vec![
        "",
        "-",
        "Montgomery County",
        "philadelphia",
        "Center City",
        "Philadelphia > Fishtown",
        "ardmore",
        "Camden County Cherry Hill",
        "Nowhere",
    ]);
    let attendance = prop::sample::select(vec![
        None,
        Some(AttendanceFilter::InPerson),
        Some(AttendanceFilter::Online),
        Some(AttendanceFilter::Hybrid),
        Some(AttendanceFilter::Inactive),
    ]);
    let near = prop::sample::select(vec![
        None,
        Some((39.9526, -75.1652)),
        Some((40.0084, -75.2905)),
        Some((40.3101, -75.1299)),
    ]);
    let within = prop::sample::select(vec![None, Some(0.5), Some(3.0), Some(5.0), Some(20.0)]);
    let units = prop::bool::ANY;
    let text = prop::sample::select(vec![
        "",
        "",
        "",
        "st",
        "serenity",
        "group step",
        "cafe",
        "CAFÉ",
        "mark's",
        "z",
        "wheel",
        "19103",
        "women",
        "o",
    ]);
    let now = prop::option::of((0u8..7, 0u16..1440));
    (
        days,
        time,
        types,
        (region, prop::bool::ANY),
        attendance,
        (near, within, units),
        text,
        now,
    )
        .prop_map(
            |(
                days,
                time,
                types,
                (region, has_region),
                attendance,
                (near, within, km),
                text,
                now,
            )| {
                Query {
                    days: days.into_iter().filter_map(Weekday::new).collect(),
                    time,
                    types: types.into_iter().map(String::from).collect(),
                    region: (has_region && !region.is_empty()).then(|| region.to_string()),
                    attendance,
                    near: near.map(|(lat, lon)| meeting_search::model::LatLon { lat, lon }),
                    within,
                    units: if km { Units::Kilometres } else { Units::Miles },
                    text: text.to_string(),
                    now: now.map(|(d, minute)| Now {
                        day: Weekday::new(d).unwrap(),
                        minute,
                    }),
                }
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn index_agrees_with_the_reference(
        n in 0usize..160,
        seed in 0u64..1000,
        queries in prop::collection::vec(query_strategy(), 4),
    ) {
        let ms = feed(n, seed);
        let names = TypeNames::english(Program::Aa);
        let index = Index::new(ms.clone());
        for q in &queries {
            let got = index.query(q).hits;
            let want = reference(&ms, q, &names);
            prop_assert_eq!(&got, &want, "query {:?}", q);
            prop_assert_eq!(index.facets(q), reference_facets(&ms, q, &names), "facets {:?}", q);
        }
    }
}

#[test]
fn a_larger_feed_agrees_on_a_few_queries() {
    let ms = feed(3000, 42);
    let names = TypeNames::english(Program::Aa);
    let index = Index::new(ms.clone());
    let queries = [
        Query::default(),
        Query {
            days: vec![Weekday::new(2).unwrap()],
            types: vec!["W".into()],
            ..Query::default()
        },
        Query {
            near: Some(meeting_search::model::LatLon {
                lat: 39.9526,
                lon: -75.1652,
            }),
            within: Some(5.0),
            days: vec![Weekday::new(3).unwrap()],
            ..Query::default()
        },
        Query {
            text: "step st".into(),
            now: Some(Now {
                day: Weekday::new(0).unwrap(),
                minute: 30,
            }),
            ..Query::default()
        },
    ];
    for q in &queries {
        let hits = index.query(q).hits;
        assert!(!hits.is_empty(), "{q:?} should find something");
        assert_eq!(hits, reference(&ms, q, &names), "{q:?}");
        assert_eq!(index.facets(q), reference_facets(&ms, q, &names), "{q:?}");
    }
}
