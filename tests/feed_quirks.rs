//! Every quirk of the reference's table, in small feeds written for the purpose
//! (tests/data/feeds), with the exact meetings and problems expected.
#![cfg(not(target_arch = "wasm32"))]

use meeting_search::feed::{read, Action, Feed, FeedError, Format, ProblemKind, ReadOptions};
use meeting_search::model::{Attendance, LatLon, Meeting, Occurrence, TimeSpan, Weekday};

fn feed(name: &str) -> Feed {
    feed_with(name, &ReadOptions::default())
}

fn feed_with(name: &str, options: &ReadOptions) -> Feed {
    let path = format!("{}/tests/data/feeds/{name}", env!("CARGO_MANIFEST_DIR"));
    read(&std::fs::read(path).unwrap(), options).unwrap()
}

fn meeting<'a>(feed: &'a Feed, slug: &str) -> &'a Meeting {
    feed.meetings
        .iter()
        .find(|m| m.slug == slug)
        .unwrap_or_else(|| panic!("no meeting {slug}"))
}

fn days(m: &Meeting) -> Vec<u8> {
    m.occurrences.iter().map(|o| o.day.number()).collect()
}

fn span(m: &Meeting) -> Option<(u16, u16)> {
    m.occurrences[0].time.map(|t| (t.start, t.end))
}

/// (record, slug, field, kind, found, action) of every problem.
fn problems(feed: &Feed) -> Vec<(usize, &str, &str, ProblemKind, &str, Action)> {
    feed.problems
        .iter()
        .map(|p| {
            (
                p.record,
                p.slug.as_str(),
                p.field,
                p.kind,
                p.found.as_str(),
                p.action,
            )
        })
        .collect()
}

#[test]
fn days_in_every_shape() {
    let feed = feed("mg-days.json");
    assert_eq!(
        (feed.records, feed.meetings.len(), feed.skipped),
        (16, 16, 0)
    );
    let expected: [(&str, &[u8]); 16] = [
        ("number", &[0]),
        ("numeric-string", &[1]),
        ("name", &[0]),
        ("lowercase-name", &[2]),
        ("abbreviation", &[6]),
        ("one-element", &[6]),
        ("several", &[1, 3, 5]),
        ("mixed-list", &[1, 2, 4]),
        ("comma-text", &[1, 3]),
        ("null", &[]),
        ("empty", &[]),
        ("absent", &[]),
        ("seven", &[0]),
        ("unreadable", &[]),
        ("out-of-range", &[2]),
        ("time-no-day", &[]),
    ];
    for (slug, want) in expected {
        assert_eq!(days(meeting(&feed, slug)), want, "{slug}");
    }
    // Several days are several occurrences of ONE meeting, all at its time.
    let several = meeting(&feed, "several");
    assert_eq!(
        several.occurrences,
        [1, 3, 5].map(|d| Occurrence {
            day: Weekday::new(d).unwrap(),
            time: Some(TimeSpan {
                start: 420,
                end: 480
            })
        })
    );
    assert_eq!(feed.occurrences(), 16);
    use Action::*;
    use ProblemKind::*;
    assert_eq!(
        problems(&feed),
        [
            (12, "seven", "day", DaySeven, "7", Repaired),
            (
                13,
                "unreadable",
                "day",
                UnreadableDay,
                "\"Funday\"",
                Ignored
            ),
            (14, "out-of-range", "day", UnreadableDay, "9", Ignored),
            (
                15,
                "time-no-day",
                "time",
                TimeWithoutDay,
                "\"20:00\"",
                Ignored
            ),
        ]
    );
}

#[test]
fn times_in_every_shape() {
    let feed = feed("mg-times.json");
    let expected = [
        ("hh-mm", Some((1140, 1230))),
        ("h-mm", Some((450, 495))),
        ("seconds", Some((1080, 1140))),
        ("pm", Some((1200, 1260))),
        ("am", Some((420, 480))),
        ("midnight", Some((0, 60))),
        ("half-past-noon", Some((750, 810))),
        ("past-midnight", Some((1410, 30))),
        ("no-end", Some((1410, 30))),
        ("bad-start", None),
        ("bad-end", Some((1140, 1200))),
        ("no-time", None),
        ("same-end", Some((600, 660))),
    ];
    for (slug, want) in expected {
        assert_eq!(span(meeting(&feed, slug)), want, "{slug}");
    }
    let late = meeting(&feed, "past-midnight").occurrences[0].time.unwrap();
    assert_eq!(late.duration(), 60);
    use Action::*;
    use ProblemKind::*;
    assert_eq!(
        problems(&feed),
        [
            (9, "bad-start", "time", UnreadableTime, "\"soon\"", Ignored),
            (
                10,
                "bad-end",
                "end_time",
                UnreadableTime,
                "\"late\"",
                Ignored
            ),
            (11, "no-time", "time", MissingTime, "", Kept),
            (
                12,
                "same-end",
                "end_time",
                EndTimeIsStart,
                "\"10:00\"",
                Ignored
            ),
        ]
    );
}

