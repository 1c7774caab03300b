//! Every real feed in ../shared/feeds loads with the figures its README gives, and the
//! quirks each one is known for come out right. Skips, saying why, when ../shared is absent.
#![cfg(not(target_arch = "wasm32"))]

use std::path::PathBuf;

use meeting_search::feed::{read, Feed, FeedError, Format, ProblemKind, ReadOptions};
use meeting_search::model::{Attendance, Weekday};
use serde_json::Value;

fn shared_feeds() -> Option<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/feeds");
    dir.join("README.md").is_file().then_some(dir)
}

fn bytes(dir: &std::path::Path, name: &str) -> Vec<u8> {
    std::fs::read(dir.join(name)).unwrap()
}

fn load(dir: &std::path::Path, name: &str, options: &ReadOptions) -> Feed {
    read(&bytes(dir, name), options).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn raw(dir: &std::path::Path, name: &str) -> Vec<Value> {
    serde_json::from_slice(&bytes(dir, name)).unwrap()
}

macro_rules! shared_or_skip {
    () => {
        match shared_feeds() {
            Some(dir) => dir,
            None => {
                eprintln!("skipping: ../shared/feeds not found");
                return;
            }
        }
    };
}

#[test]
fn every_feed_loads_with_its_readme_count() {
    let dir = shared_or_skip!();
    let cases = [
        ("meeting-guide/aasepia.json", Format::MeetingGuide, 2038),
        ("meeting-guide/edmonton.json", Format::MeetingGuide, 315),
        ("meeting-guide/al-anon.json", Format::MeetingGuide, 360),
        ("meeting-guide/sussexaa.json", Format::MeetingGuide, 123),
        ("meeting-guide/kc.json", Format::MeetingGuide, 206),
        ("meeting-guide/nwta.json", Format::MeetingGuide, 613),
        ("meeting-guide/times.json", Format::MeetingGuide, 9),
        ("bmlt/naworks-sb18.json", Format::Bmlt, 34),
        ("bmlt/latest-aws-day2-with-formats.json", Format::Bmlt, 53),
    ];
    for (name, format, count) in cases {
        let feed = load(&dir, name, &ReadOptions::default());
        assert_eq!(feed.format, format, "{name}");
        assert_eq!(feed.records, count, "{name}");
        assert_eq!(feed.meetings.len(), count, "{name}");
        assert_eq!(feed.skipped, 0, "{name}");
        let mut slugs: Vec<&str> = feed.meetings.iter().map(|m| m.slug.as_str()).collect();
        slugs.sort_unstable();
        slugs.dedup();
        assert_eq!(slugs.len(), count, "{name}: slugs are unique");
    }
}

#[test]
fn invalid_json_is_refused_with_line_and_column() {
    let dir = shared_or_skip!();
    let err = read(
        &bytes(&dir, "meeting-guide/invalid.json"),
        &ReadOptions::default(),
    )
    .unwrap_err();
    assert_eq!(
        err,
        FeedError::InvalidJson {
            line: 80,
            column: 3,
            reason: "trailing characters".to_owned()
        }
    );
    assert_eq!(
        err.to_string(),
        "the feed is not valid JSON: line 80, column 3 (trailing characters)"
    );
}

/// The minutes an `h:mm AM/PM` string means, worked out independently of the reader.
fn twelve_hour(s: &str) -> u16 {
    let (clock, meridiem) = s.split_once(' ').unwrap();
    let (h, m) = clock.split_once(':').unwrap();
    let h: u16 = h.parse().unwrap();
    let m: u16 = m.parse().unwrap();
    let pm = meridiem == "PM";
    assert!(pm || meridiem == "AM");
    ((h % 12) + if pm { 12 } else { 0 }) * 60 + m
}

#[test]
fn edmonton_reads_am_and_pm() {
    let dir = shared_or_skip!();
    let feed = load(&dir, "meeting-guide/edmonton.json", &ReadOptions::default());
    let records = raw(&dir, "meeting-guide/edmonton.json");
    let (mut pm, mut am) = (0, 0);
    for (meeting, record) in feed.meetings.iter().zip(&records) {
        let time = record["time"].as_str().unwrap();
        if time.ends_with("PM") {
            pm += 1;
        } else {
            am += 1;
        }
        let day = record["day"][0].as_u64().unwrap() as u8;
        assert_eq!(meeting.occurrences.len(), 1, "{}", meeting.slug);
        let occurrence = meeting.occurrences[0];
        assert_eq!(occurrence.day, Weekday::new(day).unwrap());
        let span = occurrence.time.unwrap();
        assert_eq!(span.start, twelve_hour(time), "{time}");
        assert_eq!(span.duration(), 60);
    }
    assert_eq!((pm, am), (279, 36));
    let evening = feed
        .meetings
        .iter()
        .filter(|m| m.occurrences[0].time.unwrap().start >= 12 * 60)
        .count();
    assert!(evening >= 279 - 36, "PM meetings are after noon");
    assert!(feed.meetings.iter().all(|m| m.place.coordinates.is_none()));
    assert_eq!(
        feed.meetings[0].place.formatted_address,
        "8318 104 St, Edmonton, Alberta, T6E 4E8, Canada"
    );
    assert_eq!(feed.meetings[0].updated, "8/25/2022 11:17:07 AM");
}

#[test]
fn aasepia_keeps_every_coordinate_and_legacy_codes() {
    let dir = shared_or_skip!();
    let options = ReadOptions {
        default_timezone: Some("America/New_York".to_owned()),
        ..ReadOptions::default()
    };
    let feed = load(&dir, "meeting-guide/aasepia.json", &options);
    let with_coordinates = feed
        .meetings
        .iter()
        .filter(|m| m.place.coordinates.is_some())
        .count();
    assert_eq!(with_coordinates, 2038);
    assert_eq!(
        feed.meetings.iter().filter(|m| m.has_type("ONL")).count(),
        586
    );
    assert_eq!(
        feed.meetings.iter().filter(|m| m.has_type("ASBI")).count(),
        26
    );
    let past_midnight = feed
        .meetings
        .iter()
        .filter(|m| {
            m.occurrences
                .iter()
                .any(|o| o.time.is_some_and(|t| t.end < t.start))
        })
        .count();
    assert_eq!(past_midnight, 8);
    assert!(feed
        .meetings
        .iter()
        .all(|m| m.timezone.as_deref() == Some("America/New_York")));
    let first = &feed.meetings[0];
    assert_eq!(first.regions, ["Delaware County", "Woodlyn"]);
    assert_eq!(first.occurrences[0].time.unwrap().start, 0);
    let asbi = feed
        .problems
        .iter()
        .filter(|p| p.kind == ProblemKind::UnknownTypeCode && p.found == "ASBI")
        .count();
    assert_eq!(asbi, 26);
}

#[test]
fn al_anon_keeps_its_own_codes_and_attendance() {
    let dir = shared_or_skip!();
    let feed = load(&dir, "meeting-guide/al-anon.json", &ReadOptions::default());
    for code in ["AC", "POA", "LGBTQIA", "Y"] {
        assert!(
            feed.meetings.iter().any(|m| m.has_type(code)),
            "{code} kept"
        );
    }
    assert_eq!(
        feed.meetings.iter().filter(|m| m.has_type("AC")).count(),
        48
    );
    let count = |a| feed.meetings.iter().filter(|m| m.attendance == a).count();
    assert_eq!(count(Attendance::InPerson), 156);
    assert_eq!(count(Attendance::Online), 113);
    assert_eq!(count(Attendance::Hybrid), 60);
    assert_eq!(count(Attendance::Inactive), 31);
    assert_eq!(
        feed.meetings.iter().filter(|m| m.place.approximate).count(),
        24
    );
    assert!(feed.meetings.iter().all(|m| !m.notes.contains("&amp;")));
    assert!(feed
        .meetings
        .iter()
        .any(|m| m.notes.contains("GR's & interested")));
    assert_eq!(
        feed.meetings[0].conference.phone,
        "+19292056099,,1234567890#,,,,,##"
    );
}

#[test]
fn kc_integer_slugs_html_and_lowercase_codes() {
    let dir = shared_or_skip!();
    let feed = load(&dir, "meeting-guide/kc.json", &ReadOptions::default());
    let first = &feed.meetings[0];
    assert_eq!(first.slug, "254");
    assert_eq!(first.place.postal_code, "64113");
    assert_eq!(first.group_notes, "", "whitespace-only notes are empty");
    assert_eq!(
        first.place.formatted_address,
        "6101 Ward Pkwy, Kansas City, MO 64113, USA"
    );
    assert_eq!(first.regions, ["Kansas City"]);
    assert_eq!(
        feed.meetings.iter().filter(|m| m.has_type("ONL")).count(),
        70
    );
    assert!(feed
        .meetings
        .iter()
        .all(|m| m.types.iter().all(|t| t != "onl")));
    let with_break = feed
        .meetings
        .iter()
        .find(|m| m.group_notes.contains("Tuesday & Thursdays"))
        .unwrap();
    assert_eq!(
        with_break.group_notes,
        "Hall is still open from 11:30am to 7:30 Tuesday & Thursdays\nother days open at 9am - MASKS REQUIRED"
    );
}

#[test]
fn nwta_types_as_text_and_missing_latitudes() {
    let dir = shared_or_skip!();
    let feed = load(&dir, "meeting-guide/nwta.json", &ReadOptions::default());
    assert_eq!(
        feed.meetings.iter().filter(|m| m.types == ["O"]).count(),
        407
    );
    assert_eq!(
        feed.meetings.iter().filter(|m| m.types == ["C"]).count(),
        206
    );
    let without = feed
        .meetings
        .iter()
        .filter(|m| m.place.coordinates.is_none())
        .count();
    assert_eq!(without, 53);
}

#[test]
fn times_reads_string_days_and_by_appointment() {
    let dir = shared_or_skip!();
    let feed = load(&dir, "meeting-guide/times.json", &ReadOptions::default());
    assert_eq!(feed.occurrences(), 8);
    let by_slug = |s: &str| feed.meetings.iter().find(|m| m.slug == s).unwrap();
    assert!(by_slug("appointment").occurrences.is_empty());
    let monday = by_slug("monday-7pm").occurrences[0];
    assert_eq!(monday.day, Weekday::new(1).unwrap());
    assert_eq!(
        (monday.time.unwrap().start, monday.time.unwrap().end),
        (1140, 1260)
    );
    let morning = by_slug("monday-7am").occurrences[0].time.unwrap();
    assert_eq!(
        (morning.start, morning.end),
        (420, 480),
        "no end = one hour"
    );
    assert_eq!(by_slug("approximate").attendance, Attendance::Inactive);
    assert_eq!(by_slug("monday-7pm").attendance, Attendance::Hybrid);
}

#[test]
fn bmlt_bare_array_reads_sunday_and_format_keys() {
    let dir = shared_or_skip!();
    let feed = load(&dir, "bmlt/naworks-sb18.json", &ReadOptions::default());
    let records = raw(&dir, "bmlt/naworks-sb18.json");
    for (meeting, record) in feed.meetings.iter().zip(&records) {
        let weekday: u8 = record["weekday_tinyint"].as_str().unwrap().parse().unwrap();
        assert_eq!(meeting.occurrences[0].day.number(), weekday - 1);
        assert_eq!(meeting.slug, record["id_bigint"].as_str().unwrap());
    }
    let first = &feed.meetings[0];
    assert_eq!(
        first.occurrences[0].day,
        Weekday::new(0).unwrap(),
        "\"1\" is Sunday"
    );
    let span = first.occurrences[0].time.unwrap();
    assert_eq!((span.start, span.end), (660, 720));
    assert_eq!(first.types, ["C", "MED", "ONL", "TC"], "VM is ONL");
    assert_eq!(first.attendance, Attendance::Online);
    assert_eq!(first.conference.url, "https://zoom.us/j/87017388658");
    assert_eq!(first.regions, ["Frazer"]);
    assert_eq!(
        feed.meetings
            .iter()
            .filter(|m| m.attendance == Attendance::Online)
            .count(),
        8
    );
    assert!(feed.type_names.is_empty());
}

#[test]
fn bmlt_envelope_gives_world_id_codes_and_names() {
    let dir = shared_or_skip!();
    let feed = load(
        &dir,
        "bmlt/latest-aws-day2-with-formats.json",
        &ReadOptions::default(),
    );
    let envelope: Value =
        serde_json::from_slice(&bytes(&dir, "bmlt/latest-aws-day2-with-formats.json")).unwrap();
    let records = envelope["meetings"].as_array().unwrap();
    let at = |formats: &str| {
        let i = records
            .iter()
            .position(|r| r["formats"] == formats)
            .unwrap();
        &feed.meetings[i]
    };
    assert_eq!(at("O,St,WC").types, ["O", "STEP", "X"]);
    assert_eq!(at("O,BT,IW,RF,SD").types, ["O", "BT", "IW", "VAR", "SPK"]);
    assert_eq!(at("O,JT,WC").types, ["O", "JFT", "X"]);
    assert_eq!(at("WC,BK").types, ["X", "LIT"]);
    assert!(at("").types.is_empty());
    assert_eq!(
        feed.meetings[0].occurrences[0].day,
        Weekday::new(1).unwrap()
    );
    assert!(feed
        .type_names
        .contains(&("DISC".to_owned(), "Discussion".to_owned())));
    assert!(feed
        .type_names
        .contains(&("O".to_owned(), "Open".to_owned())));
    assert_eq!(feed.type_names.len(), 14);
}

#[test]
fn bmlt_formats_file_joins_through_shared_ids() {
    let dir = shared_or_skip!();
    let options = ReadOptions {
        bmlt_formats: Some(bytes(&dir, "bmlt/formats.json")),
        default_timezone: Some("America/New_York".to_owned()),
    };
    let feed = load(&dir, "bmlt/naworks-sb18.json", &options);
    let records = raw(&dir, "bmlt/naworks-sb18.json");
    // formats.json comes from another server, so its ids name other formats than
    // naworks' own: this checks the join, not the meaning.
    let i = records
        .iter()
        .position(|r| r["format_shared_id_list"] == "1,4,26,35")
        .unwrap();
    assert_eq!(feed.meetings[i].types, ["BEG", "C", "SPK", "OE"]);
    assert!(feed
        .problems
        .iter()
        .any(|p| p.kind == ProblemKind::UnknownFormat && p.found == "53"));
    assert!(feed
        .meetings
        .iter()
        .all(|m| m.timezone.as_deref() == Some("America/New_York")));
    assert!(feed
        .type_names
        .contains(&("X".to_owned(), "Wheelchair".to_owned())));
}
