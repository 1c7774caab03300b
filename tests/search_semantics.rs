//! One test per rule of the search semantics, on small hand-built feeds whose answers can
//! be read off by eye.
#![cfg(not(target_arch = "wasm32"))]

use meeting_search::model::{
    Attendance, Conference, LatLon, Meeting, Occurrence, Place, TimeSpan, Weekday,
};
use meeting_search::search::{
    merge, merge_meetings, AttendanceFilter, Index, Now, Query, TimeFilter, TimeOfDay, Trig, Units,
};
use meeting_search::types::{Program, TypeNames};

fn day(n: u8) -> Weekday {
    Weekday::new(n).unwrap()
}

fn hm(s: &str) -> u16 {
    let (h, m) = s.split_once(':').unwrap();
    h.parse::<u16>().unwrap() * 60 + m.parse::<u16>().unwrap()
}

/// A meeting `slug` named `name`, held on `days` at `start`–`end`.
fn mtg(slug: &str, name: &str, days: &[u8], start: &str, end: &str) -> Meeting {
    Meeting {
        slug: slug.into(),
        name: name.into(),
        occurrences: days
            .iter()
            .map(|&d| Occurrence {
                day: day(d),
                time: Some(TimeSpan {
                    start: hm(start),
                    end: hm(end),
                }),
            })
            .collect(),
        ..Meeting::default()
    }
}

fn at(mut m: Meeting, lat: f64, lon: f64) -> Meeting {
    m.place.coordinates = LatLon::new(lat, lon);
    m
}

fn slugs(index: &Index, q: &Query) -> Vec<String> {
    index
        .query(q)
        .hits
        .iter()
        .map(|h| {
            let m = &index.meetings()[h.meeting as usize];
            match h.occurrence {
                Some(o) => format!("{}@{}", m.slug, o.day.number()),
                None => m.slug.clone(),
            }
        })
        .collect()
}

#[test]
fn each_weekly_occurrence_is_a_result_and_by_appointment_comes_last_without_a_day() {
    let index = Index::new(vec![
        Meeting {
            slug: "appt".into(),
            name: "A by appointment".into(),
            ..Meeting::default()
        },
        mtg("mwf", "Zeta", &[1, 3, 5], "19:00", "20:00"),
        mtg("tue", "Alpha", &[2], "19:00", "20:00"),
    ]);
    assert_eq!(
        slugs(&index, &Query::default()),
        ["mwf@1", "tue@2", "mwf@3", "mwf@5", "appt"]
    );
    let q = Query {
        days: vec![day(3), day(2)],
        ..Query::default()
    };
    assert_eq!(slugs(&index, &q), ["tue@2", "mwf@3"]);
}

#[test]
fn order_is_day_start_then_name_case_and_accent_blind_then_slug_untimed_last() {
    let mut untimed = mtg("untimed", "Aaa", &[1], "00:00", "01:00");
    untimed.occurrences[0].time = None;
    let index = Index::new(vec![
        untimed,
        mtg("b", "émile", &[1], "07:00", "08:00"),
        mtg("a", "Emile", &[1], "07:00", "08:00"),
        mtg("c", "david", &[1], "07:00", "08:00"),
        mtg("d", "Zed", &[1], "06:00", "07:00"),
    ]);
    assert_eq!(
        slugs(&index, &Query::default()),
        ["d@1", "c@1", "a@1", "b@1", "untimed@1"]
    );
}