#[test]
fn places_coordinates_and_regions() {
    let options = ReadOptions {
        default_timezone: Some("America/Denver".to_owned()),
        ..ReadOptions::default()
    };
    let feed = feed_with("mg-places.json", &options);
    let point = LatLon::new(39.95, -75.16);
    let numbers = meeting(&feed, "numbers");
    assert_eq!(numbers.place.coordinates, point);
    assert_eq!(numbers.regions, ["Center City", "Old City"]);
    assert_eq!(numbers.timezone.as_deref(), Some("America/New_York"));
    assert!(!numbers.place.approximate);

    let strings = meeting(&feed, "strings");
    assert_eq!(strings.place.coordinates, point);
    assert_eq!(strings.place.postal_code, "19107");
    assert_eq!(
        strings.place.formatted_address,
        "1 Main St, Philadelphia, PA 19107, USA"
    );
    assert_eq!(strings.regions, ["Philadelphia", "Center City"]);
    assert_eq!(strings.timezone.as_deref(), Some("America/Denver"));

    let blank = meeting(&feed, "blank");
    assert_eq!(blank.place.coordinates, None);
    assert_eq!(blank.place.formatted_address, "2 Main St, Chester");
    assert_eq!(blank.regions, ["Chester"]);
    assert_eq!(meeting(&feed, "pair").place.coordinates, point);
    assert_eq!(meeting(&feed, "zero").place.coordinates, None);
    assert_eq!(meeting(&feed, "out-of-range").place.coordinates, None);

    let yes = meeting(&feed, "approximate-yes");
    assert!(yes.place.approximate);
    assert_eq!(yes.attendance, Attendance::Online);
    assert!(meeting(&feed, "approximate-bool").place.approximate);
    let guessed = meeting(&feed, "approximate-guessed");
    assert!(guessed.place.approximate);
    assert_eq!(guessed.attendance, Attendance::Inactive);

    use Action::*;
    use ProblemKind::*;
    assert_eq!(
        problems(&feed),
        [
            (
                2,
                "blank",
                "latitude",
                MissingCoordinates,
                "2 Main St, Chester",
                Kept
            ),
            (
                4,
                "zero",
                "latitude",
                UnreadableCoordinates,
                "0, 0",
                Ignored
            ),
            (
                5,
                "out-of-range",
                "latitude",
                UnreadableCoordinates,
                "\"95\", \"10\"",
                Ignored
            ),
        ]
    );
}

