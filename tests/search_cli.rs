//! `meeting-search generate` and `meeting-search query`: a generated feed, written as
//! JSON and read back by the feed reader, answers the command's queries exactly as the
//! library's index over the generated meetings does.
#![cfg(not(target_arch = "wasm32"))]

use std::process::Command;

use meeting_search::generate;
use meeting_search::model::{LatLon, Weekday};
use meeting_search::search::{Index, Query, TimeFilter, TimeOfDay};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_meeting-search"))
}

fn run(args: &[&str]) -> (i32, String, String) {
    let out = bin().args(args).output().expect("runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// What the command should print for `q` over `index`.
fn expected(index: &Index, q: &Query) -> String {
    let mut s = String::new();
    for h in index.query(q).hits {
        let m = &index.meetings()[h.meeting as usize];
        s.push_str(&m.slug);
        match h.occurrence {
            Some(o) => s.push_str(&format!("\t{}", o.day.number())),
            None => s.push_str("\t-"),
        }
        match h.occurrence.and_then(|o| o.time) {
            Some(t) => s.push_str(&format!("\t{:02}:{:02}", t.start / 60, t.start % 60)),
            None => s.push_str("\t-"),
        }
        if let Some(d) = h.distance {
            s.push_str(&format!("\t{d:.2}"));
        }
        s.push('\n');
    }
    s
}

#[test]
fn generate_is_deterministic_and_query_reads_it_back() {
    let (code, feed, _) = run(&["generate", "--meetings", "400", "--seed", "9"]);
    assert_eq!(code, 0);
    let (_, again, _) = run(&["generate", "--meetings", "400", "--seed", "9"]);
    assert_eq!(feed, again);
    let path = std::env::temp_dir().join(format!("search-cli-{}.json", std::process::id()));
    std::fs::write(&path, &feed).unwrap();
    let file = path.to_str().unwrap();
    let index = Index::new(generate::meetings(400, 9));

    let cases: Vec<(Vec<&str>, Query)> = vec![
        (vec![], Query::default()),
        (
            vec!["--day", "2", "--day", "4", "--type", "o"],
            Query {
                days: vec![Weekday::new(2).unwrap(), Weekday::new(4).unwrap()],
                types: vec!["O".into()],
                ..Query::default()
            },
        ),
        (
            vec![
                "--near",
                "39.9526,-75.1652",
                "--within",
                "6",
                "--time",
                "evening",
            ],
            Query {
                near: LatLon::new(39.9526, -75.1652),
                within: Some(6.0),
                time: Some(TimeFilter::Bucket(TimeOfDay::Evening)),
                ..Query::default()
            },
        ),
        (
            vec!["--text", "serenity", "--attendance", "hybrid"],
            Query {
                text: "serenity".into(),
                attendance: Some(meeting_search::search::AttendanceFilter::Hybrid),
                ..Query::default()
            },
        ),
    ];
    for (args, q) in cases {
        let mut all = vec!["query", file];
        all.extend(&args);
        let (code, out, err) = run(&all);
        assert_eq!(code, 0, "{args:?}: {err}");
        assert_eq!(out, expected(&index, &q), "{args:?}");
        assert!(!out.is_empty(), "{args:?} finds something");
        all.push("--count");
        let (_, count, _) = run(&all);
        assert_eq!(count.trim(), index.query(&q).hits.len().to_string());
    }

    let (code, facets, _) = run(&["query", file, "--facets", "--day", "1"]);
    assert_eq!(code, 0);
    let f = index.facets(&Query {
        days: vec![Weekday::new(1).unwrap()],
        ..Query::default()
    });
    assert!(facets.contains(&format!("day\t3\t{}\n", f.days[3])));
    assert!(facets.contains(&format!("time\tnight\t{}\n", f.times[3])));
    assert!(facets.contains(&format!("attendance\tonline\t{}\n", f.attendance[1])));

    let (code, _, err) = run(&["query", file, "--near-place", "Ardmore", "--within", "2"]);
    assert_eq!(code, 0);
    assert!(err.contains("near Ardmore, PA"), "{err}");

    let (code, _, err) = run(&["query", file, "--day", "9"]);
    assert_eq!(code, 2);
    assert!(err.contains("not a day"));
    let (code, _, _) = run(&["query", "/nonexistent/feed.json"]);
    assert_eq!(code, 1);
    std::fs::remove_file(&path).ok();
}
