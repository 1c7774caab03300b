//! No input makes the reader panic, and what it reads always adds up: arbitrary bytes,
//! arbitrary JSON values, and lists of arbitrary objects with meeting-like keys.
#![cfg(not(target_arch = "wasm32"))]

use meeting_search::feed::{read, Feed, ReadOptions, FOUND_MAX_CHARS};
use proptest::prelude::*;
use serde_json::{Map, Value};

/// What every successfully read feed satisfies.
fn invariants(feed: &Feed) {
    assert_eq!(feed.records, feed.meetings.len() + feed.skipped);
    let mut slugs: Vec<&str> = feed.meetings.iter().map(|m| m.slug.as_str()).collect();
    slugs.sort_unstable();
    let count = slugs.len();
    slugs.dedup();
    assert_eq!(slugs.len(), count, "slugs are unique");
    for m in &feed.meetings {
        assert!(!m.slug.is_empty() && !m.name.is_empty());
        assert!(m.occurrences.windows(2).all(|w| w[0].day < w[1].day));
        for o in &m.occurrences {
            if let Some(t) = o.time {
                assert!(t.start < 1440 && t.end < 1440);
            }
        }
        if let Some(p) = m.place.coordinates {
            assert!((-90.0..=90.0).contains(&p.lat) && (-180.0..=180.0).contains(&p.lon));
        }
        assert!(m.types.iter().all(|t| !t.is_empty()));
    }
    for p in &feed.problems {
        assert!(p.record < feed.records.max(1));
        assert!(p.found.chars().count() <= FOUND_MAX_CHARS + 1);
    }
    assert!(feed.problems.windows(2).all(|w| w[0].record <= w[1].record));
}

fn check(bytes: &[u8]) {
    if let Ok(feed) = read(bytes, &ReadOptions::default()) {
        invariants(&feed);
    }
}

fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        "\\PC{0,12}".prop_map(Value::String),
        prop_oneof![
            Just("8:00 PM"),
            Just("12:00 AM"),
            Just("Sunday"),
            Just("7"),
            Just("[open]"),
            Just("<br>&amp;&#39;"),
            Just("39.9,-75.1"),
            Just("#@-@#x"),
            Just("1,3,5"),
            Just(""),
        ]
        .prop_map(|s| Value::String(s.to_owned())),
    ];
    leaf.prop_recursive(3, 24, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec(("[a-z_]{1,8}", inner), 0..6)
                .prop_map(|entries| Value::Object(entries.into_iter().collect())),
        ]
    })
}

const KEYS: [&str; 24] = [
    "name",
    "slug",
    "day",
    "time",
    "end_time",
    "latitude",
    "longitude",
    "coordinates",
    "types",
    "approximate",
    "regions",
    "region",
    "conference_url",
    "conference_phone",
    "attendance_option",
    "notes",
    "postal_code",
    "id_bigint",
    "weekday_tinyint",
    "start_time",
    "duration_time",
    "venue_type",
    "formats",
    "format_shared_id_list",
];

fn meeting_like() -> impl Strategy<Value = Value> {
    prop::collection::vec((0..KEYS.len(), json_value()), 0..10).prop_map(|entries| {
        let mut map = Map::new();
        for (k, v) in entries {
            map.insert(KEYS[k].to_owned(), v);
        }
        Value::Object(map)
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..256)) {
        check(&bytes);
    }

    #[test]
    fn arbitrary_json_never_panics(value in json_value()) {
        check(value.to_string().as_bytes());
    }

    #[test]
    fn lists_of_meeting_like_objects_add_up(
        list in prop::collection::vec(prop_oneof![4 => meeting_like(), 1 => json_value()], 0..12)
    ) {
        let text = Value::Array(list.clone()).to_string();
        let feed = read(text.as_bytes(), &ReadOptions::default());
        let feed = feed.expect("a JSON list always reads");
        prop_assert_eq!(feed.records, list.len());
        invariants(&feed);
        let objects = list.iter().filter(|v| v.is_object()).count();
        prop_assert!(feed.meetings.len() <= objects);
    }

    #[test]
    fn bmlt_envelopes_add_up(list in prop::collection::vec(meeting_like(), 0..8)) {
        let text = serde_json::json!({"meetings": list, "formats": []}).to_string();
        let feed = read(text.as_bytes(), &ReadOptions::default()).expect("reads");
        prop_assert_eq!(feed.records, list.len());
        invariants(&feed);
    }
}