#[test]
fn text_types_links_and_attendance() {
    let feed = feed("mg-text.json");
    let html = meeting(&feed, "html");
    assert_eq!(html.name, "Tom & Jerry's");
    assert_eq!(html.notes, "Side door\nRing bell\nThanks");
    assert_eq!(html.place.notes, "");
    assert_eq!(html.group_notes, "Group");

    let types = |slug| meeting(&feed, slug).types.clone();
    assert_eq!(types("types-list"), ["O", "C", "12x12", "ASBI", "11"]);
    assert_eq!(types("types-text"), ["O", "D", "X"]);
    assert_eq!(types("types-bracket"), ["C"]);
    assert!(types("types-null").is_empty());

    let online = meeting(&feed, "online");
    assert_eq!(online.attendance, Attendance::Online);
    assert_eq!(online.conference.url, "https://zoom.us/j/1");
    assert_eq!(online.conference.url_notes, "pw 1");
    assert_eq!(online.conference.phone, "+15551234567,,1#");
    assert_eq!(online.contact.feedback_emails, ["a@x.org", "b@x.org"]);

    let not_web = meeting(&feed, "not-web");
    assert_eq!(not_web.conference.url, "");
    assert_eq!(not_web.attendance, Attendance::Inactive);
    assert_eq!(
        meeting(&feed, "hybrid-derived").attendance,
        Attendance::Hybrid
    );
    assert_eq!(
        meeting(&feed, "closed-derived").attendance,
        Attendance::Inactive
    );
    assert_eq!(
        meeting(&feed, "unknown-attendance").attendance,
        Attendance::InPerson
    );
    let wrong = meeting(&feed, "wrong-kinds");
    assert_eq!(
        (wrong.name.as_str(), wrong.notes.as_str()),
        ("wrong-kinds", "")
    );

    use Action::*;
    use ProblemKind::*;
    assert_eq!(
        problems(&feed),
        [
            (
                0,
                "html",
                "name",
                HtmlInText,
                "Tom &amp; Jerry&#39;s",
                Repaired
            ),
            (
                0,
                "html",
                "notes",
                HtmlInText,
                "Side door<br>Ring bell<br />&nbsp;Thanks",
                Repaired
            ),
            (
                0,
                "html",
                "group_notes",
                HtmlInText,
                "<p>Group</p>",
                Repaired
            ),
            (1, "types-list", "types", UnknownTypeCode, "ASBI", Kept),
            (2, "types-text", "types", TypesAsText, "O, D ,x", Repaired),
            (
                3,
                "types-bracket",
                "types",
                TypesAsText,
                "[closed]",
                Repaired
            ),
            (
                6,
                "not-web",
                "conference_url",
                ConferenceUrlNotWeb,
                "zoom.us/j/1",
                Ignored
            ),
            (
                6,
                "not-web",
                "conference_url",
                OnlineWithoutLink,
                "inactive",
                Kept
            ),
            (
                9,
                "unknown-attendance",
                "attendance_option",
                UnknownAttendance,
                "\"sometimes\"",
                Ignored
            ),
            (
                10,
                "wrong-kinds",
                "name",
                UnexpectedValue,
                "[\"a\"]",
                Ignored
            ),
            (10, "wrong-kinds", "group", UnexpectedValue, "true", Ignored),
            (
                10,
                "wrong-kinds",
                "notes",
                UnexpectedValue,
                "an object",
                Ignored
            ),
            (10, "wrong-kinds", "name", MissingName, "", Filled),
        ]
    );
}

#[test]
fn records_skipped_filled_and_made_unique() {
    let feed = feed("mg-records.json");
    assert_eq!(
        (feed.records, feed.meetings.len(), feed.skipped),
        (13, 7, 6)
    );
    let slugs: Vec<(&str, &str)> = feed
        .meetings
        .iter()
        .map(|m| (m.slug.as_str(), m.name.as_str()))
        .collect();
    assert_eq!(
        slugs,
        [
            ("a", "First"),
            ("a-3", "Second"),
            ("a-2", "Third"),
            ("a-4", "Fourth"),
            ("no-slug-here", "No Slug Here!"),
            ("1234", "The Group"),
            ("dup-key-last", "Repeated key"),
        ]
    );
    use Action::*;
    use ProblemKind::*;
    assert_eq!(
        problems(&feed),
        [
            (1, "", "", RecordNotObject, "a string", Skipped),
            (2, "", "", RecordNotObject, "a number", Skipped),
            (3, "", "", RecordNotObject, "null", Skipped),
            (4, "", "", RecordNotObject, "a list", Skipped),
            (5, "", "", RecordEmpty, "", Skipped),
            (6, "", "", RecordEmpty, "", Skipped),
            (7, "a-3", "slug", DuplicateSlug, "a", Repaired),
            (9, "a-4", "slug", DuplicateSlug, "a", Repaired),
            (10, "no-slug-here", "slug", MissingSlug, "", Filled),
            (11, "1234", "name", MissingName, "", Filled),
        ]
    );
}