#[test]
fn time_buckets_overlap_and_windows_wrap() {
    let index = Index::new(vec![
        mtg("0430", "a", &[1], "04:30", "05:30"),
        mtg("1130", "b", &[1], "11:30", "12:30"),
        mtg("1630", "c", &[1], "16:30", "17:30"),
        mtg("2030", "d", &[1], "20:30", "21:30"),
        mtg("2359", "e", &[1], "23:59", "00:59"),
    ]);
    let bucket = |b| Query {
        time: Some(TimeFilter::Bucket(b)),
        ..Query::default()
    };
    assert_eq!(
        slugs(&index, &bucket(TimeOfDay::Morning)),
        ["0430@1", "1130@1"]
    );
    assert_eq!(
        slugs(&index, &bucket(TimeOfDay::Midday)),
        ["1130@1", "1630@1"]
    );
    assert_eq!(
        slugs(&index, &bucket(TimeOfDay::Evening)),
        ["1630@1", "2030@1"]
    );
    assert_eq!(
        slugs(&index, &bucket(TimeOfDay::Night)),
        ["0430@1", "2030@1", "2359@1"]
    );
    let window = Query {
        time: Some(TimeFilter::Window {
            from: hm("20:30"),
            to: hm("04:30"),
        }),
        ..Query::default()
    };
    assert_eq!(slugs(&index, &window), ["0430@1", "2030@1", "2359@1"]);
}

#[test]
fn types_need_all_codes_in_any_case_and_bmlt_world_ids_match() {
    let mut a = mtg("a", "a", &[1], "19:00", "20:00");
    a.types = vec!["o".into(), "W".into()];
    let mut b = mtg("b", "b", &[1], "19:00", "20:00");
    b.types = vec!["O".into()];
    let mut c = mtg("c", "c", &[1], "19:00", "20:00");
    c.types = vec!["CLOSED".into(), "wchr".into()];
    let index = Index::new(vec![a, b, c]);
    let q = |types: &[&str]| Query {
        types: types.iter().map(|t| t.to_string()).collect(),
        ..Query::default()
    };
    assert_eq!(slugs(&index, &q(&["O"])), ["a@1", "b@1"]);
    assert_eq!(slugs(&index, &q(&["OPEN", "w"])), ["a@1"]);
    assert_eq!(slugs(&index, &q(&["C", "X"])), ["c@1"]);
    assert!(slugs(&index, &q(&["O", "NOPE"])).is_empty());
}

#[test]
fn a_region_matches_itself_and_everything_below_it() {
    let mut a = mtg("a", "a", &[1], "19:00", "20:00");
    a.regions = vec!["Delaware County".into(), "Woodlyn".into()];
    let mut b = mtg("b", "b", &[1], "19:00", "20:00");
    b.regions = vec!["Delaware County".into(), "Media".into()];
    let mut c = mtg("c", "c", &[1], "19:00", "20:00");
    c.place.city = "Ardmore".into(); // no regions: the city is the region
    let index = Index::new(vec![a, b, c]);
    let q = |r: &str| Query {
        region: Some(r.into()),
        ..Query::default()
    };
    assert_eq!(slugs(&index, &q("delaware county")), ["a@1", "b@1"]);
    assert_eq!(slugs(&index, &q("Woodlyn")), ["a@1"]);
    assert_eq!(slugs(&index, &q("Delaware County > Media")), ["b@1"]);
    assert_eq!(slugs(&index, &q("ARDMORE")), ["c@1"]);
    assert!(slugs(&index, &q("Chester County")).is_empty());
    let facets = index.facets(&Query::default());
    let regions: Vec<(String, u32)> = facets
        .regions
        .iter()
        .map(|(p, n)| (p.join(" > "), *n))
        .collect();
    assert_eq!(
        regions,
        [
            ("Ardmore".to_string(), 1),
            ("Delaware County".to_string(), 2),
            ("Delaware County > Media".to_string(), 1),
            ("Delaware County > Woodlyn".to_string(), 1),
        ]
    );
}

