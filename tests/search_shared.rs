//! Search over the real feeds in ../shared/feeds, against figures worked out
//! independently with python3 over the JSON (the one-liners are in each test's comment).
//! Skipped, with a printed reason, where ../shared is absent.
#![cfg(not(target_arch = "wasm32"))]

use std::path::PathBuf;

use meeting_search::feed::{self, ReadOptions};
use meeting_search::model::{LatLon, Weekday};
use meeting_search::search::{AttendanceFilter, Index, Query, TimeFilter, TimeOfDay};
use meeting_search::types::{Program, TypeNames};

fn shared_feeds() -> Option<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/feeds");
    dir.is_dir().then_some(dir)
}

fn index(name: &str, program: Program) -> Option<Index> {
    let Some(dir) = shared_feeds() else {
        eprintln!("skipping: ../shared/feeds not found");
        return None;
    };
    let bytes = std::fs::read(dir.join("meeting-guide").join(name)).expect("feed file");
    let feed = feed::read(&bytes, &ReadOptions::default()).expect("feed reads");
    Some(Index::build(
        feed.meetings,
        TypeNames::english(program),
        Default::default(),
    ))
}

/// Results of `q`, counting inactive meetings too (the figures below ignore attendance).
fn count_all(index: &Index, q: &Query) -> usize {
    let inactive = Query {
        attendance: Some(AttendanceFilter::Inactive),
        ..q.clone()
    };
    index.query(q).hits.len() + index.query(&inactive).hits.len()
}

#[test]
fn aasepia_women_meetings_on_tuesday() {
    let Some(index) = index("aasepia.json", Program::Aa) else {
        return;
    };
    // python3: sum(1 for m in d for x in [m['day']] if x == 2 and 'W' in m['types']) → 19
    let q = Query {
        days: vec![Weekday::new(2).unwrap()],
        types: vec!["w".into()],
        ..Query::default()
    };
    assert_eq!(count_all(&index, &q), 19);
    let f = index.facets(&Query {
        types: vec!["W".into()],
        ..Query::default()
    });
    assert_eq!(f.days[2] as usize, index.query(&q).hits.len());
}

#[test]
fn aasepia_within_five_miles_of_philadelphia_city_hall() {
    let Some(index) = index("aasepia.json", Program::Aa) else {
        return;
    };
    // python3 over aasepia.json: meetings with a street address (not town-only, no TC:
    // attendable in person) whose haversine (R = 3958.8, math.asin form) from
    // 39.9526,-75.1652 is at most 5 miles: 272 meetings, one day each → 272 results.
    let q = Query {
        near: LatLon::new(39.9526, -75.1652),
        within: Some(5.0),
        ..Query::default()
    };
    let hits = index.query(&q).hits;
    assert_eq!(hits.len(), 272);
    let d: Vec<f64> = hits.iter().map(|h| h.distance.unwrap()).collect();
    assert!(d.windows(2).all(|w| w[0] <= w[1]));
    assert!(d.iter().all(|&x| x <= 5.0));
    // In kilometres the same circle is 8.04672 km.
    let km = Query {
        within: Some(8.04672),
        units: meeting_search::search::Units::Kilometres,
        ..q.clone()
    };
    assert_eq!(index.query(&km).hits.len(), 272);
}

#[test]
fn aasepia_region_subtree_and_place_names() {
    let Some(index) = index("aasepia.json", Program::Aa) else {
        return;
    };
    // python3: sum(1 for m in d if m['regions'][0] == 'Delaware County') → 266
    let q = Query {
        region: Some("Delaware County".into()),
        ..Query::default()
    };
    assert_eq!(count_all(&index, &q), 266);
    // python3: meetings whose formatted_address town part is Ardmore: 6, median latitude
    // 40.00922775, median longitude -75.290809.
    let places = index.places("Ardmore");
    let first = &places[0];
    assert_eq!(first.label, "Ardmore, PA");
    assert_eq!(first.meetings, 6);
    assert!((first.point.lat - 40.00922775).abs() < 1e-9);
    assert!((first.point.lon - -75.290809).abs() < 1e-9);
    assert_eq!(index.places("19003")[0].label, "19003 Ardmore");
}

#[test]
fn al_anon_adult_child_meetings_hide_the_inactive_ones() {
    let Some(index) = index("al-anon.json", Program::AlAnon) else {
        return;
    };
    // python3: AC meetings 48, of which attendance_option != 'inactive': 37 (one day each).
    let q = Query {
        types: vec!["AC".into()],
        ..Query::default()
    };
    assert_eq!(index.query(&q).hits.len(), 37);
    assert_eq!(count_all(&index, &q), 48);
    // With Al-Anon's names, the words find the type: "Adult Child Focus".
    let words = Query {
        text: "adult child".into(),
        ..Query::default()
    };
    assert!(index.query(&words).hits.len() >= 37);
}

#[test]
fn edmonton_twelve_hour_times_fall_in_the_evening_bucket() {
    let Some(index) = index("edmonton.json", Program::Aa) else {
        return;
    };
    // python3: 12-hour times converted, 16:00 <= start <= 20:59: 193 of 315.
    let q = Query {
        time: Some(TimeFilter::Bucket(TimeOfDay::Evening)),
        ..Query::default()
    };
    assert_eq!(count_all(&index, &q), 193);
    assert_eq!(count_all(&index, &Query::default()), 315);
}
