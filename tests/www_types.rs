//! The type files the loader fetches (`www/types/<lang>.json`): each is valid JSON of the
//! Meeting Guide table's shape, and the Spanish and French ones carry the widget's messages
//! (`src/web/i18n.rs` reads them; a file without them leaves the widget speaking English).
#![cfg(not(target_arch = "wasm32"))]

use serde_json::Value;
use std::path::Path;

/// The text of `src/web/i18n.rs`, where the messages and their key are defined.
fn i18n_source() -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("src/web/i18n.rs"))
        .expect("src/web/i18n.rs is part of the crate")
}

/// How many messages the widget has: the lines of `i18n::EN`, one per `Msg`.
fn english_lines() -> usize {
    let src = i18n_source();
    let start = src
        .find("const EN: &str = concat!(")
        .expect("i18n.rs holds EN");
    let body = &src[start..];
    let end = body.find("\n);").expect("EN ends with );");
    body[..end]
        .lines()
        .filter(|l| l.trim_start().starts_with('"'))
        .count()
}

/// The key `src/web/i18n.rs` reads the messages from (`MESSAGES_KEY`).
fn messages_key() -> String {
    let src = i18n_source();
    let line = src
        .lines()
        .find(|l| l.starts_with("pub const MESSAGES_KEY: &str = \""))
        .expect("i18n.rs defines MESSAGES_KEY");
    line.split('"')
        .nth(1)
        .expect("MESSAGES_KEY is a string")
        .to_string()
}

fn table(lang: &str) -> serde_json::Map<String, Value> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("www/types")
        .join(format!("{lang}.json"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    match serde_json::from_str(&text) {
        Ok(Value::Object(map)) => map,
        other => panic!("{}: not a JSON object: {other:?}", path.display()),
    }
}

#[test]
fn every_type_file_is_a_table_of_names() {
    let key = messages_key();
    for lang in ["en", "es", "fr", "ja", "nl", "pt", "sk", "sv", "th"] {
        for (code, names) in table(lang) {
            if code == key {
                continue;
            }
            let Value::Object(names) = names else {
                panic!("{lang}.json: {code} is not an object of names");
            };
            assert!(
                names.values().all(Value::is_string),
                "{lang}.json: {code} has a name that is not a string"
            );
        }
    }
}

#[test]
fn spanish_and_french_carry_every_message() {
    let want = english_lines();
    assert_eq!(
        want, 51,
        "the messages in src/web/i18n.rs changed: bump MESSAGES_KEY there, update www/types/es.json, fr.json and this test"
    );
    for lang in ["es", "fr"] {
        let key = messages_key();
        let Some(Value::String(messages)) = table(lang).get(&key).cloned() else {
            panic!("{lang}.json has no \"{key}\" string");
        };
        let lines: Vec<&str> = messages.split('\n').collect();
        assert_eq!(
            lines.len(),
            want,
            "{lang}.json: one message a line, in the order of Msg"
        );
        assert!(
            lines.iter().all(|l| !l.trim().is_empty()),
            "{lang}.json: an empty message"
        );
        // The loader splits the packed strings the messages go into at \u{1}..\u{3}.
        assert!(
            !messages.bytes().any(|b| b < 0x20 && b != b'\n'),
            "{lang}.json: a control character in the messages"
        );
    }
}