#[test]
fn attendance_choices_and_inactive_meetings_hidden_unless_asked() {
    let with = |slug: &str, a: Attendance| {
        let mut m = mtg(slug, slug, &[1], "19:00", "20:00");
        m.attendance = a;
        m
    };
    let index = Index::new(vec![
        with("in", Attendance::InPerson),
        with("on", Attendance::Online),
        with("hy", Attendance::Hybrid),
        with("off", Attendance::Inactive),
    ]);
    let q = |a| Query {
        attendance: a,
        ..Query::default()
    };
    assert_eq!(slugs(&index, &q(None)), ["hy@1", "in@1", "on@1"]);
    assert_eq!(
        slugs(&index, &q(Some(AttendanceFilter::InPerson))),
        ["hy@1", "in@1"]
    );
    assert_eq!(
        slugs(&index, &q(Some(AttendanceFilter::Online))),
        ["hy@1", "on@1"]
    );
    assert_eq!(slugs(&index, &q(Some(AttendanceFilter::Hybrid))), ["hy@1"]);
    assert_eq!(
        slugs(&index, &q(Some(AttendanceFilter::Inactive))),
        ["off@1"]
    );
    assert_eq!(index.facets(&q(None)).attendance, [2, 2, 1, 1]);
}

#[test]
fn distance_leaves_out_meetings_without_coordinates_and_online_only_ones() {
    let city_hall = LatLon::new(39.9526, -75.1652).unwrap();
    let mut online = at(
        mtg("online", "o", &[1], "19:00", "20:00"),
        39.9526,
        -75.1652,
    );
    online.attendance = Attendance::Online;
    let index = Index::new(vec![
        at(
            mtg("ardmore", "a", &[1], "19:00", "20:00"),
            40.0084,
            -75.2905,
        ),
        at(
            mtg("here-late", "b", &[1], "21:00", "22:00"),
            39.9526,
            -75.1652,
        ),
        at(
            mtg("here-early", "z", &[1], "07:00", "08:00"),
            39.9526,
            -75.1652,
        ),
        mtg("nowhere", "n", &[1], "19:00", "20:00"),
        online,
        at(
            mtg("doylestown", "d", &[1], "19:00", "20:00"),
            40.3101,
            -75.1299,
        ),
    ]);
    let mut q = Query {
        near: Some(city_hall),
        ..Query::default()
    };
    // Distance first, then day and time.
    assert_eq!(
        slugs(&index, &q),
        ["here-early@1", "here-late@1", "ardmore@1", "doylestown@1"]
    );
    q.within = Some(8.0);
    let hits = index.query(&q).hits;
    assert_eq!(hits.len(), 3);
    let d = hits[2].distance.unwrap();
    // Worked out independently with python3's math.asin haversine, R = 3958.8: 7.6729 mi.
    assert!((d - 7.6729).abs() < 0.0001, "{d}");
    q.units = Units::Kilometres;
    q.within = Some(12.0);
    let hits = index.query(&q).hits;
    assert_eq!(hits.len(), 2);
    q.within = Some(12.35); // R = 6371.0: 12.3482 km
    let hits = index.query(&q).hits;
    assert_eq!(hits.len(), 3);
    assert!((hits[2].distance.unwrap() - 12.3482).abs() < 0.0001);
}

#[test]
fn words_are_accent_and_case_blind_prefixes_of_any_field() {
    let mut a = mtg("a", "Café Crème Group", &[1], "19:00", "20:00");
    a.types = vec!["X".into()];
    a.regions = vec!["Delaware County".into()];
    let mut b = mtg("b", "Serenity", &[1], "19:00", "20:00");
    b.place.location = "St. Mark's Church".into();
    b.notes = "Use the side door".into();
    b.group = "Tuesday Nighters".into();
    let index = Index::new(vec![a, b]);
    let q = |t: &str| Query {
        text: t.into(),
        ..Query::default()
    };
    assert_eq!(slugs(&index, &q("CAFE creme")), ["a@1"]);
    assert_eq!(slugs(&index, &q("wheel")), ["a@1"]); // X = Wheelchair Access
    assert_eq!(slugs(&index, &q("delaw")), ["a@1"]);
    assert_eq!(slugs(&index, &q("marks side")), ["b@1"]);
    assert_eq!(slugs(&index, &q("nighter")), ["b@1"]);
    assert!(slugs(&index, &q("afe")).is_empty()); // a prefix, not any substring
    assert!(slugs(&index, &q("cafe serenity")).is_empty()); // every word
    assert_eq!(slugs(&index, &q(" ,, ")), ["a@1", "b@1"]); // no word: no filter
}