#[test]
fn bmlt_bare_array_with_a_formats_file() {
    let formats = format!(
        "{}/tests/data/feeds/bmlt-formats.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let options = ReadOptions {
        default_timezone: Some("America/New_York".to_owned()),
        bmlt_formats: Some(std::fs::read(formats).unwrap()),
    };
    let feed = feed_with("bmlt-bare.json", &options);
    assert_eq!(feed.format, Format::Bmlt);
    assert_eq!((feed.records, feed.meetings.len(), feed.skipped), (5, 4, 1));

    let sunday = meeting(&feed, "10");
    assert_eq!(days(sunday), [0]);
    assert_eq!(span(sunday), Some((1140, 1230)));
    assert_eq!(sunday.types, ["O", "X"]);
    assert_eq!(sunday.attendance, Attendance::InPerson);
    assert_eq!(sunday.notes, "MED", "#@-@# prompt removed");
    assert_eq!(sunday.regions, ["Area 51", "Town"]);
    assert_eq!(sunday.place.location, "Hall");
    assert_eq!(sunday.place.notes, "Basement");
    assert_eq!(
        sunday.place.formatted_address,
        "1 Main St, Town, PA 19000, USA"
    );
    assert_eq!(sunday.timezone.as_deref(), Some("America/New_York"));

    let saturday = meeting(&feed, "11");
    assert_eq!(days(saturday), [6]);
    assert_eq!(
        span(saturday),
        Some((1410, 30)),
        "00:00:00 duration = 60 min"
    );
    assert_eq!(saturday.types, ["ONL", "TC"]);
    assert_eq!(saturday.attendance, Attendance::Online);
    assert_eq!(saturday.timezone.as_deref(), Some("America/Chicago"));

    let hybrid = meeting(&feed, "12");
    assert_eq!(hybrid.attendance, Attendance::Hybrid);
    assert!(hybrid.types.is_empty(), "HYBR is an attendance, not a type");
    assert_eq!(span(hybrid), Some((720, 780)));

    let bad = meeting(&feed, "13");
    assert!(bad.occurrences.is_empty());

    assert_eq!(
        feed.type_names,
        [
            ("O", "Open"),
            ("X", "Wheelchair"),
            ("ONL", "Virtual Meeting"),
            ("TC", "Temporarily Closed"),
            ("LO", "Local Only"),
        ]
        .map(|(c, n)| (c.to_owned(), n.to_owned()))
    );
    use Action::*;
    use ProblemKind::*;
    assert_eq!(
        problems(&feed),
        [
            (
                1,
                "11",
                "format_shared_id_list",
                UnknownFormat,
                "99",
                Ignored
            ),
            (3, "13", "start_time", UnreadableTime, "\"noon?\"", Ignored),
            (3, "13", "weekday_tinyint", UnreadableDay, "\"8\"", Ignored),
            (3, "13", "venue_type", UnknownAttendance, "\"9\"", Ignored),
            (4, "", "", RecordNotObject, "a string", Skipped),
        ]
    );
}

#[test]
fn bmlt_without_formats_keeps_the_keys() {
    let feed = feed("bmlt-bare.json");
    assert_eq!(meeting(&feed, "10").types, ["O", "WC"]);
    assert_eq!(meeting(&feed, "11").types, ["ONL", "TC"]);
    assert_eq!(meeting(&feed, "12").attendance, Attendance::Hybrid);
    assert!(feed.type_names.is_empty());
}

#[test]
fn bmlt_envelope_uses_its_own_formats() {
    let feed = feed("bmlt-envelope.json");
    assert_eq!(feed.format, Format::Bmlt);
    assert_eq!(feed.meetings[0].types, ["O", "LO"]);
    assert_eq!(days(&feed.meetings[0]), [1]);
    assert_eq!(
        feed.type_names,
        [("O", "Open"), ("LO", "Local Only")].map(|(c, n)| (c.to_owned(), n.to_owned()))
    );
}

#[test]
fn feeds_that_cannot_be_read() {
    let fail = |bytes: &[u8]| read(bytes, &ReadOptions::default()).unwrap_err();
    assert_eq!(fail(b""), FeedError::Empty);
    assert_eq!(fail(b"  \n "), FeedError::Empty);
    assert_eq!(
        fail(b"[{\"name\": \"a\",}]"),
        FeedError::InvalidJson {
            line: 1,
            column: 15,
            reason: "trailing comma".to_owned()
        }
    );
    assert_eq!(
        fail(b"\"hello\""),
        FeedError::NotAFeed { found: "a string" }
    );
    assert!(matches!(fail(b"{\"a\": 1}"), FeedError::NotAFeed { .. }));
    let formats = std::fs::read(format!(
        "{}/tests/data/feeds/bmlt-formats.json",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    assert!(matches!(fail(&formats), FeedError::NotAFeed { .. }));
    let options = ReadOptions {
        bmlt_formats: Some(b"[oops".to_vec()),
        ..ReadOptions::default()
    };
    let bare = br#"[{"id_bigint": "1", "weekday_tinyint": "1"}]"#;
    assert!(matches!(
        read(bare, &options).unwrap_err(),
        FeedError::InvalidFormats { line: 1, .. }
    ));
}

#[test]
fn empty_list_and_byte_order_mark() {
    let feed = read(b"\xEF\xBB\xBF[]", &ReadOptions::default()).unwrap();
    assert_eq!((feed.format, feed.records), (Format::MeetingGuide, 0));
}
