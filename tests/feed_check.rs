//! `meeting-search check`, run as the built binary: text and JSON output, exit codes.
#![cfg(not(target_arch = "wasm32"))]

use std::io::Write;
use std::process::{Command, Output, Stdio};

use serde_json::Value;

fn data(name: &str) -> String {
    format!("{}/tests/data/feeds/{name}", env!("CARGO_MANIFEST_DIR"))
}

fn check(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_meeting-search"))
        .arg("check")
        .args(args)
        .output()
        .unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

#[test]
fn text_report_names_counts_and_places() {
    let o = check(&[&data("mg-records.json")]);
    assert_eq!(o.status.code(), Some(0));
    let text = stdout(&o);
    for line in [
        "mg-records.json: Meeting Guide JSON",
        "  records read:       13",
        "  meetings kept:      7",
        "  weekly occurrences: 7",
        "  records skipped:    6",
        "  time zone:          none for 7 meetings (the embed must give a default, or pass --timezone)",
        "6 errors, 4 warnings, 0 notes",
        "error record_not_object (4×)",
        "  List entries that are not meeting objects. They were skipped.",
        "  - record 1: a string",
        "  - ... and 1 more",
        "warning duplicate_slug (2×)",
        "  most found: a (2×)",
        "  - record 7 (a-3), slug: a",
        "warning missing_name (1×)",
    ] {
        assert!(text.contains(line), "missing {line:?} in:\n{text}");
    }
}

#[test]
fn json_report_has_the_figures_and_every_problem() {
    let o = check(&[
        &data("mg-days.json"),
        "--json",
        "--timezone",
        "Europe/Paris",
    ]);
    assert_eq!(o.status.code(), Some(0));
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["ok"], true);
    assert_eq!(v["format"], "meeting-guide");
    assert_eq!(v["records"], 16);
    assert_eq!(v["meetings"], 16);
    assert_eq!(v["occurrences"], 16);
    assert_eq!(v["skipped"], 0);
    let problems = v["problems"].as_array().unwrap();
    assert_eq!(problems.len(), 4);
    assert_eq!(
        problems[0],
        serde_json::json!({
            "record": 12, "slug": "seven", "field": "day", "kind": "day_seven",
            "severity": "note", "found": "7", "action": "repaired"
        })
    );
    let summary = v["summary"].as_array().unwrap();
    assert_eq!(summary[0]["kind"], "unreadable_day");
    assert_eq!(summary[0]["count"], 2);
}

#[test]
fn bmlt_with_formats_file_and_standard_input() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_meeting-search"))
        .args([
            "check",
            "-",
            "--json",
            "--formats",
            &data("bmlt-formats.json"),
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let feed = std::fs::read(data("bmlt-bare.json")).unwrap();
    child.stdin.take().unwrap().write_all(&feed).unwrap();
    let o = child.wait_with_output().unwrap();
    assert_eq!(o.status.code(), Some(0));
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["format"], "bmlt");
    assert_eq!(
        (v["records"].as_u64(), v["skipped"].as_u64()),
        (Some(5), Some(1))
    );
    assert_eq!(v["type_names"][0], serde_json::json!(["O", "Open"]));
}

#[test]
fn a_formats_value_that_is_not_a_list_is_the_first_problem() {
    let o = check(&[&data("bmlt-formats-not-a-list.json"), "--json"]);
    assert_eq!(o.status.code(), Some(0));
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
    let problems = v["problems"].as_array().unwrap();
    let first: Vec<_> = problems
        .iter()
        .map(|p| (p["record"].as_u64(), p["kind"].as_str(), p["slug"].as_str()))
        .collect();
    assert_eq!(
        first,
        [
            (Some(0), Some("not_a_list"), Some("")),
            (Some(0), Some("record_not_object"), Some("")),
            (Some(1), Some("unreadable_day"), Some("1")),
            (Some(2), Some("duplicate_slug"), Some("1-2")),
        ]
    );
    assert_eq!(problems[0]["field"], "formats");
    assert_eq!(problems[0]["found"], "a number");
}

#[test]
fn unreadable_feeds_exit_1_with_the_reason() {
    let dir = std::env::temp_dir().join(format!("feed-check-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bad = dir.join("bad.json");
    std::fs::write(&bad, "[\n  {\"name\": \"a\"}\n] trailing").unwrap();
    let o = check(&[bad.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8(o.stderr).unwrap();
    assert!(
        err.contains("the feed is not valid JSON: line 3, column 3 (trailing characters)"),
        "{err}"
    );
    let o = check(&[bad.to_str().unwrap(), "--json"]);
    assert_eq!(o.status.code(), Some(1));
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["ok"], false);
    assert!(v["error"].as_str().unwrap().contains("line 3, column 3"));

    let o = check(&[dir.join("absent.json").to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn wrong_command_lines_exit_2() {
    assert_eq!(check(&[]).status.code(), Some(2));
    assert_eq!(check(&["a.json", "--bogus"]).status.code(), Some(2));
    assert_eq!(check(&["a.json", "--formats"]).status.code(), Some(2));
    assert_eq!(check(&["a.json", "b.json"]).status.code(), Some(2));
    let help = check(&["--help"]);
    assert_eq!(help.status.code(), Some(0));
    assert!(stdout(&help).starts_with("usage: meeting-search check FEED"));
}