#[test]
fn type_names_of_another_language_are_searched_when_given() {
    let mut a = mtg("a", "a", &[1], "19:00", "20:00");
    a.types = vec!["W".into()];
    let table = include_str!("../data/meeting-guide-types.json");
    let spanish = TypeNames::new(table, "es", Program::Aa, "");
    let index = Index::build(vec![a], spanish, Trig::STD);
    let q = Query {
        text: "mujeres".into(),
        ..Query::default()
    };
    assert_eq!(slugs(&index, &q), ["a@1"]);
}

#[test]
fn now_orders_a_rolling_week_and_marks_meetings_in_progress() {
    let index = Index::new(vec![
        mtg("sat-late", "a", &[6], "23:30", "00:30"), // runs past midnight into Sunday
        mtg("sun-early", "b", &[0], "00:15", "01:15"),
        mtg("sun-noon", "c", &[0], "12:00", "13:00"),
        mtg("mon", "d", &[1], "19:00", "20:00"),
        mtg("sat-noon", "e", &[6], "12:00", "13:00"),
        Meeting {
            slug: "appt".into(),
            name: "appt".into(),
            ..Meeting::default()
        },
    ]);
    let q = Query {
        now: Some(Now {
            day: day(0),
            minute: hm("00:20"),
        }),
        ..Query::default()
    };
    let hits = index.query(&q).hits;
    let order: Vec<(&str, bool)> = hits
        .iter()
        .map(|h| {
            (
                index.meetings()[h.meeting as usize].slug.as_str(),
                h.in_progress,
            )
        })
        .collect();
    assert_eq!(
        order,
        [
            ("sat-late", true),
            ("sun-early", true),
            ("sun-noon", false),
            ("mon", false),
            ("sat-noon", false),
            ("appt", false),
        ]
    );
}

#[test]
fn facets_count_each_option_with_the_other_choices_kept() {
    let mut a = mtg("a", "a", &[1, 2], "07:00", "08:00");
    a.types = vec!["O".into(), "W".into()];
    let mut b = mtg("b", "b", &[2], "19:00", "20:00");
    b.types = vec!["C".into(), "W".into()];
    let mut c = mtg("c", "c", &[2], "12:00", "13:00");
    c.types = vec!["O".into()];
    let index = Index::new(vec![a, b, c]);
    let q = Query {
        days: vec![day(2)],
        types: vec!["W".into()],
        ..Query::default()
    };
    assert_eq!(index.query(&q).hits.len(), 2);
    let f = index.facets(&q);
    assert_eq!(f.days, [0, 1, 2, 0, 0, 0, 0]); // W meetings per day
    assert_eq!(f.times, [1, 0, 1, 0]); // Tuesday W meetings per bucket
    assert_eq!(
        f.types,
        [
            ("C".to_string(), 1),
            ("O".to_string(), 1),
            ("W".to_string(), 2)
        ]
    );
    assert_eq!(f.attendance, [2, 0, 0, 0]);
}

#[test]
fn places_resolve_towns_postal_codes_and_regions_offline() {
    let mut ms = Vec::new();
    for (i, (lat, lon)) in [(40.00, -75.29), (40.01, -75.30), (40.02, -75.28)]
        .into_iter()
        .enumerate()
    {
        let mut m = at(mtg(&format!("a{i}"), "a", &[1], "19:00", "20:00"), lat, lon);
        m.place.formatted_address = "1 Main St, Ardmore, PA 19003, USA".into();
        m.regions = vec!["Montgomery County".into(), "Ardmore".into()];
        ms.push(m);
    }
    let mut ok = at(mtg("ok", "o", &[1], "19:00", "20:00"), 35.8, -97.1);
    ok.place.formatted_address = "2 Elm St, Ardmore, OK 73401, USA".into();
    ms.push(ok);
    let index = Index::new(ms);
    let places = index.places("ardmore");
    let labels: Vec<&str> = places.iter().map(|p| p.label.as_str()).collect();
    assert_eq!(
        labels,
        ["Ardmore, PA", "Ardmore, OK", "Montgomery County > Ardmore"]
    );
    assert_eq!(places[0].meetings, 3);
    assert_eq!(
        places[0].point,
        LatLon {
            lat: 40.01,
            lon: -75.29
        }
    ); // medians
    assert_eq!(index.places("Ardmore, OK")[0].meetings, 1);
    assert_eq!(index.places("19003")[0].label, "19003 Ardmore");
    assert_eq!(index.places("montg")[0].label, "Montgomery County");
    assert!(index.places("Springfield").is_empty());
}

#[test]
fn merging_feeds_keeps_a_shared_meeting_once_and_reports_it() {
    let shared = at(mtg("x", "Serenity", &[1], "19:00", "20:00"), 40.0, -75.0);
    let mut moved = shared.clone();
    moved.place.coordinates = LatLon::new(40.1, -75.0);
    let mut online = mtg("zoom", "Online Group", &[2], "12:00", "13:00");
    online.conference = Conference {
        url: "https://zoom.example.org/j/1".into(),
        ..Conference::default()
    };
    let feed_a = vec![shared.clone(), online.clone()];
    let mut again = shared.clone();
    again.slug = "other-slug".into();
    again.name = "SERENITY".into();
    let feed_b = vec![again, moved, online];
    let feeds = vec![feed_a, feed_b];
    // The widget's merge, without the report, keeps the same meetings.
    assert_eq!(merge_meetings(feeds.clone()), merge(feeds.clone()).0);
    let (meetings, report) = merge(feeds);
    let slugs: Vec<&str> = meetings.iter().map(|m| m.slug.as_str()).collect();
    assert_eq!(slugs, ["x", "zoom", "x-2"]);
    assert_eq!(report.duplicates.len(), 2);
    assert_eq!(report.duplicates[0].slug, "other-slug");
    assert_eq!(report.duplicates[0].kept_slug, "x");
    assert_eq!(report.duplicates[1].slug, "zoom");
    assert_eq!(report.renamed.len(), 1);
    assert_eq!(report.feeds[1].meetings, 3);
    assert_eq!(report.feeds[1].kept, 1);
    let _ = Place::default();
}

#[test]
fn the_trigonometry_is_the_one_supplied() {
    fn zero(_: f64) -> f64 {
        0.0
    }
    let flat = Trig {
        sin: zero,
        cos: f64::cos,
        atan2: f64::atan2,
    };
    let ms = vec![at(mtg("far", "f", &[1], "19:00", "20:00"), 45.0, -70.0)];
    let q = Query {
        near: LatLon::new(40.0, -75.0),
        ..Query::default()
    };
    let real = Index::new(ms.clone()).query(&q).hits[0].distance.unwrap();
    assert!(real > 400.0, "{real}");
    let flat = Index::build(ms, TypeNames::default(), flat).query(&q).hits[0]
        .distance
        .unwrap();
    assert_eq!(flat, 0.0);
}

#[test]
fn a_very_common_prefix_is_checked_row_by_row_with_the_same_answer() {
    // Six words beginning with "s" per meeting: the prefix's postings outnumber the rows
    // more than four to one, so the index checks rows instead of unioning postings.
    let mut ms: Vec<Meeting> = (0..50)
        .map(|i| {
            mtg(
                &format!("m{i:02}"),
                "Sa Sb Sc Sd Se Sf",
                &[1],
                "19:00",
                "20:00",
            )
        })
        .collect();
    ms.push(mtg("other", "Tuesday Group", &[1], "19:00", "20:00"));
    let index = Index::new(ms);
    let q = |t: &str| Query {
        text: t.into(),
        ..Query::default()
    };
    assert_eq!(index.query(&q("s")).hits.len(), 50);
    assert_eq!(index.query(&q("s tues")).hits.len(), 0);
    assert_eq!(index.query(&q("sa sf")).hits.len(), 50);
    assert_eq!(slugs(&index, &q("s g")), Vec::<String>::new());
    assert_eq!(slugs(&index, &q("tu g")), ["other@1"]);
}
